"""Centre import and merge: never trust a bundle.

For each bundle, in order, stopping at the first failure with a plain reason (exit code 5): size and
header limits, decryption, ZIP safety, manifest and hashes, signature against the enrolled device,
format version. Then every record goes through the validation engine; invalid records are
quarantined (kept with their reasons) and the rest merged, all of one bundle in ONE transaction.

Merge rules, which make imports idempotent and order-free:
* a record's version is ``(hlc, origin_device)``; the highest version of a key wins;
* records from the same device are one lineage: a newer version replaces the older;
* the same natural key written by two devices is a conflict: the winner is stored and, per other
  device, that device's newest version is kept in ``conflicts`` for review;
* a minimal tombstone (a desk case whose client withdrew consent) removes the row and is remembered
  in ``tombstones``, so an older copy arriving later stays deleted;
* a losing version the clerk has already decided (``conflict_decisions``, :mod:`sync.centre`) is not a
  new conflict when a cumulative bundle brings it again.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import operator
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import sqlcipher3

from storage.backup import backup_before_import
from storage.database import SEED_DEVICE, Session, utc_now
from storage.desk import desk_context
from storage.errors import UsageError
from storage.hlc import parse_hlc
from storage.i18n import QT_TRANSLATE_NOOP, say
from storage.periods import parse_period
from storage.records import today
from storage.users import require
from storage.validation import (
    Issue,
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
from sync.schema import DESK_CHILD_TYPES, SPECS, SYNC_COLUMNS, RecordSpec, shape_problem

CHUNK = 2000


@dataclass
class ImportOutcome:
    """One bundle's result, as the ``--json`` report and the import desk's result table show it.

    ``district``, ``device_name`` and ``sequence`` are the manifest's claims until the device is verified;
    after that ``district`` and ``device_name`` are the ones this centre enrolled. ``unknown_device`` is set
    when the bundle was refused only because its device is not enrolled: what the bundle claims, for the
    clerk to compare by phone before enrolling it (:func:`sync.centre.enroll_pending_device`).
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

    def as_dict(self) -> dict:
        unknown = self.unknown_device
        return {"file": self.file, "status": self.status, "reason": self.reason, "device": self.device,
                "district": self.district, "device_name": self.device_name, "sequence": self.sequence,
                "bundle_id": self.bundle_id, "records_total": self.records_total, "counts": self.counts,
                "unknown_device": None if unknown is None else {
                    "device_id": unknown.device_id, "district": unknown.district, "device_name": unknown.device_name,
                    "fingerprint": unknown.fingerprint}}


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
    backup_before_import(session, files)  # storage/backup.py: automatic, kept in backups/ (last N)
    outcomes = []
    for index, path in enumerate(files):
        report = None
        if on_progress is not None:
            def report(done: int, total: int, outcome: ImportOutcome | None = None, *, index: int = index,
                       path: Path = path) -> None:
                on_progress(ImportProgress(index, len(files), str(path), done, total, outcome))
        outcomes.append(import_bundle(session, path, identities, report))
    return outcomes


def _no_report(done: int, total: int, outcome: ImportOutcome | None = None) -> None:
    return None


