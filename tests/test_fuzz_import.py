"""Fuzzing the centre's import: mutated bundles end as ``imported``, ``duplicate`` or a clear rejection, never
an unhandled exception, a hang or a partial write.

One linked centre and Quetta district per module. The district makes two genuine bundles through the public
API (values, desk cases with their children, a PKM request, a completed sheet, plus crafted targets signed
with the district's own key); the first is imported for good, so its copies are duplicates. Each example
mutates the second one at one layer and imports it:

* the age file: bit flips, truncations, junk appended;
* the plaintext ZIP, encrypted again: byte flips and truncation, entries reordered, duplicated, dropped,
  renamed (odd Unicode, NUL, ``..``, drive and absolute paths) or added, declared sizes made huge, another
  compression method, a highly compressible (bomb-like) payload;
* the manifest: fields changed to odd JSON values, removed or added, or the whole manifest replaced, then
  signed again by the district's key (so later checks see it) or left with the old signature;
* record lines, validly re-signed so they reach the record checks: fields set to odd values (deep nesting,
  huge numbers, NaN and Infinity, lone surrogates, NUL, wrong types), removed or added, lines replaced,
  duplicated, cut or emptied.

Every import runs inside an outer transaction that is rolled back afterwards (the import's own transaction
becomes a savepoint, which commits and rolls back the same way), so each example starts from the same centre
at the cost of a rollback; the table counts are compared with the pristine ones after every rollback, which
would catch an import that committed on its own.
"""

from __future__ import annotations

import io
import json
import re
import struct
import uuid
import zipfile
from pathlib import Path

import pyrage
import pytest
from hypothesis import given
from hypothesis import strategies as st

from storage.core.session import open_session
from storage.records.desk import save_pkm_request
from storage.views.entry_sheet import mark_sheet_complete
from sync.bundle import MANIFEST, PAYLOAD_NAMES, SIGNATURE, canonical_json
from sync.importer import ImportOutcome, import_bundle, import_bundles
from sync.keys import age_identities, signing_private_key
from sync.schema import SPECS, shape_problem
from tests.conftest import table_counts
from tests.fuzz_common import Tally, fuzz_settings, raw_json_values, time_limit
from tests.sync_helpers import (
    SyncPair,
    add_desk_cases,
    add_values,
    export_to,
    last_month,
    make_pair,
    make_zip,
    opened_bundle,
    resigned,
    sign_with,
    with_payload,
)

# The ZIP mutations write duplicate entry names on purpose.
pytestmark = pytest.mark.filterwarnings("ignore:Duplicate name:UserWarning")
TIME_LIMIT = 60  # seconds for one bundle; a genuine one takes well under a second here
STATUSES = ("imported", "duplicate", "rejected")
RULE_CODE = re.compile(r"^[A-Z]{2}_[A-Z_]+$")
TALLY = Tally("test_fuzz_import")


class World:
    """The module's linked pair and the bundles every example starts from (a plain class: hypothesis prints
    the arguments of a failing example, and a dataclass's fields would fill pages)."""

    def __init__(self, pair: SyncPair, folder: Path, district_key: object, entries: list[tuple[str, bytes]],
                 duplicate: bytes) -> None:
        self.pair, self.folder, self.district_key = pair, folder, district_key
        self.identities = age_identities(pair.clerk)
        self.device_id = pair.supervisor.device_id
        self.entries = entries  # the second bundle's ZIP entries (not imported)
        self.ciphertext = encrypt(make_zip(entries), pair.recipient)  # the second bundle as a file
        self.duplicate = duplicate  # the first bundle as a file (imported)
        self.pristine = table_counts(pair.clerk)

    @property
    def clerk(self):
        return self.pair.clerk

    def __repr__(self) -> str:
        return f"World({self.folder})"


