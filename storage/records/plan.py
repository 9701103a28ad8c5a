"""The Action Plan's results framework and its activity progress, kept at the provincial centre.

The framework (tables of migration ``0019_results_framework``, described in :mod:`storage.core.schema`):

* objectives hold outputs, outputs hold activities; each has a code (unique across the whole framework), a
  title in English and Urdu, a responsible department (a catalogue institution), partners or funders (free
  text) and start and due dates (an activity must have its due date: its slippage is counted from it);
* indicators of the catalogue measure outputs (each indicator one output), with a baseline (value and year),
  a headline mark (the headline indicators reports show first: marked in the framework, not in code) and
  provincial targets per year, beside the district targets of :mod:`storage.records.targets`;
* a row naming the framework in use, and whether it is an example for the centre to replace.

The centre's clerk loads it whole from a workbook (:mod:`storage.sheets.plan`): every row is checked here
(rule codes ``PL_*`` and the value rules they share, :data:`storage.validation.RULES`), and then all of it is
written or none. A load changes only the rows that differ, so the audit log says what each load changed.

Activity progress (migration ``0020_activity_progress``): the clerk records an activity's status, percent
done, the day it describes and the evidence; rows are append-only, so the history answers "what changed
since the last meeting" (:func:`progress_changes`).

Why the clerk, and not the admin, for both: the framework is content the Delivery Unit keeps (like the
targets, which the clerk sets), not configuration (the catalogue and policy are the admin's).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from storage.core.clock import today, utc_now
from storage.core.roles import require
from storage.core.session import Session
from storage.errors import UsageError, ValidationFailed
from storage.i18n import QT_TRANSLATE_NOOP, say, translate
from storage.reference.catalogue import Catalogue
from storage.reference.periods import parse_period
from storage.validation import (
    ACTIVITY_STATUSES,
    ERROR,
    PERCENT_DONE,
    PLAN_CODE_LIMIT,
    PLAN_CODE_PATTERN,
    PLAN_EVIDENCE_LIMIT,
    PLAN_TEXT_LIMIT,
    STATUSES_NEEDING_EVIDENCE,
    TARGET_YEARS,
    Issue,
    issue,
    parse_date,
    parse_number,
    same_figure,
)

LEVELS = ("objective", "output", "activity")
# The workbook's sheet of each part (storage/sheets/plan.py writes and reads them; problems name them).
PLAN_SHEET, INDICATORS_SHEET, TARGETS_SHEET = "plan", "indicators", "targets"
LEVEL_SHEETS = {"objective": "objectives", "output": "outputs", "activity": "activities"}
PARENT_LEVEL = {"output": "objective", "activity": "output"}
LEVEL_TABLES = {"objective": "plan_objectives", "output": "plan_outputs", "activity": "plan_activities"}
YES, NO = "yes", "no"
_YES_WORDS = {"yes", "y", "true", "1", "x"}
_NO_WORDS = {"no", "n", "false", "0", ""}

# The status words a person reads (the codes are stored and typed in the CLI).
STATUS_NAMES = {
    "not_started": QT_TRANSLATE_NOOP("plan", "not started"),
    "on_track": QT_TRANSLATE_NOOP("plan", "on track"),
    "delayed": QT_TRANSLATE_NOOP("plan", "delayed"),
    "done": QT_TRANSLATE_NOOP("plan", "done"),
    "dropped": QT_TRANSLATE_NOOP("plan", "dropped"),
}


def status_name(status: str) -> str:
    """An activity status in the interface's language (an unknown code is shown as it is)."""
    return translate("plan", STATUS_NAMES[status]) if status in STATUS_NAMES else status


@dataclass(slots=True)
class SheetIssue(Issue):
    """A broken rule on one row of one sheet of the framework's workbook (``row`` None: the sheet as a whole)."""

    sheet: str = ""

    def as_dict(self) -> dict:
        return {"sheet": self.sheet, **Issue.as_dict(self)}


def on_sheet(found: Issue, sheet: str) -> SheetIssue:
    """``found`` as a problem of ``sheet`` (kept as it is when it already names one)."""
    if isinstance(found, SheetIssue):
        return found
    return SheetIssue(found.rule, found.severity, found.field, found.message, found.row, sheet=sheet)


