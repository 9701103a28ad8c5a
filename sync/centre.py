"""The provincial centre's import desk, without Qt: what the GUI's import desk, conflicts and devices
screens (and the CLI) call.

* unknown devices: what a bundle claims about the device that made it (:func:`pending_device`), and
  enrolling it once the clerk has compared its fingerprint by phone (:func:`enroll_pending_device`);
* the inbox: bundle files in a (shared) folder that were not imported yet (:func:`scan_inbox`);
* conflicts side by side (:func:`list_conflicts`) and the clerk's decision (:func:`resolve_conflict`);
* quarantine (:func:`list_quarantine`) and its re-check after a catalogue change
  (:func:`recheck_quarantine`), through the import's own checks and merge;
* receipts for today's imports (:func:`receipts_for_today`).

Devices and gaps per district are :func:`sync.devices.device_overview`.

Importing itself, with its progress callback, is :func:`sync.importer.import_bundles`.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

from storage.catalogue import TOTAL_CELL, Catalogue, parse_cell
from storage.database import Session, utc_now
from storage.errors import UsageError, ValidationFailed
from storage.hlc import format_hlc, parse_hlc
from storage.i18n import QT_TRANSLATE_NOOP, fill, say, translate
from storage.records import check_indicator_values
from storage.users import require
from storage.validation import ERROR, Issue
from sync.bundle import RECORD_TYPES, BundleRejected, decrypt_bundle, file_sha256, open_archive
from sync.devices import enroll
from sync.importer import (
    ImportOutcome,
    ProgressCallback,
    bundle_files,
    check_incoming,
    claimed_device,
    import_bundles,
    imported_today,
    require_centre_import,
    value_input,
)
from sync.keys import Enrollment, KeyFileError, age_identities, verify_signature
from sync.merge import key_text, load_record, merge_records, replace_record
from sync.receipts import write_receipts
from sync.schema import SPECS

# -- unknown devices ------------------------------------------------------------------------------------


def pending_device(session: Session, path: str | Path) -> Enrollment:
    """What a bundle says about the device that made it, for the clerk to compare by phone.

    The bundle must open with this centre's keys, pass the ZIP and hash checks, and be signed by the key
    its own manifest carries: self-consistent, but NOT trusted. Only the fingerprint read aloud by the
    district office makes it trusted (:func:`enroll_pending_device`).
    """
    require(session, "enroll_devices")
    if not session.is_centre:
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "Only the provincial centre enrolls devices.")))
    path = Path(path)
    plaintext = decrypt_bundle(path, age_identities(session))
    _archive, manifest, manifest_bytes, signature = open_archive(path, plaintext)
    claimed = claimed_device(manifest)
    if not verify_signature(claimed.signing_public, manifest_bytes, signature):
        raise BundleRejected(say("errors", QT_TRANSLATE_NOOP("errors", "{file} is not signed by the key it carries: it was altered or forged. Do not enroll its device; ask the district office for a new export."), file=path.name))
    return claimed


def _fingerprint_letters(text: str) -> str:
    """A fingerprint as heard: the letters and digits only, in capitals (dashes and spaces do not matter)."""
    return "".join(ch for ch in text.upper() if ch.isalnum())


def enroll_pending_device(session: Session, path: str | Path, heard_fingerprint: str) -> Enrollment:
    """Enroll the device that made the bundle at ``path``, once the clerk has typed the fingerprint the
    district office read aloud; a fingerprint that differs refuses (exit code 5) and enrolls nothing.

    Then import the bundle again. This trusts the key exactly as an enrollment file does: by the
    fingerprint compared over the phone.
    """
    claimed = pending_device(session, path)
    if _fingerprint_letters(heard_fingerprint) != _fingerprint_letters(claimed.fingerprint):
        raise KeyFileError(say("errors", QT_TRANSLATE_NOOP("errors", "The fingerprint you heard ({heard}) is not the one this bundle carries ({fingerprint}). Do not enroll the device: the bundle may not come from '{device}' of {district}. Phone the district office again."), heard=heard_fingerprint.strip(), fingerprint=claimed.fingerprint, device=claimed.device_name, district=claimed.district))
    return enroll(session, claimed)


# -- the inbox ------------------------------------------------------------------------------------------

# (path, size, modification time) -> SHA-256 of the file: polling a shared folder hashes a file once,
# not at every scan, until it changes.
_FILE_HASHES: dict[tuple[str, int, int], str] = {}
_MAX_REMEMBERED_HASHES = 10_000


def _cached_sha256(path: Path, size: int, mtime_ns: int) -> str:
    slot = (str(path.resolve()), size, mtime_ns)
    digest = _FILE_HASHES.get(slot)
    if digest is None:
        if len(_FILE_HASHES) >= _MAX_REMEMBERED_HASHES:
            _FILE_HASHES.clear()
        digest = _FILE_HASHES[slot] = file_sha256(path)
    return digest


def scan_inbox(session: Session, folder: str | Path, *, settle_seconds: float = 2.0) -> list[Path]:
    """The ``*.mizan`` files in ``folder`` that this centre has not imported, in name order.

    A file counts as imported when a bundle was imported from a file with the same bytes (SHA-256), so
    a renamed copy is recognised too; the importer's bundle-id check catches anything else as a
    duplicate. Files changed in the last ``settle_seconds`` are left for the next scan (still being
    copied onto the shared drive). Files are never moved or deleted. A file that was rejected is
    listed again at every scan until it is replaced or removed: the caller decides whether to retry it.
    """
    require_centre_import(session)
    folder = Path(folder)
    if not folder.is_dir():
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "{folder} is not a folder."), folder=folder))
    fresh = []
    now = time.time()
    for path in bundle_files([folder]):
        try:
            status = path.stat()
        except OSError:
            continue  # removed between listing and looking: nothing to import
        if now - status.st_mtime < settle_seconds:
            continue
        digest = _cached_sha256(path, status.st_size, status.st_mtime_ns)
        if session.db.execute("SELECT 1 FROM bundles WHERE file_sha256 = ? LIMIT 1", [digest]).fetchone() is None:
            fresh.append(path)
    return fresh


def import_inbox(session: Session, folder: str | Path, on_progress: ProgressCallback | None = None, *,
                 settle_seconds: float = 2.0) -> list[ImportOutcome]:
    """Import the files :func:`scan_inbox` finds in ``folder`` (the others were imported before)."""
    return import_bundles(session, scan_inbox(session, folder, settle_seconds=settle_seconds), on_progress)


# -- conflicts ------------------------------------------------------------------------------------------


@dataclass
class Version:
    """One version of a record, as the side-by-side view shows it."""

    device_id: str
    device_name: str
    district: str | None
    hlc: str
    written_at: str  # the version's clock time, ISO 8601 UTC (the writing PC's clock)
    record: dict  # the columns that travel, plus uuid, hlc, origin_device, deleted


@dataclass
class Conflict:
    """One device's losing version of a natural key beside the stored (winning) version."""

    id: int
    record_type: str
    key: dict[str, object]  # the natural key, e.g. indicator, district, period, cell
    key_text: str  # the same in plain words, e.g. "PRO-01 Challans received for scrutiny · Quetta · 2026-10 · total"
    stored: Version
    incoming: Version
    differences: list[str] = field(default_factory=list)  # columns whose values differ

    @property
    def versions(self) -> tuple[str, str]:
        """(stored hlc, incoming hlc): what the clerk saw, for :func:`resolve_conflict`'s ``seen``."""
        return (self.stored.hlc, self.incoming.hlc)

    def as_dict(self) -> dict:
        return asdict(self)


