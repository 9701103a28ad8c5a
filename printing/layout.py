"""A report set on A4 landscape pages, as plain data: texts, boxes and charts with their places in points.

No Qt here: text is measured through a :class:`Measure` (Qt's font metrics in :mod:`printing.qt`, anything
that answers the same questions in a test), so column widths, wrapping, page breaks, repeated header rows,
footers and the right-to-left mirror are computed, and tested, without painting. :mod:`printing.pdf`
paints the result.

Right to left (Urdu): every box is laid out left to right and then mirrored across the page, so the first
column stands at the right edge and the columns run leftwards; text is aligned to the right. The charts
are not mirrored (a time axis runs left to right in Urdu print too).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Protocol

from storage.i18n import QT_TRANSLATE_NOOP, say, translate
from storage.reports.build import DISTRICT_NAME, STATUS_COLOURS, Report, Table
from storage.reports.files import HEADER_FILL, pdf_table_text

MM = 72 / 25.4
PAGE_WIDTH, PAGE_HEIGHT = 297 * MM, 210 * MM  # A4 landscape, in points
MARGIN = 12 * MM
FOOTER_ROOM = 14  # points under the content for the footer line
FONT_SIZE = 7.0  # the tables' text
SMALLEST_FONT_SIZE = 5.0  # a table too wide for the page at 7 pt is set smaller, down to this, as a last resort
PADDING = 3.0  # points between a cell's text and each side of its cell
SLACK = 1.0  # points more than the text needs: rounding never makes text touch a rule
CELL_TOP, CELL_BOTTOM = 1.0, 2.0  # points above and below a cell's lines
CAPTION_ROOM = 120.0  # a table's caption starts a new page when less room than this is left under it
CHART_HEIGHT = 200.0  # storage.reports.files.chart_drawing draws its charts this tall
TITLE_SIZE, SUBTITLE_SIZE, CAPTION_SIZE, NOTE_SIZE, FOOTER_SIZE = 15.0, 9.0, 10.0, 8.0, 7.0
GRID_COLOUR, FOOTER_COLOUR = "808080", "404040"  # notes are grey too (no italic: not shipped)

# Arabic-script letters (Urdu's), in their base and presentation forms.
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")


def has_arabic(text: str) -> bool:
    """Whether ``text`` holds Urdu (Arabic-script) letters: it is then set right to left."""
    return _ARABIC.search(text) is not None


class Measure(Protocol):
    """How wide and tall text is, in points, in the fonts the PDF uses."""

    def width(self, text: str, size: float, bold: bool = False) -> float:
        """The advance of ``text`` on one line at ``size`` points."""
        ...

    def line_height(self, size: float, arabic: bool = False) -> float:
        """The distance between two lines at ``size`` points (Naskh's lines are taller than Latin's)."""
        ...


# -- columns and wrapping ----------------------------------------------------------------------------------


@dataclass
class ColumnLayout:
    """How a table is set: each column's width (points), the font size, and which columns' figures wrap
    onto more lines (long names); headers always wrap at spaces."""

    widths: list[float]
    font_size: float
    wrapped: list[bool]


def _widest_word(text: str, measure: Measure, size: float, bold: bool = False) -> float:
    return max((measure.width(word, size, bold) for word in text.split()), default=0.0)


def column_layout(header: list[str], rows: list[list[str]], numeric: list[bool], width: float,
                  measure: Measure) -> ColumnLayout:
    """Columns sized to their content within ``width`` points; ``numeric`` marks the columns whose cells
    never wrap (figures, statuses).

    Each column gets at least its widest figure (a number never wraps) or, for text, its longest word, and
    its header's longest word; the room left goes first to text figures so they stay on one line, then to
    headers. Only when even that minimum is too wide is the font made smaller, half a point at a time.
    """
    size = FONT_SIZE
    while True:
        layout = _columns_at(header, rows, numeric, width, size, measure)
        if layout is not None:
            return layout
        if size <= SMALLEST_FONT_SIZE:
            # Wider than the page even at the smallest size: every column at its minimum, the table wider.
            return _columns_at(header, rows, numeric, float("inf"), size, measure, minimum_only=True)
        size -= 0.5


def _columns_at(header: list[str], rows: list[list[str]], numeric: list[bool], width: float, size: float,
                measure: Measure, minimum_only: bool = False) -> ColumnLayout | None:
    room = 2 * PADDING + SLACK
    count = len(header)
    body = [max((measure.width(row[i], size) for row in rows), default=0.0) for i in range(count)]
    body_word = [body[i] if numeric[i] else max((_widest_word(row[i], measure, size) for row in rows), default=0.0)
                 for i in range(count)]
    head = [measure.width(text, size, True) for text in header]
    head_word = [_widest_word(text, measure, size, True) for text in header]
    least = [max(head_word[i], body_word[i]) + room for i in range(count)]
    if sum(least) > width:
        return None
    widths = list(least)
    if not minimum_only:
        extra = width - sum(widths)
        for wanted in ([body[i] + room for i in range(count)], [max(head[i], body[i]) + room for i in range(count)]):
            short = [max(0.0, wanted[i] - widths[i]) for i in range(count)]
            total = sum(short)
            if total <= 0:
                continue
            share = min(1.0, extra / total)
            widths = [widths[i] + short[i] * share for i in range(count)]
            extra -= total * share
    wrapped = [not numeric[i] and body[i] + room > widths[i] + 1e-6 for i in range(count)]
    return ColumnLayout(widths, size, wrapped)


def wrap(text: str, width: float, measure: Measure, size: float, bold: bool = False) -> list[str]:
    """``text`` broken at spaces into lines no wider than ``width`` points (a word wider than that keeps a
    line of its own, whole). Lines are in logical order: right to left is the painter's business."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split():
            candidate = f"{line} {word}" if line else word
            if line and measure.width(candidate, size, bold) > width:
                lines.append(line)
                line = word
            else:
                line = candidate
        lines.append(line)
    return lines


