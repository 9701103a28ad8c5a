"""The provincial centre's review, without Qt: what the GUI's review screen (and the CLI's ``conflicts``
and ``quarantine``) call after an import.

* conflicts side by side (:func:`list_conflicts`) and the clerk's decision (:func:`resolve_conflict`);
* quarantine (:func:`list_quarantine`) and its re-check after a catalogue change
  (:func:`recheck_quarantine`), through the import's own checks and merge.

The import desk (inbox, unknown devices, receipts for today) is :mod:`sync.inbox`.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field

from storage.core.clock import format_hlc, parse_hlc, utc_now
from storage.core.session import Session
from storage.errors import UsageError, ValidationFailed
from storage.i18n import QT_TRANSLATE_NOOP, fill, say, translate
from storage.records.values import check_indicator_values
from storage.reference.catalogue import TOTAL_CELL, Catalogue, parse_cell
from storage.validation import CROSS_INDICATOR_RULES, ERROR, Issue, same_figure
from sync.bundle import RECORD_TYPES
from sync.importer import check_incoming, require_centre_import, value_input
from sync.merge import key_text, load_record, merge_records, replace_record
from sync.schema import SPECS

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
        """As ``conflicts --json`` shows it."""
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


def _conflict(session: Session, row: tuple, names: dict) -> Conflict | None:
    conflict_id, record_type, natural_key, record = row
    spec = SPECS[record_type]
    key = dict(zip(spec.natural_key, json.loads(natural_key), strict=True))
    stored = load_record(session, spec, tuple(key.values()))
    if stored is None:
        return None  # cannot happen through the merge: a conflict always loses to a stored row
    incoming = json.loads(record)
    differences = [column for column in (*spec.columns, "deleted")
                   if not same_figure(stored.get(column), incoming.get(column))]
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
    # A rule that compares indicators never keeps a version from the centre, as at import (where it is a warning).
    return [problem for value in values for problem in value.issues
            if problem.severity == ERROR and problem.rule not in CROSS_INDICATOR_RULES]


def _version_above(session: Session, *versions: str) -> str:
    """A new version of this centre, newer than every one given, so the decision wins everywhere.

    The centre's clock has seen every version it merged, and none of those was more than a day ahead of it
    (the import quarantines those); when one of the two is still ahead of the clock, the version right after
    it is used. Versions are fixed-width (:mod:`storage.core.clock`), so
    text order is numeric order, and the one right after ``X.999999`` is ``X+1.000000``, not a seven-digit
    counter that would sort below it and let the next cumulative bundle reopen the conflict.
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
        """Its fields as a dict (for JSON)."""
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
        """As ``quarantine recheck --json`` shows it."""
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
