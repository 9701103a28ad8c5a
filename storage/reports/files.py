"""Reports to files: XLSX (formatted, one sheet per report, native charts), PDF (drawn by the printing
package through :mod:`storage.reports.hooks`; the charts are reportlab drawings, shared with the screen)
and CSV (one table per file: several tables go into one ZIP). The format comes from the file name's
suffix. Every file is written to a temporary file beside it and renamed: a crash leaves no half report.

The reports themselves are :class:`storage.reports.build.Report` objects; nothing here queries the database.
"""

from __future__ import annotations

import io
import math
import re
import zipfile
from collections.abc import Sequence
from pathlib import Path

import pandas as pd
from pandas.api.types import is_numeric_dtype

from storage.core.files import write_atomically
from storage.errors import UsageError
from storage.i18n import QT_TRANSLATE_NOOP, say
from storage.reports.build import STATUS_COLOURS, Chart, Report, Table
from storage.reports.hooks import PDF_WRITERS
from storage.reports.levels import DEFAULT_LEVEL
from storage.sheets.cells import csv_field, keep_all_text

FORMATS = (".xlsx", ".pdf", ".csv")
# Excel number formats of the report tables' column kinds (storage.reports.build.Table.formats).
EXCEL_FORMATS = {"count": "#,##0", "percent": "0.0", "decimal": "#,##0.00", "general": "General"}
SHEET_NAMES = {"progress": "Progress", "trend": "Trend", "desk": "Gender desks", "completeness": "Completeness"}
HEADER_FILL = "DDEBF7"


def write_report(reports: Report | Sequence[Report], path: str | Path) -> list[Path]:
    """Write one or more reports to ``path`` (.xlsx, .pdf or .csv). Returns the files written.

    XLSX and PDF hold every report in one file. A CSV file holds one table: when the reports have exactly
    one table it is written to ``path`` itself; several are written as one ZIP beside it, ``path`` with
    ``.zip`` for ``.csv`` (:func:`report_target`), holding a CSV per table named by its table
    (:func:`csv_member_names`). Every file is written whole or not at all (temporary file, then renamed).
    """
    reports = [reports] if isinstance(reports, Report) else list(reports)
    path = Path(path)
    suffix = _checked_suffix(reports, path)
    if suffix == ".xlsx":
        write_xlsx(reports, path)
        return [path]
    if suffix == ".pdf":
        write_pdf(reports, path)
        return [path]
    return [write_csv(reports, path)]


def _checked_suffix(reports: list[Report], path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "Reports are written as .xlsx, .pdf or .csv, not {file}."), file=repr(path.name)))
    if not reports:
        raise UsageError("There is no report to write.")
    return suffix


def report_target(reports: Report | Sequence[Report], path: str | Path) -> Path:
    """The file :func:`write_report` writes for ``path``: ``path`` itself, or for a .csv of several tables
    the .zip beside it (the screens offer that name before writing)."""
    reports = [reports] if isinstance(reports, Report) else list(reports)
    path = Path(path)
    if path.suffix.lower() == ".csv" and sum(len(report.tables) for report in reports) > 1:
        return path.with_suffix(".zip")
    return path


def _cell(value: object) -> object:
    """A DataFrame value as a spreadsheet cell: NaN and None are empty."""
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item"):  # numpy scalars
        value = value.item()
        if isinstance(value, float) and math.isnan(value):
            return None
    return value


def scope_line(report: Report) -> str:
    """The line under a report's title in its files: scope, level (when not the usual district), span, time."""
    level = f" - {report.level} level" if report.level != DEFAULT_LEVEL else ""
    return f"{report.scope}{level} - {report.span} - generated {report.generated_at}"


def report_json(report: Report) -> dict:
    """The report as JSON-ready data (the ``report --json`` output beside the files written): kind, level,
    title, scope, span, notes, and each table's caption, columns and rows (NaN as null; a suppressed figure
    as it reads, "<5")."""
    return {"kind": report.kind, "level": report.level, "title": report.title, "scope": report.scope,
            "span": report.span, "notes": list(report.notes),
            "tables": [{"caption": table.caption, "columns": [str(column) for column in table.frame.columns],
                        "rows": [[_cell(value) for value in row] for row in table.frame.itertuples(index=False)]}
                       for table in report.tables]}


