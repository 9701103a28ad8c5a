"""Re-run every rule over stored records (``validate``): after a catalogue change, or to audit a
database. The same engine as saving; nothing is written.
"""

from __future__ import annotations

from collections import defaultdict

from storage.core.clock import today
from storage.core.roles import allowed, require
from storage.core.session import Session
from storage.records.desk import (
    CASE_FIELDS,
    PERPETRATOR_FIELDS,
    PKM_FIELDS,
    SERVICE_FIELDS,
    case_identity,
    desk_context,
)
from storage.records.plan import check_framework, stored_framework
from storage.validation import ValueContext, ValueInput, check_desk_case, check_pkm_request, check_values


def revalidate(session: Session) -> list[dict]:
    """Every issue found in stored values, desk cases, PKM requests and the results framework, as dicts with a
    ``record``."""
    require(session, "view")
    found: list[dict] = []
    found.extend(_revalidate_values(session))
    found.extend(_revalidate_desk(session))
    found.extend(_revalidate_plan(session))
    return found


def _revalidate_plan(session: Session) -> list[dict]:
    """The framework in use against the catalogue in use (e.g. an indicator retired before a target's year)."""
    framework = stored_framework(session)
    if framework is None:
        return []
    _, problems = check_framework(session.catalogue, framework)
    return [{"record": f"results framework, sheet {problem.sheet}", **problem.as_dict()} for problem in problems]


def _revalidate_values(session: Session) -> list[dict]:
    found = []
    districts = [row[0] for row in session.db.execute("SELECT DISTINCT district FROM indicator_values")]
    for district in districts:
        history: dict[tuple[str, str, str], dict[str, tuple]] = defaultdict(dict)
        inputs = []
        for row in session.db.execute(
                "SELECT indicator, period, cell, value, numerator, denominator, comment FROM indicator_values "
                "WHERE district = ? AND deleted = 0", [district]):
            indicator, period, cell, value, numerator, denominator, comment = row
            history[(indicator, district, cell)][period] = (value, numerator, denominator)
            inputs.append(ValueInput.from_stored(indicator, district, period, cell, value, numerator, denominator,
                                                 comment))
        # Stored records are judged as they are: a lock only stops new writes, so it is not re-checked.
        context = ValueContext(catalogue=session.catalogue, today=today(), own_district=None, history=history)
        for checked in check_values(context, inputs):
            source = checked.source
            for problem in checked.issues:
                if problem.severity == "warning" and source.comment:
                    continue  # a commented warning was accepted when it was saved
                found.append({"record": f"{source.indicator} {district} {source.period} {source.cell}",
                              **problem.as_dict()})
    return found


def _revalidate_desk(session: Session) -> list[dict]:
    found = []
    context = desk_context(session)
    context.desks |= {row[0] for row in session.db.execute("SELECT code FROM desks")}  # closed desks keep their cases
    children: dict[str, dict[str, list[dict]]] = defaultdict(lambda: {"perpetrators": [], "services": []})
    for table, fields, key in (("desk_case_perpetrators", PERPETRATOR_FIELDS, "perpetrators"),
                               ("desk_case_services", SERVICE_FIELDS, "services")):
        for row in session.db.execute(f"SELECT case_uuid, {', '.join(fields)} FROM {table} WHERE deleted = 0"):
            children[row[0]][key].append(dict(zip(fields, row[1:], strict=True)))
    identities = {}
    if allowed(session, "view_identities") and session.identity_key is not None:  # sealed: opened with the key
        identities = {row[0]: case_identity(session, row[0]) for row in session.db.execute(
            "SELECT case_uuid FROM desk_case_identities")}
    for row in session.db.execute(f"SELECT uuid, {', '.join(CASE_FIELDS)} FROM desk_cases WHERE deleted = 0"):
        case = dict(zip(CASE_FIELDS, row[1:], strict=True))
        kids = children.get(row[0], {"perpetrators": [], "services": []})
        for problem in check_desk_case(context, case, kids["perpetrators"], kids["services"], identities.get(row[0])):
            found.append({"record": f"case {case['case_number']}", **problem.as_dict()})
    for row in session.db.execute(f"SELECT uuid, {', '.join(PKM_FIELDS)} FROM pkm_requests WHERE deleted = 0"):
        request = dict(zip(PKM_FIELDS, row[1:], strict=True))
        for problem in check_pkm_request(context, request):
            found.append({"record": f"PKM request {row[0][:8]}", **problem.as_dict()})
    return found
