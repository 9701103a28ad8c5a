"""The desk register: every gender desk case of the installation, filtered, sorted and paged from SQL.

After Vorta's ``archive_table_model.py``: one ``QAbstractTableModel`` per view, column constants and
custom roles. The register may hold hundreds of thousands of cases, so the model never loads them all:
it holds the pages fetched so far (``canFetchMore``/``fetchMore``), and sorting and filtering re-run the
SQL query (``storage.desk.desk_case_page``) instead of sorting the loaded rows in Python. The
"N cases" count, which on a big register reads every live row, runs off the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QAbstractTableModel, QDate, QModelIndex, QObject, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QHideEvent, QKeyEvent, QKeySequence, QMouseEvent, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
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

from gui.screens.base import Screen, iso_dates
from gui.screens.desk_register.case_form.dialog import CaseFormDialog
from gui.tasks import run_with_own_connection
from storage.database import Session
from storage.desk import REGISTER_SORTABLE, DeskFilter, desk_case_count, desk_case_page, list_desks
from storage.i18n import fill
from storage.users import allowed

AnyIndex = QModelIndex | QPersistentModelIndex

# Roles beyond Qt's own: the case's uuid (to open it) and the stored code behind a displayed name.
UUID_ROLE = Qt.ItemDataRole.UserRole + 1
CODE_ROLE = Qt.ItemDataRole.UserRole + 2

PAGE_SIZE = 200

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

# A QDateEdit at this date shows its special value text ("no date"): the filter or field is empty.
NO_DATE = QDate(2000, 1, 1)


class PagedTableModel(QAbstractTableModel):
    """Rows fetched page by page from storage; subclasses define the columns, ``page_query`` and ``count_query``.

    ``rowCount`` is the number of rows loaded so far. Views ask ``canFetchMore``/``fetchMore`` when the
    user scrolls near the end, so only the rows someone looks at ever reach Python.
    """

    fields: tuple[str, ...] = ()  # the stored field behind each column, in display order
    numeric_fields: frozenset[str] = frozenset()  # aligned to the trailing edge

    def __init__(self, session: Session, page_size: int = PAGE_SIZE, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.names: dict[str, dict[str, str]] = {}  # field -> code -> the catalogue's name, set by subclasses
        self.desk_names = {desk["code"]: desk["name"] for desk in list_desks(session)}
        self.page_size = page_size
        self._rows: list[dict] = []
        self._exhausted = False
        self._total: int | None = None
        self._generation = 0  # which reload the rows on screen answer; older background pages are dropped
        self.loading = False  # a first page is being read in the background
        # Screens set this: sorting then reads the first page off the GUI thread too (tests of the
        # model alone keep it off and see the new order at once).
        self.sorts_in_background = False

    # -- subclasses ------------------------------------------------------------------------------------

    def page_query(self) -> Callable[[Session, int, int], list[dict]]:
        """A function that reads ``limit`` rows of the current query from ``offset`` on a given session."""
        raise NotImplementedError

    def count_query(self) -> Callable[[Session], int]:
        """A function that counts the current query's rows on a given session (any thread's own)."""
        raise NotImplementedError

    # -- paging ----------------------------------------------------------------------------------------

    def reload(self, *, same_rows: bool = False) -> None:
        """Forget the loaded rows and fetch the first page again (after a filter, sort or save).

        ``same_rows``: the query matches the same rows as before (only their order changed), so a
        total already counted still holds.
        """
        self._generation += 1  # a first page still being read in the background is now stale
        self.loading = False
        # Read before the reset: a failed query leaves the rows as they were.
        self._show_first_page(self._fetch(0, self.page_size), same_rows)

    def reload_in_background(self, on_loaded: Callable[[Exception | None], None] | None = None, *,
                             same_rows: bool = False) -> None:
        """Like :meth:`reload`, but the first page is read on a connection of its own off the GUI thread.

        A search by case number or client code cannot use an index and reads most of a big register
        (about half a second for 200,000 cases): the window stays responsive meanwhile. The old rows
        stay on screen until the new ones arrive; a page that arrives after a newer request is dropped.
        ``on_loaded(error)`` runs on the GUI thread once the rows are shown (or the query failed).
        """
        self._generation += 1
        generation, query, limit = self._generation, self.page_query(), self.page_size
        self.loading = True

        def show(rows: object, error: Exception | None) -> None:
            if not shiboken6.isValid(self) or generation != self._generation:
                return  # the model is gone, or a newer filter was asked for while this page was read
            self.loading = False
            if error is None and isinstance(rows, list):
                self._show_first_page(rows, same_rows)
            if on_loaded is not None:
                on_loaded(error)

        run_with_own_connection(self.session, lambda session: query(session, 0, limit), show)

    def _show_first_page(self, first_page: list[dict], same_rows: bool) -> None:
        self.beginResetModel()
        self._rows = first_page
        self._exhausted = len(first_page) < self.page_size
        if not same_rows:
            self._total = None
        self.endResetModel()

    def _fetch(self, offset: int, limit: int) -> list[dict]:
        return self.page_query()(self.session, offset, limit)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def canFetchMore(self, parent: AnyIndex) -> bool:
        # While a new query's first page is read, the rows on screen are the old query's: fetching
        # their next page would mix the two.
        return not parent.isValid() and not self._exhausted and not self.loading

    def fetchMore(self, parent: AnyIndex) -> None:
        if not self.canFetchMore(parent):
            return
        page = self._fetch(len(self._rows), self.page_size)
        self._exhausted = len(page) < self.page_size
        if page:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()

    def total(self) -> int:
        """How many rows the query matches in all, loaded or not (counted here, once per reload).

        On a big register the count reads every live row: screens use :class:`CountLabel`, which counts
        off the GUI thread, and tell the model with :meth:`set_total`.
        """
        known = self.known_total()
        if known is None:
            known = self._total = self.count_query()(self.session)
        return known

    def known_total(self) -> int | None:
        """The total when it is known without a query: counted already, or every row is loaded."""
        if self._total is None and self._exhausted:
            self._total = len(self._rows)
        return self._total

    def set_total(self, total: int) -> None:
        """The total of the current query, counted elsewhere."""
        self._total = total

    def row(self, row: int) -> dict:
        """The stored values of one loaded row."""
        return self._rows[row]

    # -- columns ---------------------------------------------------------------------------------------

    def headers(self) -> tuple[str, ...]:
        """The column titles, one per name in ``fields`` (translated, so built when asked)."""
        raise NotImplementedError

    def display(self, field_name: str, value: object) -> str:
        """The text shown for a stored value: the catalogue's name for a code, nothing for no value."""
        if value is None:
            return ""
        return self.names.get(field_name, {}).get(value, str(value))

    def tooltip(self, field_name: str, value: object) -> str | None:
        """The desk's full name over its code (other columns: none)."""
        return self.desk_names.get(value, value) if field_name == "desk" else None

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self.fields)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        headers = self.headers()
        return headers[section] if 0 <= section < len(headers) else None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        stored = self._rows[index.row()]
        field_name = self.fields[index.column()]
        value = stored[field_name]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(field_name, value)
        if role == UUID_ROLE:
            return stored["uuid"]
        if role == CODE_ROLE:
            return value
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(field_name, value)
        if role == Qt.ItemDataRole.TextAlignmentRole and field_name in self.numeric_fields:
            # "Trailing" is right in left-to-right layouts and left in right-to-left ones.
            return int(Qt.AlignmentFlag.AlignTrailing | Qt.AlignmentFlag.AlignVCenter)
        return None


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


