"""The desk register: every gender desk case of the installation, filtered, sorted and paged from SQL.

The register may hold hundreds of thousands of cases: :class:`DeskRegisterModel` is a
:class:`~gui.widgets.paged_model.PagedTableModel`, whose sorting and filtering re-run the SQL query
(``storage.records.desk.desk_case_page``) instead of sorting the loaded rows in Python. The "N cases" count, which
on a big register reads every live row, runs off the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QHideEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui.screens.base import Screen
from gui.screens.desk_register.case_form import CaseFormDialog
from gui.widgets.dates import OptionalDateEdit
from gui.widgets.paged_model import PAGE_SIZE, UUID_ROLE, CountLabel, PagedTableModel
from storage.core.roles import allowed
from storage.core.session import Session
from storage.i18n import fill
from storage.records.desk import REGISTER_SORTABLE, DeskFilter, desk_case_count, desk_case_page, list_desks

# Register columns, in display order; REGISTER_FIELDS names the storage field behind each one.
(
    COLUMN_CASE_NUMBER,
    COLUMN_DESK,
    COLUMN_REPORT_DATE,
    COLUMN_CLIENT_CODE,
    COLUMN_SEX,
    COLUMN_AGE,
    COLUMN_GBV_TYPE,
    COLUMN_STATUS,
    COLUMN_FOLLOWUP_DATE,
) = range(9)
REGISTER_FIELDS = ("case_number", "desk", "report_date", "client_code", "client_sex", "client_age", "gbv_type",
                   "status", "followup_date")


class DeskRegisterModel(PagedTableModel):
    """The desk register's cases, newest first, with names from the catalogue instead of codes."""

    fields = REGISTER_FIELDS
    numeric_fields = frozenset({"client_age"})

    def __init__(self, session: Session, desk_filter: DeskFilter | None = None, page_size: int = PAGE_SIZE,
                 parent: QObject | None = None) -> None:
        super().__init__(session, page_size, parent)
        self.desk_filter = desk_filter or DeskFilter()
        self.sort_field = "report_date"
        self.sort_descending = True
        catalogue = session.catalogue
        self.names = {
            "client_sex": {option.code: option.name for option in catalogue.lists.get("client_sex", [])},
            "status": {option.code: option.name for option in catalogue.lists.get("case_status", [])},
            "gbv_type": {gbv_type.code: gbv_type.name for gbv_type in catalogue.gbv_types},
        }
        self.reload()

    def page_query(self) -> Callable[[Session, int, int], list[dict]]:
        desk_filter, order_by, descending = self.desk_filter, self.sort_field, self.sort_descending
        return lambda session, offset, limit: desk_case_page(session, desk_filter, offset=offset, limit=limit,
                                                             order_by=order_by, descending=descending)

    def count_query(self) -> Callable[[Session], int]:
        desk_filter = self.desk_filter
        return lambda session: desk_case_count(session, desk_filter)

    def set_filter(self, desk_filter: DeskFilter) -> None:
        """Show the cases matching ``desk_filter``, from the first page."""
        self.desk_filter = desk_filter
        self.reload()

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Case number"), self.tr("Desk"), self.tr("Report date"), self.tr("Client code"),
                self.tr("Sex"), self.tr("Age"), self.tr("GBV type"), self.tr("Status"), self.tr("Follow-up"))

    def tooltip(self, field_name: str, value: object) -> str | None:
        if field_name == "gbv_type":  # the longest names: cut short in the column, whole in the tooltip
            return self.names["gbv_type"].get(value, value)
        return super().tooltip(field_name, value)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by re-running the query with ORDER BY, not by sorting the rows already loaded.

        The model holds only the pages fetched so far; sorting those in Python (as a
        QSortFilterProxyModel would) would order a few hundred rows and leave the rest of the register
        out, and the next page would arrive in the old order. So the database sorts, and the model
        starts again from the first page in the new order.
        """
        if not 0 <= column < len(self.fields) or self.fields[column] not in REGISTER_SORTABLE:
            return
        field_name, descending = self.fields[column], order == Qt.SortOrder.DescendingOrder
        if (field_name, descending) == (self.sort_field, self.sort_descending):
            return
        self.sort_field, self.sort_descending = field_name, descending
        if self.sorts_in_background:
            self.reload_in_background(same_rows=True)
        else:
            self.reload(same_rows=True)

    def uuid_at(self, row: int) -> str:
        return self._rows[row]["uuid"]

    def row_of(self, case_uuid: str) -> int | None:
        """The row of a case among the loaded ones, or None."""
        return next((row for row, case in enumerate(self._rows) if case["uuid"] == case_uuid), None)


class DeskRegisterScreen(Screen):
    """Filter bar, the register table, and buttons to open a case or record a new one."""

    permission = "view_cases"
    SEARCH_DELAY_MS = 300  # typing pauses this long before the register is queried again

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        if not allowed(session, self.permission):
            return  # the main window drops screens the role may not use; build nothing that would query
        self.model = DeskRegisterModel(session, parent=self)
        self.model.sorts_in_background = True

        self.status_filter = QComboBox()
        self.status_filter.addItem(self.tr("All"), None)
        for option in session.catalogue.lists.get("case_status", []):
            self.status_filter.addItem(option.name, option.code)
        self.gbv_type_filter = QComboBox()
        self.gbv_type_filter.addItem(self.tr("All types"), None)
        for gbv_type in session.catalogue.gbv_types:
            self.gbv_type_filter.addItem(gbv_type.name, gbv_type.code)
        self.desk_filter = QComboBox()
        self.desk_filter.addItem(self.tr("All desks"), None)
        for desk in list_desks(session):
            self.desk_filter.addItem(desk["name"], desk["code"])
        self.date_from = OptionalDateEdit(self.tr("no date"), accessible_name=self.tr("Reported from"))
        self.date_to = OptionalDateEdit(self.tr("no date"), accessible_name=self.tr("Reported until"))
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Case number or client code"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search"))
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(self.SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.apply_filter)

        filters = QGridLayout()
        labelled = ((self.tr("&Status"), self.status_filter), (self.tr("&GBV type"), self.gbv_type_filter),
                    (self.tr("&Desk"), self.desk_filter), (self.tr("Reported &from"), self.date_from),
                    (self.tr("&until"), self.date_to), (self.tr("Searc&h"), self.search))
        for column, (text, field_widget) in enumerate(labelled):
            label = QLabel(text)
            label.setBuddy(field_widget)
            filters.addWidget(label, 0, column)
            filters.addWidget(field_widget, 1, column)
        filters.setColumnStretch(len(labelled) - 1, 1)  # the search box takes the spare width
        # Long desk and GBV type names (longer still in Urdu) must not widen the window past a 1366-pixel
        # screen: the lists show them in full when opened.
        for combo in (self.gbv_type_filter, self.desk_filter):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(14)

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table for the buttons
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # The GBV type names are the longest text: that column takes (or gives up) the spare width, and
        # a name cut short shows in full as a tooltip.
        header.setSectionResizeMode(COLUMN_GBV_TYPE, QHeaderView.ResizeMode.Stretch)
        header.setSortIndicator(COLUMN_REPORT_DATE, Qt.SortOrder.DescendingOrder)  # the model's own order
        self.table.setSortingEnabled(True)
        self.table.setAccessibleName(self.tr("Desk register"))
        self.table.doubleClicked.connect(self.open_case)
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shortcut = QShortcut(QKeySequence(key), self.table, context=Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(self.open_case)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)

        self.count_label = CountLabel(self.describe_count)
        self.open_button = QPushButton(self.tr("&Open"))
        self.open_button.clicked.connect(self.open_case)
        self.new_button: QPushButton | None = None
        buttons = QHBoxLayout()
        buttons.addWidget(self.count_label)
        buttons.addStretch(1)
        if allowed(session, "desk_entry"):
            self.new_button = QPushButton(self.tr("&New case"))
            self.new_button.clicked.connect(self.new_case)
            buttons.addWidget(self.new_button)
        buttons.addWidget(self.open_button)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

        self.status_filter.currentIndexChanged.connect(self.apply_filter)
        self.gbv_type_filter.currentIndexChanged.connect(self.apply_filter)
        self.desk_filter.currentIndexChanged.connect(self.apply_filter)
        # Dates change field by field while typed, and search text letter by letter: wait for a pause.
        self.date_from.changed.connect(self.search_timer.start)
        self.date_to.changed.connect(self.search_timer.start)
        self.search.textChanged.connect(self.search_timer.start)
        self.search.returnPressed.connect(self.apply_filter)

        order: list[QWidget] = [self.status_filter, self.gbv_type_filter, self.desk_filter, self.date_from,
                                self.date_to, self.search, self.table]
        order += [self.new_button] if self.new_button else []
        order.append(self.open_button)
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)
        self._fit_columns()
        self._show_count()
        self._update_buttons()

    def title(self) -> str:
        return self.tr("Desk register")

    def refresh(self) -> None:
        self.apply_filter()

    def hideEvent(self, event: QHideEvent) -> None:
        """A search typed just before leaving the screen waits for the next visit (``refresh``)."""
        self.search_timer.stop()
        super().hideEvent(event)

    def current_filter(self) -> DeskFilter:
        """The filter the bar's fields describe."""
        search = self.search.text().strip()
        return DeskFilter(status=self.status_filter.currentData(), gbv_type=self.gbv_type_filter.currentData(),
                          desk=self.desk_filter.currentData(), date_from=self.date_from.value(),
                          date_to=self.date_to.value(), search=search or None)

    def apply_filter(self) -> None:
        """Query the register again with the bar's filter, off the GUI thread; count once the rows are in."""
        self.requery()

    def requery(self, then: Callable[[], None] | None = None) -> None:
        """:meth:`apply_filter`, and ``then`` on the GUI thread after the new rows are shown."""
        self.search_timer.stop()
        self.model.desk_filter = self.current_filter()
        self.count_label.searching()

        def filter_applied(error: Exception | None) -> None:
            if error is not None:
                self.count_label.failed(fill(self.tr("The register could not be read: {error}"), error=error))
                return
            self._show_count()
            if then is not None:
                then()

        self.model.reload_in_background(filter_applied)

    def _show_count(self) -> None:
        self.count_label.show_total_of(self.model)

    def describe_count(self, total: int) -> str:
        return self.tr("1 case") if total == 1 else self.tr("%Ln cases", "", total)

    def _fit_columns(self) -> None:
        """Widen each column to its header and loaded values, once: later pages keep the widths."""
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        for column in range(self.model.columnCount()):
            header.resizeSection(column, header.sectionSize(column) + 12)

    def _update_buttons(self) -> None:
        self.open_button.setEnabled(bool(self.table.selectionModel().selectedRows()))

    def selected_uuid(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        index = rows[0] if rows else self.table.currentIndex()
        return index.data(UUID_ROLE) if index.isValid() else None

    def open_case(self) -> None:
        case_uuid = self.selected_uuid()
        if case_uuid:
            self._run_case_form(case_uuid)

    def new_case(self) -> None:
        self._run_case_form(None)

    def _run_case_form(self, case_uuid: str | None) -> None:
        """Open the case form as a window-modal dialog; once a case is saved, show it selected."""
        dialog = CaseFormDialog(self.session, case_uuid, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.case_dialog = dialog
        dialog.accepted.connect(lambda: self._case_saved(dialog.saved_uuid or case_uuid))
        dialog.open()  # not exec(): no nested event loop, and the register goes on painting behind it

    def _case_saved(self, case_uuid: str | None) -> None:
        """Read the register again and select the saved case when it is among the first page's rows."""
        def select_saved() -> None:
            row = self.model.row_of(case_uuid) if case_uuid else None
            if row is not None:
                self.table.selectRow(row)
                self.table.scrollTo(self.model.index(row, 0))

        self.requery(then=select_saved)
