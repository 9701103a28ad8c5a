"""The main window: a sidebar of the screens the signed-in role may use, and a status bar."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from gui.screens.base import Screen
from storage.core.roles import allowed, role_name
from storage.core.session import Session
from storage.i18n import fill
from sync.export import list_exports

ScreenFactory = type[Screen] | Callable[[Session], Screen]


class MainWindow(QMainWindow):
    """Holds the session; builds each screen the role may use; switches between them from the sidebar."""

    def __init__(self, session: Session, factories: list[ScreenFactory]) -> None:
        super().__init__()
        self.session = session
        where = session.district or self.tr("Provincial centre")
        self.setWindowTitle(fill(self.tr("Mizan: {where}, {user} ({role})"), where=where, user=session.user, role=role_name(session.role)))
        self.sidebar = QListWidget()
        self.sidebar.setAccessibleName(self.tr("Screens"))
        self.sidebar.setMaximumWidth(300)
        self.sidebar.setStyleSheet("QListWidget::item { padding: 7px 10px; }")
        self.stack = QStackedWidget()
        self.screens: list[Screen] = []
        for factory in factories:
            # Screens the role may not use are never built: building one could already query the database.
            if not allowed(session, getattr(factory, "permission", "view")):
                continue
            if session.installation["role"] not in getattr(factory, "installations", {"district", "centre"}):
                continue
            screen = factory(session)
            self.screens.append(screen)
            self.stack.addWidget(screen)
            QListWidgetItem(screen.title(), self.sidebar)
        # As wide as the longest title (Urdu titles run longer than English ones), never clipped.
        self.sidebar.setFixedWidth(min(300, self.sidebar.sizeHintForColumn(0) + 2 * self.sidebar.frameWidth() + 24))
        self.sidebar.currentRowChanged.connect(self.show_screen)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.addWidget(self.sidebar)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.status = QLabel()
        self.statusBar().addPermanentWidget(self.status)
        self.refresh_status()
        if self.screens:
            self.sidebar.setCurrentRow(0)
        self.sidebar.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def show_screen(self, row: int) -> None:
        if 0 <= row < len(self.screens):
            self.stack.setCurrentIndex(row)
            self.screens[row].refresh()
            self.refresh_status()

    def refresh_status(self) -> None:
        """A district office sees its last bundle and whether the centre acknowledged one."""
        if self.session.is_centre:
            return
        exports = list_exports(self.session)
        made = exports[-1] if exports else None
        acknowledged = [e for e in exports if e["acknowledged_at"]]
        last_export = (fill(self.tr("Last bundle: {n} on {day}"), n=made["sequence"], day=made["made_at"][:10])
                       if made else self.tr("No bundle sent yet"))
        last_receipt = (fill(self.tr("last receipt: bundle {n} acknowledged {day}"), n=acknowledged[-1]["sequence"], day=acknowledged[-1]["acknowledged_at"][:10])
            if acknowledged else self.tr("no receipt yet"))
        self.status.setText(f"{last_export} · {last_receipt}")

    def screen_titles(self) -> list[str]:
        return [screen.title() for screen in self.screens]
