"""The centre's (and a district's) reports: progress against targets, trends, gender desks, completeness.

Each report function runs a few SQL ``GROUP BY`` queries, does the small remaining work in pandas and
returns a :class:`Report`: tables (captioned DataFrames), notes and chart specifications. Nothing here
draws or writes files (:mod:`storage.reports.files` exports; the GUI shows the same objects).

The rules for adding figures up over periods live here once, driven by the catalogue's ``aggregation``
and ``unit`` columns (resources/indicators.csv):

* flows (``aggregation = sum``, counts) add up over periods;
* stock figures (``aggregation = last``) take the last period's figure;
* percents and ratios are recomputed from the summed numerators and denominators, never averaged.

A district installation reports on its own district only.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import pandas as pd

from storage.core.clock import today
from storage.core.roles import require
from storage.core.session import Session
from storage.errors import UsageError
from storage.i18n import QT_TRANSLATE_NOOP, fill, say, translate
from storage.records.approvals import approved_data_sets, data_set_states
from storage.reference.catalogue import TOTAL_CELL, Indicator, load_catalogue
from storage.reference.due import last_complete_period, sheet_periods
from storage.reference.periods import Period, parse_period, period_containing, shift
from storage.reports.desk_indicators import desk_indicator_values
from storage.reports.suppression import SMALL_CELL, SUPPRESSED, Protection, Relation, protect
from storage.validation import bucket_order, compute_value, days_bucket
from storage.views.completeness import completeness

REPORT_KINDS = ("progress", "trend", "desk", "completeness")

# -- status against targets ------------------------------------------------------------------------------
# performance = figure / target (higher is better) or target / figure (lower is better), where a flow's
# yearly target is pro-rated to the periods of the span that have ended. On track from 100 %, at risk from
# 80 %, off track below. Indicators whose direction is "none" in the catalogue get no status.
ON_TRACK, AT_RISK, OFF_TRACK = "on track", "at risk", "off track"
ON_TRACK_FROM, AT_RISK_FROM = 1.0, 0.8
STATUSES = (ON_TRACK, AT_RISK, OFF_TRACK)
# Fill colours (RGB hex) of the statuses, for every export and screen: Excel's good / neutral / bad styles.
STATUS_COLOURS = {ON_TRACK: "C6EFCE", AT_RISK: "FFEB9C", OFF_TRACK: "FFC7CE"}

# The roadmap's headline results (conviction rate, unsentenced detainees, ...): shown first in the progress
# report and the default indicators of the trend report.
HEADLINE_INDICATORS = ("PRO-04", "PRS-02", "PRS-03", "PRS-01", "CRT-03", "CRT-04")

# Small cells: desk counts from 1 to SMALL_CELL - 1 are shown as SUPPRESSED (GBVIMS data protection), and
# so is every cell that would let one be worked out (storage.reports.suppression.protect). Both names are
# imported here for the screens and tests that take them from the reports.

# Timeliness: a month's sheet (with the quarter's and year's figures it closes) is due this many days
# after the month ends, i.e. by the 10th of the following month.
REPORTING_DEADLINE_DAYS = 10

ALL_DISTRICTS = "All districts"

# Words the screen shows translated (table captions, column names, statuses): they stay English in the
# report objects and files, where they are keys; the GUI looks each up under the "reports" context.
DISPLAY_WORDS = (
    QT_TRANSLATE_NOOP("reports", "All districts"), QT_TRANSLATE_NOOP("reports", "on track"),
    QT_TRANSLATE_NOOP("reports", "at risk"), QT_TRANSLATE_NOOP("reports", "off track"),
    QT_TRANSLATE_NOOP("reports", "not judged"), QT_TRANSLATE_NOOP("reports", "Headline indicators"),
    QT_TRANSLATE_NOOP("reports", "Districts and institutions"), QT_TRANSLATE_NOOP("reports", "Every indicator"),
    QT_TRANSLATE_NOOP("reports", "Clients by GBV core type"),
    QT_TRANSLATE_NOOP("reports", "Clients by GBV core type and sex"),
    QT_TRANSLATE_NOOP("reports", "Clients by GBV core type and age group"),
    QT_TRANSLATE_NOOP("reports", "Clients by district and month"),
    QT_TRANSLATE_NOOP("reports", "Reporting time (report date minus incident date)"),
    QT_TRANSLATE_NOOP("reports", "Referral rate by district"),
    QT_TRANSLATE_NOOP("reports", "Completeness % by district and institution"),
    QT_TRANSLATE_NOOP("reports", "Completeness and timeliness"),
    QT_TRANSLATE_NOOP("reports", "indicator"), QT_TRANSLATE_NOOP("reports", "name"),
    QT_TRANSLATE_NOOP("reports", "district"), QT_TRANSLATE_NOOP("reports", "district name"),
    QT_TRANSLATE_NOOP("reports", "institution"), QT_TRANSLATE_NOOP("reports", "unit"),
    QT_TRANSLATE_NOOP("reports", "periods"),
    QT_TRANSLATE_NOOP("reports", "figure"), QT_TRANSLATE_NOOP("reports", "numerator"),
    QT_TRANSLATE_NOOP("reports", "denominator"), QT_TRANSLATE_NOOP("reports", "target"),
    QT_TRANSLATE_NOOP("reports", "expected"), QT_TRANSLATE_NOOP("reports", "achievement %"),
    QT_TRANSLATE_NOOP("reports", "status"), QT_TRANSLATE_NOOP("reports", "GBV core type"),
    QT_TRANSLATE_NOOP("reports", "clients"), QT_TRANSLATE_NOOP("reports", "referred"),
    QT_TRANSLATE_NOOP("reports", "referral rate %"), QT_TRANSLATE_NOOP("reports", "reporting time"),
    QT_TRANSLATE_NOOP("reports", "sheets"), QT_TRANSLATE_NOOP("reports", "entered"),
    QT_TRANSLATE_NOOP("reports", "completeness %"), QT_TRANSLATE_NOOP("reports", "expected by now"),
    QT_TRANSLATE_NOOP("reports", "entered on time"), QT_TRANSLATE_NOOP("reports", "timeliness %"),
    QT_TRANSLATE_NOOP("reports", "sheets marked complete"), QT_TRANSLATE_NOOP("reports", "unknown"),
    QT_TRANSLATE_NOOP("reports", "Data sets and their approval"), QT_TRANSLATE_NOOP("reports", "period"),
    QT_TRANSLATE_NOOP("reports", "state"), QT_TRANSLATE_NOOP("reports", "decided by"),
    QT_TRANSLATE_NOOP("reports", "reason"), QT_TRANSLATE_NOOP("reports", "unapproved"),
)


def _say(template: str, **values: object) -> str:
    """A report title or note in the interface's language (templates are marked for lupdate)."""
    return fill(translate("reports", template), **values)
PERIODS_PER_YEAR = {"monthly": 12, "quarterly": 4, "annual": 1}


@dataclass
class Table:
    """One captioned table of a report.

    ``formats`` maps a column to ``count`` (whole numbers), ``percent`` (0-100, one decimal), ``decimal``
    or ``general`` (mixed units); unlisted columns are text. ``status_columns`` hold one of
    :data:`STATUSES` (or nothing) and are coloured with :data:`STATUS_COLOURS`. ``name`` names the table's
    CSV file (e.g. ``trend-PRO-04``) and ``sheet`` its Excel sheet (at most 31 characters) where the caption
    would make a long one; empty: the caption.
    """

    caption: str
    frame: pd.DataFrame
    formats: dict[str, str] = field(default_factory=dict)
    status_columns: tuple[str, ...] = ()
    name: str = ""
    sheet: str = ""


