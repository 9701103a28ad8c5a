"""The centre enrolls a district PC from its enrollment file, with the fingerprint heard by phone.

The file has been checked already (``sync.keys.read_enrollment``: a damaged or foreign file is refused
before anyone is phoned). The dialog shows the district and the PC's name the file claims, as text, and
never the file's fingerprint: a file changed on its way carries a matching one, so showing it would give
the check its answer. The clerk types the fingerprint the district office reads out;
``sync.devices.enroll_device`` compares it with the file's key and enrolls the PC only if they match. A
mismatch is explained in the dialog and nothing is stored.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from gui.widgets.inputs import fingerprint_field, reads_as_fingerprint
from gui.widgets.labels import explanation, labels_as_text
from gui.widgets.messages import call_storage, message_label, show_message
from storage.core.session import Session
from sync.devices import enroll_device
from sync.keys import Enrollment


def _value(text: str) -> QLabel:
    """A line of what the file claims, shown as written (plain text before it is set); one line, so that
    it stays beside its name in a right-to-left form too."""
    label = message_label()
    label.setWordWrap(False)
    label.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Preferred)  # not stretched to the far side
    show_message(label, text, error=False)
    return label


class EnrollFromFileDialog(QDialog):
    """Who the enrollment file at ``path`` names, and a field for the fingerprint its office reads out.
    Accepted: ``enrolled`` is the PC now enrolled, also sent with ``enrolled_device``."""

    enrolled_device = Signal(object)  # the Enrollment, once the PC is enrolled

    def __init__(self, session: Session, path: Path, claimed: Enrollment, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.path = path
        self.claimed = claimed  # its fingerprint is never shown
        self.enrolled: Enrollment | None = None
        self.setWindowTitle(self.tr("Enroll a PC from its file"))
        intro = explanation(self.tr(
            "This enrollment file names the PC below. Phone its district office and ask them to read out the "
            "fingerprint on their Export screen. Type what you hear: the PC is enrolled only if it matches the "
            "file."))
        form = QFormLayout()
        district = session.catalogue.districts.get(claimed.district)
        form.addRow(self.tr("District:"), _value(district.name if district else claimed.district))
        form.addRow(self.tr("PC name:"), _value(claimed.device_name))
        form.addRow(self.tr("Enrollment file:"), _value(path.name))
        self.heard = fingerprint_field(self.tr("Fingerprint heard by phone"))
        self.heard.textChanged.connect(self._heard_changed)
        form.addRow(self.tr("&Fingerprint they read out:"), self.heard)
        self.error = message_label()
        self.buttons = QDialogButtonBox()
        self.enroll_button = self.buttons.addButton(self.tr("&Enroll"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.enroll_button.setEnabled(False)
        self.buttons.accepted.connect(self.enroll)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        labels_as_text(self)
        self.heard.setFocus()
        self.resize(620, 320)

    def _heard_changed(self, text: str) -> None:
        """Enroll is offered once the text reads as a fingerprint; whether it is the right one is sync's to say."""
        self.enroll_button.setEnabled(reads_as_fingerprint(text))
        show_message(self.error, "", error=False)  # a refusal was about what was typed before

    def enroll(self) -> None:
        """sync compares the fingerprints; a mismatch is explained here and nothing is enrolled."""
        enrolled = call_storage(self.error, lambda: enroll_device(self.session, self.path, self.heard.text()))
        if not enrolled:
            self.heard.setFocus()
            self.heard.selectAll()
            return
        self.enrolled = enrolled.value
        self.enrolled_device.emit(self.enrolled)
        self.accept()
