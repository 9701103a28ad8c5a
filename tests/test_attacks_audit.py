"""Attacks on the audit chain by someone who holds a district's database key (issue 12, item 1, third bullet),
and the low item on bundles made for a retired centre key.

Every bundle here is a real one, made and signed by the district PC (``export_bundle``), or crafted and signed
with that PC's own enrolled key read from its database. Each test failed on the code before audit anchors
(the commit that added them says how that was checked): the old manifest carried no audit head, so the
centre imported a rewritten or rolled-back district without a word.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gui.screens.audit_screen import AuditScreen
from gui.screens.import_screen import ImportResultsModel, ImportScreen
from main import main
from storage.core import audit
from storage.core.backup import backup_now, restore_backup, with_password
from storage.core.connection import connect
from storage.core.session import open_session
from storage.views.audit_trail import district_alarms, verify_audit
from sync.anchors import MAX_CHECKPOINTS, bundle_warnings
from sync.importer import ImportOutcome, import_bundles
from sync.keys import export_key_file, rotate_centre_key, signing_private_key, trust_centre
from sync.receipts import import_receipt, write_receipts
from tests.conftest import ADMIN_PASSWORD, CLERK_PASSWORD, SUPERVISOR_PASSWORD, on_screen, table_counts
from tests.gui_fixtures import no_task_outlives_its_test  # noqa: F401  (an autouse fixture)
from tests.sync_helpers import (
    SyncPair,
    add_values,
    export_to,
    make_pair,
    opened_bundle,
    resigned,
    write_zip_bundle,
    zip_entries,
)

DEVICE = "District QUETTA, PC 'Quetta DPO': its audit history was rewritten or rolled back since bundle"


@pytest.fixture
def pair(tmp_path: Path):
    built = make_pair(tmp_path)
    yield built
    built.close()


def imported(pair: SyncPair, *paths: Path) -> list[ImportOutcome]:
    outcomes = import_bundles(pair.clerk, list(paths))
    assert [o.status for o in outcomes] == ["imported"] * len(paths), [o.as_dict() for o in outcomes]
    return outcomes


def centre_audit_verify(pair: SyncPair, monkeypatch, capsys, *extra: str) -> tuple[int, str]:
    monkeypatch.setenv("MIZAN_PASSWORD", CLERK_PASSWORD)
    code = main(["--db", str(pair.centre_path), "--user", "clara", "audit", "verify", *extra])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def rewrite_and_reseal(path: Path, db_key: bytes, actor: str) -> int:
    """What a holder of the database key does: change an audit row with plain SQL (the append-only triggers
    dropped and put back), then recompute every seal so the PC's own check passes. Returns the row changed."""
    db = connect(path, db_key)
    try:
        with db.atomic():
            row_id = db.execute("SELECT min(id) FROM audit_log WHERE table_name = 'indicator_values'").fetchone()[0]
            for table in ("audit_log", "audit_seals"):
                for action in ("update", "delete"):
                    db.execute(f"DROP TRIGGER {table}_no_{action}")
            db.execute("UPDATE audit_log SET actor = ? WHERE id = ?", [actor, row_id])
            db.execute("DELETE FROM audit_seals")
            for table in ("audit_log", "audit_seals"):
                for action in ("UPDATE", "DELETE"):
                    db.execute(f"CREATE TRIGGER {table}_no_{action.lower()} BEFORE {action} ON {table} "
                               f"BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END")
            audit.seal(db)
    finally:
        db.conn.close()
    return row_id


# -- item 1: a rewritten history -------------------------------------------------------------------------


