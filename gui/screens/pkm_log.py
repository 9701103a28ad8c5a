"""The PKM (Police Khidmat Markaz) service log: a paged table of service requests and a quick-entry row.

The quick-entry row is for the desk clerk who logs requests one after another: pick the service, the
applicant's sex and the dates, press Enter, and the row clears for the next request (keeping the desk).
Rules are storage's (``storage.records.desk.save_pkm_request``); their messages are shown under the row as they
come, in plain words.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QDate, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui.screens.base import Screen
from gui.widgets.dates import OptionalDateEdit, iso_dates
from gui.widgets.paged_model import PAGE_SIZE, CountLabel, PagedTableModel
from gui.widgets.style import ERROR_STYLE
from storage.core.roles import allowed
from storage.core.session import Session
from storage.errors import ValidationFailed
from storage.records.desk import list_desks, pkm_request_count, pkm_request_page, save_pkm_request

# Log columns, in display order; PKM_FIELDS names the storage field behind each one.
COLUMN_DESK, COLUMN_SERVICE, COLUMN_APPLICANT_SEX, COLUMN_RECEIVED, COLUMN_COMPLETED = range(5)
PKM_FIELDS = ("desk", "service", "applicant_sex", "received_date", "completed_date")


class PkmLogModel(PagedTableModel):
    """PKM service requests, most recently received first, with service and sex names from the catalogue."""

    fields = PKM_FIELDS

    def __init__(self, session: Session, page_size: int = PAGE_SIZE, parent: QObject | None = None) -> None:
        super().__init__(session, page_size, parent)
        catalogue = session.catalogue
        self.names = {
            "service": {service.code: service.name for service in catalogue.pkm_services.values()},
            "applicant_sex": {option.code: option.name for option in catalogue.lists.get("client_sex", [])},
        }
        self.reload()

    def page_query(self) -> Callable[[Session, int, int], list[dict]]:
        return lambda session, offset, limit: pkm_request_page(session, offset=offset, limit=limit)

    def count_query(self) -> Callable[[Session], int]:
        return pkm_request_count

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Desk"), self.tr("Service"), self.tr("Applicant"), self.tr("Received"), self.tr("Completed"))

    def display(self, field_name: str, value: object) -> str:
        if value is None and field_name == "completed_date":
            return self.tr("not yet")
        return super().display(field_name, value)


class PkmLogScreen(Screen):
    """The quick-entry row above the log of requests."""

    permission = "view_cases"

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        if not allowed(session, self.permission):
            return  # the main window drops screens the role may not use; build nothing that would query
        self.model = PkmLogModel(session, parent=self)
        self.can_enter = allowed(session, "desk_entry")

        self.desk = QComboBox()
        for desk in list_desks(session):
            if desk["active"]:
                self.desk.addItem(desk["name"], desk["code"])
        self.service = QComboBox()
        self.service.addItem(self.tr("Choose a service"), None)
        for service in session.catalogue.pkm_services.values():
            self.service.addItem(service.name, service.code)
        self.applicant_sex = QComboBox()
        self.applicant_sex.addItem(self.tr("Choose"), None)
        for option in session.catalogue.lists.get("client_sex", []):
            self.applicant_sex.addItem(option.name, option.code)
        self.received = QDateEdit()
        self.received.setCalendarPopup(True)
        iso_dates(self.received)
        self.received.setDate(QDate.currentDate())
        self.received.setAccessibleName(self.tr("Date received"))
        self.completed = OptionalDateEdit(self.tr("not yet"), accessible_name=self.tr("Date completed"))
        self.add_button = QPushButton(self.tr("&Add"))
        self.add_button.clicked.connect(self.add_request)
        self.inputs: dict[str, QWidget] = {"desk": self.desk, "service": self.service,
                                           "applicant_sex": self.applicant_sex, "received_date": self.received,
                                           "completed_date": self.completed}

        entry = QGridLayout()
        self.entry_fields: list[QWidget] = []
        labelled = ((self.tr("D&esk"), self.desk), (self.tr("&Service"), self.service),
                    (self.tr("Applicant's se&x"), self.applicant_sex), (self.tr("&Received"), self.received),
                    (self.tr("&Completed"), self.completed))
        for column, (text, input_widget) in enumerate(labelled):
            label = QLabel(text)
            label.setBuddy(input_widget)
            entry.addWidget(label, 0, column)
            entry.addWidget(input_widget, 1, column)
            # Enter in any field adds the request (the keys of the completed date reach its date edit).
            field = input_widget.focusProxy() or input_widget
            field.installEventFilter(self)
            self.entry_fields.append(field)
        entry.addWidget(self.add_button, 1, len(labelled))
        self.add_button.installEventFilter(self)  # a push button outside a dialog takes only Space
        entry.setColumnStretch(1, 1)  # the service names are the longest
        self.errors = QLabel()
        self.errors.setWordWrap(True)
        self.errors.setTextFormat(Qt.TextFormat.PlainText)
        self.errors.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.errors.setStyleSheet(ERROR_STYLE)
        self.errors.hide()
        self.entry_panel = QWidget()
        entry_box = QVBoxLayout(self.entry_panel)
        entry_box.setContentsMargins(0, 0, 0, 0)
        entry_box.addLayout(entry)
        entry_box.addWidget(self.errors)
        self.entry_panel.setVisible(self.can_enter)

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAccessibleName(self.tr("PKM service log"))
        self.count_label = CountLabel(self.describe_count)
        footer = QHBoxLayout()
        footer.addWidget(self.count_label)
        footer.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addWidget(self.entry_panel)
        layout.addWidget(self.table, 1)
        layout.addLayout(footer)

        order: list[QWidget] = [self.desk, self.service, self.applicant_sex, self.received, self.completed,
                                self.add_button, self.table]
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)
        self.table.resizeColumnsToContents()
        self._show_count()

    def title(self) -> str:
        return self.tr("PKM service log")

    def refresh(self) -> None:
        self.model.reload()
        self._show_count()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter or Return in a field of the entry row adds the request (an open drop-down keeps its keys)."""
        if (event.type() == QEvent.Type.KeyPress and (watched in self.entry_fields or watched is self.add_button)
                and isinstance(event, QKeyEvent) and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):
            self.add_request()
            return True
        return super().eventFilter(watched, event)

    def entered_request(self) -> dict:
        """The request as the entry row has it (codes and ISO dates; unchosen fields are None)."""
        return {"desk": self.desk.currentData(), "service": self.service.currentData(),
                "applicant_sex": self.applicant_sex.currentData(),
                "received_date": self.received.date().toString(Qt.DateFormat.ISODate),
                "completed_date": self.completed.value()}

    def add_request(self) -> None:
        """Save the entered request; show storage's reasons if it refuses, or clear the row for the next."""
        try:
            save_pkm_request(self.session, self.entered_request())
        except ValidationFailed as failure:
            self.show_errors(failure.issues)
            return
        self.show_errors([])
        self.service.setCurrentIndex(0)
        self.applicant_sex.setCurrentIndex(0)
        self.received.setDate(QDate.currentDate())
        self.completed.set_value(None)
        self.service.setFocus()
        self.refresh()

    def show_errors(self, issues: list) -> None:
        """Each broken rule's message on its own line; the first field concerned gets the focus."""
        self.errors.setText("\n".join(issue.message for issue in issues))
        self.errors.setVisible(bool(issues))
        fields = [issue.field for issue in issues if issue.field in self.inputs]
        if fields:
            self.inputs[fields[0]].setFocus()

    def _show_count(self) -> None:
        self.count_label.show_total_of(self.model)

    def describe_count(self, total: int) -> str:
        return self.tr("1 request") if total == 1 else self.tr("%Ln requests", "", total)