# -- what a page holds -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Text:
    """One line of text in its box (points from the page's top left); ``align`` is where it sits in the box."""

    x: float
    y: float
    width: float
    height: float
    text: str
    size: float
    bold: bool = False
    align: str = "left"  # "left", "right" or "center"
    colour: str = "000000"
    role: str = "text"  # "title", "caption", "header", "cell", "note", "footer", ...


@dataclass(frozen=True)
class Box:
    """A rectangle: a cell's fill and its rules."""

    x: float
    y: float
    width: float
    height: float
    fill: str | None = None
    stroke: str | None = GRID_COLOUR


@dataclass(frozen=True)
class Picture:
    """A report's chart (``report`` and ``chart`` index into the reports written)."""

    x: float
    y: float
    width: float
    height: float
    report: int
    chart: int


@dataclass
class Page:
    """Everything on one page, and the report it belongs to (for its footer)."""

    report: int
    items: list[Text | Box | Picture] = field(default_factory=list)

    def texts(self, role: str | None = None) -> list[Text]:
        """The page's texts (of one role), in the order they were placed."""
        return [item for item in self.items if isinstance(item, Text) and role in (None, item.role)]


def table_text(table: Table, district_names: dict[str, str] | None = None) -> tuple[list[str], list[list[str]]]:
    """(header, rows) of a table as printed, in the interface's language as the Reports screen shows it: the
    columns and the fixed words in cells (statuses, "All districts") translated, figures formatted, and each
    district's name from ``district_names`` (code -> name in the language; the report holds English)."""
    header, rows = pdf_table_text(table)
    columns = list(table.frame.columns)
    named = columns.index(DISTRICT_NAME) if DISTRICT_NAME in columns and "district" in columns else None
    for row, values in zip(rows, table.frame.itertuples(index=False), strict=True):
        for position, value in enumerate(values):
            if isinstance(value, str):
                row[position] = translate("reports", value)
        if named is not None and district_names and values[columns.index("district")] in district_names:
            row[named] = district_names[values[columns.index("district")]]
    return [translate("reports", text) for text in header], rows


# -- composing the pages -----------------------------------------------------------------------------------


