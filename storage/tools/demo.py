"""Realistic synthetic demo data for training, screenshots and trying the app out (``mizan demo``).

Everything is written through the same public storage functions that the GUI and the CLI use
(:func:`storage.records.values.save_indicator_values`, :func:`storage.records.targets.set_target`,
:func:`storage.records.desk.save_desk_case`, :func:`storage.records.desk.save_pkm_request`), so the one validation
engine checks every demo record exactly as it checks typed ones.

The figures are made up but shaped like the real thing: magnitudes scale with a district's population
(Quetta, the provincial capital, is the biggest), the roadmap's headline trends are visible (the
conviction rate rising towards 40%, the under-trial share of prisoners falling), related indicators
agree with each other (arrestees produced within 24 hours are counted among the persons arrested, the
clearance rate is disposed over instituted cases, prisoners by detention status give the unsentenced
share), and every disaggregated indicator's cells add up exactly to its total.

Determinism: the same seed and the same last month give the same figures, dates and codes. Every
district and every desk draws from its own generator derived from the seed, so a district's figures
do not depend on which other districts are generated: a Quetta district office and the provincial
centre get the same Quetta figures from the same seed.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import random
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from storage.core.clock import today
from storage.core.roles import require
from storage.core.session import Session
from storage.errors import UsageError, ValidationFailed
from storage.i18n import QT_TRANSLATE_NOOP, say
from storage.records.desk import list_desks, save_desk_case, save_pkm_request
from storage.records.plan import framework_info, progress_history, record_progress, save_framework
from storage.records.targets import set_target
from storage.records.values import save_indicator_values
from storage.reference.catalogue import TOTAL_CELL, Catalogue, Indicator, parse_cell
from storage.reference.due import due_indicators, entered_here
from storage.reference.periods import Period, parse_period, period_code, period_containing, shift
from storage.reports.desk_indicators import desk_indicator_values
from storage.tools.plan_example import EXAMPLE_PROGRESS, example_framework
from storage.validation import ValueInput, classify
from storage.views.entry_sheet import submit_sheet

# The demo is itself the permission-checked action ("demo_data": supervisors, clerks and admins). The
# save functions it calls check their own, narrower permissions, and no single role holds all of them
# (an admin may not enter values, a centre clerk may not enter desk cases). So, once "demo_data" has
# been granted, the records are written by a copy of the session that carries this role. The copy
# shares the connection, the clock and the installation record, and the audit log still names the real
# user: the connection's actor function is set at sign-in and is not touched here.
_ACTING_ROLE = "supervisor"

MAX_MONTHS = 120

# Rounded, census-like district populations (about the 2023 census), for the demo only. REF-01 and the
# size of every other figure derive from these. A district missing here gets _DEFAULT_POPULATION.
_POPULATION_2023 = {
    "QUETTA": 2_595_000, "PISHIN": 840_000, "KILLA_ABDULLAH": 360_000, "CHAMAN": 470_000, "KAREZAT": 200_000,
    "KALAT": 270_000, "MASTUNG": 315_000, "KHUZDAR": 1_000_000, "AWARAN": 180_000, "LASBELA": 460_000,
    "HUB": 450_000, "SURAB": 210_000, "KECH": 1_060_000, "GWADAR": 305_000, "PANJGUR": 510_000,
    "KHARAN": 255_000, "WASHUK": 300_000, "CHAGAI": 270_000, "NUSHKI": 210_000, "NASIRABAD": 560_000,
    "JAFFARABAD": 430_000, "JHAL_MAGSI": 180_000, "KACHHI": 430_000, "SOHBATPUR": 230_000,
    "USTA_MUHAMMAD": 350_000, "SIBI": 225_000, "ZIARAT": 180_000, "HARNAI": 130_000, "KOHLU": 260_000,
    "DERA_BUGTI": 350_000, "ZHOB": 350_000, "KILLA_SAIFULLAH": 380_000, "SHERANI": 160_000,
    "LORALAI": 280_000, "BARKHAN": 200_000, "MUSAKHEL": 190_000, "DUKI": 200_000, "LEHRI": 130_000,
}
_DEFAULT_POPULATION = 250_000
_POPULATION_GROWTH = 0.02  # a year
# The capital's courts, prisons and police see more than its population alone suggests.
_URBAN_FACTOR = {"QUETTA": 1.5}

# How a total splits over each category's options (relative weights). Indicator-specific mixes below
# override these; an option missing from a table gets a small weight so a new option still gets cells.
_CATEGORY_WEIGHTS: dict[str, dict[str, float]] = {
    "sex": {"female": 6.0, "male": 93.2, "transgender": 0.8},
    "age": {"under18": 6.0, "adult": 94.0},
    "detention": {"undertrial": 65.0, "convicted": 35.0},
    "offence_group": {"homicide": 4, "hurt": 20, "sexual_violence": 3, "domestic_violence": 4, "kidnapping": 6,
                      "property": 30, "narcotics": 12, "terrorism": 2, "other": 19},
    "vaw_offence": {"rape": 12, "sexual_assault": 10, "domestic_violence": 35, "harassment": 18,
                    "honour_crime": 6, "acid_attack": 1, "forced_marriage": 6, "other": 12},
    "training_area": {"gender_responsive_policing": 25, "investigation": 30, "forensics": 10,
                      "first_response": 25, "other": 10},
}
_INDICATOR_WEIGHTS: dict[str, dict[str, dict[str, float]]] = {
    "LEV-01": {"offence_group": {"homicide": 6, "hurt": 25, "sexual_violence": 2, "domestic_violence": 3,
                                 "kidnapping": 7, "property": 20, "narcotics": 10, "terrorism": 3, "other": 24}},
    "POL-02": {"sex": {"female": 20.0, "male": 79.0, "transgender": 1.0}},
    "POL-06": {"sex": {"female": 3.0, "male": 96.9, "transgender": 0.1}},
    "POL-07": {"sex": {"female": 12.0, "male": 87.5, "transgender": 0.5}},
    "PRS-01": {"sex": {"female": 3.0, "male": 96.8, "transgender": 0.2}, "age": {"under18": 2.5, "adult": 97.5}},
    "PRS-05": {"sex": {"female": 3.0, "male": 97.0, "transgender": 0.0}},
    "PRB-01": {"sex": {"female": 6.0, "male": 93.5, "transgender": 0.5}, "age": {"under18": 8.0, "adult": 92.0}},
    "PRB-02": {"sex": {"female": 6.0, "male": 93.7, "transgender": 0.3}},
    "REF-01": {"sex": {"female": 48.2, "male": 51.8, "transgender": 0.002}},
}

_UNUSUAL_COMMENT = {"monthly": "demo: unusual month", "quarterly": "demo: unusual quarter",
                    "annual": "demo: unusual year"}

_FEW = 10  # a denominator below this is "a handful": see DistrictFigures.share

Counts = dict[str, int]  # cell -> count, "total" included
Fractions = dict[str, tuple[int, int]]  # cell -> (numerator, denominator), "total" included


# -- the span of the demo ----------------------------------------------------------------------------


@dataclass(frozen=True)
class DemoPlan:
    """Which periods the demo fills: ``months`` ending at ``until``, the quarters and years inside them."""

    months: tuple[Period, ...]
    quarters: tuple[Period, ...]
    years: tuple[Period, ...]
    today: dt.date

    @property
    def until(self) -> Period:
        return self.months[-1]

    def months_before_end(self, period: Period) -> int:
        """Whole months from the end of ``period`` to the end of the last demo month (0 for the last)."""
        last = self.until.end
        return (last.year - period.end.year) * 12 + last.month - period.end.month

    def calendar_years(self) -> list[int]:
        return sorted({month.year for month in self.months})


def demo_plan(months: int, until: str | None, on: dt.date) -> DemoPlan:
    """The periods of a demo of ``months`` months ending at ``until`` (default: the month before ``on``).

    Quarters are those fully inside the span; years are those fully inside it, or else the last full
    calendar year (REF-01, the population, is annual). No period starts after ``on``.
    """
    if not isinstance(months, int) or not 1 <= months <= MAX_MONTHS:
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "The demo covers 1 to {max_months} months, not {months}."), max_months=MAX_MONTHS, months=repr(months)))
    until = until or shift(period_containing("monthly", on), -1)
    last = parse_period(until)
    if last is None or last.frequency != "monthly":
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "The last demo month must be a month such as 2026-10, not {until}."), until=repr(until)))
    if last.start > on:
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "The last demo month {until} has not started yet (today is {today})."), until=until, today=on.isoformat()))
    month_periods = tuple(_period(shift(until, -back)) for back in range(months - 1, -1, -1))
    first_day, last_day = month_periods[0].start, month_periods[-1].end
    quarters = tuple(
        quarter for year in range(first_day.year, last_day.year + 1) for index in range(1, 5)
        if first_day <= (quarter := _period(period_code("quarterly", year, index))).start and quarter.end <= last_day
    )
    years = tuple(_period(str(year)) for year in range(first_day.year, last_day.year + 1)
                  if first_day <= dt.date(year, 1, 1) and dt.date(year, 12, 31) <= last_day)
    if not years:
        last_full_year = last_day.year if last_day.month == 12 else last_day.year - 1
        years = (_period(str(last_full_year)),)
    return DemoPlan(months=month_periods, quarters=quarters, years=years, today=on)


def _period(code: str) -> Period:
    parsed = parse_period(code)
    assert parsed is not None, code
    return parsed


# -- small helpers for plausible numbers ---------------------------------------------------------------


class _SpreadNoise:
    """Bounded noise in [-1, 1]: each series' draws come in threes, one low, one middle, one high.

    Independent draws bunch up by chance, and three nearly equal months give the engine's outlier rule
    (median +- 3 x MAD of up to 12 earlier periods) a tiny MAD, so an ordinary fourth month gets flagged.
    Spreading every three draws over the whole range keeps the MAD near its long-run size from the start,
    and the bound keeps every draw inside the band the rule then allows.
    """

    _STRATA = ((-1.0, -0.6), (-0.2, 0.2), (0.6, 1.0))

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        self._queues: dict[str, list[float]] = {}

    def draw(self, series: str) -> float:
        queue = self._queues.setdefault(series, [])
        if not queue:
            queue.extend(self._rng.uniform(low, high) for low, high in self._STRATA)
            self._rng.shuffle(queue)
        return queue.pop()


def _trend(end: float, change_per_month: float, months_before_end: int, longest: int = 18) -> float:
    """A level that reaches ``end`` in the last demo month after changing by ``change_per_month``.

    Positive changes rise towards ``end``; negative ones fall towards it. The change stops ``longest``
    months back, so long demos flatten out instead of running off to implausible levels.
    """
    return end - change_per_month * min(months_before_end, longest)


def _split(total: int, weights: Mapping[str, float]) -> dict[str, int]:
    """Whole numbers proportional to ``weights`` that add up to ``total`` exactly (largest remainder)."""
    weight_sum = sum(weights.values())
    if total <= 0 or weight_sum <= 0:
        return {key: 0 for key in weights}
    exact = {key: total * weight / weight_sum for key, weight in weights.items()}
    counts = {key: math.floor(share) for key, share in exact.items()}
    leftover = total - sum(counts.values())
    # sorted() is stable: ties go to the earlier key, so the split is the same on every run.
    for key in sorted(exact, key=lambda key: counts[key] - exact[key])[:leftover]:
        counts[key] += 1
    return counts


def _share(denominator: int, percent: float) -> int:
    """The numerator nearest ``percent`` of ``denominator`` (never more than it, never negative)."""
    return max(0, min(denominator, round(denominator * percent / 100.0)))


def _weighted(rng: random.Random, weights: Mapping[str, float]) -> str:
    """One key drawn with probability proportional to its weight."""
    keys = list(weights)
    return rng.choices(keys, weights=[weights[key] for key in keys])[0]


# -- indicator values --------------------------------------------------------------------------------


@dataclass
class _Month:
    """The core quantities of one district-month that several indicators share."""

    period: Period
    firs: Counts
    arrests: Counts
    prosecuted: Counts
    instituted: int
    disposed: int
    pending: int
    prisoners: Counts
    probation: Counts
    probation_orders: Counts


class DistrictFigures:
    """Every entry indicator of one district for the demo's periods, consistent with each other."""

    def __init__(self, catalogue: Catalogue, district: str, plan: DemoPlan, rng: random.Random) -> None:
        self.catalogue, self.district, self.plan, self.rng = catalogue, district, plan, rng
        self.population = _POPULATION_2023.get(district, _DEFAULT_POPULATION)
        # Activity scale: roughly the population in millions, more for the capital.
        self.size = self.population / 1_000_000 * _URBAN_FACTOR.get(district, 1.0)
        # How well this district performs on the rates (-1 weak .. +1 strong), fixed for the run.
        self.quality = rng.uniform(-1.0, 1.0)
        # Each district's own mix of offences, sexes, ages: the provincial mix, nudged once.
        self.bias = {(category, option): rng.uniform(0.8, 1.2)
                     for category in catalogue.categories for option in catalogue.options(category)}
        self.fir_base = 40 + 160 * self.size
        self.levies_base = 15 + 50 * self.population / 1_000_000 * (0.3 if district == "QUETTA" else 1.0)
        self.officer_base = 150 + 900 * self.size
        self.prisoner_base = 8 + 70 * self.size
        self.capacity = max(10, round(self.prisoner_base / rng.uniform(1.05, 1.35)))
        self.custodial_staff = max(4, round(self.capacity / rng.uniform(2.8, 3.6)))
        self.probation_base = 3 + 30 * self.size
        self.probation_officers = max(1, round(self.probation_base / rng.uniform(25, 45)))
        self.spread = _SpreadNoise(rng)
        self._outcomes: dict[str, dict[str, Fractions]] = {}
        self.months = self._simulate_months()
        self.by_period = {month.period.code: month for month in self.months}

    def wobble(self, series: str, spread: float) -> float:
        """A multiplier within ``1 +- spread`` for one series (an indicator, or a part of one)."""
        return 1.0 + spread * self.spread.draw(series)

    def share(self, series: str, denominator: int, percent: float, noise: float = 2.5) -> int:
        """A numerator near ``percent`` of ``denominator``, give or take ``noise`` points or, for small
        denominators, about one binomial standard deviation (a district with 5 cases a month has a
        jumpier rate than one with 500, and the engine's outlier band widens with that jumpiness)."""
        rate = min(max(percent / 100, 0.02), 0.98)
        if denominator < _FEW:
            # A handful of cases: the share is whatever the handful gives. Noise on top would swing it by
            # 20 or 50 points from month to month and make most such months "outliers".
            noise = 0.0
        else:
            noise = max(noise, 100 * math.sqrt(rate * (1 - rate) / denominator))
            # Stay clear of 0% and 100%: a 7% rate swinging to 2% trips the engine's "a third of the
            # previous period" rule, and a rate pinned at 100% makes every month below it an outlier.
            noise = min(noise, 0.45 * percent, 0.45 * (100 - percent))
        return _share(denominator, percent + noise * self.spread.draw(series))

    def cell_weights(self, code: str, override: Mapping[str, Mapping[str, float]] | None = None,
                     jitter: float = 0.0) -> dict[str, float]:
        """Each cell's weight: the product of its options' weights (provincial mix times this district's
        nudge), varied by up to ``jitter`` (a fraction) so the mix is not frozen from month to month."""
        tables = {**_CATEGORY_WEIGHTS, **_INDICATOR_WEIGHTS.get(code, {}), **(override or {})}
        weights: dict[str, float] = {}
        for cell in self.catalogue.cells(code)[1:]:
            parts = parse_cell(cell) or {}
            weight = 1.0
            for category, option in parts.items():
                weight *= tables.get(category, {}).get(option, 1.0) * self.bias.get((category, option), 1.0)
            weights[cell] = weight * (1.0 + self.rng.uniform(-jitter, jitter)) if jitter else weight
        return weights

    def counts(self, code: str, total: int, override: Mapping[str, Mapping[str, float]] | None = None,
               jitter: float = 0.01) -> Counts:
        """The total and every cell of a count indicator, the cells adding up to the total exactly.

        ``jitter`` varies the mix a little from period to period; kept well below the total's own noise so
        that a cell's month-to-month change stays as modest as the total's.
        """
        cells = _split(total, self.cell_weights(code, override, jitter)) if self.catalogue.cells(code)[1:] else {}
        return {TOTAL_CELL: total, **cells}

    def counts_by(self, code: str, category: str, totals: Mapping[str, int]) -> Counts:
        """Like :meth:`counts`, with the total of each option of ``category`` given (each its own series)."""
        counts: Counts = {TOTAL_CELL: sum(totals.values())}
        for option, total in totals.items():
            weights = self.cell_weights(code, jitter=0.01)
            counts.update(_split(total, {cell: weight for cell, weight in weights.items()
                                         if f"{category}={option}" in cell.split(";")}))
        return counts

    def _simulate_months(self) -> list[_Month]:
        # Each series is a smooth level times its own bounded noise, not one series times another's noise:
        # compounded noise makes ordinary months look like outliers to the engine's median +- 3 x MAD rule.
        rng, months = self.rng, []
        court_base = 20 + 0.7 * self.fir_base
        pending_base = court_base * rng.uniform(12, 16)
        for period in self.plan.months:
            back = self.plan.months_before_end(period)
            firs = self.counts("POL-01", round(self.fir_base * self.wobble("POL-01", 0.05)))
            arrests = self.counts("POL-03", round(self.fir_base * 0.87 * self.wobble("POL-03", 0.05)))
            prosecuted = self.counts("PRO-03", round(self.fir_base * 0.73 * self.wobble("PRO-03", 0.05)))
            instituted = round(court_base * self.wobble("CRT-01", 0.05))
            # Courts dispose of a little more each month (clearance rising past 100%): the backlog shrinks.
            disposed = round(court_base * _trend(101 + 3 * self.quality, 0.3, back) / 100 * self.wobble("CRT-02", 0.05))
            pending = round(pending_base * (1 + 0.0015 * min(back, 18)) * self.wobble("CRT-03", 0.02))
            # Fewer prisoners, and a falling under-trial share, as trials speed up (the roadmap's 1,122 to 900).
            prisoner_level = self.prisoner_base * (1 + 0.003 * min(back, 18))
            undertrial_share = _trend(62 + 4 * self.quality, -0.3, back) / 100
            # One draw for both groups: the total (PRS-04 occupancy, PRS-07) moves as evenly as each group.
            prisoner_level *= self.wobble("PRS-01", 0.05)
            prisoners = self.counts_by("PRS-01", "detention", {
                "undertrial": round(prisoner_level * undertrial_share),
                "convicted": round(prisoner_level * (1 - undertrial_share)),
            })
            probation = self.counts("PRB-01", round(self.probation_base * self.wobble("PRB-01", 0.04)))
            orders = self.counts("PRB-02", round((1 + 4 * self.size) * self.wobble("PRB-02", 0.25)))
            months.append(_Month(period, firs, arrests, prosecuted, instituted, disposed, pending, prisoners,
                                 probation, orders))
        return months

    # -- one indicator in one period -----------------------------------------------------------------

    def monthly(self, indicator: Indicator, month: _Month) -> Counts | Fractions | None:
        """The figures of a monthly indicator, or None when there is nothing to report (no denominator)."""
        rng, quality, code = self.rng, self.quality, indicator.code
        back = self.plan.months_before_end(month.period)
        firs, prisoners = month.firs, month.prisoners
        if code == "POL-01":
            return firs
        if code == "POL-02":
            homicides = self.fir_base * _CATEGORY_WEIGHTS["offence_group"]["homicide"] / 100
            # Homicide FIRs include attempts: fewer victims died than there were homicide FIRs.
            return self.counts(code, round(homicides * 0.7 * self.wobble(code, 0.15)))
        if code == "POL-03":
            return month.arrests
        if code == "POL-04":
            due = round(self.fir_base * 0.59 * self.wobble("POL-04:due", 0.04))
            return _fraction(self.share(code, due, _trend(72 + 6 * quality, 0.4, back)), due)
        if code == "POL-05":
            return self.per_cell_share(code, month.arrests, lambda cell: _trend(91 + 3 * quality, 0.3, back))
        if code == "POL-08":
            return self.counts(code, round(self.fir_base * 0.08 * self.wobble(code, 0.06)))
        if code == "POL-14":
            serious = sum(firs.get(f"offence_group={group}", 0)
                          for group in ("homicide", "sexual_violence", "kidnapping", "terrorism"))
            level = _trend((62 if self.district == "QUETTA" else 45) + 8 * quality, 0.6, back)
            return _fraction(self.share(code, serious, level, noise=3.0), serious)
        if code == "LEV-01":
            return self.counts(code, round(self.levies_base * self.wobble(code, 0.06)))
        if code == "PRO-01":
            return {TOTAL_CELL: round(self.fir_base * 0.59 * self.wobble(code, 0.04))}
        if code == "PRO-02":
            scrutinised = round(self.fir_base * 0.555 * self.wobble("PRO-02:scrutinised", 0.04))
            return _fraction(self.share(code, scrutinised, _trend(18 - 3 * quality, -0.5, back)), scrutinised)
        if code == "PRO-03":
            return month.prosecuted
        if code in ("PRO-04", "PRO-05", "PRO-06"):
            return self.case_outcomes(month)[code]
        if code == "CRT-01":
            return {TOTAL_CELL: month.instituted}
        if code == "CRT-02":
            return {TOTAL_CELL: month.disposed}
        if code == "CRT-03":
            return {TOTAL_CELL: month.pending}
        if code == "PRS-01":
            return prisoners
        if code == "PRS-02":
            return self.unsentenced(prisoners)
        if code == "PRS-03":
            undertrial = _cells_total(prisoners, "detention=undertrial")
            return _fraction(self.share(code, undertrial, _trend(24 - 3 * quality, -0.4, back)), undertrial)
        if code == "PRS-04":
            return _fraction(prisoners[TOTAL_CELL], self.capacity)
        if code == "PRS-05":
            deaths = 1 if rng.random() < 0.01 + 0.02 * self.size else 0
            return self.counts(code, deaths, jitter=0.0)
        if code == "PRS-06":
            return {TOTAL_CELL: 1 if rng.random() < 0.01 else 0}
        if code == "PRB-01":
            return month.probation
        if code == "PRB-02":
            return month.probation_orders
        return self.generic(indicator, self.fir_base)

    def quarterly(self, indicator: Indicator, quarter: Period) -> Counts | Fractions | None:
        """The figures of a quarterly indicator; flows and stocks come from the quarter's months."""
        quality, code = self.quality, indicator.code
        back = self.plan.months_before_end(quarter)
        months = [self.by_period[period_code("monthly", quarter.year, quarter.start.month + step)]
                  for step in range(3)]
        last = months[-1]
        if code == "POL-06":
            officers = round(self.officer_base * (1 - 0.003 * min(back, 18)) * self.wobble(code, 0.01))
            return self.counts(code, officers, jitter=0.02)
        if code == "POL-07":
            trained = round(self.officer_base * 0.042 * self.wobble(code, 0.15))
            return self.counts(code, trained, jitter=0.05)
        if code == "CRT-04":
            return _fraction(sum(m.disposed for m in months), sum(m.instituted for m in months))
        if code == "CRT-05":
            return _fraction(self.share(code, last.pending, _trend(32 - 4 * quality, -0.5, back)), last.pending)
        if code == "CRT-06":
            tried = {cell: 0 for cell in self.catalogue.cells(code)}
            for month in months:
                for cell in tried:
                    tried[cell] += (month.prosecuted[TOTAL_CELL] if cell == TOTAL_CELL
                                    else _cells_total(month.prosecuted, cell))
            return self.per_cell_share(code, tried, lambda cell: _trend(
                (72 if "female" in cell else 78) + 5 * quality, 0.5, back))
        if code == "CRT-07":
            charged = sum(_cells_total(month.prosecuted, "age=under18") for month in months)
            return _fraction(self.share(code, charged, _trend(25 + 6 * quality, 0.6, back), noise=3.0), charged)
        if code == "PRS-07":
            return _fraction(last.prisoners[TOTAL_CELL], self.custodial_staff)
        if code == "PRB-03":
            ordered = sum(m.probation_orders[TOTAL_CELL] for m in months)
            ended = max(1, round(ordered * 0.95 * self.wobble("PRB-03:ended", 0.1)))
            return _fraction(self.share(code, ended, _trend(86 + 4 * quality, 0.3, back), noise=3.0), ended)
        if code == "PRB-04":
            return _fraction(last.probation[TOTAL_CELL], self.probation_officers)
        return self.generic(indicator, self.fir_base * 3)

    def annual(self, indicator: Indicator, year: Period) -> Counts | Fractions | None:
        """The figures of an annual indicator: REF-01, the population, growing about 2% a year."""
        if indicator.code == "REF-01":
            people = round(self.population * (1 + _POPULATION_GROWTH) ** (year.year - 2023))
            return self.counts(indicator.code, people, jitter=0.0)
        return self.generic(indicator, self.fir_base * 12)

    # -- shared pieces -------------------------------------------------------------------------------

    def per_cell_share(self, code: str, denominators: Counts, level: Callable[[str], float]) -> Fractions:
        """A percent per cell over ``denominators``' cells; the total is the sum of the cells."""
        fractions: Fractions = {}
        for cell, denominator in denominators.items():
            if cell != TOTAL_CELL:
                fractions[cell] = (self.share(f"{code}:{cell}", denominator, level(cell)), denominator)
        numerator_sum = sum(numerator for numerator, _ in fractions.values())
        denominator_sum = sum(denominator for _, denominator in fractions.values())
        return {TOTAL_CELL: (numerator_sum, denominator_sum), **fractions}

    def case_outcomes(self, month: _Month) -> dict[str, Fractions]:
        """Convictions, acquittals and withdrawals out of the same cases decided, never more than them."""
        cached = self._outcomes.get(month.period.code)
        if cached is not None:
            return cached
        back = self.plan.months_before_end(month.period)
        decided = round((12 + 0.18 * self.fir_base) * self.wobble("PRO-04:decided", 0.05))
        # The headline: the conviction rate in serious and violent crime rising towards 40%.
        conviction_rate = _trend(40 + 3 * self.quality, 0.6, back)
        withdrawal_rate = _trend(7 - self.quality, -0.25, back)
        convictions = self.share("PRO-04", decided, conviction_rate)
        withdrawn = min(decided - convictions, self.share("PRO-06", decided, withdrawal_rate, noise=1.5))
        # Most of the rest are acquitted; some cases abate, are consigned to record or go to a juvenile court.
        acquittals = min(decided - convictions - withdrawn,
                         self.share("PRO-05", decided, 100 - conviction_rate - withdrawal_rate - 8))
        outcomes = {"PRO-04": _fraction(convictions, decided), "PRO-05": _fraction(acquittals, decided),
                    "PRO-06": _fraction(withdrawn, decided)}
        self._outcomes[month.period.code] = outcomes
        return outcomes

    def unsentenced(self, prisoners: Counts) -> Fractions:
        """PRS-02 by sex straight from PRS-01: under-trial prisoners over all prisoners."""
        fractions: Fractions = {}
        for cell in self.catalogue.cells("PRS-02")[1:]:
            everyone = _cells_total(prisoners, cell)
            fractions[cell] = (_cells_total(prisoners, f"{cell};detention=undertrial"), everyone)
        return {TOTAL_CELL: (_cells_total(prisoners, "detention=undertrial"), prisoners[TOTAL_CELL]), **fractions}

    def generic(self, indicator: Indicator, base: float) -> Counts | Fractions:
        """Plausible figures for an indicator added to the catalogue after this module was written:
        counts near 5% of ``base``, percents near 50%, ratios near 2, cells adding up as always."""
        code = indicator.code
        if not indicator.has_fraction:
            return self.counts(code, round(base * 0.05 * self.wobble(code, 0.05)))
        denominators = self.counts(code, max(1, round(base * 0.1 * self.wobble(f"{code}:denominator", 0.05))))
        parts = {cell: count for cell, count in denominators.items() if cell != TOTAL_CELL} or denominators
        fractions: Fractions = {}
        for cell, denominator in parts.items():
            numerator = (self.share(f"{code}:{cell}", denominator, 50.0) if indicator.unit == "percent"
                         else round(2 * denominator * self.wobble(f"{code}:{cell}", 0.05)))
            fractions[cell] = (numerator, denominator)
        if TOTAL_CELL in fractions:
            return fractions
        return {TOTAL_CELL: (sum(n for n, _ in fractions.values()), sum(d for _, d in fractions.values())),
                **fractions}

    # -- everything, as rows for save_indicator_values -----------------------------------------------

    def value_inputs(self) -> list[ValueInput]:
        """Every entry indicator valid in each demo period where the district itself is valid."""
        catalogue, district = self.catalogue, self.catalogue.districts[self.district]
        periods = [*self.plan.months, *self.plan.quarters, *self.plan.years]
        makers = {"monthly": lambda i, p: self.monthly(i, self.by_period[p.code]),
                  "quarterly": self.quarterly, "annual": self.annual}
        inputs: list[ValueInput] = []
        for period in periods:
            if not district.validity.covers(period) or period.start > self.plan.today:
                continue
            for indicator in catalogue.indicators.values():
                if (indicator.source != "entry" or indicator.frequency != period.frequency
                        or not indicator.validity.covers(period)):
                    continue
                figures = makers[period.frequency](indicator, period)
                inputs.extend(_rows(indicator, self.district, period.code, figures or {}))
        for row_number, value in enumerate(inputs, start=1):
            value.row = row_number  # so that an outlier warning points back at its row
        return inputs


