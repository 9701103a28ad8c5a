"""The merge: how a checked incoming record is compared with the stored one and applied at the centre.

Merge rules, which make imports idempotent and order-free:
* a record's version is ``(hlc, origin_device)``; the highest version of a key wins;
* records from the same device are one lineage: a newer version replaces the older;
* the same natural key written by two devices is a conflict: the winner is stored and, per other
  device, that device's newest version is kept in ``conflicts`` for review;
* a minimal tombstone (a desk case whose client withdrew consent) removes the row and is remembered
  in ``tombstones``, per device, so an older copy from that device arriving later stays deleted;
* ownership: a record may replace or delete only a row of the same origin device (records keyed by
  uuid: cases, their children, PKM requests), or for a district-owned shared record (a desk, a target, a
  value or a completion: keyed by district, or a desk by its code) a row of the same district, whichever
  device wrote it; anything else is quarantined with a reason naming the owner (:func:`not_owner`). The
  import's checks make sure a record's origin is the bundle's own device (or a seeded desk of its own
  district), so a bundle cannot borrow another device's ownership;
* a losing version the clerk has already decided (``conflict_decisions``, :mod:`sync.review`) is not a
  new conflict when a cumulative bundle brings it again.

Also here: quarantine, where records are kept aside with their reasons (:func:`quarantine_records`),
whether the import's checks refused them (:mod:`sync.importer`) or the merge itself did (a record that
clashes with a unique column, e.g. a case number already at the centre); and the centre's clock, which
follows the versions it merges (the import quarantines any more than a day ahead of it).

Everything runs inside the caller's write transaction: the importer's (one bundle) or the review's.
"""

from __future__ import annotations

import json
import operator
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import sqlcipher3

from storage.core.clock import HLC_GLOB, latest_plausible, utc_now
from storage.core.session import Session
from storage.records.approvals import approved_data_sets
from storage.validation import Issue, issue
from sync.bundle import is_hlc, is_uuid
from sync.schema import SPECS, SYNC_COLUMNS, RecordSpec

if TYPE_CHECKING:
    from sqlite_utils import Database  # annotations only: sqlite-utils loads with the first connection

CHUNK = 2000
_SYNC_KEYS = frozenset(SYNC_COLUMNS)


@dataclass
class Incoming:
    """A record as it arrived (or was kept in quarantine), with the problems the checks found."""

    record_type: str
    record: dict
    line: int
    problems: list[Issue] = field(default_factory=list)

    @property
    def minimal(self) -> bool:
        """A minimal tombstone: only uuid, hlc, origin_device and deleted (consent withdrawn)."""
        return len(self.record) == len(SYNC_COLUMNS) and self.record.keys() == _SYNC_KEYS

    @property
    def label(self) -> str:
        """How quarantine names it: its uuid, or its line in the payload when it has no valid uuid."""
        uuid_ = self.record.get("uuid")
        return uuid_ if is_uuid(uuid_) else f"line {self.line}"


def merge_records(session: Session, record_type: str, records: list[dict], bundle_id: str, counts: dict[str, int],
                  on_chunk: Callable[[int], None] | None = None) -> None:
    """Merge checked records of one type (the one merge path: imports and quarantine re-checks use it).

    Runs inside the caller's write transaction; ``counts`` gains new/updated/unchanged/conflicts/quarantined.
    """
    spec = SPECS[record_type]
    ahead = _clock_ahead_copies(session, record_type) if records else {}
    # Approved data sets are locked for every role: a bundle's new figures for one are kept aside. Read once
    # per record type, not per chunk: no approval changes during an import.
    approved = approved_data_sets(session) if records and record_type in ("indicator_values", "completions") else {}
    for start in range(0, len(records), CHUNK):
        chunk = records[start : start + CHUNK]
        _merge_chunk(session, spec, record_type, chunk, counts, bundle_id, approved)
        if ahead:
            _purge_clock_ahead(session, ahead, chunk)
        if on_chunk is not None:
            on_chunk(len(chunk))


def quarantine_records(session: Session, bundle_id: str, bad: list[Incoming]) -> int:
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
                quarantine_records(self.session, self.bundle_id, [problem])
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


