"""Never trust a bundle: every bad input the centre may be handed is refused with its exact plain reason
and writes nothing, or (records that fail validation) is quarantined with the right rule codes.

Real encrypted databases, real bundles from ``export_bundle``; forgeries are made the way an attacker
who holds only the centre's public key file would make them (``BundleWriter`` + age encryption to the
centre's recipient), each differing from a genuine bundle only in the property under test.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import struct
import time
import uuid
import warnings
import zipfile
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from main import main
from storage.core.clock import HybridLogicalClock, utc_now
from storage.core.session import open_session
from storage.records.values import list_indicator_values
from storage.reference.catalogue import TOTAL_CELL
from sync.bundle import BundleRejected, write_encrypted
from sync.devices import enroll_device, revoke_device
from sync.importer import import_bundles
from sync.keys import (
    export_key_file,
    read_centre_key,
    signing_private_key,
    trust_centre,
)
from sync.receipts import import_receipt, write_receipts
from tests.conftest import ADMIN_PASSWORD, CLERK_PASSWORD, SUPERVISOR_PASSWORD, table_counts
from tests.sync_helpers import (
    SyncPair,
    add_desk_cases,
    add_values,
    audit_rows,
    craft_bundle,
    craft_zip,
    export_to,
    last_month,
    link,
    make_centre,
    make_district,
    make_pair,
    make_zip,
    opened_bundle,
    resigned,
    with_payload,
    write_zip_bundle,
    zip_entries,
)

CLOCK = HybridLogicalClock()
PAYLOADS = ("desks.jsonl", "indicator_values.jsonl", "targets.jsonl", "completions.jsonl", "desk_cases.jsonl",
            "desk_case_perpetrators.jsonl", "desk_case_services.jsonl", "pkm_requests.jsonl")


class World:
    """The module's centre + Quetta district (linked), a genuine bundle, and a second centre."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.pair: SyncPair = make_pair(folder / "pair")
        add_values(self.pair.supervisor)  # PRO-01 = 41, CRT-01 = 12 last month
        add_desk_cases(self.pair.supervisor, 2)
        self.genuine = export_to(self.pair.supervisor, folder / "usb")
        self.manifest, entries = opened_bundle(self.pair.clerk, self.genuine)
        self.entries = list(entries.items())
        self.plaintext = make_zip(self.entries)
        self.district_key = signing_private_key(self.pair.district_admin)
        self.device_id = self.pair.supervisor.device_id
        self.other_centre_path = make_centre(folder / "other", "other-centre.db")
        self.other_clerk = open_session(self.other_centre_path, "clara", CLERK_PASSWORD)

    @property
    def clerk(self):
        return self.pair.clerk

    def close(self) -> None:
        self.pair.close()
        self.other_clerk.close()


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    built = World(tmp_path_factory.mktemp("rejections"))
    yield built
    built.close()


def value_record(device_id: str, **changes: object) -> dict:
    """An indicator value record as it travels (schema of sync/schema.py), valid unless ``changes`` break it."""
    record = {"indicator": "PRO-01", "district": "QUETTA", "period": last_month(), "cell": TOTAL_CELL, "value": 17,
              "numerator": None, "denominator": None, "comment": None, "followup": 0, "entered_by": "sana",
              "entered_at": utc_now(), "uuid": str(uuid.uuid4()), "hlc": CLOCK.now(), "origin_device": device_id,
              "deleted": 0}
    record.update(changes)
    return record


def import_one(world: World, path: Path):
    outcomes = import_bundles(world.clerk, [path])
    assert len(outcomes) == 1
    return outcomes[0]


def quetta_bundle(world: World, out: Path, values: list[dict]) -> Path:
    """A bundle of these indicator values, correctly signed by the Quetta PC's own key."""
    return craft_bundle(out, recipient=world.pair.recipient, private_key=world.district_key, device_id=world.device_id,
                        district="QUETTA", device_name="Quetta DPO", records={"indicator_values": values})


def quarantine_reasons(world: World, record: dict) -> list[dict]:
    """The reasons the centre kept ``record`` aside with (it must be in quarantine once)."""
    [reasons] = [json.loads(row[0]) for row in world.clerk.db.execute(
        "SELECT reasons FROM quarantine WHERE record_uuid = ?", [record["uuid"]])]
    return reasons


def assert_rejected(world: World, path: Path, reason: str | re.Pattern) -> None:
    """Import ``path``: rejected with exactly ``reason`` (a string, or a pattern the whole reason matches),
    and not one row written anywhere, the audit log included."""
    before, audit_before = table_counts(world.clerk), audit_rows(world.clerk)
    outcome = import_one(world, path)
    assert outcome.status == "rejected"
    if isinstance(reason, str):
        assert outcome.reason == reason
    else:
        assert reason.fullmatch(outcome.reason), outcome.reason
    assert outcome.counts == dict.fromkeys(("new", "updated", "unchanged", "conflicts", "quarantined"), 0)
    assert table_counts(world.clerk) == before
    assert audit_rows(world.clerk) == audit_before


