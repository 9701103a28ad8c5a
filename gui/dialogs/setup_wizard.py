"""First run: the setup wizard that creates this PC's encrypted database.

Pages, in order (the centre skips the district and centre-key pages):

1. *This PC is for*: a district office or the provincial centre.
2. *District*: the district (those valid today, grouped by division) and a name for this PC.
3. *First administrator*: user name and password twice. This is the commit page: its button creates
   the database, and there is no going back past it.
4. *Recovery key*: the database is created in the background, then the recovery key is shown once, to
   print or write down; the user ticks that they have it before going on.
5. *Centre key* (district): choose the provincial centre's key file and type the fingerprint the centre
   reads out by phone; sync compares the two and trusts the file only if they match (the file's own
   fingerprint is never shown: a file changed on its way carries a matching one); or skip for now
   (export needs it later).

When the wizard is accepted, ``self.session`` is the first admin's open session and ``self.db_path``
and ``self.admin_name`` say where and who, so the app can go straight on (or show the sign-in).
The wizard never writes SQL: it calls ``create_database`` and ``sync.keys.trust_centre``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from gui.language import LANGUAGE_NAMES
from gui.settings import Settings
from gui.tasks import run_task
from gui.widgets.inputs import fingerprint_field, password_field, reads_as_fingerprint, valid_on
from gui.widgets.labels import code_label, explanation
from gui.widgets.messages import call_storage, describe_error, message_label, show_message
from gui.widgets.plain import escape, html_fill, plain_label
from gui.widgets.style import PLACEHOLDER_STYLE
from storage.core.keyslots import LOCK_MINUTES, MAX_FAILURES
from storage.core.roles import MIN_PASSWORD_LENGTH, check_password_strength
from storage.core.session import Session, create_database
from storage.i18n import fill
from storage.reference.catalogue import District, load_catalogue
from sync.keys import (  # importing sync registers key generation
    MAX_NAME_LENGTH,
    CentreKey,
    KeyFileError,
    check_name,
    read_centre_key,
    trust_centre,
    trusted_centre,
)

ROLE_PAGE, DISTRICT_PAGE, ADMIN_PAGE, CREATE_PAGE, CENTRE_KEY_PAGE = range(5)


def districts_valid_on(day: dt.date) -> list[District]:
    """The catalogue's districts that exist on ``day``, by division then name."""
    districts = [d for d in load_catalogue().districts.values() if valid_on(d.validity, day)]
    return sorted(districts, key=lambda d: (d.division, d.name))


# -- 1. role ---------------------------------------------------------------------------------------


class RolePage(QWizardPage):
    """District office or provincial centre; nothing is chosen until the user chooses."""

    def __init__(self, language: str = "en") -> None:
        super().__init__()
        self.setTitle(self.tr("Welcome to Mizan"))
        self.setSubTitle(self.tr("This PC has no Mizan database yet. A few questions set it up; it takes a minute."))
        layout = QVBoxLayout(self)
        # The language first, named in both languages: whoever sits down can find their own.
        self.language = QComboBox()
        for code, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(language)))
        language_row = QHBoxLayout()
        language_label = plain_label(self.tr("&Language / زبان:"))
        language_label.setBuddy(self.language)
        language_row.addWidget(language_label)
        language_row.addWidget(self.language)
        language_row.addStretch(1)
        layout.addLayout(language_row)
        layout.addSpacing(8)
        layout.addWidget(explanation(self.tr("Who will use this PC?")))
        self.district_office = QRadioButton(self.tr("A &district office"))
        self.centre = QRadioButton(self.tr("The &provincial centre"))
        for button, note in (
            (self.district_office, self.tr(
                "Enters its district's indicator figures and gender desk records, and sends them to the "
                "provincial centre.")),
            (self.centre, self.tr(
                "Receives every district's data, merges it into one provincial database and makes the reports.")),
        ):
            button.toggled.connect(self.completeChanged)
            layout.addWidget(button)
            description = explanation(note)
            description.setIndent(28)
            description.setStyleSheet(PLACEHOLDER_STYLE)
            layout.addWidget(description)
            layout.addSpacing(8)
        layout.addStretch(1)

    def is_district(self) -> bool:
        return self.district_office.isChecked()

    def isComplete(self) -> bool:  # noqa: N802 (Qt's name)
        return self.district_office.isChecked() or self.centre.isChecked()