class CountLabel(QLabel):
    """ "N cases" under a paged table, counted on a connection of its own off the GUI thread.

    Counting a filter that matches most of a big register reads every live row (most of a second
    for 200,000 cases), which the GUI thread must not wait for. Until the count arrives the label
    says so; a count that arrives after the filter changed again is dropped.
    """

    def __init__(self, describe: Callable[[int], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.describe = describe
        self.counting = False
        self._generation = 0

    def searching(self) -> None:
        """The rows themselves are being read: the count follows them."""
        self._generation += 1
        self.counting = True
        self.setText(self.tr("Searching…"))

    def failed(self, text: str) -> None:
        self._generation += 1
        self.counting = False
        self.setText(text)

    def show_total_of(self, model: PagedTableModel) -> None:
        self._generation += 1
        known = model.known_total()
        self.counting = known is None
        if known is not None:
            self.setText(self.describe(known))
            return
        generation = self._generation
        self.setText(self.tr("Counting…"))

        def show(total: object, error: Exception | None) -> None:
            if not shiboken6.isValid(self) or generation != self._generation:
                return  # the screen is gone, or its filter changed while this count ran
            self.counting = False
            if error is not None or not isinstance(total, int):
                self.setText(fill(self.tr("Not counted: {error}"), error=error))
                return
            model.set_total(total)
            self.setText(self.describe(total))

        run_with_own_connection(model.session, model.count_query(), show)


class OptionalDateEdit(QDateEdit):
    """A date field that may be empty: at :data:`NO_DATE` it shows its "no date" text.

    Stepping or opening the calendar from "no date" starts at today, not at the year 2000; the Delete
    key empties the field again.
    """

    def __init__(self, no_date_text: str, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        iso_dates(self)
        self.setMinimumDate(NO_DATE)
        self.setSpecialValueText(no_date_text)
        self.setDate(NO_DATE)
        self.setAccessibleName(accessible_name)
        self.setToolTip(self.tr("Delete empties the date."))

    def iso_date(self) -> str | None:
        """The date as YYYY-MM-DD, or None when the field shows "no date"."""
        return None if self.date() == NO_DATE else self.date().toString(Qt.DateFormat.ISODate)

    def clear_date(self) -> None:
        self.setDate(NO_DATE)

    def stepBy(self, steps: int) -> None:
        if self.date() == NO_DATE:
            self.setDate(QDate.currentDate())
        else:
            super().stepBy(steps)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        super().mousePressEvent(event)
        if self.date() == NO_DATE:  # the calendar opened on the year 2000: show this month instead
            today = QDate.currentDate()
            self.calendarWidget().setCurrentPage(today.year(), today.month())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Delete:
            self.clear_date()
        else:
            super().keyPressEvent(event)


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
        self.date_from = OptionalDateEdit(self.tr("no date"), self.tr("Reported from"))
        self.date_to = OptionalDateEdit(self.tr("no date"), self.tr("Reported until"))
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
        self.date_from.dateChanged.connect(self.search_timer.start)
        self.date_to.dateChanged.connect(self.search_timer.start)
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
                          desk=self.desk_filter.currentData(), date_from=self.date_from.iso_date(),
                          date_to=self.date_to.iso_date(), search=search or None)

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
