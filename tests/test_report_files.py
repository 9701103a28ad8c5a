"""Report files as an office opens and prints them (issue 13): CSV of one table or a ZIP of several, counts
as whole numbers, XLSX page set-up, PDF tables whose text fits its cells. Real files, read back."""

from __future__ import annotations

import io
import json
import subprocess
import zipfile
from pathlib import Path

import pandas as pd
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from main import main
from storage import i18n
from storage.records.values import save_indicator_values
from storage.reports.build import (
    ALL_DISTRICTS,
    SUPPRESSED,
    Report,
    Table,
    desk_report,
    progress_report,
    trend_report,
)
from storage.reports.files import (
    csv_member_names,
    safe_file_stem,
    write_report,
)
from tests.conftest import CLERK_PASSWORD, value
from tests.test_reports import _desk_cases, row_of

# -- CSV --------------------------------------------------------------------------------------------------


def _members(path: Path) -> dict[str, pd.DataFrame]:
    with zipfile.ZipFile(path) as archive:
        return {name: pd.read_csv(io.BytesIO(archive.read(name)), dtype=str, keep_default_na=False)
                for name in archive.namelist()}


def test_a_report_of_one_table_writes_exactly_the_csv_asked_for(centre_figures, tmp_path: Path):
    out = tmp_path / "reports" / "trend.csv"
    out.parent.mkdir()
    assert write_report(trend_report(centre_figures, ["PRO-04"], year=2024), out) == [out]
    assert sorted(path.name for path in out.parent.iterdir()) == ["trend.csv"]
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM: Excel reads the Urdu right


def test_several_tables_go_into_one_zip_named_by_table(centre_figures, tmp_path: Path):
    report = progress_report(centre_figures, year=2024)
    folder = tmp_path / "reports"
    folder.mkdir()
    written = write_report(report, folder / "progress.csv")
    # Not progress.csv (it would hold one table of three) nor three loose files with cut names: one ZIP.
    assert written == [folder / "progress.zip"]
    assert sorted(path.name for path in folder.iterdir()) == ["progress.zip"]
    members = _members(written[0])
    assert list(members) == ["headline-indicators.csv", "districts-and-institutions.csv", "every-indicator.csv"]
    # Each member parses back to the report's own figures.
    for table, name in zip(report.tables, members, strict=True):
        back = pd.read_csv(io.BytesIO(zipfile.ZipFile(written[0]).read(name)))
        assert list(back.columns) == list(table.frame.columns)
        assert len(back) == len(table.frame)
    every = pd.read_csv(io.BytesIO(zipfile.ZipFile(written[0]).read("every-indicator.csv")))
    assert row_of(every, district="QUETTA", indicator="CRT-03")["figure"] == 400
    assert row_of(every, district="QUETTA", indicator="PRO-04")["figure"] == 33.33


def test_trend_tables_are_named_by_indicator_code_whole(centre_figures, tmp_path: Path):
    report = trend_report(centre_figures, ["PRO-04", "CRT-02"], year=2024)
    [written] = write_report(report, tmp_path / "trend.csv")
    members = _members(written)
    assert list(members) == ["trend-PRO-04.csv", "trend-CRT-02.csv"]
    quetta = row_of(members["trend-PRO-04.csv"], district="QUETTA")
    assert (quetta["2024-01"], quetta["2024-02"], quetta["2024-03"], quetta["2024-04"]) == ("10.0", "90.0", "30.0", "")


def test_counts_are_written_as_whole_numbers_even_beside_missing_cells(centre_figures, tmp_path: Path):
    # CRT-02 (a count): Pishin reported January only, so its empty February makes the column float in pandas.
    save_indicator_values(centre_figures, [value("CRT-02", "PISHIN", "2024-01", 7)])
    report = trend_report(centre_figures, ["CRT-02"], year=2024)
    assert report.tables[0].frame["2024-02"].dtype.kind == "f"
    [written] = write_report(report, tmp_path / "crt02.csv")
    text = written.read_text(encoding="utf-8-sig")
    assert ".0" not in text
    quetta = row_of(pd.read_csv(written, dtype=str, keep_default_na=False), district="QUETTA")
    assert (quetta["2024-01"], quetta["2024-02"], quetta["2024-03"], quetta["2024-04"]) == ("10", "20", "30", "")
    assert row_of(pd.read_csv(written, dtype=str, keep_default_na=False), district="PISHIN")["2024-02"] == ""
    # The progress report's figures of counts too (a general column mixing counts and rates).
    every = _members(write_report(progress_report(centre_figures, year=2024), tmp_path / "p.csv")[0])["every-indicator.csv"]
    assert row_of(every, district="QUETTA", indicator="CRT-02")["figure"] == "60"
    assert row_of(every, district="QUETTA", indicator="CRT-02")["periods"] == "3"
    assert row_of(every, district="QUETTA", indicator="PRO-04")["figure"] == "33.33"


