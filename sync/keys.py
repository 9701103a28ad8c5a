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
import binascii
import datetime as dt
import hashlib
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pyrage
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from storage.core.backup import RestoreContext
from storage.core.clock import utc_now
from storage.core.files import write_atomically
from storage.core.roles import require
from storage.core.session import Session
from storage.errors import MizanError, UsageError
from storage.i18n import QT_TRANSLATE_NOOP, say
from sync.bundle import is_uuid

if TYPE_CHECKING:
    from sqlite_utils import Database  # annotations only: sqlite-utils loads with the first connection

SIGNING_KEY = "signing"
AGE_IDENTITY = "age"
CENTRE_KEY_FORMAT = "mizan-centre-key 1"
ENROLLMENT_FORMAT = "mizan-device-enrollment 1"
_FINGERPRINT_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
MAX_NAME_LENGTH = 100  # a device name or district code in a key file or a bundle's manifest
_MAX_KEY_FILE_BYTES = 16 * 1024  # a key file is a few hundred bytes


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


def parse_fingerprint(typed: str) -> str:
    """A fingerprint as a person typed it, in the form Mizan prints (``ABCD-EFGH-JKMN-PQRS``).

    Case, dashes, spaces and other punctuation do not matter, nor invisible marks an Urdu keyboard adds;
    digits typed in Urdu (۲ … ۹) or full width count as the digits they are. The alphabet has no 0, 1, I
    or O, so there is nothing they could be mistaken for: a fingerprint typed with one is refused as not
    a fingerprint (:class:`UsageError`), like one of the wrong length.
    """
    kept = []
    for char in unicodedata.normalize("NFKC", typed):
        if unicodedata.category(char)[0] in "ZPC":  # spaces, dashes and other punctuation, invisible marks
            continue
        digit = unicodedata.decimal(char, None)
        kept.append(str(digit) if digit is not None else char.upper())
    text = "".join(kept)
    if len(text) != 16 or any(char not in _FINGERPRINT_ALPHABET for char in text):
        shown = "".join(char for char in typed if char.isprintable())[:40]
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "{typed} is not a fingerprint. A fingerprint is 16 letters and digits in four groups, like ABCD-EFGH-JKMN-PQRS, and never holds 0, 1, I or O: type what the other office read out to you."), typed=repr(shown)))
    return "-".join(text[i : i + 4] for i in range(0, 16, 4))


def check_fingerprint(heard: str, actual: str, file: str) -> None:
    """Refuse (:class:`KeyFileError`) unless ``heard``, the fingerprint the other office read out and a
    person typed, is ``actual``, the one computed from the keys in ``file``. Call it before storing
    anything; the message never shows ``actual`` (a changed file carries a matching fingerprint line)."""
    typed = parse_fingerprint(heard)
    if typed != actual:
        raise KeyFileError(say("errors", QT_TRANSLATE_NOOP("errors", "The fingerprint you typed, {typed}, is not this file's ({file}). The file may have been changed on its way: do not trust it; ask the other office to read theirs again. Nothing was stored."), typed=typed, file=file))


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
        if path.stat().st_size > _MAX_KEY_FILE_BYTES:
            raise KeyFileError(say("errors", QT_TRANSLATE_NOOP("errors", "{file} is too large to be a Mizan key file."), file=path.name))
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
        if name.strip() in values:  # two keys in one file: which one the office read out is anyone's guess
            raise KeyFileError(say("errors", QT_TRANSLATE_NOOP("errors", "{file} names {field} twice; a Mizan key file names each once. Nothing was stored."), file=path.name, field=repr(name.strip()[:40])))
        values[name.strip()] = value.strip()
    if values.get("format") != expected_format:
        raise KeyFileError(say("errors", QT_TRANSLATE_NOOP("errors", "{file} is not a {kind} file."), file=path.name, kind=expected_format.rsplit(' ', 1)[0]))
    missing = [name for name in fields if not values.get(name)]
    if missing:
        raise KeyFileError(say("errors", QT_TRANSLATE_NOOP("errors", "{file} lacks {missing}."), file=path.name, missing=', '.join(missing)))
    return values


