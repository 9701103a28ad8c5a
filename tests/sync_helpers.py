"""Shared helpers for the sync tests: real centres and districts on encrypted databases, trust set up
the way people do it (key files), and real bundles made through the public storage API.

Plain functions, not fixtures, so every test module builds the scope it needs:

* ``make_centre(folder)`` / ``make_district(folder, district=...)``: a new installation; returns its path.
  Users and passwords are those of ``tests.conftest`` (admin, clara the clerk; admin, sana the
  supervisor, omar the operator).
* ``link(centre_clerk, district_admin, folder)``: centre ``keys export`` -> district ``trust_centre``,
  district ``export_key_file`` -> centre ``enroll_device``, each with the fingerprint the exporting side
  returned (what its office reads out by phone). Works with conftest's ``clerk`` and
  ``district_admin`` fixtures too. Returns the district device's ``Enrollment``.
* ``SyncPair`` / ``make_pair(folder)``: a linked centre + district with open sessions
  (``clerk``, ``supervisor``, ``district_admin``); ``close()`` when done. A pair per module keeps the
  suite fast (each session open costs an argon2 derivation).
* ``add_values(supervisor, ...)`` / ``add_desk_cases(supervisor, ...)``: valid records via the storage API.
* ``export_to(supervisor, folder)``: the next real bundle (``sync.export.export_bundle``); returns its path.
* ``opened_bundle(clerk, path)``: the decrypted ZIP of a bundle as ``(manifest, {entry: bytes})``.
* ``craft_zip(...)`` / ``craft_bundle(out, ...)``: a bundle's ZIP (or the encrypted file) written with
  ``BundleWriter`` from records you choose, signed with a key you choose, for a recipient you choose.
* ``with_payload(entries, name, content, key=None)``: swap one payload's bytes (re-signed or not).
* ``zip_entries(plaintext)`` / ``make_zip(entries)`` / ``resigned(entries, key, **manifest_changes)``:
  take a bundle's ZIP apart, change its manifest (re-signed, or not), put it back together.
* ``write_zip_bundle(entries, recipient, out)``: encrypt any ZIP entries [(name, bytes)] as a bundle.
* ``audit_rows(session)``: the audit log's row count ("nothing was written" checks use it with
  ``tests.conftest.table_counts``).
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import io
import json
import uuid
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

import sync  # noqa: F401  (registers key generation as a step of init)
from storage import __version__
from storage.core.clock import utc_now
from storage.core.session import Session
from storage.records.desk import save_desk_case
from storage.records.values import save_indicator_values
from storage.reference.catalogue import load_catalogue
from storage.validation import ValueInput
from sync.bundle import MANIFEST, RECORD_TYPES, SIGNATURE, BundleWriter, canonical_json, write_encrypted
from sync.devices import enroll_device
from sync.export import export_bundle
from sync.keys import Enrollment, age_identities, age_recipient, export_key_file, trust_centre
from tests.templates import centre_copy, district_copy, sign_in

__all__ = [
    "SyncPair", "add_desk_cases", "add_values", "audit_rows", "craft_bundle", "craft_zip", "desk_case", "export_to",
    "last_month", "link", "make_centre", "make_district", "make_pair", "make_zip", "opened_bundle", "public_b64",
    "resigned", "sign_with", "with_payload", "write_zip_bundle", "zip_entries",
]


def last_month() -> str:
    """The previous calendar month as YYYY-MM (a period that is closed, so values are not in the future)."""
    first = dt.date.today().replace(day=1)
    previous = first - dt.timedelta(days=1)
    return f"{previous.year:04d}-{previous.month:02d}"


def make_centre(folder: Path, name: str = "centre.db") -> Path:
    """A provincial centre database with users admin and clara (clerk)."""
    return centre_copy(Path(folder) / name)


def make_district(folder: Path, district: str = "QUETTA", device_name: str | None = None,
                  name: str | None = None) -> Path:
    """A district database with users admin, sana (supervisor) and omar (operator)."""
    return district_copy(Path(folder) / (name or f"{district.lower()}.db"), district, device_name)


def link(centre: Session, district_admin: Session, folder: Path) -> Enrollment:
    """Trust both ways through the key files: the district trusts the centre, the centre enrolls the device.

    Each side types the fingerprint the other reads out by phone: what the exporting side's own
    ``export_key_file`` returned (its screen), never what the file says.
    """
    folder = Path(folder)
    centre_key = folder / f"centre-{centre.device_id[:8]}.key"
    centre_print = export_key_file(centre, centre_key)
    trust_centre(district_admin, centre_key, centre_print, replace=True)
    enrollment_file = folder / f"enroll-{district_admin.device_id[:8]}.key"
    district_print = export_key_file(district_admin, enrollment_file)
    return enroll_device(centre, enrollment_file, district_print)


@dataclass
class SyncPair:
    """A linked centre and district, each with open sessions. ``folder`` is for bundles and key files."""

    folder: Path
    centre_path: Path
    district_path: Path
    clerk: Session
    supervisor: Session
    district_admin: Session
    enrollment: Enrollment

    @property
    def recipient(self) -> str:
        """The centre's age recipient (public)."""
        return age_recipient(self.clerk)

    @property
    def identity(self) -> str:
        """The centre's age identity text (secret), for the real ``age -d -i``."""
        return str(age_identities(self.clerk)[0])

    def close(self) -> None:
        for session in (self.clerk, self.supervisor, self.district_admin):
            session.close()


