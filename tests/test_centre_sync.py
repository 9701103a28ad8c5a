"""The centre's import desk (sync/inbox.py, sync/review.py, sync/devices.py and the importer's progress
and outcome facts): progress in order, unknown devices enrolled by their fingerprint, the inbox scan,
conflicts resolved both ways (and refused when the kept version fails validation), quarantine
re-checked after a catalogue update, devices and gaps, receipts for today, and the CLI.

Real encrypted databases and real bundles (``export_bundle`` -> ``import_bundles``). Creating an
installation costs seconds of argon2, so the module builds one linked world once (a centre; two Quetta
devices and a Pishin device enrolled; a Kalat device that trusts the centre but was never enrolled) and
every test works on file copies of it, opened with the original's database key.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import json
import os
import shutil
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

import storage.reference.catalogue
from main import main
from storage.core.connection import connect
from storage.core.keyslots import KeyFile, keyfile_path
from storage.core.session import Session, _session_for, open_session
from storage.errors import UsageError, ValidationFailed
from storage.records.values import save_indicator_values
from storage.reference.catalogue import Catalogue, load_catalogue
from storage.validation import ValueInput
from sync.bundle import BundleRejected
from sync.devices import device_overview, revoke_device
from sync.importer import ImportProgress, import_bundles
from sync.inbox import enroll_pending_device, import_inbox, pending_device, receipts_for_today, scan_inbox
from sync.keys import KeyFileError, export_key_file, trust_centre
from sync.review import list_conflicts, list_quarantine, recheck_quarantine, resolve_conflict
from tests.conftest import ADMIN_PASSWORD, CLERK_PASSWORD, SUPERVISOR_PASSWORD, table_counts
from tests.sync_helpers import (
    audit_rows,
    craft_bundle,
    export_to,
    last_month,
    link,
    make_centre,
    make_district,
    opened_bundle,
    public_b64,
)

PERIOD = last_month()


# -- the world: built once, used through file copies ----------------------------------------------------


@dataclass(frozen=True)
class Pristine:
    path: Path
    key: bytes
    user: str


@dataclass
class World:
    centre: Pristine
    devices: dict[str, Pristine]  # A, B: Quetta; C: Pishin; D: Kalat (not enrolled)
    kalat_fingerprint: str  # what Kalat's screen shows (its enrollment file's fingerprint)

    def copy(self, name: str, folder: Path) -> Session:
        original = self.centre if name == "centre" else self.devices[name]
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{name}.db"
        shutil.copyfile(original.path, path)
        shutil.copyfile(keyfile_path(original.path), keyfile_path(path))
        return _session_for(path, connect(path, original.key), original.user, original.key,
                            KeyFile.load(keyfile_path(path)))


@pytest.fixture(scope="module")
def world(tmp_path_factory) -> World:
    folder = tmp_path_factory.mktemp("centre-world")
    centre_path = make_centre(folder)
    clerk = open_session(centre_path, "clara", CLERK_PASSWORD)
    devices = {}
    kalat_fingerprint = ""
    for device, district, name in (("A", "QUETTA", "Quetta DPO"), ("B", "QUETTA", "Quetta desk PC"),
                                   ("C", "PISHIN", "Pishin DPO"), ("D", "KALAT", "Kalat DPO")):
        path = make_district(folder, district, device_name=name, name=f"pristine-{device}.db")
        admin = open_session(path, "admin", ADMIN_PASSWORD)
        if device == "D":  # trusts the centre, but the centre never enrolled it
            trust_centre(admin, folder / "centre.key", export_key_file(clerk, folder / "centre.key"))
            kalat_fingerprint = export_key_file(admin, folder / "kalat.enroll")
        else:
            link(clerk, admin, folder)
        admin.close()
        supervisor = open_session(path, "sana", SUPERVISOR_PASSWORD)
        devices[device] = Pristine(path, supervisor.db_key, "sana")
        supervisor.close()
    centre = Pristine(centre_path, clerk.db_key, "clara")
    clerk.close()
    return World(centre, devices, kalat_fingerprint)


@pytest.fixture
def sessions(world: World, tmp_path: Path) -> Iterator[dict[str, Session]]:
    """Fresh copies: ``centre`` (clerk), and districts A, B (Quetta), C (Pishin), D (Kalat, not enrolled)."""
    opened = {name: world.copy(name, tmp_path / "dbs") for name in ("centre", "A", "B", "C", "D")}
    yield opened
    for session in opened.values():
        session.close()


# -- helpers ------------------------------------------------------------------------------------------------


def save(session: Session, figures: dict[tuple[str, str], int], period: str = PERIOD) -> None:
    """Save values {(indicator, cell): figure} for the session's district, as data entry does."""
    save_indicator_values(session, [ValueInput(indicator, session.district, period, cell, value=figure,
                                               comment="typed at the district")
                                    for (indicator, cell), figure in figures.items()])


