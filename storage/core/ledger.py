"""Signed ledgers beside the database: what must never roll back, written where a restore cannot undo it.

Two ledgers use this module, one JSON line per entry, each line with an HMAC-SHA256 so that nobody without
the installation's *ledger key* can add, alter or forge a line:

* ``<db>.revoked``: devices the centre revoked (``sync.devices``);
* ``<db>.removed``: users removed (:func:`storage.records.users.remove_user`); a restore removes them
  again from the restored database and its key file (:func:`carry_removals_forward`), and so does every
  sign-in (:func:`reapply_removals`).

The ledger key is 32 random bytes kept in the database itself (table ``ledger_keys``, made by the
migration ``0013_restores``; not audited, so it never appears in the audit log) and **never rotated**: a
backup made last year holds the same ledger key as today's database, so it verifies every line written
since, even after the database key was changed (a user removed). An installation older than that
migration gets the key its revocation ledger was already signed with (HKDF-SHA256 of the database key,
info ``mizan revocation ledger``), taken once at the first sign-in after the migration, so its existing
lines still verify. The limit: anyone who once held the database key (a removed user with an old copy)
knows the ledger key and can forge lines; a forged line can only revoke or remove *more*, never bring a
device or a user back.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from storage.core import audit
from storage.core.clock import utc_now
from storage.core.files import open_private

if TYPE_CHECKING:
    from sqlite_utils import Database  # annotations only: sqlite-utils loads with the first connection

LEGACY_INFO = b"mizan revocation ledger"  # what the revocation ledger's key was derived with before 0013
REMOVED_BY_LEDGER = "(removal ledger)"  # the actor of a removal re-applied from the ledger at sign-in


def revocation_ledger_path(db_path: str | Path) -> Path:
    """The revocation ledger beside a database (``sync.devices``; never replaced by a restore)."""
    return Path(f"{db_path}.revoked")


def removal_ledger_path(db_path: str | Path) -> Path:
    """The removal ledger beside a database: users removed, who never come back with an older backup."""
    return Path(f"{db_path}.removed")


# -- the key -------------------------------------------------------------------------------------------


def legacy_ledger_key(db_key: bytes) -> bytes:
    """The key the revocation ledger was signed with before the ledger key was stored (HKDF of the db key)."""
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=LEGACY_INFO).derive(db_key)


def new_ledger_key() -> str:
    """A fresh random ledger key, as stored (hex)."""
    return os.urandom(32).hex()


def ledger_key(db: Database) -> bytes | None:
    """The installation's ledger key, or None before it was set (or before the migration ran)."""
    try:
        row = db.execute("SELECT key FROM ledger_keys WHERE id = 1").fetchone()
    except Exception:  # an old schema without the table: nothing signed with a stored key yet
        return None
    return bytes.fromhex(row[0]) if row else None


def ensure_ledger_key(db: Database, db_key: bytes) -> bytes:
    """The ledger key, set once when missing to the key existing ledger lines were signed with.

    Writes only the first time (one row, in its own transaction; not audited).
    """
    key = ledger_key(db)
    if key is None:
        key = legacy_ledger_key(db_key)
        with db.atomic():
            db.execute("INSERT OR IGNORE INTO ledger_keys (id, key, created_at) VALUES (1, ?, ?)",
                       [key.hex(), utc_now()])
        key = ledger_key(db) or key
    return key


# -- signed lines ----------------------------------------------------------------------------------------


