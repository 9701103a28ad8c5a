"""Key slots: the random database key, stored only wrapped, as disk-encryption systems do.

The SQLCipher database key is 32 random bytes. It is never written anywhere in clear. Beside the
database (``<db>.keys``) lies a small JSON file of *slots*:

* one slot per user: a key-encryption key derived from the user's password with argon2id (RFC 9106
  parameters) wraps the database key with AES-256-GCM. The slot name is the GCM associated data, so a
  slot copied onto another user's name does not open. The argon2id derivation plus the GCM tag is the
  user's password hash: a wrong password fails the tag and opens nothing.
* one recovery slot: the recovery key (160 random bits, shown once at ``init`` in printable groups)
  derives its key-encryption key with HKDF-SHA256; it needs no slow KDF because it is random.

The file also keeps each user's failed-login count and lock time, because a failed login cannot open
the database to record them. Anyone who can edit this file could reset a lock, but could equally copy
the file away and guess offline; argon2id's cost is the defence against that.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from storage.errors import AuthError, UsageError
from storage.i18n import QT_TRANSLATE_NOOP, say

FORMAT = "mizan-keyslots-1"
RECOVERY_SLOT = "recovery"
MAX_FAILURES = 5
LOCK_MINUTES = 15
# RFC 9106's second recommended option: argon2id, t=3, 64 MiB, p=4.
ARGON2_TIME_COST = 3
ARGON2_MEMORY_KIB = 64 * 1024
ARGON2_PARALLELISM = 4
_RECOVERY_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud and typed back


def keyfile_path(db_path: str | Path) -> Path:
    """The key slot file that belongs to a database file."""
    return Path(f"{db_path}.keys")


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"))


def _user_slot(name: str) -> str:
    return f"user:{name}"


def _password_kek(password: str, salt: bytes, time_cost: int, memory_kib: int, parallelism: int) -> bytes:
    return hash_secret_raw(
        password.encode("utf-8"), salt, time_cost=time_cost, memory_cost=memory_kib,
        parallelism=parallelism, hash_len=32, type=Type.ID,
    )


def _recovery_kek(recovery_key: str, salt: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=b"mizan recovery slot").derive(
        normalise_recovery_key(recovery_key).encode("ascii")
    )


def new_recovery_key() -> str:
    """32 characters from an unambiguous alphabet (160 bits), in 8 groups of 4 for printing."""
    raw = "".join(secrets.choice(_RECOVERY_ALPHABET) for _ in range(32))
    return "-".join(raw[i : i + 4] for i in range(0, 32, 4))


def normalise_recovery_key(text: str) -> str:
    """Accept the key as printed, typed in lower case, or with spaces instead of dashes."""
    return "".join(ch for ch in text.upper() if ch.isalnum())


@dataclass
class KeyFile:
    """The parsed ``.keys`` file. Mutating methods write it back atomically."""

    path: Path
    content: dict

    @classmethod
    def create(cls, path: Path) -> KeyFile:
        if path.exists():
            raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "A key file already exists at {path}; refusing to overwrite it."), path=path))
        return cls(path, {"format": FORMAT, "slots": {}, "lockout": {}})

    @classmethod
    def load(cls, path: Path) -> KeyFile:
        try:
            content = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError as error:
            raise AuthError(
                say("errors", QT_TRANSLATE_NOOP("errors", "The key file {path} is missing, so the database cannot be opened. Restore it from a backup; without it even the recovery key cannot help."), path=path)
            ) from error
        except (OSError, ValueError) as error:
            raise AuthError(say("errors", QT_TRANSLATE_NOOP("errors", "The key file {path} is damaged ({error})."), path=path, error=error)) from error
        if content.get("format") != FORMAT:
            raise AuthError(say("errors", QT_TRANSLATE_NOOP("errors", "The key file {path} is not a Mizan key file."), path=path))
        return cls(path, content)

    def save(self) -> None:
        """Write to a temporary file, fsync, rename: the key file is never half-written."""
        temporary = self.path.with_name(self.path.name + ".tmp")
        with open(temporary, "w", encoding="utf-8") as handle:
            json.dump(self.content, handle, indent=1, sort_keys=True)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, self.path)

    # -- slots -------------------------------------------------------------------------------------
    def users(self) -> list[str]:
        return sorted(name.split(":", 1)[1] for name in self.content["slots"] if name.startswith("user:"))

    def has_user(self, name: str) -> bool:
        return _user_slot(name) in self.content["slots"]

    def set_user_slot(self, name: str, password: str, db_key: bytes) -> None:
        """Create or replace (password change) the slot of one user."""
        salt = os.urandom(16)
        kek = _password_kek(password, salt, ARGON2_TIME_COST, ARGON2_MEMORY_KIB, ARGON2_PARALLELISM)
        self.content["slots"][_user_slot(name)] = {
            "kdf": "argon2id", "salt": _b64(salt), "time_cost": ARGON2_TIME_COST,
            "memory_kib": ARGON2_MEMORY_KIB, "parallelism": ARGON2_PARALLELISM,
            **self._wrap(kek, db_key, _user_slot(name)),
        }

    def remove_user_slot(self, name: str) -> None:
        self.content["slots"].pop(_user_slot(name), None)
        self.content["lockout"].pop(name, None)

    def set_recovery_slot(self, recovery_key: str, db_key: bytes) -> None:
        salt = os.urandom(16)
        self.content["slots"][RECOVERY_SLOT] = {
            "kdf": "hkdf-sha256", "salt": _b64(salt),
            **self._wrap(_recovery_kek(recovery_key, salt), db_key, RECOVERY_SLOT),
        }

    @staticmethod
    def _wrap(kek: bytes, db_key: bytes, slot_name: str) -> dict[str, str]:
        nonce = os.urandom(12)
        wrapped = AESGCM(kek).encrypt(nonce, db_key, slot_name.encode("utf-8"))
        return {"nonce": _b64(nonce), "wrapped": _b64(wrapped)}

    @staticmethod
    def _unwrap(kek: bytes, slot: dict, slot_name: str) -> bytes | None:
        try:
            return AESGCM(kek).decrypt(_unb64(slot["nonce"]), _unb64(slot["wrapped"]), slot_name.encode("utf-8"))
        except InvalidTag:
            return None

    # -- unlocking ---------------------------------------------------------------------------------
    def unlock_with_password(self, name: str, password: str, now: dt.datetime | None = None) -> bytes:
        """The database key for a correct password; counts failures and locks after five."""
        now = now or dt.datetime.now(dt.UTC)
        slot = self.content["slots"].get(_user_slot(name))
        if slot is None:
            raise AuthError(say("errors", QT_TRANSLATE_NOOP("errors", "There is no user called {name} on this installation."), name=repr(name)))
        locked_until = self.locked_until(name, now)
        if locked_until is not None:
            raise AuthError(
                say("errors", QT_TRANSLATE_NOOP("errors", "User {name} is locked after {max_failures} wrong passwords until {time}. Wait, or ask a supervisor or admin to unlock."), name=repr(name), max_failures=MAX_FAILURES, time=locked_until.astimezone().strftime('%H:%M'))
            )
        kek = _password_kek(
            password, _unb64(slot["salt"]), slot["time_cost"], slot["memory_kib"], slot["parallelism"]
        )
        db_key = self._unwrap(kek, slot, _user_slot(name))
        if db_key is None:
            failures = self._record_failure(name, now)
            remaining = MAX_FAILURES - failures
            if remaining <= 0:
                raise AuthError(
                    say("errors", QT_TRANSLATE_NOOP("errors", "Wrong password for {name}. The user is now locked for {lock_minutes} minutes."), name=repr(name), lock_minutes=LOCK_MINUTES)
                )
            raise AuthError(say("errors", QT_TRANSLATE_NOOP("errors", "Wrong password for {name}. {remaining} tries left before the user is locked."), name=repr(name), remaining=remaining))
        if name in self.content["lockout"]:
            del self.content["lockout"][name]
            self.save()
        return db_key

    def unlock_with_recovery_key(self, recovery_key: str) -> bytes:
        slot = self.content["slots"].get(RECOVERY_SLOT)
        if slot is None:
            raise AuthError(say("errors", QT_TRANSLATE_NOOP("errors", "This installation has no recovery slot.")))
        db_key = self._unwrap(_recovery_kek(recovery_key, _unb64(slot["salt"])), slot, RECOVERY_SLOT)
        if db_key is None:
            raise AuthError(say("errors", QT_TRANSLATE_NOOP("errors", "That recovery key does not open this database. Check it against the printed copy.")))
        return db_key

    def locked_until(self, name: str, now: dt.datetime | None = None) -> dt.datetime | None:
        """When the user's lock ends, or None when the user is not locked now."""
        now = now or dt.datetime.now(dt.UTC)
        state = self.content["lockout"].get(name)
        if not state or not state.get("locked_until"):
            return None
        until = dt.datetime.fromisoformat(state["locked_until"])
        return until if until > now else None

    def _record_failure(self, name: str, now: dt.datetime) -> int:
        state = self.content["lockout"].setdefault(name, {"failures": 0, "locked_until": None})
        if state.get("locked_until"):  # an expired lock starts a fresh count
            state["failures"], state["locked_until"] = 0, None
        state["failures"] += 1
        if state["failures"] >= MAX_FAILURES:
            state["locked_until"] = (now + dt.timedelta(minutes=LOCK_MINUTES)).isoformat()
        self.save()
        return state["failures"]

    def clear_lock(self, name: str) -> None:
        self.content["lockout"].pop(name, None)
        self.save()


def new_database_key() -> bytes:
    """256 random bits: the SQLCipher key."""
    return os.urandom(32)