def stored(session: Session, indicator: str, cell: str = "total") -> dict:
    row = session.db.execute("SELECT value, hlc, origin_device, uuid, deleted FROM indicator_values WHERE indicator = ? "
                             "AND period = ? AND cell = ?", [indicator, PERIOD, cell]).fetchone()
    return dict(zip(("value", "hlc", "origin_device", "uuid", "deleted"), row, strict=True))


def later() -> None:
    """Let the wall clock move on, so the next write anywhere has a strictly newer version."""
    time.sleep(0.005)


def settled(path: Path) -> Path:
    """Date a file a minute back: copied onto the shared drive a while ago, not still being written."""
    past = time.time() - 60
    os.utime(path, (past, past))
    return path


@contextlib.contextmanager
def resources_copy(folder: Path) -> Iterator[Path]:
    """A copy of resources/ that a test may change; load_catalogue reads it inside the block."""
    shutil.copytree(storage.reference.catalogue.resources_dir(), folder)
    original = storage.reference.catalogue.resources_dir
    storage.reference.catalogue.resources_dir = lambda: folder
    load_catalogue.cache_clear()
    try:
        yield folder
    finally:
        storage.reference.catalogue.resources_dir = original
        load_catalogue.cache_clear()


def catalogue_with(folder: Path, version: str, indicators: list[dict[str, str]]) -> Catalogue:
    """The real catalogue files with ``indicators`` added (a Mizan update's catalogue), parsed by load_catalogue."""
    with resources_copy(folder):
        with open(folder / "indicators.csv", newline="", encoding="utf-8") as handle:
            fields = csv.DictReader(handle).fieldnames
        with open(folder / "indicators.csv", "a", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, fieldnames=fields)
            for row in indicators:
                writer.writerow({name: row.get(name, "") for name in fields})
        (folder / "catalogue_version.txt").write_text(version + "\n", encoding="utf-8")
        return load_catalogue()


def new_indicator(code: str, name: str, valid_from: str = "") -> dict[str, str]:
    return {"code": code, "institution": "prosecution", "name": name, "unit": "count", "frequency": "monthly",
            "source": "entry", "better": "none", "aggregation": "sum", "may_exceed_100": "no",
            "valid_from": valid_from}


# -- 1. progress and outcomes -------------------------------------------------------------------------------


def test_progress_is_reported_in_order_and_outcomes_carry_the_device_facts(sessions, tmp_path):
    centre, quetta = sessions["centre"], sessions["A"]
    save(quetta, {("PRO-01", "total"): 41, ("CRT-01", "total"): 12})
    first = export_to(quetta, tmp_path / "usb")
    save(quetta, {("CRT-02", "total"): 3})
    second = export_to(quetta, tmp_path / "usb")
    manifests = [opened_bundle(centre, path)[0] for path in (first, second)]

    reports: list[ImportProgress] = []
    outcomes = import_bundles(centre, [first, second, first], on_progress=reports.append)

    assert [(o.status, o.sequence) for o in outcomes] == [("imported", 1), ("imported", 2), ("duplicate", 1)]
    for outcome, manifest in zip(outcomes, [*manifests, manifests[0]], strict=True):
        assert (outcome.device, outcome.district, outcome.device_name, outcome.bundle_id, outcome.reason) == (
            quetta.device_id, "QUETTA", "Quetta DPO", manifest["bundle_id"], None)
        assert outcome.records_total == sum(manifest["counts"].values())
    for outcome in outcomes[:2]:
        assert sum(outcome.counts.values()) == outcome.records_total  # every record is accounted for
    assert outcomes[0].as_dict()["device_name"] == "Quetta DPO" and outcomes[0].as_dict()["district"] == "QUETTA"

    # Per bundle: a first report with nothing known, then the manifest's total, then the records, then the outcome.
    for index, outcome in enumerate(outcomes):
        mine = [r for r in reports if r.bundle_index == index]
        assert all((r.bundle_total, r.file) == (3, outcome.file) for r in mine)
        assert (mine[0].records_done, mine[0].records_total, mine[0].outcome) == (0, 0, None)
        assert (mine[1].records_done, mine[1].records_total) == (0, outcome.records_total)
        assert mine[-1].outcome is outcome and all(r.outcome is None for r in mine[:-1])
        done = [r.records_done for r in mine]
        assert done == sorted(done)
        assert mine[-1].records_done == (outcome.records_total if outcome.status == "imported" else 0)
    assert [r.bundle_index for r in reports] == sorted(r.bundle_index for r in reports)
    fractions = [r.fraction for r in reports]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0