def _written_at(hlc: str) -> str:
    millis = parse_hlc(hlc)[0]
    return dt.datetime.fromtimestamp(millis / 1000, dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _device_names(session: Session) -> dict[str, tuple[str, str | None]]:
    """device id -> (name, district) for enrolled devices and this centre (whose decisions are records too)."""
    names = {row[0]: (row[1], row[2]) for row in session.db.execute(
        "SELECT device_id, device_name, district FROM devices")}
    names[session.device_id] = (f"{session.installation['device_name']} (decision)", None)
    return names


def _version(record: dict, names: dict[str, tuple[str, str | None]]) -> Version:
    device = record["origin_device"]
    name, district = names.get(device, (device, None))
    return Version(device, name, district, record["hlc"], _written_at(record["hlc"]), record)


def _cell_words(catalogue: Catalogue, cell: str) -> str:
    parts = parse_cell(cell)
    if not parts:
        return cell
    words = []
    for category, option in parts.items():
        names = {choice.code: choice.name for choice in catalogue.categories.get(category, [])}
        words.append(names.get(option, option))
    return ", ".join(words)


def describe_key(catalogue: Catalogue, record_type: str, key: dict[str, object]) -> str:
    """A natural key in plain words: names beside codes."""
    def district() -> str:
        found = catalogue.districts.get(str(key["district"]))
        return found.name if found else str(key["district"])

    def indicator() -> str:
        found = catalogue.indicators.get(str(key["indicator"]))
        return f"{key['indicator']} {found.name}" if found else str(key["indicator"])

    if record_type == "indicator_values":
        cell = (translate("conflicts", QT_TRANSLATE_NOOP("conflicts", "total")) if key["cell"] == TOTAL_CELL
                else _cell_words(catalogue, str(key["cell"])))
        return fill("{indicator} · {district} · {period} · {cell}",  # no words to translate: names and codes
                    indicator=indicator(), district=district(), period=key["period"], cell=cell)
    if record_type == "targets":
        return say("conflicts", QT_TRANSLATE_NOOP("conflicts", "target of {indicator} · {district} · {year}"),
                   indicator=indicator(), district=district(), year=key["year"])
    if record_type == "completions":
        institution = catalogue.institutions.get(str(key["institution"]))
        return say("conflicts", QT_TRANSLATE_NOOP("conflicts", "{district} · {institution} · {period} complete"),
                   district=district(), institution=institution.name if institution else key["institution"],
                   period=key["period"])
    if record_type == "desks":
        return say("conflicts", QT_TRANSLATE_NOOP("conflicts", "desk {code}"), code=key["code"])
    return ", ".join(f"{name} {value}" for name, value in key.items())


def _same(left: object, right: object) -> bool:
    if isinstance(left, (int, float)) and isinstance(right, (int, float)):
        return float(left) == float(right)  # the database may hand back 12 where the bundle said 12.0
    return left == right


def _conflict(session: Session, row: tuple, names: dict) -> Conflict | None:
    conflict_id, record_type, natural_key, record = row
    spec = SPECS[record_type]
    key = dict(zip(spec.natural_key, json.loads(natural_key), strict=True))
    stored = load_record(session, spec, tuple(key.values()))
    if stored is None:
        return None  # cannot happen through the merge: a conflict always loses to a stored row
    incoming = json.loads(record)
    differences = [column for column in (*spec.columns, "deleted")
                   if not _same(stored.get(column), incoming.get(column))]
    return Conflict(conflict_id, record_type, key, describe_key(session.catalogue, record_type, key),
                    _version(stored, names), _version(incoming, names), differences)


def list_conflicts(session: Session) -> list[Conflict]:
    """Every open conflict: per natural key and losing device, the stored version and the losing one."""
    require_centre_import(session)
    names = _device_names(session)
    rows = session.db.execute("SELECT id, record_type, natural_key, record FROM conflicts "
                              "ORDER BY record_type, natural_key, device_id").fetchall()
    return [conflict for row in rows if (conflict := _conflict(session, row, names)) is not None]


def get_conflict(session: Session, conflict_id: int) -> Conflict:
    """One open conflict by its id (``UsageError`` when it is not open)."""
    require_centre_import(session)
    row = session.db.execute("SELECT id, record_type, natural_key, record FROM conflicts WHERE id = ?",
                             [conflict_id]).fetchone()
    conflict = _conflict(session, row, _device_names(session)) if row else None
    if conflict is None:
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "There is no open conflict {conflict_id}; it may have been resolved already."), conflict_id=conflict_id))
    return conflict


