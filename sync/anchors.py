"""Audit anchors: a district's audit history, pinned at the centre bundle by bundle.

Whoever holds a district's database key can change an audit row and recompute the seals, and the PC's own
``audit verify`` then passes. What they cannot change is what the centre was already shown. Every bundle's
manifest (signed by the PC's enrolled key) carries an ``audit`` field:

* ``head``: the chain's head when the bundle was made, ``{"entry": <last audit row id>, "digest": <hex>}``,
  recomputed from the rows themselves (:func:`storage.core.audit.chain_digests`), never read from the seals;
* ``checkpoints``: for each earlier bundle of this PC (the last :data:`MAX_CHECKPOINTS`), the entry its head
  named and the digest the chain has *now* at that entry, ``{"bundle": n, "entry": e, "digest": d}``.

An honest chain only grows, so the digest at an entry never changes and every bundle repeats the same
history. The centre keeps every (bundle number -> entry, digest) a PC told it, the first word standing
(``audit_anchors``), and checks each new bundle against it (:func:`check_bundle_anchor`): a digest that
differs at a known entry means the history was **rewritten**; a bundle number made again with another
head, a known bundle missing from the checkpoints, or a chain shorter than one shown before means the PC
went back to an older copy of its database (**rolled back**). A finding is kept (``audit_anchor_findings``),
the import warns naming the district and PC, and ``audit verify`` at the centre reports it. The records
still go through every import check and are merged as usual: a warning, not a refusal, because the records
themselves are judged on their own and refusing them would only hide the district's work from the centre.

Limits (docs/security.md, "Audit anchors"): history rewritten before the PC's first bundle with an anchor,
or after its last one, is never compared; someone who writes bundles with the PC's signing key by hand
(it is in the same database) can repeat the old digests; the centre's own chain is anchored by nothing.
A restore of the centre keeps the anchors and findings received after the backup
(:func:`carry_anchors_forward`).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from storage.core import audit
from storage.core.backup import RestoreContext
from storage.core.clock import utc_now
from storage.core.session import Session
from storage.i18n import QT_TRANSLATE_NOOP, say
from sync.bundle import MAX_AUDIT_CHECKPOINTS

if TYPE_CHECKING:
    from sqlite_utils import Database  # annotations only: sqlite-utils loads with the first connection

# How many earlier bundles' heads a bundle repeats (sync/bundle.py refuses more): a PC that exports every day
# for five years stays under it; bench/bench_anchor.py measures a manifest with 1,000.
MAX_CHECKPOINTS = MAX_AUDIT_CHECKPOINTS


def export_anchor(session: Session) -> dict:
    """The manifest's ``audit`` field for the bundle being made: the chain's head now, and the digest the
    chain has now at each earlier bundle's head (one pass over the audit log)."""
    rows = session.db.execute("SELECT sequence, audit_entry FROM exports WHERE audit_entry IS NOT NULL "
                              "ORDER BY sequence DESC LIMIT ?", [MAX_CHECKPOINTS]).fetchall()
    head, digests = audit.chain_digests(session.db, [entry for _, entry in rows])
    return {"head": {"entry": head.entry, "digest": head.digest},
            "checkpoints": [{"bundle": sequence, "entry": entry, "digest": digests[entry]}
                            for sequence, entry in reversed(rows)]}


def _told(manifest: dict) -> dict[int, tuple[int, str]]:
    """What a bundle says about its PC's history: bundle number -> (entry, digest), its own head included."""
    anchor = manifest["audit"]
    told = {point["bundle"]: (point["entry"], point["digest"]) for point in anchor["checkpoints"]}
    told[manifest["sequence"]] = (anchor["head"]["entry"], anchor["head"]["digest"])
    return told