def _fraction(numerator: int, denominator: int) -> Fractions:
    """An undisaggregated percent or ratio: the total cell only."""
    return {TOTAL_CELL: (numerator, denominator)}


def _cells_total(counts: Counts, wanted: str) -> int:
    """The sum of the cells that contain every ``category=option`` part of ``wanted``."""
    parts = set(wanted.split(";"))
    return sum(count for cell, count in counts.items() if cell != TOTAL_CELL and parts <= set(cell.split(";")))


def _rows(indicator: Indicator, district: str, period: str, figures: Counts | Fractions) -> list[ValueInput]:
    rows = []
    for cell, figure in figures.items():
        if isinstance(figure, tuple):
            numerator, denominator = figure
            # The engine refuses a zero denominator and asks to leave the row out: a cell with nobody in
            # it (say, no transgender prisoners) has no share, and its 0/0 adds nothing to the total.
            if denominator <= 0:
                continue
            rows.append(ValueInput(indicator.code, district, period, cell, numerator=numerator, denominator=denominator))
        else:
            rows.append(ValueInput(indicator.code, district, period, cell, value=figure))
    if indicator.has_fraction and not any(row.cell == TOTAL_CELL for row in rows):
        return []  # nothing to report this period
    return rows


def _save_values(session: Session, inputs: list[ValueInput]) -> int:
    """Save one district's rows; comment exactly the rows the outlier rule flags, then save again."""
    if not inputs:
        return 0
    try:
        save_indicator_values(session, inputs)
    except ValidationFailed as failure:
        flagged = {found.row for found in failure.issues if found.rule == "IV_OUTLIER"}
        if not flagged or any(found.rule != "IV_OUTLIER" for found in failure.issues):
            raise  # a real error in the generator: let it show rather than paper over it
        for value in inputs:
            if value.row in flagged:
                period = parse_period(value.period)
                value.comment = _UNUSUAL_COMMENT[period.frequency if period else "monthly"]
        save_indicator_values(session, inputs)
    return len(inputs)


