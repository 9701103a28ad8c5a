"""Import and merge at the provincial centre: exact content, privacy, cumulative bundles and receipts,
last writer wins with conflicts, consent tombstones, and a property test that any order and any number
of imports of the same bundles converge to one state.

Everything runs on real encrypted databases and real bundles (``export_bundle`` -> ``import_bundles``).
Creating an installation costs seconds of argon2, so the module builds one linked world (a centre, two
Quetta devices, a Pishin device) once and every test works on file copies of it. A copy is opened with
the database key read from the original's session: the same SQLCipher file and code path as
``open_session`` without re-deriving the password (``storage.core.session._session_for``).
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
import json
import shutil
import tempfile
import time
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pyrage
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

import sync  # noqa: F401  (registers key generation as a step of init)
from storage.core.connection import connect
from storage.core.keyslots import KeyFile, keyfile_path
from storage.core.session import Session, _session_for, open_session
from storage.errors import ValidationFailed
from storage.records.completion import set_complete
from storage.records.desk import get_desk_case, save_desk_case, save_pkm_request
from storage.records.targets import set_target
from storage.records.values import delete_indicator_value, save_indicator_values
from storage.validation import ValueInput
from sync.devices import device_report
from sync.importer import import_bundles
from sync.keys import age_identities
from sync.receipts import import_receipt, write_receipts
from tests.conftest import ADMIN_PASSWORD, CLERK_PASSWORD, SUPERVISOR_PASSWORD
from tests.sync_helpers import export_to, link, make_centre, make_district

TODAY = dt.date.today()


def days_ago(days: int) -> str:
    return (TODAY - dt.timedelta(days=days)).isoformat()


def month_ago(months: int) -> str:
    """YYYY-MM of ``months`` calendar months before this one (closed periods: never in the future)."""
    year, month = divmod(TODAY.year * 12 + TODAY.month - 1 - months, 12)
    return f"{year:04d}-{month + 1:02d}"


# -- the world: one centre and three enrolled devices, built once, used through file copies --------------


@dataclass(frozen=True)
class Pristine:
    path: Path
    key: bytes
    user: str
    device_id: str
    identity_key: bytes | None = None  # the supervisor's identity key (storage.core.identity)


@dataclass
class World:
    centre: Pristine
    devices: dict[str, Pristine]  # "A", "B": two Quetta devices; "C": Pishin

    def _copy(self, original: Pristine, folder: Path, name: str) -> Session:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / name
        shutil.copyfile(original.path, path)
        shutil.copyfile(keyfile_path(original.path), keyfile_path(path))
        return _session_for(path, connect(path, original.key), original.user, original.key,
                            KeyFile.load(keyfile_path(path)),
                            [original.identity_key] if original.identity_key else [])

    def new_centre(self, folder: Path, name: str = "centre.db") -> Session:
        """A fresh copy of the centre (clerk session) that has enrolled A, B and C and imported nothing."""
        return self._copy(self.centre, folder, name)

    def new_district(self, folder: Path, device: str) -> Session:
        """A fresh copy of device ``device`` (supervisor session): trusts the centre, has exported nothing."""
        return self._copy(self.devices[device], folder, f"district-{device}.db")


@pytest.fixture(scope="module")
def world(tmp_path_factory) -> World:
    folder = tmp_path_factory.mktemp("world")
    centre_path = make_centre(folder)
    clerk = open_session(centre_path, "clara", CLERK_PASSWORD)
    devices = {}
    for device, district, name in (("A", "QUETTA", "Quetta DPO"), ("B", "QUETTA", "Quetta desk PC"),
                                   ("C", "PISHIN", "Pishin DPO")):
        path = make_district(folder, district, device_name=name, name=f"pristine-{device}.db")
        admin = open_session(path, "admin", ADMIN_PASSWORD)
        link(clerk, admin, folder)
        admin.close()
        supervisor = open_session(path, "sana", SUPERVISOR_PASSWORD)
        devices[device] = Pristine(path, supervisor.db_key, "sana", supervisor.device_id, supervisor.identity_key)
        supervisor.close()
    centre = Pristine(centre_path, clerk.db_key, "clara", clerk.device_id)
    clerk.close()
    return World(centre, devices)


@pytest.fixture
def sessions(world: World, tmp_path: Path) -> Iterator[dict[str, Session]]:
    """Fresh copies: ``centre`` (clerk) and districts ``A``, ``B`` (Quetta) and ``C`` (Pishin)."""
    opened = {"centre": world.new_centre(tmp_path / "centre")}
    opened.update({device: world.new_district(tmp_path / "districts", device) for device in "ABC"})
    yield opened
    for session in opened.values():
        session.close()


# -- reading state ----------------------------------------------------------------------------------------

# What the centre holds of the districts' work (desks too: seeded ones must stay one record).
MERGED_TABLES = ("indicator_values", "targets", "completions", "desk_cases", "desk_case_perpetrators",
                 "desk_case_services", "pkm_requests", "desks", "conflicts", "tombstones", "desk_case_identities")
# Columns that never leave a district, and what the centre holds in their place.
NOT_TRAVELLING = {
    "desk_cases": {"client_code": "(de-identified)", "client_age": None, "handling_officer": None, "notes": None,
                   "notes_sealed": None},
    "desk_case_services": {"fir_number": None},
}


def _plain(value: object) -> object:
    return int(value) if isinstance(value, float) and value.is_integer() else value


def rows(session: Session, table: str, where: str = "") -> list[dict]:
    """Every row of ``table`` as a dict of its columns, without the local autoincrement ``id``."""
    columns = [row[1] for row in session.db.execute(f"PRAGMA table_info({table})") if row[1] != "id"]
    found = []
    for row in session.db.execute(f"SELECT {', '.join(columns)} FROM {table} {where}"):
        record = {name: _plain(value) for name, value in zip(columns, row, strict=True)}
        if table == "conflicts":
            record["natural_key"] = json.loads(record["natural_key"])
            record["record"] = {name: _plain(value) for name, value in json.loads(record["record"]).items()}
        found.append(record)
    return found


def _canonical(records: list[dict]) -> list[str]:
    return sorted(json.dumps(record, sort_keys=True, ensure_ascii=False) for record in records)


def centre_state(session: Session) -> dict[str, list[str]]:
    """A canonical dump of everything the merge decides (not the centre's own audit or bundle bookkeeping)."""
    return {table: _canonical(rows(session, table)) for table in MERGED_TABLES}


def by_uuid(records: list[dict]) -> dict[str, dict]:
    return {record["uuid"]: record for record in records}


def as_at_centre(table: str, record: dict) -> dict:
    """A district row as the centre must hold it: the same, except the columns that never travel and
    the case number, which travels with its device (``<number>@<first 8 of the device id>``)."""
    held = {**record, **NOT_TRAVELLING.get(table, {})}
    if table == "desk_cases":
        held["case_number"] = f"{record['case_number']}@{record['origin_device'][:8]}"
    return held


def imported(session: Session, paths: list[Path]) -> list[dict]:
    outcomes = import_bundles(session, paths)
    assert [o.status for o in outcomes if o.status not in ("imported", "duplicate")] == [], \
        [o.as_dict() for o in outcomes]
    return [o.as_dict() | {"status": o.status} for o in outcomes]


def _state_after(world: World, folder: Path, paths: list[Path]) -> dict[str, list[str]]:
    """The state of a fresh centre after importing ``paths`` in this order."""
    centre = world.new_centre(folder)
    try:
        imported(centre, paths)
        return centre_state(centre)
    finally:
        centre.close()


def folder(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path


def bundle_records(centre: Session, path: Path) -> dict[str, list[dict]]:
    """Decrypt a bundle with the centre's age identity (pyrage) and read its JSON Lines payloads."""
    plaintext = pyrage.decrypt(path.read_bytes(), age_identities(centre))
    records = {}
    with zipfile.ZipFile(io.BytesIO(plaintext)) as archive:
        for name in archive.namelist():
            if name.endswith(".jsonl"):
                records[name.removesuffix(".jsonl")] = [json.loads(line) for line in archive.read(name).splitlines()]
    return records


def bundle_text(centre: Session, path: Path) -> bytes:
    """All the bytes a bundle carries once decrypted and unzipped."""
    plaintext = pyrage.decrypt(path.read_bytes(), age_identities(centre))
    with zipfile.ZipFile(io.BytesIO(plaintext)) as archive:
        return plaintext + b"".join(archive.read(name) for name in archive.namelist())


# -- records typed at a district --------------------------------------------------------------------------

SECRET_IDENTITY = {"name": "Zarina Bibi", "guardian_name": "Gul Khan", "cnic": "54401-9876543-1",
                   "phone": "0300-7654321", "address": "House 12, Satellite Town"}
SECRET_CASE = {"client_code": "QC-SECRET-0077", "client_age": 37, "handling_officer": "ASI Officer Secretname",
               "notes": "Narrative that must stay at the desk"}
SECRET_FIR = "FIR-SECRET-112/2026"


def case_form(desk: str = "QTA-CITY", consent: bool = True, **changes: object) -> dict:
    form = {"desk": desk, "report_date": days_ago(3), "incident_date": days_ago(5), "client_code": "QC-001",
            "client_sex": "female", "client_age": 30, "classification_answers": "nny",
            "gbv_type": "physical_assault", "consent_services": True, "consent_reporting": consent}
    form.update(changes)
    return form


PERPETRATOR = {"relationship": "intimate_partner", "sex": "male", "age_group": "26-40"}


def service(name: str, status: str = "referred", **changes: object) -> dict:
    return {"service": name, "status": status, "date": days_ago(2), **changes}


def value(session: Session, indicator: str, figure: int, period: str, cell: str = "total", **fraction) -> None:
    district = session.district
    if fraction:
        inputs = [ValueInput(indicator, district, period, cell, comment="checked by hand", **fraction)]
    else:
        inputs = [ValueInput(indicator, district, period, cell, value=figure, comment="checked by hand")]
    save_indicator_values(session, inputs)


def stored_value(session: Session, indicator: str, period: str, cell: str = "total") -> dict:
    [record] = rows(session, "indicator_values",
                    f"WHERE indicator = '{indicator}' AND period = '{period}' AND cell = '{cell}'")
    return record


# -- 1. basic merge, privacy, consent ---------------------------------------------------------------------


def test_records_arrive_exactly_and_identifying_details_never_travel(sessions, tmp_path):
    centre, quetta = sessions["centre"], sessions["A"]
    period = month_ago(1)
    value(quetta, "PRO-01", 41, period)
    value(quetta, "PRO-02", 0, period, numerator=3, denominator=12)
    value(quetta, "POL-02", 4, period, cell="sex=female")
    set_target(quetta, "PRO-01", "QUETTA", TODAY.year, 500)
    set_complete(quetta, "QUETTA", "prosecution", period)
    consenting = save_desk_case(quetta, case_form(**SECRET_CASE), perpetrators=[PERPETRATOR],
                                services=[service("fir", "provided", fir_number=SECRET_FIR), service("legal_aid")],
                                identity=SECRET_IDENTITY)
    private = save_desk_case(quetta, case_form(consent=False, client_code="QC-002"),
                             perpetrators=[{**PERPETRATOR, "relationship": "stranger"}], services=[service("health")])
    request = save_pkm_request(quetta, {"desk": "QTA-CITY", "service": "fir_copy", "applicant_sex": "male",
                                        "received_date": days_ago(4), "completed_date": days_ago(3)})
    bundle = export_to(quetta, tmp_path / "usb")

    # What the bundle carries, read back with the centre's age identity.
    text = bundle_text(centre, bundle)
    assert b"checked by hand" in text and b"physical_assault" in text  # the check below can see record text
    for secret in [*SECRET_IDENTITY.values(), *(str(v) for v in SECRET_CASE.values() if isinstance(v, str)),
                   SECRET_FIR, "QC-002"]:
        assert secret.encode() not in text, secret
    carried = bundle_records(centre, bundle)
    # The case without consent never left the office, so not even its tombstone travels (nor its children's).
    assert [r["uuid"] for r in carried["desk_cases"]] == [consenting]
    assert not {"client_code", "client_age", "handling_officer", "notes"} & set(carried["desk_cases"][0])
    assert {r["case_uuid"] for t in ("desk_case_perpetrators", "desk_case_services") for r in carried[t]} == {
        consenting}
    assert all("fir_number" not in record for record in carried["desk_case_services"])

    outcome, = imported(centre, [bundle])
    # 3 values, 1 target, 1 completion, 1 case with 1 perpetrator and 2 services, 1 PKM request.
    assert outcome["counts"]["new"] == 10 and outcome["counts"]["quarantined"] == 0

    for table in ("indicator_values", "targets", "completions", "pkm_requests"):
        assert _canonical(rows(centre, table)) == _canonical(rows(quetta, table)), table
    assert [r["value"] for r in rows(centre, "indicator_values", "ORDER BY indicator")] == [4, 41, 25]
    assert rows(centre, "targets")[0]["target"] == 500 and rows(centre, "pkm_requests")[0]["uuid"] == request
    expected_case = as_at_centre("desk_cases", by_uuid(rows(quetta, "desk_cases"))[consenting])
    assert rows(centre, "desk_cases") == [expected_case]
    assert expected_case["client_age_group"] == "adult"
    assert expected_case["case_number"] == f"QTA-CITY-{days_ago(3)[:4]}-0001@{quetta.device_id[:8]}"
    for table in ("desk_case_perpetrators", "desk_case_services"):
        sent = [as_at_centre(table, r) for r in rows(quetta, table, f"WHERE case_uuid = '{consenting}'")]
        assert _canonical(rows(centre, table)) == _canonical(sent), table
    assert len(rows(centre, "desk_case_services")) == 2
    assert rows(centre, "desk_case_identities") == []
    # The centre knows nothing of the case without consent: no row, no tombstone.
    assert rows(centre, "tombstones") == []
    assert len([r for t in ("desk_case_perpetrators", "desk_case_services")
                for r in rows(quetta, t, f"WHERE case_uuid = '{private}'")]) == 2


def test_withdrawing_consent_removes_the_case_and_giving_it_brings_it_back(world, sessions, tmp_path):
    centre, quetta = sessions["centre"], sessions["A"]
    case = save_desk_case(quetta, case_form(), perpetrators=[PERPETRATOR], services=[service("legal_aid")])
    first = export_to(quetta, tmp_path / "usb")
    imported(centre, [first])
    assert [r["uuid"] for r in rows(centre, "desk_cases")] == [case]
    children = {t: [r["uuid"] for r in rows(quetta, t)] for t in ("desk_case_perpetrators", "desk_case_services")}

    stored = get_desk_case(quetta, case)
    save_desk_case(quetta, case_form(uuid=case, consent=False), perpetrators=stored["perpetrators"],
                   services=stored["services"])
    withdrawn = export_to(quetta, tmp_path / "usb")
    imported(centre, [withdrawn])
    for table in ("desk_cases", "desk_case_perpetrators", "desk_case_services"):
        assert rows(centre, table) == [], table
    tombstones = {(r["record_type"], r["record_uuid"]) for r in rows(centre, "tombstones")}
    assert tombstones == {("desk_cases", case), ("desk_case_perpetrators", children["desk_case_perpetrators"][0]),
                          ("desk_case_services", children["desk_case_services"][0])}
    # The older bundle, imported again or into a centre that saw the withdrawal first, stays deleted.
    assert imported(centre, [first])[0]["status"] == "duplicate"
    assert _state_after(world, tmp_path / "reversed", [withdrawn, first]) == centre_state(centre)

    save_desk_case(quetta, case_form(uuid=case, consent=True, status="closed", closing_reason="needs_met"),
                   perpetrators=stored["perpetrators"], services=[service("legal_aid", "provided")])
    given = export_to(quetta, tmp_path / "usb")
    imported(centre, [given])
    assert rows(centre, "desk_cases") == [as_at_centre("desk_cases", rows(quetta, "desk_cases")[0])]
    assert rows(centre, "desk_cases")[0]["status"] == "closed"
    assert [(r["uuid"], r["status"]) for r in rows(centre, "desk_case_services")] == [
        (children["desk_case_services"][0], "provided")]
    assert [r["uuid"] for r in rows(centre, "desk_case_perpetrators")] == children["desk_case_perpetrators"]
    assert rows(centre, "tombstones") == []
    # Newest first: the older withdrawal and the older case arrive after the case came back, and change nothing.
    assert _state_after(world, tmp_path / "newest-first", [given, withdrawn, first]) == centre_state(centre)


# -- 2. cumulative bundles, receipts, gaps ----------------------------------------------------------------


def test_bundles_are_cumulative_until_a_receipt_moves_the_baseline(world, sessions, tmp_path):
    centre, quetta = sessions["centre"], sessions["A"]
    usb = tmp_path / "usb"
    value(quetta, "PRO-01", 10, month_ago(3))
    first = export_to(quetta, usb)
    value(quetta, "PRO-01", 20, month_ago(2))
    value(quetta, "PRO-01", 11, month_ago(3))  # an edit of a record bundle 1 already carries
    second = export_to(quetta, usb)

    def travelled(path: Path) -> dict[str, object]:
        return {r["period"]: r["value"] for r in bundle_records(centre, path)["indicator_values"]}

    assert travelled(first) == {month_ago(3): 10}
    assert travelled(second) == {month_ago(3): 11, month_ago(2): 20}

    # Bundle 2 before bundle 1 ends where 1 then 2 ends; and bundle 2 alone carries all of it.
    in_order = _state_after(world, tmp_path / "in-order", [first, second])
    assert _state_after(world, tmp_path / "reversed", [second, first]) == in_order
    assert _state_after(world, tmp_path / "second-only", [second]) == in_order
    assert in_order != _state_after(world, tmp_path / "first-only", [first])

    imported(centre, [second, first])
    receipt, = write_receipts(centre, folder(tmp_path / "receipts"))
    assert import_receipt(quetta, receipt) == {"newly_acknowledged": 2, "acknowledged_sequences": [1, 2]}
    assert import_receipt(quetta, receipt)["newly_acknowledged"] == 0

    value(quetta, "PRO-01", 30, month_ago(1))
    third = export_to(quetta, usb)
    assert travelled(third) == {month_ago(1): 30}
    imported(centre, [third])
    assert {r["period"]: r["value"] for r in rows(centre, "indicator_values")} == {
        month_ago(3): 11, month_ago(2): 20, month_ago(1): 30}
    assert centre_state(centre) == _state_after(world, tmp_path / "any-order", [third, first, third, second])

    # A centre that missed bundle 2 shows the gap, per device.
    gappy = world.new_centre(tmp_path / "gappy")
    try:
        imported(gappy, [third, first])
        report = {entry["device"]: entry for entry in device_report(gappy)}
        assert (report[quetta.device_id]["sequences"], report[quetta.device_id]["missing"]) == ([1, 3], [2])
        other = world.devices["B"].device_id
        assert (report[other]["sequences"], report[other]["missing"]) == ([], [])
        assert len(report) == 3
        # Without bundle 2 the edit of month 3 is missing: exactly what the receipt said had arrived.
        assert {r["period"]: r["value"] for r in rows(gappy, "indicator_values")} == {month_ago(3): 10,
                                                                                      month_ago(1): 30}
    finally:
        gappy.close()
    assert [(e["sequences"], e["missing"]) for e in device_report(centre) if e["device"] == quetta.device_id] == [
        ([1, 2, 3], [])]


def test_a_receipt_acknowledges_only_what_the_centre_imported(sessions, tmp_path):
    centre, quetta = sessions["centre"], sessions["A"]
    usb = tmp_path / "usb"
    value(quetta, "PRO-01", 10, month_ago(2))
    first = export_to(quetta, usb)
    value(quetta, "PRO-01", 20, month_ago(1))
    export_to(quetta, usb)  # lost on the way: the centre never sees bundle 2
    imported(centre, [first])
    receipt, = write_receipts(centre, folder(tmp_path / "receipts"), [quetta.device_id])
    assert import_receipt(quetta, receipt)["acknowledged_sequences"] == [1]
    # Bundle 3 still carries bundle 2's change: nothing is lost with the USB stick.
    third = export_to(quetta, usb)
    assert {r["period"] for r in bundle_records(centre, third)["indicator_values"]} == {month_ago(1)}
    imported(centre, [third])
    assert {r["period"]: r["value"] for r in rows(centre, "indicator_values")} == {month_ago(2): 10,
                                                                                  month_ago(1): 20}


# -- 3. last writer wins, conflicts, deletions ------------------------------------------------------------


def _later() -> None:
    """Let the wall clock move on, so the next write anywhere has a strictly newer version."""
    time.sleep(0.005)


def test_last_writer_wins_and_each_losing_device_keeps_its_newest_version(world, sessions, tmp_path):
    a, b = sessions["A"], sessions["B"]
    usb, period = tmp_path / "usb", month_ago(1)
    k1, k2 = ("PRO-01", "total"), ("POL-02", "sex=female")

    def key(indicator: str, cell: str) -> list[str]:
        return [indicator, "QUETTA", period, cell]

    def current(session: Session, indicator_cell: tuple[str, str]) -> dict:
        return stored_value(session, indicator_cell[0], period, indicator_cell[1])

    value(a, "PRO-01", 10, period)
    value(a, "POL-02", 5, period, cell="sex=female")
    a1 = export_to(a, usb)
    _later()
    value(a, "PRO-01", 12, period)
    assert delete_indicator_value(a, "POL-02", "QUETTA", period, "sex=female")
    a2 = export_to(a, usb)
    a_k1, a_k2 = current(a, k1), current(a, k2)
    _later()
    value(b, "PRO-01", 20, period)
    value(b, "POL-02", 7, period, cell="sex=female")
    b1 = export_to(b, usb)
    b_k1, b_k2 = current(b, k1), current(b, k2)
    assert (a_k1["value"], a_k2["deleted"], b_k1["value"], b_k2["value"]) == (12, 1, 20, 7)
    assert a_k1["hlc"] < b_k1["hlc"] and a_k2["hlc"] < b_k2["hlc"]

    def conflict(loser: dict) -> dict:
        return {"record_type": "indicator_values", "natural_key": key(loser["indicator"], loser["cell"]),
                "device_id": loser["origin_device"], "record_uuid": loser["uuid"], "hlc": loser["hlc"],
                "record": loser}

    # B wrote last: its values win, and A's newest version of each key (12; the deletion) is the conflict,
    # one row per key, whatever the order and however often bundles are imported.
    expected = {"indicator_values": _canonical([b_k1, b_k2]), "conflicts": _canonical([conflict(a_k1),
                                                                                     conflict(a_k2)])}
    for number, order in enumerate([*itertools.permutations([a1, a2, b1]), [b1, a2, a1, b1, a2]]):
        state = _state_after(world, tmp_path / f"first-{number}", order)
        assert {t: state[t] for t in expected} == expected, [p.name for p in order]

    # A writes again, later than B: A wins and B's 20 moves into conflicts (A's old conflict goes).
    _later()
    value(a, "PRO-01", 30, period)
    a3 = export_to(a, usb)
    a_k1 = current(a, k1)
    expected = {"indicator_values": _canonical([a_k1, b_k2]), "conflicts": _canonical([conflict(b_k1),
                                                                                     conflict(a_k2)])}
    bundles = [a1, a2, b1, a3]
    for number, order in enumerate([bundles, bundles[::-1], [b1, a3, a1, a2], [a3, b1, a2, a1, b1]]):
        state = _state_after(world, tmp_path / f"second-{number}", order)
        assert {t: state[t] for t in expected} == expected, [p.name for p in order]

    # B deletes K1, later again: the deletion wins (the value stays, marked deleted), A's 30 is the conflict.
    _later()
    assert delete_indicator_value(b, "PRO-01", "QUETTA", period)
    b2 = export_to(b, usb)
    b_k1 = current(b, k1)
    assert (b_k1["deleted"], b_k1["value"], b_k1["origin_device"]) == (1, 20, b.device_id)
    expected = {"indicator_values": _canonical([b_k1, b_k2]), "conflicts": _canonical([conflict(a_k1),
                                                                                     conflict(a_k2)])}
    bundles = [a1, a2, b1, a3, b2]
    shuffles = [bundles, bundles[::-1], [b2, a1, b1, a3, a2], [a3, b2, a2, b1, a1, b2, a3]]
    states = []
    for number, order in enumerate(shuffles):
        states.append(_state_after(world, tmp_path / f"third-{number}", order))
        assert {t: states[-1][t] for t in expected} == expected, [p.name for p in order]
    assert all(state == states[0] for state in states)
    # The tombstone of K1 is an ordinary deleted row, not a consent tombstone.
    assert states[0]["tombstones"] == []


def test_cases_from_two_devices_of_one_district_at_one_desk_both_arrive(world, sessions, tmp_path):
    a, b = sessions["A"], sessions["B"]
    from_a = save_desk_case(a, case_form(client_code="A-1"))
    from_b = save_desk_case(b, case_form(client_code="B-1"))
    bundle_a, bundle_b = export_to(a, tmp_path / "usb"), export_to(b, tmp_path / "usb")
    forward = _state_after(world, tmp_path / "forward", [bundle_a, bundle_b])
    backward = _state_after(world, tmp_path / "backward", [bundle_b, bundle_a])
    assert forward == backward
    assert {json.loads(case)["uuid"] for case in forward["desk_cases"]} == {from_a, from_b}


# -- 4. the property: any order, any repeats, one state ---------------------------------------------------

# Each Quetta device works at its own desk (two devices at one desk are covered by the test above).
DESK_OF = {"A": "QTA-CITY", "B": "QTA-CIVL"}
VALUE_CELLS = (("PRO-01", "total"), ("PRO-02", "total"), ("POL-02", "total"), ("POL-02", "sex=female"))
PERIODS = (month_ago(1), month_ago(2))
VALUE_PERIODS = st.sampled_from(PERIODS[:1] * 3 + PERIODS[1:])  # mostly one month: more keys written twice
CASE_SERVICES = ("fir", "legal_aid", "health")
NATURAL_KEYS = {"indicator_values": ("indicator", "district", "period", "cell"),
                "targets": ("indicator", "district", "year"), "completions": ("district", "institution", "period")}
CHILD_TABLES = ("desk_case_perpetrators", "desk_case_services")
CLIENT_CNIC = "54401-1234567-1"

any_device = st.sampled_from("AAABBBC")  # two Quetta devices, sometimes a Pishin one
desk_device = st.sampled_from("AB")
figure = st.integers(0, 30)


def value_operation() -> st.SearchStrategy:
    cells = st.sampled_from(VALUE_CELLS[:1] * 3 + VALUE_CELLS[1:])  # mostly one key: written by both devices
    return st.tuples(st.just("value"), any_device, cells, VALUE_PERIODS, figure, figure,
                     st.sampled_from(("as reported", "rechecked")))


def edit_operation() -> st.SearchStrategy:
    return st.tuples(st.just("edit"), desk_device, st.integers(0, 5), st.booleans(), st.integers(0, 2), st.booleans(),
                     st.sets(st.sampled_from(CASE_SERVICES)), st.sampled_from((15, 30)))


EXPORT = st.tuples(st.just("export"), any_device)
OPERATIONS = st.one_of(
    # Distinct objects (one_of drops repeats of one strategy): values are a third of all operations, as the
    # natural keys both Quetta devices write are where conflicts come from.
    *(value_operation() for _ in range(4)),
    st.tuples(st.just("delete"), any_device, st.sampled_from(VALUE_CELLS), VALUE_PERIODS),
    st.tuples(st.just("target"), any_device, st.sampled_from(("PRO-01", "POL-02")), figure),
    st.tuples(st.just("complete"), any_device, st.sampled_from(PERIODS), st.booleans()),
    st.tuples(st.just("case"), desk_device, st.booleans(), st.integers(0, 2), st.sets(st.sampled_from(CASE_SERVICES))),
    # Edits (consent given, withdrawn, children changed) are twice as likely as new cases.
    *(edit_operation() for _ in range(2)),
    st.tuples(st.just("pkm"), desk_device, st.sampled_from(("fir_copy", "tenant_registration")), st.booleans()),
    EXPORT,
    st.tuples(st.just("receipt"), any_device),
)
# Each operation, then (sometimes) an export by the same device: bundles at random points.
STEPS = st.lists(st.tuples(OPERATIONS, st.booleans()), min_size=12, max_size=40)


@dataclass
class Run:
    """One example: three district copies, a working centre for receipts, and the bundles made."""

    folder: Path
    districts: dict[str, Session]
    working: Session
    bundles: list[Path]
    cases: dict[str, list[str]]

    def apply(self, operation: tuple) -> None:
        kind, device, *args = operation
        session = self.districts[device]
        district = session.district
        if kind == "value":
            (indicator, cell), period, first, second, comment = args
            if indicator == "PRO-02":  # a percent: numerator and denominator
                entry = ValueInput(indicator, district, period, cell, numerator=min(first, second),
                                   denominator=max(first, second, 1), comment=comment)
            else:
                entry = ValueInput(indicator, district, period, cell, value=first, comment=comment)
            try:
                save_indicator_values(session, [entry])
            except ValidationFailed as refused:  # cells above their total: refused at entry, never exported
                assert {i.rule for i in refused.issues} <= {"IV_CELLS_EXCEED_TOTAL", "IV_CELLS_SUM"}, refused.issues
        elif kind == "delete":
            (indicator, cell), period = args
            delete_indicator_value(session, indicator, district, period, cell)
        elif kind == "target":
            indicator, target = args
            set_target(session, indicator, district, TODAY.year, target)
        elif kind == "complete":
            period, complete = args
            set_complete(session, district, "prosecution", period, complete)
        elif kind == "case":
            consent, perpetrators, services = args
            number = len(self.cases[device]) + 1
            self.cases[device].append(save_desk_case(
                session, case_form(DESK_OF[device], consent, client_code=f"{device}-{number}"),
                perpetrators=[PERPETRATOR] * perpetrators, services=[service(name) for name in sorted(services)],
                identity={"name": f"Client {device}{number}", "cnic": CLIENT_CNIC}))
        elif kind == "edit" and self.cases[device]:
            index, consent, keep, add, services, age = args
            case_uuid = self.cases[device][index % len(self.cases[device])]
            stored = get_desk_case(session, case_uuid)
            perpetrators = stored["perpetrators"][:keep] + ([{**PERPETRATOR, "relationship": "stranger"}] if add else [])
            save_desk_case(session, case_form(DESK_OF[device], consent, uuid=case_uuid, client_age=age,
                                              client_code=stored["client_code"]),
                           perpetrators=perpetrators,
                           services=[service(name, "provided") for name in sorted(services)])
        elif kind == "pkm":
            name, completed = args
            save_pkm_request(session, {"desk": DESK_OF[device], "service": name, "applicant_sex": "female",
                                       "received_date": days_ago(3), "completed_date": days_ago(2) if completed else None})
        elif kind == "export":
            self.bundles.append(export_to(session, self.folder / "usb"))
        elif kind == "receipt":
            imported(self.working, self.bundles)
            receipt, = write_receipts(self.working, folder(self.folder / "receipts"), [session.device_id])
            import_receipt(session, receipt)


def expected_centre(districts: list[Session], travelled: set[str]) -> dict[str, list[str]]:
    """What the centre must hold once it has every bundle, worked out from the districts' own rows and the
    cases that ``travelled`` (left their office with consent in some bundle: only those send tombstones)."""
    expected: dict[str, list[str]] = {}
    conflicts = []
    for table, key_columns in NATURAL_KEYS.items():
        versions: dict[tuple, list[dict]] = {}
        for session in districts:
            for record in rows(session, table):
                versions.setdefault(tuple(record[c] for c in key_columns), []).append(record)
        winners = []
        for key, candidates in versions.items():
            winner = max(candidates, key=lambda r: (r["hlc"], r["origin_device"]))
            winners.append(winner)
            conflicts.extend({"record_type": table, "natural_key": list(key), "device_id": r["origin_device"],
                              "record_uuid": r["uuid"], "hlc": r["hlc"], "record": r}
                             for r in candidates if r is not winner)
        expected[table] = _canonical(winners)
    expected["conflicts"] = _canonical(conflicts)
    cases, children, tombstones, requests = [], {t: [] for t in CHILD_TABLES}, [], []
    for session in districts:
        by_case = by_uuid(rows(session, "desk_cases"))
        for case in by_case.values():
            if case["consent_reporting"] == 1:
                cases.append(as_at_centre("desk_cases", case))
            elif case["uuid"] in travelled:
                tombstones.append({"record_type": "desk_cases", "record_uuid": case["uuid"], "hlc": case["hlc"],
                                   "origin_device": case["origin_device"]})
        for table in CHILD_TABLES:
            for child in rows(session, table):
                parent = by_case[child["case_uuid"]]
                version = max(child["hlc"], parent["hlc"])  # a child travels with its case's newer version
                if parent["consent_reporting"] == 1:
                    children[table].append(as_at_centre(table, {**child, "hlc": version}))
                elif parent["uuid"] in travelled:
                    tombstones.append({"record_type": table, "record_uuid": child["uuid"], "hlc": version,
                                       "origin_device": child["origin_device"]})
        requests.extend(rows(session, "pkm_requests"))
    expected.update({"desk_cases": _canonical(cases), "pkm_requests": _canonical(requests),
                     "tombstones": _canonical(tombstones), "desk_case_identities": []})
    expected.update({table: _canonical(found) for table, found in children.items()})
    return expected


def _interleaved_repeats(paths: list[Path]) -> list[Path]:
    """Newest first, every bundle twice, the repeat one place later: ``[n, n-1, n-1, n-2, ...]``."""
    newest_first = paths[::-1]
    return [p for pair in zip(newest_first, newest_first[1:] + newest_first[:1], strict=True) for p in pair]


@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(steps=STEPS, data=st.data())
def test_any_order_and_any_repeats_of_the_bundles_converge(world, steps, data):
    with tempfile.TemporaryDirectory() as temporary:
        root = Path(temporary)
        run = Run(root, {d: world.new_district(root / "districts", d) for d in "ABC"},
                  world.new_centre(root / "working"), [], {"A": [], "B": []})
        centres: list[Session] = []

        def centre_after(name: str, paths: list[Path]) -> tuple[dict[str, list[str]], list[dict]]:
            centres.append(world.new_centre(root / name))
            outcomes = imported(centres[-1], paths)
            return centre_state(centres[-1]), outcomes

        try:
            for operation, then_export in steps:
                run.apply(operation)
                if then_export and operation[0] != "export":
                    run.apply(("export", operation[1]))
            for device in "ABC":  # every change is in some bundle
                run.apply(("export", device))
            bundles = run.bundles
            event(f"bundles: {len(bundles)}")

            # In the order they were made, once each: everything arrives, nothing is quarantined, and the
            # centre holds exactly what the districts hold (newest version wins, losers in conflicts).
            reference, outcomes = centre_after("reference", bundles)
            reference_centre = centres[-1]
            assert [o["status"] for o in outcomes] == ["imported"] * len(bundles)
            assert sum(o["counts"]["quarantined"] for o in outcomes) == 0, outcomes
            travelled = {record["uuid"] for path in bundles
                         for record in bundle_records(reference_centre, path).get("desk_cases", [])
                         if record.get("deleted") == 0}
            expected = expected_centre(list(run.districts.values()), travelled)
            assert {table: reference[table] for table in expected} == expected
            assert reference["desks"] == centre_state(run.working)["desks"]  # the seeded desks, unchanged
            assert not [path.name for path in bundles if CLIENT_CNIC.encode() in bundle_text(reference_centre, path)]
            event(f"conflicts: {bool(expected['conflicts'])}")
            event(f"consent tombstones: {bool(expected['tombstones'])}")
            event(f"receipts: {any(op[0] == 'receipt' for op, _ in steps)}")

            # Newest first with every bundle twice, and a random order of a random multiset of all of them.
            assert centre_after("reversed", _interleaved_repeats(bundles))[0] == reference
            repeats = data.draw(st.lists(st.sampled_from(bundles), max_size=len(bundles)), label="repeats")
            shuffled = data.draw(st.permutations(bundles + repeats), label="order")
            assert centre_after("shuffled", shuffled)[0] == reference

            # Any multiset of some of the bundles, in any order, ends where those bundles in creation order end.
            some = data.draw(st.lists(st.sampled_from(bundles), min_size=1, max_size=2 * len(bundles)), label="some")
            in_creation_order = [path for path in bundles if path in some]
            assert centre_after("some", some)[0] == centre_after("some-in-order", in_creation_order)[0]
        finally:
            for session in [*run.districts.values(), run.working, *centres]:
                session.close()
