"""The desk register and the PKM service log: their models without widgets, then the screens, offscreen,
on real encrypted databases filled with the demo's cases and requests."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QLocale, QModelIndex, Qt
from PySide6.QtWidgets import QDialog

from gui.main_window import MainWindow
from gui.screens.desk_register.register import (
    COLUMN_CASE_NUMBER,
    COLUMN_CLIENT_CODE,
    COLUMN_GBV_TYPE,
    COLUMN_REPORT_DATE,
    COLUMN_STATUS,
    DeskRegisterModel,
    DeskRegisterScreen,
)
from gui.screens.pkm_log import COLUMN_SERVICE, PkmLogScreen
from gui.widgets.paged_model import CODE_ROLE, UUID_ROLE
from storage.core.keyslots import keyfile_path
from storage.core.roles import allowed
from storage.core.session import create_database, open_session
from storage.records.desk import DeskFilter, desk_case_count, desk_case_page, pkm_request_count
from storage.records.users import add_user
from storage.tools.demo import generate_demo
from tests.conftest import ADMIN_PASSWORD, SUPERVISOR_PASSWORD, on_screen, table_counts
from tests.gui_fixtures import no_task_outlives_its_test  # noqa: F401  (an autouse fixture)
from tests.test_gui_case_form import fill

PAGE = 50  # small pages, so that a few hundred demo cases make several


@pytest.fixture(scope="module")
def demo_database(tmp_path_factory) -> Path:
    """A district database with three months of demo cases and requests, built once per module.

    Creating a database derives an argon2id key per user; each test opens a copy instead.
    """
    path = tmp_path_factory.mktemp("desk") / "demo.db"
    session, _ = create_database(path, role="district", district="QUETTA", device_name="Quetta DPO",
                                 admin="admin", password=ADMIN_PASSWORD)
    add_user(session, "sana", "supervisor", SUPERVISOR_PASSWORD)
    generate_demo(session, seed=1, months=3)
    session.close()  # checkpoints the WAL: the file alone is the database
    return path


@pytest.fixture
def desk_data(demo_database: Path, tmp_path: Path):
    """The supervisor's session on a fresh copy of the demo database."""
    path = tmp_path / "demo.db"
    shutil.copyfile(demo_database, path)
    shutil.copyfile(keyfile_path(demo_database), keyfile_path(path))
    session = open_session(path, "sana", SUPERVISOR_PASSWORD)
    assert desk_case_count(session) > 3 * PAGE
    yield session
    session.close()


def counted(qtbot, label) -> str:
    """The count label's text once its background count has arrived."""
    qtbot.waitUntil(lambda: not label.counting, timeout=5000)
    return label.text()


def settled(qtbot, register) -> None:
    """Wait for a typed filter's pause, then for its rows and count from the background."""
    qtbot.waitUntil(lambda: not register.search_timer.isActive(), timeout=3000)
    counted(qtbot, register.count_label)


def loaded_uuids(model) -> list[str]:
    return [model.index(row, 0).data(UUID_ROLE) for row in range(model.rowCount())]


def column_codes(model, column: int) -> set:
    return {model.index(row, column).data(CODE_ROLE) for row in range(model.rowCount())}


# -- the model, without widgets ------------------------------------------------------------------------


def test_model_loads_one_page_and_more_only_on_fetch_more(desk_data):
    model = DeskRegisterModel(desk_data, page_size=PAGE)
    total = desk_case_count(desk_data)
    assert model.rowCount() == PAGE and model.total() == total
    assert model.canFetchMore(QModelIndex())
    assert model.rowCount() == PAGE  # asking does not load
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 2 * PAGE
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == total
    everything = desk_case_page(desk_data, offset=0, limit=total + 1)
    assert loaded_uuids(model) == [case["uuid"] for case in everything]  # newest first, no gaps or repeats


def test_model_shows_names_not_codes(desk_data):
    model = DeskRegisterModel(desk_data, page_size=PAGE)
    names = {gbv_type.code: gbv_type.name for gbv_type in desk_data.catalogue.gbv_types}
    for row in range(model.rowCount()):
        code = model.index(row, COLUMN_GBV_TYPE).data(CODE_ROLE)
        assert model.index(row, COLUMN_GBV_TYPE).data() == names[code]
        assert model.index(row, COLUMN_STATUS).data() in ("Open", "Closed")
    assert model.headerData(COLUMN_GBV_TYPE, Qt.Orientation.Horizontal) == "GBV type"