# -- targets -----------------------------------------------------------------------------------------


def _target_from_baseline(indicator: Indicator, rows: list[ValueInput], periods_per_year: int,
                          steps: int) -> float | None:
    """A target ``steps`` notches better than the baseline ``rows`` (total cells over the demo span).

    One notch is 3 points for a percent and 5% for a count or ratio; later years get more notches, so
    the targets tighten year by year. Counts of flows are per year; stock figures keep their level.
    """
    totals = [row for row in rows if row.cell == TOTAL_CELL]
    if not totals:
        return None
    better = steps if indicator.better == "up" else -steps
    if indicator.has_fraction:
        numerator = sum(float(row.numerator or 0) for row in totals)
        denominator = sum(float(row.denominator or 0) for row in totals)
        if denominator <= 0:
            return None
        if indicator.unit == "percent":
            ceiling = 1000 if indicator.may_exceed_100 else 100
            return float(round(min(max(100 * numerator / denominator + 3 * better, 0), ceiling)))
        return round(max(numerator / denominator * (1 + 0.05 * better), 0), 1)
    level = sum(float(row.value or 0) for row in totals) / len(totals)
    return float(round(max(level * (1 if indicator.is_stock else periods_per_year) * (1 + 0.05 * better), 0)))


_PERIODS_PER_YEAR = {"monthly": 12, "quarterly": 4, "annual": 1}