def sheet_issue(code: str, sheet: str, row: int | None, **params: object) -> SheetIssue:
    """A :class:`SheetIssue` from the rule table, as :func:`storage.validation.issue` builds an Issue."""
    return on_sheet(issue(code, row, **params), sheet)


# -- the framework as read from a workbook (raw cells; parsed and checked by check_framework) ---------------


@dataclass
class PlanItem:
    """An objective, output or activity as a sheet gives it (``parent``: an output's objective, an activity's output)."""

    level: str
    code: object
    parent: object
    title: object
    title_ur: object
    department: object
    partner: object = None
    start: object = None
    due: object = None
    row: int | None = None


@dataclass
class PlanIndicator:
    """An indicator linked to the output it measures, with its baseline and headline mark."""

    indicator: object
    output: object
    headline: object = None
    baseline_value: object = None
    baseline_year: object = None
    note: object = None
    row: int | None = None


@dataclass
class PlanTarget:
    """A provincial target of a linked indicator for one year (in the indicator's unit, for the whole year)."""

    indicator: object
    year: object
    target: object
    row: int | None = None


@dataclass
class Framework:
    """A whole framework to load: what names it and every row of every sheet."""

    name: object
    name_ur: object
    example: object = None
    note: object = None
    items: list[PlanItem] = field(default_factory=list)
    indicators: list[PlanIndicator] = field(default_factory=list)
    targets: list[PlanTarget] = field(default_factory=list)
    name_row: int | None = 2  # the row of the plan sheet that names it


@dataclass
class PlanSaveReport:
    """What a load wrote (or, dry run, would write): per table, rows new, changed and removed; notes."""

    counts: dict[str, dict[str, int]] = field(default_factory=dict)
    notes: list[SheetIssue] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"counts": self.counts, "notes": [note.as_dict() for note in self.notes]}


# -- parsing cells -------------------------------------------------------------------------------------


def text(raw: object) -> str:
    """A cell as the text a person typed: trimmed; a whole number without Excel's ``.0``; a date as YYYY-MM-DD."""
    if raw is None:
        return ""
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    if isinstance(raw, dt.datetime):
        return raw.date().isoformat()
    if isinstance(raw, dt.date):
        return raw.isoformat()
    return str(raw).strip()


def _code(raw: object) -> str:
    return text(raw).upper()


def _yes_no(raw: object) -> bool | None:
    """True for yes, False for no or empty, None for anything else."""
    word = text(raw).lower()
    if word in _YES_WORDS:
        return True
    return False if word in _NO_WORDS else None


def _required_text(problems: list[SheetIssue], sheet: str, row: int | None, raw: object, field_name: str,
                   limit: int = PLAN_TEXT_LIMIT, required: bool = True) -> str:
    value = text(raw)
    if required and not value:
        problems.append(sheet_issue("PL_REQUIRED", sheet, row, field=field_name))
    elif len(value) > limit:
        problems.append(sheet_issue("PL_TEXT_TOO_LONG", sheet, row, field=field_name, length=len(value), limit=limit))
    return value


def _date(problems: list[SheetIssue], sheet: str, row: int | None, raw: object, field_name: str) -> str | None:
    day, ok = parse_date(raw if not isinstance(raw, str) else raw.strip())
    if not ok:
        problems.append(sheet_issue("DC_BAD_DATE", sheet, row, field=field_name, value=text(raw)))
    return day.isoformat() if day else None


# -- checking a whole framework ------------------------------------------------------------------------


@dataclass
class CheckedFramework:
    """A framework that passed every rule: the rows of each table as they are stored, by key."""

    tables: dict[str, dict[object, dict]]


