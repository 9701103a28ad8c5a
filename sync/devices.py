"""Devices: the district PCs the centre knows, and what it knows about them.

* enrolling a device (:func:`enroll_device` from its enrollment file; an unknown device's bundle is
  enrolled through :func:`sync.inbox.enroll_pending_device`), both through :func:`enroll`, which stores
  nothing until the fields are checked and the fingerprint the district office read out by phone matches;
* revoking one (:func:`revoke_device`), for good: revocations never roll back. Besides the ``devices``
  table, each revocation is appended to a ledger beside the database (``<db>.revoked``, one JSON line
  per device, each with an HMAC-SHA256 under the installation's ledger key, so a line cannot be
  forged without it: :mod:`storage.core.ledger`, shared with the removal ledger). A restore keeps the
  ledger that lies beside the database, merges the backup's own, and re-applies every revocation found
  there and in the database being replaced (:func:`carry_revocations_forward`); every sign-in at the centre re-applies the ledger too
  (:func:`reapply_revocations`), which also covers files copied back by hand;
* the device reports: every device with its bundles and gaps (:func:`device_report`), and the same per
  district (:func:`device_overview`).

The keys themselves (signing, age identities, key files, fingerprints) are :mod:`sync.keys`.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from storage.core.backup import RestoreContext, ledger_path
from storage.core.clock import utc_now
from storage.core.ledger import append_line, ensure_ledger_key, read_signed, signed_line
from storage.core.roles import require
from storage.core.session import Session
from storage.errors import UsageError
from storage.i18n import QT_TRANSLATE_NOOP, say
from sync.keys import Enrollment, KeyFileError, check_enrollment, check_fingerprint, fingerprint, read_enrollment

if TYPE_CHECKING:
    from sqlite_utils import Database  # annotations only: sqlite-utils loads with the first connection

# -- enrolling and revoking -----------------------------------------------------------------------------


def enroll_device(session: Session, path: str | Path, heard_fingerprint: str) -> Enrollment:
    """Centre: register a district device from its enrollment file, once ``heard_fingerprint`` (what the
    district office read out by phone, as typed) matches the file's key. See :func:`enroll`."""
    require(session, "enroll_devices")
    path = Path(path)
    return enroll(session, read_enrollment(path), heard_fingerprint, source=path.name)


def enroll(session: Session, enrollment: Enrollment, heard_fingerprint: str, *, source: str) -> Enrollment:
    """Centre: register a district device whose key the clerk has confirmed by phone: from an enrollment
    file (:func:`enroll_device`), or from a bundle of an unknown device (:func:`sync.inbox.enroll_pending_device`).

    Before anything is stored: the enrollment's fields are checked (:func:`sync.keys.check_enrollment`;
    ``source`` is the file they came from, named in the messages), its district must be in the
    catalogue, and ``heard_fingerprint`` must be the fingerprint of its key (:func:`sync.keys.check_fingerprint`,
    computed here, never taken from the file). Any refusal stores nothing.
    """
    require(session, "enroll_devices")
    if not session.is_centre:
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "Only the provincial centre enrolls devices.")))
    check_enrollment(enrollment, source)
    if enrollment.district not in session.catalogue.districts:
        raise KeyFileError(say("errors", QT_TRANSLATE_NOOP("errors", "The enrollment names an unknown district {district}."), district=repr(enrollment.district)))
    actual = fingerprint(enrollment.signing_public)
    check_fingerprint(heard_fingerprint, actual, source)
    enrollment = replace(enrollment, fingerprint=actual)
    row = session.db.execute("SELECT public_key, status FROM devices WHERE device_id = ?",
                             [enrollment.device_id]).fetchone()
    if row is not None:
        if row[1] == "revoked":
            raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "Device {device_id} was revoked; a revoked device is never enrolled again. Install Mizan afresh on that PC to get a new device id."), device_id=enrollment.device_id))
        if row[0] != enrollment.signing_public:
            raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "Device {device_id} is enrolled with another key. A changed key is refused: revoke the device, then enroll a fresh installation."), device_id=enrollment.device_id))
        return enrollment
    with session.write() as db:
        db.execute(
            "INSERT INTO devices (device_id, district, device_name, public_key, fingerprint, enrolled_at, enrolled_by) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [enrollment.device_id, enrollment.district, enrollment.device_name, enrollment.signing_public,
             enrollment.fingerprint, utc_now(), session.user])
    return enrollment


