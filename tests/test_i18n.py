"""Every user-visible string goes through the translator: pseudo-localisation over every screen.

The English sources of resources/translations/mizan_ur.ts are turned into a pseudo "translation" that
wraps each text in ⟦ ⟧ (placeholders, tags and accelerators kept), compiled with pyside6-lrelease and
installed; then every screen of a district supervisor and of the centre's clerk is opened and every text
a person reads is collected. English words outside ⟦ ⟧ are a string that bypasses the translator (a
literal without ``self.tr``, an f-string, a message storage builds without ``translate``). Data (names
from the catalogue and the database, codes, figures, dates) is not translated and is allowed.
"""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from functools import partial
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QTabWidget,
    QWidget,
)

from gui.app import SCREENS
from gui.language import install_language, remove_language
from gui.main_window import MainWindow
from gui.screens.settings_screen import SettingsScreen
from gui.settings import Settings
from storage.errors import ValidationFailed
from storage.records.values import save_indicator_values
from storage.reference.catalogue import load_catalogue, resources_dir
from storage.tools.demo import generate_demo
from storage.validation import ValueInput
from tests.gui_fixtures import no_task_outlives_its_test  # noqa: F401  (an autouse fixture)

TS_FILE = resources_dir() / "translations" / "mizan_ur.ts"
LRELEASE = Path(sys.executable).parent / "pyside6-lrelease"
OPEN, CLOSE = "⟦", "⟧"
# Two words in a row, each with lower-case letters: codes such as QTA-CITY-2026-0001 are data.
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
ONE_WORD = re.compile(r"[A-Za-z][a-z]{2,}")
ENGLISH_WORDS = re.compile(r"[A-Za-z][a-z]+[ ,.:;'’-]+[A-Za-z][a-z]+")


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(QSettings(str(tmp_path / "mizan.ini"), QSettings.Format.IniFormat))


def pseudo(text: str) -> str:
    return f"{OPEN}{text}{CLOSE}"


@pytest.fixture(scope="module")
def pseudo_catalog(tmp_path_factory) -> Path:
    """The .ts with every message "translated" to ⟦source⟧, compiled to a .qm."""
    folder = tmp_path_factory.mktemp("pseudo")
    tree = ElementTree.parse(TS_FILE)
    for message in tree.getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        translation.attrib.pop("type", None)
        forms = translation.findall("numerusform")
        if forms:
            for form in forms:
                form.text = pseudo(source)
        else:
            translation.text = pseudo(source)
    ts = folder / "pseudo.ts"
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    qm = folder / "pseudo.qm"
    subprocess.run([str(LRELEASE), str(ts), "-qm", str(qm)], check=True, capture_output=True)
    return qm


@pytest.fixture
def pseudo_language(qapp, pseudo_catalog):
    translators = install_language(qapp, "en", catalog=pseudo_catalog)
    yield
    remove_language(qapp, translators)


