"""Issue 12, item 8: one writer at a time per database, between real processes.

A restore while Mizan was open elsewhere on the PC renamed the database away under the open app, which
went on writing into the renamed ``.before-restore`` copy: its work was lost without a word. Now every
session holds ``<db>.lock`` (``storage.core.writer``); these tests open the "other Mizan" as a separate
Python process (``subprocess``) holding a real session, and drive it through its stdin.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import multiprocessing
import os
import re
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from gui.dialogs.login import LoginDialog
from gui.settings import Settings
from main import main
from storage.core.backup import backup_keep, backup_now, restore_backup, with_password
from storage.core.session import open_session
from storage.core.writer import read_holder, writer_lock_path
from storage.errors import DatabaseBusy
from tests.conftest import ADMIN_PASSWORD, SUPERVISOR_PASSWORD
from tests.gui_fixtures import no_task_outlives_its_test  # noqa: F401  (an autouse fixture)
from tests.templates import sign_in

ROOT = Path(__file__).resolve().parent.parent
BUSY = re.compile(r"^Mizan is open on this PC \(sana, since (\d{4}-\d\d-\d\d \d\d:\d\d)\): close it first\.$")

# The other Mizan: signs in with a password, then obeys one command per line.
OTHER_MIZAN = """
import sys, threading
sys.path.insert(0, sys.argv[1])
from sync import install_hooks
install_hooks()
from PySide6.QtCore import QSettings

from gui.dialogs.login import LoginDialog
from gui.settings import Settings
from storage.core.backup import set_backup_keep
from storage.core.session import open_session
session = open_session(sys.argv[2], sys.argv[3], sys.argv[4])
print("open", flush=True)
for line in sys.stdin:
    command, _, argument = line.strip().partition(" ")
    if command == "write":  # the app saves something
        set_backup_keep(session, int(argument))
        print("written", flush=True)
    elif command == "worker":  # a background task on a connection of its own (gui.tasks)
        def work():
            worker = session.worker_session()
            try:
                set_backup_keep(worker, int(argument))
            finally:
                worker.close()
        thread = threading.Thread(target=work)
        thread.start()
        thread.join()
        print("worker done", flush=True)
    elif command == "close":
        session.close()
        print("closed", flush=True)
