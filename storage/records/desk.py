"""Gender facilitation desk records: cases (GBVIMS intake), their identifying details kept apart,
alleged perpetrators and services as child records, the PKM service log, and the desk indicators
(POL-09 to POL-13) computed from them for any period.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass

from storage.core import identity as sealing
from storage.core.clock import today, utc_now
from storage.core.roles import allowed, require
from storage.core.session import Session
from storage.errors import UsageError, ValidationFailed
from storage.i18n import QT_TRANSLATE_NOOP, say
from storage.reference.catalogue import Thresholds
from storage.validation import (
    DeskContext,
    Issue,
    age_group,
    case_context,
    check_desk_case,
    check_pkm_request,
    elapsed_bucket,
    normalise_identity,
    parse_date,
    parse_number,
)

CASE_FIELDS = (
    "case_number", "desk", "district", "report_date", "incident_date", "time_of_day", "location_type",
    "incident_district", "client_code", "client_sex", "client_age", "client_age_group", "age_estimated",
    "disability", "displacement", "classification_answers", "gbv_type", "non_gbv_complaint", "previous_incidents",
    "consent_services", "consent_reporting", "status", "followup_date", "closing_reason", "handling_officer", "notes",
)
IDENTITY_FIELDS = sealing.IDENTITY_FIELDS  # the one list lives with the sealing; named here for the screens
PERPETRATOR_FIELDS = ("relationship", "sex", "age_group")
SERVICE_FIELDS = ("service", "status", "date", "fir_number")
PKM_FIELDS = ("desk", "district", "service", "applicant_sex", "received_date", "completed_date")
_BOOLEAN_FIELDS = ("age_estimated", "disability", "previous_incidents", "consent_services", "consent_reporting")


def desk_context(session: Session) -> DeskContext:
    desks = {row[0] for row in session.db.execute("SELECT code FROM desks WHERE active = 1 AND deleted = 0")}
    return DeskContext(catalogue=session.catalogue, today=today(), desks=desks)


def list_desks(session: Session) -> list[dict]:
    require(session, "view")
    cursor = session.db.execute(
        "SELECT code, name, district, station, opened, active FROM desks WHERE deleted = 0 ORDER BY code")
    return [dict(zip(("code", "name", "district", "station", "opened", "active"), row, strict=True)) for row in cursor]


def add_desk(session: Session, code: str, name: str, district: str, station: str = "", opened: str | None = None) -> None:
    """Register a new gender facilitation desk (supervisors and admins)."""
    require(session, "manage_desks")
    code = code.strip().upper()
    if not code or not name.strip():
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "A desk needs a code (e.g. QTA-CITY) and a name.")))
    if district not in session.catalogue.districts:
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "Unknown district {district}."), district=repr(district)))
    if not session.is_centre and district != session.district:
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "This office adds desks in {own}, not {district}."), own=session.district, district=district))
    if session.db.execute("SELECT 1 FROM desks WHERE code = ?", [code]).fetchone():
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "A desk with the code {code} already exists."), code=code))
    with session.write() as db:
        db.execute(
            "INSERT INTO desks (code, name, district, station, opened, uuid, hlc, origin_device) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [code, name.strip(), district, station, opened or today().isoformat(),
             str(uuid.uuid5(uuid.NAMESPACE_URL, f"mizan:desk:{code}")), session.clock.now(), session.device_id])


DESK_FIELDS = ("code", "name", "district", "station", "opened", "active", "uuid", "hlc", "origin_device", "deleted")


def all_desks(session: Session) -> list[dict]:
    """Every desk with its version, as a centre update carries them."""
    return [dict(zip(DESK_FIELDS, row, strict=True)) for row in session.db.execute(
        f"SELECT {', '.join(DESK_FIELDS)} FROM desks ORDER BY district, code")]


def desks_applied(session: Session, desks: list[dict]) -> dict[str, int]:
    """Inside the caller's write transaction (a centre update at a district): this district's desks as the
    centre holds them, each newer version replacing the stored one (a desk the centre added for this
    district arrives; one this office changed since stays, and reaches the centre in the next bundle).
    Returns the counts new and changed."""
    stored = {row[0]: (row[1], row[2]) for row in session.db.execute("SELECT code, hlc, origin_device FROM desks")}
    counts = {"new": 0, "changed": 0}
    for desk in desks:
        if desk["district"] != session.district or desk["code"] in stored and stored[desk["code"]] >= (
                desk["hlc"], desk["origin_device"]):
            continue
        counts["changed" if desk["code"] in stored else "new"] += 1
        session.db.execute(
            f"INSERT INTO desks ({', '.join(DESK_FIELDS)}) VALUES ({', '.join('?' * len(DESK_FIELDS))}) "
            f"ON CONFLICT (code) DO UPDATE SET {', '.join(f'{n} = excluded.{n}' for n in DESK_FIELDS[1:])}",
            [desk[name] for name in DESK_FIELDS])
        session.clock.observe(desk["hlc"])
    return counts


def _normalise_case(case: Mapping, thresholds: Thresholds) -> dict:
    record = {name: case.get(name) for name in CASE_FIELDS}
    for name, value in record.items():
        if isinstance(value, str):
            record[name] = value.strip() or None
    for name in _BOOLEAN_FIELDS:
        if isinstance(record[name], bool):
            record[name] = int(record[name])
    for name in ("report_date", "incident_date", "followup_date"):
        parsed, ok = parse_date(record[name])
        if ok and parsed is not None:
            record[name] = parsed.isoformat()
    age, ok = parse_number(record["client_age"])
    if ok and isinstance(age, int):
        record["client_age"] = age
        record["client_age_group"] = age_group(age, thresholds)
    record["status"] = record["status"] or "open"
    record["age_estimated"] = record["age_estimated"] or 0
    return record


def next_case_number(session: Session, desk: str, year: int) -> str:
    """``<desk>-<year>-<sequence>``: the next free number at this desk this year."""
    prefix = f"{desk}-{year}-"
    row = session.db.execute(
        "SELECT max(CAST(substr(case_number, ?) AS INTEGER)) FROM desk_cases WHERE case_number LIKE ?",
        [len(prefix) + 1, prefix + "%"]).fetchone()
    return f"{prefix}{(row[0] or 0) + 1:04d}"


def _prepare_case(session: Session, case: Mapping) -> tuple[dict, tuple | None]:
    """The case as it would be written (normalised, its stored number kept or the next one assigned, its
    district from its desk) and the stored row it replaces (None for a new case)."""
    record = _normalise_case(case, session.catalogue.thresholds)
    case_uuid = case.get("uuid")
    existing = None
    if case_uuid:
        existing = session.db.execute("SELECT case_number, desk, district FROM desk_cases WHERE uuid = ?",
                                      [case_uuid]).fetchone()
        if existing is None:
            raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "There is no case {case_uuid}."), case_uuid=case_uuid))
        record["case_number"] = existing[0]
    if record["desk"] and not record["district"]:
        row = session.db.execute("SELECT district FROM desks WHERE code = ?", [record["desk"]]).fetchone()
        record["district"] = row[0] if row else None
    report_day, _ = parse_date(record["report_date"])  # a malformed date is reported by DC_BAD_DATE
    if not record["case_number"] and record["desk"] and report_day:
        record["case_number"] = next_case_number(session, record["desk"], report_day.year)
    return record, existing


def desk_case_issues(session: Session, case: Mapping, perpetrators: list[Mapping] | None = None,
                     services: list[Mapping] | None = None, identity: Mapping | None = None) -> list[Issue]:
    """The problems :func:`save_desk_case` would refuse this case for, found the same way, writing nothing.

    The case form asks again as the person corrects an input, so a message goes once its problem is
    solved (and stays, or changes, while it is not).
    """
    require(session, "desk_entry")
    record, _ = _prepare_case(session, case)
    identity = normalise_identity(identity) if identity is not None else None
    return check_desk_case(desk_context(session), record, list(perpetrators or []), list(services or []), identity)


def save_desk_case(session: Session, case: Mapping, perpetrators: list[Mapping] | None = None,
                   services: list[Mapping] | None = None, identity: Mapping | None = None) -> str:
    """Create or update (``case["uuid"]``) a case with its children, validated, in one transaction.

    Returns the case's uuid. The case number is assigned when missing. Identifying details are written
    only by roles allowed to see them.
    """
    require(session, "desk_entry")
    perpetrators, services = list(perpetrators or []), list(services or [])
    record, existing = _prepare_case(session, case)
    case_uuid = case.get("uuid")
    identity = normalise_identity(identity) if identity is not None else None
    if identity is not None and not allowed(session, "view_identities"):
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "Your role may not record clients' identifying details.")))
    if (identity is not None or record["notes"]) and session.identity_key is None:
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "You are waiting for access to case identities: identifying details and notes can be saved once a supervisor grants it (user grant).")))
    issues = check_desk_case(desk_context(session), record, perpetrators, services, identity)
    if issues:
        raise ValidationFailed(say("errors", QT_TRANSLATE_NOOP("errors", "{count} problem(s) in the case; nothing was saved."), count=len(issues)), issues)
    if not session.is_centre and record["district"] != session.district:
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "This office records cases of {own}, not {district}."), own=session.district, district=record['district']))
    now = utc_now()
    notes = record["notes"]
    record["notes"] = None  # never in clear: sealed under the identity key (storage.core.identity)
    with session.write() as db:
        if existing is None:
            case_uuid = str(uuid.uuid4())
            columns = (*CASE_FIELDS, "entered_by", "entered_at", "uuid", "hlc", "origin_device", "catalogue_version")
            db.execute(f"INSERT INTO desk_cases ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                       [*(record[name] for name in CASE_FIELDS), session.user, now, case_uuid, session.clock.now(),
                        session.device_id, session.catalogue.version])
        else:
            assignments = ", ".join(f"{name} = ?" for name in CASE_FIELDS)
            db.execute(f"UPDATE desk_cases SET {assignments}, entered_by = ?, entered_at = ?, hlc = ?, "
                       "origin_device = ?, catalogue_version = ?, deleted = 0 WHERE uuid = ?",
                       [*(record[name] for name in CASE_FIELDS), session.user, now, session.clock.now(),
                        session.device_id, session.catalogue.version, case_uuid])
        if session.identity_key is not None:  # a session without the key leaves the sealed notes as they are
            db.execute("UPDATE desk_cases SET notes_sealed = ? WHERE uuid = ?",
                       [sealing.seal(session.identity_key, case_uuid, "notes", notes) if notes else None, case_uuid])
        if identity is not None:
            assert session.identity_key is not None  # checked above
            sealed = sealing.seal_identity(session.identity_key, case_uuid, identity)
            db.execute(f"INSERT INTO desk_case_identities (case_uuid, sealed) VALUES (?, ?) ON CONFLICT (case_uuid) "
                       f"DO UPDATE SET sealed = excluded.sealed, {', '.join(f'{n} = NULL' for n in IDENTITY_FIELDS)}",
                       [case_uuid, sealed])
        _replace_children(session, case_uuid, "desk_case_perpetrators", PERPETRATOR_FIELDS, perpetrators)
        _replace_children(session, case_uuid, "desk_case_services", SERVICE_FIELDS, services, natural_key="service")
    return case_uuid


def _replace_children(session: Session, case_uuid: str, table: str, fields: tuple[str, ...], children: list[Mapping],
                      natural_key: str | None = None) -> None:
    """Make the case's live children exactly ``children``: update kept ones, tombstone the rest."""
    db = session.db
    stored = {row[0]: row[1] for row in db.execute(
        f"SELECT uuid, {natural_key or 'uuid'} FROM {table} WHERE case_uuid = ?", [case_uuid])}
    by_natural = {value: child_uuid for child_uuid, value in stored.items()}
    kept: set[str] = set()
    for child in children:
        child_uuid = child.get("uuid") or (by_natural.get(child.get(natural_key)) if natural_key else None)
        values = [(child.get(name) or None) for name in fields]
        if child_uuid in stored:
            kept.add(child_uuid)
            db.execute(f"UPDATE {table} SET {', '.join(f'{name} = ?' for name in fields)}, hlc = ?, origin_device = ?, "
                       "deleted = 0 WHERE uuid = ?", [*values, session.clock.now(), session.device_id, child_uuid])
        else:
            db.execute(f"INSERT INTO {table} (case_uuid, {', '.join(fields)}, uuid, hlc, origin_device) "
                       f"VALUES (?, {', '.join('?' * len(fields))}, ?, ?, ?)",
                       [case_uuid, *values, str(uuid.uuid4()), session.clock.now(), session.device_id])
    for child_uuid in set(stored) - kept:
        db.execute(f"UPDATE {table} SET deleted = 1, hlc = ?, origin_device = ? WHERE uuid = ? AND deleted = 0",
                   [session.clock.now(), session.device_id, child_uuid])


