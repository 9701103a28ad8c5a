"""No password, key or client's identifying detail appears in an error message: the main error paths are
driven for real and their messages searched, and the source is checked so a new ``raise`` cannot put a
secret into one."""

from __future__ import annotations

import ast
from pathlib import Path

import pyrage
import pytest

import storage
from main import main
from storage.core.backup import backup_now, restore_backup, with_password, with_recovery_key
from storage.core.session import open_session
from storage.errors import AuthError, ValidationFailed
from storage.records.desk import save_desk_case
from sync.importer import import_bundles
from tests.conftest import SUPERVISOR_PASSWORD
from tests.sync_helpers import craft_bundle, desk_case, make_pair

IDENTITY = {"name": "Gul Bibi Marri", "guardian_name": "Sher Khan Marri", "cnic": "54401-7654321-2",
            "phone": "0333-7654321", "address": "House 9, Street 4, Satellite Town"}


def _assert_clean(text: str, *secrets: str) -> None:
    for secret in secrets:
        assert secret not in text, f"{secret!r} appears in {text!r}"


def test_a_wrong_password_is_not_repeated(district_db: Path, tmp_path: Path, monkeypatch, capsys):
    with pytest.raises(AuthError) as wrong:
        open_session(district_db, "sana", "hunter2-guess")
    _assert_clean(str(wrong.value), "hunter2-guess", SUPERVISOR_PASSWORD)
    monkeypatch.setenv("MIZAN_PASSWORD", "hunter2-guess")
    assert main(["--db", str(district_db), "--user", "sana", "values"]) == 4
    captured = capsys.readouterr()
    _assert_clean(captured.out + captured.err, "hunter2-guess", SUPERVISOR_PASSWORD)

    supervisor = open_session(district_db, "sana", SUPERVISOR_PASSWORD)
    backup_now(supervisor, tmp_path / "usb" / "b.zip")
    db_key = supervisor.db_key.hex()
    supervisor.close()
    for unlock, secret in ((with_password("sana", "hunter2-guess"), "hunter2-guess"),
                           (with_recovery_key("WXYZ-WXYZ-WXYZ-WXYZ-WXYZ-WXYZ-WXYZ-WXYZ"), "WXYZ")):
        with pytest.raises(AuthError) as refused:
            restore_backup(tmp_path / "usb" / "b.zip", tmp_path / "elsewhere.db", unlock)
        _assert_clean(str(refused.value), secret, db_key)


def test_a_case_that_fails_validation_does_not_echo_the_clients_identity(supervisor):
    with pytest.raises(ValidationFailed) as failed:
        save_desk_case(supervisor, desk_case(client_age=300), identity=IDENTITY)
    texts = [str(failed.value), *(found.message for found in failed.value.issues)]
    assert any("300" in text for text in texts)  # the message names what is wrong ...
    for text in texts:
        _assert_clean(text, *IDENTITY.values())  # ... and nothing of who the client is
    assert supervisor.db.execute("SELECT count(*) FROM desk_case_identities").fetchone() == (0,)


def test_a_rejected_bundle_names_no_key_and_no_record(tmp_path: Path):
    pair = make_pair(tmp_path)
    try:
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

        other_centre = pyrage.x25519.Identity.generate()
        stranger = Ed25519PrivateKey.generate()
        record_text = "a record that must not be quoted"
        for_other = craft_bundle(tmp_path / "other.mizan", recipient=str(other_centre.to_public()),
                                 private_key=stranger, device_id=pair.enrollment.device_id, district="QUETTA",
                                 device_name=record_text)
        unknown = craft_bundle(tmp_path / "unknown.mizan", recipient=pair.recipient, private_key=stranger,
                               device_id="11111111-2222-3333-4444-555555555555", district="QUETTA")
        (tmp_path / "garbage.mizan").write_bytes(b"age-encryption.org/v1\n-> X25519 garbage\n")
        outcomes = import_bundles(pair.clerk, [for_other, unknown, tmp_path / "garbage.mizan"])
        assert [outcome.status for outcome in outcomes] == ["rejected"] * 3
        for outcome in outcomes:
            _assert_clean(outcome.reason, pair.identity, "AGE-SECRET-KEY", str(other_centre), record_text,
                          pair.clerk.db_key.hex())
    finally:
        pair.close()


SECRET_NAMES = {"password", "new_password", "passphrase", "secret", "db_key", "recovery_key", "identity", "kek",
                "plaintext", "cnic", "phone", "guardian_name", "address"}


def _secret_names_in_raises(source: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Raise) or node.exc is None:
            continue
        for part in ast.walk(node.exc):
            if isinstance(part, ast.FormattedValue):
                for name in ast.walk(part.value):
                    if isinstance(name, ast.Name) and name.id in SECRET_NAMES:
                        found.append(f"{source.name}:{node.lineno}: {name.id}")
                    if isinstance(name, ast.Attribute) and name.attr in SECRET_NAMES:
                        found.append(f"{source.name}:{node.lineno}: .{name.attr}")
    return found


def test_no_raise_formats_a_secret_into_its_message():
    """Every f-string of every ``raise`` in storage/ and sync/: no password, key, plaintext or identity field."""
    assert [found for source in _sources("storage", "sync") for found in _secret_names_in_raises(source)] == []


def _sources(*packages: str, root: Path = Path(storage.__file__).parent.parent) -> list[Path]:
    """Every module of these packages, sub-packages included."""
    return [source for package in packages for source in sorted((root / package).rglob("*.py"))]


def test_the_checks_reach_modules_in_sub_packages(tmp_path):
    planted = tmp_path / "sync" / "deep" / "er" / "leaky.py"
    planted.parent.mkdir(parents=True)
    planted.write_text("def f(password):\n    raise ValueError(f'bad {password}')\n", encoding="utf-8")
    assert [_secret_names_in_raises(source) for source in _sources("sync", root=tmp_path)] == [["leaky.py:2: password"]]


def test_nothing_logs():
    """Mizan keeps no log file: errors go to the person (stderr, a dialog), the audit log records changes
    with identities redacted. A ``logging`` call added later must be reviewed for secrets; this points at it."""
    users = []
    for source in _sources("storage", "sync", "gui"):
        tree = ast.parse(source.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                names = [alias.name for alias in node.names] + [getattr(node, "module", None) or ""]
                if "logging" in names:
                    users.append(source.name)
    assert users == []
