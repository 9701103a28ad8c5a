"""The centre's devices and gaps: per district, its PCs, the last bundle, when it was last seen, and the
bundles that never arrived; enroll a PC from its enrollment file; revoke a PC; hand out the centre's key file.

Every figure comes from ``sync.devices.device_overview``; revoking is ``sync.devices.revoke_device``.
Enrolling from a file: ``sync.keys.read_enrollment`` checks the file, then the clerk types the fingerprint
the district office reads out (``gui.dialogs.enroll_file``; the file's own is never shown).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from gui.dialogs.enroll_file import EnrollFromFileDialog
from gui.screens.base import Screen
from gui.widgets.labels import heading_label
from gui.widgets.list_model import Index, ListTableModel, list_table
from gui.widgets.messages import call_storage
from gui.widgets.plain import message_box, plain_label
from gui.widgets.style import ATTENTION_FILL
from storage.core.roles import allowed
from storage.core.session import Session
from storage.i18n import fill
from sync.devices import device_overview, revoke_device
from sync.keys import Enrollment, export_key_file, read_enrollment

ATTENTION = QColor(ATTENTION_FILL)  # a district with no PC enrolled, or with bundles missing


def _day(timestamp: str | None) -> str:
    return timestamp[:16].replace("T", " ") if timestamp else ""


def _ranges(numbers: list[int]) -> str:
    """[3, 4, 5, 9] -> "3–5, 9": gaps read aloud over the phone."""
    parts: list[str] = []
    start = previous = None
    for number in [*numbers, None]:
        if start is not None and (number is None or number != previous + 1):
            parts.append(str(start) if start == previous else f"{start}–{previous}")
            start = None
        if number is not None and start is None:
            start = number
        previous = number
    return ", ".join(parts)


class DistrictsModel(ListTableModel):
    """One row per district: its PCs, last bundle seen, and how many bundles are missing."""

    DISTRICT, DIVISION, DEVICES, LAST_SEEN, UPDATE, MISSING = range(6)

    def __init__(self, session: Session) -> None:
        super().__init__([self.tr("District"), self.tr("Division"), self.tr("PCs"), self.tr("Last bundle imported"),
                          self.tr("Centre update"), self.tr("Missing bundles")])
        self.session = session

    def reload(self) -> None:
        self.beginResetModel()
        self.rows = device_overview(self.session)
        self.endResetModel()

    def missing_text(self, district: dict) -> str:
        if district["no_device"]:
            return self.tr("no PC enrolled")
        names = {device["device"]: device["device_name"] for device in district["devices"]}
        return "; ".join(f"{names.get(device, device)}: {_ranges(gaps)}" for device, gaps in district["missing"].items())

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        district, column = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.BackgroundRole and column == self.MISSING and (
                district["no_device"] or district["missing"]):
            return ATTENTION
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == self.DISTRICT:
            return district["name"]
        if column == self.DIVISION:
            return district["division"]
        if column == self.DEVICES:
            active = sum(device["status"] == "active" for device in district["devices"])
            return str(active)
        if column == self.LAST_SEEN:
            return _day(district["last_seen"]) or self.tr("never")
        if column == self.UPDATE:
            return self.update_text(district)
        return self.missing_text(district)

    def update_text(self, district: dict) -> str:
        """Which centre update the district ran when it made its last bundle: "update 3 of 5"."""
        if district["centre_update"] is None:
            return ""
        if not district["centre_update"]:
            return fill(self.tr("none of {written}"), written=district["updates_written"])
        return fill(self.tr("update {update} of {written}"), update=district["centre_update"],
                    written=district["updates_written"])


class DistrictDevicesModel(ListTableModel):
    """The PCs of the chosen district."""

    NAME, FINGERPRINT, STATUS, LAST_BUNDLE, LAST_IMPORT, MISSING, ENROLLED = range(7)

    def __init__(self) -> None:
        super().__init__([self.tr("PC"), self.tr("Fingerprint"), self.tr("Status"), self.tr("Last bundle"),
                          self.tr("Imported"), self.tr("Missing"), self.tr("Enrolled")])

    def show(self, devices: list[dict]) -> None:
        self.beginResetModel()
        self.rows = devices
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        device, column = self.rows[index.row()], index.column()
        return {
            self.NAME: device["device_name"],
            self.FINGERPRINT: device["fingerprint"],
            self.STATUS: self.tr("active") if device["status"] == "active" else fill(self.tr("revoked {day}"), day=_day(device["revoked_at"])),
            self.LAST_BUNDLE: "" if device["last_sequence"] is None else str(device["last_sequence"]),
            self.LAST_IMPORT: _day(device["last_import"]),
            self.MISSING: _ranges(device["missing"]),
            self.ENROLLED: _day(device["enrolled_at"]),
        }[column]


class DevicesScreen(Screen):
    """Districts with their gaps above, the chosen district's PCs below, and the centre's key file."""

    permission = "view"
    installations = frozenset({"centre"})

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        heading = heading_label(self.tr("Districts, their PCs and missing bundles"))
        self.districts = DistrictsModel(session)
        self.districts_table = list_table(self.districts, self.tr("Districts"))
        self.districts_table.horizontalHeader().setSectionResizeMode(DistrictsModel.MISSING,
                                                                      QHeaderView.ResizeMode.Stretch)
        self.devices = DistrictDevicesModel()
        self.devices_table = list_table(self.devices, self.tr("PCs of the district"))
        self.districts_table.selectionModel().selectionChanged.connect(self._district_chosen)
        self.devices_table.selectionModel().selectionChanged.connect(self._update_buttons)

        self.revoke_button = QPushButton(self.tr("&Revoke this PC…"))
        self.revoke_button.clicked.connect(self.ask_revoke)
        self.revoke_button.setVisible(allowed(session, "enroll_devices"))
        self.key_button = QPushButton(self.tr("Save the centre's &key file for districts…"))
        self.key_button.clicked.connect(self.choose_key_file)
        self.key_button.setVisible(allowed(session, "keys_export"))
        self.note = plain_label()
        self.note.setWordWrap(True)
        self.note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.note.setTextFormat(Qt.TextFormat.PlainText)  # it names PCs and files, as their files spell them
        self.revoke_box: QMessageBox | None = None
        self.enroll_button = QPushButton(self.tr("&Enroll from a file…"))
        self.enroll_button.clicked.connect(self.choose_enrollment_file)
        self.enroll_button.setVisible(allowed(session, "enroll_devices"))
        self.enroll_dialog: EnrollFromFileDialog | None = None

        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.devices_table, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.note, 1)
        buttons.addWidget(self.key_button)
        buttons.addWidget(self.enroll_button)
        buttons.addWidget(self.revoke_button)
        lower_layout.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.districts_table)
        splitter.addWidget(lower)
        splitter.setSizes([420, 180])
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(splitter, 1)
        self.refresh()

    def title(self) -> str:
        return self.tr("Devices")

    def refresh(self) -> None:
        chosen = self.chosen_district()
        self.districts.reload()
        codes = [district["district"] for district in self.districts.rows]
        self.districts_table.selectRow(codes.index(chosen["district"]) if chosen and chosen["district"] in codes else 0)

    def chosen_district(self) -> dict | None:
        rows = self.districts_table.selectionModel().selectedRows()
        return self.districts.rows[rows[0].row()] if rows else None

    def chosen_device(self) -> dict | None:
        rows = self.devices_table.selectionModel().selectedRows()
        return self.devices.rows[rows[0].row()] if rows else None

    def _district_chosen(self) -> None:
        district = self.chosen_district()
        self.devices.show(district["devices"] if district else [])
        if self.devices.rowCount():
            self.devices_table.selectRow(0)
        self._update_buttons()

    def _update_buttons(self) -> None:
        device = self.chosen_device()
        self.revoke_button.setEnabled(device is not None and device["status"] == "active")

    def ask_revoke(self) -> None:
        """Revoking refuses the PC's later bundles (a stolen laptop): ask first, in plain words."""
        device = self.chosen_device()
        if device is None:
            return
        # The name is the PC's own, from its enrollment: shown as written, it cannot hide the warning.
        box = message_box(QMessageBox.Icon.Warning, self.tr("Revoke a PC"), fill(self.tr(
            "Revoke {name}? Its later bundles will be refused; what it sent before stays. Do this when the PC is "
            "lost, stolen or replaced."), name=device["device_name"]), self)
        revoke = box.addButton(self.tr("&Revoke"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(self.tr("&Keep it"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)

        def answered() -> None:
            if box.clickedButton() is revoke:
                self.revoke(device)

        box.finished.connect(answered)
        self.revoke_box = box
        box.open()

    def revoke(self, device: dict) -> None:
        if not call_storage(self.note, lambda: revoke_device(self.session, device["device"])):
            return
        self.note.setText(fill(self.tr("{name} is revoked."), name=device["device_name"]))
        self.refresh()

    def choose_key_file(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the centre's key file"), "centre.key",
                                              self.tr("Mizan centre key (*.key)"))
        if path:
            self.save_key_file(Path(path))

    def save_key_file(self, path: Path) -> None:
        saved = call_storage(self.note, lambda: export_key_file(self.session, path), also=(OSError,))
        if not saved:
            return
        fingerprint = saved.value
        self.note.setText(fill(self.tr(
            "Saved {path}. Give it to the district offices; when they phone, read them this fingerprint: "
            "{fingerprint}"), path=path, fingerprint=fingerprint))

    # -- enrolling from a file ---------------------------------------------------------------------------

    def choose_enrollment_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a PC's enrollment file"), "",
                                              self.tr("Mizan enrollment file (*.enroll *.txt);;All files (*)"))
        if path:
            self.enroll_from_file(Path(path))

    def enroll_from_file(self, path: Path) -> None:
        """Check the file (a damaged or foreign one is refused here, before anyone is phoned), then ask for
        the fingerprint its district office reads out (window-modal, no nested event loop)."""
        read = call_storage(self.note, lambda: read_enrollment(path))
        if not read:
            return
        self.note.clear()
        dialog = EnrollFromFileDialog(self.session, path, read.value, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.enrolled_device.connect(self._enrolled)
        dialog.finished.connect(self._enroll_dialog_closed)
        self.enroll_dialog = dialog
        dialog.open()

    def _enroll_dialog_closed(self) -> None:
        self.enroll_dialog = None

    def _enrolled(self, enrollment: Enrollment) -> None:
        self.refresh()
        codes = [district["district"] for district in self.districts.rows]
        if enrollment.district in codes:  # show the PC among its district's
            self.districts_table.selectRow(codes.index(enrollment.district))
        known = self.session.catalogue.districts.get(enrollment.district)
        self.note.setText(fill(self.tr("{name} of {district} is enrolled: the fingerprint you typed matches its file."),
                               name=enrollment.device_name, district=known.name if known else enrollment.district))
