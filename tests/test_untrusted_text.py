"""Untrusted text is shown as text (issue 17): names, codes, file names, comments, reasons and values that
come from bundles, enrollment files and other users never render as HTML on a screen.

Qt's labels, tooltips and message boxes guess "rich text" from the content (``Qt.mightBeRichText``). A
bundle that needs only the centre's public key could make the enroll dialog show a fake "already
confirmed by phone" in large type, an ``<img>`` loaded a local file, a file name with ``&lt;`` switched
the import screen's labels to rich text, and a PC's name hid the warning of the Revoke confirmation.

The walk fills every screen of a centre and of a district with records whose every text field is
``HOSTILE`` and checks every text a person reads: a label with data must be plain text, a tooltip with
data must be escaped (Qt shows a tooltip as rich text whenever ``mightBeRichText`` says so), and what
is rendered must be the data as written, not its markup and not its escapes.
"""

from __future__ import annotations

import html
import os
import re
import time
import uuid
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from PySide6.QtCore import QModelIndex, QSettings, Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QWidget,
)

from gui.app import SCREENS
from gui.main_window import MainWindow
from gui.screens.settings_screen import SettingsScreen
from gui.settings import Settings
from storage.core.session import Session
from storage.records.desk import add_desk, save_desk_case
from storage.records.users import add_user, grant_identity_access
from storage.records.values import save_indicator_values
from storage.validation import ValueInput
from sync.importer import import_bundles
from sync.keys import age_recipient, signing_private_key
from tests.conftest import SUPERVISOR_PASSWORD, on_screen
from tests.gui_fixtures import no_task_outlives_its_test  # noqa: F401  (an autouse fixture)
from tests.sync_helpers import craft_bundle, desk_case, export_to, last_month, link, make_centre, make_district
from tests.templates import sign_in
from tests.test_sync_rejections import value_record

# Every text field of the records below. <b> shows whether markup is rendered; <img> would load a file.
HOSTILE = '<b>X</b><img src="file:///tmp/x.png">'
MARK = "<b>X</b>"  # in every hostile text: where it is, the data is
def _grant(path: Path, name: str) -> None:
    """The supervisor sana, who holds the identity key, grants it to ``name``."""
    holder = sign_in(path, "sana")
    grant_identity_access(holder, name)
    holder.close()


HOSTILE_USER = "<b>X</b>"  # a user name is one word: no space for the <img>
# A file name has no "/" (so no closing tag): the <img> names a file beside it; "&lt;" alone switched a
# label to rich text.
FILE_MARK = "<h1>F"
HOSTILE_FILE = f'QUETTA &lt; {FILE_MARK}<img src="x.png">.mizan'
MARKS = (MARK, FILE_MARK)
ESCAPES = tuple(html.escape(mark, quote=False) for mark in MARKS)  # what a person must never read
# What a crafted bundle's PC name said on the enroll dialog, in large type.
FAKE_CONFIRMATION = "<h1>Fingerprint already confirmed with the Quetta office by phone</h1>" + MARK


# -- what a person reads -------------------------------------------------------------------------------


def is_rich(text: str, text_format: Qt.TextFormat) -> bool:
    """Whether Qt renders ``text`` as HTML in a widget with this format (tooltips are ``AutoText``)."""
    return text_format == Qt.TextFormat.RichText or (
        text_format == Qt.TextFormat.AutoText and GuiQt.mightBeRichText(text))


def rendered(text: str, text_format: Qt.TextFormat) -> str:
    """The text a person reads."""
    if not is_rich(text, text_format):
        return text
    document = QTextDocument()
    document.setHtml(text)
    return document.toPlainText()