@dataclass
class Chart:
    """A chart drawn from one of the report's tables.

    ``series_in = "rows"``: every row is a series (named by ``label_column``) over the ``value_columns``
    (e.g. a trend: districts over periods). ``series_in = "columns"``: every value column is a series over
    the rows, whose ``label_column`` values are the categories (e.g. clients by GBV type).
    """

    kind: str  # "line" or "bar"
    title: str
    table: int  # index into Report.tables
    label_column: str
    value_columns: list[str]
    series_in: str = "rows"
    y_title: str = ""
    rows: list[int] | None = None  # with series_in == "rows": only these rows (positions) are drawn

    def data(self, report: Report) -> tuple[list[str], list[tuple[str, list[float | None]]]]:
        """(categories, [(series name, values)]); suppressed or missing figures are None."""
        frame = report.tables[self.table].frame
        if self.series_in == "rows":
            positions = self.rows if self.rows is not None else range(len(frame))
            series = [(str(frame.iloc[i][self.label_column]), [_number(frame.iloc[i][c]) for c in self.value_columns])
                      for i in positions]
            return [str(c) for c in self.value_columns], series
        categories = [str(label) for label in frame[self.label_column]]
        return categories, [(column, [_number(v) for v in frame[column]]) for column in self.value_columns]


def _number(value: object) -> float | None:
    if value is None or isinstance(value, str):
        return None
    number = float(value)
    return None if math.isnan(number) else number


@dataclass
class Report:
    """What every report function returns; exported by :func:`storage.reports.files.write_report`."""

    kind: str  # one of REPORT_KINDS
    title: str
    scope: str  # "All districts" or the district's code
    span: str  # "2026", "2026-10", "2025-11 to 2026-10"
    generated_at: str  # local time, "2026-11-24 10:32"
    tables: list[Table] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)

    def table(self, caption: str) -> Table:
        """The table with this caption (tests and screens look tables up by caption)."""
        for table in self.tables:
            if table.caption == caption:
                return table
        raise KeyError(caption)


# -- spans, scope ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Span:
    """The dates a report covers; ``code`` is the period code when it is exactly one period."""

    label: str
    start: dt.date
    end: dt.date
    code: str | None = None

    def periods(self, frequency: str) -> list[str]:
        """Every period of ``frequency`` lying wholly within the span, oldest first."""
        found = []
        code = period_containing(frequency, self.start)
        while True:
            period = _period(code)
            if period.start > self.end:
                return found
            if period.start >= self.start and period.end <= self.end:
                found.append(code)
            code = shift(code, 1)

    @property
    def year(self) -> int:
        """The (one) year the span lies in; targets are set per year."""
        if self.start.year != self.end.year:
            raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "A progress report covers one year or a period within it, not {span}."), span=self.label))
        return self.start.year


def _period(code: str) -> Period:
    period = parse_period(code)
    if period is None:
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "{code} is not a period; write it like 2026-10, 2026Q4 or 2026."), code=repr(code)))
    return period


def resolve_span(year: int | None = None, period: str | None = None, on: dt.date | None = None,
                 default_months: int | None = None) -> Span:
    """The span of a report: ``period`` if given, else the calendar ``year``, else a default.

    The default is the year of the last complete month, or, with ``default_months``, that many months
    ending with the last complete month (the trend report's default).
    """
    if period is not None and year is not None:
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "Give a year or a period, not both.")))
    if period is not None:
        parsed = _period(period)
        return Span(period, parsed.start, parsed.end, period)
    if year is None:
        last = last_complete_period("monthly", on or today())
        if default_months:
            first = shift(last, -(default_months - 1))
            return Span(f"{first} to {last}", _period(first).start, _period(last).end)
        year = _period(last).year
    return Span(str(year), dt.date(year, 1, 1), dt.date(year, 12, 31), str(year))


def report_districts(session: Session, districts: Iterable[str] | None = None) -> list[str]:
    """The districts a report covers: a district installation's own only; at the centre the chosen ones or all."""
    catalogue = session.catalogue
    chosen = [code.strip().upper() for code in districts] if districts else None
    for code in chosen or []:
        if code not in catalogue.districts:
            raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "Unknown district {code}. Use a district code such as QUETTA."), code=repr(code)))
    if not session.is_centre:
        if chosen and chosen != [session.district]:
            raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "This office reports on {own} only."), own=session.district))
        return [session.district]
    return chosen or list(catalogue.districts)


DISTRICT_NAME = "district name"


def with_district_names(report: Report) -> Report:
    """Every table with a ``district`` column (codes, the key screens and tests look rows up by) gets the
    districts' names in a ``district name`` column before it: a printed report is read by name, and the
    code stays in its own column for sorting and matching. "All districts" is its own name. Names are
    text, never a figure: suppression is untouched.

    The names are English whatever the interface's language, like the rest of the files' words (the PDF's
    font has no Urdu letters); the Reports screen shows them in the interface's language."""
    catalogue = load_catalogue("en")
    for table in report.tables:
        frame = table.frame
        if "district" not in frame.columns or DISTRICT_NAME in frame.columns:
            continue
        names = [catalogue.districts[code].name if code in catalogue.districts else code for code in frame["district"]]
        frame = frame.copy()
        frame.insert(list(frame.columns).index("district"), DISTRICT_NAME, pd.Series(names, index=frame.index,
                                                                                     dtype=object))
        table.frame = frame
    for chart in report.charts:
        # Chart legends and categories read names too.
        if chart.label_column == "district" and DISTRICT_NAME in report.tables[chart.table].frame.columns:
            chart.label_column = DISTRICT_NAME
    return report


def _scope(session: Session, districts: list[str]) -> str:
    if not session.is_centre or len(districts) == 1:
        return districts[0]
    return ALL_DISTRICTS if len(districts) == len(session.catalogue.districts) else ", ".join(districts)


def _now() -> str:
    return dt.datetime.now().strftime("%Y-%m-%d %H:%M")


def _placeholders(items: Sequence) -> str:
    return ",".join("?" * len(items))


# -- figures over a span -----------------------------------------------------------------------------------


def _catalogue_frame(indicators: Iterable[Indicator]) -> pd.DataFrame:
    return pd.DataFrame([{"indicator": i.code, "institution": i.institution, "name": i.name, "unit": i.unit,
                          "aggregation": i.aggregation, "better": i.better, "frequency": i.frequency,
                          "source": i.source} for i in indicators])


def approved_values_json(session: Session) -> str:
    """Every (indicator, district, period) whose data set the centre approved, as one JSON parameter for
    :data:`APPROVED_ONLY_SQL` (the state is ``storage.records.approvals``' one rule, not repeated in SQL)."""
    by_institution: dict[str, list[str]] = {}
    for code, indicator in session.catalogue.indicators.items():
        by_institution.setdefault(indicator.institution, []).append(code)
    return json.dumps([[code, district, period] for district, institution, period in approved_data_sets(session)
                       for code in by_institution.get(institution, [])])