def get_desk_case(session: Session, case_uuid: str) -> dict:
    """One case with its children and derived fields; identifying details only for allowed roles."""
    require(session, "view_cases")
    columns = ("uuid", *CASE_FIELDS)
    row = session.db.execute(f"SELECT {', '.join(columns)} FROM desk_cases WHERE uuid = ? AND deleted = 0",
                             [case_uuid]).fetchone()
    if row is None:
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "There is no case {case_uuid}."), case_uuid=case_uuid))
    case = dict(zip(columns, row, strict=True))
    case["perpetrators"] = _children(session, "desk_case_perpetrators", PERPETRATOR_FIELDS, case_uuid)
    case["services"] = _children(session, "desk_case_services", SERVICE_FIELDS, case_uuid)
    # Identities and notes open only with the identity key; without it they are absent, and
    # ``identity_withheld`` says why ("role" or "waiting"), never an error.
    case["identity_withheld"] = sealing.withheld_reason(session)
    case["notes"] = None
    if case["identity_withheld"] is None:
        case["notes"] = case_notes(session, case_uuid)
        case["identity"] = case_identity(session, case_uuid)
    case.update(derived_fields(case, session.catalogue.thresholds))
    return case


def case_identity(session: Session, case_uuid: str) -> dict | None:
    """A case's identifying details, opened with the session's identity key (None without the key or details)."""
    if session.identity_key is None or not allowed(session, "view_identities"):
        return None
    row = session.db.execute(f"SELECT sealed, {', '.join(IDENTITY_FIELDS)} FROM desk_case_identities WHERE case_uuid = ?",
                             [case_uuid]).fetchone()
    if row is None:
        return None
    if row[0] is None:  # written by an older version, not sealed yet (sealed at a holder's sign-in)
        return dict(zip(IDENTITY_FIELDS, row[1:], strict=True))
    return sealing.open_identity(session.identity_key, case_uuid, row[0])