# -- 2. an unknown device --------------------------------------------------------------------------------------


def test_an_unknown_device_is_shown_with_its_fingerprint_and_enrolled_only_when_it_matches(world, sessions,
                                                                                          tmp_path):
    centre, kalat = sessions["centre"], sessions["D"]
    save(kalat, {("PRO-01", "total"): 7})
    bundle = export_to(kalat, tmp_path / "usb")

    [outcome] = import_bundles(centre, [bundle])
    assert outcome.status == "rejected" and "has not enrolled" in outcome.reason
    claimed = outcome.unknown_device
    # What Kalat's own screen shows (its enrollment file) is what the bundle claims.
    assert (claimed.device_id, claimed.district, claimed.device_name, claimed.fingerprint) == (
        kalat.device_id, "KALAT", "Kalat DPO", world.kalat_fingerprint)
    # ... but neither its reason nor the --json report shows the fingerprint: the clerk types the one heard.
    assert "fingerprint" not in outcome.as_dict()["unknown_device"]
    assert world.kalat_fingerprint not in outcome.reason and world.kalat_fingerprint not in str(outcome.as_dict())
    assert pending_device(centre, bundle) == claimed

    # A fingerprint misheard (or a forger's) enrolls nothing.
    before, audit_before = table_counts(centre), audit_rows(centre)
    wrong = "AAAA-BBBB-CCCC-DDDD"
    with pytest.raises(KeyFileError) as refused:
        enroll_pending_device(centre, bundle, wrong)
    assert str(refused.value) == (
        f"The fingerprint you typed, {wrong}, is not this file's ({bundle.name}). The file may have been changed on "
        "its way: do not trust it; ask the other office to read theirs again. Nothing was stored.")
    assert table_counts(centre) == before and audit_rows(centre) == audit_before

    # Heard right (spelt in lower case without dashes): enrolled, and the same bundle imports.
    enrolled = enroll_pending_device(centre, bundle, claimed.fingerprint.lower().replace("-", " "))
    assert enrolled == claimed
    assert centre.db.execute("SELECT district, device_name, fingerprint, status, enrolled_by FROM devices WHERE "
                             "device_id = ?", [kalat.device_id]).fetchone() == (
        "KALAT", "Kalat DPO", world.kalat_fingerprint, "active", "clara")
    [again] = import_bundles(centre, [bundle])
    assert (again.status, again.district, again.counts["new"]) == ("imported", "KALAT", 1)


def test_a_bundle_not_signed_by_the_key_it_carries_is_not_offered_for_enrollment(sessions, tmp_path):
    centre = sessions["centre"]
    forged = craft_bundle(tmp_path / "KALAT-forged-1.mizan", recipient=str(
        centre.db.execute("SELECT public FROM secret_keys WHERE name = 'age'").fetchone()[0]),
        private_key=Ed25519PrivateKey.generate(), device_id=sessions["D"].device_id, district="KALAT",
        device_name="Kalat DPO", public_key=public_b64(Ed25519PrivateKey.generate()))
    with pytest.raises(BundleRejected) as refused:
        pending_device(centre, forged)
    assert str(refused.value) == (f"{forged.name} is not signed by the key it carries: it was altered or forged. Do "
                                  "not enroll its device; ask the district office for a new export.")


# -- 3. the inbox -------------------------------------------------------------------------------------------


def test_the_inbox_scan_offers_only_bundles_not_imported_and_leaves_every_file(sessions, tmp_path):
    centre, quetta, pishin = sessions["centre"], sessions["A"], sessions["C"]
    inbox = tmp_path / "inbox"
    save(quetta, {("PRO-01", "total"): 41})
    first = settled(export_to(quetta, inbox))
    save(pishin, {("PRO-01", "total"): 9})
    pishin_first = export_to(pishin, inbox)  # just copied: left for the next scan

    assert scan_inbox(centre, inbox) == [first]
    assert scan_inbox(centre, inbox, settle_seconds=0) == sorted([first, pishin_first])
    outcomes = import_inbox(centre, inbox, settle_seconds=0)
    assert [(o.file, o.status) for o in outcomes] == [(str(p), "imported") for p in sorted([first, pishin_first])]
    assert scan_inbox(centre, inbox, settle_seconds=0) == []

    # A renamed copy of an imported bundle is recognised by its bytes; a new bundle is offered.
    shutil.copyfile(first, inbox / "copy-of-quetta.mizan")
    save(quetta, {("CRT-01", "total"): 12})
    second = export_to(quetta, inbox)
    assert scan_inbox(centre, inbox, settle_seconds=0) == [second]
    assert sorted(p.name for p in inbox.iterdir()) == sorted(
        [first.name, pishin_first.name, second.name, "copy-of-quetta.mizan"])  # nothing moved or deleted

    with pytest.raises(UsageError):
        scan_inbox(centre, tmp_path / "no-such-folder")