def revoke_device(session: Session, device_id: str) -> None:
    """Centre: refuse every later bundle of this device (what it sent before stays).

    The revocation is also appended to the ledger beside the database, inside the transaction: if the
    ledger cannot be written nothing is revoked, and if the commit fails after it the device is revoked
    at the next sign-in (refusing too much is the safe side).
    """
    require(session, "enroll_devices")
    with session.write() as db:
        revoked_at = utc_now()
        cursor = db.execute("UPDATE devices SET status = 'revoked', revoked_at = ? WHERE device_id = ? "
                            "AND status = 'active'", [revoked_at, device_id])
        if cursor.rowcount == 0:
            raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "There is no active device {device_id}."), device_id=device_id))
        row = db.execute(f"SELECT {', '.join(_LEDGER_FIELDS)} FROM devices WHERE device_id = ?", [device_id]).fetchone()
        _append_to_ledger(session, dict(zip(_LEDGER_FIELDS, row, strict=True)) | {"revoked_by": session.user})


# -- the revocation ledger -----------------------------------------------------------------------------

_LEDGER_FIELDS = ("device_id", "district", "device_name", "public_key", "fingerprint", "enrolled_at",
                  "enrolled_by", "revoked_at")


def ledger_line(key: bytes, entry: dict) -> bytes:
    """One ledger line: the revocation and its HMAC under the installation's ledger key."""
    return signed_line(key, entry)


def read_ledger(content: bytes | None, key: bytes | None) -> dict[str, tuple[dict, bytes]]:
    """The authentic revocations in ledger bytes, per device: (entry, its line). Lines that do not carry
    a valid HMAC under the ledger key ``key`` (edited, forged, another installation's) are ignored."""
    return read_signed(content, key, "device_id")


def _append_to_ledger(session: Session, entry: dict) -> None:
    append_line(ledger_path(session.path), ledger_line(ensure_ledger_key(session.db, session.db_key), entry))


def _apply_revocations(db: Database, entries: list[dict]) -> int:
    """Revoke each listed device in ``db``: an active row becomes revoked, a missing one is added revoked
    (so it cannot be enrolled again). Returns how many rows changed; run inside a write transaction."""
    changed = 0
    for entry in entries:
        if not all(isinstance(entry.get(name), str) for name in ("device_id", "district", "public_key")):
            continue
        row = {name: entry.get(name) for name in _LEDGER_FIELDS}
        row["fingerprint"] = row["fingerprint"] or fingerprint(row["public_key"])
        row["device_name"] = row["device_name"] or row["device_id"]
        row["enrolled_at"] = row["enrolled_at"] or utc_now()
        row["enrolled_by"] = row["enrolled_by"] or "(revocation ledger)"
        row["revoked_at"] = row["revoked_at"] or utc_now()
        cursor = db.execute(
            f"INSERT INTO devices ({', '.join(_LEDGER_FIELDS)}, status) VALUES ({', '.join('?' * len(row))}, "
            "'revoked') ON CONFLICT (device_id) DO UPDATE SET status = 'revoked', "
            "revoked_at = coalesce(devices.revoked_at, excluded.revoked_at) WHERE devices.status != 'revoked'",
            list(row.values()))
        changed += cursor.rowcount
    return changed


def reapply_revocations(session: Session) -> int:
    """Centre, at sign-in: make sure every device in the ledger is revoked in the database (after a
    database file was put back by hand, or a commit that failed after its ledger line). Returns changes."""
    path = ledger_path(session.path)
    if not session.is_centre or not path.exists():
        return 0
    entries = [entry for entry, _ in read_ledger(path.read_bytes(), ensure_ledger_key(session.db, session.db_key)).values()]
    revoked = {row[0] for row in session.db.execute("SELECT device_id FROM devices WHERE status = 'revoked'")}
    missing = [entry for entry in entries if entry["device_id"] not in revoked]
    if not missing:
        return 0
    with session.write() as db:
        return _apply_revocations(db, missing)


