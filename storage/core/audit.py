"""The append-only, hash-chained audit log.

Every audited table has SQLite triggers that write one ``audit_log`` row per insert, update and delete,
with who (``mizan_actor()``, a function the application registers on its connection), when, what and
the row before and after as JSON. Because triggers do it, no code path can forget to audit, and a
tool without Mizan's connection (no ``mizan_actor``) cannot write to audited tables at all.

The chain: at the end of every write transaction :func:`seal` hashes the new rows onto the previous
chain head (SHA-256 over the canonical row text) and records the head in ``audit_seals``. Triggers
refuse UPDATE and DELETE on both tables; :func:`verify` recomputes the chain, so an edit, a deletion,
an insertion or a dropped trigger is found even if someone bypassed the refusal.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database  # annotations only: sqlite-utils loads with the first connection

GENESIS = "0" * 64
# Columns whose values never enter the audit log: the identifying details of desk clients and the narrative
# notes (since 0011_sealed_identities both are sealed under the identity key; the clear columns of an older
# version are redacted too, so emptying them logs no text).
REDACTED_COLUMNS = {
    "desk_case_identities": {"name", "guardian_name", "cnic", "phone", "address"},
    "desk_cases": {"notes"},
    "secret_keys": {"secret"},
}


def _json_object(table: str, columns: list[str], alias: str) -> str:
    redacted = REDACTED_COLUMNS.get(table, set())
    parts = []
    for column in columns:
        value = (
            f"CASE WHEN {alias}.{column} IS NULL THEN NULL ELSE '(redacted)' END"
            if column in redacted
            else f"{alias}.{column}"
        )
        parts.append(f"'{column}', {value}")
    return "json_object(" + ", ".join(parts) + ")"


def install_audit_triggers(db: Database, table: str, key_column: str, quiet_columns: tuple[str, ...] = ()) -> None:
    """(Re)create the three audit triggers of ``table``; call again after its columns change.

    An update that touches only ``quiet_columns`` (bookkeeping such as the clock) is not audited.
    """
    columns = [column.name for column in db[table].columns]
    watched = [column for column in columns if column not in quiet_columns]
    update_of = f" OF {', '.join(watched)}" if quiet_columns else ""
    for action in ("insert", "update", "delete"):
        db.execute(f"DROP TRIGGER IF EXISTS audit_{table}_{action}")
    now = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"
    insert = "INSERT INTO audit_log (at, actor, action, table_name, row_key, before, after) VALUES"
    db.execute(
        f"CREATE TRIGGER audit_{table}_insert AFTER INSERT ON {table} BEGIN {insert} "
        f"({now}, mizan_actor(), 'insert', '{table}', NEW.{key_column}, NULL, "
        f"{_json_object(table, columns, 'NEW')}); END"
    )
    db.execute(
        f"CREATE TRIGGER audit_{table}_update AFTER UPDATE{update_of} ON {table} BEGIN {insert} "
        f"({now}, mizan_actor(), 'update', '{table}', NEW.{key_column}, "
        f"{_json_object(table, columns, 'OLD')}, {_json_object(table, columns, 'NEW')}); END"
    )
    db.execute(
        f"CREATE TRIGGER audit_{table}_delete AFTER DELETE ON {table} BEGIN {insert} "
        f"({now}, mizan_actor(), 'delete', '{table}', OLD.{key_column}, "
        f"{_json_object(table, columns, 'OLD')}, NULL); END"
    )


def create_audit_tables(db: Database) -> None:
    db.execute(
        """CREATE TABLE audit_log (
            id INTEGER PRIMARY KEY, at TEXT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL,
            table_name TEXT NOT NULL, row_key TEXT, before TEXT, after TEXT)"""
    )
    db.execute(
        """CREATE TABLE audit_seals (
            id INTEGER PRIMARY KEY, last_audit_id INTEGER NOT NULL, head TEXT NOT NULL, at TEXT NOT NULL)"""
    )
    for table in ("audit_log", "audit_seals"):
        for action in ("UPDATE", "DELETE"):
            db.execute(
                f"CREATE TRIGGER {table}_no_{action.lower()} BEFORE {action} ON {table} "
                f"BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"
            )


# The canonical row text: json.dumps(list(row), ensure_ascii=False, separators=(",", ":")). One encoder,
# made once: json.dumps with options builds a new JSONEncoder on every call, a third of a row's hashing.
# (A tuple encodes exactly as the list of its items.)
_CANONICAL = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def _row_digest(previous: str, row: tuple) -> str:
    return hashlib.sha256((previous + _CANONICAL.encode(row)).encode("utf-8")).hexdigest()


_ROW_COLUMNS = "id, at, actor, action, table_name, row_key, before, after"


def seal(db: Database) -> None:
    """Chain every unsealed audit row onto the head; run inside the write transaction."""
    last = db.execute("SELECT last_audit_id, head FROM audit_seals ORDER BY id DESC LIMIT 1").fetchone()
    last_id, head = last if last else (0, GENESIS)
    cursor = db.execute(f"SELECT {_ROW_COLUMNS} FROM audit_log WHERE id > ? ORDER BY id", [last_id])
    new_last = last_id
    # _row_digest inlined with its names bound once: a big save seals a million rows here.
    sha256, canonical = hashlib.sha256, _CANONICAL.encode
    for row in cursor:
        head = sha256((head + canonical(row)).encode("utf-8")).hexdigest()
        new_last = row[0]
    if new_last != last_id:
        db.execute(
            "INSERT INTO audit_seals (last_audit_id, head, at) VALUES (?, ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))",
            [new_last, head],
        )


@dataclass(frozen=True)
class ChainPoint:
    """Where the chain stands after entry ``entry`` (0: before the first): the digest over every row up to it."""

    entry: int
    digest: str


def chain_digests(db: Database, entries: Iterable[int] = ()) -> tuple[ChainPoint, dict[int, str]]:
    """The chain's head and the digest it has at each of ``entries``, recomputed from the rows themselves.

    One pass from the first row, as :func:`verify` makes: the seals are not trusted, so a row changed with
    the database key (and the seals recomputed after it) gives another digest here. The digest at entry
    ``n`` covers every row whose id is at most ``n`` (an entry past the last row: the head's digest). What a
    district PC signs into each bundle (sync/anchors.py), so the centre can tell whether the history it was
    shown before is still the history the PC holds.
    """
    wanted = sorted(set(entries))
    found: dict[int, str] = {}
    head, last_id, position = GENESIS, 0, 0
    sha256, canonical = hashlib.sha256, _CANONICAL.encode  # bound once: the same loop as seal()
    for row in db.execute(f"SELECT {_ROW_COLUMNS} FROM audit_log ORDER BY id"):
        while position < len(wanted) and wanted[position] < row[0]:
            found[wanted[position]] = head
            position += 1
        head = sha256((head + canonical(row)).encode("utf-8")).hexdigest()
        last_id = row[0]
    for entry in wanted[position:]:
        found[entry] = head
    return ChainPoint(last_id, head), found


@dataclass
class AuditReport:
    """``audit verify``'s verdict: this database's own chain (``problems``) and, at the centre, each district
    PC whose history changed since it was anchored there (``districts``, sync/anchors.py)."""

    ok: bool
    entries: int
    seals: int
    problems: list[str]
    districts: list[dict] = field(default_factory=list)


def verify(db: Database) -> AuditReport:
    """Recompute the chain from the first entry and compare it with every seal."""
    problems: list[str] = []
    seals = db.execute("SELECT id, last_audit_id, head FROM audit_seals ORDER BY id").fetchall()
    seal_at = {last_id: (seal_id, head) for seal_id, last_id, head in seals}
    head, expected_id, entries, sealed_up_to = GENESIS, None, 0, 0
    for row in db.execute(f"SELECT {_ROW_COLUMNS} FROM audit_log ORDER BY id"):
        entries += 1
        if expected_id is not None and row[0] != expected_id:
            problems.append(f"audit entries {expected_id} to {row[0] - 1} are missing")
        expected_id = row[0] + 1
        head = _row_digest(head, row)
        if row[0] in seal_at:
            seal_id, sealed_head = seal_at[row[0]]
            if sealed_head != head:
                problems.append(f"seal {seal_id} (entries up to {row[0]}) does not match: an entry was altered")
                head = sealed_head  # resynchronise so later damage is reported on its own
            sealed_up_to = row[0]
    last_sealed = seals[-1][1] if seals else 0
    if last_sealed > sealed_up_to:
        problems.append(f"entries up to {last_sealed} were sealed but are gone")
    if expected_id is not None and expected_id - 1 > last_sealed:
        problems.append(f"entries {last_sealed + 1} to {expected_id - 1} were added outside Mizan (not sealed)")
    for table in ("audit_log", "audit_seals"):
        for action in ("update", "delete"):
            name = f"{table}_no_{action}"
            if not db.execute("SELECT 1 FROM sqlite_master WHERE type='trigger' AND name=?", [name]).fetchone():
                problems.append(f"the trigger {name} that keeps the log append-only was removed")
    return AuditReport(ok=not problems, entries=entries, seals=len(seals), problems=problems)


AUDIT_COLUMNS = ("id", "at", "actor", "action", "table_name", "row_key", "before", "after")
# Tables whose before/after images describe survivors' cases: shown only to roles that see cases.
CASE_TABLES = ("desk_cases", "desk_case_identities", "desk_case_perpetrators", "desk_case_services")


def audit_page(db: Database, *, offset: int = 0, limit: int = 200, table: str | None = None,
               show_case_content: bool = False) -> list[dict]:
    """Newest entries first, one page; case tables' before/after are withheld unless ``show_case_content``."""
    where, params = ("WHERE table_name = ?", [table]) if table else ("", [])
    cursor = db.execute(f"SELECT {', '.join(AUDIT_COLUMNS)} FROM audit_log {where} ORDER BY id DESC LIMIT ? OFFSET ?",
                        [*params, limit, offset])
    entries = []
    for row in cursor:
        entry = dict(zip(AUDIT_COLUMNS, row, strict=True))
        if entry["table_name"] in CASE_TABLES and not show_case_content:
            for image in ("before", "after"):
                entry[image] = "(withheld)" if entry[image] is not None else None
        entries.append(entry)
    return entries


def audit_count(db: Database, table: str | None = None) -> int:
    where, params = ("WHERE table_name = ?", [table]) if table else ("", [])
    return db.execute(f"SELECT count(*) FROM audit_log {where}", params).fetchone()[0]