def check_framework(catalogue: Catalogue, framework: Framework) -> tuple[CheckedFramework, list[SheetIssue]]:
    """Every rule of the framework, over every row of every sheet: (the rows to store, every problem)."""
    problems: list[SheetIssue] = []
    tables: dict[str, dict[object, dict]] = {table: {} for table in
                                             ("plan_objectives", "plan_outputs", "plan_activities",
                                              "plan_indicators", "plan_targets")}
    row = framework.name_row
    name = _required_text(problems, PLAN_SHEET, row, framework.name, "name")
    name_ur = _required_text(problems, PLAN_SHEET, row, framework.name_ur, "Urdu name")
    example = _yes_no(framework.example)
    if example is None:
        problems.append(sheet_issue("DC_UNKNOWN_CHOICE", PLAN_SHEET, row, field="example",
                                    value=text(framework.example), choices=f"{YES}, {NO}"))
    note = _required_text(problems, PLAN_SHEET, row, framework.note, "note", required=False)
    framework_row = {"id": 1, "name": name, "name_ur": name_ur, "example": int(bool(example)), "note": note or None}

    seen: dict[str, tuple[str, int | None]] = {}  # code -> (sheet, row) where it was first given
    departments = catalogue.institutions
    codes = {level: {_code(item.code) for item in framework.items if item.level == level} for level in LEVELS}
    for level in LEVELS:
        sheet = LEVEL_SHEETS[level]
        items = [item for item in framework.items if item.level == level]
        if not items:
            problems.append(sheet_issue("PL_EMPTY", sheet, None, value=sheet))
        for position, item in enumerate(items, start=1):
            row = item.row
            code = _code(item.code)
            if not code:
                problems.append(sheet_issue("PL_REQUIRED", sheet, row, field="code"))
            elif len(code) > PLAN_CODE_LIMIT or not PLAN_CODE_PATTERN.match(code):
                problems.append(sheet_issue("PL_CODE_FORMAT", sheet, row, value=code, limit=PLAN_CODE_LIMIT))
            elif code in seen:
                problems.append(sheet_issue("PL_DUPLICATE", sheet, row, value=code, first_sheet=seen[code][0],
                                            first_row=seen[code][1]))
            else:
                seen[code] = (sheet, row)
            stored = {"code": code, "position": position}
            if level in PARENT_LEVEL:
                parent_level = PARENT_LEVEL[level]
                parent = _code(item.parent)
                if not parent:
                    problems.append(sheet_issue("PL_REQUIRED", sheet, row, field=parent_level))
                elif parent not in codes[parent_level]:
                    problems.append(sheet_issue("PL_UNKNOWN_PARENT", sheet, row, field=parent_level, value=parent,
                                                parent_sheet=LEVEL_SHEETS[parent_level]))
                stored[parent_level] = parent
            stored["title"] = _required_text(problems, sheet, row, item.title, "title")
            stored["title_ur"] = _required_text(problems, sheet, row, item.title_ur, "Urdu title")
            department = text(item.department).lower()
            if not department:
                problems.append(sheet_issue("PL_REQUIRED", sheet, row, field="department"))
            elif department not in departments:
                problems.append(sheet_issue("PL_UNKNOWN_DEPARTMENT", sheet, row, value=department,
                                            choices=", ".join(departments)))
            stored["department"] = department
            stored["partner"] = _required_text(problems, sheet, row, item.partner, "partner", required=False) or None
            start = _date(problems, sheet, row, item.start, "start date")
            due = _date(problems, sheet, row, item.due, "due date")
            if level == "activity" and due is None and not text(item.due):
                problems.append(sheet_issue("PL_REQUIRED", sheet, row, field="due date"))
            if start and due and due < start:
                problems.append(sheet_issue("PL_DATES_ORDER", sheet, row, value=code, start=start, due=due))
            stored["start_date"], stored["due_date"] = start, due
            tables[LEVEL_TABLES[level]][code] = stored

    outputs = codes["output"]
    indicator_rows: dict[str, int | None] = {}
    for position, linked in enumerate(framework.indicators, start=1):
        row, sheet = linked.row, INDICATORS_SHEET
        code = _code(linked.indicator)
        indicator = catalogue.indicators.get(code)
        if not code:
            problems.append(sheet_issue("PL_REQUIRED", sheet, row, field="indicator"))
        elif indicator is None:
            problems.append(sheet_issue("IV_UNKNOWN_INDICATOR", sheet, row, value=code))
        elif code in indicator_rows:
            problems.append(sheet_issue("PL_DUPLICATE", sheet, row, value=code, first_sheet=sheet,
                                        first_row=indicator_rows[code]))
        else:
            indicator_rows[code] = row
        output = _code(linked.output)
        if not output:
            problems.append(sheet_issue("PL_REQUIRED", sheet, row, field="output"))
        elif output not in outputs:
            problems.append(sheet_issue("PL_UNKNOWN_PARENT", sheet, row, field="output", value=output,
                                        parent_sheet=LEVEL_SHEETS["output"]))
        headline = _yes_no(linked.headline)
        if headline is None:
            problems.append(sheet_issue("DC_UNKNOWN_CHOICE", sheet, row, field="headline",
                                        value=text(linked.headline), choices=f"{YES}, {NO}"))
        baseline, ok = parse_number(linked.baseline_value)
        if not ok:
            problems.append(sheet_issue("IV_NOT_A_NUMBER", sheet, row, field="baseline", value=text(linked.baseline_value)))
        elif baseline is not None and baseline < 0:
            problems.append(sheet_issue("IV_NEGATIVE", sheet, row, indicator=code, field="baseline",
                                        value=text(linked.baseline_value)))
        year, year_ok = parse_number(linked.baseline_year)
        if not year_ok or (year is not None and (not isinstance(year, int)
                                                 or not TARGET_YEARS[0] <= year <= TARGET_YEARS[1])):
            problems.append(sheet_issue("PL_YEAR", sheet, row, field="baseline year", value=text(linked.baseline_year),
                                        first=TARGET_YEARS[0], last=TARGET_YEARS[1]))
        elif ok and (baseline is None) != (year is None):
            problems.append(sheet_issue("PL_BASELINE_INCOMPLETE", sheet, row, indicator=code))
        note = _required_text(problems, sheet, row, linked.note, "note", required=False)
        tables["plan_indicators"][code] = {"indicator": code, "output": output, "position": position,
                                           "headline": int(bool(headline)), "baseline_value": baseline,
                                           "baseline_year": year, "note": note or None}

    target_rows: dict[tuple[str, int], int | None] = {}
    for target in framework.targets:
        row, sheet = target.row, TARGETS_SHEET
        code = _code(target.indicator)
        indicator = catalogue.indicators.get(code)
        if not code:
            problems.append(sheet_issue("PL_REQUIRED", sheet, row, field="indicator"))
        elif indicator is None:
            problems.append(sheet_issue("IV_UNKNOWN_INDICATOR", sheet, row, value=code))
        elif code not in tables["plan_indicators"]:
            problems.append(sheet_issue("PL_TARGET_NOT_LINKED", sheet, row, value=code))
        year, ok = parse_number(target.year)
        if not ok or not isinstance(year, int) or not TARGET_YEARS[0] <= year <= TARGET_YEARS[1]:
            problems.append(sheet_issue("TG_YEAR", sheet, row, value=text(target.year), first=TARGET_YEARS[0],
                                        last=TARGET_YEARS[1]))
            year = None
        elif indicator is not None and not indicator.validity.covers(parse_period(str(year))):
            problems.append(sheet_issue("IV_INDICATOR_NOT_VALID", sheet, row, value=year, indicator=code,
                                        validity=indicator.validity.describe()))
        number, ok = parse_number(target.target)
        if not ok or number is None:
            problems.append(sheet_issue("IV_NOT_A_NUMBER", sheet, row, field="target", value=text(target.target)))
        elif indicator is not None:
            if number < 0:
                problems.append(sheet_issue("IV_NEGATIVE", sheet, row, indicator=code, field="target",
                                            value=text(target.target)))
            elif indicator.unit == "count" and not isinstance(number, int):
                problems.append(sheet_issue("IV_COUNT_NOT_WHOLE", sheet, row, indicator=code, value=text(target.target)))
            elif indicator.unit == "percent" and not indicator.may_exceed_100 and number > 100:
                problems.append(sheet_issue("TG_PERCENT_OVER_100", sheet, row, indicator=code, value=text(target.target)))
        if year is not None and code:
            key = (code, year)
            if key in target_rows:
                problems.append(sheet_issue("PL_DUPLICATE", sheet, row, value=f"{code} {year}", first_sheet=sheet,
                                            first_row=target_rows[key]))
            target_rows[key] = row
            tables["plan_targets"][key] = {"indicator": code, "year": year, "target": number}
    tables["plan_framework"] = {1: framework_row}
    problems.sort(key=lambda found: (_SHEET_ORDER.get(found.sheet, 99), found.row or 0, found.rule))
    return CheckedFramework(tables), problems


