"""Spreadsheets in and out: the entry template and the all-or-nothing bulk load.

``template`` writes exactly the columns ``load`` reads, so a filled-in template loads as it is. Rows
with no figure at all are skipped (an untouched template row is not an entry).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from storage.core.roles import require
from storage.core.session import Session
from storage.errors import UsageError, ValidationFailed
from storage.i18n import QT_TRANSLATE_NOOP, say
from storage.records.values import VALUE_KEYS, list_indicator_values, save_indicator_values
from storage.reference.catalogue import make_cell, parse_cell
from storage.reference.due import due_indicators
from storage.reference.periods import month_of_first_day
from storage.sheets.tables import (
    LoadReport,
    Sheet,
    cell_text,
    find_header,
    load_all_or_nothing,
    read_rows,
    unreadable,
    write_sheets,
)
from storage.validation import Issue, ValueInput, issue

FIGURE_COLUMNS = ("value", "numerator", "denominator")


def template_indicators(session: Session, period: str) -> list[tuple[str, str]]:
    """(indicator, period) pairs for the entry sheet of ``period``.

    A month's sheet also carries the quarter's indicators when the month closes a quarter, and the
    year's when it is December, so one sheet a month covers everything.
    """
    return [(indicator.code, code)
            for indicator, code in due_indicators(session.catalogue, period, installation=session.installation["role"])]


def write_template(session: Session, period: str, out: str | Path, district: str | None = None) -> int:
    """Write the entry sheet (.xlsx or .csv) with every cell, prefilled with stored figures. Returns rows."""
    require(session, "view")
    district = district or session.district
    if district is None:
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "At the centre, say which district the template is for: --district CODE.")))
    if district not in session.catalogue.districts:
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "Unknown district {district}."), district=repr(district)))
    stored = {(v["indicator"], v["period"], v["cell"]): v for v in list_indicator_values(session, district=district)}
    rows = []
    for indicator_code, indicator_period in template_indicators(session, period):
        for cell in session.catalogue.cells(indicator_code):
            known = stored.get((indicator_code, indicator_period, cell), {})
            row = [indicator_code, district, indicator_period, cell]
            if session.catalogue.indicators[indicator_code].has_fraction:
                row += [None, known.get("numerator"), known.get("denominator")]
            else:
                row += [known.get("value"), None, None]
            rows.append(row + [known.get("comment")])
    out = Path(out)
    if out.suffix.lower() not in (".csv", ".xlsx"):
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "The template must be a .xlsx or .csv file, not {file}."), file=out.name))
    write_sheets(out, [
        Sheet("values", VALUE_KEYS, rows, dict(zip("ABCDEFGH", (10, 14, 10, 44, 10, 12, 12, 40), strict=True)),
              text_columns=(VALUE_KEYS.index("period") + 1,)),
        Sheet("guide", ("indicator", "name", "unit", "fill in", "numerator", "denominator", "note"),
              _guide_rows(session, rows), {"B": 60}, freeze_header=False),
    ])
    return len(rows)


def _guide_rows(session: Session, rows: list[list]) -> list[list]:
    """The guide sheet: what each indicator of the template is and what to fill in."""
    guide = []
    for code in sorted({row[0] for row in rows}):
        indicator = session.catalogue.indicators[code]
        fill = "numerator and denominator" if indicator.has_fraction else "value"
        guide.append([code, indicator.name, indicator.unit, fill, indicator.numerator, indicator.denominator,
                      indicator.note])
    return guide


# -- load ----------------------------------------------------------------------------------------------


def _code(cell: object) -> str:
    return cell_text(cell).upper()


def _same(cell: object) -> object:
    return cell


_CACHE_LIMIT = 10_000  # distinct texts kept per cache: bounds the memory a file of all-different cells costs


def _cached(cache: dict[str, str], cell: object, convert: Callable[[object], Any]) -> Any:
    """``convert(cell)``, remembered per distinct text: equal texts give one shared (immutable) result.

    Only ``str`` cells are remembered (CSV cells always are): for other types equal keys need not
    convert equally (``1 == 1.0 == True`` but their texts differ), so those are converted every time.
    """
    if cell.__class__ is not str:
        return convert(cell)
    found = cache.get(cell)
    if found is None:
        found = convert(cell)
        if len(cache) < _CACHE_LIMIT:
            cache[cell] = found
    return found


class _MergedCells(Exception):
    """A row has figures but no indicator or district: the gap merged cells leave in a streamed .xlsx."""


def read_value_rows(path: Path) -> tuple[list[ValueInput], int, list[Issue]]:
    """Parse the file into inputs (with row numbers), count blank rows and note what was read for the
    person (a period that was a date); file-level problems raise."""
    try:
        return _value_rows(path, merged=False)
    except _MergedCells:
        return _value_rows(path, merged=True)


def _period(cell: object, notes: list[Issue], number: int) -> str:
    """The period a cell means: its text, or the month of a date on a month's first day (with a note)."""
    month = month_of_first_day(cell)
    if month is None:
        return cell_text(cell)
    notes.append(issue("LD_PERIOD_FROM_DATE", number, value=cell_text(cell), period=month))
    return month