def _crafted_targets(device_id: str, hlc: str) -> bytes:
    """Targets as a district would send them (districts do not set targets; the centre still checks them)."""
    year = int(last_month()[:4])
    lines = []
    for code, target in (("PRO-01", 480), ("CRT-01", 150)):
        lines.append({"indicator": code, "district": "QUETTA", "year": year, "target": target, "set_by": "sana",
                      "set_at": "2026-01-02T00:00:00.000000Z", "uuid": str(uuid.uuid4()), "hlc": hlc,
                      "origin_device": device_id, "deleted": 0})
    return b"".join(json.dumps(line).encode() + b"\n" for line in lines)


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    folder = tmp_path_factory.mktemp("fuzz-import")
    pair = make_pair(folder / "pair")
    supervisor = pair.supervisor
    add_values(supervisor)
    add_desk_cases(supervisor, 2)
    first = export_to(supervisor, folder / "usb1")
    import_bundles(pair.clerk, [first])
    add_values(supervisor, {"PRO-01": 44, "CRT-01": 13, "CRT-02": 5}, period="2025-01")
    operator = open_session(pair.district_path, "omar", "operator-pass-1")
    save_pkm_request(operator, {"desk": "QTA-CITY", "service": "fir_copy", "applicant_sex": "male",
                                "received_date": last_month() + "-02", "completed_date": last_month() + "-03"})
    operator.close()
    mark_sheet_complete(supervisor, "QUETTA", "courts", "2025-01")
    second = export_to(supervisor, folder / "usb2")
    manifest, entries = opened_bundle(pair.clerk, second)
    key = signing_private_key(pair.district_admin)
    entries = with_payload(list(entries.items()), "targets.jsonl",
                           _crafted_targets(supervisor.device_id, manifest["hlc_high"]), key)
    built = World(pair, folder, key, entries, first.read_bytes())
    (folder / "in").mkdir()
    yield built
    TALLY.write()
    pair.close()


def encrypt(plaintext: bytes, recipient: str) -> bytes:
    """The age file of a bundle's ZIP, as ``write_encrypted`` makes it (in memory)."""
    return pyrage.encrypt(plaintext, [pyrage.x25519.Recipient.from_str(recipient)])


# -- running one import --------------------------------------------------------------------------------


def jsonl_lines(content: bytes) -> list[bytes]:
    """A payload's lines exactly as the importer reads them (split after each newline only)."""
    return list(io.BytesIO(content))


def _payload_lines(entries: list[tuple[str, bytes]]) -> int:
    return sum(len(jsonl_lines(content)) for name, content in entries if name in PAYLOAD_NAMES)


def _stored_rows_are_well_shaped(world: World) -> None:
    """Nothing that fails the record checks was merged: every stored row of every synced table has the
    shape the import demands (kinds, 0/1 flags, text length), so no odd value got past quarantine."""
    for record_type, spec in SPECS.items():
        for row in world.clerk.db.execute(f"SELECT {', '.join(spec.exported)} FROM {spec.table}"):
            record = dict(zip(spec.exported, row, strict=True))
            problem = shape_problem(spec, record, minimal_tombstone_ok=False)
            assert problem is None, (record_type, record, problem)


