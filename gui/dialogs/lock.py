"""Locking the screen when the PC is left alone.

* :class:`IdleLock` watches the application's input events; after the chosen idle time it emits
  ``locked``. The main window then shows a :class:`LockScreenDialog`.
* :class:`LockScreenDialog` covers every open window and asks the signed-in user's password again.

How the lock screen checks the password: it asks the *open session's own key file*
(``session.keyfile.unlock_with_password``) for the database key, off the GUI thread, and compares the
key with the session's key. That is the same argon2id slot, and the same five-tries lock, that signing
in uses, but it opens no second SQLCipher connection and runs no migration, and the open session (with
any half-typed form behind the lock) stays exactly as it was. A wrong password counts towards the lock
like any other; a locked user can only sign out.
"""

from __future__ import annotations

import hmac

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from gui.tasks import run_task
from gui.widgets.inputs import password_field
from gui.widgets.labels import heading_label
from gui.widgets.messages import describe_error, message_label, show_message
from storage.core.keyslots import KeyFile
from storage.core.session import Session
from storage.i18n import fill

_INPUT_EVENTS = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease,
    QEvent.Type.MouseButtonDblClick, QEvent.Type.MouseMove, QEvent.Type.Wheel, QEvent.Type.TouchBegin,
    QEvent.Type.TouchUpdate, QEvent.Type.InputMethod, QEvent.Type.ShortcutOverride,
})


class IdleLock(QObject):
    """An application event filter: after ``interval`` without keyboard or mouse input, emit ``locked``.

    ``minutes`` comes from the settings (0 = never); tests pass ``interval_ms`` instead. Once it has
    fired it stays quiet (input does not restart it) until :meth:`release` after the user unlocks.
    """

    locked = Signal()

    def __init__(self, minutes: int = 10, *, interval_ms: int | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.is_locked = False
        self._app: QApplication | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self._fire)
        self.interval_ms = 0
        self.set_interval_ms(interval_ms if interval_ms is not None else minutes * 60_000)

    def set_minutes(self, minutes: int) -> None:
        """Change the idle time (after the setting changed); 0 turns auto-lock off."""
        self.set_interval_ms(minutes * 60_000)

    def set_interval_ms(self, interval_ms: int) -> None:
        self.interval_ms = max(0, int(interval_ms))
        self.restart()

    @property
    def enabled(self) -> bool:
        return self.interval_ms > 0

    def install(self, app: QApplication | None = None) -> None:
        """Watch every input event of the application and start counting."""
        self._app = app or QApplication.instance()
        self._app.installEventFilter(self)
        self.restart()

    def uninstall(self) -> None:
        """Stop watching (at sign-out)."""
        if self._app is not None:
            self._app.removeEventFilter(self)
            self._app = None
        self.timer.stop()

    def restart(self) -> None:
        """Start the idle count again from zero (unless locked or turned off)."""
        if self.enabled and not self.is_locked:
            self.timer.start(self.interval_ms)
        else:
            self.timer.stop()

    def release(self) -> None:
        """The user unlocked: count idle time again."""
        self.is_locked = False
        self.restart()

    def lock_now(self) -> None:
        """Lock at once (a "Lock" menu item or shortcut)."""
        self._fire()

    def _fire(self) -> None:
        if self.is_locked:
            return
        self.is_locked = True
        self.timer.stop()
        self.locked.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if not self.is_locked and self.enabled and event.type() in _INPUT_EVENTS:
            self.timer.start(self.interval_ms)
        return False  # only watching: every event goes on to its widget


class _Curtain(QWidget):
    """An opaque cover laid over one window's contents while the screen is locked."""

    def __init__(self, window: QWidget, text: str) -> None:
        super().__init__(window)
        self.setAutoFillBackground(True)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet("_Curtain { background: palette(window); }")
        layout = QVBoxLayout(self)
        label = QLabel(text)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = label.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        label.setFont(font)
        layout.addWidget(label)
        window.installEventFilter(self)
        self.setGeometry(window.rect())
        self.raise_()
        self.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize:
            self.setGeometry(self.parentWidget().rect())
            self.raise_()
        return False