def carry_revocations_forward(restored: Database, replaced: Database | None, context: RestoreContext) -> None:
    """A restore step (``storage.core.backup.AFTER_RESTORE``): revocations never roll back.

    They come from the ledger beside the database, the backup's own ledger, and the ``devices`` table of
    the database being replaced; each is applied to the restored database, and the merged ledger is
    written beside it (``context.ledger_out``). The centre's keys are carried by
    :func:`sync.keys.carry_centre_keys_forward`, the step before this one.
    """
    live = ledger_path(context.db_path).read_bytes() if ledger_path(context.db_path).exists() else b""
    merged = read_ledger(live, context.ledger_key)
    for device_id, found in read_ledger(context.backup_ledger, context.ledger_key).items():
        merged.setdefault(device_id, found)
    entries = [entry for entry, _ in merged.values()]
    if replaced is not None:
        rows = replaced.execute(f"SELECT {', '.join(_LEDGER_FIELDS)} FROM devices WHERE status = 'revoked'").fetchall()
        for row in rows:
            entry = dict(zip(_LEDGER_FIELDS, row, strict=True))
            if entry["device_id"] not in merged:
                entries.append(entry)
                merged[entry["device_id"]] = (entry, ledger_line(context.ledger_key, entry))
    _apply_revocations(restored, entries)
    content = b"".join(line for _, line in merged.values())
    if content != live:
        context.ledger_out = content


# -- device reports -------------------------------------------------------------------------------------


def device_report(session: Session) -> list[dict]:
    """Every enrolled device: district, fingerprint, status, sequences received, gaps, last bundle and import."""
    require(session, "view")
    received: dict[str, list[int]] = {}
    last_seen: dict[str, str] = {}
    runs_update: dict[str, int] = {}
    for device_id, sequence, imported_at, update in session.db.execute(
            "SELECT device_id, sequence, max(imported_at), max(centre_update) FROM bundles GROUP BY device_id, sequence "
            "ORDER BY sequence"):
        received.setdefault(device_id, []).append(sequence)
        last_seen[device_id] = max(last_seen.get(device_id, imported_at), imported_at)
        runs_update[device_id] = update or 0  # its newest bundle says which centre update it had applied
    devices = []
    rows = session.db.execute("SELECT device_id, district, device_name, fingerprint, status, enrolled_at, revoked_at "
                              "FROM devices ORDER BY district, device_name").fetchall()
    for device_id, district, device_name, print_, status, enrolled_at, revoked_at in rows:
        sequences = received.get(device_id, [])
        # Gaps are the sequence numbers between 1 and the newest received that never arrived.
        missing = sorted(set(range(1, max(sequences) + 1)) - set(sequences)) if sequences else []
        devices.append({"device": device_id, "district": district, "device_name": device_name, "fingerprint": print_,
                        "status": status, "enrolled_at": enrolled_at, "revoked_at": revoked_at,
                        "sequences": sequences, "missing": missing, "last_sequence": max(sequences, default=None),
                        "last_import": last_seen.get(device_id), "centre_update": runs_update.get(device_id)})
    return devices


def device_overview(session: Session) -> list[dict]:
    """Per district (every current district, and any other a device is enrolled for), in catalogue order:
    ``district``, ``name``, ``division``, ``devices`` (as :func:`device_report`: device,
    device_name, fingerprint, status, enrolled_at, revoked_at, sequences, missing, last_sequence,
    last_import), ``last_seen`` (newest import of any of its devices), ``missing`` (device id -> gaps,
    only devices with gaps), ``no_device`` (True when no active device is enrolled), ``centre_update`` (the
    newest centre update any of its PCs had applied when it made its last bundle; None before any bundle)
    and ``updates_written`` (how many updates the centre has written)."""
    require(session, "view")
    by_district: dict[str, list[dict]] = defaultdict(list)
    for device in device_report(session):
        by_district[device["district"]].append(device)
    today = dt.date.today()
    written = session.db.execute("SELECT count(*) FROM centre_updates").fetchone()[0]
    overview = []
    for code, district in session.catalogue.districts.items():
        current = district.validity.valid_to is None or district.validity.valid_to >= today
        devices = by_district.get(code, [])
        if not current and not devices:
            continue
        seen = [device["last_import"] for device in devices if device["last_import"]]
        overview.append({
            "district": code, "name": district.name, "division": district.division, "devices": devices,
            "last_seen": max(seen, default=None),
            "missing": {device["device"]: device["missing"] for device in devices if device["missing"]},
            "no_device": not any(device["status"] == "active" for device in devices),
            "centre_update": max((d["centre_update"] for d in devices if d["centre_update"] is not None), default=None),
            "updates_written": written})
    return overview