def import_bundle(session: Session, path: Path, identities: list,
                  report: Callable[..., None] | None = None) -> ImportOutcome:
    """Check, validate and merge one bundle: all of it in one transaction, or nothing.

    ``report(records_done, records_total, outcome=None)`` is told how far it got (see :class:`ImportProgress`).
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
            with session.write():
                _merge_bundle(session, bundle, device_district, outcome.counts,
                              lambda done: report(done, outcome.records_total))
                session.db.execute(
                    "INSERT INTO bundles (bundle_id, device_id, sequence, district, file_name, hlc_high, counts, "
                    "imported_at, imported_by, file_sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [manifest["bundle_id"], manifest["device_id"], manifest["sequence"], device_district, path.name,
                     manifest["hlc_high"], json.dumps(outcome.counts), utc_now(), session.user,
                     file_digest.hexdigest()])
            outcome.status = "imported"
    except UnknownDevice as unknown:
        outcome.reason, outcome.unknown_device = str(unknown), unknown.claimed
    except BundleRejected as rejection:
        outcome.reason = str(rejection)
    report(outcome.records_total if outcome.status == "imported" else 0, outcome.records_total, outcome)
    return outcome


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
            say("errors", QT_TRANSLATE_NOOP("errors", "{file} comes from a device this centre has not enrolled: district {district}, device '{device}', key fingerprint {fingerprint}. Ask the district office to read its fingerprint to you by phone; if it matches, enroll the device from its enrollment file (`devices enroll FILE`) and import the bundle again."), file=path.name, district=claimed.district, device=claimed.device_name, fingerprint=claimed.fingerprint), claimed)
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


@dataclass
class Incoming:
    """A record as it arrived (or was kept in quarantine), with the problems the checks found."""

    record_type: str
    record: dict
    line: int
    problems: list[Issue] = field(default_factory=list)

    @property
    def minimal(self) -> bool:
        return len(self.record) == len(SYNC_COLUMNS) and self.record.keys() == _SYNC_KEYS

    @property
    def label(self) -> str:
        uuid_ = self.record.get("uuid")
        return uuid_ if is_uuid(uuid_) else f"line {self.line}"


_MAY_BE_MINIMAL = frozenset(("desk_cases", *DESK_CHILD_TYPES))  # types whose consent can be withdrawn


def _structural_checks(incoming: Incoming, spec: RecordSpec, device_id: str, district: str) -> None:
    record = incoming.record
    problem = shape_problem(spec, record, minimal_tombstone_ok=incoming.record_type in _MAY_BE_MINIMAL)
    if problem is None and not (is_uuid(record["uuid"]) and is_hlc(record["hlc"])):
        problem = "its uuid or version is malformed"
    if problem:
        incoming.problems.append(issue("SY_RECORD_SHAPE", record_type=incoming.record_type, value=problem))
        return
    origin = record["origin_device"]
    if origin != device_id and not (incoming.record_type == "desks" and origin == SEED_DEVICE):
        incoming.problems.append(issue("SY_OTHER_DEVICE", value=origin, device=device_id))
    if not incoming.minimal and "district" in spec.columns and record["district"] != district:
        incoming.problems.append(issue("SY_OTHER_DISTRICT", value=record["district"], district=district))


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
        # Only errors count here, so the outlier check (warnings only) is skipped.
        for incoming, checked in zip(values, check_values(context, inputs, outliers=False), strict=True):
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


def _desk_checks(session: Session, record_type: str, live: list[Incoming]) -> None:
    context = desk_context(session)
    catalogue = session.catalogue
    for incoming in live:
        record = incoming.record
        if record["deleted"]:
            continue
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
            parent = session.db.execute("SELECT 1 FROM desk_cases WHERE uuid = ?", [record["case_uuid"]]).fetchone()
            if parent is None:
                incoming.problems.append(issue("SY_PARENT_MISSING", value=record["case_uuid"]))
            elif record_type == "desk_case_perpetrators":
                incoming.problems.extend(check_perpetrators(catalogue, [record]))
            else:
                incoming.problems.extend(check_services(catalogue, [record]))


def value_input(record: dict) -> ValueInput:
    """An indicator value record as the validation engine takes it (a fraction's value is computed)."""
    fraction = record["numerator"] is not None or record["denominator"] is not None
    return ValueInput(record["indicator"], record["district"], record["period"], record["cell"],
                      None if fraction else record["value"], record["numerator"], record["denominator"],
                      record["comment"])


# -- merge ---------------------------------------------------------------------------------------------


def _merge_bundle(session: Session, bundle: OpenedBundle, district: str, counts: dict[str, int],
                  on_records: Callable[[int], None]) -> None:
    """Check every record of the bundle, quarantine the bad ones and merge the rest, type by type.

    ``on_records(done)`` is told how many records have been dealt with so far.
    """
    device_id = bundle.manifest["device_id"]
    bundle_id = bundle.manifest["bundle_id"]
    done = 0

    def dealt_with(count: int) -> None:
        nonlocal done
        done += count
        on_records(done)

    for record_type in RECORD_TYPES:
        incomings = check_incoming(session, record_type, bundle.records(record_type), device_id, district)
        bad = [i for i in incomings if i.problems]
        counts["quarantined"] += _quarantine(session, bundle_id, bad)
        if bad:
            dealt_with(len(bad))
        merge_records(session, record_type, [i.record for i in incomings if not i.problems], bundle_id, counts,
                      dealt_with)


def check_incoming(session: Session, record_type: str, raws: Iterable[dict | str], device_id: str,
                   district: str) -> list[Incoming]:
    """Every import check on records of one type from one device: shape, origin, district, then the
    validation engine. ``raws`` are records, or strings saying why a line is not one. Writes nothing."""
    spec = SPECS[record_type]
    incomings: list[Incoming] = []
    for line, raw in enumerate(raws, start=1):
        if isinstance(raw, str):
            incoming = Incoming(record_type, {}, line)
            incoming.problems.append(issue("SY_RECORD_SHAPE", record_type=record_type, value=raw))
        else:
            incoming = Incoming(record_type, raw, line)
            _structural_checks(incoming, spec, device_id, district)
        incomings.append(incoming)
    _content_checks(session, incomings, district)
    return incomings


def merge_records(session: Session, record_type: str, records: list[dict], bundle_id: str, counts: dict[str, int],
                  on_chunk: Callable[[int], None] | None = None) -> None:
    """Merge checked records of one type (the one merge path: imports and quarantine re-checks use it).

    Runs inside the caller's write transaction; ``counts`` gains new/updated/unchanged/conflicts/quarantined.
    """
    spec = SPECS[record_type]
    for start in range(0, len(records), CHUNK):
        chunk = records[start : start + CHUNK]
        _merge_chunk(session, spec, record_type, chunk, counts, bundle_id)
        if on_chunk is not None:
            on_chunk(len(chunk))


def _quarantine(session: Session, bundle_id: str, bad: list[Incoming]) -> int:
    """Keep bad records with their reasons; returns how many. A uuid repeated in one bundle is kept
    once per line, so nothing is dropped silently."""
    now = utc_now()
    repeats = Counter(i.label for i in bad)
    session.db.conn.executemany(
        "INSERT OR IGNORE INTO quarantine (bundle_id, record_type, record_uuid, record, reasons, quarantined_at) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        [(bundle_id, i.record_type, i.label if repeats[i.label] == 1 else f"{i.label} (line {i.line})",
          json.dumps(i.record, ensure_ascii=False, default=str),
          json.dumps([p.as_dict() for p in i.problems], ensure_ascii=False), now) for i in bad])
    return len(bad)


