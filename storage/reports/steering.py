"""The Steering Committee pack (issue 15): one quarter of the Action Plan, department by department.

It is a report like the others (:class:`storage.reports.build.Report`), so every format writes it: a cover
table (data completeness and approval per department), then per department its objectives and outputs (with
the indicators linked to each output), its results (each linked indicator's baseline, provincial target,
figure for the quarter and the year to date, status against the pro-rated target, and its last four quarters),
its activities (status, percent, days past due) and what changed since the previous quarter's pack; a
women-and-girls page (the desk report's tables by GBV core type, by type and month, by type and sex, and the
referral rate); notes on method.

Figures come from the same code as the progress report: :func:`progress_frame` per district, added up by
:func:`province_figures` (the one roll-up), judged against the framework's provincial targets by
:func:`against_provincial_targets`. Desk-derived figures appear only as the desk report's suppressed tables.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pandas as pd

from storage import i18n
from storage.core.clock import today
from storage.core.roles import require
from storage.core.session import Session
from storage.errors import UsageError
from storage.i18n import QT_TRANSLATE_NOOP, say
from storage.records.approvals import data_set_states
from storage.records.plan import framework_tree, latest_progress, status_name
from storage.reference.catalogue import TOTAL_CELL, parse_cell
from storage.reference.due import due_indicators
from storage.reference.periods import parse_period, shift
from storage.reports.build import (
    ALL_DISTRICTS,
    DESK_CASE_COUNTS,
    Report,
    Span,
    Table,
    against_provincial_targets,
    desk_report,
    entry_figures,
    figure_of,
    report_districts,
    report_scope,
    report_time,
    report_words,
    roll_up,
)

STEERING = "steering"
TREND_QUARTERS = 4  # the "small trend": the quarter and the three before it
RESULT_FORMATS = {"baseline": "general", "target": "general", "quarter": "general", "year to date": "general",
                  "expected to date": "general"}
COVER_FORMATS = {"data sets": "count", "complete": "count", "submitted": "count", "approved": "count",
                 "returned": "count", "complete %": "percent"}
ACTIVITY_FORMATS = {"percent": "percent", "days late": "count"}
SHARE_FORMATS = {"women": "general", "total": "general", "women %": "percent"}
# Words of the pack's tables, marked for translation (the renderers translate captions and columns).
_WORDS = (
    QT_TRANSLATE_NOOP("reports", "Departments: data and approval"), QT_TRANSLATE_NOOP("reports", "department"),
    QT_TRANSLATE_NOOP("reports", "data sets"), QT_TRANSLATE_NOOP("reports", "complete"),
    QT_TRANSLATE_NOOP("reports", "submitted"), QT_TRANSLATE_NOOP("reports", "approved"),
    QT_TRANSLATE_NOOP("reports", "returned"), QT_TRANSLATE_NOOP("reports", "complete %"),
    QT_TRANSLATE_NOOP("reports", "objective"), QT_TRANSLATE_NOOP("reports", "output"),
    QT_TRANSLATE_NOOP("reports", "baseline"), QT_TRANSLATE_NOOP("reports", "baseline year"),
    QT_TRANSLATE_NOOP("reports", "quarter"), QT_TRANSLATE_NOOP("reports", "year to date"),
    QT_TRANSLATE_NOOP("reports", "expected to date"), QT_TRANSLATE_NOOP("reports", "last four quarters"),
    QT_TRANSLATE_NOOP("reports", "activity"), QT_TRANSLATE_NOOP("reports", "title"),
    QT_TRANSLATE_NOOP("reports", "due"), QT_TRANSLATE_NOOP("reports", "percent"),
    QT_TRANSLATE_NOOP("reports", "days late"), QT_TRANSLATE_NOOP("reports", "before"),
    QT_TRANSLATE_NOOP("reports", "now"), QT_TRANSLATE_NOOP("reports", "women"), QT_TRANSLATE_NOOP("reports", "total"),
    QT_TRANSLATE_NOOP("reports", "women %"), QT_TRANSLATE_NOOP("reports", "Women's share of each figure counted by sex"),
    QT_TRANSLATE_NOOP("reports", "objective title"), QT_TRANSLATE_NOOP("reports", "output title"),
    QT_TRANSLATE_NOOP("reports", "partner"), QT_TRANSLATE_NOOP("reports", "indicators"),
)
PLAN_COLUMNS = ["objective", "objective title", "output", "output title", "partner", "due", "indicators"]


def _quarter(code: str) -> tuple[str, dt.date, dt.date]:
    period = parse_period(code.strip().upper()) if code else None
    if period is None or period.frequency != "quarterly":
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "{value} is not a quarter; write it like 2026Q3."), value=repr(code)))
    return period.code, period.start, period.end


def _province(session: Session, spans: list[Span], districts: list[str], on: dt.date) -> dict[str, pd.DataFrame]:
    """Per span (by label): each indicator's figure for the province, against the framework's provincial
    target of its year; desk-derived indicators left out (their figures are the desk tables', suppressed).

    The progress report's own GROUP BY (entry indicators only) per span, added up to the province by the one
    roll-up in a single pass over every span (by span and indicator), as :func:`province_figures` does."""
    indicators = session.catalogue.indicators
    read = [entry_figures(session, span, districts).assign(span=span.label) for span in spans]
    figures = pd.concat([frame for frame in read if not frame.empty] or [read[0]], ignore_index=True)
    rolled = roll_up(figures.assign(last_period=None), dict.fromkeys(figures["district"], ALL_DISTRICTS),
                     by=("span", "indicator"))
    unapproved = figures.groupby(["span", "indicator"])["unapproved"].sum()
    by_span = {}
    for span in spans:
        rows = rolled[rolled["span"] == span.label]
        province = pd.DataFrame({
            "indicator": rows["indicator"],
            "figure": [figure_of(indicators[code], *parts) for code, *parts in zip(
                rows["indicator"], rows["value_sum"], rows["numerator"], rows["denominator"], rows["last_value"],
                strict=True)]})
        if province.empty:
            by_span[span.label] = pd.DataFrame(columns=["figure", "target", "expected", "status", "unapproved"])
            continue
        province = against_provincial_targets(session, province, span, on)
        province["unapproved"] = [unapproved.get((span.label, code), 0) for code in province["indicator"]]
        by_span[span.label] = province.set_index("indicator")
    return by_span


def _shown(number: object) -> object:
    """A figure as a table holds it: whole numbers as int, others rounded to one decimal, missing as None."""
    if number is None or (isinstance(number, float) and pd.isna(number)):
        return None
    value = float(number)  # type: ignore[arg-type]
    return int(value) if value.is_integer() else round(value, 1)


def _title(item: dict) -> str:
    """An item's title in the interface's language (the framework holds English and Urdu)."""
    return (item.get("title_ur") or item["title"]) if i18n.language() == "ur" else item["title"]


def _cover(session: Session, districts: list[str], months: list[str], quarter: str,
           departments: list[str]) -> pd.DataFrame:
    """Per department: the data sets the quarter asks of the districts, and how many are complete,
    submitted (waiting for the centre), approved and returned."""
    catalogue = session.catalogue
    states = Counter((state.institution, state.state) for state in data_set_states(session)
                     if state.district in districts and state.period in {*months, quarter})
    rows = []
    for code in departments:
        periods = {period for month in months
                   for _, period in due_indicators(catalogue, month, code, installation="district")}
        expected = len(periods) * len(districts)
        done = sum(states[(code, state)] for state in ("complete", "submitted", "approved"))
        rows.append({"department": catalogue.institutions[code].name, "data sets": expected,
                     "complete": states[(code, "complete")], "submitted": states[(code, "submitted")],
                     "approved": states[(code, "approved")], "returned": states[(code, "returned")],
                     "complete %": round(100 * done / expected, 1) if expected else None})
    return pd.DataFrame(rows, columns=["department", *COVER_FORMATS])


def _women_shares(session: Session, span: Span, districts: list[str]) -> pd.DataFrame:
    """Each count figure the catalogue counts by sex (entered, not from the desk register): women's share of
    the province's total over the span (a stock figure: its last period's)."""
    catalogue = session.catalogue
    wanted = {code: indicator for code, indicator in catalogue.indicators.items()
              if "sex" in indicator.categories and indicator.unit == "count" and indicator.source == "entry"}
    rows = []
    for code, indicator in wanted.items():
        periods = span.periods(indicator.frequency)
        if indicator.is_stock:
            periods = periods[-1:]
        if not periods:
            continue
        cursor = session.db.execute(
            f"SELECT cell, sum(value) FROM indicator_values WHERE deleted = 0 AND indicator = ? "
            f"AND period IN ({','.join('?' * len(periods))}) AND district IN ({','.join('?' * len(districts))}) "
            "GROUP BY cell", [code, *periods, *districts])
        by_cell = {cell: value for cell, value in cursor if value is not None}
        women = [value for cell, value in by_cell.items() if (parse_cell(cell) or {}).get("sex") == "female"]
        total = by_cell.get(TOTAL_CELL)
        if not women or not total:
            continue
        rows.append({"department": catalogue.institutions[indicator.institution].name, "indicator": code,
                     "name": indicator.name, "women": _shown(sum(women)), "total": _shown(total),
                     "women %": round(100 * sum(women) / total, 1)})
    return pd.DataFrame(rows, columns=["department", "indicator", "name", *SHARE_FORMATS])


def _progress_words(progress: dict | None) -> str:
    """An activity's reported state in a few words: "delayed 40%" ("–": nothing reported)."""
    return "–" if progress is None else f"{status_name(progress['status'])} {_shown(progress['percent'])}%"


