"""Bulk load of the files offices really make (issue 13): LibreOffice and Excel in their many forms.

The files in tests/fixtures/office were made by LibreOffice headless (make_fixtures.py there says how);
each holds the same three cells of October 2026 for Quetta, so every readable one loads to the same
stored figures, and every refused one writes nothing and says what to do.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from storage.records.values import list_indicator_values
from storage.sheets.values import load_values
from tests.conftest import table_counts

OFFICE = Path(__file__).parent / "fixtures" / "office"
PERIOD = "2026-10"
COMMENT = "دو عدالت"
EXPECTED = {("PRO-01", "total"): (5, COMMENT), ("POL-02", "sex=female"): (2, None), ("POL-02", "sex=male"): (3, None)}


def stored(session) -> dict:
    return {(row["indicator"], row["cell"]): (row["value"], row["comment"])
            for row in list_indicator_values(session, period=PERIOD, district="QUETTA")}


@pytest.mark.parametrize("name", ["semicolon.csv", "unicode-text.txt", "windows-1256.csv", "libreoffice.ods",
                                  "title-rows.xlsx", "title-rows.csv", "merged.xlsx", "merged.ods"])
def test_each_office_file_loads_the_same_figures(operator, tmp_path, name):
    path = shutil.copyfile(OFFICE / name, tmp_path / name)
    report = load_values(operator, path)
    assert report.problems == []
    assert (report.ok, report.saved.new, report.notes) == (True, 3, [])
    assert stored(operator) == EXPECTED


@pytest.mark.parametrize("name", ["dates.xlsx", "dates.csv"])
def test_a_period_that_became_a_date_is_read_as_its_month_and_said(operator, tmp_path, name):
    path = shutil.copyfile(OFFICE / name, tmp_path / name)
    report = load_values(operator, path)
    assert report.ok and report.saved.new == 3
    assert stored(operator) == EXPECTED
    shown = "2026-10-01 00:00:00" if name.endswith(".xlsx") else "Oct-26"
    assert [(note.row, note.rule, note.message) for note in report.notes] == [
        (row, "LD_PERIOD_FROM_DATE", f"The period '{shown}' was a date in the sheet; it was read as the month 2026-10.")
        for row in (2, 3, 4)]
    assert report.as_dict()["notes"][0]["severity"] == "note"


def test_a_date_that_is_not_a_first_of_the_month_stays_refused(operator, tmp_path):
    path = tmp_path / "day.csv"
    path.write_text("indicator,district,period,cell,value,numerator,denominator,comment\n"
                    "PRO-01,QUETTA,2026-10-15,total,5,,,\n", encoding="utf-8")
    before = table_counts(operator)
    report = load_values(operator, path)
    assert [(p.row, p.rule) for p in report.problems] == [(2, "IV_PERIOD_FORMAT")]
    assert report.notes == [] and table_counts(operator) == before


def test_an_old_excel_file_is_refused_with_the_steps_to_save_it_again(operator, tmp_path, capsys):
    path = shutil.copyfile(OFFICE / "old-excel.xls", tmp_path / "month.xls")
    before = table_counts(operator)
    report = load_values(operator, path)
    assert [(p.row, p.rule, p.message) for p in report.problems] == [
        (1, "LD_OLD_EXCEL", "The file month.xls is an old Excel 97-2003 workbook (.xls). In Excel choose "
                            "File > Save As > Excel Workbook (.xlsx), then load that file.")]
    assert table_counts(operator) == before
    # Under --json it is a refusal like every other: the problems list, never a bare error line.
    assert json.loads(json.dumps(report.as_dict()))["problems"][0]["rule"] == "LD_OLD_EXCEL"


def test_a_sheet_without_the_header_says_what_row_1_holds(operator, tmp_path):
    path = tmp_path / "notes.csv"
    path.write_text("Monthly return;Quetta\nFIRs;12\n", encoding="utf-8")
    before = table_counts(operator)
    report = load_values(operator, path)
    assert [(p.row, p.rule, p.message) for p in report.problems] == [
        (1, "LD_HEADER_NOT_FOUND", "No row among the first 10 names the columns indicator, district, period, cell, "
                                   "value, numerator, denominator, comment. Row 1 reads: Monthly return | Quetta. "
                                   "Start from `template`.")]
    assert table_counts(operator) == before


def test_a_header_below_a_title_keeps_the_spreadsheet_row_numbers(operator, tmp_path):
    path = tmp_path / "titled.csv"
    path.write_text("Quetta, October\n\nindicator;district;period;cell;value;numerator;denominator;comment\n"
                    "PRO-01;QUETTA;2026-10;total;abc;;;\n", encoding="utf-8")
    report = load_values(operator, path)
    assert [(p.row, p.rule) for p in report.problems] == [(4, "IV_NOT_A_NUMBER")]


def test_a_file_of_another_kind_is_refused_in_plain_words(operator, tmp_path):
    path = tmp_path / "month.pdf"
    path.write_bytes(b"%PDF-1.4")
    report = load_values(operator, path)
    assert [(p.rule, p.message) for p in report.problems] == [
        ("LD_FILE_KIND", "The file month.pdf is not a spreadsheet Mizan reads. Save it as .xlsx, .ods or .csv.")]


def test_the_template_keeps_periods_as_text_so_no_office_program_turns_them_into_dates(operator, tmp_path):
    from openpyxl import load_workbook

    from storage.sheets.values import write_template

    out = tmp_path / "template.xlsx"
    rows = write_template(operator, PERIOD, out)
    sheet = load_workbook(out)["values"]
    periods = [sheet.cell(row=row, column=3) for row in range(2, rows + 2)]
    assert {(cell.number_format, cell.data_type) for cell in periods} == {("@", "s")}
    assert periods[0].value == PERIOD
