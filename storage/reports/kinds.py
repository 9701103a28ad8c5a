"""Every report by its kind, for the command line and the Reports screen: the four of
:mod:`storage.reports.build` and the Steering Committee pack (:mod:`storage.reports.steering`, which builds on
that module, so the two meet here rather than import each other)."""

from __future__ import annotations

from collections.abc import Iterable

from storage.core.session import Session
from storage.errors import UsageError
from storage.i18n import QT_TRANSLATE_NOOP, say
from storage.reports.build import REPORT_KINDS, Report, build_report
from storage.reports.levels import DEFAULT_LEVEL
from storage.reports.steering import STEERING, steering_report

ALL_KINDS = (*REPORT_KINDS, STEERING)


def make_report(session: Session, kind: str, *, year: int | None = None, period: str | None = None,
                indicators: Iterable[str] | None = None, districts: Iterable[str] | None = None,
                approved_only: bool = False, level: str | None = None) -> Report:
    """One report by its kind (:data:`ALL_KINDS`); the pack takes the quarter as ``period`` and nothing else."""
    if kind != STEERING:
        return build_report(session, kind, year=year, period=period, indicators=indicators, districts=districts,
                            approved_only=approved_only, level=level)
    if period is None or year is not None or districts or indicators or approved_only or (
            level or DEFAULT_LEVEL) != DEFAULT_LEVEL:
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "The Steering Committee pack covers the whole province for one quarter: give only the quarter (--quarter 2026Q3).")))
    return steering_report(session, period)
