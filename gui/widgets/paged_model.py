"""Tables that page through a big query: the rows fetched so far, more as the user scrolls, and a count
of them all made off the GUI thread.

After Vorta's ``archive_table_model.py``: one ``QAbstractTableModel`` per view, column constants and custom
roles. The desk register and the PKM service log may hold hundreds of thousands of rows, so a model never
loads them all: it holds the pages fetched so far (``canFetchMore``/``fetchMore``), and sorting and
filtering re-run the SQL query instead of sorting the loaded rows in Python.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QLabel, QWidget

from gui.tasks import run_with_own_connection
from storage.core.session import Session
from storage.i18n import fill
from storage.records.desk import list_desks

AnyIndex = QModelIndex | QPersistentModelIndex

# Roles beyond Qt's own: a row's uuid (to open it) and the stored code behind a displayed name.
UUID_ROLE = Qt.ItemDataRole.UserRole + 1
CODE_ROLE = Qt.ItemDataRole.UserRole + 2

PAGE_SIZE = 200


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
            if generation != self._generation:
                return  # a newer filter was asked for while this page was read
            self.loading = False
            if error is None and isinstance(rows, list):
                self._show_first_page(rows, same_rows)
            if on_loaded is not None:
                on_loaded(error)

        run_with_own_connection(self.session, lambda session: query(session, 0, limit), show, owner=self)

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
            if generation != self._generation:
                return  # the filter changed while this count ran
            self.counting = False
            if error is not None or not isinstance(total, int):
                self.setText(fill(self.tr("Not counted: {error}"), error=error))
                return
            model.set_total(total)
            self.setText(self.describe(total))

        run_with_own_connection(model.session, model.count_query(), show, owner=self)
