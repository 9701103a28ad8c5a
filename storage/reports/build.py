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

Every report takes a level (:data:`storage.reference.org_units.LEVELS`): the rows are the province, each
division, each district (as stored) or each gender desk. Above the district the districts' figures are
added up by :func:`roll_up` under the same rules (one code path for every level, the "All districts" rows
included); the desk level counts the desk indicators from each desk's own records, beside a row per district
adding its desks up, suppressed together.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import pandas as pd

from storage.core.clock import today
from storage.core.roles import require
from storage.core.session import Session
from storage.errors import UsageError
from storage.i18n import QT_TRANSLATE_NOOP, fill, say, translate
from storage.records.approvals import approved_data_sets, data_set_states
from storage.records.plan import headline_indicators, provincial_targets
from storage.reference.catalogue import TOTAL_CELL, Indicator, load_catalogue
from storage.reference.due import last_complete_period, sheet_periods
from storage.reference.periods import Period, parse_period, period_containing, shift
from storage.reports.desk_indicators import desk_indicator_values
from storage.reports.levels import DEFAULT_LEVEL, after_close_sql, checked_level, desks_open_in, report_tree
from storage.reports.suppression import SMALL_CELL, SUPPRESSED, Protection, Relation, protect
from storage.validation import bucket_order, compute_value, days_bucket
from storage.views.completeness import completeness

REPORT_KINDS = ("progress", "trend", "desk", "completeness")  # and the Steering Committee pack: storage.reports.kinds

# -- status against targets ------------------------------------------------------------------------------
# performance = figure / target (higher is better) or target / figure (lower is better), where a flow's
# yearly target is pro-rated to the periods of the span that have ended. On track from 100 %, at risk from
# 80 %, off track below. Indicators whose direction is "none" in the catalogue get no status.
ON_TRACK, AT_RISK, OFF_TRACK = "on track", "at risk", "off track"
ON_TRACK_FROM, AT_RISK_FROM = 1.0, 0.8
STATUSES = (ON_TRACK, AT_RISK, OFF_TRACK)
# Fill colours (RGB hex) of the statuses, for every export and screen: Excel's good / neutral / bad styles.
STATUS_COLOURS = {ON_TRACK: "C6EFCE", AT_RISK: "FFEB9C", OFF_TRACK: "FFC7CE"}

# The headline indicators are shown first in the progress report and are the trend report's default: those the
# Action Plan's results framework marks (storage.records.plan), in its order. Until a framework marking some is
# loaded, these: the roadmap's headline results (conviction rate, unsentenced detainees, ...).
FALLBACK_HEADLINE_INDICATORS = ("PRO-04", "PRS-02", "PRS-03", "PRS-01", "CRT-03", "CRT-04")


def headline_codes(session: Session) -> tuple[str, ...]:
    """The headline indicators: the framework's marks, else :data:`FALLBACK_HEADLINE_INDICATORS`."""
    return tuple(headline_indicators(session)) or FALLBACK_HEADLINE_INDICATORS

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
    QT_TRANSLATE_NOOP("reports", "Clients by GBV core type and month"),
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
    QT_TRANSLATE_NOOP("reports", "province"), QT_TRANSLATE_NOOP("reports", "province name"),
    QT_TRANSLATE_NOOP("reports", "division"), QT_TRANSLATE_NOOP("reports", "division name"),
    QT_TRANSLATE_NOOP("reports", "desk"), QT_TRANSLATE_NOOP("reports", "desk name"),
    QT_TRANSLATE_NOOP("reports", "All desks"), QT_TRANSLATE_NOOP("reports", "Balochistan"),
    QT_TRANSLATE_NOOP("reports", "Clients by province and month"),
    QT_TRANSLATE_NOOP("reports", "Clients by division and month"),
    QT_TRANSLATE_NOOP("reports", "Clients by desk and month"),
    QT_TRANSLATE_NOOP("reports", "Referral rate by province"), QT_TRANSLATE_NOOP("reports", "Referral rate by division"),
    QT_TRANSLATE_NOOP("reports", "Referral rate by desk"),
)


def report_words(template: str, **values: object) -> str:
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
    level: str = DEFAULT_LEVEL  # what the rows are: storage.reference.org_units.LEVELS

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


ALL_DESKS = "All desks"


def at_level(session: Session, report: Report, level: str, keep: Sequence[str] = ()) -> Report:
    """The report's rows named for its level: the ``district`` column (which holds each row's unit while a
    report is built) becomes ``division`` or ``province`` with the unit's name beside it; at the desk level
    ``desk`` and ``desk name`` come first and ``district`` holds the desk's district (its own row, which adds
    its desks up, reads "All desks"). Tables captioned in ``keep`` stay per district. Then district names
    (:func:`with_district_names`). Names only: figures and suppression are untouched."""
    report.level = level
    if level == DEFAULT_LEVEL:
        return with_district_names(report)
    tree = report_tree(session)
    desks = tree.units["desk"]
    label = "desk name" if level == "desk" else f"{level} name"
    for position, table in enumerate(report.tables):
        if table.caption in keep or "district" not in table.frame.columns:
            continue
        frame = table.frame.copy()
        places = list(frame["district"])
        at = list(frame.columns).index("district")
        if level == "desk":
            frame.insert(at, "desk", pd.Series([p if p in desks else ALL_DESKS for p in places], index=frame.index,
                                               dtype=object))
            frame.insert(at + 1, label, pd.Series([desks[p].name if p in desks else ALL_DESKS for p in places],
                                                  index=frame.index, dtype=object))
            frame["district"] = [desks[p].parent if p in desks else p for p in places]
        else:
            names = tree.names(level)
            frame = frame.rename(columns={"district": level})
            frame.insert(at, label, pd.Series([names.get(p, p) for p in places], index=frame.index, dtype=object))
        table.frame = frame
        for chart in report.charts:
            if chart.table == position and chart.label_column == "district":
                chart.label_column = label
    return with_district_names(report)


