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

Several processes use one key file at once (the app, the command line, a second sign-in), so every change
is made under an OS lock on ``<db>.keys.lock`` (:func:`storage.core.files.exclusive_lock`): the file is
read again under the lock, the change applied to what is on disk (never to a copy read earlier, which
would undo other processes' changes, such as a failure count), and written through a temporary file of a
unique name that replaces it. A password attempt holds the lock from reading the count to writing it, so
parallel wrong attempts are counted one by one and none is tried once the user is locked.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import os
import secrets
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from storage.core.files import exclusive_lock, write_atomically
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
# How long to wait for another process's change of the key file (one argon2id derivation each, so a
# queue of sign-ins clears in seconds) before saying the file is busy.
LOCK_TIMEOUT_SECONDS = 60.0
_RECOVERY_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud and typed back


def keyfile_path(db_path: str | Path) -> Path:
    """The key slot file that belongs to a database file."""
    return Path(f"{db_path}.keys")


def lock_path(keys_path: str | Path) -> Path:
    """The lock file beside a key file (``<db>.keys.lock``): empty, never deleted while the key file is used."""
    return Path(f"{keys_path}.lock")


@contextmanager
def keyfile_lock(keys_path: str | Path) -> Iterator[None]:
    """Hold the key file's OS lock: no other process reads-and-changes it meanwhile (a restore swapping the
    key file in takes it too)."""
    keys_path = Path(keys_path)

    def busy() -> AuthError:
        return AuthError(say("errors", QT_TRANSLATE_NOOP("errors", "The key file {path} is busy: another Mizan on this PC is signing in or changing users. Try again in a minute."), path=keys_path))

    with exclusive_lock(lock_path(keys_path), LOCK_TIMEOUT_SECONDS, busy):
        yield


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


Change = Callable[[dict], None]


@dataclass
class KeyFile:
    """The parsed ``.keys`` file.

    Changes (:meth:`set_user_slot`, :meth:`remove_user_slot`, :meth:`set_recovery_slot`) apply to
    ``content`` at once and are remembered; :meth:`save` re-reads the file under its lock, applies the
    remembered changes to it and writes it back atomically. :meth:`clear_lock` and a password attempt do
    the same in one step.
    """

    path: Path
    content: dict
    _changes: list[Change] = field(default_factory=list, repr=False)
    _new: bool = field(default=False, repr=False)

    @classmethod
    def create(cls, path: Path) -> KeyFile:
        if path.exists():
            raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "A key file already exists at {path}; refusing to overwrite it."), path=path))
        return cls(path, {"format": FORMAT, "slots": {}, "lockout": {}}, _new=True)

    @classmethod
    def load(cls, path: Path) -> KeyFile:
        return cls(path, cls._read(path))

    @staticmethod
    def _read(path: Path) -> dict:
        try:
            content = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError as error:
            raise AuthError(
                say("errors", QT_TRANSLATE_NOOP("errors", "The key file {path} is missing, so the database cannot be opened. Restore it from a backup; without it even the recovery key cannot help."), path=path)
            ) from error
        except (OSError, ValueError) as error:
            raise AuthError(say("errors", QT_TRANSLATE_NOOP("errors", "The key file {path} is damaged ({error})."), path=path, error=error)) from error
        if not isinstance(content, dict) or content.get("format") != FORMAT:
            raise AuthError(say("errors", QT_TRANSLATE_NOOP("errors", "The key file {path} is not a Mizan key file."), path=path))
        return content

    def refresh(self) -> None:
        """Read the file again (other processes count failures and lock users), keeping unsaved changes."""
        if self._new:
            return
        content = self._read(self.path)
        for change in self._changes:
            change(content)
        self.content = content

    def _change(self, change: Change) -> None:
        change(self.content)
        self._changes.append(change)

    def _write(self) -> None:
        """Write ``content`` (the caller holds the lock and has refreshed it): a unique temporary file,
        fsynced, renamed over the key file."""
        write_atomically(self.path, json.dumps(self.content, indent=1, sort_keys=True))
        self._changes.clear()
        self._new = False

    def save(self) -> None:
        """Apply the changes made since the last save to the file as it is now, under its lock."""
        with keyfile_lock(self.path):
            if self._new and self.path.exists():  # another init got there first
                raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "A key file already exists at {path}; refusing to overwrite it."), path=self.path))
            self.refresh()
            self._write()

    # -- the installation, in clear ------------------------------------------------------------------
    def installation(self) -> dict | None:
        """Role, district and device of the database this file belongs to, as last signed in (None when not
        yet recorded): what a restore compares a backup with, without the database key."""
        found = self.content.get("installation")
        return found if isinstance(found, dict) else None

    def remember_installation(self, installation: dict) -> None:
        """Record role, district and device in the file (once, or when they changed); saved at once."""
        wanted = {name: installation.get(name) for name in ("role", "district", "device_id")}
        if self.installation() != wanted:
            self._change(lambda content: content.__setitem__("installation", wanted))
            self.save()

    # -- slots -------------------------------------------------------------------------------------
    def users(self) -> list[str]:
        return sorted(name.split(":", 1)[1] for name in self.content["slots"] if name.startswith("user:"))

    def has_user(self, name: str) -> bool:
        return _user_slot(name) in self.content["slots"]

    def set_user_slot(self, name: str, password: str, db_key: bytes) -> None:
        """Create or replace (password change) the slot of one user."""
        salt = os.urandom(16)
        kek = _password_kek(password, salt, ARGON2_TIME_COST, ARGON2_MEMORY_KIB, ARGON2_PARALLELISM)
        slot = {
            "kdf": "argon2id", "salt": _b64(salt), "time_cost": ARGON2_TIME_COST,
            "memory_kib": ARGON2_MEMORY_KIB, "parallelism": ARGON2_PARALLELISM,
            **self._wrap(kek, db_key, _user_slot(name)),
        }
        self._change(lambda content: content["slots"].__setitem__(_user_slot(name), slot))

    def remove_user_slot(self, name: str) -> None:
        def remove(content: dict) -> None:
            content["slots"].pop(_user_slot(name), None)
            content["lockout"].pop(name, None)

        self._change(remove)

    def set_recovery_slot(self, recovery_key: str, db_key: bytes) -> None:
        salt = os.urandom(16)
        slot = {
            "kdf": "hkdf-sha256", "salt": _b64(salt),
            **self._wrap(_recovery_kek(recovery_key, salt), db_key, RECOVERY_SLOT),
        }
        self._change(lambda content: content["slots"].__setitem__(RECOVERY_SLOT, slot))

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
        """The database key for a correct password; counts failures and locks after five.

        The whole attempt (reading the count, the argon2id derivation, writing the count) holds the key
        file's lock, so attempts made in parallel are counted one after the other and an attempt that
        starts once the user is locked is refused without trying the password.
        """
        with keyfile_lock(self.path):
            self.refresh()
            return self._attempt(name, password, now or dt.datetime.now(dt.UTC))

    def _attempt(self, name: str, password: str, now: dt.datetime) -> bytes:
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
            self._change(lambda content: content["lockout"].pop(name, None))
            self._write()
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
        """Count a failure in the file as just read (the caller holds the lock) and write it."""
        state = dict(self.content["lockout"].get(name) or {"failures": 0, "locked_until": None})
        if state.get("locked_until"):  # an expired lock starts a fresh count
            state["failures"], state["locked_until"] = 0, None
        state["failures"] += 1
        if state["failures"] >= MAX_FAILURES:
            state["locked_until"] = (now + dt.timedelta(minutes=LOCK_MINUTES)).isoformat()
        self._change(lambda content: content["lockout"].__setitem__(name, state))
        self._write()
        return state["failures"]

    def clear_lock(self, name: str) -> None:
        with keyfile_lock(self.path):
            self.refresh()
            self._change(lambda content: content["lockout"].pop(name, None))
            self._write()


def new_database_key() -> bytes:
    """256 random bits: the SQLCipher key."""
    return os.urandom(32)
