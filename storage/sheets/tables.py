"""Spreadsheets read and written once: .xlsx and .csv sheets, and the all-or-nothing load around them.

The entry template and ``load`` (:mod:`storage.sheets.values`) and the targets template and
``targets load`` (:mod:`storage.sheets.targets`) are both made of these pieces.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from storage.errors import UsageError, ValidationFailed
from storage.i18n import QT_TRANSLATE_NOOP, say
from storage.records.values import SaveReport
from storage.sheets.cells import csv_field, keep_all_text
from storage.sheets.reading import HEADER_SEARCH_ROWS, sheet_rows, xlsx_rows_with_merged
from storage.validation import ERROR, Issue, issue


@dataclass
class LoadReport:
    """The outcome of ``load``: what was (or, dry run, would be) written, or every problem found."""

    file: str
    rows: int = 0
    blank_rows: int = 0
    saved: SaveReport | None = None
    problems: list[Issue] = field(default_factory=list)
    dry_run: bool = False
    notes: list[Issue] = field(default_factory=list)  # what the load did for the person (a date read as a month)
    # The warnings found in a refused file, those among the problems too, so that "warnings" never reads
    # empty while the problems hold some (a saved file's warnings are in ``saved``).
    warnings: list[Issue] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Nothing refused the file: it was (or, dry run, would be) written."""
        return not self.problems

    def as_dict(self) -> dict:
        saved = self.saved.as_dict() if self.saved else {"new": 0, "updated": 0, "unchanged": 0, "followup": [],
                                                          "warnings": [found.as_dict() for found in self.warnings]}
        return {"file": self.file, "ok": self.ok, "dry_run": self.dry_run, "rows": self.rows,
                "blank_rows": self.blank_rows, "written": self.ok and not self.dry_run,
                "new": saved["new"], "updated": saved["updated"], "unchanged": saved["unchanged"],
                "warnings": saved["warnings"], "followup": saved["followup"], "problems": [p.as_dict() for p in self.problems],
                "notes": [note.as_dict() for note in self.notes]}


def read_rows(path: Path, sheet_name: str = "values", columns: Sequence[str] = (), *,
              merged: bool = False) -> Iterator[tuple[int, list]]:
    """(spreadsheet row number, cells) for every row: .xlsx, .ods or .csv in any separator and encoding.

    In a workbook the sheet called ``sheet_name`` is read, else the first sheet. ``columns`` helps find a
    CSV's separator; ``merged`` re-reads an .xlsx with its merged ranges filled (see
    :mod:`storage.sheets.reading`).
    """
    if merged and path.suffix.lower() == ".xlsx":
        yield from enumerate(xlsx_rows_with_merged(path, sheet_name), start=1)
    else:
        yield from sheet_rows(path, sheet_name, columns)


def column_positions(header: list, columns: tuple[str, ...]) -> dict[str, int]:
    """Where each of ``columns`` is in the header row (any order, any case); LD_COLUMNS when some are missing."""
    names = [cell_text(cell).lower() for cell in header]
    missing = [name for name in columns if name not in names]
    if missing:
        raise ValidationFailed(say("errors", QT_TRANSLATE_NOOP("errors", "The file's columns are wrong; nothing was written.")), [issue(
            "LD_COLUMNS", 1, expected=", ".join(columns), missing=", ".join(missing))])
    return {name: names.index(name) for name in columns}


def find_header(rows: Iterator[tuple[int, list]], columns: tuple[str, ...]) -> tuple[int, dict[str, int]]:
    """Read rows until the header: the first of the first rows that names every one of ``columns``.

    A title, a date or notes above the header are skipped. When no row names them all, the row naming most
    of them (at least two) gets LD_COLUMNS with what it lacks; when none names two, LD_HEADER_NOT_FOUND
    says what row 1 holds, so the person sees what was read.
    """
    wanted = set(columns)
    seen: list[tuple[int, list]] = []
    for number, cells in rows:
        names = {cell_text(cell).lower() for cell in cells}
        if wanted <= names:
            return number, column_positions(cells, columns)
        seen.append((number, cells))
        if len(seen) >= HEADER_SEARCH_ROWS:
            break
    best = max(seen, key=lambda row: len(wanted & {cell_text(cell).lower() for cell in row[1]}), default=None)
    if best is not None and len(wanted & {cell_text(cell).lower() for cell in best[1]}) >= 2:
        try:
            column_positions(best[1], columns)
        except ValidationFailed as failure:
            failure.issues = [replace(found, row=best[0]) for found in failure.issues]
            raise
    first = " | ".join(cell_text(cell) for cell in seen[0][1] if cell_text(cell))[:200] if seen else ""
    raise ValidationFailed(say("errors", QT_TRANSLATE_NOOP("errors", "The file's columns are wrong; nothing was written.")), [issue(
        "LD_HEADER_NOT_FOUND", 1, rows=HEADER_SEARCH_ROWS, expected=", ".join(columns), found=first or "(nothing)")])


def unreadable(path: Path, error: Exception) -> ValidationFailed:
    """The LD_UNREADABLE failure for a damaged file (csv, codecs, openpyxl and odfpy raise many types)."""
    kind = {".xlsx": "Excel (.xlsx)", ".ods": "OpenDocument (.ods)"}.get(
        path.suffix.lower(), "CSV (UTF-8, UTF-16 or Windows-1256)")
    return ValidationFailed(say("errors", QT_TRANSLATE_NOOP("errors", "The file could not be read; nothing was written.")), [issue(
        "LD_UNREADABLE", 1, value=path.name, kind=kind, reason=type(error).__name__)])