LEVEL_NOTES = {
    "province": QT_TRANSLATE_NOOP("reports", "Province level: every district added up by the same rules: flows and counts add, a stock figure adds each district's last figure in the span, percents and ratios are recomputed from the summed numerators and denominators. A count's target is its districts' targets added up when every one has a target; percents, ratios and days have none above the district. 'Periods' counts the districts' figures added in."),
    "division": QT_TRANSLATE_NOOP("reports", "Division level: each division's districts added up by the same rules: flows and counts add, a stock figure adds each district's last figure in the span, percents and ratios are recomputed from the summed numerators and denominators. A count's target is its districts' targets added up when every one has a target; percents, ratios and days have none above the district. 'Periods' counts the districts' figures added in."),
    "desk": QT_TRANSLATE_NOOP("reports", "Desk level: the desk indicators (POL-09 to POL-13), counted from each desk's own records, with a row per district adding its desks up ('All desks'). Every other indicator is typed in per district and has no desk breakdown: see it at the district level. Desks have no targets."),
}


def level_notes(session: Session, level: str, span: Span) -> list[str]:
    """What a report at ``level`` says about its units: how they add up, and each desk closed by the span's end."""
    notes = [report_words(LEVEL_NOTES[level])] if level in LEVEL_NOTES else []
    tree = report_tree(session)
    for code, desk in tree.units["desk"].items():
        closed = desk.validity.valid_to
        if closed is not None and closed <= span.end:
            notes.append(report_words(QT_TRANSLATE_NOOP("reports", "Desk {desk} closed on {date}: its records after that date are not counted, at any level."),
                              desk=code, date=closed.isoformat()))
    return notes


def report_scope(session: Session, districts: list[str]) -> str:
    """The places a report covers, as its subtitle says them: the district, "All districts", or their codes."""
    if not session.is_centre or len(districts) == 1:
        return districts[0]
    return ALL_DISTRICTS if len(districts) == len(session.catalogue.districts) else ", ".join(districts)


def report_time() -> str:
    """When a report is made, to the minute, on the office's clock (printed on the report, never compared)."""
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


def roll_up(figures: pd.DataFrame, unit_of: Mapping[str, str], by: Sequence[str] = ("indicator",)) -> pd.DataFrame:
    """Figures (:data:`FIGURE_COLUMNS`, one row per ``by`` and place) added up to the units ``unit_of`` maps
    each place to (a district to its division, a desk to its district...): the one roll-up of every level.

    Per ``by`` and unit: flows' sums add, numerators and denominators add (a percent or ratio is then
    recomputed from them by :func:`figure_of`, never averaged), and a stock figure is the sum of its places'
    last figures (each place's stock at the last period it reported in the span, as the progress report's
    "All districts" row has always added them; ``last_period`` is the latest of them). ``periods`` and
    ``unapproved`` add up: the figures added in, and how many of them are unapproved. A place ``unit_of``
    does not map is left out. The result keeps the place column's name (``district``), holding the unit.
    """
    keys = [*by, "district"]
    if figures.empty:
        return figures.reindex(columns=list(dict.fromkeys([*by, *FIGURE_COLUMNS])))
    frame = figures.assign(district=figures["district"].map(unit_of))
    frame = frame[frame["district"].notna()]
    added = ["value_sum", "numerator", "denominator", "last_value", "unapproved"]
    frame = frame.assign(**{column: pd.to_numeric(frame[column]) for column in added})
    grouped = frame.groupby(keys, sort=False)
    # Nothing to add up is no figure (None), not 0: a count's numerator, a district without figures. Summed
    # by pandas itself (min_count=1), not a Python function per group: a province of 40 indicators x 37
    # districts x 5 spans was a second of the Steering Committee pack (bench/bench_steering.py).
    sums = grouped[added].sum(min_count=1)
    rolled = pd.concat([grouped["periods"].sum(), sums, grouped["last_period"].max()], axis=1).reset_index()
    rolled[added] = rolled[added].astype(object).where(rolled[added].notna(), None)
    return rolled.reindex(columns=list(dict.fromkeys([*by, *FIGURE_COLUMNS])))


def entry_figures(session: Session, span: Span, districts: list[str], approved: str | None = None) -> pd.DataFrame:
    """The entry indicators' figures; each counts its periods from unapproved data sets (with ``approved``,
    only approved ones are read, so none)."""
    entry = session.catalogue.indicators_for(source="entry")
    restrict = None if session.is_centre and len(districts) == len(session.catalogue.districts) else districts
    sql, params = span_figures_sql(span, entry, restrict, approved,
                                   count_unapproved=approved if approved is not None else approved_values_json(session))
    return pd.DataFrame(session.db.execute(sql, params).fetchall(), columns=FIGURE_COLUMNS)


def _desk_totals(session: Session, span: Span, districts: list[str], desks: Sequence[tuple[str, str]] = ()
                 ) -> dict[str, dict[str, dict]]:
    """{district: {indicator: total figure}} of the desk indicators, for districts with desk records; with
    ``desks`` ((desk, its district) pairs, the desk level), {desk: ...} for those desks instead."""
    if span.code is None:
        return {}
    if desks:
        return {desk: {figure["indicator"]: figure for figure in desk_indicator_values(session, district, span.code, desk)
                       if figure["cell"] == TOTAL_CELL} for desk, district in desks}
    with_cases = {row[0] for row in session.db.execute(
        "SELECT DISTINCT district FROM desk_cases WHERE deleted = 0 UNION "
        "SELECT DISTINCT district FROM pkm_requests WHERE deleted = 0")}
    return {district: {figure["indicator"]: figure for figure in desk_indicator_values(session, district, span.code)
                       if figure["cell"] == TOTAL_CELL}
            for district in districts if district in with_cases}


def _desk_rows(totals: Mapping[Hashable, dict[str, dict]], period: str | None) -> pd.DataFrame:
    """Desk indicators' totals {place: {indicator: figure}} as figure rows (:data:`FIGURE_COLUMNS`), one period."""
    rows = [[code, place, 1, figure["value"], figure["numerator"], figure["denominator"], period,
             figure["value"], None]
            for place, figures in totals.items() for code, figure in figures.items()]
    return pd.DataFrame(rows, columns=FIGURE_COLUMNS)


