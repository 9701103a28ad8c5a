"""Issue 12, item 1 (restore): a restore is audited, and a user removed after the backup stays removed.

Each test replays the attack on real files: a district installation copied from the template, a real backup
file, the real restore. Before this change a removed supervisor restored a backup of the day before with his
old password and was active again, an admin's restore of an older backup brought every removed user back,
a restore left no trace in the restored database, and a district's backup replaced the centre's database.
"""

from __future__ import annotations

import hashlib
import json
import os
import zipfile
from pathlib import Path

import pytest

from main import main
from storage.core.audit import verify
from storage.core.backup import (
    BackupRejected,
    automatic_backup,
    backup_now,
    prepare_restore,
    restore_backup,
    with_password,
)
from storage.core.keyslots import KeyFile, keyfile_path
from storage.core.ledger import removal_ledger_path
from storage.core.schema import migrations
from storage.core.session import open_session
from storage.errors import AuthError
from storage.records.users import remove_user
from tests.conftest import ADMIN_PASSWORD, CLERK_PASSWORD, OPERATOR_PASSWORD, SUPERVISOR_PASSWORD
from tests.sync_helpers import add_desk_cases
from tests.templates import district_copy


def _files(folder: Path) -> dict[str, bytes]:
    """Every file's bytes but the writer lock file's (it holds no data: the last holder's name)."""
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())
            if path.is_file() and not path.name.endswith(".db.lock")}


def backup_then_remove_sana(district_db: Path, usb: Path, cases_after: int = 0) -> Path:
    """The admin backs up, (saves cases,) then removes the supervisor sana: the backup still has her."""
    admin = open_session(district_db, "admin", ADMIN_PASSWORD)
    try:
        backup_now(admin, usb / "before.zip")
        if cases_after:
            supervisor = open_session(district_db, "sana", SUPERVISOR_PASSWORD)
            add_desk_cases(supervisor, cases_after)
            supervisor.close()
        remove_user(admin, "sana")
    finally:
        admin.close()
    return usb / "before.zip"


def sana_state(db_path: Path) -> tuple[bool, tuple | None]:
    """Whether sana has a key slot, and her users row (active flag), read with the admin's password."""
    admin = open_session(db_path, "admin", ADMIN_PASSWORD)
    try:
        row = admin.db.execute("SELECT active FROM users WHERE name = 'sana'").fetchone()
        return KeyFile.load(keyfile_path(db_path)).has_user("sana"), (tuple(row) if row else None)
    finally:
        admin.close()


def test_a_removed_supervisor_cannot_restore_an_older_backup_with_his_old_password(district_db: Path, tmp_path: Path):
    backup = backup_then_remove_sana(district_db, tmp_path / "usb")
    folder = _files(district_db.parent)
    with pytest.raises(AuthError) as refused:
        restore_backup(backup, district_db, with_password("sana", SUPERVISOR_PASSWORD))
    assert str(refused.value).startswith("'sana' was removed on ")
    assert str(refused.value).endswith("; a removed user cannot restore a backup. Ask an admin, or use the "
                                       "recovery key.")
    assert _files(district_db.parent) == folder  # nothing staged is left, nothing replaced
    with pytest.raises(AuthError):
        open_session(district_db, "sana", SUPERVISOR_PASSWORD)


@pytest.mark.parametrize("evidence", ["ledger and database", "ledger only", "database only"])
def test_an_admin_restoring_an_older_backup_keeps_the_removed_user_removed(district_db: Path, tmp_path: Path,
                                                                           evidence: str):
    """The removal comes back from the removal ledger beside the database, and from the database being
    replaced: either is enough."""
    backup = backup_then_remove_sana(district_db, tmp_path / "usb")
    if evidence == "ledger only":  # the current database is gone (a broken disk): only the ledger tells
        for path in district_db.parent.glob(f"{district_db.name}*"):
            if path.name not in (removal_ledger_path(district_db).name,):
                path.unlink()
    elif evidence == "database only":
        removal_ledger_path(district_db).unlink()
    prepared = prepare_restore(backup, district_db, with_password("admin", ADMIN_PASSWORD))
    assert prepared.users_kept_removed == ["sana"]
    prepared.commit()
    assert sana_state(district_db) == (False, (0,))
    with pytest.raises(AuthError):
        open_session(district_db, "sana", SUPERVISOR_PASSWORD)
    # The merged ledger lies beside the restored database: the next restore keeps her removed too.
    assert b'"user":"sana"' in removal_ledger_path(district_db).read_bytes()


