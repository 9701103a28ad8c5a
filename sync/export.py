"""District export: every record changed since the last bundle the centre acknowledged.

Bundles are cumulative until a receipt arrives, so a lost USB stick costs nothing: the next bundle
carries the same changes again. The file is written atomically (temporary file, fsync, rename).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pyrage

from storage import __version__
from storage.core.clock import ClockWrong, utc_now
from storage.core.roles import require
from storage.core.session import SEED_DEVICE, Session
from storage.errors import UsageError
from storage.i18n import QT_TRANSLATE_NOOP, say
from sync.anchors import export_anchor
from sync.bundle import RECORD_TYPES, BundleWriter, write_encrypted
from sync.keys import sign, signing_public_key, trusted_centre
from sync.schema import DESK_CHILD_TYPES, SPECS
from sync.updates import last_applied_update


@dataclass
class ExportResult:
    """What :func:`export_bundle` wrote: the bundle file, its sequence number and records per type."""

    path: Path
    sequence: int
    records: dict[str, int]

    def as_dict(self) -> dict:
        """As the ``--json`` report shows it."""
        return {"bundle": str(self.path), "sequence": self.sequence, "records": self.records}


def acknowledged_baseline(session: Session) -> str:
    """The HLC up to which the centre has confirmed receipt ("" when nothing is confirmed yet)."""
    row = session.db.execute("SELECT max(hlc_high) FROM exports WHERE acknowledged_at IS NOT NULL").fetchone()
    return row[0] or ""


def _minimal_tombstone(uuid_: str, hlc: str, origin_device: str) -> dict:
    return {"uuid": uuid_, "hlc": hlc, "origin_device": origin_device, "deleted": 1}


def _changed_rows(session: Session, record_type: str, baseline: str, high: list[str],
                  travelled: set[str]) -> Iterator[dict]:
    """Rows of one type changed since ``baseline``, as they may travel; tracks the highest version in ``high``
    and collects in ``travelled`` the cases that leave with their content."""
    spec = SPECS[record_type]
    columns = ", ".join(f"t.{name}" for name in spec.exported)
    if record_type == "desk_cases":
        # A case travels only with the client's consent to reporting; otherwise only its tombstone, and that
        # only when the case travelled before (a case that never left the office is not announced).
        # A case also travels whenever one of its children does, so a child never reaches the centre
        # without its case, whatever order the centre imports bundles in.
        query = (f"SELECT {columns}, t.consent_reporting, t.uuid IN (SELECT case_uuid FROM travelled_cases) "
                 "FROM desk_cases t WHERE t.hlc > ? OR t.uuid IN "
                 "(SELECT case_uuid FROM desk_case_perpetrators WHERE hlc > ? "
                 "UNION SELECT case_uuid FROM desk_case_services WHERE hlc > ?) ORDER BY t.hlc")
        params = [baseline, baseline, baseline]
    elif record_type == "desks":
        # Every desk, every time (a few rows): a case or PKM request never arrives before its desk. Not a desk
        # the centre added (it came in a centre update): the centre has it, and it is not this PC's to send.
        query = f"SELECT {columns} FROM desks t WHERE t.origin_device IN (?, ?) ORDER BY t.code"
        params = [session.device_id, SEED_DEVICE]
    elif record_type in DESK_CHILD_TYPES:
        # A child's travelling version is the newer of its own and its case's: a change of consent re-sends
        # or withdraws the children too, and always as a newer version than the centre holds.
        query = (f"SELECT {columns}, p.consent_reporting, p.uuid IN (SELECT case_uuid FROM travelled_cases), "
                 f"max(t.hlc, p.hlc) FROM {spec.table} t "
                 "JOIN desk_cases p ON p.uuid = t.case_uuid WHERE max(t.hlc, p.hlc) > ? ORDER BY t.id")
        params = [baseline]
    else:
        # Only this PC's own rows: a target the centre set came in a centre update and goes back to no one.
        query = f"SELECT {columns} FROM {spec.table} t WHERE t.hlc > ? AND t.origin_device = ? ORDER BY t.hlc"
        params = [baseline, session.device_id]
    width = len(spec.exported)
    for row in session.db.execute(query, params):
        record = dict(zip(spec.exported, row[:width], strict=True))
        if record_type in DESK_CHILD_TYPES:
            record["hlc"] = row[width + 2]
        if record_type == "desk_cases" or record_type in DESK_CHILD_TYPES:
            consent, case_travelled = row[width], row[width + 1]
            if consent != 1 and not case_travelled:
                continue  # never left the office: nothing to withdraw, and nothing to tell
            if consent != 1:
                record = _minimal_tombstone(record["uuid"], record["hlc"], record["origin_device"])
            elif record_type == "desk_cases":
                travelled.add(record["uuid"])
                record["case_number"] = travelling_case_number(record["case_number"], record["origin_device"])
        if record["hlc"] > high[0]:
            high[0] = record["hlc"]
        yield record


def travelling_case_number(case_number: str, device_id: str) -> str:
    """``QTA-CITY-2026-0001@6c5ddfb9``: case numbers are counted per PC, so two PCs at one desk can issue
    the same one; with the device it is unique at the centre, whatever order bundles arrive in."""
    return f"{case_number}@{device_id[:8]}"


def export_bundle(session: Session, out_dir: str | Path, escrow: list[str] | None = None,
                  progress: Callable[[int, int], None] | None = None) -> ExportResult:
    """Write the next bundle into ``out_dir`` (e.g. the USB stick) and record it as made.

    ``escrow``: further age recipients (e.g. an auditor's) who can also open the bundle.
    ``progress(done, total)`` is called as each record type is written and once the file is on disk.
    """
    require(session, "export")
    if session.is_centre:
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "The provincial centre does not export bundles; it imports them.")))
    clock_problem = session.clock_problem()
    if clock_problem:  # the centre would keep the records aside: say why here, where it can be put right
        raise ClockWrong(clock_problem)
    centre = trusted_centre(session)
    if centre is None:
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "This office does not trust a centre yet. An administrator adds the centre's key file under Settings (or with `keys import centre.key --fingerprint` followed by the fingerprint the centre reads out by phone).")))
    escrow = list(escrow or [])
    for recipient in escrow:
        try:
            pyrage.x25519.Recipient.from_str(recipient)
        except Exception as error:  # pyrage.RecipientError
            raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "{recipient} is not an age recipient (they start with age1)."), recipient=repr(recipient))) from error
    out_dir = Path(out_dir)
    if not out_dir.is_dir():
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "{out_dir} is not a folder. Plug in the USB stick and choose its folder."), out_dir=out_dir))
    baseline = acknowledged_baseline(session)
    sequence = session.db.execute("SELECT coalesce(max(sequence), 0) + 1 FROM exports").fetchone()[0]
    bundle_id = str(uuid.uuid4())
    writer = BundleWriter()
    high = [baseline]
    travelled: set[str] = set()
    steps = len(RECORD_TYPES) + 1
    for done, record_type in enumerate(RECORD_TYPES, start=1):
        writer.add_records(record_type, _changed_rows(session, record_type, baseline, high, travelled))
        if progress:
            progress(done, steps)
    manifest = {
        "bundle_id": bundle_id, "device_id": session.device_id, "district": session.district,
        "device_name": session.installation["device_name"], "device_public_key": signing_public_key(session),
        "sequence": sequence, "hlc_high": high[0], "baseline": baseline, "created_at": utc_now(),
        "catalogue_version": session.catalogue.version, "app_version": __version__,
        "centre_recipient": centre.recipient, "escrow_recipients": escrow,
        "audit": export_anchor(session),  # the audit chain's head, pinned at the centre (sync/anchors.py)
        "centre_update": last_applied_update(session),  # which centre update this PC runs (0: none yet)
    }
    plaintext = writer.finish(manifest, lambda manifest_bytes: sign(session, manifest_bytes))
    path = out_dir / f"{session.district}-{session.device_id[:8]}-{sequence}.mizan"
    if travelled:  # before the file exists: a case is never at the centre without this office knowing it
        with session.write() as db:
            db.conn.executemany("INSERT OR IGNORE INTO travelled_cases (case_uuid) VALUES (?)",
                                [(case_uuid,) for case_uuid in travelled])
    write_encrypted(plaintext, [centre.recipient, *escrow], path)
    with session.write() as db:
        head = manifest["audit"]["head"]
        db.execute("INSERT INTO exports (sequence, bundle_id, baseline, hlc_high, file_name, counts, made_at, made_by, "
                   "audit_entry, audit_digest) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                   [sequence, bundle_id, baseline, high[0], path.name, json.dumps(writer.counts), utc_now(),
                    session.user, head["entry"], head["digest"]])
    if progress:
        progress(steps, steps)
    return ExportResult(path, sequence, dict(writer.counts))


def list_exports(session: Session) -> list[dict]:
    """Every bundle this office made, oldest first, with its counts and whether the centre acknowledged it."""
    require(session, "view")
    columns = ("sequence", "bundle_id", "file_name", "counts", "made_at", "made_by", "acknowledged_at")
    rows = session.db.execute(f"SELECT {', '.join(columns)} FROM exports ORDER BY sequence").fetchall()
    return [dict(zip(columns, row, strict=True)) | {"counts": json.loads(row[3])} for row in rows]