def check_signing_key(value: str, file: str, field: str = "signing-public-key") -> None:
    """Refuse an Ed25519 public key that is not exactly what Mizan writes: 32 bytes in canonical base64."""
    if not value.isascii():
        raise KeyFileError(say("errors", QT_TRANSLATE_NOOP("errors", "{file}: {field} holds characters that no key has. The file was damaged or changed on its way; nothing was stored."), file=file, field=field))
    try:
        raw = base64.b64decode(value, validate=True)
        if len(raw) != 32 or _b64(raw) != value:  # one spelling per key, so one fingerprint per key
            raise ValueError(len(raw))
        Ed25519PublicKey.from_public_bytes(raw)
    except (binascii.Error, ValueError) as error:
        raise KeyFileError(say("errors", QT_TRANSLATE_NOOP("errors", "{file}: {field} is not a valid key (32 bytes in base64). The file was damaged or changed on its way; nothing was stored."), file=file, field=field)) from error


# Characters that must not be in a name shown on a screen or a terminal: controls (line breaks, escape
# codes), line and paragraph separators, and the embeddings, overrides and isolates that reorder text (an
# override makes a name read as something else). Zero-width joiners and the plain direction marks, which
# Urdu text may hold, stay allowed.
_DIRECTION_MARKS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def check_name(value: str, file: str, field: str) -> None:
    """Refuse a device name or district code longer than :data:`MAX_NAME_LENGTH` or with control characters."""
    if any(unicodedata.category(char) in ("Cc", "Cs", "Zl", "Zp") or char in _DIRECTION_MARKS for char in value):
        raise KeyFileError(say("errors", QT_TRANSLATE_NOOP("errors", "{file}: {field} holds control characters (line breaks, escape codes or text-direction marks). The file was damaged or changed on its way; nothing was stored."), file=file, field=field))
    if len(value) > MAX_NAME_LENGTH:
        raise KeyFileError(say("errors", QT_TRANSLATE_NOOP("errors", "{file}: {field} is longer than {limit} characters. The file was damaged or changed on its way; nothing was stored."), file=file, field=field, limit=MAX_NAME_LENGTH))


def check_enrollment(enrollment: Enrollment, file: str) -> None:
    """Refuse an enrollment (from a file or a bundle's manifest) whose fields are not what Mizan writes:
    a UUID device id, a district code and a device name without control characters and at most
    :data:`MAX_NAME_LENGTH` long, a 32-byte signing key. Whether the district exists is the centre's
    catalogue's to say (:func:`sync.devices.enroll`)."""
    if not is_uuid(enrollment.device_id):
        raise KeyFileError(say("errors", QT_TRANSLATE_NOOP("errors", "{file}: device-id is not a device id (Mizan writes a UUID). The file was damaged or changed on its way; nothing was stored."), file=file))
    check_name(enrollment.district, file, "district")
    check_name(enrollment.device_name, file, "device-name")
    check_signing_key(enrollment.signing_public, file)


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


def own_fingerprint(session: Session) -> str:
    """This installation's fingerprint as its screens show it and its office reads it out by phone: the
    centre's (:func:`centre_fingerprint` over its current keys) or this district PC's."""
    if session.is_centre:
        return centre_fingerprint(age_recipient(session), signing_public_key(session))
    return device_fingerprint(session)