def problem(text: str, text_format: Qt.TextFormat, *, label: bool = False) -> str | None:
    """Why a text showing hostile data is not shown as written; None when it is (or holds no data)."""
    if not has_data(text):
        return None
    raw = any(mark in text for mark in MARKS)
    if label and raw and text_format != Qt.TextFormat.PlainText:
        return f"a label with data whose format is {text_format.name}, not PlainText"
    if raw and is_rich(text, text_format):
        return "the data's markup is rendered"
    shown = rendered(text, text_format)
    if not any(mark in shown for mark in MARKS):
        return f"the data does not read as written: {shown!r}"
    if any(escape in shown for escape in ESCAPES):
        return f"the data's escapes are shown: {shown!r}"
    return None


def has_data(text: str) -> bool:
    """Whether ``text`` holds hostile data, as written or escaped."""
    return any(mark in text for mark in (*MARKS, *ESCAPES))


@dataclass
class Survey:
    """Every text with hostile data that a walk met, and those not shown as written."""

    seen: list[tuple[str, str]] = field(default_factory=list)  # (where, text)
    problems: list[str] = field(default_factory=list)

    def check(self, where: str, text: object, text_format: Qt.TextFormat, *, label: bool = False) -> None:
        if not isinstance(text, str) or not text:
            return
        if has_data(text):
            self.seen.append((where, text))
        why = problem(text, text_format, label=label)
        if why:
            self.problems.append(f"{where}: {why}\n    {text!r}")

    def walk(self, name: str, root: QWidget) -> None:
        """Labels (message boxes', wizards' and forms' too), tooltips, buttons, titles and item views."""
        for widget in [root, *root.findChildren(QWidget)]:
            where = f"{name} / {type(widget).__name__} {widget.objectName()}".rstrip()
            if isinstance(widget, QLabel):
                self.check(where, widget.text(), widget.textFormat(), label=True)
            self.check(where + " tooltip", widget.toolTip(), Qt.TextFormat.AutoText)
            self.check(where + " title", widget.windowTitle(), Qt.TextFormat.PlainText)
            if isinstance(widget, QAbstractButton | QLineEdit | QMessageBox):  # buttons and fields: plain
                self.check(where + " text", widget.text(), Qt.TextFormat.PlainText)
            # A table's header shows the table's own model: walked once, with the table.
            if isinstance(widget, QAbstractItemView) and not isinstance(widget, QHeaderView) and widget.model():
                self.walk_model(where, widget.model())

    def walk_model(self, where: str, model) -> None:
        display, tooltip = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole
        try:
            columns = model.columnCount(QModelIndex())
        except TypeError:  # a list model's columnCount is private in C++: it has one column
            columns = 1
        for orientation in (Qt.Orientation.Horizontal, Qt.Orientation.Vertical):
            count = columns if orientation == Qt.Orientation.Horizontal else min(model.rowCount(QModelIndex()), 300)
            for section in range(count):
                self.check(f"{where} header", model.headerData(section, orientation, display), Qt.TextFormat.PlainText)
                self.check(f"{where} header tooltip", model.headerData(section, orientation, tooltip),
                           Qt.TextFormat.AutoText)
        for row in range(min(model.rowCount(QModelIndex()), 300)):
            for column in range(columns):
                index = model.index(row, column)
                self.check(f"{where} cell", index.data(display), Qt.TextFormat.PlainText)
                self.check(f"{where} cell tooltip", index.data(tooltip), Qt.TextFormat.AutoText)

    def places(self) -> set[str]:
        return {where.split(" / ")[0] for where, _ in self.seen}

    def assert_shown_as_text(self) -> None:
        assert not self.problems, f"{len(self.problems)} texts render hostile data:\n" + "\n".join(self.problems)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(QSettings(str(tmp_path / "mizan.ini"), QSettings.Format.IniFormat))


def walk_every_screen(qtbot, session: Session, settings: Settings, survey: Survey, prepare=None) -> MainWindow:
    """The pseudo-translation test's walk: every screen of the role, shown, loaded and surveyed."""
    window = MainWindow(session, [*SCREENS, partial(SettingsScreen, settings=settings)])
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    survey.walk("main window", window)
    for row, screen in enumerate(window.screens):
        window.sidebar.setCurrentRow(row)
        qtbot.waitUntil(lambda s=screen: not getattr(s, "loading", False) and not getattr(s, "busy", False),
                        timeout=20000)
        if prepare is not None:
            prepare(screen)
        QApplication.processEvents()
        survey.walk(type(screen).__name__, screen)
    return window