# A value counts in an ``--approved-only`` report when its data set is approved; SQLite builds an index of the
# JSON list for IN, so a centre's million values are not each scanned against it.
_IN_APPROVED = ("(indicator, district, period) {} (SELECT j.value ->> 0, j.value ->> 1, j.value ->> 2 "
                "FROM json_each(?) j)")
APPROVED_ONLY_SQL = " AND " + _IN_APPROVED.format("IN")


APPROVED_ONLY_NOTE = QT_TRANSLATE_NOOP("reports", "Approved data sets only: figures of data sets the centre has not approved are left out, and so are the desk indicators, which are counted from case records rather than approved.")


def span_figures_sql(span: Span, catalogue_indicators: Iterable[Indicator], districts: list[str] | None,
                     approved: str | None = None, count_unapproved: str | None = None) -> tuple[str, list]:
    """The one GROUP BY behind the progress report: per indicator and district over the span's periods.

    SQLite gives a bare column of an aggregate query with exactly one ``max()`` the value of the row
    holding the maximum, so ``value`` is the last period's figure: the stock figure (period codes of one
    frequency sort in time order). ``approved`` keeps only values of approved data sets; ``count_unapproved``
    (the same JSON list, :func:`approved_values_json`) counts, in the same pass, the periods of each figure
    whose data set is not approved (else that column is empty).
    """
    periods = sorted({p for i in catalogue_indicators for p in span.periods(i.frequency)})
    unapproved = f"sum({_IN_APPROVED.format('NOT IN')})" if count_unapproved is not None else "NULL"
    params: list = [*([count_unapproved] if count_unapproved is not None else []), *periods]
    where = f"deleted = 0 AND cell = '{TOTAL_CELL}' AND period IN ({_placeholders(periods)})"
    if districts is not None:
        where += f" AND district IN ({_placeholders(districts)})"
        params += districts
    if approved is not None:
        where += APPROVED_ONLY_SQL
        params.append(approved)
    sql = ("SELECT indicator, district, count(*), sum(value), sum(numerator), sum(denominator), max(period), value, "
           f"{unapproved} FROM indicator_values WHERE {where} GROUP BY indicator, district")
    return sql, params


FIGURE_COLUMNS = ["indicator", "district", "periods", "value_sum", "numerator", "denominator", "last_period",
                  "last_value", "unapproved"]


def _entry_figures(session: Session, span: Span, districts: list[str], approved: str | None = None) -> pd.DataFrame:
    """The entry indicators' figures; each counts its periods from unapproved data sets (with ``approved``,
    only approved ones are read, so none)."""
    entry = session.catalogue.indicators_for(source="entry")
    restrict = None if session.is_centre and len(districts) == len(session.catalogue.districts) else districts
    sql, params = span_figures_sql(span, entry, restrict, approved,
                                   count_unapproved=approved if approved is not None else approved_values_json(session))
    return pd.DataFrame(session.db.execute(sql, params).fetchall(), columns=FIGURE_COLUMNS)


def _desk_totals(session: Session, span: Span, districts: list[str]) -> dict[str, dict[str, dict]]:
    """{district: {indicator: total figure}} of the desk indicators, for districts with desk records."""
    if span.code is None:
        return {}
    with_cases = {row[0] for row in session.db.execute(
        "SELECT DISTINCT district FROM desk_cases WHERE deleted = 0 UNION "
        "SELECT DISTINCT district FROM pkm_requests WHERE deleted = 0")}
    return {district: {figure["indicator"]: figure for figure in desk_indicator_values(session, district, span.code)
                       if figure["cell"] == TOTAL_CELL}
            for district in districts if district in with_cases}


def _desk_figures(totals: dict[str, dict[str, dict]], span: Span) -> pd.DataFrame:
    """The desk indicators' totals (computed from the register) as rows of the progress report's figures."""
    rows = [[code, district, 1, figure["value"], figure["numerator"], figure["denominator"], span.code,
             figure["value"], None]
            for district, figures in totals.items() for code, figure in figures.items() if figure["value"] is not None]
    return pd.DataFrame(rows, columns=FIGURE_COLUMNS)


# -- desk indicators' small cells ---------------------------------------------------------------------------

# The desk-case indicators and the counts each publishes: (count or numerator, denominator). POL-10's
# denominator is POL-09's clients, the same people: one cell, wherever it shows.
DESK_CASE_COUNTS = {"POL-09": ("clients", None), "POL-10": ("referred", "clients"), "POL-11": ("quick", "known")}
# Counts never printed but given away by two printed ones: clients minus referred, and so on.
_DESK_DIFFERENCES = (("clients", "referred", "not referred"), ("known", "quick", "not quick"),
                     ("clients", "known", "no incident date"))


def _desk_count_cells(figures: dict[str, dict], place: tuple) -> dict[tuple, int]:
    """The desk-case counts of one place (a district, a district and period) from its indicator totals."""
    counts = {"clients": figures["POL-09"]["value"], "referred": figures["POL-10"]["numerator"],
              "known": figures["POL-11"]["denominator"], "quick": figures["POL-11"]["numerator"]}
    counts = {name: int(value or 0) for name, value in counts.items()}
    for whole, part, rest in _DESK_DIFFERENCES:
        counts[rest] = counts[whole] - counts[part]
    return {(name, *place): value for name, value in counts.items()}


def _desk_difference_relations(place: tuple) -> list[Relation]:
    return [Relation((whole, *place), ((part, *place), (rest, *place))) for whole, part, rest in _DESK_DIFFERENCES]


def protect_desk_counts(places: dict[tuple, dict[str, dict]], shown_indicators: Iterable[str],
                        provinces: dict[tuple, list[tuple]] | None = None) -> Protection:
    """Suppression of the desk-case indicators of one report (progress or trend).

    ``places``: {place: {indicator: total figure}}, a place being (district,) or (district, period).
    ``shown_indicators``: the desk-case indicators the report prints; a percent printed with its clients
    elsewhere gives its numerator, so each printed indicator publishes both its counts. ``provinces``:
    {total place: [places it adds up]} for the "All districts" rows.
    """
    values: dict = {}
    relations: list[Relation] = []
    for place, figures in places.items():
        values |= _desk_count_cells(figures, place)
        relations += _desk_difference_relations(place)
    for total_place, parts in (provinces or {}).items():
        for name in ("clients", "referred", "known", "quick", "not referred", "not quick", "no incident date"):
            values[(name, *total_place)] = sum(values[(name, *part)] for part in parts)
            relations.append(Relation((name, *total_place), tuple((name, *part) for part in parts)))
        relations += _desk_difference_relations(total_place)
    published_counts = {count for code in shown_indicators if code in DESK_CASE_COUNTS
                        for count in DESK_CASE_COUNTS[code] if count}
    shown = [key for key in values if key[0] in published_counts]
    return protect(values, relations, shown)


def _suppressed_cells(frame: pd.DataFrame) -> int:
    """How many cells of a table read SUPPRESSED."""
    return int((frame.astype(object) == SUPPRESSED).to_numpy().sum())


def _desk_note(hidden: int) -> str:
    """The progress and trend reports' note on the desk-case indicators' basis and small cells."""
    return _say(QT_TRANSLATE_NOOP("reports", "Desk indicators POL-09 to POL-11 count live desk cases whose clients consented to sharing non-identifiable data for reporting, at a district as at the centre. Counts from 1 to {largest}, and figures from which one could be worked out, read '{suppressed}' ({hidden} cell(s) hidden in this report)."),
                largest=SMALL_CELL - 1, suppressed=SUPPRESSED, hidden=hidden)


