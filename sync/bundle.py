"""The bundle file: an age v1 file whose plaintext is a ZIP of a signed manifest and JSON Lines payloads.

See docs/bundle-format.md. Writing streams through pyrage's ``encrypt_io`` and reading through
``decrypt_io``: the plaintext is only ever in memory, never on the USB stick or the disk.
Opening checks, in order, and stops at the first failure with a plain reason: size and header,
decryption, ZIP safety, manifest and hashes, signature against the enrolled device, format version.
"""

from __future__ import annotations

import hashlib
import io
import json
import lzma
import os
import re
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pyrage

from storage.core.clock import is_hlc  # the one check of a version (fixed width, ASCII digits); used from here too
from storage.core.files import fsync_folder
from storage.errors import MizanError
from storage.i18n import QT_TRANSLATE_NOOP, say, translate
from storage.validation import MAX_FIGURE

FORMAT = "mizan-bundle"
FORMAT_VERSION = 1
AGE_HEADER = b"age-encryption.org/v1\n"
MANIFEST = "manifest.json"
SIGNATURE = "signature"
# Merge order matters: desks before the cases that name them, cases before their children.
RECORD_TYPES = (
    "desks", "indicator_values", "targets", "completions", "desk_cases", "desk_case_perpetrators",
    "desk_case_services", "pkm_requests",
)
PAYLOAD_NAMES = {f"{record_type}.jsonl": record_type for record_type in RECORD_TYPES}

# Limits: generous for a district's months of work, far below what would hurt the centre PC.
MAX_BUNDLE_BYTES = 512 * 1024 * 1024
MAX_ENTRIES = 2 + len(RECORD_TYPES)
MAX_MANIFEST_BYTES = 1024 * 1024
MAX_ENTRY_BYTES = 1024 * 1024 * 1024
MAX_COMPRESSION_RATIO = 200
MAX_RECORD_BYTES = 256 * 1024
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


class BundleRejected(MizanError):
    """A bundle or receipt that is refused as a whole; nothing of it was written. Exit code 5."""

    exit_code = 5


def canonical_json(payload: object) -> bytes:
    """The exact bytes that are signed: sorted keys, no spaces, UTF-8."""
    return json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


# -- writing -------------------------------------------------------------------------------------------


@dataclass
class BundleWriter:
    """Collects payload files in an in-memory ZIP; ``finish`` signs the manifest and encrypts."""

    _buffer: io.BytesIO = field(default_factory=io.BytesIO)
    _files: dict[str, dict] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._zip = zipfile.ZipFile(self._buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6)
        self._payloads: list[tuple[str, bytes]] = []

    def add_records(self, record_type: str, records: Iterator[dict]) -> int:
        """Write one JSON Lines payload; returns how many records it holds."""
        name = f"{record_type}.jsonl"
        digest, size, count = hashlib.sha256(), 0, 0
        with self._zip.open(name, "w", force_zip64=True) as handle:
            for record in records:
                line = json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n"
                handle.write(line)
                digest.update(line)
                size += len(line)
                count += 1
        self._files[name] = {"sha256": digest.hexdigest(), "bytes": size}
        self.counts[record_type] = count
        return count

    def finish(self, manifest: dict, sign: Callable[[bytes], str]) -> bytes:
        """Add manifest.json and its signature; return the ZIP bytes (plaintext, in memory)."""
        manifest = {**manifest, "format": FORMAT, "format_version": FORMAT_VERSION, "counts": self.counts,
                    "files": self._files}
        manifest_bytes = canonical_json(manifest)
        self._zip.writestr(MANIFEST, manifest_bytes)
        self._zip.writestr(SIGNATURE, sign(manifest_bytes).encode("ascii"))
        self._zip.close()
        return self._buffer.getvalue()


def write_encrypted(plaintext: bytes, recipients: list[str], out: Path) -> None:
    """age-encrypt to ``out`` atomically: a temporary file, fsync, then rename. Whole or absent."""
    temporary = out.with_name(f".{out.name}.tmp")
    try:
        with open(temporary, "wb") as handle:
            pyrage.encrypt_io(io.BytesIO(plaintext), handle, [pyrage.x25519.Recipient.from_str(r) for r in recipients])
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, out)
        fsync_folder(out.parent)
    finally:
        if temporary.exists():
            temporary.unlink()


