"""Keys: the centre's age identity and Ed25519 signing key, each district device's signing key,
the key files people carry between offices, and the centre's key backup.

Secret keys live only inside the encrypted database (table ``secret_keys``). The files that travel
hold public keys and a short fingerprint that two people can read to each other over the phone.

Rotation (:func:`rotate_centre_key`): the centre's age identity is replaced by a new one; the old one is
kept as ``age:<its recipient>`` with ``retired_at`` set, so bundles made for it still open. The Ed25519
signing key stays: receipts already handed out keep verifying, and a district that has not yet imported
the new key file still accepts the centre's receipts. A restore keeps an identity rotated after the
backup (:func:`carry_centre_keys_forward`).

What the centre does with a district's key (enrolling, revoking, the revocation ledger) is
:mod:`sync.devices`.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path

import pyrage
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from sqlite_utils import Database

from storage.core.backup import RestoreContext
from storage.core.clock import utc_now
from storage.core.files import write_atomically
from storage.core.roles import require
from storage.core.session import Session
from storage.errors import MizanError, UsageError
from storage.i18n import QT_TRANSLATE_NOOP, say

SIGNING_KEY = "signing"
AGE_IDENTITY = "age"
CENTRE_KEY_FORMAT = "mizan-centre-key 1"
ENROLLMENT_FORMAT = "mizan-device-enrollment 1"
_FINGERPRINT_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


class KeyFileError(MizanError):
    """A key, enrollment or backup file that cannot be used; exit code 5 like a rejected bundle."""

    exit_code = 5


def fingerprint(*public_parts: str) -> str:
    """80 bits of SHA-256 over the public keys, as four groups of four unambiguous characters."""
    digest = hashlib.sha256("\n".join(public_parts).encode("ascii")).digest()
    number = int.from_bytes(digest[:10], "big")
    chars = []
    for _ in range(16):
        number, index = divmod(number, 32)
        chars.append(_FINGERPRINT_ALPHABET[index])
    text = "".join(chars)
    return "-".join(text[i : i + 4] for i in range(0, 16, 4))


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def _new_signing_key() -> tuple[str, str]:
    private = Ed25519PrivateKey.generate()
    return _b64(private.private_bytes_raw()), _b64(private.public_key().public_bytes_raw())


def _store_secret(session: Session, name: str, secret: str, public: str) -> None:
    session.db.execute(
        "INSERT INTO secret_keys (name, secret, public, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (name) DO UPDATE "
        "SET secret = excluded.secret, public = excluded.public, created_at = excluded.created_at, retired_at = NULL",
        [name, secret, public, utc_now()])


def initialise_keys(session: Session) -> None:
    """Generate this installation's keys (run at ``init``; does nothing when they exist)."""
    if session.db.execute("SELECT 1 FROM secret_keys WHERE name = ?", [SIGNING_KEY]).fetchone():
        return
    with session.write():
        _store_secret(session, SIGNING_KEY, *_new_signing_key())
        if session.is_centre:
            identity = pyrage.x25519.Identity.generate()
            _store_secret(session, AGE_IDENTITY, str(identity), str(identity.to_public()))


def _secret(session: Session, name: str) -> tuple[str, str]:
    initialise_keys(session)  # databases created before sync existed get their keys on first use
    row = session.db.execute("SELECT secret, public FROM secret_keys WHERE name = ?", [name]).fetchone()
    if row is None:
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "This installation has no such key; only the provincial centre has an age identity.")))
    return row[0], row[1]


def signing_private_key(session: Session) -> Ed25519PrivateKey:
    """This installation's Ed25519 signing key."""
    secret, _ = _secret(session, SIGNING_KEY)
    return Ed25519PrivateKey.from_private_bytes(base64.b64decode(secret))


def signing_public_key(session: Session) -> str:
    """This installation's Ed25519 public key, base64."""
    return _secret(session, SIGNING_KEY)[1]


def age_identities(session: Session) -> list[pyrage.x25519.Identity]:
    """The centre's current age identity first, then retired ones (bundles made for an old key still open)."""
    _secret(session, AGE_IDENTITY)
    rows = session.db.execute(
        "SELECT secret FROM secret_keys WHERE name = ? OR name LIKE 'age:%' ORDER BY retired_at IS NOT NULL, "
        "retired_at DESC", [AGE_IDENTITY]).fetchall()
    return [pyrage.x25519.Identity.from_str(row[0]) for row in rows]


def age_recipient(session: Session) -> str:
    """The centre's current age recipient (``age1...``): what district bundles are encrypted to."""
    return _secret(session, AGE_IDENTITY)[1]