def desk_figure_hidden(protection: Protection, indicator: str, place: tuple) -> bool:
    """Whether a desk-case indicator's figure at a place reads SUPPRESSED: any of its counts is hidden."""
    return any((count, *place) in protection.hidden for count in DESK_CASE_COUNTS[indicator] if count)


def _actual(indicator: Indicator, value_sum, numerator, denominator, last_value) -> float | None:
    """The span's figure of one indicator and district, by the aggregation rules in the module docstring."""
    if indicator.has_fraction:
        if denominator is None or pd.isna(denominator) or not denominator:
            return None
        return compute_value(indicator, numerator, denominator)
    if indicator.is_stock:
        return last_value
    return value_sum


def target_share(indicator: Indicator, span: Span, on: dt.date) -> float:
    """The share of a year's target that the span's figure is measured against.

    A flow's target is the year's total, so it is pro-rated to the indicator's periods in the span that
    have ended by ``on`` (a span with none ended yet: its periods). Stock figures, percents and ratios are
    levels: the whole target.
    """
    if indicator.has_fraction or indicator.is_stock:
        return 1.0
    periods = [_period(code) for code in span.periods(indicator.frequency)]
    ended = [p for p in periods if p.end < on] or periods
    return len(ended) / PERIODS_PER_YEAR[indicator.frequency]


def performance(actual: float | None, target: float | None, better: str) -> float | None:
    """Figure against target, 1.0 meaning exactly on target; None when there is nothing to judge."""
    if actual is None or target is None or better not in ("up", "down") or pd.isna(actual) or pd.isna(target):
        return None
    if better == "up":
        return actual / target if target else math.inf
    return target / actual if actual else math.inf


def status_of(ratio: float | None) -> str | None:
    """The status of a performance ratio (see :data:`ON_TRACK_FROM`)."""
    if ratio is None or pd.isna(ratio):
        return None
    if ratio >= ON_TRACK_FROM:
        return ON_TRACK
    return AT_RISK if ratio >= AT_RISK_FROM else OFF_TRACK


# -- 1. progress against targets ----------------------------------------------------------------------------

PROGRESS_COLUMNS = ["district", "institution", "indicator", "name", "unit", "periods", "unapproved", "figure",
                    "numerator", "denominator", "target", "expected", "achievement %", "status"]
PROGRESS_FORMATS = {"periods": "count", "unapproved": "count", "figure": "general", "numerator": "general", "denominator": "general",
                    "target": "general", "expected": "general", "achievement %": "percent"}


def progress_frame(session: Session, span: Span, districts: list[str], on: dt.date | None = None,
                   approved: str | None = None) -> pd.DataFrame:
    """Every indicator x district with a figure in the span: figure, target, expected, achievement, status.
    ``approved`` (:func:`approved_values_json`): only figures of approved data sets, and no desk figures
    (they are counted from case records, which no data set approves)."""
    on = on or today()
    catalogue = session.catalogue
    desk_totals = _desk_totals(session, span, districts) if approved is None else {}
    figures = pd.concat([frame for frame in (_entry_figures(session, span, districts, approved),
                                              _desk_figures(desk_totals, span)) if not frame.empty]
                        or [pd.DataFrame(columns=FIGURE_COLUMNS)], ignore_index=True)
    if figures.empty:
        return pd.DataFrame(columns=PROGRESS_COLUMNS)
    indicators = catalogue.indicators
    figures["figure"] = [_actual(indicators[code], *parts) for code, *parts in zip(
        figures["indicator"], figures["value_sum"], figures["numerator"], figures["denominator"],
        figures["last_value"], strict=True)]
    targets = pd.DataFrame(session.db.execute(
        "SELECT indicator, district, target FROM targets WHERE deleted = 0 AND year = ?", [span.year]).fetchall(),
        columns=["indicator", "district", "target"])
    frame = figures.merge(_catalogue_frame(indicators.values()), on="indicator").merge(
        targets, on=["indicator", "district"], how="left")
    shares = {code: target_share(indicator, span, on) for code, indicator in indicators.items()}
    frame["expected"] = frame["target"] * frame["indicator"].map(shares)
    frame["performance"] = [performance(a, t, b) for a, t, b in zip(frame["figure"], frame["expected"],
                                                                   frame["better"], strict=True)]
    frame["status"] = frame["performance"].map(status_of)
    frame["achievement %"] = [round(100 * p, 1) if p is not None and math.isfinite(p) else None
                              for p in frame["performance"]]
    frame = _suppress_desk_rows(frame, desk_totals)
    order = {code: position for position, code in enumerate(indicators)}
    frame = frame.assign(_order=frame["indicator"].map(order)).sort_values(["district", "_order"])
    frame["institution"] = frame["institution"].map(lambda code: catalogue.institutions[code].name)
    for column in ("numerator", "denominator"):
        frame[column] = frame[column].where(frame["unit"].isin(("percent", "ratio")))
    return frame[[*PROGRESS_COLUMNS, "performance", "aggregation", "better", "value_sum", "last_value"]
                 ].reset_index(drop=True)


def _suppress_desk_rows(frame: pd.DataFrame, desk_totals: dict[str, dict[str, dict]]) -> pd.DataFrame:
    """The progress figures with the desk-case indicators' small cells (and those giving them away) hidden.

    Each district's POL-09 to POL-11 print clients, referred clients, clients with an incident date and
    those reported quickly; they are protected together (:func:`protect_desk_counts`). A hidden figure
    hides its achievement % and status too (either gives the figure back against the printed target).
    """
    desk_rows = frame["indicator"].isin(list(DESK_CASE_COUNTS))
    if not desk_rows.any():
        return frame
    protection = protect_desk_counts({(district,): figures for district, figures in desk_totals.items()},
                                     set(frame.loc[desk_rows, "indicator"]))
    frame = frame.copy()
    for column in ("figure", "numerator", "denominator", "achievement %", "value_sum", "last_value"):
        frame[column] = frame[column].astype(object)
    for position in frame.index[desk_rows]:
        code, district = frame.at[position, "indicator"], frame.at[position, "district"]
        numerator_count, denominator_count = DESK_CASE_COUNTS[code]
        if desk_figure_hidden(protection, code, (district,)):
            for column in ("figure", "achievement %", "value_sum", "last_value"):
                frame.at[position, column] = SUPPRESSED
            frame.at[position, "performance"] = None
            frame.at[position, "status"] = None
        if denominator_count is not None:
            frame.at[position, "numerator"] = protection.show((numerator_count, district), frame.at[position, "numerator"])
            frame.at[position, "denominator"] = protection.show((denominator_count, district),
                                                                frame.at[position, "denominator"])
    return frame


def province_figures(frame: pd.DataFrame, indicators: dict[str, Indicator]) -> pd.DataFrame:
    """All districts together, per indicator: flows and stock figures add up across districts, percents
    and ratios are recomputed from the summed numerators and denominators."""
    rows = []
    for code, group in frame.groupby("indicator", sort=False):
        indicator = indicators[code]
        if indicator.has_fraction:
            numerator, denominator = group["numerator"].sum(), group["denominator"].sum()
            figure = compute_value(indicator, numerator, denominator) if denominator else None
        else:
            figure, numerator, denominator = group["figure"].sum(), None, None
        rows.append({"district": ALL_DISTRICTS, "indicator": code, "name": indicator.name, "figure": figure,
                     "numerator": numerator, "denominator": denominator})
    return pd.DataFrame(rows)