def _targets_for_district(session: Session, district: str, years: list[int], saved: list[ValueInput],
                          has_desks: bool) -> int:
    """Set a target for each up/down indicator and year, from the district's own demo figures.

    The baseline is the whole demo span rather than each year's part of it: a year with only its last
    two months in the demo would otherwise get a target from two months' luck.
    """
    catalogue, count = session.catalogue, 0
    baselines: dict[str, list[ValueInput]] = {}
    for row in saved:
        baselines.setdefault(row.indicator, []).append(row)
    if has_desks:
        # The desk indicators are computed from the register: their baseline is each year's computed figure.
        for year in years:
            for figure in desk_indicator_values(session, district, str(year)):
                if figure["cell"] == TOTAL_CELL and figure["value"] is not None:
                    baselines.setdefault(figure["indicator"], []).append(ValueInput(
                        figure["indicator"], district, str(year), value=figure["value"],
                        numerator=figure["numerator"], denominator=figure["denominator"]))
    for steps, year in enumerate(years, start=1):
        year_period = _period(str(year))
        if not catalogue.districts[district].validity.covers(year_period):
            continue
        for indicator in catalogue.indicators.values():
            if indicator.better not in ("up", "down") or not indicator.validity.covers(year_period):
                continue
            per_year = _PERIODS_PER_YEAR[indicator.frequency] if indicator.source == "entry" else 1
            target = _target_from_baseline(indicator, baselines.get(indicator.code, []), per_year, steps)
            if target is not None:
                set_target(session, indicator.code, district, year, target)
                count += 1
    return count


