"""One SQLCipher connection: the raw key, the pragmas every connection needs, and the acting user.

Imports only core modules: this is the bottom of every read and write.
"""

from __future__ import annotations

from pathlib import Path

import sqlcipher3
from sqlite_utils import Database

from storage.errors import AuthError
from storage.i18n import QT_TRANSLATE_NOOP, say


def connect(path: str | Path, db_key: bytes) -> Database:
    """Open the SQLCipher file with a raw 256-bit key and set the pragmas every connection needs."""
    connection = sqlcipher3.connect(str(path), check_same_thread=False)
    # A raw key (x'..') skips SQLCipher's own PBKDF2: the key is already random, argon2id guards the slots.
    connection.execute(f"PRAGMA key = \"x'{db_key.hex()}'\"")
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher3.DatabaseError as error:
        connection.close()
        raise AuthError(say("errors", QT_TRANSLATE_NOOP("errors", "The database {path} could not be opened with this key ({error})."), path=path, error=error)) from error
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = FULL")
    connection.execute("PRAGMA foreign_keys = ON")
    connection.execute("PRAGMA busy_timeout = 10000")
    # Sorts and temporary indexes stay in memory: SQLCipher does not encrypt temp files it never writes.
    connection.execute("PRAGMA temp_store = MEMORY")
    db = Database(connection)
    db.conn.create_function("mizan_actor", 0, lambda: "(no user)")
    return db


def set_actor(db: Database, actor: str) -> None:
    """Name the user the audit triggers record for every write on this connection."""
    db.conn.create_function("mizan_actor", 0, lambda: actor)

