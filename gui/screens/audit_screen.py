"""The audit log viewer: who changed what and when, newest first, paged from SQL; and a chain check.

At the centre an alarm above the log names each district PC whose own audit history was found rewritten or
rolled back (audit anchors, sync/anchors.py): read from what the imports found, shown as the screen opens
and again after every check.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QPushButton, QTableView, QVBoxLayout, QWidget

from gui.screens.base import Screen
from gui.tasks import run_with_own_connection
from gui.widgets.list_model import Index, ListTableModel
from gui.widgets.plain import plain_label, plain_tooltip
from gui.widgets.style import BOLD_STYLE, ERROR_STYLE
from storage.core import audit
from storage.core.session import Session
from storage.i18n import fill
from storage.views.audit_trail import audit_trail, district_alarms, verify_audit

PAGE = 200


class AuditModel(ListTableModel):
    """Pages lazily (canFetchMore/fetchMore): a busy office has hundreds of thousands of entries."""

    AT, ACTOR, ACTION, TABLE, ROW, BEFORE, AFTER = range(7)
    KEYS = ("at", "actor", "action", "table_name", "row_key", "before", "after")

    def __init__(self, session: Session) -> None:
        super().__init__([self.tr("When (UTC)"), self.tr("Who"), self.tr("What"), self.tr("Table"),
                          self.tr("Record"), self.tr("Before"), self.tr("After")])
        self.session = session
        self.exhausted = False

    def reload(self) -> None:
        self.beginResetModel()
        self.rows, self.exhausted = [], False
        self.endResetModel()
        self.fetchMore(QModelIndex())

    def canFetchMore(self, parent: Index) -> bool:  # noqa: N802 (Qt's name)
        return not parent.isValid() and not self.exhausted

    def fetchMore(self, parent: Index) -> None:  # noqa: N802
        if parent.isValid() or self.exhausted:
            return
        page = audit_trail(self.session, offset=len(self.rows), limit=PAGE)
        self.exhausted = len(page) < PAGE
        if page:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(page) - 1)
            self.rows.extend(page)
            self.endInsertRows()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        value = self.rows[index.row()][self.KEYS[index.column()]]
        if index.column() == self.AT and value:
            value = value[:19].replace("T", " ")
        if role == Qt.ItemDataRole.ToolTipRole:
            # The whole entry, as written: before and after hold comments, names and values from others.
            return plain_tooltip(value)
        if index.column() in (self.BEFORE, self.AFTER) and value:
            return value if len(value) <= 80 else value[:77] + "…"
        return value


class AuditScreen(Screen):
    permission = "view_audit"

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.model = AuditModel(session)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Audit log"))
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.model.AFTER, QHeaderView.ResizeMode.Stretch)
        self.verdict = plain_label()
        self.verdict.setWordWrap(True)
        check = QPushButton(self.tr("&Check the audit chain"))
        check.clicked.connect(self.check_chain)
        row = QHBoxLayout()
        row.addWidget(check)
        row.addWidget(self.verdict, 1)
        self.alarm = plain_label()
        self.alarm.setWordWrap(True)
        self.alarm.setStyleSheet(ERROR_STYLE + BOLD_STYLE)
        self.alarm.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.alarm.setAccessibleName(self.tr("District audit histories"))
        self.alarm.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.alarm)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)

    def title(self) -> str:
        return self.tr("Audit log")

    def refresh(self) -> None:
        self.model.reload()
        self.show_alarm(district_alarms(self.session))  # stored findings: a quick read, no chain recomputed

    def show_alarm(self, districts: list[dict]) -> None:
        """Name every district PC whose audit history was rewritten or rolled back (none: no alarm)."""
        if not districts:
            self.alarm.clear()
            self.alarm.hide()
            return
        lines = [fill(self.tr("Audit alarm: district PCs whose audit history was rewritten or rolled back after the centre was shown it ({n}):"), n=len(districts))]
        lines += [finding["message"] for finding in districts]
        self.alarm.setText("\n".join(lines))
        self.alarm.show()

    def check_chain(self) -> None:
        """Re-hashing the whole log takes seconds on a big database: off the GUI thread."""
        self.verdict.setText(self.tr("Checking…"))
        run_with_own_connection(self.session, verify_audit, self.show_verdict, owner=self)

    def show_verdict(self, report: object, error: Exception | None) -> None:
        if error is not None or not isinstance(report, audit.AuditReport):
            self.verdict.setText(fill(self.tr("The check could not run: {error}"), error=error))
        else:
            if not report.problems:
                self.verdict.setText(fill(self.tr("The audit log is intact: {entries} entries under {seals} seals."), entries=f"{report.entries:,}", seals=f"{report.seals:,}"))
            else:
                self.verdict.setText(fill(self.tr("The audit log has been tampered with: {problems}"), problems="; ".join(report.problems)))
            self.show_alarm(report.districts)
