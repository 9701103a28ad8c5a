"""The centre's updates: one signed file that carries the province's current state back to every district.

Data flows from districts to the centre in bundles; an update is the way back, over the same USB stick.
``update export`` at the centre writes the next numbered file, ``centre-update-<sequence>.mizan-update``;
``update import`` at a district checks the centre's signature against the key the office trusts, then applies
everything in one transaction, or nothing. Each update holds the full current state of what it carries, so
the newest one alone is enough: a district that missed update 3 applies 4 and has all of it; an update
that is not newer than the last one applied is a duplicate and changes nothing.

What it carries (this step): the targets of every district and year, the receipts of every device's
bundles (one file instead of a receipt per device), the revoked devices, the policy the centre sets for
every office (how many automatic backups to keep, how soon an idle window locks, how long a password must
be: storage/core/policy.py) and the centre's decisions on data sets (approved,
returned, reopened: storage/records/approvals.py) and every desk (a desk the centre adds reaches its
district), and the catalogue when the centre loaded a newer one than the shipped (storage/core/catalogues.py).

The file is signed (Ed25519, the centre's bundle-signing key) but not encrypted: it holds no personal
data (targets, bundle ids, device ids and settings), every district must read it, and encrypting it to
each district's key would protect nothing that a district may not already see, while a signature is what
stops a forged or altered file. See docs/bundle-format.md.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from storage.core.catalogues import (
    SHIPPED_SEQUENCE,
    catalogue_files,
    checked_successor,
    parsed,
    store_catalogue,
    stored_sequence,
)
from storage.core.clock import is_hlc, iso_millis, utc_now
from storage.core.files import write_atomically
from storage.core.policy import checked_policy, current_policy, policy_applied
from storage.core.roles import require
from storage.core.session import Session
from storage.errors import UsageError
from storage.i18n import QT_TRANSLATE_NOOP, say
from storage.records.approvals import APPROVAL_FIELDS, DECISIONS, all_decisions, decisions_applied
from storage.records.desk import all_desks, desks_applied
from storage.records.targets import centre_targets_applied
from storage.reference.catalogue import Catalogue
from storage.validation import TargetInput, check_target
from sync.bundle import BundleRejected, canonical_json
from sync.keys import age_recipient, centre_fingerprint, sign, signing_public_key
from sync.receipts import SignedFileWords, acknowledge_bundles, output_folder, read_signed_by_centre
from sync.schema import SPECS, shape_problem

UPDATE_WORDS = SignedFileWords(
    QT_TRANSLATE_NOOP("errors", "{file} is too large to be a centre update."),
    QT_TRANSLATE_NOOP("errors", "{file} is not a Mizan centre update ({error})."),
    QT_TRANSLATE_NOOP("errors", "{file} is not signed by the centre this office trusts ({fingerprint}). It comes from another centre or was altered; nothing was applied."))
UPDATE_FORMAT = "mizan-update"
UPDATE_VERSION = 1
UPDATE_SUFFIX = ".mizan-update"
MAX_UPDATE_BYTES = 64 * 1024 * 1024  # a province's targets for every year are a few hundred KB
TARGET_FIELDS = ("indicator", "district", "year", "target", "set_by", "set_at", "uuid", "hlc", "origin_device",
                 "deleted", "catalogue_version")
# A target of an update from before targets kept their catalogue version lacks it: it reads as empty.
_TARGET_FIELDS_BEFORE = frozenset(TARGET_FIELDS) - {"catalogue_version"}


@dataclass
class UpdateResult:
    """What :func:`export_update` wrote: the file, its sequence number and how many of each kind it holds."""

    path: Path
    sequence: int
    catalogue_version: str
    contents: dict[str, int]

    def as_dict(self) -> dict:
        """As ``update export --json`` shows it."""
        return {"update": str(self.path), "sequence": self.sequence, "catalogue_version": self.catalogue_version,
                "contents": self.contents}


def update_file_name(sequence: int) -> str:
    """``centre-update-<sequence>.mizan-update``."""
    return f"centre-update-{sequence}{UPDATE_SUFFIX}"


# -- the centre ----------------------------------------------------------------------------------------


def _targets(session: Session) -> list[dict]:
    columns = ", ".join(TARGET_FIELDS)
    rows = session.db.execute(f"SELECT {columns} FROM targets ORDER BY district, indicator, year").fetchall()
    return [dict(zip(TARGET_FIELDS, row, strict=True)) for row in rows]


def _receipts(session: Session) -> dict[str, list[dict]]:
    receipts: dict[str, list[dict]] = {}
    for device_id, bundle_id, sequence, hlc_high in session.db.execute(
            "SELECT device_id, bundle_id, sequence, hlc_high FROM bundles ORDER BY device_id, sequence, bundle_id"):
        receipts.setdefault(device_id, []).append({"bundle_id": bundle_id, "sequence": sequence, "hlc_high": hlc_high})
    return receipts


def _revoked(session: Session) -> list[dict]:
    return [{"device_id": device_id, "district": district, "revoked_at": revoked_at}
            for device_id, district, revoked_at in session.db.execute(
                "SELECT device_id, district, revoked_at FROM devices WHERE status = 'revoked' ORDER BY device_id")]


def export_update(session: Session, out_dir: str | Path) -> UpdateResult:
    """Centre: write the next numbered update for the whole province into ``out_dir`` (atomically)."""
    require(session, "send_updates")
    if not session.is_centre:
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "Updates are written by the provincial centre; a district office imports them (`update import`).")))
    out_dir = output_folder(out_dir)
    with session.write() as db:
        sequence = (db.execute("SELECT max(sequence) FROM centre_updates").fetchone()[0] or 0) + 1
        update = {
            "format": UPDATE_FORMAT, "format_version": UPDATE_VERSION,
            "centre": centre_fingerprint(age_recipient(session), signing_public_key(session)),
            "centre_device": session.device_id, "sequence": sequence, "made_at": utc_now(), "made_by": session.user,
            "catalogue_version": session.catalogue.version, "targets": _targets(session),
            "receipts": _receipts(session), "revoked_devices": _revoked(session),
            "policy": current_policy(db), "approvals": all_decisions(session),
            "desks": all_desks(session),
        }
        if stored_sequence(db) > SHIPPED_SEQUENCE:  # a catalogue the centre loaded: every district needs it
            # From the database, not this session: the admin may have loaded it since this clerk signed in.
            files = catalogue_files(db)
            update["catalogue"] = {"sequence": stored_sequence(db), "version": files["catalogue_version.txt"].strip(),
                                   "files": files}
            update["catalogue_version"] = update["catalogue"]["version"]
        contents = {"targets": len(update["targets"]), "receipts": sum(map(len, update["receipts"].values())),
                    "revoked_devices": len(update["revoked_devices"]), "policy": len(update["policy"]),
                    "approvals": len(update["approvals"]), "desks": len(update["desks"]),
                    "catalogue": stored_sequence(db)}
        content = json.dumps({"update": update, "signature": sign(session, canonical_json(update))},
                             ensure_ascii=False, indent=1) + "\n"
        path = out_dir / update_file_name(sequence)
        # Written before the row commits: a failed write leaves no sequence used; a failed commit leaves a file
        # whose sequence the next export writes again (a district applies whichever comes, once).
        write_atomically(path, content)
        db.execute("INSERT INTO centre_updates (sequence, made_at, made_by, file_name, sha256, contents) "
                   "VALUES (?, ?, ?, ?, ?, ?)",
                   [sequence, update["made_at"], session.user, path.name,
                    hashlib.sha256(content.encode("utf-8")).hexdigest(), json.dumps(contents, sort_keys=True)])
    return UpdateResult(path, sequence, update["catalogue_version"], contents)


# -- a district ------------------------------------------------------------------------------------------


class _DryRun(Exception):
    """Raised inside a dry run's transaction so that everything it wrote is rolled back."""


