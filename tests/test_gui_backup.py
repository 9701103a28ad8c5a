"""The Backups section of Settings with real Qt offscreen and real encrypted databases: who sees it, a
backup written off the GUI thread, the keep setting, and a restore that closes the session and the window."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMainWindow

from gui.screens.settings_screen import SettingsScreen
from gui.settings import Settings
from storage.core.backup import backup_keep, read_backup
from storage.core.connection import connect
from storage.core.session import open_session
from storage.errors import AuthError
from storage.records.users import remove_user
from tests.conftest import ADMIN_PASSWORD, OPERATOR_PASSWORD, SUPERVISOR_PASSWORD
from tests.gui_fixtures import no_task_outlives_its_test  # noqa: F401  (an autouse fixture)
from tests.sync_helpers import add_desk_cases

WAIT_MS = 20000


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(QSettings(str(tmp_path / "mizan.ini"), QSettings.Format.IniFormat))


def _shown(qtbot, session, settings: Settings) -> tuple[QMainWindow, SettingsScreen]:
    window = QMainWindow()
    screen = SettingsScreen(session, settings)
    window.setCentralWidget(screen)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window, screen


def test_operators_see_no_backups(qtbot, district_db: Path, settings: Settings):
    operator = open_session(district_db, "omar", OPERATOR_PASSWORD)
    try:
        _, screen = _shown(qtbot, operator, settings)
        assert screen.backup_button is None and screen.restore_button is None and screen.backup_keep is None
    finally:
        operator.close()


def test_back_up_now_then_restore_closes_the_session(qtbot, district_db: Path, settings: Settings, tmp_path: Path):
    supervisor = open_session(district_db, "sana", SUPERVISOR_PASSWORD)
    window, screen = _shown(qtbot, supervisor, settings)
    assert screen.backup_status is not None and screen.backup_keep is not None
    assert screen.backup_status.text().startswith("No automatic backup yet; they will be kept in ")
    screen.backup_keep.setValue(4)
    assert backup_keep(supervisor.db) == 4

    out = tmp_path / "usb" / "district.zip"
    screen.back_up_to(out)
    qtbot.waitUntil(lambda: not screen.busy, timeout=WAIT_MS)
    assert screen.backup_status.text().startswith(f"Backed up to {out} (")
    assert read_backup(out).created_by == "sana"

    add_desk_cases(supervisor, 1)  # entered after the backup: the restore rolls it back
    key = supervisor.db_key
    with qtbot.waitSignal(screen.restored, timeout=WAIT_MS) as restored:
        screen.restore_from(out)
    kept = Path(restored.args[0])
    assert kept.name.startswith("district.db.before-restore-") and kept.exists()
    assert not window.isVisible()
    assert screen.backup_status.text() == "Restored from district.zip."
    assert "Mizan closes now: start it again and sign in" in screen.restore_message.text()
    screen.restore_message.close()
    db = connect(district_db, key)
    assert db.execute("SELECT count(*) FROM desk_cases").fetchone() == (0,)
    db.close()
    old = connect(kept, key)
    assert old.execute("SELECT count(*) FROM desk_cases").fetchone() == (1,)
    old.close()
    open_session(district_db, "sana", SUPERVISOR_PASSWORD).close()


def test_a_foreign_backup_is_refused_and_nothing_closes(qtbot, district_db: Path, centre_db: Path,
                                                         settings: Settings, tmp_path: Path):
    from storage.core.backup import backup_now
    from tests.conftest import CLERK_PASSWORD

    clerk = open_session(centre_db, "clara", CLERK_PASSWORD)
    backup_now(clerk, tmp_path / "centre.zip")
    clerk.close()
    supervisor = open_session(district_db, "sana", SUPERVISOR_PASSWORD)
    try:
        window, screen = _shown(qtbot, supervisor, settings)
        screen.restore_from(tmp_path / "centre.zip")
        qtbot.waitUntil(lambda: not screen.busy, timeout=WAIT_MS)
        assert screen.backup_status is not None
        assert screen.backup_status.text() == ("Nothing was restored: centre.zip does not open with this "
                                               "installation's key: it is another installation's backup, or damaged.")
        assert window.isVisible()
        assert supervisor.db.execute("SELECT count(*) FROM users").fetchone() == (3,)
    finally:
        supervisor.close()


def test_a_restore_in_the_gui_names_the_users_kept_removed(qtbot, district_db: Path, settings: Settings,
                                                            tmp_path: Path):
    admin = open_session(district_db, "admin", ADMIN_PASSWORD)
    window, screen = _shown(qtbot, admin, settings)
    out = tmp_path / "usb" / "district.zip"
    screen.back_up_to(out)
    qtbot.waitUntil(lambda: not screen.busy, timeout=WAIT_MS)
    remove_user(admin, "omar")  # after the backup: the restore must not bring him back
    with qtbot.waitSignal(screen.restored, timeout=WAIT_MS):
        screen.restore_from(out)
    assert screen.restore_message.text().endswith("\n\nRemoved after the backup was made, and kept removed: omar.")
    screen.restore_message.close()
    with pytest.raises(AuthError):
        open_session(district_db, "omar", OPERATOR_PASSWORD)
    restored = open_session(district_db, "admin", ADMIN_PASSWORD)
    assert restored.db.execute("SELECT restored_by, unlocked_with FROM restores").fetchall() == [("admin", "session")]
    restored.close()
