"""Centre import: never trust a bundle.

For each bundle, in order, stopping at the first failure with a plain reason (exit code 5): size and
header limits, decryption, ZIP safety, manifest and hashes, signature against the enrolled device,
format version. Then every record goes through the validation engine; invalid records are
quarantined (kept with their reasons) and the rest merged, all of one bundle in ONE transaction.

This module reads, decrypts and checks bundles and their records, and orchestrates an import (with its
progress reports); how a checked record is compared with the stored one and applied is :mod:`sync.merge`.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from storage.core.backup import ImportBackup
from storage.core.catalogues import catalogue_named, issued_versions
from storage.core.clock import latest_plausible, millis_date, today, utc_now, version_date, wall_millis
from storage.core.roles import require
from storage.core.session import SEED_DEVICE, SEED_HLC, Session, seeded_desk_uuid
from storage.errors import UsageError
from storage.i18n import QT_TRANSLATE_NOOP, say
from storage.records.desk import desk_context
from storage.reference.periods import parse_period
from storage.validation import (
    ValueContext,
    ValueInput,
    check_desk_case,
    check_perpetrators,
    check_pkm_request,
    check_services,
    check_value,
    check_values,
    issue,
)
from storage.views.rule_conflicts import rule_conflicts
from sync.anchors import check_bundle_anchor
from sync.bundle import (
    FORMAT_VERSION,
    RECORD_TYPES,
    BundleRejected,
    OpenedBundle,
    decrypt_bundle,
    is_hlc,
    is_uuid,
    open_archive,
)
from sync.keys import Enrollment, age_identities, fingerprint, verify_signature
from sync.merge import Incoming, merge_records, not_owner, quarantine_records, superseded
from sync.refusals import remember
from sync.schema import DESK_CHILD_TYPES, SPECS, RecordSpec, shape_problem


@dataclass
class ImportOutcome:
    """One bundle's result, as the ``--json`` report and the import desk's result table show it.

    ``district``, ``device_name`` and ``sequence`` are the manifest's claims until the device is verified;
    after that ``district`` and ``device_name`` are the ones this centre enrolled. ``unknown_device`` is set
    when the bundle was refused only because its device is not enrolled: what the bundle claims, for the
    clerk to compare by phone before enrolling it (:func:`sync.inbox.enroll_pending_device`). Its claimed
    ``fingerprint`` is in neither ``reason`` nor :meth:`as_dict`: the clerk types the one the district office
    reads out, and a fingerprint on the screen would give the check its answer.
    """

    file: str
    status: str  # imported | duplicate | rejected
    reason: str | None = None
    device: str | None = None
    district: str | None = None
    sequence: int | None = None
    device_name: str | None = None
    bundle_id: str | None = None
    records_total: int = 0
    unknown_device: Enrollment | None = None
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(
        ("new", "updated", "unchanged", "conflicts", "quarantined"), 0))
    # What an imported bundle warns about, naming its district and PC: an audit history rewritten or rolled
    # back (sync/anchors.py), a bundle made for a retired centre key. Kept with the bundle (bundles.warnings).
    warnings: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        """As the ``--json`` report shows it."""
        unknown = self.unknown_device
        return {"file": self.file, "status": self.status, "reason": self.reason, "device": self.device,
                "district": self.district, "device_name": self.device_name, "sequence": self.sequence,
                "bundle_id": self.bundle_id, "records_total": self.records_total, "counts": self.counts,
                "warnings": self.warnings,
                "unknown_device": None if unknown is None else {
                    "device_id": unknown.device_id, "district": unknown.district, "device_name": unknown.device_name}}


@dataclass(frozen=True)
class ImportProgress:
    """Where an import run is: reported after each step of each bundle, from the importing thread.

    Each bundle reports first with nothing done, then after its manifest is read (``records_total``
    known), after each chunk of records, and last with its ``outcome``. Reports come in order.
    """

    bundle_index: int  # 0-based position of the bundle in this run
    bundle_total: int
    file: str
    records_done: int
    records_total: int  # records the manifest announces; 0 until it has been read
    outcome: ImportOutcome | None = None  # set on the bundle's last report

    @property
    def fraction(self) -> float:
        """Progress of the whole run, 0.0 to 1.0 (each bundle counts the same)."""
        if self.outcome is not None:
            within = 1.0
        else:
            within = self.records_done / self.records_total if self.records_total else 0.0
        return (self.bundle_index + within) / self.bundle_total


ProgressCallback = Callable[[ImportProgress], None]


class UnknownDevice(BundleRejected):
    """A bundle refused because its device is not enrolled; carries what the bundle claims about it."""

    def __init__(self, message: str, claimed: Enrollment) -> None:
        super().__init__(message)
        self.claimed = claimed


def bundle_files(paths: Iterable[str | Path]) -> list[Path]:
    """Files as given, and every ``*.mizan`` file inside folders and their subfolders (a USB stick with a
    folder per district, an inbox), in a stable order."""
    found: list[Path] = []
    for entry in map(Path, paths):
        if entry.is_dir():
            found.extend(sorted(p for p in entry.rglob("*.mizan") if p.is_file()))
        else:
            found.append(entry)
    return found


def require_centre_import(session: Session) -> None:
    """Only a clerk at the provincial centre imports bundles (and works on what they bring)."""
    require(session, "import")
    if not session.is_centre:
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "Bundles are imported at the provincial centre; a district office exports them.")))


def import_bundles(session: Session, paths: Iterable[str | Path],
                   on_progress: ProgressCallback | None = None) -> list[ImportOutcome]:
    """Import bundle files and inbox folders; each bundle succeeds or fails on its own.

    ``on_progress`` receives an :class:`ImportProgress` after each step (on this thread: a GUI relays it
    to its own thread with a queued signal).
    """
    require_centre_import(session)
    identities = age_identities(session)
    files = bundle_files(paths)
    # The automatic backup (storage/core/backup.py), made just before the first merge: none when nothing
    # of this run can be imported.
    backup = ImportBackup(session)
    outcomes = []
    for index, path in enumerate(files):
        report = None
        if on_progress is not None:
            def report(done: int, total: int, outcome: ImportOutcome | None = None, *, index: int = index,
                       path: Path = path) -> None:
                on_progress(ImportProgress(index, len(files), str(path), done, total, outcome))
        outcomes.append(import_bundle(session, path, identities, report, before_merge=backup))
        if outcomes[-1].status != "imported":  # the inbox does not offer it again (sync/refusals.py)
            remember(session, path, outcomes[-1].reason or outcomes[-1].status)
    return outcomes


def _no_report(done: int, total: int, outcome: ImportOutcome | None = None) -> None:
    return None


def import_bundle(session: Session, path: Path, identities: list,
                  report: Callable[..., None] | None = None, *,
                  before_merge: Callable[[], object] | None = None) -> ImportOutcome:
    """Check, validate and merge one bundle: all of it in one transaction, or nothing.

    ``report(records_done, records_total, outcome=None)`` is told how far it got (see :class:`ImportProgress`);
    ``before_merge()`` is called once the bundle has passed every check and is not a duplicate, just
    before its records are merged (the run's automatic backup).
    """
    require_centre_import(session)  # public on its own too: the role check belongs here, not only in the loop
    report = report or _no_report
    outcome = ImportOutcome(file=str(path), status="rejected")
    report(0, 0)
    try:
        file_digest = hashlib.sha256()
        plaintext = decrypt_bundle(path, identities, file_digest)
        archive, manifest, manifest_bytes, signature = open_archive(path, plaintext)
        outcome.device, outcome.sequence = manifest["device_id"], manifest["sequence"]
        outcome.district, outcome.device_name = manifest["district"], manifest["device_name"]
        outcome.bundle_id, outcome.records_total = manifest["bundle_id"], sum(manifest["counts"].values())
        report(0, outcome.records_total)
        device_district, outcome.device_name = _verify_device(session, path, manifest, manifest_bytes, signature)
        outcome.district = device_district
        if manifest["format_version"] > FORMAT_VERSION:
            raise BundleRejected(say("errors", QT_TRANSLATE_NOOP("errors", "{file} was made by a newer Mizan (bundle format {version}; this centre reads up to {format_version}). Update Mizan at the centre first."), file=path.name, version=manifest['format_version'], format_version=FORMAT_VERSION))
        if session.db.execute("SELECT 1 FROM bundles WHERE bundle_id = ?", [manifest["bundle_id"]]).fetchone():
            outcome.status = "duplicate"
        else:
            bundle = OpenedBundle(path, manifest, archive)
            if before_merge is not None:
                before_merge()
            warnings = _retired_key_warning(session, path, manifest, device_district, outcome.device_name)
            with session.write(), _judged_by_its_catalogue(session, manifest):
                places = _merge_bundle(session, bundle, device_district, outcome.counts,
                                       lambda done: report(done, outcome.records_total))
                warnings += rule_warnings(session, places, path.name, outcome.device_name)
                warnings += check_bundle_anchor(session, manifest, device_district, outcome.device_name)
                session.db.execute(
                    "INSERT INTO bundles (bundle_id, device_id, sequence, district, file_name, hlc_high, counts, "
                    "imported_at, imported_by, file_sha256, warnings, centre_update) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [manifest["bundle_id"], manifest["device_id"], manifest["sequence"], device_district, path.name,
                     manifest["hlc_high"], json.dumps(outcome.counts), utc_now(), session.user,
                     file_digest.hexdigest(), json.dumps(warnings, ensure_ascii=False) if warnings else None,
                     manifest.get("centre_update", 0)])
            outcome.status, outcome.warnings = "imported", warnings
    except UnknownDevice as unknown:
        outcome.reason, outcome.unknown_device = str(unknown), unknown.claimed
    except BundleRejected as rejection:
        outcome.reason = str(rejection)
    report(outcome.records_total if outcome.status == "imported" else 0, outcome.records_total, outcome)
    return outcome


@contextlib.contextmanager
def _judged_by_its_catalogue(session: Session, manifest: dict) -> Iterator[None]:
    """A bundle is judged by the catalogue it was made with, when the centre holds it: an office that has not
    applied the newest catalogue yet still exports and imports cleanly. Else by the centre's own."""
    own = session.catalogue
    if manifest["catalogue_version"] != own.version:  # the usual case is the same catalogue: nothing to look up
        session.catalogue = catalogue_named(session.db, manifest["catalogue_version"]) or own
    try:
        yield
    finally:
        session.catalogue = own


def _retired_key_warning(session: Session, path: Path, manifest: dict, district: str, device_name: str) -> list[str]:
    """A bundle made for a centre key retired by ``keys rotate`` still imports, with a warning naming its
    district and PC: that office has not taken the new key yet, and whoever holds the old key (if it leaked)
    can read what it sends. ``centre_recipient`` is the PC's signed word on which key it used."""
    row = session.db.execute("SELECT retired_at FROM secret_keys WHERE name = ? AND retired_at IS NOT NULL",
                             [f"age:{manifest['centre_recipient']}"]).fetchone()
    if row is None:
        return []
    return [say("import", QT_TRANSLATE_NOOP("import", "{file}: district {district}, PC '{device}', made this bundle for the centre key retired on {retired}. Whoever holds that old key can read it. Give the office the centre's new key file (they import it with --replace) and, if the old key may have leaked, find out who carried this PC's bundles."), file=path.name, district=district, device=device_name, retired=row[0][:10])]


def claimed_device(manifest: dict) -> Enrollment:
    """What a bundle's manifest says about the device that made it (not trusted until compared by phone)."""
    public_key = manifest["device_public_key"]
    return Enrollment(manifest["device_id"], manifest["district"], manifest["device_name"], public_key,
                      fingerprint(public_key))


def _verify_device(session: Session, path: Path, manifest: dict, manifest_bytes: bytes,
                   signature: str) -> tuple[str, str]:
    """The signature must verify against the key this centre enrolled for the device.

    Returns the district and name this centre enrolled the device with.
    """
    row = session.db.execute("SELECT district, device_name, public_key, status, revoked_at FROM devices "
                             "WHERE device_id = ?", [manifest["device_id"]]).fetchone()
    if row is None:
        claimed = claimed_device(manifest)
        raise UnknownDevice(
            say("errors", QT_TRANSLATE_NOOP("errors", "{file} comes from a device this centre has not enrolled: district {district}, device '{device}'. Phone the district office and ask them to read out the fingerprint on their Export screen; enroll the device with what they read (`devices enroll` with `--fingerprint`), then import the bundle again."), file=path.name, district=claimed.district, device=claimed.device_name), claimed)
    district, device_name, public_key, status, revoked_at = row
    if status == "revoked":
        raise BundleRejected(say("errors", QT_TRANSLATE_NOOP("errors", "{file} comes from device '{device_name}' ({district}), which was revoked on {revoked}. Bundles from a revoked device are refused."), file=path.name, device_name=device_name, district=district, revoked=(revoked_at or '')[:10]))
    if public_key != manifest["device_public_key"]:
        raise BundleRejected(say("errors", QT_TRANSLATE_NOOP("errors", "{file} claims to come from device '{device_name}' ({district}) but carries a different key than the one enrolled, so it is refused. Phone the district office: if they reinstalled Mizan, revoke the old device and enroll the new installation; if not, the file may be forged."), file=path.name, device_name=device_name, district=district))
    if not verify_signature(public_key, manifest_bytes, signature):
        raise BundleRejected(say("errors", QT_TRANSLATE_NOOP("errors", "{file} is not signed by device '{device_name}' ({district}): the signature does not verify. It was altered or forged; do not import it."), file=path.name, device_name=device_name, district=district))
    if manifest["district"] != district:
        raise BundleRejected(say("errors", QT_TRANSLATE_NOOP("errors", "{file} claims district {claimed}, but its device is enrolled for {district}."), file=path.name, claimed=manifest['district'], district=district))
    return district, device_name


# -- record checks -------------------------------------------------------------------------------------


_MAY_BE_MINIMAL = frozenset(("desk_cases", *DESK_CHILD_TYPES))  # types whose consent can be withdrawn


def _structural_checks(incoming: Incoming, spec: RecordSpec, device_id: str, district: str,
                       latest: str, seeds: dict[str, dict]) -> None:
    record = incoming.record
    problem = shape_problem(spec, record, minimal_tombstone_ok=incoming.record_type in _MAY_BE_MINIMAL)
    if problem is None and not (is_uuid(record["uuid"]) and is_hlc(record["hlc"])):
        problem = "its uuid or version is malformed"
    if problem:
        incoming.problems.append(issue("SY_RECORD_SHAPE", record_type=incoming.record_type, value=problem))
        return
    origin = record["origin_device"]
    if origin == SEED_DEVICE and incoming.record_type == "desks":
        # The seed rule: "seed" may be claimed only for a desk Mizan seeds for this district, as seeded. A change
        # carries the device's own origin; another district's seeded desk is that district's.
        seeded = seeds.get(record["code"])
        if seeded is not None and seeded["district"] != district:
            incoming.problems.append(issue("SY_DESK_OWNER", value=record["code"], owner=seeded["district"],
                                           district=district))
        elif seeded is None or record["hlc"] != SEED_HLC or record["uuid"] != seeded_desk_uuid(record["code"]):
            incoming.problems.append(issue("SY_OTHER_DEVICE", value=origin, device=device_id))
    elif origin != device_id:
        incoming.problems.append(issue("SY_OTHER_DEVICE", value=origin, device=device_id))
    if not incoming.minimal and "district" in spec.columns and record["district"] != district:
        incoming.problems.append(issue("SY_OTHER_DISTRICT", value=record["district"], district=district))
    if record["hlc"] > latest:  # fixed-width versions: text order is numeric order
        incoming.problems.append(issue("SY_CLOCK_AHEAD", value=version_date(record["hlc"]),
                                       today=millis_date(wall_millis())))


def _content_checks(session: Session, incomings: list[Incoming], district: str) -> None:
    """The same validation engine as data entry, on every live record (tombstones: keys only)."""
    catalogue = session.catalogue
    live = [i for i in incomings if not i.problems and not i.minimal]
    record_type = incomings[0].record_type if incomings else ""
    if record_type == "indicator_values":
        # No stored history: a bundle is judged on its own, so the same bundle gets the same verdict
        # whatever the centre imported before it (import order must not matter).
        context = ValueContext(catalogue=catalogue, today=today(), own_district=district)
        values = [i for i in live if not i.record["deleted"]]
        inputs = [value_input(i.record) for i in values]
        # Only errors count here, so the outlier check (warnings only) is skipped; the rules that compare
        # indicators are judged after the merge, on what the centre then holds, as warnings (never kept aside).
        for incoming, checked in zip(values, check_values(context, inputs, outliers=False, cross_rules=False),
                                     strict=True):
            incoming.problems.extend(p for p in checked.issues if p.severity == "error")
        for incoming in (i for i in live if i.record["deleted"]):
            checked = check_value(context, value_input(incoming.record))
            incoming.problems.extend(p for p in checked.issues if p.rule in ("IV_UNKNOWN_INDICATOR", "IV_UNKNOWN_CELL"))
    elif record_type == "targets":
        for incoming in live:
            record = incoming.record
            if record["indicator"] not in catalogue.indicators:
                incoming.problems.append(issue("IV_UNKNOWN_INDICATOR", value=record["indicator"]))
            if record["target"] < 0:
                incoming.problems.append(issue("IV_NEGATIVE", indicator=record["indicator"], field="target",
                                               value=record["target"]))
    elif record_type == "completions":
        for incoming in live:
            record = incoming.record
            if record["institution"] not in catalogue.institutions or parse_period(record["period"]) is None:
                incoming.problems.append(issue("SY_RECORD_SHAPE", record_type=record_type,
                                               value="unknown institution or period"))
    elif record_type in ("desk_cases", "pkm_requests", *DESK_CHILD_TYPES):
        _desk_checks(session, record_type, live)
    if record_type in SPECS and "catalogue_version" in SPECS[record_type].columns:
        issued = issued_versions(session.db)
        for incoming in live:
            claimed = incoming.record["catalogue_version"]
            if claimed is not None and claimed not in issued:  # a claim, checked like a clock's
                incoming.problems.append(issue("SY_UNKNOWN_CATALOGUE", value=claimed))


def _desk_checks(session: Session, record_type: str, live: list[Incoming]) -> None:
    context = desk_context(session)
    catalogue = session.catalogue
    desk_districts = dict(session.db.execute("SELECT code, district FROM desks").fetchall())
    names: dict[str, tuple[str, str]] = {}
    for incoming in live:
        record = incoming.record
        if record["deleted"]:
            continue
        if record_type in ("desk_cases", "pkm_requests"):
            owner = desk_districts.get(record["desk"])
            if owner is not None and owner != record["district"]:  # a desk belongs to its district
                incoming.problems.append(issue("SY_OTHER_DESK", value=record["desk"], owner=owner,
                                               district=record["district"]))
        if record_type == "desk_cases":
            case = {**record, **SPECS["desk_cases"].centre_fill}
            incoming.problems.extend(check_desk_case(context, case))
            if record["client_age_group"] not in (None, *catalogue.options("age")):
                incoming.problems.append(issue("DC_UNKNOWN_CHOICE", field="client_age_group",
                                               value=record["client_age_group"],
                                               choices=", ".join(catalogue.options("age"))))
        elif record_type == "pkm_requests":
            incoming.problems.extend(check_pkm_request(context, record))
        else:
            parent = session.db.execute("SELECT origin_device FROM desk_cases WHERE uuid = ?",
                                        [record["case_uuid"]]).fetchone()
            if parent is None:
                incoming.problems.append(issue("SY_PARENT_MISSING", value=record["case_uuid"]))
            elif parent[0] != record["origin_device"]:  # only the case's own PC adds to it
                incoming.problems.append(not_owner(session, record["case_uuid"], parent[0], record["origin_device"],
                                                   names))
            elif record_type == "desk_case_perpetrators":
                incoming.problems.extend(check_perpetrators(catalogue, [record]))
            else:
                incoming.problems.extend(check_services(catalogue, [record]))


def value_input(record: dict) -> ValueInput:
    """An indicator value record as the validation engine takes it (a fraction's value is computed)."""
    return ValueInput.from_stored(record["indicator"], record["district"], record["period"], record["cell"],
                                  record["value"], record["numerator"], record["denominator"], record["comment"])


# -- import of one bundle's records ---------------------------------------------------------------------------------------------


def rule_warnings(session: Session, places: set[tuple[str, str]], file_name: str, device_name: str) -> list[str]:
    """The rules that compare indicators (rules.csv), broken at a (district, period) whose figures a bundle
    brought, judged on what the centre holds after the merge: one warning per broken rule, naming the figure,
    the other figures and the district's PC. The figures are merged all the same, and the warning stays with
    the bundle: a figure that disagrees with another is never merged silently."""
    by_district: dict[str, set[str]] = {}
    for district, period in places:
        by_district.setdefault(district, set()).add(period)
    warnings = []
    for district in sorted(by_district):
        seen: set[tuple[str, str]] = set()
        for conflict in rule_conflicts(session, district, by_district[district]):
            if (conflict.period, conflict.issue.check or "") in seen:
                continue
            seen.add((conflict.period, conflict.issue.check or ""))
            warnings.append(say("import", QT_TRANSLATE_NOOP("import", "{file}: district {district}, PC '{device}', {period}: {indicator} {cell}: {message}"),
                                file=file_name, district=district, device=device_name, period=conflict.period,
                                indicator=conflict.indicator, cell=conflict.cell, message=conflict.issue.message))
    return warnings


def _merge_bundle(session: Session, bundle: OpenedBundle, district: str, counts: dict[str, int],
                  on_records: Callable[[int], None]) -> set[tuple[str, str]]:
    """Check every record of the bundle, quarantine the bad ones and merge the rest, type by type.

    ``on_records(done)`` is told how many records have been dealt with so far. Returns the (district,
    period) of every indicator value merged, for the rules that compare indicators.
    """
    device_id = bundle.manifest["device_id"]
    bundle_id = bundle.manifest["bundle_id"]
    done = 0
    places: set[tuple[str, str]] = set()

    def dealt_with(count: int) -> None:
        nonlocal done
        done += count
        on_records(done)

    for record_type in RECORD_TYPES:
        incomings = check_incoming(session, record_type, bundle.records(record_type), device_id, district)
        bad = [i for i in incomings if i.problems]
        withdrawn = superseded(session, record_type, bad, device_id)  # older than the device's own tombstone
        if withdrawn:
            counts["unchanged"] += len(withdrawn)
            gone = {id(i) for i in withdrawn}
            bad = [i for i in bad if id(i) not in gone]
            dealt_with(len(withdrawn))
        counts["quarantined"] += quarantine_records(session, bundle_id, bad)
        if bad:
            dealt_with(len(bad))
        merge_records(session, record_type, [i.record for i in incomings if not i.problems], bundle_id, counts,
                      dealt_with)
        if record_type == "indicator_values":
            places |= {(i.record["district"], i.record["period"]) for i in incomings if not i.problems}
    return places


def check_incoming(session: Session, record_type: str, raws: Iterable[dict | str], device_id: str,
                   district: str) -> list[Incoming]:
    """Every import check on records of one type from one device: shape, origin, district, a version at
    most a day ahead of this centre's clock, then the validation engine. ``raws`` are records, or strings
    saying why a line is not one. Writes nothing."""
    spec = SPECS[record_type]
    incomings: list[Incoming] = []
    latest = latest_plausible()
    seeds = {desk["code"]: desk for desk in session.catalogue.seed_desks}
    for line, raw in enumerate(raws, start=1):
        if isinstance(raw, str):
            incoming = Incoming(record_type, {}, line)
            incoming.problems.append(issue("SY_RECORD_SHAPE", record_type=record_type, value=raw))
        else:
            incoming = Incoming(record_type, raw, line)
            _structural_checks(incoming, spec, device_id, district, latest, seeds)
        incomings.append(incoming)
    _content_checks(session, incomings, district)
    return incomings
