"""Files written so that a crash leaves them whole or absent: SHA-256 of a file, fsync, atomic replace;
files only their owner may read; and an OS lock that one process at a time holds.

Used by backups, the key files and sync's bundles and update files alike. Imports nothing of ours.

*Owner only*: the database, its key file, the revocation ledger and backups are created with mode 0600 on
POSIX (:func:`create_private`, :func:`write_atomically`). On Windows the mode bits are ignored; files in
the user's profile (where Mizan keeps them) are already readable by that user and administrators only.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

if os.name == "nt":  # the OS lock: msvcrt on Windows, fcntl everywhere else
    import msvcrt
else:
    import fcntl

HASH_CHUNK = 1 << 20  # read big files a MiB at a time: bounded memory whatever the size
PRIVATE_MODE = 0o600
LOCK_POLL_SECONDS = 0.05


def sha256_file(path: Path) -> str:
    """The SHA-256 (hex) of a file's bytes as they are on disk."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(HASH_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def fsync_file(path: Path) -> None:
    """Flush a written file to the disk itself."""
    with open(path, "rb") as handle:
        os.fsync(handle.fileno())


def fsync_folder(folder: Path) -> None:
    """Make a rename durable (POSIX); Windows cannot open a folder this way and commits renames itself."""
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def create_private(path: Path) -> None:
    """Create ``path`` empty, readable and writable by its owner only; an existing file raises
    ``FileExistsError``. SQLite accepts an empty file as a new database and gives its ``-wal`` and ``-shm``
    files the database file's mode; ``VACUUM INTO`` writes into an empty file it finds."""
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), PRIVATE_MODE))


def open_private(path: Path, mode: str = "wb"):
    """``open(path, mode)`` for writing ("wb" or "ab"), a new file being created owner-only (0600)."""
    flags = os.O_WRONLY | os.O_CREAT | getattr(os, "O_BINARY", 0)
    flags |= os.O_APPEND if mode.startswith("a") else os.O_TRUNC
    return os.fdopen(os.open(path, flags, PRIVATE_MODE), mode)


def write_atomically(path: Path, content: bytes | str) -> None:
    """Write ``content`` to a temporary file of a unique name beside ``path`` (owner-only), fsync it, then
    rename it over ``path``: a crash leaves the old file or the new one, and two writers at once never share
    a temporary file. ``str`` content is written as UTF-8."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    descriptor, temporary = tempfile.mkstemp(prefix=f"{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


# -- an OS lock held by one process at a time ------------------------------------------------------------


def try_lock(descriptor: int) -> bool:
    """Take the OS lock of an open file without waiting; False when another process (or another open of
    the same file) holds it. On Windows the lock covers the file's first byte only: the rest of the file
    stays readable and writable (``storage.core.writer`` keeps its holder's name there)."""
    if os.name == "nt":
        try:
            os.lseek(descriptor, 0, os.SEEK_SET)
            msvcrt.locking(descriptor, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def unlock(descriptor: int) -> None:
    """Drop the OS lock :func:`try_lock` took (closing the file drops it too)."""
    if os.name == "nt":
        os.lseek(descriptor, 0, os.SEEK_SET)
        msvcrt.locking(descriptor, msvcrt.LK_UNLCK, 1)
    else:
        fcntl.flock(descriptor, fcntl.LOCK_UN)


@contextlib.contextmanager
def exclusive_lock(path: Path, timeout: float, busy: Callable[[], Exception]) -> Iterator[None]:
    """Hold the OS lock of the lock file ``path`` (``flock`` on POSIX, ``msvcrt.locking`` on Windows) for the
    ``with`` block; other processes, and other threads opening the same file, wait for it.

    The lock file is created empty and owner-only, and never deleted: deleting it would let a process that
    opened the old file and one that created a new one both "hold" the lock. The OS drops the lock when its
    holder dies, so a killed process never leaves it taken. Waiting longer than ``timeout`` seconds raises
    ``busy()``. Not re-entrant: a holder must not take it again.
    """
    descriptor = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), PRIVATE_MODE)
    try:
        deadline = time.monotonic() + timeout
        while not try_lock(descriptor):
            if time.monotonic() >= deadline:
                raise busy()
            time.sleep(LOCK_POLL_SECONDS)
        try:
            yield
        finally:
            unlock(descriptor)
    finally:
        os.close(descriptor)
