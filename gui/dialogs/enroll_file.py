"""The centre enrolls a district PC, from its enrollment file or from its bundle, with the fingerprint
heard by phone (one dialog, :class:`HeardFingerprintDialog`, for both).

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
from gui.widgets.labels import explanation
from gui.widgets.messages import call_storage, message_label, show_message
from gui.widgets.plain import labels_as_text
from storage.core.session import Session
from sync.devices import enroll_device
from sync.importer import ImportOutcome
from sync.inbox import enroll_pending_device
from sync.keys import Enrollment


def _value(text: str) -> QLabel:
    """A line of what the file claims, shown as written (plain text before it is set); one line, so that
    it stays beside its name in a right-to-left form too."""
    label = message_label()
    label.setWordWrap(False)
    label.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Preferred)  # not stretched to the far side
    show_message(label, text, error=False)
    return label


class HeardFingerprintDialog(QDialog):
    """What a file or bundle claims (district, PC name, file), shown as text, and a field for the fingerprint
    its office reads out by phone; the claimed fingerprint is never shown. Subclasses give the words and
    the sync call that compares and enrolls (``enroll_call(heard) -> Enrollment``)."""

    enrolled_device = Signal(object)  # the Enrollment, once the PC is enrolled

    def __init__(self, session: Session, claimed: Enrollment, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.claimed = claimed  # its fingerprint is never shown
        self.enrolled: Enrollment | None = None

    def build(self, *, intro: str, rows: list[tuple[str, str]], heard_label: str, heard_name: str,
              enroll_text: str, cancel_text: str) -> None:
        """Lay out the dialog: ``rows`` are (label, what the file claims) pairs, shown as written."""
        form = QFormLayout()
        for label, claimed in rows:
            form.addRow(label, _value(claimed))
        self.heard = fingerprint_field(heard_name)
        self.heard.textChanged.connect(self._heard_changed)
        form.addRow(heard_label, self.heard)
        self.error = message_label()
        self.buttons = QDialogButtonBox()
        self.enroll_button = self.buttons.addButton(enroll_text, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(cancel_text, QDialogButtonBox.ButtonRole.RejectRole)
        self.enroll_button.setEnabled(False)
        self.buttons.accepted.connect(self.enroll)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation(intro))
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        labels_as_text(self)  # the form's own labels too: nothing in this dialog is rendered as HTML
        self.heard.setFocus()
        self.resize(620, 320)

    def district_name(self) -> str:
        """The claimed district's name in the catalogue (its code when the catalogue does not know it)."""
        district = self.session.catalogue.districts.get(self.claimed.district)
        return district.name if district else self.claimed.district

    def _heard_changed(self, text: str) -> None:
        """Enroll is offered once the text reads as a fingerprint; whether it is the right one is sync's to say."""
        self.enroll_button.setEnabled(reads_as_fingerprint(text))
        show_message(self.error, "", error=False)  # a refusal was about what was typed before

    def enroll_call(self, heard: str) -> Enrollment:
        raise NotImplementedError

    def enroll(self) -> None:
        """sync compares the fingerprints; a mismatch is explained here and nothing is enrolled."""
        enrolled = call_storage(self.error, lambda: self.enroll_call(self.heard.text()))
        if not enrolled:
            self.heard.setFocus()
            self.heard.selectAll()
            return
        self.enrolled = enrolled.value
        self.enrolled_device.emit(self.enrolled)
        self.accept()


class EnrollFromFileDialog(HeardFingerprintDialog):
    """Who the enrollment file at ``path`` names, and a field for the fingerprint its office reads out.
    Accepted: ``enrolled`` is the PC now enrolled, also sent with ``enrolled_device``."""

    def __init__(self, session: Session, path: Path, claimed: Enrollment, parent: QWidget | None = None) -> None:
        super().__init__(session, claimed, parent)
        self.path = path
        self.setWindowTitle(self.tr("Enroll a PC from its file"))
        self.build(
            intro=self.tr(
                "This enrollment file names the PC below. Phone its district office and ask them to read out the "
                "fingerprint on their Export screen. Type what you hear: the PC is enrolled only if it matches the "
                "file."),
            rows=[(self.tr("District:"), self.district_name()), (self.tr("PC name:"), claimed.device_name),
                  (self.tr("Enrollment file:"), path.name)],
            heard_label=self.tr("&Fingerprint they read out:"), heard_name=self.tr("Fingerprint heard by phone"),
            enroll_text=self.tr("&Enroll"), cancel_text=self.tr("Cancel"))

    def enroll_call(self, heard: str) -> Enrollment:
        return enroll_device(self.session, self.path, heard)


class EnrollDeviceDialog(HeardFingerprintDialog):
    """A bundle from a device this centre does not know: compare its fingerprint by phone, then enroll."""

    def __init__(self, session: Session, outcome: ImportOutcome, parent: QWidget | None = None) -> None:
        assert outcome.unknown_device is not None
        super().__init__(session, outcome.unknown_device, parent)
        self.outcome = outcome
        self.setWindowTitle(self.tr("A new device"))
        self.build(
            intro=self.tr(
                "This bundle comes from a PC this centre has not enrolled. Phone the district office and ask them "
                "to read the fingerprint shown on their Export screen. Type what you hear: enroll only if it "
                "matches."),
            rows=[(self.tr("District:"), self.district_name()), (self.tr("PC name:"), self.claimed.device_name),
                  (self.tr("Bundle file:"), Path(outcome.file).name)],
            heard_label=self.tr("&Fingerprint they read:"), heard_name=self.tr("Fingerprint heard by phone"),
            enroll_text=self.tr("&Enroll and import"), cancel_text=self.tr("Not now"))

    def enroll_call(self, heard: str) -> Enrollment:
        return enroll_pending_device(self.session, self.outcome.file, heard)
