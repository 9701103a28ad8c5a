"""The catalogue becomes data (issue 14): the centre loads a new catalogue, its update carries it to a
district, which enters a new indicator; the centre imports and reports it. A catalogue that drops a code is
refused; an office that has not applied the newest catalogue still exports and imports cleanly."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from main import main
from storage.core.catalogues import stored_sequence
from storage.errors import PermissionDenied, UsageError
from storage.records.catalogue_admin import load_catalogue_folder
from storage.records.values import list_indicator_values, save_indicator_values
from storage.reports.build import progress_report
from storage.validation import ValueInput
from sync.importer import import_bundles
from sync.updates import export_update, import_update
from tests.conftest import ADMIN_PASSWORD, table_counts
from tests.sync_helpers import SyncPair, add_desk_cases, add_values, export_to, make_pair, sign_in

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "docs" / "examples" / "catalogue-v2"


@pytest.fixture
def pair(tmp_path: Path):
    built = make_pair(tmp_path)
    yield built
    built.close()


@pytest.fixture
def centre_admin(pair: SyncPair):
    session = sign_in(pair.centre_path, "admin")
    yield session
    session.close()


def test_the_example_catalogue_goes_from_the_centre_to_a_district_and_back(pair: SyncPair, centre_admin, tmp_path,
                                                                          monkeypatch, capsys):
    monkeypatch.setenv("MIZAN_PASSWORD", ADMIN_PASSWORD)
    before = table_counts(centre_admin)
    assert main(["--db", str(pair.centre_path), "--user", "admin", "catalogue", "load", str(EXAMPLE), "--dry-run",
                 "--json"]) == 0
    dry = json.loads(capsys.readouterr().out)
    assert (dry["from"], dry["to"], dry["added"], dry["retired"]) == (
        "2026.12.1", "2027.1.1", ["CRT-08", "PRO-07", "PRO-08", "PRS-08"], [])
    assert dry["changed"] == ["POL-01", "POL-02", "POL-03", "POL-08"]  # the Levies series note
    assert table_counts(centre_admin) == before
    assert main(["--db", str(pair.centre_path), "--user", "admin", "catalogue", "load", str(EXAMPLE)]) == 0
    assert capsys.readouterr().out.startswith("Loaded catalogue 2027.1.1 (was 2026.12.1): added CRT-08, PRO-07")

    # The clerk's next update carries it; the district works with it once applied.
    clerk = sign_in(pair.centre_path, "clara")
    try:
        assert clerk.catalogue.version == "2027.1.1" and "PRO-07" in clerk.catalogue.indicators
        (tmp_path / "usb").mkdir()
        update = export_update(clerk, tmp_path / "usb")
        assert update.contents["catalogue"] == 2
        report = import_update(pair.supervisor, update.path)
        assert report["catalogue"] == {"from": "2026.12.1", "to": "2027.1.1",
                                       "added": ["CRT-08", "PRO-07", "PRO-08", "PRS-08"],
                                       "changed": ["POL-01", "POL-02", "POL-03", "POL-08"], "retired": [],
                                           "thresholds": {}, "rules_added": ["PRS-TRAINED"], "rules_changed": [],
                                           "rules_removed": []}
        # The new rule (rules.csv) reached the district with the catalogue, without a new executable.
        assert "PRS-TRAINED" in {rule.code for rule in pair.supervisor.catalogue.rules}
        assert pair.supervisor.catalogue.version == "2027.1.1"
        save_indicator_values(pair.supervisor, [ValueInput("PRO-07", "QUETTA", "2026", numerator=6, denominator=40)])
        [outcome] = import_bundles(clerk, [export_to(pair.supervisor, tmp_path / "back")])
        assert (outcome.status, outcome.counts["quarantined"]) == ("imported", 0)
        stored = [v for v in list_indicator_values(clerk, district="QUETTA") if v["indicator"] == "PRO-07"]
        assert [(v["period"], v["numerator"], v["denominator"]) for v in stored] == [("2026", 6, 40)]
        every = next(t.frame for t in progress_report(clerk, 2026, districts=["QUETTA"]).tables
                     if t.caption == "Every indicator")
        assert every.set_index("indicator").loc["PRO-07", "figure"] == 15.0
    finally:
        clerk.close()
    # A new sign-in at the district works with the catalogue it holds.
    again = sign_in(pair.district_path, "sana")
    try:
        assert again.catalogue.version == "2027.1.1" and stored_sequence(again.db) == 2
    finally:
        again.close()


def test_an_office_on_the_older_catalogue_still_imports(pair: SyncPair, centre_admin, tmp_path):
    load_catalogue_folder(centre_admin, EXAMPLE)
    add_values(pair.supervisor)  # made with the shipped catalogue: the update has not reached it
    [outcome] = import_bundles(pair.clerk, [export_to(pair.supervisor, tmp_path / "usb")])
    assert (outcome.status, outcome.counts["quarantined"]) == ("imported", 0)


def test_a_catalogue_that_drops_a_code_or_keeps_the_version_is_refused(pair: SyncPair, centre_admin, tmp_path):
    dropped = tmp_path / "dropped"
    shutil.copytree(EXAMPLE, dropped)
    lines = (dropped / "indicators.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    (dropped / "indicators.csv").write_text("".join(line for line in lines if not line.startswith("LEV-01,")),
                                            encoding="utf-8")
    before = table_counts(centre_admin)
    with pytest.raises(UsageError) as refused:
        load_catalogue_folder(centre_admin, dropped)
    assert str(refused.value) == ("The new catalogue drops LEV-01. A code is never removed, since figures were "
                                  "recorded under it: retire it with a valid_to date instead.")
    (dropped / "indicators.csv").write_text("".join(lines), encoding="utf-8")
    (dropped / "catalogue_version.txt").write_text("2026.12.1\n", encoding="utf-8")
    with pytest.raises(UsageError) as same:
        load_catalogue_folder(centre_admin, dropped)
    assert str(same.value).startswith("The catalogue's version is '2026.12.1', as the one in use")
    (dropped / "catalogue_version.txt").write_text("2027.9.9\n", encoding="utf-8")
    (dropped / "indicators.csv").write_text("".join(lines).replace(",percent,women prosecutors", ",share,women prosecutors"),
                                            encoding="utf-8")
    with pytest.raises(UsageError) as unreadable:
        load_catalogue_folder(centre_admin, dropped)
    assert str(unreadable.value) == ("The catalogue cannot be read: resources/indicators.csv: PRO-07 has an unknown "
                                     "category, unit, institution or entered_at")
    (dropped / "indicators.csv").write_text("".join(lines), encoding="utf-8")
    # A threshold may be tuned, never turned off: an outlier window of 0 periods is refused.
    (dropped / "thresholds.csv").write_text("name,value,note\noutlier_window,0,\n", encoding="utf-8")
    with pytest.raises(UsageError) as off:
        load_catalogue_folder(centre_admin, dropped)
    assert str(off.value) == ("The catalogue cannot be read: thresholds.csv: outlier_window '0' is not a number "
                              "from 3 to 36")
    assert table_counts(centre_admin) == before
    with pytest.raises(PermissionDenied):
        load_catalogue_folder(pair.clerk, EXAMPLE)
    with pytest.raises(UsageError) as district:
        load_catalogue_folder(pair.district_admin, EXAMPLE)
    assert str(district.value) == ("The catalogue is changed at the provincial centre; it reaches this office in a "
                                   "centre update.")


def test_an_update_may_retire_an_indicator_that_has_values_and_history_stays(pair: SyncPair, centre_admin, tmp_path):
    add_values(pair.supervisor, {"PRO-01": 41})
    retiring = tmp_path / "retire"
    shutil.copytree(EXAMPLE, retiring)
    text = (retiring / "indicators.csv").read_text(encoding="utf-8")
    line = next(line for line in text.splitlines() if line.startswith("PRO-01,"))
    fields = line.split(",")
    fields[13] = "2026-12-31"  # valid_to
    (retiring / "indicators.csv").write_text(text.replace(line, ",".join(fields)), encoding="utf-8")
    assert load_catalogue_folder(centre_admin, retiring)["retired"] == ["PRO-01"]
    (tmp_path / "usb").mkdir()
    # pair.clerk signed in before the admin loaded it: the update takes the catalogue from the database.
    update = export_update(pair.clerk, tmp_path / "usb")
    assert update.catalogue_version == "2027.1.1"
    report = import_update(pair.supervisor, update.path)
    assert report["catalogue"]["retired"] == ["PRO-01"]
    assert [v["value"] for v in list_indicator_values(pair.supervisor) if v["indicator"] == "PRO-01"] == [41]


def test_each_record_keeps_the_catalogue_it_was_entered_under(pair: SyncPair, centre_admin, tmp_path):
    add_values(pair.supervisor, {"PRO-01": 41})  # under the shipped catalogue
    load_catalogue_folder(centre_admin, EXAMPLE)
    (tmp_path / "usb").mkdir()
    import_update(pair.supervisor, export_update(pair.clerk, tmp_path / "usb").path)
    add_values(pair.supervisor, {"CRT-01": 12})  # under the one the update brought
    add_desk_cases(pair.supervisor, 1)

    district_values = dict(pair.supervisor.db.execute("SELECT indicator, catalogue_version FROM indicator_values"))
    assert district_values == {"PRO-01": "2026.12.1", "CRT-01": "2027.1.1"}
    [outcome] = import_bundles(pair.clerk, [export_to(pair.supervisor, tmp_path / "back")])
    assert (outcome.status, outcome.counts["quarantined"]) == ("imported", 0)
    centre_values = dict(pair.clerk.db.execute(
        "SELECT indicator, catalogue_version FROM indicator_values WHERE district = 'QUETTA'"))
    assert centre_values == district_values
    assert pair.clerk.db.execute("SELECT catalogue_version FROM desk_cases").fetchall() == [("2027.1.1",)]


def test_a_record_claiming_a_catalogue_the_centre_never_issued_is_kept_aside(pair: SyncPair, tmp_path):
    # The district's own signed bundle, from a database altered by hand: the claim is checked, not trusted.
    add_values(pair.supervisor, {"PRO-01": 41, "CRT-01": 12})
    with pair.supervisor.write() as db:
        db.execute("UPDATE indicator_values SET catalogue_version = '2099.1.1' WHERE indicator = 'PRO-01'")
    [outcome] = import_bundles(pair.clerk, [export_to(pair.supervisor, tmp_path / "usb")])
    assert (outcome.status, outcome.counts["quarantined"]) == ("imported", 1)
    reasons = pair.clerk.db.execute("SELECT reasons FROM quarantine").fetchone()[0]
    assert ("The record says it was entered under catalogue 2099.1.1, which this centre never issued. It was kept "
            "aside for review.") in reasons
    assert [row[0] for row in pair.clerk.db.execute("SELECT indicator FROM indicator_values")] == ["CRT-01"]