# -- a centre fed hostile text --------------------------------------------------------------------------


@dataclass
class HostileCentre:
    clerk: Session
    usb: Path  # what the clerk drops: a real bundle renamed, one from a PC not enrolled, a damaged file
    period: str


@pytest.fixture
def hostile_centre(tmp_path: Path):
    """Two enrolled Quetta PCs with hostile names whose values disagree (a conflict), hostile comments,
    desk cases and a quarantined record; and a USB stick of hostile bundles not yet imported."""
    folder = tmp_path / "world"
    clerk = sign_in(make_centre(folder), "clara")
    first_path = make_district(folder / "first", "QUETTA", device_name=HOSTILE)
    second_path = make_district(folder / "second", "QUETTA", device_name=HOSTILE + " 2")
    sessions = [clerk]
    try:
        for path in (first_path, second_path):
            admin = sign_in(path, "admin")
            sessions.append(admin)
            link(clerk, admin, path.parent)
        first, second = sign_in(first_path, "sana"), sign_in(second_path, "sana")
        sessions += [first, second]
        period = last_month()
        save_indicator_values(first, [ValueInput("PRO-01", "QUETTA", period, value=10, comment=HOSTILE),
                                      ValueInput("CRT-01", "QUETTA", period, value=7, comment=HOSTILE)])
        add_desk(first, "QTA-XSS", HOSTILE, "QUETTA", station=HOSTILE)  # desks travel: the centre shows its name
        save_desk_case(first, desk_case(desk="QTA-XSS", client_code=HOSTILE, handling_officer=HOSTILE, notes=HOSTILE))
        bundles = [export_to(first, folder / "a")]
        time.sleep(0.01)
        save_indicator_values(second, [ValueInput("PRO-01", "QUETTA", period, value=20, comment=HOSTILE + " 2")])
        bundles.append(export_to(second, folder / "b"))
        # Signed by the first PC's own key: a record against the rules, every text field hostile.
        held_back = value_record(first.device_id, indicator="CRT-01", value=-5, comment=HOSTILE, entered_by=HOSTILE,
                                 period=HOSTILE)
        bundles.append(craft_bundle(folder / "c" / "QUETTA-crafted-2.mizan", recipient=age_recipient(clerk),
                                    private_key=signing_private_key(first), device_id=first.device_id,
                                    district="QUETTA", device_name=HOSTILE, sequence=2,
                                    records={"indicator_values": [held_back]}))
        outcomes = import_bundles(clerk, bundles)
        assert [outcome.status for outcome in outcomes] == ["imported"] * 3, [o.reason for o in outcomes]
        assert outcomes[1].counts["conflicts"] == 1 and outcomes[2].counts["quarantined"] == 1

        usb = folder / "usb"
        usb.mkdir()
        save_indicator_values(second, [ValueInput("CRT-02", "QUETTA", period, value=3, comment=HOSTILE)])
        export_to(second, folder / "d").rename(usb / HOSTILE_FILE)  # a real bundle, renamed on the way
        craft_bundle(usb / ("unknown " + HOSTILE_FILE), recipient=age_recipient(clerk),
                     private_key=Ed25519PrivateKey.generate(), device_id=str(uuid.uuid4()), district=HOSTILE,
                     device_name=FAKE_CONFIRMATION)
        (usb / ("damaged " + HOSTILE_FILE)).write_bytes(b"not a bundle")
        yield HostileCentre(clerk, usb, period)
    finally:
        for session in sessions:
            session.close()


