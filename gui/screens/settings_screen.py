"""Settings of this PC: language, auto-lock minutes and font size (kept in QSettings, not the database), and,
for a district's administrator, the provincial centre's key (kept in the database).

For the roles that may back up (supervisors and admins at a district, the clerk and admin at the centre):
"Back up now…", "Restore from a backup…" and how many automatic backups to keep (``storage.core.backup``).
A restore replaces the files the open session reads, so afterwards the session is closed, the main window
closes and Mizan must be started again (the ``restored`` signal tells the application).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from gui.dialogs.lock import IdleLock
from gui.dialogs.setup_wizard import TrustCentreWizard
from gui.language import LANGUAGE_NAMES
from gui.screens.base import Screen
from gui.settings import MAX_AUTO_LOCK_MINUTES, MAX_FONT_SIZE, MIN_FONT_SIZE, Settings, apply_font_size
from gui.tasks import run_task, run_with_own_connection
from gui.widgets.labels import heading_label
from gui.widgets.messages import call_storage, confirm, show_message
from gui.widgets.plain import message_box, plain_label
from storage.core.backup import (
    MAX_KEEP,
    BackupInfo,
    PreparedRestore,
    backup_keep,
    backup_now,
    backups_folder,
    list_backups,
    prepare_restore,
    set_backup_keep,
    with_session,
)
from storage.core.policy import idle_lock_minutes
from storage.core.roles import allowed
from storage.core.session import Session, repair_clock
from storage.errors import DatabaseBusy
from storage.i18n import fill
from sync.keys import trusted_centre


class SettingsScreen(Screen):
    """Every change applies at once (the language on the next start) and is kept for this PC."""

    restored = Signal(str)  # the kept copy of the replaced database ("" when there was none)

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
        self.note = plain_label()
        self.note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&Language:"), self.language)
        form.addRow(self.tr("&Lock the screen after idle:"), self.auto_lock)
        form.addRow(self.tr("&Text size:"), self.font_size)
        layout = QVBoxLayout(self)
        heading = heading_label(self.tr("Settings of this PC"))
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(self.note)
        self.centre_key_label: QLabel | None = None
        self.centre_key_button: QPushButton | None = None
        if not session.is_centre and allowed(session, "keys"):
            layout.addSpacing(12)
            layout.addWidget(self._build_centre_key())
        self.backup_status: QLabel | None = None
        self.backup_button: QPushButton | None = None
        self.restore_button: QPushButton | None = None
        self.backup_keep: QSpinBox | None = None
        self.busy = False
        if allowed(session, "backup"):
            layout.addSpacing(12)
            layout.addWidget(self._build_backups())
        self.clock_label: QLabel | None = None
        self.clock_button: QPushButton | None = None
        if not session.is_centre and allowed(session, "repair_clock"):
            layout.addSpacing(12)
            layout.addWidget(self._build_clock())
        layout.addStretch(1)

    def _build_centre_key(self) -> QGroupBox:
        box = QGroupBox(self.tr("The provincial centre's key"))
        self.centre_key_label = plain_label()
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
            self.centre_key_label.setText(fill(self.tr("Bundles are locked for the centre with the fingerprint {fingerprint}."), fingerprint=centre.fingerprint))
            self.centre_key_button.setText(self.tr("&Replace the centre's key…"))

    def change_centre_key(self) -> None:
        """Open the setup wizard's centre-key page on its own (window-modal, no nested event loop)."""
        wizard = TrustCentreWizard(self.session, parent=self)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.accepted.connect(self.show_centre_key)
        self.centre_key_wizard = wizard
        wizard.open()

    # -- the PC's clock ------------------------------------------------------------------------------

    def _build_clock(self) -> QGroupBox:
        box = QGroupBox(self.tr("This PC's clock"))
        self.clock_label = plain_label()
        self.clock_label.setWordWrap(True)
        self.clock_button = QPushButton(self.tr("&Date those records today"))
        self.clock_button.clicked.connect(self.repair_clock)
        row = QHBoxLayout(box)
        row.addWidget(self.clock_label, 1)
        row.addWidget(self.clock_button)
        self.show_clock()
        return box

    def show_clock(self) -> None:
        """Storage's word on the clock: why this PC may not save now, or that all is well."""
        if self.clock_label is None or self.clock_button is None:
            return
        problem = self.session.clock_problem()
        self.clock_button.setEnabled(problem is not None)
        show_message(self.clock_label, problem or self.tr("The PC's date and its records agree."),
                     error=problem is not None)

    def repair_clock(self) -> None:
        """After the date was corrected: storage dates today what was saved while the clock ran ahead."""
        assert self.clock_label is not None
        repaired = call_storage(self.clock_label, lambda: repair_clock(self.session))
        if repaired.ok:
            self.show_clock()
            show_message(self.clock_label, fill(self.tr("{count} records dated today; this PC saves and exports again."), count=repaired.value), error=False)

    # -- backups -------------------------------------------------------------------------------------

    def _build_backups(self) -> QGroupBox:
        box = QGroupBox(self.tr("Backups"))
        self.backup_status = plain_label()
        self.backup_status.setWordWrap(True)
        self.backup_status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.backup_button = QPushButton(self.tr("&Back up now…"))
        self.backup_button.clicked.connect(self.choose_backup_file)
        self.restore_button = QPushButton(self.tr("&Restore from a backup…"))
        self.restore_button.clicked.connect(self.choose_restore_file)
        self.backup_keep = QSpinBox()
        self.backup_keep.setRange(1, MAX_KEEP)
        self.backup_keep.setValue(backup_keep(self.session.db))
        self.backup_keep.valueChanged.connect(self.backup_keep_changed)
        buttons = QHBoxLayout()
        buttons.addWidget(self.backup_button)
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("&Keep the last automatic backups:"), self.backup_keep)
        column = QVBoxLayout(box)
        column.addWidget(plain_label(self.tr(
            "Mizan backs up by itself before every import and update, and once a day. A backup is encrypted: "
            "it opens with the passwords of its day or the recovery key.")))
        column.addLayout(form)
        column.addLayout(buttons)
        column.addWidget(self.backup_status)
        self.show_backups()
        return box

    def show_backups(self) -> None:
        """The newest automatic backup and where they are kept."""
        if self.backup_status is None:
            return
        newest: list[BackupInfo] = list_backups(self.session.path)[:1]
        folder = backups_folder(self.session.path)
        if newest:
            show_message(self.backup_status, fill(self.tr("The newest automatic backup is from {when} (in {folder})."), when=newest[0].created_at[:16].replace("T", " "), folder=folder), error=False)
        else:
            show_message(self.backup_status, fill(self.tr("No automatic backup yet; they will be kept in {folder}."), folder=folder), error=False)

    def backup_keep_changed(self, keep: int) -> None:
        if self.backup_status is not None and call_storage(self.backup_status, lambda: set_backup_keep(self.session, keep)):
            self.show_backups()  # the status line says what it said before, not an earlier refusal

    def choose_backup_file(self) -> None:
        name = f"{self.session.path.stem}-backup.mizan-backup.zip"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the backup"), name, "*.zip")
        if path:
            self.back_up_to(Path(path))

    def _set_busy(self, busy: bool, text: str = "", *, error: bool = False) -> None:
        self.busy = busy
        for button in (self.backup_button, self.restore_button):
            if button is not None:
                button.setEnabled(not busy)
        if self.backup_status is not None and text:
            show_message(self.backup_status, text, error=error)

    def back_up_to(self, path: Path) -> None:
        """Write a backup to ``path`` off the GUI thread, on a connection of its own."""
        self._set_busy(True, fill(self.tr("Backing up to {path}…"), path=path))

        def done(info: object, error: Exception | None) -> None:
            if error is not None or not isinstance(info, BackupInfo):
                self._set_busy(False, fill(self.tr("No backup was written: {error}"), error=error), error=True)
                return
            self._set_busy(False, fill(self.tr("Backed up to {path} ({size} MB). Keep it away from this PC."), path=info.path, size=f"{info.bytes / 1e6:.1f}"))

        run_with_own_connection(self.session, lambda worker: backup_now(worker, path), done, owner=self)

    def choose_restore_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a backup"), str(backups_folder(self.session.path)),
                                              "*.zip")
        if not path:
            return
        if confirm(self, self.tr("Restore from a backup"), fill(self.tr(
                "Replace everything in this database with the backup {name}? Whatever was entered after the backup "
                "was made will no longer be shown (the current database is kept beside it as a copy). Mizan closes "
                "afterwards; start it again and sign in."), name=Path(path).name),
                self.tr("&Restore"), self.tr("&Keep the database as it is")):
            self.restore_from(Path(path))

    def restore_from(self, path: Path) -> None:
        """Check and stage the backup off the GUI thread; then close the session and swap the files in.

        Only a backup of this installation opens with the key of the signed-in session; revocations and
        newer centre keys are carried forward (``sync.keys.carry_centre_keys_forward``).
        """
        session = self.session
        if self.backup_status is None:
            return  # only roles that may back up have the backup box
        unlock = call_storage(self.backup_status, lambda: with_session(session)).value
        if unlock is None:
            self._set_busy(False)
            return
        self._set_busy(True, fill(self.tr("Checking the backup {name}…"), name=path.name))
        run_task(lambda: prepare_restore(path, session.path, unlock), self._restore_prepared, owner=self,
                 on_dropped=_discard_prepared)

    def _restore_prepared(self, prepared: object, error: Exception | None) -> None:
        if error is not None or not isinstance(prepared, PreparedRestore):
            self._set_busy(False, fill(self.tr("Nothing was restored: {error}"), error=error), error=True)
            return
        # The open connection reads the files about to be replaced: close it first, then swap.
        self.session.close()
        try:
            kept = prepared.commit()
        except (OSError, DatabaseBusy) as commit_error:  # another Mizan opened it meanwhile
            prepared.discard()
            self._set_busy(True, fill(self.tr("Nothing was restored: {error}. Start Mizan again."), error=commit_error),
                           error=True)
            self.restored.emit("")
            return
        self._set_busy(True, fill(self.tr("Restored from {name}."), name=prepared.info.path.name))
        self.restored.emit(str(kept or ""))
        self._tell_and_close(prepared.info, kept, prepared.users_kept_removed)

    def _tell_and_close(self, info: BackupInfo, kept: Path | None, kept_removed: list[str]) -> None:
        """Say what happened (the window is closed behind the message: its session is gone)."""
        text = fill(self.tr("The database was restored from the backup of {when}. The database it replaced is kept as "
                       "{kept}. Mizan closes now: start it again and sign in with the passwords of the day of the "
                       "backup."), when=info.created_at[:16].replace("T", " "), kept=kept or "-")
        if kept_removed:
            text += "\n\n" + fill(self.tr("Removed after the backup was made, and kept removed: {users}."),
                                  users=", ".join(kept_removed))
        self.restore_message = message_box(QMessageBox.Icon.Information, self.tr("Restored"), text)
        self.restore_message.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.restore_message.open()
        window = self.window()
        if window is not self:
            window.close()

    def title(self) -> str:
        return self.tr("Settings")

    def refresh(self) -> None:
        self.show_centre_key()
        self.show_backups()
        self.show_clock()

    def language_changed(self) -> None:
        self.settings.language = self.language.currentData()
        self.note.setText(self.tr("The language changes the next time Mizan starts."))

    def auto_lock_changed(self, minutes: int) -> None:
        self.settings.auto_lock_minutes = minutes
        if self.idle is not None:
            self.idle.set_minutes(idle_lock_minutes(minutes, self.session.db))

    def font_size_changed(self, points: int) -> None:
        self.settings.font_size = points
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_font_size(app, self.settings)


def _discard_prepared(prepared: object) -> None:
    """A restore staged after its screen was closed is never committed: remove the staged files."""
    if isinstance(prepared, PreparedRestore):
        prepared.discard()
