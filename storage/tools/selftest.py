"""``mizan --self-test``: prove on this PC, in a throwaway folder, that the whole storage stack works.

It is meant for the packaged executable above all: a frozen build can start and still miss a native
library (SQLCipher, argon2, cryptography) or the ``resources/`` folder, and only a real round trip shows
it. The steps are the ones an installation goes through: create an encrypted district database, add a
supervisor, sign in, load demo data, re-validate every record, verify the audit chain, write the four
reports (XLSX and PDF), make sure plain SQLite cannot read the file, and open it again with the password.

Each step prints one line; the first failure names its step and stops the run. The temporary folder is
always removed (sessions are closed first, because Windows refuses to delete a file that is still open).
"""

from __future__ import annotations

import secrets
import shutil
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from storage.core import audit
from storage.core.session import Session, create_database, open_session
from storage.errors import AuthError
from storage.records.users import add_user
from storage.tools.demo import generate_demo
from storage.tools.revalidate import revalidate

SQLITE_HEADER = b"SQLite format 3\x00"
ADMIN = "selftest-admin"
SUPERVISOR = "selftest-supervisor"


class StepFailed(Exception):
    """A step did not do what it should; the message says what was seen instead."""


class _Run:
    """The state shared by the steps, and whatever has to be closed or removed at the end."""

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.folder: Path | None = None
        self.sessions: list[Session] = []
        # Strong random passwords: the self-test must not teach anyone a default password.
        self.admin_password = secrets.token_urlsafe(24)
        self.supervisor_password = secrets.token_urlsafe(24)

    @property
    def db_path(self) -> Path:
        assert self.folder is not None
        return self.folder / "selftest.db"

    def keep(self, session: Session) -> Session:
        self.sessions.append(session)
        return session

    def close(self, session: Session) -> None:
        session.close()
        self.sessions.remove(session)

    def close_all(self) -> None:
        for session in self.sessions:
            try:
                session.close()
            except Exception:  # best effort: the folder removal reports whatever is stuck
                pass
        self.sessions.clear()


def self_test(temp_root: str | Path | None = None, out: TextIO | None = None) -> int:
    """Run every step; 0 if all passed, 1 otherwise.

    ``temp_root`` is the folder in which the throwaway folder is made (default: the system's temporary
    folder). ``out`` is where the report goes (default: stdout, looked up at call time so capture works).
    """
    run = _Run(out or sys.stdout)
    started = time.monotonic()
    failure: str | None = None
    try:
        for action, done, step in _steps(run, temp_root):
            try:
                detail = step()
            except Exception as error:  # any exception fails the step, named in the report
                reason = str(error) or type(error).__name__
                if not isinstance(error, StepFailed):
                    reason = f"{type(error).__name__}: {reason}"
                failure = f"{action}: {reason}"
                print(f"FAILED: {action}: {reason}", file=run.out)
                break
            print(f"ok: {done}" + (f" ({detail})" if detail else ""), file=run.out)
    finally:
        cleanup_problem = _clean_up(run)
    if cleanup_problem:
        failure = failure or f"remove the temporary folder: {cleanup_problem}"
        print(f"FAILED: remove the temporary folder: {cleanup_problem}", file=run.out)
    elif run.folder is not None:
        print("ok: removed the temporary folder", file=run.out)
    if failure:
        print(f"self-test FAILED: {failure}", file=run.out)
        return 1
    print(f"self-test passed in {time.monotonic() - started:.1f} s", file=run.out)
    return 0


Step = tuple[str, str, Callable[[], str | None]]


