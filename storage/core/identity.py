"""The identity key: survivors' identifying details and narrative notes sealed apart from the database key.

The database key (SQLCipher) opens for every user. The *identity key* (32 random bytes) is enveloped only to
the key slots of roles allowed to see identities (``view_identities``: operator, supervisor) and to the
recovery slot (:mod:`storage.core.keyslots`). Each identity row (name, guardian's name, CNIC, phone, address,
as one JSON value) and each case's notes are sealed with AES-256-GCM under it, the associated data being
the case's uuid and the field (``identity`` or ``notes``), behind a version prefix (``s1:``). Someone with
only the database key (an admin's or clerk's password and the two files) reads the sealed text and nothing
more, even with direct SQL. A check row (``identity_key.key_id``: an HMAC of a fixed text under the key)
tells which key is current.

Grants: a session that holds the key grants it to a slot by enveloping it there (a supervisor adding or
resetting a desk user does so at once; a user added by an admin waits until a holder runs ``user grant``).
The first holder slot made (``add_user`` of an operator or supervisor, or the first sign-in of one on an
older database) creates the key: there is nothing sealed yet to protect.

Rotation: removing a user, or a password reset by someone else, rotates the database key (``PRAGMA
rekey``) and, when the session holds it, the identity key (every sealed value sealed again). A session
without it (an admin) marks the identity rotation due; the next holder's sign-in does it. Until then the
removed user's old identity key still opens the values sealed under it, but only inside a database file he
can no longer open (its key has changed).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
from typing import TYPE_CHECKING

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from storage.core.clock import utc_now
from storage.core.keyslots import RECOVERY_SLOT, grant_tag, hmac_equal, new_database_key, user_slot_name
from storage.core.roles import PERMISSIONS, require, role_name
from storage.errors import UsageError
from storage.i18n import QT_TRANSLATE_NOOP, say

if TYPE_CHECKING:  # a session is passed in; this module sits below the session module
    from storage.core.session import Session

SEAL_PREFIX = "s1:"
IDENTITY_FIELDS = ("name", "guardian_name", "cnic", "phone", "address")
HOLDER_ROLES = PERMISSIONS["view_identities"]


# -- sealing values ------------------------------------------------------------------------------------
def seal(identity_key: bytes, case_uuid: str, field: str, text: str) -> str:
    """AES-256-GCM of ``text`` under the identity key, bound to the case and field (``s1:`` + base64)."""
    nonce = os.urandom(12)
    sealed = AESGCM(identity_key).encrypt(nonce, text.encode("utf-8"), f"{case_uuid}|{field}".encode())
    return SEAL_PREFIX + base64.b64encode(nonce + sealed).decode("ascii")


def open_sealed(identity_key: bytes, case_uuid: str, field: str, value: str) -> str:
    """The text of a value made by :func:`seal` for this case and field (raises on a wrong key or a value
    moved to another case)."""
    if not value.startswith(SEAL_PREFIX):
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "A sealed value of case {case_uuid} is in an unknown format."), case_uuid=case_uuid))
    raw = base64.b64decode(value[len(SEAL_PREFIX):])
    try:
        return AESGCM(identity_key).decrypt(raw[:12], raw[12:], f"{case_uuid}|{field}".encode()).decode("utf-8")
    except InvalidTag as error:
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "A sealed value of case {case_uuid} does not open with the identity key."), case_uuid=case_uuid)) from error


def seal_identity(identity_key: bytes, case_uuid: str, identity: dict) -> str:
    values = {name: identity.get(name) or None for name in IDENTITY_FIELDS}
    return seal(identity_key, case_uuid, "identity", json.dumps(values, ensure_ascii=False, sort_keys=True))


def open_identity(identity_key: bytes, case_uuid: str, sealed: str) -> dict:
    values = json.loads(open_sealed(identity_key, case_uuid, "identity", sealed))
    return {name: values.get(name) for name in IDENTITY_FIELDS}


def key_id(identity_key: bytes) -> str:
    """What the database keeps to recognise the current identity key (it reveals nothing of it)."""
    return hmac.new(identity_key, b"mizan identity key id", hashlib.sha256).hexdigest()


def current_key_id(session: Session) -> str | None:
    row = session.db.execute("SELECT key_id FROM identity_key WHERE id = 1").fetchone()
    return row[0] if row else None


def rotation_due(session: Session) -> bool:
    row = session.db.execute("SELECT rotation_due FROM identity_key WHERE id = 1").fetchone()
    return bool(row and row[0])


# -- who holds it --------------------------------------------------------------------------------------
def withheld_reason(session: Session) -> str | None:
    """Why this session gets no identifying details: ``role`` (its role may not see them), ``waiting``
    (the role may, but no holder has granted this user the key yet), or None when it holds the key."""
    if session.role not in HOLDER_ROLES:
        return "role"
    return None if session.identity_key is not None else "waiting"


def resolve(session: Session, slot_name: str, candidates: list[bytes]) -> None:
    """Set ``session.identity_key`` from the keys the slot opened (valid grant tags only): the one that is
    current in this database, for a slot whose role still may hold it (the recovery slot always may)."""
    session.identity_key = None
    slot_role = session.keyfile.slot_role(slot_name)
    if slot_name != RECOVERY_SLOT and (session.role not in HOLDER_ROLES or slot_role != session.role):
        return
    current = current_key_id(session)
    for key in candidates:
        if current is not None and hmac_equal(key_id(key), current):
            session.identity_key = key
            return


def check_offered_key(session: Session, slot_name: str, identity_key: bytes | None) -> list[bytes]:
    """An identity key offered by a caller that holds it (tests' templates): taken only if the slot's grant
    tag for it is valid, as if the slot's envelope had been opened."""
    slot = session.keyfile.content["slots"].get(slot_name) or {}
    if identity_key is None:
        return []
    tag = grant_tag(identity_key, slot_name, slot.get("role") or "")
    return [identity_key] if any(hmac_equal(tag, slot.get(name, "")) for name in ("grant", "grant_next")) else []


def after_sign_in(session: Session) -> None:
    """A holder's sign-in: create the key on a database that has none yet, seal what an older version left
    in clear, and do an identity rotation an admin's removal left due."""
    if session.role not in HOLDER_ROLES:
        return
    if current_key_id(session) is None:
        create_identity_key(session, [user_slot_name(session.user)])
    if session.identity_key is None:
        return
    seal_plaintext(session)
    if rotation_due(session):
        rotate_identity_key(session)


def create_identity_key(session: Session, slots: list[str]) -> None:
    """Make the installation's identity key (only while it has none) for ``slots`` and the recovery slot;
    the creating session holds it until it closes."""
    if current_key_id(session) is not None:
        return
    identity_key = os.urandom(32)
    with session.write() as db:
        db.execute("INSERT INTO identity_key (id, key_id, rotation_due, created_at) VALUES (1, ?, 0, ?)",
                   [key_id(identity_key), utc_now()])
        session.keyfile.refresh()
        for slot in [*slots, RECOVERY_SLOT]:
            _grant_slot(session, slot, identity_key)
        session.keyfile.save()
    session.identity_key = identity_key


def _grant_slot(session: Session, slot_name: str, identity_key: bytes) -> None:
    if slot_name != RECOVERY_SLOT:
        row = session.db.execute("SELECT role FROM users WHERE name = ? AND active = 1",
                                 [slot_name.split(":", 1)[1]]).fetchone()
        if row is None or row[0] not in HOLDER_ROLES:
            return
        session.keyfile.set_slot_role(slot_name, row[0])  # the grant tag binds the role the user has now
    session.keyfile.grant_identity(slot_name, identity_key)


def waiting_users(session: Session) -> list[str]:
    """Active users whose role may see identities but whose slot has not been granted the key."""
    session.keyfile.refresh()
    holders = set(session.keyfile.identity_holders())
    names = [row[0] for row in session.db.execute(
        f"SELECT name FROM users WHERE active = 1 AND role IN ({', '.join('?' * len(HOLDER_ROLES))}) ORDER BY name",
        sorted(HOLDER_ROLES))]
    waiting = [name for name in names if user_slot_name(name) not in holders]
    if current_key_id(session) is not None and RECOVERY_SLOT not in holders \
            and RECOVERY_SLOT in session.keyfile.content["slots"]:
        waiting.append(RECOVERY_SLOT)
    return waiting


def grant_identity_access(session: Session, name: str) -> None:
    """Give a waiting user (or ``recovery``, the recovery slot) the identity key: only a session that holds it."""
    require(session, "manage_users")
    if session.identity_key is None:
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "Only a user who holds the identity key (a supervisor or operator with access) can grant it; sign in as one.")))
    if name == RECOVERY_SLOT:
        slot_name = RECOVERY_SLOT
        if slot_name not in session.keyfile.content["slots"]:
            raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "This installation has no recovery slot.")))
    else:
        row = session.db.execute("SELECT role, active FROM users WHERE name = ?", [name]).fetchone()
        if row is None or not row[1]:
            raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "There is no user called {name}."), name=repr(name)))
        if row[0] not in HOLDER_ROLES:
            raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "{name} is a {role}: that role may not see clients' identifying details."), name=repr(name), role=role_name(row[0])))
        slot_name = user_slot_name(name)
    if slot_name in session.keyfile.v1_slots():
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "{name} has not signed in since this version was installed; the key can be granted after that first sign-in."), name=repr(name)))
    session.keyfile.refresh()
    _grant_slot(session, slot_name, session.identity_key)
    session.keyfile.save()


