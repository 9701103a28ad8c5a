"""Reading the files offices really make: CSV in any separator and encoding, .xlsx, .ods, titles above
the header, merged cells.

A district office saves its sheet from whatever it has: Excel in an Urdu or English Windows, LibreOffice
(whose default is .ods), "Unicode text" from Excel. Each of these gives the same rows here, numbered as
the spreadsheet numbers them, so every problem names the row a person sees.

* CSV: the encoding is found from the bytes (a UTF-8 or UTF-16 byte-order mark; UTF-8 without one; else
  Windows-1256, the Urdu Windows code page) and the separator from the header (``,``, ``;`` or tab).
* .xlsx through openpyxl (read-only, so a 200,000-row sheet streams); when a row has figures but no
  indicator or district, the sheet is read again with its merged ranges, filled from their top-left cell.
* .ods through odfpy (pandas' own reader for OpenDocument); merged ranges filled the same way.
* .xls (Excel 97-2003) is refused with the steps to save it as .xlsx.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
from collections.abc import Iterator, Sequence
from pathlib import Path

from storage.errors import ValidationFailed
from storage.i18n import QT_TRANSLATE_NOOP, say
from storage.sheets.cells import QUOTE, csv_text
from storage.validation import issue

HEADER_SEARCH_ROWS = 10  # a header is looked for in the first rows: titles and notes may sit above it
SEPARATORS = (",", ";", "\t")
SEPARATOR_NAMES = {",": "comma", ";": "semicolon", "\t": "tab"}
READABLE_SUFFIXES = (".csv", ".txt", ".xlsx", ".ods")


class CsvText:
    """A CSV file decoded: its text and the encoding it was read with."""

    def __init__(self, text: str, encoding: str) -> None:
        self.text = text
        self.encoding = encoding


def decode_csv(raw: bytes) -> CsvText:
    """Decode a CSV file's bytes: byte-order marks first, then strict UTF-8, then Windows-1256.

    Windows-1256 decodes any byte, so it is tried last and only for text without NUL bytes (a NUL in a
    text file means UTF-16 without its mark, or a file that is not text at all).
    """
    if raw.startswith(codecs.BOM_UTF8):
        return CsvText(raw[len(codecs.BOM_UTF8):].decode("utf-8"), "UTF-8")
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return CsvText(raw.decode("utf-16"), "UTF-16")
    try:
        return CsvText(raw.decode("utf-8"), "UTF-8")
    except UnicodeDecodeError:
        if b"\x00" in raw:
            raise
    return CsvText(raw.decode("cp1256"), "Windows-1256")


def _names(cells: Sequence[object]) -> set[str]:
    return {str(cell).strip().lower() for cell in cells if cell is not None}


def csv_separator(text: str, columns: Sequence[str]) -> str:
    """The separator under which one of the first lines names the most of ``columns``.

    With no expected columns (or none found), csv.Sniffer decides among ``,``, ``;`` and tab; a comma when
    it cannot tell.
    """
    head = text.splitlines()[:HEADER_SEARCH_ROWS]
    best, best_found = ",", 0
    wanted = {name.lower() for name in columns}
    for separator in SEPARATORS:
        for cells in csv.reader(head, delimiter=separator):
            found = len(wanted & _names(cells))
            if found > best_found:
                best, best_found = separator, found
    if best_found >= 2:
        return best
    try:
        return csv.Sniffer().sniff("\n".join(head), delimiters="".join(SEPARATORS)).delimiter
    except csv.Error:
        return ","


def _csv_rows(path: Path, columns: Sequence[str]) -> Iterator[tuple[int, list]]:
    decoded = decode_csv(path.read_bytes())
    separator = csv_separator(decoded.text, columns)
    reader = csv.reader(io.StringIO(decoded.text, newline=""), delimiter=separator)
    for number, fields in enumerate(reader, start=1):
        # Text Mizan quoted so that no spreadsheet reads it as a formula reads back as it was.
        yield number, [csv_text(field) if field[:1] == QUOTE else field for field in fields]


def _fill_merged(rows: list[list], ranges: list[tuple[int, int, int, int]]) -> list[list]:
    """Give every cell of a merged range (1-based min_row, min_col, max_row, max_col) its top-left value."""
    for min_row, min_col, max_row, max_col in ranges:
        if min_row > len(rows):
            continue
        top_left = rows[min_row - 1][min_col - 1] if min_col <= len(rows[min_row - 1]) else None
        for row_number in range(min_row, min(max_row, len(rows)) + 1):
            row = rows[row_number - 1]
            if len(row) < max_col:
                row.extend([None] * (max_col - len(row)))
            for column in range(min_col, max_col + 1):
                if (row_number, column) != (min_row, min_col):
                    row[column - 1] = top_left
    return rows


def _xlsx_rows(path: Path, sheet_name: str) -> Iterator[tuple[int, list]]:
    # loaded when this format is used: the app and CLI start without it
    from openpyxl import load_workbook

    workbook = load_workbook(path, read_only=True, data_only=True)
    try:
        sheet = workbook[sheet_name] if sheet_name in workbook.sheetnames else workbook.worksheets[0]
        yield from enumerate((list(row) for row in sheet.iter_rows(values_only=True)), start=1)
    finally:
        workbook.close()


def xlsx_rows_with_merged(path: Path, sheet_name: str) -> list[list]:
    """Every row of the sheet, merged ranges filled from their top-left cell (a full, not streamed, read:
    called only for a sheet whose rows show the gaps merged cells leave)."""
    from openpyxl import load_workbook  # as above: only when this format is used

    workbook = load_workbook(path, data_only=True)
    try:
        sheet = workbook[sheet_name] if sheet_name in workbook.sheetnames else workbook.worksheets[0]
        rows = [list(row) for row in sheet.iter_rows(values_only=True)]
        ranges = [(merged.min_row, merged.min_col, merged.max_row, merged.max_col) for merged in sheet.merged_cells.ranges]
    finally:
        workbook.close()
    return _fill_merged(rows, ranges)


def _ods_cell_value(cell) -> object:
    """An OpenDocument cell's value as the spreadsheet means it: a float, a date, or its text."""
    from odf.namespaces import OFFICENS  # loaded with the format, as above

    kind = cell.attributes.get((OFFICENS, "value-type"))
    if kind in ("float", "percentage", "currency"):
        number = float(cell.attributes.get((OFFICENS, "value")))
        return int(number) if number.is_integer() else number
    if kind == "date":
        text = cell.attributes.get((OFFICENS, "date-value"))
        return dt.datetime.fromisoformat(text) if "T" in text else dt.datetime.fromisoformat(text + "T00:00:00")
    if kind == "boolean":
        return cell.attributes.get((OFFICENS, "boolean-value")) == "true"
    parts = []
    for paragraph in cell.childNodes:
        if paragraph.qname[1] == "p":
            parts.append("".join(_ods_text(node) for node in paragraph.childNodes))
    return "\n".join(parts) if parts else None