class _Owners:
    """Whose a stored row is, and the reason a record of another owner is quarantined (names read once)."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.names: dict[str, tuple[str, str]] = {}

    def problem(self, spec: RecordSpec, row: dict, record: dict) -> Issue | None:
        """Why ``record`` may not replace or delete the stored ``row``, or None when it may."""
        if spec.natural_key == ("uuid",):
            if row["origin_device"] != record["origin_device"]:
                return not_owner(self.session, record["uuid"], row["origin_device"], record["origin_device"],
                                 self.names)
        elif "district" in row and row["district"] != record["district"]:
            return issue("SY_DESK_OWNER", value=record["code"], owner=row["district"], district=record["district"])
        elif (spec.table == "targets" and row["origin_device"] == self.session.device_id
              and record["origin_device"] != self.session.device_id):
            # A target the centre set is the centre's (it reaches the district in the next update, which
            # then refuses to change it there): a district's own version is kept aside, not merged over it.
            return issue("TG_SET_BY_CENTRE", indicator=record["indicator"], district=record["district"],
                         year=record["year"])
        return None


def _changes_approved(session: Session, record_type: str, record: dict, row: dict | None,
                      approved: dict[tuple[str, str, str], tuple[str, str]], bundle_id: str) -> bool:
    """Quarantine ``record`` when it would change a data set the centre approved (a version the centre
    already holds, brought again by a cumulative bundle, changes nothing and merges as unchanged)."""
    if record_type == "indicator_values":
        data_set = (record["district"], session.catalogue.indicators[record["indicator"]].institution, record["period"])
    else:
        data_set = (record["district"], record["institution"], record["period"])
    if data_set not in approved or (row is not None and (row["hlc"], row["origin_device"]) == (
            record["hlc"], record["origin_device"])):
        return False
    day, name = approved[data_set]
    found = issue("IV_APPROVED", value=data_set[2], district=data_set[0],
                  institution=session.catalogue.institutions[data_set[1]].name, day=day, name=name)
    quarantine_records(session, bundle_id, [Incoming(record_type, record, 0, [found])])
    return True


def not_owner(session: Session, record_uuid: str, owner: str, writer: str,
              names: dict[str, tuple[str, str]] | None = None) -> Issue:
    """The reason a record of device ``writer`` may not change record ``record_uuid`` of device ``owner``."""
    names = {} if names is None else names
    for device in (owner, writer):
        if device not in names:
            row = session.db.execute("SELECT device_name, district FROM devices WHERE device_id = ?",
                                     [device]).fetchone()
            names[device] = (row[0], row[1]) if row else (device, "?")
    (owner_name, owner_district), (writer_name, writer_district) = names[owner], names[writer]
    return issue("SY_NOT_OWNER", value=record_uuid, owner=owner_name, owner_district=owner_district,
                 device=writer_name, district=writer_district)


def _merge_chunk(session: Session, spec: RecordSpec, record_type: str, records: list[dict], counts: dict[str, int],
                 bundle_id: str, approved: dict[tuple[str, str, str], tuple[str, str]]) -> None:
    db = session.db
    key_columns = spec.natural_key
    # Minimal tombstones exist only for uuid-keyed types, so every record has a key of the same shape.
    key_of = _getter(key_columns)
    keys = [key_of(record) for record in records]
    # Versions are fixed-width text (checked), so the largest is the newest: observing it is observing them
    # all. The import's checks quarantined every version more than a day ahead of this centre's clock, so
    # the clock follows the districts without being dragged into the future (checked again here: this is
    # public, and the centre's clock moves every later decision's version).
    if records:
        newest = max(record["hlc"] for record in records)
        if newest <= latest_plausible():
            session.clock.observe(newest)
    existing = _existing_rows(session, spec, keys)
    conflicts = _existing_conflicts(session, record_type, keys) if key_columns != ("uuid",) else {}
    uuids = [r["uuid"] for r in records]
    # Tombstones are kept per device: one blocks only older copies from its own device.
    tombstones = {(row[0], row[2]): (row[1], row[2]) for row in _in_chunks(
        db, "SELECT record_uuid, hlc, origin_device FROM tombstones WHERE record_type = ? AND record_uuid IN ({})",
        [record_type], uuids)}
    owners = _Owners(session)
    withdrawn: list[tuple[str, str, str]] = []  # (uuid, version, device) of accepted tombstones
    # Batched writes when no key or uuid repeats within the chunk; otherwise row by row, as a later record's
    # merge may depend on whether an earlier one's insert succeeded.
    batched = len(set(keys)) == len(keys) and len(set(uuids)) == len(uuids)
    writes = _Writes(session, spec, bundle_id, counts, existing) if batched else _Direct(session)
    insert_sql = _insert_sql(spec)
    values_of, fill = _getter(spec.exported), tuple(spec.centre_fill.values())
    for record, key in zip(records, keys, strict=True):
        version = (record["hlc"], record["origin_device"])
        if len(record) == len(SYNC_COLUMNS) and record.keys() == _SYNC_KEYS:  # a minimal tombstone: consent withdrawn
            if _apply_minimal_tombstone(session, spec, record_type, record, existing, tombstones, counts, writes,
                                        owners, bundle_id):
                withdrawn.append((record["uuid"], record["hlc"], record["origin_device"]))
            continue
        row = existing.get(key)
        if approved and _changes_approved(session, record_type, record, row, approved, bundle_id):
            counts["quarantined"] += 1
            continue
        if row is None:
            if record["deleted"] and key_columns == ("uuid",):
                withdrawn.append((record["uuid"], record["hlc"], record["origin_device"]))
            dead = tombstones.get((record["uuid"], record["origin_device"]))
            if dead is not None and dead >= version:
                counts["unchanged"] += 1
                continue
            if dead is not None:
                writes.execute("DELETE FROM tombstones WHERE record_type = ? AND record_uuid = ? AND origin_device = ?",
                               [record_type, record["uuid"], record["origin_device"]])
                del tombstones[(record["uuid"], record["origin_device"])]
            if batched:
                writes.execute(insert_sql, values_of(record) + fill, (record, key))
            elif not _insert(session, spec, record, bundle_id, counts):
                continue
            existing[key] = {"uuid": record["uuid"], "hlc": record["hlc"], "origin_device": record["origin_device"],
                             "record": record}
            counts["new"] += 1
            continue
        problem = owners.problem(spec, row, record)
        if problem is not None:
            quarantine_records(session, bundle_id, [Incoming(record_type, record, 0, [problem])])
            counts["quarantined"] += 1
            continue
        if record["deleted"] and key_columns == ("uuid",):
            withdrawn.append((record["uuid"], record["hlc"], record["origin_device"]))
        current = (row["hlc"], row["origin_device"])
        if row["origin_device"] == record["origin_device"]:
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
    if withdrawn:
        _purge_quarantine(session, record_type, bundle_id, withdrawn)


def _clock_ahead_copies(session: Session, record_type: str) -> dict[tuple[str, str], list[int]]:
    """(uuid, device) -> quarantine ids of the copies of a record kept aside because that device's clock ran
    ahead (SY_CLOCK_AHEAD). Usually none."""
    found: dict[tuple[str, str], list[int]] = {}
    for quarantine_id, label, device in session.db.execute(
            "SELECT q.id, q.record_uuid, b.device_id FROM quarantine q JOIN bundles b ON b.bundle_id = q.bundle_id "
            "WHERE q.record_type = ? AND q.reasons LIKE '%SY_CLOCK_AHEAD%'", [record_type]):
        found.setdefault((label.split(" (line ")[0], device), []).append(quarantine_id)
    return found


def _purge_clock_ahead(session: Session, ahead: dict[tuple[str, str], list[int]], records: list[dict]) -> None:
    """A record that reaches the merge from a device that earlier sent it with its clock ahead was re-dated
    there (``clock repair``): the copies kept aside then are the same record under a wrong date, and would
    otherwise win over everything written since once that date came. They go."""
    ids = [quarantine_id for record in records
           for quarantine_id in ahead.pop((record["uuid"], record["origin_device"]), ())]
    if ids:
        session.db.conn.executemany("DELETE FROM quarantine WHERE id = ?", [(i,) for i in ids])


def _purge_quarantine(session: Session, record_type: str, bundle_id: str, withdrawn: list[tuple[str, str, str]]) -> None:
    """A tombstone purges the quarantined copies of its record: those its own device sent (this bundle or
    an earlier one of the device), unless one carries a valid newer version (consent given again since)."""
    session.db.conn.executemany(
        "DELETE FROM quarantine WHERE record_type = ? AND (record_uuid = ? OR record_uuid LIKE ?) "
        "AND (bundle_id = ? OR bundle_id IN (SELECT bundle_id FROM bundles WHERE device_id = ?)) "
        "AND NOT coalesce(json_extract(record, '$.hlc') GLOB ? AND json_extract(record, '$.hlc') > ?, 0)",
        [(record_type, uuid_, f"{uuid_} (line %", bundle_id, device, HLC_GLOB, version)
         for uuid_, version, device in withdrawn])


def superseded(session: Session, record_type: str, incomings: list[Incoming], device_id: str) -> list[Incoming]:
    """Which of ``incomings`` (records of one bundle from ``device_id`` that failed the checks) an accepted
    tombstone of that device already withdrew: an older copy of a withdrawn case is not kept in quarantine
    either, whatever order bundles arrive in."""
    if SPECS[record_type].natural_key != ("uuid",):
        return []
    candidates = [i for i in incomings if is_uuid(i.record.get("uuid")) and is_hlc(i.record.get("hlc"))]
    if not candidates:
        return []
    uuids = [i.record["uuid"] for i in candidates]
    newest = dict(_in_chunks(session.db, "SELECT record_uuid, hlc FROM tombstones WHERE record_type = ? AND "
                                         "origin_device = ? AND record_uuid IN ({})", [record_type, device_id], uuids))
    for uuid_, hlc in _in_chunks(session.db, f"SELECT uuid, hlc FROM {SPECS[record_type].table} WHERE deleted = 1 "
                                             "AND origin_device = ? AND uuid IN ({})", [device_id], uuids):
        newest[uuid_] = max(newest.get(uuid_, hlc), hlc)
    return [i for i in candidates if i.record["uuid"] in newest and i.record["hlc"] <= newest[i.record["uuid"]]]


def _getter(columns: tuple[str, ...]) -> Callable[[dict], tuple]:
    """``record -> tuple(record[c] for c in columns)``, at C speed."""
    if len(columns) == 1:
        column = columns[0]
        return lambda record: (record[column],)
    return operator.itemgetter(*columns)


def _insert_sql(spec: RecordSpec) -> str:
    columns = (*spec.exported, *spec.centre_fill)
    return f"INSERT INTO {spec.table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"


def _in_chunks(db: Database, query: str, params: list, values: list, size: int = 500) -> list[tuple]:
    rows: list[tuple] = []
    for start in range(0, len(values), size):
        part = values[start : start + size]
        rows.extend(db.execute(query.format(",".join("?" * len(part))), [*params, *part]).fetchall())
    return rows


def _owning_district(spec: RecordSpec) -> bool:
    """Whether a stored row's owner is the district in a column outside its key (desks, keyed by code).
    Values, targets and completions have the district in their key; records keyed by uuid are owned by
    their origin device."""
    return spec.natural_key != ("uuid",) and "district" in spec.columns and "district" not in spec.natural_key


def _existing_rows(session: Session, spec: RecordSpec, keys: list[tuple]) -> dict[tuple, dict]:
    """Current rows for these natural keys (uuid-keyed types: their uuids); a desk's row has its district."""
    found: dict[tuple, dict] = {}
    width = len(spec.natural_key)
    owner = _owning_district(spec)
    select = ", ".join((*spec.natural_key, "uuid", "hlc", "origin_device", *(("district",) if owner else ())))
    tuple_sql = "(" + ",".join("?" * width) + ")"
    for start in range(0, len(keys), 400):
        part = keys[start : start + 400]
        query = (f"SELECT {select} FROM {spec.table} WHERE ({', '.join(spec.natural_key)}) IN "
                 f"(VALUES {','.join([tuple_sql] * len(part))})")
        for row in session.db.execute(query, [value for key in part for value in key]):
            found[tuple(row[:width])] = {"uuid": row[width], "hlc": row[width + 1], "origin_device": row[width + 2]}
            if owner:
                found[tuple(row[:width])]["district"] = row[width + 3]
    return found


