"""The results framework's workbook: ``plan template`` writes it, ``plan load`` reads it, all or nothing.

One workbook (.xlsx, or .ods from LibreOffice) with a sheet per part, each with a header row (a title above
it is skipped, merged cells are filled, as in ``load``):

========== ===================================================================================
plan        name, name_ur, example (yes/no), note: one row naming the framework
objectives  code, title, title_ur, department, partner, start, due
outputs     code, objective, title, title_ur, department, partner, start, due
activities  code, output, title, title_ur, department, partner, start, due (due required)
indicators  indicator, output, headline (yes/no), baseline_value, baseline_year, note
targets     indicator, year, target: the provincial target of a linked indicator for a year
========== ===================================================================================

``department`` is a catalogue institution code (police, prosecution, prisons, probation, courts, home,
levies); dates are YYYY-MM-DD. The template adds guide columns (the indicator's name, unit, direction) after
the columns read, and a ``guide`` sheet; both are for people and never read. Every problem names its sheet and
row (:mod:`storage.records.plan` holds the rules).
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

from storage.core.roles import require
from storage.core.session import Session
from storage.errors import UsageError, ValidationFailed
from storage.i18n import QT_TRANSLATE_NOOP, say
from storage.records.plan import (
    INDICATORS_SHEET,
    LEVEL_SHEETS,
    PARENT_LEVEL,
    PLAN_SHEET,
    TARGETS_SHEET,
    Framework,
    PlanIndicator,
    PlanItem,
    PlanSaveReport,
    PlanTarget,
    SheetIssue,
    on_sheet,
    save_framework,
    sheet_issue,
    stored_framework,
)
from storage.reference.catalogue import Catalogue
from storage.sheets.reading import old_excel, other_kind
from storage.sheets.tables import Sheet, read_table, unreadable, write_sheets
from storage.validation import ACTIVITY_STATUSES

PLAN_COLUMNS = ("name", "name_ur", "example", "note")
ITEM_COLUMNS = {level: ("code", *((PARENT_LEVEL[level],) if level in PARENT_LEVEL else ()), "title", "title_ur",
                        "department", "partner", "start", "due") for level in LEVEL_SHEETS}
INDICATOR_COLUMNS = ("indicator", "output", "headline", "baseline_value", "baseline_year", "note")
TARGET_COLUMNS = ("indicator", "year", "target")
INDICATOR_GUIDE_COLUMNS = ("name", "unit", "better")
GUIDE_SHEET = "guide"
PLAN_SHEETS = (PLAN_SHEET, *LEVEL_SHEETS.values(), INDICATORS_SHEET, TARGETS_SHEET)
WORKBOOK_SUFFIXES = (".xlsx", ".ods")


@dataclass
class PlanLoadReport:
    """The outcome of ``plan load``: what was (or, dry run, would be) written, or every problem found."""

    file: str
    dry_run: bool = False
    saved: PlanSaveReport | None = None
    problems: list[SheetIssue] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def as_dict(self) -> dict:
        saved = self.saved.as_dict() if self.saved else {"counts": {}, "notes": []}
        return {"file": self.file, "ok": self.ok, "dry_run": self.dry_run, "written": self.ok and not self.dry_run,
                **saved, "problems": [problem.as_dict() for problem in self.problems]}


# -- writing -------------------------------------------------------------------------------------------


def _cell(value: object) -> object:
    return "" if value is None else value


def framework_sheets(framework: Framework | None, catalogue: Catalogue, banner: list[str] = ()) -> list[Sheet]:
    """The workbook's sheets for ``framework`` (None: headers only), with the guide sheet last.

    ``banner``: lines at the top of the guide (e.g. that the workbook is an example to replace)."""
    named = [] if framework is None else [[_cell(framework.name), _cell(framework.name_ur),
                                           _cell(framework.example), _cell(framework.note)]]
    framework = framework or Framework("", "")
    sheets = [Sheet(PLAN_SHEET, PLAN_COLUMNS, named, {"A": 50, "B": 50, "C": 9, "D": 80})]
    for level, sheet in LEVEL_SHEETS.items():
        rows = [[item.code, *([item.parent] if level in PARENT_LEVEL else []), item.title, item.title_ur,
                 item.department, _cell(item.partner), _cell(item.start), _cell(item.due)]
                for item in framework.items if item.level == level]
        columns = ITEM_COLUMNS[level]
        # Codes and dates stay as typed: Excel would turn 1.2 into a number and 2026-06-30 into a date.
        text = tuple(position for position, name in enumerate(columns, start=1)
                     if name in ("code", "start", "due", *LEVEL_SHEETS))
        widths = dict(zip("ABCDEFGH", (10, *((10,) if level in PARENT_LEVEL else ()), 60, 60, 14, 24, 12, 12),
                          strict=False))
        sheets.append(Sheet(sheet, columns, rows, widths, text_columns=text))
    indicators = catalogue.indicators
    sheets.append(Sheet(INDICATORS_SHEET, (*INDICATOR_COLUMNS, *INDICATOR_GUIDE_COLUMNS), [
        [linked.indicator, linked.output, _cell(linked.headline), _cell(linked.baseline_value),
         _cell(linked.baseline_year), _cell(linked.note),
         *((indicators[linked.indicator].name, indicators[linked.indicator].unit, indicators[linked.indicator].better)
           if linked.indicator in indicators else ("", "", ""))]
        for linked in framework.indicators], {"A": 10, "B": 10, "C": 9, "D": 14, "E": 13, "F": 50, "G": 50},
        text_columns=(1, 2)))
    sheets.append(Sheet(TARGETS_SHEET, (*TARGET_COLUMNS, *INDICATOR_GUIDE_COLUMNS[:2]), [
        [target.indicator, target.year, target.target,
         *((indicators[target.indicator].name, indicators[target.indicator].unit)
           if target.indicator in indicators else ("", ""))]
        for target in framework.targets], {"A": 10, "B": 7, "C": 10, "D": 50}, highlight_column=3, text_columns=(1,)))
    sheets.append(Sheet(GUIDE_SHEET, ("guide",), [[line] for line in (*banner, *guide_lines(catalogue))],
                        {"A": 140}, freeze_header=False))
    return sheets


def guide_lines(catalogue: Catalogue) -> list[str]:
    """What the guide sheet tells the person filling in the workbook (never read back)."""
    return [
        "One sheet per part; the header row names the columns; other columns (name, unit, better) are a guide and not read.",
        "plan: one row naming the framework; example = yes for an example framework, no for the approved Action Plan.",
        "objectives > outputs > activities: a code each (letters, digits, dots, dashes; unique across the workbook), "
        "the title in English and Urdu, the responsible department, partners or funders, start and due dates "
        "(YYYY-MM-DD; an activity needs its due date).",
        "department: one of " + ", ".join(catalogue.institutions) + ".",
        "indicators: a catalogue indicator, the output it measures (one output each), headline = yes to show it "
        "first in reports, and its baseline (value and year, both or neither).",
        "targets: the provincial target of a linked indicator for a year, in the indicator's unit for the whole year "
        "(district targets stay in `targets load`).",
        "Activity progress is not in this workbook: `plan progress --activity CODE --status "
        + "|".join(ACTIVITY_STATUSES) + " --percent N --date YYYY-MM-DD --evidence TEXT`.",
        "`plan load FILE --dry-run` checks the workbook and lists every problem with its sheet and row; without "
        "--dry-run the whole workbook becomes the framework in use, or nothing changes.",
    ]


def write_plan_workbook(out: str | Path, framework: Framework | None, catalogue: Catalogue,
                        banner: list[str] = ()) -> Path:
    """Write the framework's workbook (.xlsx). Text stays text (never a formula, :mod:`storage.sheets.cells`)."""
    out = Path(out)
    if out.suffix.lower() != ".xlsx":
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "The results framework's template must be a .xlsx workbook (it has several sheets), not {file}."), file=out.name))
    write_sheets(out, framework_sheets(framework, catalogue, list(banner)))
    return out


