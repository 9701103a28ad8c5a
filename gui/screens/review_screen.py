"""The centre's review screen: conflicts side by side (choose the value to keep) and quarantined records.

Every decision is storage's (``sync.review.resolve_conflict``, ``recheck_quarantine``): keeping an
incoming version runs the validation engine again and is audited; this screen lays the versions out.
"""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from gui.screens.base import Screen
from gui.tasks import run_with_own_connection
from gui.widgets.labels import explanation, heading_label
from gui.widgets.list_model import Index, ListTableModel, list_table
from gui.widgets.messages import call_storage, show_message
from storage.core.session import Session
from storage.errors import ValidationFailed
from storage.i18n import QT_TRANSLATE_NOOP, fill, translate
from storage.validation import FIELD_LABELS
from sync.review import Conflict, RecheckResult, list_conflicts, list_quarantine, recheck_quarantine, resolve_conflict

RECORD_TYPE_NAMES = {"indicator_values": QT_TRANSLATE_NOOP("records", "Indicator value"),
                     "targets": QT_TRANSLATE_NOOP("records", "Target"),
                     "completions": QT_TRANSLATE_NOOP("records", "Data set completion"),
                     "desk_cases": QT_TRANSLATE_NOOP("records", "Desk case"),
                     "desk_case_perpetrators": QT_TRANSLATE_NOOP("records", "Perpetrator"),
                     "desk_case_services": QT_TRANSLATE_NOOP("records", "Service"),
                     "pkm_requests": QT_TRANSLATE_NOOP("records", "PKM request"),
                     "desks": QT_TRANSLATE_NOOP("records", "Desk")}


def record_type_name(record_type: str) -> str:
    """A record type (``indicator_values``…) in the interface's language."""
    return translate("records", RECORD_TYPE_NAMES[record_type]) if record_type in RECORD_TYPE_NAMES else record_type
# Bookkeeping columns the clerk does not choose between.
HIDDEN_FIELDS = frozenset({"uuid", "hlc", "origin_device", "entered_at"})


def _written(version_time: str) -> str:
    return version_time[:16].replace("T", " ")


class ConflictsModel(ListTableModel):
    """Open conflicts: what the record is, and which two PCs wrote it."""

    WHAT, STORED, INCOMING = range(3)

    def __init__(self, session: Session) -> None:
        super().__init__([self.tr("Record"), self.tr("Stored (wins now)"), self.tr("Other version")])
        self.session = session

    @property
    def conflicts(self) -> list[Conflict]:
        """The open conflicts shown, one per row (the rows themselves)."""
        return self.rows

    def reload(self) -> None:
        self.beginResetModel()
        self.rows = list_conflicts(self.session)
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        conflict = self.conflicts[index.row()]
        if index.column() == self.WHAT:
            kind = record_type_name(conflict.record_type)
            return f"{kind}: {conflict.key_text}"
        version = conflict.stored if index.column() == self.STORED else conflict.incoming
        return f"{version.device_name} · {_written(version.written_at)}"


class ComparisonModel(ListTableModel):
    """One conflict's two versions field by field; the fields that differ come first, in bold."""

    FIELD, STORED, INCOMING = range(3)

    def __init__(self) -> None:
        super().__init__([self.tr("Field"), self.tr("Stored"), self.tr("Other version")])
        self.conflict: Conflict | None = None

    def show(self, conflict: Conflict | None) -> None:
        self.beginResetModel()
        self.conflict = conflict
        self.rows = []
        if conflict is not None:
            fields = [name for name in conflict.stored.record if name not in HIDDEN_FIELDS]
            fields.sort(key=lambda name: name not in conflict.differences)  # stable: differences first
            self.rows = [{"field": name, "stored": conflict.stored.record.get(name),
                          "incoming": conflict.incoming.record.get(name), "differs": name in conflict.differences}
                         for name in fields]
        self.endResetModel()

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if (self.conflict is not None and orientation == Qt.Orientation.Horizontal
                and role == Qt.ItemDataRole.DisplayRole and section in (self.STORED, self.INCOMING)):
            version = self.conflict.stored if section == self.STORED else self.conflict.incoming
            title = self.tr("Stored") if section == self.STORED else self.tr("Other version")
            return f"{title}: {version.device_name}, {_written(version.written_at)}"
        return super().headerData(section, orientation, role)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.FontRole and row["differs"]:
            font = QFont()
            font.setBold(True)
            return font
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if index.column() == self.FIELD:
            label = FIELD_LABELS.get(row["field"])
            return translate("fields", label) if label else row["field"].replace("_", " ")
        value = row["stored"] if index.column() == self.STORED else row["incoming"]
        return "" if value is None else str(value)


