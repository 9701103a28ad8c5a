"""Data-set completion: a supervisor marks an institution's period complete, which locks it for operators,
and submits it to the centre (whose decision is :mod:`storage.records.approvals`).

Imports core, reference and validation only.
"""

from __future__ import annotations

import uuid

from sqlite_utils import Database

from storage.core.clock import utc_now
from storage.core.roles import require
from storage.core.session import Session
from storage.errors import UsageError
from storage.i18n import QT_TRANSLATE_NOOP, say
from storage.records.approvals import approved_data_sets, data_set_states
from storage.reference.periods import parse_period


def locks_bind(session: Session) -> bool:
    """Whether data sets marked complete stop this user's writes: they bind operators only.

    The one statement of that rule: saving, deleting and the entry sheet's read-only note all ask it.
    """
    return session.role == "operator"


def locked_data_sets(session: Session) -> set[tuple[str, str, str]]:
    """(district, institution, period) of every data set marked complete, but those the centre returned:
    a returned set is open to its operators again (storage.records.approvals)."""
    return {(state.district, state.institution, state.period) for state in data_set_states(session)
            if state.state in ("complete", "submitted", "approved")}


def set_complete(session: Session, district: str, institution: str, period: str, complete: bool = True) -> None:
    """Mark a data set complete (locks it for operators) or reopen it; supervisors only, audited."""
    require(session, "mark_complete")
    if institution not in session.catalogue.institutions:
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "Unknown institution {institution}; use one of {institutions}."), institution=repr(institution), institutions=', '.join(session.catalogue.institutions)))
    if parse_period(period) is None:
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "{period} is not a period; write it like 2026-10, 2026Q4 or 2026."), period=repr(period)))
    if not session.is_centre and district != session.district:
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "This office marks data sets of {own}, not {district}."), own=session.district, district=district))
    _refuse_if_approved(session, district, institution, period)
    with session.write() as db:
        _write_completion(session, db, district, institution, period, complete, submitted=False)


def _refuse_if_approved(session: Session, district: str, institution: str, period: str) -> None:
    approved = approved_data_sets(session).get((district, institution, period))
    if approved is not None:
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "The {institution} data set of {district} for {period} was approved on {day} by {name}: ask the centre to reopen it."), institution=institution, district=district, period=period, day=approved[0], name=approved[1]))


def _write_completion(session: Session, db: Database, district: str, institution: str, period: str, complete: bool, *,
                      submitted: bool) -> None:
    """Mark (or reopen) one data set. Submitting stamps ``submitted_at``; reopening withdraws a submission
    (the centre then has nothing to decide); marking complete again keeps the submission as it was."""
    submitted_at = utc_now() if submitted else None
    keep_submission = "submitted_at" if complete else "NULL"
    db.execute(
        "INSERT INTO completions (district, institution, period, complete, marked_by, marked_at, uuid, hlc, "
        "origin_device, submitted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (district, institution, period) "
        "DO UPDATE SET complete = excluded.complete, marked_by = excluded.marked_by, marked_at = excluded.marked_at, "
        "hlc = excluded.hlc, origin_device = excluded.origin_device, deleted = 0, submitted_at = "
        f"{'excluded.submitted_at' if submitted else keep_submission}",
        [district, institution, period, int(complete), session.user, utc_now(), str(uuid.uuid4()),
         session.clock.now(), session.device_id, submitted_at])


def submit_data_sets(session: Session, district: str, institution: str, periods: list[str]) -> None:
    """Submit data sets to the centre (each marked complete already): they travel in the next bundle and
    wait for the centre's decision. Supervisors only, audited, all in one transaction."""
    require(session, "mark_complete")
    if session.is_centre:
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "Data sets are submitted by district offices; the centre approves or returns them.")))
    for period in periods:
        _refuse_if_approved(session, district, institution, period)
    with session.write() as db:
        for period in periods:
            _write_completion(session, db, district, institution, period, True, submitted=True)


def is_complete(session: Session, district: str, institution: str, period: str) -> bool:
    """Whether one data set is marked complete."""
    return (district, institution, period) in locked_data_sets(session)

