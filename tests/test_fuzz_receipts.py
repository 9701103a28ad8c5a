"""Fuzzing ``receipt-import``: a mutated receipt is applied (only the exports it lists acknowledged) or refused
with a clear reason (``BundleRejected``, exit code 5) and nothing written; never an unhandled exception.

One linked centre and Quetta district per module: the district exports two bundles, the centre imports them
and writes the device's receipt, and every example mutates that receipt: bytes flipped, cut or added; the
file replaced by odd JSON; fields of the envelope or the receipt set to odd values (deep nesting, huge
numbers, NaN, lone surrogates, wrong types), removed or added; the list of bundles changed. Changed receipts
are signed again with the centre's key (so they reach the checks after the signature) or keep the old
signature. Each import runs inside an outer transaction rolled back afterwards.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sync.bundle import BundleRejected, canonical_json
from sync.importer import import_bundles
from sync.keys import sign
from sync.receipts import MAX_RECEIPT_BYTES, import_receipt, write_receipts
from tests.conftest import table_counts
from tests.fuzz_common import Tally, fuzz_settings, raw_json_values, time_limit
from tests.sync_helpers import add_values, export_to, make_pair

TIME_LIMIT = 30
TALLY = Tally("test_fuzz_receipts")


class World:
    """The linked pair, the genuine receipt and the district's exports (a plain class: short in hypothesis's
    output)."""

    def __init__(self, folder) -> None:
        self.folder = folder
        self.pair = make_pair(folder / "pair")
        add_values(self.pair.supervisor)
        first = export_to(self.pair.supervisor, folder / "usb")
        add_values(self.pair.supervisor, {"PRO-01": 50}, period="2025-02")
        second = export_to(self.pair.supervisor, folder / "usb")
        import_bundles(self.pair.clerk, [first, second])
        (path,) = write_receipts(self.pair.clerk, folder / "usb")
        self.raw = path.read_bytes()
        self.envelope = json.loads(self.raw)
        self.pristine = table_counts(self.district)
        self.exports = self.export_rows()

    @property
    def district(self):
        return self.pair.supervisor

    def export_rows(self) -> dict[str, tuple]:
        return {row[0]: row[1:] for row in self.district.db.execute(
            "SELECT bundle_id, sequence, baseline, hlc_high, file_name, counts, acknowledged_at FROM exports")}

    def __repr__(self) -> str:
        return f"World({self.folder})"


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    built = World(tmp_path_factory.mktemp("fuzz-receipts"))
    yield built
    TALLY.write()
    built.pair.close()


def run_receipt(world: World, data: bytes, test: str, listed: object = None) -> dict | None:
    """Import ``data`` as the receipt inside a rolled-back outer transaction; check what it did."""
    path = world.folder / "QUETTA-fuzz-receipt.json"
    path.write_bytes(data)
    db = world.district.db
    db.conn.execute("BEGIN")
    result = None
    try:
        with time_limit(TIME_LIMIT, "one receipt"):
            try:
                result = import_receipt(world.district, path)
            except BundleRejected as rejection:
                assert str(rejection).startswith(path.name), str(rejection)
                assert table_counts(world.district) == world.pristine
                assert world.export_rows() == world.exports, "a refused receipt changed an export"
                TALLY.add(test, "rejected: " + " ".join(str(rejection).split()[1:6]))
        if result is not None:
            assert table_counts(world.district) == world.pristine
            ids = {entry["bundle_id"] for entry in listed} if isinstance(listed, list) else set()
            for bundle_id, row in world.export_rows().items():
                before = world.exports[bundle_id]
                assert row[:-1] == before[:-1]
                if row[-1] != before[-1]:
                    assert bundle_id in ids, "an export the receipt does not list was acknowledged"
            TALLY.add(test, "applied")
    finally:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
    assert table_counts(world.district) == world.pristine
    assert world.export_rows() == world.exports
    return result


def _value(text: str) -> object:
    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        return text


@fuzz_settings(40)
@given(data=st.data())
def test_damaged_receipt_files_are_refused_cleanly(world, data):
    raw = bytearray(world.raw)
    kind = data.draw(st.sampled_from(["flip", "cut", "append", "replace", "too large"]))
    if kind == "flip":
        for position in data.draw(st.lists(st.integers(0, len(raw) - 1), min_size=1, max_size=6)):
            raw[position] ^= data.draw(st.integers(1, 255))
    elif kind == "cut":
        del raw[data.draw(st.integers(0, len(raw) - 1)):]
    elif kind == "append":
        raw += data.draw(st.binary(min_size=1, max_size=32))
    elif kind == "replace":
        raw = bytearray(data.draw(raw_json_values).encode("utf-8", "surrogatepass"))
    else:
        raw = bytearray(b" " * (MAX_RECEIPT_BYTES + 1))
    result = run_receipt(world, bytes(raw), f"file: {kind}", world.envelope["receipt"].get("bundles"))
    if result is not None:
        # only a change the JSON reader ignores (whitespace) may leave the signed receipt intact
        assert json.loads(bytes(raw)) == world.envelope


receipt_fields = st.sampled_from(["format", "format_version", "centre", "device_id", "district", "bundles",
                                  "made_at", "extra"])


@fuzz_settings(60)
@given(data=st.data())
def test_altered_receipts_are_applied_as_listed_or_refused(world, data):
    envelope = json.loads(world.raw)
    receipt = envelope["receipt"]
    kind = data.draw(st.sampled_from(["receipt field", "remove field", "bundle entry", "bundle list", "envelope"]))
    if kind == "receipt field":
        receipt[data.draw(receipt_fields)] = _value(data.draw(raw_json_values))
    elif kind == "remove field":
        receipt.pop(data.draw(receipt_fields), None)
    elif kind == "bundle entry" and receipt["bundles"]:
        entry = data.draw(st.sampled_from(receipt["bundles"]))
        entry[data.draw(st.sampled_from(["bundle_id", "sequence", "hlc_high", "extra"]))] = _value(
            data.draw(raw_json_values))
    elif kind == "bundle list":
        receipt["bundles"] = data.draw(st.sampled_from([
            [], receipt["bundles"] * 2, receipt["bundles"][:1], [None], [[]], ["x"], [{"bundle_id": None}],
            [{"bundle_id": 10**30}], [{"bundle_id": "\ud800"}], [{"bundle_id": "\x00"}],
            [{"bundle_id": str(n)} for n in range(2000)]]))
    else:
        envelope[data.draw(st.sampled_from(["receipt", "signature", "extra"]))] = _value(data.draw(raw_json_values))
    signed_again = data.draw(st.booleans())
    if signed_again and isinstance(envelope.get("receipt"), dict):
        try:
            message = canonical_json(envelope["receipt"])
        except UnicodeEncodeError:  # a lone surrogate: sign its escaped form, as a forger could
            message = json.dumps(envelope["receipt"], sort_keys=True, separators=(",", ":")).encode("ascii")
        envelope["signature"] = sign(world.pair.clerk, message)
    raw = json.dumps(envelope, ensure_ascii=True).encode("ascii")
    listed = envelope.get("receipt", {}).get("bundles") if isinstance(envelope.get("receipt"), dict) else None
    run_receipt(world, raw, f"json: {kind}, {'re-signed' if signed_again else 'old signature'}", listed)