def test_csv_figures_read_as_the_report_shows_them(tmp_path: Path):
    frame = pd.DataFrame({"district": ["A", "B", "C"], "expected": [174.16666666666669, 7867.0, None],
                          "clients": [12.0, SUPPRESSED, None], "rate %": [33.3, 100.0, None], "ratio": [2.0, 3.456, None]})
    report = Report("progress", "Figures", ALL_DISTRICTS, "2026", "2026-12-05 10:00", tables=[
        Table("Figures", frame, {"expected": "general", "clients": "count", "rate %": "percent", "ratio": "decimal"})])
    [written] = write_report(report, tmp_path / "figures.csv")
    assert written.read_text(encoding="utf-8-sig").splitlines() == [
        "district,expected,clients,rate %,ratio", "A,174.17,12,33.3,2.0", "B,7867,<5,100.0,3.46", "C,,,,"]


def test_suppressed_cells_stay_suppressed_in_the_zip(supervisor, tmp_path: Path):
    _desk_cases(supervisor)
    report = desk_report(supervisor, year=2024)
    [written] = write_report(report, tmp_path / "desk.csv")
    members = _members(written)
    assert list(members) == [f"{safe_file_stem(table.caption.lower())}.csv" for table in report.tables]
    by_type = members["clients-by-gbv-core-type.csv"].set_index("GBV core type")["clients"]
    assert (by_type["Physical assault"], by_type["Rape"], by_type["Forced marriage"]) == (SUPPRESSED, SUPPRESSED, "0")
    timing = members["reporting-time-report-date-minus-incident-date.csv"].set_index("reporting time")
    assert (timing.loc["0-3 days", "QUETTA"], timing.loc["unknown", "QUETTA"]) == (SUPPRESSED, SUPPRESSED)
    # Every table: the CSV shows exactly the cells the report shows (no hidden count comes back as a number).
    for table, name in zip(report.tables, members, strict=True):
        shown = table.frame.astype(object).map(lambda v: "" if pd.isna(v) else str(v))
        assert members[name].to_numpy().tolist() == shown.to_numpy().tolist(), name


def test_member_names_are_safe_unique_and_whole():
    class Named:
        def __init__(self, caption: str, name: str = "") -> None:
            self.caption, self.name = caption, name

    class Several:
        kind = "x"
        tables = [Named("Clients: by type / sex?"), Named("clients  by type - sex"), Named("CON"), Named("=1+2"),
                  Named("ضلع"), Named("A very long caption that goes on and on past forty characters, whole")]

    assert csv_member_names([Several()]) == [
        "clients-by-type-sex.csv", "clients-by-type-sex-2.csv", "con-table.csv", "1-2.csv", "x-5.csv",
        "a-very-long-caption-that-goes-on-and-on-past-forty-characters-whole.csv"]
    assert csv_member_names([Several(), Several()])[6:8] == ["clients-by-type-sex-3.csv", "clients-by-type-sex-4.csv"]


