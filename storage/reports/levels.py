"""The level a report adds its figures up to: province, division, district (as stored) or desk.

Which units there are and which districts (or desks) each holds is the org-unit tree's
(:mod:`storage.reference.org_units`, catalogue data); the rules for adding figures up stay in
:mod:`storage.reports.build` (one code path for every level). This module only says, for a session and a
span, which units a report shows and where a closed desk's records stop counting.

Only a desk's close date cuts its records off. Its opening date (the seed desks': the month the public
record gives, May 2024) does not: a record dated before it (a pilot, a date typed wrong) is kept and shown
rather than silently dropped, and the validation rules are where such a date would be questioned.
"""

from __future__ import annotations

from storage.core.session import Session
from storage.errors import UsageError
from storage.i18n import QT_TRANSLATE_NOOP, say
from storage.reference.org_units import LEVELS, OrgTree, OrgUnit, org_tree

DEFAULT_LEVEL = "district"


def checked_level(session: Session, level: str | None) -> str:
    """``level`` (default :data:`DEFAULT_LEVEL`), refused when unknown or, at a district office, above the
    district: its database holds its own district only, so a division or province figure would be that
    district's alone under another name."""
    level = (level or DEFAULT_LEVEL).strip().lower()
    if level not in LEVELS:
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "Unknown level {level}; choose one of {levels}."),
                             level=repr(level), levels=", ".join(LEVELS)))
    if not session.is_centre and level in ("province", "division"):
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "This office holds {own}'s figures only: report at the district or desk level."),
                             own=session.district))
    return level


def levels_for(session: Session) -> tuple[str, ...]:
    """The levels this installation can report at (:func:`checked_level` refuses the others)."""
    return LEVELS if session.is_centre else tuple(level for level in LEVELS if level not in ("province", "division"))


def report_tree(session: Session) -> OrgTree:
    """The org-unit tree with this installation's desks (those a supervisor added included)."""
    desks = [dict(zip(("code", "name", "district", "opened"), row, strict=True)) for row in session.db.execute(
        "SELECT code, name, district, opened FROM desks WHERE deleted = 0")]
    return org_tree(session.catalogue, desks)


def desks_open_in(tree: OrgTree, districts: list[str], start, end) -> list[OrgUnit]:
    """The desks of ``districts`` open at some time between ``start`` and ``end`` (dates)."""
    return [desk for desk in tree.desks_in(districts)
            if (desk.validity.valid_to is None or desk.validity.valid_to >= start)]


def closed_desks(session: Session) -> dict[str, str]:
    """{desk: its close date (ISO)} of the desks the catalogue has closed."""
    return {row["code"]: row["closed"] for row in session.catalogue.seed_desks if row.get("closed")}


def after_close_sql(session: Session, date_column: str) -> tuple[str, list]:
    """An ``AND ...`` condition leaving out records at a closed desk dated after its close (the desk's figures
    count only within its open span); empty when no desk is closed. ``date_column`` is trusted text."""
    closed = closed_desks(session)
    if not closed:
        return "", []
    conditions = " OR ".join(f"(desk = ? AND {date_column} > ?)" for _ in closed)
    return f" AND NOT ({conditions})", [part for code, day in closed.items() for part in (code, day)]
