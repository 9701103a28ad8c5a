"""Reports printed by Qt (printing/): Urdu shaped and right to left, fonts embedded, header rows on every
page, "Page n of N"; the layout computed (and checked here) without painting. Real PDFs read back with
poppler's pdftotext and pdffonts."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from gui.language import install_language, remove_language
from printing.layout import (
    FONT_SIZE,
    FOOTER_ROOM,
    MARGIN,
    PADDING,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    SMALLEST_FONT_SIZE,
    Box,
    ColumnLayout,
    column_layout,
    compose,
    has_arabic,
    table_text,
    wrap,
)
from printing.pdf import LEFT_TO_RIGHT_ISOLATE, POP_ISOLATE, as_typed, isolate_latin_runs, write_pdf
from printing.qt import QtMeasure
from storage import i18n
from storage.reference.catalogue import load_catalogue
from storage.reports.build import ALL_DISTRICTS, Report, Table, desk_report, progress_report, trend_report
from tests.conftest import CLERK_PASSWORD, on_screen
from tests.test_reports import _desk_cases

ROOT = Path(__file__).resolve().parent.parent
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN


@pytest.fixture(scope="module")
def measure(qapp) -> QtMeasure:
    """Qt's metrics of the shipped fonts on a PDF device that is never painted."""
    return QtMeasure()


@pytest.fixture
def urdu(qapp):
    """The Urdu interface, as the app installs it (translator, right to left); English again afterwards."""
    translators = install_language(qapp, "ur")
    yield
    remove_language(qapp, translators)


