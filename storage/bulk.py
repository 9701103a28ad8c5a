"""Spreadsheets in and out: the entry template and the all-or-nothing bulk load.

``template`` writes exactly the columns ``load`` reads, so a filled-in template loads as it is. Rows
with no figure at all are skipped (an untouched template row is not an entry).
"""

from __future__ import annotations

import csv
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from storage.catalogue import make_cell, parse_cell
from storage.database import Session
from storage.entry import due_indicators
from storage.errors import UsageError, ValidationFailed
from storage.i18n import QT_TRANSLATE_NOOP, say
from storage.records import VALUE_KEYS, SaveReport, list_indicator_values, save_indicator_values
from storage.users import require
from storage.validation import Issue, ValueInput, issue

FIGURE_COLUMNS = ("value", "numerator", "denominator")


def template_indicators(session: Session, period: str) -> list[tuple[str, str]]:
    """(indicator, period) pairs for the entry sheet of ``period``.

    A month's sheet also carries the quarter's indicators when the month closes a quarter, and the
    year's when it is December, so one sheet a month covers everything.
    """
    return [(indicator.code, code) for indicator, code in due_indicators(session.catalogue, period)]


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
    if out.suffix.lower() == ".csv":
        with open(out, "w", newline="", encoding="utf-8-sig") as handle:
            writer = csv.writer(handle)
            writer.writerow(VALUE_KEYS)
            writer.writerows(rows)
    elif out.suffix.lower() == ".xlsx":
        _write_xlsx_template(session, out, rows)
    else:
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "The template must be a .xlsx or .csv file, not {file}."), file=out.name))
    return len(rows)


def _write_xlsx_template(session: Session, out: Path, rows: list[list]) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "values"
    sheet.append(list(VALUE_KEYS))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(row)
    sheet.freeze_panes = "A2"
    for column, width in zip("ABCDEFGH", (10, 14, 10, 44, 10, 12, 12, 40), strict=True):
        sheet.column_dimensions[column].width = width
    guide = workbook.create_sheet("guide")
    guide.append(["indicator", "name", "unit", "fill in", "numerator", "denominator", "note"])
    for cell in guide[1]:
        cell.font = Font(bold=True)
    for code in sorted({row[0] for row in rows}):
        indicator = session.catalogue.indicators[code]
        fill = "numerator and denominator" if indicator.has_fraction else "value"
        guide.append([code, indicator.name, indicator.unit, fill, indicator.numerator, indicator.denominator,
                      indicator.note])
    guide.column_dimensions["B"].width = 60
    workbook.save(out)


# -- load ----------------------------------------------------------------------------------------------


@dataclass
class LoadReport:
    """The outcome of ``load``: what was (or, dry run, would be) written, or every problem found."""

    file: str
    rows: int = 0
    blank_rows: int = 0
    saved: SaveReport | None = None
    problems: list[Issue] = field(default_factory=list)
    dry_run: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems

    def as_dict(self) -> dict:
        saved = self.saved.as_dict() if self.saved else {"new": 0, "updated": 0, "unchanged": 0, "warnings": []}
        return {"file": self.file, "ok": self.ok, "dry_run": self.dry_run, "rows": self.rows,
                "blank_rows": self.blank_rows, "written": self.ok and not self.dry_run,
                "new": saved["new"], "updated": saved["updated"], "unchanged": saved["unchanged"],
                "warnings": saved["warnings"], "problems": [p.as_dict() for p in self.problems]}


def _read_rows(path: Path, sheet_name: str = "values", command: str = "load") -> Iterator[tuple[int, list]]:
    """(spreadsheet row number, cells) for every row, the header being row 1.

    In a workbook the sheet called ``sheet_name`` is read, else the first sheet.
    """
    suffix = path.suffix.lower()
    if suffix == ".csv":
        with open(path, newline="", encoding="utf-8-sig") as handle:
            yield from enumerate(csv.reader(handle), start=1)
    elif suffix == ".xlsx":
        from openpyxl import load_workbook

        workbook = load_workbook(path, read_only=True, data_only=True)
        try:
            sheet = workbook[sheet_name] if sheet_name in workbook.sheetnames else workbook.worksheets[0]
            yield from enumerate((list(row) for row in sheet.iter_rows(values_only=True)), start=1)
        finally:
            workbook.close()
    else:
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "`{command}` reads .xlsx or .csv files, not {file}."), command=command, file=path.name))


def _column_positions(header: list, columns: tuple[str, ...]) -> dict[str, int]:
    """Where each of ``columns`` is in the header row (any order, any case); LD_COLUMNS when some are missing."""
    names = [_text(cell).lower() for cell in header]
    missing = [name for name in columns if name not in names]
    if missing:
        raise ValidationFailed(say("errors", QT_TRANSLATE_NOOP("errors", "The file's columns are wrong; nothing was written.")), [issue(
            "LD_COLUMNS", 1, expected=", ".join(columns), missing=", ".join(missing))])
    return {name: names.index(name) for name in columns}