def test_a_district_that_rewrites_its_audit_log_with_the_database_key_is_named_at_the_centre(
        pair: SyncPair, tmp_path: Path, monkeypatch, capsys):
    add_values(pair.supervisor, {"PRO-01": 41})
    [first] = imported(pair, export_to(pair.supervisor, tmp_path / "usb1"))
    assert first.warnings == []

    row_id = rewrite_and_reseal(pair.district_path, pair.supervisor.db_key, actor="omar")
    assert pair.supervisor.db.execute("SELECT actor FROM audit_log WHERE id = ?", [row_id]).fetchone()[0] == "omar"
    assert verify_audit(pair.supervisor).ok  # the PC's own check cannot see it: that is the attack

    add_values(pair.supervisor, {"CRT-01": 12})
    second_path = export_to(pair.supervisor, tmp_path / "usb2")
    [second] = imported(pair, second_path)
    assert second.counts["new"] >= 1  # a warning, not a refusal: the records went through the usual checks
    [warning] = second.warnings
    assert warning.startswith(f"{DEVICE} 1 (the audit entries up to ")
    assert "which bundle 1 showed, have changed since)" in warning
    assert bundle_warnings(pair.clerk, second.bundle_id) == [warning]
    assert pair.clerk.db.execute("SELECT district, device_name, bundle_sequence, since_sequence, kind "
                                 "FROM audit_anchor_findings").fetchall() == [("QUETTA", "Quetta DPO", 2, 1, "rewritten")]

    report = verify_audit(pair.clerk)
    assert report.problems == [] and not report.ok
    assert [(d["district"], d["device_name"], d["since_sequence"], d["kinds"]) for d in report.districts] == [
        ("QUETTA", "Quetta DPO", 1, ["rewritten"])]
    assert district_alarms(pair.clerk) == report.districts
    code, output = centre_audit_verify(pair, monkeypatch, capsys)
    assert code == 3
    assert "Audit log intact: " in output and "District audit histories rewritten or rolled back (1):" in output
    assert DEVICE + " 1" in output
    code, output = centre_audit_verify(pair, monkeypatch, capsys, "--json")
    assert code == 3 and json.loads(output)["districts"][0]["district"] == "QUETTA"

    # The first word on bundle 1 stands: the next bundle of the rewritten history is found again.
    add_values(pair.supervisor, {"CRT-01": 13})
    [third] = imported(pair, export_to(pair.supervisor, tmp_path / "usb3"))
    assert third.warnings and third.warnings[0].startswith(f"{DEVICE} 1 ")
    assert verify_audit(pair.clerk).districts[0]["bundles"] == 2


def test_a_district_that_goes_back_to_an_older_copy_of_its_database_is_named_at_the_centre(
        pair: SyncPair, tmp_path: Path):
    add_values(pair.supervisor, {"PRO-01": 41})
    imported(pair, export_to(pair.supervisor, tmp_path / "usb1"))
    backup_now(pair.supervisor, tmp_path / "older.zip")
    add_values(pair.supervisor, {"CRT-01": 12})
    [second] = imported(pair, export_to(pair.supervisor, tmp_path / "usb2"))
    assert second.warnings == []

    # Back to the copy made before bundle 2 (everything since, audit rows too, is gone), then export.
    pair.supervisor.close()
    pair.district_admin.close()
    restore_backup(tmp_path / "older.zip", pair.district_path, with_password("sana", SUPERVISOR_PASSWORD))
    pair.supervisor = open_session(pair.district_path, "sana", SUPERVISOR_PASSWORD)
    pair.district_admin = open_session(pair.district_path, "admin", ADMIN_PASSWORD)
    assert verify_audit(pair.supervisor).ok
    again = export_to(pair.supervisor, tmp_path / "usb3")
    assert again.name.endswith("-2.mizan")  # the PC makes its bundle 2 again
    [outcome] = imported(pair, again)
    [warning] = outcome.warnings
    # The restore records itself in the audit chain (issue 12, audited restores), so the remade bundle 2 may
    # end at the same entry number as the first one with another digest: then it reads as rewritten.
    assert warning.startswith(f"{DEVICE} 2 (")
    assert ("the PC went back to an older copy of its database" in warning
            or "the audit entries up to" in warning and "which bundle 2 showed, have changed since" in warning)
    [(district, since, kinds)] = [(d["district"], d["since_sequence"], d["kinds"]) for d in verify_audit(pair.clerk).districts]
    assert (district, since) == ("QUETTA", 2) and kinds in (["rolled_back"], ["rewritten"])