def sign(session: Session, message: bytes) -> str:
    """Base64 Ed25519 signature of ``message`` with this installation's signing key."""
    return _b64(signing_private_key(session).sign(message))


def verify_signature(public_key_b64: str, message: bytes, signature_b64: str) -> bool:
    """Whether ``signature_b64`` is a valid Ed25519 signature of ``message`` by ``public_key_b64`` (False
    for a malformed key or signature too)."""
    try:
        public = Ed25519PublicKey.from_public_bytes(base64.b64decode(public_key_b64, validate=True))
        public.verify(base64.b64decode(signature_b64, validate=True), message)
    except (InvalidSignature, ValueError):
        return False
    return True


# -- key files -----------------------------------------------------------------------------------------


def _parse_key_file(path: Path, expected_format: str, fields: tuple[str, ...]) -> dict[str, str]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise KeyFileError(say("errors", QT_TRANSLATE_NOOP("errors", "{file} could not be read ({error})."), file=path.name, error=error)) from error
    values: dict[str, str] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, sep, value = line.partition(":")
        if not sep:
            raise KeyFileError(say("errors", QT_TRANSLATE_NOOP("errors", "{file} is not a Mizan key file (unexpected line {line})."), file=path.name, line=repr(line[:40])))
        values[name.strip()] = value.strip()
    if values.get("format") != expected_format:
        raise KeyFileError(say("errors", QT_TRANSLATE_NOOP("errors", "{file} is not a {kind} file."), file=path.name, kind=expected_format.rsplit(' ', 1)[0]))
    missing = [name for name in fields if not values.get(name)]
    if missing:
        raise KeyFileError(say("errors", QT_TRANSLATE_NOOP("errors", "{file} lacks {missing}."), file=path.name, missing=', '.join(missing)))
    return values


@dataclass(frozen=True)
class CentreKey:
    """The centre's public keys, as its key file carries them, and their fingerprint."""

    recipient: str
    signing_public: str
    fingerprint: str


@dataclass(frozen=True)
class Enrollment:
    """A district device as its enrollment file (or a bundle's manifest) describes it."""

    device_id: str
    district: str
    device_name: str
    signing_public: str
    fingerprint: str


def centre_fingerprint(recipient: str, signing_public: str) -> str:
    """The centre's fingerprint: over its age recipient and its signing key."""
    return fingerprint(recipient, signing_public)


def device_fingerprint(session: Session) -> str:
    """This district PC's fingerprint: what the centre compares by phone before enrolling it."""
    return fingerprint(signing_public_key(session))


def export_key_file(session: Session, out: str | Path) -> str:
    """Write the centre's public key file, or a district device's enrollment file. Returns the fingerprint."""
    require(session, "keys_export")
    out = Path(out)
    if session.is_centre:
        recipient, signing = age_recipient(session), signing_public_key(session)
        print_fingerprint = centre_fingerprint(recipient, signing)
        lines = [
            "# Mizan provincial centre key. Give this file to every district office (it holds no secret).",
            f"# Before trusting it, read this fingerprint aloud with the centre: {print_fingerprint}",
            f"format: {CENTRE_KEY_FORMAT}",
            f"age-recipient: {recipient}",
            f"signing-public-key: {signing}",
            f"fingerprint: {print_fingerprint}",
        ]
    else:
        signing = signing_public_key(session)
        print_fingerprint = device_fingerprint(session)
        lines = [
            "# Mizan device enrollment. Send this file to the provincial centre (it holds no secret).",
            f"# The centre compares this fingerprint with you by phone: {print_fingerprint}",
            f"format: {ENROLLMENT_FORMAT}",
            f"device-id: {session.device_id}",
            f"district: {session.district}",
            f"device-name: {session.installation['device_name']}",
            f"signing-public-key: {signing}",
            f"fingerprint: {print_fingerprint}",
        ]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return print_fingerprint


def read_centre_key(path: str | Path) -> CentreKey:
    """The centre's key file, checked: a valid age recipient and a fingerprint that matches its keys."""
    values = _parse_key_file(Path(path), CENTRE_KEY_FORMAT, ("age-recipient", "signing-public-key", "fingerprint"))
    try:
        pyrage.x25519.Recipient.from_str(values["age-recipient"])
    except Exception as error:  # pyrage raises its own RecipientError
        raise KeyFileError(say("errors", QT_TRANSLATE_NOOP("errors", "{file} has a damaged age recipient."), file=Path(path).name)) from error
    expected = centre_fingerprint(values["age-recipient"], values["signing-public-key"])
    if values["fingerprint"] != expected:
        raise KeyFileError(say("errors", QT_TRANSLATE_NOOP("errors", "{file} has been altered: its keys do not match its fingerprint."), file=Path(path).name))
    return CentreKey(values["age-recipient"], values["signing-public-key"], expected)


