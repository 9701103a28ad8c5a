"""The centre's home: the province at a glance. Per district, each institution's status for the year (the
progress report's own summary, coloured as on paper), how recent its last bundle is, and where its data sets
stand in approval.

The figures are ``storage.reports.province.province_overview``; bundles are ``sync.devices.device_overview``.
Both are read off the GUI thread.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QHeaderView, QVBoxLayout, QWidget

from gui.screens.base import Screen
from gui.tasks import run_with_own_connection
from gui.widgets.labels import explanation, heading_label
from gui.widgets.list_model import Index, ListTableModel, list_table
from gui.widgets.plain import plain_label
from gui.widgets.style import ATTENTION_FILL, DARK_TEXT, NOTE_STYLE
from storage.core.clock import today
from storage.core.session import Session
from storage.i18n import fill, language
from storage.records.plan import status_name
from storage.reference.periods import parse_period
from storage.reports.build import STATUS_COLOURS
from storage.reports.province import DistrictStanding, activities_due, province_overview
from sync.devices import device_overview

# Sorting by a status column puts the districts that need attention first.
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
_STATUS_ORDER = {"off track": 0, "at risk": 1, "on track": 2, None: 3}
NEVER = 10**6  # a district never heard from sorts after every age in days


class ProvinceModel(ListTableModel):
    """One row per district: its division, a status per institution, last bundle, data sets in approval."""

    DISTRICT, DIVISION = 0, 1

    first_institution = 2

    def __init__(self, session: Session) -> None:
        super().__init__([])
        self.session = session
        self.last_seen: dict[str, str | None] = {}
        self.on = today()
        self._columns(self.institutions_of(self.on.year))

    def institutions_of(self, year: int) -> list[str]:
        """The institutions that reported in ``year`` (Levies until its merger into Police), catalogue order."""
        span = parse_period(str(year))
        return [code for code, institution in self.session.catalogue.institutions.items()
                if institution.validity.covers(span)]

    def _columns(self, institutions: list[str]) -> None:
        self.institutions = institutions
        self.LAST_BUNDLE = self.first_institution + len(institutions)
        self.WAITING, self.RETURNED, self.APPROVED = self.LAST_BUNDLE + 1, self.LAST_BUNDLE + 2, self.LAST_BUNDLE + 3
        self.headers = [self.tr("District"), self.tr("Division"),
                        *(self.session.catalogue.institutions[code].name for code in institutions),
                        self.tr("Last bundle"), self.tr("Waiting"), self.tr("Returned"), self.tr("Approved")]

    def show(self, standings: list[DistrictStanding], last_seen: dict[str, str | None], on: dt.date,
             year: int) -> None:
        """The overview of ``year``: its institutions become the status columns."""
        self.beginResetModel()
        self._columns(self.institutions_of(year))
        self.rows, self.last_seen, self.on = standings, last_seen, on
        self.endResetModel()

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return self.headers[section]  # a narrow status column elides its institution's name
        return super().headerData(section, orientation, role)

    def status(self, row: int, column: int) -> str | None:
        """The status shown in a cell of an institution's column (None elsewhere or when not judged)."""
        if not self.first_institution <= column < self.LAST_BUNDLE:
            return None
        return self.rows[row].statuses.get(self.institutions[column - self.first_institution])

    def bundle_age(self, district: str) -> int | None:
        """Days since the district's newest bundle was imported (None: never)."""
        seen = self.last_seen.get(district)
        return (self.on - dt.date.fromisoformat(seen[:10])).days if seen else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        standing: DistrictStanding = self.rows[index.row()]
        column = index.column()
        status = self.status(index.row(), column)
        if self.first_institution <= column < self.LAST_BUNDLE:
            if role == Qt.ItemDataRole.DisplayRole:
                return QCoreApplication.translate("reports", status) if status else "–"
            if role == Qt.ItemDataRole.BackgroundRole and status in STATUS_COLOURS:
                return QColor("#" + STATUS_COLOURS[status])
            if role == Qt.ItemDataRole.ForegroundRole and status in STATUS_COLOURS:
                return QColor(DARK_TEXT)
            if role == SORT_ROLE:
                return _STATUS_ORDER.get(status, 3)
            return None
        district = self.session.catalogue.districts.get(standing.district)
        if column == self.LAST_BUNDLE:
            age = self.bundle_age(standing.district)
            if role == SORT_ROLE:
                return NEVER if age is None else age  # never heard from: after the oldest
            if role == Qt.ItemDataRole.DisplayRole:
                if age is None:
                    return self.tr("never")
                return self.tr("today") if age == 0 else fill(self.tr("{days} days ago"), days=age)
            return None
        counts = {self.WAITING: "submitted", self.RETURNED: "returned", self.APPROVED: "approved"}
        if column in counts:
            count = standing.approvals.get(counts[column], 0)
            if role == Qt.ItemDataRole.BackgroundRole and column == self.WAITING and count:
                return QColor(ATTENTION_FILL)
            if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
                return count if role == SORT_ROLE else str(count)
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignTrailing | Qt.AlignmentFlag.AlignVCenter)
            return None
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            if column == self.DISTRICT:
                return district.name if district else standing.district
            return district.division if district else ""
        return None