def verify_password(keyfile: KeyFile, user: str, password: str, expected_key: bytes) -> bool:
    """True when the password opens the user's slot and gives this session's database key (worker thread)."""
    return hmac.compare_digest(keyfile.unlock_with_password(user, password), expected_key)


class LockScreenDialog(QDialog):
    """Covers every open window and asks the signed-in user's password again.

    Ends with ``Accepted`` (emits ``unlocked``) on the right password, or with :attr:`SIGNED_OUT`
    (emits ``sign_out_requested``) when the user chooses to sign out. Escape does not close it.
    """

    SIGNED_OUT = 2
    unlocked = Signal()
    sign_out_requested = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.busy = False
        self.curtains: list[_Curtain] = []
        self.setWindowTitle(self.tr("Mizan is locked"))
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setMinimumWidth(460)

        layout = QVBoxLayout(self)
        layout.addWidget(heading_label(self.tr("Mizan is locked"), wrap=True))
        explanation = QLabel(fill(self.tr(
            "Nobody used Mizan for a while, so it hid its screens. {user}, type your password to carry on "
            "where you left off. Someone else? Sign out."
        ), user=session.user))
        explanation.setWordWrap(True)
        layout.addWidget(explanation)

        form = QFormLayout()
        user = QLabel(session.user)
        user.setAccessibleName(self.tr("User name"))
        form.addRow(self.tr("User:"), user)
        self.password = password_field(self.tr("Password"))
        form.addRow(self.tr("&Password:"), self.password)
        layout.addLayout(form)

        self.status = message_label()
        layout.addWidget(self.status)

        buttons = QDialogButtonBox()
        self.unlock_button = buttons.addButton(self.tr("&Unlock"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.unlock_button.setDefault(True)
        self.sign_out_button = buttons.addButton(self.tr("Sign &out"), QDialogButtonBox.ButtonRole.DestructiveRole)
        self.sign_out_button.setAutoDefault(False)  # Enter always means "unlock", never "sign out"
        self.unlock_button.clicked.connect(self.start_unlock)
        self.sign_out_button.clicked.connect(self.sign_out)
        layout.addWidget(buttons)
        self.password.setFocus()

    # -- covering the other windows ----------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        if not self.curtains:
            text = self.tr("Locked")
            for window in QApplication.topLevelWidgets():
                if window is not self and window.isVisible() and not isinstance(window, _Curtain) and \
                        window.windowType() in (Qt.WindowType.Window, Qt.WindowType.Dialog):
                    self.curtains.append(_Curtain(window, text))
        super().showEvent(event)

    def _remove_curtains(self) -> None:
        for curtain in self.curtains:
            curtain.parentWidget().removeEventFilter(curtain)
            curtain.hide()
            curtain.deleteLater()
        self.curtains = []

    # -- unlocking ---------------------------------------------------------------------------------
    def start_unlock(self) -> None:
        if self.busy:
            return
        password = self.password.text()
        if not password:
            show_message(self.status, self.tr("Type your password."), error=True)
            return
        self._set_busy(True)
        show_message(self.status, self.tr("Checking…"), error=False)
        session = self.session
        run_task(lambda: verify_password(session.keyfile, session.user, password, session.db_key),
                 self.finish_unlock)

    def finish_unlock(self, result: object, error: Exception | None) -> None:
        self._set_busy(False)
        self.password.clear()
        self.password.setFocus()
        if error is not None:
            show_message(self.status, describe_error(self, error), error=True)
            return
        if result is not True:
            show_message(self.status, self.tr(
                "This password opens a different database. Sign out and sign in again."), error=True)
            return
        show_message(self.status, "", error=False)
        self.unlocked.emit()
        self.accept()

    def sign_out(self) -> None:
        if self.busy:
            return
        self.sign_out_requested.emit()
        self.done(self.SIGNED_OUT)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        for widget in (self.password, self.unlock_button, self.sign_out_button):
            widget.setEnabled(not busy)
        self.unlock_button.setDefault(True)  # disabling a button drops its default role

    def done(self, result: int) -> None:
        self._remove_curtains()
        super().done(result)

    def reject(self) -> None:
        """Escape must not reveal the screens: only the password or signing out ends the lock."""

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        event.ignore()