def _desk_figures(totals: dict[str, dict[str, dict]], span: Span) -> pd.DataFrame:
    """The desk indicators' totals (computed from the register) as rows of the progress report's figures."""
    rows = _desk_rows(totals, span.code)
    return rows[rows["value_sum"].notna()].reset_index(drop=True)


def roll_up_totals(totals: Mapping[Hashable, dict[str, dict]], unit_of: Mapping, indicators: Mapping[str, Indicator]
                   ) -> dict[Hashable, dict[str, dict]]:
    """Desk indicators' totals {place: {indicator: figure}} added up to units by :func:`roll_up` (the counts a
    unit's desk figures publish, for its small-cell suppression)."""
    rolled = roll_up(_desk_rows(totals, None), unit_of)
    found: dict[str, dict[str, dict]] = {}
    for row in rolled.itertuples(index=False):
        found.setdefault(row.district, {})[row.indicator] = {
            "value": figure_of(indicators[row.indicator], row.value_sum, row.numerator, row.denominator, row.last_value),
            "numerator": row.numerator, "denominator": row.denominator}
    return found


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
    return report_words(QT_TRANSLATE_NOOP("reports", "Desk indicators POL-09 to POL-11 count live desk cases whose clients consented to sharing non-identifiable data for reporting, at a district as at the centre. Counts from 1 to {largest}, and figures from which one could be worked out, read '{suppressed}' ({hidden} cell(s) hidden in this report)."),
                largest=SMALL_CELL - 1, suppressed=SUPPRESSED, hidden=hidden)


def desk_figure_hidden(protection: Protection, indicator: str, place: tuple) -> bool:
    """Whether a desk-case indicator's figure at a place reads SUPPRESSED: any of its counts is hidden."""
    return any((count, *place) in protection.hidden for count in DESK_CASE_COUNTS[indicator] if count)


def figure_of(indicator: Indicator, value_sum, numerator, denominator, last_value) -> float | None:
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


def level_units(session: Session, level: str, districts: list[str], span: Span) -> dict[str, str]:
    """{place: unit} for a report at ``level``: each district open at some time in the span to its division or
    the province (the district level maps each to itself), so a unit's target asks nothing of a district
    abolished before the span; at the desk level each desk open in the span to itself."""
    tree = report_tree(session)
    if level == "desk":
        return {desk.code: desk.code for desk in desks_open_in(tree, districts, span.start, span.end)}
    open_districts = [code for code in districts if _open_between(tree.unit("district", code).validity, span)]
    return tree.district_to_unit(level, open_districts)


def _open_between(validity, span: Span) -> bool:
    """Whether a validity range overlaps the span's dates at all."""
    return ((validity.valid_from is None or validity.valid_from <= span.end)
            and (validity.valid_to is None or validity.valid_to >= span.start))


def desk_places(session: Session, units: Mapping[str, str]) -> list[tuple[str, str]]:
    """(desk, its district) of the desk level's units."""
    desks = report_tree(session).units["desk"]
    return [(code, desks[code].parent or "") for code in units if code in desks]


def _unit_targets(targets: pd.DataFrame, unit_of: Mapping[str, str], indicators: Mapping[str, Indicator]
                  ) -> pd.DataFrame:
    """A unit's yearly target of a count (flow or stock): its districts' targets added up, when every one of
    its districts has one (else none: part of the unit would go unjudged). Percents, ratios and days have
    none above the district: a level is not the sum of levels."""
    members: dict[str, set[str]] = {}
    for district, unit in unit_of.items():
        members.setdefault(unit, set()).add(district)
    counts = targets[targets["indicator"].map(lambda code: code in indicators and indicators[code].unit == "count")]
    rows = []
    for (code, unit), group in counts.assign(unit=counts["district"].map(unit_of)).dropna(subset=["unit"]).groupby(
            ["indicator", "unit"]):
        if set(group["district"]) == members[unit]:
            rows.append({"indicator": code, "district": unit, "target": group["target"].sum()})
    return pd.DataFrame(rows, columns=["indicator", "district", "target"])


def progress_frame(session: Session, span: Span, districts: list[str], on: dt.date | None = None,
                   approved: str | None = None, level: str = DEFAULT_LEVEL) -> pd.DataFrame:
    """Every indicator x unit of ``level`` (default: district) with a figure in the span: figure, target,
    expected, achievement, status. ``approved`` (:func:`approved_values_json`): only figures of approved
    data sets, and no desk figures (they are counted from case records, which no data set approves).

    Above the district the district figures are added up by :func:`roll_up`; at the desk level only the
    desk indicators have figures (one row per desk, and one per district adding its desks up)."""
    on = on or today()
    catalogue = session.catalogue
    indicators = catalogue.indicators
    unit_of = level_units(session, level, districts, span) if level != DEFAULT_LEVEL else {}
    if level == "desk":
        per_desk = _desk_totals(session, span, districts, desk_places(session, unit_of)) if approved is None else {}
        by_district = roll_up_totals(per_desk, {desk: district for desk, district in desk_places(session, unit_of)},
                                     indicators)
        desk_totals = {**per_desk, **by_district}
        figures = _desk_figures(desk_totals, span)
    else:
        desk_totals = _desk_totals(session, span, districts) if approved is None else {}
        figures = pd.concat([frame for frame in (entry_figures(session, span, districts, approved),
                                                  _desk_figures(desk_totals, span)) if not frame.empty]
                            or [pd.DataFrame(columns=FIGURE_COLUMNS)], ignore_index=True)
        if unit_of:
            figures = roll_up(figures, unit_of)
            desk_totals = roll_up_totals(desk_totals, unit_of, indicators)
    if figures.empty:
        return pd.DataFrame(columns=PROGRESS_COLUMNS)
    figures["figure"] = [figure_of(indicators[code], *parts) for code, *parts in zip(
        figures["indicator"], figures["value_sum"], figures["numerator"], figures["denominator"],
        figures["last_value"], strict=True)]
    targets = pd.DataFrame(session.db.execute(
        "SELECT indicator, district, target FROM targets WHERE deleted = 0 AND year = ?", [span.year]).fetchall(),
        columns=["indicator", "district", "target"])
    if level == "desk":
        targets = targets.iloc[0:0]  # targets are set per district: a desk has none
    elif unit_of:
        targets = _unit_targets(targets, unit_of, indicators)
    frame = figures.merge(_catalogue_frame(indicators.values()), on="indicator").merge(
        targets, on=["indicator", "district"], how="left")
    shares = {code: target_share(indicator, span, on) for code, indicator in indicators.items()}
    frame["expected"] = frame["target"] * frame["indicator"].map(shares)
    frame["performance"] = [performance(a, t, b) for a, t, b in zip(frame["figure"], frame["expected"],
                                                                   frame["better"], strict=True)]
    frame["status"] = frame["performance"].map(status_of)
    frame["achievement %"] = [round(100 * p, 1) if p is not None and math.isfinite(p) else None
                              for p in frame["performance"]]
    frame = _suppress_desk_rows(frame, desk_totals, _desk_level_totals(session, unit_of) if level == "desk" else None)
    order = {code: position for position, code in enumerate(indicators)}
    # Units in the tree's order (a district's desks, then the district adding them up); districts by code.
    places = {place: position for position, place in enumerate(
        [*unit_of, *sorted({district for _, district in desk_places(session, unit_of)})] if unit_of else [])}
    frame = frame.assign(_order=frame["indicator"].map(order), _place=frame["district"].map(places).fillna(0)
                         ).sort_values(["_place", "district", "_order"])
    frame["institution"] = frame["institution"].map(lambda code: catalogue.institutions[code].name)
    for column in ("numerator", "denominator"):
        frame[column] = frame[column].where(frame["unit"].isin(("percent", "ratio")))
    return frame[[*PROGRESS_COLUMNS, "performance", "aggregation", "better", "value_sum", "last_value"]
                 ].reset_index(drop=True)