class DueActivitiesModel(ListTableModel):
    """The Action Plan's activities due by the end of this quarter and not done: late ones first."""

    CODE, TITLE, DEPARTMENT, DUE, STATUS, PERCENT, LATE = range(7)

    def __init__(self, session: Session) -> None:
        super().__init__([self.tr("Activity"), self.tr("Title"), self.tr("Department"), self.tr("Due"),
                          self.tr("Status"), self.tr("Percent"), self.tr("Days late")])
        self.session = session

    def show(self, activities: list[dict]) -> None:
        self.beginResetModel()
        self.rows = activities
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        activity, column = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.BackgroundRole and column == self.LATE and activity["days_late"] > 0:
            return QColor(ATTENTION_FILL)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        department = self.session.catalogue.institutions.get(activity["department"])
        title = activity["title_ur"] if language() == "ur" and activity.get("title_ur") else activity["title"]
        return {self.CODE: activity["code"], self.TITLE: title,
                self.DEPARTMENT: department.name if department else activity["department"],
                self.DUE: activity["due_date"], self.STATUS: status_name(activity["status"]),
                self.PERCENT: f"{activity['percent']:g}%", self.LATE: str(activity["days_late"])}[column]


class ProvinceScreen(Screen):
    """The district x institution heat map for a year, with bundles and approvals beside it."""

    permission = "view"
    installations = frozenset({"centre"})

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.year = QComboBox()
        self.year.setAccessibleName(self.tr("Year"))
        current = today().year
        for year in range(current, current - 4, -1):
            self.year.addItem(str(year), year)
        self.year.currentIndexChanged.connect(self.refresh)
        self.model = ProvinceModel(session)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = list_table(self.proxy, self.tr("Districts"))
        self.table.setSortingEnabled(True)
        # The districts heard from most recently first; those never heard from last, alphabetically.
        self.table.sortByColumn(ProvinceModel.DISTRICT, Qt.SortOrder.AscendingOrder)
        self.model.modelReset.connect(lambda: self.table.sortByColumn(self.model.LAST_BUNDLE, Qt.SortOrder.AscendingOrder))
        # The heat map fits the screen: status columns share the width left (their titles elide, with tooltips).
        self.table.horizontalHeader().setStretchLastSection(False)
        self.model.modelReset.connect(self._fit_columns)
        self.status = plain_label()
        self.status.setStyleSheet(NOTE_STYLE)
        self.loading = False
        self._generation = 0
        top = QHBoxLayout()
        top.addWidget(heading_label(self.tr("Province")))
        top.addStretch(1)
        top.addWidget(plain_label(self.tr("Year:")))
        top.addWidget(self.year)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(explanation(self.tr(
            "Each district's status per institution for the year, as the progress report judges it (the status of "
            "its median indicator against the pro-rated target), how long ago its last bundle arrived, and its data "
            "sets waiting for your decision, returned or approved. Click a column's title to sort by it.")))
        layout.addWidget(self.status)
        layout.addWidget(self.table, 3)
        self.activities = DueActivitiesModel(session)
        self.activities_table = list_table(self.activities, self.tr("Activities due this quarter"))
        self.activities_table.horizontalHeader().setSectionResizeMode(DueActivitiesModel.TITLE, QHeaderView.ResizeMode.Stretch)
        self.activities_heading = plain_label(self.tr("Action Plan activities due by the end of this quarter and not done, "
                                                      "late ones first:"))
        layout.addWidget(self.activities_heading)
        layout.addWidget(self.activities_table, 2)
        self.refresh()

    def title(self) -> str:
        return self.tr("Province")

    def _fit_columns(self) -> None:
        header = self.table.horizontalHeader()
        for column in range(self.model.columnCount()):
            stretch = column >= self.model.first_institution
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch if stretch
                                        else QHeaderView.ResizeMode.ResizeToContents)

    def refresh(self) -> None:
        """Read the overview off the GUI thread; the previous one stays until the new one arrives."""
        self._generation += 1
        generation, year, on = self._generation, self.year.currentData(), today()
        self.loading = True
        self.status.setText(self.tr("Reading the figures…"))
        self.status.show()

        def read(worker: Session) -> tuple[list[DistrictStanding], dict[str, str | None], list[dict]]:
            seen = {district["district"]: district["last_seen"] for district in device_overview(worker)}
            return province_overview(worker, year, on), seen, activities_due(worker, on)

        def show(result: object, error: Exception | None) -> None:
            if generation != self._generation:
                return
            self.loading = False
            if error is not None or not isinstance(result, tuple):
                self.status.setText(fill(self.tr("The figures could not be read: {error}"), error=error))
                return
            self.status.hide()
            self.model.show(result[0], result[1], on, year)
            self.activities.show(result[2])

        run_with_own_connection(self.session, read, show, owner=self)
