"""storage.views.entry_sheet on real encrypted databases: sheets, layouts, history, periods, completeness."""

from __future__ import annotations

import datetime as dt

import pytest

from storage.errors import UsageError
from storage.records.completion import is_complete
from storage.records.values import save_indicator_values
from storage.reference.due import due_indicators, institution_periods, last_complete_period, periods_for, sheet_periods
from storage.reference.periods import parse_period, shift
from storage.sheets.values import template_indicators
from storage.validation import ValueInput
from storage.views.completeness import completeness
from storage.views.dashboard import next_steps
from storage.views.entry_sheet import LOCKED_NOTE, entry_sheet, grid_layout, mark_sheet_complete


def _last_month() -> str:
    return last_complete_period("monthly", dt.date.today())


def _save(session, indicator: str, period: str, cell: str = "total", **figures) -> None:
    save_indicator_values(session, [ValueInput(indicator, "QUETTA", period, cell, **figures)])


def test_count_with_sex_and_age_has_sex_rows_and_age_columns(supervisor):
    catalogue = supervisor.catalogue
    layout = grid_layout(catalogue, catalogue.indicators["POL-03"])
    assert layout.row_category == "sex" and layout.column_categories == ("age",)
    assert [row.label for row in layout.rows] == ["Female", "Male", "Transgender"]
    assert [column.label for column in layout.columns] == ["Under 18", "Adult (18 and over)"]
    assert layout.cell(0, 0) == "age=under18;sex=female"
    assert layout.cell(2, 1) == "age=adult;sex=transgender"
    assert sorted(layout.cells()) == sorted(catalogue.cells("POL-03")[1:])


def test_three_categories_combine_the_rest_into_columns(supervisor):
    catalogue = supervisor.catalogue
    layout = grid_layout(catalogue, catalogue.indicators["PRS-01"])
    assert layout.row_category == "sex" and layout.column_categories == ("age", "detention")
    assert [column.label for column in layout.columns] == [
        "Under 18 / Under trial", "Under 18 / Convicted", "Adult (18 and over) / Under trial",
        "Adult (18 and over) / Convicted"]
    assert layout.cell(1, 2) == "age=adult;detention=undertrial;sex=male"
    assert len(layout.cells()) == 12 and set(layout.cells()) == set(catalogue.cells("PRS-01")[1:])


def test_sheet_has_stored_figures_and_the_last_three_periods(supervisor):
    period = _last_month()
    earlier = [shift(period, -back) for back in (4, 3, 2, 1)]
    for number, month in enumerate(earlier, start=10):
        _save(supervisor, "PRO-01", month, value=number)
    _save(supervisor, "PRO-01", period, value=12)
    _save(supervisor, "PRO-02", period, numerator=3, denominator=12, comment="checked")
    _save(supervisor, "PRO-03", period, "age=adult;sex=male", value=7)
    sheet = entry_sheet(supervisor, "QUETTA", "prosecution", period)
    items = {item.indicator.code: item for item in sheet.indicators}
    assert list(items) == ["PRO-01", "PRO-02", "PRO-03", "PRO-04", "PRO-05", "PRO-06"]
    plain = items["PRO-01"]
    assert plain.layout.rows == () and plain.cells == ["total"]
    assert plain.values["total"].value == 12
    assert plain.history_periods == tuple(earlier[1:])  # oldest first
    assert [entry.value for entry in plain.history["total"]] == [11, 12, 13]
    percent = items["PRO-02"].values["total"]
    assert (percent.numerator, percent.denominator, percent.value, percent.comment) == (3, 12, 25.0, "checked")
    assert items["PRO-03"].values["age=adult;sex=male"].value == 7
    assert items["PRO-03"].history["age=adult;sex=male"] == (None, None, None)
    assert items["PRO-03"].entered == 1 and len(items["PRO-03"].cells) == 7
    assert not sheet.complete and sheet.data_sets == [period]


def test_percent_with_sex_and_age_keeps_numerator_and_denominator(supervisor):
    period = _last_month()
    _save(supervisor, "POL-05", period, "age=under18;sex=female", numerator=1, denominator=4)
    item = next(i for i in entry_sheet(supervisor, "QUETTA", "police", period).indicators if i.indicator.code == "POL-05")
    assert item.indicator.has_fraction
    assert item.layout.row_category == "sex" and item.layout.column_categories == ("age",)
    stored = item.values["age=under18;sex=female"]
    assert (stored.numerator, stored.denominator, stored.value) == (1, 4, 25.0)


def test_a_quarter_closing_month_carries_the_quarterly_indicators():
    from storage.reference.catalogue import load_catalogue

    catalogue = load_catalogue()
    assert sheet_periods("2026-09") == ["2026-09", "2026Q3"]
    assert sheet_periods("2026-12") == ["2026-12", "2026Q4", "2026"]
    september = [(i.code, p) for i, p in due_indicators(catalogue, "2026-09", "courts")]
    assert september == [("CRT-01", "2026-09"), ("CRT-02", "2026-09"), ("CRT-03", "2026-09"), ("CRT-04", "2026Q3"),
                         ("CRT-05", "2026Q3"), ("CRT-06", "2026Q3"), ("CRT-07", "2026Q3")]
    assert [i.code for i, _ in due_indicators(catalogue, "2026-08", "courts")] == ["CRT-01", "CRT-02", "CRT-03"]
    assert due_indicators(catalogue, "2026-10", "levies") == []  # Levies ended in 2025
    with pytest.raises(UsageError):
        due_indicators(catalogue, "2026-13")


