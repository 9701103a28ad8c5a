"""Backups and restore on real encrypted databases: every table round-trips, the recovery key opens a
backup when every password is lost, damaged or foreign backups are refused with nothing changed, and the
automatic backups (before import, before migration, once a day) keep the last N."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import zipfile
from pathlib import Path

import pytest

import sync  # noqa: F401  (registers the sync steps of init, sign-in and restore)
from main import main
from storage.core import backup as backups
from storage.core.backup import (
    BackupRejected,
    automatic_backup_files,
    backup_now,
    daily_backup_due,
    list_backups,
    prepare_restore,
    read_backup,
    restore_backup,
    set_backup_keep,
    with_password,
    with_recovery_key,
    with_session,
)
from storage.core.connection import connect
from storage.core.keyslots import keyfile_path
from storage.core.schema import migrations
from storage.core.session import create_database, open_session, open_with_recovery_key
from storage.core.writer import writer_lock_path
from storage.errors import AuthError, PermissionDenied
from storage.records.completion import set_complete
from storage.records.desk import save_desk_case
from storage.records.users import change_password
from storage.tools.demo import generate_demo
from sync.importer import import_bundles
from sync.receipts import import_receipt, write_receipts
from tests.conftest import ADMIN_PASSWORD, CLERK_PASSWORD, OPERATOR_PASSWORD, SUPERVISOR_PASSWORD, table_counts
from tests.sync_helpers import add_desk_cases, desk_case, export_to, last_month, make_pair


def table_rows(db) -> dict[str, list[tuple]]:
    """Every row of every table, in a stable order: two databases with equal results hold the same data."""
    names = [row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    order = {name: "1, 2" if len(db.execute(f"PRAGMA table_info([{name}])").fetchall()) > 1 else "1" for name in names}
    return {name: db.execute(f"SELECT * FROM [{name}] ORDER BY {order[name]}").fetchall() for name in names}


def _files(folder: Path) -> dict[str, bytes]:
    """Every file's bytes; the writer lock file only as present (its holder's name changes with each use)."""
    writer_locks = {writer_lock_path(path).name for path in folder.glob("*.db")}
    return {path.name: b"" if path.name in writer_locks else path.read_bytes()
            for path in sorted(folder.iterdir()) if path.is_file()}


@pytest.fixture(scope="module")
def pair(tmp_path_factory):
    """A linked centre and Quetta district with data in (nearly) every table, through the public API."""
    folder = tmp_path_factory.mktemp("backup-pair")
    pair = make_pair(folder)
    generate_demo(pair.supervisor, months=2)
    add_desk_cases(pair.supervisor, 1)
    save_desk_case(pair.supervisor, desk_case(client_code="QC-ID"), identity={
        "name": "Zarghuna Bibi", "cnic": "54400-1234567-8", "phone": "0300-1234567"})
    set_complete(pair.supervisor, "QUETTA", next(iter(pair.supervisor.catalogue.institutions)), last_month())
    set_backup_keep(pair.supervisor, 7)
    bundle = export_to(pair.supervisor, folder / "usb")
    [outcome] = import_bundles(pair.clerk, [bundle])
    assert outcome.status == "imported"
    (folder / "receipts").mkdir()
    for receipt in write_receipts(pair.clerk, folder / "receipts"):
        import_receipt(pair.supervisor, receipt)
    yield pair
    pair.close()


@pytest.mark.parametrize("side", ["district", "centre"])
def test_a_backup_restores_every_table_row_for_row(pair, side: str, tmp_path: Path):
    session = pair.supervisor if side == "district" else pair.clerk
    info = backup_now(session, tmp_path / "backup.zip")
    assert info.reason == "manual" and info.created_by == session.user
    assert info.installation["device_id"] == session.device_id
    assert info.migrations == [m.name for m in migrations._migrations]
    user, password = ("sana", SUPERVISOR_PASSWORD) if side == "district" else ("clara", CLERK_PASSWORD)
    _, kept = restore_backup(tmp_path / "backup.zip", tmp_path / "restored.db", with_password(user, password))
    assert kept is None  # nothing was there to replace
    restored = connect(tmp_path / "restored.db", session.db_key)
    try:
        rows, original = table_rows(restored), table_rows(session.db)
        # The restore adds its own record to the restored database, audited and sealed after the backup's chain.
        [record] = rows.pop("restores")
        assert (original.pop("restores"), record[2:5]) == ([], (user, "password", record[4]))
        for table in ("audit_log", "audit_seals"):
            added = rows[table][len(original[table]):]
            assert rows[table][:len(original[table])] == original.pop(table) and added
            del rows[table]
        assert rows == original
    finally:
        restored.close()
    counts = table_counts(session)
    filled = {"installation", "users", "desks", "audit_log", "audit_seals", "secret_keys", "_sqlite_migrations"}
    filled |= ({"indicator_values", "targets", "completions", "desk_cases", "desk_case_identities",
                "desk_case_perpetrators", "desk_case_services", "pkm_requests", "exports", "centre_trust", "settings"}
               if side == "district" else {"indicator_values", "targets", "completions", "desk_cases", "devices", "bundles"})
    assert {name for name, count in counts.items() if count} >= filled
    # And the restored pair signs in like the original.
    reopened = open_session(tmp_path / "restored.db", user, password)
    assert reopened.installation == {**session.installation, "hlc_last": reopened.installation["hlc_last"]}
    reopened.close()


def test_the_backup_file_holds_no_record_in_clear(pair, tmp_path: Path):
    backup_now(pair.supervisor, tmp_path / "b.zip")
    raw = (tmp_path / "b.zip").read_bytes()
    with zipfile.ZipFile(tmp_path / "b.zip") as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    assert set(members) == {"manifest.json", "mizan.db", "mizan.db.keys"}
    for secret in (b"Zarghuna", b"54400-1234567-8", b"0300-1234567", b"QC-ID", b"SQLite format 3"):
        assert secret not in raw and all(secret not in content for content in members.values())
    manifest = json.loads(members["manifest.json"])
    for name, content in members.items():
        if name != "manifest.json":
            assert manifest["files"][name] == {"sha256": hashlib.sha256(content).hexdigest(), "bytes": len(content)}


def test_the_recovery_key_restores_a_backup_when_every_password_is_lost(tmp_path: Path):
    office = tmp_path / "office"
    session, recovery_key = create_database(office / "kech.db", role="district", district="KECH",
                                            admin="nadia", password=ADMIN_PASSWORD)
    set_backup_keep(session, 3)
    backup_now(session, tmp_path / "usb" / "kech.zip")
    session.close()
    # The office PC dies: the database and its key file are gone, and nobody remembers a password.
    for path in [*office.glob("kech.db*")]:
        path.unlink()
    new_pc = tmp_path / "new-pc" / "kech.db"
    with pytest.raises(AuthError, match="Wrong password for 'nadia'"):
        restore_backup(tmp_path / "usb" / "kech.zip", new_pc, with_password("nadia", "a guess that is wrong"))
    assert not new_pc.parent.exists() or not any(new_pc.parent.iterdir())
    info, kept = restore_backup(tmp_path / "usb" / "kech.zip", new_pc,
                                with_recovery_key(recovery_key.lower().replace("-", " ")))
    assert kept is None and info.installation["district"] == "KECH"
    admin = open_with_recovery_key(new_pc, recovery_key, "nadia")
    change_password(admin, "nadia", "a brand new password")
    assert admin.db.execute("SELECT value FROM settings WHERE name = 'backup_keep'").fetchone() == ("3",)
    admin.close()
    open_session(new_pc, "nadia", "a brand new password").close()


def test_restoring_over_a_database_keeps_the_replaced_pair(tmp_path: Path, district_db: Path):
    supervisor = open_session(district_db, "sana", SUPERVISOR_PASSWORD)
    backup_now(supervisor, tmp_path / "before.zip")
    add_desk_cases(supervisor, 2)
    after = table_rows(supervisor.db)
    key = supervisor.db_key
    supervisor.close()
    _, kept = restore_backup(tmp_path / "before.zip", district_db, with_password("sana", SUPERVISOR_PASSWORD))
    assert kept is not None and kept.name.startswith("district.db.before-restore-") and kept.name.endswith(".bak")
    assert Path(f"{kept}.keys").exists()
    restored = open_session(district_db, "sana", SUPERVISOR_PASSWORD)
    assert restored.db.execute("SELECT count(*) FROM desk_cases").fetchone() == (0,)
    restored.close()
    old = connect(kept, key)  # the replaced database is whole, cases and all
    assert table_rows(old) == after
    old.close()
    assert not list(district_db.parent.glob("*.tmp")) and not list(district_db.parent.glob("*.restore-*"))


def test_refusals_change_nothing(tmp_path: Path, district_db: Path):
    usb = tmp_path / "usb"  # district_db lies in tmp_path itself
    supervisor = open_session(district_db, "sana", SUPERVISOR_PASSWORD)
    backup_now(supervisor, usb / "b.zip")
    supervisor.close()
    folder_before = _files(district_db.parent)

    with pytest.raises(PermissionDenied) as denied:
        restore_backup(usb / "b.zip", district_db, with_password("omar", OPERATOR_PASSWORD))
    assert str(denied.value) == ("omar (role: operator) may not back up or restore the database; that needs one of "
                                 "the roles: admin, clerk, supervisor.")
    with pytest.raises(AuthError) as wrong:
        restore_backup(usb / "b.zip", district_db, with_password("sana", "not her password"))
    assert str(wrong.value) == "Wrong password for 'sana'. 4 tries left before the user is locked."
    with pytest.raises(AuthError) as wrong_key:
        restore_backup(usb / "b.zip", district_db, with_recovery_key("AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH"))
    assert str(wrong_key.value) == "That recovery key does not open this database. Check it against the printed copy."

    with zipfile.ZipFile(usb / "b.zip") as archive:
        members = [(name, archive.read(name)) for name in archive.namelist()]
    manifest = json.loads(dict(members)["manifest.json"])

    def rezip(name: str, changed: list[tuple[str, bytes]]) -> Path:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            for member, content in changed:
                archive.writestr(member, content)
        (usb / name).write_bytes(buffer.getvalue())
        return usb / name

    database = bytearray(dict(members)["mizan.db"])
    database[len(database) // 2] ^= 0x01  # one bit in a page in the middle
    flipped = [(n, bytes(database) if n == "mizan.db" else c) for n, c in members]
    with pytest.raises(BackupRejected) as hash_error:
        restore_backup(rezip("flipped.zip", flipped), district_db, with_password("sana", SUPERVISOR_PASSWORD))
    assert str(hash_error.value) == "flipped.zip is damaged: mizan.db does not match its SHA-256."

    # The same bit flipped by someone who also fixed the manifest: SQLCipher's page HMACs catch it.
    forged = dict(manifest, files=dict(manifest["files"], **{"mizan.db": {
        "sha256": hashlib.sha256(bytes(database)).hexdigest(), "bytes": len(database)}}))
    rehashed = [(n, json.dumps(forged).encode() if n == "manifest.json" else c) for n, c in flipped]
    with pytest.raises(BackupRejected) as integrity:
        restore_backup(rezip("rehashed.zip", rehashed), district_db, with_password("sana", SUPERVISOR_PASSWORD))
    assert str(integrity.value) == "rehashed.zip is damaged: the database inside fails its integrity check."

    newer = dict(manifest, migrations=[*manifest["migrations"], "0999_from_the_future"])
    future = [(n, json.dumps(newer).encode() if n == "manifest.json" else c) for n, c in members]
    with pytest.raises(BackupRejected) as too_new:
        restore_backup(rezip("future.zip", future), district_db, with_password("sana", SUPERVISOR_PASSWORD))
    assert str(too_new.value) == ("future.zip was made by a newer Mizan (schema 0999_from_the_future); update Mizan, "
                                  "then restore.")
    extra = [*members, ("../../evil", b"x")]
    with pytest.raises(BackupRejected, match=r"^extra.zip is not a Mizan backup \(it holds"):
        restore_backup(rezip("extra.zip", extra), district_db, with_password("sana", SUPERVISOR_PASSWORD))
    (usb / "not.zip").write_bytes(b"PK\x03\x04 but not really")
    with pytest.raises(BackupRejected) as not_zip:
        read_backup(usb / "not.zip")
    assert str(not_zip.value) == "not.zip is not a Mizan backup (not a readable ZIP file)."

    after = _files(district_db.parent)
    # Only the wrong password touched anything: the failure count in the staged copy, which was removed.
    assert after == folder_before


def test_a_signed_in_restore_opens_only_this_installations_backups(tmp_path: Path, district_db: Path, centre_db: Path):
    clerk = open_session(centre_db, "clara", CLERK_PASSWORD)
    backup_now(clerk, tmp_path / "centre.zip")
    clerk.close()
    supervisor = open_session(district_db, "sana", SUPERVISOR_PASSWORD)
    counts = table_counts(supervisor)
    try:
        with pytest.raises(BackupRejected) as foreign:
            prepare_restore(tmp_path / "centre.zip", district_db, with_session(supervisor))
        assert str(foreign.value) == ("centre.zip does not open with this installation's key: it is another "
                                      "installation's backup, or damaged.")
        assert table_counts(supervisor) == counts
        operator = open_session(district_db, "omar", OPERATOR_PASSWORD)
        with pytest.raises(PermissionDenied, match=r"^omar \(role: operator\) may not back up or restore"):
            with_session(operator)
        operator.close()
    finally:
        supervisor.close()


# -- automatic backups -----------------------------------------------------------------------------


def test_an_import_backs_up_first_and_keeps_todays_beyond_the_last_n(tmp_path: Path):
    pair = make_pair(tmp_path)
    try:
        set_backup_keep(pair.clerk, 2)
        for _ in range(3):
            add_desk_cases(pair.supervisor, 1)  # a new case each round: a new bundle to import
            import_bundles(pair.clerk, [export_to(pair.supervisor, tmp_path / "usb")])
        import_bundles(pair.clerk, [])  # an inbox scan that found nothing new makes no backup
        files = automatic_backup_files(pair.centre_path)
        # Keep 2, but every backup of the last 3 days of use stays (tests/test_attacks.py prunes older ones).
        assert len(files) == 3 and all(f.name.endswith("-before-import.mizan-backup.zip") for f in files)
        listed = list_backups(pair.centre_path)
        assert [b.path for b in listed] == list(reversed(files)) and listed[0].created_by == "clara"
        # The newest was taken before the third import: it holds the first two bundles only.
        restore_backup(files[-1], tmp_path / "check.db", with_password("clara", CLERK_PASSWORD))
        check = connect(tmp_path / "check.db", pair.clerk.db_key)
        assert check.execute("SELECT count(*) FROM bundles").fetchone() == (2,)
        check.close()
    finally:
        pair.close()


def test_the_keep_setting_is_checked_and_refused_to_operators(district_db: Path):
    operator = open_session(district_db, "omar", OPERATOR_PASSWORD)
    counts = table_counts(operator)
    with pytest.raises(PermissionDenied):
        set_backup_keep(operator, 3)
    assert table_counts(operator) == counts
    operator.close()
    supervisor = open_session(district_db, "sana", SUPERVISOR_PASSWORD)
    with pytest.raises(backups.UsageError) as wrong:
        set_backup_keep(supervisor, 0)
    assert str(wrong.value) == "Keep between 1 and 365 automatic backups, not 0."
    set_backup_keep(supervisor, 4)
    assert backups.backup_keep(supervisor.db) == 4
    supervisor.close()


def test_the_first_sign_in_of_a_day_backs_up(district_db: Path):
    supervisor = open_session(district_db, "sana", SUPERVISOR_PASSWORD)
    assert not daily_backup_due(supervisor.db, district_db)  # created today: nothing to protect yet
    yesterday = (dt.datetime.now(dt.UTC) - dt.timedelta(days=1)).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    with supervisor.write() as db:
        db.execute("UPDATE installation SET created_at = ?", [yesterday])
    assert daily_backup_due(supervisor.db, district_db)
    supervisor.close()
    open_session(district_db, "omar", OPERATOR_PASSWORD).close()  # any role's sign-in
    [daily] = automatic_backup_files(district_db)
    assert daily.name.endswith("-daily.mizan-backup.zip")
    open_session(district_db, "sana", SUPERVISOR_PASSWORD).close()  # the second sign-in of the day: no more
    assert automatic_backup_files(district_db) == [daily]
    supervisor = open_session(district_db, "sana", SUPERVISOR_PASSWORD)
    assert not daily_backup_due(supervisor.db, district_db, dt.date.today())
    assert daily_backup_due(supervisor.db, district_db, dt.date.today() + dt.timedelta(days=1))
    supervisor.close()


def test_a_migration_backs_up_first_and_the_backup_restores(district_db: Path, tmp_path: Path):
    @migrations(name="9998_test_only_backup_column")
    def add_column(db):
        db.execute("ALTER TABLE desks ADD COLUMN test_only TEXT")

    try:
        open_session(district_db, "sana", SUPERVISOR_PASSWORD).close()
    finally:
        migrations._migrations = [m for m in migrations._migrations if m.name != "9998_test_only_backup_column"]
    [before] = automatic_backup_files(district_db)
    assert before.name.endswith("-before-migration.mizan-backup.zip")
    assert "9998_test_only_backup_column" not in read_backup(before).migrations
    restore_backup(before, tmp_path / "old.db", with_password("sana", SUPERVISOR_PASSWORD))
    old = open_session(tmp_path / "old.db", "sana", SUPERVISOR_PASSWORD)
    assert "test_only" not in {c.name for c in old.db["desks"].columns}
    old.close()


# -- the command line --------------------------------------------------------------------------------


def test_cli_backup_list_and_restore_with_the_recovery_key(tmp_path: Path, monkeypatch, capsys):
    db = tmp_path / "pc" / "zhob.db"
    monkeypatch.setenv("MIZAN_PASSWORD", ADMIN_PASSWORD)
    assert main(["--db", str(db), "init", "--role", "district", "--district", "ZHOB", "--admin", "gul"]) == 0
    recovery_key = [line.strip() for line in capsys.readouterr().out.splitlines() if line.startswith("    ")][0]
    assert main(["--db", str(db), "--user", "gul", "backup", "keep", "5"]) == 0
    assert main(["--db", str(db), "--user", "gul", "backup", "--out", str(tmp_path / "usb" / "zhob.zip")]) == 0
    out = capsys.readouterr().out
    assert f"Wrote the backup {tmp_path / 'usb' / 'zhob.zip'}" in out
    assert main(["--db", str(db), "backup", "list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []  # created today: no automatic backup yet
    assert main(["--db", str(db), "--user", "gul", "backup"]) == 2
    assert capsys.readouterr().err.strip() == ("Say where to write the backup: backup --out FILE "
                                               "(e.g. on a USB stick).")
    for path in list(db.parent.iterdir()):
        path.unlink()
    monkeypatch.setenv("MIZAN_RECOVERY_KEY", "not the key")
    assert main(["--db", str(db), "restore", str(tmp_path / "usb" / "zhob.zip"), "--recovery-key"]) == 4
    assert capsys.readouterr().err.strip() == ("That recovery key does not open this database. Check it against "
                                               "the printed copy.")
    assert not db.exists()
    monkeypatch.setenv("MIZAN_RECOVERY_KEY", recovery_key)
    assert main(["--db", str(db), "restore", str(tmp_path / "usb" / "zhob.zip"), "--recovery-key"]) == 0
    assert f"Restored {db} from" in capsys.readouterr().out
    open_session(db, "gul", ADMIN_PASSWORD).close()
    (tmp_path / "junk.zip").write_bytes(b"junk")
    assert main(["--db", str(db), "--user", "gul", "restore", str(tmp_path / "junk.zip")]) == 5
    assert capsys.readouterr().err.strip() == "junk.zip is not a Mizan backup (not a readable ZIP file)."
    assert keyfile_path(db).exists()
