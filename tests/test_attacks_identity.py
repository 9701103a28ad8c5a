"""Attacks on survivors' identities with a user account and the two files (issue 12, item 1).

Before the identity key, every key slot unwrapped the one database key and roles were checked only in the
app: an admin's password, the database and its key file gave every survivor's name, CNIC, phone, address
and notes with plain SQL; a removed user's old password with an old copy of the key file still opened the
database. Each test here fails on 68ebe37 (see the commit message for the assertion that fails).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from storage.core.connection import connect
from storage.core.identity import current_key_id, key_id, open_identity
from storage.core.keyslots import KeyFile, keyfile_path
from storage.core.session import open_session
from storage.errors import AuthError
from storage.records.desk import get_desk_case, save_desk_case
from storage.records.users import add_user, change_password, grant_identity_access, list_users, remove_user
from sync import importer
from tests.conftest import ADMIN_PASSWORD, OPERATOR_PASSWORD, SUPERVISOR_PASSWORD
from tests.sync_helpers import desk_case, export_to, make_pair, sign_in

IDENTITY = {"name": "Zarina Bibi", "guardian_name": "Gul Khan", "cnic": "54401-1234567-1",
            "phone": "0300-1234567", "address": "House 12, Hazara Colony"}
NOTES = "Came with her sister; afraid of the husband's brother"
SECRETS = [*IDENTITY.values(), NOTES, "Zarina", "1234567", "sister"]


def _everything(path: Path, db_key: bytes) -> str:
    """Every cell of every table (audit log included), read with plain SQL and the database key."""
    db = connect(path, db_key)
    try:
        tables = [row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return "\n".join(str(row) for table in tables for row in db.execute(f"SELECT * FROM [{table}]"))
    finally:
        db.close()


def _case_with_identity(operator) -> str:
    return save_desk_case(operator, desk_case(notes=NOTES), identity=IDENTITY)


def test_an_admins_password_and_the_files_read_no_identity_even_with_direct_sql(district_db: Path, operator):
    case_uuid = _case_with_identity(operator)
    operator.close()
    admin = open_session(district_db, "admin", ADMIN_PASSWORD)  # a real sign-in: the admin's slot only
    db_key = admin.db_key
    assert admin.identity_key is None
    admin.close()
    dump = _everything(district_db, db_key)
    assert case_uuid in dump  # the case itself is there
    for secret in SECRETS:
        assert secret not in dump


def test_the_operator_reads_identity_and_notes_through_the_app(district_db: Path, operator):
    case_uuid = _case_with_identity(operator)
    operator.close()
    again = open_session(district_db, "omar", OPERATOR_PASSWORD)
    case = get_desk_case(again, case_uuid)
    assert case["identity"] == IDENTITY
    assert case["notes"] == NOTES
    assert case["identity_withheld"] is None
    again.close()


def test_a_removed_users_old_password_and_old_key_file_open_nothing_new(district_db: Path, operator, supervisor):
    case_uuid = _case_with_identity(operator)
    operator.close()
    stolen = district_db.parent / "stolen.keys"
    shutil.copyfile(keyfile_path(district_db), stolen)
    assert remove_user(supervisor, "omar") == "both"
    old = KeyFile.load(stolen).open_user_slot("omar", OPERATOR_PASSWORD)
    with pytest.raises(AuthError, match="could not be opened with this key"):
        connect(district_db, old.db_keys[0])
    # Even with the new database key (from someone else), the old identity key opens no sealed value.
    sealed = supervisor.db.execute("SELECT sealed FROM desk_case_identities WHERE case_uuid = ?", [case_uuid]).fetchone()[0]
    assert key_id(old.identity_keys[0]) != current_key_id(supervisor)
    with pytest.raises(Exception, match="does not open"):
        open_identity(old.identity_keys[0], case_uuid, sealed)
    assert get_desk_case(supervisor, case_uuid)["identity"] == IDENTITY
    supervisor.close()
    reopened = open_session(district_db, "sana", SUPERVISOR_PASSWORD)  # the remaining users still sign in
    assert get_desk_case(reopened, case_uuid)["notes"] == NOTES
    reopened.close()


def test_a_password_reset_by_an_admin_leaves_the_old_password_and_key_file_opening_nothing(district_db: Path, operator,
                                                                                           district_admin):
    case_uuid = _case_with_identity(operator)
    operator.close()
    stolen = district_db.parent / "stolen.keys"
    shutil.copyfile(keyfile_path(district_db), stolen)
    old = KeyFile.load(stolen).open_user_slot("omar", OPERATOR_PASSWORD)
    change_password(district_admin, "omar", "admin-chosen-pass")
    with pytest.raises(AuthError, match="could not be opened with this key"):
        connect(district_db, old.db_keys[0])
    # The admin does not hold the identity key: omar now waits for a holder's grant, and the identity
    # rotation is due at the next holder's sign-in.
    waiting = {user["name"]: user["identity_access"] for user in list_users(district_admin)}
    assert waiting["omar"] == "waiting"
    district_admin.close()
    sana = open_session(district_db, "sana", SUPERVISOR_PASSWORD)
    assert key_id(old.identity_keys[0]) != current_key_id(sana)  # rotated at her sign-in
    grant_identity_access(sana, "omar")
    sana.close()
    omar = open_session(district_db, "omar", "admin-chosen-pass")
    assert get_desk_case(omar, case_uuid)["identity"] == IDENTITY
    omar.close()


def test_the_centres_clerk_never_gets_identities_or_notes(tmp_path: Path):
    pair = make_pair(tmp_path)
    try:
        operator = sign_in(pair.district_path, "omar")
        case_uuid = _case_with_identity(operator)
        operator.close()
        importer.import_bundles(pair.clerk, [export_to(pair.supervisor, tmp_path / "usb")])
        case = get_desk_case(pair.clerk, case_uuid)
        assert case["identity_withheld"] == "role"
        assert case.get("identity") is None and case["notes"] is None
        dump = _everything(pair.centre_path, pair.clerk.db_key)
        assert case_uuid in dump
        for secret in SECRETS:
            assert secret not in dump
    finally:
        pair.close()


def test_an_identity_envelope_copied_into_another_users_slot_is_refused(district_db: Path, operator,
                                                                        district_admin):
    case_uuid = _case_with_identity(operator)
    operator.close()
    add_user(district_admin, "zara", "operator", "zara-pass-long")  # added by an admin: waits for a grant
    district_admin.close()
    path = keyfile_path(district_db)
    content = json.loads(path.read_text())
    for field in ("identity", "grant"):  # omar's envelope and grant tag, pasted into zara's and admin's slots
        content["slots"]["user:zara"][field] = content["slots"]["user:omar"][field]
        content["slots"]["user:admin"][field] = content["slots"]["user:omar"][field]
    path.write_text(json.dumps(content))
    zara = open_session(district_db, "zara", "zara-pass-long")
    assert zara.identity_key is None
    case = get_desk_case(zara, case_uuid)
    assert case["identity_withheld"] == "waiting" and case.get("identity") is None and case["notes"] is None
    zara.close()
    admin = open_session(district_db, "admin", ADMIN_PASSWORD)
    assert admin.identity_key is None
    admin.close()