# -- 4. conflicts ------------------------------------------------------------------------------------------


def _two_devices_disagree(sessions: dict[str, Session], folder: Path) -> tuple[Path, Path]:
    """Quetta DPO (A) types PRO-01 = 10, then the Quetta desk PC (B) types 20: B wins, A's 10 is the conflict."""
    save(sessions["A"], {("PRO-01", "total"): 10})
    from_a = export_to(sessions["A"], folder)
    later()
    save(sessions["B"], {("PRO-01", "total"): 20})
    from_b = export_to(sessions["B"], folder)
    outcomes = import_bundles(sessions["centre"], [from_a, from_b])
    assert [o.status for o in outcomes] == ["imported", "imported"] and outcomes[1].counts["conflicts"] == 1
    return from_a, from_b


def _decision_audit(session: Session) -> list[tuple[str, str, dict]]:
    return [(actor, action, json.loads(after)) for actor, action, after in session.db.execute(
        "SELECT actor, action, after FROM audit_log WHERE table_name = 'conflict_decisions' ORDER BY id")]


def test_a_conflict_is_shown_side_by_side_in_plain_words(sessions, tmp_path):
    centre, a, b = sessions["centre"], sessions["A"], sessions["B"]
    _two_devices_disagree(sessions, tmp_path / "usb")
    [conflict] = list_conflicts(centre)
    assert conflict.record_type == "indicator_values"
    assert conflict.key == {"indicator": "PRO-01", "district": "QUETTA", "period": PERIOD, "cell": "total"}
    assert conflict.key_text == f"PRO-01 Challans received for scrutiny · Quetta · {PERIOD} · total"
    assert (conflict.stored.device_name, conflict.stored.record["value"], conflict.stored.hlc) == (
        "Quetta desk PC", 20, stored(b, "PRO-01")["hlc"])
    assert (conflict.incoming.device_name, conflict.incoming.record["value"], conflict.incoming.hlc) == (
        "Quetta DPO", 10, stored(a, "PRO-01")["hlc"])
    assert conflict.incoming.district == "QUETTA" and conflict.incoming.written_at.endswith("Z")
    assert "value" in conflict.differences and "indicator" not in conflict.differences
    assert json.loads(json.dumps(conflict.as_dict()))["incoming"]["record"]["value"] == 10


def test_keeping_the_incoming_version_makes_it_newest_and_is_audited(sessions, tmp_path):
    centre, a, b = sessions["centre"], sessions["A"], sessions["B"]
    _two_devices_disagree(sessions, tmp_path / "usb")
    [conflict] = list_conflicts(centre)
    a_hlc, b_hlc = conflict.incoming.hlc, conflict.stored.hlc
    with pytest.raises(UsageError, match="changed since it was shown"):  # the screen showed an older pair
        resolve_conflict(centre, conflict.id, "incoming", seen=(a_hlc, b_hlc))

    decision = resolve_conflict(centre, conflict.id, "incoming", seen=conflict.versions)

    now = stored(centre, "PRO-01")
    assert (now["value"], now["origin_device"], now["deleted"]) == (10, centre.device_id, 0)
    assert now["hlc"] > a_hlc and now["hlc"] > b_hlc and now["hlc"] == decision.version
    assert list_conflicts(centre) == []
    assert centre.db.execute("SELECT count(*) FROM conflicts").fetchone()[0] == 0
    # Who chose what: one decision per device whose version was set aside or kept, by clara.
    audited = _decision_audit(centre)
    assert {(actor, action) for actor, action, _ in audited} == {("clara", "insert")}
    assert {(entry["device_id"], entry["hlc"], entry["kept"], entry["decided_by"]) for _, _, entry in audited} == {
        (a.device_id, a_hlc, "incoming", "clara"), (b.device_id, b_hlc, "incoming", "clara")}
    [(actor, before, after)] = centre.db.execute(
        "SELECT actor, before, after FROM audit_log WHERE table_name = 'indicator_values' AND action = 'update' "
        "AND json_extract(after, '$.hlc') = ?", [now["hlc"]]).fetchall()
    assert actor == "clara" and json.loads(before)["value"] == 20 and json.loads(after)["value"] == 10

    # The same losing versions, carried again by cumulative bundles, do not reopen the conflict.
    again = import_bundles(centre, [export_to(a, tmp_path / "usb2"), export_to(b, tmp_path / "usb2")])
    assert [(o.status, o.counts["conflicts"]) for o in again] == [("imported", 0), ("imported", 0)]
    assert list_conflicts(centre) == [] and stored(centre, "PRO-01")["value"] == 10

    # A district writing again later still wins, and the clerk's decision becomes the version set aside.
    later()
    save(b, {("PRO-01", "total"): 25})
    import_bundles(centre, [export_to(b, tmp_path / "usb3")])
    assert stored(centre, "PRO-01")["value"] == 25
    [reopened] = list_conflicts(centre)
    assert (reopened.incoming.device_id, reopened.incoming.record["value"]) == (centre.device_id, 10)
    assert reopened.incoming.device_name == "Provincial centre (decision)"


