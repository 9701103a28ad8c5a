"""The indicator entry grids and the dashboard, with Qt offscreen and real encrypted databases."""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QModelIndex, Qt

from gui.screens.dashboard import DashboardScreen
from gui.screens.indicator_entry import IndicatorEntryScreen
from gui.screens.indicator_entry.model import (
    COMPUTED,
    ERROR_STATE,
    PENDING,
    SAVED,
    WARNING_STATE,
    HistoryRole,
    IndicatorGridModel,
)
from storage.records.completion import is_complete
from storage.records.values import list_indicator_values, save_indicator_values
from storage.reference.catalogue import TOTAL_CELL
from storage.reference.due import last_complete_period
from storage.reference.periods import shift
from storage.validation import ValueInput
from storage.views.completeness import completeness
from storage.views.entry_sheet import SheetIndicator, entry_sheet, grid_layout
from tests.conftest import table_counts
from tests.gui_fixtures import no_task_outlives_its_test  # noqa: F401  (an autouse fixture)

EDITABLE = Qt.ItemFlag.ItemIsEditable


def _last_month() -> str:
    return last_complete_period("monthly", dt.date.today())


def _model(session, institution: str, code: str, period: str | None = None) -> IndicatorGridModel:
    sheet = entry_sheet(session, "QUETTA", institution, period or _last_month())
    item = next(item for item in sheet.indicators if item.indicator.code == code)
    return IndicatorGridModel(session, "QUETTA", item)


def _stored(session, code: str, period: str) -> dict[str, dict]:
    return {row["cell"]: row for row in list_indicator_values(session, period=period) if row["indicator"] == code}


def test_grid_model_lays_out_sex_rows_and_age_columns(qtbot, supervisor):
    model = _model(supervisor, "police", "POL-03")
    assert (model.rowCount(), model.columnCount()) == (4, 3)
    vertical = [model.headerData(r, Qt.Orientation.Vertical) for r in range(4)]
    assert vertical == ["Female", "Male", "Transgender", "Total"]
    # A long heading takes two lines (before its bracket), so the widest grids fit the office screen.
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(3)] == ["Under 18", "Adult\n(18 and over)",
                                                                                   "Total"]
    assert model.cell_key(0, 0) == "age=under18;sex=female"
    assert model.cell_key(1, 1) == "age=adult;sex=male"
    # The total where the Total row meets the Total column; the rest of both is blank.
    assert model.cell_key(3, 2) == "total" and model.cell_key(3, 0) is None and model.cell_key(3, 1) is None
    assert [model.cell_key(r, 2) for r in range(3)] == [None, None, None]
    assert model.flags(model.index(3, 0)) == Qt.ItemFlag.NoItemFlags
    keys = {model.cell_key(r, c) for r in range(4) for c in range(3)} - {None}
    assert keys == set(supervisor.catalogue.cells("POL-03"))
    assert model.index(2, 1).data(Qt.ItemDataRole.UserRole + 1) == "age=adult;sex=transgender"


def test_percent_grid_has_numerator_denominator_and_computed_columns(qtbot, supervisor):
    model = _model(supervisor, "police", "POL-05")
    assert model.columnCount() == 9  # under 18, adult and total: numerator, denominator, %
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Under 18\nNumerator"
    assert model.headerData(2, Qt.Orientation.Horizontal) == "Under 18\n%"
    assert model.headerData(8, Qt.Orientation.Horizontal) == "Total\n%"
    assert model.index_of("total", COMPUTED).column() == 8  # the total's grey % under Total
    assert model.part(2) == COMPUTED and not model.flags(model.index(0, 2)) & EDITABLE
    # Tab skips the computed column; Enter goes down the column, then on to the next column.
    assert (model.next_editable(model.index(0, 1)).row(), model.next_editable(model.index(0, 1)).column()) == (0, 3)
    down = model.next_editable(model.index(3, 0), "down")
    assert (down.row(), down.column()) == (0, 1)


