"""Reports against figures worked out by hand on a small fixture, and their XLSX, PDF and CSV files.

The fixture is typed in through the storage functions (values, targets, desk cases), never SQL. Every
expected figure below is a literal with the arithmetic beside it.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook

from main import main
from storage.errors import UsageError
from storage.records import values as records
from storage.records.desk import save_desk_case
from storage.records.values import save_indicator_values
from storage.reports.build import (
    ALL_DISTRICTS,
    AT_RISK,
    OFF_TRACK,
    ON_TRACK,
    STATUS_COLOURS,
    SUPPRESSED,
    completeness_report,
    desk_report,
    progress_report,
    trend_report,
)
from storage.reports.files import chart_drawing, write_report
from tests.conftest import CLERK_PASSWORD, SUPERVISOR_PASSWORD, value


def row_of(frame: pd.DataFrame, **where) -> pd.Series:
    found = frame
    for column, wanted in where.items():
        found = found[found[column] == wanted]
    assert len(found) == 1, (where, found)
    return found.iloc[0]


def test_progress_sums_flows_keeps_the_last_stock_and_recomputes_percents(centre_figures):
    report = progress_report(centre_figures, year=2024)
    every = report.table("Every indicator").frame
    disposed = row_of(every, district="QUETTA", indicator="CRT-02")
    # Flow: 10 + 20 + 30 = 60; 2024 has ended, so the whole target 240 is expected; 60 / 240 = 25 % -> off track.
    assert (disposed["figure"], disposed["expected"], disposed["achievement %"], disposed["status"]) == (
        60, 240, 25.0, OFF_TRACK)
    pending = row_of(every, district="QUETTA", indicator="CRT-03")
    # Stock: the last month's 400, not 500 + 450 + 400; lower is better: 420 / 400 = 105 % -> on track.
    assert (pending["figure"], pending["achievement %"], pending["status"]) == (400, 105.0, ON_TRACK)
    convictions = row_of(every, district="QUETTA", indicator="PRO-04")
    # Percent: (1 + 9 + 30) / (10 + 10 + 100) = 40 / 120 = 33.33 %; averaging 10, 90 and 30 would give 43.33 %.
    # Against the target 40: 33.33 / 40 = 83.3 % -> at risk (80 % to 100 %).
    assert (convictions["figure"], convictions["numerator"], convictions["denominator"]) == (33.33, 40, 120)
    assert (convictions["achievement %"], convictions["status"]) == (83.3, AT_RISK)
    headline = report.table("Headline indicators").frame
    assert list(headline["indicator"]) == ["PRO-04"] * 3 + ["CRT-03"] * 2  # catalogue of headlines, in its order
    headline = headline[headline["indicator"] == "PRO-04"]
    # All districts: (40 + 20) / (120 + 40) = 60 / 160 = 37.5 %, listed before the districts.
    assert list(headline["district"]) == [ALL_DISTRICTS, "PISHIN", "QUETTA"]
    assert row_of(headline, district=ALL_DISTRICTS)["figure"] == 37.5
    # Pishin: 20 / 40 = 50 % against 45: 111 % -> on track.
    assert row_of(headline, district="PISHIN")["status"] == ON_TRACK
    courts = row_of(report.table("Districts and institutions").frame, district="QUETTA", institution="Courts")
    # Courts in Quetta: CRT-02 at 25 % and CRT-03 at 105 %: median (0.25 + 1.05) / 2 = 0.65 -> off track.
    assert (courts[ON_TRACK], courts[AT_RISK], courts[OFF_TRACK], courts["status"]) == (1, 0, 1, OFF_TRACK)


def test_progress_for_a_quarter_pro_rates_the_flow_target(centre_figures):
    every = progress_report(centre_figures, period="2024Q1").table("Every indicator").frame
    disposed = row_of(every, district="QUETTA", indicator="CRT-02")
    # 2024Q1 holds 3 of the year's 12 months: 240 x 3 / 12 = 60 expected; 60 / 60 = 100 % -> on track.
    assert (disposed["expected"], disposed["status"]) == (60, ON_TRACK)
    # A percent's target is a level, not pro-rated: still 40.
    assert row_of(every, district="QUETTA", indicator="PRO-04")["expected"] == 40


def test_trend_gives_each_period_its_own_figure(centre_figures):
    report = trend_report(centre_figures, indicators=["PRO-04"], year=2024)
    table = report.tables[0].frame
    quetta = row_of(table, district="QUETTA")
    assert (quetta["2024-01"], quetta["2024-02"], quetta["2024-03"]) == (10.0, 90.0, 30.0)
    assert pd.isna(quetta["2024-04"])
    # January across districts: (1 + 20) / (10 + 40) = 21 / 50 = 42 %; February: Quetta only, 90 %.
    everyone = row_of(table, district=ALL_DISTRICTS)
    assert (everyone["2024-01"], everyone["2024-02"]) == (42.0, 90.0)
    categories, series = report.charts[0].data(report)
    assert categories[:2] == ["2024-01", "2024-02"] and [name for name, _ in series] == [ALL_DISTRICTS]


def _desk_cases(session) -> None:
    """Quetta, March 2024: 8 consented physical assaults (5 referred), 2 consented rapes, 1 without consent."""
    referred = [{"service": "legal_aid", "status": "referred", "date": "2024-03-10"}]
    for number in range(8):
        save_desk_case(session, {
            "desk": "QTA-CITY", "report_date": "2024-03-10", "incident_date": "2024-03-09",
            "client_code": f"PA-{number}", "client_sex": "female", "client_age": 30, "classification_answers": "nny",
            "gbv_type": "physical_assault", "consent_services": True, "consent_reporting": True},
            services=referred if number < 5 else [])
    for number in range(2):
        save_desk_case(session, {
            "desk": "QTA-CITY", "report_date": "2024-03-20", "client_code": f"R-{number}", "client_sex": "female",
            "client_age": 15, "classification_answers": "y", "gbv_type": "rape", "consent_services": True,
            "consent_reporting": True})
    save_desk_case(session, {
        "desk": "QTA-CITY", "report_date": "2024-03-12", "incident_date": "2024-03-11", "client_code": "NC-1",
        "client_sex": "male", "client_age": 40, "classification_answers": "nny", "gbv_type": "physical_assault",
        "consent_services": True, "consent_reporting": False}, services=referred)


def test_desk_report_counts_consented_cases_and_hides_small_cells(supervisor):
    _desk_cases(supervisor)
    report = desk_report(supervisor, year=2024)
    by_type = report.table("Clients by GBV core type").frame.set_index("GBV core type")["clients"]
    # The case without consent is left out (8 physical assaults, not 9); the 2 rapes are shown as "<5". Quetta's
    # 10 clients are published in the referral table, so 10 - 8 would give the rapes away: the 8 is hidden too
    # (the old rule published it: issue 12's "Rape = 4" by subtraction).
    assert (by_type["Physical assault"], by_type["Rape"], by_type["Forced marriage"]) == (SUPPRESSED, SUPPRESSED, 0)
    by_sex = report.table("Clients by GBV core type and sex").frame.set_index("GBV core type")
    # The type's clients are its row's sum: the female cell is hidden with it; the male without consent is not counted.
    assert (by_sex.loc["Physical assault", "Female"], by_sex.loc["Physical assault", "Male"]) == (SUPPRESSED, 0)
    # Columns carry the catalogue's names of the sexes and age groups, not their codes.
    assert list(by_sex.columns) == ["Female", "Male", "Transgender", "Unknown"]
    by_age = report.table("Clients by GBV core type and age group").frame.set_index("GBV core type")
    assert list(by_age.columns) == ["Under 18", "Adult (18 and over)", "Age unknown"]
    assert (by_age.loc["Forced marriage", "Under 18"], by_age.loc["Rape", "Under 18"]) == (0, SUPPRESSED)
    timing = report.table("Reporting time (report date minus incident date)").frame.set_index("reporting time")
    # 8 reported a day after the incident ("0-3 days"), 2 without an incident date ("unknown", hidden). Quetta's
    # total (10) is published, so "unknown" alone could be worked out: the 8 is hidden too.
    assert (timing.loc["0-3 days", "QUETTA"], timing.loc["unknown", "QUETTA"]) == (SUPPRESSED, SUPPRESSED)
    referral = row_of(report.table("Referral rate by district").frame, district="QUETTA")
    # 5 of the 10 consented clients referred (the referred client without consent does not count): 50 %.
    assert (referral["clients"], referral["referred"], referral["referral rate %"]) == (10, 5, 50.0)
    assert row_of(report.table("Clients by district and month").frame, district="QUETTA")["2024-03"] == 10
    by_month = report.table("Clients by GBV core type and month").frame.set_index("GBV core type")
    assert (by_month.loc["Physical assault", "2024-03"], by_month.loc["Rape", "2024-03"]) == (SUPPRESSED, SUPPRESSED)
    # Hidden: physical assault and rape in the type, type x sex, type x age and type x month tables (8), and
    # both reporting-time cells (2).
    assert any("(10 cell(s) hidden in this report)" in note and "read '<5'" in note for note in report.notes)


def test_a_district_reports_on_its_own_district_only(supervisor):
    save_indicator_values(supervisor, [value("PRO-04", "QUETTA", "2024-01", None, 1, 4)])
    report = progress_report(supervisor, year=2024)
    assert report.scope == "QUETTA"
    assert set(report.table("Every indicator").frame["district"]) == {"QUETTA"}
    assert ALL_DISTRICTS not in set(report.table("Headline indicators").frame["district"])
    with pytest.raises(UsageError) as refused:
        progress_report(supervisor, year=2024, districts=["PISHIN"])
    assert str(refused.value) == "This office reports on QUETTA only."


def test_completeness_and_timeliness(supervisor, monkeypatch):
    # The clock of the entry: January's figures typed on 5 February (deadline 10 February: on time),
    # February's on 20 March (deadline 10 March: late).
    monkeypatch.setattr(records, "utc_now", lambda: "2024-02-05T09:00:00.000000Z")
    save_indicator_values(supervisor, [value("PRO-01", "QUETTA", "2024-01", 5),
                                       value("PRO-04", "QUETTA", "2024-01", None, 2, 4)])
    monkeypatch.setattr(records, "utc_now", lambda: "2024-03-20T09:00:00.000000Z")
    save_indicator_values(supervisor, [value("PRO-01", "QUETTA", "2024-02", 6),
                                       value("PRO-04", "QUETTA", "2024-02", None, 2, 4),
                                       value("PRO-05", "QUETTA", "2024-02", None, 1, 4)])
    report = completeness_report(supervisor, period="2024Q1")
    prosecution = row_of(report.table("Completeness and timeliness").frame, institution="Prosecution")
    # A month's prosecution sheet has 12 cells: PRO-01, -02, -04, -05, -06 one each, PRO-03 7 (total + 3 sexes x
    # 2 ages). Three months: 36 expected; 2 + 3 = 5 entered: 5 / 36 = 13.9 %. On time: January's 2: 2 / 36 = 5.6 %.
    assert (prosecution["expected"], prosecution["entered"], prosecution["completeness %"]) == (36, 5, 13.9)
    assert (prosecution["entered on time"], prosecution["timeliness %"], prosecution["status"]) == (2, 5.6, OFF_TRACK)
    grid = report.table("Completeness % by district and institution").frame
    assert list(grid["district"]) == ["QUETTA"] and grid.loc[0, "Prosecution"] == 13.9


# -- files ----------------------------------------------------------------------------------------------------


def test_xlsx_has_a_sheet_per_table_with_figures_and_status_fills(centre_figures, tmp_path: Path):
    path = tmp_path / "reports.xlsx"
    reports = [progress_report(centre_figures, year=2024), trend_report(centre_figures, ["PRO-04"], year=2024)]
    assert write_report(reports, path) == [path]
    workbook = load_workbook(path)
    # A sheet per table (each prints with its own header row atop every page); a report of one table: its name.
    assert workbook.sheetnames == ["Headline indicators", "Districts and institutions", "Every indicator", "Trend"]
    sheet = workbook["Every indicator"]
    assert sheet["A1"].value == "Progress against targets, 2024"
    rows = [[cell for cell in row] for row in sheet.iter_rows()]
    # The district's name, then its code in its own column.
    header = next(row for row in rows if [c.value for c in row[:4]] == ["district name", "district", "institution",
                                                                         "indicator"])
    columns = [cell.value for cell in header]
    quetta_rate = next(row for row in rows if row[0].row > header[0].row and row[1].value == "QUETTA"
                       and row[3].value == "PRO-04")
    assert quetta_rate[0].value == "Quetta"
    assert quetta_rate[columns.index("figure")].value == 33.33
    status = quetta_rate[columns.index("status")]
    assert status.value == AT_RISK and status.fill.fgColor.rgb == "00" + STATUS_COLOURS[AT_RISK]
    assert sheet.freeze_panes is not None
    assert len(workbook["Trend"]._charts) == 1


def test_pdf_has_the_tables_and_a_chart(centre_figures, tmp_path: Path):
    path = tmp_path / "reports.pdf"
    write_report([progress_report(centre_figures, year=2024), trend_report(centre_figures, ["PRO-04"], year=2024)],
                 path)
    assert path.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert "Progress against targets, 2024" in text and "Trend, 2024" in text
    assert "33.33" in text and AT_RISK in text
    assert "PRO-04 Conviction rate in serious and violent crime" in text


def test_unknown_suffix_is_refused(centre_figures, tmp_path: Path):
    with pytest.raises(UsageError) as refused:
        write_report(progress_report(centre_figures, year=2024), tmp_path / "report.docx")
    assert str(refused.value) == "Reports are written as .xlsx, .pdf or .csv, not 'report.docx'."
    assert not (tmp_path / "report.docx").exists()


# -- command line ---------------------------------------------------------------------------------------------


def test_report_command(centre_figures, centre_db: Path, tmp_path: Path, monkeypatch, capsys):
    monkeypatch.setenv("MIZAN_PASSWORD", CLERK_PASSWORD)
    common = ["--db", str(centre_db), "--user", "clara", "report"]
    out = tmp_path / "progress.xlsx"
    assert main([*common, "--kind", "progress", "--year", "2024", "--out", str(out)]) == 0
    assert f"Wrote Progress against targets, 2024 ({ALL_DISTRICTS}) to {out}." in capsys.readouterr().out
    assert load_workbook(out).sheetnames == ["Headline indicators", "Districts and institutions", "Every indicator"]
    assert main([*common, "--kind", "trend", "--indicator", "PRO-04", "--period", "2024Q1",
                 "--out", str(tmp_path / "trend.csv")]) == 0
    trend = pd.read_csv(tmp_path / "trend.csv")
    assert list(trend.columns) == ["district name", "district", "2024-01", "2024-02", "2024-03"]
    assert main([*common, "--kind", "progress", "--year", "2024", "--out", str(tmp_path / "p.txt")]) == 2
    assert capsys.readouterr().err.strip() == "Reports are written as .xlsx, .pdf or .csv, not 'p.txt'."
    assert main([*common, "--kind", "trend", "--indicator", "XYZ-1", "--out", str(tmp_path / "t.pdf")]) == 2
    assert capsys.readouterr().err.strip() == "Indicator 'XYZ-1' is not in the catalogue. Use a code such as PRO-04."


def test_report_command_at_a_district(district_db: Path, tmp_path: Path, monkeypatch, capsys):
    monkeypatch.setenv("MIZAN_PASSWORD", SUPERVISOR_PASSWORD)
    out = tmp_path / "desk.pdf"
    assert main(["--db", str(district_db), "--user", "sana", "report", "--kind", "desk", "--year", "2024",
                 "--out", str(out)]) == 0
    assert "(QUETTA)" in capsys.readouterr().out and out.exists()


def test_the_benchmark_baseline_gives_the_report_s_figures(tmp_path: Path):
    # bench/bench_report.py checks that its plain GROUP BY and the report agree before timing them; run it tiny.
    from bench import bench_report

    lines = bench_report.run(3000, tmp_path, repeat=1)
    assert [line.verdict for line in lines if line.goal is not None][0] in ("PASS", "MISS")


def test_a_trend_line_with_one_figure_is_named_not_drawn_and_the_pdf_is_written(clerk, tmp_path: Path):
    # Pishin reported once in the year: one point cannot make a line (reportlab refuses a one-point line).
    save_indicator_values(clerk, [value("PRO-04", "QUETTA", "2024-01", None, 1, 10),
                                  value("PRO-04", "QUETTA", "2024-02", None, 9, 10),
                                  value("PRO-04", "PISHIN", "2024-01", None, 20, 40)])
    report = trend_report(clerk, indicators=["PRO-04"], districts=["QUETTA", "PISHIN"], year=2024)
    legend = [item for item in chart_drawing(report, report.charts[0], 500).contents
              if item.__class__.__name__ == "Legend"][0]
    names = [name for _, name in legend.colorNamePairs]
    assert names == ["Quetta", ALL_DISTRICTS, "Pishin (not drawn)"]  # legends read the districts' names
    [pdf] = write_report(report, tmp_path / "trend.pdf")
    assert pdf.read_bytes().startswith(b"%PDF")


def test_the_screen_chart_is_svg_that_qt_draws_as_the_pdf_does(centre_figures):
    from storage.reports.files import chart_svg

    report = trend_report(centre_figures, indicators=["PRO-04"], year=2024)
    svg = chart_svg(report, report.charts[0]).decode("utf-8")
    assert svg.startswith("<?xml") and "<polyline" in svg
    # No clip rectangle and no capitalised "None" fill: Qt's SVG renderer would paint both black.
    assert "clipPath" not in svg and ": None;" not in svg
