"""What the indicator entry screen and the dashboard read: entry sheets, period choices, completeness.

No Qt here. The screens lay out and edit what these functions return; every write still goes through
:func:`storage.records.save_indicator_values` and the validation engine.

Which indicators a period's sheet carries is decided once, by :func:`due_indicators` (the spreadsheet
template of :mod:`storage.bulk` asks it too): a month's sheet also carries the quarter's indicators when
the month closes a quarter, and the year's in December, so one sheet a month covers everything.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import defaultdict
from dataclasses import dataclass, field

from storage.catalogue import TOTAL_CELL, Catalogue, Indicator, make_cell
from storage.database import Session
from storage.errors import UsageError
from storage.i18n import QT_TRANSLATE_NOOP, say
from storage.periods import FREQUENCIES, parse_period, period_code, period_containing, previous_periods, shift
from storage.records import check_indicator_values, list_indicator_values, locked_data_sets, set_complete, today
from storage.users import allowed, require
from storage.validation import ValueInput

HISTORY_PERIODS = 3


# -- which indicators are due --------------------------------------------------------------------------


def sheet_periods(period: str) -> list[str]:
    """The periods one sheet of ``period`` covers: itself, then the quarter and year it closes."""
    parsed = parse_period(period)
    if parsed is None:
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "{period} is not a period; write it like 2026-10, 2026Q4 or 2026."), period=repr(period)))
    periods = [period]
    if parsed.frequency == "monthly" and parsed.start.month % 3 == 0:
        periods.append(period_code("quarterly", parsed.year, parsed.start.month // 3))
    if parsed.frequency in ("monthly", "quarterly") and parsed.end.month == 12:
        periods.append(period_code("annual", parsed.year))
    return periods


def due_indicators(catalogue: Catalogue, period: str, institution: str | None = None,
                   source: str = "entry") -> list[tuple[Indicator, str]]:
    """(indicator, its period) for every indicator the sheet of ``period`` carries, catalogue order.

    An indicator is due when its frequency is that of one of :func:`sheet_periods` and it is valid in
    that period. ``institution`` narrows to one institution's indicators.
    """
    pairs = []
    for code in sheet_periods(period):
        span = parse_period(code)
        assert span is not None
        for indicator in catalogue.indicators.values():
            if (indicator.source == source and indicator.frequency == span.frequency
                    and (institution is None or indicator.institution == institution)
                    and indicator.validity.covers(span)):
                pairs.append((indicator, code))
    return pairs


def entry_institutions(catalogue: Catalogue, period: str | None = None) -> list[str]:
    """Institutions with typed-in indicators (valid in ``period`` when given), in catalogue order."""
    found = []
    for code in catalogue.institutions:
        if not catalogue.indicators_for(code, source="entry"):
            continue
        if period is not None and not due_indicators(catalogue, period, code):
            continue
        found.append(code)
    return found


# -- period choices -----------------------------------------------------------------------------------


def periods_for(frequency: str, on: dt.date, count: int) -> list[str]:
    """The ``count`` most recent periods of ``frequency`` that have started by ``on``, newest first.

    The period containing ``on`` is included (figures may be entered for the current period); no period
    that starts after ``on`` is.
    """
    if frequency not in FREQUENCIES:
        raise UsageError(f"Unknown frequency {frequency!r}; use one of {', '.join(FREQUENCIES)}.")
    current = period_containing(frequency, on)
    return [shift(current, -back) for back in range(max(count, 0))]


def last_complete_period(frequency: str, on: dt.date) -> str:
    """The last period of ``frequency`` that ended before ``on`` (the one usually being reported)."""
    return shift(period_containing(frequency, on), -1)


def sheet_frequency(catalogue: Catalogue, institution: str) -> str | None:
    """The frequency of an institution's sheets: its most frequent typed-in indicators' frequency.

    A monthly institution's quarterly and annual indicators come with the closing month's sheet
    (:func:`sheet_periods`), so its chooser lists months only.
    """
    frequencies = {indicator.frequency for indicator in catalogue.indicators_for(institution, source="entry")}
    return next((frequency for frequency in FREQUENCIES if frequency in frequencies), None)


def institution_periods(catalogue: Catalogue, institution: str, on: dt.date, count: int = 24) -> list[str]:
    """The sheet periods offered for an institution, newest first: only those with something due."""
    frequency = sheet_frequency(catalogue, institution)
    if frequency is None:
        return []
    return [period for period in periods_for(frequency, on, count) if due_indicators(catalogue, period, institution)]


# -- the entry sheet ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Heading:
    """One row or column heading of a grid: the category options it fixes, and their names."""

    parts: tuple[tuple[str, str], ...]
    names: tuple[str, ...]

    @property
    def label(self) -> str:
        return " / ".join(self.names)


@dataclass(frozen=True)
class GridLayout:
    """Rows x columns of an indicator's cells, as DHIS2 section forms lay them out.

    The first category (catalogue order) gives the rows; the combinations of the others, in catalogue
    order, give the columns. The total is a cell of its own, outside the grid. Without categories the
    grid is empty and only the total is entered.
    """

    row_category: str | None
    column_categories: tuple[str, ...]
    rows: tuple[Heading, ...]
    columns: tuple[Heading, ...]

    def cell(self, row: int, column: int) -> str:
        """The cell key of grid position (row, column), as :meth:`Catalogue.cells` spells it."""
        return make_cell(dict(self.rows[row].parts + self.columns[column].parts))

    def cells(self) -> list[str]:
        """Every grid cell, row by row (the total not included)."""
        return [self.cell(row, column) for row in range(len(self.rows)) for column in range(len(self.columns))]


def grid_layout(catalogue: Catalogue, indicator: Indicator) -> GridLayout:
    """The layout of an indicator's cells (see :class:`GridLayout`)."""
    if not indicator.categories:
        return GridLayout(None, (), (), ())
    names = {category: {option.code: option.name for option in catalogue.categories[category]}
             for category in indicator.categories}
    first, rest = indicator.categories[0], indicator.categories[1:]
    rows = tuple(Heading(((first, option),), (names[first][option],)) for option in catalogue.options(first))
    columns = tuple(
        Heading(tuple(zip(rest, combination, strict=True)),
                tuple(names[category][option] for category, option in zip(rest, combination, strict=True)))
        for combination in itertools.product(*(catalogue.options(category) for category in rest))
    )
    return GridLayout(first, rest, rows, columns)