def test_a_truncated_audit_log_is_a_rollback(pair: SyncPair, tmp_path: Path):
    """The tail of the log deleted with the key: the chain ends before an entry the centre was shown."""
    add_values(pair.supervisor, {"PRO-01": 41})
    add_values(pair.supervisor, {"CRT-01": 12})
    imported(pair, export_to(pair.supervisor, tmp_path / "usb1"))
    db = connect(pair.district_path, pair.supervisor.db_key)
    with db.atomic():
        for table in ("audit_log", "audit_seals"):
            db.execute(f"DROP TRIGGER {table}_no_delete")
        last = db.execute("SELECT max(id) FROM audit_log").fetchone()[0]
        db.execute("DELETE FROM audit_log WHERE id > ?", [last - 3])
        db.execute("DELETE FROM audit_seals")
        audit.seal(db)
        db.execute("DELETE FROM exports")  # and the PC's record of its bundles, so nothing is left to compare
    db.conn.close()
    [outcome] = imported(pair, export_to(pair.supervisor, tmp_path / "usb2"))
    [warning] = outcome.warnings
    assert warning.startswith(f"{DEVICE} 1 (bundle 1 was made again with another history")


def test_a_malformed_audit_head_is_refused_and_nothing_is_written(pair: SyncPair, tmp_path: Path):
    add_values(pair.supervisor)
    path = export_to(pair.supervisor, tmp_path / "usb1")
    manifest, entries = opened_bundle(pair.clerk, path)
    key = signing_private_key(pair.district_admin)
    before = table_counts(pair.clerk)
    bad_heads = [
        {"head": {"entry": -1, "digest": "0" * 64}, "checkpoints": []},
        {"head": {"entry": 3, "digest": "XYZ"}, "checkpoints": []},
        {"head": {"entry": 3, "digest": "0" * 64}, "checkpoints": [{"bundle": 1, "entry": 2, "digest": "0" * 64}]},
        {"head": {"entry": 3, "digest": "0" * 64}, "checkpoints": [], "extra": 1},
        {"head": {"entry": 3, "digest": "0" * 64},
         "checkpoints": [{"bundle": 1, "entry": 2, "digest": "0" * 64}] * (MAX_CHECKPOINTS + 1)},
    ]
    for number, bad in enumerate(bad_heads):
        crafted = write_zip_bundle(resigned(zip_entries_of(pair, path), key, audit=bad, sequence=1),
                                   pair.recipient, tmp_path / f"bad-{number}.mizan")
        [outcome] = import_bundles(pair.clerk, [crafted])
        assert (outcome.status, outcome.reason) == (
            "rejected", f"bad-{number}.mizan: the manifest's audit head is malformed."), bad
    assert {table: count for table, count in table_counts(pair.clerk).items() if table != "import_refusals"} == {
        table: count for table, count in before.items() if table != "import_refusals"}
    assert manifest["audit"]["head"]["entry"] > 0 and entries


def zip_entries_of(pair: SyncPair, path: Path) -> list[tuple[str, bytes]]:
    import pyrage

    from sync.keys import age_identities

    return zip_entries(pyrage.decrypt(path.read_bytes(), age_identities(pair.clerk)))


