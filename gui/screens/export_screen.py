"""Export: write the month's bundle to a USB stick, apply the centre's receipt, see what arrived."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui.dialogs.centre_update import CentreUpdateDialog
from gui.screens.base import Screen
from gui.tasks import run_with_own_connection
from gui.widgets.labels import explanation, heading_label
from gui.widgets.list_model import Index, ListTableModel
from gui.widgets.messages import call_storage, show_message
from gui.widgets.plain import html_fill, plain_label, rich_label
from storage.core.roles import allowed
from storage.core.session import Session
from storage.errors import MizanError
from storage.i18n import fill
from sync.export import ExportResult, export_bundle, list_exports
from sync.keys import device_fingerprint
from sync.receipts import import_receipt


class ExportsModel(ListTableModel):
    """The bundles this office has made and whether the centre acknowledged them (a few rows a month)."""

    SEQUENCE, FILE, RECORDS, MADE, ACKNOWLEDGED = range(5)

    def __init__(self, session: Session) -> None:
        super().__init__([self.tr("Bundle"), self.tr("File"), self.tr("Records"), self.tr("Made"),
                          self.tr("Acknowledged")])
        self.session = session

    def reload(self) -> None:
        self.beginResetModel()
        self.rows = list(reversed(list_exports(self.session)))
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.TextAlignmentRole):
            return None
        export = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole:
            numeric = column in (self.SEQUENCE, self.RECORDS)
            return int(Qt.AlignmentFlag.AlignTrailing | Qt.AlignmentFlag.AlignVCenter) if numeric else None
        if column == self.SEQUENCE:
            return export["sequence"]
        if column == self.FILE:
            return export["file_name"]
        if column == self.RECORDS:
            return f"{sum(export['counts'].values()):,}"
        if column == self.MADE:
            return export["made_at"][:16].replace("T", " ")
        acknowledged = export["acknowledged_at"]
        return acknowledged[:16].replace("T", " ") if acknowledged else self.tr("not yet")


class ExportScreen(Screen):
    """Choose a folder (the USB stick), write the bundle with a progress bar, import receipts."""

    permission = "export"

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.folder: Path | None = None
        self.folder_label = plain_label(self.tr("No folder chosen yet."))
        choose = QPushButton(self.tr("&Choose folder (USB stick)…"))
        choose.clicked.connect(self.choose_folder)
        self.write_button = QPushButton(self.tr("&Write bundle"))
        self.write_button.setEnabled(False)
        self.write_button.clicked.connect(self.start_export)
        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Export progress"))
        self.progress.hide()
        self.result = plain_label()
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        receipt = QPushButton(self.tr("&Import a receipt from the centre…"))
        receipt.clicked.connect(self.choose_receipt)
        self.update_button = QPushButton(self.tr("Apply an &update from the centre…"))
        self.update_button.clicked.connect(self.choose_update)
        self.update_button.setVisible(allowed(session, "apply_updates"))
        self.model = ExportsModel(session)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Bundles made"))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.model.FILE, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        buttons = QHBoxLayout()
        buttons.addWidget(choose)
        buttons.addWidget(self.write_button)
        buttons.addStretch(1)
        buttons.addWidget(receipt)
        buttons.addWidget(self.update_button)
        layout = QVBoxLayout(self)
        heading = heading_label(self.tr("Send this office's figures to the provincial centre"))
        layout.addWidget(heading)
        layout.addWidget(explanation(self.tr(
            "The bundle is encrypted for the centre and signed by this PC. It holds every record changed since "
            "the last bundle the centre acknowledged, so a lost stick loses nothing.")))
        self.fingerprint = rich_label(html_fill(self.tr(
            "This PC's fingerprint is <b>{fingerprint}</b>. The provincial centre may phone and ask you to read it: "
            "it proves the bundles come from this PC."), fingerprint=device_fingerprint(session)))
        self.fingerprint.setWordWrap(True)
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.fingerprint)
        layout.addWidget(self.folder_label)
        layout.addLayout(buttons)
        layout.addWidget(self.progress)
        layout.addWidget(self.result)
        layout.addWidget(self.table, 1)

    def title(self) -> str:
        return self.tr("Export")

    def refresh(self) -> None:
        self.model.reload()

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose the USB stick or folder"))
        if folder:
            self.set_folder(Path(folder))

    def set_folder(self, folder: Path) -> None:
        self.folder = folder
        self.folder_label.setText(fill(self.tr("Folder: {folder}"), folder=folder))
        self.write_button.setEnabled(True)

    def start_export(self) -> None:
        """The export runs on its own connection off the GUI thread, reporting each step."""
        if self.folder is None:
            return
        folder = self.folder
        self.write_button.setEnabled(False)
        self.progress.setValue(0)
        self.progress.show()
        show_message(self.result, self.tr("Writing the bundle…"), error=False)

        run_with_own_connection(self.session, lambda worker, report: export_bundle(worker, folder, progress=report),
                                self.finish_export, self.show_progress, owner=self)

    def show_progress(self, done: int, total: int) -> None:
        self.progress.setMaximum(total)
        self.progress.setValue(done)

    def finish_export(self, result: object, error: Exception | None) -> None:
        self.write_button.setEnabled(True)
        self.progress.hide()
        if error is not None:
            show_message(self.result, str(error) if isinstance(error, MizanError) else fill(self.tr(
                "The bundle could not be written: {error}"), error=error), error=True)
            return
        assert isinstance(result, ExportResult)
        show_message(self.result, fill(self.tr("Bundle {sequence} written to {folder} — {records} records. "
                                    "Carry it to the provincial centre."), sequence=result.sequence, folder=result.path.parent, records=f"{sum(result.records.values()):,}"), error=False)
        self.model.reload()

    def choose_receipt(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose the receipt"), "", self.tr("Receipts (*.json)"))
        if path:
            self.apply_receipt(Path(path))

    def apply_receipt(self, path: Path) -> None:
        applied = call_storage(self.result, lambda: import_receipt(self.session, path))
        if not applied:
            return
        outcome = applied.value
        self.result.setText(fill(self.tr("The centre acknowledged bundles {sequences}. The next bundle carries only what "
                                    "changed after them."), sequences=", ".join(str(n) for n in outcome["acknowledged_sequences"])))
        self.model.reload()

    def choose_update(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose the centre's update"), "",
                                              self.tr("Centre updates (*.mizan-update)"))
        if path:
            self.open_update(Path(path))

    def open_update(self, path: Path) -> CentreUpdateDialog:
        """Show what the update would change; once applied, say so here."""
        dialog = CentreUpdateDialog(self.session, path, self)
        dialog.accepted.connect(lambda: self.update_applied(dialog))
        dialog.open()
        return dialog

    def update_applied(self, dialog: CentreUpdateDialog) -> None:
        assert dialog.report is not None
        show_message(self.result, dialog.describe(dialog.report, applied=True), error=False)
        self.model.reload()
