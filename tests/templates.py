"""Template installations: each kind of test database is created once per test run and copied after that.

Creating an installation derives argon2id keys (64 MiB, t=3) for every user slot, and each sign-in
derives one again: about half a second apiece on the office-sized machines CI runs on. A copy of the
files costs milliseconds. The copies are real encrypted installations with real key slots (their
passwords work), and fixtures open them with :func:`storage.core.session.open_with_key`, since the
key is known here.

Copies of one template share its device id and keys, so no two copies that can meet share a template:
the fixtures' copies (one per test: ``district_db``, ``centre_db``) come from templates of their own,
and the helpers' copies (``make_district``, ``make_centre``, also called by module-scoped fixtures that
outlive a test) take a new template for each copy within a test module. Two copies that meet are
always two different installations, as two ``create_database`` calls were.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from storage.core.keyslots import keyfile_path
from storage.core.session import Session, create_database, open_with_key
from storage.records.users import add_user

ADMIN_PASSWORD = "admin-pass-1"
SUPERVISOR_PASSWORD = "supervisor-pass-1"
OPERATOR_PASSWORD = "operator-pass-1"
CLERK_PASSWORD = "clerk-pass-1"

_ROOT: Path | None = None
_TEMPLATES: dict[tuple, tuple[Path, bytes, bytes | None]] = {}  # asked for -> (template, its key, identity key)
_KEYS: dict[Path, tuple[bytes, bytes | None]] = {}  # every copy handed out -> its database and identity keys
_ASKED: dict[tuple, int] = {}  # (test or module, kind of copy) -> copies handed out there so far


def _root() -> Path:
    global _ROOT
    if _ROOT is None:
        _ROOT = Path(tempfile.mkdtemp(prefix="mizan-templates-"))
        atexit.register(shutil.rmtree, _ROOT, True)
    return _ROOT


def _companions(path: Path) -> list[Path]:
    """The database, its key slots and (at a centre) its revocation ledger: what an installation is."""
    return [path, keyfile_path(path), Path(f"{path}.revoked")]


def _copy(kind: tuple, build: Callable[[Path], Session], path: Path, per: str) -> Path:
    test = os.environ.get("PYTEST_CURRENT_TEST", "").rsplit(" ", 1)[0]
    where = test if per == "test" else test.split("::")[0]
    nth = _ASKED.get((where, kind), 0)
    _ASKED[(where, kind)] = nth + 1
    key = (*kind, nth)
    if key not in _TEMPLATES:
        folder = _root() / str(len(_TEMPLATES))
        folder.mkdir()
        template = folder / path.name
        session = build(template)
        _TEMPLATES[key] = (template, session.db_key, session.identity_key)
        session.close()
    template, db_key, identity_key = _TEMPLATES[key]
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        raise FileExistsError(f"{path} already exists")
    for source, target in zip(_companions(template), _companions(path), strict=True):
        if source.exists():
            shutil.copyfile(source, target)
    _KEYS[path.resolve()] = (db_key, identity_key)
    return path


def district_copy(path: Path, district: str = "QUETTA", device_name: str | None = None, *,
                  per: str = "module") -> Path:
    """A district installation at ``path`` with users admin, sana (supervisor) and omar (operator).

    ``per``: a new template for every copy in a test ``module`` (the helpers), or in a ``test`` (a
    function-scoped fixture, one copy per test).
    """
    device_name = device_name or f"{district.title()} DPO"

    def build(template: Path) -> Session:
        session, _ = create_database(template, role="district", district=district, device_name=device_name,
                                     admin="admin", password=ADMIN_PASSWORD)
        add_user(session, "sana", "supervisor", SUPERVISOR_PASSWORD)
        add_user(session, "omar", "operator", OPERATOR_PASSWORD)
        return session

    return _copy((per, "district", district, device_name), build, path, per)


def centre_copy(path: Path, *, per: str = "module") -> Path:
    """A provincial centre installation at ``path`` with users admin and clara (clerk); ``per`` as above."""

    def build(template: Path) -> Session:
        session, _ = create_database(template, role="centre", admin="admin", password=ADMIN_PASSWORD)
        add_user(session, "clara", "clerk", CLERK_PASSWORD)
        return session

    return _copy((per, "centre"), build, path, per)


def sign_in(path: Path, user: str) -> Session:
    """A session of ``user`` on a copy made here, opened with its key (no argon2 derivation). The template's
    identity key is offered too: the session takes it only if the user's slot was granted it."""
    db_key, identity_key = _KEYS[Path(path).resolve()]
    return open_with_key(path, user, db_key, identity_key)


def database_key(path: Path) -> bytes:
    """The database key of a copy made here."""
    return _KEYS[Path(path).resolve()][0]
