"""Reporting periods: ``2026-10`` (monthly), ``2026Q4`` (quarterly), ``2026`` (annual)."""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

FREQUENCIES = ("monthly", "quarterly", "annual")

_PATTERNS = {
    "monthly": re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$"),
    "quarterly": re.compile(r"^(\d{4})Q([1-4])$"),
    "annual": re.compile(r"^(\d{4})$"),
}


@dataclass(frozen=True, order=True)
class Period:
    """A parsed period with its first and last day."""

    start: dt.date
    end: dt.date
    frequency: str
    code: str

    @property
    def year(self) -> int:
        return self.start.year


def frequency_of(code: str) -> str | None:
    """The frequency whose format ``code`` has, or None when it fits none."""
    for frequency, pattern in _PATTERNS.items():
        if pattern.match(code):
            return frequency
    return None


def parse_period(code: str) -> Period | None:
    """Parse a period code; None when it is not one of the three formats."""
    frequency = frequency_of(code)
    if frequency is None:
        return None
    match = _PATTERNS[frequency].match(code)
    assert match is not None
    year = int(match.group(1))
    if year < 1900:
        return None
    if frequency == "monthly":
        month = int(match.group(2))
        first_month, last_month = month, month
    elif frequency == "quarterly":
        quarter = int(match.group(2))
        first_month, last_month = 3 * quarter - 2, 3 * quarter
    else:
        first_month, last_month = 1, 12
    start = dt.date(year, first_month, 1)
    end = _month_end(year, last_month)
    return Period(start, end, frequency, code)


def _month_end(year: int, month: int) -> dt.date:
    if month == 12:
        return dt.date(year, 12, 31)
    return dt.date(year, month + 1, 1) - dt.timedelta(days=1)


def period_code(frequency: str, year: int, index: int = 1) -> str:
    """Build a code: ``index`` is the month (monthly) or quarter (quarterly)."""
    if frequency == "monthly":
        return f"{year:04d}-{index:02d}"
    if frequency == "quarterly":
        return f"{year:04d}Q{index}"
    return f"{year:04d}"


def period_containing(frequency: str, day: dt.date) -> str:
    """The code of the period of ``frequency`` that contains ``day``."""
    if frequency == "monthly":
        return period_code(frequency, day.year, day.month)
    if frequency == "quarterly":
        return period_code(frequency, day.year, (day.month - 1) // 3 + 1)
    return period_code(frequency, day.year)


@functools.lru_cache(maxsize=65536)
def shift(code: str, steps: int) -> str:
    """The period ``steps`` periods after (negative: before) ``code``, same frequency.

    Cached: the outlier check asks for the 12 periods before every value, so a bulk save calls this
    millions of times with a few hundred distinct arguments (the result is an immutable string).
    """
    period = parse_period(code)
    if period is None:
        raise ValueError(f"not a period: {code!r}")
    if period.frequency == "annual":
        return period_code("annual", period.year + steps)
    per_year = 12 if period.frequency == "monthly" else 4
    index = (period.start.month - 1) if period.frequency == "monthly" else (period.start.month - 1) // 3
    total = period.year * per_year + index + steps
    return period_code(period.frequency, total // per_year, total % per_year + 1)


def previous_periods(code: str, count: int) -> list[str]:
    """The ``count`` periods before ``code``, most recent first."""
    return [shift(code, -step) for step in range(1, count + 1)]


def periods_in_year(frequency: str, year: int) -> list[str]:
    """Every period of ``frequency`` in calendar ``year``, in order."""
    if frequency == "monthly":
        return [period_code(frequency, year, month) for month in range(1, 13)]
    if frequency == "quarterly":
        return [period_code(frequency, year, quarter) for quarter in range(1, 5)]
    return [period_code(frequency, year)]


# How a spreadsheet shows a month a person typed and it turned into a date: `2026-11-01`,
# `2026-11-01 00:00:00` (LibreOffice and pandas), `Nov-2026`, `Nov-26`, `November 2026` (Excel's display
# of a typed "Nov-2026"), `11/01/2026` or `01/11/26` (either day order: one of them is the 1st).
_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]00:00(?::00(?:\.0+)?)?)?$")
_MONTH_YEAR = re.compile(r"^([A-Za-z]{3,9})[-/ .,]+(\d{2}|\d{4})$")
_SLASHED = re.compile(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{2}|\d{4})$")
_MONTHS = {name: number for number, name in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}


def _month(year: int, month: int) -> str | None:
    if year < 100:
        year += 2000
    return f"{year:04d}-{month:02d}" if 1900 <= year <= 9999 and 1 <= month <= 12 else None


def month_of_first_day(cell: object) -> str | None:
    """The monthly period code of a cell that holds the first day of a month as a date, else None.

    Excel and LibreOffice turn a typed period such as ``Nov-2026`` or ``2026-11`` into the date
    1 November 2026; the sheet then holds a date (``datetime``) or, saved as CSV, its display. Only the
    first day of a month counts: any other date is not a period and stays refused by the period rule.
    """
    if isinstance(cell, dt.datetime):
        if cell.time() != dt.time(0):
            return None
        cell = cell.date()
    if isinstance(cell, dt.date):
        return _month(cell.year, cell.month) if cell.day == 1 else None
    if not isinstance(cell, str):
        return None
    text = cell.strip()
    if match := _ISO_DATE.match(text):
        year, month, day = (int(part) for part in match.groups())
        return _month(year, month) if day == 1 else None
    if match := _MONTH_YEAR.match(text):
        month = _MONTHS.get(match.group(1)[:3].lower())
        full_names_ok = len(match.group(1)) == 3 or match.group(1).lower() in _FULL_MONTH_NAMES
        return _month(int(match.group(2)), month) if month and full_names_ok else None
    if match := _SLASHED.match(text):
        first, second, year = (int(part) for part in match.groups())
        if second == 1 and first != 1:  # month/day/year: 11/01/2026
            return _month(year, first)
        if first == 1:  # day/month/year: 01/11/2026 (and 01/01/2026 either way)
            return _month(year, second)
    return None


_FULL_MONTH_NAMES = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
                     "october", "november", "december", "sept"}
