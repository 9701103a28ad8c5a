"""Users, roles and the permission table that every storage function checks."""

from __future__ import annotations

from storage.core import identity
from storage.core.clock import utc_now
from storage.core.ledger import record_removal
from storage.core.policy import policy_value
from storage.core.roles import (
    ROLES,
    ROLES_BY_INSTALLATION,
    check_password_strength,
    check_user_name,
    installation_name,
    require,
    role_name,
    role_names,
)
from storage.core.session import Session
from storage.errors import PermissionDenied, UsageError
from storage.i18n import QT_TRANSLATE_NOOP, say


def list_users(session: Session) -> list[dict]:
    require(session, "view")
    session.keyfile.refresh()  # locks and failure counts are written by whichever process saw them
    rows = session.db.execute("SELECT name, role, active, created_at FROM users ORDER BY name").fetchall()
    waiting = set(identity.waiting_users(session))
    return [
        {"name": name, "role": role, "active": bool(active), "created_at": created_at,
         "locked_until": (lock.isoformat() if (lock := session.keyfile.locked_until(name)) else None),
         # "waiting": may see identities once a holder grants the identity key (storage.core.identity)
         "identity_access": ("waiting" if name in waiting else "granted" if role in identity.HOLDER_ROLES else None)}
        for name, role, active, created_at in rows
    ]


def _require_manageable(session: Session, role: str) -> None:
    """Supervisors manage their office's operators and supervisors; only admins make admins."""
    require(session, "manage_users")
    if session.role == "supervisor" and role not in ("operator", "supervisor"):
        raise PermissionDenied(say("errors", QT_TRANSLATE_NOOP("errors", "A supervisor may manage operators and supervisors only, not users with the role {role}."), role=role_name(role)))


def add_user(session: Session, name: str, role: str, password: str) -> None:
    """Create a user and its key slot."""
    name = check_user_name(name)
    if role not in ROLES:
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "Unknown role {role}; choose one of {roles}."), role=repr(role), roles=', '.join(ROLES)))
    allowed_here = ROLES_BY_INSTALLATION[session.installation["role"]]
    if role not in allowed_here:
        raise UsageError(
            say("errors", QT_TRANSLATE_NOOP("errors", "A {installation} installation has the roles {roles}, not {role}."), installation=installation_name(session.installation['role']), roles=role_names(allowed_here), role=role_name(role))
        )
    _require_manageable(session, role)
    check_password_strength(password, user=name, district=session.district,
                            minimum=policy_value(session.db, "password_min_length"))
    if session.db.execute("SELECT 1 FROM users WHERE name = ?", [name]).fetchone():
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "There is already a user called {name}."), name=repr(name)))
    with session.write() as db:
        db.execute("INSERT INTO users (name, role, created_at, created_by) VALUES (?, ?, ?, ?)",
                   [name, role, utc_now(), session.user])
        # A session holding the identity key grants it at once to a role that may see identities.
        granted = session.identity_key if role in identity.HOLDER_ROLES else None
        session.keyfile.set_user_slot(name, password, session.db_key, role=role, identity_key=granted)
        # The slot is saved inside the transaction: if saving fails, the user row rolls back with it.
        session.keyfile.save()
    if role in identity.HOLDER_ROLES and identity.current_key_id(session) is None:
        # The first user who may see identities: the installation's identity key is made now (nothing is sealed yet).
        identity.create_identity_key(session, [identity.user_slot_name(name)])


def _role_of(session: Session, name: str) -> str:
    row = session.db.execute("SELECT role FROM users WHERE name = ?", [name]).fetchone()
    if row is None:
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "There is no user called {name}."), name=repr(name)))
    return row[0]


def change_password(session: Session, name: str, new_password: str) -> None:
    """Rewrap one user's slot. Users change their own; managers reset the users they manage."""
    role = _role_of(session, name)
    if name != session.user:
        _require_manageable(session, role)
    check_password_strength(new_password, user=name, district=session.district,
                            minimum=policy_value(session.db, "password_min_length"))
    reset = name != session.user
    if reset:
        identity.check_rotation_possible(session)
    # A new key pair: the identity key goes along when this session holds it and the role may see identities.
    granted = session.identity_key if role in identity.HOLDER_ROLES else None
    session.keyfile.set_user_slot(name, new_password, session.db_key, role=role, identity_key=granted)
    with session.write() as db:
        # The audit log records that the password changed (never the password); the slot file is saved
        # inside the same transaction so the two agree.
        db.execute("UPDATE users SET password_changed_at = ? WHERE name = ?", [utc_now(), name])
        session.keyfile.save()
    if reset:
        # Someone else set this password: whoever knew the old one (with a copy of the old key file) opens
        # nothing new. The database key changes, and the identity key when this session holds it.
        identity.rotate_keys(session)


def unlock_user(session: Session, name: str) -> None:
    """Clear a user's wrong-password lock."""
    _require_manageable(session, _role_of(session, name))
    session.keyfile.clear_lock(name)


def remove_user(session: Session, name: str) -> str:
    """Deactivate the user, remove its key slot and rotate the keys: its password, and a copy of an older
    key file, open nothing new. Returns ``"both"`` (database and identity key rotated) or ``"database"``
    (the identity key rotates at the next sign-in of a user who holds it)."""
    role = _role_of(session, name)
    _require_manageable(session, role)
    if name == session.user:
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "You cannot remove yourself; ask another admin.")))
    if role == "admin":
        admins = session.db.execute("SELECT count(*) FROM users WHERE role = 'admin' AND active = 1").fetchone()[0]
        if admins <= 1:
            raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "This is the last admin; add another admin first.")))
    identity.check_rotation_possible(session, leaving=name)
    with session.write() as db:
        db.execute("UPDATE users SET active = 0 WHERE name = ?", [name])
        # Also in the removal ledger beside the database, so a restore of an older backup keeps it removed.
        record_removal(db, session.path, session.db_key, name, session.user)
        session.keyfile.remove_user_slot(name)
        session.keyfile.save()
    return identity.rotate_keys(session)


def grant_identity_access(session: Session, name: str) -> None:
    """Give a waiting user the identity key (see :func:`storage.core.identity.grant_identity_access`)."""
    identity.grant_identity_access(session, name)


