"""The smallest inputs behind each crash the fuzz tests found (tests/test_fuzz_*.py), kept as plain tests.

Before the fixes each of these (but the manifest one, a hardening) raised an unhandled exception out of
``import``, ``receipt-import`` or ``load`` (UnicodeEncodeError, OverflowError, NotImplementedError); now each
ends as a clear rejection or quarantine and writes nothing it should not.
"""

from __future__ import annotations

import json
import struct
import uuid
import zipfile
from pathlib import Path

import pytest

from storage.sheets.values import load_values
from sync.bundle import BundleRejected, canonical_json, open_archive, write_encrypted
from sync.importer import import_bundles
from sync.keys import sign, signing_private_key
from sync.receipts import import_receipt, write_receipts
from tests.conftest import table_counts
from tests.sync_helpers import (
    add_values,
    export_to,
    last_month,
    make_pair,
    make_zip,
    opened_bundle,
    resigned,
    with_payload,
    write_zip_bundle,
)


@pytest.fixture(scope="module")
def pair(tmp_path_factory):
    folder = tmp_path_factory.mktemp("fuzz-regressions")
    built = make_pair(folder / "pair")
    add_values(built.supervisor)
    built.bundle = export_to(built.supervisor, folder / "usb")
    built.key = signing_private_key(built.district_admin)
    yield built
    built.close()


def entries_of(pair) -> list[tuple[str, bytes]]:
    """The genuine bundle's entries with a new bundle id (re-signed), so each test imports a new bundle."""
    _, entries = opened_bundle(pair.clerk, pair.bundle)
    return resigned(list(entries.items()), pair.key, bundle_id=str(uuid.uuid4()))


def import_entries(pair, entries, tmp_path, name="QUETTA-regression-1.mizan"):
    path = write_zip_bundle(entries, pair.recipient, tmp_path / name)
    before = table_counts(pair.clerk)
    (outcome,) = import_bundles(pair.clerk, [path])
    return outcome, before


def test_a_record_with_a_lone_surrogate_is_quarantined_not_a_crash(pair, tmp_path):
    """Was: UnicodeEncodeError while storing the quarantined record (or looking up a case uuid)."""
    entries = entries_of(pair)
    line = dict(entries)["indicator_values.jsonl"].split(b"\n")[0]
    record = json.loads(line)
    record["comment"] = "\ud800"
    bad = json.dumps(record).encode("ascii") + b"\n"  # ASCII JSON: the surrogate travels as the escape \ud800
    entries = with_payload(entries, "indicator_values.jsonl", bad, pair.key)
    outcome, _ = import_entries(pair, entries, tmp_path)
    assert outcome.status == "imported" and outcome.counts["quarantined"] == 1
    (reasons,) = pair.clerk.db.execute("SELECT reasons FROM quarantine WHERE bundle_id = ?",
                                       [outcome.bundle_id]).fetchone()
    assert "not valid Unicode" in json.loads(reasons)[0]["message"]


def test_a_record_with_an_encoded_surrogate_is_quarantined_not_a_crash(pair, tmp_path):
    """Was: UnicodeEncodeError storing the quarantined record: json.loads(bytes) decodes with "surrogatepass",
    so a surrogate written as raw bytes (ED A0 80) became text no escape check saw."""
    entries = entries_of(pair)
    line = dict(entries)["indicator_values.jsonl"].split(b"\n")[0]
    bad = line.replace(b'"uuid":"', b'"uuid":"\xed\xa0\x80', 1) + b"\n"
    outcome, _ = import_entries(pair, with_payload(entries, "indicator_values.jsonl", bad, pair.key), tmp_path)
    assert outcome.status == "imported" and outcome.counts["quarantined"] == 1
    (reasons,) = pair.clerk.db.execute("SELECT reasons FROM quarantine WHERE bundle_id = ?",
                                       [outcome.bundle_id]).fetchone()
    assert "not UTF-8 text" in json.loads(reasons)[0]["message"]


def test_a_manifest_with_a_lone_surrogate_is_refused(pair, tmp_path):
    """Hardening, not a crash: such a manifest imported, and its claims (shown in the refusal of an unknown
    device, for instance) carried text that cannot be written as UTF-8."""
    entries = entries_of(pair)
    manifest = json.loads(dict(entries)["manifest.json"])
    manifest["device_name"] = "\ud800"
    manifest_bytes = json.dumps(manifest, sort_keys=True, separators=(",", ":")).encode("ascii")
    signature = sign(pair.district_admin, manifest_bytes).encode("ascii")
    entries = [(name, manifest_bytes if name == "manifest.json" else signature if name == "signature" else content)
               for name, content in entries]
    outcome, before = import_entries(pair, entries, tmp_path)
    assert outcome.status == "rejected"
    assert outcome.reason.endswith("the manifest holds text that is not valid Unicode.")
    assert table_counts(pair.clerk) == before


def test_a_sequence_beyond_64_bits_is_refused(pair, tmp_path):
    """Was: OverflowError when recording the bundle."""
    entries = resigned(entries_of(pair), pair.key, sequence=2**63)
    outcome, before = import_entries(pair, entries, tmp_path)
    assert outcome.status == "rejected" and outcome.reason.endswith("the manifest's sequence or clock is malformed.")
    assert table_counts(pair.clerk) == before


