"""What travels in a bundle, per record type: the columns, their kinds, and the merge key.

This is the one place that decides what may leave the office. Identifying details
(desk_case_identities), narrative notes, exact ages, client codes, handling officers and FIR numbers
are not listed, so they are never exported.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from storage.validation import MAX_FIGURE, MIN_STORED_INTEGER

SYNC_COLUMNS = ("uuid", "hlc", "origin_device", "deleted")


@dataclass(frozen=True)
class RecordSpec:
    """One record type: table, exported columns with their kinds, and the key merges match on.

    Kinds: ``text``, ``int``, ``number``, ``flag`` (0 or 1); a trailing ``?`` allows null.
    ``centre_fill`` gives values for NOT NULL columns that deliberately do not travel.
    """

    table: str
    columns: dict[str, str]
    natural_key: tuple[str, ...] = ("uuid",)
    centre_fill: dict[str, object] = field(default_factory=dict)
    # Columns added after format 1 was first written: a bundle of an older Mizan lacks them, and they read as
    # empty (each is nullable), so an office that has not upgraded yet still exports cleanly.
    added_later: tuple[str, ...] = ()

    @property
    def exported(self) -> tuple[str, ...]:
        """Every column that travels: the record type's own, then uuid, hlc, origin_device, deleted."""
        return (*self.columns, *SYNC_COLUMNS)


_DESK_CASE_COLUMNS = {
    "case_number": "text", "desk": "text", "district": "text", "report_date": "text", "incident_date": "text?",
    "time_of_day": "text?", "location_type": "text?", "incident_district": "text?", "client_sex": "text",
    "client_age_group": "text?", "age_estimated": "flag", "disability": "flag?", "displacement": "text?",
    "classification_answers": "text?", "gbv_type": "text", "non_gbv_complaint": "text?",
    "previous_incidents": "flag?", "consent_services": "flag?", "consent_reporting": "flag?", "status": "text",
    "followup_date": "text?", "closing_reason": "text?", "entered_by": "text", "entered_at": "text",
    "catalogue_version": "text?",
}

SPECS: dict[str, RecordSpec] = {
    "desks": RecordSpec("desks", {"code": "text", "name": "text", "district": "text", "station": "text?",
                                  "opened": "text?", "active": "flag"}, natural_key=("code",)),
    "indicator_values": RecordSpec(
        "indicator_values",
        {"indicator": "text", "district": "text", "period": "text", "cell": "text", "value": "number?",
         "numerator": "number?", "denominator": "number?", "comment": "text?", "followup": "flag",
         "entered_by": "text", "entered_at": "text", "catalogue_version": "text?"},
        natural_key=("indicator", "district", "period", "cell"), added_later=("catalogue_version",)),
    "targets": RecordSpec(
        "targets", {"indicator": "text", "district": "text", "year": "int", "target": "number", "set_by": "text",
                    "set_at": "text", "catalogue_version": "text?"}, natural_key=("indicator", "district", "year"),
        added_later=("catalogue_version",)),
    "completions": RecordSpec(
        "completions", {"district": "text", "institution": "text", "period": "text", "complete": "flag",
                        "marked_by": "text", "marked_at": "text", "submitted_at": "text?"},
        natural_key=("district", "institution", "period"), added_later=("submitted_at",)),
    "desk_cases": RecordSpec("desk_cases", _DESK_CASE_COLUMNS, centre_fill={"client_code": "(de-identified)"},
                             added_later=("catalogue_version",)),
    "desk_case_perpetrators": RecordSpec(
        "desk_case_perpetrators", {"case_uuid": "text", "relationship": "text", "sex": "text", "age_group": "text"}),
    "desk_case_services": RecordSpec(
        "desk_case_services", {"case_uuid": "text", "service": "text", "status": "text", "date": "text?"}),
    "pkm_requests": RecordSpec(
        "pkm_requests", {"desk": "text", "district": "text", "service": "text", "applicant_sex": "text",
                         "received_date": "text", "completed_date": "text?", "entered_by": "text",
                         "entered_at": "text"}),
}
DESK_CHILD_TYPES = ("desk_case_perpetrators", "desk_case_services")
MAX_TEXT = 4000


def _plan(spec: RecordSpec) -> tuple[frozenset[str], tuple[tuple[str, bool, str], ...]]:
    """The exported names of ``spec`` and (name, nullable, base kind) of each checked field, worked out once."""
    cached = _PLANS.get(id(spec))
    if cached is None or cached[0] is not spec:
        fields = tuple((name, kind.endswith("?"), kind.rstrip("?"))
                       for name, kind in {**spec.columns, "deleted": "flag"}.items())
        cached = _PLANS[id(spec)] = (spec, frozenset(spec.exported), fields)
    return cached[1], cached[2]


_PLANS: dict[int, tuple[RecordSpec, frozenset[str], tuple[tuple[str, bool, str], ...]]] = {}
_SYNC_SET = frozenset(SYNC_COLUMNS)
_INFINITIES = (float("inf"), float("-inf"))
# JSON allows whole numbers of any size; SQLite stores 64 bits (binding a larger one raises OverflowError).
_MIN_INTEGER, _MAX_INTEGER = MIN_STORED_INTEGER, MAX_FIGURE  # SQLite's 64-bit range


def shape_problem(spec: RecordSpec, record: dict, minimal_tombstone_ok: bool) -> str | None:
    """Why ``record`` is not shaped like ``spec`` (unknown or missing keys, wrong kinds), or None.

    A column the spec added later and the record lacks (an older Mizan's bundle) is filled in as empty."""
    exported, fields = _plan(spec)
    keys = record.keys()
    if minimal_tombstone_ok and keys == _SYNC_SET and record.get("deleted") == 1:
        return None
    for name in spec.added_later:  # an older Mizan's record: the later column reads as empty
        if name not in keys and _SYNC_SET <= keys:
            record[name] = None
    keys = record.keys()
    if keys != exported:
        unknown = keys - exported
        if unknown:
            return f"unexpected fields {', '.join(sorted(unknown))}"
        missing = exported - keys
        if missing:
            return f"missing fields {', '.join(sorted(missing))}"
    for name, nullable, base in fields:
        value = record[name]
        if value is None:
            if not nullable:
                return f"{name} is empty"
            continue
        if base == "text":
            if not (isinstance(value, str) and len(value) <= MAX_TEXT):
                return f"{name} is not text of at most {MAX_TEXT} characters"
        elif base == "int" or base == "flag":
            if not isinstance(value, int) or isinstance(value, bool):
                return f"{name} is not a whole number"
            if base == "flag" and value not in (0, 1):
                return f"{name} is not 0 or 1"
            if not _MIN_INTEGER <= value <= _MAX_INTEGER:
                return f"{name} is too large a number"
        elif base == "number":
            if (not isinstance(value, (int, float)) or isinstance(value, bool)
                    or value != value or value in _INFINITIES):
                return f"{name} is not a number"
            if isinstance(value, int) and not _MIN_INTEGER <= value <= _MAX_INTEGER:
                return f"{name} is too large a number"
    return None
