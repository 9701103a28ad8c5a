"""The Action Plan's results framework at the centre: the workbook (template and load, all or nothing), activity
progress and its append-only history, the headline indicators and provincial targets in the progress report,
the example framework and the `plan` commands. Every rule's exact words: tests/test_validation_rules.py."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from main import main
from storage.core import audit
from storage.errors import PermissionDenied, ValidationFailed
from storage.records.plan import (
    framework_info,
    framework_tree,
    headline_indicators,
    progress_changes,
    progress_history,
    provincial_targets,
    record_progress,
    save_framework,
    stored_framework,
)
from storage.reports.build import ALL_DISTRICTS, FALLBACK_HEADLINE_INDICATORS, OFF_TRACK, ON_TRACK, progress_report
from storage.sheets.plan import PLAN_SHEETS, load_plan, read_plan_workbook, write_plan_template, write_plan_workbook
from storage.tools.plan_example import EXAMPLE_BANNER, INDICATORS, TARGETS, example_framework
from tests.conftest import CLERK_PASSWORD, table_counts
from tests.templates import sign_in

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE_XLSX = ROOT / "docs" / "examples" / "action-plan-example.xlsx"
YESTERDAY = (dt.date.today() - dt.timedelta(days=1)).isoformat()


def plan_tables(session) -> dict[str, list[tuple]]:
    """Every row of every framework table, in key order: what a load wrote."""
    return {table: session.db.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()
            for table in ("plan_objectives", "plan_outputs", "plan_activities", "plan_indicators", "plan_targets")}


def problems_of(report) -> list[tuple]:
    return [(found.sheet, found.row, found.rule, found.message) for found in report.problems]


@pytest.fixture
def example_workbook(clerk, tmp_path: Path) -> Path:
    return write_plan_workbook(tmp_path / "plan.xlsx", example_framework(), clerk.catalogue, EXAMPLE_BANNER)


# -- the workbook --------------------------------------------------------------------------------------


def test_the_template_of_a_loaded_framework_loads_back_unchanged(clerk, example_workbook: Path, tmp_path: Path):
    first = load_plan(clerk, example_workbook)
    assert first.ok and first.saved.counts["activities"] == {"new": 16, "changed": 0, "unchanged": 0, "removed": 0}
    stored = plan_tables(clerk)
    assert len(stored["plan_targets"]) == 3 * len(TARGETS)
    rows = write_plan_template(clerk, tmp_path / "again.xlsx")
    assert rows == 5 + 9 + 16 + len(INDICATORS) + 3 * len(TARGETS)
    again = load_plan(clerk, tmp_path / "again.xlsx")
    assert again.ok
    assert {table: counts["new"] + counts["changed"] + counts["removed"]
            for table, counts in again.saved.counts.items()} == {table: 0 for table in again.saved.counts}
    assert plan_tables(clerk) == stored
    assert stored_framework(clerk).items == [dataclasses.replace(item, row=None) for item in example_framework().items]


def test_an_empty_template_has_every_sheet_and_its_columns(clerk, tmp_path: Path):
    assert write_plan_template(clerk, tmp_path / "empty.xlsx") == 0
    workbook = load_workbook(tmp_path / "empty.xlsx")
    assert workbook.sheetnames == [*PLAN_SHEETS, "guide"]
    assert [cell.value for cell in workbook["activities"][1]] == [
        "code", "output", "title", "title_ur", "department", "partner", "start", "due"]


def test_a_load_with_problems_lists_each_with_its_sheet_and_row_and_writes_nothing(clerk, example_workbook: Path):
    workbook = load_workbook(example_workbook)
    workbook["outputs"]["B4"] = "O9"  # OP2.1 under an objective that is not there
    workbook["activities"]["E3"] = "polic"  # A1.1.2's department, mistyped
    workbook["indicators"]["A2"] = "POL-99"
    workbook["targets"]["C2"] = "lots"
    workbook.save(example_workbook)
    before = table_counts(clerk)
    report = load_plan(clerk, example_workbook)
    assert problems_of(report) == [
        ("outputs", 4, "PL_UNKNOWN_PARENT", "The objective 'O9' is not on the objectives sheet. Use a code from that sheet."),
        ("activities", 3, "PL_UNKNOWN_DEPARTMENT", "The department 'polic' is not an institution of the catalogue. "
         "Use one of: police, levies, prosecution, courts, prisons, probation, home."),
        ("indicators", 2, "IV_UNKNOWN_INDICATOR",
         "Indicator 'POL-99' is not in the catalogue. Use a code such as POL-01, as in the template."),
        ("targets", 2, "IV_NOT_A_NUMBER", "The target 'lots' is not a number. Type digits only, e.g. 12 or 12.5."),
    ]
    assert not report.ok and not report.as_dict()["written"]
    assert report.as_dict()["problems"][0] == {"sheet": "outputs", "row": 4, "rule": "PL_UNKNOWN_PARENT",
                                               "severity": "error", "field": "objective",
                                               "message": problems_of(report)[0][3]}
    assert table_counts(clerk) == before


def test_a_dry_run_says_what_would_change_and_writes_nothing(clerk, example_workbook: Path):
    before = table_counts(clerk)
    report = load_plan(clerk, example_workbook, dry_run=True)
    assert report.ok and report.as_dict()["written"] is False
    assert report.saved.counts["objectives"] == {"new": 5, "changed": 0, "unchanged": 0, "removed": 0}
    assert table_counts(clerk) == before and framework_info(clerk) is None


def test_a_new_framework_changes_only_what_differs_and_keeps_the_history_of_a_dropped_activity(clerk):
    save_framework(clerk, example_framework())
    record_progress(clerk, "A5.1.2", "on_track", 30, YESTERDAY, "First review held")
    framework = example_framework()
    framework.items = [item for item in framework.items if item.code != "A5.1.2"]
    title = next(item for item in framework.items if item.code == "A1.1.1")
    title.title = "Open PKM counters in every smart police station"
    entries = audit.audit_count(clerk.db)
    report = save_framework(clerk, framework)
    assert report.counts["activities"] == {"new": 0, "changed": 1, "unchanged": 14, "removed": 1}
    assert [(note.rule, note.severity, note.message) for note in report.notes] == [
        ("PL_PROGRESS_KEPT", "note", "Activity A5.1.2 is not in the new framework; its 1 progress report(s) stay in the history.")]
    # The audit log holds the framework row (who loaded it, when), the changed activity and the removed one.
    changes = clerk.db.execute("SELECT table_name, action, row_key FROM audit_log WHERE id > ? ORDER BY id",
                               [entries]).fetchall()
    assert changes == [("plan_framework", "update", "1"), ("plan_activities", "update", "A1.1.1"),
                       ("plan_activities", "delete", "A5.1.2")]
    assert [entry["activity"] for entry in progress_history(clerk)] == ["A5.1.2"]


def test_the_file_must_be_a_workbook_with_every_sheet(clerk, example_workbook: Path, tmp_path: Path):
    csv_file = tmp_path / "plan.csv"
    csv_file.write_text("code,title\n", encoding="utf-8")
    assert problems_of(load_plan(clerk, csv_file)) == [
        ("", 1, "PL_WORKBOOK_NEEDED", "The results framework has several sheets; plan.csv holds one. Save it as an "
         "Excel workbook (.xlsx) or .ods, starting from `plan template`.")]
    workbook = load_workbook(example_workbook)
    del workbook["targets"]
    workbook["activities"]["E1"] = "dept"
    workbook.save(example_workbook)
    assert problems_of(load_plan(clerk, example_workbook)) == [
        ("targets", None, "PL_SHEET_MISSING", "The workbook has no sheet called targets. It needs the sheets plan, "
         "objectives, outputs, activities, indicators, targets; start from `plan template`.")]
    workbook.create_sheet("targets").append(["indicator", "year", "target"])
    workbook.save(example_workbook)
    assert problems_of(load_plan(clerk, example_workbook)) == [
        ("activities", 1, "LD_COLUMNS", "The header row must name the columns code, output, title, title_ur, "
         "department, partner, start, due; missing: department. Start from `template`.")]


def test_text_from_the_framework_is_never_a_formula_in_the_template(clerk, tmp_path: Path):
    framework = example_framework()
    framework.items[0].partner = '=HYPERLINK("http://example.invalid","x")'
    save_framework(clerk, framework)
    write_plan_template(clerk, tmp_path / "t.xlsx")
    cell = load_workbook(tmp_path / "t.xlsx")["objectives"]["E2"]
    assert (cell.value, cell.data_type, cell.quotePrefix) == (framework.items[0].partner, "s", True)


def test_the_framework_is_the_centre_clerks(supervisor, clerk, centre_db: Path):
    with pytest.raises(PermissionDenied):
        save_framework(supervisor, example_framework())
    admin = sign_in(centre_db, "admin")
    try:
        with pytest.raises(PermissionDenied) as refused:
            record_progress(admin, "A1.1.1", "on_track", 10, YESTERDAY)
        assert "may not record the progress of Action Plan activities" in str(refused.value)
    finally:
        admin.close()


# -- activity progress ---------------------------------------------------------------------------------


def test_progress_is_appended_audited_and_never_overwritten(clerk):
    save_framework(clerk, example_framework())
    first = record_progress(clerk, "a1.2.1", "On track", "40", "2026-01-31", "Desks open at 10 stations")
    second = record_progress(clerk, "A1.2.1", "delayed", 45.5, dt.date(2026, 3, 31))
    assert [(e["id"], e["activity"], e["status"], e["percent"], e["as_of"], e["evidence"], e["entered_by"])
            for e in progress_history(clerk, "A1.2.1")] == [
        (first["id"], "A1.2.1", "on_track", 40, "2026-01-31", "Desks open at 10 stations", "clara"),
        (second["id"], "A1.2.1", "delayed", 45.5, "2026-03-31", None, "clara")]
    logged = clerk.db.execute("SELECT actor, action, row_key FROM audit_log WHERE table_name = 'plan_progress'").fetchall()
    assert logged == [("clara", "insert", str(first["id"])), ("clara", "insert", str(second["id"]))]
    assert audit.verify(clerk.db).ok
    for statement in ("UPDATE plan_progress SET percent = 99", "DELETE FROM plan_progress"):
        with pytest.raises(Exception, match="append-only"), clerk.write() as db:
            db.execute(statement)
    assert len(progress_history(clerk)) == 2
    tree = framework_tree(clerk, on=dt.date(2027, 1, 10))
    activity = tree["objectives"][0]["outputs"][1]["activities"][0]
    assert (activity["code"], activity["status"], activity["percent"], activity["days_late"]) == (
        "A1.2.1", "delayed", 45.5, 10)


def test_a_refused_report_of_progress_writes_nothing(clerk):
    save_framework(clerk, example_framework())
    before = table_counts(clerk)
    with pytest.raises(ValidationFailed) as refused:
        record_progress(clerk, "A1.2.1", "finished", 140, "2026-13-01")
    assert [found.rule for found in refused.value.issues] == ["DC_UNKNOWN_CHOICE", "PL_PERCENT", "DC_BAD_DATE"]
    assert table_counts(clerk) == before


def test_changes_since_a_meeting_name_each_activity_that_moved(clerk):
    save_framework(clerk, example_framework())
    record_progress(clerk, "A1.1.1", "on_track", 40, "2026-03-01")
    record_progress(clerk, "A1.1.2", "delayed", 20, "2026-03-01")
    record_progress(clerk, "A1.1.1", "done", 100, "2026-08-01", "All counters open")
    record_progress(clerk, "A1.1.2", "delayed", 20, "2026-08-01")  # reported again, unchanged
    record_progress(clerk, "A2.1.1", "on_track", 10, "2026-08-02")
    assert progress_changes(clerk, "2026-06-12") == [
        {"activity": "A1.1.1", "before": {"status": "on_track", "percent": 40, "as_of": "2026-03-01"},
         "now": {"status": "done", "percent": 100, "as_of": "2026-08-01"}},
        {"activity": "A2.1.1", "before": None, "now": {"status": "on_track", "percent": 10, "as_of": "2026-08-02"}},
    ]


# -- headline indicators and provincial targets -----------------------------------------------------------


def test_headline_indicators_come_from_the_framework_else_the_fallback(centre_figures):
    clerk = centre_figures
    report = progress_report(clerk, year=2024, on=dt.date(2024, 4, 15))
    assert set(report.table("Headline indicators").frame["indicator"]) <= set(FALLBACK_HEADLINE_INDICATORS)
    assert headline_indicators(clerk) == []
    save_framework(clerk, example_framework())
    marked = [code for code, _, headline, *_ in INDICATORS if headline == "yes"]
    assert headline_indicators(clerk) == marked
    headline = progress_report(clerk, year=2024, on=dt.date(2024, 4, 15)).table("Headline indicators").frame
    assert list(dict.fromkeys(headline["indicator"])) == [code for code in marked if code in ("PRO-04", "CRT-03")]
    assert "CRT-02" not in set(headline["indicator"])  # stored, but no longer a headline indicator


def test_the_province_rows_are_judged_against_the_provincial_targets(centre_figures):
    clerk = centre_figures
    framework = example_framework()
    framework.targets = [dataclasses.replace(target, target=50) if (target.indicator, target.year) == ("PRO-04", 2024)
                         else target for target in framework.targets]
    save_framework(clerk, framework)
    assert provincial_targets(clerk, 2024)["PRO-04"] == 50
    report = progress_report(clerk, year=2024, on=dt.date(2024, 4, 15))
    headline = report.table("Headline indicators").frame
    province = headline[(headline["indicator"] == "PRO-04") & (headline["district"] == ALL_DISTRICTS)].iloc[0]
    # Quetta 1+9+30 of 10+10+100 and Pishin 20 of 40: 60 / 160 = 37.5 %, against 50 (a percent: not pro-rated).
    assert (province["figure"], province["target"], province["expected"], province["status"]) == (37.5, 50, 50, OFF_TRACK)
    # CRT-03, pending cases (a stock, lower is better): Quetta's 400 in March against the provincial 52,000.
    pending = headline[(headline["indicator"] == "CRT-03") & (headline["district"] == ALL_DISTRICTS)].iloc[0]
    assert (pending["figure"], pending["target"], pending["status"]) == (400, TARGETS["CRT-03"][0], ON_TRACK)
    assert any("provincial target for 2024" in note for note in report.notes)


# -- the example and the command line ----------------------------------------------------------------------


def test_the_shipped_example_workbook_is_the_example_framework_and_loads(clerk):
    # docs/examples/make_action_plan_example.py writes it from storage/tools/plan_example.py: regenerate it there.
    framework = read_plan_workbook(EXAMPLE_XLSX)
    assert framework.name.startswith("EXAMPLE") and framework.example == "yes"
    expected = example_framework()
    assert [(i.level, i.code, i.parent, i.title, i.title_ur, i.department, i.start, i.due, i.row)
            for i in framework.items] == [(i.level, i.code, i.parent, i.title, i.title_ur, i.department, i.start,
                                           i.due, i.row) for i in expected.items]
    guide = [row[0] for row in load_workbook(EXAMPLE_XLSX)["guide"].iter_rows(min_row=2, values_only=True)]
    assert guide[0] == "EXAMPLE - replace with the approved Action Plan."
    report = load_plan(clerk, EXAMPLE_XLSX)
    assert report.ok and framework_info(clerk)["example"] == 1


def test_the_plan_commands(centre_db: Path, tmp_path: Path, monkeypatch, capsys):
    monkeypatch.setenv("MIZAN_PASSWORD", CLERK_PASSWORD)
    clara = ["--db", str(centre_db), "--user", "clara"]
    assert main([*clara, "plan", "load", str(EXAMPLE_XLSX), "--dry-run", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["written"] is False
    assert main([*clara, "plan", "load", str(EXAMPLE_XLSX)]) == 0
    assert capsys.readouterr().out.startswith(f"Loaded {EXAMPLE_XLSX}: objectives 5 new, 0 changed, 0 removed;")
    assert main([*clara, "plan", "progress", "--activity", "A1.2.1", "--status", "done", "--percent", "90",
                 "--date", YESTERDAY]) == 3
    assert capsys.readouterr().err.splitlines()[1:] == [
        "  PL_DONE_PERCENT: An activity that is done is 100% done, not 90%. Give 100, or choose another status.",
        "  PL_EVIDENCE_REQUIRED: An activity marked done needs evidence: say what shows it (a notification, a "
        "report, a visit)."]
    assert main([*clara, "plan", "progress", "--activity", "A1.2.1", "--status", "delayed", "--percent", "60",
                 "--date", YESTERDAY, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["status"] == "delayed"
    assert main([*clara, "plan", "history", "--activity", "A1.2.1", "--json"]) == 0
    assert [entry["percent"] for entry in json.loads(capsys.readouterr().out)] == [60]
    assert main([*clara, "plan", "show"]) == 0
    shown = capsys.readouterr().out
    assert "EXAMPLE framework: replace it with the approved Action Plan" in shown
    assert "A1.2.1   delayed 60% as of" in shown
    assert main([*clara, "plan", "changes", "--since", "2024-01-01", "--json"]) == 0
    assert [change["activity"] for change in json.loads(capsys.readouterr().out)] == ["A1.2.1"]
    assert main([*clara, "plan", "template", "--out", str(tmp_path / "plan.xlsx")]) == 0
    monkeypatch.setenv("MIZAN_PASSWORD", "admin-pass-1")
    assert main(["--db", str(centre_db), "--user", "admin", "plan", "load", str(EXAMPLE_XLSX)]) == 4


def test_a_refused_load_on_the_command_line_names_each_sheet_and_row(centre_db: Path, tmp_path: Path, monkeypatch,
                                                                    capsys):
    workbook = load_workbook(EXAMPLE_XLSX)
    workbook["activities"]["H2"] = "2024-02-30"
    workbook.save(tmp_path / "plan.xlsx")
    monkeypatch.setenv("MIZAN_PASSWORD", CLERK_PASSWORD)
    assert main(["--db", str(centre_db), "--user", "clara", "plan", "load", str(tmp_path / "plan.xlsx")]) == 3
    assert capsys.readouterr().err.splitlines() == [
        f"{tmp_path / 'plan.xlsx'}: 1 problem(s); nothing was written.",
        "  sheet activities row 2: DC_BAD_DATE: The due date '2024-02-30' is not a date. Write it as YYYY-MM-DD, "
        "e.g. 2026-10-31."]


def test_validate_checks_the_framework_in_use_against_the_catalogue(clerk):
    from storage.tools.revalidate import revalidate

    save_framework(clerk, example_framework())
    assert revalidate(clerk) == []
    # A framework stored before the catalogue retired LEV-01 (Levies, to 2025-12-31) with a target for 2026.
    with clerk.write() as db:
        db.execute("INSERT INTO plan_indicators (indicator, output, position, headline) VALUES ('LEV-01', 'OP1.1', 99, 0)")
        db.execute("INSERT INTO plan_targets (indicator, year, target) VALUES ('LEV-01', 2026, 10)")
    assert [(found["record"], found["rule"]) for found in revalidate(clerk)] == [
        ("results framework, sheet targets", "IV_INDICATOR_NOT_VALID")]