def test_pro03_total_and_its_grey_figures_are_under_the_total_heading(qtbot, supervisor):
    """Issue 13: PRO-03's total, and the grey figures of earlier periods under it, sat under "Under 18"."""
    period = _last_month()
    for back, figure in zip((3, 2, 1), (40, 42, 41), strict=True):
        save_indicator_values(supervisor, [ValueInput("PRO-03", "QUETTA", shift(period, -back), value=figure)])
    model = _model(supervisor, "prosecution", "PRO-03", period)
    total = model.index_of(TOTAL_CELL)
    assert total.row() == model.total_row
    assert model.headerData(total.column(), Qt.Orientation.Horizontal) == "Total"
    assert model.headerData(total.row(), Qt.Orientation.Vertical) == "Total"
    assert total.data(HistoryRole) == ["40", "42", "41"]  # the grey figures go with it
    under_18 = [c for c in range(model.columnCount()) if model.headerData(c, Qt.Orientation.Horizontal) == "Under 18"]
    assert under_18 and all(model.index(model.total_row, c).data(HistoryRole) is None for c in under_18)
    assert model.setData(total, "43")  # typed there, it is saved as the total
    assert _stored(supervisor, "PRO-03", period)[TOTAL_CELL]["value"] == 43


def test_every_indicator_total_and_its_computed_figure_sit_under_the_total_heading(qtbot, supervisor):
    """Over the whole catalogue: each cell once in its grid, the grid cells under their own headings, and
    the total (each part of it, the grey computed figure included) under the Total heading."""
    catalogue = supervisor.catalogue
    period = _last_month()
    for code, indicator in catalogue.indicators.items():
        layout = grid_layout(catalogue, indicator)
        item = SheetIndicator(indicator, period, layout, {}, (), {})
        model = IndicatorGridModel(supervisor, "QUETTA", item)
        placed = [model.cell_key(r, c) for r in range(model.rowCount()) for c in range(model.columnCount())
                  if model.part(c) == model.parts[0] and model.cell_key(r, c) is not None]
        assert sorted(placed) == sorted(catalogue.cells(code)), code  # every cell, each once
        for part in model.parts:
            total = model.index_of(TOTAL_CELL, part)
            header = model.headerData(total.column(), Qt.Orientation.Horizontal).split("\n")
            assert model.headerData(total.row(), Qt.Orientation.Vertical) == "Total", code
            if layout.column_categories:
                assert header[0] == "Total", (code, part, header)
            else:  # one column: the total row's only figure
                assert total.column() == model.parts.index(part), (code, part)
        total_columns = [c for c in range(model.columnCount()) if model.cell_key(model.total_row, c) == TOTAL_CELL]
        assert len(total_columns) == len(model.parts), code  # the total once, its parts side by side
        for row in range(model.total_row):
            for column in range(model.columnCount()):
                cell = model.cell_key(row, column)
                if cell is None:
                    continue
                header = model.headerData(column, Qt.Orientation.Horizontal).replace("\n", " ")
                heading = layout.columns[column // len(model.parts)]
                assert header.startswith(" ".join(heading.names)), (code, header, heading.names)
                assert cell == layout.cell(row, column // len(model.parts))


def test_a_typed_value_is_saved(qtbot, supervisor):
    period = _last_month()
    model = _model(supervisor, "police", "POL-03", period)
    assert model.setData(model.index(1, 1), "7")
    assert _stored(supervisor, "POL-03", period)["age=adult;sex=male"]["value"] == 7
    assert model.states["age=adult;sex=male"].state == SAVED
    assert model.index(1, 1).data() == "7"
    assert not model.setData(model.index(1, 1), "7")  # leaving an unchanged cell saves nothing


def test_percent_cell_saves_when_both_halves_are_typed(qtbot, supervisor):
    period = _last_month()
    model = _model(supervisor, "prosecution", "PRO-02", period)
    assert model.columnCount() == 3 and model.rowCount() == 1
    model.setData(model.index(0, 0), "3")
    assert model.states["total"].state == PENDING and _stored(supervisor, "PRO-02", period) == {}
    model.setData(model.index(0, 1), "12")
    stored = _stored(supervisor, "PRO-02", period)["total"]
    assert (stored["numerator"], stored["denominator"], stored["value"]) == (3, 12, 25.0)
    assert model.index(0, 2).data() == "25%"  # the value storage computed


def test_an_outlier_asks_for_a_comment_and_saves_with_it(qtbot, supervisor):
    period = _last_month()
    for back, figure in zip((4, 3, 2, 1), (10, 11, 10, 12), strict=True):
        save_indicator_values(supervisor, [ValueInput("PRO-01", "QUETTA", shift(period, -back), value=figure)])
    model = _model(supervisor, "prosecution", "PRO-01", period)
    assert model.index(0, 0).data(Qt.ItemDataRole.UserRole + 4) == ["11", "10", "12"]  # the last three periods
    asked = []
    model.commentNeeded.connect(lambda cell, message: asked.append((cell, message)))
    model.setData(model.index(0, 0), "500")
    assert model.states["total"].state == WARNING_STATE
    assert asked and asked[0][0] == "total" and "PRO-01 500 is unusual for QUETTA" in asked[0][1]
    assert "total" not in _stored(supervisor, "PRO-01", period)
    assert not model.supply_comment("total", "  ")  # an empty comment does not do
    assert model.supply_comment("total", "A backlog of challans was cleared")
    stored = _stored(supervisor, "PRO-01", period)["total"]
    assert (stored["value"], stored["comment"]) == (500, "A backlog of challans was cleared")
    assert model.states["total"].state == SAVED


def _warned_panel(qtbot, supervisor, period: str):
    """The PRO-01 panel after 500 was typed against a history of 10, 11, 10, 12: warned, asking a comment."""
    for back, figure in zip((4, 3, 2, 1), (10, 11, 10, 12), strict=True):
        save_indicator_values(supervisor, [ValueInput("PRO-01", "QUETTA", shift(period, -back), value=figure)])
    screen = IndicatorEntryScreen(supervisor)
    qtbot.addWidget(screen)
    screen.choose("prosecution", period)
    panel = screen.panels["PRO-01"]
    panel.model.setData(panel.model.index(0, 0), "500")
    assert not panel.comment_row.isHidden() and "unusual" in panel.message.text()
    assert "total" not in _stored(supervisor, "PRO-01", period)
    return panel


def test_warning_through_the_panel_comment_field(qtbot, supervisor):
    period = _last_month()
    panel = _warned_panel(qtbot, supervisor, period)
    panel.comment.setText("New court opened")
    panel.save_comment.click()
    assert panel.comment_row.isHidden()
    assert _stored(supervisor, "PRO-01", period)["total"]["comment"] == "New court opened"


def test_a_warned_figure_saved_to_check_later_is_listed_on_the_dashboard_until_commented(qtbot, supervisor):
    from storage.views.dashboard import next_steps

    period = _last_month()
    panel = _warned_panel(qtbot, supervisor, period)
    panel.check_later_button.click()
    assert panel.comment_row.isHidden()
    stored = _stored(supervisor, "PRO-01", period)["total"]
    assert (stored["value"], stored["comment"]) == (500, None)
    assert [(step.kind, step.params["count"]) for step in next_steps(supervisor) if step.kind == "check_later"] == [
        ("check_later", 1)]
    assert panel.model.supply_comment("total", "A backlog of challans was cleared")
    assert [step for step in next_steps(supervisor) if step.kind == "check_later"] == []


def test_the_count_of_cells_entered_follows_each_save(qtbot, supervisor):
    period = _last_month()
    screen = IndicatorEntryScreen(supervisor)
    qtbot.addWidget(screen)
    screen.choose("prosecution", period)
    before = screen.status.text()
    match = re.match(r"(\d+) of (\d+) cells entered", before)
    assert match, before
    entered, expected = int(match.group(1)), int(match.group(2))
    panel = screen.panels["PRO-01"]
    panel.model.setData(panel.model.index(0, 0), "7")
    assert screen.status.text().startswith(f"{entered + 1} of {expected} cells entered")
    panel.model.setData(panel.model.index(0, 0), "")
    assert screen.status.text().startswith(f"{entered} of {expected} cells entered")


def test_an_error_shows_the_rules_message_and_writes_nothing(qtbot, supervisor):
    period = _last_month()
    screen = IndicatorEntryScreen(supervisor)
    qtbot.addWidget(screen)
    screen.choose("police", period)
    panel = screen.panels["POL-03"]
    before = table_counts(supervisor)
    panel.model.setData(panel.model.index(0, 0), "abc")
    expected = "The value 'abc' is not a number. Type digits only, e.g. 12 or 12.5."
    state = panel.model.states["age=under18;sex=female"]
    assert (state.state, state.message) == (ERROR_STATE, expected)
    assert panel.model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole).splitlines()[1] == expected
    assert panel.message.text() == f"Female / Under 18: {expected}" and not panel.message.isHidden()
    assert table_counts(supervisor) == before


def test_correcting_cells_and_total_goes_through_together(qtbot, supervisor):
    period = _last_month()
    model = _model(supervisor, "police", "POL-02", period)  # rows: sex; total below
    for row, figure in ((3, "10"), (0, "4"), (1, "6"), (2, "0")):
        model.setData(model.index(row, 0), figure)
    assert all(state.state == SAVED for state in model.states.values())
    model.setData(model.index(1, 0), "7")  # the cells now add up to 11, the total says 10
    assert model.states["sex=male"].state == ERROR_STATE
    assert "add up to 11, but the total is 10" in model.states["sex=male"].message
    model.setData(model.index(3, 0), "11")  # the total is corrected: the refused cell goes with it
    stored = _stored(supervisor, "POL-02", period)
    assert (stored["total"]["value"], stored["sex=male"]["value"]) == (11, 7)
    assert model.message() == ""


def test_enter_moves_down_to_the_next_editable_cell(qtbot, supervisor):
    screen = IndicatorEntryScreen(supervisor)
    qtbot.addWidget(screen)
    screen.choose("police", _last_month())
    view = screen.panels["POL-03"].view
    view.setCurrentIndex(view.model().index(0, 0))
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert (view.currentIndex().row(), view.currentIndex().column()) == (1, 0)


def test_operator_on_a_locked_data_set_cannot_edit_and_supervisor_marks_and_reopens(qtbot, supervisor, operator):
    period = _last_month()
    screen = IndicatorEntryScreen(supervisor)
    qtbot.addWidget(screen)
    screen.choose("prisons", period)
    assert screen.mark_button.isVisible() or not screen.mark_button.isHidden()
    screen.mark_button.click()
    assert is_complete(supervisor, "QUETTA", "prisons", period)
    assert screen.reopen_button.isEnabled() and not screen.mark_button.isEnabled()
    assert screen.models["PRS-01"].flags(screen.models["PRS-01"].index(0, 0)) & EDITABLE  # supervisors still can

    as_operator = IndicatorEntryScreen(operator)
    qtbot.addWidget(as_operator)
    as_operator.choose("prisons", period)
    assert as_operator.mark_button.isHidden() and as_operator.reopen_button.isHidden()
    model = as_operator.models["PRS-01"]
    assert all(not model.flags(model.index(r, c)) & EDITABLE
               for r in range(model.rowCount()) for c in range(model.columnCount()))
    assert not model.setData(model.index(0, 0), "5")
    assert "locked" in as_operator.status.text()

    screen.reopen_button.click()
    assert not is_complete(supervisor, "QUETTA", "prisons", period)
    as_operator.load()
    model = as_operator.models["PRS-01"]
    assert model.flags(model.index(0, 0)) & EDITABLE


def test_prison_grid_combines_age_and_detention_into_columns(qtbot, supervisor):
    screen = IndicatorEntryScreen(supervisor)
    qtbot.addWidget(screen)
    screen.choose("prisons", _last_month())
    model = screen.models["PRS-01"]
    assert (model.rowCount(), model.columnCount()) == (4, 5)
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Under 18\nConvicted"
    assert model.headerData(4, Qt.Orientation.Horizontal) == "Total"
    assert model.cell_key(0, 1) == "age=under18;detention=convicted;sex=female"


def test_dashboard_completeness_matches_storage(qtbot, supervisor):
    last = _last_month()
    save_indicator_values(supervisor, [ValueInput("PRO-01", "QUETTA", last, value=5),
                                       ValueInput("PRS-06", "QUETTA", last, value=0)])
    screen = DashboardScreen(supervisor)
    qtbot.addWidget(screen)
    assert screen.loading and screen.status.text() == "Reading the figures…"  # read off the GUI thread
    qtbot.waitUntil(lambda: not screen.loading, timeout=10000)
    assert screen.status.isHidden()
    assert screen.periods()[1] == last
    for period in screen.periods():
        for row in completeness(supervisor, "QUETTA", period):
            bar = screen.bars[(period, row.institution)]
            assert (bar.value(), bar.maximum(), bar.isTextVisible()) == (row.entered, row.expected, False)
            count = screen.bar_counts[(period, row.institution)].text()
            assert count == f"{row.entered} of {row.expected} cells"
    assert screen.bars[(last, "prosecution")].value() == 1
    assert any("Prisons:" in label.text() for label in screen.step_labels)
    assert set(screen.desk_counts) == set(screen.periods())


def test_screen_titles(qtbot, operator):
    entry, dashboard = IndicatorEntryScreen(operator), DashboardScreen(operator)
    qtbot.addWidget(entry)
    qtbot.addWidget(dashboard)
    assert (entry.title(), dashboard.title()) == ("Indicator entry", "Dashboard")
    assert entry.period.currentData() == _last_month()
    assert not QModelIndex().isValid()
