"""Targets per indicator, district and year: a grid to type in, or a spreadsheet to load (all or nothing).

Each cell saves as it is left, through ``storage.records.targets.save_targets`` (the validation engine); a refused
figure stays in the cell in red with the rule's message as its tooltip. An emptied cell clears the target.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui.screens.base import Screen
from gui.widgets.labels import heading_label
from gui.widgets.messages import call_storage
from gui.widgets.numbers import locale_number, plain_number
from gui.widgets.plain import plain_label, plain_tooltip
from gui.widgets.style import ERROR_FILL, ERROR_STYLE
from storage.core.roles import allowed
from storage.core.session import Session
from storage.errors import MizanError, ValidationFailed
from storage.i18n import fill
from storage.records.targets import TargetGrid, save_targets, target_grid
from storage.sheets.targets import load_targets, write_targets_template
from storage.validation import TargetInput

AnyIndex = QModelIndex | QPersistentModelIndex
REFUSED = QColor(ERROR_FILL)


class TargetGridModel(QAbstractTableModel):
    """Rows are indicators, columns districts; editable for roles that set targets."""

    def __init__(self, session: Session, year: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.editable = allowed(session, "set_targets")
        self.grid: TargetGrid = target_grid(session, year)
        self.refused: dict[tuple[int, int], tuple[str, str]] = {}  # (row, column) -> (text typed, message)

    def load(self, year: int) -> None:
        self.beginResetModel()
        self.grid = target_grid(self.session, year)
        self.refused.clear()
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802 (Qt's signature)
        return 0 if parent.isValid() else len(self.grid.indicators)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.grid.districts)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal:
            district = self.grid.districts[section]
            if role == Qt.ItemDataRole.DisplayRole:
                known = self.session.catalogue.districts.get(district)
                return known.name if known else district
            return None
        indicator = self.grid.indicators[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return indicator.code
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(indicator.name)
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return flags | Qt.ItemFlag.ItemIsEditable if self.editable else flags

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        indicator, district = self.grid.indicators[index.row()], self.grid.districts[index.column()]
        refused = self.refused.get((index.row(), index.column()))
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if refused:
                return refused[0]  # the text as typed, to correct
            target = self.grid.target(indicator.code, district)
            # Read in full in the locale's way (1,234,567); edited without group separators.
            return locale_number(target) if role == Qt.ItemDataRole.DisplayRole else plain_number(target)
        if role == Qt.ItemDataRole.BackgroundRole and refused:
            return REFUSED
        if role == Qt.ItemDataRole.ToolTipRole:  # the engine's refusal quotes what was typed
            return plain_tooltip(refused[1] if refused else f"{indicator.code} {indicator.name}")
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignTrailing | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: AnyIndex, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        """Save the typed target at once; a refusal keeps the text in red with the engine's message."""
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        indicator, district = self.grid.indicators[index.row()], self.grid.districts[index.column()]
        text = str(value).strip()
        cell = (index.row(), index.column())
        if cell not in self.refused and text == plain_number(self.grid.target(indicator.code, district)):
            return False  # left unchanged: nothing to save
        try:
            save_targets(self.session, self.grid.year, [TargetInput(indicator.code, district, None, text or None)])
        except ValidationFailed as failure:
            self.refused[cell] = (text, " ".join(problem.message for problem in failure.issues))
        except MizanError as error:  # refused as a whole (the PC's clock, the role): storage says why
            self.refused[cell] = (text, str(error))
        else:
            self.refused.pop(cell, None)
            self.grid = target_grid(self.session, self.grid.year)
        self.dataChanged.emit(index, index)
        return True

    def problem_count(self) -> int:
        return len(self.refused)


class TargetsScreen(Screen):
    """The year, the grid, and the spreadsheet route."""

    permission = "set_targets"

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.year = QSpinBox()
        self.year.setRange(2020, 2100)
        self.year.setValue(dt.date.today().year)
        self.year.setAccessibleName(self.tr("Year"))
        self.model = TargetGridModel(session, self.year.value(), self)
        self.year.valueChanged.connect(self.model.load)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Targets"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.table.horizontalHeader().setDefaultSectionSize(88)
        self.model.dataChanged.connect(self._show_problems)
        self.model.modelReset.connect(self._show_problems)
        template = QPushButton(self.tr("Save a &template…"))
        template.clicked.connect(self.choose_template)
        self.load_button = QPushButton(self.tr("&Load targets from a spreadsheet…"))
        self.load_button.clicked.connect(self.choose_sheet)
        self.load_button.setVisible(self.model.editable)
        self.status = plain_label()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        top = QHBoxLayout()
        label = plain_label(self.tr("&Year:"))
        label.setBuddy(self.year)
        top.addWidget(label)
        top.addWidget(self.year)
        top.addStretch(1)
        top.addWidget(template)
        top.addWidget(self.load_button)
        heading = heading_label(self.tr("Targets for the year"))
        explanation = plain_label(self.tr(
            "A target is for the whole year in the indicator's unit: a yearly total for counts, a level for "
            "stock figures, a percent for rates. Type in a cell and move on: it is saved at once. Empty a cell "
            "to remove its target."))
        explanation.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(explanation)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)

    def title(self) -> str:
        return self.tr("Targets")

    def refresh(self) -> None:
        self.model.load(self.year.value())

    def _show_problems(self) -> None:
        count = self.model.problem_count()
        self.status.setStyleSheet(ERROR_STYLE if count else "")
        self.status.setText(fill(self.tr("{n} targets were not saved: point at a red cell to see why."), n=count)
                            if count else "")

    def choose_template(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the targets template"),
                                              f"targets-{self.year.value()}.xlsx", self.tr("Excel (*.xlsx);;CSV (*.csv)"))
        if path:
            self.save_template(Path(path))

    def save_template(self, path: Path) -> None:
        written = call_storage(self.status, lambda: write_targets_template(self.session, self.year.value(), path),
                               also=(OSError,))
        if not written:
            return
        rows = written.value
        self.status.setText(fill(self.tr("Saved {path} with {rows} rows. Fill in the targets and load it back."), path=path, rows=rows))

    def choose_sheet(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Load targets"), "",
                                              self.tr("Spreadsheets (*.xlsx *.ods *.csv *.txt)"))
        if path:
            self.load_sheet(Path(path))

    def load_sheet(self, path: Path) -> None:
        """Load every row or none; each refused row is listed with its spreadsheet row number."""
        loaded = call_storage(self.status, lambda: load_targets(self.session, path))
        if not loaded:
            return
        report = loaded.value
        if not report.ok:
            self.status.setStyleSheet(ERROR_STYLE)
            lines = [self.tr("Nothing was loaded. Correct these rows and load the file again:")]
            lines += [fill(self.tr("Row {row}: {message}"), row=problem.row, message=problem.message)
                      for problem in report.problems[:20]]
            if len(report.problems) > 20:
                lines.append(fill(self.tr("…and {n} more."), n=len(report.problems) - 20))
            self.status.setText("\n".join(lines))
            return
        self.model.load(self.year.value())
        saved = report.saved
        self.status.setStyleSheet("")
        self.status.setText(fill(self.tr("Loaded {path}: {new} new targets, {updated} changed."), path=path.name, new=saved.new if saved else 0, updated=saved.updated if saved else 0))
