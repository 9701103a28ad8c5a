"""Receipts: the centre's signed statement of which bundles arrived from a device.

A district that imports its receipt moves its export baseline: the next bundle carries only what
changed after the newest acknowledged bundle. Until then bundles stay cumulative.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from storage.core.clock import iso_millis, utc_now
from storage.core.roles import require
from storage.core.session import Session
from storage.errors import UsageError
from storage.i18n import QT_TRANSLATE_NOOP, say
from sync.bundle import BundleRejected, canonical_json, is_valid_unicode
from sync.keys import age_recipient, centre_fingerprint, sign, signing_public_key, trusted_centre, verify_signature

RECEIPT_FORMAT = "mizan-receipt"
RECEIPT_VERSION = 1
MAX_RECEIPT_BYTES = 4 * 1024 * 1024


def output_folder(out_dir: str | Path) -> Path:
    """The folder the centre writes its files into (receipts, updates), or a UsageError saying it is none."""
    out_dir = Path(out_dir)
    if not out_dir.is_dir():
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "{out_dir} is not a folder."), out_dir=out_dir))
    return out_dir


def write_receipts(session: Session, out_dir: str | Path, device_ids: list[str] | None = None) -> list[Path]:
    """One signed receipt file per device (every device with imported bundles, or those named: an empty
    list writes none)."""
    require(session, "import")
    if not session.is_centre:
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "Receipts are written by the provincial centre.")))
    out_dir = output_folder(out_dir)
    if device_ids is None:
        device_ids = [row[0] for row in session.db.execute("SELECT DISTINCT device_id FROM bundles")]
    centre_print = centre_fingerprint(age_recipient(session), signing_public_key(session))
    written = []
    for device_id in sorted(device_ids):
        row = session.db.execute("SELECT district FROM devices WHERE device_id = ?", [device_id]).fetchone()
        if row is None:
            raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "There is no enrolled device {device_id}."), device_id=device_id))
        bundles = [{"bundle_id": bundle_id, "sequence": sequence, "hlc_high": hlc_high}
                   for bundle_id, sequence, hlc_high in session.db.execute(
                       "SELECT bundle_id, sequence, hlc_high FROM bundles WHERE device_id = ? ORDER BY sequence, "
                       "bundle_id", [device_id])]
        receipt = {"format": RECEIPT_FORMAT, "format_version": RECEIPT_VERSION, "centre": centre_print,
                   "device_id": device_id, "district": row[0], "bundles": bundles, "made_at": utc_now()}
        path = out_dir / f"{row[0]}-{device_id[:8]}-receipt.json"
        path.write_text(json.dumps({"receipt": receipt, "signature": sign(session, canonical_json(receipt))},
                                   indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        written.append(path)
    return written


def acknowledge_bundles(db: Database, bundle_ids: list[str], made_at: object) -> int:
    """Inside the caller's write transaction: mark this PC's bundles the centre lists as acknowledged (the
    next bundle starts after them), and keep ``made_at``, the centre's signed clock, as how far this PC's own
    clock may run ahead. Returns how many bundles were newly acknowledged. Receipts and centre updates
    (:mod:`sync.updates`) both come here."""
    acknowledged = 0
    for bundle_id in bundle_ids:
        cursor = db.execute("UPDATE exports SET acknowledged_at = ? WHERE bundle_id = ? AND acknowledged_at IS NULL",
                            [utc_now(), bundle_id])
        acknowledged += cursor.rowcount
    signed_clock = iso_millis(made_at)
    newest = iso_millis(db.execute("SELECT receipt_clock FROM installation WHERE id = 1").fetchone()[0])
    if signed_clock is not None and (newest is None or signed_clock > newest):
        db.execute("UPDATE installation SET receipt_clock = ? WHERE id = 1", [made_at])
    return acknowledged


@dataclass(frozen=True)
class SignedFileWords:
    """How a refusal names one kind of signed file from the centre (templates, context "errors")."""

    too_large: str  # {file}
    not_one: str  # {file}, {error}
    not_signed: str  # {file}, {fingerprint}


RECEIPT_WORDS = SignedFileWords(
    QT_TRANSLATE_NOOP("errors", "{file} is too large to be a receipt."),
    QT_TRANSLATE_NOOP("errors", "{file} is not a Mizan receipt ({error})."),
    QT_TRANSLATE_NOOP("errors", "{file} is not signed by the centre this office trusts ({fingerprint}). It comes from another centre or was altered; it was not applied."))


def read_signed_by_centre(session: Session, path: Path, field: str, max_bytes: int, words: SignedFileWords) -> dict:
    """District: the JSON object under ``field`` in a file ``{field: {...}, "signature": ...}`` that the
    trusted centre signed (receipts, centre updates), or :class:`BundleRejected` saying why not."""
    centre = trusted_centre(session)
    if centre is None:
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "This office trusts no centre yet; import the centre's key file first (`keys import`).")))
    try:
        if path.stat().st_size > max_bytes:
            raise BundleRejected(say("errors", words.too_large, file=path.name))
        envelope = json.loads(path.read_bytes())
        content, signature = envelope[field], envelope["signature"]
        if not isinstance(content, dict) or not isinstance(signature, str):
            raise TypeError(f"malformed {field}")
        if not is_valid_unicode(envelope):
            # an escaped lone surrogate ("\\ud800"): such text cannot be signed, stored or shown
            raise ValueError("text that is not valid Unicode")
    except BundleRejected:
        raise
    except (OSError, ValueError, KeyError, TypeError, RecursionError) as error:
        raise BundleRejected(say("errors", words.not_one, file=path.name, error=type(error).__name__)) from error
    if not verify_signature(centre.signing_public, canonical_json(content), signature):
        raise BundleRejected(say("errors", words.not_signed, file=path.name, fingerprint=centre.fingerprint))
    return content


def import_receipt(session: Session, path: str | Path) -> dict:
    """District: verify the centre's signature, then mark the bundles it lists as acknowledged."""
    require(session, "export")
    path = Path(path)
    receipt = read_signed_by_centre(session, path, "receipt", MAX_RECEIPT_BYTES, RECEIPT_WORDS)
    if receipt.get("format") != RECEIPT_FORMAT or receipt.get("device_id") != session.device_id:
        raise BundleRejected(say("errors", QT_TRANSLATE_NOOP("errors", "{file} is a receipt for another device ({device}), not this one."), file=path.name, device=receipt.get('device_id')))
    listed = receipt.get("bundles")
    if not isinstance(listed, list) or not all(isinstance(b, dict) and isinstance(b.get("bundle_id"), str)
                                               for b in listed):
        raise BundleRejected(say("errors", QT_TRANSLATE_NOOP("errors", "{file} lists its bundles in a form this Mizan does not read."), file=path.name))
    bundle_ids = [bundle["bundle_id"] for bundle in listed]
    with session.write() as db:
        acknowledged = acknowledge_bundles(db, bundle_ids, receipt.get("made_at"))
    sequences = [row[0] for row in session.db.execute(
        "SELECT sequence FROM exports WHERE acknowledged_at IS NOT NULL ORDER BY sequence")]
    return {"newly_acknowledged": acknowledged, "acknowledged_sequences": sequences}
