"""Issue 12 item 3: small-cell suppression defeated by the other reports, tried as a curious reader would.

A real district (Quetta) types its desk cases in and sends them in a real bundle to a real centre:

* March 2024: 4 rapes and 20 physical assaults whose clients consented to reporting (12 referred), and one
  physical assault whose client did not (it never leaves the office);
* April 2024: one consented case;
* this month: 2 consented cases and one not consented (the centre's dashboard).

The attacks: the progress and trend reports printed April's POL-09 as 1 where the desk report said "<5";
the desk report's by-type table and its referral table gave "Rape = 4" by subtraction (24 - 20); at the
district, progress POL-09 (25) against the desk report's clients (24) gave away one case without consent.
Then the files (XLSX, CSV, PDF) and the centre's dashboard.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook

from storage.records.desk import save_desk_case
from storage.reports.build import ALL_DISTRICTS, SUPPRESSED, desk_report, progress_report, trend_report
from storage.reports.files import write_report
from storage.views.dashboard import desk_cases_reported
from sync.importer import import_bundles
from tests.suppression_checker import exposed_small_cells
from tests.sync_helpers import desk_case, export_to, make_pair

MARCH, APRIL = "2024-03", "2024-04"


def _case(session, code: str, gbv_type: str, report_date: str, *, consent: bool = True, referred: bool = False,
          **changes) -> None:
    answers = {"rape": "y", "physical_assault": "nny"}[gbv_type]
    services = [{"service": "legal_aid", "status": "referred", "date": report_date}] if referred else []
    save_desk_case(session, desk_case(client_code=code, gbv_type=gbv_type, classification_answers=answers,
                                      report_date=report_date, incident_date=report_date,
                                      consent_reporting=consent, **changes), services=services)


@pytest.fixture(scope="module")
def pair(tmp_path_factory):
    pair = make_pair(tmp_path_factory.mktemp("suppression"))
    district = pair.supervisor
    for number in range(4):
        _case(district, f"R-{number}", "rape", f"{MARCH}-0{number + 1}")
    for number in range(20):
        _case(district, f"PA-{number}", "physical_assault", f"{MARCH}-1{number % 10}", referred=number < 12)
    _case(district, "NC-1", "physical_assault", f"{MARCH}-20", consent=False, client_sex="male")
    _case(district, "AP-1", "physical_assault", f"{APRIL}-10")
    today = dt.date.today().isoformat()
    for number in range(2):
        _case(district, f"NOW-{number}", "physical_assault", today)
    _case(district, "NOW-NC", "physical_assault", today, consent=False)
    [outcome] = import_bundles(pair.clerk, [export_to(district, pair.folder / "bundles")])
    assert outcome.status == "imported", outcome.reason
    yield pair
    pair.close()


def _figure(report, indicator: str, district: str = "QUETTA"):
    every = report.table("Every indicator").frame
    return every[(every["indicator"] == indicator) & (every["district"] == district)].iloc[0]


def _desk_clients(report, district: str = "QUETTA"):
    referral = report.table("Referral rate by district").frame
    return referral[referral["district"] == district].iloc[0]["clients"]


# -- 1. the progress and trend reports print what the desk report hides -----------------------------------


@pytest.mark.parametrize("where", ["centre", "district"])
def test_progress_and_trend_hide_the_small_desk_count_the_desk_report_hides(pair, where):
    """Old code: progress POL-09 = 1 and the trend's April = 1 for Quetta, where the desk report said "<5"."""
    session = pair.clerk if where == "centre" else pair.supervisor
    assert _desk_clients(desk_report(session, period=APRIL)) == SUPPRESSED
    pol09 = _figure(progress_report(session, period=APRIL), "POL-09")
    assert pol09["figure"] == SUPPRESSED and pol09["achievement %"] in (SUPPRESSED, None)
    pol10 = _figure(progress_report(session, period=APRIL), "POL-10")
    # POL-10 over one client: its figure, numerator and denominator give the one client away.
    assert SUPPRESSED in (pol10["figure"],) and pol10["denominator"] == SUPPRESSED
    trend = trend_report(session, indicators=["POL-09", "POL-10", "POL-11"], year=2024)
    for table in trend.tables:
        quetta = table.frame[table.frame["district"] == "QUETTA"].iloc[0]
        assert quetta[APRIL] == SUPPRESSED, table.caption
        # No figure of a desk-case indicator is a count from 1 to 4, anywhere in the trend.
        if table.caption.startswith("POL-09"):
            numbers = [v for column in table.frame.columns[1:] for v in table.frame[column] if not isinstance(v, str)]
            assert not [v for v in numbers if 0 < v < 5]
    if where == "centre":
        # "All districts" adds Quetta's 1 and the other districts' published zeros: hidden as well.
        pol09_table = trend.tables[0].frame
        assert pol09_table[pol09_table["district"] == ALL_DISTRICTS].iloc[0][APRIL] == SUPPRESSED
    assert any("cell(s) hidden in this report" in note for note in trend.notes)