def damaged(name: str) -> re.Pattern:
    """The "damaged or incomplete" reason; pyrage's own detail sits between fixed words."""
    return re.compile(re.escape(f"{name} is damaged or incomplete (decryption failed: ") + r"[^()]+"
                      + re.escape("). Copy it again from the district's USB stick."))


def another_centre(name: str) -> str:
    return (f"{name} was made for another centre: none of this centre's keys opens it. Check which centre key the "
            "district office trusts; if it is this centre's, the file's header was damaged: copy it again.")


def not_age(name: str) -> str:
    return f"{name} is not a Mizan bundle (not an age-encrypted file)."


def not_signed(name: str) -> str:
    return (f"{name} is not signed by device 'Quetta DPO' (QUETTA): the signature does not verify. It was altered "
            "or forged; do not import it.")


def forged_records(world: World) -> dict[str, list[dict]]:
    """What a forger would like the centre to believe Quetta reported."""
    return {"indicator_values": [value_record(world.device_id, value=9999, comment="forged")]}


# -- damaged files ----------------------------------------------------------------------------------------


def _header_end(data: bytes) -> int:
    mac_line = data.index(b"\n--- ")
    return data.index(b"\n", mac_line + 1) + 1


def _flip_position(data: bytes, where: str) -> int:
    if where == "age version line":
        return 3
    if where == "recipient stanza":
        return data.index(b"-> X25519 ") + len(b"-> X25519 ") + 10
    if where == "header MAC":
        return data.index(b"\n--- ") + len(b"\n--- ") + 10
    if where == "payload nonce":
        return _header_end(data)
    if where == "middle":
        return len(data) // 2
    return len(data) - 1  # last byte


@pytest.mark.parametrize("where", ["age version line", "recipient stanza", "header MAC", "payload nonce", "middle",
                                   "last byte"])
def test_a_flipped_byte_anywhere_is_refused(world, tmp_path, where):
    data = bytearray(world.genuine.read_bytes())
    position = _flip_position(bytes(data), where)
    if where in ("recipient stanza", "header MAC"):  # base64 text: swap for another base64 character
        data[position] = ord("A") if data[position] != ord("A") else ord("B")
    else:
        data[position] ^= 0x01
    path = tmp_path / "QUETTA-flipped-1.mizan"
    path.write_bytes(bytes(data))
    expected = {"age version line": not_age(path.name), "recipient stanza": another_centre(path.name)}
    assert_rejected(world, path, expected.get(where, damaged(path.name)))


