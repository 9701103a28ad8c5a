"""Key files changed on their way (a USB stick, an email) are not trusted (issue 17, "Key files").

Each test is an attack, made the way someone who handles the file on its way would make it: the key in
an enrollment file or in the centre's key file swapped for the attacker's, with the file's fingerprint
line (a hash anyone can recompute) made to match; fields that are not what Mizan writes (a junk key, a
device id that is a path, names with control characters or too long, a key with non-ASCII letters); and
the command line asked to trust a file without the fingerprint heard by phone. The fingerprint typed is
always the one the other office reads out: what the exporting side's own function returns
(``export_key_file``), never what the file says.

Every refusal is checked word for word, and "nothing was stored" means every table's row count and the
installation's key file (``<db>.keys``) are unchanged, and so is the file that was handed in.
"""

from __future__ import annotations

from pathlib import Path

import pyrage
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from main import main
from storage.core.keyslots import keyfile_path
from sync.devices import enroll_device
from sync.importer import import_bundles
from sync.inbox import enroll_pending_device
from sync.keys import KeyFileError, age_recipient, export_key_file, fingerprint, trust_centre, trusted_centre
from tests.conftest import ADMIN_PASSWORD, CLERK_PASSWORD, table_counts
from tests.sync_helpers import add_values, craft_bundle, export_to, public_b64

MISMATCH = ("The fingerprint you typed, {typed}, is not this file's ({file}). The file may have been changed on its "
            "way: do not trust it; ask the other office to read theirs again. Nothing was stored.")
CHANGED = "The file was damaged or changed on its way; nothing was stored."


def swapped(text: str, field: str, value: str, new_fingerprint: str | None) -> str:
    """The key file ``text`` with ``field`` set to ``value`` and, as an attacker would, every mention of its
    fingerprint (the comment and the fingerprint line) replaced by ``new_fingerprint``."""
    lines = text.splitlines()
    old_fingerprint = next(line.split(":", 1)[1].strip() for line in lines if line.startswith("fingerprint:"))
    lines = [f"{field}: {value}" if line.startswith(f"{field}:") else line for line in lines]
    text = "\n".join(lines) + "\n"
    return text.replace(old_fingerprint, new_fingerprint) if new_fingerprint else text


def nothing_stored(session, handed_in: Path):
    """A snapshot to compare after a refusal: table counts, the installation's key file, the file handed in."""
    return table_counts(session), keyfile_path(session.path).read_bytes(), handed_in.read_bytes()


def devices(clerk) -> list[tuple]:
    return clerk.db.execute("SELECT device_id, public_key FROM devices").fetchall()


def linked_centre_key(clerk, district_admin, folder: Path) -> str:
    """The centre's key file carried to the district and trusted with the fingerprint read out; returns it."""
    centre_print = export_key_file(clerk, folder / "centre.key")
    trust_centre(district_admin, folder / "centre.key", centre_print)
    return centre_print


# -- a key swapped on the way ------------------------------------------------------------------------------


def test_a_key_swapped_in_an_enrollment_file_is_refused_and_the_genuine_bundle_still_imports(
        clerk, district_admin, supervisor, tmp_path):
    linked_centre_key(clerk, district_admin, tmp_path)
    quetta_print = export_key_file(district_admin, tmp_path / "quetta.enroll")  # what Quetta's screen reads out
    # On the way to the centre, someone swaps in their own key and recomputes the fingerprint line.
    attacker = Ed25519PrivateKey.generate()
    tampered = tmp_path / "usb" / "quetta.enroll"
    tampered.parent.mkdir()
    tampered.write_text(swapped((tmp_path / "quetta.enroll").read_text(), "signing-public-key", public_b64(attacker),
                                fingerprint(public_b64(attacker))))
    before = nothing_stored(clerk, tampered)

    with pytest.raises(KeyFileError) as refused:
        enroll_device(clerk, tampered, quetta_print)
    assert str(refused.value) == MISMATCH.format(typed=quetta_print, file="quetta.enroll")
    assert nothing_stored(clerk, tampered) == before and devices(clerk) == []

    # So the attacker's bundle in Quetta's name is not imported ...
    forged = craft_bundle(tmp_path / "usb" / "QUETTA-forged-1.mizan", recipient=age_recipient(clerk),
                          private_key=attacker, device_id=district_admin.device_id, district="QUETTA",
                          device_name="Quetta DPO")
    assert import_bundles(clerk, [forged])[0].status == "rejected"
    # ... and once the genuine file is enrolled with the same fingerprint, Quetta's own bundle imports.
    enroll_device(clerk, tmp_path / "quetta.enroll", quetta_print)
    add_values(supervisor, {"PRO-01": 41})
    [genuine] = import_bundles(clerk, [export_to(supervisor, tmp_path / "out")])
    assert (genuine.status, genuine.district, genuine.counts["new"]) == ("imported", "QUETTA", 1)
    assert import_bundles(clerk, [forged])[0].status == "rejected"