def visible_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) for every text a person reads in ``root``: labels, buttons, titles, tabs, headers,
    placeholders, list items and table contents."""
    found: list[tuple[str, str]] = []
    widgets = [root, *root.findChildren(QWidget)]
    for widget in widgets:
        if not widget.isVisibleTo(root) and widget is not root:
            continue
        name = type(widget).__name__
        if isinstance(widget, QLabel):
            found.append((name, widget.text()))
        elif isinstance(widget, QAbstractButton):
            found.append((name, widget.text()))
        elif isinstance(widget, QGroupBox):
            found.append((name, widget.title()))
        elif isinstance(widget, QLineEdit):
            found.append((name + " placeholder", widget.placeholderText()))
        elif isinstance(widget, QTabWidget):
            found += [(name, widget.tabText(i)) for i in range(widget.count())]
        elif isinstance(widget, QComboBox):
            found += [(name, widget.itemText(i)) for i in range(widget.count())]
        elif isinstance(widget, QListWidget):
            found += [(name, widget.item(i).text()) for i in range(widget.count())]
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            columns = model.columnCount()
            found += [(name + " header", str(model.headerData(c, Qt.Orientation.Horizontal) or ""))
                      for c in range(columns)]
            for row in range(min(model.rowCount(), 5)):
                found += [(name + " cell", str(model.index(row, c).data() or "")) for c in range(columns)]
    return found


def data_words(session) -> set[str]:
    """Texts that are data, not interface: catalogue names, desks, users, devices."""
    catalogue = load_catalogue()
    words = {district.name for district in catalogue.districts.values()}
    words |= {district.division for district in catalogue.districts.values()}
    words |= {institution.name for institution in catalogue.institutions.values()}
    for indicator in catalogue.indicators.values():
        words |= {indicator.name, f"{indicator.code} {indicator.name}", indicator.numerator, indicator.denominator}
    for options in (*catalogue.categories.values(), *catalogue.lists.values()):
        words |= {option.name for option in options}
    words |= {gbv_type.name for gbv_type in catalogue.gbv_types} | {gbv_type.question for gbv_type in catalogue.gbv_types}
    words |= {service.name for service in catalogue.pkm_services.values()}
    words |= {row["name"] for row in catalogue.seed_desks} | {row["station"] for row in catalogue.seed_desks}
    words |= {session.installation["device_name"]}
    return words


def untranslated(texts: list[tuple[str, str]], allowed: set[str]) -> list[tuple[str, str]]:
    """Texts with English words outside the pseudo brackets that are not data."""
    problems = []
    for where, text in texts:
        plain = text.replace("\n", " ")  # a long heading is shown on two lines: its name is still data
        # Innermost brackets first: a translated word filled into a translated message nests (⟦… ⟦word⟧ …⟧).
        while (stripped := re.sub(rf"{OPEN}[^{OPEN}{CLOSE}]*{CLOSE}", "", plain)) != plain:
            plain = stripped
        plain = re.sub(r"<[^>]+>", " ", plain)  # rich-text tags are markup, not words
        plain = UUID.sub(" ", plain)  # record ids (the audit log shows them) are data
        for name in sorted(allowed, key=len, reverse=True):
            if name and name in plain:
                plain = plain.replace(name, " ")
        # A button's one English word ("Cancel", "Next >") is as visible as a sentence.
        if ENGLISH_WORDS.search(plain) or (where.endswith("Button") and ONE_WORD.search(plain)):
            problems.append((where, text))
    return problems


def screens_of(qtbot, session, settings) -> list[tuple[str, list[tuple[str, str]]]]:
    window = MainWindow(session, [*SCREENS, partial(SettingsScreen, settings=settings)])
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    seen = [("main window", [("window title", window.windowTitle()), ("status", window.status.text())])]
    for row, screen in enumerate(window.screens):
        window.sidebar.setCurrentRow(row)
        qtbot.waitUntil(lambda s=screen: not getattr(s, "loading", False) and not getattr(s, "busy", False),
                        timeout=20000)
        QApplication.processEvents()
        seen.append((type(screen).__name__, [("sidebar", window.sidebar.item(row).text()), *visible_texts(screen)]))
    # Longer words (these pseudo ones, Urdu's) must not push the window past the common office screen.
    assert window.minimumSizeHint().width() <= 1366, [
        (type(screen).__name__, screen.minimumSizeHint().width()) for screen in window.screens]
    return seen


def assert_all_translated(seen, allowed) -> None:
    problems = [(screen, where, text) for screen, texts in seen for where, text in untranslated(texts, allowed)]
    listing = "\n".join(f"  {screen} / {where}: {text!r}" for screen, where, text in problems)
    assert not problems, f"{len(problems)} texts bypass the translator:\n{listing}"


def test_every_district_screen_goes_through_the_translator(qtbot, pseudo_language, supervisor, settings):
    generate_demo(supervisor, seed=3, months=2)
    assert_all_translated(screens_of(qtbot, supervisor, settings), data_words(supervisor) | {"sana", "supervisor"})


def test_every_centre_screen_goes_through_the_translator(qtbot, pseudo_language, clerk, settings):
    assert_all_translated(screens_of(qtbot, clerk, settings), data_words(clerk) | {"clara", "clerk"})


def test_storage_messages_go_through_the_translator(pseudo_language, supervisor):
    with pytest.raises(ValidationFailed) as refused:
        save_indicator_values(supervisor, [ValueInput("PRO-01", "QUETTA", "2026-10", value=-3)])
    messages = [issue.message for issue in refused.value.issues]
    assert messages and all(message.startswith(OPEN) and message.endswith(CLOSE) for message in messages), messages


def storage_and_sync_errors(district_db, clerk, tmp_path) -> list[tuple[str, str]]:
    """(what, message) of errors people meet: storage and sync raise them, the GUI shows ``str(error)``."""
    from storage.core.roles import require
    from storage.core.session import open_session
    from storage.errors import MizanError
    from storage.reference.catalogue import Validity
    from storage.sheets.values import load_values
    from storage.validation import issue
    from sync.bundle import decrypt_bundle
    from sync.review import get_conflict

    empty = tmp_path / "QUETTA-empty-1.mizan"
    empty.write_bytes(b"")
    supervisor = open_session(district_db, "sana", "supervisor-pass-1")
    operator = open_session(district_db, "omar", "operator-pass-1")
    calls = {
        "missing file": lambda: load_values(supervisor, tmp_path / "nowhere.xlsx"),
        "wrong password": lambda: open_session(district_db, "sana", "not-her-password"),
        "rejected bundle": lambda: decrypt_bundle(empty, []),
        "unknown conflict": lambda: get_conflict(clerk, 4242),
        "role may not": lambda: require(operator, "export"),
    }
    found = []
    try:
        for what, call in calls.items():
            with pytest.raises(MizanError) as raised:
                call()
            found.append((what, str(raised.value)))
    finally:
        supervisor.close()
        operator.close()
    found += [
        ("rule with a field", issue("IV_NOT_A_NUMBER", field="numerator", value="twelve").message),
        ("rule with a frequency", issue("IV_PERIOD_FORMAT", value="10-2026", indicator="PRO-01", frequency="monthly",
                                        example="2026-10").message),
        ("rule with a validity", issue("IV_INDICATOR_NOT_VALID", indicator="LEV-01", value="2026",
                                       validity=Validity(None, None).describe()).message),
    ]
    return found


def test_storage_and_sync_errors_go_through_the_translator(pseudo_language, district_db, clerk, tmp_path):
    errors = storage_and_sync_errors(district_db, clerk, tmp_path)
    assert all(message.startswith(OPEN) and message.endswith(CLOSE) for _, message in errors), errors
    assert not untranslated(errors, {"nowhere.xlsx", "QUETTA-empty-1.mizan"}), errors
    # The words filled in are translated too, not only the sentence around them.
    messages = dict(errors)
    assert f"{OPEN}numerator{CLOSE}" in messages["rule with a field"]
    assert f"{OPEN}monthly{CLOSE}" in messages["rule with a frequency"]
    assert f"{OPEN}the beginning{CLOSE}" in messages["rule with a validity"]
    assert f"{OPEN}operator{CLOSE}" in messages["role may not"] and f"{OPEN}export bundles{CLOSE}" in messages["role may not"]


def test_storage_and_sync_errors_stay_english_without_a_translator(district_db, clerk, tmp_path):
    # The control: the same errors in the CLI's English are plain sentences, word for word as before.
    messages = dict(storage_and_sync_errors(district_db, clerk, tmp_path))
    assert messages["missing file"] == f"There is no file {tmp_path / 'nowhere.xlsx'}."
    assert messages["wrong password"].startswith("Wrong password for 'sana'.")
    assert messages["unknown conflict"] == "There is no open conflict 4242; it may have been resolved already."
    assert messages["rule with a field"].startswith("The numerator 'twelve' is not a number.")
    assert OPEN not in "".join(messages.values())


def test_the_walk_finds_english_when_no_translator_is_installed(qtbot, clerk, settings):
    # The control: the same walk in plain English reports the interface's words, so the tests above
    # pass because the translator reached every text, not because the walk saw nothing.
    problems = [text for _, texts in screens_of(qtbot, clerk, settings)
                for _, text in untranslated(texts, data_words(clerk))]
    assert len(problems) > 50 and "Import bundles from the districts" in problems


def dialog_texts(qtbot, dialog) -> list[tuple[str, str]]:
    """The texts of a dialog, every tab of it (a hidden tab's widgets are not on screen until chosen)."""
    qtbot.addWidget(dialog)
    dialog.show()
    texts = [("title", dialog.windowTitle()), *visible_texts(dialog)]
    for tabs in dialog.findChildren(QTabWidget):
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            texts += visible_texts(tabs.widget(index))
    return texts


def test_every_dialog_goes_through_the_translator(qtbot, pseudo_language, supervisor, district_db, settings, tmp_path):
    from gui.dialogs.lock import LockScreenDialog
    from gui.dialogs.login import LoginDialog
    from gui.dialogs.password import ChangePasswordDialog
    from gui.dialogs.setup_wizard import SetupWizard, TrustCentreWizard
    from gui.screens.desk_register.case_form import CaseFormDialog

    window = QWidget()
    qtbot.addWidget(window)
    wizard = SetupWizard(tmp_path / "new.db", settings)
    seen = [("CaseFormDialog", dialog_texts(qtbot, CaseFormDialog(supervisor))),
            ("LoginDialog", dialog_texts(qtbot, LoginDialog(district_db, settings))),
            ("ChangePasswordDialog", dialog_texts(qtbot, ChangePasswordDialog(supervisor))),
            ("LockScreenDialog", dialog_texts(qtbot, LockScreenDialog(supervisor, window))),
            ("TrustCentreWizard", dialog_texts(qtbot, TrustCentreWizard(supervisor)))]
    wizard_texts = dialog_texts(qtbot, wizard)
    for page_id in wizard.pageIds():  # every page, laid out as it would be shown
        wizard_texts += [("page title", wizard.page(page_id).title()), ("page subtitle", wizard.page(page_id).subTitle()),
                         *[(where, text) for where, text in visible_texts(wizard.page(page_id))]]
    seen.append(("SetupWizard", wizard_texts))
    assert_all_translated(seen, data_words(supervisor) | {"sana", "supervisor"})


def test_the_centre_key_page_and_the_enroll_dialog_go_through_the_translator(
        qtbot, pseudo_language, clerk, district_admin, tmp_path):
    # With a file chosen and a fingerprint typed wrong: the field, its hint and sync's refusal, in the language.
    from gui.dialogs.enroll_file import EnrollFromFileDialog
    from gui.dialogs.setup_wizard import TrustCentreWizard
    from sync.keys import export_key_file, read_enrollment

    export_key_file(clerk, tmp_path / "centre.key")
    wizard = TrustCentreWizard(district_admin)
    qtbot.addWidget(wizard)
    wizard.show()
    page = wizard.centre_key_page
    page.load_key_file(tmp_path / "centre.key")
    page.heard.setText("AAAA-BBBB-CCCC-DDDD")
    assert not page.validatePage() and page.status.isVisible()
    wizard_texts = [("page title", page.title()), ("page subtitle", page.subTitle()), *visible_texts(page)]

    export_key_file(district_admin, tmp_path / "quetta.enroll")
    dialog = EnrollFromFileDialog(clerk, tmp_path / "quetta.enroll", read_enrollment(tmp_path / "quetta.enroll"))
    dialog.heard.setText("AAAA-BBBB-CCCC-DDDD")
    dialog.enroll_button.click()
    assert dialog.error.text() and not dialog.error.isHidden()
    seen = [("TrustCentreWizard", wizard_texts), ("EnrollFromFileDialog", dialog_texts(qtbot, dialog))]
    assert_all_translated(seen, data_words(district_admin) | {str(tmp_path / "centre.key"), "quetta.enroll", "centre.key"})


# -- accessibility: every input has a name a screen reader can say ------------------------------------------


def unnamed_inputs(root: QWidget) -> list[str]:
    """Visible inputs with neither an accessible name, nor a label whose buddy they are, nor a form label."""
    from PySide6.QtWidgets import QAbstractSpinBox, QFormLayout, QPlainTextEdit, QTableView

    labelled = {label.buddy() for label in root.findChildren(QLabel) if label.buddy() is not None}
    for form in root.findChildren(QFormLayout):
        for row in range(form.rowCount()):
            field = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            if field is not None and label is not None and field.widget() is not None:
                labelled.add(field.widget())
                labelled |= set(field.widget().findChildren(QWidget))
    missing = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, QLineEdit | QComboBox | QAbstractSpinBox | QPlainTextEdit | QTableView):
            continue
        if not widget.isVisibleTo(root) or isinstance(widget.parent(), QAbstractSpinBox | QComboBox):
            continue  # a spin box's or combo box's own line edit is named by its owner
        if widget.accessibleName() or widget in labelled:
            continue
        missing.append(f"{type(widget).__name__} {widget.objectName() or ''} in {type(widget.window()).__name__}")
    return missing


