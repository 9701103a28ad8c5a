"""The centre speaks back (issue 14): a signed update carries targets, receipts, revocations and policy to
the districts; a forged, altered or replayed one changes nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gui.screens.devices_screen import DistrictsModel
from main import main
from storage.core.backup import backup_keep, set_backup_keep
from storage.core.policy import idle_lock_minutes, set_policy
from storage.errors import PermissionDenied, UsageError, ValidationFailed
from storage.records.desk import add_desk
from storage.records.targets import list_targets, set_target
from storage.records.users import add_user
from sync.bundle import BundleRejected
from sync.devices import device_overview, revoke_device
from sync.importer import import_bundles
from sync.updates import export_update, import_update, last_applied_update
from tests.conftest import ADMIN_PASSWORD, CLERK_PASSWORD, SUPERVISOR_PASSWORD, table_counts
from tests.sync_helpers import SyncPair, add_values, export_to, make_centre, make_pair, sign_in

YEAR = 2026


@pytest.fixture
def pair(tmp_path: Path):
    built = make_pair(tmp_path)
    yield built
    built.close()


def state(session) -> tuple:
    """Everything an update may change at a district, to show that nothing did."""
    exports = session.db.execute("SELECT sequence, acknowledged_at FROM exports ORDER BY sequence").fetchall()
    return table_counts(session), list_targets(session), exports, backup_keep(session.db)


def update_of(pair: SyncPair, name: str = "usb") -> Path:
    folder = pair.folder / name
    folder.mkdir(exist_ok=True)
    return export_update(pair.clerk, folder).path


def test_the_centres_targets_receipts_and_policy_reach_the_district(pair: SyncPair, monkeypatch, capsys):
    add_values(pair.supervisor)
    bundle = export_to(pair.supervisor, pair.folder / "usb")
    assert [o.status for o in import_bundles(pair.clerk, [bundle])] == ["imported"]
    set_target(pair.clerk, "PRO-01", "QUETTA", YEAR, 120)
    set_target(pair.clerk, "PRO-01", "PISHIN", YEAR, 80)  # another district's: not Quetta's to keep
    set_target(pair.supervisor, "CRT-01", "QUETTA", YEAR, 30)  # Quetta's own, not yet at the centre
    set_backup_keep(pair.clerk, 14)
    monkeypatch.setenv("MIZAN_PASSWORD", CLERK_PASSWORD)
    (pair.folder / "out").mkdir()
    assert main(["--db", str(pair.centre_path), "--user", "clara", "update", "export", "--out",
                 str(pair.folder / "out"), "--json"]) == 0
    written = json.loads(capsys.readouterr().out)
    path = pair.folder / "out" / "centre-update-1.mizan-update"
    assert written == {"update": str(path), "sequence": 1, "catalogue_version": pair.clerk.catalogue.version,
                       "contents": {"targets": 2, "receipts": 1, "revoked_devices": 0, "policy": 3, "approvals": 0,
                                    "desks": pair.clerk.db.execute("SELECT count(*) FROM desks").fetchone()[0],
                                    "catalogue": 1}}  # the shipped catalogue: not carried
    assert "PRO-01" in path.read_text(encoding="utf-8")  # signed, not encrypted: it holds no personal data

    before = state(pair.supervisor)
    dry = import_update(pair.supervisor, path, dry_run=True)
    assert (dry["status"], dry["targets"], dry["receipts"], dry["dry_run"]) == (
        "applied", {"new": 1, "changed": 0, "removed": 0}, 1, True)
    assert state(pair.supervisor) == before and last_applied_update(pair.supervisor) == 0

    monkeypatch.setenv("MIZAN_PASSWORD", SUPERVISOR_PASSWORD)
    assert main(["--db", str(pair.district_path), "--user", "sana", "update", "import", str(path), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert (report["status"], report["reason"], report["sequence"]) == ("applied", None, 1)
    assert (report["targets"], report["receipts"], report["policy"]) == (
        {"new": 1, "changed": 0, "removed": 0}, 1, {"backup_keep": {"from": 10, "to": 14}})
    pair.supervisor.db.execute("SELECT 1").fetchone()
    assert [(t["indicator"], t["district"], t["target"]) for t in list_targets(pair.supervisor, YEAR)] == [
        ("CRT-01", "QUETTA", 30), ("PRO-01", "QUETTA", 120)]
    assert backup_keep(pair.supervisor.db) == 14
    assert pair.supervisor.db.execute("SELECT count(*) FROM exports WHERE acknowledged_at IS NOT NULL").fetchone()[0] == 1

    # The same file again, or an older one after a newer: a duplicate, nothing changed (exit 0).
    after = state(pair.supervisor)
    assert main(["--db", str(pair.district_path), "--user", "sana", "update", "import", str(path)]) == 0
    assert capsys.readouterr().out == (
        "Nothing changed: update 1 is not newer than update 1, applied here already; nothing changed.\n")
    assert state(pair.supervisor) == after


def test_a_target_the_centre_set_is_the_centres(pair: SyncPair):
    set_target(pair.clerk, "PRO-01", "QUETTA", YEAR, 120)
    import_update(pair.supervisor, update_of(pair))
    before = state(pair.supervisor)
    with pytest.raises(ValidationFailed) as refused:
        set_target(pair.supervisor, "PRO-01", "QUETTA", YEAR, 90)
    assert [(i.rule, i.message) for i in refused.value.issues] == [
        ("TG_SET_BY_CENTRE", "The target of PRO-01 for QUETTA in 2026 was set by the provincial centre. "
                             "Ask the centre to change it.")]
    assert state(pair.supervisor) == before
    set_target(pair.supervisor, "PRO-01", "QUETTA", YEAR, 120)  # the same figure: nothing to refuse
    set_target(pair.supervisor, "PRO-01", "QUETTA", 2025, 90)  # a year the centre left open: the office's
    # The centre changes its target: the next update carries the change.
    set_target(pair.clerk, "PRO-01", "QUETTA", YEAR, 130)
    report = import_update(pair.supervisor, update_of(pair, "usb2"))
    assert (report["sequence"], report["targets"]) == (2, {"new": 0, "changed": 1, "removed": 0})
    assert {(t["year"], t["target"]) for t in list_targets(pair.supervisor) if t["indicator"] == "PRO-01"} == {
        (2025, 90), (YEAR, 130)}


def test_a_newer_update_alone_is_enough_and_an_older_one_after_it_is_a_duplicate(pair: SyncPair):
    set_target(pair.clerk, "PRO-01", "QUETTA", YEAR, 100)
    first = update_of(pair, "one")
    set_target(pair.clerk, "CRT-01", "QUETTA", YEAR, 50)
    second = update_of(pair, "two")
    assert import_update(pair.supervisor, second)["targets"] == {"new": 2, "changed": 0, "removed": 0}
    before = state(pair.supervisor)
    replay = import_update(pair.supervisor, first)
    assert (replay["status"], replay["reason"]) == (
        "duplicate", "update 1 is not newer than update 2, applied here already; nothing changed.")
    assert state(pair.supervisor) == before


def test_a_forged_or_altered_update_changes_nothing(pair: SyncPair, tmp_path: Path, monkeypatch, capsys):
    set_target(pair.clerk, "PRO-01", "QUETTA", YEAR, 120)
    genuine = update_of(pair)
    # Another centre (the district never phoned it) writes a well-formed update.
    other_centre = sign_in(make_centre(tmp_path / "other"), "clara")
    set_target(other_centre, "PRO-01", "QUETTA", YEAR, 1)
    (tmp_path / "forged").mkdir()
    forged = export_update(other_centre, tmp_path / "forged").path
    other_centre.close()
    # The genuine file with one figure changed.
    altered = tmp_path / "altered.mizan-update"
    altered.write_text(genuine.read_text(encoding="utf-8").replace('"target": 120', '"target": 12'), encoding="utf-8")
    assert altered.read_text(encoding="utf-8") != genuine.read_text(encoding="utf-8")
    fingerprint = pair.supervisor.db.execute("SELECT fingerprint FROM centre_trust").fetchone()[0]
    before = state(pair.supervisor)
    for path in (forged, altered):
        with pytest.raises(BundleRejected) as rejected:
            import_update(pair.supervisor, path)
        assert str(rejected.value) == (
            f"{path.name} is not signed by the centre this office trusts ({fingerprint}). It comes from another "
            "centre or was altered; nothing was applied.")
        assert state(pair.supervisor) == before
    monkeypatch.setenv("MIZAN_PASSWORD", SUPERVISOR_PASSWORD)
    assert main(["--db", str(pair.district_path), "--user", "sana", "update", "import", str(forged)]) == 5
    capsys.readouterr()
    damaged = tmp_path / "damaged.mizan-update"
    damaged.write_bytes(genuine.read_bytes()[:200])
    with pytest.raises(BundleRejected) as rejected:
        import_update(pair.supervisor, damaged)
    assert str(rejected.value) == "damaged.mizan-update is not a Mizan centre update (JSONDecodeError)."
    assert state(pair.supervisor) == before


def test_a_revoked_pc_is_told_and_only_the_right_people_move_updates(pair: SyncPair):
    revoke_device(pair.clerk, pair.supervisor.device_id)
    report = import_update(pair.supervisor, update_of(pair))
    assert report["revoked"] == [pair.supervisor.device_id]
    assert report["reason"] == ("The centre has revoked this PC: it refuses this PC's bundles. Install Mizan "
                                "afresh and enroll again.")
    with pytest.raises(UsageError) as wrong_side:
        export_update(pair.district_admin, pair.folder)
    assert str(wrong_side.value) == ("Updates are written by the provincial centre; a district office imports "
                                     "them (`update import`).")
    operator = sign_in(pair.district_path, "omar")
    try:
        with pytest.raises(PermissionDenied):
            import_update(operator, update_of(pair, "usb2"))
    finally:
        operator.close()


def test_a_district_target_over_the_centres_is_kept_aside_at_the_centre(pair: SyncPair):
    """The district set its own figure before the centre's update reached it: the centre keeps its target and
    quarantines the district's, with the reason (before: it replaced the centre's, or became a conflict)."""
    set_target(pair.clerk, "PRO-01", "QUETTA", YEAR, 120)
    set_target(pair.supervisor, "PRO-01", "QUETTA", YEAR, 90)
    [outcome] = import_bundles(pair.clerk, [export_to(pair.supervisor, pair.folder / "usb")])
    assert (outcome.status, outcome.counts["quarantined"]) == ("imported", 1)
    assert [(t["district"], t["target"]) for t in list_targets(pair.clerk, YEAR)] == [("QUETTA", 120)]
    assert pair.clerk.db.execute("SELECT count(*) FROM conflicts").fetchone()[0] == 0
    reasons = pair.clerk.db.execute("SELECT reasons FROM quarantine").fetchone()[0]
    assert "The target of PRO-01 for QUETTA in 2026 was set by the provincial centre." in reasons
    # The update then brings the centre's figure to the district, over the office's own.
    assert import_update(pair.supervisor, update_of(pair, "back"))["targets"] == {"new": 0, "changed": 1, "removed": 0}
    assert [(t["district"], t["target"]) for t in list_targets(pair.supervisor, YEAR)] == [("QUETTA", 120)]


def test_the_centre_sees_which_update_each_district_runs(pair: SyncPair, monkeypatch, capsys, qapp):
    update_of(pair, "one")
    second = update_of(pair, "two")
    add_values(pair.supervisor)
    [outcome] = import_bundles(pair.clerk, [export_to(pair.supervisor, pair.folder / "b1")])
    quetta = next(d for d in device_overview(pair.clerk) if d["district"] == "QUETTA")
    assert (quetta["centre_update"], quetta["updates_written"]) == (0, 2)  # it had applied none
    import_update(pair.supervisor, second)
    add_values(pair.supervisor, {"PRO-01": 43})
    import_bundles(pair.clerk, [export_to(pair.supervisor, pair.folder / "b2")])
    quetta = next(d for d in device_overview(pair.clerk) if d["district"] == "QUETTA")
    assert (quetta["centre_update"], quetta["updates_written"]) == (2, 2)
    assert next(d for d in device_overview(pair.clerk) if d["district"] == "ZHOB")["centre_update"] is None
    monkeypatch.setenv("MIZAN_PASSWORD", CLERK_PASSWORD)
    assert main(["--db", str(pair.centre_path), "--user", "clara", "devices"]) == 0
    [line] = [line for line in capsys.readouterr().out.splitlines() if line.startswith("Quetta (QUETTA)")]
    assert line.endswith(", runs update 2 of 2")
    districts = DistrictsModel(pair.clerk)  # the devices screen's table, without its widgets
    districts.reload()
    quetta_row = next(number for number, row in enumerate(districts.rows) if row["district"] == "QUETTA")
    assert districts.index(quetta_row, DistrictsModel.UPDATE).data() == "update 2 of 2"


def test_a_desk_the_centre_adds_reaches_its_district_only(pair: SyncPair):
    centre_admin = sign_in(pair.centre_path, "admin")
    try:
        add_desk(centre_admin, "QTA-NEW", "Quetta new smart station desk", "QUETTA", "Satellite Town")
        add_desk(centre_admin, "PSN-NEW", "Pishin new desk", "PISHIN")
    finally:
        centre_admin.close()
    report = import_update(pair.supervisor, update_of(pair))
    assert report["desks"] == {"new": 1, "changed": 0}
    desks = {row[0]: row[1:] for row in pair.supervisor.db.execute("SELECT code, name, station FROM desks")}
    assert desks["QTA-NEW"] == ("Quetta new smart station desk", "Satellite Town")
    assert "PSN-NEW" not in desks


def test_what_came_in_an_update_does_not_go_back_in_the_next_bundle(pair: SyncPair):
    """A target or desk the centre sent is not this PC's: re-sent, the centre would keep it aside as another
    device's record (SY_OTHER_DEVICE) at every import."""
    set_target(pair.clerk, "PRO-01", "QUETTA", YEAR, 120)
    centre_admin = sign_in(pair.centre_path, "admin")
    try:
        add_desk(centre_admin, "QTA-NEW", "Quetta new smart station desk", "QUETTA")
    finally:
        centre_admin.close()
    import_update(pair.supervisor, update_of(pair))
    add_values(pair.supervisor)
    [outcome] = import_bundles(pair.clerk, [export_to(pair.supervisor, pair.folder / "b1")])
    assert (outcome.status, outcome.counts["quarantined"]) == ("imported", 0)


