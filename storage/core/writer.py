"""One writer at a time per database: the lock file ``<db>.lock``, held while a session is open.

A restore renames the database away and puts the backup in its place; a process that still had the old
file open (the GUI, a CLI run) went on writing into the renamed ``.before-restore`` copy, and its work was
lost without a word. So every session (GUI or CLI) holds the OS lock of ``<db>.lock`` from sign-in to
close, and restore, migration and a second Mizan refuse while another process holds it:
"Mizan is open on this PC (amina, since 2026-12-05 10:15): close it first." (:class:`DatabaseBusy`,
exit code 6).

* The lock is the OS's (``flock`` on POSIX, ``msvcrt.locking`` of the first byte on Windows:
  :func:`storage.core.files.try_lock`), so it goes with its process: a Mizan that was killed or crashed
  leaves the file but not the lock, and the next session simply takes it over. The file is never deleted
  (deleting it would let two processes each hold a lock on a different file of the same name).
* After the locked first byte, the holder writes who holds it (user, pid, since, host) as JSON, for the
  message a refused process shows.
* Within one process the lock is counted, not taken twice: a session's background connections
  (:meth:`storage.core.session.Session.worker_session`), a test that opens two sessions, the GUI staging a
  restore while signed in, all share the one OS lock, which is released when the last of them closes.
  A child made by ``fork`` does not inherit the count (it is another process and must ask again).

Limits: the OS lock is reliable on a local disk; on a network share it depends on the share (SMB honours
it, some NFS setups do not), and two PCs opening one database file on a share is not a supported setup.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from storage.core.files import PRIVATE_MODE, try_lock, unlock
from storage.errors import DatabaseBusy
from storage.i18n import QT_TRANSLATE_NOOP, say

LOCKED_BYTE = b"\n"  # byte 0: the byte Windows locks; the holder's JSON follows it
HOLDER_READ_TRIES = 20  # a holder writes its name just after taking the lock: wait up to ~0.2 s for it
HOLDER_READ_PAUSE = 0.01


LOCK_SUFFIX = ".lock"


def writer_lock_path(db_path: str | Path) -> Path:
    """The writer lock file beside a database: ``<db>.lock``."""
    return Path(f"{db_path}{LOCK_SUFFIX}")


@dataclass
class _Held:
    descriptor: int
    count: int
    holder: dict


# This process's held locks, by the lock file's resolved path; the guard makes counting thread-safe.
_held: dict[str, _Held] = {}
_guard = threading.Lock()


def _forget_after_fork() -> None:
    """In a forked child: the parent's locks are not the child's (closing our copy leaves the parent's lock)."""
    global _guard
    _guard = threading.Lock()
    for held in _held.values():
        with contextlib.suppress(OSError):
            os.close(held.descriptor)
    _held.clear()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_after_fork)


class WriterHold:
    """One use of the writer lock by this process; :meth:`release` it once (later calls do nothing)."""

    def __init__(self, key: str) -> None:
        self._key: str | None = key

    @property
    def held(self) -> bool:
        return self._key is not None

    def release(self) -> None:
        """Give this use back; the OS lock is dropped when the process's last use is released."""
        key, self._key = self._key, None
        if key is None:
            return
        with _guard:
            held = _held.get(key)
            if held is None:
                return
            held.count -= 1
            if held.count > 0:
                return
            del _held[key]
            orphan = not Path(key[: -len(LOCK_SUFFIX)]).exists()
            if orphan:
                # No database (a failed restore onto a new PC, a failed init): leave nothing behind. Removed
                # while still locked on POSIX; a process that opened the old file meanwhile sees it is gone
                # (_open_locked). Windows refuses to delete an open file: there, after closing it, which
                # fails as it should if another process has opened it since.
                with contextlib.suppress(OSError):
                    os.unlink(key)
            with contextlib.suppress(OSError):
                unlock(held.descriptor)
            os.close(held.descriptor)
            if orphan and os.name == "nt":
                with contextlib.suppress(OSError):
                    os.unlink(key)