_SHEET_ORDER = {sheet: position for position, sheet in enumerate(
    (PLAN_SHEET, *LEVEL_SHEETS.values(), INDICATORS_SHEET, TARGETS_SHEET))}

# Parents before children when rows are written; children before parents when rows are removed.
_WRITE_ORDER = ("plan_framework", "plan_objectives", "plan_outputs", "plan_activities", "plan_indicators",
                "plan_targets")
_KEYS = {"plan_framework": ("id",), "plan_objectives": ("code",), "plan_outputs": ("code",),
         "plan_activities": ("code",), "plan_indicators": ("indicator",), "plan_targets": ("indicator", "year")}
# Columns that name the load rather than the framework: they change at every load and count no change.
_LOAD_COLUMNS = ("file_name", "sha256", "loaded_by", "loaded_at")


def _stored_rows(session: Session, table: str) -> dict[object, dict]:
    cursor = session.db.execute(f"SELECT * FROM {table}")
    columns = [column[0] for column in cursor.description]
    keys = _KEYS[table]
    rows = {}
    for values in cursor:
        record = dict(zip(columns, values, strict=True))
        rows[record[keys[0]] if len(keys) == 1 else tuple(record[key] for key in keys)] = record
    return rows


def _differs(stored: dict, new: dict) -> bool:
    return any(not same_figure(stored.get(column), value) for column, value in new.items()
               if column not in _LOAD_COLUMNS)