def pdf_text(pdf: Path, *options: str) -> str:
    return subprocess.run(["pdftotext", *options, str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def pages_of(pdf: Path) -> list[str]:
    """Each page's text in reading order (pdftotext's raw mode: Urdu lines come out in logical order)."""
    return [as_typed(page) for page in pdf_text(pdf).split("\f") if page.strip()]


def page_counter(number: int, count: int) -> re.Pattern:
    """The Urdu footer "صفحہ n از N". pdftotext guesses the order of a line mixing Urdu and figures: in
    logical order, or, on a line holding nothing else, as seen from left to right ("N از n صفحہ")."""
    return re.compile(rf"صفحہ\s*{number}\s*از\s*{count}\b|\b{count}\s*از\s*{number}\s*صفحہ")


def long_table(rows: int = 150) -> Report:
    frame = pd.DataFrame({"district name": [f"District {n}" for n in range(rows)],
                          "district": [f"D{n}" for n in range(rows)],
                          "sheets marked complete": list(range(rows))})
    return Report("completeness", "A long table", ALL_DISTRICTS, "2026", "2026-12-05 10:00",
                  tables=[Table("Every district", frame, {"sheets marked complete": "count"})])


# -- layout, without painting ------------------------------------------------------------------------------


def _assert_text_fits(header: list[str], rows: list[list[str]], layout: ColumnLayout, measure: QtMeasure) -> None:
    """Every header word and every figure (or, in a wrapped column, every word) fits inside its cell's
    padding: nothing touches a rule or runs into the next cell."""
    room = 2 * PADDING
    size = layout.font_size
    for position, width in enumerate(layout.widths):
        for word in header[position].split():
            assert measure.width(word, size, True) + room <= width, (header[position], word, width)
        for row in rows:
            text = row[position]
            for piece in (text.split() if layout.wrapped[position] else [text]):
                assert measure.width(piece, size) + room <= width, (header[position], text, width)


def test_columns_are_sized_so_every_text_fits_its_cell_in_both_languages(centre_figures, supervisor, measure, qapp):
    _desk_cases(supervisor)
    for language in ("en", "ur"):
        translators = install_language(qapp, language)
        try:
            reports = [progress_report(centre_figures, year=2024),
                       trend_report(centre_figures, ["PRO-04", "CRT-02"], year=2024), desk_report(supervisor, year=2024)]
            names = {code: district.name for code, district in load_catalogue(language).districts.items()}
            for report in reports:
                for table in report.tables:
                    header, rows = table_text(table, names)
                    layout = column_layout(header, rows, [c in table.formats for c in table.frame.columns],
                                           CONTENT_WIDTH, measure)
                    assert sum(layout.widths) <= CONTENT_WIDTH + 1e-6, table.caption
                    assert layout.font_size == FONT_SIZE, table.caption  # all fit at 7 pt
                    _assert_text_fits(header, rows, layout, measure)
        finally:
            remove_language(qapp, translators)


def test_long_text_wraps_then_the_font_shrinks_only_when_it_must(measure):
    name = "Arrestees produced before a magistrate within 24 hours of arrest"
    header = ["indicator", "name", *[f"expected by now {n}" for n in range(8)]]
    rows = [["POL-05", name, *["1,234,567"] * 8]] * 3
    numeric = [False, False, *[True] * 8]
    roomy = column_layout(header, rows, numeric, CONTENT_WIDTH, measure)
    assert roomy.font_size == FONT_SIZE and not roomy.wrapped[1]
    narrow = column_layout(header, rows, numeric, 480, measure)
    # The name wraps and headers wrap at spaces; the font stays 7 pt; the figures stay whole.
    assert narrow.font_size == FONT_SIZE and narrow.wrapped == [False, True, *[False] * 8]
    assert sum(narrow.widths) <= 480 + 1e-6
    _assert_text_fits(header, rows, narrow, measure)
    tight = column_layout(header, rows, numeric, 330, measure)
    assert SMALLEST_FONT_SIZE <= tight.font_size < FONT_SIZE and sum(tight.widths) <= 330 + 1e-6
    _assert_text_fits(header, rows, tight, measure)
    # Wrapping keeps every word, in order, each line within the width (Urdu as much as English).
    urdu = "گرفتاری کے 24 گھنٹوں کے اندر مجسٹریٹ کے سامنے پیش کیے گئے ملزمان"
    for text in (name, urdu):
        lines = wrap(text, 90, measure, FONT_SIZE)
        assert len(lines) > 1 and " ".join(lines) == text
        assert all(measure.width(line, FONT_SIZE) <= 90 for line in lines)


def test_a_long_table_is_laid_out_with_its_header_on_every_page_and_numbered_pages(measure):
    pages = compose([long_table()], measure)
    assert len(pages) >= 3
    for page in pages:
        assert [text.text for text in page.texts("header")] == ["district name", "district", "sheets marked complete"]
    cells = [text.text for page in pages for text in page.texts("cell")]
    assert cells[:3] == ["District 0", "D0", "0"] and cells[-3:] == ["District 149", "D149", "149"]
    footers = [[text.text for text in page.texts("footer")] for page in pages]
    assert footers == [["A long table", f"Page {n} of {len(pages)}"] for n in range(1, len(pages) + 1)]
    # Nothing runs into the footer or off the page.
    for page in pages:
        for item in page.items:
            assert MARGIN - 1e-6 <= item.x and item.x + item.width <= PAGE_WIDTH - MARGIN + 1e-6
            assert item.y + item.height <= PAGE_HEIGHT - MARGIN + 1e-6
            if isinstance(item, Box):
                assert item.y + item.height <= PAGE_HEIGHT - MARGIN - FOOTER_ROOM + 1e-6


def test_right_to_left_mirrors_the_columns_and_aligns_text_to_the_right(measure):
    ltr, rtl = compose([long_table(5)], measure), compose([long_table(5)], measure, right_to_left=True)
    first_ltr = ltr[0].texts("header")[0]
    first_rtl = rtl[0].texts("header")[0]
    assert first_ltr.text == first_rtl.text == "district name"
    assert first_ltr.x == pytest.approx(MARGIN + PADDING)
    assert first_rtl.x + first_rtl.width == pytest.approx(PAGE_WIDTH - MARGIN - PADDING)  # the right edge
    header_x = [text.x for text in rtl[0].texts("header")]
    assert header_x == sorted(header_x, reverse=True)  # the columns run leftwards
    assert {text.align for text in rtl[0].texts("cell")} == {"right"}
    assert {text.align for text in ltr[0].texts("cell")} == {"left", "right"}  # names left, figures right


@pytest.mark.parametrize(("language", "words"), [("en", "All districts - division level - 2024 - generated"),
                                                  ("ur", "ڈویژن\u2069 کی سطح")])
def test_the_subtitle_says_the_level_the_rows_are(centre_figures, measure, qapp, language, words):
    translators = install_language(qapp, language)
    try:
        by_division = compose([progress_report(centre_figures, year=2024, level="division")], measure)
        by_district = compose([progress_report(centre_figures, year=2024)], measure)
    finally:
        remove_language(qapp, translators)
    [subtitle] = by_division[0].texts("subtitle")
    assert words in subtitle.text
    [plain] = by_district[0].texts("subtitle")
    assert words not in plain.text  # district rows: no level words


def test_latin_runs_in_urdu_lines_are_isolated_whole():
    lri, pdi = LEFT_TO_RIGHT_ISOLATE, POP_ISOLATE
    assert isolate_latin_runs("رجحان، 2025-12 to 2026-11") == f"رجحان، {lri}2025-12 to 2026-11{pdi}"
    assert isolate_latin_runs("اشاریہ PRO-04 کی شرح") == f"اشاریہ {lri}PRO-04{pdi} کی شرح"
    assert isolate_latin_runs("کل - 12 -") == f"کل - {lri}12{pdi} -"  # a lone dash is no run


# -- real PDFs ---------------------------------------------------------------------------------------------


def test_an_urdu_report_prints_shaped_urdu_in_logical_order_with_its_fonts_embedded(centre_figures, urdu,
                                                                                     tmp_path: Path):
    report = progress_report(centre_figures, year=2024)
    pdf = tmp_path / "progress-ur.pdf"
    write_pdf([report], pdf)
    raw = pdf_text(pdf)
    assert "\ufffd" not in raw and "\u25a1" not in raw  # no replacement characters, no boxes
    [page] = pages_of(pdf)
    title = i18n.translate("reports", "Progress against targets, {span}").split("،")[0]
    assert title == "اہداف کے مقابلے میں پیش رفت"
    assert title in page  # the words in the order they are read
    assert "ضلع کا نام" in page and "درست سمت میں" in page  # a column and a status, translated
    assert "کوئٹہ" in page and "پشین" in page  # the districts' names in Urdu
    assert page_counter(1, 1).search(page)
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    embedded = {line.split()[0]: line.split()[-5] for line in fonts.splitlines()[2:]}
    assert embedded == {"NotoNaskhArabic-Regular": "yes", "NotoNaskhArabic-Bold": "yes",
                        "NotoSans-Regular": "yes", "NotoSans-Bold": "yes"}


def _header_line(pdf: Path, month: str) -> list[tuple[float, float, str]]:
    """(xMin, xMax, text) of every glyph run pdftotext -bbox finds on the line of ``month``'s header,
    left to right (it gives Urdu a glyph at a time)."""
    words = re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>',
                       pdf_text(pdf, "-bbox"))
    y = next(float(top) for _, top, _, word in words if word == month)
    return sorted((float(x_min), float(x_max), as_typed(word)) for x_min, top, x_max, word in words
                  if abs(float(top) - y) < 2)


def test_an_urdu_table_starts_at_the_right_edge_of_the_page(centre_figures, urdu, tmp_path: Path):
    pdf = tmp_path / "trend-ur.pdf"
    write_pdf([trend_report(centre_figures, ["PRO-04"], year=2024)], pdf)
    line = _header_line(pdf, "2024-01")
    months = [(x_min, text) for x_min, _, text in line if re.fullmatch(r"2024-\d\d", text)]
    urdu_glyphs = [(x_min, x_max) for x_min, x_max, text in line if has_arabic(text)]
    # The first columns (the district's name, its code: ضلع کا نام، ضلع) stand at the right edge; the months
    # run leftwards from there, the first month nearest them, each written left to right.
    assert max(x_max for _, x_max in urdu_glyphs) > PAGE_WIDTH - MARGIN - PADDING - 3
    assert min(x_min for x_min, _ in urdu_glyphs) > max(x_min for x_min, _ in months)
    assert [text for _, text in months] == ["2024-12", "2024-11", "2024-10", "2024-09", "2024-08", "2024-07",
                                            "2024-06", "2024-05", "2024-04", "2024-03", "2024-02", "2024-01"][-len(months):]


def test_an_english_table_starts_at_the_left_edge(centre_figures, tmp_path: Path):
    pdf = tmp_path / "trend-en.pdf"
    write_pdf([trend_report(centre_figures, ["PRO-04"], year=2024)], pdf)
    line = _header_line(pdf, "2024-01")
    assert [text for _, _, text in line[:3]] == ["district", "name", "district"]
    assert line[0][0] < MARGIN + PADDING + 3


def test_a_long_urdu_table_repeats_its_header_on_every_page(urdu, tmp_path: Path):
    pdf = tmp_path / "long-ur.pdf"
    write_pdf([long_table()], pdf)
    pages = pages_of(pdf)
    assert len(pages) >= 3
    heading = i18n.translate("reports", "sheets marked complete")
    assert heading != "sheets marked complete"
    for number, page in enumerate(pages, start=1):
        assert all(word in page for word in heading.split()), number  # the header row, repeated
        assert page_counter(number, len(pages)).search(page), number
    assert "District 0\n" in pages[0] and "District 149\n" in pages[-1]


def headless_main(args: list[str], folder: Path, password: str = CLERK_PASSWORD) -> subprocess.CompletedProcess:
    """main.py in its own process, as a scheduled task runs it: no display, the password from MIZAN_PASSWORD
    (its own process too because ``--language ur`` makes the whole process speak Urdu)."""
    environment = {key: value for key, value in os.environ.items()
                   if key not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    environment["MIZAN_PASSWORD"] = password
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], env=environment, cwd=folder,
                          capture_output=True, text=True, timeout=180, check=False)