def figure_text(value: object, kind: str | None = None) -> str:
    """A value as the PDF and the screen show it (``kind``: the table's format of its column)."""
    value = _cell(value)
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if kind == "count" or (isinstance(value, int) and kind != "percent"):
        return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"
    if kind == "percent":
        return f"{value:.1f}"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"


# -- CSV ---------------------------------------------------------------------------------------------------


# Characters kept in a ZIP member's name: letters, digits, "-" and "." (safe on Windows, macOS and Linux).
_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9.]+")
# Names Windows refuses for a file, whatever its extension.
_WINDOWS_RESERVED = {"con", "prn", "aux", "nul", *(f"com{n}" for n in range(1, 10)), *(f"lpt{n}" for n in range(1, 10))}


def safe_file_stem(text: str) -> str:
    """``text`` as a file name without extension: each run of characters other than letters, digits and "."
    becomes one "-"; never cut."""
    stem = _UNSAFE_NAME.sub("-", text).strip("-.")
    return f"{stem}-table" if stem.lower() in _WINDOWS_RESERVED else stem


def csv_member_names(reports: Sequence[Report]) -> list[str]:
    """The CSV file name of every table of ``reports``, in order: the table's own name (a trend table's is
    ``trend-<indicator code>``) or its caption in lower case as a safe name, whole; a name already given gets
    "-2", "-3"."""
    names: list[str] = []
    taken: set[str] = set()
    for report in reports:
        for number, table in enumerate(report.tables, start=1):
            stem = safe_file_stem(table.name or table.caption.lower()) or f"{report.kind}-{number}"
            name, copy = f"{stem}.csv", 1
            while name.lower() in taken:  # Windows and macOS fold case: "A.csv" and "a.csv" are one file
                copy += 1
                name = f"{stem}-{copy}.csv"
            taken.add(name.lower())
            names.append(name)
    return names


def write_csv(reports: list[Report], path: Path) -> Path:
    """The reports' tables as CSV (UTF-8 with BOM, as Excel expects): one table to ``path``, several to one
    ZIP (:func:`report_target`) of a CSV per table. Returns the file written."""
    tables = [table for report in reports for table in report.tables]
    if not tables:
        raise UsageError("The report has no table to write.")
    target = report_target(reports, path)
    if len(tables) == 1:
        write_atomically(target, csv_bytes(tables[0]))
        return target
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, table in zip(csv_member_names(reports), tables, strict=True):
            archive.writestr(name, csv_bytes(table))
    write_atomically(target, buffer.getvalue())
    return target


def csv_bytes(table: Table) -> bytes:
    """One table as CSV bytes: every text (headers included) safe from formulas, whole numbers of counts as
    integers (``7867``, not ``7867.0``), percents and decimals as they are."""
    return _csv_safe(_csv_numbers(table)).to_csv(index=False).encode("utf-8-sig")


def _csv_numbers(table: Table):
    """The table's figures as the screen and the PDF show them: each whole number of a column that is not a
    percent or a decimal as an int, other fractions to 2 decimals (a pro-rated target is 174.17, not
    174.16666666666669); percents as they are (already to 1 decimal).

    pandas makes a column of counts float as soon as one cell is missing (NaN), and a column mixing counts
    with the suppressed mark holds floats too: both would be written ``7867.0``."""
    frame = table.frame.copy()
    for position, column in enumerate(frame.columns):
        kind = table.formats.get(column)
        if kind == "percent":
            continue
        values = frame.iloc[:, position]
        if values.dtype.kind == "f" or values.dtype == object:
            # a list into an object Series: map() would infer float64 again from ints beside None
            frame.isetitem(position, pd.Series([_csv_number(v, kind) for v in values], index=frame.index,
                                               dtype=object))
    return frame


def _csv_number(value: object, kind: str | None) -> object:
    value = _cell(value)
    if not isinstance(value, float):
        return value
    if value.is_integer() and kind != "decimal":
        return int(value)
    return round(value, 2)


def _csv_safe(frame):
    """The table with every text (headers included) quoted where it starts like a formula
    (:mod:`storage.sheets.cells`); numeric columns are left as they are, so they stay numbers."""
    safe = frame.rename(columns=lambda name: csv_field(str(name)))
    for position in range(frame.shape[1]):
        values = frame.iloc[:, position]
        if not is_numeric_dtype(values):
            safe.isetitem(position, pd.Series([csv_field(v) for v in values], index=frame.index, dtype=object))
    return safe