def _refused(problems: list[SheetIssue]) -> ValidationFailed:
    return ValidationFailed(say("errors", QT_TRANSLATE_NOOP("errors", "{count} problem(s) in the results framework; nothing was saved."), count=len(problems)), problems)


def _at_the_centre(session: Session) -> None:
    if not session.is_centre:
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "The Action Plan's results framework is kept at the provincial centre, not at a district office.")))


def save_framework(session: Session, framework: Framework, *, file_name: str = "", sha256: str = "",
                   dry_run: bool = False) -> PlanSaveReport:
    """Check a whole framework and make it the one in use: all of it, or nothing (``ValidationFailed`` lists
    every problem with its sheet and row). Only rows that differ are written; rows the new framework lacks
    are removed, except activity progress, which stays in the history (a note says so). Centre clerk."""
    require(session, "manage_plan")
    _at_the_centre(session)
    checked, problems = check_framework(session.catalogue, framework)
    errors = [found for found in problems if found.severity == ERROR]
    if errors:
        raise _refused(errors)
    checked.tables["plan_framework"][1].update(file_name=file_name, sha256=sha256, loaded_by=session.user,
                                               loaded_at=utc_now())
    report = PlanSaveReport()
    writes: list[tuple[str, dict, bool]] = []  # (table, row, replaces a stored row)
    removals: list[tuple[str, object]] = []
    for table in _WRITE_ORDER:
        stored = _stored_rows(session, table)
        new = checked.tables[table]
        counts = {"new": 0, "changed": 0, "unchanged": 0, "removed": 0}
        for key, record in new.items():
            if key not in stored:
                counts["new"] += 1
                writes.append((table, record, False))
            elif _differs(stored[key], record):
                counts["changed"] += 1
                writes.append((table, record, True))
            else:
                counts["unchanged"] += 1
                if table == "plan_framework":
                    writes.append((table, record, True))  # who loaded it and when, though nothing else changed
        for key in stored.keys() - new.keys():
            counts["removed"] += 1
            removals.append((table, key))
        report.counts[table.removeprefix("plan_")] = counts
    dropped = [key for table, key in removals if table == "plan_activities"]
    if dropped:
        held = dict(session.db.execute(
            f"SELECT activity, count(*) FROM plan_progress WHERE activity IN ({', '.join('?' * len(dropped))}) "
            "GROUP BY activity", dropped).fetchall())
        report.notes = [sheet_issue("PL_PROGRESS_KEPT", LEVEL_SHEETS["activity"], None, value=code, count=held[code])
                        for code in sorted(held)]
    if dry_run:
        return report
    # Parents are written before their children, and rows are removed after every kept row points to a
    # parent that stays (children before parents): the foreign keys hold at every step.
    with session.write() as db:
        for table, record, replaces in writes:
            columns = list(record)
            if replaces:
                keys = _KEYS[table]
                assignments = ", ".join(f"{column} = ?" for column in columns if column not in keys)
                db.execute(f"UPDATE {table} SET {assignments} WHERE {' AND '.join(f'{c} = ?' for c in keys)}",
                           [record[c] for c in columns if c not in keys] + [record[c] for c in keys])
            else:
                db.execute(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                           [record[column] for column in columns])
        for table, key in sorted(removals, key=lambda removal: -_WRITE_ORDER.index(removal[0])):
            columns = _KEYS[table]
            values = [key] if len(columns) == 1 else list(key)
            db.execute(f"DELETE FROM {table} WHERE {' AND '.join(f'{c} = ?' for c in columns)}", values)
    return report