def import_the_stick(qtbot, screen, usb: Path, survey: Survey) -> None:
    """Drop the stick on the import desk; survey the enroll dialog it opens; answer "Not now"."""
    screen.import_paths([usb])
    qtbot.waitUntil(lambda: screen.enroll_dialog is not None, timeout=30000)
    dialog = screen.enroll_dialog
    survey.walk("EnrollDeviceDialog", dialog)
    dialog.heard.setText("AAAA-BBBB-CCCC-DDDD")  # a wrong fingerprint: the refusal names the PC
    dialog.enroll_button.click()
    survey.walk("EnrollDeviceDialog refused", dialog)
    dialog.reject()
    qtbot.waitUntil(lambda: not screen.busy and screen.model.rowCount() == 3, timeout=30000)
    for row in range(screen.model.rowCount()):
        screen.table.selectRow(row)
        survey.walk(f"ImportScreen details {row}", screen.details)


def test_every_centre_screen_shows_hostile_text_as_text(hostile_centre, qtbot, settings):
    survey = Survey()

    def prepare(screen) -> None:
        name = type(screen).__name__
        if name == "ImportScreen":
            import_the_stick(qtbot, screen, hostile_centre.usb, survey)
        elif name == "ReviewScreen":
            screen.conflicts_table.selectRow(0)
            survey.walk("ReviewScreen comparison", screen.comparison_table)
            screen.tabs.setCurrentIndex(1)
        elif name == "DevicesScreen":
            quetta = [row["district"] for row in screen.districts.rows].index("QUETTA")
            screen.districts_table.selectRow(quetta)
            screen.ask_revoke()
            survey.walk("DevicesScreen revoke", screen.revoke_box)
            screen.revoke_box.reject()
        elif name == "IndicatorEntryScreen":
            screen.district.setCurrentIndex(screen.district.findData("QUETTA"))
            institution = screen.session.catalogue.indicators["PRO-01"].institution
            screen.choose(institution, hostile_centre.period)
        elif name == "DeskRegisterScreen":
            qtbot.waitUntil(lambda: screen.model.rowCount() > 0, timeout=20000)

    walk_every_screen(qtbot, hostile_centre.clerk, settings, survey, prepare)
    # The control: the walk met the hostile data on every screen that shows it.
    assert {"EnrollDeviceDialog", "EnrollDeviceDialog refused", "ImportScreen", "ImportScreen details 0",
            "ReviewScreen", "ReviewScreen comparison", "DevicesScreen", "DevicesScreen revoke",
            "IndicatorEntryScreen", "DeskRegisterScreen", "AuditScreen"} <= survey.places(), survey.places()
    assert any(HOSTILE_FILE in text for _, text in survey.seen) and any(
        FAKE_CONFIRMATION in text for _, text in survey.seen)
    survey.assert_shown_as_text()


# -- a district whose users and records are hostile ---------------------------------------------------


def test_every_district_screen_shows_hostile_text_as_text(district_db, district_admin, qtbot, settings):
    add_user(district_admin, HOSTILE_USER, "supervisor", SUPERVISOR_PASSWORD)
    _grant(district_db, HOSTILE_USER)  # added by an admin: waits for a holder's grant (storage.core.identity)
    session = sign_in(district_db, HOSTILE_USER)  # the supervisor with the hostile name walks
    try:
        period = last_month()
        save_indicator_values(session, [ValueInput("PRO-01", "QUETTA", period, value=10, comment=HOSTILE)])
        add_desk(session, "QTA-XSS", HOSTILE, "QUETTA", station=HOSTILE)
        save_desk_case(session, desk_case(desk="QTA-XSS", client_code=HOSTILE, handling_officer=HOSTILE,
                                          notes=HOSTILE))
        survey = Survey()

        def prepare(screen) -> None:
            name = type(screen).__name__
            if name == "IndicatorEntryScreen":
                screen.choose(session.catalogue.indicators["PRO-01"].institution, period)
            elif name == "DeskRegisterScreen":
                qtbot.waitUntil(lambda: screen.model.rowCount() > 0, timeout=20000)
            elif name == "UsersScreen":
                screen.table.selectRow(screen.model.rows.index(
                    next(user for user in screen.model.rows if user["name"] == HOSTILE_USER)))

        window = walk_every_screen(qtbot, session, settings, survey, prepare)
        assert MARK in window.windowTitle()
        assert {"IndicatorEntryScreen", "DeskRegisterScreen", "UsersScreen", "AuditScreen"} <= survey.places(), \
            survey.places()
        survey.assert_shown_as_text()
    finally:
        session.close()


