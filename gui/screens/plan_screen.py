"""The centre's Action Plan screen: the results framework's activities with their latest status, and the clerk's
dialog to record an activity's progress.

The framework and its progress are ``storage.records.plan`` (``framework_tree``, ``record_progress``, which checks
every rule and keeps the history); the framework itself is loaded from a workbook with ``plan load``.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from gui.screens.base import Screen
from gui.widgets.dates import iso_dates
from gui.widgets.labels import explanation, heading_label
from gui.widgets.list_model import Index, ListTableModel, list_table
from gui.widgets.messages import call_storage, message_label, show_message
from gui.widgets.plain import plain_tooltip
from gui.widgets.style import ATTENTION_FILL
from storage.core.roles import allowed
from storage.core.session import Session
from storage.errors import ValidationFailed
from storage.i18n import fill, language
from storage.records.plan import framework_tree, record_progress, status_name
from storage.validation import ACTIVITY_STATUSES, PERCENT_DONE

LATE = QColor(ATTENTION_FILL)


def _refusal(error: Exception) -> str:
    """A refused report in full: the summary and every rule's message."""
    if isinstance(error, ValidationFailed):
        return "\n".join([str(error), *(found.message for found in error.issues)])
    return str(error)


class ActivitiesModel(ListTableModel):
    """One row per activity of the framework in use, in its order, with its latest progress."""

    CODE, TITLE, DEPARTMENT, DUE, STATUS, PERCENT, AS_OF, LATE_DAYS = range(8)

    def __init__(self, session: Session) -> None:
        super().__init__([self.tr("Code"), self.tr("Activity"), self.tr("Department"), self.tr("Due"),
                          self.tr("Status"), self.tr("Done %"), self.tr("As of"), self.tr("Days late")])
        self.session = session
        self.tree: dict | None = None

    def reload(self) -> None:
        self.beginResetModel()
        self.tree = framework_tree(self.session)
        self.rows = [activity for objective in (self.tree or {}).get("objectives", [])
                     for output in objective["outputs"] for activity in output["activities"]]
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        activity = self.rows[index.row()]
        if role == Qt.ItemDataRole.BackgroundRole and index.column() in (self.STATUS, self.LATE_DAYS) and \
                (activity["days_late"] or activity["status"] == "delayed"):
            return LATE
        title = activity["title_ur"] if language() == "ur" else activity["title"]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == self.TITLE:
            return plain_tooltip(title)  # the whole title, where the column cuts it short
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        department = self.session.catalogue.institutions.get(activity["department"])
        return {
            self.CODE: activity["code"],
            self.TITLE: title,
            self.DEPARTMENT: department.name if department else activity["department"],
            self.DUE: activity["due_date"],
            self.STATUS: status_name(activity["status"]),
            self.PERCENT: str(activity["percent"]),
            self.AS_OF: activity["as_of"] or "",
            self.LATE_DAYS: str(activity["days_late"]) if activity["days_late"] else "",
        }[index.column()]