# -- 2. "Rape = 4" by subtraction within one desk report ---------------------------------------------------


@pytest.mark.parametrize("where", ["centre", "district"])
def test_the_by_type_and_referral_tables_do_not_give_a_hidden_type_by_subtraction(pair, where):
    """Old code: by type Rape "<5", Physical assault 20; referral table Quetta 24 clients: 24 - 20 = 4."""
    session = pair.clerk if where == "centre" else pair.supervisor
    report = desk_report(session, period=MARCH)
    by_type = report.table("Clients by GBV core type").frame
    assert by_type.set_index("GBV core type").loc["Rape", "clients"] == SUPPRESSED
    referral = report.table("Referral rate by district").frame
    # The attacker's arithmetic: every printed type, every printed district's clients, all clients both sums.
    values = {("type", name): count for name, count in zip(by_type["GBV core type"], _true_types(session), strict=True)}
    values |= {("district", d): int(c) for d, c in zip(referral["district"], _true_clients(session, referral), strict=True)}
    values["all"] = sum(v for k, v in values.items() if k[0] == "type")
    relations = [("all", tuple(k for k in values if k[0] == "type")), ("all", tuple(k for k in values if k[0] == "district"))]
    published = {("type", n) for n, shown in zip(by_type["GBV core type"], by_type["clients"], strict=True) if shown != SUPPRESSED}
    published |= {("district", d) for d, shown in zip(referral["district"], referral["clients"], strict=True) if shown != SUPPRESSED}
    assert exposed_small_cells(values, relations, published) == []
    # And the direct subtraction the issue made no longer works: the physical assaults are hidden too.
    printed = [c for c in by_type["clients"] if c != SUPPRESSED]
    clients = [c for c in referral["clients"] if c != SUPPRESSED]
    assert not (len(clients) == len(referral) and sum(by_type["clients"] == SUPPRESSED) == 1
                and 0 < sum(clients) - sum(printed) < 5)


def _true_types(session) -> list[int]:
    """The real clients per GBV type in March (consented), as the catalogue orders the types."""
    counts = dict(session.db.execute(
        "SELECT gbv_type, count(*) FROM desk_cases WHERE deleted = 0 AND consent_reporting = 1 "
        "AND report_date BETWEEN '2024-03-01' AND '2024-03-31' GROUP BY 1").fetchall())
    return [counts.get(option.code, 0) for option in session.catalogue.categories["gbv_type"]]


def _true_clients(session, referral: pd.DataFrame) -> list[int]:
    counts = dict(session.db.execute(
        "SELECT district, count(*) FROM desk_cases WHERE deleted = 0 AND consent_reporting = 1 "
        "AND report_date BETWEEN '2024-03-01' AND '2024-03-31' GROUP BY 1").fetchall())
    return [counts.get(d, 0) for d in referral["district"]]


# -- 3. the district's progress and its desk report on different bases -------------------------------------


def test_a_district_and_the_centre_count_desk_indicators_on_the_same_basis(pair):
    """Old code: at the district progress POL-09 = 25 (the case without consent counted) against the desk
    report's 24 clients: the difference is the one client who refused, and when she came."""
    district, centre = pair.supervisor, pair.clerk
    at_district = _figure(progress_report(district, period=MARCH), "POL-09")["figure"]
    at_centre = _figure(progress_report(centre, period=MARCH), "POL-09")["figure"]
    assert at_district == at_centre == _desk_clients(desk_report(district, period=MARCH)) == 24
    referral = _figure(progress_report(district, period=MARCH), "POL-10")
    assert (referral["numerator"], referral["denominator"]) == (12, 24)
    trend = trend_report(district, indicators=["POL-09"], year=2024).tables[0].frame
    assert trend.iloc[0][MARCH] == 24