def _existing_conflicts(session: Session, record_type: str, keys: list[tuple]) -> dict[tuple[str, str], tuple]:
    """(natural key text, device) -> the newest version of that device already kept as a conflict, or
    decided by the clerk (:mod:`sync.review`): a version at or below it is not a new conflict."""
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
        quarantine_records(session, bundle_id, [problem])
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
                             tombstones: dict, counts: dict[str, int], writes: _Writes | _Direct, owners: _Owners,
                             bundle_id: str) -> bool:
    """Consent withdrawn: the centre drops the record and remembers the withdrawal's version (for its device).

    Only the device that wrote the record may withdraw it: another device's tombstone for a stored row is
    quarantined, naming the owner. One for a row the centre does not hold is remembered for its own device
    only, where it can block nothing but that device's older copies. Returns whether it was accepted (then
    the quarantined copies it withdraws are purged, :func:`_purge_quarantine`).
    """
    version = _version(record)
    row = existing.get((record["uuid"],))
    if row is not None:
        problem = owners.problem(spec, row, record)
        if problem is not None:
            quarantine_records(session, bundle_id, [Incoming(record_type, record, 0, [problem])])
            counts["quarantined"] += 1
            return False
    if row is not None and (row["hlc"], row["origin_device"]) >= version:
        counts["unchanged"] += 1
        return True
    known = tombstones.get((record["uuid"], record["origin_device"]))
    if known is not None and known >= version:
        counts["unchanged"] += 1
        return True
    if row is not None:
        writes.execute(f"DELETE FROM {spec.table} WHERE uuid = ?", [record["uuid"]])
        del existing[(record["uuid"],)]
    writes.execute(
        "INSERT INTO tombstones (record_type, record_uuid, hlc, origin_device) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (record_type, record_uuid, origin_device) DO UPDATE SET hlc = excluded.hlc",
        [record_type, record["uuid"], record["hlc"], record["origin_device"]])
    tombstones[(record["uuid"], record["origin_device"])] = version
    counts["updated" if row is not None else "unchanged"] += 1
    return True