def _ods_text(node) -> str:
    from odf.namespaces import TEXTNS  # loaded with the format, as above

    if node.nodeType == node.TEXT_NODE:
        return str(node.data)
    if node.qname == (TEXTNS, "s"):
        return " " * int(node.attributes.get((TEXTNS, "c"), 1))
    return "".join(_ods_text(child) for child in node.childNodes)


_ODS_MAX_REPEAT = 1000  # LibreOffice writes the sheet's empty tail as one cell "repeated" ~16,000 times


def ods_rows(path: Path, sheet_name: str) -> list[list]:
    """Every row of an .ods sheet (the one called ``sheet_name``, else the first), merged ranges filled."""
    from odf.namespaces import TABLENS  # loaded with the format, as above
    from odf.opendocument import load
    from odf.table import Table, TableRow

    document = load(str(path))
    tables = document.spreadsheet.getElementsByType(Table)
    if not tables:
        return []
    table = next((t for t in tables if t.getAttribute("name") == sheet_name), tables[0])
    rows: list[list] = []
    ranges: list[tuple[int, int, int, int]] = []
    for row in table.getElementsByType(TableRow):
        cells: list = []
        for cell in row.childNodes:
            if cell.qname[1] not in ("table-cell", "covered-table-cell"):
                continue
            repeat = min(int(cell.attributes.get((TABLENS, "number-columns-repeated"), 1)), _ODS_MAX_REPEAT)
            value = _ods_cell_value(cell) if cell.qname[1] == "table-cell" else None
            rows_spanned = int(cell.attributes.get((TABLENS, "number-rows-spanned"), 1))
            columns_spanned = int(cell.attributes.get((TABLENS, "number-columns-spanned"), 1))
            if rows_spanned > 1 or columns_spanned > 1:
                ranges.append((len(rows) + 1, len(cells) + 1, len(rows) + rows_spanned, len(cells) + columns_spanned))
            cells.extend([value] * repeat)
        while cells and cells[-1] in (None, ""):
            cells.pop()
        repeat = min(int(row.attributes.get((TABLENS, "number-rows-repeated"), 1)), _ODS_MAX_REPEAT)
        rows.extend([list(cells) for _ in range(repeat)])
    while rows and not rows[-1]:
        rows.pop()
    return _fill_merged(rows, ranges)


def old_excel(path: Path) -> ValidationFailed:
    """The refusal of an Excel 97-2003 .xls file, with the steps to save it as .xlsx."""
    return ValidationFailed(say("errors", QT_TRANSLATE_NOOP("errors", "The file could not be read; nothing was written.")),
                            [issue("LD_OLD_EXCEL", 1, value=path.name)])


def other_kind(path: Path) -> ValidationFailed:
    """The refusal of a file that is no spreadsheet Mizan reads."""
    return ValidationFailed(say("errors", QT_TRANSLATE_NOOP("errors", "The file could not be read; nothing was written.")),
                            [issue("LD_FILE_KIND", 1, value=path.name)])


def sheet_rows(path: Path, sheet_name: str, columns: Sequence[str] = ()) -> Iterator[tuple[int, list]]:
    """(spreadsheet row number, cells) for every row of the file, whatever office program made it."""
    suffix = path.suffix.lower()
    if suffix in (".csv", ".txt"):
        yield from _csv_rows(path, columns)
    elif suffix == ".xlsx":
        yield from _xlsx_rows(path, sheet_name)
    elif suffix == ".ods":
        yield from enumerate(ods_rows(path, sheet_name), start=1)
    elif suffix == ".xls":
        raise old_excel(path)
    else:
        raise other_kind(path)
