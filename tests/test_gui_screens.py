"""Export, users and audit screens, and the main window's role-aware sidebar (real Qt, real databases)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt

from gui.main_window import MainWindow
from gui.screens.audit_screen import PAGE, AuditModel, AuditScreen
from gui.screens.export_screen import ExportScreen
from gui.screens.users_screen import UsersScreen
from storage.core.audit import CASE_TABLES
from storage.records.values import list_indicator_values
from sync.importer import import_bundles
from sync.receipts import write_receipts
from tests.conftest import on_screen, table_counts
from tests.gui_fixtures import no_task_outlives_its_test  # noqa: F401  (an autouse fixture)
from tests.sync_helpers import add_desk_cases, add_values, link


def test_export_through_the_gui_writes_a_bundle_the_centre_imports(qtbot, tmp_path: Path, supervisor,
                                                                  district_admin, clerk):
    enrollment = link(clerk, district_admin, tmp_path)
    add_values(supervisor)
    screen = ExportScreen(supervisor)
    qtbot.addWidget(screen)
    # The fingerprint the centre compared when it enrolled this PC, on screen to read out by phone.
    assert f"This PC's fingerprint is <b>{enrollment.fingerprint}</b>." in screen.fingerprint.text()
    usb = tmp_path / "usb"
    usb.mkdir()
    screen.set_folder(usb)
    screen.write_button.click()
    qtbot.waitUntil(lambda: screen.write_button.isEnabled() and "written" in screen.result.text(), timeout=20000)
    bundles = list(usb.glob("*.mizan"))
    assert len(bundles) == 1
    # Two values and the 15 Quetta desks (every desk travels every time).
    assert screen.result.text() == f"Bundle 1 written to {usb} — 17 records. Carry it to the provincial centre."
    assert screen.progress.isHidden()
    [outcome] = import_bundles(clerk, bundles)
    assert outcome.status == "imported"
    assert sorted(v["value"] for v in list_indicator_values(clerk)) == sorted(
        v["value"] for v in list_indicator_values(supervisor))
    # The receipt comes back and the screen shows the bundle acknowledged.
    [receipt] = write_receipts(clerk, tmp_path)
    screen.apply_receipt(receipt)
    assert screen.result.text().startswith("The centre acknowledged bundles 1.")
    assert screen.model.index(0, screen.model.ACKNOWLEDGED).data() != "not yet"


def test_export_without_a_trusted_centre_explains_what_to_do(qtbot, tmp_path: Path, supervisor):
    screen = ExportScreen(supervisor)
    qtbot.addWidget(screen)
    screen.set_folder(tmp_path)
    screen.write_button.click()
    qtbot.waitUntil(lambda: screen.write_button.isEnabled() and "trust" in screen.result.text(), timeout=20000)
    assert screen.result.text().startswith("This office does not trust a centre yet.")
    assert list(tmp_path.glob("*.mizan")) == []


def test_an_operator_cannot_reach_supervisor_screens(qtbot, operator, supervisor):
    factories = [ExportScreen, UsersScreen, AuditScreen]
    operator_window = MainWindow(operator, factories)
    qtbot.addWidget(operator_window)
    assert operator_window.screen_titles() == []
    supervisor_window = MainWindow(supervisor, factories)
    qtbot.addWidget(supervisor_window)
    assert supervisor_window.screen_titles() == ["Export", "Users", "Audit log"]
    assert supervisor_window.windowTitle() == "Mizan: QUETTA, sana (supervisor)"


def fetch_everything(model: AuditModel) -> None:
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())


def test_audit_model_pages_lazily_and_withholds_case_content_from_admins(qtbot, district_admin, supervisor):
    add_desk_cases(supervisor, 250)  # saved through storage.records.desk.save_desk_case, each audited
    total = district_admin.db.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    assert total > 2 * PAGE
    model = AuditModel(district_admin)
    model.reload()
    # Lazily: one page on opening, and more to fetch, until every entry has been fetched.
    assert model.rowCount() == PAGE and model.canFetchMore(QModelIndex())
    assert model.index(0, model.ACTOR).data() == "sana"  # newest first
    fetch_everything(model)
    assert model.rowCount() == total and not model.canFetchMore(QModelIndex())
    # An admin may not see cases: every case entry is there, its content withheld.
    case_entries = [row for row in range(total) if model.index(row, model.TABLE).data() in CASE_TABLES]
    assert len(case_entries) >= 250
    shown = {model.index(row, column).data() for row in case_entries for column in (model.BEFORE, model.AFTER)}
    assert shown <= {None, "(withheld)"} and "(withheld)" in shown
    # The control: a supervisor may see cases, and the same entries show the client codes.
    supervisors = AuditModel(supervisor)
    supervisors.reload()
    fetch_everything(supervisors)
    texts = [str(supervisors.index(row, supervisors.AFTER).data(Qt.ItemDataRole.ToolTipRole)) for row in range(total)]
    assert any("QC-249" in text for text in texts) and not any("QC-249" in str(entry) for entry in model.rows)


def test_users_screen_adds_and_unlocks_through_storage(qtbot, supervisor):
    screen = UsersScreen(supervisor)
    qtbot.addWidget(screen)
    screen.refresh()
    names = [screen.model.index(row, 0).data() for row in range(screen.model.rowCount())]
    assert names == ["admin", "omar", "sana"]
    screen.table.selectRow(1)
    assert screen.selected_user() == "omar"
    screen.unlock()
    assert screen.message.text() == "Unlocked omar."
    screen.table.selectRow(0)
    screen.unlock()
    assert screen.message.text() == "A supervisor may manage operators and supervisors only, not users with the role admin."


def test_a_save_refused_as_a_whole_is_explained_not_raised(qtbot, supervisor, monkeypatch):
    """The targets grid and the PKM log caught only rule failures: a refusal of the whole save (here a PC
    whose date was put back after saving under a clock three days ahead) escaped from the Qt slot."""
    from gui.screens.pkm_log import PkmLogScreen
    from gui.screens.targets_screen import TargetsScreen
    from tests.test_attacks_merge import DAY, set_pc_clock

    with monkeypatch.context() as ahead:
        set_pc_clock(ahead, 3 * DAY)
        add_values(supervisor, {"PRO-01": 41})
    before = table_counts(supervisor)
    targets = on_screen(qtbot, TargetsScreen(supervisor))
    index = targets.model.index(0, 0)
    assert targets.model.setData(index, "45")
    assert "clock repair" in index.data(Qt.ItemDataRole.ToolTipRole)
    log = on_screen(qtbot, PkmLogScreen(supervisor))
    log.service.setCurrentIndex(1)
    log.applicant_sex.setCurrentIndex(1)
    log.add_request()
    assert "clock repair" in log.errors.text()
    assert table_counts(supervisor) == before


def test_settings_offers_to_date_today_what_a_fast_clock_saved(qtbot, supervisor, monkeypatch, tmp_path):
    """A district PC that saved while its clock ran ahead refuses to save once the date is right; Settings
    says why and repairs it (the CLI's `clock repair`), after which the PC saves again."""
    from PySide6.QtCore import QSettings

    from gui.screens.settings_screen import SettingsScreen
    from gui.settings import Settings
    from tests.test_attacks_merge import DAY, set_pc_clock

    with monkeypatch.context() as ahead:
        set_pc_clock(ahead, 3 * DAY)
        add_values(supervisor, {"PRO-01": 41})
    settings = Settings(QSettings(str(tmp_path / "mizan.ini"), QSettings.Format.IniFormat))
    screen = on_screen(qtbot, SettingsScreen(supervisor, settings))
    assert screen.clock_button.isEnabled() and "clock repair" in screen.clock_label.text()
    qtbot.mouseClick(screen.clock_button, Qt.MouseButton.LeftButton)
    assert screen.clock_label.text() == "1 records dated today; this PC saves and exports again."
    assert not screen.clock_button.isEnabled()
    add_values(supervisor, {"CRT-01": 5})  # saving works again
    screen.refresh()
    assert screen.clock_label.text() == "The PC's date and its records agree."