def _refused(path: Path, reason: str) -> BundleRejected:
    return BundleRejected(say("errors", QT_TRANSLATE_NOOP("errors", "{file} was not applied: {reason}"), file=path.name, reason=reason))


def read_update(session: Session, path: str | Path) -> dict:
    """The update in ``path``, once its signature is the trusted centre's and its form is right; else
    :class:`BundleRejected` (exit code 5), with nothing applied."""
    path = Path(path)
    update = read_signed_by_centre(session, path, "update", MAX_UPDATE_BYTES, UPDATE_WORDS)
    shapes = {"format": str, "format_version": int, "centre_device": str, "sequence": int, "made_at": str,
              "catalogue_version": str, "targets": list, "receipts": dict, "revoked_devices": list, "policy": dict}
    wrong = [name for name, kind in shapes.items() if not isinstance(update.get(name), kind)
             or isinstance(update.get(name), bool)]
    if update.get("format") != UPDATE_FORMAT or wrong or update["sequence"] < 1:
        raise _refused(path, say("errors", QT_TRANSLATE_NOOP("errors", "its form is not one this Mizan reads ({fields})."), fields=", ".join(wrong) or "format"))
    if update["format_version"] > UPDATE_VERSION:
        raise _refused(path, say("errors", QT_TRANSLATE_NOOP("errors", "it was made by a newer Mizan (format {version}); install the newer Mizan first."), version=update["format_version"]))
    return update