def test_keeping_the_stored_version_changes_no_value_and_is_audited(sessions, tmp_path):
    centre, a, b = sessions["centre"], sessions["A"], sessions["B"]
    from_a, _ = _two_devices_disagree(sessions, tmp_path / "usb")
    [conflict] = list_conflicts(centre)
    before = stored(centre, "PRO-01")

    decision = resolve_conflict(centre, conflict.id, "stored")

    assert stored(centre, "PRO-01") == before and before["value"] == 20
    assert (decision.kept, decision.version, decision.origin_device) == ("stored", before["hlc"], b.device_id)
    assert centre.db.execute("SELECT count(*) FROM conflicts").fetchone()[0] == 0
    [(actor, action, entry)] = _decision_audit(centre)
    assert (actor, action, entry["device_id"], entry["hlc"], entry["kept"]) == (
        "clara", "insert", a.device_id, conflict.incoming.hlc, "stored")
    # A's next cumulative bundle carries the same 10 again: no new conflict. A newer 11 wins as any later
    # write does, and B's 20 is then the version set aside.
    [outcome] = import_bundles(centre, [export_to(a, tmp_path / "usb2")])
    assert outcome.counts["conflicts"] == 0 and list_conflicts(centre) == []
    later()
    save(a, {("PRO-01", "total"): 11})
    [outcome] = import_bundles(centre, [export_to(a, tmp_path / "usb3")])
    assert outcome.counts["conflicts"] == 1 and stored(centre, "PRO-01")["value"] == 11
    assert [(c.incoming.device_id, c.incoming.record["value"]) for c in list_conflicts(centre)] == [
        (b.device_id, 20)]
    with pytest.raises(UsageError, match=f"There is no open conflict {conflict.id}"):
        resolve_conflict(centre, conflict.id, "stored")


def test_an_incoming_version_that_fails_validation_is_refused_and_nothing_is_written(sessions, tmp_path):
    """A sent POL-02 total 10 with female 4 and male 6; B later sent 20, 8 and 12. Keeping A's total alone
    would put a total of 10 over stored cells adding up to 20: refused. Cells first, then the total: fine."""
    centre, a, b = sessions["centre"], sessions["A"], sessions["B"]
    save(a, {("POL-02", "total"): 10, ("POL-02", "sex=female"): 4, ("POL-02", "sex=male"): 6})
    from_a = export_to(a, tmp_path / "usb")
    later()
    save(b, {("POL-02", "total"): 20, ("POL-02", "sex=female"): 8, ("POL-02", "sex=male"): 12})
    import_bundles(centre, [from_a, export_to(b, tmp_path / "usb")])
    conflicts = {c.key["cell"]: c for c in list_conflicts(centre)}
    assert sorted(conflicts) == ["sex=female", "sex=male", "total"]

    before, audit_before = table_counts(centre), audit_rows(centre)
    with pytest.raises(ValidationFailed) as refused:
        resolve_conflict(centre, conflicts["total"].id, "incoming")
    assert str(refused.value) == ("The version from Quetta DPO cannot be kept for POL-02 Victims of intentional "
                                  f"homicide · Quetta · {PERIOD} · total; nothing was changed.")
    assert [(i.rule, i.message) for i in refused.value.issues] == [(
        "IV_CELLS_EXCEED_TOTAL", f"The cells of POL-02 for QUETTA {PERIOD} add up to 20 so far, more than the total "
                                 "10. Correct the cells or the total.")]
    assert table_counts(centre) == before and audit_rows(centre) == audit_before
    assert stored(centre, "POL-02")["value"] == 20

    for cell in ("sex=female", "sex=male", "total"):
        resolve_conflict(centre, conflicts[cell].id, "incoming")
    assert [stored(centre, "POL-02", cell)["value"] for cell in ("total", "sex=female", "sex=male")] == [10, 4, 6]
    assert list_conflicts(centre) == []