def trust_centre(session: Session, path: str | Path, *, replace: bool = False) -> CentreKey:
    """District: trust the centre whose key file this is (compare the fingerprint by phone first)."""
    require(session, "keys")
    if session.is_centre:
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "`keys import` is for district offices; the centre enrolls devices with `devices enroll`.")))
    centre = read_centre_key(path)
    current = trusted_centre(session)
    if current and current.fingerprint != centre.fingerprint and not replace:
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "This office already trusts the centre {current}. To switch to {fingerprint} (e.g. after the centre rotated its key), add --replace."), current=current.fingerprint, fingerprint=centre.fingerprint))
    with session.write() as db:
        db.execute(
            "INSERT INTO centre_trust (id, recipient, signing_public, fingerprint, trusted_at, trusted_by) "
            "VALUES (1, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET recipient = excluded.recipient, "
            "signing_public = excluded.signing_public, fingerprint = excluded.fingerprint, "
            "trusted_at = excluded.trusted_at, trusted_by = excluded.trusted_by",
            [centre.recipient, centre.signing_public, centre.fingerprint, utc_now(), session.user])
    return centre


def trusted_centre(session: Session) -> CentreKey | None:
    """District: the centre this office trusts (None before ``keys import``)."""
    row = session.db.execute("SELECT recipient, signing_public, fingerprint FROM centre_trust WHERE id = 1").fetchone()
    return CentreKey(*row) if row else None


def read_enrollment(path: str | Path) -> Enrollment:
    """A device's enrollment file, checked: its fingerprint must match its key."""
    fields = ("device-id", "district", "device-name", "signing-public-key", "fingerprint")
    values = _parse_key_file(Path(path), ENROLLMENT_FORMAT, fields)
    if values["fingerprint"] != fingerprint(values["signing-public-key"]):
        raise KeyFileError(say("errors", QT_TRANSLATE_NOOP("errors", "{file} has been altered: its key does not match its fingerprint."), file=Path(path).name))
    return Enrollment(values["device-id"], values["district"], values["device-name"], values["signing-public-key"],
                      values["fingerprint"])


# -- restore ------------------------------------------------------------------------------------------


def carry_centre_keys_forward(restored: Database, replaced: Database | None, context: RestoreContext) -> None:
    """A restore step (``storage.core.backup.AFTER_RESTORE``): the centre's age identities never roll back.

    One the replaced database has and the backup lacks (a rotation after the backup) is kept, the newer
    one current, so bundles made for either key still open. Revocations are carried by
    :func:`sync.devices.carry_revocations_forward`, the step after this one.
    """
    if replaced is None:
        return
    columns = "name, secret, public, created_at, retired_at"
    held = {row[1]: row for row in restored.execute(f"SELECT {columns} FROM secret_keys")}
    newer = [row for row in replaced.execute(f"SELECT {columns} FROM secret_keys WHERE name = ? OR name LIKE 'age:%'",
                                             [AGE_IDENTITY]) if row[1] not in held]
    current = restored.execute("SELECT public, created_at FROM secret_keys WHERE name = ?", [AGE_IDENTITY]).fetchone()
    for name, secret, public, created_at, retired_at in newer:
        if name == AGE_IDENTITY and current is not None and created_at > current[1]:
            # The replaced database rotated after the backup: its key stays current, the backup's retires.
            restored.execute("UPDATE secret_keys SET name = ?, retired_at = ? WHERE name = ?",
                             [f"age:{current[0]}", created_at, AGE_IDENTITY])
            retired_at = None
        else:
            name, retired_at = f"age:{public}", retired_at or utc_now()
        restored.execute("INSERT INTO secret_keys (name, secret, public, created_at, retired_at) VALUES (?, ?, ?, ?, ?)",
                         [name, secret, public, created_at, retired_at])


# -- rotation ------------------------------------------------------------------------------------------


def rotate_centre_key(session: Session) -> CentreKey:
    """Centre admin: a new age identity for bundles from now on; the old one retires but keeps opening
    bundles made for it. Returns the new centre key (write it with :func:`export_key_file` and carry it to
    every district, which imports it with ``keys import --replace``)."""
    require(session, "keys")
    if not session.is_centre:
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "Only the provincial centre rotates its key; a district device is re-enrolled instead.")))
    _, old_recipient = _secret(session, AGE_IDENTITY)
    identity = pyrage.x25519.Identity.generate()
    with session.write() as db:
        db.execute("UPDATE secret_keys SET name = ?, retired_at = ? WHERE name = ?",
                   [f"age:{old_recipient}", utc_now(), AGE_IDENTITY])
        _store_secret(session, AGE_IDENTITY, str(identity), str(identity.to_public()))
    recipient, signing = str(identity.to_public()), signing_public_key(session)
    return CentreKey(recipient, signing, centre_fingerprint(recipient, signing))