def steering_report(session: Session, quarter: str, on: dt.date | None = None) -> Report:
    """The Steering Committee pack of ``quarter`` (``2026Q3``), for the whole province (centre)."""
    require(session, "view")
    code, start, end = _quarter(quarter)
    on = on or today()
    as_of = min(end, on)  # the pack tells the quarter as it ended (or as it stands, while it runs)
    tree = framework_tree(session, as_of)
    if tree is None:
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "The Steering Committee pack follows the Action Plan's results framework, and none is loaded: load it with `plan load FILE` (start from `plan template`).")))
    catalogue = session.catalogue
    districts = report_districts(session, None)
    year = start.year
    quarter_span = Span(code, start, end, code)
    months = quarter_span.periods("monthly")
    to_date = Span(f"{year}-01 to {months[-1]}", dt.date(year, 1, 1), end)
    quarters = [shift(code, -back) for back in range(TREND_QUARTERS - 1, -1, -1)]
    spans = [Span(q, parse_period(q).start, parse_period(q).end, q) for q in quarters]
    figures = _province(session, [*spans, to_date], districts, on)
    year_to_date = figures.pop(to_date.label)

    departments: list[str] = []
    for objective in tree["objectives"]:
        for output in objective["outputs"]:
            if output["department"] not in departments:
                departments.append(output["department"])
    departments.sort(key=list(catalogue.institutions).index)
    report = Report(STEERING, report_words(QT_TRANSLATE_NOOP("reports", "Steering Committee pack, {quarter}"), quarter=code),
                    report_scope(session, districts), code, report_time())
    # A desk-derived indicator's figures are the desk tables' (suppressed), never a bare count beside the others.
    desk_words = report_words(QT_TRANSLATE_NOOP("reports", "from desk records: see the gender desk tables"))
    report.tables.append(Table("Departments: data and approval", _cover(session, districts, months, code, departments),
                               COVER_FORMATS, name="cover"))
    previous_end = parse_period(shift(code, -1)).end
    missing: list[str] = []  # linked indicators (not from desk records) with no figure for the quarter
    earlier = latest_progress(session, previous_end)  # each activity as reported by the previous quarter's end
    for department in departments:
        name = catalogue.institutions[department].name
        plan, results, activities, changed = [], [], [], []
        for objective in tree["objectives"]:
            for output in objective["outputs"]:
                if output["department"] != department:
                    continue
                plan.append({"objective": objective["code"], "objective title": _title(objective),
                             "output": output["code"], "output title": _title(output), "partner": output["partner"],
                             "due": output["due_date"],
                             "indicators": ", ".join(linked["indicator"] for linked in output["indicators"])})
                for linked in output["indicators"]:
                    indicator = linked["indicator"]
                    now, ytd = figures[code], year_to_date
                    trend = [_shown(figures[q].loc[indicator, "figure"]) if indicator in figures[q].index else None
                             for q in quarters]
                    desk = indicator in DESK_CASE_COUNTS or catalogue.indicators[indicator].source != "entry"
                    if not desk and indicator not in now.index:
                        missing.append(indicator)
                    results.append({
                        "objective": objective["code"], "output": output["code"], "indicator": indicator,
                        "name": catalogue.indicators[indicator].name,
                        "baseline": _shown(linked["baseline_value"]),
                        # a year, not a count (2024, not 2,024)
                        "baseline year": str(int(linked["baseline_year"])) if linked["baseline_year"] else None,
                        "target": _shown(linked["targets"].get(str(year))),
                        "quarter": None if desk else _shown(now.loc[indicator, "figure"]) if indicator in now.index else None,
                        "year to date": None if desk else _shown(ytd.loc[indicator, "figure"]) if indicator in ytd.index else None,
                        "expected to date": _shown(ytd.loc[indicator, "expected"]) if indicator in ytd.index else None,
                        "status": ytd.loc[indicator, "status"] if indicator in ytd.index else None,
                        "last four quarters": desk_words if desk else " → ".join("–" if v is None else str(v) for v in trend),
                    })
                for activity in output["activities"]:  # as reported by the quarter's end (the tree's day)
                    activities.append({"activity": activity["code"], "title": _title(activity),
                                       "due": activity["due_date"], "status": status_name(activity["status"]),
                                       "percent": _shown(activity["percent"]), "days late": activity["days_late"]})
                    before = earlier.get(activity["code"])
                    if activity["as_of"] is not None and (before is None or (before["status"], before["percent"])
                                                          != (activity["status"], activity["percent"])):
                        changed.append({"activity": activity["code"], "title": _title(activity),
                                        "before": _progress_words(before), "now": _progress_words(activity)})
        report.tables.append(Table(report_words(QT_TRANSLATE_NOOP("reports", "{department}: objectives and outputs"), department=name),
                                   pd.DataFrame(plan, columns=PLAN_COLUMNS), name=f"plan-{department}",
                                   sheet=f"{name[:20]} plan"))
        report.tables.append(Table(report_words(QT_TRANSLATE_NOOP("reports", "{department}: results"), department=name),
                                   pd.DataFrame(results, columns=["objective", "output", "indicator", "name", "baseline",
                                                                  "baseline year", "target", "quarter", "year to date",
                                                                  "expected to date", "status", "last four quarters"]),
                                   RESULT_FORMATS, ("status",), name=f"results-{department}", sheet=f"{name[:20]} results"))
        report.tables.append(Table(report_words(QT_TRANSLATE_NOOP("reports", "{department}: activities"), department=name),
                                   pd.DataFrame(activities, columns=["activity", "title", "due", "status", "percent", "days late"]),
                                   ACTIVITY_FORMATS, name=f"activities-{department}", sheet=f"{name[:20]} activities"))
        report.tables.append(Table(report_words(QT_TRANSLATE_NOOP("reports", "{department}: changed since the last quarter"), department=name),
                                   pd.DataFrame(changed, columns=["activity", "title", "before", "now"]),
                                   name=f"changes-{department}", sheet=f"{name[:20]} changes"))
    # Women and girls: the desk report's own suppressed tables, and women's share of what is counted by sex.
    desk = desk_report(session, period=code, on=on)
    for caption in ("Clients by GBV core type", "Clients by GBV core type and month", "Clients by GBV core type and sex",
                    "Referral rate by district"):
        report.tables.append(desk.table(caption))
    report.tables.append(Table("Women's share of each figure counted by sex", _women_shares(session, quarter_span, districts),
                               SHARE_FORMATS, name="women"))
    unapproved = int(year_to_date["unapproved"].sum()) if not year_to_date.empty else 0
    report.notes += [
        report_words(QT_TRANSLATE_NOOP("reports", "Figures are the province's: flows add up over districts and periods, stock figures are the last period's, percents and ratios are recomputed from the summed numerators and denominators.")),
        report_words(QT_TRANSLATE_NOOP("reports", "Status: the year-to-date figure against the Action Plan's provincial target for {year}, pro-rated for flows to the periods ended; where lower is better, target / figure."), year=year),
        report_words(QT_TRANSLATE_NOOP("reports", "Days late: days past an activity's due date while it is neither done nor dropped. Changes: activities whose status or percent differ from what was reported by {day}."), day=previous_end.isoformat()),
        report_words(QT_TRANSLATE_NOOP("reports", "{count} period figures in the year to date come from data sets the centre has not approved yet."), count=unapproved),
        *desk.notes,
    ]
    if missing:
        report.notes.append(report_words(QT_TRANSLATE_NOOP("reports", "Linked indicators without a figure for the quarter: {codes}."),
                                 codes=", ".join(missing)))
    return report
