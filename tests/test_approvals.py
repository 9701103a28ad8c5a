"""Approval with return and comment (issue 14): a district submits a data set, the centre approves it or
returns it with a question, and the decision travels back in the next centre update. An approved data set is
locked for every role on both sides; a bundle that brings new figures for it is kept aside at the centre."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from main import main
from storage.errors import PermissionDenied, UsageError, ValidationFailed
from storage.records.approvals import data_set_states, decide, state_of
from storage.records.completion import locked_data_sets, set_complete
from storage.records.values import list_indicator_values, save_indicator_values
from storage.reports.build import build_report, completeness_report, progress_report, trend_report
from storage.validation import ValueInput
from storage.views.entry_sheet import submit_sheet
from sync.importer import import_bundles
from sync.schema import SPECS, shape_problem
from sync.updates import export_update, import_update
from tests.conftest import CLERK_PASSWORD, SUPERVISOR_PASSWORD, table_counts
from tests.sync_helpers import SyncPair, add_values, export_to, last_month, make_pair, sign_in

INSTITUTION = "prosecution"  # PRO-01's


@pytest.fixture
def pair(tmp_path: Path):
    built = make_pair(tmp_path)
    yield built
    built.close()


def state(session, district: str = "QUETTA", period: str | None = None) -> str:
    period = period or last_month()
    found = [s for s in data_set_states(session, district, period) if s.institution == INSTITUTION]
    return found[0].state if found else "open"


class Trip:
    """Bundles to the centre and updates back, each on its own folder."""

    def __init__(self, pair: SyncPair) -> None:
        self.pair, self.count = pair, 0

    def folder(self) -> Path:
        self.count += 1
        folder = self.pair.folder / f"trip-{self.count}"
        folder.mkdir()
        return folder

    def to_centre(self) -> list:
        outcomes = import_bundles(self.pair.clerk, [export_to(self.pair.supervisor, self.folder())])
        assert [o.status for o in outcomes] == ["imported"], [o.as_dict() for o in outcomes]
        return outcomes

    def back(self) -> dict:
        return import_update(self.pair.supervisor, export_update(self.pair.clerk, self.folder()).path)


def test_state_is_one_rule_of_the_two_records():
    assert state_of(False, None, None, None) == "open"
    assert state_of(True, None, None, None) == "complete"
    assert state_of(True, "t1", None, None) == "submitted"
    assert state_of(True, "t1", "approved", "t1") == "approved"
    assert state_of(False, None, "approved", "t1") == "approved"  # withdrawn before the update arrived
    assert state_of(True, "t2", "approved", "t1") == "approved"  # changed before the update arrived
    assert state_of(True, "t1", "returned", "t1") == "returned"
    assert state_of(True, "t1", "reopened", "t1") == "returned"
    assert state_of(True, "t2", "returned", "t1") == "submitted"  # submitted again: a new decision is due
    assert state_of(False, None, "returned", "t1") == "open"  # the supervisor withdrew it


def test_submit_approve_and_the_lock_on_both_sides(pair: SyncPair, monkeypatch, capsys):
    period = last_month()
    add_values(pair.supervisor)
    monkeypatch.setenv("MIZAN_PASSWORD", SUPERVISOR_PASSWORD)
    assert main(["--db", str(pair.district_path), "--user", "sana", "submit", "--institution", INSTITUTION,
                 "--period", period]) == 0
    assert capsys.readouterr().out.startswith(f"Submitted {INSTITUTION} {period}")
    assert state(pair.supervisor) == "submitted"
    trip = Trip(pair)
    trip.to_centre()
    assert state(pair.clerk) == "submitted"  # the same state computed at the centre from the same records

    monkeypatch.setenv("MIZAN_PASSWORD", CLERK_PASSWORD)
    assert main(["--db", str(pair.centre_path), "--user", "clara", "approve", "--district", "QUETTA",
                 "--institution", INSTITUTION, "--period", period, "--json"]) == 0
    decided = json.loads(capsys.readouterr().out)
    assert (decided["state"], decided["decided_by"], decided["reason"]) == ("approved", "clara", None)
    # Locked at the centre for its clerk too.
    with pytest.raises(ValidationFailed) as refused:
        save_indicator_values(pair.clerk, [ValueInput("PRO-01", "QUETTA", period, value=50, comment="late fix")])
    day = decided["decided_at"][:10]
    assert [(i.rule, i.message) for i in refused.value.issues] == [(
        "IV_APPROVED", f"The Prosecution data set for QUETTA {period} was approved on {day} by clara. "
                       "Ask the centre to reopen it.")]

    report = trip.back()
    assert report["approvals"] == {"approved": 1, "returned": 0}
    assert state(pair.supervisor) == "approved"
    before = table_counts(pair.supervisor)
    with pytest.raises(ValidationFailed) as refused:
        save_indicator_values(pair.supervisor, [ValueInput("PRO-01", "QUETTA", period, value=50, comment="late")])
    assert refused.value.issues[0].rule == "IV_APPROVED"
    with pytest.raises(UsageError) as reopen:
        set_complete(pair.supervisor, "QUETTA", INSTITUTION, period, False)
    assert str(reopen.value) == (f"The {INSTITUTION} data set of QUETTA for {period} was approved on {day} by clara: "
                                 "ask the centre to reopen it.")
    assert table_counts(pair.supervisor) == before
    # A cumulative bundle bringing the approved figures again changes nothing and is not kept aside.
    [again] = trip.to_centre()
    assert again.counts["quarantined"] == 0


def test_return_with_a_reason_reopens_the_set_for_operators_until_submitted_again(pair: SyncPair):
    period = last_month()
    add_values(pair.supervisor)
    submit_sheet(pair.supervisor, "QUETTA", INSTITUTION, period)
    assert ("QUETTA", INSTITUTION, period) in locked_data_sets(pair.supervisor)
    trip = Trip(pair)
    trip.to_centre()
    with pytest.raises(UsageError) as no_reason:
        decide(pair.clerk, "QUETTA", INSTITUTION, period, "returned")
    assert str(no_reason.value) == "Say why, with --reason: the district office reads it on its dashboard."
    decide(pair.clerk, "QUETTA", INSTITUTION, period, "returned", "PRO-01 is half of last month: check the register")
    assert trip.back()["approvals"] == {"approved": 0, "returned": 1}
    [returned] = [s for s in data_set_states(pair.supervisor, "QUETTA", period) if s.institution == INSTITUTION]
    assert (returned.state, returned.reason) == ("returned", "PRO-01 is half of last month: check the register")
    assert ("QUETTA", INSTITUTION, period) not in locked_data_sets(pair.supervisor)
    operator = sign_in(pair.district_path, "omar")
    try:
        save_indicator_values(operator, [ValueInput("PRO-01", "QUETTA", period, value=82, comment="register checked")])
    finally:
        operator.close()
    submit_sheet(pair.supervisor, "QUETTA", INSTITUTION, period)
    assert state(pair.supervisor) == "submitted"
    trip.to_centre()
    assert state(pair.clerk) == "submitted"
    decide(pair.clerk, "QUETTA", INSTITUTION, period, "approved")
    trip.back()
    assert state(pair.supervisor) == state(pair.clerk) == "approved"
    # Reopened by the centre, with its reason: it reads as returned on both sides.
    with pytest.raises(UsageError):
        decide(pair.clerk, "QUETTA", INSTITUTION, period, "reopened")
    decide(pair.clerk, "QUETTA", INSTITUTION, period, "reopened", "The court registry sent corrected figures")
    trip.back()
    assert state(pair.supervisor) == state(pair.clerk) == "returned"


def test_only_a_submitted_set_is_decided(pair: SyncPair):
    period = last_month()
    with pytest.raises(UsageError) as refused:
        decide(pair.clerk, "QUETTA", INSTITUTION, period, "approved")
    assert str(refused.value) == (f"The {INSTITUTION} data set of QUETTA for {period} is open; only a submitted data "
                                  "set can be approved.")
    with pytest.raises(PermissionDenied) as denied:
        decide(pair.supervisor, "QUETTA", INSTITUTION, period, "approved")
    assert "may not approve or return data sets" in str(denied.value)


def test_a_district_that_edits_an_approved_set_before_the_update_arrives_is_kept_aside(pair: SyncPair):
    """The attack: figures for an approved set, changed at the district and signed into a bundle. The centre
    keeps them aside with the reason and its figure stands (before: merged silently)."""
    period = last_month()
    add_values(pair.supervisor)
    submit_sheet(pair.supervisor, "QUETTA", INSTITUTION, period)
    trip = Trip(pair)
    trip.to_centre()
    decided = decide(pair.clerk, "QUETTA", INSTITUTION, period, "approved")
    # The district has not applied the update: it reopens its own set and changes a figure.
    set_complete(pair.supervisor, "QUETTA", INSTITUTION, period, False)
    save_indicator_values(pair.supervisor, [ValueInput("PRO-01", "QUETTA", period, value=99, comment="changed")])
    [outcome] = trip.to_centre()
    assert outcome.counts["quarantined"] == 2  # the figure and the withdrawn completion
    reasons = [json.loads(r[0]) for r in pair.clerk.db.execute("SELECT reasons FROM quarantine")]
    assert {problem["rule"] for found in reasons for problem in found} == {"IV_APPROVED"}
    assert any(problem["message"] == (f"The Prosecution data set for QUETTA {period} was approved on "
                                      f"{decided.decided_at[:10]} by clara. Ask the centre to reopen it.")
               for found in reasons for problem in found)
    centre_value = [v for v in list_indicator_values(pair.clerk, period=period) if v["indicator"] == "PRO-01"]
    assert [v["value"] for v in centre_value] == [41]
    assert state(pair.clerk) == "approved"


def test_a_bundle_of_a_mizan_before_approvals_still_reads():
    record = {"district": "QUETTA", "institution": INSTITUTION, "period": "2026-10", "complete": 1,
              "marked_by": "sana", "marked_at": "2026-11-02T10:00:00.000Z", "uuid": "u", "hlc": "h",
              "origin_device": "d", "deleted": 0}
    assert shape_problem(SPECS["completions"], record, minimal_tombstone_ok=False) is None
    assert record["submitted_at"] is None


def test_reports_with_approved_only_leave_out_what_the_centre_has_not_approved(pair: SyncPair, tmp_path):
    period = last_month()
    add_values(pair.supervisor, {"PRO-01": 41, "CRT-01": 12})  # prosecution and courts
    submit_sheet(pair.supervisor, "QUETTA", INSTITUTION, period)
    submit_sheet(pair.supervisor, "QUETTA", "courts", period)
    Trip(pair).to_centre()
    decide(pair.clerk, "QUETTA", INSTITUTION, period, "approved")  # courts stays submitted
    year = int(period[:4])

    def figures(report) -> dict:
        every = next(table.frame for table in report.tables if table.caption == "Every indicator")
        return {(row["indicator"], row["district"]): row["figure"] for _, row in every.iterrows()}

    everything = figures(progress_report(pair.clerk, year, districts=["QUETTA"]))
    approved = figures(progress_report(pair.clerk, year, districts=["QUETTA"], approved_only=True))
    assert everything[("PRO-01", "QUETTA")] == approved[("PRO-01", "QUETTA")] == 41
    assert everything[("CRT-01", "QUETTA")] == 12 and ("CRT-01", "QUETTA") not in approved
    # The full report marks what it holds that the centre has not approved.
    every = next(table.frame for table in progress_report(pair.clerk, year, districts=["QUETTA"]).tables
                 if table.caption == "Every indicator").set_index("indicator")
    assert (every.loc["PRO-01", "unapproved"], every.loc["CRT-01", "unapproved"]) == (0, 1)
    trend = trend_report(pair.clerk, ["PRO-01", "CRT-01"], ["QUETTA"], period=period, approved_only=True)
    by_code = {table.name: table.frame for table in trend.tables}
    assert list(by_code["trend-PRO-01"][period]) == [41]
    assert by_code["trend-CRT-01"][period].isna().all()
    completeness = completeness_report(pair.clerk, period=period, districts=["QUETTA"])
    states = next(table.frame for table in completeness.tables if table.caption == "Data sets and their approval")
    assert sorted(zip(states["institution"], states["state"], strict=True)) == [
        ("Courts", "submitted"), ("Prosecution", "approved")]
    with pytest.raises(UsageError) as refused:
        build_report(pair.clerk, "desk", year=year, approved_only=True)
    assert str(refused.value) == ("The desk report counts case records, which no data set approves: it has no "
                                  "--approved-only.")