@dataclass(frozen=True)
class StoredValue:
    """A stored figure of one cell; ``value`` is computed by storage for percents and ratios."""

    value: float | int | None
    numerator: float | int | None = None
    denominator: float | int | None = None
    comment: str | None = None


@dataclass
class SheetIndicator:
    """One indicator on a sheet: its layout, stored figures and the previous periods' figures."""

    indicator: Indicator
    period: str
    layout: GridLayout
    values: dict[str, StoredValue]
    history_periods: tuple[str, ...]  # oldest first
    history: dict[str, tuple[StoredValue | None, ...]]  # cell -> one entry per history period
    locked: bool = False  # its data set is marked complete
    read_only_reason: str | None = None  # why this user cannot change it here, or None

    @property
    def cells(self) -> list[str]:
        """``total`` then the grid cells; the same set as :meth:`Catalogue.cells`, grid order."""
        return [TOTAL_CELL, *self.layout.cells()]

    @property
    def entered(self) -> int:
        return sum(1 for cell in self.cells if cell in self.values)


@dataclass
class EntrySheet:
    district: str
    institution: str
    period: str
    indicators: list[SheetIndicator]
    data_sets: list[str] = field(default_factory=list)  # the periods whose data sets this sheet covers
    complete: bool = False  # every data set of the sheet is marked complete


LOCKED_NOTE = QT_TRANSLATE_NOOP("entry", "This data set is marked complete and locked. Ask a supervisor to reopen it.")
NO_ENTRY_NOTE = QT_TRANSLATE_NOOP("entry", "Your role can look at the figures but not enter them.")


def _locks_apply(session: Session) -> bool:
    """Locks stop operators only, exactly as :func:`storage.records.value_context` applies them."""
    return session.role == "operator"