CLOCK_TOLERANCE_MS = 24 * 60 * 60 * 1000


def _observe_plausible(session: Session, version: str) -> bool:
    """Let the centre's clock follow versions it merges, except ones more than a day ahead of it.

    A district PC whose clock runs years ahead still gets its records merged (office clocks are often
    wrong), but it cannot drag the centre's own clock, and so every later centre write, into the future.
    Returns whether the version was plausible.
    """
    if parse_hlc(version)[0] <= time.time() * 1000 + CLOCK_TOLERANCE_MS:
        session.clock.observe(version)
        return True
    return False


def _version(record: dict | tuple) -> tuple[str, str]:
    if isinstance(record, dict):
        return (record["hlc"], record["origin_device"])
    return record  # already (hlc, origin_device)


def key_text(key: tuple) -> str:
    """A natural key as stored in ``conflicts.natural_key`` (a JSON list)."""
    return json.dumps(list(key), ensure_ascii=False, separators=(",", ":"))


class _Writes:
    """A chunk's writes, in the order they were asked for; each run of one statement is one ``executemany``.

    No savepoint around them: on this SQLCipher, 2,000 inserts inside one savepoint took about nine times
    as long as without it. Whatever reads the tables in between calls :meth:`flush` first.
    An insert that breaks a constraint (e.g. a case number already at the centre) ends its ``executemany``
    at that row, which SQLite has rolled back; the record is quarantined as :func:`_insert` does, and the
    run goes on after it. The merge uses this only for chunks without repeated keys, where no record's
    fate depends on whether another one's insert succeeded, so the outcome is that of row-by-row merging.
    """

    def __init__(self, session: Session, spec: RecordSpec, bundle_id: str, counts: dict[str, int],
                 existing: dict) -> None:
        self.session, self.spec, self.bundle_id, self.counts, self.existing = session, spec, bundle_id, counts, existing
        self.sql: str | None = None
        self.rows: list[Sequence] = []
        self.inserted: list[tuple[dict, tuple] | None] = []  # per row: (record, key) of an insert

    def execute(self, sql: str, params: Sequence, inserted: tuple[dict, tuple] | None = None) -> None:
        if sql != self.sql:
            self.flush()
            self.sql = sql
        self.rows.append(params)
        self.inserted.append(inserted)

    def flush(self) -> None:
        sql, rows, inserted = self.sql, self.rows, self.inserted
        self.sql, self.rows, self.inserted = None, [], []
        reached = [0]

        def feed(first: int) -> Iterator[Sequence]:
            for index in range(first, len(rows)):  # executemany takes one row, runs it, then the next
                reached[0] = index
                yield rows[index]

        start = 0
        while start < len(rows):
            try:
                self.session.db.conn.executemany(sql, feed(start))
                return
            except sqlcipher3.IntegrityError as error:
                if inserted[reached[0]] is None:
                    raise  # not a new row: as row by row, the error ends the bundle's transaction
                record, key = inserted[reached[0]]
                problem = Incoming(self.spec.table, record, 0, [issue("SY_DUPLICATE", value=str(error))])
                _quarantine(self.session, self.bundle_id, [problem])
                self.counts["quarantined"] += 1
                self.counts["new"] -= 1
                del self.existing[key]
                start = reached[0] + 1


