"""Signing in: :class:`LoginDialog` opens a :class:`~storage.core.session.Session` with ``open_session`` off
the GUI thread (argon2id takes a noticeable moment) and remembers the last user name on this PC."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QVBoxLayout, QWidget

from gui.settings import Settings
from gui.tasks import run_task
from gui.widgets.inputs import password_field
from gui.widgets.labels import heading_label
from gui.widgets.messages import describe_error, message_label, show_message
from gui.widgets.plain import plain_label
from gui.widgets.style import PLACEHOLDER_STYLE
from storage.core.session import Session, open_session
from storage.i18n import fill


class LoginDialog(QDialog):
    """User name and password; on success ``self.session`` is the open session and the dialog accepts."""

    def __init__(self, db_path: str | Path, settings: Settings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db_path = Path(db_path)
        self.settings = settings or Settings()
        self.session: Session | None = None
        self.busy = False
        self._abandoned = False
        self.setWindowTitle(self.tr("Sign in to Mizan"))
        # Wide enough that the longest refusal (the lock, with its end time) takes two lines, not four.
        self.setMinimumWidth(520)

        layout = QVBoxLayout(self)
        layout.addWidget(heading_label(self.tr("Mizan"), wrap=True))
        subtitle = plain_label(self.tr("Balochistan Rule of Law Roadmap: district figures and gender desk records"))
        subtitle.setWordWrap(True)
        layout.addWidget(subtitle)
        layout.addSpacing(8)

        form = QFormLayout()
        self.user_name = QLineEdit(self.settings.last_user)
        self.user_name.setAccessibleName(self.tr("User name"))
        self.password = password_field(self.tr("Password"))
        form.addRow(self.tr("&User name:"), self.user_name)
        form.addRow(self.tr("&Password:"), self.password)
        layout.addLayout(form)

        self.status = message_label()
        layout.addWidget(self.status)

        buttons = QDialogButtonBox()
        self.sign_in = buttons.addButton(self.tr("&Sign in"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.sign_in.setDefault(True)
        self.sign_in.setAutoDefault(True)
        self.quit_button = buttons.addButton(self.tr("&Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        # Enter anywhere in the dialog presses the default button; the button box must not accept on its own.
        self.sign_in.clicked.connect(self.start_sign_in)
        self.quit_button.setAutoDefault(False)  # Enter always signs in, wherever the focus is
        self.quit_button.clicked.connect(self.reject)
        layout.addWidget(buttons)

        where = plain_label(fill(self.tr("Database: {path}"), path=self.db_path))
        where.setWordWrap(True)
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        where.setStyleSheet(PLACEHOLDER_STYLE)
        layout.addWidget(where)

        (self.password if self.user_name.text() else self.user_name).setFocus()

    def start_sign_in(self) -> None:
        """Check that both fields are filled, then derive the key off the GUI thread."""
        if self.busy:
            return
        user, password = self.user_name.text().strip(), self.password.text()
        if not user:
            self._say(self.tr("Type your user name."), error=True)
            self.user_name.setFocus()
            return
        if not password:
            self._say(self.tr("Type your password."), error=True)
            self.password.setFocus()
            return
        self._set_busy(True)
        self._say(self.tr("Signing in…"), error=False)
        path = self.db_path
        run_task(lambda: open_session(path, user, password), self.finish_sign_in)

    def finish_sign_in(self, result: object, error: Exception | None) -> None:
        self._set_busy(False)
        if self._abandoned:  # the dialog was closed while the key was being derived
            if isinstance(result, Session):
                result.close()
            return
        if error is not None:
            self._say(describe_error(self, error), error=True)
            self.password.clear()
            self.password.setFocus()
            return
        assert isinstance(result, Session)
        self.session = result
        self.settings.last_user = result.user
        self.settings.sync()
        self._say("", error=False)
        self.accept()

    def _say(self, text: str, *, error: bool) -> None:
        """Show ``text`` under the inputs and make the dialog tall enough for it."""
        show_message(self.status, text, error=error)
        self._fit_height()

    def _fit_height(self) -> None:
        """Keep the dialog at least as tall as its contents need at its width.

        The message label wraps, and Qt sets a window's minimum size without asking a wrapping label how
        tall it gets at the window's width: with a window manager the window may still be too short, and
        without one (Xvfb, a kiosk) it never grows, so a two-line refusal was cut and the inputs squashed
        to half their height. The height the layout needs at this width becomes the minimum, and the
        dialog grows to it (it keeps a taller size the person gave it).
        """
        layout = self.layout()
        layout.activate()
        width = max(self.width(), self.minimumWidth())
        needed = layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else layout.totalSizeHint().height()
        self.setMinimumHeight(needed)
        if self.height() < needed:
            self.resize(width, needed)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():  # narrower: the message wraps onto more lines
            self._fit_height()

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        for widget in (self.user_name, self.password, self.sign_in):
            widget.setEnabled(not busy)
        self.sign_in.setDefault(True)  # disabling a button drops its default role; Enter must sign in again
        self.setCursor(Qt.CursorShape.BusyCursor if busy else Qt.CursorShape.ArrowCursor)

    def reject(self) -> None:
        if self.busy:
            self._abandoned = True
        super().reject()