def _steps(run: _Run, temp_root: str | Path | None) -> list[Step]:
    """The steps in order: what is tried (named when it fails), what was done, and the function doing it.

    Each function returns a short detail for the report line, or raises to fail the step.
    """

    def make_folder() -> str:
        run.folder = Path(tempfile.mkdtemp(prefix="mizan-selftest-", dir=temp_root))
        return str(run.folder)

    def create() -> str:
        session, _recovery_key = create_database(
            run.db_path, role="district", district="QUETTA", device_name="Self-test",
            admin=ADMIN, password=run.admin_password)
        run.keep(session)
        return f"district {session.district}"

    def add_supervisor() -> None:
        admin = run.sessions[-1]
        add_user(admin, SUPERVISOR, "supervisor", run.supervisor_password)
        run.close(admin)

    def sign_in() -> None:
        session = run.keep(open_session(run.db_path, SUPERVISOR, run.supervisor_password))
        if session.role != "supervisor":
            raise StepFailed(f"signed in as a {session.role}, not a supervisor")

    def demo() -> str:
        summary = generate_demo(run.sessions[-1], seed=1, months=2)
        if not summary or not any(summary.values()):
            raise StepFailed(f"the demo generator wrote nothing ({summary!r})")
        return ", ".join(f"{count} {kind}" for kind, count in summary.items())

    def validate() -> str:
        found = revalidate(run.sessions[-1])
        errors = [entry for entry in found if entry["severity"] == "error"]
        if errors:
            first = errors[0]
            raise StepFailed(f"{len(errors)} validation errors, e.g. {first['record']}: {first['rule']}: "
                             f"{first['message']}")
        return f"0 errors, {len(found)} warnings"

    def audit_chain() -> str:
        report = audit.verify(run.sessions[-1].db)
        if not report.ok:
            raise StepFailed("; ".join(report.problems))
        return f"{report.entries} entries under {report.seals} seals"

    def reports() -> str:
        # pandas, openpyxl and reportlab are imported only here and by the GUI's report screens: this proves
        # the packaged build bundled them (and reportlab's font metrics, loaded at run time); the PDF is
        # drawn by Qt through the hook main.py installs (printing), with the fonts from resources/fonts.
        # pandas and reportlab load here, in the step that proves the frozen build carries them.
        from storage.reports.build import REPORT_KINDS, build_report
        from storage.reports.files import write_report

        session = run.sessions[-1]
        made = [build_report(session, kind) for kind in REPORT_KINDS]
        assert run.folder is not None
        sizes = []
        for suffix in (".xlsx", ".pdf"):
            path = run.folder / f"reports{suffix}"
            write_report(made, path)
            sizes.append(f"{suffix[1:]} {path.stat().st_size // 1024} KB")
        if not (run.folder / "reports.pdf").read_bytes().startswith(b"%PDF"):
            raise StepFailed("the PDF report does not start with %PDF")
        return ", ".join(sizes)

    def close_session() -> None:
        run.close(run.sessions[-1])
        # Closing the last connection checkpoints the WAL into the main file, so the next step sees all data.
        leftover = Path(f"{run.db_path}-wal")
        if leftover.exists() and leftover.stat().st_size:
            raise StepFailed(f"{leftover.name} still holds data after the last connection closed")

    def unreadable_by_sqlite() -> None:
        with open(run.db_path, "rb") as handle:
            if handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER:
                raise StepFailed("the file starts with the plain SQLite header: it is not encrypted")
        # Read-only URI: the check itself must never write to the file it is judging.
        plain = sqlite3.connect(f"{run.db_path.as_uri()}?mode=ro", uri=True)
        try:
            plain.execute("SELECT * FROM sqlite_master").fetchall()
        except sqlite3.DatabaseError:
            return None
        finally:
            plain.close()
        raise StepFailed("Python's sqlite3 read the schema without a key")

    def reopen() -> str:
        try:
            wrong = open_session(run.db_path, SUPERVISOR, run.supervisor_password + "-wrong")
        except AuthError:
            pass
        else:
            run.close(run.keep(wrong))
            raise StepFailed("a wrong password opened the database")
        session = run.keep(open_session(run.db_path, SUPERVISOR, run.supervisor_password))
        entries = audit_entries(session)
        run.close(session)
        return f"wrong password refused; {entries} audit entries read back"

    return [
        ("create a temporary folder", "created a temporary folder", make_folder),
        ("create an encrypted database", "created encrypted database", create),
        ("add a supervisor", "added a supervisor", add_supervisor),
        ("sign in as the supervisor", "signed in as the supervisor", sign_in),
        ("generate demo data", "generated demo data", demo),
        ("re-validate every record", "re-validated every record", validate),
        ("verify the audit chain", "verified the audit chain", audit_chain),
        ("write the four reports to XLSX and PDF", "wrote the four reports to XLSX and PDF", reports),
        ("close the database", "closed the database", close_session),
        ("check that plain sqlite3 cannot read the file", "plain sqlite3 cannot read the file", unreadable_by_sqlite),
        ("reopen with the password", "reopened with the password", reopen),
    ]


def audit_entries(session: Session) -> int:
    """How many audit rows the reopened database holds (a real query through the decrypted file)."""
    return session.db.execute("SELECT count(*) FROM audit_log").fetchone()[0]


def _clean_up(run: _Run) -> str | None:
    """Close what is open and remove the folder; the problem as text if it could not be removed."""
    run.close_all()
    if run.folder is None:
        return None
    # A virus scanner or the search indexer can hold a just-closed file on Windows for a moment: retry.
    for attempt in range(5):
        shutil.rmtree(run.folder, ignore_errors=True)
        if not run.folder.exists():
            return None
        time.sleep(0.2 * (attempt + 1))
    try:
        shutil.rmtree(run.folder)
    except OSError as error:
        return f"{run.folder}: {error}"
    return None