# -- sealing what an older version kept in clear ---------------------------------------------------------
def seal_plaintext(session: Session) -> int:
    """Seal identity rows and notes still in clear (written before this version) and empty the clear columns,
    with ``secure_delete`` so the old text is overwritten in the file. Returns how many values were sealed."""
    key = session.identity_key
    assert key is not None
    rows = session.db.execute(
        f"SELECT case_uuid, {', '.join(IDENTITY_FIELDS)} FROM desk_case_identities WHERE sealed IS NULL").fetchall()
    notes = session.db.execute("SELECT uuid, notes FROM desk_cases WHERE notes IS NOT NULL").fetchall()
    if not rows and not notes:
        return 0
    session.db.execute("PRAGMA secure_delete = ON")
    with session.write() as db:
        for case_uuid, *values in rows:
            sealed = seal_identity(key, case_uuid, dict(zip(IDENTITY_FIELDS, values, strict=True)))
            db.execute(f"UPDATE desk_case_identities SET sealed = ?, {', '.join(f'{n} = NULL' for n in IDENTITY_FIELDS)} "
                       "WHERE case_uuid = ?", [sealed, case_uuid])
        for case_uuid, text in notes:
            db.execute("UPDATE desk_cases SET notes_sealed = ?, notes = NULL WHERE uuid = ?",
                       [seal(key, case_uuid, "notes", text), case_uuid])
    session.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return len(rows) + len(notes)