# -- gender facilitation desks -----------------------------------------------------------------------

# Client groups: (sex, child?) -> share of clients. Mostly women; some children; transgender clients.
_CLIENT_GROUPS = {("female", False): 0.66, ("female", True): 0.14, ("male", True): 0.08, ("male", False): 0.05,
                  ("transgender", False): 0.065, ("transgender", True): 0.005}
# GBVIMS core type by client group (GBV types in classification order, then non_gbv).
_GBV_WEIGHTS = {
    ("female", False): {"rape": 6, "sexual_assault": 7, "physical_assault": 36, "forced_marriage": 5,
                        "denial_of_resources": 12, "psychological_abuse": 17, "non_gbv": 17},
    ("female", True): {"rape": 15, "sexual_assault": 20, "physical_assault": 20, "forced_marriage": 18,
                       "denial_of_resources": 4, "psychological_abuse": 8, "non_gbv": 15},
    ("male", True): {"rape": 15, "sexual_assault": 25, "physical_assault": 30, "psychological_abuse": 8,
                     "denial_of_resources": 2, "non_gbv": 20},
    ("male", False): {"sexual_assault": 3, "physical_assault": 30, "denial_of_resources": 5,
                      "psychological_abuse": 10, "non_gbv": 52},
    ("transgender", False): {"rape": 10, "sexual_assault": 20, "physical_assault": 35, "denial_of_resources": 5,
                             "psychological_abuse": 15, "non_gbv": 15},
    ("transgender", True): {"sexual_assault": 30, "physical_assault": 40, "psychological_abuse": 15, "non_gbv": 15},
}
_RELATIONSHIPS = {
    "partner_violence": {"intimate_partner": 60, "family_member": 28, "neighbour_friend": 4, "employer": 3,
                         "other": 3, "unknown": 2},
    "child": {"family_member": 40, "caregiver": 15, "neighbour_friend": 18, "teacher": 10, "stranger": 12,
              "other": 5},
    "sexual": {"intimate_partner": 12, "neighbour_friend": 25, "family_member": 15, "employer": 10, "stranger": 25,
               "service_provider": 5, "unknown": 8},
    "forced_marriage": {"family_member": 85, "other": 10, "neighbour_friend": 5},
    "non_gbv": {"stranger": 40, "neighbour_friend": 20, "family_member": 15, "unknown": 15, "other": 10},
    "transgender": {"stranger": 35, "neighbour_friend": 20, "family_member": 20, "service_provider": 10,
                    "other": 10, "unknown": 5},
}
_PERPETRATOR_AGE = {
    "intimate_partner": {"18-25": 20, "26-40": 55, "41-60": 25},
    "family_member": {"18-25": 15, "26-40": 40, "41-60": 35, "61+": 10},
    "child_abuser": {"12-17": 12, "18-25": 30, "26-40": 38, "41-60": 20},
    "other": {"18-25": 25, "26-40": 45, "41-60": 22, "61+": 3, "unknown": 5},
}
_CLOSING_REASONS = {"needs_met": 45, "client_request": 15, "referred_on": 20, "lost_contact": 12, "relocated": 5,
                    "other": 3}