# -- reading the framework -----------------------------------------------------------------------------


def framework_info(session: Session) -> dict | None:
    """The framework in use (name, Urdu name, example, note, file, who loaded it and when), or None."""
    require(session, "view")
    return _stored_rows(session, "plan_framework").get(1)


def _ordered(session: Session, table: str) -> list[dict]:
    return sorted(_stored_rows(session, table).values(), key=lambda record: record["position"])


def stored_framework(session: Session) -> Framework | None:
    """The framework in use as a :class:`Framework` (for the template: it loads back unchanged), or None."""
    info = framework_info(session)
    if info is None:
        return None
    framework = Framework(info["name"], info["name_ur"], YES if info["example"] else NO, info["note"])
    for level in LEVELS:
        parent = PARENT_LEVEL.get(level)
        framework.items += [PlanItem(level, record["code"], record[parent] if parent else None, record["title"],
                                     record["title_ur"], record["department"], record["partner"],
                                     record["start_date"], record["due_date"])
                            for record in _ordered(session, LEVEL_TABLES[level])]
    framework.indicators = [PlanIndicator(record["indicator"], record["output"], YES if record["headline"] else NO,
                                          record["baseline_value"], record["baseline_year"], record["note"])
                            for record in _ordered(session, "plan_indicators")]
    order = {record.indicator: position for position, record in enumerate(framework.indicators)}
    framework.targets = [PlanTarget(record["indicator"], record["year"], record["target"]) for record in sorted(
        _stored_rows(session, "plan_targets").values(), key=lambda r: (order.get(r["indicator"], 0), r["year"]))]
    return framework


def headline_indicators(session: Session) -> list[str]:
    """The indicators the framework in use marks as headline, in its order (empty: none marked, or no framework)."""
    return [code for (code,) in session.db.execute(
        "SELECT indicator FROM plan_indicators WHERE headline = 1 ORDER BY position")]


def provincial_targets(session: Session, year: int) -> dict[str, float | int]:
    """The framework's provincial target of each indicator for ``year``."""
    return dict(session.db.execute("SELECT indicator, target FROM plan_targets WHERE year = ?", [year]).fetchall())


FINISHED_STATUSES = ("done", "dropped")  # an activity in one of these is never late


def days_late(due_date: str, status: str, on: dt.date) -> int:
    """Days past an activity's due date on ``on`` while it is neither done nor dropped (else 0)."""
    late = (on - dt.date.fromisoformat(due_date)).days
    return late if late > 0 and status not in FINISHED_STATUSES else 0