def write_plan_template(session: Session, out: str | Path) -> int:
    """``plan template``: the workbook of the framework in use (headers only when none is loaded), so that
    it loads back unchanged. Returns the number of rows written (objectives, outputs, activities, indicators
    and targets)."""
    require(session, "view")
    framework = stored_framework(session)
    write_plan_workbook(out, framework, session.catalogue)
    return 0 if framework is None else len(framework.items) + len(framework.indicators) + len(framework.targets)


# -- reading -------------------------------------------------------------------------------------------


def _sheet_names(path: Path) -> list[str]:
    """The names of a workbook's sheets."""
    if path.suffix.lower() == ".xlsx":
        from openpyxl import load_workbook  # loaded with the format: the CLI starts without it

        workbook = load_workbook(path, read_only=True)
        try:
            return list(workbook.sheetnames)
        finally:
            workbook.close()
    from odf.opendocument import load  # as above
    from odf.table import Table

    return [table.getAttribute("name") for table in load(str(path)).spreadsheet.getElementsByType(Table)]


def read_plan_workbook(path: Path) -> Framework:
    """The framework a workbook holds, cells as they are (the rules check them); a file-level problem
    (not a workbook, a sheet or column missing, a damaged file) raises ``ValidationFailed``, each problem
    with its sheet."""
    suffix = path.suffix.lower()
    if suffix == ".xls":
        raise old_excel(path)
    if suffix in (".csv", ".txt"):
        raise ValidationFailed(say("errors", QT_TRANSLATE_NOOP("errors", "The file could not be read; nothing was written.")),
                               [sheet_issue("PL_WORKBOOK_NEEDED", "", 1, value=path.name)])
    if suffix not in WORKBOOK_SUFFIXES:
        raise other_kind(path)
    try:
        names = _sheet_names(path)
    except Exception as error:  # a damaged file: openpyxl, zipfile and odfpy raise many types
        failure = unreadable(path, error)
        raise ValidationFailed(str(failure), [on_sheet(found, "") for found in failure.issues]) from error
    missing = [sheet for sheet in PLAN_SHEETS if sheet not in names]
    if missing:
        raise ValidationFailed(say("errors", QT_TRANSLATE_NOOP("errors", "The file's columns are wrong; nothing was written.")), [
            sheet_issue("PL_SHEET_MISSING", sheet, None, value=sheet, expected=", ".join(PLAN_SHEETS))
            for sheet in missing])
    columns = {PLAN_SHEET: PLAN_COLUMNS, **{LEVEL_SHEETS[level]: ITEM_COLUMNS[level] for level in LEVEL_SHEETS},
               INDICATORS_SHEET: INDICATOR_COLUMNS, TARGETS_SHEET: TARGET_COLUMNS}
    tables: dict[str, list[tuple[int, dict]]] = {}
    problems: list[SheetIssue] = []
    for sheet in PLAN_SHEETS:
        try:
            tables[sheet] = read_table(path, columns[sheet], sheet_name=sheet)
        except ValidationFailed as failure:
            problems += [on_sheet(found, sheet) for found in failure.issues]
    if problems:
        raise ValidationFailed(say("errors", QT_TRANSLATE_NOOP("errors", "The file's columns are wrong; nothing was written.")), problems)
    named = tables[PLAN_SHEET]
    row, plan = named[0] if named else (None, {})
    framework = Framework(plan.get("name"), plan.get("name_ur"), plan.get("example"), plan.get("note"),
                          name_row=row)
    for level, sheet in LEVEL_SHEETS.items():
        parent = PARENT_LEVEL.get(level)
        framework.items += [PlanItem(level, record["code"], record[parent] if parent else None, record["title"],
                                     record["title_ur"], record["department"], record["partner"], record["start"],
                                     record["due"], number) for number, record in tables[sheet]]
    framework.indicators = [PlanIndicator(record["indicator"], record["output"], record["headline"],
                                          record["baseline_value"], record["baseline_year"], record["note"], number)
                            for number, record in tables[INDICATORS_SHEET]]
    framework.targets = [PlanTarget(record["indicator"], record["year"], record["target"], number)
                         for number, record in tables[TARGETS_SHEET]
                         if not (record["target"] is None or str(record["target"]).strip() == "")]
    return framework


def load_plan(session: Session, path: str | Path, *, dry_run: bool = False) -> PlanLoadReport:
    """``plan load``: check every row of every sheet and make the workbook the framework in use, all of it or
    nothing; ``dry_run`` checks and says what would change. Centre clerk. Target rows without a target are
    skipped (a target the template left empty is no target)."""
    require(session, "manage_plan")
    path = Path(path)
    if not path.exists():
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "There is no file {path}."), path=path))
    report = PlanLoadReport(file=os.fspath(path), dry_run=dry_run)
    try:
        framework = read_plan_workbook(path)
        report.saved = save_framework(session, framework, file_name=path.name,
                                      sha256=hashlib.sha256(path.read_bytes()).hexdigest(), dry_run=dry_run)
    except ValidationFailed as failure:
        report.problems = [on_sheet(found, "") for found in failure.issues]
    return report
