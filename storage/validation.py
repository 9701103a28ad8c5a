"""The one validation engine: the GUI, the CLI, bulk loads and the centre's import all call it.

Every rule is declared once in :data:`RULES` with a code, a severity and a message template that names
the field, the value and the fix. ``error`` blocks saving; ``warning`` needs a comment to save. The
checks below are driven by the catalogue (units, frequencies, categories, validity dates), so a new
indicator in ``resources/indicators.csv`` is validated without new code.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
import statistics
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from storage.i18n import QT_TRANSLATE_NOOP, fill, say, translate
from storage.reference.catalogue import TOTAL_CELL, Catalogue, Indicator, Thresholds, make_cell, parse_cell
from storage.reference.periods import Period, parse_period, previous_periods
from storage.reference.rules import CrossRule

ERROR, WARNING = "error", "warning"
# A note tells what a load did for the person (e.g. read a date as its month); it never refuses a row.
NOTE = "note"


@dataclass(frozen=True)
class Rule:
    code: str
    severity: str
    field: str
    message: str


def _rules(*rules: Rule) -> dict[str, Rule]:
    return {rule.code: rule for rule in rules}


RULES: dict[str, Rule] = _rules(
    # Indicator values
    Rule("IV_UNKNOWN_INDICATOR", ERROR, "indicator",
         QT_TRANSLATE_NOOP("rules", "Indicator '{value}' is not in the catalogue. Use a code such as POL-01, as in the template.")),
    Rule("IV_COMPUTED_INDICATOR", ERROR, "indicator",
         QT_TRANSLATE_NOOP("rules", "{indicator} is computed from the desk register and cannot be typed in. Enter desk cases instead.")),
    Rule("IV_UNKNOWN_DISTRICT", ERROR, "district",
         QT_TRANSLATE_NOOP("rules", "District '{value}' is not known. Use a district code such as QUETTA.")),
    Rule("IV_ENTERED_AT_CENTRE", ERROR, "indicator",
         QT_TRANSLATE_NOOP("rules", "{indicator} is entered at the provincial centre, not at a district office. Leave it out; the centre enters it for every district.")),
    Rule("IV_OTHER_DISTRICT", ERROR, "district",
         QT_TRANSLATE_NOOP("rules", "This office enters figures for {own}, not for '{value}'. Correct the district.")),
    Rule("IV_PERIOD_FORMAT", ERROR, "period",
         QT_TRANSLATE_NOOP("rules", "Period '{value}' does not fit {indicator}, which is {frequency}. Write it like {example}.")),
    Rule("IV_PERIOD_FUTURE", ERROR, "period",
         QT_TRANSLATE_NOOP("rules", "Period {value} has not started yet (today is {today}). Enter figures for past or current periods only.")),
    Rule("IV_DISTRICT_NOT_VALID", ERROR, "district",
         QT_TRANSLATE_NOOP("rules", "District {district} existed from {validity}; period {value} is outside that. Use the district that covered the area then.")),
    Rule("IV_INDICATOR_NOT_VALID", ERROR, "period",
         QT_TRANSLATE_NOOP("rules", "{indicator} is reported from {validity}; period {value} is outside that.")),
    Rule("IV_LOCKED", ERROR, "period",
         QT_TRANSLATE_NOOP("rules", "The {institution} data set for {district} {value} is marked complete and locked. Ask a supervisor to reopen it.")),
    Rule("IV_APPROVED", ERROR, "period",
         QT_TRANSLATE_NOOP("rules", "The {institution} data set for {district} {value} was approved on {day} by {name}. Ask the centre to reopen it.")),
    Rule("IV_UNKNOWN_CELL", ERROR, "cell",
         QT_TRANSLATE_NOOP("rules", "Cell '{value}' is not a cell of {indicator}. Use 'total' or one combination of: {categories}.")),
    Rule("IV_NOT_A_NUMBER", ERROR, "value",
         QT_TRANSLATE_NOOP("rules", "The {field} '{value}' is not a number. Type digits only, e.g. 12 or 12.5.")),
    Rule("IV_VALUE_MISSING", ERROR, "value",
         QT_TRANSLATE_NOOP("rules", "{indicator} needs a {needed}; it is empty. Type the figure, or 0 if there were none.")),
    Rule("IV_COUNT_NOT_WHOLE", ERROR, "value",
         QT_TRANSLATE_NOOP("rules", "{indicator} counts must be whole numbers of 0 or more; '{value}' is not. Correct the figure.")),
    Rule("IV_NEGATIVE", ERROR, "value",
         QT_TRANSLATE_NOOP("rules", "The {field} of {indicator} cannot be negative ('{value}'). Correct the figure.")),
    Rule("IV_NOT_A_FRACTION", ERROR, "value",
         QT_TRANSLATE_NOOP("rules", "{indicator} is a {unit}: give the {field}, not a numerator or denominator. Clear the numerator and denominator.")),
    Rule("IV_DENOMINATOR_NOT_POSITIVE", ERROR, "denominator",
         QT_TRANSLATE_NOOP("rules", "The denominator of {indicator} ({denominator_name}) must be more than 0; it is '{value}'. Correct it, or leave the row out if there were none.")),
    Rule("IV_NUMERATOR_EXCEEDS_DENOMINATOR", ERROR, "numerator",
         QT_TRANSLATE_NOOP("rules", "The numerator of {indicator} ({value}) is larger than its denominator ({denominator}); the share cannot exceed 100%. Check both figures.")),
    Rule("IV_VALUE_MISMATCH", ERROR, "value",
         QT_TRANSLATE_NOOP("rules", "The value '{value}' does not match numerator / denominator = {computed}. Leave the value empty; it is computed.")),
    Rule("IV_CELLS_EXCEED_TOTAL", ERROR, "value",
         QT_TRANSLATE_NOOP("rules", "The cells of {indicator} for {district} {period} add up to {cell_sum}{quantity} so far, more than the total {total}. Correct the cells or the total.")),
    Rule("IV_CELLS_SUM", ERROR, "value",
         QT_TRANSLATE_NOOP("rules", "The cells of {indicator} for {district} {period} add up to {cell_sum}{quantity}, but the total is {total}. Correct the cells or the total.")),
    # A rule of rules.csv that compares indicators (storage.reference.rules), broken: its own message, in the
    # language of the catalogue, and the figures that disagree. Its severity is the row's: error or warning.
    Rule("IV_RULE", ERROR, "value",
         QT_TRANSLATE_NOOP("rules", "This figure conflicts with {others}: {message} ({check}: {comparison}.)")),
    Rule("IV_RULE_WARNING", WARNING, "value",
         QT_TRANSLATE_NOOP("rules", "This figure conflicts with {others}: {message} ({check}: {comparison}.) If both are right, add a comment saying why.")),
    Rule("IV_OUTLIER", WARNING, "value",
         QT_TRANSLATE_NOOP("rules", "{indicator} {value} is unusual for {district} ({reason}). Check it; if it is right, add a comment saying why.")),
    # Desk cases and PKM requests
    Rule("DC_REQUIRED", ERROR, "{field}",
         QT_TRANSLATE_NOOP("rules", "The {field} is required. Fill it in.")),
    Rule("DC_UNKNOWN_CHOICE", ERROR, "{field}",
         QT_TRANSLATE_NOOP("rules", "'{value}' is not a choice for {field}. Choose one of: {choices}.")),
    Rule("DC_BAD_DATE", ERROR, "{field}",
         QT_TRANSLATE_NOOP("rules", "The {field} '{value}' is not a date. Write it as YYYY-MM-DD, e.g. 2026-10-31.")),
    Rule("DC_REPORT_FUTURE", ERROR, "report_date",
         QT_TRANSLATE_NOOP("rules", "The report date {value} is in the future (today is {today}). Correct the date.")),
    Rule("DC_INCIDENT_AFTER_REPORT", ERROR, "incident_date",
         QT_TRANSLATE_NOOP("rules", "The incident date {value} is after the report date {report_date}. Correct one of them; leave the incident date empty if it is unknown.")),
    Rule("DC_AGE_RANGE", ERROR, "client_age",
         QT_TRANSLATE_NOOP("rules", "The client's age '{value}' must be a whole number from 0 to {highest}. Estimate it and tick 'age estimated' if unsure.")),
    Rule("DC_CNIC_FORMAT", ERROR, "cnic",
         QT_TRANSLATE_NOOP("rules", "The CNIC '{value}' is not valid. Write 13 digits as 12345-1234567-1 (the first digit 1 to 7).")),
    Rule("DC_PHONE_FORMAT", ERROR, "phone",
         QT_TRANSLATE_NOOP("rules", "The mobile number '{value}' is not valid. Write it as 03001234567, 0300-1234567 or +923001234567.")),
    Rule("DC_GBV_ORDER", ERROR, "gbv_type",
         QT_TRANSLATE_NOOP("rules", "The GBV type '{value}' does not follow the classification questions: answered in order, they give '{expected}'. Ask the questions in order and take the first 'yes'.")),
    Rule("DC_CLASSIFICATION_ANSWERS", ERROR, "classification_answers",
         QT_TRANSLATE_NOOP("rules", "The classification answers '{value}' are not valid: answer the questions in order with y or n, stopping at the first y.")),
    Rule("DC_REFERRAL_DATE", ERROR, "services",
         QT_TRANSLATE_NOOP("rules", "The service '{value}' is marked '{status}' but has no date. Add the date of the referral or service.")),
    Rule("DC_DUPLICATE_SERVICE", ERROR, "services",
         QT_TRANSLATE_NOOP("rules", "The service '{value}' is listed twice. Keep one line per service.")),
    Rule("DC_CLOSING_REASON", ERROR, "closing_reason",
         QT_TRANSLATE_NOOP("rules", "A closed case needs a closing reason. Choose why the case was closed.")),
    Rule("DC_CLOSING_REASON_NOT_CLOSED", ERROR, "closing_reason",
         QT_TRANSLATE_NOOP("rules", "The case is not closed but has the closing reason '{value}'. Clear the closing reason, or close the case.")),
    Rule("DC_COMPLAINT_NOT_NON_GBV", ERROR, "non_gbv_complaint",
         QT_TRANSLATE_NOOP("rules", "The case is classified as {gbv_type}, not non-GBV, but has the non-GBV complaint '{value}'. Clear the kind of complaint, or check the classification.")),
    Rule("DC_CONSENT_MISSING", ERROR, "{field}",
         QT_TRANSLATE_NOOP("rules", "The client's answer on {field} is not recorded. Ask the client and record yes or no.")),
    Rule("DC_FOLLOWUP_BEFORE_REPORT", ERROR, "followup_date",
         QT_TRANSLATE_NOOP("rules", "The follow-up date {value} is before the report date {report_date}. Correct it.")),
    Rule("PKM_COMPLETED_BEFORE_RECEIVED", ERROR, "completed_date",
         QT_TRANSLATE_NOOP("rules", "The request was completed on {value}, before it was received on {received_date}. Correct the dates.")),
    # Targets (per indicator, district and year; the value rules above are reused for codes and numbers)
    Rule("TG_YEAR", ERROR, "year",
         QT_TRANSLATE_NOOP("rules", "The target year '{value}' is not a year from {first} to {last}. Write it like 2026.")),
    Rule("TG_SET_BY_CENTRE", ERROR, "target",
         QT_TRANSLATE_NOOP("rules", "The target of {indicator} for {district} in {year} was set by the provincial centre. Ask the centre to change it.")),
    Rule("TG_PERCENT_OVER_100", ERROR, "target",
         QT_TRANSLATE_NOOP("rules", "The target of {indicator} is a percent and cannot be more than 100 ('{value}'). Correct the figure.")),
    # The Action Plan's results framework (storage/records/plan.py) and its activity progress; the value and
    # desk rules above are reused for indicator codes, numbers, years, dates and choices.
    Rule("PL_WORKBOOK_NEEDED", ERROR, "file",
         QT_TRANSLATE_NOOP("rules", "The results framework has several sheets; {value} holds one. Save it as an Excel workbook (.xlsx) or .ods, starting from `plan template`.")),
    Rule("PL_SHEET_MISSING", ERROR, "sheet",
         QT_TRANSLATE_NOOP("rules", "The workbook has no sheet called {value}. It needs the sheets {expected}; start from `plan template`.")),
    Rule("PL_EMPTY", ERROR, "sheet",
         QT_TRANSLATE_NOOP("rules", "The sheet {value} has no rows. A results framework needs at least one objective, one output and one activity.")),
    Rule("PL_REQUIRED", ERROR, "{field}",
         QT_TRANSLATE_NOOP("rules", "The {field} is empty. Fill it in.")),
    Rule("PL_CODE_FORMAT", ERROR, "code",
         QT_TRANSLATE_NOOP("rules", "The code '{value}' is not a framework code. Use letters, digits, dots and dashes only, at most {limit} characters, e.g. A1.2.")),
    Rule("PL_DUPLICATE", ERROR, "code",
         QT_TRANSLATE_NOOP("rules", "{value} is already given on sheet {first_sheet}, row {first_row}. Give each one row only.")),
    Rule("PL_UNKNOWN_PARENT", ERROR, "{field}",
         QT_TRANSLATE_NOOP("rules", "The {field} '{value}' is not on the {parent_sheet} sheet. Use a code from that sheet.")),
    Rule("PL_UNKNOWN_DEPARTMENT", ERROR, "department",
         QT_TRANSLATE_NOOP("rules", "The department '{value}' is not an institution of the catalogue. Use one of: {choices}.")),
    Rule("PL_DATES_ORDER", ERROR, "due_date",
         QT_TRANSLATE_NOOP("rules", "{value} is due on {due}, before it starts on {start}. Correct one of the dates.")),
    Rule("PL_TEXT_TOO_LONG", ERROR, "{field}",
         QT_TRANSLATE_NOOP("rules", "The {field} is {length} characters long; at most {limit} fit. Shorten it.")),
    Rule("PL_BASELINE_INCOMPLETE", ERROR, "baseline_year",
         QT_TRANSLATE_NOOP("rules", "The baseline of {indicator} needs both its value and its year; give both, or neither.")),
    Rule("PL_YEAR", ERROR, "{field}",
         QT_TRANSLATE_NOOP("rules", "The {field} '{value}' is not a year from {first} to {last}. Write it like 2024.")),
    Rule("PL_TARGET_NOT_LINKED", ERROR, "indicator",
         QT_TRANSLATE_NOOP("rules", "{value} has a provincial target but is not on the indicators sheet. Link it to an output there, or leave its target out.")),
    Rule("PL_PROGRESS_KEPT", NOTE, "code",
         QT_TRANSLATE_NOOP("rules", "Activity {value} is not in the new framework; its {count} progress report(s) stay in the history.")),
    Rule("PL_UNKNOWN_ACTIVITY", ERROR, "activity",
         QT_TRANSLATE_NOOP("rules", "Activity '{value}' is not in the results framework. Use a code that `plan show` lists.")),
    Rule("PL_PERCENT", ERROR, "percent",
         QT_TRANSLATE_NOOP("rules", "The percent done '{value}' is not a number from 0 to 100. Write it like 40.")),
    Rule("PL_DONE_PERCENT", ERROR, "percent",
         QT_TRANSLATE_NOOP("rules", "An activity that is done is 100% done, not {value}%. Give 100, or choose another status.")),
    Rule("PL_EVIDENCE_REQUIRED", ERROR, "evidence",
         QT_TRANSLATE_NOOP("rules", "An activity marked {status} needs evidence: say what shows it (a notification, a report, a visit).")),
    Rule("PL_PROGRESS_BEFORE_LAST", ERROR, "as_of",
         QT_TRANSLATE_NOOP("rules", "Activity {activity} already has progress as of {last}; {value} is earlier. Progress is recorded forward: give a date from {last} on.")),
    Rule("LD_UNREADABLE", ERROR, "file",
         QT_TRANSLATE_NOOP("rules", "The file {value} could not be read as {kind} ({reason}). Save it again from Excel as .xlsx, or as CSV choosing \"CSV UTF-8\".")),
    Rule("LD_OLD_EXCEL", ERROR, "file",
         QT_TRANSLATE_NOOP("rules", "The file {value} is an old Excel 97-2003 workbook (.xls). In Excel choose File > Save As > Excel Workbook (.xlsx), then load that file.")),
    Rule("LD_FILE_KIND", ERROR, "file",
         QT_TRANSLATE_NOOP("rules", "The file {value} is not a spreadsheet Mizan reads. Save it as .xlsx, .ods or .csv.")),
    Rule("LD_COLUMNS", ERROR, "header",
         QT_TRANSLATE_NOOP("rules", "The header row must name the columns {expected}; missing: {missing}. Start from `template`.")),
    Rule("LD_HEADER_NOT_FOUND", ERROR, "header",
         QT_TRANSLATE_NOOP("rules", "No row among the first {rows} names the columns {expected}. Row 1 reads: {found}. Start from `template`.")),
    Rule("LD_PERIOD_FROM_DATE", NOTE, "period",
         QT_TRANSLATE_NOOP("rules", "The period '{value}' was a date in the sheet; it was read as the month {period}.")),
    Rule("LD_DUPLICATE_ROW", ERROR, "cell",
         QT_TRANSLATE_NOOP("rules", "This row repeats {value}, already given on row {first_row}. Keep one row per cell.")),
    # Records arriving in a bundle (checked at the centre before the rules above)
    Rule("SY_RECORD_SHAPE", ERROR, "record",
         QT_TRANSLATE_NOOP("rules", "The record is not shaped like a Mizan {record_type} record ({value}). It was kept aside for review.")),
    Rule("SY_OTHER_DEVICE", ERROR, "origin_device",
         QT_TRANSLATE_NOOP("rules", "The record claims to come from device '{value}', but the bundle was signed by {device}. It was kept aside for review.")),
    Rule("SY_OTHER_DISTRICT", ERROR, "district",
         QT_TRANSLATE_NOOP("rules", "The record is for district '{value}', but the device is enrolled for {district}. It was kept aside for review.")),
    Rule("SY_PARENT_MISSING", ERROR, "case_uuid",
         QT_TRANSLATE_NOOP("rules", "The record belongs to case {value}, which is not at the centre. It was kept aside for review.")),
    Rule("SY_DUPLICATE", ERROR, "record",
         QT_TRANSLATE_NOOP("rules", "The record clashes with another record already at the centre ({value}). It was kept aside for review.")),
    Rule("SY_NOT_OWNER", ERROR, "origin_device",
         QT_TRANSLATE_NOOP("rules", "Record {value} belongs to the PC '{owner}' ({owner_district}); the PC '{device}' ({district}) may not change or delete it. It was kept aside for review.")),
    Rule("SY_DESK_OWNER", ERROR, "district",
         QT_TRANSLATE_NOOP("rules", "Desk {value} belongs to {owner}; a {district} PC may not change it. It was kept aside for review.")),
    Rule("SY_OTHER_DESK", ERROR, "desk",
         QT_TRANSLATE_NOOP("rules", "Desk {value} belongs to {owner}; a {district} PC may not record cases or requests at it. It was kept aside for review.")),
    Rule("SY_CLOCK_AHEAD", ERROR, "hlc",
         QT_TRANSLATE_NOOP("rules", "The sending PC's clock read {value} when the record was saved, more than a day ahead of the centre's ({today}): correct the date on that PC and export again. It was kept aside for review.")),
    Rule("SY_UNKNOWN_CATALOGUE", ERROR, "catalogue_version",
         QT_TRANSLATE_NOOP("rules", "The record says it was entered under catalogue {value}, which this centre never issued. It was kept aside for review.")),
    Rule("PKM_FUTURE", ERROR, "{field}",
         QT_TRANSLATE_NOOP("rules", "The {field} {value} is in the future (today is {today}). Correct the date.")),
)


@dataclass(slots=True)
class Issue:
    """One broken rule on one record. ``row`` is the spreadsheet row in a bulk load."""

    rule: str
    severity: str
    field: str
    message: str
    row: int | None = None
    # A broken rules.csv rule (IV_RULE): its code, and every other cell it names with that cell's own
    # message, (indicator, cell, message), so a screen can show the conflict next to both figures.
    check: str | None = None
    others: tuple[tuple[str, str, str], ...] = ()

    def as_dict(self) -> dict:
        found = {"row": self.row, "rule": self.rule, "severity": self.severity, "field": self.field,
                 "message": self.message}
        if self.check is not None:
            found["check"] = self.check
        return found


# The words a person reads for a field; ``Issue.field`` keeps the code so a form can point at the input.
FIELD_LABELS = {
    "case_number": QT_TRANSLATE_NOOP("fields", "case number"),
    "client_code": QT_TRANSLATE_NOOP("fields", "client code"),
    "report_date": QT_TRANSLATE_NOOP("fields", "report date"),
    "incident_date": QT_TRANSLATE_NOOP("fields", "incident date"),
    "followup_date": QT_TRANSLATE_NOOP("fields", "follow-up date"),
    "client_sex": QT_TRANSLATE_NOOP("fields", "client's sex"),
    "client_age_group": QT_TRANSLATE_NOOP("fields", "client's age group"),
    "location_type": QT_TRANSLATE_NOOP("fields", "incident location"),
    "time_of_day": QT_TRANSLATE_NOOP("fields", "time of day"),
    "incident_district": QT_TRANSLATE_NOOP("fields", "district of the incident"),
    "gbv_type": QT_TRANSLATE_NOOP("fields", "GBV type"),
    "non_gbv_complaint": QT_TRANSLATE_NOOP("fields", "kind of non-GBV complaint"),
    "consent_services": QT_TRANSLATE_NOOP("fields", "consent to services"),
    "consent_reporting": QT_TRANSLATE_NOOP("fields", "consent to share non-identifiable data for reporting"),
    "status": QT_TRANSLATE_NOOP("fields", "case status"),
    "closing_reason": QT_TRANSLATE_NOOP("fields", "closing reason"),
    "applicant_sex": QT_TRANSLATE_NOOP("fields", "applicant's sex"),
    "received_date": QT_TRANSLATE_NOOP("fields", "date received"),
    "completed_date": QT_TRANSLATE_NOOP("fields", "date completed"),
    "value": QT_TRANSLATE_NOOP("fields", "value"),
    "numerator": QT_TRANSLATE_NOOP("fields", "numerator"),
    "denominator": QT_TRANSLATE_NOOP("fields", "denominator"),
    "numerator and denominator": QT_TRANSLATE_NOOP("fields", "numerator and denominator"),
    "target": QT_TRANSLATE_NOOP("fields", "target"),
    "desk": QT_TRANSLATE_NOOP("fields", "desk"),
    "service": QT_TRANSLATE_NOOP("fields", "service"),
    "service status": QT_TRANSLATE_NOOP("fields", "service status"),
    "displacement": QT_TRANSLATE_NOOP("fields", "displacement"),
    "perpetrator relationship": QT_TRANSLATE_NOOP("fields", "perpetrator relationship"),
    "perpetrator sex": QT_TRANSLATE_NOOP("fields", "perpetrator sex"),
    "perpetrator age group": QT_TRANSLATE_NOOP("fields", "perpetrator age group"),
    # The results framework's sheets and activity progress (storage/records/plan.py)
    "name": QT_TRANSLATE_NOOP("fields", "name"),
    "Urdu name": QT_TRANSLATE_NOOP("fields", "Urdu name"),
    "example": QT_TRANSLATE_NOOP("fields", "example"),
    "note": QT_TRANSLATE_NOOP("fields", "note"),
    "code": QT_TRANSLATE_NOOP("fields", "code"),
    "title": QT_TRANSLATE_NOOP("fields", "title"),
    "Urdu title": QT_TRANSLATE_NOOP("fields", "Urdu title"),
    "department": QT_TRANSLATE_NOOP("fields", "department"),
    "partner": QT_TRANSLATE_NOOP("fields", "partner"),
    "objective": QT_TRANSLATE_NOOP("fields", "objective"),
    "output": QT_TRANSLATE_NOOP("fields", "output"),
    "indicator": QT_TRANSLATE_NOOP("fields", "indicator"),
    "start date": QT_TRANSLATE_NOOP("fields", "start date"),
    "due date": QT_TRANSLATE_NOOP("fields", "due date"),
    "headline": QT_TRANSLATE_NOOP("fields", "headline"),
    "baseline": QT_TRANSLATE_NOOP("fields", "baseline"),
    "baseline year": QT_TRANSLATE_NOOP("fields", "baseline year"),
    "activity status": QT_TRANSLATE_NOOP("fields", "activity status"),
    "progress date": QT_TRANSLATE_NOOP("fields", "progress date"),
    "evidence": QT_TRANSLATE_NOOP("fields", "evidence"),
}
# Other codes filled into rule messages, and their words (the parameter's name: its context and words).
PARAM_WORDS = {
    "unit": ("units", {"count": QT_TRANSLATE_NOOP("units", "count"), "percent": QT_TRANSLATE_NOOP("units", "percent"),
                       "ratio": QT_TRANSLATE_NOOP("units", "ratio")}),
    "frequency": ("frequencies", {"monthly": QT_TRANSLATE_NOOP("frequencies", "monthly"),
                                  "quarterly": QT_TRANSLATE_NOOP("frequencies", "quarterly"),
                                  "annual": QT_TRANSLATE_NOOP("frequencies", "annual")}),
    # A service's status in the missing-date rule (the codes, as the English message has always shown them).
    "status": ("rules", {"referred": QT_TRANSLATE_NOOP("rules", "referred"),
                         "provided": QT_TRANSLATE_NOOP("rules", "provided"),
                         "received_elsewhere": QT_TRANSLATE_NOOP("rules", "received_elsewhere")}),
}
QUANTITY_WORDS = {"numerator": QT_TRANSLATE_NOOP("rules", " (numerators)"),
                  "denominator": QT_TRANSLATE_NOOP("rules", " (denominators)")}


def issue(code: str, row: int | None = None, **params: object) -> Issue:
    """Build an :class:`Issue` from the rule table; ``params`` fill the message template."""
    rule = RULES[code]
    field_name = rule.field.format(**params) if "{" in rule.field else rule.field
    if "field" in params:
        label = FIELD_LABELS.get(str(params["field"]))
        params = {**params, "field": params.pop("field_label", None) or (translate("fields", label) if label else params["field"])}
    if "needed" in params and (label := FIELD_LABELS.get(str(params["needed"]))):
        params = {**params, "needed": translate("fields", label)}
    for name, (context, words) in PARAM_WORDS.items():
        if name in params and (word := words.get(str(params[name]))):
            params = {**params, name: translate(context, word)}
    return Issue(code, rule.severity, field_name, fill(translate("rules", rule.message), **params), row)


# -- indicator values --------------------------------------------------------------------------------


@dataclass(slots=True)
class ValueInput:
    """An indicator value as typed or loaded (strings are parsed here, not by callers)."""

    indicator: str
    district: str
    period: str
    cell: str = TOTAL_CELL
    value: object = None
    numerator: object = None
    denominator: object = None
    comment: str | None = None
    followup: bool = False
    row: int | None = None

    @classmethod
    def from_stored(cls, indicator: str, district: str, period: str, cell: str, value: object, numerator: object,
                    denominator: object, comment: str | None) -> ValueInput:
        """A stored (or received) value as the engine takes it again: a fraction's value is left out,
        since the engine computes it from the numerator and denominator."""
        fraction = numerator is not None or denominator is not None
        return cls(indicator, district, period, cell, None if fraction else value, numerator, denominator, comment)


# Figures within this of each other are the same figure: a float read back from SQLite or a bundle
# (12 vs 12.0, 0.1 + 0.2) is not a change.
SAME_FIGURE_TOLERANCE = 1e-9


def same_figure(left: object, right: object) -> bool:
    """Whether two stored figures are the same (both empty, or numbers within :data:`SAME_FIGURE_TOLERANCE`);
    anything else that is not a number is compared as it is."""
    if left is None or right is None:
        return left is None and right is None
    if isinstance(left, (int, float)) and isinstance(right, (int, float)):
        return abs(float(left) - float(right)) < SAME_FIGURE_TOLERANCE
    return left == right


@dataclass(slots=True)
class CheckedValue:
    """A value that passed parsing: numbers are numbers and ``value`` is computed for fractions."""

    source: ValueInput
    indicator: Indicator | None
    value: float | int | None = None
    numerator: float | int | None = None
    denominator: float | int | None = None
    issues: list[Issue] = field(default_factory=list)

    @property
    def key(self) -> tuple[str, str, str, str]:
        source = self.source
        return (source.indicator, source.district, source.period, source.cell)

    @property
    def has_errors(self) -> bool:
        # Asked several times per value and nearly every value has no issue: skip the generator then.
        issues = self.issues
        return bool(issues) and any(found.severity == ERROR for found in issues)


# Stored figures, as the checks need them: (indicator, district, cell) -> {period: (value, num, den)}.
History = Mapping[tuple[str, str, str], Mapping[str, tuple]]


@dataclass
class ValueContext:
    """What the checks need to know beyond the value itself."""

    catalogue: Catalogue
    today: dt.date
    own_district: str | None  # None at the centre: any district
    locked: set[tuple[str, str, str]] = field(default_factory=set)  # (district, institution, period)
    # Approved data sets, locked for every role: (district, institution, period) -> (day, approved by)
    approved: dict[tuple[str, str, str], tuple[str, str]] = field(default_factory=dict)
    history: History = field(default_factory=dict)
    _periods: dict[str, Period | None] = field(default_factory=dict, repr=False)
    _cell_sets: dict[str, frozenset[str]] = field(default_factory=dict, repr=False)

    def period(self, code: str) -> Period | None:
        if code not in self._periods:
            self._periods[code] = parse_period(code)
        return self._periods[code]

    def cell_set(self, indicator: str) -> frozenset[str]:
        if indicator not in self._cell_sets:
            self._cell_sets[indicator] = frozenset(self.catalogue.cells(indicator))
        return self._cell_sets[indicator]


_EXAMPLES = {"monthly": "2026-10", "quarterly": "2026Q4", "annual": "2026"}


# SQLite stores whole numbers in 64 bits: a figure beyond that cannot be stored (binding it raises
# OverflowError), so it is refused like any other text that is not a figure.
MAX_FIGURE = 2**63 - 1
MIN_STORED_INTEGER = -(2**63)  # the other end of SQLite's range (a bundle's integer fields are checked against both)
_FIGURE_LIMIT = 2.0**63  # the same bound for floats (float(MAX_FIGURE) rounds up to 2**63)


def parse_number(raw: object) -> tuple[float | int | None, bool]:
    """(number, ok). Empty is (None, True); ``12.0`` becomes 12 so counts from Excel stay whole."""
    if raw is None:
        return None, True
    if isinstance(raw, bool):
        return None, False
    if isinstance(raw, int):
        return (raw, True) if abs(raw) <= MAX_FIGURE else (None, False)
    if isinstance(raw, float):
        if math.isnan(raw) or math.isinf(raw) or abs(raw) >= _FIGURE_LIMIT:
            return None, False
        return (int(raw) if raw.is_integer() else raw), True
    text = str(raw).strip().replace(",", "")
    if not text:
        return None, True
    try:
        number = int(text)
        return (number, True) if abs(number) <= MAX_FIGURE else (None, False)
    except ValueError:
        pass
    try:
        number = float(text)
    except ValueError:
        return None, False
    if math.isnan(number) or math.isinf(number) or abs(number) >= _FIGURE_LIMIT:
        return None, False
    return (int(number) if number.is_integer() else number), True


def compute_value(indicator: Indicator, numerator: float, denominator: float) -> float:
    """Percent: 100 * n / d, 2 decimals; ratio: n / d, 4 decimals."""
    if indicator.unit == "percent":
        return round(100.0 * numerator / denominator, 2)
    return round(numerator / denominator, 4)


def check_value(context: ValueContext, source: ValueInput) -> CheckedValue:
    """Every rule that one value can break on its own (cross-value rules: :func:`check_values`)."""
    catalogue = context.catalogue
    indicator = catalogue.indicators.get(source.indicator)
    checked = CheckedValue(source, indicator)
    issues, row = checked.issues, source.row
    if indicator is None:
        issues.append(issue("IV_UNKNOWN_INDICATOR", row, value=source.indicator))
        return checked
    code = indicator.code
    if indicator.source != "entry":
        issues.append(issue("IV_COMPUTED_INDICATOR", row, indicator=code))
    elif context.own_district is not None and indicator.entered_at == "centre":  # a district office, or its bundle
        issues.append(issue("IV_ENTERED_AT_CENTRE", row, indicator=code))
    district = catalogue.districts.get(source.district)
    if district is None:
        issues.append(issue("IV_UNKNOWN_DISTRICT", row, value=source.district))
    elif context.own_district is not None and source.district != context.own_district:
        issues.append(issue("IV_OTHER_DISTRICT", row, value=source.district, own=context.own_district))
    period = context.period(source.period)
    if period is None or period.frequency != indicator.frequency:
        issues.append(issue("IV_PERIOD_FORMAT", row, value=source.period, indicator=code,
                            frequency=indicator.frequency, example=_EXAMPLES[indicator.frequency]))
    else:
        if period.start > context.today:
            issues.append(issue("IV_PERIOD_FUTURE", row, value=source.period, today=context.today.isoformat()))
        if district is not None and not district.validity.covers(period):
            issues.append(issue("IV_DISTRICT_NOT_VALID", row, value=source.period, district=district.code,
                                validity=district.validity.describe()))
        if not indicator.validity.covers(period):
            issues.append(issue("IV_INDICATOR_NOT_VALID", row, value=source.period, indicator=code,
                                validity=indicator.validity.describe()))
        data_set = (source.district, indicator.institution, source.period)
        if data_set in context.approved:
            day, name = context.approved[data_set]
            issues.append(issue("IV_APPROVED", row, value=source.period, district=source.district,
                                institution=catalogue.institutions[indicator.institution].name, day=day, name=name))
        elif data_set in context.locked:
            issues.append(issue("IV_LOCKED", row, value=source.period, district=source.district,
                                institution=catalogue.institutions[indicator.institution].name))
    cells = context.cell_set(code)
    if source.cell not in cells:
        # Accept categories in any order and spaces around parts; store the canonical key.
        parts = parse_cell(source.cell.replace(" ", ""))
        if parts is not None and make_cell(parts) in cells:
            source.cell = make_cell(parts)
        if source.cell not in cells:
            issues.append(issue("IV_UNKNOWN_CELL", row, value=source.cell, indicator=code,
                                categories=" + ".join(indicator.categories)
                                or translate("rules", QT_TRANSLATE_NOOP("rules", "none (use total)"))))
    _check_numbers(checked, indicator, row)
    return checked


def _check_numbers(checked: CheckedValue, indicator: Indicator, row: int | None) -> None:
    source, issues, code = checked.source, checked.issues, indicator.code
    # Value, numerator, denominator in that order; the first that is not a number is the one reported.
    # (Spelt out rather than a getattr loop into a dict: this runs once per value of a 1M-row save.)
    value, ok = parse_number(source.value)
    if not ok:
        issues.append(issue("IV_NOT_A_NUMBER", row, field="value", value=source.value))
        return
    numerator, ok = parse_number(source.numerator)
    if not ok:
        issues.append(issue("IV_NOT_A_NUMBER", row, field="numerator", value=source.numerator))
        return
    denominator, ok = parse_number(source.denominator)
    if not ok:
        issues.append(issue("IV_NOT_A_NUMBER", row, field="denominator", value=source.denominator))
        return
    if not indicator.has_fraction:
        if numerator is not None or denominator is not None:
            issues.append(issue("IV_NOT_A_FRACTION", row, indicator=code, unit=indicator.unit, field="value"))
            return
        if value is None:
            issues.append(issue("IV_VALUE_MISSING", row, indicator=code, needed="value"))
        elif indicator.unit == "count" and (value < 0 or not isinstance(value, int)):
            issues.append(issue("IV_COUNT_NOT_WHOLE", row, indicator=code, value=source.value))
        elif value < 0:
            issues.append(issue("IV_NEGATIVE", row, indicator=code, field="value", value=source.value))
        else:
            checked.value = value
        return
    if numerator is None or denominator is None:
        missing = " and ".join(name for name, number in (("numerator", numerator), ("denominator", denominator))
                               if number is None)
        issues.append(issue("IV_VALUE_MISSING", row, indicator=code, needed=missing))
        return
    if numerator < 0:
        issues.append(issue("IV_NEGATIVE", row, indicator=code, field="numerator", value=source.numerator))
        return
    if denominator <= 0:
        issues.append(issue("IV_DENOMINATOR_NOT_POSITIVE", row, indicator=code, value=source.denominator,
                            denominator_name=indicator.denominator))
        return
    if indicator.unit == "percent" and not indicator.may_exceed_100 and numerator > denominator:
        issues.append(issue("IV_NUMERATOR_EXCEEDS_DENOMINATOR", row, indicator=code, value=numerator,
                            denominator=denominator))
        return
    computed = compute_value(indicator, numerator, denominator)
    if value is not None and abs(value - computed) > 0.01 + 1e-9 * abs(computed):
        issues.append(issue("IV_VALUE_MISMATCH", row, value=source.value, computed=_fmt(computed)))
        return
    checked.value, checked.numerator, checked.denominator = computed, numerator, denominator


def check_values(context: ValueContext, sources: Iterable[ValueInput], *, outliers: bool = True,
                 cross_rules: bool = True) -> list[CheckedValue]:
    """Check a batch: each value alone, then cells against totals, then outliers against history.

    The batch is seen together with what is stored (``context.history``), so a month loaded at once
    and a cell typed into a half-filled grid are judged the same way. ``outliers=False`` skips the
    outlier check, which only ever gives warnings (for a caller that keeps errors only: the centre's import).
    ``cross_rules=False`` skips the rules that compare indicators (rules.csv): the centre judges those on
    what it holds after the merge, as warnings (:func:`broken_cross_rules`).
    """
    checked = [check_value(context, source) for source in sources]
    merged = _merge_with_history(context, checked)
    _check_cell_sums(context, checked, merged)
    if cross_rules and context.catalogue.rules:
        _check_cross_rules(context, checked, merged)
    if outliers:
        _check_outliers(context, checked, merged)
    return checked


def _merge_with_history(context: ValueContext, checked: list[CheckedValue]) -> dict:
    """(indicator, district, cell) -> {period: (value, numerator, denominator)}: stored, then this batch."""
    merged: dict[tuple[str, str, str], dict[str, tuple]] = defaultdict(dict)
    # All of the history, not only the batch's cells: a cell typed into a half-filled grid is summed with the
    # stored total and the stored cells of its indicator.
    for item_key, stored in context.history.items():
        merged[item_key].update(stored)
    for value in checked:
        if not value.has_errors:
            source = value.source
            merged[(source.indicator, source.district, source.cell)][source.period] = (
                value.value, value.numerator, value.denominator)
    return merged


def _check_cell_sums(context: ValueContext, checked: list[CheckedValue], merged: dict) -> None:
    groups: dict[tuple[str, str, str], list[CheckedValue]] = defaultdict(list)
    for value in checked:
        if not value.has_errors and value.indicator is not None and value.indicator.categories:
            groups[(value.source.indicator, value.source.district, value.source.period)].append(value)
    for (code, district, period), members in groups.items():
        indicator = context.catalogue.indicators[code]
        cells = context.catalogue.cells(code)[1:]
        total_entry = merged.get((code, district, TOTAL_CELL), {}).get(period)
        if total_entry is None:
            continue
        cell_entries = [merged.get((code, district, cell), {}).get(period) for cell in cells]
        present = [entry for entry in cell_entries if entry is not None]
        if not present:
            continue
        complete = len(present) == len(cells)
        # Counts sum their values; percents and ratios sum numerators and denominators.
        positions = ((1, "numerator"), (2, "denominator")) if indicator.has_fraction else ((0, "value"),)
        for position, quantity in positions:
            cell_sum = sum(entry[position] for entry in present)
            total = total_entry[position]
            rule = None
            if complete and not math.isclose(cell_sum, total, abs_tol=1e-6):
                rule = "IV_CELLS_SUM"
            elif not complete and cell_sum > total + 1e-6:
                rule = "IV_CELLS_EXCEED_TOTAL"
            if rule:
                target = next((m for m in members if m.source.cell == TOTAL_CELL), members[0])
                target.issues.append(issue(rule, target.source.row, indicator=code, district=district, period=period,
                                           cell_sum=_fmt(cell_sum), total=_fmt(total),
                                           quantity="" if quantity == "value" else translate("rules", QUANTITY_WORDS[quantity])))
                break


def _check_cross_rules(context: ValueContext, checked: list[CheckedValue], merged: dict) -> None:
    """Each rules.csv rule that names a figure of the batch, judged at that figure's district and period
    over the batch and what is stored; a broken one is an issue on every figure of the batch it names."""
    by_place: dict[tuple[str, str], list[CheckedValue]] = defaultdict(list)
    for value in checked:
        if value.indicator is not None and not value.has_errors:
            by_place[(value.source.district, value.source.period)].append(value)
    rules_of: dict[str, list] = defaultdict(list)
    for rule in context.catalogue.rules:
        for code in rule.indicators:
            rules_of[code].append(rule)
    for (district, period), members in by_place.items():
        named = {rule.code: rule for value in members for rule in rules_of.get(value.source.indicator, ())}
        for rule in named.values():
            for _, cell_issue, value in cross_rule_issues(rule, district, period, merged, members):
                if value is not None:
                    value.issues.append(cell_issue)


def related_indicators(catalogue: Catalogue) -> dict[str, frozenset[str]]:
    """Indicator code -> the other indicators a rules.csv rule compares it with (a save reads their figures)."""
    related: dict[str, set[str]] = defaultdict(set)
    for rule in catalogue.rules:
        for code in rule.indicators:
            related[code] |= rule.indicators - {code}
    return {code: frozenset(others) for code, others in related.items()}


def cross_rule_issues(rule: CrossRule, district: str, period: str, merged: Mapping, members: Iterable[CheckedValue] = ()
                      ) -> list[tuple[tuple[str, str], Issue, CheckedValue | None]]:
    """The issues of one rules.csv rule at one district and period, judged over ``merged`` ((indicator,
    district, cell) -> {period: (value, numerator, denominator)}): none when it holds or is skipped. One issue
    per figure of ``members`` (the batch) it names, each naming the others (with their rows in a load); with
    no member named, one issue per stored figure the rule names. Each comes with its (indicator, cell)."""

    def lookup(indicator: str, cell: str) -> tuple | None:
        return merged.get((indicator, district, cell), {}).get(period)

    broken = rule.judge(lookup)
    if broken is None:
        return []
    rows: dict[tuple[str, str], int | None] = {}
    by_key: dict[tuple[str, str], CheckedValue] = {}
    for value in members:
        key = (value.source.indicator, value.source.cell)
        by_key[key] = value
        rows[key] = value.source.row
    terms = [term for side in (rule.left, rule.right) for term in side.terms if term.indicator]
    comparison = say("rules", QT_TRANSLATE_NOOP("rules", "{left} is {left_value}, {right} is {right_value}"),
                     left=rule.left.text, left_value=_fmt(broken[0]), right=rule.right.text, right_value=_fmt(broken[1]))
    code = "IV_RULE" if rule.severity == ERROR else "IV_RULE_WARNING"

    def describe(term, with_rows: bool) -> str:
        named_rows = sorted({row for cell in term.cells if (row := rows.get((term.indicator, cell))) is not None})
        if not named_rows or not with_rows:
            return term.text
        return say("rules", QT_TRANSLATE_NOOP("rules", "{term} (row {rows})"), term=term.text,
                   rows=", ".join(str(row) for row in named_rows))

    def message_for(indicator: str, cell: str, with_rows: bool = True) -> str:
        others = [describe(term, with_rows) for term in terms
                  if not (term.indicator == indicator and cell in term.cells)]
        return issue(code, check=rule.code, others=", ".join(dict.fromkeys(others)) or rule.left.text,
                     message=rule.message, comparison=comparison).message

    present = [key for key in dict.fromkeys(rule.operands()) if lookup(*key) is not None]
    found: list[tuple[tuple[str, str], Issue, CheckedValue | None]] = []
    for key in [key for key in present if key in by_key] or ([] if by_key else present):
        value = by_key.get(key)
        found.append((key, Issue(code, RULES[code].severity, RULES[code].field, message_for(*key),
                            None if value is None else value.source.row, check=rule.code,
                            others=tuple((*other, message_for(*other, with_rows=False)) for other in present if other != key)),
                      value))
    return found


def _fmt(number: float) -> str:
    return str(int(number)) if float(number).is_integer() else f"{number:g}"


def _check_outliers(context: ValueContext, checked: list[CheckedValue], merged: dict) -> None:
    # The window of a period is the same for every value in it: work it out once per period, not per value.
    windows: dict[str, list[str]] = {}
    thresholds = context.catalogue.thresholds
    for value in checked:
        if value.has_errors or value.value is None:
            continue
        source = value.source
        series = merged.get((source.indicator, source.district, source.cell), {})
        window = windows.get(source.period)
        if window is None:
            window = windows[source.period] = previous_periods(source.period, thresholds.outlier_window)
        earlier = [entry[0] for p in window if (entry := series.get(p)) is not None and entry[0] is not None]
        indicator = context.catalogue.indicators.get(source.indicator)
        reason = outlier_reason(value.value, earlier, series.get(window[0]), thresholds,  # window[0]: the previous period
                                count=indicator is not None and indicator.unit == "count",
                                trials=value.denominator if indicator is not None and indicator.unit == "percent" else None)
        if reason:
            value.issues.append(issue("IV_OUTLIER", source.row, indicator=source.indicator, value=_fmt(value.value),
                                      district=source.district, reason=reason))


_POISSON_EXACT_UP_TO = 400.0  # above, the normal approximation (mean +- 3.29 sd) is as good and cheaper


@functools.lru_cache(maxsize=4096)
def poisson_interval(mean: float, coverage: float) -> tuple[float, float]:
    """The central ``coverage`` interval of a Poisson count with this mean: (lowest, highest) likely count.

    Small counts vary a lot by chance alone: a district that records 3 homicides a month in a usual month
    may record 0 or 8 in another. A count outside this interval around its usual level is unusual.
    """
    tail = (1 - coverage) / 2
    if mean <= 0:
        return 0.0, 0.0
    if mean > _POISSON_EXACT_UP_TO:
        spread = statistics.NormalDist().inv_cdf(1 - tail) * math.sqrt(mean)
        return max(0.0, math.floor(mean - spread)), math.ceil(mean + spread)
    probability = math.exp(-mean)
    cumulative, count, low = probability, 0, None
    while True:
        if low is None and cumulative >= tail:
            low = count
        if cumulative >= 1 - tail:
            return float(low), float(count)
        count += 1
        probability *= mean / count
        cumulative += probability


@functools.lru_cache(maxsize=4096)
def binomial_interval(trials: int, rate: float, coverage: float) -> tuple[float, float]:
    """The central ``coverage`` interval, in percent, of a share of ``trials`` whose usual level is ``rate``
    percent: a conviction rate over 6 cases decided moves by chance far more than over 600."""
    if trials <= 0:
        return 0.0, 100.0
    share = min(max(rate / 100, 0.0), 1.0)
    if share in (0.0, 1.0):
        return share * 100, share * 100
    if share > 0.5:  # the mirror image: the exact sum below starts from (1 - share) ** trials, kept >= 0.5 ** ...
        low, high = binomial_interval(trials, 100 - share * 100, coverage)
        return 100 - high, 100 - low
    tail = (1 - coverage) / 2
    if trials * share * (1 - share) >= 25:  # the normal approximation is close here, and the exact sum would underflow
        spread = statistics.NormalDist().inv_cdf(1 - tail) * math.sqrt(share * (1 - share) / trials)
        return max(0.0, (share - spread) * 100), min(100.0, (share + spread) * 100)
    probability = (1 - share) ** trials
    cumulative, successes, low_count = probability, 0, None
    while True:
        if low_count is None and cumulative >= tail:
            low_count = successes
        if cumulative >= 1 - tail or successes >= trials:
            return (successes if low_count is None else low_count) * 100 / trials, successes * 100 / trials
        probability *= (trials - successes) / (successes + 1) * share / (1 - share)
        successes += 1
        cumulative += probability


def _chance_interval(level: float, count: bool, trials: float | None, coverage: float) -> tuple[float, float] | None:
    """Where chance alone may put a figure whose usual level is ``level``: a count (Poisson) or a percent
    of ``trials`` (binomial); None for figures without such noise (a ratio, a percent without its base)."""
    if count:
        return poisson_interval(level, coverage)
    if trials is not None and trials >= 1 and float(trials).is_integer() and 0 <= level <= 100:
        return binomial_interval(int(trials), level, coverage)
    return None


def outlier_reason(value: float, earlier: list[float], previous: tuple | None, thresholds: Thresholds, *,
                   count: bool = False, trials: float | None = None) -> str | None:
    """Why ``value`` is an outlier, or None; the numbers named here are the shipped ``thresholds``.

    With 3 or more of the last 12 periods (``outlier_window``): outside median +- 3 x MAD
    (``outlier_spread``; MAD floored at 1 so that a series of identical figures does not flag every change of
    one). With fewer: more than 3x or under 1/3 of the previous period's figure (``outlier_ratio``). A
    ``count`` (a number of events or people) must also fall outside the Poisson 99.9 % interval
    (``chance_coverage``) around that level (:func:`poisson_interval`), and a percent of ``trials`` (its
    denominator) outside the binomial 99.9 % interval (:func:`binomial_interval`): otherwise the
    usual chance variation of small counts and small bases (20 homicides after 24, 26, 22; 2 convictions
    of 5 after 3 of 5) would be flagged.
    """
    if len(earlier) >= 3:
        median = statistics.median(earlier)
        mad = max(statistics.median(abs(x - median) for x in earlier), 1.0)
        low, high = median - thresholds.outlier_spread * mad, median + thresholds.outlier_spread * mad
        if chance := _chance_interval(median, count, trials, thresholds.chance_coverage):
            low, high = min(low, chance[0]), max(high, chance[1])
        if value < low or value > high:
            return say("rules", QT_TRANSLATE_NOOP("rules", "the last {count} periods' median is {median}; expected {low} to {high}"),
                       count=len(earlier), median=_fmt(median), low=_fmt(round(max(low, 0), 2)), high=_fmt(round(high, 2)))
        return None
    if previous is None or previous[0] in (None, 0):
        return None
    last = previous[0]
    if (chance := _chance_interval(last, count, trials, thresholds.chance_coverage)) and chance[0] <= value <= chance[1]:
        return None
    ratio = thresholds.outlier_ratio
    if value > ratio * last:
        return say("rules", QT_TRANSLATE_NOOP("rules", "more than {ratio} times the previous period's {last}"),
                   ratio=_fmt(ratio), last=_fmt(last))
    if value < last / ratio:
        return say("rules", QT_TRANSLATE_NOOP("rules", "under 1/{ratio} of the previous period's {last}"),
                   ratio=_fmt(ratio), last=_fmt(last))
    return None


# -- targets -------------------------------------------------------------------------------------------

TARGET_YEARS = (2000, 2100)  # the years a target may be set for, first and last


@dataclass(slots=True)
class TargetInput:
    """A target as typed in the grid or loaded from a sheet (strings are parsed here, not by callers).

    The target is in the indicator's unit, for the whole year: a flow's yearly total, a stock figure's
    level, a percent or ratio's value (see :mod:`storage.reports.build` for how reports compare against it).
    """

    indicator: str
    district: str
    year: object
    target: object
    row: int | None = None


def check_target(catalogue: Catalogue, own_district: str | None, source: TargetInput) -> tuple[float | int | None, list[Issue]]:
    """(parsed target, issues) for one target; ``own_district`` is None at the centre (any district)."""
    issues: list[Issue] = []
    row = source.row
    indicator = catalogue.indicators.get(source.indicator)
    if indicator is None:
        issues.append(issue("IV_UNKNOWN_INDICATOR", row, value=source.indicator))
    district = catalogue.districts.get(source.district)
    if district is None:
        issues.append(issue("IV_UNKNOWN_DISTRICT", row, value=source.district))
    elif own_district is not None and source.district != own_district:
        issues.append(issue("IV_OTHER_DISTRICT", row, value=source.district, own=own_district))
    year, ok = parse_number(source.year)
    if not ok or not isinstance(year, int) or not TARGET_YEARS[0] <= year <= TARGET_YEARS[1]:
        issues.append(issue("TG_YEAR", row, value=source.year, first=TARGET_YEARS[0], last=TARGET_YEARS[1]))
        year = None
    if year is not None:
        span = parse_period(str(year))
        assert span is not None
        if district is not None and not district.validity.covers(span):
            issues.append(issue("IV_DISTRICT_NOT_VALID", row, value=year, district=district.code,
                                validity=district.validity.describe()))
        if indicator is not None and not indicator.validity.covers(span):
            issues.append(issue("IV_INDICATOR_NOT_VALID", row, value=year, indicator=indicator.code,
                                validity=indicator.validity.describe()))
    number, ok = parse_number(source.target)
    if not ok or number is None:
        issues.append(issue("IV_NOT_A_NUMBER", row, field="target", value=source.target))
        return None, issues
    if indicator is None:
        return number, issues
    if number < 0:
        issues.append(issue("IV_NEGATIVE", row, indicator=indicator.code, field="target", value=source.target))
    elif indicator.unit == "count" and not isinstance(number, int):
        issues.append(issue("IV_COUNT_NOT_WHOLE", row, indicator=indicator.code, value=source.target))
    elif indicator.unit == "percent" and not indicator.may_exceed_100 and number > 100:
        issues.append(issue("TG_PERCENT_OVER_100", row, indicator=indicator.code, value=source.target))
    return number, issues


# -- the results framework (the checks are in storage/records/plan.py, with the framework they read) -----

ACTIVITY_STATUSES = ("not_started", "on_track", "delayed", "done", "dropped")
# A report that closes an activity needs evidence: what shows it was done, or why it was dropped.
STATUSES_NEEDING_EVIDENCE = ("done", "dropped")
PERCENT_DONE = (0, 100)  # PL_PERCENT: an activity's percent done, first and last
PLAN_CODE_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9.\-]*$")  # PL_CODE_FORMAT: O1, OP1.2, A1.2.3
PLAN_CODE_LIMIT = 20
PLAN_TEXT_LIMIT = 400  # PL_TEXT_TOO_LONG: a title, partner or note in the framework
PLAN_EVIDENCE_LIMIT = 2000  # PL_TEXT_TOO_LONG: the evidence of one progress report


# -- desk cases ----------------------------------------------------------------------------------------

CNIC_PATTERN = re.compile(r"^[1-7]\d{4}-\d{7}-\d$")
MOBILE_PATTERN = re.compile(r"^(\+92|0)3\d{2}-?\d{7}$")
REFERRAL_STATUSES_NEEDING_DATE = ("referred", "provided", "received_elsewhere")
# What people type between the digits of a CNIC or a mobile number: spaces, dashes, a dot now and then.
_TYPED_SEPARATORS = re.compile(r"[\s.\-]+")
_MOBILE_PARTS = re.compile(r"^(\+92|0)(3\d{2})(\d{7})$")


def normalise_cnic(cnic: str) -> str:
    """A CNIC typed as 13 digits (or with spaces) in the written form ``54400-1234567-1``; anything else
    as typed, for DC_CNIC_FORMAT to name it."""
    digits = _TYPED_SEPARATORS.sub("", cnic)
    written = f"{digits[:5]}-{digits[5:12]}-{digits[12:]}"
    return written if len(digits) == 13 and CNIC_PATTERN.match(written) else cnic


def normalise_mobile(phone: str) -> str:
    """A mobile number with spaces or dashes anywhere as ``0300-1234567``, or ``+923001234567`` in the
    international form (as the rule's message writes them); anything else as typed, for DC_PHONE_FORMAT."""
    parts = _MOBILE_PARTS.match(_TYPED_SEPARATORS.sub("", phone))
    if parts is None:
        return phone
    return f"+92{parts[2]}{parts[3]}" if parts[1] == "+92" else f"0{parts[2]}-{parts[3]}"


def normalise_identity(identity: Mapping) -> dict:
    """Identifying details as they are kept: text trimmed (empty is None), CNIC and mobile in their
    written forms. Done before the rules run, so the form, a bulk load and the CLI agree."""
    kept = {name: (value.strip() or None) if isinstance(value, str) else value for name, value in identity.items()}
    if kept.get("cnic"):
        kept["cnic"] = normalise_cnic(str(kept["cnic"]))
    if kept.get("phone"):
        kept["phone"] = normalise_mobile(str(kept["phone"]))
    return kept


def parse_date(raw: object) -> tuple[dt.date | None, bool]:
    """(date, ok); empty is (None, True)."""
    if raw is None or raw == "":
        return None, True
    if isinstance(raw, dt.datetime):
        return raw.date(), True
    if isinstance(raw, dt.date):
        return raw, True
    try:
        return dt.date.fromisoformat(str(raw).strip()), True
    except ValueError:
        return None, False


def classify(answers: str, catalogue: Catalogue) -> str | None:
    """The GBV core type from the classification answers (``y``/``n`` in order, first ``y`` wins).

    ``"nny"`` -> physical_assault; six ``n`` -> non_gbv; anything else (answers after a ``y``, other
    letters, too few answers) -> None.
    """
    core_types = [gbv_type for gbv_type in catalogue.gbv_types if gbv_type.question]
    answers = (answers or "").strip().lower()
    if not answers or any(ch not in "yn" for ch in answers) or len(answers) > len(core_types):
        return None
    if "y" in answers:
        first_yes = answers.index("y")
        return core_types[first_yes].code if first_yes == len(answers) - 1 else None
    return "non_gbv" if len(answers) == len(core_types) else None


def age_group(client_age: int, thresholds: Thresholds) -> str:
    """A client's age group: a child (``under18``, the GBVIMS name) below the catalogue's adult age."""
    return "under18" if client_age < thresholds.adult_age else "adult"


def case_context(gbv_type: str, client_age: int | None, perpetrator_relationships: Iterable[str],
                 thresholds: Thresholds) -> list[str]:
    """Derived, never typed: intimate partner violence, child sexual abuse, early marriage."""
    contexts = []
    if "intimate_partner" in perpetrator_relationships:
        contexts.append("intimate_partner_violence")
    is_child = client_age is not None and age_group(client_age, thresholds) == "under18"
    if is_child and gbv_type in ("rape", "sexual_assault"):
        contexts.append("child_sexual_abuse")
    if is_child and gbv_type == "forced_marriage":
        contexts.append("early_marriage")
    return contexts


def elapsed_bucket(report_date: dt.date, incident_date: dt.date | None, thresholds: Thresholds) -> str:
    """Report date minus incident date, in the GBVIMS buckets; ``unknown`` without an incident date."""
    return days_bucket(None if incident_date is None else (report_date - incident_date).days, thresholds)


def bucket_order(thresholds: Thresholds) -> list[str]:
    """Every reporting-time bucket in order: ``0-3 days`` ... (the catalogue's ``reporting_days``), then
    ``over 30 days`` and ``unknown`` (no incident date). A bucket's key is its English name."""
    firsts = (0, *(limit + 1 for limit in thresholds.reporting_days))
    return [*(f"{first}-{limit} days" for first, limit in zip(firsts, thresholds.reporting_days, strict=False)),
            f"over {thresholds.reporting_days[-1]} days", "unknown"]


def days_bucket(days: int | None, thresholds: Thresholds) -> str:
    """The GBVIMS bucket of an elapsed reporting time in days (:func:`bucket_order`); ``unknown`` for None."""
    if days is None:
        return "unknown"
    order = bucket_order(thresholds)
    for limit, bucket in zip(thresholds.reporting_days, order, strict=False):
        if days <= limit:
            return bucket
    return order[-2]


_BUCKET_SHAPE = re.compile(r"^(\d+)-(\d+) days$|^over (\d+) days$")


def bucket_name(bucket: str) -> str:
    """How a reporting-time bucket reads in the interface's language ("0-3 days" -> "۰-۳ دن")."""
    shape = _BUCKET_SHAPE.match(bucket)
    if shape is None:
        return translate("elapsed", QT_TRANSLATE_NOOP("elapsed", "unknown (no incident date)")) if bucket == "unknown" else bucket
    if shape[3] is not None:
        return say("elapsed", QT_TRANSLATE_NOOP("elapsed", "over {days} days"), days=shape[3])
    return say("elapsed", QT_TRANSLATE_NOOP("elapsed", "{first}-{last} days"), first=shape[1], last=shape[2])


# -- Engine values the interface shows or bounds its inputs by ---------------------------------------------
# The GUI imports these instead of copying them; tests/test_gui_rules.py fails on a copy in gui/.
# Rules about several cells of one indicator at once (the parts and their total): a cell they refuse may
# pass once another cell of its grid is corrected, so the entry grid tries it again with the next save.
CROSS_CELL_RULES = frozenset({"IV_CELLS_SUM", "IV_CELLS_EXCEED_TOTAL"})
# The rules of rules.csv that compare indicators: a figure they refuse may pass once the other figure (often in
# another indicator's grid) is corrected; the centre lists them at import and never keeps a record aside for one.
CROSS_INDICATOR_RULES = frozenset({"IV_RULE", "IV_RULE_WARNING"})


@dataclass
class DeskContext:
    catalogue: Catalogue
    today: dt.date
    desks: set[str]


def _choice(issues: list[Issue], catalogue: Catalogue, list_name: str, field_name: str, value: object,
            required: bool = True) -> None:
    if value in (None, ""):
        if required:
            issues.append(issue("DC_REQUIRED", field=field_name))
        return
    choices = catalogue.list_codes(list_name)
    if value not in choices:
        issues.append(issue("DC_UNKNOWN_CHOICE", field=field_name, value=value, choices=", ".join(choices)))


def check_desk_case(context: DeskContext, case: Mapping, perpetrators: Iterable[Mapping] = (),
                    services: Iterable[Mapping] = (), identity: Mapping | None = None) -> list[Issue]:
    """Every rule of the desk case form (GBVIMS intake), on the case and its child records."""
    catalogue, issues = context.catalogue, []
    if not str(case.get("client_code") or "").strip():
        issues.append(issue("DC_REQUIRED", field="client_code"))
    # A missing case number is assigned from the desk and report date; without those, their own
    # problems are reported instead of a second one about the number.
    if not str(case.get("case_number") or "").strip() and case.get("desk") and parse_date(case.get("report_date"))[0]:
        issues.append(issue("DC_REQUIRED", field="case_number"))
    desk = case.get("desk")
    if not desk:
        issues.append(issue("DC_REQUIRED", field="desk"))
    elif desk not in context.desks:
        issues.append(issue("DC_UNKNOWN_CHOICE", field="desk", value=desk, choices=", ".join(sorted(context.desks))))
    dates: dict[str, dt.date | None] = {}
    for field_name in ("report_date", "incident_date", "followup_date"):
        parsed, ok = parse_date(case.get(field_name))
        if not ok:
            issues.append(issue("DC_BAD_DATE", field=field_name, value=case.get(field_name)))
        dates[field_name] = parsed
    report_date = dates["report_date"]
    if report_date is None and not any(i.field == "report_date" for i in issues):
        issues.append(issue("DC_REQUIRED", field="report_date"))
    if report_date and report_date > context.today:
        issues.append(issue("DC_REPORT_FUTURE", value=report_date.isoformat(), today=context.today.isoformat()))
    if report_date and dates["incident_date"] and dates["incident_date"] > report_date:
        issues.append(issue("DC_INCIDENT_AFTER_REPORT", value=dates["incident_date"].isoformat(),
                            report_date=report_date.isoformat()))
    if report_date and dates["followup_date"] and dates["followup_date"] < report_date:
        issues.append(issue("DC_FOLLOWUP_BEFORE_REPORT", value=dates["followup_date"].isoformat(),
                            report_date=report_date.isoformat()))
    age = case.get("client_age")
    if age not in (None, ""):
        number, ok = parse_number(age)
        highest = catalogue.thresholds.max_client_age
        if not ok or not isinstance(number, int) or not 0 <= number <= highest:
            issues.append(issue("DC_AGE_RANGE", value=age, highest=highest))
    _choice(issues, catalogue, "client_sex", "client_sex", case.get("client_sex"))
    _choice(issues, catalogue, "location_type", "location_type", case.get("location_type"), required=False)
    _choice(issues, catalogue, "time_of_day", "time_of_day", case.get("time_of_day"), required=False)
    _choice(issues, catalogue, "displacement", "displacement", case.get("displacement"), required=False)
    incident_district = case.get("incident_district")
    if incident_district and incident_district not in catalogue.districts:
        issues.append(issue("DC_UNKNOWN_CHOICE", field="incident_district", value=incident_district,
                            choices=translate("rules", QT_TRANSLATE_NOOP("rules", "a district code such as QUETTA"))))
    _check_classification(issues, catalogue, case)
    complaint = case.get("non_gbv_complaint")
    if case.get("gbv_type") != "non_gbv" and complaint not in (None, ""):
        # Free text that travels: checked against its list whatever the type (a missing or unknown type
        # too), and refused on a GBV case.
        _choice(issues, catalogue, "non_gbv_complaint", "non_gbv_complaint", complaint)
        if case.get("gbv_type") in catalogue.options("gbv_type"):
            issues.append(issue("DC_COMPLAINT_NOT_NON_GBV", value=complaint, gbv_type=case.get("gbv_type")))
    for consent in ("consent_services", "consent_reporting"):
        if case.get(consent) not in (0, 1, True, False):
            issues.append(issue("DC_CONSENT_MISSING", field=consent))
    _choice(issues, catalogue, "case_status", "status", case.get("status") or "open")
    # The closing reason travels as free text: it is checked against its list whenever it is there, whatever
    # the status, so no other text (a formula, a name) reaches the centre in it.
    closing_reason = case.get("closing_reason")
    if (case.get("status") or "open") == "closed" and closing_reason in (None, ""):
        issues.append(issue("DC_CLOSING_REASON"))
    elif closing_reason not in (None, ""):
        _choice(issues, catalogue, "closing_reason", "closing_reason", closing_reason)
        if (case.get("status") or "open") != "closed":
            issues.append(issue("DC_CLOSING_REASON_NOT_CLOSED", value=closing_reason))
    issues.extend(check_perpetrators(catalogue, perpetrators))
    issues.extend(check_services(catalogue, services))
    if identity:
        cnic, phone = identity.get("cnic"), identity.get("phone")
        if cnic and not CNIC_PATTERN.match(str(cnic)):
            issues.append(issue("DC_CNIC_FORMAT", value=cnic))
        if phone and not MOBILE_PATTERN.match(str(phone)):
            issues.append(issue("DC_PHONE_FORMAT", value=phone))
    return issues


def _check_classification(issues: list[Issue], catalogue: Catalogue, case: Mapping) -> None:
    gbv_type, answers = case.get("gbv_type"), case.get("classification_answers") or ""
    valid_types = catalogue.options("gbv_type")
    if not gbv_type:
        issues.append(issue("DC_REQUIRED", field="gbv_type"))
        return
    if gbv_type not in valid_types:
        issues.append(issue("DC_UNKNOWN_CHOICE", field="gbv_type", value=gbv_type, choices=", ".join(valid_types)))
        return
    expected = classify(answers, catalogue)
    if expected is None:
        issues.append(issue("DC_CLASSIFICATION_ANSWERS", value=answers))
    elif expected != gbv_type:
        issues.append(issue("DC_GBV_ORDER", value=gbv_type, expected=expected))
    if gbv_type == "non_gbv":
        _choice(issues, catalogue, "non_gbv_complaint", "non_gbv_complaint", case.get("non_gbv_complaint"))


def check_perpetrators(catalogue: Catalogue, perpetrators: Iterable[Mapping]) -> list[Issue]:
    """Rules of a case's alleged perpetrators (also used on perpetrators arriving in a bundle)."""
    issues: list[Issue] = []
    for perpetrator in perpetrators:
        _choice(issues, catalogue, "relationship", "perpetrator relationship", perpetrator.get("relationship"))
        _choice(issues, catalogue, "client_sex", "perpetrator sex", perpetrator.get("sex"))
        _choice(issues, catalogue, "perpetrator_age", "perpetrator age group", perpetrator.get("age_group"))
    return issues


def check_services(catalogue: Catalogue, services: Iterable[Mapping]) -> list[Issue]:
    """Rules of a case's services and referrals (also used on services arriving in a bundle)."""
    issues: list[Issue] = []
    seen: set[str] = set()
    for service in services:
        name = service.get("service")
        _choice(issues, catalogue, "service", "service", name)
        _choice(issues, catalogue, "service_status", "service status", service.get("status"))
        if name in seen:
            issues.append(issue("DC_DUPLICATE_SERVICE", value=name))
        seen.add(name)
        date, ok = parse_date(service.get("date"))
        if not ok:
            issues.append(issue("DC_BAD_DATE", field=f"{name} date", value=service.get("date"),
                                field_label=say("fields", QT_TRANSLATE_NOOP("fields", "{service} date"), service=name)))
        elif date is None and service.get("status") in REFERRAL_STATUSES_NEEDING_DATE:
            issues.append(issue("DC_REFERRAL_DATE", value=name, status=service.get("status")))
    return issues


def check_pkm_request(context: DeskContext, request: Mapping) -> list[Issue]:
    """Rules of one Police Khidmat Markaz service request."""
    catalogue, issues = context.catalogue, []
    desk = request.get("desk")
    if not desk:
        issues.append(issue("DC_REQUIRED", field="desk"))
    elif desk not in context.desks:
        issues.append(issue("DC_UNKNOWN_CHOICE", field="desk", value=desk, choices=", ".join(sorted(context.desks))))
    service = request.get("service")
    if not service:
        issues.append(issue("DC_REQUIRED", field="service"))
    elif service not in catalogue.pkm_services:
        issues.append(issue("DC_UNKNOWN_CHOICE", field="service", value=service,
                            choices=", ".join(catalogue.pkm_services)))
    _choice(issues, catalogue, "client_sex", "applicant_sex", request.get("applicant_sex"))
    dates = {}
    for field_name in ("received_date", "completed_date"):
        parsed, ok = parse_date(request.get(field_name))
        if not ok:
            issues.append(issue("DC_BAD_DATE", field=field_name, value=request.get(field_name)))
        elif parsed and parsed > context.today:
            issues.append(issue("PKM_FUTURE", field=field_name, value=parsed.isoformat(),
                                today=context.today.isoformat()))
        dates[field_name] = parsed
    if dates.get("received_date") is None and not any(i.field == "received_date" for i in issues):
        issues.append(issue("DC_REQUIRED", field="received_date"))
    received, completed = dates.get("received_date"), dates.get("completed_date")
    if received and completed and completed < received:
        issues.append(issue("PKM_COMPLETED_BEFORE_RECEIVED", value=completed.isoformat(),
                            received_date=received.isoformat()))
    return issues