def test_bulk_template_asks_the_same_function(supervisor):
    assert template_indicators(supervisor, "2026-12") == [
        (i.code, p) for i, p in due_indicators(supervisor.catalogue, "2026-12", installation="district")]


def test_periods_for_matches_the_frequency_and_excludes_the_future():
    on = dt.date(2026, 11, 24)
    assert periods_for("monthly", on, 3) == ["2026-11", "2026-10", "2026-09"]
    assert periods_for("quarterly", on, 3) == ["2026Q4", "2026Q3", "2026Q2"]
    assert periods_for("annual", on, 2) == ["2026", "2025"]
    assert periods_for("monthly", dt.date(2026, 1, 1), 2) == ["2026-01", "2025-12"]
    for frequency in ("monthly", "quarterly", "annual"):
        for code in periods_for(frequency, on, 30):
            parsed = parse_period(code)
            assert parsed is not None and parsed.frequency == frequency and parsed.start <= on
    assert last_complete_period("monthly", on) == "2026-10"
    with pytest.raises(UsageError):
        periods_for("weekly", on, 3)


def test_institution_periods_follow_the_sheets_frequency():
    from storage.reference.catalogue import load_catalogue

    catalogue = load_catalogue()
    on = dt.date(2026, 11, 24)
    assert institution_periods(catalogue, "prisons", on, 3) == ["2026-11", "2026-10", "2026-09"]
    assert institution_periods(catalogue, "home", on, 2) == ["2026", "2025"]


def test_completeness_counts_cells_by_hand(supervisor):
    period = "2026-08"  # not closing a quarter: prosecution has monthly indicators only anyway
    _save(supervisor, "PRO-01", period, value=5)
    _save(supervisor, "PRO-03", period, value=9)
    _save(supervisor, "PRO-03", period, "age=adult;sex=male", value=6)
    _save(supervisor, "PRO-03", period, "age=under18;sex=male", value=1)
    found = {row.institution: row for row in completeness(supervisor, "QUETTA", period)}
    prosecution = found["prosecution"]
    # PRO-01, 02, 04, 05, 06 have one cell each; PRO-03 (sex x age) has 1 + 3 x 2 = 7.
    assert (prosecution.entered, prosecution.expected) == (4, 12)
    assert (prosecution.indicators, prosecution.missing, prosecution.partial) == (6, 4, 1)
    assert "levies" not in found and "home" not in found  # nothing due from them in August 2026
    courts = found["courts"]
    assert (courts.entered, courts.expected, courts.missing) == (0, 3, 3)


def test_marking_a_sheet_complete_locks_month_and_quarter_for_operators(supervisor, operator):
    marked = mark_sheet_complete(supervisor, "QUETTA", "courts", "2026-09")
    assert marked == ["2026-09", "2026Q3"]
    assert is_complete(supervisor, "QUETTA", "courts", "2026Q3")
    sheet = entry_sheet(operator, "QUETTA", "courts", "2026-09")
    assert sheet.complete and all(item.read_only_reason == LOCKED_NOTE for item in sheet.indicators)
    assert all(item.read_only_reason is None for item in entry_sheet(supervisor, "QUETTA", "courts", "2026-09").indicators)
    mark_sheet_complete(supervisor, "QUETTA", "courts", "2026-09", complete=False)
    assert not entry_sheet(operator, "QUETTA", "courts", "2026-09").complete


def test_next_steps_name_the_gaps(supervisor):
    on = dt.date.today()
    last = last_complete_period("monthly", on)
    texts = [step.text for step in next_steps(supervisor, on)]
    assert any(text.startswith("Prisons: ") and text.endswith(f"indicators not entered for {last}") for text in texts)
    assert all("Levies" not in text for text in texts)


def test_percent_cells_with_no_denominator_left_are_not_expected(supervisor):
    period = "2026-08"
    for cell, numerator, denominator in (("total", 5, 10), ("sex=female", 1, 4), ("sex=male", 4, 6)):
        _save(supervisor, "PRS-02", period, cell, numerator=numerator, denominator=denominator)
    prisons = next(row for row in completeness(supervisor, "QUETTA", period) if row.institution == "prisons")
    # PRS-01 13 cells, PRS-02 4, PRS-03 1, PRS-04 1, PRS-05 4, PRS-06 1 = 24; the transgender cell of PRS-02
    # cannot be entered (its denominator is 10 - 4 - 6 = 0), so 23 are expected and PRS-02 is complete.
    assert (prisons.entered, prisons.expected, prisons.partial, prisons.missing) == (3, 23, 0, 5)
    _save(supervisor, "PRS-02", period, "sex=male", numerator=3, denominator=5)  # now 1 prisoner is unaccounted for
    prisons = next(row for row in completeness(supervisor, "QUETTA", period) if row.institution == "prisons")
    assert (prisons.entered, prisons.expected, prisons.partial) == (3, 24, 1)


def test_next_steps_count_unusual_values_of_the_last_two_months(supervisor):
    on = dt.date.today()
    last = last_complete_period("monthly", on)
    for back, figure in ((5, 20), (4, 21), (3, 19), (2, 20)):
        _save(supervisor, "PRO-01", shift(last, -back), value=figure)
    texts = [step.text for step in next_steps(supervisor, on)]
    assert not any("Unusual" in text for text in texts)
    # 90 against a median of 20 (MAD floored at 1): saved with a comment, it is still worth a second look.
    _save(supervisor, "PRO-01", last, value=90, comment="a mass arrest after the riot")
    texts = [step.text for step in next_steps(supervisor, on)]
    assert "Unusual figures (warnings) in the last two months: 1. Check them and their comments" in texts