def make_pair(folder: Path, district: str = "QUETTA") -> SyncPair:
    """A new centre and district in ``folder``, linked. Call ``close()`` when done."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    centre_path = make_centre(folder)
    district_path = make_district(folder, district)
    clerk = sign_in(centre_path, "clara")
    admin = sign_in(district_path, "admin")
    enrollment = link(clerk, admin, folder)
    supervisor = sign_in(district_path, "sana")
    return SyncPair(folder, centre_path, district_path, clerk, supervisor, admin, enrollment)


# -- records --------------------------------------------------------------------------------------------


def add_values(supervisor: Session, values: dict[str, float] | None = None, period: str | None = None) -> list[ValueInput]:
    """Save indicator totals (default PRO-01 = 41, CRT-01 = 12) for the supervisor's district."""
    period = period or last_month()
    values = values or {"PRO-01": 41, "CRT-01": 12}
    inputs = [ValueInput(code, supervisor.district, period, value=value, comment="sync test")
              for code, value in values.items()]
    save_indicator_values(supervisor, inputs)
    return inputs


def desk_case(**changes: object) -> dict:
    """A valid adult physical-assault case at a Quetta desk that consents to reporting."""
    case = {"desk": "QTA-CITY", "report_date": (dt.date.today() - dt.timedelta(days=3)).isoformat(),
            "incident_date": (dt.date.today() - dt.timedelta(days=5)).isoformat(), "client_code": "QC-001",
            "client_sex": "female", "client_age": 30, "classification_answers": "nny",
            "gbv_type": "physical_assault", "consent_services": True, "consent_reporting": True}
    case.update(changes)
    return case


def add_desk_cases(supervisor: Session, count: int = 2, **changes: object) -> list[str]:
    """Save ``count`` valid cases, each with one perpetrator and one service; returns their uuids."""
    uuids = []
    for number in range(count):
        uuids.append(save_desk_case(
            supervisor, desk_case(client_code=f"QC-{number:03d}", **changes),
            perpetrators=[{"relationship": "intimate_partner", "sex": "male", "age_group": "26-40"}],
            services=[{"service": "legal_aid", "status": "referred",
                       "date": (dt.date.today() - dt.timedelta(days=2)).isoformat()}]))
    return uuids