def _institution_summary(frame: pd.DataFrame) -> pd.DataFrame:
    """District x institution: how many indicators are on track, at risk, off track, and the overall status
    (that of the median indicator's performance)."""
    columns = ["district", "institution", *STATUSES, "not judged", "status"]
    if frame.empty:
        return pd.DataFrame(columns=columns)
    keys = ["district", "institution"]
    grouped = frame.groupby(keys, sort=False)
    counts = pd.crosstab([frame["district"], frame["institution"]], frame["status"]).reindex(columns=STATUSES,
                                                                                            fill_value=0)
    summary = grouped.agg(indicators=("indicator", "size"), judged=("performance", "count"),
                          median=("performance", "median"))
    summary = summary.join(counts).fillna({status: 0 for status in STATUSES}).reset_index()
    summary["not judged"] = summary["indicators"] - summary["judged"]
    summary["status"] = summary["median"].map(status_of)
    for status in STATUSES:
        summary[status] = summary[status].astype(int)
    return summary[columns]


def progress_report(session: Session, year: int | None = None, period: str | None = None,
                    districts: Iterable[str] | None = None, on: dt.date | None = None, *,
                    approved_only: bool = False) -> Report:
    """Progress against targets for a year or a period within it: headline indicators, district x
    institution summary, and every indicator. ``approved_only``: figures of approved data sets only."""
    require(session, "view")
    span = resolve_span(year, period, on)
    chosen = report_districts(session, districts)
    frame = progress_frame(session, span, chosen, on, approved_values_json(session) if approved_only else None)
    headline = frame[frame["indicator"].isin(HEADLINE_INDICATORS)]
    indicators = session.catalogue.indicators
    if session.is_centre and len(chosen) > 1 and not headline.empty:
        headline = pd.concat([headline, province_figures(headline, indicators)], ignore_index=True)
    headline_order = {code: position for position, code in enumerate(HEADLINE_INDICATORS)}
    # Each headline indicator: all districts together first, then the districts.
    headline = headline.assign(_order=headline["indicator"].map(headline_order),
                               _province=headline["district"] != ALL_DISTRICTS).sort_values(
        ["_order", "_province", "district"], kind="stable")
    headline_columns = ["indicator", "name", "district", "figure", "numerator", "denominator", "target", "expected",
                        "status"]
    detail = frame[PROGRESS_COLUMNS]
    report = Report("progress", _say(QT_TRANSLATE_NOOP("reports", "Progress against targets, {span}"), span=span.label),
                    _scope(session, chosen), span.label,
                    _now(), tables=[
                        Table("Headline indicators", headline.reindex(columns=headline_columns).reset_index(drop=True),
                              PROGRESS_FORMATS, ("status",)),
                        Table("Districts and institutions", _institution_summary(frame),
                              {status: "count" for status in (*STATUSES, "not judged")}, ("status",)),
                        Table("Every indicator", detail.reset_index(drop=True), PROGRESS_FORMATS, ("status",)),
                    ])
    report.notes += [
        _say(QT_TRANSLATE_NOOP("reports", "Flows add up over the periods; stock figures (prison population, pending cases) are the last period's; percents and ratios are recomputed from the summed numerators and denominators.")),
        _say(QT_TRANSLATE_NOOP("reports", "Status: the figure against the target, pro-rated for flows to the periods ended ({span}). On track from {on_track:.0%}, at risk from {at_risk:.0%}, off track below; where lower is better, target / figure. A district and institution's status is that of its median indicator."),
             span=span.label, on_track=ON_TRACK_FROM, at_risk=AT_RISK_FROM),
    ]
    report.notes.append(_say(QT_TRANSLATE_NOOP("reports", "Unapproved: how many of the periods in a figure come from data sets the centre has not approved yet.")))
    if approved_only:
        report.notes.append(_say(APPROVED_ONLY_NOTE))
    if frame.empty:
        report.notes.append(_say(QT_TRANSLATE_NOOP("reports", "No figures are stored for {span}."), span=span.label))
    if frame["indicator"].isin(list(DESK_CASE_COUNTS)).any():
        report.notes.append(_desk_note(sum(_suppressed_cells(table.frame) for table in report.tables)))
    return with_district_names(report)


# -- 2. trend ----------------------------------------------------------------------------------------------


def desk_period_totals(session: Session, periods: Iterable[str], districts: list[str]
                       ) -> dict[tuple[str, str], dict[str, dict]]:
    """{(district, period): {indicator: total figure}} of the desk indicators (POL-09 to POL-13)."""
    return {(district, period): {f["indicator"]: f for f in desk_indicator_values(session, district, period)
                                 if f["cell"] == TOTAL_CELL}
            for district in districts for period in periods}


def _trend_rows(session: Session, indicator: Indicator, periods: list[str], districts: list[str],
                desk_totals: dict[tuple[str, str], dict[str, dict]] | None = None,
                approved: str | None = None) -> pd.DataFrame:
    """(district, period, value, numerator, denominator) of one indicator's totals in these periods."""
    if indicator.source != "entry" and approved is not None:
        return pd.DataFrame(columns=["district", "period", "value", "numerator", "denominator"])
    if indicator.source != "entry":
        # Every desk indicator (POL-09 to POL-13) of a district and period comes together: this one's total
        # only, else each (district, period) comes five times and the pivot below refuses.
        if desk_totals is None or any((d, p) not in desk_totals for d in districts for p in periods):
            desk_totals = desk_period_totals(session, periods, districts)
        rows = [[district, period, f["value"], f["numerator"], f["denominator"]]
                for district in districts for period in periods
                for f in [desk_totals[(district, period)][indicator.code]]]
        return pd.DataFrame(rows, columns=["district", "period", "value", "numerator", "denominator"])
    cursor = session.db.execute(
        "SELECT district, period, value, numerator, denominator FROM indicator_values WHERE deleted = 0 AND "
        f"indicator = ? AND cell = '{TOTAL_CELL}' AND period IN ({_placeholders(periods)}) "
        f"AND district IN ({_placeholders(districts)})" + (APPROVED_ONLY_SQL if approved is not None else ""),
        [indicator.code, *periods, *districts, *([approved] if approved is not None else [])])
    return pd.DataFrame(cursor.fetchall(), columns=["district", "period", "value", "numerator", "denominator"])


def trend_table(session: Session, indicator: Indicator, periods: list[str], districts: list[str],
                desk_totals: dict[tuple[str, str], dict[str, dict]] | None = None,
                approved: str | None = None) -> pd.DataFrame:
    """Districts (and all districts together, at the centre) x periods of one indicator."""
    rows = _trend_rows(session, indicator, periods, districts, desk_totals, approved)
    wide = rows.pivot(index="district", columns="period", values="value").reindex(columns=periods)
    wide = wide.reindex([d for d in districts if d in wide.index])
    if session.is_centre and len(districts) > 1:
        # Each period on its own: districts add up (stock figures too), percents from summed parts.
        sums = rows.groupby("period")[["value", "numerator", "denominator"]].sum(min_count=1)
        if indicator.has_fraction:
            total = [compute_value(indicator, n, d) if d else None
                     for n, d in zip(sums["numerator"], sums["denominator"], strict=True)]
        else:
            total = list(sums["value"])
        wide.loc[ALL_DISTRICTS] = pd.Series(total, index=sums.index).reindex(periods)
    return wide.rename_axis(None, axis=1).reset_index().rename(columns={"index": "district"})


