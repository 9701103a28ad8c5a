"""Settings of this PC: language, auto-lock minutes and font size (kept in QSettings, not the database)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QComboBox, QFormLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from gui.login import IdleLock
from gui.screens import Screen
from gui.settings import MAX_AUTO_LOCK_MINUTES, MAX_FONT_SIZE, MIN_FONT_SIZE, Settings, apply_font_size
from storage.database import Session

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
        layout.addStretch(1)

    def title(self) -> str:
        return self.tr("Settings")

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
