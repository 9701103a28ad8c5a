"""Files the centre's import could not use (rejected, or a bundle it already had), remembered by their
SHA-256 while the app runs, so that the inbox (:func:`sync.inbox.scan_inbox`) does not offer them again
at every scan.

A refusal writes nothing to the database: a rejected bundle changes nothing there, and the tests hold
every rejection to that. So the memory lasts as long as the process; after a restart such a file is tried
once more, which costs its checks but no backup (:class:`storage.core.backup.ImportBackup` backs up only
before a bundle is merged), and is remembered again.

A remembered refusal no longer holds when the file changes (another SHA-256), or when what decided it
changes: a device enrolled or revoked, or a key of this centre added (a bundle from an unknown device
imports once its device is enrolled from an enrollment file).
"""

from __future__ import annotations

from pathlib import Path

from storage.core.files import sha256_file
from storage.core.session import Session

_MAX_REMEMBERED = 10_000  # files; past that the memory starts again (a folder of that much junk is rare)

# (path, size, modification time) -> SHA-256 of the file: polling a shared folder hashes a file once,
# not at every scan, until it changes.
_FILE_HASHES: dict[tuple[str, int, int], str] = {}
# (database, SHA-256) -> (what decided it, the reason): see the module's docstring.
_REFUSED: dict[tuple[str, str], tuple[tuple, str]] = {}


def file_sha256(path: Path) -> str:
    """The SHA-256 of a file, remembered per path, size and modification time."""
    status = path.stat()
    slot = (str(path.resolve()), status.st_size, status.st_mtime_ns)
    digest = _FILE_HASHES.get(slot)
    if digest is None:
        if len(_FILE_HASHES) >= _MAX_REMEMBERED:
            _FILE_HASHES.clear()
        digest = _FILE_HASHES[slot] = sha256_file(path)
    return digest


def _decided_by(session: Session) -> tuple:
    """What a refusal depends on besides the file: the enrolled and revoked devices, this centre's keys."""
    devices = session.db.execute("SELECT count(*), max(enrolled_at), max(revoked_at) FROM devices").fetchone()
    keys = session.db.execute("SELECT count(*), max(created_at), max(retired_at) FROM secret_keys").fetchone()
    return (*devices, *keys)


def remember(session: Session, path: Path, reason: str) -> None:
    """Remember that the file at ``path`` could not be imported into this database, and why."""
    try:
        digest = file_sha256(path)
    except OSError:
        return  # gone already: nothing to offer again
    if len(_REFUSED) >= _MAX_REMEMBERED:
        _REFUSED.clear()
    _REFUSED[(str(session.path.resolve()), digest)] = (_decided_by(session), reason)


def refused(session: Session, digest: str) -> str | None:
    """Why a file with this SHA-256 was refused by this database, while that still holds; else None."""
    found = _REFUSED.get((str(session.path.resolve()), digest))
    if found is None or found[0] != _decided_by(session):
        return None
    return found[1]
