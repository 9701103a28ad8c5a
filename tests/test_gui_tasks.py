"""gui.tasks: results reach their owner on the GUI thread, or are dropped once the owner is deleted."""

from __future__ import annotations

import threading

import shiboken6
from PySide6.QtCore import QObject

from gui.tasks import run_task, run_with_own_connection
from tests.gui_fixtures import no_task_outlives_its_test  # noqa: F401  (an autouse fixture)


def test_the_result_and_progress_reach_a_living_owner_on_the_gui_thread(qtbot):
    owner = QObject()
    done: list = []
    reports: list = []

    def work(report) -> str:
        report(1, 2)
        report(2, 2)
        return threading.current_thread().name

    run_task(work, lambda result, error: done.append((result, error, threading.current_thread())),
             lambda *arguments: reports.append(arguments), owner=owner)
    qtbot.waitUntil(lambda: bool(done), timeout=5000)
    worker_thread, error, delivered_on = done[0]
    assert error is None and worker_thread != threading.main_thread().name
    assert delivered_on is threading.main_thread()
    assert reports == [(1, 2), (2, 2)]


def test_an_error_is_delivered_not_raised(qtbot):
    done: list = []

    def fail() -> None:
        raise ValueError("broken")

    run_task(fail, lambda result, error: done.append((result, error)))
    qtbot.waitUntil(lambda: bool(done), timeout=5000)
    assert done[0][0] is None and isinstance(done[0][1], ValueError)


def test_a_result_for_a_deleted_owner_is_dropped_and_released(qtbot):
    parent = QObject()
    owner = QObject(parent)  # owned by C++: deleting the parent deletes it, the Python wrapper stays
    started, release = threading.Event(), threading.Event()
    done: list = []
    reports: list = []
    dropped: list = []

    def work(report) -> str:
        started.set()
        release.wait(5)
        report(1, 1)
        return "staged files"

    run_task(work, lambda result, error: done.append(result), lambda *arguments: reports.append(arguments),
             owner=owner, on_dropped=dropped.append)
    assert started.wait(5)
    parent.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(owner), timeout=5000)
    release.set()
    qtbot.waitUntil(lambda: bool(dropped), timeout=5000)
    assert dropped == ["staged files"] and done == [] and reports == []


def test_work_on_the_database_gets_a_connection_of_its_own(qtbot, supervisor):
    owner = QObject()
    done: list = []

    def query(worker) -> tuple:
        return worker is not supervisor, worker.user, worker.db.execute("SELECT count(*) FROM users").fetchone()[0]

    run_with_own_connection(supervisor, query, lambda result, error: done.append((result, error)), owner=owner)
    qtbot.waitUntil(lambda: bool(done), timeout=5000)
    assert done == [((True, "sana", 3), None)]