# -- 2. district -----------------------------------------------------------------------------------


class DistrictPage(QWizardPage):
    """The district, grouped by division, and this PC's name (filled in from the district until edited)."""

    def __init__(self, today: dt.date) -> None:
        super().__init__()
        self.setTitle(self.tr("Which district?"))
        self.setSubTitle(self.tr("Choose the district whose office uses this PC, and give the PC a name the "
                                 "provincial centre will recognise."))
        self.device_name_edited = False
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.district = QComboBox()
        self.district.setAccessibleName(self.tr("District"))
        self.district.setPlaceholderText(self.tr("Choose your district"))
        self.district.setMaxVisibleItems(20)
        model = QStandardItemModel(self.district)
        division = None
        for district in districts_valid_on(today):
            if district.division != division:
                division = district.division
                header = QStandardItem(fill(self.tr("{division} division"), division=division))
                header.setFlags(Qt.ItemFlag.NoItemFlags)  # a heading: not selectable, skipped by the keyboard
                font = header.font()
                font.setBold(True)
                header.setFont(font)
                model.appendRow(header)
            item = QStandardItem(district.name)  # no indent: typing a first letter must find the district
            item.setData(district.code, Qt.ItemDataRole.UserRole)
            item.setData(district.name, Qt.ItemDataRole.AccessibleTextRole)
            model.appendRow(item)
        self.district.setModel(model)
        self.district.setCurrentIndex(-1)
        self.district.currentIndexChanged.connect(self._district_changed)
        self.device_name = QLineEdit()
        self.device_name.setMaxLength(MAX_NAME_LENGTH)  # the centre refuses a longer name (sync.keys)
        self.device_name.setAccessibleName(self.tr("Name of this PC"))
        self.device_name.textEdited.connect(self._device_name_edited)
        self.device_name.textChanged.connect(self.completeChanged)
        form.addRow(self.tr("&District:"), self.district)
        form.addRow(self.tr("&Name of this PC:"), self.device_name)
        layout.addLayout(form)
        layout.addWidget(explanation(self.tr(
            "The name tells this PC apart from other PCs of the same office, e.g. \"Quetta office PC\" or "
            "\"Quetta desk laptop\".")))
        self.status = message_label()
        layout.addWidget(self.status)
        layout.addStretch(1)

    def district_code(self) -> str | None:
        return self.district.currentData(Qt.ItemDataRole.UserRole)

    def district_name(self) -> str:
        return self.district.currentText().strip()

    def select_district(self, code: str) -> None:
        """Choose a district by its code (tests, and a future 'reinstall' path)."""
        index = self.district.findData(code, Qt.ItemDataRole.UserRole)
        if index < 0:
            raise ValueError(f"{code} is not a district valid today")
        self.district.setCurrentIndex(index)

    def _device_name_edited(self, text: str) -> None:
        self.device_name_edited = bool(text.strip())

    def _district_changed(self) -> None:
        if self.district_code() and not self.device_name_edited:
            self.device_name.setText(fill(self.tr("{district} office PC"), district=self.district_name()))
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 (Qt's name)
        return bool(self.district_code()) and bool(self.device_name.text().strip())

    def validatePage(self) -> bool:  # noqa: N802 (Qt's name)
        """A name the centre would refuse in this PC's enrollment (sync.keys.check_name: too long, or with
        line breaks, tabs or text-direction marks) is explained here, before the database is made."""
        try:
            check_name(self.device_name.text().strip(), "", "device-name")
        except KeyFileError:  # its words are about a damaged file: say it for a name being typed
            show_message(self.status, fill(self.tr(
                "The name of this PC may be at most {limit} characters long, without line breaks, tabs or "
                "text-direction marks."), limit=MAX_NAME_LENGTH), error=True)
            self.device_name.setFocus()
            return False
        show_message(self.status, "", error=False)
        return True


# -- 3. first admin --------------------------------------------------------------------------------


class AdminPage(QWizardPage):
    """The first admin's name and password (twice); its button creates the database."""

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("The first administrator"))
        self.setSubTitle(self.tr("The administrator adds the other users (operators, supervisors) later. "
                                 "Choose a password only you know."))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Create the database"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.user_name = QLineEdit()
        self.user_name.setAccessibleName(self.tr("User name"))
        self.user_name.setPlaceholderText(self.tr("one word, e.g. amina"))
        self.password = password_field(self.tr("Password"))
        self.repeat = password_field(self.tr("Password again"))
        form.addRow(self.tr("&User name:"), self.user_name)
        form.addRow(self.tr("&Password:"), self.password)
        form.addRow(self.tr("Password &again:"), self.repeat)
        self.show_passwords = QCheckBox(self.tr("&Show the passwords"))
        self.show_passwords.toggled.connect(self._show_passwords)
        form.addRow("", self.show_passwords)
        layout.addLayout(form)
        # The numbers are storage's rules (the password's length, the lock after wrong passwords).
        layout.addWidget(explanation(fill(self.tr(
            "Use at least {min_password_length} characters. Four or more words that do not belong together are "
            "easy to remember and hard to guess. {max_failures} wrong passwords lock the user for {lock_minutes} "
            "minutes."),
            min_password_length=MIN_PASSWORD_LENGTH, max_failures=MAX_FAILURES, lock_minutes=LOCK_MINUTES)))
        self.status = message_label()
        layout.addWidget(self.status)
        layout.addStretch(1)
        for field in (self.user_name, self.password, self.repeat):
            field.textChanged.connect(self.completeChanged)

    def _show_passwords(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.password.setEchoMode(mode)
        self.repeat.setEchoMode(mode)

    def isComplete(self) -> bool:  # noqa: N802 (Qt's name)
        return all(field.text() for field in (self.user_name, self.password, self.repeat))

    def validatePage(self) -> bool:  # noqa: N802 (Qt's name)
        """Explain what is wrong in place; nothing typed is cleared."""
        if not self.user_name.text().strip():
            show_message(self.status, self.tr("Type a user name for the administrator."), error=True)
            self.user_name.setFocus()
            return False
        wizard = self.wizard()
        district = wizard.district_page.district_code() if isinstance(wizard, SetupWizard) and wizard.is_district \
            else None
        if not call_storage(self.status, lambda: check_password_strength(
                self.password.text(), user=self.user_name.text().strip(), district=district)):
            self.password.setFocus()  # storage's rule, in its words
            return False
        if self.password.text() != self.repeat.text():
            show_message(self.status, self.tr(
                "The two passwords are not the same. Type the same password in both boxes."), error=True)
            self.repeat.setFocus()
            return False
        show_message(self.status, "", error=False)
        return True


# -- 4. create, then the recovery key --------------------------------------------------------------


class CreatePage(QWizardPage):
    """Creates the database in the background, then shows the recovery key once."""

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Creating the database"))
        self.setSubTitle(self.tr("Mizan is making the encrypted database on this PC."))
        self.recovery_key = ""
        # Once past this page there is no way back to it: the key is shown once.
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Next >"))
        layout = QVBoxLayout(self)

        self.progress_area = QWidget()
        progress_layout = QVBoxLayout(self.progress_area)
        progress_layout.setContentsMargins(0, 0, 0, 0)
        self.progress_text = explanation(self.tr("Creating the encrypted database… this takes a few seconds."))
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # busy: no percentage to show
        self.progress.setAccessibleName(self.tr("Creating the database"))
        progress_layout.addWidget(self.progress_text)
        progress_layout.addWidget(self.progress)
        layout.addWidget(self.progress_area)

        self.error_area = QWidget()
        error_layout = QVBoxLayout(self.error_area)
        error_layout.setContentsMargins(0, 0, 0, 0)
        self.error = message_label()
        self.retry = QPushButton(self.tr("&Try again"))
        self.retry.clicked.connect(self._retry)
        error_layout.addWidget(self.error)
        error_row = QHBoxLayout()
        error_row.addWidget(self.retry)
        error_row.addStretch(1)
        error_layout.addLayout(error_row)
        layout.addWidget(self.error_area)

        self.key_area = QWidget()
        key_layout = QVBoxLayout(self.key_area)
        key_layout.setContentsMargins(0, 0, 0, 0)
        key_layout.addWidget(explanation(self.tr(
            "The database is ready. Below is its <b>recovery key</b>. If every administrator forgets the "
            "password, this key is the only way to open the data. Mizan shows it <b>only now</b>."), rich=True))
        self.key_label = code_label(20)
        self.key_label.setAccessibleName(self.tr("Recovery key"))
        key_layout.addWidget(self.key_label)
        key_layout.addWidget(explanation(self.tr(
            "Print it or write it on paper, and keep the paper locked away, apart from this PC. Anyone with "
            "the key and a copy of the database can read it.")))
        print_row = QHBoxLayout()
        self.print_button = QPushButton(self.tr("&Print…"))
        self.print_button.clicked.connect(self.print_with_dialog)
        print_row.addWidget(self.print_button)
        print_row.addStretch(1)
        key_layout.addLayout(print_row)
        self.confirmed = QCheckBox(self.tr("I have &written down or printed the recovery key"))
        self.confirmed.toggled.connect(self.completeChanged)
        key_layout.addWidget(self.confirmed)
        layout.addWidget(self.key_area)
        layout.addStretch(1)
        self._show("progress")

    def _show(self, state: str) -> None:
        self.progress_area.setVisible(state == "progress")
        self.error_area.setVisible(state == "error")
        self.key_area.setVisible(state == "key")

    def initializePage(self) -> None:  # noqa: N802 (Qt's name)
        wizard = self.wizard()
        assert isinstance(wizard, SetupWizard)
        if wizard.session is None and not wizard.busy:
            self._start()

    def _start(self) -> None:
        wizard = self.wizard()
        assert isinstance(wizard, SetupWizard)
        self._show("progress")
        self.setSubTitle(self.tr("Mizan is making the encrypted database on this PC."))
        wizard.start_creation(self._finished)

    def _retry(self) -> None:
        self._start()

    def _finished(self, error: Exception | None) -> None:
        wizard = self.wizard()
        assert isinstance(wizard, SetupWizard)
        if error is not None:
            show_message(self.error, describe_error(self, error), error=True)
            self._show("error")
            self.retry.setFocus()
            return
        self.setTitle(self.tr("Your recovery key"))
        self.setSubTitle(self.tr("Keep it safe: it is shown only once."))
        self.recovery_key = wizard.recovery_key or ""
        self.key_label.setText(self.recovery_key)
        self._show("key")
        self.print_button.setFocus()
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 (Qt's name)
        wizard = self.wizard()
        return isinstance(wizard, SetupWizard) and wizard.session is not None and self.confirmed.isChecked()

    # -- printing ----------------------------------------------------------------------------------
    def recovery_document(self) -> QTextDocument:
        """The page to print: what the key is, for which installation, the key itself, what to do."""
        wizard = self.wizard()
        assert isinstance(wizard, SetupWizard)
        session = wizard.session
        where = (session.installation.get("device_name") or "") if session else ""
        if session is not None and session.district:
            where = f"{where} ({session.district})"
        document = QTextDocument()
        document.setDefaultFont(QFont("Sans Serif", 11))
        rows = [
            (self.tr("Installation"), where),
            (self.tr("Administrator"), wizard.admin_name),
            (self.tr("Database file"), str(wizard.db_path)),
            (self.tr("Created"), dt.datetime.now().strftime("%Y-%m-%d %H:%M")),
        ]
        details = "".join(f"<tr><td><b>{escape(name)}:</b>&nbsp;&nbsp;</td><td>{escape(value)}</td></tr>"
                          for name, value in rows)
        title = escape(self.tr("Mizan recovery key"))
        advice = escape(self.tr(
            "If every administrator forgets the password, this key opens the database. Keep this paper "
            "locked away, apart from the PC. Anyone with the key and a copy of the database can read it."))
        key_style = ("font-family: 'DejaVu Sans Mono', 'Consolas', 'Courier New', monospace; font-size: 16pt; "
                     "font-weight: bold; white-space: nowrap;")
        document.setHtml(
            f"<h1>{title}</h1><table>{details}</table><br>"
            f"<p align='center' style=\"{key_style}\">{escape(self.recovery_key)}</p><br><p>{advice}</p>"
        )
        return document

    def print_recovery_key(self, printer: QPrinter) -> None:
        """Print the recovery key page on ``printer`` (a real printer, or a PDF file in tests)."""
        self.recovery_document().print_(printer)

    def print_with_dialog(self) -> None:
        """Ask which printer, then print."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print the recovery key"))
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            self.print_recovery_key(printer)


# -- 5. the centre's key (district) ----------------------------------------------------------------


class CentreKeyPage(QWizardPage):
    """Choose the centre's key file, type the fingerprint the centre reads out by phone, trust it if sync
    finds they match; or skip for now. The file's own fingerprint is never shown."""

    def __init__(self, replacing: CentreKey | None = None, offer_skip: bool = True) -> None:
        super().__init__()
        self.replacing = replacing
        self.offer_skip = offer_skip
        self.setTitle(self.tr("The provincial centre's key"))
        self.setSubTitle(self.tr("Data sent to the provincial centre is locked with the centre's key. The centre "
                                 "gives every district office a small key file."))
        self.setButtonText(QWizard.WizardButton.CustomButton1, self.tr("&Skip for now"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Trust this key and finish"))
        self.key_path: Path | None = None
        self.centre_key: CentreKey | None = None
        self.skipped = False
        layout = QVBoxLayout(self)
        if replacing is not None:
            layout.addWidget(explanation(html_fill(self.tr(
                "This office trusts the centre key <b>{fingerprint}</b>. A new key file replaces it: do this only "
                "when the centre has told you it changed its key."), fingerprint=replacing.fingerprint), rich=True))
        choose_row = QHBoxLayout()
        self.choose = QPushButton(self.tr("&Choose the centre's key file…"))
        self.choose.clicked.connect(self.choose_file)
        choose_row.addWidget(self.choose)
        choose_row.addStretch(1)
        layout.addLayout(choose_row)
        self.path_label = message_label()
        layout.addWidget(self.path_label)

        self.key_area = QWidget()
        key_layout = QVBoxLayout(self.key_area)
        key_layout.setContentsMargins(0, 0, 0, 0)
        key_layout.addWidget(explanation(self.tr(
            "Phone the provincial centre and ask them to read out the fingerprint Mizan shows them. Type it "
            "below: Mizan compares it with this file. If they differ, someone may have changed the file on its "
            "way: nothing is trusted; stop and call the IT officer.")))
        heard_form = QFormLayout()
        self.heard = fingerprint_field(self.tr("Fingerprint the centre read out"))
        self.heard.textChanged.connect(self._heard_changed)
        heard_form.addRow(self.tr("&Fingerprint they read out:"), self.heard)
        key_layout.addLayout(heard_form)
        hint = explanation(self.tr("Four groups of four letters and digits; capitals and dashes do not matter."))
        hint.setStyleSheet(PLACEHOLDER_STYLE)
        key_layout.addWidget(hint)
        layout.addWidget(self.key_area)
        self.key_area.hide()

        self.status = message_label()
        layout.addWidget(self.status)
        layout.addStretch(1)
        if offer_skip:
            note = explanation(self.tr(
                "No key file yet? Choose <b>Skip for now</b>. This office can enter data at once, but it cannot "
                "send data to the centre until an administrator adds the centre's key under Settings."), rich=True)
            note.setStyleSheet(PLACEHOLDER_STYLE)
            layout.addWidget(note)

    def initializePage(self) -> None:  # noqa: N802 (Qt's name)
        self.wizard().setOption(QWizard.WizardOption.HaveCustomButton1, self.offer_skip)

    def choose_file(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose the centre's key file"), str(Path.home()),
            self.tr("Mizan centre key (*.key *.txt);;All files (*)"))
        if path:
            self.load_key_file(Path(path))

    def load_key_file(self, path: Path) -> None:
        """Read the key file (it is small: done at once): a damaged or foreign one is refused before anyone
        is phoned. Its fingerprint is not shown; the person types the one the centre reads out."""
        read = call_storage(self.status, lambda: read_centre_key(path))
        if not read:
            self.key_path, self.centre_key = None, None
            self.key_area.hide()
            show_message(self.path_label, "", error=False)
        else:
            self.key_path, self.centre_key = path, read.value
            show_message(self.path_label, fill(self.tr("Key file: {path}"), path=path), error=False)
            self.key_area.show()
            show_message(self.status, "", error=False)
            self.heard.setFocus()
        self.completeChanged.emit()

    def _heard_changed(self) -> None:
        show_message(self.status, "", error=False)  # a refusal was about what was typed before
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 (Qt's name)
        return self.centre_key is not None and reads_as_fingerprint(self.heard.text())

    def validatePage(self) -> bool:  # noqa: N802 (Qt's name)
        """Finish: trust the key (one small write) if sync finds the fingerprint typed is the file's, unless
        the user chose to skip. A mismatch is explained here, nothing is stored, and the page stays."""
        wizard = self.wizard()
        assert isinstance(wizard, SetupWizard | TrustCentreWizard)
        if self.skipped:
            return True
        if self.key_path is None or wizard.session is None:
            return False
        session, key_path, replace = wizard.session, self.key_path, self.replacing is not None
        heard = self.heard.text()
        trusted = call_storage(self.status, lambda: trust_centre(session, key_path, heard, replace=replace))
        if not trusted:
            self.heard.setFocus()
            self.heard.selectAll()
            return False
        wizard.centre_key = trusted.value
        return True


# -- the wizard ------------------------------------------------------------------------------------


class SetupWizard(QWizard):
    """Creates the database at ``db_path``. Accepted: ``session`` is the first admin's open session.

    ``language_chosen(code)``: the user picked another language on the first page; the application
    switches and starts the wizard again in it (nothing has been written yet).
    """

    language_chosen = Signal(str)

    def __init__(self, db_path: str | Path, settings: Settings | None = None, parent: QWidget | None = None,
                 today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.db_path = Path(db_path)
        self.settings = settings or Settings()
        self.session: Session | None = None
        self.recovery_key: str | None = None
        self.admin_name = ""
        self.centre_key: CentreKey | None = None
        self.busy = False
        self.setWindowTitle(self.tr("Set up Mizan"))
        translate_buttons(self)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setMinimumSize(760, 560)
        self.role_page = RolePage(self.settings.language)
        self.role_page.language.currentIndexChanged.connect(
            lambda: self.language_chosen.emit(self.role_page.language.currentData()))
        self.district_page = DistrictPage(today or dt.date.today())
        self.admin_page = AdminPage()
        self.create_page = CreatePage()
        self.centre_key_page = CentreKeyPage()
        for page_id, page in ((ROLE_PAGE, self.role_page), (DISTRICT_PAGE, self.district_page),
                              (ADMIN_PAGE, self.admin_page), (CREATE_PAGE, self.create_page),
                              (CENTRE_KEY_PAGE, self.centre_key_page)):
            self.setPage(page_id, page)
        self.setStartId(ROLE_PAGE)
        self.customButtonClicked.connect(self._custom_button)
        self.currentIdChanged.connect(self._page_changed)

    @property
    def is_district(self) -> bool:
        return self.role_page.is_district()

    def nextId(self) -> int:  # noqa: N802 (Qt's name)
        current = self.currentId()
        if current == ROLE_PAGE:
            return DISTRICT_PAGE if self.is_district else ADMIN_PAGE
        if current == DISTRICT_PAGE:
            return ADMIN_PAGE
        if current == ADMIN_PAGE:
            return CREATE_PAGE
        if current == CREATE_PAGE:
            return CENTRE_KEY_PAGE if self.is_district else -1
        return -1

    def _page_changed(self, page_id: int) -> None:
        if page_id != CENTRE_KEY_PAGE:
            self.setOption(QWizard.WizardOption.HaveCustomButton1, False)
        if self.session is not None:
            self.setOption(QWizard.WizardOption.NoCancelButton, True)

    # -- creation (called by the create page) ------------------------------------------------------
    def start_creation(self, on_finished) -> None:
        """Create the database off the GUI thread; ``on_finished(error)`` runs on the GUI thread after."""
        district = self.district_page.district_code() if self.is_district else None
        device_name = self.district_page.device_name.text().strip() if self.is_district else None
        role = "district" if self.is_district else "centre"
        admin = self.admin_page.user_name.text().strip()
        password = self.admin_page.password.text()
        path = self.db_path
        self.busy = True
        self.button(QWizard.WizardButton.CancelButton).setEnabled(False)

        def create() -> tuple[Session, str]:
            return create_database(path, role=role, admin=admin, password=password, district=district,
                                   device_name=device_name)

        def done(result: object, error: Exception | None) -> None:
            self.busy = False
            self.button(QWizard.WizardButton.CancelButton).setEnabled(True)
            if error is None:
                self.session, self.recovery_key = result  # type: ignore[misc]
                self.admin_name = admin
                self.settings.last_user = admin
                self.settings.sync()
                self.admin_page.password.clear()
                self.admin_page.repeat.clear()
                self.setOption(QWizard.WizardOption.NoCancelButton, True)
            on_finished(error)

        run_task(create, done)

    # -- ending ------------------------------------------------------------------------------------
    def _custom_button(self, which: int | QWizard.WizardButton) -> None:
        custom1 = QWizard.WizardButton.CustomButton1
        if which in (custom1, custom1.value) and self.currentId() == CENTRE_KEY_PAGE:
            self.skip_centre_key()

    def skip_centre_key(self) -> None:
        """Finish without trusting a centre key (exporting asks for it later)."""
        self.centre_key_page.skipped = True
        self.accept()

    def reject(self) -> None:
        """Cancel works only before the database exists; afterwards the wizard must reach its end."""
        if self.busy or self.session is not None:
            return
        super().reject()

    def done(self, result: int) -> None:
        super().done(result)
        if self.result() == QWizard.DialogCode.Accepted:
            self.recovery_key = None  # shown once; do not keep it in memory longer than needed


class TrustCentreWizard(QWizard):
    """After setup: an administrator adds the centre's key that was skipped, or replaces it after the
    centre changed its key. The setup wizard's last page on its own; accepted means the key is trusted."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session: Session | None = session
        self.centre_key: CentreKey | None = None
        self.setWindowTitle(self.tr("The provincial centre's key"))
        translate_buttons(self)
        self.setMinimumSize(700, 480)
        self.centre_key_page = CentreKeyPage(replacing=trusted_centre(session), offer_skip=False)
        self.addPage(self.centre_key_page)


def translate_buttons(wizard: QWizard) -> None:
    """The wizard's own buttons in the interface's language (Qt ships no Urdu words of its own)."""
    # QCoreApplication.translate spelled out each time: that is the call lupdate looks for.
    for which, text in ((QWizard.WizardButton.BackButton, QCoreApplication.translate("wizard", "< &Back")),
                        (QWizard.WizardButton.NextButton, QCoreApplication.translate("wizard", "&Next >")),
                        (QWizard.WizardButton.CancelButton, QCoreApplication.translate("wizard", "Cancel")),
                        (QWizard.WizardButton.FinishButton, QCoreApplication.translate("wizard", "&Finish")),
                        (QWizard.WizardButton.CommitButton, QCoreApplication.translate("wizard", "&Commit"))):
        wizard.setButtonText(which, text)