# -- XLSX --------------------------------------------------------------------------------------------------


def write_xlsx(reports: list[Report], path: Path) -> None:
    """A sheet per table, ready to print: the report's title and notes, the table under its caption, its
    charts; landscape, fitted to the page's width, the table's header row repeated on every printed page,
    and a footer with the report's title and "Page n of N". (One sheet per table because Excel repeats one
    header per sheet: a second table's pages would carry the first one's column names.)"""
    # loaded when this format is used: the app and CLI start without it
    from openpyxl import Workbook

    if not any(report.tables for report in reports):
        raise UsageError("The report has no table to write.")  # as for CSV; Excel refuses a file with no sheet
    workbook = Workbook()
    workbook.remove(workbook.active)
    for report, number, title in xlsx_sheet_titles(reports):
        _xlsx_sheet(workbook.create_sheet(title), report, number)
    buffer = io.BytesIO()
    workbook.save(buffer)
    write_atomically(path, buffer.getvalue())


EXCEL_SHEET_TITLE = 31  # Excel's longest sheet name
_SHEET_UNSAFE = re.compile(r"[\\/*?:\[\]]")  # characters Excel refuses in a sheet name


def xlsx_sheet_titles(reports: Sequence[Report]) -> list[tuple[Report, int, str]]:
    """(report, table index, sheet title) of every table: the report's sheet name when it has one table,
    else the table's short title (:attr:`Table.sheet`, or its caption); unique, at most 31 characters."""
    titles: list[tuple[Report, int, str]] = []
    taken: set[str] = set()
    for report in reports:
        for number, table in enumerate(report.tables):
            wanted = SHEET_NAMES.get(report.kind, report.kind) if len(report.tables) == 1 else (
                table.sheet or table.caption)
            title = _SHEET_UNSAFE.sub("-", wanted)[:EXCEL_SHEET_TITLE].strip() or f"{report.kind} {number + 1}"
            copy = 1
            while title.lower() in taken:  # Excel compares sheet names without case
                copy += 1
                title = f"{title[:EXCEL_SHEET_TITLE - len(str(copy)) - 1]} {copy}"
            taken.add(title.lower())
            titles.append((report, number, title))
    return titles


