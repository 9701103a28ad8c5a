"""The centre's approval queue: each district's submitted data sets, with their figures, warnings and comments;
approve one, or return it with a question; reopen an approved one with the reason.

States and decisions are ``storage.records.approvals`` (``data_set_states``, ``decide``); the figures are
``storage.records.values.list_indicator_values``. Decisions reach the districts in the next centre update.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QCheckBox, QDialog, QHBoxLayout, QPushButton, QSplitter, QVBoxLayout, QWidget

from gui.screens.base import Screen
from gui.widgets.labels import explanation, heading_label
from gui.widgets.list_model import Index, ListTableModel, list_table
from gui.widgets.messages import call_storage, message_label, show_message
from gui.widgets.plain import input_dialog
from gui.widgets.style import ATTENTION_FILL
from storage.core.clock import local_clock
from storage.core.session import Session
from storage.i18n import fill
from storage.records.approvals import DataSetState, data_set_states, decide
from storage.records.values import check_indicator_values, list_indicator_values
from storage.validation import WARNING, ValueInput

WAITING = QColor(ATTENTION_FILL)
# The queue's order: what waits on the centre first.
STATE_ORDER = {"submitted": 0, "returned": 1, "approved": 2, "complete": 3, "open": 4}


class DataSetsModel(ListTableModel):
    """One row per data set a district marked, submitted or the centre decided."""

    DISTRICT, INSTITUTION, PERIOD, STATE, SUBMITTED, DECIDED, REASON = range(7)

    def __init__(self, session: Session) -> None:
        super().__init__([self.tr("District"), self.tr("Institution"), self.tr("Period"), self.tr("State"),
                          self.tr("Submitted"), self.tr("Decided"), self.tr("Reason")])
        self.session = session
        self.waiting_only = True

    def state_words(self, state: str) -> str:
        return {"open": self.tr("open"), "complete": self.tr("complete"), "submitted": self.tr("waiting for you"),
                "approved": self.tr("approved"), "returned": self.tr("returned")}[state]

    def reload(self) -> None:
        self.beginResetModel()
        states = data_set_states(self.session)
        if self.waiting_only:
            states = [state for state in states if state.state == "submitted"]
        self.rows = sorted(states, key=lambda s: (STATE_ORDER[s.state], s.period, s.district, s.institution))
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        state: DataSetState = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.BackgroundRole and column == self.STATE and state.state == "submitted":
            return WAITING
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        catalogue = self.session.catalogue
        institution = catalogue.institutions.get(state.institution)
        district = catalogue.districts.get(state.district)
        return {
            self.DISTRICT: district.name if district else state.district,
            self.INSTITUTION: institution.name if institution else state.institution,
            self.PERIOD: state.period,
            self.STATE: self.state_words(state.state),
            self.SUBMITTED: local_clock(state.submitted_at, with_date=True) if state.submitted_at else "",
            self.DECIDED: f"{state.decided_by} {local_clock(state.decided_at, with_date=True)}" if state.decided_at else "",
            self.REASON: state.reason or "",
        }[column]


class FiguresModel(ListTableModel):
    """The chosen data set's figures, each with its comment and the engine's warnings."""

    INDICATOR, CELL, FIGURE, COMMENT, WARNING = range(5)

    def __init__(self) -> None:
        super().__init__([self.tr("Indicator"), self.tr("Cell"), self.tr("Figure"), self.tr("Comment"),
                          self.tr("Warning")])

    def show(self, rows: list[dict]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        row = self.rows[index.row()]
        figure = row["value"] if row["value"] is not None else f"{row['numerator']} / {row['denominator']}"
        return {self.INDICATOR: row["indicator"], self.CELL: row["cell"], self.FIGURE: str(figure),
                self.COMMENT: row["comment"] or "", self.WARNING: row["warning"]}[index.column()]


class ApprovalsScreen(Screen):
    """The queue above, the chosen data set's figures below, and the decision buttons."""

    permission = "approve"
    installations = frozenset({"centre"})

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.queue = DataSetsModel(session)
        self.queue_table = list_table(self.queue, self.tr("Data sets"))
        self.figures = FiguresModel()
        self.figures_table = list_table(self.figures, self.tr("Figures of the chosen data set"))
        self.waiting_only = QCheckBox(self.tr("Only data sets &waiting for a decision"))
        self.waiting_only.setChecked(True)
        self.waiting_only.toggled.connect(self.show_waiting_only)
        self.approve_button = QPushButton(self.tr("&Approve"))
        self.return_button = QPushButton(self.tr("&Return with a question…"))
        self.reopen_button = QPushButton(self.tr("Re&open…"))
        self.approve_button.clicked.connect(lambda: self.decide_chosen("approved"))
        self.return_button.clicked.connect(lambda: self.ask_reason("returned"))
        self.reopen_button.clicked.connect(lambda: self.ask_reason("reopened"))
        self.result = message_label()
        self.result.setWordWrap(True)
        self.empty = message_label()  # what an empty queue means, instead of a blank table
        buttons = QHBoxLayout()
        buttons.addWidget(self.waiting_only)
        buttons.addStretch(1)
        for button in (self.approve_button, self.return_button, self.reopen_button):
            buttons.addWidget(button)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.queue_table)
        splitter.addWidget(self.figures_table)
        layout = QVBoxLayout(self)
        layout.addWidget(heading_label(self.tr("Approve the districts' data sets")))
        layout.addWidget(explanation(self.tr(
            "An approved data set is locked for everyone, here and at the district. A returned one opens again for "
            "its operators, with your question on their dashboard. Decisions reach the districts in the next "
            "centre update (Import → Write an update).")))
        layout.addLayout(buttons)
        layout.addWidget(self.result)
        layout.addWidget(self.empty)
        layout.addWidget(splitter, 1)
        self.queue_table.selectionModel().selectionChanged.connect(self.show_chosen)
        self.reason_dialog: QDialog | None = None
        self.refresh()

    def title(self) -> str:
        return self.tr("Approvals")

    def refresh(self) -> None:
        self.queue.reload()
        if self.queue.rows:
            self.empty.hide()
        else:
            show_message(self.empty, self.tr("Nothing is waiting for a decision: no district has submitted a data set "
                                             "since the last ones were decided.") if self.queue.waiting_only else
                         self.tr("No district has marked or submitted a data set yet."), error=False)
        self.show_chosen()

    def show_waiting_only(self, waiting_only: bool) -> None:
        self.queue.waiting_only = waiting_only
        self.refresh()

    def chosen(self) -> DataSetState | None:
        rows = self.queue_table.selectionModel().selectedRows()
        return self.queue.rows[rows[0].row()] if rows else None

    def choose(self, district: str, institution: str, period: str) -> None:
        """Select a data set as the clerk would."""
        for number, state in enumerate(self.queue.rows):
            if (state.district, state.institution, state.period) == (district, institution, period):
                self.queue_table.selectRow(number)
                return

    def show_chosen(self) -> None:
        state = self.chosen()
        self.approve_button.setEnabled(state is not None and state.state == "submitted")
        self.return_button.setEnabled(state is not None and state.state == "submitted")
        self.reopen_button.setEnabled(state is not None and state.state == "approved")
        if state is None:
            self.figures.show([])
            return
        catalogue = self.session.catalogue
        rows = [row for row in list_indicator_values(self.session, period=state.period, district=state.district)
                if catalogue.indicators[row["indicator"]].institution == state.institution]
        inputs = [ValueInput.from_stored(row["indicator"], state.district, state.period, row["cell"], row["value"],
                                         row["numerator"], row["denominator"], row["comment"]) for row in rows]
        checked, _ = check_indicator_values(self.session, inputs)
        for row, result in zip(rows, checked, strict=True):
            # Only the engine's warnings (an unusual figure): the rest of what it says here is the lock itself.
            row["warning"] = "; ".join(found.message for found in result.issues if found.severity == WARNING)
        self.figures.show(rows)

    def ask_reason(self, decision: str) -> None:
        """Return or reopen: the reason is asked for, and the district reads it."""
        prompt = (self.tr("What should the district office look at? It reads this on its dashboard.")
                  if decision == "returned" else self.tr("Why is this approved data set reopened?"))
        dialog = input_dialog(self, self.tr("Reason"), prompt)
        dialog.textValueSelected.connect(lambda reason: self.decide_chosen(decision, reason))
        self.reason_dialog = dialog
        dialog.open()

    def decide_chosen(self, decision: str, reason: str | None = None) -> None:
        state = self.chosen()
        if state is None:
            return
        decided = call_storage(self.result, lambda: decide(self.session, state.district, state.institution,
                                                           state.period, decision, reason))
        if decided:
            catalogue = self.session.catalogue
            show_message(self.result, fill(self.tr("{district} {institution} {period}: {state}. It reaches the district "
                                                   "in the next centre update."),
                                           district=catalogue.districts[state.district].name,
                                           institution=catalogue.institutions[state.institution].name, period=state.period,
                                           state=self.queue.state_words(decided.value.state)), error=False)
            self.refresh()
