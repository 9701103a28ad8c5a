"""Errors with plain-words messages and the CLI exit code each one maps to."""

from __future__ import annotations


class MizanError(Exception):
    """Base class: ``str(error)`` is a message a person can act on."""

    exit_code = 1


class UsageError(MizanError):
    """The request itself is malformed (a missing option, an unknown code)."""

    exit_code = 2


class ValidationFailed(MizanError):
    """One or more records broke a rule with severity error; nothing was written."""

    exit_code = 3

    def __init__(self, message: str, issues: list | None = None, warnings: list | None = None) -> None:
        super().__init__(message)
        self.issues = issues or []
        # Every warning the rules found, the ones that did not stop the save too (a row that a bulk load
        # would have saved and marked to check later): the person sees them before loading again.
        self.warnings = warnings or []


class AuthError(MizanError):
    """Wrong password, locked user, or a user unknown to this installation."""

    exit_code = 4


class PermissionDenied(AuthError):
    """The signed-in user's role may not do this."""


class DatabaseBusy(MizanError):
    """Another process on this PC has the database open (``storage.core.writer``); nothing was done.

    ``holder`` is what that process wrote into the lock file (user, pid, since, host), when readable.
    """

    exit_code = 6

    def __init__(self, message: str, holder: dict | None = None) -> None:
        super().__init__(message)
        self.holder = holder or {}