def _xlsx_sheet(sheet, report: Report, index: int) -> None:
    """Title and scope; the table under its caption; then the report's notes (wrapped across the table's
    width) and its charts, below the table so that they print with it."""
    # loaded when this format is used: the app and CLI start without it
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    table = report.tables[index]
    bold = Font(bold=True)
    sheet.append([report.title])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append([scope_line(report)])
    row = sheet.max_row + 2
    widths: dict[int, int] = {}
    fills = {status: PatternFill("solid", fgColor=colour) for status, colour in STATUS_COLOURS.items()}
    header_fill = PatternFill("solid", fgColor=HEADER_FILL)
    thin = Side(style="thin", color="A6A6A6")
    ruled = Border(left=thin, right=thin, top=thin, bottom=thin)  # the table's own rules, on screen and paper
    sheet.cell(row=row, column=1, value=table.caption).font = Font(bold=True, size=12)
    row += 1
    header = row
    columns = list(table.frame.columns)
    for position, column in enumerate(columns, start=1):
        cell = sheet.cell(row=row, column=position, value=str(column))
        cell.font, cell.fill, cell.border = bold, header_fill, ruled
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        widths[position] = max(widths.get(position, 8), min(len(str(column)) + 2, 40))
    first = row + 1
    for values in table.frame.itertuples(index=False):
        row += 1
        for position, (column, value) in enumerate(zip(columns, values, strict=True), start=1):
            cell = sheet.cell(row=row, column=position, value=_cell(value))
            cell.border = ruled
            kind = table.formats.get(column)
            if kind and not isinstance(cell.value, str):
                cell.number_format = EXCEL_FORMATS[kind]
            if column in table.status_columns and cell.value in fills:
                cell.fill = fills[cell.value]
            if isinstance(cell.value, str):
                widths[position] = max(widths.get(position, 8), min(len(cell.value) + 2, 50))
            elif cell.value is not None:
                widths[position] = max(widths.get(position, 8), len(figure_text(cell.value, kind)) + 2)
    last_data = row
    for position, width in widths.items():
        sheet.column_dimensions[_column_letter(position)].width = width
    # Charts are drawn about 18 cm wide: the printed width is the table's or the charts', the wider.
    charts = [chart for chart in report.charts if chart.table == index]
    last_column = max(len(columns), _columns_spanning(widths, XLSX_CHART_WIDTH_CHARACTERS) if charts else 0, 1)
    row += 1
    line_characters = sum(widths.get(position, 8.43) for position in range(1, last_column + 1))
    for note in report.notes:
        # A note wraps across the printed width (one merged cell); Excel does not fit a merged row's height
        # to its text, so the height is reckoned from the text's length.
        row += 1
        cell = sheet.cell(row=row, column=1, value=note)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if last_column > 1:
            sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=last_column)
        sheet.row_dimensions[row].height = 15 * max(1, math.ceil(len(note) * 1.15 / max(line_characters, 1)))
    if charts:
        # The charts start a printed page of their own rather than being cut at a page's foot.
        from openpyxl.worksheet.pagebreak import Break  # loaded when this format is used, as above

        sheet.row_breaks.append(Break(id=row + 1))
    for number, chart in enumerate(charts):
        _xlsx_chart(sheet, report, chart, first, last_data, f"A{row + 2 + XLSX_CHART_ROWS * number}")
    row += 1 + XLSX_CHART_ROWS * len(charts)
    # The title and scope scroll away with the sheet; the header row stays on screen and on every printed page.
    sheet.freeze_panes = sheet.cell(row=header + 1, column=1)
    _xlsx_print_setup(sheet, report, header, f"A1:{_column_letter(last_column)}{row}")
    keep_all_text(sheet)  # every title, note, caption, heading and text figure a string cell, never a formula


XLSX_CHART_ROWS = 18  # rows of the default height a chart (8 cm tall) takes, and a gap
XLSX_CHART_WIDTH_CHARACTERS = 100  # a chart's 18 cm in Excel's column-width units (about 7 pixels each)


def _columns_spanning(widths: dict[int, int], characters: float) -> int:
    """How many columns, of these widths (8.43 beyond them, Excel's default), add up to ``characters``."""
    total, position = 0.0, 0
    while total < characters:
        position += 1
        total += widths.get(position, 8.43)
    return position


def _xlsx_print_setup(sheet, report: Report, header: int, area: str) -> None:
    """A4 landscape, the table, notes and charts (``area``) on the page's width and as many pages down as
    it takes, the header row on every page, and a footer naming the report and the page."""
    sheet.page_setup.orientation = sheet.ORIENTATION_LANDSCAPE
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0  # 0: as many pages tall as the table needs
    sheet.print_area = area  # not the chart's figures copied beside it (_xlsx_chart_from_block)
    sheet.print_title_rows = f"{header}:{header}"
    # "&" starts a code in a header or footer: a title's own "&" is written "&&".
    sheet.oddFooter.left.text = report.title.replace("&", "&&")[:120]
    sheet.oddFooter.right.text = "Page &P of &N"


def _column_letter(position: int) -> str:
    # loaded when this format is used: the app and CLI start without it
    from openpyxl.utils import get_column_letter

    return get_column_letter(position)


def _xlsx_chart(sheet, report: Report, chart: Chart, first: int, last: int, anchor: str) -> None:
    """A native Excel chart over the table's cells (Excel redraws it when a figure is edited)."""
    # loaded when this format is used: the app and CLI start without it
    from openpyxl.chart import BarChart, LineChart, Reference

    frame = report.tables[chart.table].frame
    columns = list(frame.columns)
    if _charts_text(frame, chart):
        _xlsx_chart_from_block(sheet, report, chart, anchor)
        return
    label_at = columns.index(chart.label_column) + 1
    value_at = [columns.index(column) + 1 for column in chart.value_columns]
    drawing = LineChart() if chart.kind == "line" else BarChart()
    drawing.title = chart.title
    drawing.y_axis.title = chart.y_title
    drawing.height, drawing.width = 8, 18
    if chart.series_in == "rows":
        rows = chart.rows if chart.rows is not None else list(range(len(frame)))
        for position in rows:
            at = first + position
            data = Reference(sheet, min_col=min(value_at), max_col=max(value_at), min_row=at, max_row=at)
            drawing.add_data(data, from_rows=True, titles_from_data=False)
            drawing.series[-1].tx = _series_title(sheet, label_at, at)
        drawing.set_categories(Reference(sheet, min_col=min(value_at), max_col=max(value_at), min_row=first - 1,
                                         max_row=first - 1))
    else:
        for at in value_at:
            drawing.add_data(Reference(sheet, min_col=at, max_col=at, min_row=first - 1, max_row=last),
                             titles_from_data=True)
        drawing.set_categories(Reference(sheet, min_col=label_at, max_col=label_at, min_row=first, max_row=last))
    sheet.add_chart(drawing, anchor)