def trend_report(session: Session, indicators: Iterable[str] | None = None, districts: Iterable[str] | None = None,
                 year: int | None = None, period: str | None = None, on: dt.date | None = None, *,
                 approved_only: bool = False) -> Report:
    """One table and line chart per indicator: its figure in every period of the span, per district.

    The default span is the last 12 complete months; the default indicators :data:`HEADLINE_INDICATORS`.
    At the centre the chart draws all districts together, plus the districts chosen.
    """
    require(session, "view")
    catalogue = session.catalogue
    codes = [code.strip().upper() for code in indicators] if indicators else list(HEADLINE_INDICATORS)
    for code in codes:
        if code not in catalogue.indicators:
            raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "Indicator {code} is not in the catalogue. Use a code such as PRO-04."), code=repr(code)))
    span = resolve_span(year, period, on, default_months=12)
    chosen = report_districts(session, districts)
    report = Report("trend", _say(QT_TRANSLATE_NOOP("reports", "Trend, {span}"), span=span.label), _scope(session, chosen), span.label,
                    _now())
    # The desk-case indicators of the report are protected together: POL-10's clients are POL-09's.
    desk_codes = [code for code in codes if code in DESK_CASE_COUNTS]
    desk_totals = desk_period_totals(session, sorted({p for code in desk_codes for p in
                                                      span.periods(catalogue.indicators[code].frequency)}), chosen)
    with_province = session.is_centre and len(chosen) > 1
    provinces = {(ALL_DISTRICTS, period): [(district, period) for district in chosen]
                 for period in {p for _, p in desk_totals}} if with_province else {}
    protection = protect_desk_counts(desk_totals, desk_codes, provinces) if desk_codes else None
    approved = approved_values_json(session) if approved_only else None
    for code in codes:
        indicator = catalogue.indicators[code]
        periods = span.periods(indicator.frequency)
        if not periods:
            report.notes.append(_say(QT_TRANSLATE_NOOP("reports", "{code} is {frequency}: no whole {frequency} period in {span}."),
                                     code=code, frequency=indicator.frequency, span=span.label))
            continue
        table = trend_table(session, indicator, periods, chosen, desk_totals, approved)
        if protection is not None and code in DESK_CASE_COUNTS:
            for period in periods:
                table[period] = [SUPPRESSED if desk_figure_hidden(protection, code, (district, period)) else figure
                                 for district, figure in zip(table["district"], table[period].astype(object), strict=True)]
        unit = "percent" if indicator.unit == "percent" else ("count" if indicator.unit == "count" else "decimal")
        report.tables.append(Table(f"{code} {indicator.name}", table, dict.fromkeys(periods, unit),
                                   name=f"trend-{code}", sheet=f"Trend {code}"))
        drawn = [i for i, name in enumerate(table["district"])
                 if name == ALL_DISTRICTS or not session.is_centre or districts]
        report.charts.append(Chart("line", f"{code} {indicator.name}", len(report.tables) - 1, "district", periods,
                                   "rows", indicator.unit, drawn))
    report.notes.append(_say(QT_TRANSLATE_NOOP("reports", "Each period's own figure; at the centre 'All districts' adds the districts up (percents and ratios from the summed numerators and denominators).")))
    if protection is not None:
        report.notes.append(_desk_note(sum(_suppressed_cells(table.frame) for table in report.tables)))
    if approved_only:
        report.notes.append(_say(APPROVED_ONLY_NOTE))
    return with_district_names(report)


# -- 3. gender desks ---------------------------------------------------------------------------------------

# The same definition as POL-10 (storage.reports.desk_indicators.desk_indicator_values): referred to at least one service.
_REFERRED = ("EXISTS (SELECT 1 FROM desk_case_services s WHERE s.case_uuid = c.uuid AND s.deleted = 0 "
             "AND s.status = 'referred')")


def desk_cases_frame(session: Session, span: Span, districts: list[str]) -> pd.DataFrame:
    """Counts of consented, live desk cases grouped by everything the desk report shows.

    Only ``desk_cases`` is read (never the identities table), only cases whose client consented to
    reporting, and only counts leave the database.
    """
    cursor = session.db.execute(
        "SELECT district, substr(report_date, 1, 7), gbv_type, client_sex, coalesce(client_age_group, 'unknown'), "
        "CAST(julianday(report_date) - julianday(incident_date) AS INTEGER), " + _REFERRED + ", count(*) "
        "FROM desk_cases c WHERE deleted = 0 AND consent_reporting = 1 AND report_date BETWEEN ? AND ? "
        f"AND district IN ({_placeholders(districts)}) GROUP BY 1, 2, 3, 4, 5, 6, 7",
        [span.start.isoformat(), span.end.isoformat(), *districts])
    frame = pd.DataFrame(cursor.fetchall(), columns=["district", "month", "gbv_type", "sex", "age_group", "days",
                                                     "referred", "clients"])
    thresholds = session.catalogue.thresholds
    frame["bucket"] = [days_bucket(None if pd.isna(days) else int(days), thresholds) for days in frame["days"]]
    return frame


def _crosstab(frame: pd.DataFrame, rows: str, columns: str, row_order: list[str], column_order: list[str],
              label: str) -> pd.DataFrame:
    table = frame.pivot_table(index=rows, columns=columns, values="clients", aggfunc="sum", fill_value=0)
    table = table.reindex(index=row_order, columns=column_order, fill_value=0)
    return table.rename_axis(None, axis=1).rename_axis(label).reset_index()


# Excel sheet titles (at most 31 characters) of the desk tables whose captions are longer.
DESK_SHEET_TITLES = {"type_sex": "Clients by type and sex", "type_age": "Clients by type and age group",
                     "time": "Reporting time"}


@dataclass
class _DeskTable:
    """One table of the desk report before suppression: its counts' cells are keyed ``(name, row, column)``."""

    caption: str
    frame: pd.DataFrame
    label: str  # the column naming the rows
    columns: list[str]  # the count columns
    name: str  # the cells' key prefix

    def key(self, row: str, column: str) -> tuple:
        return (self.name, row, column)

    def cells(self) -> dict[tuple, int]:
        return {self.key(row, column): int(value) for row, values in zip(self.frame[self.label],
                                                                        self.frame[self.columns].itertuples(index=False),
                                                                        strict=True)
                for column, value in zip(self.columns, values, strict=True)}

    def shown(self, protection: Protection) -> pd.DataFrame:
        """The frame with every hidden count reading SUPPRESSED (object columns: a count or SUPPRESSED)."""
        frame = self.frame.copy()
        for column in self.columns:
            frame[column] = pd.Series([protection.show(self.key(row, column), int(value)) for row, value in
                                       zip(self.frame[self.label], self.frame[column], strict=True)],
                                      index=frame.index, dtype=object)
        return frame


