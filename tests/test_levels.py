"""Reports at each level of the org-unit tree (province, division, district, desk) against figures worked out
by hand on a small fixture: a flow, a stock and a percent indicator; division membership; a closed desk;
the Quetta desks side by side with small cells suppressed (and the totals beside them); the CLI's
``--level`` with ``--json``; the Reports screen's Level chooser.

The fixture is typed in through the storage functions, never SQL. Every expected figure is a literal with
its arithmetic beside it.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook

from main import main
from storage.core.catalogues import catalogue_files, store_catalogue
from storage.errors import UsageError
from storage.records.desk import save_desk_case
from storage.records.targets import save_targets
from storage.records.values import save_indicator_values
from storage.reference.catalogue import load_catalogue, parse_catalogue
from storage.reference.org_units import LEVELS, PROVINCE, org_tree
from storage.reports.build import (
    ALL_DESKS,
    ALL_DISTRICTS,
    OFF_TRACK,
    SUPPRESSED,
    completeness_report,
    desk_report,
    progress_report,
    trend_report,
)
from storage.validation import TargetInput
from tests.conftest import CLERK_PASSWORD, SUPERVISOR_PASSWORD, on_screen, table_counts, value
from tests.suppression_checker import exposed_small_cells
from tests.templates import sign_in
from tests.test_reports import row_of

CHOSEN = ["QUETTA", "PISHIN", "KALAT"]  # Quetta and Pishin in Quetta division, Kalat in Kalat division


@pytest.fixture
def level_figures(clerk):
    """Quetta, Pishin and Kalat, the first quarter of 2024, typed in at the centre."""
    save_indicator_values(clerk, [
        # CRT-02 cases disposed: a flow.
        value("CRT-02", "QUETTA", "2024-01", 10), value("CRT-02", "QUETTA", "2024-02", 20),
        value("CRT-02", "PISHIN", "2024-01", 5), value("CRT-02", "KALAT", "2024-03", 7),
        # CRT-03 cases pending at period end: a stock. Pishin and Kalat last reported in February.
        value("CRT-03", "QUETTA", "2024-01", 500), value("CRT-03", "QUETTA", "2024-03", 400),
        value("CRT-03", "PISHIN", "2024-01", 100), value("CRT-03", "PISHIN", "2024-02", 80),
        value("CRT-03", "KALAT", "2024-02", 30),
        # PRO-04 conviction rate: a percent.
        value("PRO-04", "QUETTA", "2024-01", None, 1, 10), value("PRO-04", "QUETTA", "2024-02", None, 9, 10),
        value("PRO-04", "PISHIN", "2024-01", None, 20, 80), value("PRO-04", "KALAT", "2024-01", None, 3, 10),
    ])
    save_targets(clerk, 2024, [TargetInput("CRT-02", "QUETTA", None, 240), TargetInput("CRT-02", "PISHIN", None, 120),
                               TargetInput("CRT-02", "KALAT", None, 60), TargetInput("PRO-04", "QUETTA", None, 40)])
    return clerk


# -- the tree ---------------------------------------------------------------------------------------------------


def test_every_district_sits_in_one_of_the_eight_divisions():
    tree = org_tree(load_catalogue("en"))
    assert set(tree.units["division"]) == {"Quetta", "Kalat", "Makran", "Zhob", "Sibi", "Naseerabad", "Rakhshan",
                                           "Loralai"}
    assert {code: tree.ancestor("division", code) for code in ("QUETTA", "CHAMAN", "KALAT", "HUB", "KECH", "ZHOB",
                                                                "SIBI", "NASIRABAD", "KHARAN", "LORALAI")} == {
        "QUETTA": "Quetta", "CHAMAN": "Quetta", "KALAT": "Kalat", "HUB": "Kalat", "KECH": "Makran", "ZHOB": "Zhob",
        "SIBI": "Sibi", "NASIRABAD": "Naseerabad", "KHARAN": "Rakhshan", "LORALAI": "Loralai"}
    assert {tree.ancestor("province", code) for code in tree.units["district"]} == {PROVINCE}
    # The 15 Quetta desks, each opened in May 2024 and none closed in the shipped catalogue.
    quetta = tree.desks_in(["QUETTA"])
    assert len(quetta) == 15 and {desk.parent for desk in quetta} == {"QUETTA"}
    assert {(desk.validity.valid_from, desk.validity.valid_to) for desk in quetta} == {(dt.date(2024, 5, 1), None)}
    # Lehri closed at the end of 2018: its open span says so.
    lehri = tree.unit("district", "LEHRI")
    assert lehri.open_on(dt.date(2018, 12, 31)) and not lehri.open_on(dt.date(2019, 1, 1))
    # Division names follow the interface's language; the keys stay English.
    assert org_tree(load_catalogue("ur"), language="ur").unit("division", "Quetta").name == "کوئٹہ"


def test_a_catalogue_from_before_the_closed_column_still_reads():
    files = dict(catalogue_files_shipped())
    files["desks.csv"] = "\n".join(line.rsplit(",", 1)[0] for line in files["desks.csv"].splitlines()) + "\n"
    assert "closed" not in files["desks.csv"].splitlines()[0]
    tree = org_tree(parse_catalogue(files, "en"))
    assert tree.unit("desk", "QTA-CITY").validity.valid_to is None


def catalogue_files_shipped() -> dict[str, str]:
    from storage.reference.catalogue import shipped_files

    return shipped_files()


# -- roll-ups -----------------------------------------------------------------------------------------------------


def test_progress_rolls_a_flow_a_stock_and_a_percent_up_at_every_level(level_figures):
    district = progress_report(level_figures, year=2024, districts=CHOSEN).table("Every indicator").frame
    # District level, as stored: Quetta's flow 10 + 20 = 30, its stock the March 400, its percent
    # (1 + 9) / (10 + 10) = 50 %; Pishin's stock its last (February) 80, its percent 20 / 80 = 25 %.
    assert row_of(district, district="QUETTA", indicator="CRT-02")["figure"] == 30
    assert row_of(district, district="QUETTA", indicator="CRT-03")["figure"] == 400
    assert row_of(district, district="PISHIN", indicator="CRT-03")["figure"] == 80
    assert row_of(district, district="PISHIN", indicator="PRO-04")["figure"] == 25.0

    report = progress_report(level_figures, year=2024, districts=CHOSEN, level="division")
    assert report.level == "division"
    every = report.table("Every indicator").frame
    assert list(every.columns[:2]) == ["division name", "division"] and "district" not in every.columns
    assert sorted(set(every["division"])) == ["Kalat", "Quetta"]
    disposed = row_of(every, division="Quetta", indicator="CRT-02")
    # Flow: Quetta 30 + Pishin 5 = 35 over 3 figures; target 240 + 120 = 360 (both districts have one), the
    # year has ended so all of it is expected: 35 / 360 = 9.7 % -> off track.
    assert (disposed["figure"], disposed["periods"], disposed["target"], disposed["achievement %"],
            disposed["status"]) == (35, 3, 360, 9.7, OFF_TRACK)
    # Stock: each district's last figure, Quetta's March 400 + Pishin's February 80 = 480 (not 500 + 100 + 80 + 400).
    assert row_of(every, division="Quetta", indicator="CRT-03")["figure"] == 480
    convictions = row_of(every, division="Quetta", indicator="PRO-04")
    # Percent: (1 + 9 + 20) / (10 + 10 + 80) = 30 / 100 = 30 %; the average of 50 % and 25 % would be 37.5 %.
    # A percent has no target above the district (Quetta's 40 is not Pishin's).
    assert (convictions["figure"], convictions["numerator"], convictions["denominator"]) == (30.0, 30, 100)
    assert pd.isna(convictions["target"]) and pd.isna(convictions["status"])
    assert row_of(every, division="Kalat", indicator="CRT-02")["target"] == 60
    headline = report.table("Headline indicators").frame
    # All districts beside the divisions: stock 400 + 80 + 30 = 510, the same as the province level below.
    assert row_of(headline, division=ALL_DISTRICTS, indicator="CRT-03")["figure"] == 510
    assert any(note.startswith("Division level: each division's districts added up") for note in report.notes)

    province = progress_report(level_figures, year=2024, districts=CHOSEN, level="province")
    every = province.table("Every indicator").frame
    assert set(every["province"]) == {PROVINCE} and set(every["province name"]) == {"Balochistan"}
    # Flow 30 + 5 + 7 = 42 against 240 + 120 + 60 = 420; stock 400 + 80 + 30 = 510;
    # percent (10 + 20 + 3) / (20 + 80 + 10) = 33 / 110 = 30 %.
    assert (row_of(every, indicator="CRT-02")["figure"], row_of(every, indicator="CRT-02")["target"]) == (42, 420)
    assert row_of(every, indicator="CRT-03")["figure"] == 510
    assert row_of(every, indicator="PRO-04")["figure"] == 30.0
    # The province is the one row: no "All districts" beside it.
    assert ALL_DISTRICTS not in set(province.table("Headline indicators").frame["province"])


def test_a_division_s_count_target_needs_every_district_s(level_figures):
    save_targets(level_figures, 2024, [TargetInput("CRT-03", "QUETTA", None, 450)])  # Pishin has no CRT-03 target
    every = progress_report(level_figures, year=2024, districts=CHOSEN, level="division").table("Every indicator").frame
    assert pd.isna(row_of(every, division="Quetta", indicator="CRT-03")["target"])
    # Lehri (Naseerabad division) closed at the end of 2018: it is no part of the division in 2024, so
    # Nasirabad's target is the division's.
    save_indicator_values(level_figures, [value("CRT-02", "NASIRABAD", "2024-01", 4)])
    save_targets(level_figures, 2024, [TargetInput("CRT-02", "NASIRABAD", None, 50)])
    every = progress_report(level_figures, year=2024, districts=["NASIRABAD", "LEHRI"], level="division"
                            ).table("Every indicator").frame
    naseerabad = row_of(every, division="Naseerabad", indicator="CRT-02")
    assert (naseerabad["figure"], naseerabad["target"]) == (4, 50)


def test_trend_rolls_each_period_up_at_the_division_level(level_figures):
    report = trend_report(level_figures, indicators=["PRO-04", "CRT-03"], year=2024, districts=CHOSEN,
                          level="division")
    rates = report.table("PRO-04 Conviction rate in serious and violent crime").frame
    # January: Quetta division (1 + 20) / (10 + 80) = 21 / 90 = 23.33 %; Kalat 3 / 10 = 30 %;
    # all three (1 + 20 + 3) / (10 + 80 + 10) = 24 %. February: Quetta's 9 / 10 = 90 % alone.
    quetta = row_of(rates, division="Quetta")
    assert (quetta["2024-01"], quetta["2024-02"]) == (23.33, 90.0)
    assert row_of(rates, division="Kalat")["2024-01"] == 30.0
    assert row_of(rates, division=ALL_DISTRICTS)["2024-01"] == 24.0
    pending = row_of(report.table("CRT-03 Criminal cases pending at period end").frame, division="Quetta")
    # A stock within one period adds across districts: January 500 + 100 = 600; February Pishin's 80; March 400.
    assert (pending["2024-01"], pending["2024-02"], pending["2024-03"]) == (600, 80, 400)
    assert report.charts[0].label_column == "division name"


def test_completeness_adds_cells_up_before_taking_the_percent(level_figures):
    on = dt.date(2024, 3, 1)
    by_district = completeness_report(level_figures, period="2024-01", districts=CHOSEN, on=on
                                      ).table("Completeness and timeliness").frame
    by_division = completeness_report(level_figures, period="2024-01", districts=CHOSEN, on=on, level="division"
                                      ).table("Completeness and timeliness").frame
    quetta = row_of(by_district, district="QUETTA", institution="Courts")
    pishin = row_of(by_district, district="PISHIN", institution="Courts")
    division = row_of(by_division, division="Quetta", institution="Courts")
    # January's courts sheet has 3 cells (CRT-01..03 monthly); Quetta entered 2 of them, Pishin 2: the division
    # entered 2 + 2 = 4 of 3 + 3 = 6, 66.7 % (here equal to the mean; Kalat entered 0 of 3).
    assert (quetta["entered"], quetta["expected"], pishin["entered"], pishin["expected"]) == (2, 3, 2, 3)
    assert (division["entered"], division["expected"], division["completeness %"]) == (4, 6, 66.7)
    assert row_of(by_division, division="Kalat", institution="Courts")["completeness %"] == 0.0


# -- desk level -----------------------------------------------------------------------------------------------------


def _desk_cases(session, desk: str, clients: int, referred: int, day: str = "2024-06-10", consent: bool = True) -> None:
    for number in range(clients):
        save_desk_case(session, {
            "desk": desk, "report_date": day, "incident_date": "2024-06-09", "client_code": f"{desk}-{day}-{number}",
            "client_sex": "female", "client_age": 30, "classification_answers": "nny", "gbv_type": "physical_assault",
            "consent_services": True, "consent_reporting": consent},
            services=[{"service": "legal_aid", "status": "referred", "date": day}] if number < referred else [])


@pytest.fixture
def desks(supervisor):
    """Quetta, June 2024: City 7 consented clients (5 referred) and one without consent, Cantonment 2 (1
    referred), Satellite Town 6 (none referred)."""
    _desk_cases(supervisor, "QTA-CITY", 7, 5)
    _desk_cases(supervisor, "QTA-CITY", 1, 1, day="2024-06-11", consent=False)
    _desk_cases(supervisor, "QTA-CANT", 2, 1)
    _desk_cases(supervisor, "QTA-SATT", 6, 0)
    return supervisor


def test_desk_level_shows_the_quetta_desks_side_by_side_with_small_cells_hidden(desks):
    report = progress_report(desks, year=2024, level="desk")
    every = report.table("Every indicator").frame
    clients = every[every["indicator"] == "POL-09"]
    # The 15 Quetta desks, then Quetta's "All desks" row adding them up.
    assert list(clients["desk"]) == [desk.code for desk in org_tree(desks.catalogue).desks_in(["QUETTA"])] + [ALL_DESKS]
    assert set(clients["district"]) == {"QUETTA"} and len(clients) == 16
    shown = dict(zip(clients["desk"], clients["figure"], strict=True))
    # City 7 (the client without consent is not counted); Cantonment's 2 is small: hidden. All desks 7 + 2 + 6
    # = 15 is published, so 15 - 7 - 6 would give the 2 back: the smallest other non-zero desk, Satellite
    # Town's 6, is hidden too (complementary suppression).
    assert (shown["QTA-CITY"], shown["QTA-CANT"], shown["QTA-SATT"], shown[ALL_DESKS]) == (7, SUPPRESSED, SUPPRESSED, 15)
    assert shown["QTA-AIRP"] == 0  # nobody is identified by a 0
    # An attacker's check: no hidden desk's count follows from the published ones and the total.
    values = {"QTA-CITY": 7, "QTA-CANT": 2, "QTA-SATT": 6, **{d: 0 for d in shown if d not in
                                                              ("QTA-CITY", "QTA-CANT", "QTA-SATT", ALL_DESKS)},
              "total": 15}
    published = {desk for desk, figure in shown.items() if figure != SUPPRESSED and desk != ALL_DESKS} | {"total"}
    assert exposed_small_cells(values, [("total", tuple(d for d in values if d != "total"))], published) == []
    referral = row_of(every, desk=ALL_DESKS, indicator="POL-10")
    # Referred: 5 + 1 + 0 = 6 of 15: 40 %.
    assert (referral["figure"], referral["numerator"], referral["denominator"]) == (40.0, 6, 15)
    # City's referred 5 is hidden: with Cantonment's 1 hidden and the total 6 published, 6 - 5 would give it back.
    assert row_of(every, desk="QTA-CITY", indicator="POL-10")["numerator"] == SUPPRESSED
    # Indicators typed in per district have no desk rows, and the report says so.
    assert set(every["indicator"]) <= {"POL-09", "POL-10", "POL-11", "POL-12", "POL-13"}
    assert any("has no desk breakdown" in note or "no desk breakdown" in note for note in report.notes)


def test_desk_level_trend_and_desk_report(desks):
    trend = trend_report(desks, indicators=["POL-09", "PRO-04"], period="2024Q2", level="desk")
    assert [table.caption for table in trend.tables] == ["POL-09 Gender facilitation desk clients"]
    assert "PRO-04 is typed in per district: it has no desk breakdown (see it at the district level)." in trend.notes
    june = dict(zip(trend.tables[0].frame["desk"], trend.tables[0].frame["2024-06"], strict=True))
    assert (june["QTA-CITY"], june["QTA-CANT"], june["QTA-SATT"], june[ALL_DESKS]) == (7, SUPPRESSED, SUPPRESSED, 15)

    # Without --indicator the desk level's trend covers the desk indicators; only district ones: refused.
    assert [table.caption.split()[0] for table in trend_report(desks, period="2024Q2", level="desk").tables] == [
        "POL-09", "POL-10", "POL-11", "POL-12", "POL-13"]
    with pytest.raises(UsageError) as refused:
        trend_report(desks, indicators=["PRO-04"], period="2024Q2", level="desk")
    assert str(refused.value) == ("PRO-04: typed in per district, with no desk breakdown. At the desk level choose a "
                                  "desk indicator: POL-09, POL-10, POL-11, POL-12, POL-13.")

    report = desk_report(desks, year=2024, level="desk")
    by_month = report.table("Clients by desk and month").frame
    assert len(by_month) == 15 and list(by_month.columns[:4]) == ["desk", "desk name", "district name", "district"]
    assert row_of(by_month, desk="QTA-CITY")["2024-06"] == 7
    assert row_of(by_month, desk="QTA-CANT")["2024-06"] == SUPPRESSED
    timing = report.table("Reporting time (report date minus incident date)").frame.set_index("reporting time")
    # The desks are the columns here: every one reported a day after the incident.
    assert (timing.loc["0-3 days", "QTA-CITY"], timing.loc["0-3 days", "QTA-CANT"]) == (7, SUPPRESSED)


def test_a_closed_desk_counts_only_until_its_close_date(desks, district_db: Path):
    # The centre closes Satellite Town on 5 June 2024 in a new catalogue (here stored as a centre update stores it).
    files = catalogue_files(desks.db)
    files["desks.csv"] = files["desks.csv"].replace("Satellite Town,2024-05-01,", "Satellite Town,2024-05-01,2024-06-05")
    files["catalogue_version.txt"] = "2026.12.1-levels\n"
    with desks.write() as db:
        store_catalogue(db, files, "2026.12.1-levels", "test", "2026-12-05T00:00:00Z")
    session = sign_in(district_db, "sana")
    try:
        report = progress_report(session, year=2024, level="desk")
        clients = report.table("Every indicator").frame
        clients = clients[clients["indicator"] == "POL-09"]
        shown = dict(zip(clients["desk"], clients["figure"], strict=True))
        # Satellite Town's 6 cases of 10 June came after its close: not counted. All desks 7 + 2 = 9; with
        # Cantonment's 2 hidden, City's 7 would give it back (9 - 7): hidden too.
        assert (shown["QTA-SATT"], shown["QTA-CANT"], shown[ALL_DESKS]) == (0, SUPPRESSED, 9)
        assert shown["QTA-CITY"] == SUPPRESSED
        assert "Desk QTA-SATT closed on 2024-06-05: its records after that date are not counted, at any level." \
            in report.notes
        # The district level counts the same cases: 9 clients.
        district = progress_report(session, year=2024).table("Every indicator").frame
        assert row_of(district, district="QUETTA", indicator="POL-09")["figure"] == 9
        # After its close the desk is no unit of a report at all.
        later = progress_report(session, year=2025, level="desk").table("Every indicator").frame
        assert "QTA-SATT" not in set(later["desk"]) and "QTA-CITY" in set(later["desk"])
    finally:
        session.close()


def test_a_district_office_reports_at_the_district_or_desk_level_only(supervisor):
    before = table_counts(supervisor)
    with pytest.raises(UsageError) as refused:
        progress_report(supervisor, year=2024, level="division")
    assert str(refused.value) == "This office holds QUETTA's figures only: report at the district or desk level."
    with pytest.raises(UsageError) as unknown:
        trend_report(supervisor, level="tehsil")
    assert str(unknown.value) == "Unknown level 'tehsil'; choose one of province, division, district, desk."
    assert table_counts(supervisor) == before


# -- CLI and screen ---------------------------------------------------------------------------------------------


def test_report_level_on_the_command_line_with_json(level_figures, centre_db: Path, tmp_path: Path, monkeypatch,
                                                    capsys):
    monkeypatch.setenv("MIZAN_PASSWORD", CLERK_PASSWORD)
    out = tmp_path / "divisions.xlsx"
    common = ["--db", str(centre_db), "--user", "clara", "report", "--year", "2024",
              *[part for code in CHOSEN for part in ("--district", code)]]
    assert main([*common, "--kind", "progress", "--level", "division", "--out", str(out), "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert (printed["files"], printed["kind"], printed["level"]) == ([str(out)], "progress", "division")
    every = next(table for table in printed["tables"] if table["caption"] == "Every indicator")
    rows = [dict(zip(every["columns"], row, strict=True)) for row in every["rows"]]
    convictions = next(row for row in rows if row["division"] == "Quetta" and row["indicator"] == "PRO-04")
    assert (convictions["figure"], convictions["numerator"], convictions["denominator"]) == (30.0, 30, 100)
    # The file says its level under the title.
    sheet = load_workbook(out)["Every indicator"]
    assert " - division level - 2024 - generated " in sheet["A2"].value
    assert [cell.value for cell in next(sheet.iter_rows(min_row=5, max_row=5))][:2] == ["division name", "division"]
    for kind in ("trend", "desk", "completeness"):
        assert main([*common, "--kind", kind, "--level", "province", "--out", str(tmp_path / f"{kind}.pdf"),
                     "--json"]) == 0
        assert json.loads(capsys.readouterr().out)["level"] == "province"
    with pytest.raises(SystemExit) as usage:  # argparse refuses a level it does not know, exit code 2
        main([*common, "--kind", "progress", "--level", "tehsil", "--out", str(out)])
    assert usage.value.code == 2
    assert "argument --level: invalid choice: 'tehsil'" in capsys.readouterr().err


def test_a_district_office_s_cli_refuses_the_division_level(district_db: Path, tmp_path: Path, monkeypatch, capsys):
    monkeypatch.setenv("MIZAN_PASSWORD", SUPERVISOR_PASSWORD)
    out = tmp_path / "p.csv"
    assert main(["--db", str(district_db), "--user", "sana", "report", "--kind", "progress", "--level", "division",
                 "--out", str(out)]) == 2
    assert capsys.readouterr().err.strip() == \
        "This office holds QUETTA's figures only: report at the district or desk level."
    assert not out.exists() and not out.with_suffix(".zip").exists()


def test_the_reports_screen_chooses_the_level(qtbot, level_figures, supervisor):
    from gui.screens.reports_screen import ReportsScreen

    screen = on_screen(qtbot, ReportsScreen(level_figures))
    assert [screen.level.itemData(i) for i in range(screen.level.count())] == list(LEVELS)
    assert screen.level.currentData() == "district"
    screen.kind.setCurrentIndex(screen.kind.findData("progress"))
    screen.span.setCurrentIndex(screen.span.findData("year"))
    screen.year.setValue(2024)
    screen.level.setCurrentIndex(screen.level.findData("division"))
    assert screen.options()["level"] == "division"
    screen.show_report()
    qtbot.waitUntil(lambda: not screen.busy, timeout=60000)
    assert screen.report is not None and screen.report.level == "division"
    every = next(model for model in screen.table_models if model.table.caption == "Every indicator")
    assert every.columns[:2] == ["division name", "division"]
    # A district office offers only the levels its data has.
    district_screen = on_screen(qtbot, ReportsScreen(supervisor))
    assert [district_screen.level.itemData(i) for i in range(district_screen.level.count())] == ["district", "desk"]