# -- centre key backup ---------------------------------------------------------------------------------

_BACKUP_SIGNING_PREFIX = "# mizan-signing-key: "
_BACKUP_RETIRED_PREFIX = "# retired: "


def backup_keys(session: Session, out: str | Path, passphrase: str) -> None:
    """Centre: its secret keys in an age passphrase-encrypted file that ``age -d`` opens.

    Inside is an age identity file (usable as ``age -d -i``) whose comment line carries the signing key.
    """
    require(session, "keys")
    if not session.is_centre:
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "Only the provincial centre backs up its keys; a district device is simply re-enrolled.")))
    if len(passphrase) < 12:
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "Use a backup passphrase of at least 12 characters.")))
    identity, _ = _secret(session, AGE_IDENTITY)
    signing, _ = _secret(session, SIGNING_KEY)
    retired = session.db.execute("SELECT secret, retired_at FROM secret_keys WHERE name LIKE 'age:%' "
                                 "ORDER BY retired_at DESC").fetchall()
    # The current identity first; retired ones after it, so bundles made for an old key still open.
    retired_lines = "".join(f"{_BACKUP_RETIRED_PREFIX}{retired_at}\n{secret}\n" for secret, retired_at in retired)
    plaintext = (
        f"# Mizan provincial centre keys, backed up {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC\n"
        f"# created: {utc_now()}\n{_BACKUP_SIGNING_PREFIX}{signing}\n{identity}\n{retired_lines}"
    ).encode("ascii")
    out = Path(out)
    write_atomically(out, pyrage.passphrase.encrypt(plaintext, passphrase))


def restore_keys(session: Session, path: str | Path, passphrase: str) -> str:
    """Admin, on a freshly initialised centre: take the keys from a backup. Returns the centre fingerprint."""
    require(session, "keys")
    if not session.is_centre:
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "Keys are restored on a provincial centre installation.")))
    if session.db.execute("SELECT count(*) FROM bundles").fetchone()[0]:
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "This centre has already imported bundles; restore keys only on a freshly initialised centre.")))
    try:
        plaintext = pyrage.passphrase.decrypt(Path(path).read_bytes(), passphrase).decode("ascii")
    except (OSError, UnicodeDecodeError) as error:
        raise KeyFileError(say("errors", QT_TRANSLATE_NOOP("errors", "{file} could not be read ({error})."), file=Path(path).name, error=error)) from error
    except Exception as error:  # pyrage.DecryptError: wrong passphrase or not a backup
        raise KeyFileError(say("errors", QT_TRANSLATE_NOOP("errors", "{file} did not open: wrong passphrase, or not a Mizan key backup."), file=Path(path).name)) from error
    signing = identity = None
    retired: list[tuple[str, str]] = []
    retired_at = None
    for line in plaintext.splitlines():
        if line.startswith(_BACKUP_SIGNING_PREFIX):
            signing = line[len(_BACKUP_SIGNING_PREFIX):].strip()
        elif line.startswith(_BACKUP_RETIRED_PREFIX):
            retired_at = line[len(_BACKUP_RETIRED_PREFIX):].strip()
        elif line.startswith("AGE-SECRET-KEY-1") and identity is None:
            identity = line.strip()
        elif line.startswith("AGE-SECRET-KEY-1"):
            retired.append((line.strip(), retired_at or utc_now()))
    if not signing or not identity:
        raise KeyFileError(say("errors", QT_TRANSLATE_NOOP("errors", "{file} is not a complete Mizan key backup."), file=Path(path).name))
    age_identity = pyrage.x25519.Identity.from_str(identity)
    signing_public = _b64(Ed25519PrivateKey.from_private_bytes(base64.b64decode(signing)).public_key()
                          .public_bytes_raw())
    with session.write() as db:
        _store_secret(session, SIGNING_KEY, signing, signing_public)
        _store_secret(session, AGE_IDENTITY, identity, str(age_identity.to_public()))
        for secret, when in retired:
            public = str(pyrage.x25519.Identity.from_str(secret).to_public())
            db.execute("INSERT OR IGNORE INTO secret_keys (name, secret, public, created_at, retired_at) "
                       "VALUES (?, ?, ?, ?, ?)", [f"age:{public}", secret, public, utc_now(), when])
    return centre_fingerprint(str(age_identity.to_public()), signing_public)
