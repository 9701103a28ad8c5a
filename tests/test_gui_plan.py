"""The centre's Action Plan screen, offscreen, on a real encrypted centre database: the example framework's
activities with their latest status, and the clerk's progress dialog (refused with every rule's words, then
recorded and kept in the history)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate

from gui.screens.plan_screen import ActivitiesModel, PlanScreen
from storage.records.plan import progress_history, record_progress, save_framework
from storage.tools.plan_example import ACTIVITIES, example_framework
from tests.conftest import on_screen
from tests.gui_fixtures import no_task_outlives_its_test  # noqa: F401  (an autouse fixture)
from tests.templates import sign_in


def test_without_a_framework_the_screen_says_how_to_load_one(qtbot, clerk):
    screen = on_screen(qtbot, PlanScreen(clerk))
    assert screen.activities.rowCount() == 0
    assert screen.example.text().startswith("No results framework is loaded.")
    assert not screen.progress_button.isEnabled()


def test_the_clerk_records_progress_from_the_screen(qtbot, clerk):
    save_framework(clerk, example_framework())
    yesterday = dt.date.today() - dt.timedelta(days=1)
    record_progress(clerk, "A1.2.3", "delayed", 20, yesterday - dt.timedelta(days=30), "Awaiting signature")
    screen = on_screen(qtbot, PlanScreen(clerk))
    assert screen.example.text() == "An EXAMPLE framework: replace it with the approved Action Plan."
    model = screen.activities
    assert [model.rows[row]["code"] for row in range(model.rowCount())] == [code for code, *_ in ACTIVITIES]
    row = [activity["code"] for activity in model.rows].index("A1.2.3")
    assert model.index(row, ActivitiesModel.STATUS).data() == "delayed"
    assert model.index(row, ActivitiesModel.PERCENT).data() == "20"
    screen.choose("A1.2.3")
    screen.open_progress()
    dialog = screen.dialog
    dialog.status.setCurrentIndex(dialog.status.findData("done"))
    dialog.percent.setValue(90)
    dialog.day.setDate(QDate(yesterday.year, yesterday.month, yesterday.day))
    dialog.save()
    assert dialog.result.text().splitlines() == [
        "2 problem(s) in the activity's progress; nothing was saved.",
        "An activity that is done is 100% done, not 90%. Give 100, or choose another status.",
        "An activity marked done needs evidence: say what shows it (a notification, a report, a visit)."]
    assert len(progress_history(clerk, "A1.2.3")) == 1
    dialog.percent.setValue(100)
    dialog.evidence.setPlainText("Referral agreement signed")
    dialog.save()
    assert [(entry["status"], entry["percent"], entry["as_of"], entry["evidence"])
            for entry in progress_history(clerk, "A1.2.3")][-1] == ("done", 100, yesterday.isoformat(),
                                                                    "Referral agreement signed")
    assert model.index(row, ActivitiesModel.STATUS).data() == "done"
    assert screen.result.text() == "Recorded the progress of A1.2.3; it is kept in its history."


def test_the_admin_sees_the_activities_but_records_nothing(qtbot, centre_db):
    clerk = sign_in(centre_db, "clara")
    save_framework(clerk, example_framework())
    clerk.close()
    admin = sign_in(centre_db, "admin")
    try:
        screen = on_screen(qtbot, PlanScreen(admin))
        assert screen.activities.rowCount() == len(ACTIVITIES)
        assert not screen.progress_button.isVisibleTo(screen)
    finally:
        admin.close()
