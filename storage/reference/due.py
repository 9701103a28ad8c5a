"""Which indicators are due: the periods one entry sheet covers and the indicators it carries.

Decided once, by :func:`due_indicators` (the spreadsheet template asks it too): a month's sheet also
carries the quarter's indicators when the month closes a quarter, and the year's in December, so one
sheet a month covers everything. Reference data only: no database.
"""

from __future__ import annotations

import datetime as dt

from storage.errors import UsageError
from storage.i18n import QT_TRANSLATE_NOOP, say
from storage.reference.catalogue import Catalogue, Indicator
from storage.reference.periods import FREQUENCIES, parse_period, period_code, period_containing, shift


def sheet_periods(period: str) -> list[str]:
    """The periods one sheet of ``period`` covers: itself, then the quarter and year it closes."""
    parsed = parse_period(period)
    if parsed is None:
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "{period} is not a period; write it like 2026-10, 2026Q4 or 2026."), period=repr(period)))
    periods = [period]
    if parsed.frequency == "monthly" and parsed.start.month % 3 == 0:
        periods.append(period_code("quarterly", parsed.year, parsed.start.month // 3))
    if parsed.frequency in ("monthly", "quarterly") and parsed.end.month == 12:
        periods.append(period_code("annual", parsed.year))
    return periods


def entered_here(indicator: Indicator, installation: str | None) -> bool:
    """Whether ``installation`` ("district", "centre"; None: either) types this indicator in.

    A district office never enters a figure the catalogue gives to the centre (REF-01, the population);
    the centre enters every indicator (for a district that cannot, and its own).
    """
    return installation != "district" or indicator.entered_at == "district"


def due_indicators(catalogue: Catalogue, period: str, institution: str | None = None,
                   source: str = "entry", installation: str | None = None) -> list[tuple[Indicator, str]]:
    """(indicator, its period) for every indicator the sheet of ``period`` carries, catalogue order.

    An indicator is due when its frequency is that of one of :func:`sheet_periods` and it is valid in
    that period. ``institution`` narrows to one institution's indicators; ``installation`` to those it
    enters (:func:`entered_here`).
    """
    pairs = []
    for code in sheet_periods(period):
        span = parse_period(code)
        assert span is not None
        for indicator in catalogue.indicators.values():
            if (indicator.source == source and indicator.frequency == span.frequency
                    and (institution is None or indicator.institution == institution)
                    and indicator.validity.covers(span) and entered_here(indicator, installation)):
                pairs.append((indicator, code))
    return pairs


def entry_institutions(catalogue: Catalogue, period: str | None = None, installation: str | None = None) -> list[str]:
    """Institutions with indicators ``installation`` types in (valid in ``period`` when given), catalogue order."""
    found = []
    for code in catalogue.institutions:
        if not any(entered_here(indicator, installation) for indicator in catalogue.indicators_for(code, source="entry")):
            continue
        if period is not None and not due_indicators(catalogue, period, code, installation=installation):
            continue
        found.append(code)
    return found


def periods_for(frequency: str, on: dt.date, count: int) -> list[str]:
    """The ``count`` most recent periods of ``frequency`` that have started by ``on``, newest first.

    The period containing ``on`` is included (figures may be entered for the current period); no period
    that starts after ``on`` is.
    """
    if frequency not in FREQUENCIES:
        raise UsageError(f"Unknown frequency {frequency!r}; use one of {', '.join(FREQUENCIES)}.")
    current = period_containing(frequency, on)
    return [shift(current, -back) for back in range(max(count, 0))]


def last_complete_period(frequency: str, on: dt.date) -> str:
    """The last period of ``frequency`` that ended before ``on`` (the one usually being reported)."""
    return shift(period_containing(frequency, on), -1)


def sheet_frequency(catalogue: Catalogue, institution: str, installation: str | None = None) -> str | None:
    """The frequency of an institution's sheets: its most frequent typed-in indicators' frequency.

    A monthly institution's quarterly and annual indicators come with the closing month's sheet
    (:func:`sheet_periods`), so its chooser lists months only.
    """
    frequencies = {indicator.frequency for indicator in catalogue.indicators_for(institution, source="entry")
                   if entered_here(indicator, installation)}
    return next((frequency for frequency in FREQUENCIES if frequency in frequencies), None)


def institution_periods(catalogue: Catalogue, institution: str, on: dt.date, count: int = 24,
                        installation: str | None = None) -> list[str]:
    """The sheet periods offered for an institution, newest first: only those with something due."""
    frequency = sheet_frequency(catalogue, institution, installation)
    if frequency is None:
        return []
    return [period for period in periods_for(frequency, on, count)
            if due_indicators(catalogue, period, institution, installation=installation)]