class _Direct:
    """Row-by-row writes, for chunks that repeat a key (only a malformed bundle does)."""

    def __init__(self, session: Session) -> None:
        self.db = session.db

    def execute(self, sql: str, params: Sequence, inserted: tuple[dict, tuple] | None = None) -> None:
        self.db.execute(sql, params)

    def flush(self) -> None:
        pass


def _merge_chunk(session: Session, spec: RecordSpec, record_type: str, records: list[dict], counts: dict[str, int],
                 bundle_id: str) -> None:
    db = session.db
    key_columns = spec.natural_key
    # Minimal tombstones exist only for uuid-keyed types, so every record has a key of the same shape.
    key_of = _getter(key_columns)
    keys = [key_of(record) for record in records]
    # Versions are fixed-width text (checked), so the largest is the newest: observing it is observing them
    # all, unless it is too far ahead, when each version is judged on its own.
    if records and not _observe_plausible(session, max(record["hlc"] for record in records)):
        for record in records:
            _observe_plausible(session, record["hlc"])
    existing = _existing_rows(session, spec, keys)
    conflicts = _existing_conflicts(session, record_type, keys) if key_columns != ("uuid",) else {}
    uuids = [r["uuid"] for r in records]
    tombstones = {row[0]: (row[1], row[2]) for row in _in_chunks(
        db, "SELECT record_uuid, hlc, origin_device FROM tombstones WHERE record_type = ? AND record_uuid IN ({})",
        [record_type], uuids)}
    # Batched writes when no key or uuid repeats within the chunk; otherwise row by row, as a later record's
    # merge may depend on whether an earlier one's insert succeeded.
    batched = len(set(keys)) == len(keys) and len(set(uuids)) == len(uuids)
    writes = _Writes(session, spec, bundle_id, counts, existing) if batched else _Direct(session)
    insert_sql = _insert_sql(spec)
    values_of, fill = _getter(spec.exported), tuple(spec.centre_fill.values())
    for record, key in zip(records, keys, strict=True):
        version = (record["hlc"], record["origin_device"])
        if len(record) == len(SYNC_COLUMNS) and record.keys() == _SYNC_KEYS:  # a minimal tombstone: consent withdrawn
            _apply_minimal_tombstone(session, spec, record_type, record, existing, tombstones, counts, writes)
            continue
        row = existing.get(key)
        if row is None:
            dead = tombstones.get(record["uuid"])
            if dead is not None and dead >= version:
                counts["unchanged"] += 1
                continue
            if dead is not None:
                writes.execute("DELETE FROM tombstones WHERE record_type = ? AND record_uuid = ?",
                               [record_type, record["uuid"]])
                del tombstones[record["uuid"]]
            if batched:
                writes.execute(insert_sql, values_of(record) + fill, (record, key))
            elif not _insert(session, spec, record, bundle_id, counts):
                continue
            existing[key] = {"uuid": record["uuid"], "hlc": record["hlc"], "origin_device": record["origin_device"],
                             "record": record}
            counts["new"] += 1
            continue
        current = (row["hlc"], row["origin_device"])
        if row["origin_device"] == record["origin_device"] or key_columns == ("uuid",):
            if version > current:
                _replace(spec, key, record, writes)
                existing[key] = {"uuid": record["uuid"], "hlc": record["hlc"],
                                 "origin_device": record["origin_device"], "record": record}
                counts["updated"] += 1
            else:
                counts["unchanged"] += 1
            continue
        # Two devices wrote the same natural key: keep the winner, remember each other device's newest.
        if version > current:
            loser = row.get("record")
            if loser is None:
                writes.flush()  # the stored row is read: the writes asked for before must have happened
                loser = load_record(session, spec, key)
            _remember_conflict(conflicts, record_type, key, loser, writes)
            _forget_conflict(conflicts, record_type, key, record["origin_device"], version, writes)
            _replace(spec, key, record, writes)
            existing[key] = {"uuid": record["uuid"], "hlc": record["hlc"], "origin_device": record["origin_device"],
                             "record": record}
            counts["conflicts"] += 1
        elif _remember_conflict(conflicts, record_type, key, record, writes):
            counts["conflicts"] += 1
        else:
            counts["unchanged"] += 1
    writes.flush()


