"""The centre's import desk: drop bundles (or folders) from the districts, or watch an inbox folder.

Each bundle is imported on its own (``sync.importer.import_bundles``) off the GUI thread, with a progress
bar for the bundle and one for the whole run. A bundle from a device the centre has not enrolled is not
imported: the clerk types the fingerprint the district office reads out by phone, sync compares it with
the bundle's key and enrolls the device if they match, and the bundle imports. The fingerprint the bundle
claims is never on the screen (not in its row, nor in the dialog): it would give the check its answer.
Receipts for every device imported today are one click.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QModelIndex, QObject, Qt, QTimer
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gui.dialogs.enroll_file import EnrollDeviceDialog
from gui.screens.base import Screen
from gui.tasks import run_with_own_connection
from gui.widgets.labels import heading_label, larger
from gui.widgets.list_model import Index, ListTableModel, list_table
from gui.widgets.messages import call_storage, show_message
from gui.widgets.plain import plain_label, plain_tooltip
from gui.widgets.style import ERROR_RED, PLACEHOLDER_STYLE, WARNING_AMBER, WARNING_STYLE
from storage.core.roles import allowed
from storage.core.session import Session
from storage.i18n import QT_TRANSLATE_NOOP, fill, translate
from sync.importer import ImportOutcome, ImportProgress, import_bundles
from sync.inbox import receipts_for_today, scan_inbox
from sync.updates import export_update

# What the details line calls each count of an import (the keys of ImportOutcome.counts).
COUNT_NAMES = {"new": QT_TRANSLATE_NOOP("import", "new"), "updated": QT_TRANSLATE_NOOP("import", "updated"),
               "unchanged": QT_TRANSLATE_NOOP("import", "unchanged"), "conflicts": QT_TRANSLATE_NOOP("import", "conflicts"),
               "quarantined": QT_TRANSLATE_NOOP("import", "quarantined")}

INBOX_POLL_MS = 30_000  # a shared drive is polled, not watched: change notifications do not cross SMB


class ImportResultsModel(ListTableModel):
    """One row per bundle of this sitting's imports, newest first."""

    DISTRICT, DEVICE, SEQUENCE, STATUS, NEW, UPDATED, CONFLICTS, QUARANTINED, REASON = range(9)
    COUNT_COLUMNS = {NEW: "new", UPDATED: "updated", CONFLICTS: "conflicts", QUARANTINED: "quarantined"}

    def __init__(self, districts: dict, parent: QObject | None = None) -> None:
        super().__init__([self.tr("District"), self.tr("Device"), self.tr("Bundle"), self.tr("Status"),
                          self.tr("New"), self.tr("Updated"), self.tr("Conflicts"), self.tr("Quarantined"),
                          self.tr("Reason")])
        if parent is not None:
            self.setParent(parent)
        self.districts = districts  # code -> the catalogue's district, for its name

    @property
    def outcomes(self) -> list[ImportOutcome]:
        """The bundles' results, newest first (the rows themselves)."""
        return self.rows

    def add(self, outcome: ImportOutcome) -> None:
        """Show a bundle's result at the top (a re-import after enrolling adds a new row).

        A bundle of a device not enrolled shows our words instead of sync's reason (which speaks of the
        command line), and nothing of the fingerprint it claims: the clerk types the one heard by phone."""
        if outcome.unknown_device is not None:
            outcome = replace(outcome, reason=self.tr(
                "This PC is not enrolled yet. Phone its district office and type the fingerprint they read out; "
                "if it matches, the PC is enrolled and the bundle imports."))
        self.beginInsertRows(QModelIndex(), 0, 0)
        self.rows.insert(0, outcome)
        self.endInsertRows()

    def status_text(self, outcome: ImportOutcome) -> str:
        if outcome.unknown_device is not None:
            return self.tr("device not enrolled")
        if outcome.status == "imported" and outcome.warnings:
            return self.tr("imported, with a warning")
        return {"imported": self.tr("imported"), "duplicate": self.tr("already imported"),
                "rejected": self.tr("rejected")}.get(outcome.status, outcome.status)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        outcome, column = self.outcomes[index.row()], index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole and (column == self.SEQUENCE or column in self.COUNT_COLUMNS):
            return int(Qt.AlignmentFlag.AlignTrailing | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column == self.STATUS and outcome.status == "rejected":
            return QColor(ERROR_RED)
        if role == Qt.ItemDataRole.ForegroundRole and column in (self.STATUS, self.REASON) and outcome.warnings:
            return QColor(WARNING_AMBER)  # imported, but the clerk must read why (a rewritten history, an old key)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.REASON:
            return plain_tooltip(self.reason_text(outcome))  # it may quote the file's name or the PC's
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == self.DISTRICT:
            known = self.districts.get(outcome.district or "")
            return known.name if known else outcome.district or ""
        if column == self.DEVICE:
            return outcome.device_name or Path(outcome.file).name
        if column == self.SEQUENCE:
            return "" if outcome.sequence is None else outcome.sequence
        if column == self.STATUS:
            return self.status_text(outcome)
        if column in self.COUNT_COLUMNS:
            return f"{outcome.counts.get(self.COUNT_COLUMNS[column], 0):,}"
        return self.reason_text(outcome)

    @staticmethod
    def reason_text(outcome: ImportOutcome, separator: str = " ") -> str:
        """Why a bundle was refused, or what its import warned about (sync's words, naming the district)."""
        return outcome.reason or separator.join(outcome.warnings)


class DropArea(QFrame):
    """A framed area that takes bundle files and folders dragged from Explorer."""

    def __init__(self, on_paths, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.on_paths = on_paths
        self.setAcceptDrops(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMinimumHeight(90)
        self.setAccessibleName(self.tr("Drop bundles here"))
        label = plain_label(self.tr("Drop bundle files (.mizan) or whole folders here"))
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        larger(label).setStyleSheet(PLACEHOLDER_STYLE)
        layout = QVBoxLayout(self)
        layout.addWidget(label)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.on_paths(paths)


class ImportScreen(Screen):
    """Drop zone, progress, the results of this sitting, new devices, the inbox and today's receipts."""

    permission = "import"

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.busy = False
        self.waiting: list[list[Path]] = []  # runs asked for while one was going
        self.inbox: Path | None = None
        self.enroll_dialog: EnrollDeviceDialog | None = None
        self.pending_enrollments: list[ImportOutcome] = []

        heading = heading_label(self.tr("Import bundles from the districts"))
        self.drop_area = DropArea(self.import_paths)
        choose_files = QPushButton(self.tr("Choose &bundle files…"))
        choose_files.clicked.connect(self.choose_files)
        choose_folder = QPushButton(self.tr("Choose a &folder…"))
        choose_folder.clicked.connect(self.choose_folder)
        self.inbox_button = QPushButton(self.tr("&Watch an inbox folder…"))
        self.inbox_button.setCheckable(True)
        self.inbox_button.toggled.connect(self.toggle_inbox)
        self.receipts_button = QPushButton(self.tr("Write &receipts for today…"))
        self.receipts_button.clicked.connect(self.choose_receipts_folder)
        self.update_button = QPushButton(self.tr("Write an &update for the districts…"))
        self.update_button.clicked.connect(self.choose_update_folder)
        self.update_button.setVisible(allowed(session, "send_updates"))
        buttons = QHBoxLayout()
        for button in (choose_files, choose_folder, self.inbox_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.receipts_button)
        buttons.addWidget(self.update_button)

        self.inbox_label = plain_label()
        self.inbox_label.hide()
        self.inbox_timer = QTimer(self)
        self.inbox_timer.setInterval(INBOX_POLL_MS)
        self.inbox_timer.timeout.connect(self.scan_inbox)

        self.bundle_progress = QProgressBar()
        self.bundle_progress.setAccessibleName(self.tr("This bundle"))
        self.overall_progress = QProgressBar()
        self.overall_progress.setAccessibleName(self.tr("All bundles"))
        self.overall_progress.setRange(0, 1000)
        self.progress_label = plain_label()
        progress = QFormLayout()
        progress.addRow(self.tr("This bundle:"), self.bundle_progress)
        progress.addRow(self.tr("All bundles:"), self.overall_progress)
        self.progress_box = QWidget()
        box_layout = QVBoxLayout(self.progress_box)
        box_layout.setContentsMargins(0, 0, 0, 0)
        box_layout.addWidget(self.progress_label)
        box_layout.addLayout(progress)
        self.progress_box.hide()

        self.summary = plain_label()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.model = ImportResultsModel(session.catalogue.districts, self)
        self.table = list_table(self.model, self.tr("Import results"))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)  # the reason takes the spare width
        self.details = plain_label()
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table.selectionModel().selectionChanged.connect(self.show_details)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.drop_area)
        layout.addLayout(buttons)
        layout.addWidget(self.inbox_label)
        layout.addWidget(self.progress_box)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.details)

    def title(self) -> str:
        return self.tr("Import")

    def refresh(self) -> None:
        pass  # the results are this sitting's; nothing to read again

    # -- choosing ----------------------------------------------------------------------------------------

    def choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Choose bundle files"), "",
                                                self.tr("Mizan bundles (*.mizan);;All files (*)"))
        if paths:
            self.import_paths([Path(path) for path in paths])

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose a folder of bundles"))
        if folder:
            self.import_paths([Path(folder)])

    # -- importing ---------------------------------------------------------------------------------------

    def import_paths(self, paths: list[Path]) -> None:
        """Import files and folders off the GUI thread; a run asked for during another waits its turn."""
        if self.busy:
            self.waiting.append(paths)
            return
        self.busy = True
        self.progress_box.show()
        self.bundle_progress.setValue(0)
        self.overall_progress.setValue(0)
        self.progress_label.setText(self.tr("Opening the bundles…"))
        run_with_own_connection(self.session, lambda worker, report: import_bundles(worker, paths, on_progress=report),
                                self._imported, self._progressed, owner=self)

    def _progressed(self, progress: ImportProgress) -> None:
        self.overall_progress.setValue(round(progress.fraction * 1000))
        self.bundle_progress.setRange(0, max(progress.records_total, 1))
        self.bundle_progress.setValue(progress.records_total if progress.outcome else progress.records_done)
        self.progress_label.setText(fill(self.tr("Bundle {n} of {total}: {file} ({done:,} of {records:,} records)"), n=progress.bundle_index + 1, total=progress.bundle_total, file=Path(progress.file).name,
            done=progress.records_done, records=progress.records_total))
        if progress.outcome is not None:
            self.model.add(progress.outcome)
            for column in range(ImportResultsModel.REASON):  # the reason, last, keeps the spare width
                self.table.resizeColumnToContents(column)

    def _imported(self, outcomes: object, error: Exception | None) -> None:
        self.busy = False
        self.progress_box.hide()
        if error is not None:
            show_message(self.summary, fill(self.tr("Nothing more was imported: {error}"), error=error), error=True)
        elif isinstance(outcomes, list):
            show_message(self.summary, self.describe(outcomes), error=False)
            self.pending_enrollments += [outcome for outcome in outcomes if outcome.unknown_device is not None]
        if self.waiting:
            self.import_paths(self.waiting.pop(0))
        else:
            self.ask_next_enrollment()

    def describe(self, outcomes: list[ImportOutcome]) -> str:
        """One plain sentence for the run."""
        if not outcomes:
            return self.tr("No bundle files (.mizan) were found there.")
        imported = sum(outcome.status == "imported" for outcome in outcomes)
        duplicate = sum(outcome.status == "duplicate" for outcome in outcomes)
        unknown = sum(outcome.unknown_device is not None for outcome in outcomes)
        rejected = len(outcomes) - imported - duplicate - unknown
        records = sum(outcome.counts.get("new", 0) + outcome.counts.get("updated", 0) for outcome in outcomes)
        review = sum(outcome.counts.get("conflicts", 0) + outcome.counts.get("quarantined", 0) for outcome in outcomes)
        warned = sum(bool(outcome.warnings) for outcome in outcomes)
        text = fill(self.tr("{imported} of {total} bundles imported ({records:,} records new or changed)."), imported=imported, total=len(outcomes), records=records)
        if duplicate:
            text += " " + fill(self.tr("{n} had been imported before."), n=duplicate)
        if unknown:
            text += " " + fill(self.tr("{n} came from a PC not yet enrolled."), n=unknown)
        if rejected:
            text += " " + fill(self.tr("{n} were rejected: see the reason in the table."), n=rejected)
        if review:
            text += " " + fill(self.tr("Records that need review (see Review): {n}."), n=review)
        if warned:
            text += " " + fill(self.tr("{n} came with a warning about its district: select its row and read it."), n=warned)
        return text

    # -- new devices -------------------------------------------------------------------------------------

    def ask_next_enrollment(self) -> None:
        """One enrollment question at a time; an enrolled device's bundle is imported again at once."""
        if self.enroll_dialog is not None or not self.pending_enrollments:
            return
        outcome = self.pending_enrollments.pop(0)
        dialog = EnrollDeviceDialog(self.session, outcome, parent=self)
        self.enroll_dialog = dialog

        def answered(result: int) -> None:
            self.enroll_dialog = None
            if result == QDialog.DialogCode.Accepted:
                self.import_paths([Path(outcome.file)])
            else:
                self.ask_next_enrollment()

        dialog.finished.connect(answered)
        dialog.open()

    # -- the inbox ---------------------------------------------------------------------------------------

    def toggle_inbox(self, watching: bool) -> None:
        if not watching:
            self.inbox_timer.stop()
            self.inbox = None
            self.inbox_label.hide()
            self.inbox_button.setText(self.tr("&Watch an inbox folder…"))
            return
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose the inbox folder (e.g. on the shared drive)"))
        if not folder:
            self.inbox_button.setChecked(False)
            return
        self.watch_inbox(Path(folder))

    def watch_inbox(self, folder: Path) -> None:
        """Import new bundles that appear in ``folder`` (checked now and every 30 seconds); files stay."""
        self.inbox = folder
        self.inbox_button.blockSignals(True)
        self.inbox_button.setChecked(True)
        self.inbox_button.blockSignals(False)
        self.inbox_button.setText(self.tr("Stop &watching"))
        self.inbox_label.setText(fill(self.tr("Watching {folder} for new bundles."), folder=folder))
        self.inbox_label.show()
        self.inbox_timer.start()
        self.scan_inbox()

    def scan_inbox(self) -> None:
        if self.inbox is None or self.busy:
            return
        folder = self.inbox

        def found(paths: object, error: Exception | None) -> None:
            if error is not None:
                self.inbox_label.setText(fill(self.tr("The inbox {folder} could not be read: {error}"), folder=folder, error=error))
            elif isinstance(paths, list) and paths:
                self.import_paths(paths)

        run_with_own_connection(self.session, lambda session: scan_inbox(session, folder), found, owner=self)

    # -- receipts ----------------------------------------------------------------------------------------

    def choose_receipts_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Where should the receipts go?"))
        if folder:
            self.write_receipts(Path(folder))

    def write_receipts(self, folder: Path) -> None:
        """A signed receipt for every device imported today; a few small files, written at once."""
        receipts = call_storage(self.summary, lambda: receipts_for_today(self.session, folder))
        if not receipts:
            return
        if receipts.value:
            show_message(self.summary, fill(self.tr("Receipts written to {folder}: {n}. Send each to its district office."), n=len(receipts.value), folder=folder), error=False)
        else:
            show_message(self.summary, self.tr("No bundle was imported today, so there is nothing to acknowledge."), error=False)

    def choose_update_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Where should the update go?"))
        if folder:
            self.write_update(Path(folder))

    def write_update(self, folder: Path) -> None:
        """The next centre update (targets, every device's receipts, revoked PCs, policy): one small file."""
        written = call_storage(self.summary, lambda: export_update(self.session, folder))
        if written:
            show_message(self.summary, fill(self.tr("Update {sequence} written to {file}. Carry it to every district office."), sequence=written.value.sequence, file=written.value.path), error=False)

    # -- details -----------------------------------------------------------------------------------------

    def show_details(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            self.details.clear()
            return
        outcome = self.model.outcomes[rows[0].row()]
        counts = ", ".join(f"{translate('import', COUNT_NAMES.get(name, name))}: {count:,}"
                           for name, count in outcome.counts.items())
        self.details.setText(fill(self.tr("{file}\n{status}. {counts}\n{reason}"), file=outcome.file, status=self.model.status_text(outcome), counts=counts, reason=ImportResultsModel.reason_text(outcome, "\n")))
        # A warning (a district whose audit history changed, a bundle for a retired key) reads as one.
        self.details.setStyleSheet(WARNING_STYLE if outcome.warnings else "")
