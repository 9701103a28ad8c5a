"""The dashboard: how complete this month's and last month's figures are, desk cases, what to do next.

Every figure comes from storage (:func:`storage.views.completeness.completeness`, :func:`storage.views.dashboard.next_steps`,
:func:`storage.views.dashboard.desk_cases_reported`, which suppresses small counts at the centre); this screen only
lays them out.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from gui.screens.base import Screen
from gui.tasks import run_with_own_connection
from gui.widgets.labels import heading_label
from gui.widgets.plain import plain_label
from gui.widgets.style import NOTE_STYLE
from storage.core.clock import today
from storage.core.roles import allowed
from storage.core.session import Session
from storage.i18n import fill
from storage.reference.periods import parse_period, period_containing, shift
from storage.views.completeness import Completeness, completeness
from storage.views.dashboard import NextStep, desk_cases_reported, next_steps


class DashboardScreen(Screen):
    """Completeness per institution for two periods, desk cases this month, and next steps."""

    permission = "view"

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.bars: dict[tuple[str, str], QProgressBar] = {}
        self.bar_counts: dict[tuple[str, str], QLabel] = {}  # "12 of 40 cells" beside each bar
        self.rows: dict[str, list[Completeness]] = {}
        outer = QVBoxLayout(self)
        heading = heading_label(self.tr("Dashboard"))
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addStretch(1)
        self.district = QComboBox()
        self.district.setAccessibleName(self.tr("District"))
        if session.district is None:
            for code, district in session.catalogue.districts.items():
                self.district.addItem(district.name, code)
            top.addWidget(plain_label(self.tr("District:")))
            top.addWidget(self.district)
            self.district.currentIndexChanged.connect(self.refresh)
        else:
            self.district.addItem(session.district, session.district)
            self.district.hide()
        outer.addLayout(top)
        self.status = plain_label()
        self.status.setStyleSheet(NOTE_STYLE)
        outer.addWidget(self.status)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer.addWidget(self.scroll, 1)
        self._generation = 0  # which refresh the figures on screen answer; older answers are dropped
        self.loading = False
        self.steps: list[NextStep] = []
        self.step_labels: list[QLabel] = []
        self.desk_counts: dict[str, int | str] = {}
        self.refresh()

    def title(self) -> str:
        return self.tr("Dashboard")

    def periods(self, on: dt.date | None = None) -> list[str]:
        """This month (in progress) and last month."""
        current = period_containing("monthly", on or today())
        return [current, shift(current, -1)]

    def refresh(self) -> None:
        """Read every figure off the GUI thread, then rebuild the sections from them.

        "What to do next" looks for unusual figures over a year of values, which takes longer than the
        GUI thread may wait on a full district; until the figures arrive the previous ones stay.
        """
        self._generation += 1
        generation, district, periods = self._generation, self.district.currentData(), self.periods()
        with_cases = allowed(self.session, "view_cases")
        on = today()
        self.loading = True
        self.status.setText(self.tr("Reading the figures…"))
        self.status.show()

        def read_figures(session: Session) -> DashboardFigures:
            return DashboardFigures(
                completeness={period: completeness(session, district, period) if district else []
                              for period in periods},
                desk_counts=desk_cases_reported(session, periods, on) if with_cases else None,
                steps=next_steps(session, on=on))

        def show(figures: object, error: Exception | None) -> None:
            if generation != self._generation:
                return  # a newer refresh was asked for while these figures were read
            self.loading = False
            if error is not None or not isinstance(figures, DashboardFigures):
                self.status.setText(fill(self.tr("The figures could not be read: {error}"), error=error))
                return
            self.status.hide()
            self._show(figures, periods, on)

        run_with_own_connection(self.session, read_figures, show, owner=self)

    def _show(self, figures: DashboardFigures, periods: list[str], on: dt.date) -> None:
        body = QWidget()
        layout = QVBoxLayout(body)
        self.bars.clear()
        self.bar_counts.clear()
        self.rows = figures.completeness
        side = QHBoxLayout()
        for period, label in zip(periods, (self.tr("This month: {period} (in progress)"),
                                           self.tr("Last month: {period}")), strict=True):
            side.addWidget(self._completeness_box(figures.completeness[period], period, fill(label, period=period)), 1)
        holder = QWidget()
        holder.setLayout(side)
        layout.addWidget(holder)
        if figures.desk_counts is not None:
            layout.addWidget(self._desk_box(figures.desk_counts, periods, on))
        layout.addWidget(self._steps_box(figures.steps))
        layout.addStretch(1)
        self.scroll.setWidget(body)  # replaces (and deletes) the previous body

    def _completeness_box(self, rows: list[Completeness], period: str, title: str) -> QGroupBox:
        box = QGroupBox(title)
        grid = QGridLayout(box)
        grid.setColumnStretch(1, 1)
        for number, row in enumerate(rows):
            name = plain_label(row.name)
            bar = QProgressBar()
            bar.setRange(0, max(row.expected, 1))
            bar.setValue(row.entered)
            # The count beside the bar, not on it: drawn over the fill, "3 of 10" was hard to read (and in
            # some styles half on the colour, half off).
            counted = fill(self.tr("{entered} of {expected} cells"), entered=row.entered, expected=row.expected)
            bar.setTextVisible(False)
            bar.setAccessibleName(fill(self.tr("{institution} completeness"), institution=row.name))
            bar.setAccessibleDescription(counted)
            bar.setMinimumWidth(150)
            self.bars[(period, row.institution)] = bar
            count = plain_label(counted)
            self.bar_counts[(period, row.institution)] = count
            if row.complete:
                state = self.tr("marked complete")
            elif row.entered == row.expected:
                state = self.tr("all entered")
            elif row.missing == row.indicators:
                state = self.tr("not started")
            else:
                state = fill(self.tr("{count} of {total} indicators to finish"), count=row.missing + row.partial, total=row.indicators)
            note = plain_label(state)
            note.setStyleSheet(NOTE_STYLE)
            grid.addWidget(name, number, 0)
            grid.addWidget(bar, number, 1)
            grid.addWidget(count, number, 2)
            grid.addWidget(note, number, 3)
        if not rows:
            grid.addWidget(plain_label(self.tr("Nothing is due.")), 0, 0)
        return box

    def _desk_box(self, counts: dict[str, int | str], periods: list[str], on: dt.date) -> QGroupBox:
        box = QGroupBox(self.tr("Gender facilitation desks"))
        line = QHBoxLayout(box)
        self.desk_counts = counts
        for period, label in zip(periods, (self.tr("Cases reported this month ({period}, to {day}): {count}"),
                                           self.tr("Last month ({period}): {count}")), strict=True):
            end = _period_end(period, on)
            text = plain_label(fill(label, period=period, day=end.isoformat(), count=counts[period]))
            line.addWidget(text)
            line.addSpacing(32)
        line.addStretch(1)
        return box

    def _steps_box(self, steps: list[NextStep]) -> QGroupBox:
        box = QGroupBox(self.tr("What to do next"))
        column = QVBoxLayout(box)
        self.steps = steps
        self.step_labels: list[QLabel] = []
        for step in self.steps:
            text = fill(QCoreApplication.translate("next_steps", step.template), **step.params)
            label = plain_label("•  " + text)
            label.setWordWrap(True)
            self.step_labels.append(label)
            column.addWidget(label)
        if not self.steps:
            column.addWidget(plain_label(self.tr("Nothing waiting. Well done.")))
        return box


@dataclasses.dataclass
class DashboardFigures:
    """Everything the dashboard shows, read on a worker's connection."""

    completeness: dict[str, list[Completeness]]
    desk_counts: dict[str, int | str] | None  # None: the role may not see cases; "<5" at the centre for 1 to 4
    steps: list[NextStep]


def _period_end(period: str, on: dt.date) -> dt.date:
    """The last day of ``period`` counted so far: today for the month in progress."""
    span = parse_period(period)
    assert span is not None
    return min(span.end, on)