_SYNC_KEYS = frozenset(SYNC_COLUMNS)


def _getter(columns: tuple[str, ...]) -> Callable[[dict], tuple]:
    """``record -> tuple(record[c] for c in columns)``, at C speed."""
    if len(columns) == 1:
        column = columns[0]
        return lambda record: (record[column],)
    return operator.itemgetter(*columns)


def _insert_sql(spec: RecordSpec) -> str:
    columns = (*spec.exported, *spec.centre_fill)
    return f"INSERT INTO {spec.table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"


def _in_chunks(db, query: str, params: list, values: list, size: int = 500) -> list[tuple]:
    rows: list[tuple] = []
    for start in range(0, len(values), size):
        part = values[start : start + size]
        rows.extend(db.execute(query.format(",".join("?" * len(part))), [*params, *part]).fetchall())
    return rows


def _existing_rows(session: Session, spec: RecordSpec, keys: list[tuple]) -> dict[tuple, dict]:
    """Current rows for these natural keys (uuid-keyed types: their uuids)."""
    found: dict[tuple, dict] = {}
    width = len(spec.natural_key)
    select = ", ".join((*spec.natural_key, "uuid", "hlc", "origin_device"))
    tuple_sql = "(" + ",".join("?" * width) + ")"
    for start in range(0, len(keys), 400):
        part = keys[start : start + 400]
        query = (f"SELECT {select} FROM {spec.table} WHERE ({', '.join(spec.natural_key)}) IN "
                 f"(VALUES {','.join([tuple_sql] * len(part))})")
        for row in session.db.execute(query, [value for key in part for value in key]):
            found[tuple(row[:width])] = {"uuid": row[width], "hlc": row[width + 1], "origin_device": row[width + 2]}
    return found


def _existing_conflicts(session: Session, record_type: str, keys: list[tuple]) -> dict[tuple[str, str], tuple]:
    """(natural key text, device) -> the newest version of that device already kept as a conflict, or
    decided by the clerk (:mod:`sync.centre`): a version at or below it is not a new conflict."""
    known: dict[tuple[str, str], tuple] = {}
    for table in ("conflicts", "conflict_decisions"):
        if not session.db.execute(f"SELECT 1 FROM {table} WHERE record_type = ? LIMIT 1", [record_type]).fetchone():
            continue  # none of this type at all (the usual case): no need to spell out every key
        texts = [key_text(key) for key in keys]
        rows = _in_chunks(session.db, f"SELECT natural_key, device_id, hlc FROM {table} WHERE record_type = ? AND "
                                      "natural_key IN ({})", [record_type], texts)
        for natural_key, device_id, hlc in rows:
            slot = (natural_key, device_id)
            known[slot] = max(known.get(slot, (hlc, device_id)), (hlc, device_id))
    return known


def _remember_conflict(conflicts: dict, record_type: str, key: tuple, record: dict, writes: _Writes | _Direct) -> bool:
    """Keep ``record`` as its device's newest losing version of ``key``; False when already known."""
    slot = (key_text(key), record["origin_device"])
    if slot in conflicts and conflicts[slot] >= _version(record):
        return False
    writes.execute(
        "INSERT INTO conflicts (record_type, natural_key, device_id, record_uuid, hlc, record) VALUES (?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (record_type, natural_key, device_id) DO UPDATE SET record_uuid = excluded.record_uuid, "
        "hlc = excluded.hlc, record = excluded.record",
        [record_type, slot[0], record["origin_device"], record["uuid"], record["hlc"],
         json.dumps(record, ensure_ascii=False, sort_keys=True)])
    conflicts[slot] = _version(record)
    return True