class QuarantineModel(ListTableModel):
    """Records held back at import, with the engine's reasons."""

    DISTRICT, DEVICE, BUNDLE, KIND, REASONS = range(5)

    def __init__(self, session: Session) -> None:
        super().__init__([self.tr("District"), self.tr("Device"), self.tr("Bundle"), self.tr("Record"),
                          self.tr("Why it was held back")])
        self.session = session

    def reload(self) -> None:
        self.beginResetModel()
        self.rows = list_quarantine(self.session, limit=5000)  # a review list, not an archive
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        entry, column = self.rows[index.row()], index.column()
        if column == self.DISTRICT:
            return entry["district"]
        if column == self.DEVICE:
            return entry["device_name"] or entry["device_id"]
        if column == self.BUNDLE:
            return entry["sequence"]
        if column == self.KIND:
            kind = record_type_name(entry["record_type"])
            return kind if role == Qt.ItemDataRole.DisplayRole else json.dumps(entry["record"], indent=1)
        return " ".join(reason["message"] for reason in entry["reasons"])


class ReviewScreen(Screen):
    """Two tabs: conflicts, side by side with the choice, and quarantined records with a re-check."""

    permission = "import"

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        heading = heading_label(self.tr("Records that need review"))
        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_conflicts(), self.tr("&Conflicts"))
        self.tabs.addTab(self._build_quarantine(), self.tr("&Quarantine"))
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.tabs, 1)
        self.refresh()

    def title(self) -> str:
        return self.tr("Review")

    def refresh(self) -> None:
        self.conflicts_model.reload()
        self.quarantine_model.reload()
        self._update_tab_titles()
        if self.conflicts_model.rowCount():
            self.conflicts_table.selectRow(0)
        else:
            self.comparison.show(None)
            self._update_buttons()

    # -- conflicts ---------------------------------------------------------------------------------------

    def _build_conflicts(self) -> QWidget:
        self.conflicts_model = ConflictsModel(self.session)
        self.conflicts_table = list_table(self.conflicts_model, self.tr("Conflicts"))
        self.conflicts_table.horizontalHeader().setSectionResizeMode(ConflictsModel.WHAT,
                                                                      QHeaderView.ResizeMode.Stretch)
        self.comparison = ComparisonModel()
        self.comparison_table = list_table(self.comparison, self.tr("The two versions"))
        header = self.comparison_table.horizontalHeader()
        header.setSectionResizeMode(ComparisonModel.STORED, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ComparisonModel.INCOMING, QHeaderView.ResizeMode.Stretch)
        self.keep_stored = QPushButton(self.tr("Keep the &stored version"))
        self.keep_incoming = QPushButton(self.tr("Keep the &other version"))
        self.keep_stored.clicked.connect(lambda: self.decide("stored"))
        self.keep_incoming.clicked.connect(lambda: self.decide("incoming"))
        self.decision_note = QLabel()
        self.decision_note.setWordWrap(True)
        self.conflicts_table.selectionModel().selectionChanged.connect(self._conflict_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.decision_note, 1)
        buttons.addWidget(self.keep_stored)
        buttons.addWidget(self.keep_incoming)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(QLabel(self.tr("The two versions (fields that differ in bold):")))
        lower_layout.addWidget(self.comparison_table, 1)
        lower_layout.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.conflicts_table)
        splitter.addWidget(lower)
        splitter.setSizes([200, 340])
        return splitter

    def selected_conflict(self) -> Conflict | None:
        rows = self.conflicts_table.selectionModel().selectedRows()
        return self.conflicts_model.conflicts[rows[0].row()] if rows else None

    def _conflict_selected(self) -> None:
        self.comparison.show(self.selected_conflict())
        self.comparison_table.resizeColumnToContents(ComparisonModel.FIELD)
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = self.selected_conflict() is not None
        self.keep_stored.setEnabled(chosen)
        self.keep_incoming.setEnabled(chosen)

    def decide(self, keep: str) -> None:
        """Keep one version; storage validates the kept record and audits the choice."""
        conflict = self.selected_conflict()
        if conflict is None:
            return

        def refusal(error: Exception) -> str:
            if isinstance(error, ValidationFailed):
                return fill(self.tr("The other version cannot be kept: {reasons}"), reasons=" ".join(issue.message for issue in error.issues))
            return str(error)

        decided = call_storage(self.decision_note,
                               lambda: resolve_conflict(self.session, conflict.id, keep, seen=conflict.versions),
                               message=refusal)
        if not decided:
            return
        decision = decided.value
        kept = self.tr("stored") if decision.kept == "stored" else self.tr("other")
        show_message(self.decision_note, fill(self.tr("Kept the {kept} version of {what}."), kept=kept, what=decision.key_text), error=False)
        row = self.conflicts_table.currentIndex().row()
        self.conflicts_model.reload()
        self._update_tab_titles()
        if self.conflicts_model.rowCount():
            self.conflicts_table.selectRow(min(max(row, 0), self.conflicts_model.rowCount() - 1))
        else:
            self.comparison.show(None)
            self._update_buttons()

    # -- quarantine --------------------------------------------------------------------------------------

    def _build_quarantine(self) -> QWidget:
        self.quarantine_model = QuarantineModel(self.session)
        self.quarantine_table = list_table(self.quarantine_model, self.tr("Quarantined records"))
        self.quarantine_table.horizontalHeader().setSectionResizeMode(QuarantineModel.REASONS,
                                                                       QHeaderView.ResizeMode.Stretch)
        self.quarantine_table.setWordWrap(True)
        self.recheck_button = QPushButton(self.tr("&Re-check all against today's catalogue"))
        self.recheck_button.clicked.connect(self.recheck)
        self.recheck_note = QLabel()
        self.recheck_note.setWordWrap(True)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(explanation(self.tr(
            "These records broke a rule when their bundle was imported, so they were held back. After the catalogue "
            "changes (a new indicator or district), re-check them: those that pass now are merged.")))
        layout.addWidget(self.quarantine_table, 1)
        row = QHBoxLayout()
        row.addWidget(self.recheck_note, 1)
        row.addWidget(self.recheck_button)
        layout.addLayout(row)
        return page

    def recheck(self) -> None:
        """Re-check off the GUI thread (it merges what passes in one transaction)."""
        self.recheck_button.setEnabled(False)
        self.recheck_note.setText(self.tr("Checking…"))

        def done(result: object, error: Exception | None) -> None:
            self.recheck_button.setEnabled(True)
            if error is not None or not isinstance(result, RecheckResult):
                self.recheck_note.setText(fill(self.tr("Nothing was re-checked: {error}"), error=error))
                return
            self.recheck_note.setText(fill(self.tr(
                "{checked} records checked: {passed} passed and were merged, {still} are still held back."), checked=result.checked, passed=result.passed, still=result.still_quarantined))
            self.refresh()

        run_with_own_connection(self.session, recheck_quarantine, done, owner=self)

    def _update_tab_titles(self) -> None:
        self.tabs.setTabText(0, fill(self.tr("&Conflicts ({n})"), n=self.conflicts_model.rowCount()))
        self.tabs.setTabText(1, fill(self.tr("&Quarantine ({n})"), n=self.quarantine_model.rowCount()))