def _key(db_path: Path) -> str:
    return str(writer_lock_path(db_path.resolve()))


def acquire(db_path: str | Path, user: str) -> WriterHold:
    """Take the writer lock of the database ``db_path`` for ``user``, or raise :class:`DatabaseBusy` naming
    the process that holds it. Never waits: the other Mizan must be closed by a person.

    A lock file left by a dead process is taken over (its OS lock went with it). In a process that
    already holds the lock, this only counts one more use.
    """
    db_path = Path(db_path)
    key = _key(db_path)
    with _guard:
        held = _held.get(key)
        if held is not None:
            held.count += 1
            return WriterHold(key)
        descriptor = _open_locked(key)
        try:
            holder = {"user": user, "pid": os.getpid(), "since": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                      "host": socket.gethostname()}
            _write_holder(descriptor, holder)
        except BaseException:
            os.close(descriptor)
            raise
        _held[key] = _Held(descriptor, 1, holder)
    return WriterHold(key)


@contextlib.contextmanager
def held(db_path: str | Path, user: str) -> Iterator[WriterHold]:
    """The writer lock for a ``with`` block (a restore, a creation); see :func:`acquire`."""
    hold = acquire(db_path, user)
    try:
        yield hold
    finally:
        hold.release()


def _open_locked(key: str) -> int:
    """Open the lock file and take its OS lock: the open descriptor, or ``DatabaseBusy``.

    The file is removed by the last holder when there is no database beside it (:meth:`WriterHold.release`):
    a lock taken on a file that is no longer the one at the path is worth nothing, so it is checked and
    taken again on the new file.
    """
    while True:
        descriptor = os.open(key, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), PRIVATE_MODE)
        if not try_lock(descriptor):
            os.close(descriptor)
            raise _busy(Path(key))
        try:
            same = os.path.samestat(os.fstat(descriptor), os.stat(key))
        except OSError:
            same = False
        if same:
            return descriptor
        os.close(descriptor)


def _write_holder(descriptor: int, holder: dict) -> None:
    """Byte 0 (the locked one), then the holder as JSON; the old holder's longer text is cut off."""
    data = LOCKED_BYTE + json.dumps(holder, sort_keys=True).encode("utf-8")
    os.lseek(descriptor, 0, os.SEEK_SET)
    os.write(descriptor, data)
    os.ftruncate(descriptor, len(data))
    os.fsync(descriptor)


def read_holder(db_path: str | Path) -> dict:
    """What the holder of ``db_path``'s writer lock wrote (user, pid, since, host); {} when unreadable."""
    return _read_holder_file(writer_lock_path(db_path))


def _read_holder_file(lock_file: Path) -> dict:
    for _try in range(HOLDER_READ_TRIES):
        try:
            with open(lock_file, "rb") as handle:
                handle.seek(len(LOCKED_BYTE))
                holder = json.loads(handle.read(4096).decode("utf-8"))
            if isinstance(holder, dict) and isinstance(holder.get("user"), str):
                return holder
        except (OSError, ValueError):
            pass
        time.sleep(HOLDER_READ_PAUSE)  # taken a moment ago: its holder is writing its name
    return {}


def _busy(lock_file: Path) -> DatabaseBusy:
    holder = _read_holder_file(lock_file)
    if not holder:
        return DatabaseBusy(say("errors", QT_TRANSLATE_NOOP("errors", "Mizan is open on this PC: close it first.")))
    since = str(holder.get("since", ""))
    with contextlib.suppress(ValueError):
        since = dt.datetime.fromisoformat(since).astimezone().strftime("%Y-%m-%d %H:%M")
    return DatabaseBusy(say("errors", QT_TRANSLATE_NOOP("errors", "Mizan is open on this PC ({user}, since {time}): close it first."),
                            user=holder["user"], time=since), holder)
