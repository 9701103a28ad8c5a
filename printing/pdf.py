"""Reports to PDF with Qt's own PDF writer: HarfBuzz shapes Urdu, the fonts are embedded, pages are vector.

:func:`write_pdf` lays the reports out (:func:`printing.layout.compose`, measured with the writer's own font
metrics) and paints each page: boxes, text lines and the charts (reportlab's drawings, as SVG, the same the
Reports screen shows). A line holding Urdu letters is set right to left, with its runs of Latin letters
and figures isolated so "2026-10" or "PRO-04" keep their order; a line without Urdu is set left to right.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QMarginsF, QRectF, Qt
from PySide6.QtGui import QColor, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen
from PySide6.QtSvg import QSvgRenderer

from printing.layout import Box, Page, Picture, Text, compose, has_arabic
from printing.qt import RESOLUTION, QtMeasure, font, register_fonts
from storage import __version__, i18n
from storage.core.files import write_atomically
from storage.reference.catalogue import load_catalogue
from storage.reports.build import Report
from storage.reports.files import chart_svg

LEFT_TO_RIGHT_ISOLATE, POP_ISOLATE = "\u2066", "\u2069"
RULE_WIDTH = 0.25  # points
_ALIGN = {"left": Qt.AlignmentFlag.AlignLeft, "right": Qt.AlignmentFlag.AlignRight,
          "center": Qt.AlignmentFlag.AlignHCenter}
_SPACES = re.compile(r"(\s+)")
_LATIN_OR_FIGURE = re.compile(r"[A-Za-z0-9]")
_DIRECTION_MARKS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def as_typed(extracted: str) -> str:
    """Text read back from a PDF (pdftotext) as it was typed: Arabic presentation forms back to letters,
    bidi and isolate marks (ours, :func:`isolate_latin_runs`, and :func:`storage.i18n.fill`'s) dropped."""
    return _DIRECTION_MARKS.sub("", unicodedata.normalize("NFKC", extracted))


def isolate_latin_runs(text: str) -> str:
    """``text`` (a line holding Urdu) with each run of words without Urdu letters (codes, figures, English
    names, periods) wrapped in a left-to-right isolate: Qt's bidi otherwise shows "2026-10" as "10-2026"
    inside right-to-left text. Words of one run stay together, in their order ("All districts")."""
    parts = _SPACES.split(text)
    out: list[str] = []
    run: list[str] = []

    def flush() -> None:
        trailing: list[str] = []
        while run and _SPACES.fullmatch(run[-1]):  # spaces after a run stay outside its isolate
            trailing.insert(0, run.pop())
        if run:
            out.append(f"{LEFT_TO_RIGHT_ISOLATE}{''.join(run)}{POP_ISOLATE}")
        out.extend(trailing)
        run.clear()

    for part in parts:
        if _SPACES.fullmatch(part):
            (run if run else out).append(part)
        elif not has_arabic(part) and _LATIN_OR_FIGURE.search(part):
            run.append(part)
        else:
            flush()
            out.append(part)
    flush()
    return "".join(out)


def write_pdf(reports: Sequence[Report], path: str | Path) -> None:
    """The reports as one PDF at ``path``, written whole or not at all (temporary file, then renamed):
    A4 landscape, right to left when the interface speaks Urdu (:func:`storage.i18n.language`)."""
    register_fonts()
    reports = list(reports)
    right_to_left = i18n.language() in i18n.RIGHT_TO_LEFT
    buffer = QBuffer()
    buffer.open(QBuffer.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Landscape,
                                     QMarginsF(0, 0, 0, 0)))
    writer.setTitle("; ".join(report.title for report in reports))
    writer.setCreator(f"Mizan {__version__}")
    catalogue = load_catalogue(i18n.language())
    names = {code: district.name for code, district in catalogue.districts.items()}
    pages = compose(reports, QtMeasure(writer), right_to_left, names)
    painter = QPainter(writer)
    try:
        for number, page in enumerate(pages):
            if number:
                writer.newPage()
            _paint(painter, page, reports, writer.logicalDpiX() / 72)
    finally:
        painter.end()
    buffer.close()
    write_atomically(Path(path), bytes(buffer.data()))


def _paint(painter: QPainter, page: Page, reports: list[Report], scale: float) -> None:
    for item in page.items:
        _paint_item(painter, item, reports, scale)


def _paint_item(painter: QPainter, item: Text | Box | Picture, reports: list[Report], scale: float) -> None:
    """One item, its box from points to the writer's dots."""
    rect = QRectF(item.x * scale, item.y * scale, item.width * scale, item.height * scale)
    if isinstance(item, Box):
        painter.setPen(QPen(QColor(f"#{item.stroke}"), RULE_WIDTH * scale) if item.stroke else Qt.PenStyle.NoPen)
        painter.setBrush(QColor(f"#{item.fill}") if item.fill else Qt.BrushStyle.NoBrush)
        painter.drawRect(rect)
    elif isinstance(item, Text):
        painter.setPen(QColor(f"#{item.colour}"))
        painter.setFont(font(item.size, item.bold))
        text = item.text
        if has_arabic(text):
            painter.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
            text = isolate_latin_runs(text)
        else:
            painter.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        flags = (Qt.AlignmentFlag.AlignAbsolute | _ALIGN[item.align] | Qt.AlignmentFlag.AlignVCenter
                 | Qt.TextFlag.TextSingleLine | Qt.TextFlag.TextDontClip)
        painter.drawText(rect, int(flags.value), text)
    else:
        report = reports[item.report]
        chart = report.charts[item.chart]
        # Its title in the interface's language, as the table captions are (a trend's is already).
        chart = replace(chart, title=i18n.translate("reports", chart.title))
        renderer = QSvgRenderer(QByteArray(chart_svg(report, chart, width=item.width)))
        renderer.render(painter, rect)