class ProgressDialog(QDialog):
    """The clerk records one activity's progress: status, percent done, the day it describes, evidence."""

    def __init__(self, session: Session, activity: dict, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.activity = activity
        self.setWindowTitle(fill(self.tr("Progress of {code}"), code=activity["code"]))
        self.status = QComboBox()
        self.status.setAccessibleName(self.tr("Status"))
        for code in ACTIVITY_STATUSES:
            self.status.addItem(status_name(code), code)
        self.status.setCurrentIndex(ACTIVITY_STATUSES.index(activity["status"]))
        self.percent = QSpinBox()
        self.percent.setAccessibleName(self.tr("Done %"))
        self.percent.setRange(*PERCENT_DONE)
        self.percent.setValue(int(activity["percent"]))
        self.day = iso_dates(QDateEdit())
        self.day.setAccessibleName(self.tr("As of"))
        self.day.setCalendarPopup(True)
        self.day.setDate(QDate.currentDate())
        self.evidence = QPlainTextEdit()
        self.evidence.setAccessibleName(self.tr("Evidence"))
        self.evidence.setPlaceholderText(self.tr("What shows it: a notification, a report, a visit"))
        self.result = message_label()
        form = QFormLayout()
        form.addRow(self.tr("&Status"), self.status)
        form.addRow(self.tr("&Done %"), self.percent)
        form.addRow(self.tr("&As of"), self.day)
        form.addRow(self.tr("&Evidence"), self.evidence)
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(self.tr("Re&cord"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading_label(activity["title_ur"] if language() == "ur" else activity["title"], wrap=True))
        layout.addLayout(form)
        layout.addWidget(self.result)
        layout.addWidget(buttons)

    def save(self) -> None:
        """Record the report (every rule checked by storage); stay open with the problems when refused."""
        day = self.day.date()
        recorded = call_storage(self.result, lambda: record_progress(
            self.session, self.activity["code"], self.status.currentData(), self.percent.value(),
            dt.date(day.year(), day.month(), day.day()), self.evidence.toPlainText()), message=_refusal)
        if recorded:
            self.accept()


class PlanScreen(Screen):
    """The framework's activities, and the button that records progress (the clerk's)."""

    installations = frozenset({"centre"})

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.activities = ActivitiesModel(session)
        self.table = list_table(self.activities, self.tr("Activities"))
        # Every column fits its contents but the title, which takes the room left (so status and days late show).
        self.table.horizontalHeader().setSectionResizeMode(ActivitiesModel.TITLE, QHeaderView.ResizeMode.Stretch)
        self.name = heading_label("", wrap=True)
        self.example = message_label()
        self.result = message_label()
        self.progress_button = QPushButton(self.tr("&Record progress…"))
        self.progress_button.clicked.connect(self.open_progress)
        self.progress_button.setVisible(allowed(session, "plan_progress"))
        self.dialog: ProgressDialog | None = None
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.progress_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.name)
        layout.addWidget(self.example)
        layout.addWidget(explanation(self.tr(
            "Each activity's latest progress, as the centre's clerk recorded it; every report stays in its history. "
            "The framework itself is loaded from a workbook: plan template, then plan load.")))
        layout.addLayout(buttons)
        layout.addWidget(self.result)
        layout.addWidget(self.table, 1)
        self.table.selectionModel().selectionChanged.connect(self.show_chosen)
        self.refresh()

    def title(self) -> str:
        return self.tr("Action Plan")

    def refresh(self) -> None:
        self.activities.reload()
        tree = self.activities.tree
        if tree is None:
            self.name.setText(self.tr("Action Plan"))
            show_message(self.example, self.tr("No results framework is loaded. The centre loads one from a workbook: "
                                               "plan template, fill it in, then plan load."), error=False)
        else:
            self.name.setText(tree["name_ur"] if language() == "ur" else tree["name"])
            show_message(self.example, self.tr("An EXAMPLE framework: replace it with the approved Action Plan.")
                         if tree["example"] else "", error=True)
        self.show_chosen()

    def chosen(self) -> dict | None:
        rows = self.table.selectionModel().selectedRows()
        return self.activities.rows[rows[0].row()] if rows else None

    def choose(self, code: str) -> None:
        """Select an activity as the clerk would."""
        for number, activity in enumerate(self.activities.rows):
            if activity["code"] == code:
                self.table.selectRow(number)
                return

    def show_chosen(self) -> None:
        self.progress_button.setEnabled(self.chosen() is not None)

    def open_progress(self) -> None:
        activity = self.chosen()
        if activity is None:
            return
        self.dialog = ProgressDialog(self.session, activity, self)
        self.dialog.accepted.connect(lambda: self.recorded(activity["code"]))
        self.dialog.open()

    def recorded(self, code: str) -> None:
        self.refresh()
        self.choose(code)
        show_message(self.result, fill(self.tr("Recorded the progress of {code}; it is kept in its history."),
                                       code=code), error=False)