def test_the_centres_policy_reaches_the_district_and_binds_it(pair: SyncPair, monkeypatch, capsys):
    centre_admin = sign_in(pair.centre_path, "admin")
    try:
        with pytest.raises(UsageError) as too_low:
            set_policy(centre_admin, "password_min_length", 8)
        assert str(too_low.value) == "password_min_length must be a whole number from 10 to 64, not 8."
        with pytest.raises(PermissionDenied):
            set_policy(pair.clerk, "auto_lock_minutes", 5)
    finally:
        centre_admin.close()
    monkeypatch.setenv("MIZAN_PASSWORD", ADMIN_PASSWORD)
    for name, value in (("auto_lock_minutes", "5"), ("password_min_length", "16")):
        assert main(["--db", str(pair.centre_path), "--user", "admin", "policy", "set", name, value]) == 0
    assert "password_min_length 16" in capsys.readouterr().out.splitlines()
    report = import_update(pair.supervisor, update_of(pair))
    assert report["policy"] == {"auto_lock_minutes": {"from": 10, "to": 5},
                                "password_min_length": {"from": 10, "to": 16}}
    # The window locks after at most 5 idle minutes, whatever this PC chose (0: never).
    assert [idle_lock_minutes(chosen, pair.supervisor.db) for chosen in (0, 3, 30)] == [5, 3, 5]
    before = table_counts(pair.supervisor)
    with pytest.raises(UsageError) as short:
        add_user(pair.supervisor, "nadia", "operator", "quince harbor 7")  # 15 characters: enough before
    assert str(short.value).startswith("A password needs at least 16 characters.")
    assert table_counts(pair.supervisor) == before
    add_user(pair.supervisor, "nadia", "operator", "saffron kettle bridge lantern")