def _desk_level_totals(session: Session, unit_of: Mapping[str, str]) -> dict[tuple, list[tuple]]:
    """At the desk level: {(district,): [(desk,), ...]}: a district's row adds its desks' rows up."""
    totals: dict[tuple, list[tuple]] = {}
    for desk, district in desk_places(session, unit_of):
        totals.setdefault((district,), []).append((desk,))
    return totals


def _suppress_desk_rows(frame: pd.DataFrame, desk_totals: dict[str, dict[str, dict]],
                        totals: dict[tuple, list[tuple]] | None = None) -> pd.DataFrame:
    """The progress figures with the desk-case indicators' small cells (and those giving them away) hidden.

    Each district's POL-09 to POL-11 print clients, referred clients, clients with an incident date and
    those reported quickly; they are protected together (:func:`protect_desk_counts`). A hidden figure
    hides its achievement % and status too (either gives the figure back against the printed target).
    """
    desk_rows = frame["indicator"].isin(list(DESK_CASE_COUNTS))
    if not desk_rows.any():
        return frame
    # A total's counts are its parts' sums (protect_desk_counts adds them up and relates them).
    protection = protect_desk_counts({(place,): figures for place, figures in desk_totals.items()
                                      if (place,) not in (totals or {})},
                                     set(frame.loc[desk_rows, "indicator"]), totals)
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
    """All districts (or divisions) together, per indicator, by the one roll-up (:func:`roll_up`): flows and
    stock figures add up across the rows, percents and ratios are recomputed from the summed numerators and
    denominators."""
    figures = frame.assign(last_period=None).reindex(columns=FIGURE_COLUMNS)
    rolled = roll_up(figures, dict.fromkeys(frame["district"], ALL_DISTRICTS))
    rows = []
    for row in rolled.itertuples(index=False):
        indicator = indicators[row.indicator]
        fraction = indicator.has_fraction
        rows.append({"district": ALL_DISTRICTS, "indicator": row.indicator, "name": indicator.name,
                     "figure": figure_of(indicator, row.value_sum, row.numerator, row.denominator, row.last_value),
                     "numerator": row.numerator if fraction else None,
                     "denominator": row.denominator if fraction else None})
    return pd.DataFrame(rows)


def against_provincial_targets(session: Session, province: pd.DataFrame, span: Span, on: dt.date) -> pd.DataFrame:
    """The province's rows with the framework's provincial target of the span's year, the expected figure
    (pro-rated for flows, as a district's) and the status."""
    if province.empty:
        return province
    indicators = session.catalogue.indicators
    targets = provincial_targets(session, span.year)
    province = province.copy()
    province["target"] = province["indicator"].map(targets)
    province["expected"] = [target * target_share(indicators[code], span, on) if pd.notna(target) else None
                            for code, target in zip(province["indicator"], province["target"], strict=True)]
    province["status"] = [status_of(performance(figure, expected, indicators[code].better))
                          for code, figure, expected in zip(province["indicator"], province["figure"],
                                                            province["expected"], strict=True)]
    return province