def export_to(supervisor: Session, folder: Path) -> Path:
    """Export the next bundle into ``folder`` (created if needed); returns the bundle's path."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    return export_bundle(supervisor, folder).path


def audit_rows(session: Session) -> int:
    return session.db.execute("SELECT count(*) FROM audit_log").fetchone()[0]


# -- reading and crafting bundles ------------------------------------------------------------------------


def opened_bundle(centre: Session, path: Path) -> tuple[dict, dict[str, bytes]]:
    """Decrypt a bundle with the centre's identity: its manifest and every ZIP entry's bytes."""
    import pyrage

    plaintext = pyrage.decrypt(Path(path).read_bytes(), age_identities(centre))
    with zipfile.ZipFile(io.BytesIO(plaintext)) as archive:
        entries = {name: archive.read(name) for name in archive.namelist()}
    return json.loads(entries["manifest.json"]), entries


def sign_with(private_key: Ed25519PrivateKey) -> Callable[[bytes], str]:
    """A ``sign`` callable for ``BundleWriter.finish`` using any Ed25519 key."""
    return lambda message: base64.b64encode(private_key.sign(message)).decode("ascii")


def public_b64(private_key: Ed25519PrivateKey) -> str:
    return base64.b64encode(private_key.public_key().public_bytes_raw()).decode("ascii")


def craft_zip(*, recipient: str, private_key: Ed25519PrivateKey, device_id: str, district: str,
              records: dict[str, list[dict]] | None = None, device_name: str = "Crafted", sequence: int = 1,
              public_key: str | None = None, manifest_changes: dict | None = None) -> bytes:
    """A bundle's plaintext ZIP made with the real ``BundleWriter``: ``records`` per type (missing types:
    empty payloads), signed by ``private_key`` (its public key in the manifest unless ``public_key`` is
    given). ``manifest_changes`` override manifest fields (even ``format_version``) before signing."""
    writer = BundleWriter()
    records = records or {}
    high = ""
    for record_type in RECORD_TYPES:
        rows = records.get(record_type, [])
        for row in rows:
            if isinstance(row, dict) and isinstance(row.get("hlc"), str) and row["hlc"] > high:
                high = row["hlc"]
        writer.add_records(record_type, iter(rows))
    manifest = {
        "bundle_id": str(uuid.uuid4()), "device_id": device_id, "district": district, "device_name": device_name,
        "device_public_key": public_key or public_b64(private_key), "sequence": sequence, "hlc_high": high,
        "baseline": "", "created_at": utc_now(), "catalogue_version": load_catalogue().version,
        "app_version": __version__, "centre_recipient": recipient,
    }
    plaintext = writer.finish(manifest, sign_with(private_key))
    if manifest_changes:
        # BundleWriter stamps format, version, counts and files itself: change them afterwards and re-sign.
        plaintext = make_zip(resigned(zip_entries(plaintext), private_key, **manifest_changes))
    return plaintext


def craft_bundle(out: Path, **kwargs) -> Path:
    """``craft_zip(**kwargs)`` encrypted to ``kwargs["recipient"]`` as the file ``out``."""
    plaintext = craft_zip(**kwargs)
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    write_encrypted(plaintext, [kwargs["recipient"]], Path(out))
    return Path(out)


def with_payload(entries: list[tuple[str, bytes]], name: str, content: bytes,
                 private_key: Ed25519PrivateKey | None = None) -> list[tuple[str, bytes]]:
    """Replace one payload's bytes. With a key, the manifest's hash and size follow and it is re-signed (a
    signer who wrote exactly these bytes); without, manifest and signature stay (a payload altered later)."""
    entries = [(entry, content if entry == name else old) for entry, old in entries]
    if private_key is None:
        return entries
    files = json.loads(dict(entries)[MANIFEST])["files"]
    files[name] = {"sha256": hashlib.sha256(content).hexdigest(), "bytes": len(content)}
    return resigned(entries, private_key, files=files)


def zip_entries(plaintext: bytes) -> list[tuple[str, bytes]]:
    """A bundle's ZIP (plaintext) as an ordered list of (name, bytes)."""
    with zipfile.ZipFile(io.BytesIO(plaintext)) as archive:
        return [(info.filename, archive.read(info)) for info in archive.infolist()]


def make_zip(entries: list[tuple[str | zipfile.ZipInfo, bytes]], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A ZIP of exactly these entries, in order (duplicate names allowed)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=compression) as archive:
        for name, content in entries:
            archive.writestr(name, content)
    return buffer.getvalue()


def resigned(entries: list[tuple[str, bytes]], private_key: Ed25519PrivateKey | None,
             **manifest_changes: object) -> list[tuple[str, bytes]]:
    """The same entries with manifest fields changed (canonical JSON) and, with a key, a fresh signature
    (without one the old signature stays: a manifest edited after signing)."""
    manifest = json.loads(dict(entries)[MANIFEST])
    manifest.update(manifest_changes)
    manifest_bytes = canonical_json(manifest)
    result = []
    for name, content in entries:
        if name == MANIFEST:
            content = manifest_bytes
        elif name == SIGNATURE and private_key is not None:
            content = sign_with(private_key)(manifest_bytes).encode("ascii")
        result.append((name, content))
    return result


def write_zip_bundle(entries: list[tuple[str | zipfile.ZipInfo, bytes]], recipient: str, out: Path,
                     compression: int = zipfile.ZIP_DEFLATED) -> Path:
    """Encrypt a ZIP of exactly these entries (duplicates allowed) to ``recipient`` as ``out``."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    write_encrypted(make_zip(entries, compression), [recipient], out)
    return out
