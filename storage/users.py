"""Users, roles and the permission table that every storage function checks."""

from __future__ import annotations

from storage import audit
from storage.database import (
    ROLES,
    ROLES_BY_INSTALLATION,
    Session,
    check_password_strength,
    check_user_name,
    installation_name,
    role_name,
    role_names,
    utc_now,
)
from storage.errors import PermissionDenied, UsageError
from storage.i18n import QT_TRANSLATE_NOOP, say, translate

# One place for who may do what. Storage functions call require(); the GUI only hides what this refuses.
PERMISSIONS: dict[str, frozenset[str]] = {
    "view": frozenset(ROLES),
    "enter_values": frozenset({"operator", "supervisor", "clerk"}),
    "set_targets": frozenset({"supervisor", "clerk"}),
    "mark_complete": frozenset({"supervisor"}),
    "desk_entry": frozenset({"operator", "supervisor"}),
    # Case details only for the staff who serve survivors, and the centre's clerk (de-identified copies).
    "view_cases": frozenset({"operator", "supervisor", "clerk"}),
    "view_identities": frozenset({"operator", "supervisor"}),
    "manage_desks": frozenset({"supervisor", "admin"}),
    "manage_users": frozenset({"supervisor", "admin"}),
    "demo_data": frozenset({"supervisor", "clerk", "admin"}),
    "export": frozenset({"supervisor"}),
    "import": frozenset({"clerk"}),
    "keys": frozenset({"admin"}),
    "view_audit": frozenset({"supervisor", "clerk", "admin"}),
    "keys_export": frozenset({"admin", "supervisor", "clerk"}),
    "enroll_devices": frozenset({"clerk", "admin"}),
    # Backups hold every record (encrypted): the office's supervisors and admins, the centre's clerk and admin.
    "backup": frozenset({"supervisor", "clerk", "admin"}),
}
ACTION_WORDS = {
    "enter_values": QT_TRANSLATE_NOOP("actions", "enter indicator values"),
    "set_targets": QT_TRANSLATE_NOOP("actions", "set targets"),
    "mark_complete": QT_TRANSLATE_NOOP("actions", "mark data sets complete or reopen them"),
    "desk_entry": QT_TRANSLATE_NOOP("actions", "enter desk cases"),
    "view_cases": QT_TRANSLATE_NOOP("actions", "see desk case details"),
    "view_identities": QT_TRANSLATE_NOOP("actions", "see clients' identifying details"),
    "manage_desks": QT_TRANSLATE_NOOP("actions", "add or change desks"),
    "manage_users": QT_TRANSLATE_NOOP("actions", "manage users"),
    "demo_data": QT_TRANSLATE_NOOP("actions", "load demo data"),
    "export": QT_TRANSLATE_NOOP("actions", "export bundles"),
    "import": QT_TRANSLATE_NOOP("actions", "import bundles"),
    "keys": QT_TRANSLATE_NOOP("actions", "manage keys"),
    "view_audit": QT_TRANSLATE_NOOP("actions", "read the audit log"),
    "keys_export": QT_TRANSLATE_NOOP("actions", "export key files"),
    "enroll_devices": QT_TRANSLATE_NOOP("actions", "enroll or revoke devices"),
    "backup": QT_TRANSLATE_NOOP("actions", "back up or restore the database"),
}


def action_words(action: str) -> str:
    """What an action lets a person do, in the interface's language (e.g. "export bundles")."""
    return translate("actions", ACTION_WORDS[action]) if action in ACTION_WORDS else action


def allowed(session: Session, action: str) -> bool:
    return session.role in PERMISSIONS[action]


def require(session: Session, action: str) -> None:
    """Refuse with a plain message unless the signed-in user's role may do ``action``."""
    if not allowed(session, action):
        raise PermissionDenied(
            say("errors", QT_TRANSLATE_NOOP("errors", "{user} (role: {role}) may not {action}; that needs one of the roles: {roles}."), user=session.user, role=role_name(session.role), action=action_words(action), roles=role_names(sorted(PERMISSIONS[action])))
        )


def list_users(session: Session) -> list[dict]:
    require(session, "view")
    rows = session.db.execute("SELECT name, role, active, created_at FROM users ORDER BY name").fetchall()
    return [
        {"name": name, "role": role, "active": bool(active), "created_at": created_at,
         "locked_until": (lock.isoformat() if (lock := session.keyfile.locked_until(name)) else None)}
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
    check_password_strength(password)
    if session.db.execute("SELECT 1 FROM users WHERE name = ?", [name]).fetchone():
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "There is already a user called {name}."), name=repr(name)))
    with session.write() as db:
        db.execute("INSERT INTO users (name, role, created_at, created_by) VALUES (?, ?, ?, ?)",
                   [name, role, utc_now(), session.user])
        session.keyfile.set_user_slot(name, password, session.db_key)
        # The slot is saved inside the transaction: if saving fails, the user row rolls back with it.
        session.keyfile.save()


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
    check_password_strength(new_password)
    session.keyfile.set_user_slot(name, new_password, session.db_key)
    with session.write() as db:
        # The audit log records that the password changed (never the password); the slot file is saved
        # inside the same transaction so the two agree.
        db.execute("UPDATE users SET password_changed_at = ? WHERE name = ?", [utc_now(), name])
        session.keyfile.save()


def unlock_user(session: Session, name: str) -> None:
    """Clear a user's wrong-password lock."""
    _require_manageable(session, _role_of(session, name))
    session.keyfile.clear_lock(name)


def remove_user(session: Session, name: str) -> None:
    """Deactivate the user and remove its key slot: its password opens nothing any more."""
    role = _role_of(session, name)
    _require_manageable(session, role)
    if name == session.user:
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "You cannot remove yourself; ask another admin.")))
    if role == "admin":
        admins = session.db.execute("SELECT count(*) FROM users WHERE role = 'admin' AND active = 1").fetchone()[0]
        if admins <= 1:
            raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "This is the last admin; add another admin first.")))
    with session.write() as db:
        db.execute("UPDATE users SET active = 0 WHERE name = ?", [name])
        session.keyfile.remove_user_slot(name)
        session.keyfile.save()



def audit_trail(session: Session, *, offset: int = 0, limit: int = 200, table: str | None = None) -> list[dict]:
    """A page of the audit log, newest first; case content only for roles that may see cases."""
    require(session, "view_audit")
    return audit.audit_page(session.db, offset=offset, limit=limit, table=table,
                            show_case_content=allowed(session, "view_cases"))