def institution_summary(frame: pd.DataFrame) -> pd.DataFrame:
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
                    approved_only: bool = False, level: str | None = None) -> Report:
    """Progress against targets for a year or a period within it: headline indicators, district x
    institution summary, and every indicator. ``approved_only``: figures of approved data sets only.
    ``level``: the units the rows are (:func:`progress_frame`)."""
    require(session, "view")
    level = checked_level(session, level)
    span = resolve_span(year, period, on)
    chosen = report_districts(session, districts)
    frame = progress_frame(session, span, chosen, on, approved_values_json(session) if approved_only else None,
                           level)
    headline_list = headline_codes(session)
    headline = frame[frame["indicator"].isin(headline_list)]
    indicators = session.catalogue.indicators
    several = len(chosen) > 1 if level == DEFAULT_LEVEL else frame["district"].nunique() > 1
    # All districts together beside the districts or divisions (at the province level it is the one row),
    # judged against the results framework's provincial targets.
    if session.is_centre and several and level in ("division", DEFAULT_LEVEL) and not headline.empty:
        # The desk-case indicators' province figures need their own small-cell protection: left to the pack.
        province = province_figures(headline[~headline["indicator"].isin(list(DESK_CASE_COUNTS))], indicators)
        headline = pd.concat([headline, against_provincial_targets(session, province, span, on or today())],
                             ignore_index=True)
    headline_order = {code: position for position, code in enumerate(headline_list)}
    # Each headline indicator: all districts together first, then the districts.
    headline = headline.assign(_order=headline["indicator"].map(headline_order),
                               _province=headline["district"] != ALL_DISTRICTS).sort_values(
        ["_order", "_province", "district"], kind="stable")
    headline_columns = ["indicator", "name", "district", "figure", "numerator", "denominator", "target", "expected",
                        "status"]
    detail = frame[PROGRESS_COLUMNS]
    report = Report("progress", report_words(QT_TRANSLATE_NOOP("reports", "Progress against targets, {span}"), span=span.label),
                    report_scope(session, chosen), span.label,
                    report_time(), tables=[
                        Table("Headline indicators", headline.reindex(columns=headline_columns).reset_index(drop=True),
                              PROGRESS_FORMATS, ("status",)),
                        Table("Districts and institutions", institution_summary(frame),
                              {status: "count" for status in (*STATUSES, "not judged")}, ("status",)),
                        Table("Every indicator", detail.reset_index(drop=True), PROGRESS_FORMATS, ("status",)),
                    ])
    report.notes += [
        report_words(QT_TRANSLATE_NOOP("reports", "Flows add up over the periods; stock figures (prison population, pending cases) are the last period's; percents and ratios are recomputed from the summed numerators and denominators.")),
        report_words(QT_TRANSLATE_NOOP("reports", "Status: the figure against the target, pro-rated for flows to the periods ended ({span}). On track from {on_track:.0%}, at risk from {at_risk:.0%}, off track below; where lower is better, target / figure. A district and institution's status is that of its median indicator."),
             span=span.label, on_track=ON_TRACK_FROM, at_risk=AT_RISK_FROM),
    ]
    report.notes.append(report_words(QT_TRANSLATE_NOOP("reports", "Unapproved: how many of the periods in a figure come from data sets the centre has not approved yet.")))
    if approved_only:
        report.notes.append(report_words(APPROVED_ONLY_NOTE))
    province_rows = headline[headline["district"] == ALL_DISTRICTS] if not headline.empty else headline
    if not province_rows.empty and province_rows["target"].notna().any():
        report.notes.append(report_words(QT_TRANSLATE_NOOP("reports", "All districts: the province's figure against the Action Plan's provincial target for {year} (results framework), pro-rated and judged as a district's."),
                                 year=span.year))
    report.notes += level_notes(session, level, span)
    if frame.empty:
        report.notes.append(report_words(QT_TRANSLATE_NOOP("reports", "No figures are stored for {span}."), span=span.label))
    if frame["indicator"].isin(list(DESK_CASE_COUNTS)).any():
        report.notes.append(_desk_note(sum(_suppressed_cells(table.frame) for table in report.tables)))
    return at_level(session, report, level)


# -- 2. trend ----------------------------------------------------------------------------------------------


def desk_period_totals(session: Session, periods: Iterable[str], districts: list[str],
                       desks: Sequence[tuple[str, str]] = ()) -> dict[tuple[str, str], dict[str, dict]]:
    """{(district, period): {indicator: total figure}} of the desk indicators (POL-09 to POL-13); with
    ``desks`` ((desk, its district) pairs, the desk level) {(desk, period): ...} of those desks instead."""
    if desks:
        return {(desk, period): {f["indicator"]: f for f in desk_indicator_values(session, district, period, desk)
                                 if f["cell"] == TOTAL_CELL}
                for desk, district in desks for period in periods}
    return {(district, period): {f["indicator"]: f for f in desk_indicator_values(session, district, period)
                                 if f["cell"] == TOTAL_CELL}
            for district in districts for period in periods}


def _roll_trend_rows(rows: pd.DataFrame, unit_of: Mapping[str, str], indicator: Indicator) -> pd.DataFrame:
    """Trend rows (place, period, value, numerator, denominator) added up to units, each period on its own,
    by :func:`roll_up`: flows and stock figures of one period add, percents and ratios from the sums."""
    figures = pd.DataFrame({"period": rows["period"], "indicator": indicator.code, "district": rows["district"],
                            "periods": 1, "value_sum": rows["value"], "numerator": rows["numerator"],
                            "denominator": rows["denominator"], "last_period": rows["period"],
                            "last_value": rows["value"], "unapproved": None}, columns=["period", *FIGURE_COLUMNS])
    rolled = roll_up(figures, unit_of, by=("period",))
    values = [figure_of(indicator, *parts) for parts in zip(rolled["value_sum"], rolled["numerator"],
                                                          rolled["denominator"], rolled["last_value"], strict=True)]
    return pd.DataFrame({"district": rolled["district"], "period": rolled["period"], "value": values,
                         "numerator": rolled["numerator"], "denominator": rolled["denominator"]},
                        columns=["district", "period", "value", "numerator", "denominator"])


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
                approved: str | None = None, unit_of: Mapping[str, str] | None = None,
                totals: Mapping[str, list[str]] | None = None) -> pd.DataFrame:
    """Districts (and all districts together, at the centre) x periods of one indicator.

    ``unit_of``: the districts' rows added up to these units (a division, the province). ``totals``: {row:
    the rows it adds up} shown after them (default at the centre: "All districts", every row); at the desk
    level ``districts`` are desks (their ``desk_totals`` given) and ``totals`` each district's desks."""
    rows = _trend_rows(session, indicator, periods, districts, desk_totals, approved)
    places = list(districts)
    if unit_of:
        rows = _roll_trend_rows(rows, unit_of, indicator)
        places = list(dict.fromkeys(unit_of[d] for d in districts if d in unit_of))
    wide = rows.pivot(index="district", columns="period", values="value").reindex(columns=periods)
    wide = wide.reindex([d for d in places if d in wide.index])
    if totals is None:
        totals = {ALL_DISTRICTS: places} if session.is_centre and len(districts) > 1 else {}
    for total, parts in totals.items():
        # Each period on its own: the rows add up (stock figures too), percents from summed parts.
        summed = _roll_trend_rows(rows, dict.fromkeys(parts, total), indicator)
        wide.loc[total] = pd.Series(list(summed["value"]), index=list(summed["period"]), dtype=object
                                    ).reindex(periods)
    return wide.rename_axis(None, axis=1).reset_index().rename(columns={"index": "district"})


