"""Targets per indicator, district and year: the grid, saving through the validation engine, and the
spreadsheet template and all-or-nothing load (the same machinery as ``load`` in :mod:`storage.bulk`).

A target is in the indicator's unit, for the whole year: a flow's yearly total, a stock figure's level,
a percent's or ratio's value. How reports compare figures against it is :mod:`storage.reports`' business.
"""

from __future__ import annotations

import csv
import os
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from storage.bulk import LoadReport, read_table
from storage.catalogue import Indicator
from storage.database import Session, utc_now
from storage.errors import UsageError, ValidationFailed
from storage.i18n import QT_TRANSLATE_NOOP, say
from storage.periods import parse_period
from storage.records import SaveReport, list_targets
from storage.users import require
from storage.validation import Issue, TargetInput, check_target, issue, parse_number

# The columns ``load_targets`` reads; the template adds the indicator's name, unit and direction after them.
TARGET_COLUMNS = ("indicator", "district", "year", "target")
GUIDE_COLUMNS = ("name", "unit", "better")
TARGETS_SHEET = "targets"

__all__ = ["TARGET_COLUMNS", "TargetGrid", "TargetInput", "TargetSaveReport", "list_targets", "load_targets",
           "save_targets", "target_grid", "write_targets_template"]


@dataclass
class TargetSaveReport(SaveReport):
    """A :class:`SaveReport` that also counts targets cleared (an emptied grid cell removes its target)."""

    cleared: int = 0

    def as_dict(self) -> dict:
        return super().as_dict() | {"cleared": self.cleared}


@dataclass
class TargetGrid:
    """The targets of one year as a grid: a row per indicator, a column per district."""

    year: int
    indicators: list[Indicator]
    districts: list[str]
    targets: dict[tuple[str, str], float | int] = field(default_factory=dict)  # (indicator, district) -> target

    def target(self, indicator: str, district: str) -> float | int | None:
        return self.targets.get((indicator, district))


def _year_span(year: int):
    span = parse_period(str(year)) if isinstance(year, int) else None
    if span is None:
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "The target year must be a year such as 2026, not {year}."), year=repr(year)))
    return span


def grid_districts(session: Session, year: int) -> list[str]:
    """The districts whose targets this installation sets for ``year``: its own, or every district then valid."""
    span = _year_span(year)
    if not session.is_centre:
        return [session.district]
    return [code for code, district in session.catalogue.districts.items() if district.validity.covers(span)]


def grid_indicators(session: Session, year: int) -> list[Indicator]:
    """Every indicator valid in ``year``, catalogue order (desk indicators too: their figures are computed)."""
    span = _year_span(year)
    return [indicator for indicator in session.catalogue.indicators.values() if indicator.validity.covers(span)]


def target_grid(session: Session, year: int) -> TargetGrid:
    """The targets of ``year`` for the grid screen: indicators x districts, with the stored targets."""
    require(session, "view")
    districts = grid_districts(session, year)
    stored = {(t["indicator"], t["district"]): t["target"] for t in list_targets(session, year)
              if t["district"] in districts}
    return TargetGrid(year, grid_indicators(session, year), districts, stored)


def _stored_targets(session: Session) -> dict[tuple[str, str, int], tuple]:
    """(indicator, district, year) -> (target, deleted) of every stored target row."""
    return {(indicator, district, year): (target, deleted) for indicator, district, year, target, deleted
            in session.db.execute("SELECT indicator, district, year, target, deleted FROM targets")}


def _is_blank(raw: object) -> bool:
    return raw is None or (isinstance(raw, str) and not raw.strip())


def save_targets(session: Session, year: int | None, rows: Iterable[TargetInput], *,
                 dry_run: bool = False) -> TargetSaveReport:
    """Validate and write targets: all of them, or none (``ValidationFailed`` lists every problem).

    ``year`` fills in rows whose ``year`` is None (the grid's rows); a loaded sheet gives each row its
    own. An empty target clears (tombstones) a stored target, as emptying a grid cell does. A repeated
    (indicator, district, year) is refused with LD_DUPLICATE_ROW.
    """
    require(session, "set_targets")
    own = None if session.is_centre else session.district
    problems: list[Issue] = []
    checked: list[tuple[tuple[str, str, int], float | int | None]] = []
    first_row: dict[tuple, int | None] = {}
    for source in rows:
        if source.year is None:
            source.year = year
        blank = _is_blank(source.target)
        number, found = check_target(session.catalogue, own, TargetInput(
            source.indicator, source.district, source.year, 0 if blank else source.target, source.row))
        problems.extend(found)
        if found:
            continue
        key = (source.indicator, source.district, parse_number(source.year)[0])
        if key in first_row:
            problems.append(issue("LD_DUPLICATE_ROW", source.row, value=" ".join(map(str, key)),
                                  first_row=first_row[key]))
            continue
        first_row[key] = source.row
        checked.append((key, None if blank else number))
    if problems:
        raise ValidationFailed(say("errors", QT_TRANSLATE_NOOP("errors", "{count} problem(s) in the targets; nothing was saved."), count=len(problems)), problems)
    report, writes, clears = _plan(_stored_targets(session), checked)
    if dry_run or not (writes or clears):
        return report
    now = utc_now()
    with session.write() as db:
        for (indicator, district, target_year), number in writes:
            db.execute(
                "INSERT INTO targets (indicator, district, year, target, set_by, set_at, uuid, hlc, origin_device) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (indicator, district, year) DO UPDATE SET "
                "target = excluded.target, set_by = excluded.set_by, set_at = excluded.set_at, hlc = excluded.hlc, "
                "origin_device = excluded.origin_device, deleted = 0",
                [indicator, district, target_year, number, session.user, now, str(uuid.uuid4()),
                 session.clock.now(), session.device_id])
        for indicator, district, target_year in clears:
            # A tombstone, not a DELETE: the clearing travels to the centre like any other change.
            db.execute("UPDATE targets SET deleted = 1, set_by = ?, set_at = ?, hlc = ?, origin_device = ? "
                       "WHERE indicator = ? AND district = ? AND year = ? AND deleted = 0",
                       [session.user, now, session.clock.now(), session.device_id, indicator, district, target_year])
    return report