@pytest.mark.parametrize("cut", ["half", "minus one byte", "header only"])
def test_a_truncated_bundle_is_refused(world, tmp_path, cut):
    data = world.genuine.read_bytes()
    keep = {"half": len(data) // 2, "minus one byte": len(data) - 1, "header only": _header_end(data)}[cut]
    path = tmp_path / "QUETTA-cut-1.mizan"
    path.write_bytes(data[:keep])
    assert_rejected(world, path, damaged(path.name))


def test_an_empty_file_is_refused(world, tmp_path):
    path = tmp_path / "QUETTA-empty-1.mizan"
    path.write_bytes(b"")
    assert_rejected(world, path, f"{path.name} is empty: the copy to the USB stick probably failed. Export it again.")


@pytest.mark.parametrize("content", ["zip", "text"])
def test_a_file_that_is_not_age_is_refused(world, tmp_path, content):
    path = tmp_path / "QUETTA-plain-1.mizan"
    # The bundle's own ZIP, unencrypted (someone "helpfully" unpacked it), or a text file renamed.
    path.write_bytes(world.plaintext if content == "zip" else b"Quetta figures for October\n")
    assert_rejected(world, path, not_age(path.name))


def test_a_bundle_made_for_another_centre_is_refused(world, tmp_path):
    path = tmp_path / "QUETTA-elsewhere-1.mizan"
    # The office trusted the other centre's key file: the very same bundle, encrypted to that centre.
    export_key_file(world.other_clerk, tmp_path / "other.key")
    write_encrypted(world.plaintext, [read_centre_key(tmp_path / "other.key").recipient], path)
    assert_rejected(world, path, another_centre(path.name))


# -- forgeries by someone holding only the centre's public recipient -------------------------------------


def test_forged_records_without_a_signature_are_refused(world, tmp_path):
    forger = Ed25519PrivateKey.generate()
    plaintext = craft_zip(recipient=world.pair.recipient, private_key=forger, device_id=world.device_id,
                          district="QUETTA", device_name="Quetta DPO", records=forged_records(world),
                          public_key=world.manifest["device_public_key"])
    entries = [(name, content) for name, content in zip_entries(plaintext) if name != "signature"]
    path = write_zip_bundle(entries, world.pair.recipient, tmp_path / "QUETTA-nosig-1.mizan")
    assert_rejected(world, path, f"{path.name} has no signature; it was not made by Mizan.")


def test_forged_records_signed_by_another_key_are_refused(world, tmp_path):
    forger = Ed25519PrivateKey.generate()
    path = craft_bundle(tmp_path / "QUETTA-forged-1.mizan", recipient=world.pair.recipient, private_key=forger,
                        device_id=world.device_id, district="QUETTA", device_name="Quetta DPO",
                        records=forged_records(world), public_key=world.manifest["device_public_key"])
    assert_rejected(world, path, not_signed(path.name))


def test_a_genuine_manifest_with_an_altered_payload_is_refused(world, tmp_path):
    values = dict(world.entries)["indicator_values.jsonl"]
    assert b'"value":41' in values
    altered = with_payload(world.entries, "indicator_values.jsonl", values.replace(b'"value":41', b'"value":14'))
    path = write_zip_bundle(altered, world.pair.recipient, tmp_path / "QUETTA-payload-1.mizan")
    assert_rejected(world, path, f"{path.name}: indicator_values.jsonl does not match the SHA-256 in the manifest; "
                                 "the bundle was altered or damaged.")


@pytest.mark.parametrize("edit", ["sequence", "district counts", "payload and its hash"])
def test_an_edited_manifest_with_the_genuine_signature_is_refused(world, tmp_path, edit):
    if edit == "sequence":
        entries = resigned(world.entries, None, sequence=99)
    elif edit == "district counts":
        entries = resigned(world.entries, None, counts={**world.manifest["counts"], "desk_cases": 0})
    else:  # change a value and make the manifest's hash match it, keeping the old signature
        values = dict(world.entries)["indicator_values.jsonl"].replace(b'"value":41', b'"value":410')
        entries = with_payload(world.entries, "indicator_values.jsonl", values)
        entries = resigned(entries, None, files={**world.manifest["files"], "indicator_values.jsonl": {
            "sha256": hashlib.sha256(values).hexdigest(), "bytes": len(values)}})
    assert dict(entries)["signature"] == dict(world.entries)["signature"]
    path = write_zip_bundle(entries, world.pair.recipient, tmp_path / "QUETTA-manifest-1.mizan")
    assert_rejected(world, path, not_signed(path.name))


# -- devices ---------------------------------------------------------------------------------------------


def test_a_bundle_from_an_unknown_device_names_it_and_says_how_to_enroll(world, tmp_path):
    path = make_district(tmp_path, "PISHIN", device_name="Pishin DPO")
    admin = open_session(path, "admin", ADMIN_PASSWORD)
    supervisor = open_session(path, "sana", SUPERVISOR_PASSWORD)
    try:
        centre_key = tmp_path / "centre.key"
        # the district trusts the centre, but was never enrolled there
        trust_centre(admin, centre_key, export_key_file(world.clerk, centre_key))
        printed = export_key_file(admin, tmp_path / "pishin.enroll")
        add_values(supervisor, {"PRO-01": 5})
        bundle = export_to(supervisor, tmp_path / "usb")
        assert_rejected(world, bundle, (
            f"{bundle.name} comes from a device this centre has not enrolled: district PISHIN, device 'Pishin DPO'. "
            "Phone the district office and ask them to read out the fingerprint on their Export screen; enroll the "
            "device with what they read (`devices enroll` with `--fingerprint`), then import the bundle again."))
        # Doing what the message says works: the same file imports once the device is enrolled.
        enroll_device(world.clerk, tmp_path / "pishin.enroll", printed)
        assert import_one(world, bundle).status == "imported"
    finally:
        admin.close()
        supervisor.close()


def test_a_bundle_from_a_revoked_device_is_refused(world, tmp_path):
    path = make_district(tmp_path, "KALAT", device_name="Kalat DPO")
    admin = open_session(path, "admin", ADMIN_PASSWORD)
    supervisor = open_session(path, "sana", SUPERVISOR_PASSWORD)
    try:
        link(world.clerk, admin, tmp_path)
        add_values(supervisor, {"PRO-01": 6})
        bundle = export_to(supervisor, tmp_path / "usb")
        revoke_device(world.clerk, supervisor.device_id)
        revoked_on = world.clerk.db.execute("SELECT date(revoked_at) FROM devices WHERE device_id = ?",
                                            [supervisor.device_id]).fetchone()[0]
        assert revoked_on == utc_now()[:10]
        assert_rejected(world, bundle, f"{bundle.name} comes from device 'Kalat DPO' (KALAT), which was revoked on "
                                       f"{revoked_on}. Bundles from a revoked device are refused.")
    finally:
        admin.close()
        supervisor.close()


def test_a_bundle_from_a_re_keyed_device_is_refused(world, tmp_path):
    """Same device id, a new signing key (e.g. a reinstalled PC restored from a copy of the database file)."""
    new_key = Ed25519PrivateKey.generate()
    path = craft_bundle(tmp_path / "QUETTA-rekeyed-1.mizan", recipient=world.pair.recipient, private_key=new_key,
                        device_id=world.device_id, district="QUETTA", device_name="Quetta DPO",
                        records={"indicator_values": [value_record(world.device_id)]})
    assert_rejected(world, path, (
        f"{path.name} claims to come from device 'Quetta DPO' (QUETTA) but carries a different key than the one "
        "enrolled, so it is refused. Phone the district office: if they reinstalled Mizan, revoke the old device "
        "and enroll the new installation; if not, the file may be forged."))


def test_a_newer_format_version_is_refused_even_when_correctly_signed(world, tmp_path):
    path = craft_bundle(tmp_path / "QUETTA-v2-1.mizan", recipient=world.pair.recipient, private_key=world.district_key,
                        device_id=world.device_id, district="QUETTA", device_name="Quetta DPO",
                        records={"indicator_values": [value_record(world.device_id)]},
                        manifest_changes={"format_version": 2})
    assert_rejected(world, path, f"{path.name} was made by a newer Mizan (bundle format 2; this centre reads up to 1). "
                                 "Update Mizan at the centre first.")


def test_a_crafted_bundle_differing_in_nothing_is_imported(world, tmp_path):
    """The control for the crafted cases above: signed by the enrolled key, version 1, valid records."""
    record = value_record(world.device_id, indicator="CRT-02", value=23, comment="crafted control")
    path = craft_bundle(tmp_path / "QUETTA-control-1.mizan", recipient=world.pair.recipient,
                        private_key=world.district_key, device_id=world.device_id, district="QUETTA",
                        device_name="Quetta DPO", records={"indicator_values": [record]})
    outcome = import_one(world, path)
    assert (outcome.status, outcome.reason, outcome.counts["new"]) == ("imported", None, 1)
    stored = [v for v in list_indicator_values(world.clerk) if v["indicator"] == "CRT-02"]
    assert [(v["district"], v["value"], v["comment"]) for v in stored] == [("QUETTA", 23, "crafted control")]


def test_a_record_from_a_clock_years_ahead_is_quarantined_and_does_not_drag_the_centre_clock(world, tmp_path):
    """An office PC whose clock is years ahead would win its keys until that date: its record is kept aside
    with a reason the office can act on, and the centre's own clock stays sane."""
    before = [v["value"] for v in list_indicator_values(world.clerk) if v["indicator"] == "CRT-01"]
    record = value_record(world.device_id, indicator="CRT-01", value=8, comment="clock ahead",
                          hlc="9999999999999.000000")
    outcome = import_one(world, quetta_bundle(world, tmp_path / "QUETTA-future-1.mizan", [record]))
    assert (outcome.status, outcome.counts["new"], outcome.counts["quarantined"]) == ("imported", 0, 1)
    assert [(reason["rule"], reason["message"][:41]) for reason in quarantine_reasons(world, record)] == [
        ("SY_CLOCK_AHEAD", "The sending PC's clock read 2286-11-20 wh")]
    assert [v["value"] for v in list_indicator_values(world.clerk) if v["indicator"] == "CRT-01"] == before
    centre_clock = world.clerk.db.execute("SELECT hlc_last FROM installation").fetchone()[0]
    assert centre_clock < "9999999999999", centre_clock
    assert int(centre_clock.split(".")[0]) < time.time() * 1000 + 24 * 3600 * 1000


def test_a_district_bundle_carrying_what_the_centre_enters_is_quarantined(world, tmp_path):
    """REF-01 (the population) is the centre's figure: a correctly signed district bundle cannot set it."""
    record = value_record(world.device_id, indicator="REF-01", period="2025", value=1)
    outcome = import_one(world, quetta_bundle(world, tmp_path / "QUETTA-population-1.mizan", [record]))
    assert (outcome.status, outcome.counts["new"], outcome.counts["quarantined"]) == ("imported", 0, 1)
    assert [reason["rule"] for reason in quarantine_reasons(world, record)] == ["IV_ENTERED_AT_CENTRE"]
    assert [v for v in list_indicator_values(world.clerk) if v["indicator"] == "REF-01"] == []


# -- replay ------------------------------------------------------------------------------------------------


def test_the_same_bundle_twice_is_a_duplicate_and_changes_nothing(world):
    first = import_one(world, world.genuine)
    assert (first.status, first.reason) == ("imported", None) and first.counts["new"] > 0
    before, audit_before = table_counts(world.clerk), audit_rows(world.clerk)
    again = import_one(world, world.genuine)
    assert (again.status, again.reason) == ("duplicate", None)
    assert again.counts == dict.fromkeys(("new", "updated", "unchanged", "conflicts", "quarantined"), 0)
    assert table_counts(world.clerk) == before and audit_rows(world.clerk) == audit_before
    # A copy of the same bundle under another file name is the same bundle.
    copy = world.folder / "renamed-copy.mizan"
    copy.write_bytes(world.genuine.read_bytes())
    assert import_one(world, copy).status == "duplicate"
    assert table_counts(world.clerk) == before


# -- ZIP safety ----------------------------------------------------------------------------------------------


def _replace_entry(entries, old: str, new: str, content: bytes | None = None):
    return [(new if name == old else name, (content if content is not None else data) if name == old else data)
            for name, data in entries]


def test_a_zip_bomb_is_refused_before_expanding(world, tmp_path):
    bomb = b" " * (20 * 1024 * 1024)  # deflates about 1000:1
    entries = _replace_entry(world.entries, "indicator_values.jsonl", "indicator_values.jsonl", bomb)
    path = write_zip_bundle(entries, world.pair.recipient, tmp_path / "QUETTA-bomb-1.mizan")
    assert path.stat().st_size < 200_000
    assert_rejected(world, path, f"{path.name}: indicator_values.jsonl would expand to {len(bomb)} bytes (compression "
                                 "ratio or size over the limit); refusing a possible ZIP bomb.")


def _patch_zip(zip_bytes: bytes, name: str, local_offset: int, central_offset: int, fmt: str, value: int) -> bytes:
    """Rewrite one field of an entry in its local header and in the central directory."""
    info = zipfile.ZipFile(io.BytesIO(zip_bytes)).getinfo(name)
    data = bytearray(zip_bytes)
    struct.pack_into(fmt, data, info.header_offset + local_offset, value)
    position = data.find(b"PK\x01\x02")
    patched = 0
    while position != -1:
        length = struct.unpack_from("<H", data, position + 28)[0]
        if bytes(data[position + 46 : position + 46 + length]) == name.encode():
            struct.pack_into(fmt, data, position + central_offset, value)
            patched += 1
        position = data.find(b"PK\x01\x02", position + 1)
    assert patched == 1
    return bytes(data)


def _lie_about_size(zip_bytes: bytes, name: str, claimed: int) -> bytes:
    return _patch_zip(zip_bytes, name, 22, 24, "<I", claimed)


def test_a_zip_whose_header_lies_about_sizes_is_refused(world, tmp_path):
    bomb = b" " * (20 * 1024 * 1024)
    entries = _replace_entry(world.entries, "indicator_values.jsonl", "indicator_values.jsonl", bomb)
    lying = _lie_about_size(make_zip(entries), "indicator_values.jsonl", 1000)
    assert zipfile.ZipFile(io.BytesIO(lying)).getinfo("indicator_values.jsonl").file_size == 1000
    path = tmp_path / "QUETTA-liar-1.mizan"
    write_encrypted(lying, [world.pair.recipient], path)
    assert_rejected(world, path, f"{path.name}: indicator_values.jsonl is damaged inside the ZIP (Bad CRC-32 for file "
                                 "'indicator_values.jsonl').")


@pytest.mark.parametrize("unsafe", ["../evil.jsonl", "/abs", "desks/../../evil.jsonl", "..\\evil.jsonl",
                                    "C:evil.jsonl"])
def test_path_traversal_is_refused(world, tmp_path, unsafe):
    entries = _replace_entry(world.entries, "pkm_requests.jsonl", unsafe)  # still 10 entries
    path = write_zip_bundle(entries, world.pair.recipient, tmp_path / "QUETTA-path-1.mizan")
    assert_rejected(world, path, f"{path.name} holds an unsafe path {unsafe!r}; refusing it.")


def test_duplicate_entry_names_are_refused(world, tmp_path):
    entries = _replace_entry(world.entries, "pkm_requests.jsonl", "desks.jsonl", b"")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # zipfile warns "Duplicate name" while writing
        path = write_zip_bundle(entries, world.pair.recipient, tmp_path / "QUETTA-twice-1.mizan")
    assert_rejected(world, path, f"{path.name} holds the same file name twice; refusing an ambiguous bundle.")


def test_too_many_entries_are_refused(world, tmp_path):
    entries = [*world.entries, ("notes.txt", b"hello")]
    path = write_zip_bundle(entries, world.pair.recipient, tmp_path / "QUETTA-many-1.mizan")
    assert_rejected(world, path, f"{path.name} holds 11 files; a bundle has at most 10.")


def test_an_unexpected_entry_is_refused(world, tmp_path):
    entries = _replace_entry(world.entries, "pkm_requests.jsonl", "notes.txt")
    path = write_zip_bundle(entries, world.pair.recipient, tmp_path / "QUETTA-extra-1.mizan")
    assert_rejected(world, path, f"{path.name} holds an unexpected file 'notes.txt'.")


def test_a_damaged_manifest_entry_inside_the_zip_is_refused(world, tmp_path):
    """Compressed manifest bytes that do not inflate (a crafted ZIP): refused, not a crash."""
    zip_bytes = bytearray(world.plaintext)
    info = zipfile.ZipFile(io.BytesIO(bytes(zip_bytes))).getinfo("manifest.json")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    zip_bytes[start + 3] ^= 0xFF
    path = tmp_path / "QUETTA-inflate-1.mizan"
    write_encrypted(bytes(zip_bytes), [world.pair.recipient], path)
    assert_rejected(world, path, re.compile(re.escape(f"{path.name}: manifest.json is damaged inside the ZIP (")
                                            + r".+\)\."))


@pytest.mark.parametrize(("entry", "trick"), [("manifest.json", "unknown compression method"),
                                              ("signature", "password-encrypted flag"),
                                              ("desks.jsonl", "unknown compression method")])
def test_zip_entries_python_cannot_open_are_refused(world, tmp_path, entry, trick):
    """Entries zipfile refuses to open (a crafted ZIP): refused with the entry named, not a crash."""
    if trick == "unknown compression method":
        crafted = _patch_zip(world.plaintext, entry, 8, 10, "<H", 99)
    else:
        crafted = _patch_zip(world.plaintext, entry, 6, 8, "<H", 0x0001)
    path = tmp_path / "QUETTA-tricks-1.mizan"
    write_encrypted(crafted, [world.pair.recipient], path)
    assert_rejected(world, path, re.compile(re.escape(f"{path.name}: {entry} is damaged inside the ZIP (") + r".+\)\."))


def test_a_manifest_key_that_is_not_ascii_is_refused(world, tmp_path):
    path = craft_bundle(tmp_path / "QUETTA-key-1.mizan", recipient=world.pair.recipient,
                        private_key=Ed25519PrivateKey.generate(), device_id=str(uuid.uuid4()), district="QUETTA",
                        public_key="ключ")
    assert_rejected(world, path, f"{path.name}: the manifest's 'device_public_key' is missing or malformed.")


# -- records that fail validation: quarantined, the rest merged ---------------------------------------------


def _values(world: World) -> dict[tuple[str, str], float]:
    return {(v["indicator"], v["district"]): v["value"] for v in list_indicator_values(world.clerk)
            if v["period"] == last_month()}


def test_invalid_records_are_quarantined_with_their_rules_and_valid_ones_merge(world, tmp_path):
    device = world.device_id
    stranger = str(uuid.uuid4())
    orphan_case = str(uuid.uuid4())
    valid = value_record(device, indicator="CRT-03", value=8, comment="valid in a mixed bundle")
    negative = value_record(device, indicator="CRT-01", value=-5)
    unknown = value_record(device, indicator="ZZZ-99", value=3)
    other_district = value_record(device, district="KHUZDAR", value=4)
    other_device = value_record(stranger, indicator="CRT-02", value=2)
    orphan_service = {"case_uuid": orphan_case, "service": "legal_aid", "status": "referred", "date": None,
                      "uuid": str(uuid.uuid4()), "hlc": CLOCK.now(), "origin_device": device, "deleted": 0}
    plaintext = craft_zip(recipient=world.pair.recipient, private_key=world.district_key, device_id=device,
                          district="QUETTA", device_name="Quetta DPO",
                          records={"indicator_values": [valid, negative, unknown, other_district, other_device],
                                   "desk_case_services": [orphan_service]})
    entries = zip_entries(plaintext)
    # A malformed JSON line among the values, properly hashed and signed by the enrolled device.
    lines = dict(entries)["indicator_values.jsonl"] + b'{"indicator": "PRO-01", "value": \n'
    entries = with_payload(entries, "indicator_values.jsonl", lines, world.district_key)
    path = write_zip_bundle(entries, world.pair.recipient, tmp_path / "QUETTA-mixed-1.mizan")
    bundle_id = json.loads(dict(entries)["manifest.json"])["bundle_id"]

    before, values_before = table_counts(world.clerk), _values(world)
    assert ("CRT-03", "QUETTA") not in values_before
    outcome = import_one(world, path)
    assert (outcome.status, outcome.reason) == ("imported", None)
    assert outcome.counts["quarantined"] == 6 and outcome.counts["new"] == 1

    rows = world.clerk.db.execute("SELECT record_type, record_uuid, record, reasons FROM quarantine WHERE bundle_id = ?",
                                  [bundle_id]).fetchall()
    rules = {uuid_: sorted(reason["rule"] for reason in json.loads(reasons)) for _, uuid_, _, reasons in rows}
    assert rules == {
        negative["uuid"]: ["IV_COUNT_NOT_WHOLE"],  # a count below zero is "not a whole number of 0 or more"
        unknown["uuid"]: ["IV_UNKNOWN_INDICATOR"],
        other_district["uuid"]: ["SY_OTHER_DISTRICT"],
        other_device["uuid"]: ["SY_OTHER_DEVICE"],
        orphan_service["uuid"]: ["SY_PARENT_MISSING"],
        "line 6": ["SY_RECORD_SHAPE"],
    }
    by_uuid = {uuid_: (record_type, json.loads(record), json.loads(reasons)) for record_type, uuid_, record, reasons in rows}
    # Kept whole for review (made without catalogue_version, as an older Mizan's: the later column reads as empty).
    assert by_uuid[negative["uuid"]][1] == {**negative, "catalogue_version": None}
    assert stranger in by_uuid[other_device["uuid"]][2][0]["message"] and device in by_uuid[other_device["uuid"]][2][0][
        "message"]
    assert "KHUZDAR" in by_uuid[other_district["uuid"]][2][0]["message"]
    assert by_uuid[orphan_service["uuid"]][0] == "desk_case_services"
    assert by_uuid["line 6"][0] == "indicator_values"

    # Only the valid value reached the centre's figures.
    assert _values(world) == {**values_before, ("CRT-03", "QUETTA"): 8}
    after = table_counts(world.clerk)
    assert after["quarantine"] == before["quarantine"] + 6
    assert after["indicator_values"] == before["indicator_values"] + 1
    assert after["desk_case_services"] == before["desk_case_services"]
    assert after["bundles"] == before["bundles"] + 1


# -- the command line --------------------------------------------------------------------------------------


def _cli(world: World, monkeypatch, *args: str) -> int:
    monkeypatch.setenv("MIZAN_PASSWORD", CLERK_PASSWORD)
    return main(["--db", str(world.pair.centre_path), "--user", "clara", *args])


@pytest.mark.parametrize("case", ["empty", "not age", "last byte flipped", "forged signature"])
def test_the_cli_exits_5_with_the_reason_and_writes_nothing(world, tmp_path, monkeypatch, capsys, case):
    path = tmp_path / "QUETTA-cli-1.mizan"
    if case == "empty":
        path.write_bytes(b"")
        reason = f"{path.name} is empty: the copy to the USB stick probably failed. Export it again."
    elif case == "not age":
        path.write_bytes(world.plaintext)
        reason = not_age(path.name)
    elif case == "last byte flipped":
        data = bytearray(world.genuine.read_bytes())
        data[-1] ^= 0x01
        path.write_bytes(bytes(data))
        reason = None
    else:
        craft_bundle(path, recipient=world.pair.recipient, private_key=Ed25519PrivateKey.generate(),
                     device_id=world.device_id, district="QUETTA", device_name="Quetta DPO",
                     records=forged_records(world), public_key=world.manifest["device_public_key"])
        reason = not_signed(path.name)
    before, audit_before = table_counts(world.clerk), audit_rows(world.clerk)
    capsys.readouterr()
    assert _cli(world, monkeypatch, "import", str(path)) == 5
    err = capsys.readouterr().err.strip()
    if reason is None:
        assert damaged(path.name).fullmatch(err.removeprefix(f"REJECTED {path}: ")), err
        assert err.startswith(f"REJECTED {path}: ")
    else:
        assert err == f"REJECTED {path}: {reason}"
    assert table_counts(world.clerk) == before and audit_rows(world.clerk) == audit_before


def test_the_cli_json_report_of_a_mixed_inbox(world, tmp_path, monkeypatch, capsys):
    """An inbox folder with one bad and one good bundle: the good one imports, the run exits 5."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "A-empty.mizan").write_bytes(b"")
    record = value_record(world.device_id, indicator="PRS-06", value=1, comment="inbox")
    craft_bundle(inbox / "B-good.mizan", recipient=world.pair.recipient, private_key=world.district_key,
                 device_id=world.device_id, district="QUETTA", device_name="Quetta DPO",
                 records={"indicator_values": [record]})
    capsys.readouterr()
    assert _cli(world, monkeypatch, "import", "--json", str(inbox)) == 5
    report = json.loads(capsys.readouterr().out)["bundles"]
    assert [(b["file"], b["status"], b["reason"]) for b in report] == [
        (str(inbox / "A-empty.mizan"), "rejected",
         "A-empty.mizan is empty: the copy to the USB stick probably failed. Export it again."),
        (str(inbox / "B-good.mizan"), "imported", None)]
    assert report[1]["counts"]["new"] == 1


# -- receipts ----------------------------------------------------------------------------------------------


def _exports(session) -> list[tuple]:
    return session.db.execute("SELECT * FROM exports ORDER BY sequence").fetchall()


def test_a_receipt_from_a_different_centre_is_refused(world, tmp_path):
    pair = world.pair
    main_key = tmp_path / "centre.key"
    main_print = export_key_file(world.clerk, main_key)
    other_key = tmp_path / "other.key"
    other_print = export_key_file(world.other_clerk, other_key)
    # The office once sent a bundle to the other centre, which acknowledged it with its own receipt.
    trust_centre(pair.district_admin, other_key, other_print, replace=True)
    try:
        quetta_print = export_key_file(pair.district_admin, tmp_path / "quetta.enroll")
        enroll_device(world.other_clerk, tmp_path / "quetta.enroll", quetta_print)
        bundle = export_to(pair.supervisor, tmp_path / "to-other")
        assert import_bundles(world.other_clerk, [bundle])[0].status == "imported"
        receipt = write_receipts(world.other_clerk, tmp_path)[0]
    finally:
        trust_centre(pair.district_admin, main_key, main_print, replace=True)
    listed = [b["bundle_id"] for b in json.loads(receipt.read_text())["receipt"]["bundles"]]
    assert listed and set(listed) <= {row[1] for row in _exports(pair.supervisor)}
    before, exports_before, audit_before = table_counts(pair.supervisor), _exports(pair.supervisor), audit_rows(
        pair.supervisor)
    with pytest.raises(BundleRejected) as refused:
        import_receipt(pair.supervisor, receipt)
    assert str(refused.value) == (f"{receipt.name} is not signed by the centre this office trusts ({main_print}). "
                                  "It comes from another centre or was altered; it was not applied.")
    assert _exports(pair.supervisor) == exports_before
    assert table_counts(pair.supervisor) == before and audit_rows(pair.supervisor) == audit_before


@pytest.mark.parametrize("tamper", ["extra bundle listed", "clock moved", "signature byte"])
def test_a_tampered_receipt_is_refused_and_the_genuine_one_applies(world, tmp_path, tamper):
    pair = world.pair
    main_print = export_key_file(world.clerk, tmp_path / "centre.key")
    add_values(pair.supervisor, {"PRO-01": 42 + len(tamper)})
    bundle = export_to(pair.supervisor, tmp_path / "usb")
    assert import_one(world, bundle).status == "imported"
    (tmp_path / "receipts").mkdir()
    genuine, = write_receipts(world.clerk, tmp_path / "receipts", [pair.supervisor.device_id])
    envelope = json.loads(genuine.read_text())
    if tamper == "extra bundle listed":
        envelope["receipt"]["bundles"].append({"bundle_id": str(uuid.uuid4()), "sequence": 999,
                                               "hlc_high": "9999999999999.000000"})
    elif tamper == "clock moved":
        envelope["receipt"]["bundles"][-1]["hlc_high"] = "9999999999999.000000"
    else:
        signature = envelope["signature"]
        envelope["signature"] = ("B" if signature[5] != "B" else "C").join((signature[:5], signature[6:]))
    tampered = tmp_path / "tampered-receipt.json"
    tampered.write_text(json.dumps(envelope, indent=1))
    before, exports_before, audit_before = table_counts(pair.supervisor), _exports(pair.supervisor), audit_rows(
        pair.supervisor)
    with pytest.raises(BundleRejected) as refused:
        import_receipt(pair.supervisor, tampered)
    assert str(refused.value) == (f"{tampered.name} is not signed by the centre this office trusts ({main_print}). "
                                  "It comes from another centre or was altered; it was not applied.")
    assert _exports(pair.supervisor) == exports_before
    assert table_counts(pair.supervisor) == before and audit_rows(pair.supervisor) == audit_before
    # The untouched receipt is accepted and acknowledges the bundle: the refusal above was the tampering.
    result = import_receipt(pair.supervisor, genuine)
    assert result["newly_acknowledged"] >= 1
    acknowledged = pair.supervisor.db.execute("SELECT acknowledged_at FROM exports WHERE file_name = ?",
                                              [bundle.name]).fetchone()[0]
    assert acknowledged is not None