def framework_tree(session: Session, on: dt.date | None = None) -> dict | None:
    """The framework in use as a tree on ``on`` (default today), for ``plan show``, screens and the pack:
    objectives > outputs > activities (each with the latest progress reported by that day and the days it
    was past due then) and indicators (with baseline and targets)."""
    info = framework_info(session)
    if info is None:
        return None
    on = on or today()
    latest = latest_progress(session, on)  # the state reported by that day
    targets: dict[str, dict[int, float | int]] = {}
    for record in _stored_rows(session, "plan_targets").values():
        targets.setdefault(record["indicator"], {})[record["year"]] = record["target"]
    outputs = _ordered(session, "plan_outputs")
    activities = _ordered(session, "plan_activities")
    indicators = _ordered(session, "plan_indicators")
    tree = []
    for objective in _ordered(session, "plan_objectives"):
        children = []
        for output in (o for o in outputs if o["objective"] == objective["code"]):
            output_activities = []
            for activity in (a for a in activities if a["output"] == output["code"]):
                progress = latest.get(activity["code"])
                status = progress["status"] if progress else "not_started"
                output_activities.append({**_public(activity), "status": status,
                                          "percent": progress["percent"] if progress else 0,
                                          "as_of": progress["as_of"] if progress else None,
                                          "days_late": days_late(activity["due_date"], status, on)})
            output_indicators = [{**_public(indicator), "headline": bool(indicator["headline"]),
                                  "targets": {str(year): target for year, target
                                              in sorted(targets.get(indicator["indicator"], {}).items())}}
                                 for indicator in indicators if indicator["output"] == output["code"]]
            children.append({**_public(output), "activities": output_activities, "indicators": output_indicators})
        tree.append({**_public(objective), "outputs": children})
    framework = {key: info[key] for key in ("name", "name_ur", "note", "file_name", "loaded_by", "loaded_at")}
    return {**framework, "example": bool(info["example"]), "objectives": tree,
            "dropped_activities": dropped_activity_codes(session)}


def _public(record: dict) -> dict:
    return {key: value for key, value in record.items() if key != "position"}


# -- activity progress ---------------------------------------------------------------------------------


PROGRESS_COLUMNS = ("id", "activity", "status", "percent", "as_of", "evidence", "entered_by", "entered_at")


def _status_code(raw: object) -> str:
    """A status as typed ("on track", "On-track", "on_track") as its code."""
    return text(raw).lower().replace("-", "_").replace(" ", "_")


def check_progress(session: Session, activity: str, status: object, percent: object, as_of: object,
                   evidence: object) -> tuple[dict, list[Issue]]:
    """(the progress row to store, every problem) for one report of an activity's progress."""
    problems: list[Issue] = []
    code = _code(activity)
    if session.db.execute("SELECT 1 FROM plan_activities WHERE code = ?", [code]).fetchone() is None:
        problems.append(issue("PL_UNKNOWN_ACTIVITY", value=code))
    status_code = _status_code(status)
    if status_code not in ACTIVITY_STATUSES:
        problems.append(issue("DC_UNKNOWN_CHOICE", field="activity status", value=text(status),
                              choices=", ".join(ACTIVITY_STATUSES)))
    number, ok = parse_number(percent)
    if not ok or number is None or not PERCENT_DONE[0] <= number <= PERCENT_DONE[1]:
        problems.append(issue("PL_PERCENT", value=text(percent)))
    elif status_code == "done" and number != PERCENT_DONE[1]:
        problems.append(issue("PL_DONE_PERCENT", value=text(percent)))
    day, ok = parse_date(as_of if not isinstance(as_of, str) else as_of.strip())
    if not ok or day is None:
        problems.append(issue("DC_BAD_DATE", field="progress date", value=text(as_of)))
    elif day > today():
        problems.append(issue("PKM_FUTURE", field="progress date", value=day.isoformat(), today=today().isoformat()))
    else:
        last = session.db.execute("SELECT max(as_of) FROM plan_progress WHERE activity = ?", [code]).fetchone()[0]
        if last is not None and day.isoformat() < last:
            problems.append(issue("PL_PROGRESS_BEFORE_LAST", activity=code, value=day.isoformat(), last=last))
    words = text(evidence)
    if not words and status_code in STATUSES_NEEDING_EVIDENCE:
        problems.append(issue("PL_EVIDENCE_REQUIRED", status=status_name(status_code)))
    elif len(words) > PLAN_EVIDENCE_LIMIT:
        problems.append(issue("PL_TEXT_TOO_LONG", field="evidence", length=len(words), limit=PLAN_EVIDENCE_LIMIT))
    return {"activity": code, "status": status_code, "percent": number,
            "as_of": day.isoformat() if day else None, "evidence": words or None}, problems


