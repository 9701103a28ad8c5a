"""Bundles and key backups are plain age files: the real ``age`` binary reads what Mizan writes, and
Mizan reads what ``age`` writes. An auditor needs nothing but age, unzip and the centre's identity.

Needs the ``age`` binary (installed by .ci/system-deps). Without it these tests skip with a reason, except
on CI, where a missing ``age`` fails ``test_ci_has_the_age_binary``.
"""

from __future__ import annotations

import json
import os
import pty
import select
import shutil
import subprocess
import time
import zipfile
from pathlib import Path

import pyrage
import pytest

from storage.core.session import open_session
from storage.records.values import list_indicator_values
from sync.bundle import RECORD_TYPES, decrypt_bundle
from sync.devices import enroll_device
from sync.importer import import_bundles
from sync.keys import (
    age_identities,
    backup_keys,
    export_key_file,
    read_centre_key,
    restore_keys,
    signing_public_key,
    verify_signature,
)
from tests.conftest import ADMIN_PASSWORD, CLERK_PASSWORD, table_counts
from tests.sync_helpers import add_desk_cases, add_values, export_to, last_month, make_centre, make_pair

AGE = shutil.which("age")
PASSPHRASE = "correct horse battery staple 42"
EXPECTED_ENTRIES = {"manifest.json", "signature", *(f"{record_type}.jsonl" for record_type in RECORD_TYPES)}


def test_ci_has_the_age_binary():
    """CI installs age (.ci/system-deps): there, skipping the interop tests must not be possible."""
    if os.environ.get("CI") == "true":
        assert AGE is not None, "CI=true but the `age` binary is not on PATH; run .ci/system-deps"


@pytest.fixture(scope="module")
def age_binary() -> str:
    if AGE is None:
        pytest.skip("the `age` binary is not installed (apt-get install age, or run .ci/system-deps)")
    return AGE


@pytest.fixture(scope="module")
def pair(tmp_path_factory, age_binary):
    built = make_pair(tmp_path_factory.mktemp("age-interop"))
    add_values(built.supervisor)  # PRO-01 = 41, CRT-01 = 12
    add_desk_cases(built.supervisor, 1)
    built.bundle = export_to(built.supervisor, built.folder / "usb")
    yield built
    built.close()


@pytest.fixture(scope="module")
def identity_file(pair) -> Path:
    path = pair.folder / "centre-identity.txt"
    path.write_text(pair.identity + "\n", encoding="ascii")
    path.chmod(0o600)
    return path