def _charts_text(frame, chart: Chart) -> bool:
    """Whether a charted cell holds text (a suppressed figure, "<5"): Excel would draw it as 0."""
    rows = chart.rows if chart.series_in == "rows" and chart.rows is not None else range(len(frame))
    return any(isinstance(frame.iloc[row][column], str) for row in rows for column in chart.value_columns)


def _xlsx_chart_from_block(sheet, report: Report, chart: Chart, anchor: str) -> None:
    """The chart drawn from a copy of its figures beside the tables, where a suppressed figure is an empty
    cell: Excel leaves a gap there, never a number (it draws a text cell of the table as 0)."""
    # loaded when this format is used: the app and CLI start without it
    from openpyxl.chart import BarChart, LineChart, Reference

    categories, series = chart.data(report)  # suppressed figures are None
    first_column = sheet.max_column + 2
    top = 1
    sheet.cell(row=top, column=first_column, value=chart.title)
    for offset, category in enumerate(categories, start=1):
        sheet.cell(row=top, column=first_column + offset, value=category)
    for number, (name, values) in enumerate(series, start=1):
        sheet.cell(row=top + number, column=first_column, value=name)
        for offset, value in enumerate(values, start=1):
            sheet.cell(row=top + number, column=first_column + offset, value=value)
    drawing = LineChart() if chart.kind == "line" else BarChart()
    drawing.title = chart.title
    drawing.y_axis.title = chart.y_title
    drawing.height, drawing.width = 8, 18
    drawing.display_blanks = "gap"
    last_column = first_column + len(categories)
    for number in range(1, len(series) + 1):
        drawing.add_data(Reference(sheet, min_col=first_column + 1, max_col=last_column, min_row=top + number,
                                   max_row=top + number), from_rows=True, titles_from_data=False)
        drawing.series[-1].tx = _series_title(sheet, first_column, top + number)
    drawing.set_categories(Reference(sheet, min_col=first_column + 1, max_col=last_column, min_row=top, max_row=top))
    sheet.add_chart(drawing, anchor)


def _series_title(sheet, column: int, row: int):
    # loaded when this format is used: the app and CLI start without it
    from openpyxl.chart.data_source import StrRef
    from openpyxl.chart.series import SeriesLabel
    from openpyxl.utils import quote_sheetname

    return SeriesLabel(strRef=StrRef(f"{quote_sheetname(sheet.title)}!${_column_letter(column)}${row}"))


# -- PDF ---------------------------------------------------------------------------------------------------

# The PDF itself is drawn by Qt (the printing package, plugged in through storage.reports.hooks): reportlab
# cannot shape Urdu. What stays here is what the PDF and the screen share: the tables' text and the charts.
SERIES_COLOURS = ("#1F4E79", "#C55A11", "#548235", "#7030A0", "#BF9000", "#2E75B6", "#A5A5A5", "#843C0C")


def write_pdf(reports: list[Report], path: Path) -> None:
    """The reports as one PDF, by the writer :mod:`storage.reports.hooks` holds (``printing.pdf.write_pdf``:
    A4 landscape, header rows on every page, "Page n of N", Urdu shaped and right to left)."""
    if not PDF_WRITERS:
        raise UsageError("PDF reports are drawn by Mizan's printing package, which is not loaded here "
                         "(printing.install_hooks()).")
    PDF_WRITERS[-1](reports, path)


