"""The centre rotates its age key (old bundles still import, new ones go to the new key, checked with the
real ``age`` binary), and revoked devices stay revoked whatever backup is restored."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from main import main
from storage.core.backup import backup_now, ledger_path, restore_backup, with_password
from storage.core.ledger import ledger_key, legacy_ledger_key, signed_line
from storage.core.session import open_session
from storage.errors import PermissionDenied, UsageError
from sync.devices import enroll_device, revoke_device
from sync.importer import import_bundles
from sync.keys import (
    age_identities,
    age_recipient,
    backup_keys,
    export_key_file,
    read_centre_key,
    restore_keys,
    rotate_centre_key,
    trust_centre,
)
from tests.conftest import ADMIN_PASSWORD, CLERK_PASSWORD, table_counts
from tests.sync_helpers import add_desk_cases, export_to, link, make_centre, make_district, make_pair, opened_bundle

AGE = shutil.which("age")


def _age_opens(bundle: Path, identity: str, folder: Path) -> bool:
    identity_file = folder / "identity.txt"
    identity_file.write_text(identity + "\n")
    result = subprocess.run([AGE, "-d", "-i", str(identity_file), "-o", str(folder / "out.zip"), str(bundle)],
                            capture_output=True, check=False)
    return result.returncode == 0


@pytest.mark.skipif(AGE is None, reason="needs the age binary")
def test_rotation_keeps_old_bundles_importable_and_new_ones_go_to_the_new_key(tmp_path: Path):
    pair = make_pair(tmp_path)
    centre_admin = open_session(pair.centre_path, "admin", ADMIN_PASSWORD)
    try:
        old_identity, old_recipient = str(age_identities(pair.clerk)[0]), age_recipient(pair.clerk)
        add_desk_cases(pair.supervisor, 1)
        for_old_key = export_to(pair.supervisor, tmp_path / "usb1")

        with pytest.raises(PermissionDenied):
            rotate_centre_key(pair.clerk)  # keys are the admin's
        new = rotate_centre_key(centre_admin)
        assert export_key_file(centre_admin, tmp_path / "centre-new.key") == new.fingerprint
        assert read_centre_key(tmp_path / "centre-new.key") == new
        assert new.recipient != old_recipient and age_recipient(pair.clerk) == new.recipient
        assert [str(i.to_public()) for i in age_identities(pair.clerk)] == [new.recipient, old_recipient]
        retired = pair.clerk.db.execute("SELECT name, retired_at FROM secret_keys WHERE name LIKE 'age:%'").fetchall()
        assert retired[0][0] == f"age:{old_recipient}" and retired[0][1]

        [outcome] = import_bundles(pair.clerk, [for_old_key])
        assert outcome.status == "imported", outcome.reason

        with pytest.raises(UsageError, match="add --replace"):
            trust_centre(pair.district_admin, tmp_path / "centre-new.key", new.fingerprint)
        trust_centre(pair.district_admin, tmp_path / "centre-new.key", new.fingerprint, replace=True)
        add_desk_cases(pair.supervisor, 1)
        for_new_key = export_to(pair.supervisor, tmp_path / "usb2")
        assert opened_bundle(pair.clerk, for_new_key)[0]["centre_recipient"] == new.recipient
        assert _age_opens(for_new_key, str(age_identities(pair.clerk)[0]), tmp_path)
        assert not _age_opens(for_new_key, old_identity, tmp_path)
        [outcome] = import_bundles(pair.clerk, [for_new_key])
        assert outcome.status == "imported", outcome.reason

        # The key backup carries the retired identity too: a centre rebuilt from it opens both kinds.
        backup_keys(centre_admin, tmp_path / "keys.age", "a long backup passphrase")
        fresh_path = make_centre(tmp_path, "fresh.db")
        fresh = open_session(fresh_path, "admin", ADMIN_PASSWORD)
        assert restore_keys(fresh, tmp_path / "keys.age", "a long backup passphrase") == new.fingerprint
        assert [str(i.to_public()) for i in age_identities(fresh)] == [new.recipient, old_recipient]
        fresh.close()
    finally:
        centre_admin.close()
        pair.close()


def test_a_restore_from_before_a_rotation_keeps_the_new_key(tmp_path: Path):
    pair = make_pair(tmp_path)
    backup_now(pair.clerk, tmp_path / "before-rotation.zip")
    old_recipient = age_recipient(pair.clerk)
    centre_admin = open_session(pair.centre_path, "admin", ADMIN_PASSWORD)
    new = rotate_centre_key(centre_admin)
    centre_admin.close()
    new_print = export_key_file(pair.clerk, tmp_path / "centre-new.key")
    trust_centre(pair.district_admin, tmp_path / "centre-new.key", new_print, replace=True)
    add_desk_cases(pair.supervisor, 1)
    for_new_key = export_to(pair.supervisor, tmp_path / "usb")
    pair.clerk.close()
    restore_backup(tmp_path / "before-rotation.zip", pair.centre_path, with_password("clara", CLERK_PASSWORD))
    clerk = open_session(pair.centre_path, "clara", CLERK_PASSWORD)
    try:
        assert age_recipient(clerk) == new.recipient
        assert [str(i.to_public()) for i in age_identities(clerk)] == [new.recipient, old_recipient]
        [outcome] = import_bundles(clerk, [for_new_key])
        assert outcome.status == "imported", outcome.reason
    finally:
        clerk.close()
        pair.supervisor.close()
        pair.district_admin.close()


def _revoked_scenario(tmp_path: Path):
    """A linked pair, a centre backup taken while the device was active, then the device revoked."""
    pair = make_pair(tmp_path)
    backup_now(pair.clerk, tmp_path / "while-active.zip")
    revoke_device(pair.clerk, pair.enrollment.device_id)
    add_desk_cases(pair.supervisor, 1)
    bundle = export_to(pair.supervisor, tmp_path / "usb")
    pair.clerk.close()
    return pair, bundle


def _assert_revoked(pair, bundle: Path, tmp_path: Path) -> None:
    clerk = open_session(pair.centre_path, "clara", CLERK_PASSWORD)
    try:
        status = clerk.db.execute("SELECT status FROM devices WHERE device_id = ?",
                                  [pair.enrollment.device_id]).fetchone()
        assert status == ("revoked",)
        counts = table_counts(clerk)
        [outcome] = import_bundles(clerk, [bundle])
        assert outcome.status == "rejected" and "which was revoked on" in outcome.reason
        assert {k: v for k, v in table_counts(clerk).items() if k not in ("audit_log", "audit_seals")} == \
            {k: v for k, v in counts.items() if k not in ("audit_log", "audit_seals")}
        again_print = export_key_file(pair.district_admin, tmp_path / "again.enroll")
        with pytest.raises(UsageError, match="was revoked; a revoked device is never enrolled again"):
            enroll_device(clerk, tmp_path / "again.enroll", again_print)
    finally:
        clerk.close()
        pair.supervisor.close()
        pair.district_admin.close()


def test_a_revoked_device_stays_revoked_after_restoring_an_older_backup(tmp_path: Path):
    pair, bundle = _revoked_scenario(tmp_path)
    restore_backup(tmp_path / "while-active.zip", pair.centre_path, with_password("clara", CLERK_PASSWORD))
    _assert_revoked(pair, bundle, tmp_path)


def test_the_ledger_revokes_when_the_replaced_database_is_unreadable(tmp_path: Path):
    pair, bundle = _revoked_scenario(tmp_path)
    pair.centre_path.write_bytes(b"\0" * 4096)  # the disk ate the database; the ledger beside it survived
    restore_backup(tmp_path / "while-active.zip", pair.centre_path, with_password("clara", CLERK_PASSWORD))
    _assert_revoked(pair, bundle, tmp_path)


def test_a_device_enrolled_and_revoked_after_the_backup_cannot_be_enrolled_again(tmp_path: Path):
    pair = make_pair(tmp_path)
    backup_now(pair.clerk, tmp_path / "before-enrolment.zip")
    # A second district PC, enrolled and revoked after the backup.
    second = open_session(make_district(tmp_path, "PISHIN"), "admin", ADMIN_PASSWORD)
    enrollment = link(pair.clerk, second, tmp_path)
    revoke_device(pair.clerk, enrollment.device_id)
    pair.clerk.close()
    restore_backup(tmp_path / "before-enrolment.zip", pair.centre_path, with_password("clara", CLERK_PASSWORD))
    clerk = open_session(pair.centre_path, "clara", CLERK_PASSWORD)
    try:
        pishin_print = export_key_file(second, tmp_path / "pishin.enroll")
        with pytest.raises(UsageError, match="was revoked; a revoked device is never enrolled again"):
            enroll_device(clerk, tmp_path / "pishin.enroll", pishin_print)
    finally:
        clerk.close()
        second.close()
        pair.supervisor.close()
        pair.district_admin.close()


def test_sign_in_reapplies_the_ledger_and_ignores_forged_lines(tmp_path: Path):
    pair = make_pair(tmp_path)
    pair.clerk.close()
    shutil.copy2(pair.centre_path, tmp_path / "copy.db")  # someone keeps a copy of the file by hand
    clerk = open_session(pair.centre_path, "clara", CLERK_PASSWORD)
    revoke_device(clerk, pair.enrollment.device_id)
    clerk.close()
    forged = ledger_path(pair.centre_path).read_bytes().replace(b'"QUETTA"', b'"PISHIN"')
    ledger_path(pair.centre_path).write_bytes(forged + b'{"entry": {"device_id": "x"}, "mac": "00"}\n')
    shutil.copy2(tmp_path / "copy.db", pair.centre_path)  # ... and puts it back
    clerk = open_session(pair.centre_path, "clara", CLERK_PASSWORD)
    try:
        # Both lines fail their HMAC: nothing is revoked from them (the forged district is not believed).
        assert clerk.db.execute("SELECT status FROM devices").fetchall() == [("active",)]
    finally:
        clerk.close()
    ledger_path(pair.centre_path).write_bytes(forged.replace(b'"PISHIN"', b'"QUETTA"'))
    clerk = open_session(pair.centre_path, "clara", CLERK_PASSWORD)
    try:
        assert clerk.db.execute("SELECT status FROM devices").fetchall() == [("revoked",)]
        actor = clerk.db.execute("SELECT actor FROM audit_log WHERE table_name = 'devices' ORDER BY id DESC "
                                 "LIMIT 1").fetchone()
        assert actor == ("clara",)
    finally:
        clerk.close()
        pair.supervisor.close()
        pair.district_admin.close()


def test_cli_keys_rotate_writes_the_new_centre_key(tmp_path: Path, monkeypatch, capsys):
    centre = make_centre(tmp_path)
    monkeypatch.setenv("MIZAN_PASSWORD", CLERK_PASSWORD)
    assert main(["--db", str(centre), "--user", "clara", "keys", "rotate", "--out", str(tmp_path / "new.key")]) == 4
    assert capsys.readouterr().err.strip() == ("clara (role: clerk) may not manage keys; that needs one of the roles: "
                                               "admin.")
    assert not (tmp_path / "new.key").exists()
    monkeypatch.setenv("MIZAN_PASSWORD", ADMIN_PASSWORD)
    assert main(["--db", str(centre), "--user", "admin", "keys", "rotate", "--out", str(tmp_path / "new.key")]) == 0
    new = read_centre_key(tmp_path / "new.key")
    assert f"The centre has a new key. Fingerprint: {new.fingerprint}." in capsys.readouterr().out


def test_a_revocation_ledger_signed_before_the_stored_ledger_key_still_verifies(tmp_path: Path):
    """Before migration 0013 the ledger was signed with a key derived from the database key. Such an
    installation gets exactly that key stored at its next sign-in, so its ledger keeps revoking."""
    pair = make_pair(tmp_path)
    clerk = pair.clerk
    row = clerk.db.execute("SELECT device_id, district, device_name, public_key, fingerprint, enrolled_at, "
                           "enrolled_by FROM devices").fetchone()
    entry = dict(zip(("device_id", "district", "device_name", "public_key", "fingerprint", "enrolled_at",
                      "enrolled_by"), row, strict=True)) | {"revoked_at": "2026-01-01T00:00:00.000Z", "revoked_by": "clara"}
    with clerk.db.atomic():
        clerk.db.execute("DELETE FROM ledger_keys")  # as an installation from before 0013
    ledger_path(pair.centre_path).write_bytes(signed_line(legacy_ledger_key(clerk.db_key), entry))
    clerk.close()
    clerk = open_session(pair.centre_path, "clara", CLERK_PASSWORD)
    try:
        assert clerk.db.execute("SELECT status FROM devices").fetchall() == [("revoked",)]
        assert ledger_key(clerk.db) == legacy_ledger_key(clerk.db_key)
    finally:
        clerk.close()
        pair.supervisor.close()
        pair.district_admin.close()