def test_model_passes_qt_model_tester(desk_data, qtmodeltester):
    qtmodeltester.check(DeskRegisterModel(desk_data, page_size=PAGE))
    # A second model rather than set_filter() under the same tester: Qt's tester runs its checks (and
    # so fetchMore) from modelReset before it clears its own "reset in flight" mark, and then takes the
    # rows fetched as inserted during a reset. That is the tester's order of slots, not the model's.
    qtmodeltester.check(DeskRegisterModel(desk_data, DeskFilter(status="closed"), page_size=PAGE))


def test_filter_changes_the_rows_and_the_total(desk_data):
    model = DeskRegisterModel(desk_data, page_size=PAGE)
    closed = DeskFilter(status="closed", gbv_type="physical_assault")
    model.set_filter(closed)
    assert model.total() == desk_case_count(desk_data, closed) < desk_case_count(desk_data)
    assert column_codes(model, COLUMN_STATUS) == {"closed"}
    assert column_codes(model, COLUMN_GBV_TYPE) == {"physical_assault"}
    model.set_filter(DeskFilter(search="no such case"))
    assert model.rowCount() == 0 and model.total() == 0 and not model.canFetchMore(QModelIndex())


def test_sort_asks_the_database_for_the_whole_register(desk_data):
    model = DeskRegisterModel(desk_data, page_size=PAGE)
    model.fetchMore(QModelIndex())
    model.sort(COLUMN_CASE_NUMBER, Qt.SortOrder.AscendingOrder)
    # The first row is the smallest case number of all the cases, not of the pages loaded before.
    first = desk_data.db.execute("SELECT min(case_number) FROM desk_cases WHERE deleted = 0").fetchone()[0]
    assert model.rowCount() == PAGE
    assert model.index(0, COLUMN_CASE_NUMBER).data() == first
    expected = desk_case_page(desk_data, limit=PAGE, order_by="case_number", descending=False)
    assert loaded_uuids(model) == [case["uuid"] for case in expected]
    model.sort(COLUMN_REPORT_DATE, Qt.SortOrder.AscendingOrder)
    oldest = desk_data.db.execute("SELECT min(report_date) FROM desk_cases WHERE deleted = 0").fetchone()[0]
    assert model.index(0, COLUMN_REPORT_DATE).data() == oldest


# -- the register screen -------------------------------------------------------------------------------


@pytest.fixture
def register(qtbot, desk_data) -> DeskRegisterScreen:
    return on_screen(qtbot, DeskRegisterScreen(desk_data))


def choose(combo, code: str) -> None:
    index = combo.findData(code)
    assert index >= 0, code
    combo.setCurrentIndex(index)


def test_register_filter_bar_changes_the_rows(qtbot, register, desk_data):
    # The count runs off the GUI thread on a connection of its own; with the partial index it may already
    # be back, so only its final text is asserted.
    assert counted(qtbot, register.count_label) == f"{QLocale().toString(desk_case_count(desk_data))} cases"
    choose(register.status_filter, "closed")
    counted(qtbot, register.count_label)
    assert column_codes(register.model, COLUMN_STATUS) == {"closed"}
    closed = desk_case_count(desk_data, DeskFilter(status="closed"))
    assert counted(qtbot, register.count_label) == f"{QLocale().toString(closed)} cases"
    assert register.model.total() == closed
    choose(register.status_filter, "open")  # two changes before the first count is back:
    choose(register.status_filter, "closed")  # only the last one's count is shown
    assert counted(qtbot, register.count_label) == f"{QLocale().toString(closed)} cases"
    choose(register.desk_filter, "QTA-CITY")
    choose(register.gbv_type_filter, "physical_assault")
    counted(qtbot, register.count_label)
    wanted = DeskFilter(status="closed", desk="QTA-CITY", gbv_type="physical_assault")
    assert loaded_uuids(register.model) == [case["uuid"] for case in desk_case_page(desk_data, wanted)]
    register.status_filter.setCurrentIndex(0)  # "All"
    counted(qtbot, register.count_label)
    assert register.model.total() == desk_case_count(desk_data, DeskFilter(desk="QTA-CITY", gbv_type="physical_assault"))