def run_import(world: World, data: bytes, test: str, entries: list[tuple[str, bytes]] | None = None,
               bad_labels: list[tuple[str, set[str]]] | None = None) -> ImportOutcome:
    """Import ``data`` as a bundle file inside a rolled-back outer transaction and check the outcome.

    ``entries``: the ZIP that was encrypted, when known (an imported bundle deals with each of its lines
    once). ``bad_labels``: (record type, the labels it may have) of lines that must end in quarantine.
    """
    path = world.folder / "in" / "QUETTA-fuzz-1.mizan"
    path.write_bytes(data)
    db = world.clerk.db
    db.conn.execute("BEGIN")
    try:
        with time_limit(TIME_LIMIT, "one import"):
            outcome = import_bundle(world.clerk, path, world.identities)
        assert outcome.status in STATUSES
        if outcome.status == "rejected":
            assert isinstance(outcome.reason, str) and outcome.reason.startswith(path.name), outcome.reason
        counts = table_counts(world.clerk)
        if outcome.status != "imported":
            assert counts == world.pristine, "a refused bundle wrote something"
        else:
            added = counts["quarantine"] - world.pristine["quarantine"]
            assert added == outcome.counts["quarantined"], "quarantine rows and counts disagree"
            assert counts["bundles"] == world.pristine["bundles"] + 1
            for _type, label, reasons in db.execute(
                    "SELECT record_type, record_uuid, reasons FROM quarantine WHERE bundle_id = ?", [outcome.bundle_id]):
                rules = [reason["rule"] for reason in json.loads(reasons)]
                assert rules and all(RULE_CODE.match(rule) for rule in rules), (label, rules)
            if entries is not None:
                assert sum(outcome.counts.values()) == _payload_lines(entries), outcome.counts
            if bad_labels:
                kept = {(record_type, label.split(" (line")[0]) for record_type, label in db.execute(
                    "SELECT record_type, record_uuid FROM quarantine WHERE bundle_id = ?", [outcome.bundle_id])}
                missing = [(kind, labels) for kind, labels in bad_labels
                           if not any((kind, label) in kept for label in labels)]
                assert not missing, missing
            _stored_rows_are_well_shaped(world)
    finally:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
    assert table_counts(world.clerk) == world.pristine, "the import committed outside its transaction"
    if outcome.status == "rejected":
        TALLY.add(test, f"rejected: {_reason_kind(outcome.reason)}")
    elif outcome.status == "imported" and outcome.counts["quarantined"]:
        TALLY.add(test, "imported: with records in quarantine")
    else:
        TALLY.add(test, outcome.status)
    return outcome


def _reason_kind(reason: str) -> str:
    """A short name for a rejection reason, for the tallies (the file name and details removed)."""
    text = reason.split(" ", 1)[1] if " " in reason else reason
    text = re.sub(r"\(.*?\)|'[^']*'|\[.*?\]|\d+", "", text)
    return " ".join(text.split()[:7])


# -- the age file ----------------------------------------------------------------------------------------


@fuzz_settings(60)
@given(data=st.data())
def test_mutated_age_files_are_refused_cleanly(world, data):
    kind = data.draw(st.sampled_from(["flip", "truncate", "append", "flip+truncate", "first bundle"]))
    if kind == "first bundle":  # imported for good when the module started
        assert run_import(world, world.duplicate, "age file").status == "duplicate"
        return
    original = bytearray(world.ciphertext)
    if "flip" in kind:
        for position in data.draw(st.lists(st.integers(0, len(original) - 1), min_size=1, max_size=8)):
            original[position] ^= data.draw(st.integers(1, 255))
    if "truncate" in kind:
        original = original[: data.draw(st.integers(0, len(original) - 1))]
    if kind == "append":
        original += data.draw(st.binary(min_size=1, max_size=64))
    outcome = run_import(world, bytes(original), "age file")
    # age authenticates the header and every chunk, and refuses bytes after the last chunk: any change to the
    # file is refused (flips that cancel out leave the genuine file, which imports).
    assert outcome.status == ("imported" if bytes(original) == world.ciphertext else "rejected"), outcome.reason


@fuzz_settings(10)
@given(data=st.data())
def test_several_mutated_files_give_one_outcome_each(world, data, tmp_path_factory):
    """``import_bundles`` over several damaged files: one outcome per file, in order, nothing written."""
    folder = tmp_path_factory.mktemp("several")
    paths = []
    for number in range(data.draw(st.integers(1, 4))):
        damaged = bytearray(world.ciphertext)
        damaged[data.draw(st.integers(0, len(damaged) - 1))] ^= 0x40
        path = folder / f"QUETTA-damaged-{number}.mizan"
        path.write_bytes(bytes(damaged))
        paths.append(path)
    with time_limit(TIME_LIMIT * len(paths), "several imports"):
        outcomes = import_bundles(world.clerk, paths)
    assert [outcome.file for outcome in outcomes] == [str(path) for path in paths]
    assert all(outcome.status == "rejected" and outcome.reason for outcome in outcomes)
    assert table_counts(world.clerk) == world.pristine
    for outcome in outcomes:
        TALLY.add("several files", outcome.status)