@pytest.mark.parametrize(("payload", "field", "number"), [
    ("indicator_values.jsonl", "value", 10**30), ("targets.jsonl", "year", 10**20)])
def test_a_whole_number_beyond_64_bits_is_quarantined(pair, tmp_path, payload, field, number):
    """Was: OverflowError from SQLite when merging the record."""
    entries = entries_of(pair)
    if payload == "targets.jsonl":
        record = {"indicator": "PRO-01", "district": "QUETTA", "year": 2025, "target": 10, "set_by": "sana",
                  "set_at": "2026-01-01T00:00:00.000000Z", "uuid": str(uuid.uuid4()),
                  "hlc": json.loads(dict(entries)["manifest.json"])["hlc_high"],
                  "origin_device": pair.supervisor.device_id, "deleted": 0}
    else:
        record = json.loads(dict(entries)[payload].split(b"\n")[0])
    record[field] = number
    entries = with_payload(entries, payload, json.dumps(record).encode() + b"\n", pair.key)
    outcome, _ = import_entries(pair, entries, tmp_path)
    assert outcome.status == "imported" and outcome.counts["quarantined"] == 1
    (reasons,) = pair.clerk.db.execute("SELECT reasons FROM quarantine WHERE bundle_id = ?",
                                       [outcome.bundle_id]).fetchone()
    assert json.loads(reasons)[0]["rule"] == "SY_RECORD_SHAPE" and "too large" in json.loads(reasons)[0]["message"]


def test_a_zip_claiming_an_unknown_version_is_refused(pair, tmp_path):
    """Was: NotImplementedError ("zip file version 8.4") out of zipfile.ZipFile."""
    plaintext = bytearray(make_zip(entries_of(pair)))
    central = plaintext.index(b"PK\x01\x02")
    struct.pack_into("<H", plaintext, central + 6, 84)  # "version needed to extract"
    path = tmp_path / "QUETTA-version-1.mizan"
    write_encrypted(bytes(plaintext), [pair.recipient], path)
    before = table_counts(pair.clerk)
    (outcome,) = import_bundles(pair.clerk, [path])
    assert outcome.status == "rejected" and "not a valid ZIP (zip file version 8.4)" in outcome.reason
    assert table_counts(pair.clerk) == before


def test_a_receipt_with_a_lone_surrogate_is_refused(pair, tmp_path):
    """Was: UnicodeEncodeError while working out the signed bytes."""
    import_bundles(pair.clerk, [pair.bundle])
    (path,) = write_receipts(pair.clerk, tmp_path)
    envelope = json.loads(path.read_bytes())
    envelope["receipt"]["format"] = "\ud800"
    path.write_text(json.dumps(envelope), encoding="ascii")
    before = table_counts(pair.supervisor)
    with pytest.raises(BundleRejected, match=r"is not a Mizan receipt \(ValueError\)"):
        import_receipt(pair.supervisor, path)
    assert table_counts(pair.supervisor) == before
    assert canonical_json({"ok": "text"})  # the signed form of ordinary text is unchanged


@pytest.mark.parametrize("figure", ["1e20", "9223372036854775808", "999999999999999999999999999999"])
def test_a_figure_beyond_64_bits_is_not_a_number(supervisor, tmp_path, figure):
    """Was: OverflowError out of ``load`` (and any save) for a count such as 1e20."""
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("indicator,district,period,cell,value,numerator,denominator,comment\n"
                     f"PRO-01,QUETTA,{last_month()},total,{figure},,,typo\n", encoding="utf-8")
    before = table_counts(supervisor)
    report = load_values(supervisor, sheet)
    assert [problem.rule for problem in report.problems] == ["IV_NOT_A_NUMBER"]
    assert table_counts(supervisor) == before


def test_a_zip_whose_offsets_point_before_its_start_is_refused(pair):
    """Was: ValueError ("negative seek value") out of zipfile when reading the manifest (found by atheris):
    bytes cut out just before the central directory shift every entry's offset below zero."""
    entries = entries_of(pair)
    first = sorted(entries, key=lambda entry: entry[0] != "manifest.json")  # the manifest at offset 0
    plaintext = make_zip(first)
    central = plaintext.index(b"PK\x01\x02")
    damaged = plaintext[: central - 40] + plaintext[central:]
    with pytest.raises(BundleRejected, match=r"x\.mizan: manifest\.json is damaged inside the ZIP \(negative seek"):
        open_archive(Path("x.mizan"), damaged)


@pytest.mark.parametrize("method", [zipfile.ZIP_LZMA, zipfile.ZIP_BZIP2])
def test_a_zip_with_another_compression_method_is_refused(pair, method):
    """Was: lzma.LZMAError ("Invalid or unsupported options") out of zipfile for an LZMA entry with damaged
    options (found by atheris). Bundles are deflate: other methods are now refused before any is read."""
    plaintext = bytearray(make_zip(entries_of(pair), compression=method))
    if method == zipfile.ZIP_LZMA:  # damage the LZMA properties at the start of the first entry's data
        local = plaintext.index(b"PK\x03\x04")
        name_length, extra_length = struct.unpack_from("<HH", plaintext, local + 26)
        start = local + 30 + name_length + extra_length
        plaintext[start + 4:start + 9] = b"\xff" * 5
    with pytest.raises(BundleRejected, match=rf"is compressed with a method Mizan does not use \(ZIP method {method}\)"):
        open_archive(Path("x.mizan"), bytes(plaintext))