def test_dialogs_that_name_the_user_show_the_name_as_text(district_db, district_admin, qtbot):
    from gui.dialogs.lock import LockScreenDialog
    from gui.dialogs.password import ChangePasswordDialog
    from gui.screens.desk_register.case_form import CaseFormDialog

    add_user(district_admin, HOSTILE_USER, "supervisor", SUPERVISOR_PASSWORD)
    _grant(district_db, HOSTILE_USER)  # added by an admin: waits for a holder's grant (storage.core.identity)
    session = sign_in(district_db, HOSTILE_USER)
    try:
        case = save_desk_case(session, desk_case(client_code=HOSTILE, handling_officer=HOSTILE, notes=HOSTILE))
        window = QWidget()
        qtbot.addWidget(window)
        survey = Survey()
        for name, dialog in (("LockScreenDialog", LockScreenDialog(session, window)),
                             ("ChangePasswordDialog", ChangePasswordDialog(session)),
                             ("CaseFormDialog", CaseFormDialog(session, case))):
            qtbot.addWidget(dialog)
            dialog.show()
            survey.walk(name, dialog)
        assert {"LockScreenDialog", "ChangePasswordDialog"} <= survey.places(), survey.places()
        survey.assert_shown_as_text()
    finally:
        session.close()


# -- the attacks, one by one ----------------------------------------------------------------------------


def test_a_crafted_bundle_cannot_fake_a_confirmation_on_the_enroll_dialog(hostile_centre, qtbot, tmp_path):
    # Someone who holds only the centre's public key makes a bundle whose PC name is a fake
    # "already confirmed by phone" in large type; its file name and district are hostile too.
    # The dialog is saved as enroll-hostile-name.png in $MIZAN_SCREENSHOTS when set (docs/screenshots).
    from gui.screens.import_screen import ImportScreen

    screen = on_screen(qtbot, ImportScreen(hostile_centre.clerk))
    unknown = hostile_centre.usb / ("unknown " + HOSTILE_FILE)
    screen.import_paths([unknown])
    qtbot.waitUntil(lambda: screen.enroll_dialog is not None, timeout=30000)
    dialog = screen.enroll_dialog
    shots = Path(os.environ.get("MIZAN_SCREENSHOTS") or tmp_path / "screenshots")
    shots.mkdir(parents=True, exist_ok=True)
    QApplication.processEvents()
    assert dialog.grab().save(str(shots / "enroll-hostile-name.png"))
    labels = {label.text(): label for label in dialog.findChildren(QLabel)}
    for data in (FAKE_CONFIRMATION, HOSTILE, unknown.name):
        assert data in labels, sorted(labels)
        assert labels[data].textFormat() == Qt.TextFormat.PlainText, data
        assert rendered(data, labels[data].textFormat()) == data
    # The real instruction is still there, in its own words, and nothing of the data is rendered.
    assert any(text.startswith("This bundle comes from a PC this centre has not enrolled.") for text in labels)
    survey = Survey()
    survey.walk("EnrollDeviceDialog", dialog)
    survey.walk("ImportScreen", screen)
    survey.assert_shown_as_text()
    dialog.reject()
    qtbot.waitUntil(lambda: not screen.busy, timeout=30000)