# -- the ZIP inside --------------------------------------------------------------------------------------

odd_names = st.one_of(
    st.sampled_from(["../manifest.json", "/manifest.json", "C:manifest.json", "a\\b.jsonl", "manifest.json\x00.txt",
                     "desks.jsonl/", "./desks.jsonl", "DESKS.JSONL", "désks.jsonl", "desks.jsonl ", "..",
                     "indicator_values.jsonl\u202e", "\U0001f600.jsonl", "signature\x00", "x" * 300]),
    st.text(alphabet=st.characters(codec="utf-8", exclude_characters="\x00"), min_size=1, max_size=40),
)


def _patch_declared_size(plaintext: bytes, index: int, size: int) -> bytes:
    """Make the ``index``-th entry's central directory header (and local header) claim ``size`` bytes."""
    data = bytearray(plaintext)
    headers = [m.start() for m in re.finditer(re.escape(b"PK\x01\x02"), data)]
    if not headers:
        return plaintext
    central = headers[index % len(headers)]
    struct.pack_into("<I", data, central + 24, size)
    local = struct.unpack_from("<I", data, central + 42)[0]
    if data[local:local + 4] == b"PK\x03\x04":
        struct.pack_into("<I", data, local + 22, size)
    return bytes(data)


@fuzz_settings(80)
@given(data=st.data())
def test_mutated_zips_are_refused_or_imported_whole(world, data):
    entries = list(world.entries)
    key = world.district_key
    kind = data.draw(st.sampled_from(["reorder", "duplicate", "drop", "rename", "add", "size", "compression",
                                      "bomb", "flip", "truncate"]))
    compression = zipfile.ZIP_DEFLATED
    plaintext = None
    if kind == "reorder":
        entries = data.draw(st.permutations(entries))
    elif kind == "duplicate":
        chosen = data.draw(st.sampled_from(entries))
        copy = (chosen[0], data.draw(st.sampled_from([chosen[1], chosen[1] + b"\n", b""])))
        entries.insert(data.draw(st.integers(0, len(entries))), copy)
    elif kind == "drop":
        del entries[data.draw(st.integers(0, len(entries) - 1))]
    elif kind == "rename":
        index = data.draw(st.integers(0, len(entries) - 1))
        entries[index] = (data.draw(odd_names), entries[index][1])
    elif kind == "add":
        entries.insert(data.draw(st.integers(0, len(entries))), (data.draw(odd_names), data.draw(st.binary(max_size=64))))
    elif kind == "compression":
        compression = data.draw(st.sampled_from([zipfile.ZIP_STORED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA]))
    elif kind == "bomb":
        size = data.draw(st.sampled_from([1024 * 1024 + 1, 4 * 1024 * 1024, 32 * 1024 * 1024]))
        filler = data.draw(st.sampled_from([b"\n", b" ", b"{}\n", b"0"]))
        name = data.draw(st.sampled_from(sorted(PAYLOAD_NAMES)))
        entries = with_payload(entries, name, filler * (size // len(filler)),
                               key if data.draw(st.booleans()) else None)
    plaintext = make_zip(entries, compression)
    if kind == "size":
        plaintext = _patch_declared_size(plaintext, data.draw(st.integers(0, 20)),
                                         data.draw(st.sampled_from([0, 1, 2**31, 2**32 - 1, 300 * 1024 * 1024])))
    elif kind == "flip":
        mutable = bytearray(plaintext)
        for position in data.draw(st.lists(st.integers(0, len(mutable) - 1), min_size=1, max_size=6)):
            mutable[position] ^= data.draw(st.integers(1, 255))
        plaintext = bytes(mutable)
    elif kind == "truncate":
        plaintext = plaintext[: data.draw(st.integers(0, len(plaintext) - 1))]
    outcome = run_import(world, encrypt(plaintext, world.pair.recipient), f"zip: {kind}",
                         entries if kind == "reorder" else None)
    if kind == "reorder" or (kind == "compression" and compression == zipfile.ZIP_STORED):
        assert outcome.status == "imported", outcome.reason  # the same bundle, laid out differently
    elif kind == "compression":
        assert outcome.status == "rejected" and "compressed with a method Mizan does not use" in outcome.reason
    if kind in ("duplicate", "rename", "add") and outcome.status == "imported":
        # only harmless changes may pass: names that are still exactly the expected ones (a ZIP reader ends a
        # name at a NUL byte, as Python's zipfile does)
        assert sorted(name.split("\x00")[0] for name, _ in entries) == sorted(name for name, _ in world.entries)


# -- the manifest ----------------------------------------------------------------------------------------

manifest_fields = st.sampled_from(["format", "format_version", "bundle_id", "device_id", "district", "device_name",
                                   "device_public_key", "sequence", "hlc_high", "baseline", "created_at",
                                   "catalogue_version", "app_version", "centre_recipient", "escrow_recipients",
                                   "counts", "files", "extra_field"])


@fuzz_settings(80)
@given(data=st.data())
def test_altered_manifests_are_refused_or_imported_whole(world, data):
    manifest = json.loads(dict(world.entries)[MANIFEST])
    signed_again = data.draw(st.booleans())
    kind = data.draw(st.sampled_from(["set", "remove", "replace", "counts", "files"]))
    if kind == "replace":
        manifest_bytes = data.draw(raw_json_values).encode("utf-8", "surrogatepass")
    else:
        if kind == "set":
            value_text = data.draw(raw_json_values)
            try:
                value = json.loads(value_text)
            except (ValueError, RecursionError):
                value = value_text
            manifest[data.draw(manifest_fields)] = value
        elif kind == "remove":
            manifest.pop(data.draw(manifest_fields), None)
        elif kind == "counts":
            manifest["counts"][data.draw(st.sampled_from(sorted(manifest["counts"])))] = data.draw(
                st.integers(min_value=-(2**70), max_value=2**70))
        else:
            name = data.draw(st.sampled_from(sorted(manifest["files"])))
            manifest["files"][name] = data.draw(st.sampled_from([
                {"sha256": "0" * 64, "bytes": 10**20}, {"sha256": manifest["files"][name]["sha256"]}, {}, [],
                {"sha256": manifest["files"][name]["sha256"], "bytes": -1}, None]))
        try:
            manifest_bytes = canonical_json(manifest)
        except (ValueError, UnicodeEncodeError):  # NaN is fine for json.dumps; a lone surrogate is not UTF-8
            manifest_bytes = json.dumps(manifest, sort_keys=True, separators=(",", ":")).encode("ascii")
    entries = []
    for name, content in world.entries:
        if name == MANIFEST:
            content = manifest_bytes
        elif name == SIGNATURE and signed_again:
            content = sign_with(world.district_key)(manifest_bytes).encode("ascii")
        entries.append((name, content))
    outcome = run_import(world, encrypt(make_zip(entries), world.pair.recipient),
                         f"manifest: {kind}, {'re-signed' if signed_again else 'old signature'}")
    if not signed_again and manifest_bytes != dict(world.entries)[MANIFEST]:
        assert outcome.status == "rejected"


# -- records, validly signed -----------------------------------------------------------------------------

RECORD_PAYLOADS = sorted(name for name in PAYLOAD_NAMES if name != "desks.jsonl") + ["desks.jsonl"]


def _line_with(fields: list[tuple[str, str]]) -> bytes:
    """A JSON object line from (key, raw JSON text) pairs: raw values go in untouched (NaN, deep nesting)."""
    return ("{" + ",".join(f"{json.dumps(key)}:{raw}" for key, raw in fields) + "}").encode("utf-8", "surrogatepass")


def _raw_fields(record: dict) -> list[tuple[str, str]]:
    return [(key, json.dumps(value, ensure_ascii=False)) for key, value in record.items()]


def _expected_bad(world: World, record_type: str, line: bytes, number: int) -> set[str] | None:
    """The labels under which the record checks may quarantine this line (its uuid when it has a valid one,
    else or also its line number), when an independent reading of the rules says it is malformed (not UTF-8
    JSON, not an object, text that is not valid Unicode, wrong shape, another device); else None."""
    by_line = f"line {number}"
    try:
        record = json.loads(line.decode("utf-8"))
    except (ValueError, RecursionError):
        return {by_line}
    if not isinstance(record, dict):
        return {by_line}
    uuid_ = record.get("uuid")
    labels = {by_line}
    if isinstance(uuid_, str) and re.fullmatch(r"[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}", uuid_):
        labels.add(uuid_)
    try:
        json.dumps(record, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: not a record at all
        return {by_line}
    except RecursionError:
        pass
    spec = SPECS[record_type]
    if shape_problem(spec, record, minimal_tombstone_ok=record_type in ("desk_cases", "desk_case_perpetrators",
                                                                        "desk_case_services")):
        return labels
    if len(labels) == 1 or record["origin_device"] not in (world.device_id, "seed"):
        return labels
    return None


@fuzz_settings(150)
@given(data=st.data())
def test_mutated_records_reach_the_record_checks_not_the_merge(world, data):
    """Validly signed bundles with odd record lines are imported: every malformed line in quarantine with
    rule codes, nothing malformed merged, every line dealt with once."""
    name = data.draw(st.sampled_from([n for n in RECORD_PAYLOADS if dict(world.entries)[n].strip()]))
    lines = jsonl_lines(dict(world.entries)[name])
    mutations = data.draw(st.integers(1, 3))
    for _ in range(mutations):
        index = data.draw(st.integers(0, len(lines) - 1))
        try:
            record = json.loads(lines[index])
        except (ValueError, RecursionError):
            record = None
        kind = data.draw(st.sampled_from(["set", "set", "set", "remove", "add", "replace", "duplicate", "cut",
                                          "empty"] if isinstance(record, dict) else ["replace", "duplicate", "empty"]))
        if kind in ("set", "remove", "add"):
            fields = _raw_fields(record)
            if not fields:
                kind = "add"
            if kind == "set":
                at = data.draw(st.integers(0, len(fields) - 1))
                fields[at] = (fields[at][0], data.draw(raw_json_values))
            elif kind == "remove":
                del fields[data.draw(st.integers(0, len(fields) - 1))]
            else:
                fields.append((data.draw(st.text(max_size=8)), data.draw(raw_json_values)))
            lines[index] = _line_with(fields) + b"\n"
        elif kind == "replace":
            lines[index] = data.draw(raw_json_values).encode("utf-8", "surrogatepass") + b"\n"
        elif kind == "duplicate":
            lines.insert(index, lines[index])
        elif kind == "cut":
            lines[index] = lines[index][: data.draw(st.integers(0, len(lines[index]) - 1))] + b"\n"
        else:
            lines[index] = b"\n"
    content = b"".join(lines)
    entries = with_payload(resigned(world.entries, world.district_key, bundle_id=str(uuid.uuid4())), name, content,
                           world.district_key)
    record_type = PAYLOAD_NAMES[name]
    bad = [(record_type, labels) for number, line in enumerate(jsonl_lines(content), start=1)
           if (labels := _expected_bad(world, record_type, line, number)) is not None]
    outcome = run_import(world, encrypt(make_zip(entries), world.pair.recipient), "records",
                         entries, bad)
    assert outcome.status == "imported", outcome.reason
