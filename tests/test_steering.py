"""The Steering Committee pack (issue 15): every figure of a small fixture worked out by hand (baseline,
pro-rated target, status, slippage, a flow, a stock and a percent added up over two districts), what changed
since the previous quarter, the women-and-girls page, and the refusals."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook

from main import main
from storage.errors import UsageError
from storage.records.plan import Framework, PlanIndicator, PlanItem, PlanTarget, record_progress, save_framework
from storage.records.values import save_indicator_values
from storage.reports.build import AT_RISK, OFF_TRACK, SUPPRESSED, desk_report
from storage.reports.kinds import make_report
from storage.reports.steering import steering_report
from storage.validation import ValueInput
from sync.importer import import_bundles
from tests.conftest import CLERK_PASSWORD, value
from tests.gui_fixtures import no_task_outlives_its_test  # noqa: F401  (an autouse fixture)
from tests.sync_helpers import export_to, make_pair
from tests.test_attacks_suppression import _case
from tests.test_printing import headless_main
from tests.test_reports import row_of

QUARTER = "2026Q3"
ON = dt.date(2026, 11, 20)  # the pack is made in November: the quarter ended on 30 September


def framework() -> Framework:
    """One objective, two outputs (courts and prosecution) and two activities of the courts' output."""
    return Framework("Test plan", "ٹیسٹ منصوبہ", "no", None, items=[
        PlanItem("objective", "O1", None, "Justice is timely", "بروقت انصاف", "courts"),
        PlanItem("output", "OP1", "O1", "Cases decided faster", "مقدمات کے جلد فیصلے", "courts"),
        PlanItem("output", "OP2", "O1", "More convictions", "زیادہ سزائیں", "prosecution"),
        PlanItem("activity", "A1", "OP1", "Case management system", "کیس مینجمنٹ نظام", "courts", None, "2026-01-01",
                 "2026-08-01"),
        PlanItem("activity", "A2", "OP1", "Judges trained", "ججوں کی تربیت", "courts", None, "2026-01-01", "2026-12-31"),
    ], indicators=[
        PlanIndicator("CRT-02", "OP1", "yes", 100, 2024), PlanIndicator("CRT-03", "OP1", "no", 300, 2024),
        PlanIndicator("PRO-04", "OP2", "yes", 40, 2023),
    ], targets=[PlanTarget("CRT-02", 2026, 240), PlanTarget("CRT-03", 2026, 250), PlanTarget("PRO-04", 2026, 50)])


@pytest.fixture
def pack_centre(clerk):
    save_framework(clerk, framework())
    save_indicator_values(clerk, [
        # CRT-02 cases disposed (a flow, up is better): 10 a month in Quetta, 5 in Pishin, July to September.
        *(value("CRT-02", "QUETTA", month, 10) for month in ("2026-07", "2026-08", "2026-09")),
        *(value("CRT-02", "PISHIN", month, 5) for month in ("2026-07", "2026-08", "2026-09")),
        # CRT-03 cases pending (a stock, down is better): Quetta 200, 190, 180; Pishin 100 in September.
        value("CRT-03", "QUETTA", "2026-07", 200), value("CRT-03", "QUETTA", "2026-08", 190),
        value("CRT-03", "QUETTA", "2026-09", 180), value("CRT-03", "PISHIN", "2026-09", 100),
        # PRO-04 conviction rate (a percent, up is better): Quetta 4, 5, 6 of 10; Pishin 1, 2, 3 of 5.
        *(value("PRO-04", "QUETTA", month, None, n, 10) for month, n in (("2026-07", 4), ("2026-08", 5), ("2026-09", 6))),
        *(value("PRO-04", "PISHIN", month, None, n, 5) for month, n in (("2026-07", 1), ("2026-08", 2), ("2026-09", 3))),
        # Women among the persons prosecuted (PRO-03, counted by sex and age), in August.
        ValueInput("PRO-03", "QUETTA", "2026-08", "total", 40, comment="test figure"),
        ValueInput("PRO-03", "QUETTA", "2026-08", "age=adult;sex=female", 3, comment="test figure"),
        ValueInput("PRO-03", "QUETTA", "2026-08", "age=under18;sex=female", 1, comment="test figure"),
    ])
    record_progress(clerk, "A1", "on_track", 30, "2026-06-15", "Vendor chosen")
    record_progress(clerk, "A1", "delayed", 40, "2026-07-15", "Servers late")
    record_progress(clerk, "A2", "on_track", 50, "2026-05-01", "First batch")
    record_progress(clerk, "A2", "done", 100, "2026-10-10", "All trained")  # after the quarter: not in its pack
    return clerk


def rows(report, caption: str) -> dict[str, dict]:
    frame = report.table(caption).frame
    return {row[frame.columns[0] if frame.columns[0] != "objective" else "indicator"]: row
            for row in frame.to_dict("records")}


