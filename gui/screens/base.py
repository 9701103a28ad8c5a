"""The base of every screen in the main window's sidebar.

A screen is a widget built from a signed-in :class:`Session`. It declares the permission it needs (from
``storage.core.roles.PERMISSIONS``) so the sidebar shows only what the role may use; the storage functions
check the same permission again, so hiding is a courtesy, not the protection.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from storage.core.session import Session


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