# -- 5. quarantine re-checked after a catalogue update --------------------------------------------------------


def test_quarantined_records_pass_after_a_catalogue_update_and_the_rest_get_todays_reasons(sessions, tmp_path):
    """Quetta updated Mizan first: its catalogue has PRO-07 and PRO-08, the centre's has neither, so both
    values are quarantined. The centre's update adds PRO-07, and PRO-08 only from this month on."""
    centre, quetta = sessions["centre"], sessions["A"]
    this_month = dt.date.today().replace(day=1).isoformat()
    quetta.catalogue = catalogue_with(tmp_path / "district-resources", "2026.12.1", [
        new_indicator("PRO-07", "Cases withdrawn by the prosecution"),
        new_indicator("PRO-08", "Prosecutors trained in gender-responsive prosecution")])
    save(quetta, {("PRO-07", "total"): 5, ("PRO-08", "total"): 2, ("PRO-01", "total"): 41})
    [outcome] = import_bundles(centre, [export_to(quetta, tmp_path / "usb")])
    assert (outcome.counts["quarantined"], outcome.counts["new"] > 0) == (2, True)
    quarantined = {entry["record"]["indicator"]: entry for entry in list_quarantine(centre)}
    assert {code: [r["rule"] for r in entry["reasons"]] for code, entry in quarantined.items()} == {
        "PRO-07": ["IV_UNKNOWN_INDICATOR"], "PRO-08": ["IV_UNKNOWN_INDICATOR"]}
    assert {(e["device_name"], e["district"], e["sequence"]) for e in quarantined.values()} == {
        ("Quetta DPO", "QUETTA", 1)}

    # Nothing changed yet: a re-check finds the same reasons and merges nothing.
    unchanged = recheck_quarantine(centre)
    assert (unchanged.checked, unchanged.passed, unchanged.still_quarantined) == (2, 0, 2)

    centre.catalogue = catalogue_with(tmp_path / "centre-resources", "2026.12.1", [
        new_indicator("PRO-07", "Cases withdrawn by the prosecution"),
        new_indicator("PRO-08", "Prosecutors trained in gender-responsive prosecution", valid_from=this_month)])
    result = recheck_quarantine(centre)

    assert (result.checked, result.passed, result.still_quarantined, result.not_rechecked) == (2, 1, 1, 0)
    assert result.counts == {"new": 1, "updated": 0, "unchanged": 0, "conflicts": 0, "quarantined": 0}
    merged = stored(centre, "PRO-07")
    assert (merged["value"], merged["origin_device"], merged["hlc"]) == (
        5, quetta.device_id, stored(quetta, "PRO-07")["hlc"])  # exactly as the district wrote it
    [left] = list_quarantine(centre)
    assert left["record"]["indicator"] == "PRO-08"
    assert [(r["rule"], r["message"]) for r in left["reasons"]] == [(
        "IV_INDICATOR_NOT_VALID", f"PRO-08 is reported from {this_month} to now; period {PERIOD} is outside that.")]
    # Importing the same records again (a cumulative bundle) now merges PRO-07 as unchanged.
    [again] = import_bundles(centre, [export_to(quetta, tmp_path / "usb2")])
    assert (again.counts["quarantined"], again.counts["new"]) == (1, 0)


# -- 6. devices, gaps, receipts ---------------------------------------------------------------------------


def test_devices_and_gaps_per_district(sessions, tmp_path):
    centre, quetta = sessions["centre"], sessions["A"]
    bundles = []
    for figure in range(1, 5):
        save(quetta, {("PRO-01", "total"): figure})
        bundles.append(export_to(quetta, tmp_path / "usb"))
    import_bundles(centre, [bundles[0], bundles[1], bundles[3]])  # bundle 3 never arrived

    overview = {district["district"]: district for district in device_overview(centre)}
    current = [code for code, district in load_catalogue().districts.items() if district.validity.valid_to is None]
    assert sorted(overview) == sorted(current) and len(current) == 37  # every current district, Lehri not
    [dpo, desk_pc] = overview["QUETTA"]["devices"]
    assert (dpo["device_name"], dpo["sequences"], dpo["missing"], dpo["last_sequence"]) == (
        "Quetta DPO", [1, 2, 4], [3], 4)
    assert dpo["last_import"] and overview["QUETTA"]["last_seen"] == dpo["last_import"]
    assert (desk_pc["device_name"], desk_pc["sequences"], desk_pc["last_import"]) == ("Quetta desk PC", [], None)
    assert overview["QUETTA"]["missing"] == {quetta.device_id: [3]}
    assert (overview["PISHIN"]["no_device"], overview["PISHIN"]["last_seen"]) == (False, None)
    assert {code for code, district in overview.items() if not district["no_device"]} == {"QUETTA", "PISHIN"}

    revoke_device(centre, quetta.device_id)
    overview = {district["district"]: district for district in device_overview(centre)}
    assert [d["status"] for d in overview["QUETTA"]["devices"]] == ["revoked", "active"]
    assert overview["QUETTA"]["no_device"] is False  # the desk PC is still enrolled