_NON_GBV_COMPLAINTS = {"theft": 30, "fraud": 20, "dispute": 30, "missing_person": 10, "other": 10}
_DISPLACEMENT = {"none": 85, "flood_affected": 8, "conflict_displaced": 4, "other": 3}
_TIME_OF_DAY = {"morning": 25, "afternoon": 30, "evening_night": 35, "unknown": 10}
_LOCATIONS = {
    "home": {"home_of_client": 55, "home_of_perpetrator": 25, "street": 5, "workplace": 5, "other": 10},
    "child": {"home_of_client": 25, "home_of_perpetrator": 30, "street": 20, "school": 10, "market": 5, "other": 10},
    "public": {"street": 30, "market": 20, "transport": 10, "workplace": 10, "online": 10, "home_of_client": 15,
               "other": 5},
}
# (days from incident to report: lowest, highest) buckets and how often each occurs.
_ELAPSED = {(0, 3): 45, (4, 5): 10, (6, 14): 15, (15, 30): 12, (31, 365): 18}
# How often each service is offered, by core type; a missing type uses the "default" row.
_SERVICE_CHANCE = {
    "rape": {"fir": 0.8, "medico_legal": 0.9, "health": 0.6, "psychosocial": 0.6, "legal_aid": 0.5, "shelter": 0.08},
    "sexual_assault": {"fir": 0.7, "medico_legal": 0.6, "health": 0.3, "psychosocial": 0.5, "legal_aid": 0.4},
    "physical_assault": {"fir": 0.45, "medico_legal": 0.5, "health": 0.4, "psychosocial": 0.4, "legal_aid": 0.4,
                         "shelter": 0.08},
    "forced_marriage": {"fir": 0.35, "psychosocial": 0.4, "legal_aid": 0.5, "shelter": 0.2},
    "non_gbv": {"fir": 0.5, "legal_aid": 0.2, "psychosocial": 0.1},
    "default": {"fir": 0.2, "psychosocial": 0.5, "legal_aid": 0.4, "shelter": 0.05},
}
_SERVICE_STATUS = {"referred": 55, "provided": 10, "received_elsewhere": 10, "declined": 15, "unavailable": 7,
                   "not_applicable": 3}
_FIR_STATUS = {"provided": 60, "declined": 30, "referred": 5, "not_applicable": 5}  # the desk sits in the station
_PKM_WEIGHTS = {"character_certificate": 25, "police_verification": 12, "tenant_registration": 15,
                "employee_registration": 6, "lost_document_report": 15, "fir_copy": 8, "vehicle_verification": 7,
                "driving_licence": 5, "foreigner_registration": 2, "crime_report": 5}
_PKM_APPLICANT_SEX = {"male": 75, "female": 24, "transgender": 1}

# Plainly fake identities: every surname is "Demo", every address is in "Demo Colony".
_FIRST_NAMES = {"female": ("Amina", "Bibi", "Farzana", "Gul", "Hajira", "Mahnoor", "Nasreen", "Rubina", "Sadia",
                           "Shazia", "Zarina", "Zainab"),
                "male": ("Abdul", "Ahmed", "Bilal", "Gul Khan", "Imran", "Kamran", "Naseer", "Rahim", "Shahid",
                         "Zahid"),
                "transgender": ("Bindiya", "Chanda", "Gulabo", "Kajal", "Naila", "Reshma")}
_OFFICERS = ("LHC Farzana Demo", "ASI Rubina Demo", "SI Nasreen Demo", "ASI Shazia Demo", "LHC Sadia Demo")
_CODE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I: easy to read aloud


def _days(first: dt.date, last: dt.date) -> list[dt.date]:
    return [first + dt.timedelta(days=offset) for offset in range((last - first).days + 1)]


def _cnic(rng: random.Random) -> str:
    # 5 is Balochistan's province digit.
    return f"5{rng.randint(1000, 9999)}-{rng.randint(0, 9_999_999):07d}-{rng.randint(0, 9)}"


def _mobile(rng: random.Random) -> str:
    return f"03{rng.randint(0, 4)}{rng.randint(0, 9)}-{rng.randint(0, 9_999_999):07d}"