def trend_report(session: Session, indicators: Iterable[str] | None = None, districts: Iterable[str] | None = None,
                 year: int | None = None, period: str | None = None, on: dt.date | None = None, *,
                 approved_only: bool = False, level: str | None = None) -> Report:
    """One table and line chart per indicator: its figure in every period of the span, per district (or
    per unit of ``level``: each period's figures added up by :func:`roll_up`; at the desk level the desk
    indicators per desk, with each district's desks added up beside them).

    The default span is the last 12 complete months; the default indicators the headline ones (:func:`headline_codes`).
    At the centre the chart draws all districts together, plus the districts chosen (above the district:
    every unit).
    """
    require(session, "view")
    level = checked_level(session, level)
    catalogue = session.catalogue
    # At the desk level only the desk indicators have rows: they are its default.
    from_desks = [code for code, indicator in catalogue.indicators.items() if indicator.source != "entry"]
    codes = [code.strip().upper() for code in indicators] if indicators else (
        from_desks if level == "desk" else list(headline_codes(session)))
    for code in codes:
        if code not in catalogue.indicators:
            raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "Indicator {code} is not in the catalogue. Use a code such as PRO-04."), code=repr(code)))
    if level == "desk" and not set(codes) & set(from_desks):
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "{codes}: typed in per district, with no desk breakdown. At the desk level choose a desk indicator: {desk}."),
                             codes=", ".join(codes), desk=", ".join(from_desks)))
    span = resolve_span(year, period, on, default_months=12)
    chosen = report_districts(session, districts)
    report = Report("trend", report_words(QT_TRANSLATE_NOOP("reports", "Trend, {span}"), span=span.label), report_scope(session, chosen), span.label,
                    report_time())
    # The desk-case indicators of the report are protected together: POL-10's clients are POL-09's.
    desk_codes = [code for code in codes if code in DESK_CASE_COUNTS]
    desk_periods = sorted({p for code in desk_codes for p in span.periods(catalogue.indicators[code].frequency)})
    unit_of = level_units(session, level, chosen, span) if level != DEFAULT_LEVEL else {}
    rows_of, totals, roll_to = chosen, None, None
    if level == "desk":
        places = desk_places(session, unit_of)
        rows_of = [desk for desk, _ in places]
        desk_totals = desk_period_totals(session, desk_periods, chosen, places)
        totals = {}
        for desk, district in places:
            totals.setdefault(district, []).append(desk)
        protected = desk_totals
        provinces = {(district, period): [(desk, period) for desk in desks]
                     for district, desks in totals.items() for period in desk_periods}
    else:
        desk_totals = desk_period_totals(session, desk_periods, chosen)
        protected, units = desk_totals, chosen
        if unit_of:
            roll_to = unit_of
            units = list(dict.fromkeys(unit_of.values()))
            protected = {(unit, period): figures for period in desk_periods for unit, figures in roll_up_totals(
                {district: desk_totals[(district, period)] for district in chosen}, unit_of, catalogue.indicators
            ).items()}
            totals = {ALL_DISTRICTS: units} if session.is_centre and len(units) > 1 else {}
        with_province = session.is_centre and len(units) > 1
        provinces = {(ALL_DISTRICTS, period): [(unit, period) for unit in units]
                     for period in desk_periods} if with_province else {}
    protection = protect_desk_counts(protected, desk_codes, provinces) if desk_codes else None
    approved = approved_values_json(session) if approved_only else None
    for code in codes:
        indicator = catalogue.indicators[code]
        periods = span.periods(indicator.frequency)
        if not periods:
            report.notes.append(report_words(QT_TRANSLATE_NOOP("reports", "{code} is {frequency}: no whole {frequency} period in {span}."),
                                     code=code, frequency=indicator.frequency, span=span.label))
            continue
        if level == "desk" and indicator.source == "entry":
            report.notes.append(report_words(QT_TRANSLATE_NOOP("reports", "{code} is typed in per district: it has no desk breakdown (see it at the district level)."),
                                     code=code))
            continue
        table = trend_table(session, indicator, periods, rows_of, desk_totals, approved, roll_to, totals)
        if protection is not None and code in DESK_CASE_COUNTS:
            for period in periods:
                table[period] = [SUPPRESSED if desk_figure_hidden(protection, code, (district, period)) else figure
                                 for district, figure in zip(table["district"], table[period].astype(object), strict=True)]
        unit = "percent" if indicator.unit == "percent" else ("count" if indicator.unit == "count" else "decimal")
        report.tables.append(Table(f"{code} {indicator.name}", table, dict.fromkeys(periods, unit),
                                   name=f"trend-{code}", sheet=f"Trend {code}"))
        drawn = [i for i, name in enumerate(table["district"])
                 if name == ALL_DISTRICTS or not session.is_centre or districts or level != DEFAULT_LEVEL]
        report.charts.append(Chart("line", f"{code} {indicator.name}", len(report.tables) - 1, "district", periods,
                                   "rows", indicator.unit, drawn))
    report.notes.append(report_words(QT_TRANSLATE_NOOP("reports", "Each period's own figure; at the centre 'All districts' adds the districts up (percents and ratios from the summed numerators and denominators).")))
    if protection is not None:
        report.notes.append(_desk_note(sum(_suppressed_cells(table.frame) for table in report.tables)))
    if approved_only:
        report.notes.append(report_words(APPROVED_ONLY_NOTE))
    report.notes += level_notes(session, level, span)
    return at_level(session, report, level)


# -- 3. gender desks ---------------------------------------------------------------------------------------

# The same definition as POL-10 (storage.reports.desk_indicators.desk_indicator_values): referred to at least one service.
_REFERRED = ("EXISTS (SELECT 1 FROM desk_case_services s WHERE s.case_uuid = c.uuid AND s.deleted = 0 "
             "AND s.status = 'referred')")


