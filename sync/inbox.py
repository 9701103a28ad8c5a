"""The provincial centre's import desk, without Qt: what the GUI's import screen (and the CLI's ``import
--inbox``, ``devices enroll BUNDLE`` and ``receipt --today``) call around the importer.

* unknown devices: what a bundle claims about the device that made it (:func:`pending_device`), and
  enrolling it once the clerk has compared its fingerprint by phone (:func:`enroll_pending_device`);
* the inbox: bundle files in a (shared) folder that were not imported yet (:func:`scan_inbox`), and
  importing them with the importer's progress reports (:func:`import_inbox`);
* receipts for today's imports (:func:`receipts_for_today`).

Importing itself, with its progress callback, is :func:`sync.importer.import_bundles`; what the clerk
reviews afterwards (conflicts, quarantine) is :mod:`sync.review`; devices and gaps per district are
:func:`sync.devices.device_overview`.
"""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

from storage.core.roles import require
from storage.core.session import Session
from storage.errors import UsageError
from storage.i18n import QT_TRANSLATE_NOOP, say
from sync.bundle import BundleRejected, decrypt_bundle, open_archive
from sync.devices import enroll
from sync.importer import (
    ImportOutcome,
    ProgressCallback,
    bundle_files,
    claimed_device,
    import_bundles,
    require_centre_import,
)
from sync.keys import Enrollment, age_identities, verify_signature
from sync.receipts import write_receipts
from sync.refusals import file_sha256, refused

# -- unknown devices ------------------------------------------------------------------------------------


def pending_device(session: Session, path: str | Path) -> Enrollment:
    """What a bundle says about the device that made it, for the clerk to compare by phone.

    The bundle must open with this centre's keys, pass the ZIP and hash checks, and be signed by the key
    its own manifest carries: self-consistent, but NOT trusted. Only the fingerprint read aloud by the
    district office makes it trusted (:func:`enroll_pending_device`).
    """
    require(session, "enroll_devices")
    if not session.is_centre:
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "Only the provincial centre enrolls devices.")))
    path = Path(path)
    plaintext = decrypt_bundle(path, age_identities(session))
    _archive, manifest, manifest_bytes, signature = open_archive(path, plaintext)
    claimed = claimed_device(manifest)
    if not verify_signature(claimed.signing_public, manifest_bytes, signature):
        raise BundleRejected(say("errors", QT_TRANSLATE_NOOP("errors", "{file} is not signed by the key it carries: it was altered or forged. Do not enroll its device; ask the district office for a new export."), file=path.name))
    return claimed


def enroll_pending_device(session: Session, path: str | Path, heard_fingerprint: str) -> Enrollment:
    """Enroll the device that made the bundle at ``path``, once the clerk has typed the fingerprint the
    district office read aloud; a fingerprint that differs refuses (exit code 5) and enrolls nothing.

    Then import the bundle again. This trusts the key exactly as an enrollment file does: by the
    fingerprint compared over the phone (:func:`sync.devices.enroll`).
    """
    claimed = pending_device(session, path)
    return enroll(session, claimed, heard_fingerprint, source=Path(path).name)


# -- the inbox ------------------------------------------------------------------------------------------

def scan_inbox(session: Session, folder: str | Path, *, settle_seconds: float = 2.0) -> list[Path]:
    """The ``*.mizan`` files in ``folder`` that this centre has not imported, in name order.

    A file counts as imported when a bundle was imported from a file with the same bytes (SHA-256), so
    a renamed copy is recognised too; the importer's bundle-id check catches anything else as a
    duplicate. Files changed in the last ``settle_seconds`` are left for the next scan (still being
    copied onto the shared drive). Files are never moved or deleted. A file the import refused (rejected,
    or a duplicate) is not listed again until its bytes change or a device or key of this centre does
    (:mod:`sync.refusals`): a junk file in the inbox is tried once, not at every scan.
    """
    require_centre_import(session)
    folder = Path(folder)
    if not folder.is_dir():
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "{folder} is not a folder."), folder=folder))
    fresh = []
    now = time.time()
    for path in bundle_files([folder]):
        try:
            status = path.stat()
        except OSError:
            continue  # removed between listing and looking: nothing to import
        if now - status.st_mtime < settle_seconds:
            continue
        try:
            digest = file_sha256(path)
        except OSError:
            continue  # removed while being hashed
        if refused(session, digest) is not None:
            continue
        if session.db.execute("SELECT 1 FROM bundles WHERE file_sha256 = ? LIMIT 1", [digest]).fetchone() is None:
            fresh.append(path)
    return fresh


def import_inbox(session: Session, folder: str | Path, on_progress: ProgressCallback | None = None, *,
                 settle_seconds: float = 2.0) -> list[ImportOutcome]:
    """Import the files :func:`scan_inbox` finds in ``folder`` (the others were imported before)."""
    return import_bundles(session, scan_inbox(session, folder, settle_seconds=settle_seconds), on_progress)


# -- receipts -------------------------------------------------------------------------------------------


def receipts_for_today(session: Session, folder: str | Path) -> list[Path]:
    """A signed receipt for every device with a bundle imported today (local date) into ``folder``."""
    return write_receipts(session, folder, imported_today(session))


def imported_today(session: Session) -> list[str]:
    """Devices with a bundle imported today (local date), for "receipts for today" in one click."""
    start = dt.datetime.combine(dt.date.today(), dt.time()).astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S")
    return [row[0] for row in session.db.execute(
        "SELECT DISTINCT device_id FROM bundles WHERE imported_at >= ?", [start])]