def _canonical(entry: dict) -> bytes:
    return json.dumps(entry, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode("ascii")


def signed_line(key: bytes, entry: dict) -> bytes:
    """One ledger line: the entry and its HMAC under the ledger key."""
    mac = hmac.new(key, _canonical(entry), hashlib.sha256).hexdigest()
    return _canonical({"entry": entry, "mac": mac}) + b"\n"


def read_signed(content: bytes | None, key: bytes | None, id_field: str) -> dict[str, tuple[dict, bytes]]:
    """The authentic entries in ledger bytes, per ``entry[id_field]``: (entry, its line), first line wins.
    Lines that do not carry a valid HMAC (edited, forged, another installation's) are ignored."""
    found: dict[str, tuple[dict, bytes]] = {}
    if key is None:
        return found
    for raw in (content or b"").splitlines():
        try:
            line = json.loads(raw)
            entry, mac = line["entry"], line["mac"]
            if not isinstance(entry, dict) or not isinstance(mac, str) or not isinstance(entry.get(id_field), str):
                continue
        except (ValueError, KeyError, TypeError):
            continue
        if hmac.compare_digest(hmac.new(key, _canonical(entry), hashlib.sha256).hexdigest(), mac):
            found.setdefault(entry[id_field], (entry, raw + b"\n"))
    return found


def append_line(path: Path, line: bytes) -> None:
    """Append one line to a ledger and fsync it (the file is created owner-only, 0600)."""
    with open_private(path, "ab") as handle:
        handle.write(line)
        handle.flush()
        os.fsync(handle.fileno())


def read_file(path: Path) -> bytes:
    return path.read_bytes() if path.exists() else b""


# -- the removal ledger ----------------------------------------------------------------------------------

REMOVAL_FIELDS = ("user", "role", "removed_at", "removed_by")


def record_removal(db: Database, db_path: str | Path, db_key: bytes, user: str, removed_by: str) -> None:
    """Append the removal of ``user`` to ``<db>.removed``; run inside the removing transaction (if the line
    cannot be written nothing is removed; if the commit fails after it, the next sign-in removes)."""
    role = db.execute("SELECT role FROM users WHERE name = ?", [user]).fetchone()
    entry = {"user": user, "role": role[0] if role else None, "removed_at": utc_now(), "removed_by": removed_by}
    append_line(removal_ledger_path(db_path), signed_line(ensure_ledger_key(db, db_key), entry))


def removals_in(content: bytes | None, key: bytes | None) -> dict[str, tuple[dict, bytes]]:
    """The authentic removals in ledger bytes, per user name."""
    return read_signed(content, key, "user")


def apply_removals(db: Database, entries: Iterable[dict]) -> list[str]:
    """Make every listed user inactive in ``db`` (a missing user is added inactive, so the name cannot be
    given to someone new and removed again by the next restore). Returns the users who were active (or
    absent) and are removed now; run inside a write transaction."""
    changed = []
    for entry in entries:
        name, role = entry.get("user"), entry.get("role")
        row = db.execute("SELECT active FROM users WHERE name = ?", [name]).fetchone()
        if row is None:
            if role not in ("operator", "supervisor", "clerk", "admin"):
                role = "operator"  # the least: an inactive row only keeps the name taken
            db.execute("INSERT INTO users (name, role, active, created_at, created_by) VALUES (?, ?, 0, ?, ?)",
                       [name, role, entry.get("removed_at") or utc_now(), REMOVED_BY_LEDGER])
            changed.append(name)
        elif row[0]:
            db.execute("UPDATE users SET active = 0 WHERE name = ?", [name])
            changed.append(name)
    return changed


def reapply_removals(db: Database, db_path: str | Path, db_key: bytes, keyfile) -> list[str]:
    """At sign-in: every user in ``<db>.removed`` is inactive and has no key slot (a database file put back
    by hand, or a commit that failed after its line). Returns the users removed now."""
    key = ensure_ledger_key(db, db_key)  # every sign-in: the key is fixed before the database key can change
    path = removal_ledger_path(db_path)
    if not path.exists():
        return []
    entries = [entry for entry, _ in removals_in(path.read_bytes(), key).values()]
    if not entries:
        return []
    active = {row[0] for row in db.execute("SELECT name FROM users WHERE active = 1")}
    slots = set(keyfile.users())
    due = [entry for entry in entries if entry["user"] in active or entry["user"] in slots
           or not db.execute("SELECT 1 FROM users WHERE name = ?", [entry["user"]]).fetchone()]
    if not due:
        return []
    with db.atomic():
        changed = apply_removals(db, due)
        audit.seal(db)
    for entry in due:
        if keyfile.has_user(entry["user"]):
            keyfile.remove_user_slot(entry["user"])
    keyfile.save()
    return changed