def _desk_report_protection(cases: pd.DataFrame, tables: list[_DeskTable], districts: list[str],
                           gbv_order: list[str]) -> Protection:
    """Suppression of the whole desk report: every table's counts and every relation between them.

    The relations a reader knows: a GBV type's clients (first table) are the sum of its row in the
    type x sex and type x age tables; a district's clients (referral table) are the sum of its row of the
    district x month table and of its column of the reporting-time table, and its referred clients plus
    those not referred (never printed); all clients are both the sum of the types and of the districts.
    """
    by_name = {table.name: table for table in tables}
    values: dict = {}
    for table in tables:
        values |= table.cells()
    relations: list[Relation] = []
    for gbv_type in gbv_order:
        for name in ("type_sex", "type_age"):
            table = by_name[name]
            relations.append(Relation(("type", gbv_type, "clients"), tuple(table.key(gbv_type, c) for c in table.columns)))
    months, buckets = by_name["district_month"].columns, list(by_name["time"].frame["reporting time"])
    for district in districts:
        clients = ("referral", district, "clients")
        relations += [Relation(clients, tuple(("district_month", district, month) for month in months)),
                      Relation(clients, tuple(("time", bucket, district) for bucket in buckets)),
                      Relation(clients, (("referral", district, "referred"), ("not referred", district)))]
        values[("not referred", district)] = values[clients] - values[("referral", district, "referred")]
    values["all clients"] = int(cases["clients"].sum()) if not cases.empty else 0
    relations += [Relation("all clients", tuple(("type", t, "clients") for t in gbv_order)),
                  Relation("all clients", tuple(("referral", d, "clients") for d in districts))]
    shown = [key for key in values if key != "all clients" and key[0] != "not referred"]
    return protect(values, relations, shown)


def desk_report(session: Session, year: int | None = None, period: str | None = None,
                districts: Iterable[str] | None = None, on: dt.date | None = None) -> Report:
    """Gender desk clients by GBV core type, sex, age group, month and district; referral rate; reporting
    time. Consented, live cases only; no count from 1 to SMALL_CELL - 1 shown, nor any cell from which one
    could be worked out with the report's other cells (:func:`_desk_report_protection`)."""
    require(session, "view")
    catalogue = session.catalogue
    span = resolve_span(year, period, on)
    chosen = report_districts(session, districts)
    cases = desk_cases_frame(session, span, chosen)
    present = [d for d in chosen if d in set(cases["district"])]
    gbv_names = {option.code: option.name for option in catalogue.categories["gbv_type"]}
    gbv_order = list(gbv_names)
    sexes = catalogue.list_codes("client_sex")
    ages = [*catalogue.options("age"), "unknown"]
    months = sorted(set(cases["month"]))
    by_type = cases.groupby("gbv_type")["clients"].sum().reindex(gbv_order, fill_value=0)
    referral = _referral_counts(cases, present)
    tables = [
        _DeskTable("Clients by GBV core type", pd.DataFrame({"GBV core type": gbv_order, "clients": list(by_type)}),
                   "GBV core type", ["clients"], "type"),
        _DeskTable("Clients by GBV core type and sex",
                   _crosstab(cases, "gbv_type", "sex", gbv_order, sexes, "GBV core type"), "GBV core type", sexes,
                   "type_sex"),
        _DeskTable("Clients by GBV core type and age group",
                   _crosstab(cases, "gbv_type", "age_group", gbv_order, ages, "GBV core type"), "GBV core type",
                   ages, "type_age"),
        _DeskTable("Clients by district and month",
                   _crosstab(cases, "district", "month", present, months, "district"), "district", months,
                   "district_month"),
        _DeskTable("Reporting time (report date minus incident date)",
                   _crosstab(cases, "bucket", "district", bucket_order(session.catalogue.thresholds), present, "reporting time"), "reporting time",
                   present, "time"),
        _DeskTable("Referral rate by district", referral, "district", ["clients", "referred"], "referral"),
    ]
    protection = _desk_report_protection(cases, tables, present, gbv_order)
    report = Report("desk", _say(QT_TRANSLATE_NOOP("reports", "Gender facilitation desks, {span}"), span=span.label), _scope(session, chosen),
                    span.label, _now())
    for table in tables:
        shown = table.shown(protection)
        formats = dict.fromkeys(table.columns, "count")
        if table.name in ("type", "type_sex", "type_age"):
            shown["GBV core type"] = shown["GBV core type"].map(gbv_names)
        if table.name == "referral":
            # The rate with the clients gives the referred clients back: it shows only beside both counts.
            shown["referral rate %"] = [
                SUPPRESSED if SUPPRESSED in (c, r) else (round(100.0 * r / c, 1) if c else None)
                for c, r in zip(shown["clients"], shown["referred"], strict=True)]
            formats["referral rate %"] = "percent"
        report.tables.append(Table(table.caption, shown, formats, sheet=DESK_SHEET_TITLES.get(table.name, "")))
    report.charts.append(Chart("bar", "Clients by GBV core type", 0, "GBV core type", ["clients"], "columns",
                               "clients"))
    report.notes += [
        _say(QT_TRANSLATE_NOOP("reports", "Only cases whose clients consented to sharing non-identifiable data for reporting, and that are not deleted, are counted; no identifying details are read.")),
        _say(QT_TRANSLATE_NOOP("reports", "Counts from 1 to {largest} read '{suppressed}', and so does every cell from which one could be worked out with the other cells and totals of this report, whatever its own count ({hidden} cell(s) hidden in this report)."),
             largest=SMALL_CELL - 1, suppressed=SUPPRESSED, hidden=protection.count),
        _say(QT_TRANSLATE_NOOP("reports", "Referral rate: clients referred to at least one service, as indicator POL-10.")),
    ]
    if cases.empty:
        report.notes.append(_say(QT_TRANSLATE_NOOP("reports", "No consented desk cases were reported in {span}."), span=span.label))
    return with_district_names(report)


def _referral_counts(cases: pd.DataFrame, districts: list[str]) -> pd.DataFrame:
    """Per district: clients, and clients referred to at least one service."""
    grouped = cases.groupby("district").apply(
        lambda g: pd.Series({"clients": int(g["clients"].sum()), "referred": int(g.loc[g["referred"] == 1, "clients"].sum())}),
        include_groups=False) if not cases.empty else pd.DataFrame(columns=["clients", "referred"])
    return grouped.reindex(districts, fill_value=0).rename_axis("district").reset_index()


# -- 4. completeness and timeliness -------------------------------------------------------------------------


def deadline(sheet_month: str) -> dt.date:
    """When a month's sheet is due: :data:`REPORTING_DEADLINE_DAYS` after the month ends."""
    return _period(sheet_month).end + dt.timedelta(days=REPORTING_DEADLINE_DAYS)


def sheet_month_of(period: str) -> str:
    """The monthly sheet a period's figures come with: itself, the quarter's last month, or December."""
    parsed = _period(period)
    return period_containing("monthly", parsed.end)


def _entry_days(session: Session, periods: list[str], districts: list[str]) -> pd.DataFrame:
    """Cells entered per district, indicator, period and day of entry (the latest change of each cell)."""
    cursor = session.db.execute(
        "SELECT district, indicator, period, substr(entered_at, 1, 10), count(*) FROM indicator_values "
        f"WHERE deleted = 0 AND period IN ({_placeholders(periods)}) AND district IN ({_placeholders(districts)}) "
        "GROUP BY 1, 2, 3, 4", [*periods, *districts])
    return pd.DataFrame(cursor.fetchall(), columns=["district", "indicator", "period", "day", "cells"])


