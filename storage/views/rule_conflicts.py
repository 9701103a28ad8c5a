"""Rules that compare indicators (rules.csv), judged over stored figures only: the figures of an entry sheet
that disagree with each other (shown next to both cells), and what a bundle's merge left at the centre."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from storage.core.roles import require
from storage.core.session import Session
from storage.reference.periods import parse_period
from storage.validation import Issue, cross_rule_issues


@dataclass(frozen=True)
class RuleConflict:
    """One stored figure that a broken rule names; ``issue.others`` are the figures it disagrees with."""

    district: str
    period: str
    indicator: str
    cell: str
    issue: Issue


def rule_conflicts(session: Session, district: str, periods: Iterable[str],
                   indicators: Iterable[str] | None = None) -> list[RuleConflict]:
    """Every stored figure of ``district`` in ``periods`` that a broken rule names (of the rules naming one of
    ``indicators``, default all), in the catalogue's rule order. Reads only."""
    require(session, "view")
    wanted = None if indicators is None else set(indicators)
    rules = [rule for rule in session.catalogue.rules if wanted is None or rule.indicators & wanted]
    periods = sorted({period for period in periods if parse_period(period) is not None})
    codes = sorted({code for rule in rules for code in rule.indicators})
    if not rules or not periods:
        return []
    merged: dict[tuple[str, str, str], dict[str, tuple]] = defaultdict(dict)
    cursor = session.db.execute(
        "SELECT indicator, cell, period, value, numerator, denominator FROM indicator_values WHERE deleted = 0 "
        f"AND district = ? AND indicator IN ({','.join('?' * len(codes))}) AND period IN ({','.join('?' * len(periods))})",
        [district, *codes, *periods])
    for indicator, cell, period, value, numerator, denominator in cursor:
        merged[(indicator, district, cell)][period] = (value, numerator, denominator)
    found = []
    for period in periods:
        frequency = parse_period(period).frequency
        for rule in rules:
            if rule.period_type == frequency:
                found.extend(RuleConflict(district, period, key[0], key[1], conflict)
                             for key, conflict, _ in cross_rule_issues(rule, district, period, merged))
    return found
