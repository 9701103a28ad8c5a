"""Gender facilitation desk records: cases, their children and identities, the register, and the desk
indicators (POL-09 to POL-13) computed from a small register built by hand."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from storage.core.session import create_database, open_session
from storage.errors import PermissionDenied, ValidationFailed
from storage.records.desk import (
    DeskFilter,
    add_desk,
    desk_case_count,
    desk_case_issues,
    desk_case_page,
    get_desk_case,
    list_desks,
    save_desk_case,
    save_pkm_request,
)
from storage.records.users import add_user
from storage.reference.catalogue import load_catalogue
from storage.reports.desk_indicators import desk_indicator_values
from storage.validation import classify, elapsed_bucket
from tests.conftest import ADMIN_PASSWORD, SUPERVISOR_PASSWORD, table_counts


def desk_case(**changes: object) -> dict:
    """A valid adult physical-assault case at the City desk; ``changes`` override fields."""
    case = {"desk": "QTA-CITY", "report_date": "2026-10-05", "incident_date": "2026-10-03", "client_code": "QC-001",
            "client_sex": "female", "client_age": 30, "classification_answers": "nny", "gbv_type": "physical_assault",
            "consent_services": True, "consent_reporting": True}
    case.update(changes)
    return case


ANSWERS = {"rape": "y", "sexual_assault": "ny", "physical_assault": "nny", "forced_marriage": "nnny",
           "denial_of_resources": "nnnny", "psychological_abuse": "nnnnny", "non_gbv": "nnnnnn"}


def typed(gbv_type: str, **changes: object) -> dict:
    """A valid case of one GBV type (answers that classify to it; a non-GBV complaint where needed)."""
    extra = {"non_gbv_complaint": "theft"} if gbv_type == "non_gbv" else {}
    return desk_case(classification_answers=ANSWERS[gbv_type], gbv_type=gbv_type, **extra, **changes)


def case_number(session, case_uuid: str) -> str:
    return get_desk_case(session, case_uuid)["case_number"]


# -- case numbers, children, identities -------------------------------------------------------------------


def test_desk_case_issues_are_the_problems_saving_refuses_and_write_nothing(supervisor, district_admin):
    """What the case form asks as inputs change: the same issues, in the same order, as the refused save."""
    case = desk_case(desk=None, client_code="  ", status="closed", consent_services=None)
    before = table_counts(supervisor)
    found = desk_case_issues(supervisor, case, [{"relationship": "spouse_x"}], [{"service": "fir", "status": "referred"}])
    with pytest.raises(ValidationFailed) as refused:
        save_desk_case(supervisor, case, [{"relationship": "spouse_x"}], [{"service": "fir", "status": "referred"}])
    assert [(i.rule, i.field, i.message) for i in found] == [(i.rule, i.field, i.message) for i in refused.value.issues]
    assert {"desk", "client_code", "closing_reason", "consent_services", "perpetrator relationship"} <= {i.field for i in found}
    assert desk_case_issues(supervisor, desk_case()) == []  # a new case gets its number: no case_number problem
    assert table_counts(supervisor) == before
    with pytest.raises(PermissionDenied):
        desk_case_issues(district_admin, desk_case())  # as saving: only those who enter cases


def test_case_numbers_run_per_desk_and_year_and_survive_updates(supervisor):
    def save(**changes: object) -> str:
        return save_desk_case(supervisor, desk_case(incident_date=None, **changes))

    first = save(report_date="2025-03-01", client_code="A")
    second = save(report_date="2025-12-31", client_code="B")
    new_year = save(report_date="2026-01-01", client_code="C")
    other_desk = save(desk="QTA-CIVL", report_date="2025-06-01", client_code="D")
    assert [case_number(supervisor, uuid) for uuid in (first, second, new_year, other_desk)] == [
        "QTA-CITY-2025-0001", "QTA-CITY-2025-0002", "QTA-CITY-2026-0001", "QTA-CIVL-2025-0001"]
    # An update keeps the number (and is not a new case), even when it moves the report date.
    assert save(uuid=first, report_date="2025-03-02", client_code="A2") == first
    assert case_number(supervisor, first) == "QTA-CITY-2025-0001"
    assert supervisor.db.execute("SELECT count(*) FROM desk_cases").fetchone()[0] == 4
    assert case_number(supervisor, save(report_date="2025-04-01", client_code="E")) == "QTA-CITY-2025-0003"
    assert get_desk_case(supervisor, first)["district"] == "QUETTA"


def test_children_are_replaced_on_update_and_removed_ones_are_tombstoned(supervisor):
    case_uuid = save_desk_case(
        supervisor, desk_case(),
        perpetrators=[{"relationship": "intimate_partner", "sex": "male", "age_group": "26-40"},
                      {"relationship": "family_member", "sex": "female", "age_group": "41-60"}],
        services=[{"service": "fir", "status": "provided", "date": "2026-10-05", "fir_number": "112/2026"},
                  {"service": "legal_aid", "status": "referred", "date": "2026-10-05"}])
    saved = get_desk_case(supervisor, case_uuid)
    partner, relative = saved["perpetrators"]
    fir, legal_aid = saved["services"]
    assert (partner["relationship"], relative["relationship"]) == ("intimate_partner", "family_member")
    assert (fir["fir_number"], legal_aid["status"]) == ("112/2026", "referred")

    save_desk_case(
        supervisor, desk_case(uuid=case_uuid),
        perpetrators=[{"uuid": partner["uuid"], "relationship": "intimate_partner", "sex": "male", "age_group": "41-60"},
                      {"relationship": "stranger", "sex": "male", "age_group": "18-25"}],
        services=[{"service": "fir", "status": "provided", "date": "2026-10-05", "fir_number": "112/2026-A"},
                  {"service": "health", "status": "referred", "date": "2026-10-06"}])
    updated = get_desk_case(supervisor, case_uuid)
    assert [(p["uuid"] == partner["uuid"], p["relationship"], p["age_group"]) for p in updated["perpetrators"]] == [
        (True, "intimate_partner", "41-60"), (False, "stranger", "18-25")]
    assert [(s["service"], s["fir_number"], s["date"]) for s in updated["services"]] == [
        ("fir", "112/2026-A", "2026-10-05"), ("health", None, "2026-10-06")]
    assert updated["services"][0]["uuid"] == fir["uuid"]  # the same FIR line, updated in place
    # The removed perpetrator and service are still there, marked deleted, so the deletion can travel.
    tombstones = {(table, tuple(row)) for table in ("desk_case_perpetrators", "desk_case_services")
                  for row in supervisor.db.execute(f"SELECT uuid, deleted FROM {table} WHERE deleted = 1")}
    assert tombstones == {("desk_case_perpetrators", (relative["uuid"], 1)),
                          ("desk_case_services", (legal_aid["uuid"], 1))}
    assert supervisor.db.execute("SELECT count(*) FROM desk_case_perpetrators").fetchone()[0] == 3
    assert supervisor.db.execute("SELECT count(*) FROM desk_case_services").fetchone()[0] == 3

    # Listing legal aid again brings its tombstoned line back rather than adding a second one.
    save_desk_case(supervisor, desk_case(uuid=case_uuid),
                   perpetrators=[{"uuid": partner["uuid"], "relationship": "intimate_partner", "sex": "male",
                                  "age_group": "41-60"}],
                   services=[{"service": "legal_aid", "status": "provided", "date": "2026-10-07"}])
    again = get_desk_case(supervisor, case_uuid)
    assert [(s["uuid"], s["status"]) for s in again["services"]] == [(legal_aid["uuid"], "provided")]
    assert [p["uuid"] for p in again["perpetrators"]] == [partner["uuid"]]
    assert supervisor.db.execute("SELECT count(*) FROM desk_case_services").fetchone()[0] == 3


IDENTITY = {"name": "Zarina Bibi", "guardian_name": "Gul Khan", "cnic": "54401-1234567-1", "phone": "0300-1234567",
            "address": "House 12, Satellite Town"}


def test_identity_is_kept_apart_shown_only_to_desk_staff_and_redacted_in_the_audit_log(operator, supervisor,
                                                                                       district_admin):
    case_uuid = save_desk_case(operator, desk_case(), identity=IDENTITY)
    stored = operator.db.execute("SELECT name, guardian_name, cnic, phone, address, sealed FROM desk_case_identities "
                                 "WHERE case_uuid = ?", [case_uuid]).fetchone()
    # Sealed under the identity key (storage.core.identity): the clear columns stay empty.
    assert tuple(stored[:5]) == (None,) * 5 and stored[5].startswith("s1:")
    assert not any(secret in stored[5] for secret in IDENTITY.values())
    case_row = operator.db.execute("SELECT * FROM desk_cases WHERE uuid = ?", [case_uuid]).fetchone()
    for secret in IDENTITY.values():
        assert not any(secret in str(cell) for cell in case_row)

    assert get_desk_case(operator, case_uuid)["identity"] == IDENTITY
    assert get_desk_case(supervisor, case_uuid)["identity"] == IDENTITY
    # Only staff who serve survivors see case details at all: an admin manages users, not cases.
    with pytest.raises(PermissionDenied, match=r"admin \(role: admin\) may not see desk case details"):
        get_desk_case(district_admin, case_uuid)

    changed = {**IDENTITY, "phone": "+923331234567"}
    save_desk_case(supervisor, desk_case(uuid=case_uuid), identity=changed)
    assert get_desk_case(operator, case_uuid)["identity"] == changed

    audit = supervisor.db.execute("SELECT action, before, after FROM audit_log WHERE table_name = 'desk_case_identities' "
                                  "ORDER BY id").fetchall()
    assert [row[0] for row in audit] == ["insert", "update"]
    insert_after = json.loads(audit[0][2])
    assert {name: insert_after[name] for name in IDENTITY} == {name: None for name in IDENTITY}
    assert insert_after["case_uuid"] == case_uuid
    everything = " ".join(f"{before} {after}" for before, after in
                          supervisor.db.execute("SELECT before, after FROM audit_log"))
    for secret in [*IDENTITY.values(), changed["phone"]]:
        assert secret not in everything


def test_roles_admin_may_not_enter_cases_and_only_supervisors_add_desks(district_admin, supervisor, operator):
    before = table_counts(district_admin)
    with pytest.raises(PermissionDenied) as refused:
        save_desk_case(district_admin, desk_case())
    assert str(refused.value) == ("admin (role: admin) may not enter desk cases; that needs one of the roles: "
                                  "operator, supervisor.")
    with pytest.raises(PermissionDenied):
        save_pkm_request(district_admin, {"desk": "QTA-CITY", "service": "fir_copy", "applicant_sex": "male",
                                          "received_date": "2026-10-05"})
    assert table_counts(district_admin) == before

    with pytest.raises(PermissionDenied) as refused:
        add_desk(operator, "QTA-HZR", "Hazara Town Police Station desk", "QUETTA")
    assert str(refused.value) == ("omar (role: operator) may not add or change desks; that needs one of the roles: "
                                  "admin, supervisor.")
    assert table_counts(operator) == before

    add_desk(supervisor, "qta-hzr", "Hazara Town Police Station desk", "QUETTA", "Hazara Town", "2026-11-01")
    assert {"code": "QTA-HZR", "name": "Hazara Town Police Station desk", "district": "QUETTA",
            "station": "Hazara Town", "opened": "2026-11-01", "active": 1} in list_desks(operator)
    # The operator can now record a case at the new desk.
    case_uuid = save_desk_case(operator, desk_case(desk="QTA-HZR"))
    assert case_number(operator, case_uuid) == "QTA-HZR-2026-0001"


# -- derived fields ---------------------------------------------------------------------------------------


def test_case_context_is_derived_from_type_age_and_perpetrators(supervisor):
    def context(case: dict, perpetrators: list[dict] | None = None) -> list[str]:
        return get_desk_case(supervisor, save_desk_case(supervisor, case, perpetrators))["case_context"]

    partner = {"relationship": "intimate_partner", "sex": "male", "age_group": "26-40"}
    stranger = {"relationship": "stranger", "sex": "male", "age_group": "18-25"}
    assert context(typed("physical_assault"), [stranger, partner]) == ["intimate_partner_violence"]
    assert context(typed("physical_assault"), [stranger]) == []
    assert context(typed("rape", client_age=15)) == ["child_sexual_abuse"]
    assert context(typed("sexual_assault", client_age=17), [partner]) == ["intimate_partner_violence",
                                                                          "child_sexual_abuse"]
    assert context(typed("sexual_assault", client_age=18)) == []
    assert context(typed("physical_assault", client_age=10)) == []
    assert context(typed("forced_marriage", client_age=16)) == ["early_marriage"]
    assert context(typed("forced_marriage", client_age=20)) == []
    assert context(typed("rape", client_age=None)) == []  # age unknown: not presumed a child


@pytest.mark.parametrize("days, bucket", [
    (0, "0-3 days"), (3, "0-3 days"), (4, "4-5 days"), (5, "4-5 days"), (6, "6-14 days"), (14, "6-14 days"),
    (15, "15-30 days"), (30, "15-30 days"), (31, "over 30 days"), (None, "unknown"),
])
def test_elapsed_bucket_boundaries(days, bucket):
    report = dt.date(2026, 10, 31)
    thresholds = load_catalogue("en").thresholds
    assert elapsed_bucket(report, None if days is None else report - dt.timedelta(days=days), thresholds) == bucket


def test_elapsed_bucket_is_derived_for_stored_cases(supervisor):
    # report 2026-10-31: 3 days -> 10-28, 4 -> 10-27, 14 -> 10-17, 15 -> 10-16, 30 -> 10-01, 31 -> 09-30.
    expected = {"2026-10-28": "0-3 days", "2026-10-27": "4-5 days", "2026-10-26": "4-5 days",
                "2026-10-25": "6-14 days", "2026-10-17": "6-14 days", "2026-10-16": "15-30 days",
                "2026-10-01": "15-30 days", "2026-09-30": "over 30 days", None: "unknown"}
    found = {incident: get_desk_case(supervisor, save_desk_case(
        supervisor, desk_case(report_date="2026-10-31", incident_date=incident)))["elapsed_bucket"]
        for incident in expected}
    assert found == expected


def test_classify_takes_the_first_yes_in_question_order():
    catalogue = load_catalogue()
    assert {answers: classify(answers, catalogue) for answers in ANSWERS.values()} == {
        "y": "rape", "ny": "sexual_assault", "nny": "physical_assault", "nnny": "forced_marriage",
        "nnnny": "denial_of_resources", "nnnnny": "psychological_abuse", "nnnnnn": "non_gbv"}
    # Answers after a yes, too few or too many answers, other letters: not a classification.
    for invalid in ("", "yn", "nyn", "nnyy", "n", "nnnnn", "nnnnnnn", "nnx", "yes"):
        assert classify(invalid, catalogue) is None, invalid
    # Answers typed in capitals or with stray spaces still classify.
    assert classify("Y", catalogue) == "rape" and classify(" nnY ", catalogue) == "physical_assault"


# -- the register -----------------------------------------------------------------------------------------


def test_register_filters_and_pages_newest_first(supervisor):
    for client, desk, date, gbv_type, status in [
        ("QC-ALPHA", "QTA-CITY", "2026-01-10", "physical_assault", "open"),
        ("QC-BRAVO", "QTA-CITY", "2026-02-10", "rape", "closed"),
        ("QV-CHARLIE", "QTA-CIVL", "2026-03-10", "physical_assault", "open"),
        ("QV-DELTA", "QTA-CIVL", "2026-04-10", "non_gbv", "open"),
        ("QC-ECHO", "QTA-CITY", "2026-05-10", "sexual_assault", "open"),
    ]:
        closing = {"closing_reason": "needs_met"} if status == "closed" else {}
        save_desk_case(supervisor, typed(gbv_type, client_code=client, desk=desk, report_date=date,
                                         incident_date=None, status=status, **closing))

    def clients(desk_filter: DeskFilter | None = None, offset: int = 0, limit: int = 200) -> list[str]:
        rows = desk_case_page(supervisor, desk_filter or DeskFilter(), offset=offset, limit=limit)
        return [row["client_code"] for row in rows]

    everyone = ["QC-ECHO", "QV-DELTA", "QV-CHARLIE", "QC-BRAVO", "QC-ALPHA"]
    assert clients() == everyone
    assert desk_case_count(supervisor) == 5
    cases = [
        (DeskFilter(status="closed"), ["QC-BRAVO"]),
        (DeskFilter(status="open"), ["QC-ECHO", "QV-DELTA", "QV-CHARLIE", "QC-ALPHA"]),
        (DeskFilter(gbv_type="physical_assault"), ["QV-CHARLIE", "QC-ALPHA"]),
        (DeskFilter(date_from="2026-02-10", date_to="2026-04-10"), ["QV-DELTA", "QV-CHARLIE", "QC-BRAVO"]),
        (DeskFilter(date_from="2026-04-11"), ["QC-ECHO"]),
        (DeskFilter(date_to="2026-01-31"), ["QC-ALPHA"]),
        (DeskFilter(desk="QTA-CIVL"), ["QV-DELTA", "QV-CHARLIE"]),
        (DeskFilter(search="BRAVO"), ["QC-BRAVO"]),
        (DeskFilter(search="QTA-CIVL-2026-0002"), ["QV-DELTA"]),
        (DeskFilter(search="2026-0001"), ["QV-CHARLIE", "QC-ALPHA"]),
        (DeskFilter(desk="QTA-CITY", status="open"), ["QC-ECHO", "QC-ALPHA"]),
        (DeskFilter(search="nobody"), []),
        # Typed % and _ are literal characters, not wildcards that would match every case.
        (DeskFilter(search="%"), []),
        (DeskFilter(search="QC_"), []),
    ]
    for desk_filter, expected in cases:
        assert clients(desk_filter) == expected, desk_filter
        assert desk_case_count(supervisor, desk_filter) == len(expected), desk_filter
    assert clients(offset=0, limit=2) == everyone[0:2]
    assert clients(offset=2, limit=2) == everyone[2:4]
    assert clients(offset=4, limit=2) == everyone[4:]
    assert clients(offset=5, limit=2) == []
    assert clients(DeskFilter(desk="QTA-CITY"), offset=1, limit=1) == ["QC-BRAVO"]
    row = desk_case_page(supervisor, DeskFilter(search="DELTA"))[0]
    assert (row["case_number"], row["desk"], row["gbv_type"], row["status"]) == (
        "QTA-CIVL-2026-0002", "QTA-CIVL", "non_gbv", "open")


# -- desk indicators ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def register(tmp_path_factory):
    """A small Quetta register for July 2025 (and around it), built by hand; figures in the tests below."""
    path = tmp_path_factory.mktemp("desk_register") / "district.db"
    session, _ = create_database(path, role="district", district="QUETTA", device_name="Quetta DPO",
                                 admin="admin", password=ADMIN_PASSWORD)
    add_user(session, "sana", "supervisor", SUPERVISOR_PASSWORD)
    session.close()
    session = open_session(path, "sana", SUPERVISOR_PASSWORD)

    def case(code, gbv_type, sex, age, report, incident, services=(), desk="QTA-CITY", **extra):
        return save_desk_case(session, typed(gbv_type, client_code=code, client_sex=sex, client_age=age, desk=desk,
                                             report_date=report, incident_date=incident, **extra),
                              services=list(services))

    referred = {"status": "referred", "date": "2025-07-10"}
    # A: female adult physical assault, 2 days to report, referred to legal aid.
    case("A", "physical_assault", "female", 30, "2025-07-10", "2025-07-08", [{"service": "legal_aid", **referred}])
    # B: female 16 rape at another desk, 3 days; medico-legal provided here (not a referral), health referred.
    case("B", "rape", "female", 16, "2025-07-15", "2025-07-12",
         [{"service": "medico_legal", "status": "provided", "date": "2025-07-15"}, {"service": "health", **referred}],
         desk="QTA-CIVL")
    # C: female adult physical assault, 4 days; its referral is later removed (tombstoned), shelter declined.
    c_uuid = case("C", "physical_assault", "female", 25, "2025-07-20", "2025-07-16",
                  [{"service": "legal_aid", **referred}])
    save_desk_case(session, typed("physical_assault", uuid=c_uuid, client_code="C", client_age=25,
                                  report_date="2025-07-20", incident_date="2025-07-16"),
                   services=[{"service": "shelter", "status": "declined"}])
    # D: male 12, not GBV, incident date unknown, no services.
    case("D", "non_gbv", "male", 12, "2025-07-25", None)
    # E: transgender adult psychological abuse, 41 days, referred to psychosocial support.
    case("E", "psychological_abuse", "transgender", 22, "2025-07-31", "2025-06-20",
         [{"service": "psychosocial", **referred}])
    # F: August (in 2025Q3, not in July): female adult physical assault, 1 day, referred.
    case("F", "physical_assault", "female", 40, "2025-08-01", "2025-07-31", [{"service": "legal_aid", **referred}])
    # G: June (in neither): female adult rape.
    case("G", "rape", "female", 33, "2025-06-30", "2025-06-29", [{"service": "health", **referred}])

    def pkm(service, sex, received, completed):
        save_pkm_request(session, {"desk": "QTA-CITY", "service": service, "applicant_sex": sex,
                                   "received_date": received, "completed_date": completed})

    pkm("tenant_registration", "female", "2025-07-01", "2025-07-02")  # 1: 24 h standard, 1 day: met
    pkm("tenant_registration", "male", "2025-07-01", "2025-07-03")  # 2: 2 days: missed
    pkm("character_certificate", "male", "2025-07-01", "2025-07-06")  # 3: 120 h standard, 5 days: met
    pkm("character_certificate", "male", "2025-07-01", "2025-07-07")  # 4: 6 days: missed
    pkm("police_verification", "female", "2025-07-02", "2025-07-20")  # 5: no standard: not in POL-13
    pkm("fir_copy", "female", "2025-06-30", "2025-07-01")  # 6: received in June, completed in July: met
    pkm("crime_report", "male", "2025-07-30", "2025-08-01")  # 7: completed in August, 2 days: missed
    pkm("fir_copy", "female", "2025-07-28", None)  # 8: not completed: in neither
    yield session
    session.close()


def by_cell(values: list[dict], indicator: str) -> dict[str, dict]:
    return {row["cell"]: row for row in values if row["indicator"] == indicator}


def test_desk_clients_by_sex_age_and_type_for_a_month(register):
    pol09 = by_cell(desk_indicator_values(register, "QUETTA", "2025-07"), "POL-09")
    # July: A, B, C, D, E (F is in August, G in June).
    assert pol09["total"]["value"] == 5
    assert pol09["age=adult;gbv_type=physical_assault;sex=female"]["value"] == 2  # A, C
    assert pol09["age=under18;gbv_type=rape;sex=female"]["value"] == 1  # B
    assert pol09["age=under18;gbv_type=non_gbv;sex=male"]["value"] == 1  # D
    assert pol09["age=adult;gbv_type=psychological_abuse;sex=transgender"]["value"] == 1  # E
    assert pol09["age=adult;gbv_type=rape;sex=female"]["value"] == 0  # G is in June
    assert len(pol09) == 1 + 2 * 7 * 3  # total and every age x type x sex cell, zeros included
    assert sum(row["value"] for cell, row in pol09.items() if cell != "total") == 5
    assert {row["district"] for row in pol09.values()} == {"QUETTA"}
    assert {row["period"] for row in pol09.values()} == {"2025-07"}


def test_desk_referral_and_reporting_time_shares_for_a_month(register):
    values = desk_indicator_values(register, "QUETTA", "2025-07")
    pol10, pol11 = by_cell(values, "POL-10")["total"], by_cell(values, "POL-11")["total"]
    # Referred: A (legal aid), B (health), E (psychosocial) = 3 of 5. C's referral was removed; B's
    # medico-legal "provided" is not a referral.
    assert (pol10["numerator"], pol10["denominator"], pol10["value"]) == (3, 5, 60.0)
    # Known incident dates: A (2 days), B (3), C (4), E (41); D unknown is left out. Within 3 days: A, B.
    assert (pol11["numerator"], pol11["denominator"], pol11["value"]) == (2, 4, 50.0)


def test_pkm_services_delivered_and_within_the_standard_for_a_month(register):
    values = desk_indicator_values(register, "QUETTA", "2025-07")
    pol12 = by_cell(values, "POL-12")
    # Completed in July: requests 1 to 6 (7 was completed in August, 8 not at all).
    assert pol12["total"]["value"] == 6
    assert pol12["pkm_service=character_certificate;sex=male"]["value"] == 2  # 3, 4
    assert pol12["pkm_service=tenant_registration;sex=female"]["value"] == 1  # 1
    assert pol12["pkm_service=tenant_registration;sex=male"]["value"] == 1  # 2
    assert pol12["pkm_service=police_verification;sex=female"]["value"] == 1  # 5
    assert pol12["pkm_service=fir_copy;sex=female"]["value"] == 1  # 6
    assert pol12["pkm_service=crime_report;sex=male"]["value"] == 0  # 7 is in August
    assert sum(row["value"] for cell, row in pol12.items() if cell != "total") == 6
    pol13 = by_cell(values, "POL-13")["total"]
    # With a standard: 1, 2, 3, 4, 6 (5 has none). Met: 1 (1 day of 24 h), 3 (5 days of 120 h), 6 (1 day).
    assert (pol13["numerator"], pol13["denominator"], pol13["value"]) == (3, 5, 60.0)


def test_desk_indicators_for_a_quarter(register):
    values = desk_indicator_values(register, "QUETTA", "2025Q3")
    totals = {row["indicator"]: row for row in values if row["cell"] == "total"}
    # July-September: A to E and F.
    assert totals["POL-09"]["value"] == 6
    # Referred: A, B, E, F = 4 of 6 -> 66.67%.
    assert (totals["POL-10"]["numerator"], totals["POL-10"]["denominator"], totals["POL-10"]["value"]) == (4, 6, 66.67)
    # Known incident dates: A, B, C, E, F; within 3 days: A, B, F.
    assert (totals["POL-11"]["numerator"], totals["POL-11"]["denominator"], totals["POL-11"]["value"]) == (3, 5, 60.0)
    # Completed in the quarter: 1 to 7; with a standard: 1, 2, 3, 4, 6, 7; met: 1, 3, 6.
    assert totals["POL-12"]["value"] == 7
    assert (totals["POL-13"]["numerator"], totals["POL-13"]["denominator"], totals["POL-13"]["value"]) == (3, 6, 50.0)
    assert {row["period"] for row in values} == {"2025Q3"}


def test_desk_indicators_of_an_empty_period_have_no_share(register):
    totals = {row["indicator"]: row for row in desk_indicator_values(register, "QUETTA", "2024-01")
              if row["cell"] == "total"}
    assert [totals[code]["value"] for code in ("POL-09", "POL-12")] == [0, 0]
    # No clients: the share is undefined (None), not 0%.
    for code in ("POL-10", "POL-11", "POL-13"):
        assert (totals[code]["numerator"], totals[code]["denominator"], totals[code]["value"]) == (0, 0, None)
