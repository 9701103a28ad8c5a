"""The desk case form, with real Qt offscreen and real encrypted databases: values typed and clicked in
come back from ``get_desk_case`` exactly, the engine's messages show beside their inputs, and the GBV
classification questions are asked in order.

Set ``MIZAN_SCREENSHOTS=1`` to also write docs/screenshots/case-form-<tab>.png.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QSettings, Qt
from PySide6.QtWidgets import QApplication, QDialog, QStyle

from gui.screens.desk_register.case_form.dialog import CaseFormDialog
from gui.settings import Settings, apply_font_size
from storage.core.roles import allowed
from storage.records.desk import get_desk_case, save_desk_case
from tests.conftest import table_counts
from tests.gui_fixtures import no_task_outlives_its_test  # noqa: F401  (an autouse fixture)

TODAY = dt.date.today()
REPORT = TODAY - dt.timedelta(days=1)
INCIDENT = TODAY - dt.timedelta(days=3)
FOLLOWUP = TODAY + dt.timedelta(days=7)
CONSENT_MESSAGE = "The client's answer on consent to services is not recorded. Ask the client and record yes or no."


def qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def open_form(qtbot, session, case_uuid: str | None = None) -> CaseFormDialog:
    dialog = CaseFormDialog(session, case_uuid)
    qtbot.addWidget(dialog)
    return dialog


def click_answers(dialog: CaseFormDialog, answers: str) -> None:
    for letter in answers:
        (dialog.classification.yes_button if letter == "y" else dialog.classification.no_button).click()


def fill(dialog: CaseFormDialog, *, consent_services: bool | None = True) -> None:
    """A realistic physical-assault case: every tab filled the way a desk officer would."""
    dialog.desk.setCurrentIndex(dialog.desk.findData("QTA-CITY"))
    dialog.client_code.setText("QC-014")
    dialog.client_sex.set_value("female")
    dialog.client_age.setValue(27)
    dialog.age_estimated.setChecked(True)
    dialog.disability.set_value(0)
    dialog.displacement.set_value("flood_affected")
    dialog.report_date.setDate(qdate(REPORT))
    dialog.incident_date.none.setChecked(False)
    dialog.incident_date.date.setDate(qdate(INCIDENT))
    dialog.time_of_day.set_value("evening_night")
    dialog.location_type.set_value("home_of_client")
    dialog.incident_district.set_value("QUETTA")
    dialog.previous_incidents.set_value(1)
    click_answers(dialog, "nny")
    dialog.add_perpetrator_button.click()
    row = dialog.perpetrator_rows[-1]
    row["relationship"].set_value("intimate_partner")
    row["sex"].set_value("male")
    row["age_group"].set_value("26-40")
    fir = dialog.service_rows["fir"]
    fir["status"].set_value("provided")
    fir["date"].none.setChecked(False)
    fir["date"].date.setDate(qdate(REPORT))
    fir["fir_number"].setText("112/2026")
    legal_aid = dialog.service_rows["legal_aid"]
    legal_aid["status"].set_value("referred")
    legal_aid["date"].none.setChecked(False)
    legal_aid["date"].date.setDate(qdate(REPORT))
    dialog.service_rows["shelter"]["status"].set_value("declined")
    if consent_services is not None:
        dialog.consent_services.button(int(consent_services)).click()
    dialog.consent_reporting.button(1).click()
    dialog.followup_date.none.setChecked(False)
    dialog.followup_date.date.setDate(qdate(FOLLOWUP))
    dialog.handling_officer.setText("ASI Rukhsana Bibi")
    dialog.notes.setPlainText("Client came with her sister. Injuries to the arm; referred for legal aid.")
    if dialog.identity_tab is not None:
        dialog.identity_inputs["name"].setText("Shazia")
        dialog.identity_inputs["guardian_name"].setText("Abdul Karim (husband)")
        dialog.identity_inputs["cnic"].setText("54400-1234567-2")
        dialog.identity_inputs["phone"].setText("0300-1234567")
        dialog.identity_inputs["address"].setText("House 12, Street 4, Sariab Road, Quetta")


def test_a_case_entered_through_the_form_is_saved_exactly(qtbot, supervisor):
    dialog = open_form(qtbot, supervisor)
    assert dialog.report_date.date() == QDate.currentDate()  # a new case is reported today unless changed
    assert dialog.incident_district.value() == "QUETTA"  # the installation's district
    fill(dialog)
    assert dialog.gbv_type() == "physical_assault"
    assert dialog.classification.type_label.text() == "Type: Physical assault"
    started = time.perf_counter()
    dialog.save_button.click()
    elapsed = time.perf_counter() - started
    assert dialog.result() == QDialog.DialogCode.Accepted, dialog.summary_messages()
    assert elapsed < 1.0  # measured at a few milliseconds: saving stays on the GUI thread

    case = get_desk_case(supervisor, dialog.saved_uuid)
    expected = {
        "case_number": f"QTA-CITY-{REPORT.year}-0001", "desk": "QTA-CITY", "district": "QUETTA",
        "report_date": REPORT.isoformat(), "incident_date": INCIDENT.isoformat(), "time_of_day": "evening_night",
        "location_type": "home_of_client", "incident_district": "QUETTA", "client_code": "QC-014",
        "client_sex": "female", "client_age": 27, "client_age_group": "adult", "age_estimated": 1, "disability": 0,
        "displacement": "flood_affected", "classification_answers": "nny", "gbv_type": "physical_assault",
        "non_gbv_complaint": None, "previous_incidents": 1, "consent_services": 1, "consent_reporting": 1,
        "status": "open", "followup_date": FOLLOWUP.isoformat(), "closing_reason": None,
        "handling_officer": "ASI Rukhsana Bibi",
        "notes": "Client came with her sister. Injuries to the arm; referred for legal aid.",
    }
    assert {name: case[name] for name in expected} == expected
    assert [{k: p[k] for k in ("relationship", "sex", "age_group")} for p in case["perpetrators"]] == [
        {"relationship": "intimate_partner", "sex": "male", "age_group": "26-40"}]
    assert sorted((s["service"], s["status"], s["date"], s["fir_number"]) for s in case["services"]) == [
        ("fir", "provided", REPORT.isoformat(), "112/2026"),
        ("legal_aid", "referred", REPORT.isoformat(), None),
        ("shelter", "declined", None, None),
    ]
    assert case["identity"] == {"name": "Shazia", "guardian_name": "Abdul Karim (husband)",
                                "cnic": "54400-1234567-2", "phone": "0300-1234567",
                                "address": "House 12, Street 4, Sariab Road, Quetta"}
    assert case["case_context"] == ["intimate_partner_violence"]
    assert case["elapsed_bucket"] == "0-3 days"


def test_the_questions_are_asked_in_order_and_the_first_yes_stops_them(qtbot, operator):
    dialog = open_form(qtbot, operator)
    assert dialog.classification.current_question() == 0
    assert dialog.classification.question.text() == "Was there any penetration?"
    assert dialog.classification.question_number.text() == "Question 1 of 6"
    dialog.classification.yes_button.click()
    assert dialog.gbv_type() == "rape" and dialog.classification.answers == "y"
    assert dialog.classification.type_label.text() == "Type: Rape"
    # The later questions are not asked: the buttons are gone and a further click changes nothing.
    assert dialog.classification.current_question() is None
    assert dialog.classification.yes_button.isHidden() and not dialog.classification.no_button.isEnabled()
    dialog.classification.no_button.click()
    dialog.classification.answer("n")
    assert dialog.classification.answers == "y" and dialog.gbv_type() == "rape"
    assert dialog.values()[0]["gbv_type"] == "rape"

    dialog.classification.restart_button.click()
    assert dialog.classification.answers == "" and dialog.classification.current_question() == 0 and dialog.gbv_type() is None
    click_answers(dialog, "nn")
    assert dialog.classification.current_question() == 2 and dialog.classification.question.text() == "Was there physical violence?"
    assert dialog.classification.complaint_row.isHidden()
    click_answers(dialog, "nnnn")
    assert dialog.gbv_type() == "non_gbv"
    assert dialog.classification.type_label.text() == "Type: Not gender-based violence"
    assert not dialog.classification.complaint_row.isHidden()  # after six "no", the kind of complaint is asked


def test_a_missing_consent_shows_the_engine_message_beside_it_and_writes_nothing(qtbot, supervisor):
    dialog = open_form(qtbot, supervisor)
    assert dialog.consent_services.checkedId() == -1 and dialog.consent_reporting.checkedId() == -1
    fill(dialog, consent_services=None)
    before = table_counts(supervisor)
    dialog.save_button.click()
    assert table_counts(supervisor) == before
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.saved_uuid is None
    assert dialog.error_text("consent_services") == CONSENT_MESSAGE
    assert dialog.summary_messages() == [CONSENT_MESSAGE]
    assert dialog.tabs.currentWidget() is dialog.consent_tab  # the form goes to the problem
    assert warned_tabs(dialog) == ["&5 Consent"]

    dialog.consent_services.button(1).click()
    dialog.save_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert get_desk_case(supervisor, dialog.saved_uuid)["consent_services"] == 1


def test_engine_messages_go_to_their_tabs(qtbot, supervisor):
    dialog = open_form(qtbot, supervisor)
    dialog.service_rows["medico_legal"]["status"].set_value("referred")  # referred needs a date
    dialog.status.set_value("closed")
    assert dialog.closing_reason.isEnabled()
    before = table_counts(supervisor)
    dialog.save_button.click()
    assert table_counts(supervisor) == before
    assert dialog.desk.currentData() is None  # several desks: the user chooses one
    assert dialog.error_text("desk") == "The desk is required. Fill it in."
    assert dialog.error_text("client_code") == "The client code is required. Fill it in."
    assert dialog.error_text("gbv_type") == "The GBV type is required. Fill it in."
    assert dialog.error_text("services") == (
        "The service 'medico_legal' is marked 'referred' but has no date. Add the date of the referral or service.")
    assert dialog.error_text("closing_reason") == "A closed case needs a closing reason. Choose why the case was closed."
    assert "The desk is required. Fill it in." in dialog.summary_messages()
    assert dialog.tabs.currentWidget() is dialog.client_tab  # the first problem is the client code
    # A line of the summary takes the user to its input.
    row = next(i for i, text in enumerate(dialog.summary_messages()) if text.startswith("A closed case"))
    dialog._go_to_issue(dialog.summary_list.item(row))
    assert dialog.tabs.currentWidget() is dialog.closing_tab
    dialog.status.set_value("open")
    assert not dialog.closing_reason.isEnabled()


def test_a_message_goes_once_its_input_is_corrected_and_comes_back_if_undone(qtbot, supervisor):
    """Issue 13: "The desk is required" stayed after a desk was chosen, until the next save. Each change asks
    the engine again (desk_case_issues, the check saving makes) about the problems on screen."""
    dialog = open_form(qtbot, supervisor)
    dialog.show()
    dialog.status.set_value("closed")
    dialog.save_button.click()
    desk_message, code_message = "The desk is required. Fill it in.", "The client code is required. Fill it in."
    reason_message = "A closed case needs a closing reason. Choose why the case was closed."
    assert dialog.error_text("desk") == desk_message and dialog.error_text("client_code") == code_message
    assert dialog.error_text("closing_reason") == reason_message
    shown = len(dialog.summary_messages())
    before = table_counts(supervisor)

    dialog.desk.setCurrentIndex(dialog.desk.findData("QTA-CITY"))
    assert dialog.error_text("desk") == "" and desk_message not in dialog.summary_messages()
    assert dialog.error_text("case_number") == ""  # a chosen desk and a report date give the number
    assert dialog.error_text("client_code") == code_message  # the other problems stay
    assert len(dialog.summary_messages()) == shown - 1
    assert dialog.summary_title.text() == f"Nothing was saved. Correct these problems ({shown - 1}):"
    assert dialog.tabs.currentWidget() is dialog.client_tab  # no jump while correcting

    dialog.desk.setCurrentIndex(0)  # "Choose the desk…" again: the engine still says so
    assert dialog.error_text("desk") == desk_message and desk_message in dialog.summary_messages()
    dialog.desk.setCurrentIndex(dialog.desk.findData("QTA-CITY"))

    dialog.client_code.setText("QC-7")
    assert dialog.error_text("client_code") == ""
    assert dialog.error_text("closing_reason") == reason_message
    dialog.status.set_value("open")  # another input solves it: it goes too
    assert dialog.error_text("closing_reason") == ""
    assert "&6 Closing" not in warned_tabs(dialog) and "&1 Client" in warned_tabs(dialog)  # the sex is missing
    dialog.consent_services.button(1).click()
    assert dialog.error_text("consent_services") == ""
    assert dialog.error_text("consent_reporting") != ""
    assert table_counts(supervisor) == before  # asking wrote nothing


def warned_tabs(dialog: CaseFormDialog) -> list[str]:
    """The names of the tabs that show the warning icon."""
    size = dialog.tabs.iconSize()
    warning = dialog.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(size).toImage()
    return [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())
            if dialog.tabs.tabIcon(i).pixmap(size).toImage() == warning]


def test_every_tab_name_is_whole_when_every_tab_has_a_warning(qtbot, supervisor, tmp_path):
    """Issue 13: once warning icons appeared the strip no longer fitted and the last tab was cut
    ("7 Identif..."). At the form's default size, with the application's font, every tab is whole and in view."""
    apply_font_size(QApplication.instance(), Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)))
    dialog = open_form(qtbot, supervisor)
    dialog.show()
    qtbot.waitExposed(dialog)
    default_size = dialog.size()
    assert default_size.width() <= 1366 and default_size.height() <= 768  # the office screen
    dialog.add_perpetrator_button.click()  # a line with nothing chosen
    dialog.service_rows["medico_legal"]["status"].set_value("referred")  # referred needs a date
    dialog.status.set_value("closed")  # closed needs a reason
    dialog.identity_inputs["cnic"].setText("12")
    dialog.save_button.click()
    qtbot.wait(20)
    bar = dialog.tabs.tabBar()
    assert len(warned_tabs(dialog)) == bar.count() == 7  # a problem on every tab
    assert dialog.size() == default_size
    for index in range(bar.count()):
        text = bar.tabText(index).replace("&", "")
        needed = bar.fontMetrics().horizontalAdvance(text) + bar.iconSize().width()
        rect = bar.tabRect(index)
        assert rect.width() >= needed, (text, rect.width(), needed)
        assert bar.rect().contains(rect), (text, rect, bar.rect())  # in view, not behind a scroll button
    assert bar.elideMode() == Qt.TextElideMode.ElideNone


@pytest.mark.parametrize("role", ["supervisor", "operator"])
def test_the_identity_tab_is_there_for_roles_that_may_see_identities(qtbot, request, role):
    session = request.getfixturevalue(role)
    assert allowed(session, "view_identities")
    dialog = open_form(qtbot, session)
    titles = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    assert dialog.identity_tab is not None and "&7 Identifying details" in titles
    # CNIC and phone stay left to right in a right-to-left layout; other inputs follow the layout.
    dialog.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    assert dialog.identity_inputs["cnic"].layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert dialog.identity_inputs["phone"].layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert dialog.identity_inputs["name"].layoutDirection() == Qt.LayoutDirection.RightToLeft


def test_the_centre_clerk_sees_a_de_identified_case_without_the_identity_tab(qtbot, tmp_path: Path):
    from sync.importer import import_bundles
    from tests.sync_helpers import add_desk_cases, export_to, make_pair

    pair = make_pair(tmp_path)
    try:
        (case_uuid,) = add_desk_cases(pair.supervisor, count=1)
        import_bundles(pair.clerk, [export_to(pair.supervisor, tmp_path / "out")])
        assert not allowed(pair.clerk, "view_identities") and allowed(pair.clerk, "view_cases")
        dialog = open_form(qtbot, pair.clerk, case_uuid)
        titles = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
        assert dialog.identity_tab is None and not any("Identifying" in title for title in titles)
        stored = get_desk_case(pair.supervisor, case_uuid)
        # At the centre the number carries the PC it came from (two PCs at one desk may reuse a number).
        assert dialog.case_number.text() == f"{stored['case_number']}@{pair.supervisor.device_id[:8]}"
        assert dialog.gbv_type() == "physical_assault"
        assert dialog.client_code.text() == get_desk_case(pair.clerk, case_uuid)["client_code"]  # as the centre has it
        assert dialog.save_button.isHidden()  # the clerk may see the case but not change it
        assert not dialog.client_code.isEnabled()
        # Disabled, but not greyed out: the clerk reads it (also under the application's style sheet).
        apply_font_size(QApplication.instance(), Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)))
        dialog.show()
        dialog.tabs.setCurrentIndex(0)
        dialog.client_code.ensurePolished()
        palette = dialog.client_code.palette()
        assert (palette.color(palette.ColorGroup.Disabled, palette.ColorRole.Text)
                == dialog.palette().color(palette.ColorGroup.Active, palette.ColorRole.Text))
        before = table_counts(pair.clerk)
        dialog.save()
        assert table_counts(pair.clerk) == before
        dialog.show()
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # nothing the clerk could change: no question
        assert dialog.discard_box is None and not dialog.isVisible()
    finally:
        pair.close()


def test_editing_a_case_keeps_its_number_and_updates_its_fields(qtbot, supervisor):
    case_uuid = save_desk_case(
        supervisor,
        {"desk": "QTA-CITY", "report_date": REPORT.isoformat(), "client_code": "QC-020", "client_sex": "female",
         "client_age": 15, "classification_answers": "nnny", "gbv_type": "forced_marriage",
         "consent_services": True, "consent_reporting": False},
        perpetrators=[{"relationship": "family_member", "sex": "male", "age_group": "41-60"}],
        identity={"name": "Mahnoor", "cnic": "54400-7654321-1"})
    number = get_desk_case(supervisor, case_uuid)["case_number"]
    dialog = open_form(qtbot, supervisor, case_uuid)
    assert dialog.case_number.text() == number and not dialog.desk.isEnabled()
    assert dialog.classification.answers == "nnny" and dialog.classification.type_label.text() == "Type: Forced marriage"
    assert dialog.classification.current_question() is None
    assert dialog.incident_date.value() is None and dialog.elapsed.text() == "unknown (no incident date)"
    assert dialog.case_context.text() == "Early marriage"
    assert dialog.consent_reporting.checkedId() == 0
    assert dialog.identity_inputs["cnic"].text() == "54400-7654321-1"
    perpetrator_uuid = dialog.perpetrator_rows[0]["uuid"]

    dialog.client_code.setText("QC-020B")
    dialog.client_age.setValue(16)
    dialog.status.set_value("closed")
    dialog.closing_reason.set_value("needs_met")
    dialog.consent_reporting.button(1).click()
    dialog.service_rows["psychosocial"]["status"].set_value("not_applicable")
    dialog.identity_inputs["phone"].setText("0300 1234567")
    dialog.save_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted, dialog.summary_messages()
    assert dialog.saved_uuid == case_uuid

    case = get_desk_case(supervisor, case_uuid)
    assert case["case_number"] == number
    assert (case["client_code"], case["client_age"], case["status"], case["closing_reason"],
            case["consent_reporting"]) == ("QC-020B", 16, "closed", "needs_met", 1)
    assert [p["uuid"] for p in case["perpetrators"]] == [perpetrator_uuid]  # the same perpetrator, kept
    assert [(s["service"], s["status"]) for s in case["services"]] == [("psychosocial", "not_applicable")]
    assert case["identity"]["phone"] == "0300-1234567" and case["identity"]["name"] == "Mahnoor"  # kept in its written form (issue 13)
    assert supervisor.db.execute("SELECT count(*) FROM desk_cases").fetchone()[0] == 1


def test_perpetrator_lines_are_added_and_removed(qtbot, operator):
    dialog = open_form(qtbot, operator)
    dialog.add_perpetrator_button.click()
    dialog.add_perpetrator_button.click()
    assert dialog.perpetrators.rowCount() == 2 and len(dialog.perpetrator_rows) == 2
    dialog.perpetrators.selectRow(0)
    dialog.remove_perpetrator_button.click()
    assert dialog.perpetrators.rowCount() == 1 and len(dialog.values()[1]) == 1


# -- screenshots ----------------------------------------------------------------------------------------

SCREENSHOT_NAMES = ("client", "incident", "perpetrators", "services", "consent", "closing", "identity")


@pytest.mark.skipif(not os.environ.get("MIZAN_SCREENSHOTS"), reason="set MIZAN_SCREENSHOTS=1 to refresh docs")
def test_screenshots_of_each_tab(qtbot, supervisor):
    dialog = open_form(qtbot, supervisor)
    fill(dialog)
    dialog.add_perpetrator_button.click()
    row = dialog.perpetrator_rows[-1]
    row["relationship"].set_value("family_member")
    row["sex"].set_value("female")
    row["age_group"].set_value("41-60")
    dialog.resize(1100, 700)
    dialog.show()
    folder = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    for index, name in enumerate(SCREENSHOT_NAMES):
        dialog.tabs.setCurrentIndex(index)
        qtbot.wait(50)
        assert dialog.grab().save(str(folder / f"case-form-{name}.png"))
    # The problems view, from a second form with the consent left unanswered.
    problems = open_form(qtbot, supervisor)
    fill(problems, consent_services=None)
    problems.resize(1100, 700)
    problems.show()
    problems.save_button.click()
    qtbot.wait(50)
    assert problems.grab().save(str(folder / "case-form-problems.png"))
    # A form saved with almost nothing filled in: a warning on nearly every tab, every tab name whole.
    warnings = open_form(qtbot, supervisor)
    warnings.show()
    warnings.status.set_value("closed")
    warnings.add_perpetrator_button.click()
    warnings.save_button.click()
    qtbot.wait(50)
    assert warnings.grab().save(str(folder / "case-form-warnings.png"))


def test_escape_with_unsaved_changes_asks_before_discarding(qtbot, supervisor):
    counts = table_counts(supervisor)
    dialog = open_form(qtbot, supervisor)
    dialog.show()
    assert not dialog.has_unsaved_changes()
    dialog.client_code.setText("QC-099")
    assert dialog.has_unsaved_changes()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    box = dialog.discard_box
    assert box is not None and box.isVisible()
    assert box.text() == "This case has changes that are not saved. Discard them?"
    qtbot.keyClick(box, Qt.Key.Key_Escape)  # Escape on the question keeps the work
    assert dialog.isVisible() and dialog.client_code.text() == "QC-099"
    dialog.close()  # the window's close button asks too
    box = dialog.discard_box
    assert box.isVisible() and dialog.isVisible()
    next(button for button in box.buttons() if button.text() == "&Discard changes").click()
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected
    assert table_counts(supervisor) == counts

