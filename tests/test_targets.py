"""Targets: the grid, saving through the engine, and the all-or-nothing template and load (API and CLI)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from main import main
from storage.errors import PermissionDenied, ValidationFailed
from storage.records.targets import list_targets, save_targets, target_grid
from storage.sheets.targets import TARGET_COLUMNS, load_targets, write_targets_template
from storage.validation import TargetInput
from tests.conftest import CLERK_PASSWORD, table_counts


def test_the_grid_saves_replaces_and_clears(clerk):
    report = save_targets(clerk, 2026, [TargetInput("PRO-04", "QUETTA", None, 40),
                                        TargetInput("CRT-02", "PISHIN", None, "1,200")])
    assert (report.new, report.updated, report.unchanged) == (2, 0, 0)
    grid = target_grid(clerk, 2026)
    assert grid.target("PRO-04", "QUETTA") == 40 and grid.target("CRT-02", "PISHIN") == 1200
    assert "QUETTA" in grid.districts and "LEHRI" not in grid.districts  # Lehri was abolished in 2018
    assert "LEV-01" not in [indicator.code for indicator in grid.indicators]  # Levies ended in 2025
    report = save_targets(clerk, 2026, [TargetInput("PRO-04", "QUETTA", None, 40),
                                        TargetInput("CRT-02", "PISHIN", None, 1300)])
    assert (report.new, report.updated, report.unchanged) == (0, 1, 1)
    report = save_targets(clerk, 2026, [TargetInput("PRO-04", "QUETTA", None, "")])  # an emptied cell
    assert report.cleared == 1
    assert list_targets(clerk, 2026) == [{"indicator": "CRT-02", "district": "PISHIN", "year": 2026, "target": 1300}]


def test_bad_targets_are_all_refused_and_nothing_is_written(clerk):
    save_targets(clerk, 2026, [TargetInput("PRO-04", "QUETTA", None, 40)])
    before = table_counts(clerk)
    with pytest.raises(ValidationFailed) as caught:
        save_targets(clerk, 2026, [
            TargetInput("PRO-04", "QUETTA", None, 50),  # good, but not written: the batch fails
            TargetInput("CRT-02", "QUETTA", None, 12.5, row=3),
            TargetInput("LEV-01", "QUETTA", None, 10, row=4),
            TargetInput("PRO-04", "LEHRI", None, 10, row=5),
            TargetInput("PRO-04", "PISHIN", "20x6", 10, row=6),
        ])
    assert table_counts(clerk) == before
    assert list_targets(clerk, 2026)[0]["target"] == 40
    assert str(caught.value) == "4 problem(s) in the targets; nothing was saved."
    assert [(found.row, found.rule, found.message) for found in caught.value.issues] == [
        (3, "IV_COUNT_NOT_WHOLE", "CRT-02 counts must be whole numbers of 0 or more; '12.5' is not. Correct the figure."),
        (4, "IV_INDICATOR_NOT_VALID", "LEV-01 is reported from the beginning to 2025-12-31; period 2026 is outside that."),
        (5, "IV_DISTRICT_NOT_VALID",
         "District LEHRI existed from 2013-01-01 to 2018-12-31; period 2026 is outside that. Use the district "
         "that covered the area then."),
        (6, "TG_YEAR", "The target year '20x6' is not a year from 2000 to 2100. Write it like 2026."),
    ]


def test_a_percent_that_may_exceed_100_takes_a_target_over_100(clerk):
    save_targets(clerk, 2026, [TargetInput("CRT-04", "QUETTA", None, 110)])  # clearance rate: may exceed 100
    assert list_targets(clerk, 2026)[0]["target"] == 110


def test_who_may_set_targets(operator, supervisor):
    with pytest.raises(PermissionDenied) as refused:
        save_targets(operator, 2026, [TargetInput("PRO-04", "QUETTA", None, 40)])
    assert str(refused.value) == "omar (role: operator) may not set targets; that needs one of the roles: clerk, supervisor."
    with pytest.raises(ValidationFailed) as caught:
        save_targets(supervisor, 2026, [TargetInput("PRO-04", "PISHIN", None, 40)])
    assert [found.rule for found in caught.value.issues] == ["IV_OTHER_DISTRICT"]
    assert target_grid(supervisor, 2026).districts == ["QUETTA"]


def test_template_round_trip_in_xlsx(clerk, tmp_path: Path):
    save_targets(clerk, 2026, [TargetInput("PRO-04", "QUETTA", None, 40)])
    path = tmp_path / "targets.xlsx"
    rows = write_targets_template(clerk, 2026, path)
    workbook = load_workbook(path)
    sheet = workbook["targets"]
    header = [cell.value for cell in sheet[1]]
    assert header[:4] == list(TARGET_COLUMNS)
    assert sheet.max_row == rows + 1
    lines = {(row[0], row[1]): number for number, row in enumerate(sheet.iter_rows(values_only=True), start=1)}
    assert sheet.cell(lines[("PRO-04", "QUETTA")], 4).value == 40
    sheet.cell(lines[("PRO-04", "QUETTA")], 4).value = 42
    sheet.cell(lines[("CRT-02", "KECH")], 4).value = 900
    workbook.save(path)
    report = load_targets(clerk, path)
    assert report.ok and (report.saved.new, report.saved.updated) == (1, 1)
    assert report.blank_rows == rows - 2
    assert {(t["indicator"], t["district"]): t["target"] for t in list_targets(clerk, 2026)} == {
        ("PRO-04", "QUETTA"): 42, ("CRT-02", "KECH"): 900}


def _write_csv(path: Path, rows: list[list]) -> None:
    with open(path, "w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows([list(TARGET_COLUMNS), *rows])


def test_a_bad_sheet_loads_nothing_and_lists_every_row(clerk, tmp_path: Path):
    path = tmp_path / "targets.csv"
    _write_csv(path, [["PRO-04", "QUETTA", "2026", "40"], ["PRO-04", "QUETTA", "2026", "41"],
                      ["POL-99", "QUETTA", "2026", "5"], ["PRO-04", "PISHIN", "2026", "-1"],
                      ["PRO-02", "PISHIN", "2026", "101"], ["PRO-01", "KECH", "2026", ""]])
    before = table_counts(clerk)
    report = load_targets(clerk, path)
    assert table_counts(clerk) == before
    assert not report.ok and report.blank_rows == 1
    assert [(p.row, p.rule, p.message) for p in report.problems] == [
        (3, "LD_DUPLICATE_ROW", "This row repeats PRO-04 QUETTA 2026, already given on row 2. Keep one row per cell."),
        (4, "IV_UNKNOWN_INDICATOR",
         "Indicator 'POL-99' is not in the catalogue. Use a code such as POL-01, as in the template."),
        (5, "IV_NEGATIVE", "The target of PRO-04 cannot be negative ('-1'). Correct the figure."),
        (6, "TG_PERCENT_OVER_100",
         "The target of PRO-02 is a percent and cannot be more than 100 ('101'). Correct the figure."),
    ]
    wrong = tmp_path / "wrong.csv"
    wrong.write_text("indicator,district,target\nPRO-04,QUETTA,40\n", encoding="utf-8")
    report = load_targets(clerk, wrong)
    assert [(p.row, p.rule, p.message) for p in report.problems] == [
        (1, "LD_COLUMNS", "The header row must name the columns indicator, district, year, target; missing: year. "
                          "Start from `template`."),
    ]
    assert table_counts(clerk) == before


def test_dry_run_writes_nothing(clerk, tmp_path: Path):
    path = tmp_path / "targets.csv"
    _write_csv(path, [["PRO-04", "QUETTA", "2026", "40"]])
    before = table_counts(clerk)
    report = load_targets(clerk, path, dry_run=True)
    assert report.ok and report.saved.new == 1 and table_counts(clerk) == before


def test_targets_commands(clerk, centre_db: Path, tmp_path: Path, monkeypatch, capsys):
    monkeypatch.setenv("MIZAN_PASSWORD", CLERK_PASSWORD)
    common = ["--db", str(centre_db), "--user", "clara", "targets"]
    sheet = tmp_path / "targets.csv"
    assert main([*common, "template", "--year", "2026", "--out", str(sheet)]) == 0
    with open(sheet, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["indicator", "district", "year", "target", "name", "unit", "better"]
    for row in rows[1:]:
        if row[:2] == ["PRO-04", "QUETTA"]:
            row[3] = "40"
    with open(sheet, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    capsys.readouterr()
    assert main([*common, "load", str(sheet), "--json"]) == 0
    loaded = json.loads(capsys.readouterr().out)
    assert (loaded["new"], loaded["written"], loaded["problems"]) == (1, True, [])
    assert main([*common, "list", "--year", "2026", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == [{"indicator": "PRO-04", "district": "QUETTA", "year": 2026,
                                                    "target": 40}]
    bad = tmp_path / "bad.csv"
    _write_csv(bad, [["PRO-04", "QUETTA", "2026", "forty"]])
    assert main([*common, "load", str(bad)]) == 3
    assert capsys.readouterr().err.splitlines() == [
        f"{bad}: 1 problem(s); nothing was written.",
        "  row 2: IV_NOT_A_NUMBER: The target 'forty' is not a number. Type digits only, e.g. 12 or 12.5.",
    ]
    assert main([*common, "load", str(tmp_path / "targets.txt")]) == 2