def record_progress(session: Session, activity: str, status: object, percent: object, as_of: object,
                    evidence: object = None) -> dict:
    """Record one report of an activity's progress (centre clerk): checked, appended to its history (never
    replacing an earlier report), audited. Returns the stored row."""
    require(session, "plan_progress")
    _at_the_centre(session)
    record, problems = check_progress(session, activity, status, percent, as_of, evidence)
    if problems:
        raise ValidationFailed(say("errors", QT_TRANSLATE_NOOP("errors", "{count} problem(s) in the activity's progress; nothing was saved."), count=len(problems)), problems)
    record.update(entered_by=session.user, entered_at=utc_now())
    with session.write() as db:
        cursor = db.execute(f"INSERT INTO plan_progress ({', '.join(record)}) VALUES ({', '.join('?' * len(record))})",
                            list(record.values()))
        record["id"] = cursor.lastrowid
    return {column: record[column] for column in PROGRESS_COLUMNS}


def progress_history(session: Session, activity: str | None = None) -> list[dict]:
    """Every progress report (of one activity, or all), oldest first: the append-only history."""
    require(session, "view")
    where, params = ("WHERE activity = ?", [_code(activity)]) if activity else ("", [])
    cursor = session.db.execute(f"SELECT {', '.join(PROGRESS_COLUMNS)} FROM plan_progress {where} "
                                "ORDER BY activity, as_of, id", params)
    return [dict(zip(PROGRESS_COLUMNS, row, strict=True)) for row in cursor]


def latest_progress(session: Session, on: dt.date | str | None = None) -> dict[str, dict]:
    """Each activity's latest progress report (as of ``on``, when given: the state reported by that day)."""
    where, params = "", []
    if on is not None:
        where, params = "WHERE as_of <= ?", [on.isoformat() if isinstance(on, dt.date) else on]
    cursor = session.db.execute(f"SELECT {', '.join(PROGRESS_COLUMNS)} FROM plan_progress {where} "
                                "ORDER BY activity, as_of, id", params)
    latest: dict[str, dict] = {}
    for row in cursor:
        latest[row[1]] = dict(zip(PROGRESS_COLUMNS, row, strict=True))  # the last of each activity wins
    return latest


def progress_changes(session: Session, since: dt.date | str) -> list[dict]:
    """What changed after ``since`` (e.g. the last Steering Committee meeting): each activity whose latest
    status or percent now differs from what was reported by that day, with both (before: None when nothing
    was reported by then), in framework order."""
    require(session, "view")
    before, now = latest_progress(session, since), latest_progress(session)
    order = {code: position for position, (code,) in enumerate(session.db.execute(
        "SELECT a.code FROM plan_activities a JOIN plan_outputs o ON o.code = a.output "
        "JOIN plan_objectives b ON b.code = o.objective ORDER BY b.position, o.position, a.position"))}
    changes = []
    for code, latest in now.items():
        earlier = before.get(code)
        if earlier is None or (earlier["status"], earlier["percent"]) != (latest["status"], latest["percent"]):
            changes.append({"activity": code, "before": _state(earlier), "now": _state(latest)})
    return sorted(changes, key=lambda change: (order.get(change["activity"], len(order)), change["activity"]))


def _state(progress: dict | None) -> dict | None:
    return None if progress is None else {key: progress[key] for key in ("status", "percent", "as_of")}


def dropped_activity_codes(session: Session) -> list[str]:
    """Activities with progress history that the framework in use no longer holds."""
    return [code for (code,) in session.db.execute(
        "SELECT DISTINCT activity FROM plan_progress WHERE activity NOT IN (SELECT code FROM plan_activities) "
        "ORDER BY activity")]
