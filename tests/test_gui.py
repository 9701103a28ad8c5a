"""The placeholder window, with real Qt offscreen and a real encrypted database."""

from __future__ import annotations

from pathlib import Path

from gui.app import MainWindow
from tests.conftest import SUPERVISOR_PASSWORD


def test_sign_in_runs_in_the_background_and_shows_the_installation(qtbot, district_db: Path):
    window = MainWindow(district_db)
    qtbot.addWidget(window)
    window.user_name.setText("sana")
    window.password.setText(SUPERVISOR_PASSWORD)
    window.sign_in.click()
    assert not window.sign_in.isEnabled()  # the key derivation is running off the GUI thread
    qtbot.waitUntil(lambda: window.session is not None, timeout=10000)
    assert window.windowTitle() == "Mizan: QUETTA, sana (supervisor)"
    assert "Signed in as sana (supervisor) on device Quetta DPO." in window.status.text()
    window.close()
    assert window.session is None


def test_wrong_password_is_explained(qtbot, district_db: Path):
    window = MainWindow(district_db)
    qtbot.addWidget(window)
    window.user_name.setText("sana")
    window.password.setText("not-it")
    window.sign_in.click()
    qtbot.waitUntil(lambda: window.sign_in.isEnabled(), timeout=10000)
    assert window.status.text() == "Wrong password for 'sana'. 4 tries left before the user is locked."
    assert window.session is None and window.password.text() == ""


def test_missing_database_says_how_to_create_one(qtbot, tmp_path: Path):
    window = MainWindow(tmp_path / "none.db")
    qtbot.addWidget(window)
    assert not window.form_widget.isEnabled()
    assert "There is no database at" in window.status.text()