def test_restoring_the_centre_from_an_older_backup_keeps_the_district_named(pair: SyncPair, tmp_path: Path):
    """The centre's own rollback must not forget a finding or what the district showed first."""
    add_values(pair.supervisor, {"PRO-01": 41})
    imported(pair, export_to(pair.supervisor, tmp_path / "usb1"))
    backup_now(pair.clerk, tmp_path / "centre-before.zip")  # before the finding and bundle 2's anchor
    rewrite_and_reseal(pair.district_path, pair.supervisor.db_key, actor="omar")
    add_values(pair.supervisor, {"CRT-01": 12})
    [second] = imported(pair, export_to(pair.supervisor, tmp_path / "usb2"))
    assert second.warnings
    anchors = pair.clerk.db.execute("SELECT * FROM audit_anchors ORDER BY bundle_sequence").fetchall()
    pair.clerk.close()
    restore_backup(tmp_path / "centre-before.zip", pair.centre_path, with_password("clara", CLERK_PASSWORD))
    pair.clerk = open_session(pair.centre_path, "clara", CLERK_PASSWORD)
    assert [(d["district"], d["since_sequence"]) for d in verify_audit(pair.clerk).districts] == [("QUETTA", 1)]
    assert pair.clerk.db.execute("SELECT * FROM audit_anchors ORDER BY bundle_sequence").fetchall() == anchors
    add_values(pair.supervisor, {"CRT-01": 13})
    [third] = imported(pair, export_to(pair.supervisor, tmp_path / "usb3"))
    assert third.warnings and third.warnings[0].startswith(f"{DEVICE} 1 ")


# -- an honest district ------------------------------------------------------------------------------------


def test_an_honest_district_is_never_named_whatever_order_its_bundles_arrive_in(
        pair: SyncPair, tmp_path: Path, monkeypatch, capsys):
    paths = []
    for number in range(4):
        add_values(pair.supervisor, {"PRO-01": 40 + number})
        paths.append(export_to(pair.supervisor, tmp_path / f"usb{number}"))
    manifest, _ = opened_bundle(pair.clerk, paths[3])
    head, digests = audit.chain_digests(pair.supervisor.db, [])
    exports = pair.supervisor.db.execute("SELECT sequence, audit_entry, audit_digest FROM exports ORDER BY sequence")
    exports = exports.fetchall()
    assert manifest["audit"]["checkpoints"] == [{"bundle": s, "entry": e, "digest": d} for s, e, d in exports[:3]]
    assert manifest["audit"]["head"] == {"entry": exports[3][1], "digest": exports[3][2]}
    assert exports[3][1] <= head.entry

    outcomes = imported(pair, paths[3], paths[1], paths[0], paths[2])  # a lost stick found later
    assert [o.warnings for o in outcomes] == [[], [], [], []]
    assert [o.status for o in import_bundles(pair.clerk, [paths[2]])] == ["duplicate"]
    # Receipts move the baseline; the chain goes on growing; still nothing to report.
    (tmp_path / "receipts").mkdir()
    write_receipts(pair.clerk, tmp_path / "receipts")
    import_receipt(pair.supervisor, next((tmp_path / "receipts").iterdir()))
    add_values(pair.supervisor, {"CRT-01": 9})
    [fifth] = imported(pair, export_to(pair.supervisor, tmp_path / "usb5"))
    assert fifth.warnings == []
    assert verify_audit(pair.clerk).ok and verify_audit(pair.clerk).districts == []
    assert verify_audit(pair.supervisor).ok
    code, output = centre_audit_verify(pair, monkeypatch, capsys)
    assert code == 0 and output.startswith("Audit log intact: ") and "District" not in output


def test_chain_digests_are_the_seals_of_an_untouched_chain(pair: SyncPair):
    add_values(pair.supervisor, {"PRO-01": 41})
    add_values(pair.supervisor, {"CRT-01": 12})
    seals = pair.supervisor.db.execute("SELECT last_audit_id, head FROM audit_seals").fetchall()
    head, digests = audit.chain_digests(pair.supervisor.db, [entry for entry, _ in seals] + [0, 10**9])
    assert {entry: digests[entry] for entry, _ in seals} == dict(seals)
    assert digests[0] == audit.GENESIS and digests[10**9] == head.digest == seals[-1][1]
    assert head.entry == seals[-1][0]