def _value_rows(path: Path, *, merged: bool) -> tuple[list[ValueInput], int, list[Issue]]:
    inputs: list[ValueInput] = []
    notes: list[Issue] = []
    blank = 0
    rows = read_rows(path, "values", VALUE_KEYS, merged=merged)
    try:
        _, position = find_header(rows, VALUE_KEYS)
        width = max(position.values()) + 1
        at_indicator, at_district, at_period, at_cell = (position[name] for name in VALUE_KEYS[:4])
        at_value, at_numerator, at_denominator = (position[name] for name in FIGURE_COLUMNS)
        at_comment = position["comment"]
        may_be_merged = not merged and path.suffix.lower() == ".xlsx"
        # Every row repeats a few dozen codes, periods and figures: keep one copy of each text rather
        # than one per row (the strings were a quarter of a 200,000-row load's peak memory).
        codes: dict[str, str] = {}
        texts: dict[str, str] = {}
        shared: dict[str, str] = {}
        periods: dict[str, str] = {}
        for number, cells in rows:
            if len(cells) < width:
                cells = list(cells) + [None] * (width - len(cells))
            value, numerator, denominator = cells[at_value], cells[at_numerator], cells[at_denominator]
            if cell_text(value) == "" and cell_text(numerator) == "" and cell_text(denominator) == "":
                blank += 1
                continue
            if may_be_merged and (cells[at_indicator] is None or cells[at_district] is None):
                raise _MergedCells
            period_cell = cells[at_period]
            period = periods.get(period_cell) if period_cell.__class__ is str else None
            if period is None:
                period = _period(period_cell, notes, number)
                if period_cell.__class__ is str and period == period_cell.strip() and len(periods) < _CACHE_LIMIT:
                    periods[period_cell] = period
            inputs.append(ValueInput(
                indicator=_cached(codes, cells[at_indicator], _code), district=_cached(codes, cells[at_district], _code),
                period=period, cell=_cached(texts, cells[at_cell], cell_text) or "total",
                value=_cached(shared, value, _same), numerator=_cached(shared, numerator, _same),
                denominator=_cached(shared, denominator, _same),
                comment=_cached(texts, cells[at_comment], cell_text) or None, row=number))
    except (ValidationFailed, UsageError, _MergedCells):
        raise
    except Exception as error:  # a damaged file
        raise unreadable(path, error) from error
    return inputs, blank, notes


def _duplicate_rows(inputs: list[ValueInput]) -> list[Issue]:
    """``LD_DUPLICATE_ROW`` for every row that repeats an earlier row's cell.

    A function of its own so that its dictionary of every row's key is freed before the save, which
    would otherwise carry it through validation and writing (a fifth of a 200,000-row load's memory).
    """
    first_row: dict[tuple, int | None] = {}
    canonical: dict[str, str] = {}  # cell as written -> its key; a sheet has a few hundred distinct cells
    duplicates = []
    for value in inputs:
        cell = canonical.get(value.cell)
        if cell is None:
            parts = parse_cell(value.cell.replace(" ", ""))  # the same cell in another category order repeats it
            cell = make_cell(parts) if parts else value.cell
            if len(canonical) < _CACHE_LIMIT:
                canonical[value.cell] = cell
        key = (value.indicator, value.district, value.period, cell)
        if key in first_row:
            duplicates.append(issue("LD_DUPLICATE_ROW", value.row, value=" ".join(key), first_row=first_row[key]))
        else:
            first_row[key] = value.row
    return duplicates


def load_values(session: Session, path: str | Path, *, dry_run: bool = False, strict: bool = False) -> LoadReport:
    """Validate every row of a .xlsx/.ods/.csv file and write all of them, or none.

    Errors refuse the whole file, every failing row listed with its spreadsheet row number, rule code and
    message. A row whose only problems are warnings (an unusual figure) is saved and marked to check
    later (listed in ``saved.followup``), unless it has a comment; ``strict`` refuses such rows instead.
    """
    require(session, "enter_values")
    return load_all_or_nothing(path, dry_run=dry_run, read=read_value_rows, check=_duplicate_rows,
                               save=lambda inputs: save_indicator_values(session, inputs, dry_run=dry_run,
                                                                         follow_up_warnings=not strict))
