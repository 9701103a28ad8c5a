"""The targets spreadsheet: a template of every indicator x district of a year, and its all-or-nothing load."""

from __future__ import annotations

from pathlib import Path

from storage.core.roles import require
from storage.core.session import Session
from storage.errors import UsageError
from storage.i18n import QT_TRANSLATE_NOOP, say
from storage.records.targets import is_blank, save_targets, target_grid
from storage.sheets.tables import LoadReport, Sheet, load_all_or_nothing, read_table, write_sheets
from storage.validation import TargetInput

# The columns ``load_targets`` reads; the template adds the indicator's name, unit and direction after them.
TARGET_COLUMNS = ("indicator", "district", "year", "target")
GUIDE_COLUMNS = ("name", "unit", "better")
TARGETS_SHEET = "targets"



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
    widths = dict(zip("ABCDEFG", (10, 16, 7, 10, 60, 9, 8), strict=True))
    # The column to fill in stands out; the guide columns after it are read by people, not by `load`.
    write_sheets(out, [Sheet(TARGETS_SHEET, [*TARGET_COLUMNS, *GUIDE_COLUMNS], rows, widths,
                             highlight_column=TARGET_COLUMNS.index("target") + 1)])
    return len(rows)


def load_targets(session: Session, path: str | Path, *, dry_run: bool = False) -> LoadReport:
    """Validate every row of a targets .xlsx/.csv and write all of them, or none.

    Rows with an empty target are skipped (an untouched template row is not a target). Every failing
    row is listed with its spreadsheet row number, rule code and message.
    """
    require(session, "set_targets")
    return load_all_or_nothing(path, dry_run=dry_run, read=_read_target_rows,
                               save=lambda inputs: save_targets(session, None, inputs, dry_run=dry_run))


def _read_target_rows(path: Path) -> tuple[list[TargetInput], int]:
    """The targets of a sheet, and how many rows had no target (an untouched template row is not a target)."""
    inputs, blank = [], 0
    for number, record in read_table(path, TARGET_COLUMNS, sheet_name=TARGETS_SHEET):
        if is_blank(record["target"]):
            blank += 1
            continue
        inputs.append(TargetInput(str(record["indicator"] or "").strip().upper(),
                                  str(record["district"] or "").strip().upper(), record["year"], record["target"],
                                  number))
    return inputs, blank