def test_receipts_for_today_cover_the_devices_imported_today(sessions, tmp_path):
    centre, quetta = sessions["centre"], sessions["A"]
    out = tmp_path / "receipts"
    out.mkdir()
    assert receipts_for_today(centre, out) == []  # nothing imported: no receipt (not one for every device)
    save(quetta, {("PRO-01", "total"): 41})
    import_bundles(centre, [export_to(quetta, tmp_path / "usb")])
    [receipt] = receipts_for_today(centre, out)
    content = json.loads(receipt.read_text(encoding="utf-8"))["receipt"]
    assert (content["device_id"], [b["sequence"] for b in content["bundles"]]) == (quetta.device_id, [1])


# -- 7. the command line -------------------------------------------------------------------------------------


def _cli(centre: Session, monkeypatch, *args: str) -> int:
    monkeypatch.setenv("MIZAN_PASSWORD", CLERK_PASSWORD)
    return main(["--db", str(centre.path), "--user", "clara", *args])


def test_the_cli_imports_an_inbox_and_lists_devices_and_writes_todays_receipts(sessions, tmp_path, monkeypatch,
                                                                              capsys):
    centre, quetta = sessions["centre"], sessions["A"]
    inbox = tmp_path / "inbox"
    save(quetta, {("PRO-01", "total"): 41})
    bundle = settled(export_to(quetta, inbox))
    capsys.readouterr()
    assert _cli(centre, monkeypatch, "import", "--inbox", str(inbox), "--json") == 0
    [report] = json.loads(capsys.readouterr().out)["bundles"]
    assert (report["file"], report["status"], report["district"], report["device_name"]) == (
        str(bundle), "imported", "QUETTA", "Quetta DPO")
    assert _cli(centre, monkeypatch, "import", "--inbox", str(inbox)) == 0
    assert capsys.readouterr().err.strip() == "No new bundle files (*.mizan) found."
    assert _cli(centre, monkeypatch, "import") == 2

    assert _cli(centre, monkeypatch, "devices", "--json") == 0
    overview = {d["district"]: d for d in json.loads(capsys.readouterr().out)}
    assert [d["sequences"] for d in overview["QUETTA"]["devices"]] == [[1], []]
    assert _cli(centre, monkeypatch, "devices") == 0
    text = capsys.readouterr().out
    assert "Quetta (QUETTA), last seen 20" in text and "last bundle 1, bundles [1]" in text
    current = [code for code, district in load_catalogue().districts.items() if district.validity.valid_to is None]
    assert f"Districts without an active device ({len(current) - 2}): " in text  # all but Quetta and Pishin

    out = tmp_path / "receipts"
    out.mkdir()
    assert _cli(centre, monkeypatch, "receipt", "--today", "--out", str(out)) == 0
    assert [p.name for p in out.iterdir()] == [f"QUETTA-{quetta.device_id[:8]}-receipt.json"]


def test_the_cli_enrolls_an_unknown_device_from_its_bundle(world, sessions, tmp_path, monkeypatch, capsys):
    centre, kalat = sessions["centre"], sessions["D"]
    save(kalat, {("PRO-01", "total"): 7})
    bundle = export_to(kalat, tmp_path / "usb")
    capsys.readouterr()
    assert _cli(centre, monkeypatch, "import", str(bundle)) == 5
    said = capsys.readouterr().err
    assert f"devices enroll {bundle} --fingerprint` followed by what they read" in said
    assert world.kalat_fingerprint not in said  # the clerk types what Kalat reads out, not what the bundle claims
    assert _cli(centre, monkeypatch, "devices", "enroll", str(bundle)) == 2
    said = capsys.readouterr().err
    assert f"{bundle.name} comes from device 'Kalat DPO' of KALAT, which this centre has not enrolled." in said
    assert "Phone the district office" in said and world.kalat_fingerprint not in said
    assert _cli(centre, monkeypatch, "devices", "enroll", str(bundle), "--fingerprint", "AAAA-BBBB-CCCC-DDDD") == 5
    assert _cli(centre, monkeypatch, "devices", "enroll", str(bundle), "--fingerprint", world.kalat_fingerprint) == 0
    assert _cli(centre, monkeypatch, "import", str(bundle)) == 0