def demo_case(rng: random.Random, catalogue: Catalogue, desk: str, district: str, report_date: dt.date,
              on: dt.date) -> tuple[dict, list[dict], list[dict], dict]:
    """One GBVIMS-plausible desk case: (case, perpetrators, services, identity)."""
    sex, child = _weighted_pair(rng, _CLIENT_GROUPS)
    if child:
        age = rng.randint(6 if sex == "male" else 8, 17)
    else:
        age = int(rng.triangular(18, 65, 27 if sex != "male" else 32))
    gbv_type = _weighted(rng, _GBV_WEIGHTS[(sex, child)])
    if gbv_type == "forced_marriage" and child:
        age = max(age, 13)  # early marriage: girls of 13 to 17
    # The classification tool's answers, in order, stopping at the first "yes" (six "no"s: not GBV).
    order = [gbv.code for gbv in catalogue.gbv_types if gbv.question]
    answers = "n" * len(order) if gbv_type == "non_gbv" else "n" * order.index(gbv_type) + "y"
    assert classify(answers, catalogue) == gbv_type, (answers, gbv_type)
    group = ("forced_marriage" if gbv_type == "forced_marriage" else "non_gbv" if gbv_type == "non_gbv"
             else "transgender" if sex == "transgender" else "child" if child
             else "sexual" if gbv_type in ("rape", "sexual_assault") else "partner_violence")
    perpetrators = _perpetrators(rng, group, child)
    partner = any(p["relationship"] == "intimate_partner" for p in perpetrators)
    elapsed = None if rng.random() < 0.1 else rng.randint(*_weighted_pair(rng, _ELAPSED))
    consent_services = 1 if rng.random() < 0.92 else 0
    services = _services(rng, gbv_type, partner, consent_services, report_date, on)
    age_days = (on - report_date).days
    closed = rng.random() < 0.1 + 0.65 * min(1.0, age_days / 150)
    location = "child" if child else "home" if group in ("partner_violence", "forced_marriage") else "public"
    case = {
        "desk": desk, "district": district, "report_date": report_date.isoformat(),
        "incident_date": (report_date - dt.timedelta(days=elapsed)).isoformat() if elapsed is not None else None,
        "time_of_day": _weighted(rng, _TIME_OF_DAY), "location_type": _weighted(rng, _LOCATIONS[location]),
        "incident_district": district if rng.random() < 0.93 else rng.choice(_NEIGHBOURS.get(district, [district])),
        "client_code": "C-" + "".join(rng.choice(_CODE_LETTERS) for _ in range(6)),
        "client_sex": sex, "client_age": age, "age_estimated": 1 if rng.random() < 0.25 else 0,
        "disability": 1 if rng.random() < 0.05 else 0, "displacement": _weighted(rng, _DISPLACEMENT),
        "classification_answers": answers, "gbv_type": gbv_type,
        "non_gbv_complaint": _weighted(rng, _NON_GBV_COMPLAINTS) if gbv_type == "non_gbv" else None,
        "previous_incidents": 1 if rng.random() < (0.55 if partner else 0.2) else 0,
        "consent_services": consent_services, "consent_reporting": 1 if rng.random() < 0.85 else 0,
        "status": "closed" if closed else "open",
        "followup_date": None if closed else (report_date + dt.timedelta(days=rng.randint(7, 30))).isoformat(),
        "closing_reason": _weighted(rng, _CLOSING_REASONS) if closed else None,
        "handling_officer": rng.choice(_OFFICERS), "notes": "Demo record (synthetic).",
    }
    first = rng.choice(_FIRST_NAMES[sex])
    identity = {
        "name": f"{first} Demo", "guardian_name": f"{rng.choice(_FIRST_NAMES['male'])} Demo",
        "cnic": _cnic(rng) if not child else None, "phone": _mobile(rng) if rng.random() < 0.8 else None,
        "address": f"House {rng.randint(1, 300)}, Street {rng.randint(1, 40)}, Demo Colony",
    }
    return case, perpetrators, services, identity


# Where an incident reported at a desk may have happened instead, when not in the desk's own district.
_NEIGHBOURS = {"QUETTA": ["PISHIN", "MASTUNG", "KILLA_ABDULLAH", "KAREZAT", "KACHHI"]}


def _weighted_pair(rng: random.Random, weights: Mapping[tuple, float]) -> tuple:
    keys = list(weights)
    return rng.choices(keys, weights=[weights[key] for key in keys])[0]


def _perpetrators(rng: random.Random, group: str, child: bool) -> list[dict]:
    how_many = rng.choices((1, 2, 3), weights=(80, 17, 3))[0]
    relationships: list[str] = []
    for _ in range(how_many):
        relationship = _weighted(rng, _RELATIONSHIPS[group])
        if relationship not in relationships:
            relationships.append(relationship)
    people = []
    for relationship in relationships:
        if relationship == "unknown":
            people.append({"relationship": relationship, "sex": "unknown", "age_group": "unknown"})
            continue
        female_chance = 0.25 if relationship == "family_member" else 0.03  # mothers-in-law, mostly
        sex = "female" if rng.random() < female_chance else "male"
        ages = (_PERPETRATOR_AGE["child_abuser"] if child and group == "child"
                else _PERPETRATOR_AGE.get(relationship, _PERPETRATOR_AGE["other"]))
        people.append({"relationship": relationship, "sex": sex, "age_group": _weighted(rng, ages)})
    return people


def _services(rng: random.Random, gbv_type: str, partner: bool, consent: int, report_date: dt.date,
              on: dt.date) -> list[dict]:
    if not consent:
        return [{"service": "psychosocial", "status": "declined", "date": None, "fir_number": None}]
    chances = dict(_SERVICE_CHANCE.get(gbv_type, _SERVICE_CHANCE["default"]))
    if partner and gbv_type in ("physical_assault", "psychological_abuse", "denial_of_resources"):
        chances["protection_order"] = 0.25  # Balochistan Domestic Violence Act 2014
    services = []
    for service, chance in chances.items():
        if rng.random() >= chance:
            continue
        status = _weighted(rng, _FIR_STATUS if service == "fir" else _SERVICE_STATUS)
        date = None
        if status in ("referred", "provided", "received_elsewhere"):
            delay = 0 if status == "provided" else rng.randint(0, 3) if status == "referred" else rng.randint(1, 14)
            date = min(report_date + dt.timedelta(days=delay), on).isoformat()
        fir_number = (f"{rng.randint(20, 480)}/{report_date.year}"
                      if service == "fir" and status == "provided" else None)
        services.append({"service": service, "status": status, "date": date, "fir_number": fir_number})
    if not services:  # every client is at least referred somewhere or offered support
        services.append({"service": "psychosocial", "status": "referred",
                         "date": min(report_date + dt.timedelta(days=1), on).isoformat(), "fir_number": None})
    return services


def demo_pkm_request(rng: random.Random, catalogue: Catalogue, desk: str, district: str, received: dt.date,
                     on: dt.date) -> dict:
    """One PKM service request; most are completed within the service standard, a few still open."""
    service = _weighted(rng, {code: _PKM_WEIGHTS.get(code, 3) for code in catalogue.pkm_services})
    hours = catalogue.pkm_services[service].standard_hours
    if hours is not None:
        on_time = rng.random() < 0.85
        limit_days = hours // 24
        days = rng.randint(0, limit_days) if on_time else rng.randint(limit_days + 1, limit_days + 10)
    else:
        days = rng.randint(1, 14)
    completed = received + dt.timedelta(days=days)
    still_open = rng.random() < 0.05 or completed > on  # a request is never completed in the future
    return {"desk": desk, "district": district, "service": service,
            "applicant_sex": _weighted(rng, _PKM_APPLICANT_SEX), "received_date": received.isoformat(),
            "completed_date": None if still_open else completed.isoformat()}