class _Pages:
    """The pages being filled, with a cursor: ``y`` on the last page, within the content area."""

    def __init__(self, measure: Measure, right_to_left: bool, district_names: dict[str, str] | None) -> None:
        self.measure = measure
        self.right_to_left = right_to_left
        self.district_names = district_names
        self.pages: list[Page] = []
        self.left, self.right = MARGIN, PAGE_WIDTH - MARGIN
        self.top, self.bottom = MARGIN, PAGE_HEIGHT - MARGIN - FOOTER_ROOM
        self.y = self.top
        self.report = 0

    @property
    def width(self) -> float:
        return self.right - self.left

    def new_page(self) -> None:
        self.pages.append(Page(self.report))
        self.y = self.top

    def room(self) -> float:
        return self.bottom - self.y

    def place(self, item: Text | Box | Picture) -> None:
        """Add ``item`` to the last page, mirrored across the page in right to left (charts excepted)."""
        if self.right_to_left and not isinstance(item, Picture):
            item = replace(item, x=PAGE_WIDTH - item.x - item.width)
            if isinstance(item, Text) and item.align != "center":
                item = replace(item, align="right")
        self.pages[-1].items.append(item)

    def paragraph(self, text: str, size: float, role: str, bold: bool = False, colour: str = "000000",
                  after: float = 0.0) -> None:
        """Text across the content's width, wrapped; a line that does not fit goes to a new page."""
        for line in wrap(text, self.width, self.measure, size, bold):
            height = self.measure.line_height(size, has_arabic(line))
            if self.room() < height:
                self.new_page()
            self.place(Text(self.left, self.y, self.width, height, line, size, bold, colour=colour, role=role))
            self.y += height
        self.y += after


# The levels a report's rows may be (storage.reference.org_units.LEVELS), as the page's subtitle says them.
LEVEL_WORDS = {"province": QT_TRANSLATE_NOOP("printing", "province"),
               "division": QT_TRANSLATE_NOOP("printing", "division"),
               "desk": QT_TRANSLATE_NOOP("printing", "desk")}


def compose(reports: Sequence[Report], measure: Measure, right_to_left: bool = False,
            district_names: dict[str, str] | None = None) -> list[Page]:
    """Every report on A4 landscape pages (each report from a new page): its title, scope and time, notes,
    then each table under its caption with its header row at the top of every page it runs onto, then the
    table's charts; the footer of every page names its report's title and says "Page n of N".
    ``district_names``: code -> name in the interface's language (:func:`table_text`)."""
    pages = _Pages(measure, right_to_left, district_names)
    for number, report in enumerate(reports):
        pages.report = number
        pages.new_page()
        pages.paragraph(report.title, TITLE_SIZE, "title", bold=True, after=2)
        scope = translate("reports", report.scope)
        level = getattr(report, "level", "district")
        if level != "district":  # the rows are divisions, desks or the province: said under the title
            scope = say("printing", QT_TRANSLATE_NOOP("printing", "{scope} - {level} level"), scope=scope,
                        level=translate("printing", LEVEL_WORDS.get(level, level)))
        pages.paragraph(say("printing", QT_TRANSLATE_NOOP("printing", "{scope} - {span} - generated {time}"),
                            scope=scope, span=report.span, time=report.generated_at),
                        SUBTITLE_SIZE, "subtitle", after=4 * MM)
        for note in report.notes:
            pages.paragraph(note, NOTE_SIZE, "note", colour=FOOTER_COLOUR, after=1)
        for index, table in enumerate(report.tables):
            # A caption never sits alone at a page's foot: with less room left than a few rows, a new page.
            if pages.room() < CAPTION_ROOM:
                pages.new_page()
            else:
                pages.y += 4 * MM
            pages.paragraph(translate("reports", table.caption), CAPTION_SIZE, "caption", bold=True, after=2)
            if table.frame.empty:
                pages.paragraph(say("printing", QT_TRANSLATE_NOOP("printing", "No figures.")), FONT_SIZE, "text")
            else:
                _table(pages, report, index)
            for chart_number, chart in enumerate(report.charts):
                if chart.table != index:
                    continue
                pages.y += 3 * MM
                if pages.room() < CHART_HEIGHT:
                    pages.new_page()
                pages.place(Picture(pages.left, pages.y, pages.width, CHART_HEIGHT, number, chart_number))
                pages.y += CHART_HEIGHT
    _footers(pages, reports)
    return pages.pages