# -- low: a bundle made for a retired centre key -----------------------------------------------------------


def test_a_bundle_made_for_a_retired_centre_key_imports_with_a_warning_naming_the_district(
        pair: SyncPair, tmp_path: Path, monkeypatch, capsys):
    centre_admin = open_session(pair.centre_path, "admin", ADMIN_PASSWORD)
    try:
        new = rotate_centre_key(centre_admin)
        export_key_file(centre_admin, tmp_path / "centre-new.key")
    finally:
        centre_admin.close()
    retired_on = pair.clerk.db.execute("SELECT retired_at FROM secret_keys WHERE name LIKE 'age:%'").fetchone()[0]
    add_values(pair.supervisor)
    old_key_bundle = export_to(pair.supervisor, tmp_path / "usb1")  # the office still trusts the old key
    monkeypatch.setenv("MIZAN_PASSWORD", CLERK_PASSWORD)
    assert main(["--db", str(pair.centre_path), "--user", "clara", "import", str(old_key_bundle), "--json"]) == 0
    [shown] = json.loads(capsys.readouterr().out)["bundles"]
    expected = (f"{old_key_bundle.name}: district QUETTA, PC 'Quetta DPO', made this bundle for the centre key "
                f"retired on {retired_on[:10]}. Whoever holds that old key can read it. Give the office the centre's "
                "new key file (they import it with --replace) and, if the old key may have leaked, find out who "
                "carried this PC's bundles.")
    assert (shown["status"], shown["warnings"]) == ("imported", [expected])
    assert bundle_warnings(pair.clerk, shown["bundle_id"]) == [expected]

    trust_centre(pair.district_admin, tmp_path / "centre-new.key", new.fingerprint, replace=True)
    add_values(pair.supervisor, {"CRT-01": 3})
    [outcome] = imported(pair, export_to(pair.supervisor, tmp_path / "usb2"))
    assert outcome.warnings == []


# -- the screens ---------------------------------------------------------------------------------------------


def test_the_import_screen_and_the_audit_screen_name_the_rewritten_district(qtbot, pair: SyncPair, tmp_path: Path):
    add_values(pair.supervisor, {"PRO-01": 41})
    imported(pair, export_to(pair.supervisor, tmp_path / "usb1"))
    audit_screen = on_screen(qtbot, AuditScreen(pair.clerk))
    audit_screen.refresh()
    assert audit_screen.alarm.isHidden()

    rewrite_and_reseal(pair.district_path, pair.supervisor.db_key, actor="omar")
    add_values(pair.supervisor, {"CRT-01": 12})
    second = export_to(pair.supervisor, tmp_path / "usb2")
    screen = on_screen(qtbot, ImportScreen(pair.clerk))
    screen.import_paths([second])
    qtbot.waitUntil(lambda: not screen.busy, timeout=30000)
    [outcome] = screen.model.outcomes
    assert screen.model.index(0, ImportResultsModel.STATUS).data() == "imported, with a warning"
    assert screen.model.index(0, ImportResultsModel.REASON).data() == outcome.warnings[0]
    assert screen.summary.text().endswith("1 came with a warning about its district: select its row and read it.")
    screen.table.selectRow(0)
    assert outcome.warnings[0].startswith(DEVICE + " 1 ") and outcome.warnings[0] in screen.details.text()

    audit_screen.refresh()
    assert audit_screen.alarm.isVisible()
    assert audit_screen.alarm.text().startswith("Audit alarm: district PCs whose audit history was rewritten or "
                                                "rolled back after the centre was shown it (1):\n" + DEVICE + " 1 ")
    audit_screen.check_chain()
    qtbot.waitUntil(lambda: audit_screen.verdict.text().startswith("The audit log is intact"), timeout=30000)
    assert audit_screen.alarm.isVisible() and "District QUETTA, PC 'Quetta DPO'" in audit_screen.alarm.text()