def test_the_cli_lists_and_resolves_conflicts(sessions, tmp_path, monkeypatch, capsys):
    centre = sessions["centre"]
    _two_devices_disagree(sessions, tmp_path / "usb")
    [conflict] = list_conflicts(centre)
    capsys.readouterr()
    assert _cli(centre, monkeypatch, "conflicts", "list", "--json") == 0
    [listed] = json.loads(capsys.readouterr().out)
    assert (listed["id"], listed["stored"]["record"]["value"], listed["incoming"]["record"]["value"]) == (
        conflict.id, 20, 10)
    assert _cli(centre, monkeypatch, "conflicts") == 0
    text = capsys.readouterr().out
    assert f"{conflict.id}: {conflict.key_text}" in text and "Quetta DPO" in text and "value 10" in text
    with pytest.raises(SystemExit) as usage:  # argparse refuses the choice itself
        _cli(centre, monkeypatch, "conflicts", "resolve", str(conflict.id), "--keep", "sideways")
    assert usage.value.code == 2
    assert _cli(centre, monkeypatch, "conflicts", "resolve", str(conflict.id), "--keep", "incoming") == 0
    assert capsys.readouterr().out.startswith(f"Conflict {conflict.id} (")
    assert stored(centre, "PRO-01")["value"] == 10
    assert _cli(centre, monkeypatch, "conflicts", "resolve", str(conflict.id), "--keep", "stored") == 2


def test_the_cli_refuses_an_invalid_keep_with_exit_3(sessions, tmp_path, monkeypatch, capsys):
    centre, a, b = sessions["centre"], sessions["A"], sessions["B"]
    save(a, {("POL-02", "total"): 10, ("POL-02", "sex=female"): 4})
    from_a = export_to(a, tmp_path / "usb")
    later()
    save(b, {("POL-02", "total"): 20, ("POL-02", "sex=female"): 15})
    import_bundles(centre, [from_a, export_to(b, tmp_path / "usb")])
    total = next(c for c in list_conflicts(centre) if c.key["cell"] == "total")
    capsys.readouterr()
    assert _cli(centre, monkeypatch, "conflicts", "resolve", str(total.id), "--keep", "incoming") == 3
    assert "IV_CELLS_EXCEED_TOTAL" in capsys.readouterr().err


def test_the_cli_lists_and_rechecks_the_quarantine(sessions, tmp_path, monkeypatch, capsys):
    centre, quetta = sessions["centre"], sessions["A"]
    quetta.catalogue = catalogue_with(tmp_path / "district-resources", "2026.12.1",
                                      [new_indicator("PRO-07", "Cases withdrawn by the prosecution")])
    save(quetta, {("PRO-07", "total"): 5})
    import_bundles(centre, [export_to(quetta, tmp_path / "usb")])
    capsys.readouterr()
    assert _cli(centre, monkeypatch, "quarantine", "list", "--json") == 0
    [entry] = json.loads(capsys.readouterr().out)
    assert [r["rule"] for r in entry["reasons"]] == ["IV_UNKNOWN_INDICATOR"]
    assert _cli(centre, monkeypatch, "quarantine") == 0
    assert "IV_UNKNOWN_INDICATOR: Indicator 'PRO-07' is not in the catalogue." in capsys.readouterr().out
    assert _cli(centre, monkeypatch, "quarantine", "recheck", "--json") == 0
    assert json.loads(capsys.readouterr().out)["still_quarantined"] == 1


def test_a_folder_is_searched_with_its_subfolders_for_bundles(tmp_path):
    from sync.importer import bundle_files

    (tmp_path / "usb" / "QUETTA").mkdir(parents=True)
    (tmp_path / "usb" / "PISHIN" / "old").mkdir(parents=True)
    for name in ("QUETTA/QUETTA-a-1.mizan", "PISHIN/PISHIN-b-1.mizan", "PISHIN/old/PISHIN-b-0.mizan", "notes.txt"):
        (tmp_path / "usb" / name).write_bytes(b"x")
    found = [path.relative_to(tmp_path / "usb").as_posix() for path in bundle_files([tmp_path / "usb"])]
    assert found == ["PISHIN/PISHIN-b-1.mizan", "PISHIN/old/PISHIN-b-0.mizan", "QUETTA/QUETTA-a-1.mizan"]