def _forget_conflict(conflicts: dict, record_type: str, key: tuple, device: str, up_to: tuple[str, str],
                     writes: _Writes | _Direct) -> None:
    """The device that now wins has no losing version any more."""
    slot = (key_text(key), device)
    if slot in conflicts and conflicts[slot] <= up_to:
        writes.execute("DELETE FROM conflicts WHERE record_type = ? AND natural_key = ? AND device_id = ?",
                       [record_type, slot[0], device])
        del conflicts[slot]


def load_record(session: Session, spec: RecordSpec, key: tuple) -> dict | None:
    """The stored row of a natural key, with the columns that travel (None when there is none)."""
    where = " AND ".join(f"{column} = ?" for column in spec.natural_key)
    row = session.db.execute(f"SELECT {', '.join(spec.exported)} FROM {spec.table} WHERE {where}", list(key)).fetchone()
    return None if row is None else dict(zip(spec.exported, row, strict=True))


def _insert(session: Session, spec: RecordSpec, record: dict, bundle_id: str, counts: dict[str, int]) -> bool:
    """Insert a new row; a clash with a unique column (e.g. a case number) quarantines the record instead."""
    columns = (*spec.exported, *spec.centre_fill)
    values = [*(record[column] for column in spec.exported), *spec.centre_fill.values()]
    try:
        with session.db.atomic():
            session.db.execute(f"INSERT INTO {spec.table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                               values)
    except sqlcipher3.IntegrityError as error:
        problem = Incoming(spec.table, record, 0, [issue("SY_DUPLICATE", value=str(error))])
        _quarantine(session, bundle_id, [problem])
        counts["quarantined"] += 1
        return False
    return True


def _replace(spec: RecordSpec, key: tuple, record: dict, writes: _Writes | _Direct) -> None:
    assignments = ", ".join(f"{column} = ?" for column in spec.exported)
    where = " AND ".join(f"{column} = ?" for column in spec.natural_key)
    writes.execute(f"UPDATE {spec.table} SET {assignments} WHERE {where}",
                   [*(record[column] for column in spec.exported), *key])


def replace_record(session: Session, spec: RecordSpec, key: tuple, record: dict) -> None:
    """Overwrite the stored row of a natural key with ``record`` (the columns that travel), as a merge does."""
    _replace(spec, key, record, _Direct(session))


def _apply_minimal_tombstone(session: Session, spec: RecordSpec, record_type: str, record: dict, existing: dict,
                             tombstones: dict, counts: dict[str, int], writes: _Writes | _Direct) -> None:
    """Consent withdrawn: the centre drops the record and remembers the withdrawal's version."""
    version = _version(record)
    row = existing.get((record["uuid"],))
    if row is not None and (row["hlc"], row["origin_device"]) >= version:
        counts["unchanged"] += 1
        return
    known = tombstones.get(record["uuid"])
    if known is not None and known >= version:
        counts["unchanged"] += 1
        return
    if row is not None:
        writes.execute(f"DELETE FROM {spec.table} WHERE uuid = ?", [record["uuid"]])
        del existing[(record["uuid"],)]
    writes.execute(
        "INSERT INTO tombstones (record_type, record_uuid, hlc, origin_device) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (record_type, record_uuid) DO UPDATE SET hlc = excluded.hlc, origin_device = excluded.origin_device",
        [record_type, record["uuid"], record["hlc"], record["origin_device"]])
    tombstones[record["uuid"]] = version
    counts["updated" if row is not None else "unchanged"] += 1


# -- receipts -----------------------------------------------------------------------------------------


def imported_today(session: Session) -> list[str]:
    """Devices with a bundle imported today (local date), for "receipts for today" in one click."""
    start = dt.datetime.combine(dt.date.today(), dt.time()).astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S")
    return [row[0] for row in session.db.execute(
        "SELECT DISTINCT device_id FROM bundles WHERE imported_at >= ?", [start])]
