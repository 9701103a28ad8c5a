"""What the indicator entry screen reads: an entry sheet's grids, stored figures and history, and
marking a sheet complete.

No Qt here. The screen lays out and edits what these functions return; every write still goes through
:func:`storage.records.values.save_indicator_values` and the validation engine. Which indicators a
sheet carries is :func:`storage.reference.due.due_indicators`.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from dataclasses import dataclass, field

from storage.core.roles import allowed, require
from storage.core.session import Session
from storage.errors import UsageError
from storage.i18n import QT_TRANSLATE_NOOP, say
from storage.records.approvals import approved_data_sets, data_set_states
from storage.records.completion import locked_data_sets, locks_bind, set_complete, submit_data_sets
from storage.records.values import value_rows
from storage.reference.catalogue import TOTAL_CELL, Catalogue, Indicator, make_cell
from storage.reference.due import due_indicators, sheet_periods
from storage.reference.periods import previous_periods

HISTORY_PERIODS = 3


# -- which indicators are due --------------------------------------------------------------------------


# -- period choices -----------------------------------------------------------------------------------


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
    # The centre's word on the sheet's data sets (storage.records.approvals): the state of the sheet's own
    # period's set, and the reason when the centre returned or reopened one of them.
    approval: str = "open"
    returned_reason: str | None = None


LOCKED_NOTE = QT_TRANSLATE_NOOP("entry", "This data set is marked complete and locked. Ask a supervisor to reopen it.")
APPROVED_NOTE = QT_TRANSLATE_NOOP("entry", "The centre approved this data set: it is locked for everyone. Ask the centre to reopen it.")
NO_ENTRY_NOTE = QT_TRANSLATE_NOOP("entry", "Your role can look at the figures but not enter them.")


def stored_values(session: Session, indicator: str, district: str, period: str) -> dict[str, StoredValue]:
    """The stored figures of one indicator, district and period, by cell."""
    require(session, "view")
    return {cell: StoredValue(value, numerator, denominator, comment)
            for _, _, cell, value, numerator, denominator, comment in value_rows(session, district, {(indicator, period)})}


def entry_sheet(session: Session, district: str, institution: str, period: str) -> EntrySheet:
    """Everything the entry screen shows for one district, institution and sheet period."""
    require(session, "view")
    catalogue = session.catalogue
    if institution not in catalogue.institutions:
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "Unknown institution {institution}; use one of {institutions}."), institution=repr(institution), institutions=', '.join(catalogue.institutions)))
    if district not in catalogue.districts:
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "Unknown district {district}."), district=repr(district)))
    due = due_indicators(catalogue, period, institution, installation=session.installation["role"])
    wanted: set[tuple[str, str]] = set()
    history_of: dict[str, tuple[str, ...]] = {}
    for indicator, code in due:
        history_of[code] = tuple(reversed(previous_periods(code, HISTORY_PERIODS)))
        wanted.update((indicator.code, p) for p in (code, *history_of[code]))
    stored: dict[tuple[str, str], dict[str, StoredValue]] = defaultdict(dict)
    for indicator_code, row_period, cell, value, numerator, denominator, comment in value_rows(session, district, wanted):
        stored[(indicator_code, row_period)][cell] = StoredValue(value, numerator, denominator, comment)
    locks = locked_data_sets(session)
    approved = approved_data_sets(session)
    can_enter = allowed(session, "enter_values")
    items = []
    for indicator, code in due:
        locked = (district, institution, code) in locks
        reason = None
        if not can_enter:
            reason = NO_ENTRY_NOTE
        elif (district, institution, code) in approved:
            reason = APPROVED_NOTE
        elif locked and locks_bind(session):
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
    decided = {state.period: state for state in data_set_states(session, district)
               if state.institution == institution and state.period in (period, *data_sets)}
    returned = next((decided[p] for p in (period, *data_sets) if p in decided and decided[p].state == "returned"), None)
    own = decided.get(period)
    return EntrySheet(district, institution, period, items, data_sets, complete,
                      approval="returned" if returned else own.state if own else ("complete" if complete else "open"),
                      returned_reason=returned.reason if returned else None)


def mark_sheet_complete(session: Session, district: str, institution: str, period: str,
                        complete: bool = True) -> list[str]:
    """Mark (or reopen) every data set a sheet covers: the month, and the quarter or year it closes.

    Returns the periods marked. Supervisors only (``set_complete`` checks it).
    """
    require(session, "mark_complete")
    marked = sorted({code for _, code in due_indicators(session.catalogue, period, institution,
                                                        installation=session.installation["role"])},
                    key=sheet_periods(period).index) or [period]
    for code in marked:
        set_complete(session, district, institution, code, complete)
    return marked


def submit_sheet(session: Session, district: str, institution: str, period: str) -> list[str]:
    """Submit to the centre every data set a sheet covers, marking it complete first (with the same checks
    as marking complete) when it is not yet. Returns the periods submitted. Supervisors only."""
    marked = mark_sheet_complete(session, district, institution, period)
    submit_data_sets(session, district, institution, marked)
    return marked




