"""Roles, who may do what, and the rules for user names and passwords.

One place for the permission table: every storage and sync function calls :func:`require`; the GUI only
hides what this refuses. Imports only core modules.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from storage.errors import PermissionDenied, UsageError
from storage.i18n import QT_TRANSLATE_NOOP, say, translate

if TYPE_CHECKING:  # a session is passed in; roles sit below the session module
    from storage.core.session import Session

ROLES = ("operator", "supervisor", "clerk", "admin")


ROLES_BY_INSTALLATION = {"district": ("operator", "supervisor", "admin"), "centre": ("clerk", "admin")}


INSTALLATION_ROLES = ("district", "centre")


# What a person reads for a role or an installation's kind (the codes above are stored and typed in the CLI).
ROLE_NAMES = {
    "operator": QT_TRANSLATE_NOOP("roles", "operator"),
    "supervisor": QT_TRANSLATE_NOOP("roles", "supervisor"),
    "clerk": QT_TRANSLATE_NOOP("roles", "clerk"),
    "admin": QT_TRANSLATE_NOOP("roles", "admin"),
}


INSTALLATION_NAMES = {
    "district": QT_TRANSLATE_NOOP("roles", "district"),
    "centre": QT_TRANSLATE_NOOP("roles", "centre"),
}


def role_name(role: str) -> str:
    """A role in the interface's language (an unknown code is shown as it is)."""
    return translate("roles", ROLE_NAMES[role]) if role in ROLE_NAMES else role


def role_names(roles: Iterable[str]) -> str:
    """Roles in the interface's language, listed with commas."""
    return ", ".join(role_name(role) for role in roles)


def installation_name(kind: str) -> str:
    """``district`` or ``centre`` in the interface's language."""
    return translate("roles", INSTALLATION_NAMES[kind]) if kind in INSTALLATION_NAMES else kind


MIN_PASSWORD_LENGTH = 10
# zxcvbn's estimate of the guesses an attacker needs: 1e9 is its score 3 ("safely unguessable: moderate
# protection from an offline slow-hash scenario") crossed with our argon2id slots (about 0.5 s a guess).
MIN_PASSWORD_GUESSES = 1e9
# zxcvbn's matching grows faster than linearly with length; the first 64 characters decide.
PASSWORD_CHARACTERS_ESTIMATED = 64


def check_user_name(name: str) -> str:
    """The one rule for user names (init and user add): one word, no spaces. Returns it trimmed."""
    name = name.strip()
    if not name or any(ch.isspace() for ch in name):
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "A user name must be one word without spaces, e.g. amina.")))
    return name


def check_password_strength(password: str, *, user: str | None = None, district: str | None = None,
                            minimum: int = MIN_PASSWORD_LENGTH) -> None:
    """The one password rule (init, adding a user, changing a password, the GUI's forms): at least
    :data:`MIN_PASSWORD_LENGTH` characters (or ``minimum``, the centre's policy, when it asks for more), and not easy to guess by zxcvbn's estimate (at least
    :data:`MIN_PASSWORD_GUESSES` guesses). zxcvbn knows the common passwords (its lists hold the 30,000
    most common, and English words, names, dates, keyboard walks and sequences); the user's name, the
    district and "mizan" are added, so "quetta-amina" is weak at Quetta for amina. Raises ``UsageError``
    saying how to choose one.
    """
    minimum = max(minimum, MIN_PASSWORD_LENGTH)  # the centre's policy may ask for more, never for less
    if len(password) < minimum:
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "A password needs at least {min_password_length} characters. Four or more words that do not belong together, with spaces between them, are easy to remember and hard to guess."), min_password_length=minimum))
    from zxcvbn import zxcvbn  # here, not at the top: its word lists take ~0.2 s to load, needed only now

    hints = ["mizan", *(hint.lower() for hint in (user, district) if hint)]
    estimate = zxcvbn(password[:PASSWORD_CHARACTERS_ESTIMATED], user_inputs=hints)
    if estimate["guesses"] < MIN_PASSWORD_GUESSES:
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "This password is easy to guess: it is a common password, or close to a word, a name, a date or a keyboard pattern. Choose four or more words that do not belong together, with spaces between them.")))



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
    # Re-dating the records a district PC saved while its clock ran ahead (storage.core.session.repair_clock).
    "repair_clock": frozenset({"supervisor", "admin"}),
    # The centre's updates (sync/updates.py): written by the centre's clerk or admin, applied at a district by
    # its supervisor or admin (an update changes targets and policy for the whole office).
    "send_updates": frozenset({"clerk", "admin"}),
    # Accepting a district's data set, or sending it back with a question: the centre's clerk, who reads them.
    "approve": frozenset({"clerk"}),
    # A new catalogue changes what every office enters: the centre's admin, who installs and configures.
    "manage_catalogue": frozenset({"admin"}),
    # The policy every office follows (storage.core.policy): the centre's admin.
    "set_policy": frozenset({"admin"}),
    "apply_updates": frozenset({"supervisor", "admin"}),
    # The Action Plan's results framework (storage.records.plan), kept at the centre: its clerk loads it (it is
    # content, like the targets the clerk sets, not configuration) and records each activity's progress.
    "manage_plan": frozenset({"clerk"}),
    "plan_progress": frozenset({"clerk"}),
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
    "repair_clock": QT_TRANSLATE_NOOP("actions", "date today the records saved while the clock ran ahead"),
    "send_updates": QT_TRANSLATE_NOOP("actions", "write centre updates"),
    "apply_updates": QT_TRANSLATE_NOOP("actions", "apply centre updates"),
    "approve": QT_TRANSLATE_NOOP("actions", "approve or return data sets"),
    "manage_catalogue": QT_TRANSLATE_NOOP("actions", "load a new catalogue"),
    "set_policy": QT_TRANSLATE_NOOP("actions", "set the policy for every office"),
    "manage_plan": QT_TRANSLATE_NOOP("actions", "load the Action Plan's results framework"),
    "plan_progress": QT_TRANSLATE_NOOP("actions", "record the progress of Action Plan activities"),
}


def action_words(action: str) -> str:
    """What an action lets a person do, in the interface's language (e.g. "export bundles")."""
    return translate("actions", ACTION_WORDS[action]) if action in ACTION_WORDS else action


def allowed(session: Session, action: str) -> bool:
    """Whether the signed-in user's role may do ``action``."""
    return session.role in PERMISSIONS[action]


def require_role(user: str, role: str, action: str) -> None:
    """Refuse with a plain message unless ``role`` may do ``action`` (``user`` is named in the message).

    For a user who is not signed in to this database, e.g. the one who restores a backup with a
    password of that backup.
    """
    if role not in PERMISSIONS[action]:
        raise PermissionDenied(
            say("errors", QT_TRANSLATE_NOOP("errors", "{user} (role: {role}) may not {action}; that needs one of the roles: {roles}."), user=user, role=role_name(role), action=action_words(action), roles=role_names(sorted(PERMISSIONS[action])))
        )


def require(session: Session, action: str) -> None:
    """Refuse with a plain message unless the signed-in user's role may do ``action``."""
    require_role(session.user, session.role, action)