def last_applied_update(session: Session) -> int:
    """The sequence of the newest update applied here (0: none yet)."""
    return session.db.execute("SELECT max(sequence) FROM applied_updates").fetchone()[0] or 0


def _new_catalogue(session: Session, update: dict, path: Path) -> tuple[dict, Catalogue, dict] | None:
    """The update's catalogue when it is newer than the one held here: (its files, it, what changed);
    checked as a successor (no code dropped). None when the update has none newer."""
    carried = update.get("catalogue")
    if carried is None:
        return None
    if (not isinstance(carried, dict) or not isinstance(carried.get("sequence"), int)
            or not isinstance(carried.get("files"), dict)
            or not all(isinstance(name, str) and isinstance(text, str) for name, text in carried["files"].items())):
        raise _refused(path, say("errors", QT_TRANSLATE_NOOP("errors", "its catalogue is not in the form this Mizan reads.")))
    if carried["sequence"] <= stored_sequence(session.db):
        return None
    try:
        successor, changes = checked_successor(session.db, carried["files"])
    except UsageError as error:
        raise _refused(path, str(error)) from error
    return carried["files"], successor, changes


def _own_targets(session: Session, update: dict, path: Path, catalogue: Catalogue) -> list[dict]:
    """The update's targets of this district, each checked by the same rules as a target typed here (with
    the catalogue the update brings, when it brings one)."""
    own: list[dict] = []
    for target in update["targets"]:
        if isinstance(target, dict) and set(target) == _TARGET_FIELDS_BEFORE:
            target["catalogue_version"] = None
        if not isinstance(target, dict) or set(target) != set(TARGET_FIELDS):
            raise _refused(path, say("errors", QT_TRANSLATE_NOOP("errors", "a target in it is not in the form this Mizan reads.")))
        if target["district"] != session.district:
            continue  # another district's: not this office's to keep
        if not target["deleted"]:
            _, problems = check_target(catalogue, session.district, TargetInput(
                target["indicator"], target["district"], target["year"], target["target"]))
            if problems:
                raise _refused(path, problems[0].message)
        if (iso_millis(target["set_at"]) is None or not is_hlc(target["hlc"]) or not isinstance(target["uuid"], str)
                or not isinstance(target["set_by"], str) or not isinstance(target["origin_device"], str)
                or not isinstance(target["catalogue_version"], str | None)):
            raise _refused(path, say("errors", QT_TRANSLATE_NOOP("errors", "a target in it is not in the form this Mizan reads.")))
        own.append(target)
    return own


def _own_decisions(session: Session, update: dict, path: Path) -> list[dict]:
    """The update's decisions on this district's data sets (an update of a Mizan before approvals has none)."""
    decisions = update.get("approvals", [])
    shaped = isinstance(decisions, list) and all(
        isinstance(d, dict) and set(d) == set(APPROVAL_FIELDS) and d["decision"] in DECISIONS
        and all(isinstance(d[name], str) for name in ("district", "institution", "period", "decided_by", "decided_at"))
        and all(d[name] is None or isinstance(d[name], str) for name in ("answers", "reason"))
        for d in decisions)
    if not shaped:
        raise _refused(path, say("errors", QT_TRANSLATE_NOOP("errors", "its approval decisions are not in the form this Mizan reads.")))
    return [d for d in decisions if d["district"] == session.district]


