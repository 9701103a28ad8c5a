"""The indicator entry screen: institution and period choosers over one panel per indicator of the sheet.

Each panel (:mod:`~gui.screens.indicator_entry.panel`) holds a grid (:mod:`~gui.screens.indicator_entry.view`)
over its model (:mod:`~gui.screens.indicator_entry.model`), which saves each cell when it is left.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QFrame, QHBoxLayout, QPushButton, QScrollArea, QVBoxLayout, QWidget

from gui.screens.base import Screen
from gui.screens.indicator_entry.model import IndicatorGridModel
from gui.screens.indicator_entry.panel import IndicatorPanel
from gui.widgets.inputs import valid_on
from gui.widgets.labels import heading_label
from gui.widgets.messages import call_storage, show_message
from gui.widgets.plain import plain_label
from storage.core.clock import today
from storage.core.roles import allowed
from storage.core.session import Session
from storage.i18n import fill
from storage.reference.due import entry_institutions, institution_periods, last_complete_period, sheet_frequency
from storage.views.completeness import completeness
from storage.views.entry_sheet import EntrySheet, entry_sheet, mark_sheet_complete, submit_sheet
from storage.views.rule_conflicts import rule_conflicts


class IndicatorEntryScreen(Screen):
    """Institution and period choosers over a scrolling list of indicator grids."""

    permission = "view"

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.sheet: EntrySheet | None = None
        self.models: dict[str, IndicatorGridModel] = {}
        self._retrying = False  # a retried figure's save must not start another round of retries
        self.panels: dict[str, IndicatorPanel] = {}
        layout = QVBoxLayout(self)
        heading = heading_label(self.tr("Indicator entry"))
        layout.addWidget(heading)
        bar = QHBoxLayout()
        self.district = QComboBox()
        self.district.setAccessibleName(self.tr("District"))
        if session.district is None:
            for code, district in session.catalogue.districts.items():
                self.district.addItem(district.name, code)
            bar.addWidget(plain_label(self.tr("District:")))
            bar.addWidget(self.district)
        else:
            self.district.addItem(session.district, session.district)
            self.district.hide()
        self.institution = QComboBox()
        self.institution.setAccessibleName(self.tr("Institution"))
        on = today()
        for code in entry_institutions(session.catalogue, installation=session.installation["role"]):
            # Valid today by the catalogue's rule: one whose end date is still to come is shown until then.
            if valid_on(session.catalogue.institutions[code].validity, on):
                self.institution.addItem(session.catalogue.institutions[code].name, code)
        self.period = QComboBox()
        self.period.setAccessibleName(self.tr("Period"))
        institution_label = plain_label(self.tr("&Institution:"))
        institution_label.setBuddy(self.institution)
        period_label = plain_label(self.tr("&Period:"))
        period_label.setBuddy(self.period)
        bar.addWidget(institution_label)
        bar.addWidget(self.institution)
        bar.addSpacing(12)
        bar.addWidget(period_label)
        bar.addWidget(self.period)
        bar.addSpacing(12)
        self.status = plain_label()
        self.status.setWordWrap(True)
        bar.addWidget(self.status, 1)
        self.mark_button = QPushButton(self.tr("Mark complete"))
        self.reopen_button = QPushButton(self.tr("Reopen"))
        self.submit_button = QPushButton(self.tr("&Submit to the centre"))
        self.submit_button.setToolTip(self.tr("Marks the sheet complete and sends it for the centre's approval "
                                              "with the next bundle."))
        for button in (self.mark_button, self.reopen_button, self.submit_button):
            button.setVisible(allowed(session, "mark_complete") and not session.is_centre)
            bar.addWidget(button)
        layout.addLayout(bar)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        layout.addWidget(self.scroll, 1)
        self.institution.currentIndexChanged.connect(self._fill_periods)
        self.period.currentIndexChanged.connect(self.load)
        self.district.currentIndexChanged.connect(self.load)
        self.mark_button.clicked.connect(lambda: self.set_complete(True))
        self.reopen_button.clicked.connect(lambda: self.set_complete(False))
        self.submit_button.clicked.connect(self.submit)
        self._fill_periods()

    def title(self) -> str:
        return self.tr("Indicator entry")

    def refresh(self) -> None:
        self.load()

    def choose(self, institution: str, period: str | None = None) -> None:
        """Select an institution (and period) as the user would."""
        self.institution.setCurrentIndex(self.institution.findData(institution))
        if period is not None:
            self.period.setCurrentIndex(self.period.findData(period))

    def _fill_periods(self) -> None:
        institution = self.institution.currentData()
        if institution is None:
            return
        keep = self.period.currentData()
        on = today()
        periods = institution_periods(self.session.catalogue, institution, on, 24, self.session.installation["role"])
        frequency = sheet_frequency(self.session.catalogue, institution, self.session.installation["role"])
        default = last_complete_period(frequency, on) if frequency else None
        self.period.blockSignals(True)
        self.period.clear()
        for code in periods:
            label = code if code != periods[0] or code == default else fill(self.tr("{period} (in progress)"), period=code)
            self.period.addItem(label, code)
        wanted = keep if keep in periods else default if default in periods else (periods[0] if periods else None)
        self.period.setCurrentIndex(max(self.period.findData(wanted), 0))
        self.period.blockSignals(False)
        self.load()

    def load(self) -> None:
        """Build one panel per indicator of the chosen sheet."""
        institution, period, district = self.institution.currentData(), self.period.currentData(), \
            self.district.currentData()
        if not institution or not period or not district:
            return
        self.sheet = entry_sheet(self.session, district, institution, period)
        self.models.clear()
        self.panels.clear()
        container = QWidget()
        column = QVBoxLayout(container)
        for item in self.sheet.indicators:
            model = IndicatorGridModel(self.session, district, item, container)
            panel = IndicatorPanel(model, container)
            self.models[item.indicator.code] = model
            self.panels[item.indicator.code] = panel
            model.cellSaved.connect(self._show_status)  # the count of cells entered follows every save
            model.cellSaved.connect(self._after_save)
            model.conflictsElsewhere.connect(self._show_conflicts)
            column.addWidget(panel)
        if not self.sheet.indicators:
            column.addWidget(plain_label(fill(self.tr("Nothing is due from this institution for {period}."), period=period)))
        column.addStretch(1)
        self.scroll.setWidget(container)
        self._show_status()
        self._show_stored_conflicts()

    def _show_conflicts(self, conflicts: list) -> None:
        """Figures of other grids that a refused or warned figure conflicts with (rules.csv): shown there too."""
        for indicator, cell, message, rule, severity in conflicts:
            model = self.models.get(indicator)
            if model is not None:
                model.mark_conflict(cell, message, rule, severity)

    def _show_stored_conflicts(self) -> None:
        """Stored figures of the sheet that disagree with each other (a rule saved with a comment, figures
        loaded or received): each shows the conflict next to it."""
        sheet = self.sheet
        if sheet is None or not sheet.indicators:
            return
        for model in self.models.values():
            model.clear_conflicts()
        found = rule_conflicts(self.session, sheet.district, {item.period for item in sheet.indicators},
                               self.models)
        for conflict in found:
            model = self.models.get(conflict.indicator)
            if model is not None and conflict.period == model.item.period:
                model.mark_conflict(conflict.cell, conflict.issue.message, conflict.issue.rule, conflict.issue.severity)

    def _after_save(self) -> None:
        """A figure was saved: what conflicts now, and figures refused for a conflict that may now pass."""
        if self._retrying:
            return
        self._retrying = True
        try:
            for model in list(self.models.values()):
                model.retry_conflicts()
        finally:
            self._retrying = False
        self._show_stored_conflicts()

    def _show_status(self) -> None:
        sheet = self.sheet
        if sheet is None:
            return
        reasons = {item.read_only_reason for item in sheet.indicators if item.read_only_reason}
        if sheet.complete:
            text = self.tr("Marked complete.")
            if reasons:
                text += " " + QCoreApplication.translate("entry", next(iter(reasons)))
            elif allowed(self.session, "mark_complete"):
                text += " " + self.tr("Operators can no longer change it; you still can.")
        elif reasons:
            text = QCoreApplication.translate("entry", next(iter(reasons)))
        else:
            found = next((row for row in completeness(self.session, sheet.district, sheet.period)
                          if row.institution == sheet.institution), None)
            entered, expected = (found.entered, found.expected) if found else (0, 0)
            text = fill(self.tr("{entered} of {expected} cells entered. Each cell is saved when you leave it."), entered=entered, expected=expected)
        if sheet.approval == "returned":
            text = fill(self.tr("The centre returned it: {reason}"), reason=sheet.returned_reason or "") + " " + text
        elif sheet.approval == "submitted":
            text += " " + self.tr("Submitted to the centre; waiting for its decision.")
        show_message(self.status, text, error=sheet.approval == "returned")
        decided = sheet.approval in ("submitted", "approved")
        self.mark_button.setEnabled(not sheet.complete and bool(sheet.indicators))
        self.reopen_button.setEnabled(sheet.complete and sheet.approval != "approved")
        self.submit_button.setEnabled(bool(sheet.indicators) and not decided)

    def submit(self) -> None:
        """Submit the sheet's data sets to the centre (marking them complete first)."""
        sheet = self.sheet
        if sheet is None:
            return
        if call_storage(self.status, lambda: submit_sheet(self.session, sheet.district, sheet.institution, sheet.period)):
            self.load()

    def set_complete(self, complete: bool) -> None:
        """Mark the sheet's data sets complete, or reopen them (supervisors)."""
        sheet = self.sheet
        if sheet is None:
            return
        if call_storage(self.status, lambda: mark_sheet_complete(self.session, sheet.district, sheet.institution,
                                                                 sheet.period, complete)):
            self.load()