def test_the_command_line_prints_urdu_without_a_display(centre_figures, centre_db: Path, tmp_path: Path):
    centre_figures.close()  # the clerk's figures are saved; the CLI below opens the database itself
    out = tmp_path / "trend-ur.pdf"
    result = headless_main(["--db", str(centre_db), "--user", "clara", "report", "--kind", "trend", "--indicator",
                            "PRO-04", "--year", "2024", "--language", "ur", "--out", str(out)], tmp_path)
    assert result.returncode == 0, result.stderr
    assert f"to {out}." in result.stdout
    [page] = pages_of(out)
    assert "رجحان" in page and "کوئٹہ" in page and "پشین" in page and page_counter(1, 1).search(page)
    usage = headless_main(["report", "--kind", "trend", "--language", "fr", "--out", str(tmp_path / "x.pdf")],
                          tmp_path)
    assert usage.returncode == 2 and "invalid choice: 'fr'" in usage.stderr
    assert not (tmp_path / "x.pdf").exists()


def test_the_reports_screen_saves_an_urdu_pdf_right_to_left(qtbot, centre_figures, urdu, tmp_path: Path):
    from gui.screens.reports_screen import ReportsScreen

    screen = on_screen(qtbot, ReportsScreen(centre_figures))
    screen.kind.setCurrentIndex(screen.kind.findData("trend"))
    screen.span.setCurrentIndex(screen.span.findData("year"))
    screen.year.setValue(2024)
    screen.indicator.setCurrentIndex(screen.indicator.findData("PRO-04"))
    screen.show_report()
    qtbot.waitUntil(lambda: not screen.busy, timeout=60000)
    pdf = tmp_path / "trend.pdf"
    screen.export(pdf)  # painted off the GUI thread, as a click on PDF… does
    qtbot.waitUntil(lambda: not screen.busy, timeout=60000)
    assert pdf.exists(), screen.status.text()
    [page] = pages_of(pdf)
    assert "رجحان" in page and "کوئٹہ" in page and "ضلع کا نام" in page
    line = _header_line(pdf, "2024-01")
    assert max(x_max for _, x_max, text in line if has_arabic(text)) > PAGE_WIDTH - MARGIN - PADDING - 3