def test_the_restore_is_in_the_audit_chain(district_db: Path, tmp_path: Path):
    backup = backup_then_remove_sana(district_db, tmp_path / "usb", cases_after=2)
    admin = open_session(district_db, "admin", ADMIN_PASSWORD)
    replaced_last = admin.db.execute("SELECT max(last_audit_id) FROM audit_seals").fetchone()[0]
    admin.close()
    info, kept = restore_backup(backup, district_db, with_password("admin", ADMIN_PASSWORD))
    admin = open_session(district_db, "admin", ADMIN_PASSWORD)
    try:
        columns = [row[1] for row in admin.db.execute("PRAGMA table_info(restores)")]
        [row] = admin.db.execute("SELECT * FROM restores").fetchall()
        record = dict(zip(columns, row, strict=True))
        rolled_back = json.loads(record.pop("rolled_back"))
        assert record.pop("restored_at") and record.pop("id") == 1
        assert record == {
            "restored_by": "admin", "unlocked_with": "password", "os_user": record["os_user"],
            "backup_file": "before.zip", "backup_sha256": hashlib.sha256(backup.read_bytes()).hexdigest(),
            "backup_created_at": info.created_at, "backup_reason": "manual", "backup_created_by": "admin",
            "backup_app_version": info.app_version, "backup_migrations": json.dumps(info.migrations),
            "current_migrations": json.dumps([m.name for m in migrations._migrations]), "migrated": "[]",
            "users_kept_removed": '["sana"]', "kept_as": kept.name}
        backup_last = rolled_back["backup_audit_last_id"]
        assert rolled_back["replaced"] == "opened" and rolled_back["audit_last_id"] == replaced_last
        assert rolled_back["audit_entries_rolled_back"] == [backup_last + 1, replaced_last]
        assert rolled_back["records_newer_than_backup"] == {"desk_cases": 2, "desk_case_perpetrators": 2,
                                                            "desk_case_services": 2}
        # The record and the removal carried forward are audit entries after the backup's, sealed: the chain verifies.
        entries = admin.db.execute("SELECT actor, action, table_name, row_key FROM audit_log WHERE id > ? "
                                   "ORDER BY id", [backup_last]).fetchall()
        assert [tuple(entry) for entry in entries][:2] == [("admin", "update", "users", "sana"),
                                                            ("admin", "insert", "restores", "1")]
        report = verify(admin.db)
        assert report.ok, report.problems
    finally:
        admin.close()


def test_a_district_backup_over_the_centre_and_the_reverse_are_refused(district_db: Path, centre_db: Path,
                                                                        tmp_path: Path):
    usb = tmp_path / "usb"
    supervisor = open_session(district_db, "sana", SUPERVISOR_PASSWORD)
    backup_now(supervisor, usb / "quetta.zip")
    supervisor.close()
    clerk = open_session(centre_db, "clara", CLERK_PASSWORD)
    backup_now(clerk, usb / "centre.zip")
    clerk.close()
    pishin_db = district_copy(tmp_path / "pishin" / "pishin.db", district="PISHIN", per="test")
    before = {folder: _files(folder) for folder in (district_db.parent, pishin_db.parent)}
    cases = [
        (usb / "quetta.zip", centre_db, with_password("sana", SUPERVISOR_PASSWORD),
         "quetta.zip is a backup of the district installation of QUETTA, but this database is the provincial centre."),
        (usb / "centre.zip", district_db, with_password("clara", CLERK_PASSWORD),
         "centre.zip is a backup of the provincial centre, but this database is the district installation of QUETTA."),
        (usb / "quetta.zip", pishin_db, with_password("sana", SUPERVISOR_PASSWORD),
         "quetta.zip is a backup of the district installation of QUETTA, but this database is the district "
         "installation of PISHIN."),
    ]
    for backup, target, unlock, said in cases:
        with pytest.raises(BackupRejected) as refused:
            restore_backup(backup, target, unlock)
        assert str(refused.value) == said + (" Nothing was restored: restore it on that installation's PC, or into "
                                             "another file.")
    assert {folder: _files(folder) for folder in before} == before
    # The key file names the installation in clear, so the check needs no key; without that record (an
    # installation not signed in since), the newest automatic backup's manifest tells.
    pishin = open_session(pishin_db, "admin", ADMIN_PASSWORD)
    automatic_backup(pishin.db, pishin_db, "daily")
    pishin.close()
    keys = json.loads(keyfile_path(pishin_db).read_text())
    assert keys["installation"]["district"] == "PISHIN"
    del keys["installation"]
    keyfile_path(pishin_db).write_text(json.dumps(keys))
    with pytest.raises(BackupRejected):
        restore_backup(usb / "quetta.zip", pishin_db, with_password("sana", SUPERVISOR_PASSWORD))


