"""Changing one's own password: :class:`ChangePasswordDialog` checks the current password against the
open session's key (as the lock screen does) and rewraps the user's key slot."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QVBoxLayout, QWidget

from gui.dialogs.lock import verify_password
from gui.tasks import run_task
from gui.widgets.inputs import password_field
from gui.widgets.messages import call_storage, describe_error, message_label, show_message
from gui.widgets.plain import plain_label
from gui.widgets.style import OK_STYLE
from storage.core.policy import policy_value
from storage.core.roles import check_password_strength
from storage.core.session import Session
from storage.i18n import fill
from storage.records.users import change_password


def _change_own_password(session: Session, current: str, new: str) -> bool:
    """Worker thread: the current password must open the user's slot before the slot is rewrapped.

    False when the password opens a slot that holds another database's key (a swapped key file).
    """
    if not verify_password(session.keyfile, session.user, current, session.db_key):
        return False
    change_password(session, session.user, new)
    return True


class ChangePasswordDialog(QDialog):
    """The signed-in user's current password, then the new one twice. ``self.changed`` after success."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.changed = False
        self.busy = False
        self.setWindowTitle(self.tr("Change your password"))
        self.setMinimumWidth(480)

        layout = QVBoxLayout(self)
        intro = plain_label(fill(self.tr(
            "Changing the password of {user}. Use at least {min_password_length} characters; four or more words "
            "that do not belong together are easy to remember and hard to guess."
        ), user=session.user, min_password_length=policy_value(session.db, "password_min_length")))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.current = password_field(self.tr("Current password"))
        self.new = password_field(self.tr("New password"))
        self.repeat = password_field(self.tr("New password again"))
        form.addRow(self.tr("&Current password:"), self.current)
        form.addRow(self.tr("&New password:"), self.new)
        form.addRow(self.tr("New password &again:"), self.repeat)
        layout.addLayout(form)
        self.status = message_label()
        layout.addWidget(self.status)

        buttons = QDialogButtonBox()
        self.change_button = buttons.addButton(self.tr("C&hange password"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.change_button.setDefault(True)
        self.cancel_button = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setAutoDefault(False)
        self.change_button.clicked.connect(self.start_change)
        self.cancel_button.clicked.connect(self.reject)
        layout.addWidget(buttons)
        self.current.setFocus()

    def start_change(self) -> None:
        if self.busy:
            return
        current, new, repeat = self.current.text(), self.new.text(), self.repeat.text()
        if not current:
            show_message(self.status, self.tr("Type your current password."), error=True)
            self.current.setFocus()
            return
        if not call_storage(self.status, lambda: check_password_strength(
                new, user=self.session.user, district=self.session.district,
                minimum=policy_value(self.session.db, "password_min_length"))):  # storage's rule, its words
            self.new.setFocus()
            return
        if new != repeat:
            show_message(self.status, self.tr(
                "The two new passwords are not the same. Type the new password again in both boxes."), error=True)
            self.repeat.setFocus()
            return
        if new == current:
            show_message(self.status, self.tr("The new password is the same as the current one."), error=True)
            self.new.setFocus()
            return
        self._set_busy(True)
        show_message(self.status, self.tr("Changing the password…"), error=False)
        session = self.session
        run_task(lambda: _change_own_password(session, current, new), self.finish_change)

    def finish_change(self, result: object, error: Exception | None) -> None:
        self._set_busy(False)
        if error is not None or result is not True:
            message = describe_error(self, error) if error is not None else self.tr(
                "This password opens a different database. Sign out and sign in again.")
            show_message(self.status, message, error=True)
            self.current.clear()
            self.current.setFocus()
            return
        self.changed = True
        show_message(self.status, self.tr("The password has changed. Use the new one from now on."), error=False)
        self.status.setStyleSheet(OK_STYLE)
        self.accept()

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        for widget in (self.current, self.new, self.repeat, self.change_button, self.cancel_button):
            widget.setEnabled(not busy)
        self.change_button.setDefault(True)  # disabling a button drops its default role

    def reject(self) -> None:
        if not self.busy:  # the slot is being rewritten; let it finish
            super().reject()
