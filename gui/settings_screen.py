"""Settings of this PC: language, auto-lock minutes and font size (kept in QSettings, not the database), and,
for a district's administrator, the provincial centre's key (kept in the database)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from gui.login import IdleLock
from gui.screens import Screen
from gui.settings import MAX_AUTO_LOCK_MINUTES, MAX_FONT_SIZE, MIN_FONT_SIZE, Settings, apply_font_size
from gui.setup_wizard import TrustCentreWizard
from storage.database import Session
from storage.users import allowed
from sync.keys import trusted_centre

LANGUAGE_NAMES = {"en": "English", "ur": "اردو (Urdu)"}


class SettingsScreen(Screen):
    """Every change applies at once (the language on the next start) and is kept for this PC."""

    def __init__(self, session: Session, settings: Settings, idle: IdleLock | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.settings = settings
        self.idle = idle
        self.language = QComboBox()
        for code, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.language.currentIndexChanged.connect(self.language_changed)
        self.auto_lock = QSpinBox()
        self.auto_lock.setRange(0, MAX_AUTO_LOCK_MINUTES)
        self.auto_lock.setSpecialValueText(self.tr("never"))
        self.auto_lock.setSuffix(self.tr(" minutes"))
        self.auto_lock.setValue(settings.auto_lock_minutes)
        self.auto_lock.valueChanged.connect(self.auto_lock_changed)
        self.font_size = QSpinBox()
        self.font_size.setRange(MIN_FONT_SIZE, MAX_FONT_SIZE)
        self.font_size.setSuffix(self.tr(" pt"))
        self.font_size.setValue(settings.font_size)
        self.font_size.valueChanged.connect(self.font_size_changed)
        self.note = QLabel()
        self.note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&Language:"), self.language)
        form.addRow(self.tr("&Lock the screen after idle:"), self.auto_lock)
        form.addRow(self.tr("&Text size:"), self.font_size)
        layout = QVBoxLayout(self)
        heading = QLabel(self.tr("Settings of this PC"))
        heading.setStyleSheet("font-size: 14pt; font-weight: 600;")
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(self.note)
        self.centre_key_label: QLabel | None = None
        self.centre_key_button: QPushButton | None = None
        if not session.is_centre and allowed(session, "keys"):
            layout.addSpacing(12)
            layout.addWidget(self._build_centre_key())
        layout.addStretch(1)

    def _build_centre_key(self) -> QGroupBox:
        box = QGroupBox(self.tr("The provincial centre's key"))
        self.centre_key_label = QLabel()
        self.centre_key_label.setWordWrap(True)
        self.centre_key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.centre_key_button = QPushButton()
        self.centre_key_button.clicked.connect(self.change_centre_key)
        row = QHBoxLayout(box)
        row.addWidget(self.centre_key_label, 1)
        row.addWidget(self.centre_key_button)
        self.show_centre_key()
        return box

    def show_centre_key(self) -> None:
        """The fingerprint of the centre this office sends to, or what is missing."""
        if self.centre_key_label is None or self.centre_key_button is None:
            return
        centre = trusted_centre(self.session)
        if centre is None:
            self.centre_key_label.setText(self.tr(
                "Not added yet: this office cannot send bundles to the centre until its key is added."))
            self.centre_key_button.setText(self.tr("&Add the centre's key…"))
        else:
            self.centre_key_label.setText(self.tr("Bundles are locked for the centre with the fingerprint {fingerprint}.")
                                          .format(fingerprint=centre.fingerprint))
            self.centre_key_button.setText(self.tr("&Replace the centre's key…"))

    def change_centre_key(self) -> None:
        """Open the setup wizard's centre-key page on its own (window-modal, no nested event loop)."""
        wizard = TrustCentreWizard(self.session, parent=self)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.accepted.connect(self.show_centre_key)
        self.centre_key_wizard = wizard
        wizard.open()

    def title(self) -> str:
        return self.tr("Settings")

    def refresh(self) -> None:
        self.show_centre_key()

    def language_changed(self) -> None:
        self.settings.language = self.language.currentData()
        self.note.setText(self.tr("The language changes the next time Mizan starts."))

    def auto_lock_changed(self, minutes: int) -> None:
        self.settings.auto_lock_minutes = minutes
        if self.idle is not None:
            self.idle.set_minutes(minutes)

    def font_size_changed(self, points: int) -> None:
        self.settings.font_size = points
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_font_size(app, self.settings)