def test_every_input_on_every_screen_has_a_name(qtbot, supervisor, clerk, settings):
    bare = QWidget()  # the control: an input with no name and no label is found
    qtbot.addWidget(bare)
    QLineEdit(bare)
    assert unnamed_inputs(bare) == ["QLineEdit  in QWidget"]
    missing = []
    for session in (supervisor, clerk):
        window = MainWindow(session, [*SCREENS, partial(SettingsScreen, settings=settings)])
        qtbot.addWidget(window)
        window.show()
        for row, screen in enumerate(window.screens):
            window.sidebar.setCurrentRow(row)
            missing += [f"{type(screen).__name__}: {where}" for where in unnamed_inputs(screen)]
    assert not missing, "\n".join(missing)


def test_the_font_size_setting_scales_headings_at_once(qtbot, qapp, supervisor, settings):
    from gui.screens.dashboard import DashboardScreen
    from gui.settings import HEADING_SCALE, apply_font_size

    screen = DashboardScreen(supervisor)
    qtbot.addWidget(screen)
    screen.show()
    title = next(label for label in screen.findChildren(QLabel) if label.property("role") == "heading")
    try:
        for size in (10, 16):
            settings.font_size = size
            apply_font_size(qapp, settings)
            title.ensurePolished()
            assert abs(title.font().pointSizeF() - size * HEADING_SCALE) < 0.2
            assert qapp.font().pointSize() == size
    finally:
        settings.font_size = 11
        apply_font_size(qapp, settings)


def test_values_inside_urdu_messages_keep_their_own_direction():
    from storage import i18n
    from storage.validation import issue

    english = issue("IV_PERIOD_FORMAT", value="10-2026", indicator="PRO-01", frequency="monthly", example="2026-10")
    i18n.set_translator(lambda context, text: text, "ur")
    try:
        urdu = issue("IV_PERIOD_FORMAT", value="10-2026", indicator="PRO-01", frequency="monthly", example="2026-10")
    finally:
        i18n.set_translator(None, "en")
    # In a right-to-left sentence each value is a first-strong isolate: "2026-10" stays "2026-10".
    assert "\u20682026-10\u2069" in urdu.message and "\u2068" not in english.message
    assert urdu.message.replace("\u2068", "").replace("\u2069", "") == english.message
