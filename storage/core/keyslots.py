"""Key slots: the random database key, stored only wrapped, as disk-encryption systems do.

The SQLCipher database key is 32 random bytes. It is never written anywhere in clear. Beside the
database (``<db>.keys``) lies a small JSON file of *slots*:

* one slot per user: a key-encryption key derived from the user's password with argon2id (RFC 9106
  parameters) wraps the database key with AES-256-GCM. The slot name is the GCM associated data, so a
  slot copied onto another user's name does not open. The argon2id derivation plus the GCM tag is the
  user's password hash: a wrong password fails the tag and opens nothing.
* one recovery slot: the recovery key (160 random bits, shown once at ``init`` in printable groups)
  derives its key-encryption key with HKDF-SHA256; it needs no slow KDF because it is random.

Format 2 (``mizan-keyslots-2``, :mod:`storage.core.identity` and docs/security.md, "The identity key and
key rotation"): each slot has its own X25519 key pair. The password (or recovery key) wraps only the slot's
secret; the database key is *enveloped* to the slot's public key (ephemeral X25519, HKDF-SHA256,
AES-256-GCM, the slot name and purpose as associated data). Whoever holds the database key can so envelope a
*new* database key to every slot without knowing any password: that is what lets removing a user rotate
the key. The identity key (which seals survivors' identifying details and notes) is enveloped only to the
slots granted it, each with a grant tag (HMAC under the identity key over the slot's name and role). While a
key rotates, a slot keeps the old envelope beside the new one (``db_next`` / ``identity_next``) until the
rotation is done, so a crash in between leaves every slot able to open the database. A format-1 slot (the
database key wrapped by the password directly) is converted at its owner's next sign-in.

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
from cryptography.hazmat.primitives import hashes, hmac
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from storage.core.clock import local_clock
from storage.core.files import exclusive_lock, write_atomically
from storage.errors import AuthError, UsageError
from storage.i18n import QT_TRANSLATE_NOOP, say

FORMAT = "mizan-keyslots-2"
FORMATS_READ = ("mizan-keyslots-1", FORMAT)  # a format-1 file is converted slot by slot at sign-in
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
        if not isinstance(content, dict) or content.get("format") not in FORMATS_READ:
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
        self.content["format"] = FORMAT  # format-1 slots left in it still open (see is_v1)
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

    def set_user_slot(self, name: str, password: str, db_key: bytes, *, role: str | None = None,
                      identity_key: bytes | None = None) -> None:
        """Create or replace (password change) the slot of one user, with a NEW key pair: an old copy of
        the key file and the old password open no envelope made from now on.

        ``identity_key`` grants the slot the identity key at once (only a session that holds it can).
        """
        salt = os.urandom(16)
        kek = _password_kek(password, salt, ARGON2_TIME_COST, ARGON2_MEMORY_KIB, ARGON2_PARALLELISM)
        slot = {
            "kdf": "argon2id", "salt": _b64(salt), "time_cost": ARGON2_TIME_COST,
            "memory_kib": ARGON2_MEMORY_KIB, "parallelism": ARGON2_PARALLELISM, "role": role,
            **self._new_pair(kek, _user_slot(name), db_key, role, identity_key),
        }
        self._change(lambda content: content["slots"].__setitem__(_user_slot(name), slot))

    def remove_user_slot(self, name: str) -> None:
        def remove(content: dict) -> None:
            content["slots"].pop(_user_slot(name), None)
            content["lockout"].pop(name, None)

        self._change(remove)

    def set_recovery_slot(self, recovery_key: str, db_key: bytes, identity_key: bytes | None = None) -> None:
        salt = os.urandom(16)
        slot = {
            "kdf": "hkdf-sha256", "salt": _b64(salt), "role": RECOVERY_SLOT,
            **self._new_pair(_recovery_kek(recovery_key, salt), RECOVERY_SLOT, db_key, RECOVERY_SLOT, identity_key),
        }
        self._change(lambda content: content["slots"].__setitem__(RECOVERY_SLOT, slot))

    @classmethod
    def _new_pair(cls, kek: bytes, slot_name: str, db_key: bytes, role: str | None,
                  identity_key: bytes | None) -> dict:
        """A fresh X25519 pair: the secret wrapped under ``kek``, the database key (and identity key) enveloped."""
        secret = X25519PrivateKey.generate()
        public = secret.public_key().public_bytes_raw()
        fields = {"public": _b64(public), **cls._wrap(kek, secret.private_bytes_raw(), slot_name),
                  "db": envelope(public, db_key, slot_name, "db")}
        if identity_key is not None:
            fields["identity"] = envelope(public, identity_key, slot_name, "identity")
            fields["grant"] = grant_tag(identity_key, slot_name, role or "")
        return fields

    # -- envelopes to slots' public keys (no password needed) --------------------------------------
    def slot_names(self) -> list[str]:
        return sorted(self.content["slots"])

    def v1_slots(self) -> list[str]:
        """Slots still in format 1 (no key pair): a rotation cannot envelope a new key to them."""
        return sorted(name for name, slot in self.content["slots"].items() if "public" not in slot)

    def identity_holders(self) -> list[str]:
        """Slot names that have an identity envelope (granted), whatever its validity."""
        return sorted(name for name, slot in self.content["slots"].items() if "identity" in slot)

    def slot_role(self, slot_name: str) -> str | None:
        slot = self.content["slots"].get(slot_name)
        return slot.get("role") if slot else None

    def set_slot_role(self, slot_name: str, role: str) -> None:
        def change(content: dict) -> None:
            if slot_name in content["slots"]:
                content["slots"][slot_name]["role"] = role
        self._change(change)

    def stage_db_key(self, new_db_key: bytes) -> None:
        """Envelope a new database key to every format-2 slot beside the current one (``db_next``)."""
        def change(content: dict) -> None:
            for name, slot in content["slots"].items():
                if "public" in slot:
                    slot["db_next"] = envelope(_unb64(slot["public"]), new_db_key, name, "db")
        self._change(change)

    def commit_db_key(self) -> None:
        """The staged database key becomes the only one (after ``PRAGMA rekey`` succeeded)."""
        def change(content: dict) -> None:
            for slot in content["slots"].values():
                if "db_next" in slot:
                    slot["db"] = slot.pop("db_next")
        self._change(change)

    def grant_identity(self, slot_name: str, identity_key: bytes, *, staged: bool = False) -> None:
        """Envelope the identity key to one slot, with its grant tag (``staged``: beside the current one)."""
        def change(content: dict) -> None:
            slot = content["slots"].get(slot_name)
            if slot is None or "public" not in slot:
                return
            suffix = "_next" if staged else ""
            slot["identity" + suffix] = envelope(_unb64(slot["public"]), identity_key, slot_name, "identity")
            slot["grant" + suffix] = grant_tag(identity_key, slot_name, slot.get("role") or "")
        self._change(change)

    def revoke_identity(self, slot_name: str) -> None:
        def change(content: dict) -> None:
            slot = content["slots"].get(slot_name)
            for key in ("identity", "grant", "identity_next", "grant_next"):
                if slot is not None:
                    slot.pop(key, None)
        self._change(change)

    def commit_identity_key(self, holders: list[str]) -> None:
        """The staged identity key becomes the only one; slots not in ``holders`` lose theirs."""
        def change(content: dict) -> None:
            for name, slot in content["slots"].items():
                if name in holders and "identity_next" in slot:
                    slot["identity"], slot["grant"] = slot.pop("identity_next"), slot.pop("grant_next")
                else:
                    for key in ("identity", "grant", "identity_next", "grant_next"):
                        slot.pop(key, None)
        self._change(change)

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
        """The (current) database key for a correct password; see :meth:`open_user_slot`."""
        return self.open_user_slot(name, password, now).db_keys[0]

    def open_user_slot(self, name: str, password: str, now: dt.datetime | None = None) -> SlotKeys:
        """The database key for a correct password; counts failures and locks after five.

        The whole attempt (reading the count, the argon2id derivation, writing the count) holds the key
        file's lock, so attempts made in parallel are counted one after the other and an attempt that
        starts once the user is locked is refused without trying the password.
        """
        with keyfile_lock(self.path):
            self.refresh()
            return self._attempt(name, password, now or dt.datetime.now(dt.UTC))

    def _attempt(self, name: str, password: str, now: dt.datetime) -> SlotKeys:
        slot = self.content["slots"].get(_user_slot(name))
        if slot is None:
            raise AuthError(say("errors", QT_TRANSLATE_NOOP("errors", "There is no user called {name} on this installation."), name=repr(name)))
        locked_until = self.locked_until(name, now)
        if locked_until is not None:
            raise AuthError(
                say("errors", QT_TRANSLATE_NOOP("errors", "User {name} is locked after {max_failures} wrong passwords until {time}. Wait, or ask a supervisor or admin to unlock."), name=repr(name), max_failures=MAX_FAILURES, time=local_clock(locked_until))
            )
        kek = _password_kek(
            password, _unb64(slot["salt"]), slot["time_cost"], slot["memory_kib"], slot["parallelism"]
        )
        opened = self._unwrap(kek, slot, _user_slot(name))
        if opened is None:
            failures = self._record_failure(name, now)
            remaining = MAX_FAILURES - failures
            if remaining <= 0:
                # The end of the lock as the wall clock shows it, so the person knows when to try again.
                until = local_clock(self.locked_until(name, now) or now + dt.timedelta(minutes=LOCK_MINUTES))
                raise AuthError(
                    say("errors", QT_TRANSLATE_NOOP("errors", "Wrong password for {name}. The user is now locked for {lock_minutes} minutes, until {time}."), name=repr(name), lock_minutes=LOCK_MINUTES, time=until)
                )
            template = (QT_TRANSLATE_NOOP("errors", "Wrong password for {name}. One more wrong try locks the user.")
                        if remaining == 1 else
                        QT_TRANSLATE_NOOP("errors", "Wrong password for {name}. {remaining} tries left before the user is locked."))
            raise AuthError(say("errors", template, name=repr(name), remaining=remaining))
        if name in self.content["lockout"]:
            self._change(lambda content: content["lockout"].pop(name, None))
            self._write()
        if "public" not in slot:  # format 1: the password wrapped the database key itself; convert the slot
            self.set_user_slot(name, password, opened, role=slot.get("role"))
            self._write()
            return SlotKeys([opened], [])
        return self._open_envelopes(_user_slot(name), opened)

    def unlock_with_recovery_key(self, recovery_key: str) -> bytes:
        """The (current) database key for the recovery key; see :meth:`open_recovery_slot`."""
        return self.open_recovery_slot(recovery_key).db_keys[0]

    def open_recovery_slot(self, recovery_key: str) -> SlotKeys:
        slot = self.content["slots"].get(RECOVERY_SLOT)
        if slot is None:
            raise AuthError(say("errors", QT_TRANSLATE_NOOP("errors", "This installation has no recovery slot.")))
        opened = self._unwrap(_recovery_kek(recovery_key, _unb64(slot["salt"])), slot, RECOVERY_SLOT)
        if opened is None:
            raise AuthError(say("errors", QT_TRANSLATE_NOOP("errors", "That recovery key does not open this database. Check it against the printed copy.")))
        if "public" not in slot:  # format 1: convert the recovery slot now that its key is known
            with keyfile_lock(self.path):
                self.refresh()
                self.set_recovery_slot(recovery_key, opened)
                self._write()
            return SlotKeys([opened], [])
        return self._open_envelopes(RECOVERY_SLOT, opened)

    def _open_envelopes(self, slot_name: str, secret_bytes: bytes) -> SlotKeys:
        """The database keys (current, then staged) and identity keys with their grant tags of a slot."""
        slot = self.content["slots"][slot_name]
        secret = X25519PrivateKey.from_private_bytes(secret_bytes)
        db_keys = [key for field_name in ("db", "db_next") if field_name in slot
                   and (key := open_envelope(secret, slot[field_name], slot_name, "db")) is not None]
        if not db_keys:
            raise AuthError(say("errors", QT_TRANSLATE_NOOP("errors", "The key slot {slot} is damaged: it holds no database key."), slot=slot_name))
        identity = []
        for field_name, tag_name in (("identity", "grant"), ("identity_next", "grant_next")):
            if field_name in slot:
                key = open_envelope(secret, slot[field_name], slot_name, "identity")
                if key is not None and hmac_equal(grant_tag(key, slot_name, slot.get("role") or ""), slot.get(tag_name, "")):
                    identity.append(key)
        return SlotKeys(db_keys, identity, slot.get("role"))

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


@dataclass
class SlotKeys:
    """What one opened slot holds: database keys (the current one first; a second while a rotation is
    under way) and identity keys whose grant tag is valid for this slot's name and role."""

    db_keys: list[bytes]
    identity_keys: list[bytes]
    role: str | None = None