def keep_problems(session: Session, record_type: str, record: dict) -> list[Issue]:
    """Why ``record`` may not become the stored version: the import's checks (shape, origin, district,
    validation engine), and for an indicator value the validation engine against the figures stored at
    the centre, so a kept total must agree with the stored cells. Errors only, as at import."""
    device = session.db.execute("SELECT district FROM devices WHERE device_id = ?",
                                [record.get("origin_device")]).fetchone()
    # A record the centre itself decided earlier has no enrolled device: it is checked for its own district.
    district = device[0] if device else record.get("district")
    [checked] = check_incoming(session, record_type, [record], record.get("origin_device"), district)
    if checked.problems or record_type != "indicator_values" or record["deleted"]:
        return checked.problems
    values, _stored = check_indicator_values(session, [value_input(record)])
    return [problem for value in values for problem in value.issues if problem.severity == ERROR]


def _version_above(session: Session, *versions: str) -> str:
    """A new version of this centre, newer than every one given, so the decision wins everywhere.

    The centre's clock has seen every version it merged, unless one was implausibly far ahead (a district
    PC's clock years fast, sync.merge._observe_plausible); then the version right after it is used,
    without dragging the centre's clock there.
    """
    version = session.clock.now()
    highest = max(versions)
    if version <= highest:
        millis, counter = parse_hlc(highest)
        version = format_hlc(millis, counter + 1)
    return version


