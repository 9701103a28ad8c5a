"""Data-set completion: a supervisor marks an institution's period complete, which locks it for operators.

Imports core, reference and validation only.
"""

from __future__ import annotations

import uuid

from storage.core.clock import utc_now
from storage.core.roles import require
from storage.core.session import Session
from storage.errors import UsageError
from storage.i18n import QT_TRANSLATE_NOOP, say
from storage.reference.periods import parse_period


def locks_bind(session: Session) -> bool:
    """Whether data sets marked complete stop this user's writes: they bind operators only.

    The one statement of that rule: saving, deleting and the entry sheet's read-only note all ask it.
    """
    return session.role == "operator"


def locked_data_sets(session: Session) -> set[tuple[str, str, str]]:
    """(district, institution, period) of every data set marked complete."""
    rows = session.db.execute(
        "SELECT district, institution, period FROM completions WHERE complete = 1 AND deleted = 0").fetchall()
    return {tuple(row) for row in rows}


def set_complete(session: Session, district: str, institution: str, period: str, complete: bool = True) -> None:
    """Mark a data set complete (locks it for operators) or reopen it; supervisors only, audited."""
    require(session, "mark_complete")
    if institution not in session.catalogue.institutions:
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "Unknown institution {institution}; use one of {institutions}."), institution=repr(institution), institutions=', '.join(session.catalogue.institutions)))
    if parse_period(period) is None:
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "{period} is not a period; write it like 2026-10, 2026Q4 or 2026."), period=repr(period)))
    if not session.is_centre and district != session.district:
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "This office marks data sets of {own}, not {district}."), own=session.district, district=district))
    with session.write() as db:
        db.execute(
            "INSERT INTO completions (district, institution, period, complete, marked_by, marked_at, uuid, hlc, "
            "origin_device) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (district, institution, period) DO UPDATE "
            "SET complete = excluded.complete, marked_by = excluded.marked_by, marked_at = excluded.marked_at, "
            "hlc = excluded.hlc, origin_device = excluded.origin_device, deleted = 0",
            [district, institution, period, int(complete), session.user, utc_now(), str(uuid.uuid4()),
             session.clock.now(), session.device_id])


def is_complete(session: Session, district: str, institution: str, period: str) -> bool:
    """Whether one data set is marked complete."""
    return (district, institution, period) in locked_data_sets(session)

