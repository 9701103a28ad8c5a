"""The base of every screen in the main window's sidebar.

A screen is a widget built from a signed-in :class:`Session`. It declares the permission it needs (from
``storage.users.PERMISSIONS``) so the sidebar shows only what the role may use; the storage functions
check the same permission again, so hiding is a courtesy, not the protection.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDateTimeEdit, QLabel, QMessageBox, QWidget

from storage.database import Session


class Screen(QWidget):
    """Subclasses set ``permission`` and implement ``title`` and ``refresh``."""

    permission = "view"
    # The installations the screen belongs to: the centre's import desk means nothing at a district.
    installations: frozenset[str] = frozenset({"district", "centre"})

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session

    def title(self) -> str:
        raise NotImplementedError

    def refresh(self) -> None:
        """Reload what the screen shows (called when it becomes visible)."""


def heading_label(text: str) -> QLabel:
    """A screen's title: larger and bold, scaled with the font-size setting (see gui.settings)."""
    label = QLabel(text)
    label.setProperty("role", "heading")
    label.setAccessibleName(text)
    return label


def larger(label: QLabel) -> QLabel:
    """Text a size above the body text (a question being asked, a drop zone), scaled with the setting."""
    label.setProperty("role", "larger")
    return label


def explanation(text: str) -> QLabel:
    """A sentence or two that explains a screen: wrapped, so that it never widens the window."""
    label = QLabel(text)
    label.setWordWrap(True)
    return label


ISO_DATE = "yyyy-MM-dd"


def iso_dates(edit: QDateTimeEdit) -> QDateTimeEdit:
    """Show dates as 2026-10-31, left to right even in Urdu.

    A date edit lays its sections out in the layout direction it has when its format is set: in a
    right-to-left window "2026-10-31" would become "31-10-2026". So the direction comes first.
    """
    edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    edit.setDisplayFormat(ISO_DATE)
    return edit


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