def test_the_report_command_says_what_it_wrote(centre_figures, centre_db: Path, tmp_path: Path, monkeypatch, capsys):
    monkeypatch.setenv("MIZAN_PASSWORD", CLERK_PASSWORD)
    common = ["--db", str(centre_db), "--user", "clara", "report", "--year", "2024"]
    out = tmp_path / "progress.csv"
    assert main([*common, "--kind", "progress", "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert (f"Wrote Progress against targets, 2024 ({ALL_DISTRICTS}) to {tmp_path / 'progress.zip'}: 3 tables as "
            f"CSV files in one ZIP, not {out} (a CSV file holds one table):\n  headline-indicators.csv\n"
            "  districts-and-institutions.csv\n  every-indicator.csv\n") in printed
    assert not out.exists()
    assert main([*common, "--kind", "trend", "--indicator", "PRO-04", "--out", str(out), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["files"] == [str(out)]
    assert main([*common, "--kind", "progress", "--out", str(tmp_path / "p.pdf"), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["files"] == [str(tmp_path / "p.pdf")]
    assert main([*common, "--kind", "trend", "--out", str(tmp_path / "t.csv"), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["files"] == [str(tmp_path / "t.zip")]


# -- XLSX -------------------------------------------------------------------------------------------------


def test_xlsx_prints_landscape_fitted_to_the_width_with_headers_and_a_footer(centre_figures, tmp_path: Path):
    report = progress_report(centre_figures, year=2024)
    [written] = write_report(report, tmp_path / "progress.xlsx")
    workbook = load_workbook(written)
    assert len(workbook.worksheets) == len(report.tables)  # a sheet per table: each repeats its own header
    for sheet, table in zip(workbook.worksheets, report.tables, strict=True):
        assert sheet.page_setup.orientation == "landscape"
        assert sheet.sheet_properties.pageSetUpPr.fitToPage is True
        assert (sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight) == (1, 0)
        header = next(row[0].row for row in sheet.iter_rows() if row[0].value == table.caption) + 1
        assert [cell.value for cell in sheet[header]][:len(table.frame.columns)] == list(table.frame.columns)
        assert sheet.print_title_rows == f"${header}:${header}"
        assert sheet.oddFooter.left.text == "Progress against targets, 2024"
        assert sheet.oddFooter.right.text == "Page &P of &N"
        # The print area is the table and the notes under it (wrapped across the table's width), no further.
        last = get_column_letter(len(table.frame.columns))
        assert sheet.print_area == f"'{sheet.title}'!$A$1:${last}${sheet.max_row + 1}"
        notes = [row[0] for row in sheet.iter_rows() if row[0].value in report.notes]
        assert len(notes) == len(report.notes) and notes[0].row > header + len(table.frame)
        assert {f"A{cell.row}:{last}{cell.row}" for cell in notes} <= {str(r) for r in sheet.merged_cells.ranges}
    every = workbook["Every indicator"]
    rows = [[cell.value for cell in row] for row in every.iter_rows()]
    header = rows.index(next(row for row in rows if row[0] == "district name"))
    # The district's name, and its code in its own column beside it.
    assert rows[header][:3] == ["district name", "district", "institution"]
    table_rows = rows[header + 1:header + 1 + len(report.table("Every indicator").frame)]
    assert {tuple(row[:2]) for row in table_rows} == {("Quetta", "QUETTA"), ("Pishin", "PISHIN")}


def test_every_table_with_districts_shows_their_names(centre_figures, supervisor):
    _desk_cases(supervisor)
    reports = [progress_report(centre_figures, year=2024), trend_report(centre_figures, ["PRO-04"], year=2024),
               desk_report(supervisor, year=2024)]
    named = 0
    for report in reports:
        for table in report.tables:
            if "district" in table.frame.columns:
                names = table.frame["district name"]
                assert list(table.frame.columns).index("district name") + 1 == list(table.frame.columns).index("district")
                expected = {"QUETTA": "Quetta", "PISHIN": "Pishin", ALL_DISTRICTS: ALL_DISTRICTS}
                assert list(names) == [expected[code] for code in table.frame["district"]], table.caption
                named += 1
    assert named == 6  # headline, districts and institutions, every indicator, the trend, two desk tables
    # The trend chart's legend reads the names too.
    trend = reports[1]
    assert [name for name, _ in trend.charts[0].data(trend)[1]] == [ALL_DISTRICTS]


# -- PDF --------------------------------------------------------------------------------------------------

# Column widths, wrapping and the font size of the PDF's tables: tests/test_printing.py.


def test_a_long_pdf_table_runs_onto_more_pages_with_its_header_on_each(tmp_path: Path):
    frame = pd.DataFrame({"district name": [f"District {n}" for n in range(150)],
                          "district": [f"D{n}" for n in range(150)],
                          "sheets marked complete": list(range(150))})
    report = Report("completeness", "A long table", ALL_DISTRICTS, "2026", "2026-12-05 10:00",
                    tables=[Table("Every district", frame, {"sheets marked complete": "count"})])
    [pdf] = write_report(report, tmp_path / "long.pdf")
    pages = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                           check=True).stdout.split("\f")
    pages = [page for page in pages if page.strip()]
    assert len(pages) >= 3
    for page in pages:
        assert "district name" in page and "sheets marked complete" in page  # the header row, repeated
    assert "District 149" in pages[-1] and "District 0 " in pages[0]


def test_district_names_in_files_are_english_in_the_urdu_interface_too(centre_figures, tmp_path: Path):
    """The files' words are English unless the report is written in Urdu (the CLI's --language ur, the Urdu
    interface's PDF: tests/test_printing.py); a report built in the Urdu interface keeps English names."""
    i18n.set_translator(None, "ur")
    try:
        report = trend_report(centre_figures, ["PRO-04"], year=2024)
    finally:
        i18n.set_translator(None, "en")
    assert list(report.tables[0].frame["district name"]) == ["Quetta", "Pishin", ALL_DISTRICTS]
    [pdf] = write_report(report, tmp_path / "trend.pdf")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    quetta = next(line for line in text.splitlines() if "QUETTA" in line)
    assert quetta.split()[:2] == ["Quetta", "QUETTA"]