def pdf_table_text(table: Table) -> tuple[list[str], list[list[str]]]:
    """(header, rows) of a table as the PDF prints them (figures formatted, text whole)."""
    columns = list(table.frame.columns)
    rows = [[figure_text(value, table.formats.get(column)) for column, value in zip(columns, values, strict=True)]
            for values in table.frame.itertuples(index=False)]
    return [str(column) for column in columns], rows


def chart_drawing(report: Report, chart: Chart, width: float):
    """A vector line or bar chart (a reportlab.graphics Drawing) with a legend: the PDF's and the screen's."""
    # loaded when this format is used: the app and CLI start without it
    from reportlab.graphics.charts.barcharts import VerticalBarChart
    from reportlab.graphics.charts.legends import Legend
    from reportlab.graphics.charts.linecharts import HorizontalLineChart
    from reportlab.graphics.shapes import Drawing, String
    from reportlab.graphics.widgets.markers import makeMarker
    from reportlab.lib import colors

    categories, series = chart.data(report)
    if chart.kind == "line":
        # A line needs two figures; a series with one (a district that reported once) would break the
        # drawing, so it is left out and named in the legend as not drawn.
        drawable = [(name, values) for name, values in series if sum(v is not None for v in values) >= 2]
        left_out = [name for name, values in series if sum(v is not None for v in values) < 2]
        series = drawable + [(f"{name} (not drawn)", []) for name in left_out]
    height = 200
    drawing = Drawing(width, height)
    plot = HorizontalLineChart() if chart.kind == "line" else VerticalBarChart()
    plot.x, plot.y, plot.width, plot.height = 45, 40, width - 230, height - 70
    # reportlab wants numbers: a missing or suppressed figure is drawn as a gap (line) or nothing (bar).
    plot.data = [values for _, values in series if values]
    plot.categoryAxis.categoryNames = [name[:18] for name in categories]
    plot.categoryAxis.labels.fontSize = 6
    plot.categoryAxis.labels.angle = 30 if len(categories) > 6 else 0
    plot.categoryAxis.labels.boxAnchor = "ne" if len(categories) > 6 else "n"
    plot.valueAxis.labels.fontSize = 6
    known = [value for _, values in series for value in values if value is not None]
    plot.valueAxis.valueMin = 0
    plot.valueAxis.valueMax = max(known) * 1.1 if known and max(known) > 0 else 1
    for number in range(len(series)):
        colour = colors.HexColor(SERIES_COLOURS[number % len(SERIES_COLOURS)])
        if chart.kind == "line":
            plot.lines[number].strokeColor = colour
            plot.lines[number].strokeWidth = 1.5
            plot.lines[number].symbol = makeMarker("FilledCircle", size=3)  # a figure beside a gap still shows
        else:
            plot.bars[number].fillColor = colour
    if plot.data:
        drawing.add(plot)
    else:  # nothing to draw: say so rather than draw an empty or made-up axis
        drawing.add(String(45, height / 2, "No figures to draw.", fontName="Helvetica", fontSize=8))
    drawing.add(String(45, height - 14, chart.title, fontName="Helvetica-Bold", fontSize=9))
    legend = Legend()
    legend.x, legend.y = width - 170, height - 30
    legend.fontSize = 6
    legend.colorNamePairs = [(colors.HexColor(SERIES_COLOURS[n % len(SERIES_COLOURS)]), name[:30])
                             for n, (name, _) in enumerate(series[:12])]
    drawing.add(legend)
    return drawing


def chart_svg(report: Report, chart: Chart, width: float = 640) -> bytes:
    """The chart as SVG, for the screen: the same drawing as in the PDF, so both show the same thing."""
    # loaded when this format is used: the app and CLI start without it
    from reportlab.graphics import renderSVG

    svg = renderSVG.drawToString(chart_drawing(report, chart, width))
    # SVG Tiny viewers (Qt's among them) do not know clipPath and paint its rectangle black over the
    # chart; the clip only trims to the drawing's own bounds, so it goes.
    svg = re.sub(r"<clipPath.*?</clipPath>", "", svg, flags=re.DOTALL).replace("clip-path: url(#clip)", "")
    # reportlab writes "fill: None"; CSS keywords are lower case, and Qt fills a line black otherwise.
    svg = svg.replace(": None;", ": none;")
    return svg.encode("utf-8")