def _rows(session: Session, district: str, pairs: set[tuple[str, str]]) -> list[tuple]:
    """Stored rows (indicator, period, cell, value, numerator, denominator, comment) of these pairs."""
    if not pairs:
        return []
    indicators = sorted({indicator for indicator, _ in pairs})
    periods = sorted({period for _, period in pairs})
    cursor = session.db.execute(
        "SELECT indicator, period, cell, value, numerator, denominator, comment FROM indicator_values "
        f"WHERE deleted = 0 AND district = ? AND indicator IN ({','.join('?' * len(indicators))}) "
        f"AND period IN ({','.join('?' * len(periods))})", [district, *indicators, *periods])
    return [row for row in cursor if (row[0], row[1]) in pairs]


def stored_values(session: Session, indicator: str, district: str, period: str) -> dict[str, StoredValue]:
    """The stored figures of one indicator, district and period, by cell."""
    require(session, "view")
    return {cell: StoredValue(value, numerator, denominator, comment)
            for _, _, cell, value, numerator, denominator, comment in _rows(session, district, {(indicator, period)})}


def entry_sheet(session: Session, district: str, institution: str, period: str) -> EntrySheet:
    """Everything the entry screen shows for one district, institution and sheet period."""
    require(session, "view")
    catalogue = session.catalogue
    if institution not in catalogue.institutions:
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "Unknown institution {institution}; use one of {institutions}."), institution=repr(institution), institutions=', '.join(catalogue.institutions)))
    if district not in catalogue.districts:
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "Unknown district {district}."), district=repr(district)))
    due = due_indicators(catalogue, period, institution)
    wanted: set[tuple[str, str]] = set()
    history_of: dict[str, tuple[str, ...]] = {}
    for indicator, code in due:
        history_of[code] = tuple(reversed(previous_periods(code, HISTORY_PERIODS)))
        wanted.update((indicator.code, p) for p in (code, *history_of[code]))
    stored: dict[tuple[str, str], dict[str, StoredValue]] = defaultdict(dict)
    for indicator_code, row_period, cell, value, numerator, denominator, comment in _rows(session, district, wanted):
        stored[(indicator_code, row_period)][cell] = StoredValue(value, numerator, denominator, comment)
    locks = locked_data_sets(session)
    can_enter = allowed(session, "enter_values")
    items = []
    for indicator, code in due:
        locked = (district, institution, code) in locks
        reason = None
        if not can_enter:
            reason = NO_ENTRY_NOTE
        elif locked and _locks_apply(session):
            reason = LOCKED_NOTE
        earlier = history_of[code]
        history = {cell: tuple(stored[(indicator.code, p)].get(cell) for p in earlier)
                   for cell in catalogue.cells(indicator.code)}
        items.append(SheetIndicator(
            indicator=indicator, period=code, layout=grid_layout(catalogue, indicator),
            values=dict(stored[(indicator.code, code)]), history_periods=earlier, history=history,
            locked=locked, read_only_reason=reason))
    data_sets = sorted({item.period for item in items}, key=sheet_periods(period).index)
    complete = bool(data_sets) and all((district, institution, p) in locks for p in data_sets)
    return EntrySheet(district, institution, period, items, data_sets, complete)


def mark_sheet_complete(session: Session, district: str, institution: str, period: str,
                        complete: bool = True) -> list[str]:
    """Mark (or reopen) every data set a sheet covers: the month, and the quarter or year it closes.

    Returns the periods marked. Supervisors only (``set_complete`` checks it).
    """
    require(session, "mark_complete")
    marked = sorted({code for _, code in due_indicators(session.catalogue, period, institution)},
                    key=sheet_periods(period).index) or [period]
    for code in marked:
        set_complete(session, district, institution, code, complete)
    return marked


# -- completeness and next steps ----------------------------------------------------------------------


@dataclass(frozen=True)
class Completeness:
    """Cells entered against cells expected for one institution's sheet of a period."""

    institution: str
    name: str
    period: str
    entered: int
    expected: int
    indicators: int  # indicators due
    missing: int  # indicators with no cell entered
    partial: int  # indicators with some but not all cells entered
    complete: bool  # marked complete

    @property
    def fraction(self) -> float:
        return self.entered / self.expected if self.expected else 1.0


