"""The application flow, with real Qt offscreen and a real encrypted database: sign in, the main window
with the screens of the role, sign out and back to the sign-in."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt

from gui.app import Application
from gui.dialogs.login import LoginDialog
from gui.dialogs.setup_wizard import SetupWizard
from gui.settings import Settings
from tests.conftest import OPERATOR_PASSWORD, SUPERVISOR_PASSWORD
from tests.gui_fixtures import no_task_outlives_its_test  # noqa: F401  (an autouse fixture)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


def sign_in(qtbot, application: Application, user: str, password: str) -> None:
    dialog = application.dialog
    assert isinstance(dialog, LoginDialog)
    dialog.user_name.setText(user)
    dialog.password.setText(password)
    dialog.sign_in.click()
    qtbot.waitUntil(lambda: application.window is not None, timeout=15000)
    qtbot.addWidget(application.window)


def test_a_supervisor_signs_in_to_the_screens_of_the_role_and_signs_out(qtbot, district_db: Path, settings):
    application = Application(district_db, settings)
    application.start()
    sign_in(qtbot, application, "sana", SUPERVISOR_PASSWORD)
    window = application.window
    assert window.windowTitle() == "Mizan: QUETTA, sana (supervisor)"
    assert window.screen_titles() == ["Dashboard", "Indicator entry", "Desk register", "PKM service log", "Export",
                                      "Reports", "Targets", "Users", "Audit log", "Settings"]
    assert window.status.text() == "No bundle sent yet · no receipt yet"
    # Settings apply at once and are kept for this PC.
    settings_screen = window.screens[-1]
    settings_screen.auto_lock.setValue(3)
    settings_screen.font_size.setValue(14)
    assert (settings.auto_lock_minutes, settings.font_size) == (3, 14)
    assert application.idle.interval_ms == 3 * 60_000
    application.sign_out()
    assert application.window is None
    assert isinstance(application.dialog, LoginDialog)
    assert application.dialog.user_name.text() == "sana"  # remembered for the next sign-in


def test_an_operator_sees_no_supervisor_screens(qtbot, district_db: Path, settings):
    application = Application(district_db, settings)
    application.start()
    sign_in(qtbot, application, "omar", OPERATOR_PASSWORD)
    assert application.window.screen_titles() == ["Dashboard", "Indicator entry", "Desk register", "PKM service log",
                                                  "Reports", "Settings"]
    application.sign_out()


def test_no_database_starts_the_setup_wizard(qtbot, tmp_path: Path, settings):
    application = Application(tmp_path / "new.db", settings)
    application.start()
    assert isinstance(application.dialog, SetupWizard)
    qtbot.addWidget(application.dialog)
    application.dialog.reject()
    assert not (tmp_path / "new.db").exists()


def test_choosing_urdu_in_setup_starts_the_wizard_again_right_to_left(qtbot, qapp, tmp_path: Path, settings):
    from gui.language import remove_language, translations_dir

    # The app loads resources/translations/mizan_ur.qm, which `make translations` builds (and `make test`
    # builds before the tests); a test does not write into resources/ itself.
    ts = translations_dir() / "mizan_ur.ts"
    qm = ts.with_suffix(".qm")
    if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
        pytest.skip(f"{qm} is missing or older than {ts.name}: run `make translations` (make test does)")
    application = Application(tmp_path / "new.db", settings)
    application.start()
    first = application.dialog
    qtbot.addWidget(first)
    assert first.role_page.language.currentData() == "en"
    try:
        first.role_page.language.setCurrentIndex(first.role_page.language.findData("ur"))
        wizard = application.dialog
        assert isinstance(wizard, SetupWizard) and wizard is not first
        qtbot.addWidget(wizard)
        assert settings.language == "ur"
        assert qapp.layoutDirection() == Qt.LayoutDirection.RightToLeft
        assert wizard.role_page.language.currentData() == "ur"
        assert wizard.role_page.title() != "Welcome to Mizan"  # the wizard speaks Urdu now
        assert not (tmp_path / "new.db").exists()  # nothing was created by switching
    finally:
        remove_language(qapp, application.translators)
        wizard = application.dialog
        wizard.reject()