def envelope(public: bytes, payload: bytes, slot_name: str, purpose: str) -> dict[str, str]:
    """Encrypt ``payload`` to an X25519 public key (ephemeral key, HKDF-SHA256, AES-256-GCM); the slot name
    and purpose are the associated data, so an envelope moved to another slot or field does not open."""
    ephemeral = X25519PrivateKey.generate()
    ephemeral_public = ephemeral.public_key().public_bytes_raw()
    key = _envelope_key(ephemeral.exchange(X25519PublicKey.from_public_bytes(public)), ephemeral_public, public)
    nonce = os.urandom(12)
    sealed = AESGCM(key).encrypt(nonce, payload, f"{slot_name}|{purpose}".encode())
    return {"epk": _b64(ephemeral_public), "nonce": _b64(nonce), "sealed": _b64(sealed)}


def open_envelope(secret: X25519PrivateKey, sealed: dict, slot_name: str, purpose: str) -> bytes | None:
    """The payload of an envelope made by :func:`envelope` for this slot, or None."""
    try:
        ephemeral_public = _unb64(sealed["epk"])
        public = secret.public_key().public_bytes_raw()
        key = _envelope_key(secret.exchange(X25519PublicKey.from_public_bytes(ephemeral_public)), ephemeral_public, public)
        return AESGCM(key).decrypt(_unb64(sealed["nonce"]), _unb64(sealed["sealed"]), f"{slot_name}|{purpose}".encode())
    except (InvalidTag, KeyError, ValueError, TypeError):
        return None


def _envelope_key(shared: bytes, ephemeral_public: bytes, public: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=ephemeral_public + public,
                info=b"mizan key slot envelope").derive(shared)


def grant_tag(identity_key: bytes, slot_name: str, role: str) -> str:
    """HMAC-SHA256 under the identity key over the slot's name and role: only a holder of the key makes
    one, so an envelope copied to another slot, or a slot whose role was changed, is not taken."""
    mac = hmac.HMAC(identity_key, hashes.SHA256())
    mac.update(f"mizan identity grant|{slot_name}|{role}".encode())
    return mac.finalize().hex()


def hmac_equal(a: str, b: str) -> bool:
    import hmac as std_hmac  # the standard library's constant-time comparison (cryptography's hmac is the MAC)

    return std_hmac.compare_digest(a.encode(), b.encode())


def user_slot_name(name: str) -> str:
    """The slot name of a user (``user:<name>``)."""
    return _user_slot(name)


def new_database_key() -> bytes:
    """256 random bits: the SQLCipher key."""
    return os.urandom(32)