def case_notes(session: Session, case_uuid: str) -> str | None:
    """A case's narrative notes, opened with the session's identity key (None without it)."""
    if session.identity_key is None or not allowed(session, "view_identities"):
        return None
    row = session.db.execute("SELECT notes_sealed, notes FROM desk_cases WHERE uuid = ?", [case_uuid]).fetchone()
    if row is None:
        return None
    return sealing.open_sealed(session.identity_key, case_uuid, "notes", row[0]) if row[0] else row[1]


def derived_fields(case: Mapping, thresholds: Thresholds) -> dict:
    """Case context and elapsed-reporting-time bucket (by the catalogue's ``thresholds``): always computed,
    never stored or typed."""
    report_date, _ = parse_date(case.get("report_date"))
    incident_date, _ = parse_date(case.get("incident_date"))
    relationships = [p.get("relationship") for p in case.get("perpetrators", [])]
    return {
        "case_context": case_context(case.get("gbv_type") or "", case.get("client_age"), relationships, thresholds),
        "elapsed_bucket": elapsed_bucket(report_date, incident_date, thresholds) if report_date else "unknown",
    }


def _children(session: Session, table: str, fields: tuple[str, ...], case_uuid: str) -> list[dict]:
    cursor = session.db.execute(f"SELECT uuid, {', '.join(fields)} FROM {table} WHERE case_uuid = ? AND deleted = 0 "
                                "ORDER BY id", [case_uuid])
    return [dict(zip(("uuid", *fields), row, strict=True)) for row in cursor]