def test_a_key_swapped_in_the_centres_key_file_is_refused_at_the_district(clerk, district_admin, tmp_path):
    centre_print = export_key_file(clerk, tmp_path / "centre.key")  # what the centre's screen reads out
    # The attacker swaps in an age recipient of their own: the district would encrypt its bundles to them.
    attacker = str(pyrage.x25519.Identity.generate().to_public())
    signing = next(line.split(": ", 1)[1] for line in (tmp_path / "centre.key").read_text().splitlines()
                   if line.startswith("signing-public-key:"))
    tampered = tmp_path / "usb" / "centre.key"
    tampered.parent.mkdir()
    tampered.write_text(swapped((tmp_path / "centre.key").read_text(), "age-recipient", attacker,
                                fingerprint(attacker, signing)))
    before = nothing_stored(district_admin, tampered)

    with pytest.raises(KeyFileError) as refused:
        trust_centre(district_admin, tampered, centre_print)
    assert str(refused.value) == MISMATCH.format(typed=centre_print, file="centre.key")
    assert nothing_stored(district_admin, tampered) == before and trusted_centre(district_admin) is None

    trust_centre(district_admin, tmp_path / "centre.key", centre_print)
    assert trusted_centre(district_admin).recipient == age_recipient(clerk)


# -- fields that are not what Mizan writes ---------------------------------------------------------------

ENROLLMENT_FIELDS = {
    "a junk key": ("signing-public-key", "not-a-key",
                   "quetta.enroll: signing-public-key is not a valid key (32 bytes in base64). " + CHANGED),
    "a key with non-ASCII letters": ("signing-public-key", "é" * 43 + "=",
                                     "quetta.enroll: signing-public-key holds characters that no key has. " + CHANGED),
    "a device id that is a path": ("device-id", "../../../etc/x",
                                   "quetta.enroll: device-id is not a device id (Mizan writes a UUID). " + CHANGED),
    "an escape code in the name": ("device-name", "Quetta DPO\x1b[2J\x1b[31m",
                                   "quetta.enroll: device-name holds control characters (line breaks, escape codes "
                                   "or text-direction marks). " + CHANGED),
    "a right-to-left override in the name": ("device-name", "Quetta \u202eOPD",
                                             "quetta.enroll: device-name holds control characters (line breaks, "
                                             "escape codes or text-direction marks). " + CHANGED),
    "a name of 101 characters": ("device-name", "Q" * 101,
                                 "quetta.enroll: device-name is longer than 100 characters. " + CHANGED),
}


@pytest.mark.parametrize("case", ENROLLMENT_FIELDS)
def test_an_enrollment_file_with_a_field_mizan_never_writes_is_refused(case, clerk, district_admin, tmp_path):
    field, value, message = ENROLLMENT_FIELDS[case]
    quetta_print = export_key_file(district_admin, tmp_path / "genuine.enroll")
    key = value if field == "signing-public-key" else None
    # Even with the phone check passed (the attacker reads out the fingerprint of the file they made), the
    # field itself refuses.
    heard = fingerprint(key) if key and key.isascii() else quetta_print
    bad = tmp_path / "quetta.enroll"
    bad.write_text(swapped((tmp_path / "genuine.enroll").read_text(), field, value, heard if key else None),
                   encoding="utf-8")
    before = nothing_stored(clerk, bad)
    with pytest.raises(KeyFileError) as refused:
        enroll_device(clerk, bad, heard)
    assert str(refused.value) == message
    assert nothing_stored(clerk, bad) == before and devices(clerk) == []


CENTRE_FIELDS = {
    "a junk key": ("signing-public-key", "not-a-key",
                   "centre.key: signing-public-key is not a valid key (32 bytes in base64). " + CHANGED),
    "a key with non-ASCII letters": ("signing-public-key", "ب" * 43 + "=",
                                     "centre.key: signing-public-key holds characters that no key has. " + CHANGED),
}


@pytest.mark.parametrize("case", CENTRE_FIELDS)
def test_a_centre_key_file_with_a_field_mizan_never_writes_is_refused(case, clerk, district_admin, tmp_path):
    field, value, message = CENTRE_FIELDS[case]
    centre_print = export_key_file(clerk, tmp_path / "genuine.key")
    recipient = age_recipient(clerk)
    heard = fingerprint(recipient, value) if value.isascii() else centre_print
    bad = tmp_path / "centre.key"
    bad.write_text(swapped((tmp_path / "genuine.key").read_text(), field, value, heard), encoding="utf-8")
    before = nothing_stored(district_admin, bad)
    with pytest.raises(KeyFileError) as refused:
        trust_centre(district_admin, bad, heard)
    assert str(refused.value) == message
    assert nothing_stored(district_admin, bad) == before and trusted_centre(district_admin) is None


