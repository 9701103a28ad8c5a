"""The encrypted store: key slots, passwords and locks, roles, the audit chain, migrations."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from storage.core import audit
from storage.core.backup import automatic_backup_files
from storage.core.clock import HybridLogicalClock
from storage.core.connection import connect
from storage.core.keyslots import KeyFile, keyfile_path
from storage.core.schema import migrations
from storage.core.session import create_database, open_session, open_with_recovery_key
from storage.errors import AuthError, PermissionDenied, UsageError
from storage.records.users import add_user, change_password, remove_user, unlock_user
from storage.records.values import list_indicator_values, save_indicator_values
from storage.validation import ValueInput
from tests.conftest import ADMIN_PASSWORD, OPERATOR_PASSWORD, SUPERVISOR_PASSWORD, table_counts

MARKER = "ZEBRA-MARKER-7731"


def _last_month() -> str:
    first = dt.date.today().replace(day=1)
    previous = first - dt.timedelta(days=1)
    return f"{previous.year:04d}-{previous.month:02d}"


def test_plain_sqlite_cannot_read_the_file_and_no_record_text_is_in_any_file(district_db: Path, supervisor):
    save_indicator_values(supervisor, [ValueInput("PRO-01", "QUETTA", _last_month(), value=41, comment=MARKER)])
    assert list_indicator_values(supervisor)[0]["comment"] == MARKER
    files = [p for p in district_db.parent.iterdir() if p.name.startswith(district_db.name)]
    assert any(p.name.endswith("-wal") for p in files), "WAL mode should leave a -wal file while open"
    for path in files:
        assert MARKER.encode() not in path.read_bytes(), path
    # The plain sqlite3 module runs in another process: two SQLite libraries in one process do not see
    # each other's POSIX locks, and the plain one would delete the live WAL when it closes.
    probe = subprocess.run(
        [sys.executable, "-c", "import sqlite3, sys; sqlite3.connect(sys.argv[1]).execute('SELECT * FROM sqlite_master')",
         str(district_db)], capture_output=True, text=True)
    assert probe.returncode == 1
    assert "sqlite3.DatabaseError: file is not a database" in probe.stderr


def test_wal_full_sync_and_foreign_keys(supervisor):
    db = supervisor.db
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_database_key_is_random_and_stored_only_wrapped(district_db: Path, district_admin):
    keyfile_text = keyfile_path(district_db).read_text()
    assert district_admin.db_key.hex() not in keyfile_text
    slots = json.loads(keyfile_text)["slots"]
    assert set(slots) == {"user:admin", "user:sana", "user:omar", "recovery"}
    assert slots["user:sana"]["kdf"] == "argon2id"
    assert len(district_admin.db_key) == 32


def test_wrong_password_opens_nothing(district_db: Path):
    with pytest.raises(AuthError, match=r"Wrong password for 'sana'\. 4 tries left before the user is locked\."):
        open_session(district_db, "sana", "not-the-password")
    with pytest.raises(AuthError, match="There is no user called 'nobody'"):
        open_session(district_db, "nobody", "whatever-pass")


def test_five_wrong_passwords_lock_for_15_minutes_across_restarts(district_db: Path):
    for left in (4, 3, 2):
        with pytest.raises(AuthError, match=f"{left} tries left"):
            open_session(district_db, "omar", "wrong-password")
    with pytest.raises(AuthError, match="One more wrong try locks the user"):  # not "1 tries left"
        open_session(district_db, "omar", "wrong-password")
    with pytest.raises(AuthError, match="is now locked for 15 minutes"):
        open_session(district_db, "omar", "wrong-password")
    # A restart re-reads the key file: the lock is still there, even for the right password.
    with pytest.raises(AuthError, match="is locked after 5 wrong passwords until"):
        open_session(district_db, "omar", OPERATOR_PASSWORD)
    keyfile = KeyFile.load(keyfile_path(district_db))
    later = dt.datetime.now(dt.UTC) + dt.timedelta(minutes=16)
    assert keyfile.locked_until("omar", later) is None
    assert keyfile.unlock_with_password("omar", OPERATOR_PASSWORD, now=later)


def test_supervisor_unlocks_a_locked_operator(district_db: Path):
    for _ in range(5):
        with pytest.raises(AuthError):
            open_session(district_db, "omar", "wrong-password")
    supervisor = open_session(district_db, "sana", SUPERVISOR_PASSWORD)
    unlock_user(supervisor, "omar")
    supervisor.close()
    open_session(district_db, "omar", OPERATOR_PASSWORD).close()


def test_changing_ones_own_password_rewraps_only_that_slot(district_db: Path, operator):
    before = json.loads(keyfile_path(district_db).read_text())["slots"]
    change_password(operator, "omar", "new-operator-pass")
    after = json.loads(keyfile_path(district_db).read_text())["slots"]
    assert after["user:omar"] != before["user:omar"]
    assert {k: v for k, v in after.items() if k != "user:omar"} == {k: v for k, v in before.items() if k != "user:omar"}
    operator.close()
    with pytest.raises(AuthError, match="Wrong password"):
        open_session(district_db, "omar", OPERATOR_PASSWORD)
    again = open_session(district_db, "omar", "new-operator-pass")
    assert again.identity_key is not None  # the new slot keeps the identity key
    again.close()


def test_a_reset_by_someone_else_rotates_every_slots_database_key(district_db: Path, supervisor):
    before = json.loads(keyfile_path(district_db).read_text())["slots"]
    old_key = supervisor.db_key
    change_password(supervisor, "omar", "new-operator-pass")
    after = json.loads(keyfile_path(district_db).read_text())["slots"]
    assert supervisor.db_key != old_key
    assert all(after[name]["db"] != before[name]["db"] for name in after)
    with pytest.raises(AuthError, match="Wrong password"):
        open_session(district_db, "omar", OPERATOR_PASSWORD)
    open_session(district_db, "omar", "new-operator-pass").close()


def test_removing_a_user_removes_its_slot(district_db: Path, district_admin):
    remove_user(district_admin, "omar")
    assert "user:omar" not in json.loads(keyfile_path(district_db).read_text())["slots"]
    with pytest.raises(AuthError, match="There is no user called 'omar'"):
        open_session(district_db, "omar", OPERATOR_PASSWORD)


def test_a_slot_copied_to_another_name_does_not_open(district_db: Path):
    path = keyfile_path(district_db)
    content = json.loads(path.read_text())
    content["slots"]["user:omar"] = content["slots"]["user:sana"]  # the GCM associated data is the slot name
    path.write_text(json.dumps(content))
    with pytest.raises(AuthError, match="Wrong password for 'omar'"):
        open_session(district_db, "omar", SUPERVISOR_PASSWORD)


def test_recovery_key_opens_when_passwords_are_lost(tmp_path: Path):
    path = tmp_path / "r.db"
    session, recovery_key = create_database(path, role="centre", admin="root", password="first tulip orbit lamp")
    session.close()
    assert len(recovery_key) == 39 and recovery_key.count("-") == 7
    typed_back = recovery_key.lower().replace("-", " ")
    session = open_with_recovery_key(path, typed_back, "root")
    change_password(session, "root", "second saddle river chalk")
    session.close()
    open_session(path, "root", "second saddle river chalk").close()
    with pytest.raises(AuthError, match="That recovery key does not open this database"):
        open_with_recovery_key(path, "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH", "root")


def test_wrong_raw_key_is_refused_by_sqlcipher(district_db: Path):
    with pytest.raises(AuthError, match="could not be opened with this key"):
        connect(district_db, b"\x00" * 32)


def test_init_refuses_bad_input_and_leaves_nothing(tmp_path: Path):
    path = tmp_path / "x.db"
    with pytest.raises(UsageError, match="Unknown district 'ATLANTIS'"):
        create_database(path, role="district", district="ATLANTIS", admin="a", password="long-enough")
    with pytest.raises(UsageError, match="at least 10 characters"):
        create_database(path, role="centre", admin="a", password="short")
    with pytest.raises(UsageError, match="A user name must be one word without spaces, e.g. amina."):
        create_database(path, role="centre", admin="amina khan", password="long-enough")
    assert list(tmp_path.iterdir()) == []


def test_role_checks_live_in_storage_functions(district_db: Path, operator, supervisor, district_admin):
    before = table_counts(operator)
    with pytest.raises(PermissionDenied, match=r"omar \(role: operator\) may not manage users"):
        add_user(operator, "eve", "operator", "password-1")
    with pytest.raises(PermissionDenied, match="A supervisor may manage operators and supervisors only, not users with the role admin"):
        add_user(supervisor, "eve", "admin", "password-1")
    with pytest.raises(PermissionDenied, match=r"admin \(role: admin\) may not enter indicator values"):
        save_indicator_values(district_admin, [ValueInput("PRO-01", "QUETTA", _last_month(), value=3)])
    with pytest.raises(UsageError, match="A district installation has the roles operator, supervisor, admin, not clerk"):
        add_user(district_admin, "eve", "clerk", "password-1")
    assert table_counts(operator) == before
    assert "user:eve" not in keyfile_path(district_db).read_text()


def test_every_change_is_audited_with_who_before_and_after(supervisor):
    period = _last_month()
    save_indicator_values(supervisor, [ValueInput("PRO-01", "QUETTA", period, value=10)])
    save_indicator_values(supervisor, [ValueInput("PRO-01", "QUETTA", period, value=11)])
    actor, action, before, after = supervisor.db.execute(
        "SELECT actor, action, before, after FROM audit_log WHERE table_name = 'indicator_values' ORDER BY id DESC"
    ).fetchone()
    assert (actor, action) == ("sana", "update")
    assert json.loads(before)["value"] == 10 and json.loads(after)["value"] == 11
    assert audit.verify(supervisor.db).ok


def _drop_guard(session) -> None:
    for action in ("update", "delete"):
        session.db.execute(f"DROP TRIGGER audit_log_no_{action}")


def test_audit_log_refuses_edits(supervisor):
    with pytest.raises(Exception, match="the audit log is append-only"):
        supervisor.db.execute("UPDATE audit_log SET actor = 'mallory'")
    with pytest.raises(Exception, match="the audit log is append-only"):
        supervisor.db.execute("DELETE FROM audit_log")


def test_audit_verify_detects_an_edited_entry(supervisor):
    save_indicator_values(supervisor, [ValueInput("PRO-01", "QUETTA", _last_month(), value=10)])
    _drop_guard(supervisor)
    supervisor.db.execute("UPDATE audit_log SET actor = 'mallory' WHERE id = 3")
    report = audit.verify(supervisor.db)
    assert not report.ok
    assert any("does not match: an entry was altered" in p for p in report.problems)
    assert any("trigger audit_log_no_update" in p for p in report.problems)


def test_audit_verify_detects_a_deleted_entry(supervisor):
    save_indicator_values(supervisor, [ValueInput("PRO-01", "QUETTA", _last_month(), value=10)])
    _drop_guard(supervisor)
    supervisor.db.execute("DELETE FROM audit_log WHERE id = 2")
    problems = audit.verify(supervisor.db).problems
    assert "audit entries 2 to 2 are missing" in problems


def test_audit_verify_detects_an_entry_added_outside_mizan(supervisor):
    supervisor.db.execute(
        "INSERT INTO audit_log (at, actor, action, table_name) VALUES ('2026-01-01', 'mallory', 'insert', 'users')")
    supervisor.db.conn.commit()
    report = audit.verify(supervisor.db)
    last = supervisor.db.execute("SELECT max(id) FROM audit_log").fetchone()[0]
    assert report.problems == [f"entries {last} to {last} were added outside Mizan (not sealed)"]


def test_identifying_details_are_redacted_in_the_audit_trigger(supervisor):
    trigger = supervisor.db.execute(
        "SELECT sql FROM sqlite_master WHERE name = 'audit_desk_case_identities_insert'").fetchone()[0]
    assert "'cnic', CASE WHEN NEW.cnic IS NULL THEN NULL ELSE '(redacted)' END" in trigger


def test_a_migration_runs_after_a_backup_of_the_file(district_db: Path):
    @migrations(name="9999_test_only_column")
    def add_column(db):
        db.execute("ALTER TABLE desks ADD COLUMN test_only TEXT")

    try:
        session = open_session(district_db, "sana", SUPERVISOR_PASSWORD)
        session.close()
    finally:
        migrations._migrations = [m for m in migrations._migrations if m.name != "9999_test_only_column"]
    [backup] = automatic_backup_files(district_db)
    assert backup.name.endswith("-before-migration.mizan-backup.zip")
    # The backup is the encrypted file as it was, with its key slots: it opens with the same password and
    # lacks the new column (tests/test_backup.py restores it).
    with zipfile.ZipFile(backup) as archive:
        (district_db.parent / "old.db").write_bytes(archive.read("mizan.db"))
        (district_db.parent / "old.db.keys").write_bytes(archive.read("mizan.db.keys"))
        backup_keys = KeyFile.load(district_db.parent / "old.db.keys")
    old = connect(district_db.parent / "old.db", backup_keys.unlock_with_password("sana", SUPERVISOR_PASSWORD))
    assert "test_only" not in {c.name for c in old["desks"].columns}
    old.close()
    session = open_session(district_db, "admin", ADMIN_PASSWORD)
    assert "test_only" in {c.name for c in session.db["desks"].columns}
    session.close()


def test_hybrid_logical_clock_never_goes_backwards():
    clock = HybridLogicalClock()
    clock.observe("9999999999999.000005")  # a version from a device whose clock runs far ahead
    first = clock.now()
    second = clock.now()
    assert first == "9999999999999.000006" and second == "9999999999999.000007"


def test_every_travelling_record_has_uuid_hlc_origin_and_tombstone(supervisor):
    for table in ("indicator_values", "targets", "completions", "desk_cases", "desk_case_perpetrators",
                  "desk_case_services", "pkm_requests", "desks"):
        columns = {c.name for c in supervisor.db[table].columns}
        assert {"uuid", "hlc", "origin_device", "deleted"} <= columns, table
    assert "desk_case_identities" in supervisor.db.table_names()
    assert "uuid" not in {c.name for c in supervisor.db["desk_case_identities"].columns}