def not_applicable_cells(denominators: dict[str, float | None]) -> bool:
    """True when a percent's or ratio's missing cells cannot be entered: their denominators are 0.

    ``denominators`` are the stored cells' denominators (``total`` among them). When the stored cells'
    denominators already add up to the total's, every missing cell has a denominator of 0, and the
    engine refuses a 0 denominator (IV_DENOMINATOR_NOT_POSITIVE: "leave the row out"): nothing is
    missing there.
    """
    total = denominators.get(TOTAL_CELL)
    cells = [value for cell, value in denominators.items() if cell != TOTAL_CELL]
    if total is None or not cells or any(value is None for value in cells):
        return False
    return abs(sum(cells) - total) < 1e-9


def completeness(session: Session, district: str, period: str) -> list[Completeness]:
    """Per institution with anything due: cells entered / cells expected for the sheet of ``period``.

    Expected is every cell (total included) of every typed-in indicator due for the sheet, except the
    cells of a percent or ratio that cannot be entered because their denominator is 0 (see
    :func:`not_applicable_cells`).
    """
    require(session, "view")
    catalogue = session.catalogue
    due = due_indicators(catalogue, period)
    denominators: dict[tuple[str, str], dict[str, float | None]] = defaultdict(dict)
    cell_sets = {indicator.code: set(catalogue.cells(indicator.code)) for indicator, _ in due}
    for indicator_code, row_period, cell, _, _, denominator, _ in _rows(session, district, {(i.code, p) for i, p in due}):
        if cell in cell_sets[indicator_code]:
            denominators[(indicator_code, row_period)][cell] = denominator
    counts: dict[tuple[str, str], int] = {}
    expected_cells: dict[tuple[str, str], int] = {}
    for indicator, code in due:
        stored = denominators[(indicator.code, code)]
        expected = len(cell_sets[indicator.code])
        if indicator.has_fraction and not_applicable_cells(stored):
            expected -= len(cell_sets[indicator.code]) - len(stored)
        counts[(indicator.code, code)] = len(stored)
        expected_cells[(indicator.code, code)] = expected
    locks = locked_data_sets(session)
    found = []
    for institution in catalogue.institutions:
        mine = [(indicator, code) for indicator, code in due if indicator.institution == institution]
        if not mine:
            continue
        entered = [counts[(indicator.code, code)] for indicator, code in mine]
        expected = [expected_cells[(indicator.code, code)] for indicator, code in mine]
        found.append(Completeness(
            institution=institution, name=catalogue.institutions[institution].name, period=period,
            entered=sum(entered), expected=sum(expected), indicators=len(mine),
            missing=sum(1 for n in entered if n == 0),
            partial=sum(1 for n, total in zip(entered, expected, strict=True) if 0 < n < total),
            complete=all((district, institution, code) in locks for code in {code for _, code in mine}),
        ))
    return found


@dataclass(frozen=True)
class NextStep:
    """One thing to do: ``template`` (marked for translation, context "next_steps") and its ``params``."""

    kind: str
    template: str
    params: dict

    @property
    def text(self) -> str:
        return self.template.format(**self.params)


STEP_MISSING = QT_TRANSLATE_NOOP("next_steps", "{institution}: {count} of {total} indicators not entered for {period}")
STEP_PARTIAL = QT_TRANSLATE_NOOP("next_steps", "{institution}: {count} of {total} indicators partly entered for {period}")
STEP_MARK = QT_TRANSLATE_NOOP("next_steps", "{institution} {period} is fully entered: mark it complete")
STEP_FOLLOWUP = QT_TRANSLATE_NOOP("next_steps", "{count} open desk cases have a follow-up date on or before {date}")
STEP_UNACKNOWLEDGED = QT_TRANSLATE_NOOP(
    "next_steps", "Bundle {sequence} ({file}, made {made}) is not yet acknowledged by the centre")
STEP_NO_BUNDLE = QT_TRANSLATE_NOOP("next_steps", "No bundle has been sent to the centre yet")
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
            fraction = stored["numerator"] is not None or stored["denominator"] is not None
            inputs.append(ValueInput(stored["indicator"], district, period, stored["cell"],
                                     None if fraction else stored["value"], stored["numerator"],
                                     stored["denominator"], stored["comment"]))
    if not inputs:
        return 0
    checked, _ = check_indicator_values(session, inputs)
    return sum(1 for value in checked if any(found.severity == "warning" for found in value.issues))
