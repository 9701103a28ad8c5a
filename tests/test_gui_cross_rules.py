"""The entry screen shows a conflict between two indicators' figures (rules.csv) next to both cells."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from gui.screens.indicator_entry import IndicatorEntryScreen
from gui.screens.indicator_entry.model import ERROR_STATE, NUMERATOR, SAVED, STORED, VALUE, WARNING_STATE
from storage.records.values import list_indicator_values, save_indicator_values
from storage.reference.due import last_complete_period
from storage.validation import ValueInput
from tests.conftest import table_counts
from tests.gui_fixtures import no_task_outlives_its_test  # noqa: F401  (an autouse fixture)

ARRESTS_MESSAGE = ("The arrestees behind POL-05 (produced before a magistrate) cannot be more than the persons "
                   "arrested (POL-03).")


def police_screen(qtbot, supervisor) -> tuple[IndicatorEntryScreen, str]:
    period = last_complete_period("monthly", dt.date.today())
    screen = IndicatorEntryScreen(supervisor)
    qtbot.addWidget(screen)
    screen.choose("police", period)
    return screen, period


def test_a_refused_figure_and_the_figure_it_conflicts_with_both_show_the_conflict(qtbot, supervisor):
    screen, period = police_screen(qtbot, supervisor)
    arrests, produced = screen.panels["POL-03"].model, screen.panels["POL-05"].model
    arrests.setData(arrests.index_of("total", VALUE), "40")
    assert arrests.states["total"].state == SAVED
    before = table_counts(supervisor)
    produced.setData(produced.index_of("total", NUMERATOR), "30")
    produced.setData(produced.index_of("total", "denominator"), "41")
    assert table_counts(supervisor) == before
    typed, other = produced.states["total"], arrests.states["total"]
    assert typed.state == ERROR_STATE and typed.message.startswith("This figure conflicts with POL-03[total]: ")
    assert other.state == ERROR_STATE and other.message.startswith(
        "This figure conflicts with POL-05.denominator[total]: ")
    for state in (typed, other):
        assert ARRESTS_MESSAGE in state.message and "POL-05.denominator[total] is 41, POL-03[total] is 40" in state.message
    # Next to both cells: the tooltip of each and the message line under each grid.
    assert other.message in arrests.index_of("total", VALUE).data(Qt.ItemDataRole.ToolTipRole)
    assert screen.panels["POL-03"].message.text() == f"{arrests.cell_label('total')}: {other.message}"
    assert typed.message in screen.panels["POL-05"].message.text()
    # The arrests corrected: the refused figure goes through with it, and neither cell shows a conflict.
    arrests.setData(arrests.index_of("total", VALUE), "41")
    stored = {row["indicator"]: row for row in list_indicator_values(supervisor, period=period)}
    assert (stored["POL-03"]["value"], stored["POL-05"]["denominator"]) == (41, 41)
    assert produced.states["total"].state == SAVED and arrests.states["total"].state == SAVED
    assert screen.panels["POL-03"].message.isHidden() and screen.panels["POL-05"].message.isHidden()


def test_stored_figures_that_disagree_show_on_both_cells_when_the_sheet_opens(qtbot, supervisor):
    period = last_complete_period("monthly", dt.date.today())
    save_indicator_values(supervisor, [
        ValueInput("PRS-01", "QUETTA", period, "total", value=500, comment="counted at midnight"),
        ValueInput("PRS-04", "QUETTA", period, "total", numerator=510, denominator=400,
                   comment="ten prisoners moved in on the last day")])
    screen = IndicatorEntryScreen(supervisor)
    qtbot.addWidget(screen)
    screen.choose("prisons", period)
    population, occupancy = screen.panels["PRS-01"].model, screen.panels["PRS-04"].model
    assert population.states["total"].state == WARNING_STATE
    assert occupancy.states["total"].state == WARNING_STATE
    assert population.states["total"].message.startswith("This figure conflicts with PRS-04.numerator[total]: ")
    assert occupancy.states["total"].message.startswith("This figure conflicts with PRS-01[total]: ")
    # Corrected: the conflict goes from both cells.
    occupancy.setData(occupancy.index_of("total", NUMERATOR), "500")
    assert occupancy.states["total"].state == SAVED
    assert population.states["total"].state == STORED


def test_in_urdu_the_conflict_is_told_with_the_rules_own_urdu_message(qapp):
    from gui.language import install_language, remove_language
    from storage.reference.catalogue import load_catalogue
    from storage.validation import ValueContext, check_values

    period = last_complete_period("monthly", dt.date.today())
    translators = install_language(qapp, "ur")
    try:
        catalogue = load_catalogue("ur")
        context = ValueContext(catalogue=catalogue, today=dt.date.today(), own_district="QUETTA",
                               history={("POL-03", "QUETTA", "total"): {period: (40, None, None)}})
        [checked] = check_values(context, [ValueInput("POL-05", "QUETTA", period, numerator=30, denominator=41)],
                                 outliers=False)
        [found] = checked.issues
        urdu_rule = next(rule for rule in catalogue.rules if rule.code == "POL-ARRESTEES").message
        assert found.rule == "IV_RULE" and urdu_rule in found.message
        assert found.message.startswith("یہ عدد") and urdu_rule != load_catalogue("en").rules[0].message
    finally:
        remove_language(qapp, translators)
