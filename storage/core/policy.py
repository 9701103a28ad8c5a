"""The policy the centre sets for every office: how soon an idle window locks, and how long a password must be.

The centre's admin sets it (``policy set NAME VALUE``); its updates carry it to the districts (sync/updates.py),
which keep it in their ``settings`` table, so it changes without a new executable and without a visit. How
many automatic backups are kept is policy too (``backup_keep``, also set per office: storage.core.backup).

Each value has a floor the code holds whatever an update says: a window may lock sooner on a PC (its own
setting) but never later than the policy, and a password is never shorter than :data:`MIN_PASSWORD_LENGTH`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from storage.core.backup import DEFAULT_KEEP, MAX_KEEP
from storage.core.clock import utc_now
from storage.core.roles import MIN_PASSWORD_LENGTH, require
from storage.errors import UsageError
from storage.i18n import QT_TRANSLATE_NOOP, say

if TYPE_CHECKING:  # sqlite-utils is imported with the first connection (storage.core.connection)
    from sqlite_utils import Database

    from storage.core.session import Session


@dataclass(frozen=True)
class Policy:
    """One value of the policy: its default and the range the code accepts."""

    default: int
    low: int
    high: int


POLICIES = {
    # How many automatic backups an office keeps (storage.core.backup reads the same setting).
    "backup_keep": Policy(default=DEFAULT_KEEP, low=1, high=MAX_KEEP),
    # At most this many idle minutes before the window locks (a PC may choose fewer in Settings).
    "auto_lock_minutes": Policy(default=10, low=1, high=240),
    # A password needs at least this many characters (never fewer than the code's own rule).
    "password_min_length": Policy(default=MIN_PASSWORD_LENGTH, low=MIN_PASSWORD_LENGTH, high=64),
}


def policy_value(db: Database, name: str) -> int:
    """The policy's ``name`` here: the stored setting within its range, else its default."""
    policy = POLICIES[name]
    try:
        row = db.execute("SELECT value FROM settings WHERE name = ?", [name]).fetchone()
    except Exception:  # before the settings migration has run
        return policy.default
    try:
        value = int(row[0]) if row else policy.default
    except ValueError:
        return policy.default
    return min(max(value, policy.low), policy.high)


def current_policy(db: Database) -> dict[str, int]:
    """Every value of the policy, as an update carries it."""
    return {name: policy_value(db, name) for name in POLICIES}


def _checked(name: str, value: object) -> int:
    policy = POLICIES.get(name)
    if policy is None:
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "There is no policy {name}; the policy has {names}."), name=repr(name), names=", ".join(POLICIES)))
    if not isinstance(value, int) or isinstance(value, bool) or not policy.low <= value <= policy.high:
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "{name} must be a whole number from {low} to {high}, not {value}."), name=name, low=policy.low, high=policy.high, value=repr(value)))
    return value


def _store(db: Database, name: str, value: int, by: str) -> None:
    db.execute("INSERT INTO settings (name, value, changed_by, changed_at) VALUES (?, ?, ?, ?) ON CONFLICT (name) "
               "DO UPDATE SET value = excluded.value, changed_by = excluded.changed_by, changed_at = excluded.changed_at",
               [name, str(value), by, utc_now()])


def set_policy(session: Session, name: str, value: object) -> None:
    """Centre admin: set one value of the policy for every office (it travels in the next centre update)."""
    require(session, "set_policy")
    if not session.is_centre:
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "The policy is set at the provincial centre; it reaches this office in a centre update.")))
    value = _checked(name, value)
    with session.write() as db:
        _store(db, name, value, session.user)


def checked_policy(carried: dict) -> dict[str, int]:
    """The values of a carried policy this Mizan knows, each in its range (UsageError otherwise); names it
    does not know are left for a newer Mizan."""
    return {name: _checked(name, value) for name, value in carried.items() if name in POLICIES}


def policy_applied(db: Database, checked: dict[str, int], by: str) -> dict[str, dict[str, int]]:
    """Inside the caller's write transaction (a centre update at a district): keep the centre's policy
    (:func:`checked_policy` first). Returns {name: {"from", "to"}} of what changed."""
    changes: dict[str, dict[str, int]] = {}
    for name, value in checked.items():
        before = policy_value(db, name)
        if value != before:
            _store(db, name, value, by)
            changes[name] = {"from": before, "to": value}
    return changes


def idle_lock_minutes(chosen_on_this_pc: int, db: Database) -> int:
    """How many idle minutes lock the window: this PC's own choice (0: never) within the policy's maximum."""
    most = policy_value(db, "auto_lock_minutes")
    return most if chosen_on_this_pc <= 0 else min(chosen_on_this_pc, most)