@dataclass
class Decision:
    """What :func:`resolve_conflict` did."""

    conflict_id: int
    kept: str  # stored | incoming
    record_type: str
    key_text: str
    version: str  # the stored version after the decision
    origin_device: str

    def as_dict(self) -> dict:
        return asdict(self)


def resolve_conflict(session: Session, conflict_id: int, keep: str,
                     seen: tuple[str, str] | None = None) -> Decision:
    """The clerk's choice for one conflict: keep the ``stored`` version, or the ``incoming`` (losing) one.

    Keeping the incoming version writes its content as the stored record with a new version of this
    centre, newer than both, so it wins wherever it travels. It must pass the validation engine
    (``ValidationFailed`` lists why not, and nothing is written). Either way the conflict row goes, and a
    ``conflict_decisions`` row per device decided (audited: who chose what, when) keeps the same losing
    versions, when a cumulative bundle brings them again, from reopening the conflict.

    ``seen``: the (stored, incoming) versions the clerk was shown (``Conflict.versions``); when an import
    changed either since, nothing is done (``UsageError``) and the screen should show the conflict again.
    """
    if keep not in ("stored", "incoming"):
        raise UsageError(f"Keep 'stored' or 'incoming', not {keep!r}.")
    conflict = get_conflict(session, conflict_id)
    if seen is not None and tuple(seen) != conflict.versions:
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "Conflict {conflict_id} ({record}) changed since it was shown: a newer version arrived. Look at it again before choosing."), conflict_id=conflict_id, record=conflict.key_text))
    spec = SPECS[conflict.record_type]
    key = tuple(conflict.key.values())
    stored, incoming = conflict.stored.record, conflict.incoming.record
    if keep == "incoming":
        problems = keep_problems(session, conflict.record_type, incoming)
        if problems:
            raise ValidationFailed(say("errors", QT_TRANSLATE_NOOP("errors", "The version from {device} cannot be kept for {record}; nothing was changed."), device=conflict.incoming.device_name, record=conflict.key_text), problems)
    with session.write():
        # The decided versions: the losing device's, and when the incoming is kept, the one it replaces.
        decided = [(incoming["origin_device"], incoming["hlc"])]
        kept = stored
        if keep == "incoming":
            kept = {**incoming, "uuid": stored["uuid"], "origin_device": session.device_id,
                    "hlc": _version_above(session, stored["hlc"], incoming["hlc"])}
            replace_record(session, spec, key, kept)
            decided.append((stored["origin_device"], stored["hlc"]))
        for device_id, hlc in decided:
            session.db.execute(
                "INSERT INTO conflict_decisions (record_type, natural_key, device_id, hlc, kept, kept_hlc, kept_device, "
                "decided_by, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (record_type, natural_key, "
                "device_id) DO UPDATE SET hlc = max(conflict_decisions.hlc, excluded.hlc), kept = excluded.kept, "
                "kept_hlc = excluded.kept_hlc, kept_device = excluded.kept_device, decided_by = excluded.decided_by, "
                "decided_at = excluded.decided_at",
                [conflict.record_type, key_text(key), device_id, hlc, keep, kept["hlc"], kept["origin_device"],
                 session.user, utc_now()])
        session.db.execute("DELETE FROM conflicts WHERE id = ?", [conflict_id])
    return Decision(conflict_id, keep, conflict.record_type, conflict.key_text, kept["hlc"], kept["origin_device"])


# -- quarantine -----------------------------------------------------------------------------------------

_QUARANTINE_QUERY = """
SELECT q.id, q.bundle_id, q.record_type, q.record_uuid, q.record, q.reasons, q.quarantined_at, b.device_id,
       b.district, b.file_name, b.sequence, d.device_name, d.status
FROM quarantine q JOIN bundles b ON b.bundle_id = q.bundle_id LEFT JOIN devices d ON d.device_id = b.device_id
"""
_QUARANTINE_COLUMNS = ("id", "bundle_id", "record_type", "record_uuid", "record", "reasons", "quarantined_at",
                       "device_id", "district", "file_name", "sequence", "device_name", "device_status")


