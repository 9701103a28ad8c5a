"""Files written so that a crash leaves them whole or absent: SHA-256 of a file, fsync, atomic replace.

Used by backups, the key files and sync's bundles and update files alike. Imports nothing of ours.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from pathlib import Path

HASH_CHUNK = 1 << 20  # read big files a MiB at a time: bounded memory whatever the size


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


def write_atomically(path: Path, content: bytes) -> None:
    """Write ``content`` to a temporary file beside ``path``, fsync it, then rename it over ``path``."""
    temporary = path.with_name(path.name + ".tmp")
    with open(temporary, "wb") as handle:
        handle.write(content)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)