def test_a_file_name_with_lt_does_not_switch_the_import_screen_to_rich_text(hostile_centre, qtbot):
    from gui.screens.import_screen import ImportResultsModel, ImportScreen

    screen = on_screen(qtbot, ImportScreen(hostile_centre.clerk))
    damaged = hostile_centre.usb / ("damaged " + HOSTILE_FILE)
    screen.import_paths([damaged])
    qtbot.waitUntil(lambda: not screen.busy and screen.model.rowCount() == 1, timeout=30000)
    screen.table.selectRow(0)
    for label in (screen.summary, screen.details):
        assert label.textFormat() == Qt.TextFormat.PlainText
    assert damaged.name in screen.details.text()
    reason = screen.model.index(0, ImportResultsModel.REASON)
    assert damaged.name in reason.data()
    tooltip = reason.data(Qt.ItemDataRole.ToolTipRole)
    assert rendered(tooltip, Qt.TextFormat.AutoText) == reason.data()  # the reason, word for word


def test_a_hostile_pc_name_cannot_hide_the_revoke_warning(qtbot, tmp_path):
    # An enrolled PC whose name opens an HTML comment: as rich text, the warning after it vanished.
    from gui.screens.devices_screen import DevicesScreen

    name = "<b>Quetta DPO</b><!--"
    folder = tmp_path / "world"
    clerk = sign_in(make_centre(folder), "clara")
    admin = sign_in(make_district(folder, "QUETTA", device_name=name), "admin")
    try:
        link(clerk, admin, folder)
        screen = on_screen(qtbot, DevicesScreen(clerk))
        quetta = [row["district"] for row in screen.districts.rows].index("QUETTA")
        screen.districts_table.selectRow(quetta)
        screen.ask_revoke()
        box = screen.revoke_box
        assert box.isVisible() and box.textFormat() == Qt.TextFormat.PlainText
        shown = rendered(box.text(), box.textFormat())
        assert shown.startswith(f"Revoke {name}? Its later bundles will be refused;")
        assert "lost, stolen or replaced" in shown
        box.reject()
    finally:
        admin.close()
        clerk.close()


def test_a_comment_renders_in_no_tooltip_of_the_audit_log_or_the_quarantine(hostile_centre, qtbot):
    from gui.screens.audit_screen import AuditModel, AuditScreen
    from gui.screens.review_screen import QuarantineModel, ReviewScreen

    audit = on_screen(qtbot, AuditScreen(hostile_centre.clerk))
    audit.refresh()
    after = [audit.model.index(row, AuditModel.AFTER) for row in range(audit.model.rowCount())]
    hostile = [index for index in after if MARK in (audit.model.rows[index.row()]["after"] or "")]
    assert hostile
    for index in hostile:
        tooltip = index.data(Qt.ItemDataRole.ToolTipRole)
        assert rendered(tooltip, Qt.TextFormat.AutoText) == audit.model.rows[index.row()]["after"]
    review = on_screen(qtbot, ReviewScreen(hostile_centre.clerk))
    model = review.quarantine_model
    reasons = model.index(0, QuarantineModel.REASONS)
    assert MARK in reasons.data()
    assert rendered(reasons.data(Qt.ItemDataRole.ToolTipRole), Qt.TextFormat.AutoText) == reasons.data()
    record = model.index(0, QuarantineModel.KIND).data(Qt.ItemDataRole.ToolTipRole)
    assert MARK in rendered(record, Qt.TextFormat.AutoText) and '"comment"' in rendered(record, Qt.TextFormat.AutoText)


def survey_modal_dialogs(qtbot, survey: Survey):
    """Each modal dialog opened by what follows (a static QInputDialog.getText too) is surveyed, then
    cancelled; returns the timer that does it."""
    from PySide6.QtCore import QTimer

    def look() -> None:
        modal = QApplication.activeModalWidget()
        if isinstance(modal, QDialog) and modal.isVisible():
            survey.walk(type(modal).__name__, modal)
            modal.reject()

    timer = QTimer()
    timer.setInterval(50)
    timer.timeout.connect(look)
    timer.start()
    return timer