def _quarantined(session: Session, page: tuple[int, int] | None = None) -> Iterator[dict]:
    paging, params = ("LIMIT ? OFFSET ?", list(page)) if page else ("", [])
    for row in session.db.execute(f"{_QUARANTINE_QUERY} ORDER BY q.id {paging}", params):
        entry = dict(zip(_QUARANTINE_COLUMNS, row, strict=True))
        entry["record"], entry["reasons"] = json.loads(entry["record"]), json.loads(entry["reasons"])
        yield entry


def list_quarantine(session: Session, limit: int | None = None, offset: int = 0) -> list[dict]:
    """Quarantined records, oldest first: ``id``, ``bundle_id``, ``record_type``, ``record_uuid``,
    ``record`` (as it arrived), ``reasons`` (issue dicts: rule, severity, field, message),
    ``quarantined_at``, and the bundle's ``device_id``, ``district``, ``file_name``, ``sequence``,
    ``device_name``, ``device_status``."""
    require_centre_import(session)
    return list(_quarantined(session, None if limit is None else (limit, offset)))


def quarantine_count(session: Session) -> int:
    """How many records are in quarantine (for a badge)."""
    require_centre_import(session)
    return session.db.execute("SELECT count(*) FROM quarantine").fetchone()[0]


@dataclass
class RecheckResult:
    """What :func:`recheck_quarantine` did. ``counts`` are the merge's, as in an import outcome."""

    checked: int = 0
    passed: int = 0  # passed every check and went through the merge
    still_quarantined: int = 0  # failed again (their reasons now say why, as of today's catalogue)
    not_rechecked: int = 0  # lines that were not records, and records of devices revoked since
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(
        ("new", "updated", "unchanged", "conflicts", "quarantined"), 0))

    def as_dict(self) -> dict:
        return asdict(self)


def recheck_quarantine(session: Session) -> RecheckResult:
    """Run the import's checks again on every quarantined record (e.g. after a catalogue update) and merge
    those that pass through the import's merge; the rest keep their place with today's reasons.

    Records are judged as at import: per bundle and record type, types in merge order (a case before
    its services). One transaction. Records of a device revoked since stay where they are.
    """
    require_centre_import(session)
    result = RecheckResult()
    groups: dict[str, dict[tuple[str, str, str], list[dict]]] = defaultdict(lambda: defaultdict(list))
    for entry in _quarantined(session):
        if not entry["record"] or entry["device_status"] != "active":
            result.not_rechecked += 1  # an unreadable line kept as {}: there is nothing to check again
            continue
        groups[entry["record_type"]][(entry["bundle_id"], entry["device_id"], entry["district"])].append(entry)
    with session.write():
        for record_type in RECORD_TYPES:
            for (bundle_id, device_id, district), entries in groups.get(record_type, {}).items():
                _recheck_group(session, record_type, bundle_id, device_id, district, entries, result)
    return result


def _recheck_group(session: Session, record_type: str, bundle_id: str, device_id: str, district: str,
                   entries: list[dict], result: RecheckResult) -> None:
    incomings = check_incoming(session, record_type, [entry["record"] for entry in entries], device_id, district)
    passed = []
    for entry, incoming in zip(entries, incomings, strict=True):
        result.checked += 1
        if incoming.problems:
            result.still_quarantined += 1
            session.db.execute("UPDATE quarantine SET reasons = ? WHERE id = ?",
                               [json.dumps([p.as_dict() for p in incoming.problems], ensure_ascii=False), entry["id"]])
        else:
            passed.append(incoming.record)
            session.db.execute("DELETE FROM quarantine WHERE id = ?", [entry["id"]])
    result.passed += len(passed)
    # The import's merge: a record that now clashes (e.g. a case number) is quarantined again by it.
    merge_records(session, record_type, passed, bundle_id, result.counts)


# -- receipts ----------------------------------------------------------------------------------------


def receipts_for_today(session: Session, folder: str | Path) -> list[Path]:
    """A signed receipt for every device with a bundle imported today (local date) into ``folder``."""
    return write_receipts(session, folder, imported_today(session))
