"""The dashboard's figures: next steps (what is missing, what to mark complete, follow-ups, bundles,
warnings) and the desk cases reported this month and last.

Reads sync's tables (the bundles sent and acknowledged) with SQL of its own: storage never imports sync.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from storage.core.clock import today
from storage.core.roles import allowed, require
from storage.core.session import Session
from storage.i18n import QT_TRANSLATE_NOOP
from storage.records.approvals import data_set_states
from storage.records.values import check_indicator_values, list_indicator_values
from storage.reference.due import last_complete_period
from storage.reference.periods import parse_period, shift
from storage.reports.suppression import protect
from storage.validation import ValueInput
from storage.views.completeness import completeness


@dataclass(frozen=True)
class NextStep:
    """One thing to do: ``template`` (marked for translation, context "next_steps") and its ``params``."""

    kind: str
    template: str
    params: dict

    @property
    def text(self) -> str:
        return self.template.format(**self.params)
STEP_RETURNED = QT_TRANSLATE_NOOP("next_steps", "The centre returned {institution} {period}: {reason}")
STEP_MISSING = QT_TRANSLATE_NOOP("next_steps", "{institution}: {count} of {total} indicators not entered for {period}")
STEP_PARTIAL = QT_TRANSLATE_NOOP("next_steps", "{institution}: {count} of {total} indicators partly entered for {period}")
STEP_MARK = QT_TRANSLATE_NOOP("next_steps", "{institution} {period} is fully entered: mark it complete")
STEP_FOLLOWUP = QT_TRANSLATE_NOOP("next_steps", "{count} open desk cases have a follow-up date on or before {date}")
STEP_UNACKNOWLEDGED = QT_TRANSLATE_NOOP(
    "next_steps", "Bundle {sequence} ({file}, made {made}) is not yet acknowledged by the centre")
STEP_NO_BUNDLE = QT_TRANSLATE_NOOP("next_steps", "No bundle has been sent to the centre yet")
STEP_CHECK_LATER = QT_TRANSLATE_NOOP("next_steps", "Figures saved to check later: {count}. Correct them or add a comment "
                                                  "saying why they are right")
STEP_WARNINGS = QT_TRANSLATE_NOOP("next_steps", "Unusual figures (warnings) in the last two months: {count}. Check "
                                           "them and their comments")


def next_steps(session: Session, on: dt.date | None = None, months: int = 2) -> list[NextStep]:
    """What to do next at this office, most pressing first.

    Gaps in the last ``months`` complete months' sheets; for supervisors, fully entered sheets not yet
    marked complete; open desk cases whose follow-up is due (staff who see cases only); and the last
    bundle if the centre has not acknowledged it.
    """
    require(session, "view")
    on = on or today()
    steps: list[NextStep] = []
    district = session.district
    if district is not None:
        # The centre's questions first: a returned data set waits on this office.
        for state in data_set_states(session, district):
            if state.state == "returned":
                institution = session.catalogue.institutions.get(state.institution)
                steps.append(NextStep("returned", STEP_RETURNED, {
                    "institution": institution.name if institution else state.institution, "period": state.period,
                    "reason": state.reason or ""}))
        first = last_complete_period("monthly", on)
        for period in [shift(first, -back) for back in range(months)]:
            for found in completeness(session, district, period):
                params = {"institution": found.name, "period": period, "total": found.indicators}
                if found.missing:
                    steps.append(NextStep("missing", STEP_MISSING, params | {"count": found.missing}))
                if found.partial:
                    steps.append(NextStep("partial", STEP_PARTIAL, params | {"count": found.partial}))
                if (period == first and found.expected and found.entered == found.expected and not found.complete
                        and allowed(session, "mark_complete")):
                    steps.append(NextStep("mark_complete", STEP_MARK, params))
        marked = session.db.execute("SELECT count(*) FROM indicator_values WHERE deleted = 0 AND followup = 1 "
                                    "AND district = ?", [district]).fetchone()[0]
        if marked:
            steps.append(NextStep("check_later", STEP_CHECK_LATER, {"count": marked}))
        warned = values_with_warnings(session, district, [shift(first, -back) for back in range(months)])
        if warned:
            steps.append(NextStep("warnings", STEP_WARNINGS, {"count": warned}))
    if allowed(session, "view_cases"):
        due = session.db.execute(
            "SELECT count(*) FROM desk_cases WHERE deleted = 0 AND status = 'open' AND followup_date IS NOT NULL "
            "AND followup_date <> '' AND followup_date <= ?", [on.isoformat()]).fetchone()[0]
        if due:
            steps.append(NextStep("followup", STEP_FOLLOWUP, {"count": due, "date": on.isoformat()}))
    if not session.is_centre:
        steps.extend(_bundle_steps(session))
    return steps


def _bundle_steps(session: Session) -> list[NextStep]:
    """The exports table is storage's own schema: no need to import sync (which builds on storage)."""
    last = session.db.execute(
        "SELECT sequence, file_name, made_at, acknowledged_at FROM exports ORDER BY sequence DESC LIMIT 1").fetchone()
    if last is None:
        held = session.db.execute("SELECT count(*) FROM indicator_values WHERE deleted = 0").fetchone()[0]
        return [NextStep("no_bundle", STEP_NO_BUNDLE, {})] if held else []
    sequence, file_name, made_at, acknowledged_at = last
    if acknowledged_at:
        return []
    return [NextStep("unacknowledged", STEP_UNACKNOWLEDGED, {
        "sequence": sequence, "file": file_name, "made": str(made_at)[:10]})]


def values_with_warnings(session: Session, district: str, periods: list[str]) -> int:
    """How many stored values of these periods the engine warns about (outliers), commented or not."""
    inputs = []
    for period in periods:
        for stored in list_indicator_values(session, period=period, district=district):
            inputs.append(ValueInput.from_stored(stored["indicator"], district, period, stored["cell"],
                                                 stored["value"], stored["numerator"], stored["denominator"],
                                                 stored["comment"]))
    if not inputs:
        return 0
    checked, _ = check_indicator_values(session, inputs)
    return sum(1 for value in checked if any(found.severity == "warning" for found in value.issues))


def desk_cases_reported(session: Session, periods: list[str], on: dt.date | None = None) -> dict[str, int | str]:
    """Desk cases reported in each period (a period in progress: up to ``on``), as the dashboard shows them.

    At the centre these are figures about survivors shown beside no case: the basis of every desk-case
    figure (consented, live cases: storage.reports.desk_indicators) and small-cell suppression
    (:func:`storage.reports.suppression.protect`: a count from 1 to 4 reads "<5"). At a district they are
    the office's own workload, shown to staff who open every one of these cases in the register: every
    live case, exactly.
    """
    require(session, "view_cases")
    on = on or today()
    counts: dict[str, int] = {}
    consent = " AND consent_reporting = 1" if session.is_centre else ""
    for period in periods:
        span = parse_period(period)
        if span is None:
            raise ValueError(f"{period!r} is not a period")
        counts[period] = session.db.execute(
            f"SELECT count(*) FROM desk_cases WHERE deleted = 0{consent} AND report_date BETWEEN ? AND ?",
            [span.start.isoformat(), min(span.end, on).isoformat()]).fetchone()[0]
    if not session.is_centre:
        return dict(counts)
    # No relation is published between the periods (no total beside them): primary suppression suffices,
    # but the one function decides, so the dashboard cannot drift from the reports.
    protection = protect(counts, [])
    return {period: protection.show(period, count) for period, count in counts.items()}