def _own_desks(session: Session, update: dict, path: Path) -> list[dict]:
    """The update's desks of this district, each shaped as a bundle's desk record (an update of a Mizan
    before desks travelled has none)."""
    desks = update.get("desks", [])
    if not isinstance(desks, list) or not all(isinstance(desk, dict) for desk in desks):
        raise _refused(path, say("errors", QT_TRANSLATE_NOOP("errors", "its desks are not in the form this Mizan reads.")))
    own = [desk for desk in desks if desk.get("district") == session.district]
    for desk in own:
        if shape_problem(SPECS["desks"], desk, minimal_tombstone_ok=False) or not is_hlc(desk["hlc"]):
            raise _refused(path, say("errors", QT_TRANSLATE_NOOP("errors", "its desks are not in the form this Mizan reads.")))
    return own


def import_update(session: Session, path: str | Path, *, dry_run: bool = False) -> dict:
    """District: apply a centre update in one transaction (or, ``dry_run``, say what it would change).

    Returns the report ``update import --json`` prints: ``status`` applied or duplicate, the sequence, and
    what changed. A forged, damaged or foreign file raises :class:`BundleRejected` and changes nothing.
    """
    require(session, "apply_updates")
    if session.is_centre:
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "`update import` is for district offices; the centre writes updates (`update export`).")))
    path = Path(path)
    update = read_update(session, path)
    report = {"status": "applied", "reason": None, "sequence": update["sequence"],
              "catalogue": {"from": session.catalogue.version, "to": update["catalogue_version"]},
              "targets": {"new": 0, "changed": 0, "removed": 0}, "policy": {}, "receipts": 0,
              "approvals": {"approved": 0, "returned": 0}, "desks": {"new": 0, "changed": 0},
              "revoked": [], "dry_run": dry_run}
    last = last_applied_update(session)
    if update["sequence"] <= last:
        report.update(status="duplicate", reason=say("errors", QT_TRANSLATE_NOOP("errors", "update {sequence} is not newer than update {last}, applied here already; nothing changed."), sequence=update["sequence"], last=last))
        return report
    catalogue = _new_catalogue(session, update, path)
    if catalogue is not None:
        report["catalogue"] = {"from": session.catalogue.version, "to": catalogue[1].version, **catalogue[2]}
    targets = _own_targets(session, update, path, catalogue[1] if catalogue else session.catalogue)
    decisions = _own_decisions(session, update, path)
    desks = _own_desks(session, update, path)
    own_receipts = update["receipts"].get(session.device_id, [])
    if not isinstance(own_receipts, list) or not all(isinstance(b, dict) and isinstance(b.get("bundle_id"), str)
                                                     for b in own_receipts):
        raise _refused(path, say("errors", QT_TRANSLATE_NOOP("errors", "its receipts are not in the form this Mizan reads.")))
    try:
        policy = checked_policy(update["policy"])
    except UsageError as error:
        raise _refused(path, str(error)) from error
    report["revoked"] = sorted(str(entry.get("device_id")) for entry in update["revoked_devices"] if isinstance(entry, dict))
    try:
        with session.write() as db:
            if catalogue is not None:
                store_catalogue(db, catalogue[0], catalogue[1].version, f"centre update {update['sequence']}",
                                utc_now(), update["catalogue"]["sequence"])
            report["targets"] = centre_targets_applied(session, targets, update["centre_device"])
            report["receipts"] = acknowledge_bundles(db, [b["bundle_id"] for b in own_receipts], update["made_at"])
            report["approvals"] = decisions_applied(session, decisions)
            report["desks"] = desks_applied(session, desks)
            report["policy"] = policy_applied(db, policy, f"centre update {update['sequence']}")
            db.execute("INSERT INTO applied_updates (sequence, made_at, applied_at, applied_by, sha256, report) "
                       "VALUES (?, ?, ?, ?, ?, ?)",
                       [update["sequence"], update["made_at"], utc_now(), session.user,
                        hashlib.sha256(path.read_bytes()).hexdigest(), json.dumps(report, sort_keys=True)])
            if dry_run:
                raise _DryRun  # roll the transaction back: the report says what it would have changed
    except _DryRun:
        pass
    else:
        if catalogue is not None:  # committed: this session works with the new catalogue from now on
            session.catalogue = parsed(catalogue[0])
            session.installation["catalogue_version"] = catalogue[1].version
    if session.device_id in report["revoked"]:
        report["reason"] = say("errors", QT_TRANSLATE_NOOP("errors", "The centre has revoked this PC: it refuses this PC's bundles. Install Mizan afresh and enroll again."))
    return report