def test_an_unknown_pc_whose_bundle_carries_a_hostile_name_is_not_enrolled(clerk, tmp_path):
    # Someone who holds only the centre's public key makes a bundle, signed with their own key, whose
    # device name is a terminal escape sequence; they read out its (correct) fingerprint themselves.
    key = Ed25519PrivateKey.generate()
    bundle = craft_bundle(tmp_path / "QUETTA-new-1.mizan", recipient=age_recipient(clerk), private_key=key,
                          device_id="0f8e6b8c-2f43-4f8e-9a51-3c1a5e0d7b21", district="QUETTA",
                          device_name="Quetta DPO\x1b]0;Fingerprint confirmed\x07")
    before = table_counts(clerk)
    with pytest.raises(KeyFileError) as refused:
        enroll_pending_device(clerk, bundle, fingerprint(public_b64(key)))
    assert str(refused.value) == (f"{bundle.name}: device-name holds control characters (line breaks, escape codes "
                                  "or text-direction marks). " + CHANGED)
    assert table_counts(clerk) == before and devices(clerk) == []


# -- the command line --------------------------------------------------------------------------------------


def run_cli(session, user: str, password: str, monkeypatch, capsys, *args: str) -> tuple[int, str]:
    """Run the CLI on ``session``'s database; returns the exit code and everything it printed."""
    monkeypatch.setenv("MIZAN_PASSWORD", password)
    capsys.readouterr()
    code = main(["--db", str(session.path), "--user", user, *args])
    printed = capsys.readouterr()
    return code, printed.out + printed.err


def test_the_cli_trusts_no_key_file_without_the_fingerprint_heard_and_never_shows_the_files_own(
        clerk, district_admin, tmp_path, monkeypatch, capsys):
    centre_print = export_key_file(clerk, tmp_path / "centre.key")
    before = nothing_stored(district_admin, tmp_path / "centre.key")
    code, printed = run_cli(district_admin, "admin", ADMIN_PASSWORD, monkeypatch, capsys,
                            "keys", "import", str(tmp_path / "centre.key"))
    assert code == 2 and "Phone the provincial centre" in printed
    assert centre_print not in printed and "--fingerprint " + centre_print not in printed
    assert nothing_stored(district_admin, tmp_path / "centre.key") == before

    quetta_print = export_key_file(district_admin, tmp_path / "quetta.enroll")
    before = nothing_stored(clerk, tmp_path / "quetta.enroll")
    code, printed = run_cli(clerk, "clara", CLERK_PASSWORD, monkeypatch, capsys,
                            "devices", "enroll", str(tmp_path / "quetta.enroll"))
    assert code == 2 and "Phone the district office" in printed
    assert quetta_print not in printed
    assert nothing_stored(clerk, tmp_path / "quetta.enroll") == before


def test_the_cli_names_no_claimed_fingerprint_for_a_bundle_of_an_unknown_pc(
        clerk, district_admin, supervisor, tmp_path, monkeypatch, capsys):
    linked_centre_key(clerk, district_admin, tmp_path)
    quetta_print = export_key_file(district_admin, tmp_path / "quetta.enroll")  # never given to the centre
    add_values(supervisor, {"PRO-01": 41})
    bundle = export_to(supervisor, tmp_path / "usb")
    before = table_counts(clerk)
    for args, exit_code in ((("import", str(bundle)), 5), (("import", str(bundle), "--json"), 5),
                            (("devices", "enroll", str(bundle)), 2)):
        code, printed = run_cli(clerk, "clara", CLERK_PASSWORD, monkeypatch, capsys, *args)
        assert code == exit_code, printed
        assert "QUETTA" in printed and quetta_print not in printed, printed
    assert table_counts(clerk) == before


def test_the_cli_refuses_a_key_with_non_ascii_letters_plainly(clerk, district_admin, tmp_path, monkeypatch, capsys):
    quetta_print = export_key_file(district_admin, tmp_path / "genuine.enroll")
    bad = tmp_path / "quetta.enroll"
    bad.write_text(swapped((tmp_path / "genuine.enroll").read_text(), "signing-public-key", "ک" * 43 + "=", None),
                   encoding="utf-8")
    before = nothing_stored(clerk, bad)
    code, printed = run_cli(clerk, "clara", CLERK_PASSWORD, monkeypatch, capsys,
                            "devices", "enroll", str(bad), "--fingerprint", quetta_print)
    assert code == 5
    assert printed.strip() == "quetta.enroll: signing-public-key holds characters that no key has. " + CHANGED
    assert nothing_stored(clerk, bad) == before