"""


class OtherMizan:
    """Mizan signed in as ``user`` in a separate process."""

    def __init__(self, db: Path, user: str, password: str) -> None:
        self.process = subprocess.Popen([sys.executable, "-c", OTHER_MIZAN, str(ROOT), str(db), user, password],
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                        text=True)
        self.expect("open")

    def expect(self, answer: str) -> None:
        line = self.process.stdout.readline().strip()
        if line != answer:
            self.process.kill()
            raise AssertionError(f"the other Mizan said {line!r}, not {answer!r}: {self.process.stderr.read()}")

    def tell(self, command: str, answer: str) -> None:
        self.process.stdin.write(command + "\n")
        self.process.stdin.flush()
        self.expect(answer)

    def quit(self) -> None:
        if self.process.poll() is None:
            self.process.stdin.close()
            self.process.wait(timeout=30)
        self.process.stdout.close()
        self.process.stderr.close()


@pytest.fixture
def other_mizan(district_db: Path):
    started: list[OtherMizan] = []

    def start(user: str = "sana", password: str = SUPERVISOR_PASSWORD) -> OtherMizan:
        started.append(OtherMizan(district_db, user, password))
        return started[-1]

    yield start
    for other in started:
        if other.process.poll() is None:
            other.process.kill()
        other.quit()


def _assert_busy(error: DatabaseBusy, holder_pid: int) -> None:
    match = BUSY.match(str(error))
    assert match, str(error)
    since = dt.datetime.strptime(match.group(1), "%Y-%m-%d %H:%M")
    assert abs((dt.datetime.now() - since).total_seconds()) < 600
    assert error.holder["pid"] == holder_pid and error.holder["user"] == "sana"
    assert error.exit_code == 6


def test_a_second_mizan_is_refused_with_the_holder_named_and_may_open_once_it_closes(
        district_db, other_mizan, monkeypatch, capsys):
    other = other_mizan()
    with pytest.raises(DatabaseBusy) as refused:
        open_session(district_db, "admin", ADMIN_PASSWORD)
    _assert_busy(refused.value, other.process.pid)
    with pytest.raises(DatabaseBusy):
        sign_in(district_db, "omar")  # with the key itself, too

    # The CLI says the same and exits with 6 (README's table).
    monkeypatch.setenv("MIZAN_PASSWORD", SUPERVISOR_PASSWORD)
    capsys.readouterr()
    code = main(["--db", str(district_db), "--user", "sana", "backup", "keep", "5"])
    printed = capsys.readouterr()
    assert code == 6 and BUSY.match(printed.err.strip().splitlines()[-1]), printed

    # Released on close: the process is still running, its session is closed.
    other.tell("close", "closed")
    session = sign_in(district_db, "admin")
    try:
        assert read_holder(district_db)["pid"] == os.getpid()
    finally:
        session.close()


def test_restore_is_refused_while_mizan_is_open_elsewhere_so_no_work_goes_into_the_put_aside_file(
        district_db, other_mizan, tmp_path):
    with contextlib.closing(sign_in(district_db, "sana")) as session:
        backup = backup_now(session, tmp_path / "usb" / "quetta.zip").path
    other = other_mizan()
    other.tell("write 4", "written")
    folder_before = sorted(path.name for path in district_db.parent.iterdir())

    # Before: the restore renamed the database to .before-restore under the open app and swapped the
    # backup in; the app's next save (below) went into the renamed file and was lost from the database.
    with pytest.raises(DatabaseBusy) as refused:
        restore_backup(backup, district_db, with_password("sana", SUPERVISOR_PASSWORD))
    _assert_busy(refused.value, other.process.pid)
    assert sorted(path.name for path in district_db.parent.iterdir()) == folder_before  # nothing staged or kept

    other.tell("write 7", "written")  # the open app goes on saving
    other.tell("close", "closed")
    with contextlib.closing(sign_in(district_db, "sana")) as session:
        assert backup_keep(session.db) == 7  # its save is in the database, not in a put-aside copy

    # Once it is closed, the restore goes through (and rolls back to the backup's setting).
    _info, kept = restore_backup(backup, district_db, with_password("sana", SUPERVISOR_PASSWORD))
    assert kept is not None and kept.exists()
    with contextlib.closing(sign_in(district_db, "sana")) as session:
        assert backup_keep(session.db) != 7


def test_a_killed_holder_leaves_a_stale_lock_that_the_next_session_takes_over(district_db, other_mizan):
    other = other_mizan()
    stale = read_holder(district_db)
    assert stale["pid"] == other.process.pid and stale["user"] == "sana"
    other.process.kill()  # a crash, a power cut of the process: no close, no cleanup
    other.process.wait(timeout=30)
    assert writer_lock_path(district_db).exists()

    session = open_session(district_db, "admin", ADMIN_PASSWORD)
    try:
        taken = read_holder(district_db)
        assert taken["pid"] == os.getpid() and taken["user"] == "admin"
        # And now it is ours: a new process is refused naming admin.
        refused = subprocess.run(
            [sys.executable, "-c", OTHER_MIZAN, str(ROOT), str(district_db), "sana", SUPERVISOR_PASSWORD],
            input="", capture_output=True, text=True, timeout=120)
        assert refused.returncode != 0
        assert "DatabaseBusy: Mizan is open on this PC (admin, since " in refused.stderr
    finally:
        session.close()


def test_a_sessions_own_background_connection_works_and_does_not_release_the_lock(district_db, other_mizan):
    other = other_mizan()
    other.tell("worker 6", "worker done")  # its own worker connection is not refused by its own lock
    with pytest.raises(DatabaseBusy) as refused:  # and closing the worker did not give the lock away
        sign_in(district_db, "admin")
    _assert_busy(refused.value, other.process.pid)
    other.tell("close", "closed")

    # In this process too: the GUI's tasks open the same user's connection on a thread of their own.
    session = sign_in(district_db, "sana")
    try:
        done: list[int] = []

        def work() -> None:
            worker = session.worker_session()
            try:
                done.append(backup_keep(worker.db))
            finally:
                worker.close()

        thread = threading.Thread(target=work)
        thread.start()
        thread.join()
        assert done == [6]
        assert read_holder(district_db)["pid"] == os.getpid()
        check = subprocess.run(  # still held after the worker closed: another process is refused
            [sys.executable, "-c", OTHER_MIZAN, str(ROOT), str(district_db), "sana", SUPERVISOR_PASSWORD],
            input="", capture_output=True, text=True, timeout=120)
        assert "DatabaseBusy" in check.stderr
    finally:
        session.close()
    assert json.loads(writer_lock_path(district_db).read_bytes()[1:])["pid"] == os.getpid()  # the file stays


def test_a_second_gui_says_who_has_it_open_at_sign_in_and_signs_in_once_it_is_closed(
        qtbot, district_db, other_mizan, tmp_path):
    other = other_mizan()
    dialog = LoginDialog(district_db, Settings(QSettings(str(tmp_path / "mizan.ini"), QSettings.Format.IniFormat)))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.user_name.setText("admin")
    dialog.password.setText(ADMIN_PASSWORD)
    dialog.sign_in.click()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=30_000)
    assert BUSY.match(dialog.status.text()), dialog.status.text()
    assert dialog.session is None and dialog.isVisible()

    other.tell("close", "closed")
    dialog.password.setText(ADMIN_PASSWORD)
    dialog.sign_in.click()
    qtbot.waitUntil(lambda: dialog.session is not None, timeout=30_000)
    dialog.session.close()


def _open_in_child(db: str, answers) -> None:
    try:
        sign_in(Path(db), "omar").close()
    except DatabaseBusy as error:
        answers.put(("busy", error.holder.get("pid")))
    else:
        answers.put(("opened", None))


@pytest.mark.skipif(not hasattr(os, "fork"), reason="fork is POSIX's")
def test_a_forked_child_does_not_inherit_its_parents_hold(district_db):
    # A child made by fork copies the parent's memory, count of holds included; it is another process
    # and must be refused like any other.
    session = sign_in(district_db, "sana")
    try:
        context = multiprocessing.get_context("fork")
        answers = context.Queue()
        child = context.Process(target=_open_in_child, args=(str(district_db), answers))
        child.start()
        answer = answers.get(timeout=60)
        child.join(timeout=60)
        assert answer == ("busy", os.getpid())
        assert read_holder(district_db)["pid"] == os.getpid()  # the child's exit left the parent's lock
        check = subprocess.run(
            [sys.executable, "-c", OTHER_MIZAN, str(ROOT), str(district_db), "sana", SUPERVISOR_PASSWORD],
            input="", capture_output=True, text=True, timeout=120)
        assert "DatabaseBusy" in check.stderr
    finally:
        session.close()