def test_the_type_by_month_table_gives_no_month_away_against_the_district_by_month_table(supervisor):
    """Two tables share each month's clients. Quetta: March 4 rapes and 20 physical assaults, April 6 physical
    assaults. Without the month's total tying them, March's 24 (district x month) less March's 20 physical
    assaults (type x month) gave the 4 rapes away."""
    for number in range(4):
        _case(supervisor, f"R-{number}", "rape", f"{MARCH}-0{number + 1}")
    for number in range(20):
        _case(supervisor, f"PA-{number}", "physical_assault", f"{MARCH}-1{number % 10}")
    for number in range(6):
        _case(supervisor, f"AP-{number}", "physical_assault", f"{APRIL}-1{number}")
    report = desk_report(supervisor, year=2024)
    by_month = report.table("Clients by GBV core type and month").frame.set_index("GBV core type")
    assert list(by_month.columns) == [MARCH, APRIL]
    assert (by_month.loc["Rape", MARCH], by_month.loc["Rape", APRIL]) == (SUPPRESSED, 0)
    districts = report.table("Clients by district and month").frame.set_index("district")
    # March's 24 and its 20 physical assaults are never both printed.
    assert SUPPRESSED in (districts.loc["QUETTA", MARCH], by_month.loc["Physical assault", MARCH])
    by_type = report.table("Clients by GBV core type").frame.set_index("GBV core type")["clients"]
    # The attacker's arithmetic over the three tables: a type is its row of months, a month both its column of
    # types and its column of districts, all clients both the types and the months.
    truth = {("Rape", MARCH): 4, ("Physical assault", MARCH): 20, ("Physical assault", APRIL): 6}
    months = (MARCH, APRIL)
    values = {("tm", name, m): truth.get((name, m), 0) for name in by_month.index for m in months}
    values |= {("dm", m): sum(n for (_, month), n in truth.items() if month == m) for m in months}
    values |= {("type", name): sum(values[("tm", name, m)] for m in months) for name in by_month.index}
    values["all"] = 30
    relations = [(("type", name), tuple(("tm", name, m) for m in months)) for name in by_month.index]
    relations += [(("dm", m), tuple(("tm", name, m) for name in by_month.index)) for m in months]
    relations += [("all", tuple(("type", name) for name in by_month.index)), ("all", tuple(("dm", m) for m in months))]
    printed = {("tm", name, m): by_month.loc[name, m] for name in by_month.index for m in months}
    printed |= {("dm", m): districts.loc["QUETTA", m] for m in months}
    printed |= {("type", name): by_type[name] for name in by_month.index}
    published = {key for key, shown in printed.items() if shown != SUPPRESSED}
    assert all(printed[key] == values[key] for key in published)  # what is printed is the truth
    assert exposed_small_cells(values, relations, published) == []


# -- files ----------------------------------------------------------------------------------------------------


def _reports(session):
    return [desk_report(session, period=MARCH), progress_report(session, period=APRIL),
            trend_report(session, indicators=["POL-09", "POL-10", "POL-11"], year=2024)]


def test_xlsx_and_csv_carry_no_suppressed_number(pair, tmp_path: Path):
    reports = _reports(pair.clerk)
    [xlsx] = write_report(reports, tmp_path / "reports.xlsx")
    workbook = load_workbook(xlsx)
    hidden = 0
    tables = [table for report in reports for table in report.tables]
    for table, sheet in zip(tables, workbook.worksheets, strict=True):  # a sheet per table
        rows = list(sheet.iter_rows())
        caption_at = next(n for n, row in enumerate(rows) if row[0].value == table.caption)
        for offset, values in enumerate(table.frame.itertuples(index=False), start=2):
            cells = rows[caption_at + offset]
            for cell, value in zip(cells, values, strict=False):
                if isinstance(value, str) and value == SUPPRESSED:
                    assert (cell.value, cell.data_type) == (SUPPRESSED, "s")
                    hidden += 1
    assert hidden >= 10
    # Excel draws a text cell as 0: every chart reads numbers or empty cells, never a "<5" (nor its number).
    charted = 0
    for sheet in workbook.worksheets:
        for drawing in sheet._charts:
            for series in drawing.series:
                for cell in _cells_of(workbook, series.val.numRef.f):
                    assert cell.value is None or isinstance(cell.value, (int, float)), (sheet.title, cell.coordinate)
                    charted += cell.value is None
    assert charted >= 3  # the desk report's rape and physical assault bars, the trend's April
    for report in reports:
        [written] = write_report(report, tmp_path / f"{report.kind}.csv")
        # one table: that CSV; several: a ZIP of a CSV per table, in the report's order
        texts = [written.read_text(encoding="utf-8-sig")] if written.suffix == ".csv" else \
            [zipfile.ZipFile(written).read(name).decode("utf-8-sig") for name in zipfile.ZipFile(written).namelist()]
        assert len(texts) == len(report.tables)
        for table, text in zip(report.tables, texts, strict=True):
            rows = list(csv.reader(text.splitlines()))[1:]
            for row, values in zip(rows, table.frame.itertuples(index=False), strict=True):
                for field, value in zip(row, values, strict=True):
                    if isinstance(value, str) and value == SUPPRESSED:
                        assert field == SUPPRESSED