def run_age(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([AGE, *args], capture_output=True, timeout=60, check=False)


def age_with_passphrase(args: list[str], passphrase: str, timeout: float = 60) -> tuple[int, str]:
    """Run age on a pseudo-terminal (it reads passphrases only from a terminal) and type ``passphrase``."""
    pid, fd = pty.fork()
    if pid == 0:  # the child: age, with the pty as its controlling terminal
        try:
            os.execv(AGE, [AGE, *args])
        finally:
            os._exit(127)
    output, typed, deadline = b"", False, time.monotonic() + timeout
    try:
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                os.kill(pid, 9)
                raise AssertionError(f"age did not finish within {timeout} s; it printed {output!r}")
            ready, _, _ = select.select([fd], [], [], remaining)
            if not ready:
                continue
            try:
                chunk = os.read(fd, 1024)
            except OSError:  # EIO: age exited and closed the terminal
                break
            if not chunk:
                break
            output += chunk
            if not typed and b"passphrase" in output.lower():
                os.write(fd, passphrase.encode() + b"\r")
                typed = True
    finally:
        os.close(fd)
    _, status = os.waitpid(pid, 0)
    assert typed, f"age never asked for a passphrase: {output!r}"
    return os.waitstatus_to_exitcode(status), output.decode("utf-8", "replace")


def test_the_age_binary_decrypts_a_bundle_that_unzip_lists(pair, identity_file, tmp_path):
    out = tmp_path / "b.zip"
    result = run_age("-d", "-i", str(identity_file), "-o", str(out), str(pair.bundle))
    assert result.returncode == 0, result.stderr.decode()
    assert decrypt_bundle(pair.bundle, age_identities(pair.clerk)) == out.read_bytes()
    with zipfile.ZipFile(out) as archive:
        assert set(archive.namelist()) == EXPECTED_ENTRIES
        manifest_bytes, signature = archive.read("manifest.json"), archive.read("signature").decode()
        values = [json.loads(line) for line in archive.read("indicator_values.jsonl").splitlines()]
    # What age hands the auditor is the district's signed statement of what it sent.
    assert verify_signature(signing_public_key(pair.supervisor), manifest_bytes, signature)
    manifest = json.loads(manifest_bytes)
    assert (manifest["device_id"], manifest["district"]) == (pair.supervisor.device_id, "QUETTA")
    assert sorted((v["indicator"], v["period"], v["value"]) for v in values) == [
        ("CRT-01", last_month(), 12), ("PRO-01", last_month(), 41)]
    if shutil.which("unzip"):
        listing = subprocess.run(["unzip", "-l", str(out)], capture_output=True, text=True, check=True).stdout
        listed = {line.split()[-1] for line in listing.splitlines()[3:-2]}
        assert listed == EXPECTED_ENTRIES


def test_the_age_binary_needs_the_right_identity(pair, tmp_path):
    """The counterpart of the test above: another identity does not open the bundle."""
    stranger = tmp_path / "stranger.txt"
    stranger.write_text(str(pyrage.x25519.Identity.generate()) + "\n")
    result = run_age("-d", "-i", str(stranger), "-o", str(tmp_path / "b.zip"), str(pair.bundle))
    assert result.returncode != 0
    assert b"no identity matched any of the recipients" in result.stderr


def test_a_bundle_encrypted_by_the_age_binary_imports_at_the_centre(pair, identity_file, tmp_path):
    plain = tmp_path / "b.zip"
    assert run_age("-d", "-i", str(identity_file), "-o", str(plain), str(pair.bundle)).returncode == 0
    recipient = read_centre_key(_centre_key_file(pair, tmp_path)).recipient
    reencrypted = tmp_path / "QUETTA-by-age-1.mizan"
    result = run_age("-r", recipient, "-o", str(reencrypted), str(plain))
    assert result.returncode == 0, result.stderr.decode()
    assert reencrypted.read_bytes() != pair.bundle.read_bytes()  # a new file key and nonce: a different file
    assert decrypt_bundle(reencrypted, age_identities(pair.clerk)) == plain.read_bytes()
    outcome, = import_bundles(pair.clerk, [reencrypted])
    assert (outcome.status, outcome.reason) == ("imported", None)
    stored = {(v["indicator"], v["district"], v["period"]): v["value"] for v in list_indicator_values(pair.clerk)}
    assert stored == {("PRO-01", "QUETTA", last_month()): 41, ("CRT-01", "QUETTA", last_month()): 12}
    # The original file is the same bundle (same id): a duplicate now.
    assert import_bundles(pair.clerk, [pair.bundle])[0].status == "duplicate"


def _centre_key_file(pair, folder: Path) -> Path:
    path = folder / "centre.key"
    export_key_file(pair.clerk, path)
    return path


@pytest.fixture(scope="module")
def backup(pair) -> Path:
    admin = open_session(pair.centre_path, "admin", ADMIN_PASSWORD)
    try:
        path = pair.folder / "centre-keys.age"
        backup_keys(admin, path, PASSPHRASE)
    finally:
        admin.close()
    return path


def test_the_key_backup_opens_with_age_and_the_passphrase(pair, backup, tmp_path):
    opened = tmp_path / "restored-identity.txt"
    code, output = age_with_passphrase(["-d", "-o", str(opened), str(backup)], PASSPHRASE)
    assert code == 0, output
    text = opened.read_text(encoding="ascii")
    assert pair.identity in text.splitlines()
    # The decrypted backup is an identity file age accepts as it is.
    plain = tmp_path / "b.zip"
    result = run_age("-d", "-i", str(opened), "-o", str(plain), str(pair.bundle))
    assert result.returncode == 0, result.stderr.decode()
    assert plain.read_bytes() == decrypt_bundle(pair.bundle, age_identities(pair.clerk))


def test_the_key_backup_does_not_open_with_a_wrong_passphrase(backup, tmp_path):
    opened = tmp_path / "nothing.txt"
    code, output = age_with_passphrase(["-d", "-o", str(opened), str(backup)], "not the passphrase at all")
    assert code != 0
    assert "incorrect passphrase" in output.lower()
    assert not opened.exists() or opened.read_bytes() == b""


def test_restored_keys_give_a_fresh_centre_the_same_fingerprint_and_it_imports_old_bundles(pair, backup, tmp_path):
    original_print = export_key_file(pair.clerk, tmp_path / "original.key")
    fresh_path = make_centre(tmp_path, "fresh-centre.db")
    fresh_admin = open_session(fresh_path, "admin", ADMIN_PASSWORD)
    fresh_clerk = open_session(fresh_path, "clara", CLERK_PASSWORD)
    try:
        assert export_key_file(fresh_clerk, tmp_path / "fresh-before.key") != original_print
        enrollment = tmp_path / "quetta.enroll"
        enroll_device(fresh_clerk, enrollment, export_key_file(pair.district_admin, enrollment))
        # Before the restore, the fresh centre's own new key does not open the bundle.
        before, = import_bundles(fresh_clerk, [pair.bundle])
        assert before.status == "rejected" and "was made for another centre" in before.reason

        assert restore_keys(fresh_admin, backup, PASSPHRASE) == original_print
        assert export_key_file(fresh_clerk, tmp_path / "fresh-after.key") == original_print
        assert (tmp_path / "fresh-after.key").read_text().splitlines()[2:] == (
            tmp_path / "original.key").read_text().splitlines()[2:]
        after, = import_bundles(fresh_clerk, [pair.bundle])
        assert (after.status, after.reason) == ("imported", None)
        stored = {(v["indicator"], v["district"], v["period"]): v["value"] for v in list_indicator_values(fresh_clerk)}
        assert stored == {("PRO-01", "QUETTA", last_month()): 41, ("CRT-01", "QUETTA", last_month()): 12}
    finally:
        fresh_admin.close()
        fresh_clerk.close()


def test_mizan_reads_a_file_age_encrypted_from_a_stream(pair, tmp_path):
    """age reading stdin (no file name, as in a pipe) writes the same format Mizan opens."""
    payload = b"any bytes at all\x00\xff" * 1000
    recipient = read_centre_key(_centre_key_file(pair, tmp_path)).recipient
    result = subprocess.run([AGE, "-r", recipient], input=payload, capture_output=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr.decode()
    path = tmp_path / "piped.mizan"
    path.write_bytes(result.stdout)
    assert decrypt_bundle(path, age_identities(pair.clerk)) == payload
    # And such a file, not being a bundle, is refused by the importer at the ZIP step, writing nothing.
    before = table_counts(pair.clerk)
    outcome, = import_bundles(pair.clerk, [path])
    assert (outcome.status, outcome.reason) == (
        "rejected", f"{path.name} decrypted, but its contents are not a valid ZIP (File is not a zip file).")
    assert table_counts(pair.clerk) == before

