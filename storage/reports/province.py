"""The province at a glance, for the centre's home screen: each district's status per institution for the
year (the progress report's own district x institution summary, so the two never disagree) and where its
data sets stand in approval.

How recent each district's last bundle is lives with the bundles (``sync.devices.device_overview``); the
screen puts the two side by side.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from storage.core.clock import today
from storage.core.roles import require
from storage.core.session import Session
from storage.records.approvals import data_set_states
from storage.records.plan import FINISHED_STATUSES, framework_tree
from storage.reference.periods import parse_period, period_containing
from storage.reports.build import institution_summary, progress_frame, report_districts, resolve_span


@dataclass
class DistrictStanding:
    """One district's row of the province overview."""

    district: str
    # Institution code -> the status of its median indicator (on track, at risk, off track), or None when no
    # indicator of it has both a figure and a target this year.
    statuses: dict[str, str | None] = field(default_factory=dict)
    # Data sets by approval state (submitted = waiting for the centre, returned, approved), this year.
    approvals: Counter = field(default_factory=Counter)


def province_overview(session: Session, year: int, on: dt.date | None = None) -> list[DistrictStanding]:
    """Every district reported on, in catalogue order, with its statuses and approval counts for ``year``."""
    require(session, "view")
    on = on or today()
    span = resolve_span(year, None, on)
    districts = report_districts(session, None)
    frame = progress_frame(session, span, districts, on)
    # The report's frame names each institution for people; the screen keys its columns by code.
    indicators = session.catalogue.indicators
    summary = institution_summary(frame.assign(institution=[indicators[code].institution for code in frame["indicator"]]))
    standings = {district: DistrictStanding(district) for district in districts}
    for row in summary.itertuples(index=False):
        standing = standings.get(row.district)
        if standing is not None:
            standing.statuses[row.institution] = row.status if isinstance(row.status, str) else None
    prefix = str(year)
    for state in data_set_states(session):
        if state.period.startswith(prefix) and state.district in standings:
            standings[state.district].approvals[state.state] += 1
    return list(standings.values())


def activities_due(session: Session, on: dt.date | None = None) -> list[dict]:
    """The Action Plan's activities due by the end of this quarter and not done or dropped: late ones first
    (most days late first), then by due date. Each: code, title, title_ur, department, due_date, status,
    percent, days_late. Empty without a results framework."""
    require(session, "view")
    on = on or today()
    tree = framework_tree(session, on)
    if tree is None:
        return []
    quarter_end = parse_period(period_containing("quarterly", on)).end.isoformat()
    due = [activity for objective in tree["objectives"] for output in objective["outputs"]
           for activity in output["activities"]
           if activity["status"] not in FINISHED_STATUSES and activity["due_date"] <= quarter_end]
    return sorted(due, key=lambda activity: (-activity["days_late"], activity["due_date"], activity["code"]))