def check_bundle_anchor(session: Session, manifest: dict, district: str, device_name: str) -> list[str]:
    """At the centre, inside the bundle's import transaction: compare what the bundle says about its PC's audit
    history with what earlier bundles said, keep a finding when they disagree, and remember what is new.

    Returns the warning to show (empty when the history holds). ``district`` and ``device_name`` are the ones
    this centre enrolled the PC with.
    """
    device_id, sequence, bundle_id = manifest["device_id"], manifest["sequence"], manifest["bundle_id"]
    known = {row[0]: (row[1], row[2], row[3]) for row in session.db.execute(
        "SELECT bundle_sequence, audit_entry, digest, told_by_bundle FROM audit_anchors WHERE device_id = ?",
        [device_id])}
    problems: list[tuple[int, str, str]] = []  # (since bundle, kind, what was found)
    # A bundle without the field (made by a Mizan before anchors) says nothing about the history: nothing to
    # compare. Leaving it out of a bundle written by hand proves nothing either: whoever can sign one with the
    # PC's key can as well repeat the digests it sent before (the PC keeps them in ``exports``).
    told = _told(manifest) if "audit" in manifest else {}
    if told:
        head_entry = manifest["audit"]["head"]["entry"]
        for number, (entry, digest) in sorted(told.items()):
            if number not in known:
                continue
            known_entry, known_digest, _ = known[number]
            if entry != known_entry:
                problems.append((number, "rolled_back", say("anchors", QT_TRANSLATE_NOOP("anchors", "bundle {number} was made again with another history (audit entry {entry} instead of {known_entry}): the PC went back to an older copy of its database"), number=number, entry=entry, known_entry=known_entry)))
            elif digest != known_digest:
                problems.append((number, "rewritten", say("anchors", QT_TRANSLATE_NOOP("anchors", "the audit entries up to {entry}, which bundle {number} showed, have changed since"), entry=entry, number=number)))
        for number, (known_entry, _, _) in sorted(known.items()):
            if number >= sequence or number in told:
                continue
            if known_entry > head_entry:
                problems.append((number, "rolled_back", say("anchors", QT_TRANSLATE_NOOP("anchors", "its audit log now ends at entry {entry}, before entry {known_entry} that bundle {number} showed"), entry=head_entry, known_entry=known_entry, number=number)))
            elif number >= sequence - MAX_CHECKPOINTS:
                problems.append((number, "rolled_back", say("anchors", QT_TRANSLATE_NOOP("anchors", "the PC no longer knows its bundle {number}: it went back to an older copy of its database"), number=number)))
    now = utc_now()
    # The first word on each bundle number stands: a rewritten history does not replace what was shown before.
    session.db.conn.executemany(
        "INSERT OR IGNORE INTO audit_anchors (device_id, bundle_sequence, district, audit_entry, digest, "
        "told_by_bundle, received_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(device_id, number, district, entry, digest, bundle_id, now) for number, (entry, digest) in told.items()])
    if not problems:
        return []
    since, kind, detail = min(problems)
    if len(problems) > 1:
        detail = say("anchors", QT_TRANSLATE_NOOP("anchors", "{detail}; and {more} more"), detail=detail, more=len(problems) - 1)
    session.db.execute(
        "INSERT INTO audit_anchor_findings (device_id, district, device_name, bundle_id, bundle_sequence, "
        "since_sequence, kind, detail, found_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [device_id, district, device_name, bundle_id, sequence, since, kind, detail, now])
    return [finding_message(district, device_name, since, detail)]


def finding_message(district: str, device_name: str, since: int, detail: str) -> str:
    """The warning about a district PC whose audit history changed, as the import and ``audit verify`` say it."""
    return say("anchors", QT_TRANSLATE_NOOP("anchors", "District {district}, PC '{device}': its audit history was rewritten or rolled back since bundle {since} ({detail}). Its records were imported and checked as usual; ask the district office what happened to the PC and its database."), district=district, device=device_name, since=since, detail=detail)


def anchor_findings(session: Session) -> list[dict]:
    """At the centre: each district PC whose audit history was found rewritten or rolled back, the earliest
    finding first per PC, with how many bundles disagreed since. A district installation has none.

    Added to :data:`storage.views.audit_trail.DISTRICT_CHECKS` by :mod:`sync.hooks`: ``audit verify`` and the
    audit screen report them. A cheap read of stored findings, no chain is recomputed here.
    """
    if not session.is_centre:
        return []
    rows = session.db.execute(
        "SELECT device_id, district, device_name, min(since_sequence), count(*), max(found_at), "
        "group_concat(DISTINCT kind) FROM audit_anchor_findings GROUP BY device_id ORDER BY district, device_name"
    ).fetchall()
    findings = []
    for device_id, district, device_name, since, bundles, last_found, kinds in rows:
        detail = session.db.execute(
            "SELECT detail FROM audit_anchor_findings WHERE device_id = ? ORDER BY since_sequence, id LIMIT 1",
            [device_id]).fetchone()[0]
        findings.append({"district": district, "device_id": device_id, "device_name": device_name,
                         "since_sequence": since, "kinds": sorted(kinds.split(",")), "bundles": bundles,
                         "last_found_at": last_found,
                         "message": finding_message(district, device_name, since, detail)})
    return findings


_ANCHOR_COLUMNS = "device_id, bundle_sequence, district, audit_entry, digest, told_by_bundle, received_at"
_FINDING_COLUMNS = ("device_id, district, device_name, bundle_id, bundle_sequence, since_sequence, kind, detail, "
                    "found_at")


def _has_anchors(db: Database) -> bool:
    return db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_anchor_findings'"
                      ).fetchone() is not None


def carry_anchors_forward(restored: Database, replaced: Database | None, context: RestoreContext) -> None:
    """A restore step (``storage.core.backup.AFTER_RESTORE``): what the centre was shown never rolls back.

    Anchors and findings the replaced database holds and the backup lacks (received after the backup was
    made) are kept, so a district named before the restore stays named and its history is still compared
    with what it showed first. Nothing to carry when either database predates anchors.
    """
    del context
    if replaced is None or not (_has_anchors(restored) and _has_anchors(replaced)):
        return
    restored.conn.executemany(
        f"INSERT OR IGNORE INTO audit_anchors ({_ANCHOR_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)",
        replaced.execute(f"SELECT {_ANCHOR_COLUMNS} FROM audit_anchors").fetchall())
    held = set(restored.execute("SELECT bundle_id, since_sequence, kind FROM audit_anchor_findings").fetchall())
    later = [row for row in replaced.execute(f"SELECT {_FINDING_COLUMNS} FROM audit_anchor_findings ORDER BY id")
             if (row[3], row[5], row[6]) not in held]
    restored.conn.executemany(
        f"INSERT INTO audit_anchor_findings ({_FINDING_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", later)


def bundle_warnings(session: Session, bundle_id: str) -> list[str]:
    """What the import of a bundle warned about, as stored with it."""
    row = session.db.execute("SELECT warnings FROM bundles WHERE bundle_id = ?", [bundle_id]).fetchone()
    return json.loads(row[0]) if row and row[0] else []
