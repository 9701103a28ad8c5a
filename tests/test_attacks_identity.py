"""Attacks on survivors' identities with a user account and the two files (issue 12, item 1).

Before the identity key, every key slot unwrapped the one database key and roles were checked only in the
app: an admin's password, the database and its key file gave every survivor's name, CNIC, phone, address
and notes with plain SQL; a removed user's old password with an old copy of the key file still opened the
database. Each test here fails on 68ebe37 (see the commit message for the assertion that fails).
"""

from __future__ import annotations

import base64
import json
import os
import shutil
from pathlib import Path

import pytest

from storage.core.connection import connect
from storage.core.identity import current_key_id, key_id, open_identity
from storage.core.keyslots import (
    ARGON2_MEMORY_KIB,
    ARGON2_PARALLELISM,
    ARGON2_TIME_COST,
    KeyFile,
    _password_kek,
    keyfile_path,
    new_database_key,
)
from storage.core.session import open_session
from storage.errors import AuthError, UsageError
from storage.records.desk import get_desk_case, save_desk_case
from storage.records.users import add_user, change_password, grant_identity_access, list_users, remove_user
from sync import importer
from tests.conftest import ADMIN_PASSWORD, OPERATOR_PASSWORD, SUPERVISOR_PASSWORD
from tests.sync_helpers import desk_case, export_to, make_pair, sign_in
from tests.templates import database_key

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


# -- upgrades and crashes --------------------------------------------------------------------------------


def _format_1_slot(name: str, password: str, db_key: bytes) -> dict:
    """A slot as format 1 wrote it: the password's argon2id key wrapped the database key itself."""
    salt = os.urandom(16)
    kek = _password_kek(password, salt, ARGON2_TIME_COST, ARGON2_MEMORY_KIB, ARGON2_PARALLELISM)
    return {"kdf": "argon2id", "salt": base64.b64encode(salt).decode(), "time_cost": ARGON2_TIME_COST,
            "memory_kib": ARGON2_MEMORY_KIB, "parallelism": ARGON2_PARALLELISM,
            **KeyFile._wrap(kek, db_key, name)}


def test_an_older_installation_is_sealed_and_converted_at_sign_in(district_db: Path, district_admin):
    """A database and key file as the version before this one left them: identities and notes in clear, no
    identity key, format-1 slots. The first holder's sign-in converts her slot, makes the key and seals."""
    db_key = district_admin.db_key
    case_uuid = "0b7c2a43-4d2e-4a51-9a57-000000000001"
    with district_admin.db.atomic():
        district_admin.db.execute(
            "INSERT INTO desk_cases (case_number, desk, district, report_date, client_code, client_sex, gbv_type, "
            "notes, entered_by, entered_at, uuid, hlc, origin_device) VALUES ('QTA-CITY-2026-0009', 'QTA-CITY', "
            "'QUETTA', '2026-10-05', 'QC-9', 'female', 'physical_assault', ?, 'omar', '2026-10-05', ?, "
            "'0000000000001.000000', 'old')", [NOTES, case_uuid])
        district_admin.db.execute("INSERT INTO desk_case_identities (case_uuid, name, cnic) VALUES (?, ?, ?)",
                                  [case_uuid, IDENTITY["name"], IDENTITY["cnic"]])
        district_admin.db.execute("DELETE FROM identity_key")
    district_admin.close()
    path = keyfile_path(district_db)
    content = json.loads(path.read_text())
    content["format"] = "mizan-keyslots-1"
    content["slots"] = {"user:admin": _format_1_slot("user:admin", ADMIN_PASSWORD, db_key),
                        "user:sana": _format_1_slot("user:sana", SUPERVISOR_PASSWORD, db_key),
                        "user:omar": _format_1_slot("user:omar", OPERATOR_PASSWORD, db_key)}
    path.write_text(json.dumps(content))

    sana = open_session(district_db, "sana", SUPERVISOR_PASSWORD)
    slots = json.loads(path.read_text())["slots"]
    assert "public" in slots["user:sana"] and "identity" in slots["user:sana"]
    assert "public" not in slots["user:omar"]  # converted at omar's own sign-in
    assert get_desk_case(sana, case_uuid)["identity"]["name"] == IDENTITY["name"]
    assert get_desk_case(sana, case_uuid)["notes"] == NOTES
    # A rotation would strand the format-1 slots: refused, naming them, before anything changes.
    with pytest.raises(UsageError, match="the key slots of admin are in the old format"):
        remove_user(sana, "omar")
    assert sana.db.execute("SELECT active FROM users WHERE name = 'omar'").fetchone()[0] == 1
    sana.close()
    dump = _everything(district_db, db_key)
    for secret in (IDENTITY["name"], IDENTITY["cnic"], NOTES):
        assert secret not in dump.replace("(redacted)", "")


def test_a_rotation_stopped_midway_leaves_every_slot_able_to_sign_in(district_db: Path, supervisor):
    """The new database key is enveloped beside the old one before the file changes: sign-in tries both."""
    new_key = new_database_key()
    supervisor.keyfile.stage_db_key(new_key)
    supervisor.keyfile.save()
    supervisor.close()
    open_session(district_db, "omar", OPERATOR_PASSWORD).close()  # the file still has the old key
    db = connect(district_db, database_key(district_db))
    db.execute(f"PRAGMA rekey = \"x'{new_key.hex()}'\"")  # the crash came after the rekey
    db.close()
    again = open_session(district_db, "omar", OPERATOR_PASSWORD)
    assert again.db_key == new_key
    again.close()