def desk_cases_frame(session: Session, span: Span, districts: list[str]) -> pd.DataFrame:
    """Counts of consented, live desk cases grouped by everything the desk report shows.

    Only ``desk_cases`` is read (never the identities table), only cases whose client consented to
    reporting, and only counts leave the database. A desk the catalogue closed counts up to its close date.
    """
    closed, closed_params = after_close_sql(session, "report_date")
    cursor = session.db.execute(
        "SELECT district, substr(report_date, 1, 7), gbv_type, client_sex, coalesce(client_age_group, 'unknown'), "
        "CAST(julianday(report_date) - julianday(incident_date) AS INTEGER), " + _REFERRED + ", desk, count(*) "
        "FROM desk_cases c WHERE deleted = 0 AND consent_reporting = 1 AND report_date BETWEEN ? AND ? "
        f"AND district IN ({_placeholders(districts)}){closed} GROUP BY 1, 2, 3, 4, 5, 6, 7, 8",
        [span.start.isoformat(), span.end.isoformat(), *districts, *closed_params])
    frame = pd.DataFrame(cursor.fetchall(), columns=["district", "month", "gbv_type", "sex", "age_group", "days",
                                                     "referred", "desk", "clients"])
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
                     "type_month": "Clients by type and month", "time": "Reporting time"}


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
    type x sex, type x age and type x month tables; a month's clients (never printed) are the sum of its
    column in the type x month table and in the district x month table; a district's clients (referral
    table) are the sum of its row of the district x month table and of its column of the reporting-time
    table, and its referred clients plus those not referred (never printed); all clients are both the sum of
    the types and of the districts.
    """
    by_name = {table.name: table for table in tables}
    values: dict = {}
    for table in tables:
        values |= table.cells()
    relations: list[Relation] = []
    for gbv_type in gbv_order:
        for name in ("type_sex", "type_age", "type_month"):
            table = by_name[name]
            relations.append(Relation(("type", gbv_type, "clients"), tuple(table.key(gbv_type, c) for c in table.columns)))
    months, buckets = by_name["district_month"].columns, list(by_name["time"].frame["reporting time"])
    for month in months:
        # March's 24 clients printed in the district x month table, and March's 20 physical assaults in the
        # type x month table, would give March's 4 rapes away: the month's total ties the two tables.
        values[("month", month)] = int(cases.loc[cases["month"] == month, "clients"].sum())
        relations += [Relation(("month", month), tuple(("type_month", t, month) for t in gbv_order)),
                      Relation(("month", month), tuple(("district_month", d, month) for d in districts))]
    for district in districts:
        clients = ("referral", district, "clients")
        relations += [Relation(clients, tuple(("district_month", district, month) for month in months)),
                      Relation(clients, tuple(("time", bucket, district) for bucket in buckets)),
                      Relation(clients, (("referral", district, "referred"), ("not referred", district)))]
        values[("not referred", district)] = values[clients] - values[("referral", district, "referred")]
    values["all clients"] = int(cases["clients"].sum()) if not cases.empty else 0
    relations += [Relation("all clients", tuple(("type", t, "clients") for t in gbv_order)),
                  Relation("all clients", tuple(("referral", d, "clients") for d in districts))]
    shown = [key for key in values if key != "all clients" and key[0] not in ("not referred", "month")]
    return protect(values, relations, shown)


# The desk report's tables by unit, at each level (the district's are the captions above).
DESK_UNIT_CAPTIONS = {
    "province": ("Clients by province and month", "Referral rate by province"),
    "division": ("Clients by division and month", "Referral rate by division"),
    DEFAULT_LEVEL: ("Clients by district and month", "Referral rate by district"),
    "desk": ("Clients by desk and month", "Referral rate by desk"),
}


def desk_report(session: Session, year: int | None = None, period: str | None = None,
                districts: Iterable[str] | None = None, on: dt.date | None = None, *,
                level: str | None = None) -> Report:
    """Gender desk clients by GBV core type (alone, and by sex, age group and month), by district and month;
    referral rate; reporting time. Consented, live cases only; no count from 1 to SMALL_CELL - 1 shown, nor
    any cell from which one could be worked out with the report's other cells
    (:func:`_desk_report_protection`). ``level``: the unit x month, reporting-time and referral tables by
    division, province or desk (each desk side by side) instead of district; the suppression is the same
    construction over those units."""
    require(session, "view")
    level = checked_level(session, level)
    catalogue = session.catalogue
    span = resolve_span(year, period, on)
    chosen = report_districts(session, districts)
    cases = desk_cases_frame(session, span, chosen)
    if level == "desk":
        places = desk_places(session, level_units(session, level, chosen, span))
        cases = cases.assign(district=cases["desk"])
        present = [desk for desk, _ in places]
    elif level != DEFAULT_LEVEL:
        unit_of = level_units(session, level, chosen, span)
        cases = cases.assign(district=cases["district"].map(unit_of))
        present = [unit for unit in dict.fromkeys(unit_of.values()) if unit in set(cases["district"])]
    else:
        present = [d for d in chosen if d in set(cases["district"])]
    by_month, by_referral = DESK_UNIT_CAPTIONS[level]
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
        _DeskTable("Clients by GBV core type and month",
                   _crosstab(cases, "gbv_type", "month", gbv_order, months, "GBV core type"), "GBV core type",
                   months, "type_month"),
        _DeskTable(by_month,
                   _crosstab(cases, "district", "month", present, months, "district"), "district", months,
                   "district_month"),
        _DeskTable("Reporting time (report date minus incident date)",
                   _crosstab(cases, "bucket", "district", bucket_order(session.catalogue.thresholds), present, "reporting time"), "reporting time",
                   present, "time"),
        _DeskTable(by_referral, referral, "district", ["clients", "referred"], "referral"),
    ]
    protection = _desk_report_protection(cases, tables, present, gbv_order)
    report = Report("desk", report_words(QT_TRANSLATE_NOOP("reports", "Gender facilitation desks, {span}"), span=span.label), report_scope(session, chosen),
                    span.label, report_time())
    # Sexes and age groups are keyed by code above; people read the catalogue's names, in their language.
    column_names = {"type_sex": {option.code: option.name for option in catalogue.lists["client_sex"]},
                    "type_age": {option.code: option.name for option in catalogue.categories["age"]}
                    | {"unknown": report_words(QT_TRANSLATE_NOOP("reports", "Age unknown"))}}
    for table in tables:
        shown = table.shown(protection)
        formats = dict.fromkeys(table.columns, "count")
        if table.label == "GBV core type":
            shown["GBV core type"] = shown["GBV core type"].map(gbv_names)
        if table.name in column_names:
            shown = shown.rename(columns=column_names[table.name])
            formats = {column_names[table.name].get(column, column): kind for column, kind in formats.items()}
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
        report_words(QT_TRANSLATE_NOOP("reports", "Only cases whose clients consented to sharing non-identifiable data for reporting, and that are not deleted, are counted; no identifying details are read.")),
        report_words(QT_TRANSLATE_NOOP("reports", "Counts from 1 to {largest} read '{suppressed}', and so does every cell from which one could be worked out with the other cells and totals of this report, whatever its own count ({hidden} cell(s) hidden in this report)."),
             largest=SMALL_CELL - 1, suppressed=SUPPRESSED, hidden=protection.count),
        report_words(QT_TRANSLATE_NOOP("reports", "Referral rate: clients referred to at least one service, as indicator POL-10.")),
    ]
    if cases.empty:
        report.notes.append(report_words(QT_TRANSLATE_NOOP("reports", "No consented desk cases were reported in {span}."), span=span.label))
    if level == "desk":
        # The desk level's general note is about the desk indicators; this report counts cases itself.
        report.notes.append(report_words(QT_TRANSLATE_NOOP("reports", "Desk level: each desk's own cases, every desk of the districts side by side.")))
        report.notes += level_notes(session, level, span)[1:]
    else:
        report.notes += level_notes(session, level, span)
    return at_level(session, report, level)


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
                        approved_only: bool = False, level: str | None = None) -> Report:
    """Cells entered against cells expected, and entered by the deadline, per district and institution.

    The monthly sheets of the span that have started count (a month's sheet carries the quarter's and
    year's indicators it closes, as the entry screen does). Expected cells are those of
    :func:`storage.views.completeness.completeness`. ``level`` division or province: the districts' cells
    added up before the percents are taken (percents of sums, never averaged); desk: sheets are entered per
    district, so the rows stay districts and a note says so. Data sets stay per district at every level.
    """
    require(session, "view")
    level = checked_level(session, level)
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
    units = chosen
    if level in ("division", "province"):
        unit_of = level_units(session, level, chosen, span)
        # Each district's sheets count in its unit: the sums below are the unit's, the percents taken from them.
        sheets["district"] = sheets["district"].map(unit_of)
        units = list(dict.fromkeys(unit_of.values()))
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
        grid = grid.reindex(index=[d for d in units if d in grid.index], columns=institutions)
    grid = grid.rename_axis(None, axis=1).reset_index() if len(grid) else pd.DataFrame(columns=["district"])
    report = Report("completeness", report_words(QT_TRANSLATE_NOOP("reports", "Reporting completeness and timeliness, {span}"), span=span.label),
                    report_scope(session, chosen),
                    span.label, report_time(), tables=[
                        Table("Completeness % by district and institution", grid,
                              {c: "percent" for c in grid.columns if c != "district"}, sheet="Completeness by district"),
                        Table("Completeness and timeliness", detail,
                              {"sheets": "count", "expected": "count", "entered": "count", "completeness %": "percent",
                               "expected by now": "count", "entered on time": "count", "timeliness %": "percent",
                               "sheets marked complete": "count"}, ("status",)),
                        Table("Data sets and their approval", _approval_table(session, chosen, months, approved_only), {}),
                    ])
    report.notes += [
        report_words(QT_TRANSLATE_NOOP("reports", "Completeness: cells entered / cells expected on the monthly entry sheets of the span's ended months (a sheet also carries the quarter's and year's indicators it closes; cells of a percent whose denominator is 0 are not expected).")),
        report_words(QT_TRANSLATE_NOOP("reports", "Timeliness: cells entered by the deadline, {days} days after the sheet's month ends (the 10th of the next month), over the cells expected on sheets whose deadline has passed. A cell corrected after the deadline counts as late."),
             days=REPORTING_DEADLINE_DAYS),
        report_words(QT_TRANSLATE_NOOP("reports", "Status: complete on track, from {at_risk:.0%} at risk, below off track."), at_risk=AT_RISK_FROM),
    ]
    if level == "desk":
        report.notes.append(report_words(QT_TRANSLATE_NOOP("reports", "Completeness has no desk breakdown: the entry sheets are per district, so its rows are districts at the desk level too.")))
        report.level = level
        return with_district_names(report)
    if level != DEFAULT_LEVEL:
        report.notes.append(report_words(QT_TRANSLATE_NOOP("reports", "{level} level: each unit's districts' cells added up, then completeness and timeliness taken from the sums. Data sets and their approval stay per district."),
                                 level=translate("reports", level).capitalize()))
    return at_level(session, report, level, keep=("Data sets and their approval",))


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
                 approved_only: bool = False, level: str | None = None) -> Report:
    """One report by its kind (:data:`REPORT_KINDS`), with the CLI's options; ``level`` one of
    :data:`storage.reference.org_units.LEVELS` (default: district)."""
    if kind == "progress":
        return progress_report(session, year, period, districts, approved_only=approved_only, level=level)
    if kind == "trend":
        return trend_report(session, indicators, districts, year, period, approved_only=approved_only, level=level)
    if kind == "desk":
        if approved_only:
            raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "The desk report counts case records, which no data set approves: it has no --approved-only.")))
        return desk_report(session, year, period, districts, level=level)
    if kind == "completeness":
        return completeness_report(session, year, period, districts, approved_only=approved_only, level=level)
    raise UsageError(f"Unknown report {kind!r}; choose one of {', '.join(REPORT_KINDS)}.")