def read_table(path: Path, columns: tuple[str, ...], *, sheet_name: str) -> list[tuple[int, dict]]:
    """(spreadsheet row number, {column: cell}) of every row of a small sheet with these columns.

    Other columns are ignored, and so are rows where every one of ``columns`` is empty. The file-level
    problems (unreadable file, missing columns) raise ``ValidationFailed`` with the same rules as ``load``.
    Small sheets are always read with merged ranges filled.
    """
    rows = read_rows(path, sheet_name, columns, merged=True)
    found: list[tuple[int, dict]] = []
    try:
        _, position = find_header(rows, columns)
        for number, cells in rows:
            record = {name: (cells[at] if at < len(cells) else None) for name, at in position.items()}
            if any(cell_text(cell) for cell in record.values()):
                found.append((number, record))
    except (ValidationFailed, UsageError):
        raise
    except Exception as error:
        raise unreadable(path, error) from error
    return found


def cell_text(cell: object) -> str:
    """A cell as the text a person typed: trimmed, and a whole number without Excel's ``.0`` (2026, not 2026.0)."""
    if cell is None:
        return ""
    if cell.__class__ is float and cell.is_integer():
        return str(int(cell))
    return str(cell).strip()



def load_all_or_nothing(path: str | Path, *, dry_run: bool, read: Callable[[Path], tuple],
                        save: Callable[[list], SaveReport],
                        check: Callable[[list], list[Issue]] | None = None) -> LoadReport:
    """Read every row of a sheet, then validate and write all of them or none.

    ``read`` returns the rows to save, the number of blank rows skipped and, optionally, notes for the
    person (a date read as a month), or raises ``ValidationFailed``
    for a file-level problem; ``check`` may refuse the rows before any rule runs (e.g. duplicates);
    ``save`` validates and writes (nothing when ``dry_run``), raising ``ValidationFailed`` with every
    failing row. The report lists the problems by spreadsheet row.
    """
    path = Path(path)
    if not path.exists():
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "There is no file {path}."), path=path))
    report = LoadReport(file=os.fspath(path), dry_run=dry_run)
    try:
        read_out = read(path)
    except ValidationFailed as failure:
        report.problems = failure.issues
        return report
    inputs, report.blank_rows = read_out[0], read_out[1]
    report.notes = list(read_out[2]) if len(read_out) > 2 else []
    report.rows = len(inputs) + report.blank_rows
    refused = check(inputs) if check else []
    if refused:
        report.problems = refused
        return report
    try:
        report.saved = save(inputs)
    except ValidationFailed as failure:
        report.problems = sorted(failure.issues, key=lambda found: (found.row or 0, found.rule))
        report.warnings = sorted({id(found): found for found in [*failure.warnings, *failure.issues]
                                  if found.severity != ERROR}.values(), key=lambda found: (found.row or 0, found.rule))
    return report


@dataclass(frozen=True)
class Sheet:
    """One sheet of a workbook to write: its name, header, rows and column widths (in characters)."""

    name: str
    header: Sequence[str]
    rows: Sequence[Sequence]
    widths: dict[str, float] = field(default_factory=dict)  # column letter -> width
    highlight_column: int | None = None  # 1-based: the column people fill in, shaded
    freeze_header: bool = True
    # 1-based columns formatted as text, so that Excel or LibreOffice keep what is typed there as typed
    # (a period `2026-11` typed in a General cell becomes the date 1 November 2026).
    text_columns: tuple[int, ...] = ()


HIGHLIGHT_FILL = "FFF2CC"  # the pale yellow of "fill in here"


def write_sheets(out: Path, sheets: Sequence[Sheet]) -> None:
    """Write ``sheets`` as an .xlsx workbook, or the first sheet alone as a UTF-8 .csv (with a BOM, so
    Excel reads it as UTF-8); the suffix of ``out`` decides. Headers are bold in a workbook.

    Text never becomes a formula (:mod:`storage.sheets.cells`): string cells in a workbook, a quote before
    text that starts like a formula in a CSV; figures stay numbers in both."""
    if out.suffix.lower() == ".csv":
        with open(out, "w", newline="", encoding="utf-8-sig") as handle:
            writer = csv.writer(handle)
            writer.writerow([csv_field(name) for name in sheets[0].header])
            writer.writerows([csv_field(value) for value in row] for row in sheets[0].rows)
        return
    # openpyxl is imported when a workbook is written: the CLI's other commands start faster without it.
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    workbook = Workbook()
    for number, sheet in enumerate(sheets):
        page = workbook.active if number == 0 else workbook.create_sheet(sheet.name)
        page.title = sheet.name
        page.append(list(sheet.header))
        for cell in page[1]:
            cell.font = Font(bold=True)
        for row in sheet.rows:
            page.append(list(row))
        if sheet.highlight_column is not None:
            fill = PatternFill("solid", fgColor=HIGHLIGHT_FILL)
            for (cell,) in page.iter_rows(min_row=2, min_col=sheet.highlight_column, max_col=sheet.highlight_column):
                cell.fill = fill
        for column in sheet.text_columns:
            for (cell,) in page.iter_rows(min_row=2, min_col=column, max_col=column):
                cell.number_format = "@"
        if sheet.freeze_header:
            page.freeze_panes = "A2"
        for column, width in sheet.widths.items():
            page.column_dimensions[column].width = width
        keep_all_text(page)
    workbook.save(out)
