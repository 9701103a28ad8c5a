"""The demo generator: deterministic, valid by the one engine, consistent, and refused to operators."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from collections import defaultdict
from pathlib import Path

import pytest

from storage.core import audit
from storage.core.session import Session, create_database
from storage.errors import PermissionDenied, UsageError
from storage.records.desk import CASE_FIELDS, PKM_FIELDS, case_identity, case_notes
from storage.records.targets import list_targets
from storage.records.users import add_user
from storage.records.values import list_indicator_values
from storage.reference.catalogue import TOTAL_CELL, load_catalogue
from storage.reference.periods import period_containing, shift
from storage.reports.desk_indicators import desk_indicator_values
from storage.tools.demo import DistrictFigures, demo_case, demo_plan, generate_demo
from storage.tools.revalidate import revalidate
from storage.validation import CNIC_PATTERN, MOBILE_PATTERN, ValueContext, ValueInput, check_values, classify
from tests.conftest import table_counts

LAST_MONTH = shift(period_containing("monthly", dt.date.today()), -1)


def desk_snapshot(session: Session) -> dict[str, list[tuple]]:
    """Every stored desk figure, date and code, without uuids, versions or entry times."""
    cases = session.db.execute(
        f"SELECT {', '.join(CASE_FIELDS)} FROM desk_cases WHERE deleted = 0 ORDER BY case_number").fetchall()
    perpetrators = session.db.execute(
        "SELECT c.case_number, p.relationship, p.sex, p.age_group FROM desk_case_perpetrators p "
        "JOIN desk_cases c ON c.uuid = p.case_uuid ORDER BY 1, 2, 3, 4").fetchall()
    services = session.db.execute(
        "SELECT c.case_number, s.service, s.status, s.date, s.fir_number FROM desk_case_services s "
        "JOIN desk_cases c ON c.uuid = s.case_uuid ORDER BY 1, 2").fetchall()
    reader = dataclasses.replace(session, role="supervisor")  # identities are sealed: opened with the key
    identities = [(number, case_identity(reader, case_uuid), case_notes(reader, case_uuid)) for number, case_uuid in
                  session.db.execute("SELECT case_number, uuid FROM desk_cases ORDER BY 1").fetchall()]
    requests = session.db.execute(
        f"SELECT {', '.join(PKM_FIELDS)} FROM pkm_requests ORDER BY {', '.join(PKM_FIELDS)}").fetchall()
    return {"cases": cases, "perpetrators": perpetrators, "services": services, "identities": identities,
            "requests": requests}


def second_district_session(tmp_path: Path) -> Session:
    session, _ = create_database(tmp_path / "second.db", role="district", district="QUETTA", admin="admin",
                                 password="admin-pass-2")
    # A supervisor makes the identity key, which the creating session holds: the demo seals its identities.
    add_user(session, "sana", "supervisor", "supervisor-pass-2")
    return session


def test_same_seed_same_data_and_another_seed_other_data(supervisor, tmp_path):
    first = generate_demo(supervisor, seed=7, months=3, until=LAST_MONTH)
    second_session = second_district_session(tmp_path)
    try:
        second = generate_demo(second_session, seed=7, months=3, until=LAST_MONTH)
        assert first == second
        assert list_indicator_values(supervisor) == list_indicator_values(second_session)
        assert list_targets(supervisor) == list_targets(second_session)
        assert desk_snapshot(supervisor) == desk_snapshot(second_session)
    finally:
        second_session.close()

    # Another seed, other figures and other cases (drawn without a database: the generators are pure).
    plan = demo_plan(3, LAST_MONTH, dt.date.today())
    catalogue = load_catalogue()

    def figures(seed: int) -> list[tuple]:
        rows = DistrictFigures(catalogue, "QUETTA", plan, random.Random(f"mizan-demo:{seed}:district:QUETTA"))
        return [(row.indicator, row.period, row.cell, row.value, row.numerator, row.denominator)
                for row in rows.value_inputs()]

    def case(seed: int) -> tuple:
        return demo_case(random.Random(seed), catalogue, "QTA-CITY", "QUETTA", plan.until.start, plan.today)

    assert figures(7) == figures(7) and figures(7) != figures(8)
    assert case(7) == case(7) and case(7) != case(8)


def test_demo_passes_the_validation_engine_and_every_cell_adds_up(supervisor):
    counts = generate_demo(supervisor, seed=2, months=3)
    assert all(count > 0 for count in counts.values()), counts
    assert revalidate(supervisor) == []
    assert audit.verify(supervisor.db).ok
    catalogue = load_catalogue()
    groups: dict[tuple[str, str, str], dict[str, dict]] = defaultdict(dict)
    for value in list_indicator_values(supervisor):
        groups[(value["indicator"], value["district"], value["period"])][value["cell"]] = value
    assert groups
    for (code, district, period), cells in groups.items():
        indicator = catalogue.indicators[code]
        assert indicator.source == "entry"
        assert TOTAL_CELL in cells, (code, district, period)
        expected = set(catalogue.cells(code))
        parts = [cell for name, cell in cells.items() if name != TOTAL_CELL]
        if not indicator.categories:
            assert set(cells) == {TOTAL_CELL}
            continue
        if indicator.has_fraction:
            # A cell with nobody in it (0/0) is left out, as the engine asks; the rest add up exactly.
            assert set(cells) <= expected
            assert sum(cell["numerator"] for cell in parts) == cells[TOTAL_CELL]["numerator"]
            assert sum(cell["denominator"] for cell in parts) == cells[TOTAL_CELL]["denominator"]
            assert all(cell["numerator"] <= cell["denominator"] or indicator.may_exceed_100 for cell in parts)
        else:
            assert set(cells) == expected, (code, period)
            assert sum(cell["value"] for cell in parts) == cells[TOTAL_CELL]["value"], (code, period)


def test_a_year_shows_the_roadmap_trends_and_only_outliers_carry_a_comment(supervisor):
    generate_demo(supervisor, seed=4, months=12, until=LAST_MONTH)
    stored = list_indicator_values(supervisor)
    totals = {(v["indicator"], v["period"]): v for v in stored if v["cell"] == TOTAL_CELL}
    plan = demo_plan(12, LAST_MONTH, dt.date.today())
    first, last = [month.code for month in plan.months[:3]], [month.code for month in plan.months[-3:]]

    def rate(code: str, periods: list[str]) -> float:
        rows = [totals[(code, period)] for period in periods]
        return 100 * sum(row["numerator"] for row in rows) / sum(row["denominator"] for row in rows)

    assert rate("PRO-04", first) < rate("PRO-04", last)  # conviction rate rising
    assert 30 <= rate("PRO-04", last) <= 50
    assert rate("PRS-02", first) > rate("PRS-02", last)  # under-trial share falling
    # The population (REF-01) is the centre's to enter: a district's demo leaves it out.
    assert not [code for code, _ in totals if code == "REF-01"]

    # Month-to-month variation is modest, and exactly the rows the engine's outlier rule flags (and no
    # others) carry a "demo: unusual ..." comment.
    commented = {(v["indicator"], v["period"], v["cell"]) for v in stored if v["comment"]}
    assert all(v["comment"].startswith("demo: unusual") for v in stored if v["comment"])
    assert len(commented) < 0.05 * len(stored)  # modest month-to-month variation: few unusual months
    history: dict[tuple[str, str, str], dict[str, tuple]] = defaultdict(dict)
    inputs = []
    for v in stored:
        history[(v["indicator"], v["district"], v["cell"])][v["period"]] = (v["value"], v["numerator"],
                                                                            v["denominator"])
        fraction = v["numerator"] is not None
        inputs.append(ValueInput(v["indicator"], v["district"], v["period"], v["cell"],
                                 None if fraction else v["value"], v["numerator"], v["denominator"]))
    context = ValueContext(catalogue=supervisor.catalogue, today=dt.date.today(), own_district=None, history=history)
    flagged = {(c.source.indicator, c.source.period, c.source.cell) for c in check_values(context, inputs)
               if any(found.rule == "IV_OUTLIER" for found in c.issues)}
    assert flagged == commented


def test_desk_cases_are_gbvims_plausible(supervisor):
    counts = generate_demo(supervisor, seed=5, months=2)
    catalogue, today = load_catalogue(), dt.date.today().isoformat()
    columns = ("uuid", *CASE_FIELDS)
    cases = [dict(zip(columns, row, strict=True)) for row in supervisor.db.execute(
        f"SELECT {', '.join(columns)} FROM desk_cases WHERE deleted = 0")]
    assert len(cases) == counts["desk cases"] > 0
    desks = {case["desk"] for case in cases}
    assert len(desks) == 15  # every seeded Quetta desk
    for case in cases:
        assert classify(case["classification_answers"], catalogue) == case["gbv_type"]
        assert (case["non_gbv_complaint"] is not None) == (case["gbv_type"] == "non_gbv")
        assert case["client_sex"] in ("female", "male", "transgender")
        assert case["client_age_group"] in ("under18", "adult")
        assert case["report_date"] <= today
        assert case["incident_date"] is None or case["incident_date"] <= case["report_date"]
        assert case["consent_services"] in (0, 1) and case["consent_reporting"] in (0, 1)
        assert (case["status"] == "closed") == (case["closing_reason"] is not None)
        assert case["client_code"].startswith("C-") and len(case["client_code"]) == 8
    female = sum(case["client_sex"] == "female" for case in cases)
    children = sum(case["client_age_group"] == "under18" for case in cases)
    assert female > len(cases) / 2 and 0 < children < len(cases) / 2
    sealed = [case_identity(supervisor, row[0]) for row in supervisor.db.execute("SELECT case_uuid FROM desk_case_identities")]
    assert sealed
    for name, cnic, phone in ((each["name"], each["cnic"], each["phone"]) for each in sealed):
        assert name.endswith(" Demo")  # plainly fake
        assert cnic is None or (CNIC_PATTERN.match(cnic) and cnic.startswith("5"))
        assert phone is None or MOBILE_PATTERN.match(phone)
    for status, date in supervisor.db.execute("SELECT status, date FROM desk_case_services"):
        assert date is not None or status not in ("referred", "provided", "received_elsewhere")
    requests = supervisor.db.execute(
        "SELECT count(*), sum(completed_date IS NULL), max(received_date), max(completed_date) FROM pkm_requests"
    ).fetchone()
    assert requests[0] == counts["PKM requests"] >= 15 * 2 * 10
    assert requests[2] <= today and requests[3] <= today


def test_desk_indicators_are_computed_from_the_demo_register(supervisor):
    generate_demo(supervisor, seed=6, months=2, until=LAST_MONTH)
    figures = {(v["indicator"], v["cell"]): v for v in desk_indicator_values(supervisor, "QUETTA", LAST_MONTH)}
    assert figures[("POL-09", TOTAL_CELL)]["value"] >= 15 * 3
    assert figures[("POL-12", TOTAL_CELL)]["value"] > 0
    assert figures[("POL-13", TOTAL_CELL)]["denominator"] > 0
    assert 50 < figures[("POL-13", TOTAL_CELL)]["value"] <= 100  # mostly within the service standard


def test_a_second_run_does_not_double_the_desk_register(supervisor):
    first = generate_demo(supervisor, seed=9, months=2, until=LAST_MONTH)
    before = table_counts(supervisor)
    with pytest.raises(UsageError) as refused:
        generate_demo(supervisor, seed=9, months=2, until=LAST_MONTH)
    assert str(refused.value) == (
        f"This database already holds {first['indicator values']:,} indicator values; demo figures would "
        "overwrite them. Run the demo on a new database, or add --force if these are demo data too.")
    assert table_counts(supervisor) == before
    second = generate_demo(supervisor, seed=9, months=2, until=LAST_MONTH, force=True)
    after = table_counts(supervisor)
    assert second["desk cases"] == second["PKM requests"] == 0
    assert second["indicator values"] == first["indicator values"]
    for table in ("indicator_values", "targets", "desk_cases", "pkm_requests"):
        assert after[table] == before[table]


def test_admin_runs_the_demo_as_itself(district_admin):
    # An admin may not enter values; the demo writes them under a role that may, but the audit log
    # still names the admin, and the admin's own session keeps its role.
    generate_demo(district_admin, seed=1, months=2)
    assert district_admin.role == "admin"
    actors = {row[0] for row in district_admin.db.execute(
        "SELECT DISTINCT actor FROM audit_log WHERE table_name IN ('indicator_values', 'desk_cases')")}
    assert actors == {"admin"}
    entered_by = {row[0] for row in district_admin.db.execute("SELECT DISTINCT entered_by FROM indicator_values")}
    assert entered_by == {"admin"}


def test_centre_demo_covers_every_current_district(clerk):
    counts = generate_demo(clerk, seed=1, months=2, until=LAST_MONTH)
    catalogue = load_catalogue()
    current = {code for code, district in catalogue.districts.items() if district.validity.valid_to is None}
    assert len(current) == 37
    stored = {value["district"] for value in list_indicator_values(clerk, period=LAST_MONTH)}
    assert stored == current
    assert {target["district"] for target in list_targets(clerk)} == current
    # The centre only ever holds de-identified desk cases whose clients consented to reporting.
    assert counts["desk cases"] > 0
    assert clerk.db.execute("SELECT count(*) FROM desk_case_identities").fetchone()[0] == 0
    assert clerk.db.execute("SELECT count(*) FROM desk_cases WHERE consent_reporting = 0").fetchone()[0] == 0
    assert revalidate(clerk) == []
    assert audit.verify(clerk.db).ok


def test_an_operator_may_not_load_demo_data(operator):
    before = table_counts(operator)
    with pytest.raises(PermissionDenied):
        generate_demo(operator, seed=1, months=2)
    assert table_counts(operator) == before


def test_plan_periods():
    plan = demo_plan(12, "2026-10", dt.date(2026, 11, 24))
    assert [m.code for m in plan.months][:2] == ["2025-11", "2025-12"] and plan.months[-1].code == "2026-10"
    assert [q.code for q in plan.quarters] == ["2026Q1", "2026Q2", "2026Q3"]
    assert [y.code for y in plan.years] == ["2025"]  # no full year inside: the last full one
    plan = demo_plan(24, "2026-12", dt.date(2027, 1, 5))
    assert [y.code for y in plan.years] == ["2025", "2026"] and len(plan.quarters) == 8
    assert demo_plan(3, None, dt.date(2026, 1, 15)).months[-1].code == "2025-12"
    with pytest.raises(UsageError):
        demo_plan(12, "2026-12", dt.date(2026, 11, 24))  # has not started yet
    with pytest.raises(UsageError):
        demo_plan(0, "2026-10", dt.date(2026, 11, 24))
    with pytest.raises(UsageError):
        demo_plan(3, "2026Q3", dt.date(2026, 11, 24))