def _cell_lines(text: str, width: float, wrapped: bool, measure: Measure, size: float, bold: bool) -> list[str]:
    return wrap(text, width - 2 * PADDING, measure, size, bold) if wrapped else [text]


def _lines_height(lines: list[str], measure: Measure, size: float) -> float:
    return sum(measure.line_height(size, has_arabic(line)) for line in lines)


def _table(pages: _Pages, report: Report, index: int) -> None:
    """One table: columns fitted to the width (:func:`column_layout`), rows placed down the pages, the
    header row again at the top of each new page; figures right-aligned, text to the start side."""
    table = report.tables[index]
    measure = pages.measure
    columns = list(table.frame.columns)
    header, rows = table_text(table, pages.district_names)
    numeric = [column in table.formats for column in columns]
    status = [column in table.status_columns for column in columns]
    # A status ("off track") is as short as a figure and reads badly broken: it never wraps either.
    layout = column_layout(header, rows, [n or s for n, s in zip(numeric, status, strict=True)], pages.width, measure)
    size = layout.font_size
    lefts = [pages.left + sum(layout.widths[:i]) for i in range(len(columns))]
    header_lines = [wrap(text, layout.widths[i] - 2 * PADDING, measure, size, True) for i, text in enumerate(header)]
    header_height = max(_lines_height(lines, measure, size) for lines in header_lines) + CELL_TOP + CELL_BOTTOM

    def row(cells: list[list[str]], height: float, fills: list[str | None], bold: bool, role: str) -> None:
        for i, lines in enumerate(cells):
            width = layout.widths[i]
            pages.place(Box(lefts[i], pages.y, width, height, fill=fills[i]))
            y = pages.y + CELL_TOP
            for line in lines:
                line_height = measure.line_height(size, has_arabic(line))
                align = "right" if numeric[i] and role == "cell" else "left"
                pages.place(Text(lefts[i] + PADDING, y, width - 2 * PADDING, line_height, line, size, bold,
                                 align=align, role=role))
                y += line_height
        pages.y += height

    def header_row() -> None:
        row(header_lines, header_height, [HEADER_FILL] * len(columns), True, "header")

    if pages.room() < header_height * 2:
        pages.new_page()
    header_row()
    for values, originals in zip(rows, table.frame.itertuples(index=False), strict=True):
        cells = [_cell_lines(text, layout.widths[i], layout.wrapped[i], measure, size, False)
                 for i, text in enumerate(values)]
        height = max(_lines_height(lines, measure, size) for lines in cells) + CELL_TOP + CELL_BOTTOM
        if pages.room() < height:
            pages.new_page()
            header_row()
        fills = [STATUS_COLOURS.get(value) if status[i] and isinstance(value, str) else None
                 for i, value in enumerate(originals)]
        row(cells, height, fills, False, "cell")


def _footers(pages: _Pages, reports: Sequence[Report]) -> None:
    """Each page's footer: its report's title at the start side, "Page n of N" at the end side."""
    count = len(pages.pages)
    height = pages.measure.line_height(FOOTER_SIZE, True)
    y = PAGE_HEIGHT - MARGIN - height
    for number, page in enumerate(pages.pages, start=1):
        title = reports[page.report].title
        counter = say("printing", QT_TRANSLATE_NOOP("printing", "Page {page} of {pages}"), page=number, pages=count)
        half = pages.width / 2
        items = [Text(pages.left, y, half, height, title, FOOTER_SIZE, colour=FOOTER_COLOUR, role="footer"),
                 Text(pages.left + half, y, half, height, counter, FOOTER_SIZE, align="right",
                      colour=FOOTER_COLOUR, role="footer")]
        if pages.right_to_left:
            items = [replace(item, x=PAGE_WIDTH - item.x - item.width, align="left" if item.align == "right"
                             else "right") for item in items]
        page.items.extend(items)
