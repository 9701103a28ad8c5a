"""Messages to the person at the screen: inline message labels, storage's errors on them, and questions.

Storage and sync raise :class:`~storage.errors.MizanError` with messages written for people (and
translated); the interface shows them as they are, in the one error style, on a label beside what went
wrong. :func:`call_storage` is that pattern once: call, catch, show, say whether it worked.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from gui.widgets.style import ERROR_STYLE
from storage.errors import MizanError
from storage.i18n import fill

T = TypeVar("T")


def describe_error(widget: QWidget, error: Exception) -> str:
    """The storage message for a Mizan error (written for people); a plain wrapper for anything else."""
    if isinstance(error, MizanError):
        return str(error)
    # An explicit context: ``widget.tr`` would look the text up under the widget's own class at run time,
    # while lupdate files it under the name of the variable, so the Urdu was never found.
    return fill(QCoreApplication.translate("messages", "Something went wrong: {error}"), error=error)


def message_label() -> QLabel:
    """A word-wrapped, selectable line for inline messages (errors stay on screen until the next try)."""
    label = QLabel()
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.hide()
    return label


def show_message(label: QLabel, text: str, *, error: bool) -> None:
    """Show ``text`` in a message label (hidden while empty, so it leaves no gap)."""
    label.setStyleSheet(ERROR_STYLE if error else "")
    label.setText(text)
    label.setVisible(bool(text))


@dataclass(frozen=True)
class Called(Generic[T]):
    """What :func:`call_storage` gives back: true with the call's value, or false once the error is shown."""

    ok: bool
    value: T | None = None

    def __bool__(self) -> bool:
        return self.ok


def call_storage(label: QLabel, action: Callable[[], T], *, also: tuple[type[Exception], ...] = (),
                 message: Callable[[Exception], str] = str) -> Called[T]:
    """Run a storage (or sync) call; when it raises a MizanError, show its message on ``label``.

    The message goes on the label in the one error style (and shows a hidden label). ``also``: other
    errors to show the same way, e.g. ``OSError`` when a chosen file cannot be written. ``message``:
    how to word the error (storage's own message unless given). Any other exception is a bug and
    propagates. On success the label loses the error style; its text is left to the caller, who says
    what was done.
    """
    try:
        value = action()
    except (MizanError, *also) as error:
        show_message(label, message(error), error=True)
        return Called(False)
    label.setStyleSheet("")
    return Called(True, value)


def confirm(parent: QWidget, title: str, text: str, do_text: str, keep_text: str) -> bool:
    """Ask before something that cannot be undone; the buttons say what they do, in the interface's
    language (Qt's own Yes/No have no Urdu), and Enter or Escape keep things as they are."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    do = box.addButton(do_text, QMessageBox.ButtonRole.DestructiveRole)
    keep = box.addButton(keep_text, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.exec()
    return box.clickedButton() is do