def test_a_backup_of_an_older_schema_is_migrated_by_the_restore(district_db: Path, tmp_path: Path):
    admin = open_session(district_db, "admin", ADMIN_PASSWORD)
    backup_now(admin, tmp_path / "old.zip")
    admin.close()

    @migrations(name="9997_test_only_later_column")
    def later(db):
        db.execute("ALTER TABLE desks ADD COLUMN test_only TEXT")

    try:
        restore_backup(tmp_path / "old.zip", district_db, with_password("admin", ADMIN_PASSWORD))
        admin = open_session(district_db, "admin", ADMIN_PASSWORD)
        assert admin.db.execute("SELECT migrated FROM restores").fetchone()[0] == '["9997_test_only_later_column"]'
        assert "test_only" in {column.name for column in admin.db["desks"].columns}
        admin.close()
    finally:
        migrations._migrations = [m for m in migrations._migrations if m.name != "9997_test_only_later_column"]


def test_a_database_put_back_by_hand_does_not_bring_a_removed_user_back(district_db: Path, tmp_path: Path):
    """Without any restore: the backup's files copied over the database. The next sign-in reads the ledger."""
    backup = backup_then_remove_sana(district_db, tmp_path / "usb")
    for suffix in ("-wal", "-shm"):
        Path(f"{district_db}{suffix}").unlink(missing_ok=True)
    with zipfile.ZipFile(backup) as archive:
        district_db.write_bytes(archive.read("mizan.db"))
        keyfile_path(district_db).write_bytes(archive.read("mizan.db.keys"))
    os.sync()
    with pytest.raises(AuthError) as refused:
        open_session(district_db, "sana", SUPERVISOR_PASSWORD)
    assert str(refused.value) == "User 'sana' is not an active user of this installation."
    assert sana_state(district_db) == (False, (0,))


def test_the_cli_restore_says_who_was_kept_removed(district_db: Path, tmp_path: Path, monkeypatch, capsys):
    backup = backup_then_remove_sana(district_db, tmp_path / "usb")
    monkeypatch.setenv("MIZAN_PASSWORD", SUPERVISOR_PASSWORD)
    assert main(["--db", str(district_db), "--user", "sana", "restore", str(backup)]) == 4
    assert "'sana' was removed on " in capsys.readouterr().err
    monkeypatch.setenv("MIZAN_PASSWORD", ADMIN_PASSWORD)
    assert main(["--db", str(district_db), "--user", "admin", "restore", str(backup)]) == 0
    out = capsys.readouterr().out
    assert "Removed after the backup was made, and kept removed: sana.\n" in out
    assert "The restore is recorded in the audit log." in out


def test_a_removal_after_a_database_key_change_is_kept_by_an_older_backup(district_db: Path, tmp_path: Path):
    """Removing a user changes the database key (PRAGMA rekey): the replaced database no longer opens with the
    backup's key, but with the key today's key file gives the same credential, so it still tells (and the
    ledger, signed with the never-rotated ledger key the backup holds too, tells as well)."""
    backup = backup_then_remove_sana(district_db, tmp_path / "usb")
    admin = open_session(district_db, "admin", ADMIN_PASSWORD)
    new_key = os.urandom(32)
    admin.db.execute(f"PRAGMA rekey = \"x'{new_key.hex()}'\"")  # as the key rotation does, here by hand
    for name, password in (("admin", ADMIN_PASSWORD), ("omar", OPERATOR_PASSWORD)):
        admin.keyfile.set_user_slot(name, password, new_key)
    admin.keyfile.save()
    admin.close()
    open_session(district_db, "omar", OPERATOR_PASSWORD).close()  # the database opens with the new key only
    prepared = prepare_restore(backup, district_db, with_password("admin", ADMIN_PASSWORD))
    assert prepared.users_kept_removed == ["sana"]
    prepared.commit()
    assert sana_state(district_db) == (False, (0,))
    admin = open_session(district_db, "admin", ADMIN_PASSWORD)
    rolled_back = json.loads(admin.db.execute("SELECT rolled_back FROM restores").fetchone()[0])
    admin.close()
    assert rolled_back["replaced"] == "opened"


def test_earlier_restores_are_not_rolled_back_by_the_next(district_db: Path, tmp_path: Path):
    """Each restore's record lives in the restored database; restoring the same backup again would replace
    the database holding the first record. The records of the replaced database are carried forward."""
    backup = backup_then_remove_sana(district_db, tmp_path / "usb")
    restore_backup(backup, district_db, with_password("admin", ADMIN_PASSWORD))
    restore_backup(backup, district_db, with_password("admin", ADMIN_PASSWORD))
    admin = open_session(district_db, "admin", ADMIN_PASSWORD)
    try:
        rows = admin.db.execute("SELECT id, users_kept_removed, json_extract(rolled_back, '$.replaced') "
                                "FROM restores ORDER BY id").fetchall()
        # Both kept sana removed: the backup, restored twice, still has her active.
        assert [tuple(row) for row in rows] == [(1, '["sana"]', "opened"), (2, '["sana"]', "opened")]
        assert verify(admin.db).ok
    finally:
        admin.close()