# -- reading -------------------------------------------------------------------------------------------


@dataclass
class OpenedBundle:
    """A bundle that passed every check up to the records: its manifest and its ZIP in memory."""

    path: Path
    manifest: dict
    archive: zipfile.ZipFile

    def records(self, record_type: str) -> Iterator[dict | str]:
        """Each record of a payload as a dict, or a string saying why a line is not a record."""
        name = f"{record_type}.jsonl"
        if name not in self.manifest["files"]:
            return
        with self.archive.open(name) as handle:
            for line in handle:
                if len(line) > MAX_RECORD_BYTES:
                    yield f"a record of {len(line)} bytes is larger than the {MAX_RECORD_BYTES}-byte limit"
                    continue
                try:
                    # Strict UTF-8 first: json.loads(bytes) would let encoded surrogates through.
                    record = json.loads(line.decode("utf-8"))
                except UnicodeDecodeError:
                    yield "a line is not UTF-8 text"
                    continue
                except (ValueError, RecursionError):
                    yield "a line is not valid JSON"
                    continue
                if not isinstance(record, dict):
                    yield "a line is not a JSON object"
                elif (b"\\ud" in line or b"\\uD" in line) and not is_valid_unicode(record):
                    # A lone surrogate escape ("\\ud800") decodes to text that cannot be stored or shown.
                    yield "a line holds text that is not valid Unicode (a lone surrogate escape)"
                else:
                    yield record


def is_valid_unicode(value: object) -> bool:
    """Whether every text in a decoded JSON value can be written as UTF-8 (json.loads turns an escaped lone
    surrogate such as ``"\\ud800"`` into a str that SQLite and the console refuse)."""
    try:
        json.dumps(value, ensure_ascii=False).encode("utf-8")
    except (UnicodeEncodeError, ValueError, RecursionError):
        return False
    return True


class _HashingReader:
    """A file handle that feeds every byte read through a digest: the file is hashed as it is decrypted,
    not read a second time."""

    def __init__(self, handle: io.BufferedReader, digest: hashlib._Hash) -> None:
        self.handle, self.digest = handle, digest

    def read(self, size: int = -1) -> bytes:
        chunk = self.handle.read(size)
        self.digest.update(chunk)
        return chunk

    def readinto(self, buffer: bytearray | memoryview) -> int:
        count = self.handle.readinto(buffer)
        self.digest.update(memoryview(buffer)[:count])
        return count

    def drain(self) -> None:
        """Hash whatever the decryption left unread, so the digest is always the whole file's."""
        while self.read(1024 * 1024):
            pass