def save_pkm_request(session: Session, request: Mapping) -> str:
    """Create or update (``request["uuid"]``) one PKM service request."""
    require(session, "desk_entry")
    record = {name: request.get(name) or None for name in PKM_FIELDS}
    for name in ("received_date", "completed_date"):
        parsed, ok = parse_date(record[name])
        if ok and parsed is not None:
            record[name] = parsed.isoformat()
    if record["desk"] and not record["district"]:
        row = session.db.execute("SELECT district FROM desks WHERE code = ?", [record["desk"]]).fetchone()
        record["district"] = row[0] if row else None
    issues = check_pkm_request(desk_context(session), record)
    if issues:
        raise ValidationFailed(say("errors", QT_TRANSLATE_NOOP("errors", "{count} problem(s) in the service request; nothing was saved."), count=len(issues)), issues)
    request_uuid = request.get("uuid")
    with session.write() as db:
        if request_uuid:
            cursor = db.execute(f"UPDATE pkm_requests SET {', '.join(f'{n} = ?' for n in PKM_FIELDS)}, entered_by = ?, "
                                "entered_at = ?, hlc = ?, origin_device = ? WHERE uuid = ?",
                                [*(record[n] for n in PKM_FIELDS), session.user, utc_now(), session.clock.now(),
                                 session.device_id, request_uuid])
            if cursor.rowcount == 0:
                raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "There is no service request {request_uuid}."), request_uuid=request_uuid))
        else:
            request_uuid = str(uuid.uuid4())
            columns = (*PKM_FIELDS, "entered_by", "entered_at", "uuid", "hlc", "origin_device")
            db.execute(f"INSERT INTO pkm_requests ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                       [*(record[n] for n in PKM_FIELDS), session.user, utc_now(), request_uuid,
                        session.clock.now(), session.device_id])
    return request_uuid