def export_key_file(session: Session, out: str | Path) -> str:
    """Write the centre's public key file, or a district device's enrollment file. Returns the fingerprint
    (:func:`own_fingerprint`), to show on this screen and read out to the other office by phone."""
    require(session, "keys_export")
    out = Path(out)
    print_fingerprint = own_fingerprint(session)
    if session.is_centre:
        lines = [
            "# Mizan provincial centre key. Give this file to every district office (it holds no secret).",
            f"# Before trusting it, read this fingerprint aloud with the centre: {print_fingerprint}",
            f"format: {CENTRE_KEY_FORMAT}",
            f"age-recipient: {age_recipient(session)}",
            f"signing-public-key: {signing_public_key(session)}",
            f"fingerprint: {print_fingerprint}",
        ]
    else:
        enrollment = Enrollment(session.device_id, session.district, session.installation["device_name"],
                                signing_public_key(session), print_fingerprint)
        try:
            check_enrollment(enrollment, out.name)
        except KeyFileError as error:  # the centre would refuse it: say so here, where the name can be seen
            raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "This PC's name is longer than {limit} characters or holds control characters, so the centre would refuse its enrollment file. Install Mizan afresh with a shorter, plain name."), limit=MAX_NAME_LENGTH)) from error
        lines = [
            "# Mizan device enrollment. Send this file to the provincial centre (it holds no secret).",
            f"# The centre compares this fingerprint with you by phone: {print_fingerprint}",
            f"format: {ENROLLMENT_FORMAT}",
            f"device-id: {enrollment.device_id}",
            f"district: {enrollment.district}",
            f"device-name: {enrollment.device_name}",
            f"signing-public-key: {enrollment.signing_public}",
            f"fingerprint: {print_fingerprint}",
        ]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return print_fingerprint


def read_centre_key(path: str | Path) -> CentreKey:
    """The centre's key file, checked field by field (a valid age recipient, a 32-byte signing key) and
    against its own fingerprint line (which catches accidental damage only: anyone can recompute it).

    Not trusted until the fingerprint read out by the centre is typed (:func:`trust_centre`); show the
    person nothing of its ``fingerprint`` before that.
    """
    path = Path(path)
    values = _parse_key_file(path, CENTRE_KEY_FORMAT, ("age-recipient", "signing-public-key", "fingerprint"))
    try:
        if not values["age-recipient"].isascii():
            raise ValueError(values["age-recipient"])
        pyrage.x25519.Recipient.from_str(values["age-recipient"])
    except Exception as error:  # pyrage raises its own RecipientError
        raise KeyFileError(say("errors", QT_TRANSLATE_NOOP("errors", "{file} has a damaged age recipient."), file=path.name)) from error
    check_signing_key(values["signing-public-key"], path.name)
    expected = centre_fingerprint(values["age-recipient"], values["signing-public-key"])
    if values["fingerprint"] != expected:
        raise KeyFileError(say("errors", QT_TRANSLATE_NOOP("errors", "{file} has been altered: its keys do not match its fingerprint."), file=path.name))
    return CentreKey(values["age-recipient"], values["signing-public-key"], expected)


def trust_centre(session: Session, path: str | Path, heard_fingerprint: str, *, replace: bool = False) -> CentreKey:
    """District: trust the centre whose key file this is, once ``heard_fingerprint`` (what the centre read
    out by phone, as typed) matches the file's keys. The file is checked field by field and compared
    before anything is stored: a mismatch raises :class:`KeyFileError` and trusts nothing."""
    require(session, "keys")
    if session.is_centre:
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "`keys import` is for district offices; the centre enrolls devices with `devices enroll`.")))
    path = Path(path)
    centre = read_centre_key(path)
    check_fingerprint(heard_fingerprint, centre.fingerprint, path.name)
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
    """A device's enrollment file, checked field by field (:func:`check_enrollment`) and against its own
    fingerprint line (accidental damage only: anyone can recompute it).

    Not trusted until the fingerprint read out by the district office is typed
    (:func:`sync.devices.enroll_device`); show the person nothing of its ``fingerprint`` before that.
    """
    path = Path(path)
    fields = ("device-id", "district", "device-name", "signing-public-key", "fingerprint")
    values = _parse_key_file(path, ENROLLMENT_FORMAT, fields)
    enrollment = Enrollment(values["device-id"], values["district"], values["device-name"],
                            values["signing-public-key"], values["fingerprint"])
    check_enrollment(enrollment, path.name)
    if values["fingerprint"] != fingerprint(values["signing-public-key"]):
        raise KeyFileError(say("errors", QT_TRANSLATE_NOOP("errors", "{file} has been altered: its key does not match its fingerprint."), file=path.name))
    return enrollment


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