def _cells_of(workbook, reference: str):
    sheet_name, cells = reference.rsplit("!", 1)
    return [cell for row in workbook[sheet_name.strip("'")][cells.replace("$", "")] for cell in row]


def test_pdf_and_charts_carry_no_suppressed_number(pair, tmp_path: Path):
    report = desk_report(pair.clerk, period=MARCH)
    categories, [(_, values)] = report.charts[0].data(report)
    drawn = dict(zip(categories, values, strict=True))
    assert drawn["Rape"] is None and drawn["Physical assault"] is None  # not 4, not 20: no bar at all
    trend = trend_report(pair.clerk, indicators=["POL-09"], year=2024)
    categories, series = trend.charts[0].data(trend)
    assert series and all(values[categories.index(APRIL)] is None for _, values in series)  # a gap, not 1
    [pdf] = write_report([report, trend], tmp_path / "reports.pdf")
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    rows = [line for line in text.splitlines() if re.match(r"\s*(Rape|Physical assault)\s", line)]
    assert len(rows) >= 6
    for line in rows:
        figures = line.split("assault" if "assault" in line else "Rape", 1)[1].split()
        assert set(figures) <= {SUPPRESSED, "0"}, line


# -- the centre's dashboard ------------------------------------------------------------------------------------


def test_the_centre_dashboard_hides_a_small_count_of_cases(pair, qtbot):
    """Old code: the centre's dashboard said "Cases reported this month (...): 2"."""
    from gui.screens.dashboard import DashboardScreen

    this_month = dt.date.today().strftime("%Y-%m")
    last = (dt.date.today().replace(day=1) - dt.timedelta(days=1)).strftime("%Y-%m")
    assert desk_cases_reported(pair.clerk, [this_month, last]) == {this_month: SUPPRESSED, last: 0}
    # The district's own staff see their own workload, every live case (they open each one in the register).
    assert desk_cases_reported(pair.supervisor, [this_month])[this_month] == 3
    screen = DashboardScreen(pair.clerk)
    qtbot.addWidget(screen)
    qtbot.waitUntil(lambda: not screen.loading, timeout=10000)
    assert screen.desk_counts[this_month] == SUPPRESSED
    texts = [label.text() for label in screen.findChildren(type(screen.status)) if "this month" in label.text()]
    assert texts and all(text.endswith(f": {SUPPRESSED}") for text in texts), texts


# -- demo data: the same promises on a realistic month -----------------------------------------------------


def test_on_demo_data_no_desk_output_prints_a_small_count_or_gives_one_by_subtraction(supervisor):
    from storage.tools.demo import generate_demo
    from tests.sync_helpers import last_month

    month = last_month()
    generate_demo(supervisor, seed=12, months=2, until=month)
    desk = desk_report(supervisor, period=month)
    for table in desk.tables:
        counts = [v for column, kind in table.formats.items() if kind == "count" for v in table.frame[column]]
        assert not [v for v in counts if not isinstance(v, str) and 0 < v < 5], table.caption
    assert any(v == SUPPRESSED for table in desk.tables for column in table.formats for v in table.frame[column])
    # The subtraction of attack 2 on the real month: types against the district's clients.
    by_type = desk.table("Clients by GBV core type").frame
    clients = _desk_clients(desk)
    truth = _true_types_in(supervisor, month)
    values = {("type", n): v for n, v in zip(by_type["GBV core type"], truth, strict=True)} | {"clients": sum(truth)}
    published = {("type", n) for n, shown in zip(by_type["GBV core type"], by_type["clients"], strict=True)
                 if shown != SUPPRESSED} | ({"clients"} if clients != SUPPRESSED else set())
    assert exposed_small_cells(values, [("clients", tuple(k for k in values if k != "clients"))], published) == []
    # Progress and trend print the desk report's clients, or hide them as it does.
    assert _figure(progress_report(supervisor, period=month), "POL-09")["figure"] == clients
    trend = trend_report(supervisor, indicators=["POL-09"], period=month).tables[0].frame
    assert trend.iloc[0][month] == clients


def _true_types_in(session, month: str) -> list[int]:
    counts = dict(session.db.execute(
        "SELECT gbv_type, count(*) FROM desk_cases WHERE deleted = 0 AND consent_reporting = 1 "
        "AND substr(report_date, 1, 7) = ? GROUP BY 1", [month]).fetchall())
    return [counts.get(option.code, 0) for option in session.catalogue.categories["gbv_type"]]
