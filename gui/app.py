"""The application: first-run setup or sign-in, then the main window, with auto-lock and sign-out."""

from __future__ import annotations

import sys
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QDialog

import printing
from gui import startup_probe
from gui.dialogs.lock import IdleLock, LockScreenDialog
from gui.language import install_language, remove_language
from gui.settings import Settings, apply_font_size
from storage.core.session import Session, default_database_path
from sync import install_hooks

if TYPE_CHECKING:
    from gui.main_window import MainWindow

# The first window is the setup wizard or the sign-in dialog, and the app should show it as soon as it can
# (bench/bench_startup.py times it): the main window, its screens and what they import (pandas for the
# reports, the register's case form, ...) are imported when someone has signed in, by show_main.


def sidebar_screens() -> list[type]:
    """The sidebar's screens, in order; each declares the permission it needs."""
    # Imported here, not at the top: the screens are needed only after sign-in (see above).
    from gui.screens.approvals_screen import ApprovalsScreen
    from gui.screens.audit_screen import AuditScreen
    from gui.screens.dashboard import DashboardScreen
    from gui.screens.desk_register import DeskRegisterScreen
    from gui.screens.devices_screen import DevicesScreen
    from gui.screens.export_screen import ExportScreen
    from gui.screens.import_screen import ImportScreen
    from gui.screens.indicator_entry import IndicatorEntryScreen
    from gui.screens.pkm_log import PkmLogScreen
    from gui.screens.plan_screen import PlanScreen
    from gui.screens.province_screen import ProvinceScreen
    from gui.screens.reports_screen import ReportsScreen
    from gui.screens.review_screen import ReviewScreen
    from gui.screens.targets_screen import TargetsScreen
    from gui.screens.users_screen import UsersScreen

    return [ProvinceScreen, DashboardScreen, ImportScreen, ReviewScreen, ApprovalsScreen, DevicesScreen, IndicatorEntryScreen,
            DeskRegisterScreen,
            PkmLogScreen, ExportScreen, ReportsScreen, TargetsScreen, PlanScreen, UsersScreen, AuditScreen]


def __getattr__(name: str) -> object:
    """``gui.app.SCREENS``: the sidebar's screens, imported on first use (tests and docs/screenshots.py)."""
    if name == "SCREENS":
        return sidebar_screens()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class Application(QObject):
    """Drives the windows: setup or login, the main window, the lock screen, sign-out and back."""

    def __init__(self, db_path: Path, settings: Settings, translators: list | None = None) -> None:
        super().__init__()
        self.db_path = db_path
        self.settings = settings
        self.translators = translators or []  # the language installed at start-up (see switch_language)
        self.window: MainWindow | None = None
        self.dialog: QDialog | None = None
        self.idle = IdleLock(settings.auto_lock_minutes)
        self.idle.locked.connect(self.lock)

    def start(self) -> None:
        """Setup when there is no database yet, else sign-in (both non-blocking, so tests can drive them)."""
        if self.db_path.exists():
            # Imported here, not at the top, like the wizard below: a start shows one of the two.
            from gui.dialogs.login import LoginDialog

            self.dialog = LoginDialog(self.db_path, self.settings)
        else:
            # Imported here, not at the top: only a new installation shows the wizard.
            from gui.dialogs.setup_wizard import SetupWizard

            wizard = SetupWizard(self.db_path, self.settings)
            wizard.language_chosen.connect(self.switch_language)
            self.dialog = wizard
        self.dialog.accepted.connect(self._signed_in)
        self.dialog.open()

    def switch_language(self, language: str) -> None:
        """Chosen on the setup wizard's first page: keep it, change the interface, start the wizard again."""
        app = QApplication.instance()
        if not isinstance(app, QApplication) or language == self.settings.language:
            return
        try:
            translators = install_language(app, language)
        except FileNotFoundError as missing:
            print(f"mizan: {missing}", file=sys.stderr)
            return
        remove_language(app, self.translators, keep_direction=True)
        self.translators = translators
        self.settings.language = language
        apply_font_size(app, self.settings)
        if self.dialog is not None:
            old = self.dialog
            self.dialog = None
            old.deleteLater()
            old.hide()
        self.start()

    def _signed_in(self) -> None:
        dialog = self.dialog
        session = getattr(dialog, "session", None)
        if isinstance(session, Session):
            self.show_main(session)

    def show_main(self, session: Session) -> None:
        # Imported here, not at the top: the main window and its screens are needed after sign-in only.
        from PySide6.QtGui import QAction, QKeySequence

        from gui.dialogs.password import ChangePasswordDialog
        from gui.main_window import MainWindow
        from gui.screens.settings_screen import SettingsScreen
        from storage.core.policy import idle_lock_minutes

        settings_screen = partial(SettingsScreen, settings=self.settings, idle=self.idle)
        self.window = MainWindow(session, [*sidebar_screens(), settings_screen])
        account = self.window.menuBar().addMenu(self.tr("&Account"))
        change = QAction(self.tr("&Change password…"), self.window)
        change.triggered.connect(lambda: ChangePasswordDialog(session, self.window).exec())
        lock = QAction(self.tr("&Lock now"), self.window)
        lock.setShortcut(QKeySequence("Ctrl+L"))
        lock.triggered.connect(self.idle.lock_now)
        sign_out = QAction(self.tr("&Sign out"), self.window)
        sign_out.triggered.connect(self.sign_out)
        for action in (change, lock, sign_out):
            account.addAction(action)
        self.window.resize(1366, 768)
        self.window.show()
        # The centre's policy caps this PC's own choice (storage.core.policy).
        self.idle.set_minutes(idle_lock_minutes(self.settings.auto_lock_minutes, session.db))
        self.idle.install()

    def lock(self) -> None:
        """After the idle minutes: cover everything until the same user types the password again."""
        if self.window is None:
            return
        screen = LockScreenDialog(self.window.session, self.window)
        screen.unlocked.connect(self.idle.release)
        screen.sign_out_requested.connect(self.sign_out)
        screen.open()

    def sign_out(self) -> None:
        if self.window is not None:
            self.window.session.close()
            self.window.close()
            self.window.deleteLater()
            self.window = None
        self.idle.release()
        self.start()


def run_app(db_path: str | Path | None = None) -> int:
    """Start the GUI on ``db_path`` or the default database (MIZAN_DB or the user data folder)."""
    install_hooks()  # sync's keys at setup, revocations at sign-in, what a restore never rolls back
    printing.install_hooks()  # the Reports screen's PDFs (Qt's printing loads with the first one)
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Mizan")
    app.setOrganizationName("Mizan")
    startup_probe.install(app)  # MIZAN_STARTUP_PROBE only (bench/bench_startup.py): time the first window, quit
    settings = Settings()
    try:
        translators = install_language(app, settings.language)
    except FileNotFoundError as missing:  # a source checkout without `make translations`: English still works
        print(f"mizan: {missing} Starting in English.", file=sys.stderr)
        translators = install_language(app, "en")
    apply_font_size(app, settings)
    application = Application(Path(db_path) if db_path else default_database_path(), settings, translators)
    application.start()
    app.aboutToQuit.connect(lambda: application.window and application.window.session.close())
    return app.exec()
