"""Reports on screen and to XLSX, PDF or CSV: progress against targets, trends, gender desks, completeness.

The figures and the rules behind them are storage's (``storage.reports.kinds.make_report``); the files are
``storage.reports.files.write_report``'s; the charts on screen are the PDF's own drawings, shown as SVG.
Building a report reads every stored value of its span, so it runs off the GUI thread.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QPalette
from PySide6.QtSvgWidgets import QSvgWidget
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui.screens.base import Screen
from gui.tasks import run_task, run_with_own_connection
from gui.widgets.labels import heading_label
from gui.widgets.plain import escape, plain_label, rich_label
from gui.widgets.style import DARK_TEXT, PAPER
from storage.core.session import Session
from storage.i18n import fill
from storage.reference.catalogue import load_catalogue
from storage.reference.due import last_complete_period
from storage.reference.periods import shift
from storage.reports.build import DISTRICT_NAME, STATUS_COLOURS, Report, Table
from storage.reports.files import chart_svg, csv_member_names, figure_text, report_target, write_report
from storage.reports.kinds import make_report
from storage.reports.levels import DEFAULT_LEVEL, levels_for

AnyIndex = QModelIndex | QPersistentModelIndex


def words(text: str) -> str:
    """A report's fixed word (caption, column, status) in the interface's language; other text as it is."""
    return QCoreApplication.translate("reports", text)


class ReportTableModel(QAbstractTableModel):
    """One table of a report: a pandas DataFrame, read only, with the export's formats and status colours."""

    def __init__(self, table: Table, parent: QObject | None = None, district_names: dict[str, str] | None = None,
                 division_names: dict[str, str] | None = None) -> None:
        super().__init__(parent)
        self.table = table
        self.frame: pd.DataFrame = table.frame
        self.columns = [str(column) for column in table.frame.columns]
        # The files' district and division names are English; the screen shows them in the interface's language:
        # {name column: (code column, {code: name})}.
        self.names = {name: (code, names) for name, code, names in (
            (DISTRICT_NAME, "district", district_names or {}), ("division name", "division", division_names or {}))
            if name in self.columns and code in self.columns}

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802 (Qt's signature)
        return 0 if parent.isValid() else len(self.frame)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return words(self.columns[section])
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        column = self.frame.columns[index.column()]
        value = self.frame.iat[index.row(), index.column()]
        kind = self.table.formats.get(column)
        if role == Qt.ItemDataRole.DisplayRole:
            if self.columns[index.column()] in self.names:
                code_column, names = self.names[self.columns[index.column()]]
                code = self.frame.iat[index.row(), self.columns.index(code_column)]
                if code in names:
                    return names[code]
            return words(value) if isinstance(value, str) else figure_text(value, kind)
        if role == Qt.ItemDataRole.BackgroundRole and column in self.table.status_columns and value in STATUS_COLOURS:
            return QColor("#" + STATUS_COLOURS[value])
        if role == Qt.ItemDataRole.ForegroundRole and column in self.table.status_columns and value in STATUS_COLOURS:
            return QColor(DARK_TEXT)
        if role == Qt.ItemDataRole.TextAlignmentRole and kind is not None:
            return int(Qt.AlignmentFlag.AlignTrailing | Qt.AlignmentFlag.AlignVCenter)
        return None


class ReportsScreen(Screen):
    """Choose a report and its span, see it, export it."""

    permission = "view"

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.report: Report | None = None
        self.busy = False
        self._generation = 0
        catalogue = session.catalogue
        self.kind = QComboBox()
        for code, name in (("progress", self.tr("Progress against targets")), ("trend", self.tr("Trend of an indicator")),
                           ("desk", self.tr("Gender desks")), ("completeness", self.tr("Reporting completeness"))):
            self.kind.addItem(name, code)
        if session.is_centre:  # the pack is the province's, for the Steering Committee
            self.kind.addItem(self.tr("Steering Committee pack"), "steering")
        self.span = QComboBox()
        self.span.addItem(self.tr("Year"), "year")
        self.span.addItem(self.tr("Month"), "period")
        self.year = QSpinBox()
        self.year.setRange(2020, 2100)
        last_month = last_complete_period("monthly", dt.date.today())
        self.year.setValue(int(last_month[:4]))
        self.period = QComboBox()
        for back in range(24):
            month = shift(last_month, -back)
            self.period.addItem(month, month)
        self.quarter = QComboBox()
        last_quarter = last_complete_period("quarterly", dt.date.today())
        quarter = last_quarter
        while quarter >= "2020Q1":  # the Action Plan's years and those before it
            self.quarter.addItem(quarter, quarter)
            quarter = shift(quarter, -1)
        self.indicator = QComboBox()
        self.indicator.addItem(self.tr("Headline indicators"), None)
        for code, indicator in catalogue.indicators.items():
            self.indicator.addItem(f"{code} {indicator.name}", code)
        self.indicator.setMaximumWidth(360)
        # The levels storage allows here (a district office has no division or province of its own).
        level_names = {"province": self.tr("Province"), "division": self.tr("Division"),
                       "district": self.tr("District"), "desk": self.tr("Desk")}
        self.level = QComboBox()
        for code in levels_for(session):
            self.level.addItem(level_names[code], code)
        self.level.setCurrentIndex(self.level.findData(DEFAULT_LEVEL))
        self.level.setToolTip(self.tr("What each row of the report is: the province, a division, a district or a "
                                      "gender desk (the desk indicators only)."))
        self.approved_only = QCheckBox(self.tr("&Approved data sets only"))
        self.approved_only.setToolTip(self.tr("Leave out figures of data sets the centre has not approved."))
        self.show_button = QPushButton(self.tr("&Show"))
        self.show_button.setDefault(True)
        self.show_button.clicked.connect(self.show_report)
        self.export_buttons: dict[str, QPushButton] = {}
        for suffix, text in ((".xlsx", self.tr("E&xcel…")), (".pdf", self.tr("&PDF…")), (".csv", self.tr("&CSV…"))):
            button = QPushButton(text)
            button.setEnabled(False)
            button.clicked.connect(lambda _checked=False, s=suffix: self.choose_file(s))
            self.export_buttons[suffix] = button

        bar = QHBoxLayout()
        for text, widget in ((self.tr("&Report:"), self.kind), (self.tr("&For:"), self.span),
                             (self.tr("&Year:"), self.year), (self.tr("&Month:"), self.period),
                             (self.tr("&Quarter:"), self.quarter),
                             (self.tr("&Level:"), self.level), (self.tr("&Indicator:"), self.indicator)):
            label = plain_label(text)
            label.setBuddy(widget)
            bar.addWidget(label)
            bar.addWidget(widget)
            widget.setProperty("caption", label)
        bar.addWidget(self.approved_only)
        bar.addWidget(self.show_button)
        bar.addStretch(1)
        exports = QHBoxLayout()
        exports.addWidget(plain_label(self.tr("Save as:")))
        for button in self.export_buttons.values():
            exports.addWidget(button)
        exports.addStretch(1)
        self.status = plain_label(self.tr("Choose a report and press Show."))
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        layout = QVBoxLayout(self)
        heading = heading_label(self.tr("Reports"))
        layout.addWidget(heading)
        layout.addLayout(bar)
        layout.addLayout(exports)
        layout.addWidget(self.status)
        layout.addWidget(self.scroll, 1)
        self.kind.currentIndexChanged.connect(self._update_fields)
        self.span.currentIndexChanged.connect(self._update_fields)
        self._update_fields()
        self.table_models: list[ReportTableModel] = []
        self.charts: list[QSvgWidget] = []

    def title(self) -> str:
        return self.tr("Reports")

    def refresh(self) -> None:
        pass  # a report is built when asked for: it reads every value of its span

    def _update_fields(self) -> None:
        pack = self.kind.currentData() == "steering"  # one quarter of the whole province, nothing else to choose
        by_year = self.span.currentData() == "year"
        for widget, visible in ((self.span, not pack), (self.year, by_year and not pack),
                                (self.period, not by_year and not pack), (self.quarter, pack),
                                (self.level, not pack), (self.indicator, self.kind.currentData() == "trend")):
            widget.setVisible(visible)
            widget.property("caption").setVisible(visible)
        # The desk report counts case records, which no data set approves (storage refuses the option there).
        self.approved_only.setVisible(self.kind.currentData() not in ("desk", "steering"))

    def options(self) -> dict:
        """The chosen report as ``make_report``'s keyword arguments."""
        if self.kind.currentData() == "steering":
            return {"period": self.quarter.currentData()}
        by_year = self.span.currentData() == "year"
        indicator = self.indicator.currentData()
        return {"year": self.year.value() if by_year else None, "period": None if by_year else self.period.currentData(),
                "indicators": [indicator] if indicator and self.kind.currentData() == "trend" else None,
                "approved_only": self.approved_only.isChecked() and self.kind.currentData() != "desk",
                "level": self.level.currentData()}

    def show_report(self) -> None:
        """Build the report off the GUI thread; the last one asked for is shown."""
        self._generation += 1
        generation, kind, options = self._generation, self.kind.currentData(), self.options()
        self.busy = True
        self.show_button.setEnabled(False)
        self.status.setText(self.tr("Adding up the figures…"))

        def shown(report: object, error: Exception | None) -> None:
            if generation != self._generation:
                return  # a newer report was asked for while this one was built
            self.busy = False
            self.show_button.setEnabled(True)
            if error is not None or not isinstance(report, Report):
                self.status.setText(fill(self.tr("The report could not be made: {error}"), error=error))
                return
            self.display(report)

        run_with_own_connection(self.session, lambda session: make_report(session, kind, **options), shown,
                                owner=self)

    def display(self, report: Report) -> None:
        """Lay out the report: its notes, each table, and the charts."""
        self.report = report
        body = QWidget()
        column = QVBoxLayout(body)
        level = f", {escape(words(report.level))}" if report.level != DEFAULT_LEVEL else ""
        title = rich_label(f"<b>{escape(report.title)}</b> — {escape(words(report.scope))}{level}, {escape(report.span)}")
        title.setWordWrap(True)
        column.addWidget(title)
        for note in report.notes:
            label = plain_label("•  " + note)
            label.setWordWrap(True)
            column.addWidget(label)
        self.table_models = []
        # A division's code is its English name; the catalogue in use gives its name in this language.
        english = load_catalogue("en").districts
        division_names = {english[code].division: district.division for code, district
                          in self.session.catalogue.districts.items() if code in english}
        for table in report.tables:
            caption = rich_label(f"<b>{escape(words(table.caption))}</b>")
            column.addWidget(caption)
            model = ReportTableModel(table, self, {code: district.name for code, district
                                                   in self.session.catalogue.districts.items()}, division_names)
            view = QTableView()
            view.setModel(model)
            view.setAccessibleName(table.caption)
            view.verticalHeader().hide()
            view.setAlternatingRowColors(True)
            view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            rows = min(model.rowCount(), 40)  # long tables scroll inside the page after 40 rows
            # A wide table scrolls sideways inside itself rather than widening the page (which would push
            # the notes beyond the window's edge); the height leaves room for that scroll bar.
            view.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            view.setFixedHeight(view.horizontalHeader().sizeHint().height()
                                + rows * view.verticalHeader().defaultSectionSize()
                                + view.horizontalScrollBar().sizeHint().height() + 4)
            if model.rowCount() > 40:
                view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
            column.addWidget(view)
            self.table_models.append(model)
        self.charts = []
        for chart in report.charts:
            svg = QSvgWidget()
            svg.load(QByteArray(chart_svg(report, chart, width=640)))
            size = svg.renderer().defaultSize()
            svg.setFixedSize(size)
            svg.setAccessibleName(chart.title)
            # The drawing is transparent, as a PDF page wants it; on screen it sits on white paper.
            palette = svg.palette()
            palette.setColor(QPalette.ColorRole.Window, QColor(PAPER))
            svg.setPalette(palette)
            svg.setAutoFillBackground(True)
            column.addWidget(svg)
            self.charts.append(svg)
        column.addStretch(1)
        self.scroll.setWidget(body)
        for button in self.export_buttons.values():
            button.setEnabled(True)
        self.status.setText(fill(self.tr("Made {when}."), when=report.generated_at))

    # -- export ----------------------------------------------------------------------------------------

    def save_proposal(self, suffix: str) -> tuple[Path, str]:
        """The file name and filter the save dialog offers for ``suffix``: for CSV of a report of several
        tables the .zip that will be written (a CSV file holds one table), and the status line says why."""
        assert self.report is not None
        name = Path(f"mizan-{self.report.kind}-{self.report.span.replace(' ', '')}{suffix}")
        target = report_target(self.report, name)
        if target.suffix == suffix:
            return name, f"*{suffix}"
        self.status.setText(fill(self.tr("This report has {count} tables: CSV saves them as one ZIP file "
                                         "holding a CSV file per table."), count=len(self.report.tables)))
        return target, self.tr("ZIP of CSV files (*.zip)")

    def choose_file(self, suffix: str) -> None:
        if self.report is None:
            return
        name, filter_ = self.save_proposal(suffix)
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the report"), str(name), filter_)
        if path:
            # write_report takes the .csv and writes the .zip beside it when the report has several tables
            self.export(Path(path).with_suffix(suffix) if Path(path).suffix in (suffix, name.suffix)
                        else Path(path + suffix))

    def export(self, path: Path) -> None:
        """Write the report shown to ``path`` off the GUI thread (a PDF with charts takes a moment); a .csv of
        several tables is written as the .zip beside it, and the status line names the file written."""
        report = self.report
        if report is None:
            return
        self.busy = True
        self.status.setText(fill(self.tr("Writing {path}…"), path=report_target(report, path)))

        def written(paths: object, error: Exception | None) -> None:
            self.busy = False
            if error is not None or not isinstance(paths, list):
                self.status.setText(fill(self.tr("Nothing was written: {error}"), error=error))
                return
            if [Path(p).suffix for p in paths] == [".zip"] and path.suffix.lower() == ".csv":
                self.status.setText(fill(self.tr("Saved {file}: {count} tables as CSV files in one ZIP ({names})."),
                                         file=paths[0], count=len(report.tables),
                                         names=", ".join(csv_member_names([report]))))
                return
            self.status.setText(fill(self.tr("Saved {files}."), files=", ".join(str(p) for p in paths)))

        if path.suffix.lower() == ".pdf":
            # The PDF is painted off the GUI thread; its fonts are loaded into Qt here, on the GUI thread.
            from printing.qt import register_fonts  # Qt's printing loads with the first PDF, not at start-up

            register_fonts()
        run_task(lambda: write_report(report, path), written, owner=self)