def test_the_pack_s_figures_are_those_worked_out_by_hand(pack_centre):
    report = steering_report(pack_centre, QUARTER, on=ON)
    results = rows(report, "Courts: results")
    # CRT-02: 3 x 10 + 3 x 5 = 45 in the quarter and the year; the yearly 240 pro-rated to the 9 months ended: 180.
    crt02 = results["CRT-02"]
    assert (crt02["baseline"], crt02["baseline year"], crt02["target"]) == (100, "2024", 240)
    assert (crt02["quarter"], crt02["year to date"], crt02["expected to date"]) == (45, 45, 180)
    assert crt02["status"] == OFF_TRACK  # 45 / 180 = 25 %
    # CRT-03, a stock: September's 180 + 100 = 280 against 250 (lower is better: 250 / 280 = 89 %).
    crt03 = results["CRT-03"]
    assert (crt03["quarter"], crt03["year to date"], crt03["expected to date"], crt03["status"]) == (280, 280, 250, AT_RISK)
    # PRO-04, a percent from summed parts: (4+5+6 + 1+2+3) / (30 + 15) = 21 / 45 = 46.7 % against 50 (93 %).
    pro04 = rows(report, "Prosecution: results")["PRO-04"]
    assert (pro04["quarter"], pro04["target"], pro04["status"]) == (46.7, 50, AT_RISK)
    assert pro04["last four quarters"] == "– → – → – → 46.7"
    # Slippage at the quarter's end: A1 was due on 1 August and is delayed: 60 days late on 30 September.
    activities = rows(report, "Courts: activities")
    assert (activities["A1"]["status"], activities["A1"]["percent"], activities["A1"]["days late"]) == ("delayed", 40, 60)
    # A2's "done" came in October: the third quarter's pack still says on track, 50 %, not yet due.
    assert (activities["A2"]["status"], activities["A2"]["percent"], activities["A2"]["days late"]) == ("on track", 50, 0)
    changes = rows(report, "Courts: changed since the last quarter")
    assert {code: (change["before"], change["now"]) for code, change in changes.items()} == {
        "A1": ("on track 30%", "delayed 40%")}
    women = rows(report, "Women's share of each figure counted by sex")
    assert (women["Prosecution"]["indicator"], women["Prosecution"]["women"], women["Prosecution"]["total"],
            women["Prosecution"]["women %"]) == ("PRO-03", 4, 40, 10.0)
    assert any("2026" in note and "provincial target" in note for note in report.notes)
    # Each department's objectives and outputs, with the indicators linked to each output.
    plan = report.table("Courts: objectives and outputs").frame.to_dict("records")
    assert plan == [{"objective": "O1", "objective title": "Justice is timely", "output": "OP1",
                     "output title": "Cases decided faster", "partner": None, "due": None,
                     "indicators": "CRT-02, CRT-03"}]
    assert not any(note.startswith("Linked indicators without a figure") for note in report.notes)


def test_the_pack_names_the_linked_indicators_without_a_figure(pack_centre):
    # The second quarter has no figure at all: every linked indicator is named, in the departments' order.
    report = steering_report(pack_centre, "2026Q2", on=ON)
    assert "Linked indicators without a figure for the quarter: PRO-04, CRT-02, CRT-03." in report.notes
    results = rows(report, "Courts: results")
    assert (results["CRT-02"]["quarter"], results["CRT-02"]["status"]) == (None, None)


def test_the_urdu_pack_gives_the_framework_s_urdu_titles(pack_centre, centre_db: Path, tmp_path: Path):
    pack_centre.close()  # the framework and figures are saved; the CLI opens the database itself
    out = tmp_path / "pack-ur.xlsx"
    result = headless_main(["--db", str(centre_db), "--user", "clara", "report", "--kind", "steering", "--quarter",
                            QUARTER, "--language", "ur", "--out", str(out)], tmp_path)
    assert result.returncode == 0, result.stderr
    sheet = load_workbook(out)["عدالتیں plan"]
    cells = [[cell for cell in row if cell is not None] for row in sheet.iter_rows(values_only=True)]
    assert ["\u2068عدالتیں\u2069: مقاصد اور آؤٹ پٹ"] in cells  # the table's caption
    header = next(row for row in cells if "objective title" in row)  # a spreadsheet's columns keep their keys
    assert cells[cells.index(header) + 1] == ["O1", "بروقت انصاف", "OP1", "مقدمات کے جلد فیصلے", "CRT-02, CRT-03"]