def test_the_remove_question_and_the_password_prompt_name_a_user_as_text(supervisor, qtbot):
    from gui.screens.users_screen import UsersScreen

    add_user(supervisor, HOSTILE_USER, "operator", SUPERVISOR_PASSWORD)
    screen = on_screen(qtbot, UsersScreen(supervisor))
    screen.refresh()
    screen.table.selectRow(next(row for row, user in enumerate(screen.model.rows) if user["name"] == HOSTILE_USER))
    survey = Survey()
    timer = survey_modal_dialogs(qtbot, survey)
    screen.remove()
    screen.reset_password()
    timer.stop()
    assert {"QMessageBox", "QInputDialog"} <= survey.places(), survey.places()
    survey.assert_shown_as_text()


# -- the rule, and that it is the only way labels, questions and prompts are made ---------------------------


def test_the_helpers_show_data_as_written(qtbot):
    from gui.widgets.plain import html_fill, input_dialog, message_box, plain_label, plain_tooltip, rich_label

    label = plain_label(HOSTILE)
    label.setText("&lt; " + HOSTILE)  # set again later: still plain
    assert label.textFormat() == Qt.TextFormat.PlainText and problem(label.text(), label.textFormat()) is None
    for text in (HOSTILE, HOSTILE_FILE, "a & b", "two  spaces\nand\n\na gap", '{"comment": "<b>X</b>"}'):
        tooltip = plain_tooltip(text)
        assert GuiQt.mightBeRichText(tooltip) and rendered(tooltip, Qt.TextFormat.AutoText) == text
    assert plain_tooltip("") == plain_tooltip(None) == ""
    rich = rich_label(html_fill("Saved <b>{name}</b> ({n:,} rows)", name=HOSTILE, n=1234))
    assert rich.textFormat() == Qt.TextFormat.RichText
    assert rendered(rich.text(), rich.textFormat()) == f"Saved {HOSTILE} (1,234 rows)"
    box = message_box(QMessageBox.Icon.Warning, "Title", HOSTILE)
    assert box.textFormat() == Qt.TextFormat.PlainText and box.text() == HOSTILE
    dialog = input_dialog(None, "Title", f"New password for {HOSTILE_USER}:")
    assert [label.textFormat() for label in dialog.findChildren(QLabel)] == [Qt.TextFormat.PlainText]
    for widget in (label, rich, box, dialog):
        widget.deleteLater()


GUI = Path(__file__).resolve().parent.parent / "gui"
# Made only in gui/widgets/plain.py: a bare QLabel, QMessageBox or QInputDialog guesses rich text, and
# a label is made rich there or nowhere.
MADE_ELSEWHERE = re.compile(r"\bQLabel\(|\bQMessageBox\(|QMessageBox\.(?:information|warning|critical|question)\("
                            r"|\bQInputDialog\(|QInputDialog\.get\w+\(|setTextFormat\((?!Qt\.TextFormat\.PlainText)")
# A widget's tooltip is our literal, or plain_tooltip of what holds data.
TOOLTIP = re.compile(r"setToolTip\((?!self\.tr\(|plain_tooltip\()")


def test_labels_questions_and_prompts_are_made_only_by_the_plain_text_helper():
    found = []
    for path in sorted(GUI.rglob("*.py")):
        if path == GUI / "widgets" / "plain.py":
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if MADE_ELSEWHERE.search(line) or TOOLTIP.search(line):
                found.append(f"{path.relative_to(GUI.parent)}:{number}: {line.strip()}")
    assert not found, "use gui.widgets.plain (plain_label, rich_label, message_box, input_dialog, " \
                      "plain_tooltip):\n" + "\n".join(found)
    # The control: the patterns find what they are for.
    assert MADE_ELSEWHERE.search("note = QLabel(name)") and MADE_ELSEWHERE.search("QInputDialog.getText(self, t, p)")
    assert MADE_ELSEWHERE.search("label.setTextFormat(Qt.TextFormat.RichText)")
    assert TOOLTIP.search("widget.setToolTip(reason)") and not TOOLTIP.search("w.setToolTip(plain_tooltip(reason))")