def _plan(stored: dict, checked: list[tuple[tuple[str, str, int], float | int | None]]):
    """What a save does: the counts, the targets to write and the stored targets to clear."""
    report = TargetSaveReport()
    writes: list[tuple[tuple[str, str, int], float | int]] = []
    clears: list[tuple[str, str, int]] = []
    for key, number in checked:
        previous = stored.get(key)
        live = previous is not None and not previous[1]
        if number is None:
            if live:
                report.cleared += 1
                clears.append(key)
            continue
        if live and abs(float(previous[0]) - float(number)) < 1e-9:
            report.unchanged += 1
            continue
        if live:
            report.updated += 1
        else:
            report.new += 1
        writes.append((key, number))
    return report, writes, clears


# -- spreadsheets ----------------------------------------------------------------------------------------


def template_rows(session: Session, year: int) -> list[list]:
    """The template's rows: every indicator x district of the grid, prefilled with stored targets."""
    grid = target_grid(session, year)
    return [[indicator.code, district, year, grid.target(indicator.code, district), indicator.name, indicator.unit,
             indicator.better] for indicator in grid.indicators for district in grid.districts]


def write_targets_template(session: Session, year: int, out: str | Path) -> int:
    """Write the targets sheet of ``year`` (.xlsx or .csv) with every row, stored targets filled in. Returns rows."""
    require(session, "view")
    out = Path(out)
    suffix = out.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "The targets template must be a .xlsx or .csv file, not {file}."), file=out.name))
    rows = template_rows(session, year)
    header = [*TARGET_COLUMNS, *GUIDE_COLUMNS]
    if suffix == ".csv":
        with open(out, "w", newline="", encoding="utf-8-sig") as handle:
            writer = csv.writer(handle)
            writer.writerow(header)
            writer.writerows(rows)
        return len(rows)
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = TARGETS_SHEET
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(row)
    # The column to fill in stands out; the guide columns after it are read by people, not by `load`.
    fill = PatternFill("solid", fgColor="FFF2CC")
    for (cell,) in sheet.iter_rows(min_row=2, min_col=4, max_col=4):
        cell.fill = fill
    sheet.freeze_panes = "A2"
    for column, width in zip("ABCDEFG", (10, 16, 7, 10, 60, 9, 8), strict=True):
        sheet.column_dimensions[column].width = width
    workbook.save(out)
    return len(rows)


def load_targets(session: Session, path: str | Path, *, dry_run: bool = False) -> LoadReport:
    """Validate every row of a targets .xlsx/.csv and write all of them, or none.

    Rows with an empty target are skipped (an untouched template row is not a target). Every failing
    row is listed with its spreadsheet row number, rule code and message.
    """
    require(session, "set_targets")
    path = Path(path)
    if not path.exists():
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "There is no file {path}."), path=path))
    report = LoadReport(file=os.fspath(path), dry_run=dry_run)
    try:
        records = read_table(path, TARGET_COLUMNS, sheet_name=TARGETS_SHEET, command="targets load")
    except ValidationFailed as failure:
        report.problems = failure.issues
        return report
    inputs = []
    for number, record in records:
        if _is_blank(record["target"]):
            report.blank_rows += 1
            continue
        inputs.append(TargetInput(str(record["indicator"] or "").strip().upper(),
                                  str(record["district"] or "").strip().upper(), record["year"], record["target"],
                                  number))
    report.rows = len(records)
    try:
        report.saved = save_targets(session, None, inputs, dry_run=dry_run)
    except ValidationFailed as failure:
        report.problems = sorted(failure.issues, key=lambda found: (found.row or 0, found.rule))
    return report