def _unreadable(path: Path, error: Exception) -> ValidationFailed:
    """The LD_UNREADABLE failure for a damaged file (csv, codecs and openpyxl raise many different types)."""
    kind = "Excel (.xlsx)" if path.suffix.lower() == ".xlsx" else "CSV (UTF-8)"
    return ValidationFailed(say("errors", QT_TRANSLATE_NOOP("errors", "The file could not be read; nothing was written.")), [issue(
        "LD_UNREADABLE", 1, value=path.name, kind=kind, reason=type(error).__name__)])


def read_table(path: Path, columns: tuple[str, ...], *, sheet_name: str, command: str) -> list[tuple[int, dict]]:
    """(spreadsheet row number, {column: cell}) of every row of a small sheet with these columns.

    Other columns are ignored, and so are rows where every one of ``columns`` is empty. The file-level
    problems (unreadable file, missing columns) raise ``ValidationFailed`` with the same rules as ``load``.
    """
    rows = _read_rows(path, sheet_name, command)
    found: list[tuple[int, dict]] = []
    try:
        _, header = next(rows, (1, []))
        position = _column_positions(header, columns)
        for number, cells in rows:
            record = {name: (cells[at] if at < len(cells) else None) for name, at in position.items()}
            if any(_text(cell) for cell in record.values()):
                found.append((number, record))
    except (ValidationFailed, UsageError):
        raise
    except Exception as error:
        raise _unreadable(path, error) from error
    return found


def _text(cell: object) -> str:
    return "" if cell is None else str(cell).strip()


def _code(cell: object) -> str:
    return _text(cell).upper()


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


def read_value_rows(path: Path) -> tuple[list[ValueInput], int]:
    """Parse the file into inputs (with row numbers) and count blank rows; file-level problems raise."""
    inputs: list[ValueInput] = []
    blank = 0
    rows = _read_rows(path)
    try:
        _, header = next(rows, (1, []))
        position = _column_positions(header, VALUE_KEYS)
        width = max(position.values()) + 1
        at_indicator, at_district, at_period, at_cell = (position[name] for name in VALUE_KEYS[:4])
        at_value, at_numerator, at_denominator = (position[name] for name in FIGURE_COLUMNS)
        at_comment = position["comment"]
        # Every row repeats a few dozen codes, periods and figures: keep one copy of each text rather
        # than one per row (the strings were a quarter of a 200,000-row load's peak memory).
        codes: dict[str, str] = {}
        texts: dict[str, str] = {}
        shared: dict[str, str] = {}
        for number, cells in rows:
            if len(cells) < width:
                cells = list(cells) + [None] * (width - len(cells))
            value, numerator, denominator = cells[at_value], cells[at_numerator], cells[at_denominator]
            if _text(value) == "" and _text(numerator) == "" and _text(denominator) == "":
                blank += 1
                continue
            inputs.append(ValueInput(
                indicator=_cached(codes, cells[at_indicator], _code), district=_cached(codes, cells[at_district], _code),
                period=_cached(texts, cells[at_period], _text), cell=_cached(texts, cells[at_cell], _text) or "total",
                value=_cached(shared, value, _same), numerator=_cached(shared, numerator, _same),
                denominator=_cached(shared, denominator, _same),
                comment=_cached(texts, cells[at_comment], _text) or None, row=number))
    except (ValidationFailed, UsageError):
        raise
    except Exception as error:  # a damaged file
        raise _unreadable(path, error) from error
    return inputs, blank


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


def load_values(session: Session, path: str | Path, *, dry_run: bool = False) -> LoadReport:
    """Validate every row of a .xlsx/.csv file and write all of them, or none.

    In a bulk load a warning without a comment is an error. Every failing row is listed with its
    spreadsheet row number, rule code and message.
    """
    require(session, "enter_values")
    path = Path(path)
    if not path.exists():
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "There is no file {path}."), path=path))
    report = LoadReport(file=os.fspath(path), dry_run=dry_run)
    try:
        inputs, report.blank_rows = read_value_rows(path)
    except ValidationFailed as failure:
        report.problems = failure.issues
        return report
    report.rows = len(inputs) + report.blank_rows
    duplicates = _duplicate_rows(inputs)
    if duplicates:
        report.problems = duplicates
        return report
    try:
        report.saved = save_indicator_values(session, inputs, dry_run=dry_run)
    except ValidationFailed as failure:
        report.problems = sorted(failure.issues, key=lambda found: (found.row or 0, found.rule))
    return report
