"""The base of every screen in the main window's sidebar.

A screen is a widget built from a signed-in :class:`Session`. It declares the permission it needs (from
``storage.users.PERMISSIONS``) so the sidebar shows only what the role may use; the storage functions
check the same permission again, so hiding is a courtesy, not the protection.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

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