# -- rotation ------------------------------------------------------------------------------------------
def check_rotation_possible(session: Session, leaving: str | None = None) -> None:
    """Refuse (before anything changes) a rotation that would strand a format-1 slot, which has no key pair
    to envelope a new key to; its owner signs in once (the recovery key: a recovery sign-in) first."""
    session.keyfile.refresh()
    stranded = [name for name in session.keyfile.v1_slots() if leaving is None or name != user_slot_name(leaving)]
    if stranded:
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "The database key cannot be changed yet: the key slots of {slots} are in the old format. Each must sign in once (the recovery slot: with the recovery key), then try again."),
                             slots=", ".join(name.removeprefix("user:") for name in stranded)))


def rotate_keys(session: Session) -> str:
    """Rotate the database key, and the identity key when this session holds it (else mark that rotation due).

    Returns ``"both"`` or ``"database"`` (the identity key waits for a holder's sign-in).
    """
    rotate_database_key(session)
    if session.identity_key is not None:
        rotate_identity_key(session)
        return "both"
    if current_key_id(session) is not None:
        with session.write() as db:
            db.execute("UPDATE identity_key SET rotation_due = 1 WHERE id = 1")
        return "database"
    return "both"


def rotate_database_key(session: Session) -> None:
    """A new SQLCipher key (``PRAGMA rekey``), enveloped to every slot in the key file as it is now.

    Crash safety: the new key is first enveloped beside the old one in every slot (key file written
    atomically under its lock), then the database is re-encrypted, then the old envelopes are dropped. A
    crash at any point leaves each slot an envelope whose key opens the file (sign-in tries both).
    """
    check_rotation_possible(session)
    new_key = new_database_key()
    session.keyfile.stage_db_key(new_key)
    session.keyfile.save()
    session.db.execute(f"PRAGMA rekey = \"x'{new_key.hex()}'\"")
    session.earlier_db_keys.append(session.db_key)  # a backup made before still opens in this session (GUI restore)
    session.db_key = new_key
    session.keyfile.commit_db_key()
    session.keyfile.save()


def rotate_identity_key(session: Session) -> int:
    """A new identity key: every sealed value sealed again, enveloped to the slots that hold the current key
    (their grant tags checked). Returns how many values were sealed again."""
    old = session.identity_key
    assert old is not None
    session.keyfile.refresh()
    slots = session.keyfile.content["slots"]
    holders = [name for name in session.keyfile.identity_holders()
               if hmac_equal(grant_tag(old, name, slots[name].get("role") or ""), slots[name].get("grant", ""))]
    new = os.urandom(32)
    for name in holders:
        session.keyfile.grant_identity(name, new, staged=True)
    session.keyfile.save()
    count = 0
    session.db.execute("PRAGMA secure_delete = ON")
    with session.write() as db:
        for case_uuid, sealed in db.execute("SELECT case_uuid, sealed FROM desk_case_identities WHERE sealed IS NOT NULL").fetchall():
            db.execute("UPDATE desk_case_identities SET sealed = ? WHERE case_uuid = ?",
                       [seal_identity(new, case_uuid, open_identity(old, case_uuid, sealed)), case_uuid])
            count += 1
        for case_uuid, sealed in db.execute("SELECT uuid, notes_sealed FROM desk_cases WHERE notes_sealed IS NOT NULL").fetchall():
            db.execute("UPDATE desk_cases SET notes_sealed = ? WHERE uuid = ?",
                       [seal(new, case_uuid, "notes", open_sealed(old, case_uuid, "notes", sealed)), case_uuid])
            count += 1
        db.execute("UPDATE identity_key SET key_id = ?, rotation_due = 0 WHERE id = 1", [key_id(new)])
    session.identity_key = new
    session.keyfile.commit_identity_key(holders)
    session.keyfile.save()
    return count