def decrypt_bundle(path: Path, identities: list, file_digest: hashlib._Hash | None = None) -> bytes:
    """Size and header limits, then age decryption. Returns the plaintext ZIP bytes.

    With ``file_digest``, the encrypted file's bytes are fed to it while decrypting (the inbox scan
    recognises an imported file by this hash without decrypting it again).
    """
    try:
        size = path.stat().st_size
    except OSError as error:
        raise BundleRejected(say("errors", QT_TRANSLATE_NOOP("errors", "{file} could not be read ({error})."), file=path.name, error=error.strerror)) from error
    if size == 0:
        raise BundleRejected(say("errors", QT_TRANSLATE_NOOP("errors", "{file} is empty: the copy to the USB stick probably failed. Export it again."), file=path.name))
    if size > MAX_BUNDLE_BYTES:
        raise BundleRejected(say("errors", QT_TRANSLATE_NOOP("errors", "{file} is {size} MB, over the {limit} MB limit for a bundle."), file=path.name, size=size // (1024 * 1024), limit=MAX_BUNDLE_BYTES // (1024 * 1024)))
    with open(path, "rb") as handle:
        if handle.read(len(AGE_HEADER)) != AGE_HEADER:
            raise BundleRejected(say("errors", QT_TRANSLATE_NOOP("errors", "{file} is not a Mizan bundle (not an age-encrypted file)."), file=path.name))
        handle.seek(0)
        plaintext = io.BytesIO()
        source = handle if file_digest is None else _HashingReader(handle, file_digest)
        try:
            pyrage.decrypt_io(source, plaintext, identities)
            if isinstance(source, _HashingReader):
                source.drain()
        except (pyrage.DecryptError, OSError) as error:  # decrypt_io reports damaged payload chunks as OSError
            if "No matching keys" in str(error):
                # age cannot tell a stanza for another key from a damaged one: say both.
                raise BundleRejected(say("errors", QT_TRANSLATE_NOOP("errors", "{file} was made for another centre: none of this centre's keys opens it. Check which centre key the district office trusts; if it is this centre's, the file's header was damaged: copy it again."), file=path.name)) from error
            raise BundleRejected(say("errors", QT_TRANSLATE_NOOP("errors", "{file} is damaged or incomplete (decryption failed: {error}). Copy it again from the district's USB stick."), file=path.name, error=error)) from error
    return plaintext.getvalue()


def open_archive(path: Path, plaintext: bytes) -> tuple[zipfile.ZipFile, dict, bytes, str]:
    """ZIP safety, then manifest and hashes. Returns the archive, manifest, manifest bytes, signature."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(plaintext))
        entries = archive.infolist()
    except (zipfile.BadZipFile, ValueError, EOFError, NotImplementedError, OSError) as error:
        # NotImplementedError: a damaged header claiming a ZIP version or feature zipfile does not read
        raise BundleRejected(say("errors", QT_TRANSLATE_NOOP("errors", "{file} decrypted, but its contents are not a valid ZIP ({error})."), file=path.name, error=error)) from error
    if len(entries) > MAX_ENTRIES:
        raise BundleRejected(say("errors", QT_TRANSLATE_NOOP("errors", "{file} holds {count} files; a bundle has at most {max_entries}."), file=path.name, count=len(entries), max_entries=MAX_ENTRIES))
    names = [entry.filename for entry in entries]
    if len(set(names)) != len(names):
        raise BundleRejected(say("errors", QT_TRANSLATE_NOOP("errors", "{file} holds the same file name twice; refusing an ambiguous bundle."), file=path.name))
    for entry in entries:
        name = entry.filename
        if name.startswith(("/", "\\")) or ".." in name.split("/") or "\\" in name or ":" in name:
            raise BundleRejected(say("errors", QT_TRANSLATE_NOOP("errors", "{file} holds an unsafe path {name}; refusing it."), file=path.name, name=repr(name)))
        if name not in PAYLOAD_NAMES and name not in (MANIFEST, SIGNATURE):
            raise BundleRejected(say("errors", QT_TRANSLATE_NOOP("errors", "{file} holds an unexpected file {name}."), file=path.name, name=repr(name)))
        if entry.compress_type in (zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA):
            # Mizan writes deflate; the bzip2 and LZMA decompressors are surface a bundle does not need (methods
            # zipfile does not know are refused when the entry is read: "damaged inside the ZIP").
            raise BundleRejected(say("errors", QT_TRANSLATE_NOOP("errors", "{file}: {name} is compressed with a method Mizan does not use (ZIP method {compress_type}); refusing it."), file=path.name, name=name, compress_type=entry.compress_type))
        if entry.file_size > MAX_ENTRY_BYTES or (
                entry.file_size > 1024 * 1024 and entry.file_size > MAX_COMPRESSION_RATIO * max(entry.compress_size, 1)):
            raise BundleRejected(say("errors", QT_TRANSLATE_NOOP("errors", "{file}: {name} would expand to {size} bytes (compression ratio or size over the limit); refusing a possible ZIP bomb."), file=path.name, name=name, size=entry.file_size))
    if MANIFEST not in names or SIGNATURE not in names:
        raise BundleRejected(say("errors", QT_TRANSLATE_NOOP("errors", "{file} has no {missing}; it was not made by Mizan."), file=path.name, missing=translate("errors", QT_TRANSLATE_NOOP("errors", "manifest") if MANIFEST not in names else QT_TRANSLATE_NOOP("errors", "signature"))))
    manifest_bytes = _read_capped(archive, MANIFEST, MAX_MANIFEST_BYTES, path)
    signature = _read_capped(archive, SIGNATURE, 1024, path).decode("ascii", "replace").strip()
    try:
        manifest = json.loads(manifest_bytes)
    except (ValueError, RecursionError) as error:
        raise BundleRejected(say("errors", QT_TRANSLATE_NOOP("errors", "{file}: the manifest is not valid JSON."), file=path.name)) from error
    if not is_valid_unicode(manifest):
        raise BundleRejected(say("errors", QT_TRANSLATE_NOOP("errors", "{file}: the manifest holds text that is not valid Unicode."), file=path.name))
    _check_manifest_shape(path, manifest)
    listed = set(manifest["files"])
    present = {name for name in names if name in PAYLOAD_NAMES}
    if listed != present:
        raise BundleRejected(say("errors", QT_TRANSLATE_NOOP("errors", "{file}: the manifest lists {listed} but the bundle holds {present}."), file=path.name, listed=sorted(listed), present=sorted(present)))
    for name, expected in manifest["files"].items():
        digest, size = _hash_entry(archive, name, path)
        if digest != expected.get("sha256") or size != expected.get("bytes"):
            raise BundleRejected(say("errors", QT_TRANSLATE_NOOP("errors", "{file}: {name} does not match the SHA-256 in the manifest; the bundle was altered or damaged."), file=path.name, name=name))
    return archive, manifest, manifest_bytes, signature


# What reading an entry of a damaged ZIP raises: RuntimeError for an entry flagged as password-encrypted,
# NotImplementedError for an unknown compression, ValueError ("negative seek value") or OSError when a
# header's offsets point outside the archive, LZMAError for damaged LZMA options (both found by
# bench/atheris_bundle.py; other methods than stored and deflate are refused before reading anyway).
_ZIP_READ_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError, ValueError, OSError,
                    lzma.LZMAError)


def _read_capped(archive: zipfile.ZipFile, name: str, cap: int, path: Path) -> bytes:
    try:
        with archive.open(name) as handle:
            content = handle.read(cap + 1)
    except _ZIP_READ_ERRORS as error:
        raise BundleRejected(say("errors", QT_TRANSLATE_NOOP("errors", "{file}: {name} is damaged inside the ZIP ({error})."), file=path.name, name=name, error=error)) from error
    if len(content) > cap:
        raise BundleRejected(say("errors", QT_TRANSLATE_NOOP("errors", "{file}: {name} is larger than the {cap}-byte limit."), file=path.name, name=name, cap=cap))
    return content


def _hash_entry(archive: zipfile.ZipFile, name: str, path: Path) -> tuple[str, int]:
    """Stream and hash one entry, counting real bytes: a lying ZIP header cannot sneak a bomb through."""
    digest, size = hashlib.sha256(), 0
    try:
        with archive.open(name) as handle:
            while chunk := handle.read(1024 * 1024):
                size += len(chunk)
                if size > MAX_ENTRY_BYTES:
                    raise BundleRejected(say("errors", QT_TRANSLATE_NOOP("errors", "{file}: {name} expands past {max_entry_bytes} bytes; refusing it."), file=path.name, name=name, max_entry_bytes=MAX_ENTRY_BYTES))
                digest.update(chunk)
    except _ZIP_READ_ERRORS as error:
        raise BundleRejected(say("errors", QT_TRANSLATE_NOOP("errors", "{file}: {name} is damaged inside the ZIP ({error})."), file=path.name, name=name, error=error)) from error
    return digest.hexdigest(), size


_MANIFEST_FIELDS: dict[str, type | tuple[type, ...]] = {
    "format": str, "format_version": int, "bundle_id": str, "device_id": str, "district": str, "device_name": str,
    "device_public_key": str, "sequence": int, "hlc_high": str, "baseline": str, "created_at": str,
    "catalogue_version": str, "centre_recipient": str, "counts": dict, "files": dict,
}


def _check_manifest_shape(path: Path, manifest: object) -> None:
    if not isinstance(manifest, dict):
        raise BundleRejected(say("errors", QT_TRANSLATE_NOOP("errors", "{file}: the manifest is not a JSON object."), file=path.name))
    for name, kind in _MANIFEST_FIELDS.items():
        value = manifest.get(name)
        if not isinstance(value, kind) or isinstance(value, bool):
            raise BundleRejected(say("errors", QT_TRANSLATE_NOOP("errors", "{file}: the manifest's {name} is missing or malformed."), file=path.name, name=repr(name)))
    if manifest["format"] != FORMAT:
        raise BundleRejected(say("errors", QT_TRANSLATE_NOOP("errors", "{file} is not a Mizan bundle (format {format})."), file=path.name, format=repr(manifest['format'])))
    if not manifest["device_public_key"].isascii():  # it is shown as a fingerprint, computed over ASCII
        raise BundleRejected(say("errors", QT_TRANSLATE_NOOP("errors", "{file}: the manifest's 'device_public_key' is missing or malformed."), file=path.name))
    if not is_uuid(manifest["bundle_id"]) or not is_uuid(manifest["device_id"]):
        raise BundleRejected(say("errors", QT_TRANSLATE_NOOP("errors", "{file}: the manifest's bundle or device id is malformed."), file=path.name))
    if not 1 <= manifest["sequence"] <= MAX_FIGURE or (
            manifest["hlc_high"] and not is_hlc(manifest["hlc_high"])):
        raise BundleRejected(say("errors", QT_TRANSLATE_NOOP("errors", "{file}: the manifest's sequence or clock is malformed."), file=path.name))
    for name, entry in manifest["files"].items():
        if name not in PAYLOAD_NAMES or not isinstance(entry, dict):
            raise BundleRejected(say("errors", QT_TRANSLATE_NOOP("errors", "{file}: the manifest lists an unexpected file {name}."), file=path.name, name=repr(name)))
    for name, count in manifest["counts"].items():
        if name not in RECORD_TYPES or not isinstance(count, int) or isinstance(count, bool) or count < 0:
            raise BundleRejected(say("errors", QT_TRANSLATE_NOOP("errors", "{file}: the manifest's record counts are malformed."), file=path.name))
    update = manifest.get("centre_update", 0)  # absent from bundles made before centre updates existed
    if not isinstance(update, int) or isinstance(update, bool) or not 0 <= update <= MAX_FIGURE:
        raise BundleRejected(say("errors", QT_TRANSLATE_NOOP("errors", "{file}: the manifest's {name} is missing or malformed."), file=path.name, name=repr("centre_update")))
    if "audit" in manifest and not _is_audit_anchor(manifest["audit"], manifest["sequence"]):
        raise BundleRejected(say("errors", QT_TRANSLATE_NOOP("errors", "{file}: the manifest's audit head is malformed."), file=path.name))


# The ``audit`` field (sync/anchors.py): its head and at most this many earlier bundles' heads.
MAX_AUDIT_CHECKPOINTS = 2000
_DIGEST = re.compile(r"[0-9a-f]{64}")


def _is_count(value: object, low: int, high: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high


def _is_chain_point(point: object, keys: frozenset[str]) -> bool:
    return (isinstance(point, dict) and point.keys() == keys and _is_count(point["entry"], 0, MAX_FIGURE)
            and isinstance(point["digest"], str) and _DIGEST.fullmatch(point["digest"]) is not None)


def _is_audit_anchor(anchor: object, sequence: int) -> bool:
    """Whether a manifest's ``audit`` field is shaped as Mizan writes it: a head, and checkpoints for earlier
    bundles in increasing order. Whether it agrees with what the PC sent before is the import's question."""
    if not isinstance(anchor, dict) or anchor.keys() != {"head", "checkpoints"}:
        return False
    if not _is_chain_point(anchor["head"], frozenset(("entry", "digest"))):
        return False
    checkpoints = anchor["checkpoints"]
    if not isinstance(checkpoints, list) or len(checkpoints) > MAX_AUDIT_CHECKPOINTS:
        return False
    previous = 0
    for point in checkpoints:
        if not _is_chain_point(point, frozenset(("bundle", "entry", "digest"))):
            return False
        if not _is_count(point["bundle"], previous + 1, sequence - 1):
            return False
        previous = point["bundle"]
    return True


def is_uuid(text: object) -> bool:
    """Whether ``text`` is a lower-case hyphenated UUID."""
    return isinstance(text, str) and _UUID.fullmatch(text) is not None