def test_the_women_and_girls_page_is_the_desk_report_s_own_suppressed_tables(tmp_path: Path):
    """Quetta's desk: July 4 rapes and 20 physical assaults, August 6 physical assaults, sent in a real bundle.
    The pack prints the desk report's tables for the quarter as they are, small cells and their complements
    hidden, the clients by GBV core type and month among them."""
    pair = make_pair(tmp_path)
    try:
        for number in range(4):
            _case(pair.supervisor, f"R-{number}", "rape", f"2026-07-0{number + 1}")
        for number in range(20):
            _case(pair.supervisor, f"PA-{number}", "physical_assault", f"2026-07-1{number % 10}")
        for number in range(6):
            _case(pair.supervisor, f"AP-{number}", "physical_assault", f"2026-08-1{number}")
        [outcome] = import_bundles(pair.clerk, [export_to(pair.supervisor, tmp_path / "bundles")])
        assert outcome.status == "imported", outcome.reason
        save_framework(pair.clerk, framework())
        report = steering_report(pair.clerk, QUARTER, on=ON)
        desk = desk_report(pair.clerk, period=QUARTER, on=ON)
        for caption in ("Clients by GBV core type", "Clients by GBV core type and month",
                        "Clients by GBV core type and sex", "Referral rate by district"):
            pd.testing.assert_frame_equal(report.table(caption).frame, desk.table(caption).frame)
        by_month = report.table("Clients by GBV core type and month").frame.set_index("GBV core type")
        assert list(by_month.columns) == ["2026-07", "2026-08"]
        assert (by_month.loc["Rape", "2026-07"], by_month.loc["Rape", "2026-08"]) == (SUPPRESSED, 0)
        # July's clients (24, in the desk report's district x month table) less its physical assaults: not both.
        july = desk.table("Clients by district and month").frame.set_index("district").loc["QUETTA", "2026-07"]
        assert SUPPRESSED in (july, by_month.loc["Physical assault", "2026-07"])
        assert row_of(report.table("Referral rate by district").frame, district="QUETTA")["clients"] == 30
        assert any("cell(s) hidden in this report" in note for note in report.notes)
    finally:
        pair.close()


def test_the_pack_needs_a_framework_and_a_quarter(clerk):
    with pytest.raises(UsageError) as no_plan:
        steering_report(clerk, QUARTER)
    assert str(no_plan.value).startswith("The Steering Committee pack follows the Action Plan's results framework")
    save_framework(clerk, framework())
    with pytest.raises(UsageError) as month:
        steering_report(clerk, "2026-08")
    assert str(month.value) == "'2026-08' is not a quarter; write it like 2026Q3."
    with pytest.raises(UsageError) as narrowed:
        make_report(clerk, "steering", period=QUARTER, districts=["QUETTA"])
    assert str(narrowed.value).startswith("The Steering Committee pack covers the whole province for one quarter")


def test_the_pack_from_the_command_line(pack_centre, centre_db: Path, tmp_path: Path, monkeypatch, capsys):
    monkeypatch.setenv("MIZAN_PASSWORD", CLERK_PASSWORD)
    out = tmp_path / "pack.xlsx"
    assert main(["--db", str(centre_db), "--user", "clara", "report", "--kind", "steering", "--quarter", QUARTER,
                 "--out", str(out), "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["files"] == [str(out)]
    captions = [table["caption"] for table in printed["tables"]]
    assert captions[:5] == ["Departments: data and approval", "Prosecution: objectives and outputs",
                            "Prosecution: results", "Prosecution: activities",
                            "Prosecution: changed since the last quarter"]
    assert "Courts: results" in captions and "Women's share of each figure counted by sex" in captions
    assert len(load_workbook(out).sheetnames) == len(captions)


def test_the_reports_screen_makes_the_pack_of_a_quarter(qtbot, pack_centre, tmp_path: Path):
    from gui.screens.reports_screen import ReportsScreen
    from tests.conftest import on_screen

    screen = on_screen(qtbot, ReportsScreen(pack_centre))
    screen.kind.setCurrentIndex(screen.kind.findData("steering"))
    # One quarter of the whole province: no year, month, level or approved-only to choose.
    assert screen.quarter.isVisible() and not screen.level.isVisible() and not screen.year.isVisible()
    assert not screen.approved_only.isVisible()
    screen.quarter.setCurrentIndex(screen.quarter.findData(QUARTER))
    screen.show_report()
    qtbot.waitUntil(lambda: not screen.busy, timeout=60000)
    assert screen.report.kind == "steering" and screen.report.span == QUARTER
    assert [model.table.caption for model in screen.table_models][:3] == [
        "Departments: data and approval", "Prosecution: objectives and outputs", "Prosecution: results"]
    screen.export(tmp_path / "pack.xlsx")
    qtbot.waitUntil(lambda: not screen.busy, timeout=60000)
    assert screen.status.text() == f"Saved {tmp_path / 'pack.xlsx'}."


def test_a_district_office_has_no_pack(qtbot, supervisor):
    from gui.screens.reports_screen import ReportsScreen
    from tests.conftest import on_screen

    screen = on_screen(qtbot, ReportsScreen(supervisor))
    assert screen.kind.findData("steering") == -1
