"""The police indicators computed from the desk register and the PKM log (POL-09 to POL-13): figures
derived from the records for a period, never the records themselves.

Basis (docs/security.md, "Small cells"): POL-09 to POL-11 count live desk cases whose client consented to
sharing non-identifiable data for reporting, at a district as at the centre (which only ever receives
those), so the same report gives the same figure at both and no difference between them points at a
client who did not consent. POL-12 and POL-13 count PKM service requests (character certificates, tenant
registrations, ...): administrative services, not survivors' cases, with no consent to ask; they count
every live request, at both.
"""

from __future__ import annotations

import datetime as dt

from storage.core.roles import require
from storage.core.session import Session
from storage.errors import UsageError
from storage.i18n import QT_TRANSLATE_NOOP, say
from storage.reference.catalogue import make_cell
from storage.reference.periods import parse_period
from storage.reports.levels import after_close_sql
from storage.validation import (
    compute_value,
)


def desk_indicator_values(session: Session, district: str, period: str, desk: str | None = None) -> list[dict]:
    """The desk-register indicators of one district and period, computed from the records.

    Monthly, quarterly or annual codes all work: the period is only a date range here. POL-13 counts
    only services that have a known service standard (resources/pkm_services.csv). ``desk``: that desk's
    records only (the desk level of reports). A desk the catalogue has closed counts only up to its close
    date (:func:`storage.reports.levels.after_close_sql`), at every level.
    """
    require(session, "view")
    parsed = parse_period(period)
    if parsed is None:
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "{period} is not a period; write it like 2026-10, 2026Q4 or 2026."), period=repr(period)))
    start, end = parsed.start.isoformat(), parsed.end.isoformat()
    db, catalogue = session.db, session.catalogue
    values: list[dict] = []

    def add(indicator: str, cell: str, value: float | int | None, numerator=None, denominator=None) -> None:
        values.append({"indicator": indicator, "district": district, "period": period, "cell": cell,
                       "value": value, "numerator": numerator, "denominator": denominator})

    # Consented, live cases only: the basis of every desk-case figure (module docstring).
    one_desk = " AND desk = ?" if desk is not None else ""
    case_close, case_close_params = after_close_sql(session, "report_date")
    cases = ("FROM desk_cases WHERE deleted = 0 AND consent_reporting = 1 AND district = ? "
             f"AND report_date BETWEEN ? AND ?{one_desk}{case_close}")
    span = [district, start, end, *([desk] if desk is not None else []), *case_close_params]
    clients = db.execute(f"SELECT count(*) {cases}", span).fetchone()[0]
    add("POL-09", "total", clients)
    counts = {
        (sex, age_group, gbv_type): n
        for sex, age_group, gbv_type, n in db.execute(
            f"SELECT client_sex, client_age_group, gbv_type, count(*) {cases} GROUP BY 1, 2, 3", span)
    }
    for cell in catalogue.cells("POL-09")[1:]:
        parts = dict(piece.split("=") for piece in cell.split(";"))
        add("POL-09", cell, counts.get((parts["sex"], parts["age"], parts["gbv_type"]), 0))
    referred = db.execute(
        f"SELECT count(*) {cases} AND EXISTS (SELECT 1 FROM desk_case_services s WHERE s.case_uuid = desk_cases.uuid "
        "AND s.deleted = 0 AND s.status = 'referred')", span).fetchone()[0]
    _add_fraction(add, catalogue, "POL-10", referred, clients)
    known, quick = db.execute(
        f"SELECT count(*), coalesce(sum(julianday(report_date) - julianday(incident_date) <= ?), 0) {cases} "
        "AND incident_date IS NOT NULL", [catalogue.thresholds.prompt_report_days, *span]).fetchone()
    _add_fraction(add, catalogue, "POL-11", quick, known)
    request_close, request_close_params = after_close_sql(session, "completed_date")
    requests = f"FROM pkm_requests WHERE deleted = 0 AND district = ? AND completed_date BETWEEN ? AND ?{one_desk}{request_close}"
    span = [district, start, end, *([desk] if desk is not None else []), *request_close_params]
    delivered = {(service, sex): n for service, sex, n in db.execute(
        f"SELECT service, applicant_sex, count(*) {requests} GROUP BY 1, 2", span)}
    add("POL-12", "total", sum(delivered.values()))
    for cell in catalogue.cells("POL-12")[1:]:
        parts = dict(piece.split("=") for piece in cell.split(";"))
        add("POL-12", cell, delivered.get((parts["pkm_service"], parts["sex"]), 0))
    completed = within = 0
    for service, received, done in db.execute(f"SELECT service, received_date, completed_date {requests}", span):
        hours = catalogue.pkm_services[service].standard_hours if service in catalogue.pkm_services else None
        if hours is None:
            continue
        completed += 1
        elapsed = (dt.date.fromisoformat(done) - dt.date.fromisoformat(received)).days
        # Dates carry no time of day: a request completed the day after it was received met a 24-hour standard.
        within += elapsed * 24 <= hours
    _add_fraction(add, catalogue, "POL-13", within, completed)
    return values


def _add_fraction(add, catalogue, code: str, numerator: int, denominator: int) -> None:
    value = compute_value(catalogue.indicators[code], numerator, denominator) if denominator else None
    add(code, make_cell({}), value, numerator, denominator)

