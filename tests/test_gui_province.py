"""The centre's home screen (issue 15): per district, each institution's status for the year as the progress
report judges it, how recent its last bundle is, and its data sets in approval. Real databases, a real
bundle, the model tested beside the screen."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from gui.screens.province_screen import ProvinceModel, ProvinceScreen
from storage.core.clock import today
from storage.records.targets import set_target
from storage.reports.build import progress_report
from storage.reports.province import province_overview
from storage.views.entry_sheet import submit_sheet
from sync.importer import import_bundles
from tests.conftest import on_screen
from tests.gui_fixtures import no_task_outlives_its_test  # noqa: F401  (an autouse fixture)
from tests.sync_helpers import add_values, export_to, last_month, make_pair


@pytest.fixture
def pair(tmp_path: Path):
    linked = make_pair(tmp_path / "pair")
    yield linked
    linked.close()


def test_the_province_screen_shows_status_bundles_and_the_approval_queue(qtbot, pair, tmp_path):
    year = today().year
    months_ended = int(last_month()[5:])  # the year's months ended by today: a flow's target is pro-rated to them
    # CRT-02 (cases decided, a monthly flow where higher is better): 30 in one month against a yearly 36.
    add_values(pair.supervisor, {"CRT-02": 30, "PRO-01": 41})
    set_target(pair.supervisor, "CRT-02", "QUETTA", year, 36)
    submit_sheet(pair.supervisor, "QUETTA", "prosecution", last_month())
    [outcome] = import_bundles(pair.clerk, [export_to(pair.supervisor, tmp_path / "usb")])
    assert outcome.status == "imported"

    expected_ratio = 30 / (36 * months_ended / 12)
    expected = "on track" if expected_ratio >= 1 else "at risk" if expected_ratio >= 0.8 else "off track"
    [quetta] = [s for s in province_overview(pair.clerk, year) if s.district == "QUETTA"]
    assert quetta.statuses["courts"] == expected  # hand-computed from the pro-rated target
    summary = next(t.frame for t in progress_report(pair.clerk, year).tables if t.caption == "Districts and institutions")
    reported = {row.institution: row.status if isinstance(row.status, str) else None
                for row in summary.itertuples(index=False) if row.district == "QUETTA"}
    names = pair.clerk.catalogue.institutions
    assert {names[code].name: status for code, status in quetta.statuses.items()} == reported  # one judgement
    assert "prosecution" not in quetta.statuses or quetta.statuses["prosecution"] is None  # PRO-01 has no direction
    assert dict(quetta.approvals) == {"submitted": 1}

    screen = on_screen(qtbot, ProvinceScreen(pair.clerk))
    qtbot.waitUntil(lambda: not screen.loading, timeout=10000)
    model: ProvinceModel = screen.model
    row = next(r for r, standing in enumerate(model.rows) if standing.district == "QUETTA")
    courts = model.first_institution + model.institutions.index("courts")
    assert model.index(row, courts).data() == expected
    assert model.index(row, courts).data(Qt.ItemDataRole.BackgroundRole) is not None  # coloured as on paper
    assert model.index(row, model.LAST_BUNDLE).data() == "today"
    assert model.index(row, model.WAITING).data() == "1"
    zhob = next(r for r, standing in enumerate(model.rows) if standing.district == "ZHOB")
    assert model.index(zhob, model.LAST_BUNDLE).data() == "never"
    # Sorted by what waits for the centre, the district with a submission comes first.
    screen.table.sortByColumn(model.WAITING, Qt.SortOrder.DescendingOrder)
    assert screen.proxy.index(0, model.DISTRICT).data() == model.index(row, model.DISTRICT).data()
    if os.environ.get("MIZAN_SCREENSHOTS"):
        screen.grab().save(str(Path(os.environ["MIZAN_SCREENSHOTS"]) / "centre-province.png"))


def test_a_district_office_has_no_province_screen(qtbot, pair):
    from gui.app import sidebar_screens
    from gui.main_window import MainWindow

    district = MainWindow(pair.supervisor, sidebar_screens())
    qtbot.addWidget(district)
    assert "Province" not in district.screen_titles()
    centre = MainWindow(pair.clerk, sidebar_screens())
    qtbot.addWidget(centre)
    assert centre.screen_titles()[0] == "Province"


def test_the_province_screen_lists_the_activities_due_and_late(qtbot, clerk):
    import datetime as dt

    from storage.records.plan import record_progress, save_framework
    from storage.reports.province import activities_due
    from storage.tools.plan_example import example_framework

    framework = example_framework()
    save_framework(clerk, framework)
    activities = {item.code: item for item in framework.items if item.level == "activity"}
    first, *_ = sorted(activities.values(), key=lambda item: item.due)
    record_progress(clerk, first.code, "done", 100, "2026-01-10", "Finished")
    on = dt.date(2026, 12, 5)
    due = activities_due(clerk, on)
    quarter_end = "2026-12-31"
    expected = sorted((code for code, item in activities.items() if item.due <= quarter_end and code != first.code),
                      key=lambda code: (-max((on - dt.date.fromisoformat(activities[code].due)).days, 0),
                                        activities[code].due, code))
    assert [activity["code"] for activity in due] == expected  # late first, a done one left out
    late = due[0]
    assert late["days_late"] == (on - dt.date.fromisoformat(late["due_date"])).days > 0

    screen = on_screen(qtbot, ProvinceScreen(clerk))
    qtbot.waitUntil(lambda: not screen.loading, timeout=10000)
    model = screen.activities
    assert model.rowCount() == len(activities_due(clerk)) > 0
    assert model.index(0, model.STATUS).data() in ("not started", "on track", "delayed")
    assert int(model.index(0, model.LATE).data()) > 0  # the latest is first