def completeness_report(session: Session, year: int | None = None, period: str | None = None,
                        districts: Iterable[str] | None = None, on: dt.date | None = None, *,
                        approved_only: bool = False) -> Report:
    """Cells entered against cells expected, and entered by the deadline, per district and institution.

    The monthly sheets of the span that have started count (a month's sheet carries the quarter's and
    year's indicators it closes, as the entry screen does). Expected cells are those of
    :func:`storage.views.completeness.completeness`.
    """
    require(session, "view")
    on = on or today()
    catalogue = session.catalogue
    span = resolve_span(year, period, on)
    chosen = report_districts(session, districts)
    # Only months that have ended: the current month's sheet cannot be complete yet.
    months = [m for m in span.periods("monthly") if _period(m).end < on]
    rows = []
    for month in months:
        month_period = _period(month)
        for district in chosen:
            if not catalogue.districts[district].validity.covers(month_period):
                continue
            for found in completeness(session, district, month):
                rows.append({"district": district, "institution": found.name, "month": month,
                             "entered": found.entered, "expected": found.expected, "marked": int(found.complete)})
    sheets = pd.DataFrame(rows, columns=["district", "institution", "month", "entered", "expected", "marked"])
    on_time = _on_time_cells(session, months, chosen, on)
    sheets = sheets.merge(on_time, on=["district", "institution", "month"], how="left").fillna({"on time": 0})
    sheets["on time"] = sheets["on time"].astype(int)
    sheets["due"] = [deadline(m) < on for m in sheets["month"]]
    detail = sheets.groupby(["district", "institution"], sort=False).agg(
        sheets=("month", "count"), expected=("expected", "sum"), entered=("entered", "sum"),
        due_expected=("expected", lambda s: int(s[sheets.loc[s.index, "due"]].sum())),
        on_time=("on time", "sum"), marked=("marked", "sum")).reset_index()
    detail["completeness %"] = [round(100.0 * e / x, 1) if x else None
                                for e, x in zip(detail["entered"], detail["expected"], strict=True)]
    detail["timeliness %"] = [round(100.0 * t / x, 1) if x else None
                              for t, x in zip(detail["on_time"], detail["due_expected"], strict=True)]
    detail["status"] = [status_of(c / 100) if c is not None else None for c in detail["completeness %"]]
    detail = detail.rename(columns={"on_time": "entered on time", "due_expected": "expected by now",
                                    "marked": "sheets marked complete"})
    columns = ["district", "institution", "sheets", "expected", "entered", "completeness %", "expected by now",
               "entered on time", "timeliness %", "sheets marked complete", "status"]
    detail = detail.reindex(columns=columns)
    grid = detail.pivot(index="district", columns="institution", values="completeness %") if len(detail) else \
        pd.DataFrame()
    if len(grid):
        institutions = [i.name for i in catalogue.institutions.values() if i.name in grid.columns]
        grid = grid.reindex(index=[d for d in chosen if d in grid.index], columns=institutions)
    grid = grid.rename_axis(None, axis=1).reset_index() if len(grid) else pd.DataFrame(columns=["district"])
    report = Report("completeness", _say(QT_TRANSLATE_NOOP("reports", "Reporting completeness and timeliness, {span}"), span=span.label),
                    _scope(session, chosen),
                    span.label, _now(), tables=[
                        Table("Completeness % by district and institution", grid,
                              {c: "percent" for c in grid.columns if c != "district"}, sheet="Completeness by district"),
                        Table("Completeness and timeliness", detail,
                              {"sheets": "count", "expected": "count", "entered": "count", "completeness %": "percent",
                               "expected by now": "count", "entered on time": "count", "timeliness %": "percent",
                               "sheets marked complete": "count"}, ("status",)),
                        Table("Data sets and their approval", _approval_table(session, chosen, months, approved_only), {}),
                    ])
    report.notes += [
        _say(QT_TRANSLATE_NOOP("reports", "Completeness: cells entered / cells expected on the monthly entry sheets of the span's ended months (a sheet also carries the quarter's and year's indicators it closes; cells of a percent whose denominator is 0 are not expected).")),
        _say(QT_TRANSLATE_NOOP("reports", "Timeliness: cells entered by the deadline, {days} days after the sheet's month ends (the 10th of the next month), over the cells expected on sheets whose deadline has passed. A cell corrected after the deadline counts as late."),
             days=REPORTING_DEADLINE_DAYS),
        _say(QT_TRANSLATE_NOOP("reports", "Status: complete on track, from {at_risk:.0%} at risk, below off track."), at_risk=AT_RISK_FROM),
    ]
    return with_district_names(report)


def _approval_table(session: Session, districts: list[str], months: list[str], approved_only: bool) -> pd.DataFrame:
    """Each data set of the span's months that a district marked, submitted or the centre decided: its state,
    who decided and why (``approved_only``: the approved ones)."""
    catalogue = session.catalogue
    rows = [{"district": state.district, "institution": catalogue.institutions[state.institution].name,
             "period": state.period, "state": state.state, "decided by": state.decided_by or "",
             "reason": state.reason or ""}
            for state in data_set_states(session)
            if state.district in districts and state.period in months and state.institution in catalogue.institutions
            and (state.state == "approved" or not approved_only)]
    return pd.DataFrame(rows, columns=["district", "institution", "period", "state", "decided by", "reason"])


def _on_time_cells(session: Session, months: list[str], districts: list[str], on: dt.date) -> pd.DataFrame:
    """Per district, institution and sheet month: cells of due indicators entered by the sheet's deadline."""
    columns = ["district", "institution", "month", "on time"]
    if not months or not districts:
        return pd.DataFrame(columns=columns)
    catalogue = session.catalogue
    periods = sorted({p for m in months for p in sheet_periods(m)})
    days = _entry_days(session, periods, districts)
    if days.empty:
        return pd.DataFrame(columns=columns)
    frequency = {code: i.frequency for code, i in catalogue.indicators.items() if i.source == "entry"}
    due = [frequency.get(ind) == _period(p).frequency for ind, p in zip(days["indicator"], days["period"], strict=True)]
    days = days[due].copy()
    days["month"] = days["period"].map(sheet_month_of)
    days["institution"] = days["indicator"].map(lambda code: catalogue.institutions[catalogue.indicators[code].institution].name)
    days["on time"] = [cells if day <= deadline(m).isoformat() else 0
                       for cells, day, m in zip(days["cells"], days["day"], days["month"], strict=True)]
    return days.groupby(["district", "institution", "month"], as_index=False)["on time"].sum()


# -- by name (CLI, GUI) --------------------------------------------------------------------------------------


def build_report(session: Session, kind: str, *, year: int | None = None, period: str | None = None,
                 indicators: Iterable[str] | None = None, districts: Iterable[str] | None = None,
                 approved_only: bool = False) -> Report:
    """One report by its kind (:data:`REPORT_KINDS`), with the CLI's options."""
    if kind == "progress":
        return progress_report(session, year, period, districts, approved_only=approved_only)
    if kind == "trend":
        return trend_report(session, indicators, districts, year, period, approved_only=approved_only)
    if kind == "desk":
        if approved_only:
            raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "The desk report counts case records, which no data set approves: it has no --approved-only.")))
        return desk_report(session, year, period, districts)
    if kind == "completeness":
        return completeness_report(session, year, period, districts, approved_only=approved_only)
    raise UsageError(f"Unknown report {kind!r}; choose one of {', '.join(REPORT_KINDS)}.")