@dataclass(frozen=True)
class DeskFilter:
    """Filters of the desk register; every field optional."""

    status: str | None = None
    gbv_type: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    desk: str | None = None
    search: str | None = None

    def where(self) -> tuple[str, list]:
        clauses, params = ["deleted = 0"], []
        for column, value in (("status", self.status), ("gbv_type", self.gbv_type), ("desk", self.desk)):
            if value:
                clauses.append(f"{column} = ?")
                params.append(value)
        if self.date_from:
            clauses.append("report_date >= ?")
            params.append(self.date_from)
        if self.date_to:
            clauses.append("report_date <= ?")
            params.append(self.date_to)
        if self.search:
            # Typed text is matched literally: % and _ in it are not wildcards.
            pattern = "%" + self.search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            clauses.append("(case_number LIKE ? ESCAPE '\\' OR client_code LIKE ? ESCAPE '\\')")
            params.extend([pattern, pattern])
        return " AND ".join(clauses), params


REGISTER_COLUMNS = ("uuid", "case_number", "desk", "report_date", "client_code", "client_sex", "client_age",
                    "gbv_type", "status", "followup_date")


# The register columns a user may sort by; only these names ever reach the ORDER BY clause.
REGISTER_SORTABLE = frozenset(REGISTER_COLUMNS) - {"uuid"}


def desk_case_page(session: Session, desk_filter: DeskFilter = DeskFilter(), *, offset: int = 0,
                   limit: int = 200, order_by: str = "report_date", descending: bool = True) -> list[dict]:
    """One page of the register, newest first unless ``order_by``/``descending`` say otherwise.

    The GUI fetches more pages as the user scrolls. ``order_by`` is one of :data:`REGISTER_SORTABLE`;
    ties are broken by entry order (``id``) in the same direction, so pages never overlap.
    """
    require(session, "view_cases")
    if order_by not in REGISTER_SORTABLE:
        raise UsageError(f"The register cannot be sorted by {order_by!r}; choose one of: "
                         f"{', '.join(sorted(REGISTER_SORTABLE))}.")
    direction = "DESC" if descending else "ASC"
    where, params = desk_filter.where()
    cursor = session.db.execute(
        f"SELECT {', '.join(REGISTER_COLUMNS)} FROM desk_cases WHERE {where} "
        f"ORDER BY {order_by} {direction}, id {direction} LIMIT ? OFFSET ?", [*params, limit, offset])
    return [dict(zip(REGISTER_COLUMNS, row, strict=True)) for row in cursor]


def desk_case_count(session: Session, desk_filter: DeskFilter = DeskFilter()) -> int:
    require(session, "view_cases")
    where, params = desk_filter.where()
    return session.db.execute(f"SELECT count(*) FROM desk_cases WHERE {where}", params).fetchone()[0]


PKM_LOG_COLUMNS = ("uuid", "desk", "service", "applicant_sex", "received_date", "completed_date")


def pkm_request_page(session: Session, *, offset: int = 0, limit: int = 200) -> list[dict]:
    """One page of the PKM service log, most recently received first (then most recently entered)."""
    require(session, "view_cases")
    cursor = session.db.execute(
        f"SELECT {', '.join(PKM_LOG_COLUMNS)} FROM pkm_requests WHERE deleted = 0 "
        "ORDER BY received_date DESC, id DESC LIMIT ? OFFSET ?", [limit, offset])
    return [dict(zip(PKM_LOG_COLUMNS, row, strict=True)) for row in cursor]


def pkm_request_count(session: Session) -> int:
    require(session, "view_cases")
    return session.db.execute("SELECT count(*) FROM pkm_requests WHERE deleted = 0").fetchone()[0]


# -- desk indicators (POL-09 to POL-13), computed for any period ---------------------------------------