def _desk_months(session: Session, desk: Mapping, plan: DemoPlan, on: dt.date, seed: int) -> tuple[int, int]:
    """A desk's cases and PKM requests for each demo month; months that already have records are kept."""
    catalogue, code, district = session.catalogue, desk["code"], desk["district"]
    opened = dt.date.fromisoformat(desk["opened"]) if desk.get("opened") else None
    rng = random.Random(f"mizan-demo:{seed}:desk:{code}")
    cases = requests = 0
    for month in plan.months:
        first, last = max(month.start, opened or month.start), min(month.end, on)
        # Draw the month's records whether or not they are saved, so later months stay the same.
        days = _days(first, last) if first <= last else []
        case_count = rng.randint(3, 12) if days else 0
        request_count = rng.randint(10, 40) if days else 0
        drawn_cases = [demo_case(rng, catalogue, code, district, rng.choice(days), on) for _ in range(case_count)]
        drawn_requests = [demo_pkm_request(rng, catalogue, code, district, rng.choice(days), on)
                          for _ in range(request_count)]
        if drawn_cases and not _has_rows(session, "desk_cases", "report_date", code, month):
            for case, perpetrators, services, identity in sorted(drawn_cases, key=lambda drawn: drawn[0]["report_date"]):
                if session.is_centre:
                    # The centre only ever holds de-identified cases whose clients consented to reporting.
                    if not case["consent_reporting"]:
                        continue
                    identity = None
                if session.identity_key is None:
                    # Without the identity key (an admin or clerk who was never granted it) nothing can be
                    # sealed: the demo cases go without identities and notes (storage.core.identity).
                    identity, case = None, {**case, "notes": None}
                save_desk_case(session, case, perpetrators, services, identity)
                cases += 1
        if drawn_requests and not _has_rows(session, "pkm_requests", "received_date", code, month):
            for request in sorted(drawn_requests, key=lambda drawn: drawn["received_date"]):
                save_pkm_request(session, request)
                requests += 1
    return cases, requests


def _has_rows(session: Session, table: str, date_column: str, desk: str, month: Period) -> bool:
    """True when this desk already has records in the month (a second demo run does not double them)."""
    return session.db.execute(
        f"SELECT 1 FROM {table} WHERE desk = ? AND deleted = 0 AND {date_column} BETWEEN ? AND ? LIMIT 1",
        [desk, month.start.isoformat(), month.end.isoformat()]).fetchone() is not None


# -- the entry point -----------------------------------------------------------------------------------


def generate_demo(session: Session, seed: int = 1, months: int = 12, until: str | None = None,
                  force: bool = False) -> dict[str, int]:
    """Fill the installation with realistic synthetic data and return how many records of each kind.

    ``months`` monthly periods ending at ``until`` (default: last month). A district installation gets
    its own district; the provincial centre gets every district valid in each period. Indicator values,
    targets, desk cases and PKM requests all pass through the validation engine; the whole demo is one
    transaction, so it is written completely or not at all. The same seed and ``until`` give the same
    data. Needs the "demo_data" permission (supervisors, clerks, admins). A database that already holds
    indicator values is refused unless ``force``: demo figures would overwrite real ones.
    """
    require(session, "demo_data")
    held = session.db.execute("SELECT count(*) FROM indicator_values WHERE deleted = 0").fetchone()[0]
    if held and not force:
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "This database already holds {held:,} indicator values; demo figures would overwrite them. Run the demo on a new database, or add --force if these are demo data too."), held=held))
    on = today()
    plan = demo_plan(months, until, on)
    catalogue = session.catalogue
    acting = dataclasses.replace(session, role=_ACTING_ROLE)
    assert acting.db is session.db and acting.clock is session.clock  # same connection, same versions
    all_periods = [*plan.months, *plan.quarters, *plan.years]
    if session.is_centre:
        districts = [code for code, district in catalogue.districts.items()
                     if any(district.validity.covers(period) for period in all_periods)]
    else:
        districts = [session.district] if session.district else []
    desks = [desk for desk in list_desks(session) if desk["active"] and desk["district"] in districts]
    counts = {"indicator values": 0, "targets": 0, "desk cases": 0, "PKM requests": 0}
    saved_by_district: dict[str, list[ValueInput]] = {}
    # One transaction for everything: each save's own write() nests as a savepoint, so the demo costs one
    # commit (one fsync) instead of thousands, and a failure leaves the database as it was.
    with acting.write():
        for district in districts:
            figures = DistrictFigures(catalogue, district, plan, random.Random(f"mizan-demo:{seed}:district:{district}"))
            # Drawn for every indicator (the same figures whoever loads them); saved only where they are entered.
            inputs = [value for value in figures.value_inputs()
                      if entered_here(catalogue.indicators[value.indicator], session.installation["role"])]
            counts["indicator values"] += _save_values(acting, inputs)
            saved_by_district[district] = inputs
        for desk in desks:
            cases, requests = _desk_months(acting, desk, plan, on, seed)
            counts["desk cases"] += cases
            counts["PKM requests"] += requests
        districts_with_desks = {desk["district"] for desk in desks}
        for district in districts:
            counts["targets"] += _targets_for_district(acting, district, plan.calendar_years(),
                                                       saved_by_district[district], district in districts_with_desks)
        if not session.is_centre:
            counts["data sets submitted"] = _submit_settled_months(acting, districts, plan)
        if session.is_centre:
            counts |= _example_plan(dataclasses.replace(session, role="clerk"), plan)
    return counts


# A district submits a month once it has settled: the latest months stay open for entry and corrections.
_OPEN_MONTHS = 2


def _submit_settled_months(session: Session, districts: list[str], plan: DemoPlan) -> int:
    """Submit every institution's data sets of all but the last few months, as a supervisor would, so
    that the first bundle brings the centre an approval queue."""
    submitted = 0
    for district in districts:
        for institution in session.catalogue.institutions:
            for month in plan.months[:-_OPEN_MONTHS]:
                if due_indicators(session.catalogue, month.code, institution, installation="district"):
                    submitted += len(submit_sheet(session, district, institution, month.code))
    return submitted


def _example_plan(clerk: Session, plan: DemoPlan) -> dict[str, int]:
    """At the centre: the example results framework (storage/tools/plan_example.py), unless one is loaded
    (it may be the approved Action Plan), and its example progress, unless some is recorded: screens and
    reports then have a framework to show. Progress is dated back from the demo's last day."""
    added = {"framework rows": 0, "progress reports": 0}
    if framework_info(clerk) is None:
        saved = save_framework(clerk, example_framework(), file_name="example (demo)", sha256="")
        added["framework rows"] = sum(counts["new"] for table, counts in saved.counts.items() if table != "framework")
    if not progress_history(clerk):
        last = min(plan.until.end, plan.today)
        for activity, status, percent, days_before, evidence in EXAMPLE_PROGRESS:
            record_progress(clerk, activity, status, percent, last - dt.timedelta(days=days_before), evidence)
            added["progress reports"] += 1
    return added
