"""Completeness: cells entered against cells expected, per institution's sheet of a period.

What the dashboard shows and the completeness report counts.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from storage.core.roles import require
from storage.core.session import Session
from storage.records.completion import locked_data_sets
from storage.records.values import value_rows
from storage.reference.catalogue import TOTAL_CELL
from storage.reference.due import due_indicators


@dataclass(frozen=True)
class Completeness:
    """Cells entered against cells expected for one institution's sheet of a period."""

    institution: str
    name: str
    period: str
    entered: int
    expected: int
    indicators: int  # indicators due
    missing: int  # indicators with no cell entered
    partial: int  # indicators with some but not all cells entered
    complete: bool  # marked complete

    @property
    def fraction(self) -> float:
        return self.entered / self.expected if self.expected else 1.0


def not_applicable_cells(denominators: dict[str, float | None]) -> bool:
    """True when a percent's or ratio's missing cells cannot be entered: their denominators are 0.

    ``denominators`` are the stored cells' denominators (``total`` among them). When the stored cells'
    denominators already add up to the total's, every missing cell has a denominator of 0, and the
    engine refuses a 0 denominator (IV_DENOMINATOR_NOT_POSITIVE: "leave the row out"): nothing is
    missing there.
    """
    total = denominators.get(TOTAL_CELL)
    cells = [value for cell, value in denominators.items() if cell != TOTAL_CELL]
    if total is None or not cells or any(value is None for value in cells):
        return False
    return abs(sum(cells) - total) < 1e-9


def completeness(session: Session, district: str, period: str) -> list[Completeness]:
    """Per institution with anything due: cells entered / cells expected for the sheet of ``period``.

    Expected is every cell (total included) of every typed-in indicator due for the sheet, except the
    cells of a percent or ratio that cannot be entered because their denominator is 0 (see
    :func:`not_applicable_cells`).
    """
    require(session, "view")
    catalogue = session.catalogue
    due = due_indicators(catalogue, period, installation=session.installation["role"])
    denominators: dict[tuple[str, str], dict[str, float | None]] = defaultdict(dict)
    cell_sets = {indicator.code: set(catalogue.cells(indicator.code)) for indicator, _ in due}
    for indicator_code, row_period, cell, _, _, denominator, _ in value_rows(session, district, {(i.code, p) for i, p in due}):
        if cell in cell_sets[indicator_code]:
            denominators[(indicator_code, row_period)][cell] = denominator
    counts: dict[tuple[str, str], int] = {}
    expected_cells: dict[tuple[str, str], int] = {}
    for indicator, code in due:
        stored = denominators[(indicator.code, code)]
        expected = len(cell_sets[indicator.code])
        if indicator.has_fraction and not_applicable_cells(stored):
            expected -= len(cell_sets[indicator.code]) - len(stored)
        counts[(indicator.code, code)] = len(stored)
        expected_cells[(indicator.code, code)] = expected
    locks = locked_data_sets(session)
    found = []
    for institution in catalogue.institutions:
        mine = [(indicator, code) for indicator, code in due if indicator.institution == institution]
        if not mine:
            continue
        entered = [counts[(indicator.code, code)] for indicator, code in mine]
        expected = [expected_cells[(indicator.code, code)] for indicator, code in mine]
        found.append(Completeness(
            institution=institution, name=catalogue.institutions[institution].name, period=period,
            entered=sum(entered), expected=sum(expected), indicators=len(mine),
            missing=sum(1 for n in entered if n == 0),
            partial=sum(1 for n, total in zip(entered, expected, strict=True) if 0 < n < total),
            complete=all((district, institution, code) in locks for code in {code for _, code in mine}),
        ))
    return found