def test_register_search_waits_for_a_pause_in_typing(qtbot, register, desk_data):
    case = desk_case_page(desk_data, limit=1)[-1]
    qtbot.keyClicks(register.search, case["client_code"])
    assert register.model.rowCount() > 1  # nothing queried per letter
    qtbot.waitUntil(lambda: register.model.rowCount() == 1, timeout=3000)
    assert register.model.index(0, 0).data(UUID_ROLE) == case["uuid"]
    assert counted(qtbot, register.count_label) == "1 case"


def test_register_date_range(qtbot, register, desk_data):
    register.date_from.date.setDate(QDate(2026, 9, 1))
    register.date_to.date.setDate(QDate(2026, 9, 30))
    settled(qtbot, register)
    dates = {register.model.index(row, COLUMN_REPORT_DATE).data() for row in range(register.model.rowCount())}
    assert dates and all("2026-09-01" <= day <= "2026-09-30" for day in dates)
    assert register.model.total() == desk_case_count(desk_data, DeskFilter(date_from="2026-09-01", date_to="2026-09-30"))
    qtbot.keyClick(register.date_from.date, Qt.Key.Key_Delete)  # Delete empties the date
    assert register.date_from.value() is None and register.date_from.date.text() == "no date"
    settled(qtbot, register)
    assert register.model.total() == desk_case_count(desk_data, DeskFilter(date_to="2026-09-30"))


def test_enter_opens_the_selected_case_and_a_save_refreshes(qtbot, register, desk_data):
    assert counted(qtbot, register.count_label)
    open_row = next(row for row in range(register.model.rowCount())
                    if register.model.index(row, COLUMN_STATUS).data(CODE_ROLE) == "open")
    case_uuid = register.model.index(open_row, 0).data(UUID_ROLE)
    register.table.setFocus()
    register.table.selectRow(open_row)
    assert register.open_button.isEnabled()
    qtbot.keyClick(register.table, Qt.Key.Key_Return)
    dialog = register.case_dialog
    assert dialog.case_uuid == case_uuid and dialog.isVisible()
    dialog.status.set_value("closed")
    dialog.closing_reason.set_value("needs_met")
    dialog.save_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted, dialog.summary_messages()
    assert counted(qtbot, register.count_label)  # the register is read again, off the GUI thread
    row = register.model.row_of(case_uuid)
    assert register.model.index(row, COLUMN_STATUS).data() == "Closed"
    assert register.table.selectionModel().selectedRows()[0].row() == row


def test_a_case_entered_through_the_form_appears_in_the_register(qtbot, register, desk_data):
    assert counted(qtbot, register.count_label)
    before = desk_case_count(desk_data)
    register.new_button.click()
    dialog = register.case_dialog
    assert dialog.case_uuid is None
    fill(dialog)
    dialog.report_date.setDate(QDate.currentDate())  # the newest case: first in the register's order
    dialog.save_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted, dialog.summary_messages()
    assert counted(qtbot, register.count_label) == f"{QLocale().toString(before + 1)} cases"
    row = register.model.row_of(dialog.saved_uuid)
    assert row is not None and register.table.selectionModel().selectedRows()[0].row() == row
    assert register.model.index(row, COLUMN_CLIENT_CODE).data() == "QC-014"
    assert register.model.index(row, COLUMN_GBV_TYPE).data() == "Physical assault"


def test_escape_in_an_untouched_case_form_closes_it_without_saving(qtbot, register, desk_data):
    counts = table_counts(desk_data)
    register.new_button.click()
    dialog = register.case_dialog
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert table_counts(desk_data) == counts


def test_new_case_only_for_roles_that_enter_cases(qtbot, clerk, operator):
    clerks_screen = DeskRegisterScreen(clerk)
    qtbot.addWidget(clerks_screen)
    assert allowed(clerk, "view_cases") and not allowed(clerk, "desk_entry")
    assert clerks_screen.new_button is None
    operators_screen = DeskRegisterScreen(operator)
    qtbot.addWidget(operators_screen)
    assert operators_screen.new_button is not None


