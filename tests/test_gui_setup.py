"""Setup wizard, sign-in, auto-lock and password change, with real Qt offscreen and real encrypted databases.

Screenshots of every page are saved to ``$MIZAN_SCREENSHOTS`` when set (``docs/screenshots`` for the
README), else to the test's temporary folder, so an ordinary run leaves the repository untouched.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QWizard

from gui.dialogs.lock import IdleLock, LockScreenDialog
from gui.dialogs.login import LoginDialog
from gui.dialogs.password import ChangePasswordDialog
from gui.dialogs.setup_wizard import (
    ADMIN_PAGE,
    CENTRE_KEY_PAGE,
    CREATE_PAGE,
    DISTRICT_PAGE,
    ROLE_PAGE,
    SetupWizard,
    districts_valid_on,
)
from gui.screens.settings_screen import SettingsScreen
from gui.settings import DEFAULT_AUTO_LOCK_MINUTES, DEFAULT_FONT_SIZE, Settings
from storage.core.keyslots import KeyFile, keyfile_path
from storage.core.session import open_session, open_with_recovery_key
from storage.errors import AuthError
from sync.keys import MAX_NAME_LENGTH, export_key_file, trusted_centre
from tests.conftest import ADMIN_PASSWORD, OPERATOR_PASSWORD, SUPERVISOR_PASSWORD, on_screen
from tests.gui_fixtures import no_task_outlives_its_test, shown_texts  # noqa: F401  (an autouse fixture)

NEW_PASSWORD = "a long new password"
WAIT_MS = 20000


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(QSettings(str(tmp_path / "mizan.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def shots(tmp_path: Path):
    folder = Path(os.environ.get("MIZAN_SCREENSHOTS") or tmp_path / "screenshots")
    folder.mkdir(parents=True, exist_ok=True)

    def save(widget, name: str) -> Path:
        QApplication.processEvents()
        path = folder / name
        assert widget.grab().save(str(path)), path
        return path

    return save


@pytest.fixture
def centre_key_export(centre_db: Path, tmp_path: Path) -> tuple[Path, str]:
    """The provincial centre's public key file, as the centre hands it to district offices, and the
    fingerprint the centre's own screen shows beside it (``export_key_file``'s), which it reads out by phone."""
    session = open_session(centre_db, "admin", ADMIN_PASSWORD)
    try:
        path = tmp_path / "centre.key"
        read_out = export_key_file(session, path)
    finally:
        session.close()
    return path, read_out


@pytest.fixture
def centre_key_file(centre_key_export: tuple[Path, str]) -> Path:
    return centre_key_export[0]


@pytest.fixture
def centre_read_out(centre_key_export: tuple[Path, str]) -> str:
    """What the centre reads out by phone: never taken from the file the district office holds."""
    return centre_key_export[1]


def _button(wizard: QWizard, which: QWizard.WizardButton):
    return wizard.button(which)


def _wizard(qtbot, path: Path, settings: Settings) -> SetupWizard:
    wizard = SetupWizard(path, settings)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    return wizard


def _fill_admin(wizard: SetupWizard, name: str, password: str, repeat: str | None = None) -> None:
    page = wizard.admin_page
    page.user_name.setText(name)
    page.password.setText(password)
    page.repeat.setText(password if repeat is None else repeat)


def _wait_created(qtbot, wizard: SetupWizard) -> None:
    qtbot.waitUntil(lambda: wizard.session is not None or wizard.create_page.error_area.isVisible(), timeout=WAIT_MS)
    assert wizard.session is not None, wizard.create_page.error.text()


# -- the setup wizard ----------------------------------------------------------------------------------


def test_wizard_creates_a_district_database_and_trusts_the_centre(qtbot, tmp_path, settings, shots,
                                                                  centre_key_file, centre_read_out):
    path = tmp_path / "pishin.db"
    wizard = _wizard(qtbot, path, settings)
    assert wizard.currentId() == ROLE_PAGE
    assert not _button(wizard, QWizard.WizardButton.NextButton).isEnabled()  # nothing chosen yet
    wizard.role_page.district_office.setChecked(True)
    assert _button(wizard, QWizard.WizardButton.NextButton).isEnabled()
    shots(wizard, "setup-1-role.png")
    wizard.next()

    assert wizard.currentId() == DISTRICT_PAGE
    assert not _button(wizard, QWizard.WizardButton.NextButton).isEnabled()
    wizard.district_page.select_district("PISHIN")
    assert wizard.district_page.device_name.text() == "Pishin office PC"
    assert _button(wizard, QWizard.WizardButton.NextButton).isEnabled()
    shots(wizard, "setup-2-district.png")
    wizard.next()

    assert wizard.currentId() == ADMIN_PAGE
    page = wizard.admin_page
    _fill_admin(wizard, "amina", "short")
    wizard.next()
    assert wizard.currentId() == ADMIN_PAGE  # refused in place, nothing typed is lost
    assert page.status.text().startswith("A password needs at least 10 characters. Four or more words") \
        and page.status.isVisible()
    assert (page.user_name.text(), page.password.text()) == ("amina", "short")
    _fill_admin(wizard, "amina", ADMIN_PASSWORD, "admin-pass-2")
    wizard.next()
    assert wizard.currentId() == ADMIN_PAGE
    assert page.status.text() == "The two passwords are not the same. Type the same password in both boxes."
    assert page.repeat.text() == "admin-pass-2"
    shots(wizard, "setup-3-admin.png")
    page.repeat.setText(ADMIN_PASSWORD)
    wizard.next()

    assert wizard.currentId() == CREATE_PAGE
    assert not path.exists() or wizard.busy  # creation runs in the background
    shots(wizard, "setup-4-creating.png")
    _wait_created(qtbot, wizard)
    create = wizard.create_page
    key = create.key_label.text()
    assert len(key) == 39 and key.count("-") == 7
    go_on = _button(wizard, QWizard.WizardButton.CommitButton)  # "Next >", with no way back to the key
    assert go_on.isVisible() and not go_on.isEnabled()  # until the key is written down
    wizard.reject()  # Escape / Cancel after creation does nothing: the wizard must reach its end
    assert wizard.isVisible()
    create.confirmed.setChecked(True)
    assert go_on.isEnabled()
    shots(wizard, "setup-5-recovery-key.png")

    pdf = tmp_path / "recovery.pdf"
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(pdf))
    create.print_recovery_key(printer)
    assert pdf.exists() and pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 1000
    assert key in create.recovery_document().toPlainText()

    recovered = open_with_recovery_key(path, key, "amina")  # the key shown opens the database
    assert recovered.district == "PISHIN" and recovered.installation["device_name"] == "Pishin office PC"
    recovered.close()

    wizard.next()
    assert wizard.currentId() == CENTRE_KEY_PAGE
    finish = _button(wizard, QWizard.WizardButton.FinishButton)
    assert not finish.isEnabled() and not _button(wizard, QWizard.WizardButton.BackButton).isEnabled()
    centre_page = wizard.centre_key_page
    broken = tmp_path / "not-a-key.txt"
    broken.write_text("hello\n", encoding="utf-8")
    centre_page.load_key_file(broken)
    assert "not a Mizan key file" in centre_page.status.text() and not finish.isEnabled()
    centre_page.load_key_file(centre_key_file)
    assert centre_page.heard.isVisible() and centre_page.heard.hasFocus()
    assert centre_read_out not in " ".join(shown_texts(wizard))  # the file's fingerprint is not on the screen
    assert not finish.isEnabled()  # only once the fingerprint the centre reads out is typed
    shots(wizard, "setup-6-centre-key.png")

    # Misheard (or a file changed on its way): refused, explained, nothing trusted, still on the page.
    qtbot.keyClicks(centre_page.heard, "AAAA-BBBB-CCCC")
    assert not finish.isEnabled()  # not yet a fingerprint's form
    qtbot.keyClicks(centre_page.heard, "-DDDD")
    assert finish.isEnabled()
    finish.click()
    assert wizard.isVisible() and wizard.currentId() == CENTRE_KEY_PAGE
    assert centre_page.status.text().startswith(
        f"The fingerprint you typed, AAAA-BBBB-CCCC-DDDD, is not this file's ({centre_key_file.name}).")
    assert trusted_centre(wizard.session) is None
    assert centre_read_out not in " ".join(shown_texts(wizard))  # a mismatch does not give the answer either

    # Heard right, typed as heard (lower case, spaces for dashes): trusted.
    centre_page.heard.clear()
    qtbot.keyClicks(centre_page.heard, centre_read_out.lower().replace("-", " "))
    assert finish.isEnabled()
    shots(wizard, "setup-centre-key-typed-fingerprint.png")
    finish.click()

    assert wizard.result() == QWizard.DialogCode.Accepted
    session = wizard.session
    assert session is not None and session.user == "amina" and session.role == "admin"
    assert trusted_centre(session).fingerprint == centre_read_out
    assert wizard.recovery_key is None
    assert settings.last_user == "amina"
    session.close()
    again = open_session(path, "amina", ADMIN_PASSWORD)  # a working database, opened the ordinary way
    assert again.district == "PISHIN"
    again.close()


def test_the_wizard_refuses_a_pc_name_the_centre_would_refuse(qtbot, tmp_path, settings):
    wizard = _wizard(qtbot, tmp_path / "quetta.db", settings)
    wizard.role_page.district_office.setChecked(True)
    wizard.next()
    page = wizard.district_page
    page.select_district("QUETTA")
    page.device_name.setText("x" * (MAX_NAME_LENGTH + 20))
    assert len(page.device_name.text()) == MAX_NAME_LENGTH  # sync's limit: no more can be typed
    page.device_name.setText("Quetta \u202eCP desk")  # a right-to-left override makes a name read otherwise
    wizard.next()
    assert wizard.currentId() == DISTRICT_PAGE and page.status.isVisible()
    assert page.status.text() == (f"The name of this PC may be at most {MAX_NAME_LENGTH} characters long, "
                                  "without line breaks, tabs or text-direction marks.")
    page.device_name.setText("\u06a9\u0648\u0626\u0679\u06c1\u200c\u062f\u0641\u062a\u0631")  # Urdu with a ZWNJ: plain
    wizard.next()
    assert wizard.currentId() == ADMIN_PAGE and not page.status.isVisible()


def test_district_can_skip_the_centre_key(qtbot, tmp_path, settings):
    path = tmp_path / "quetta.db"
    wizard = _wizard(qtbot, path, settings)
    wizard.role_page.district_office.setChecked(True)
    wizard.next()
    qtbot.keyClicks(wizard.district_page.device_name, "Desk laptop")  # typed: choosing the district keeps it
    wizard.district_page.select_district("QUETTA")
    assert wizard.district_page.device_name.text() == "Desk laptop"
    wizard.next()
    _fill_admin(wizard, "amina", ADMIN_PASSWORD)
    wizard.next()
    _wait_created(qtbot, wizard)
    wizard.create_page.confirmed.setChecked(True)
    wizard.next()
    assert wizard.currentId() == CENTRE_KEY_PAGE
    skip = _button(wizard, QWizard.WizardButton.CustomButton1)
    assert skip.isVisible() and skip.text() == "&Skip for now"
    skip.click()
    assert wizard.result() == QWizard.DialogCode.Accepted
    assert trusted_centre(wizard.session) is None
    assert wizard.session.installation["device_name"] == "Desk laptop"
    wizard.session.close()


def test_an_admin_adds_the_skipped_centre_key_under_settings(qtbot, district_admin, supervisor, settings,
                                                             centre_key_file, centre_read_out, tmp_path, shots):
    screen = on_screen(qtbot, SettingsScreen(district_admin, settings))
    assert screen.centre_key_label.text().startswith("Not added yet")
    screen.centre_key_button.click()
    wizard = screen.centre_key_wizard
    assert wizard.isVisible()
    assert not _button(wizard, QWizard.WizardButton.CustomButton1).isVisible()  # nothing to skip here
    finish = _button(wizard, QWizard.WizardButton.FinishButton)
    wizard.centre_key_page.load_key_file(centre_key_file)
    assert not finish.isEnabled() and centre_read_out not in " ".join(shown_texts(wizard))
    qtbot.keyClicks(wizard.centre_key_page.heard, "AAAA-BBBB-CCCC-DDDD")
    finish.click()  # misheard: explained, nothing trusted
    assert wizard.isVisible() and "is not this file's" in wizard.centre_key_page.status.text()
    assert trusted_centre(district_admin) is None and screen.centre_key_label.text().startswith("Not added yet")
    wizard.centre_key_page.heard.clear()
    qtbot.keyClicks(wizard.centre_key_page.heard, centre_read_out)
    shots(wizard, "settings-centre-key.png")
    finish.click()
    expected = centre_read_out
    assert trusted_centre(district_admin).fingerprint == expected
    assert expected in screen.centre_key_label.text()  # once trusted, its fingerprint is shown
    assert screen.centre_key_button.text() == "&Replace the centre's key…"
    shots(screen, "settings.png")

    # Replacing says which key is trusted now; a key file from another centre replaces it once confirmed.
    other = tmp_path / "other-centre"
    other.mkdir()
    from storage.core.session import create_database

    other_session, _ = create_database(other / "centre.db", role="centre", admin="admin", password=ADMIN_PASSWORD)
    other_read_out = export_key_file(other_session, other / "centre.key")
    other_session.close()
    screen.centre_key_button.click()
    wizard = screen.centre_key_wizard
    page_text = " ".join(label.text() for label in wizard.centre_key_page.findChildren(QLabel))
    assert f"This office trusts the centre key <b>{expected}</b>" in page_text
    wizard.centre_key_page.load_key_file(other / "centre.key")
    qtbot.keyClicks(wizard.centre_key_page.heard, expected)  # the old centre's, read from a note: refused
    _button(wizard, QWizard.WizardButton.FinishButton).click()
    assert wizard.isVisible() and trusted_centre(district_admin).fingerprint == expected
    wizard.centre_key_page.heard.clear()
    qtbot.keyClicks(wizard.centre_key_page.heard, other_read_out)
    _button(wizard, QWizard.WizardButton.FinishButton).click()
    assert trusted_centre(district_admin).fingerprint == other_read_out

    # A supervisor's settings have no centre key section: trusting keys is the administrator's.
    supervisor_screen = SettingsScreen(supervisor, settings)
    qtbot.addWidget(supervisor_screen)
    assert supervisor_screen.centre_key_button is None


def test_wizard_creates_a_centre_database(qtbot, tmp_path, settings):
    path = tmp_path / "centre.db"
    wizard = _wizard(qtbot, path, settings)
    wizard.role_page.centre.setChecked(True)
    wizard.next()
    assert wizard.currentId() == ADMIN_PAGE  # no district for the centre
    _fill_admin(wizard, "karim", ADMIN_PASSWORD)
    wizard.next()
    _wait_created(qtbot, wizard)
    finish = _button(wizard, QWizard.WizardButton.FinishButton)
    assert wizard.currentId() == CREATE_PAGE and finish.isVisible() and not finish.isEnabled()
    wizard.create_page.confirmed.setChecked(True)
    assert finish.isEnabled()
    finish.click()
    assert wizard.result() == QWizard.DialogCode.Accepted
    assert wizard.session.is_centre and wizard.session.user == "karim"
    wizard.session.close()


def test_cancel_before_creation_leaves_nothing(qtbot, tmp_path, settings):
    path = tmp_path / "none.db"
    wizard = _wizard(qtbot, path, settings)
    wizard.role_page.centre.setChecked(True)
    wizard.next()
    wizard.reject()
    assert wizard.result() == QWizard.DialogCode.Rejected and not path.exists()


def test_district_list_follows_validity():
    codes_now = [d.code for d in districts_valid_on(dt.date(2026, 1, 1))]
    assert "HUB" in codes_now and "LEHRI" not in codes_now  # Lehri was abolished in 2018
    assert "LEHRI" in [d.code for d in districts_valid_on(dt.date(2015, 1, 1))]


# -- sign in -------------------------------------------------------------------------------------------


def _login(qtbot, path: Path, settings: Settings) -> LoginDialog:
    dialog = LoginDialog(path, settings)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _try(qtbot, dialog: LoginDialog, user: str, password: str) -> None:
    dialog.user_name.setText(user)
    dialog.password.setText(password)
    dialog.sign_in.click()
    assert dialog.busy  # argon2id runs off the GUI thread
    qtbot.waitUntil(lambda: not dialog.busy, timeout=WAIT_MS)


def test_login_succeeds_and_remembers_the_user(qtbot, district_db, settings, shots):
    dialog = _login(qtbot, district_db, settings)
    assert dialog.user_name.text() == ""
    dialog.user_name.setText("sana")
    dialog.password.setText(SUPERVISOR_PASSWORD)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)  # Enter submits
    qtbot.waitUntil(lambda: dialog.session is not None, timeout=WAIT_MS)
    assert dialog.result() == LoginDialog.DialogCode.Accepted
    assert dialog.session.user == "sana" and dialog.session.role == "supervisor"
    dialog.session.close()
    assert settings.last_user == "sana"

    second = _login(qtbot, district_db, settings)
    assert second.user_name.text() == "sana"
    shots(second, "login.png")


def test_login_explains_wrong_passwords_and_the_lock(qtbot, district_db, settings, shots):
    dialog = _login(qtbot, district_db, settings)
    _try(qtbot, dialog, "sana", "not-it")
    assert dialog.status.text() == "Wrong password for 'sana'. 4 tries left before the user is locked."
    assert dialog.session is None and dialog.isVisible()
    assert dialog.user_name.text() == "sana" and dialog.password.text() == ""
    shots(dialog, "login-wrong-password.png")
    for _ in range(4):
        _try(qtbot, dialog, "sana", "not-it")
    assert dialog.status.text().startswith("Wrong password for 'sana'. The user is now locked for 15 minutes, until ")
    _try(qtbot, dialog, "sana", SUPERVISOR_PASSWORD)  # even the right password, while locked
    assert dialog.status.text().startswith("User 'sana' is locked after 5 wrong passwords until ")
    assert dialog.session is None


def _message_fits(dialog: LoginDialog) -> None:
    """The message is shown whole (its label as tall as its wrapped text) and the inputs keep their height."""
    QApplication.processEvents()
    label = dialog.status
    assert label.isVisible() and label.text()
    assert label.height() >= label.heightForWidth(label.width()), (label.text(), label.geometry(),
                                                                   label.heightForWidth(label.width()))
    assert dialog.rect().contains(label.geometry())
    for line in (dialog.user_name, dialog.password):
        assert line.height() == line.sizeHint().height(), (line.accessibleName(), line.height())


def test_login_grows_with_its_message_and_shows_the_lock_end_in_local_time(qtbot, district_db, settings, shots,
                                                                            monkeypatch):
    """Issue 13: under Xvfb without a window manager the dialog kept its first height, so a two-line refusal
    was cut off and the inputs squashed to half their height. The lock's end is the wall clock's time."""
    monkeypatch.setenv("TZ", "Asia/Karachi")  # UTC+5: a time shown in UTC would not match
    time.tzset()
    try:
        dialog = _login(qtbot, district_db, settings)
        _try(qtbot, dialog, "omar", "not-it")
        assert dialog.status.text() == "Wrong password for 'omar'. 4 tries left before the user is locked."
        _message_fits(dialog)
        for _ in range(3):
            with pytest.raises(AuthError):
                open_session(district_db, "omar", "not-it")
        _try(qtbot, dialog, "omar", "not-it")  # the fifth: locked now
        until = dt.datetime.fromisoformat(KeyFile.load(keyfile_path(district_db)).content["lockout"]["omar"]["locked_until"])
        local = until.astimezone(ZoneInfo("Asia/Karachi")).strftime("%H:%M")
        assert local != until.astimezone(dt.UTC).strftime("%H:%M")
        assert dialog.status.text() == f"Wrong password for 'omar'. The user is now locked for 15 minutes, until {local}."
        _message_fits(dialog)
        _try(qtbot, dialog, "omar", OPERATOR_PASSWORD)  # the right password, while locked
        assert dialog.status.text() == (f"User 'omar' is locked after 5 wrong passwords until {local}. "
                                        "Wait, or ask a supervisor or admin to unlock.")
        _message_fits(dialog)
        shots(dialog, "login-locked.png")
        dialog.resize(dialog.minimumWidth(), 10)  # not shorter than its message
        _message_fits(dialog)
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()


def test_login_asks_for_missing_fields(qtbot, district_db, settings):
    dialog = _login(qtbot, district_db, settings)
    dialog.sign_in.click()
    assert dialog.status.text() == "Type your user name." and not dialog.busy
    dialog.user_name.setText("sana")
    dialog.sign_in.click()
    assert dialog.status.text() == "Type your password." and not dialog.busy


# -- auto-lock -----------------------------------------------------------------------------------------


def _locked_window(qtbot, district_db: Path, interval_ms: int):
    session = open_session(district_db, "sana", SUPERVISOR_PASSWORD)
    window = QMainWindow()
    window.setCentralWidget(QLabel("Case 17: client details"))
    window.resize(1366, 768)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    idle = IdleLock(interval_ms=interval_ms)
    dialogs: list[LockScreenDialog] = []

    def lock() -> None:
        dialog = LockScreenDialog(session, window)
        qtbot.addWidget(dialog)
        dialog.unlocked.connect(idle.release)
        dialogs.append(dialog)
        dialog.open()

    idle.locked.connect(lock)
    idle.install()
    return session, window, idle, dialogs


def test_auto_lock_fires_when_idle_and_unlocks_with_the_right_password(qtbot, district_db, shots):
    session, window, idle, dialogs = _locked_window(qtbot, district_db, interval_ms=400)
    try:
        for _ in range(6):  # typing keeps it unlocked beyond the idle time
            qtbot.wait(150)
            qtbot.keyClick(window, Qt.Key.Key_Shift)
        assert not dialogs and not idle.is_locked
        with qtbot.waitSignal(idle.locked, timeout=3000):
            pass
        dialog = dialogs[0]
        qtbot.waitExposed(dialog)
        assert dialog.isVisible() and dialog.isModal()
        curtain = next(c for c in dialog.curtains if c.parentWidget() is window)
        assert curtain.isVisible() and curtain.geometry() == window.rect()  # the window's content is covered
        shots(dialog, "lock.png")
        shots(window, "locked-window.png")

        qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # Escape does not reveal anything
        assert dialog.isVisible()

        dialog.password.setText("not-it")
        dialog.unlock_button.click()
        qtbot.waitUntil(lambda: not dialog.busy, timeout=WAIT_MS)
        assert dialog.status.text() == "Wrong password for 'sana'. 4 tries left before the user is locked."
        assert dialog.isVisible() and curtain.isVisible() and idle.is_locked

        dialog.password.setText(SUPERVISOR_PASSWORD)
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)
        assert dialog.result() == LockScreenDialog.DialogCode.Accepted
        assert not dialog.curtains and not idle.is_locked and idle.timer.isActive()
        assert session.keyfile.content["lockout"].get("sana") is None  # the right password cleared the count
        assert session.db.execute("SELECT count(*) FROM users").fetchone()[0] == 3  # same session, still open
    finally:
        idle.uninstall()
        session.close()


def test_lock_screen_can_sign_out(qtbot, district_db):
    session, window, idle, dialogs = _locked_window(qtbot, district_db, interval_ms=100)
    try:
        qtbot.waitUntil(lambda: bool(dialogs), timeout=3000)
        dialog = dialogs[0]
        with qtbot.waitSignal(dialog.sign_out_requested, timeout=1000):
            dialog.sign_out_button.click()
        assert dialog.result() == LockScreenDialog.SIGNED_OUT and not dialog.curtains
    finally:
        idle.uninstall()
        session.close()


def test_auto_lock_zero_means_never(qtbot):
    idle = IdleLock(minutes=0)
    idle.install()
    try:
        assert not idle.enabled and not idle.timer.isActive()
        idle.set_minutes(10)
        assert idle.timer.isActive() and idle.timer.interval() == 600_000
    finally:
        idle.uninstall()


# -- change password -----------------------------------------------------------------------------------


def test_change_password_checks_the_current_one_and_the_old_stops_working(qtbot, district_db, shots):
    session = open_session(district_db, "sana", SUPERVISOR_PASSWORD)
    try:
        dialog = ChangePasswordDialog(session)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.current.setText(SUPERVISOR_PASSWORD)
        dialog.new.setText("short")
        dialog.repeat.setText("short")
        dialog.change_button.click()
        assert dialog.status.text().startswith("A password needs at least 10 characters. Four or more words")
        dialog.new.setText(NEW_PASSWORD)
        dialog.repeat.setText(NEW_PASSWORD + "x")
        dialog.change_button.click()
        assert dialog.status.text().startswith("The two new passwords are not the same.")
        assert dialog.new.text() == NEW_PASSWORD  # nothing typed is lost
        dialog.repeat.setText(NEW_PASSWORD)
        dialog.current.setText("not-it")
        dialog.change_button.click()
        qtbot.waitUntil(lambda: not dialog.busy, timeout=WAIT_MS)
        assert dialog.status.text() == "Wrong password for 'sana'. 4 tries left before the user is locked."
        shots(dialog, "change-password.png")
        dialog.current.setText(SUPERVISOR_PASSWORD)
        dialog.change_button.click()
        qtbot.waitUntil(lambda: not dialog.busy, timeout=WAIT_MS)
        assert dialog.changed and dialog.result() == ChangePasswordDialog.DialogCode.Accepted
    finally:
        session.close()
    with pytest.raises(AuthError, match="Wrong password"):
        open_session(district_db, "sana", SUPERVISOR_PASSWORD)
    fresh = open_session(district_db, "sana", NEW_PASSWORD)
    fresh.close()


# -- settings ------------------------------------------------------------------------------------------


def test_settings_defaults_types_and_bad_values(settings, tmp_path):
    assert settings.language == "en"
    assert settings.auto_lock_minutes == DEFAULT_AUTO_LOCK_MINUTES
    assert settings.font_size == DEFAULT_FONT_SIZE
    assert settings.last_user == ""
    settings.language = "ur"
    settings.auto_lock_minutes = 0
    settings.font_size = 14
    settings.last_user = "sana"
    settings.sync()
    reread = Settings(QSettings(str(tmp_path / "mizan.ini"), QSettings.Format.IniFormat))
    assert (reread.language, reread.auto_lock_minutes, reread.font_size, reread.last_user) == ("ur", 0, 14, "sana")
    with pytest.raises(ValueError):
        settings.language = "fr"
    with pytest.raises(ValueError):
        settings.font_size = 99
    settings.store.setValue("auto_lock_minutes", "soon")  # hand-edited nonsense falls back to the default
    settings.store.setValue("language", "xx")
    assert settings.auto_lock_minutes == DEFAULT_AUTO_LOCK_MINUTES and settings.language == "en"