def test_admin_does_not_get_the_desk_screens(qtbot, district_admin):
    assert not allowed(district_admin, "view_cases")
    window = MainWindow(district_admin, [DeskRegisterScreen, PkmLogScreen])
    qtbot.addWidget(window)
    assert window.screen_titles() == []


def test_main_window_lists_both_screens_for_a_supervisor(qtbot, desk_data):
    window = MainWindow(desk_data, [DeskRegisterScreen, PkmLogScreen])
    qtbot.addWidget(window)
    assert window.screen_titles() == ["Desk register", "PKM service log"]


# -- the PKM service log -------------------------------------------------------------------------------


@pytest.fixture
def pkm_log(qtbot, desk_data) -> PkmLogScreen:
    return on_screen(qtbot, PkmLogScreen(desk_data))


def test_quick_entry_adds_a_request_on_enter(qtbot, pkm_log, desk_data):
    before = pkm_request_count(desk_data)
    # %Ln: the number as the locale writes it (1,151 in English, Pakistan).
    assert counted(qtbot, pkm_log.count_label) == f"{QLocale().toString(before)} requests"
    choose(pkm_log.desk, "QTA-KSRD")
    pkm_log.service.setFocus()
    qtbot.keyClicks(pkm_log.service, "Tenant")  # keyboard search in the drop-down's names
    assert pkm_log.service.currentData() == "tenant_registration"
    qtbot.keyClicks(pkm_log.applicant_sex, "M")
    assert pkm_log.applicant_sex.currentData() == "male"
    today = dt.date.today()
    pkm_log.completed.date.setDate(QDate(today.year, today.month, today.day))
    qtbot.keyClick(pkm_log.completed.date, Qt.Key.Key_Return)
    assert not pkm_log.errors.isVisible(), pkm_log.errors.text()
    assert pkm_request_count(desk_data) == before + 1
    assert counted(qtbot, pkm_log.count_label) == f"{QLocale().toString(before + 1)} requests"
    stored = desk_data.db.execute(
        "SELECT desk, service, applicant_sex, received_date, completed_date FROM pkm_requests ORDER BY id DESC LIMIT 1"
    ).fetchone()
    assert stored == ("QTA-KSRD", "tenant_registration", "male", today.isoformat(), today.isoformat())
    assert pkm_log.model.index(0, COLUMN_SERVICE).data() == "Tenant registration"  # the newest comes first
    # The row is ready for the next request at the same desk.
    assert pkm_log.desk.currentData() == "QTA-KSRD"
    assert pkm_log.service.currentData() is None and pkm_log.applicant_sex.currentData() is None
    assert pkm_log.completed.value() is None and pkm_log.received.date() == QDate.currentDate()


def test_quick_entry_explains_a_refusal_and_writes_nothing(qtbot, pkm_log, desk_data):
    choose(pkm_log.service, "fir_copy")
    choose(pkm_log.applicant_sex, "female")
    pkm_log.received.setDate(QDate(2026, 11, 5))
    pkm_log.completed.date.setDate(QDate(2026, 11, 1))
    before = table_counts(desk_data)
    qtbot.keyClick(pkm_log.received, Qt.Key.Key_Enter)
    assert table_counts(desk_data) == before
    assert pkm_log.errors.isVisible()
    assert pkm_log.errors.text() == ("The request was completed on 2026-11-01, before it was received on 2026-11-05. "
                                     "Correct the dates.")
    assert pkm_log.completed.hasFocus()  # the field the rule is about
    assert pkm_log.service.currentData() == "fir_copy"  # nothing typed is lost
    pkm_log.completed.date.setDate(QDate(2026, 11, 6))
    pkm_log.add_button.click()
    assert not pkm_log.errors.isVisible()


def test_pkm_log_entry_row_hidden_for_the_clerk(qtbot, clerk):
    screen = PkmLogScreen(clerk)
    qtbot.addWidget(screen)
    assert screen.entry_panel.isHidden()
    assert screen.count_label.text() == "0 requests"
