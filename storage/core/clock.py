"""Time: the wall clock (UTC timestamps, today's date) and the hybrid logical clock that versions records.

A wall-clock time is a claim, not a fact: records are ordered by the hybrid logical clock below. A
version is ``<13-digit milliseconds>.<6-digit counter>``: fixed width, so text order is time order,
and it never goes backwards on one device even when the PC's clock does.
"""

from __future__ import annotations

import datetime as dt
import time


def format_hlc(millis: int, counter: int) -> str:
    return f"{millis:013d}.{counter:06d}"


def parse_hlc(version: str) -> tuple[int, int]:
    millis, _, counter = version.partition(".")
    return int(millis), int(counter)


class HybridLogicalClock:
    """Issues strictly increasing versions; ``observe`` folds in versions seen elsewhere."""

    def __init__(self, last: str | None = None) -> None:
        self.millis, self.counter = parse_hlc(last) if last else (0, 0)

    def observe(self, version: str | None) -> None:
        """Never issue a version at or below one already seen (from this DB or a bundle)."""
        if not version:
            return
        millis, counter = parse_hlc(version)
        if (millis, counter) > (self.millis, self.counter):
            self.millis, self.counter = millis, counter

    def now(self) -> str:
        wall = int(time.time() * 1000)
        if wall > self.millis:
            self.millis, self.counter = wall, 0
        else:
            self.counter += 1
        return format_hlc(self.millis, self.counter)

    @property
    def last(self) -> str:
        return format_hlc(self.millis, self.counter)


def utc_now() -> str:
    """Now in UTC, as stored in every ``*_at`` column (ISO 8601 with microseconds and ``Z``)."""
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def today() -> dt.date:
    """The local date: what "this month" and "due" mean to the person at the PC."""
    return dt.date.today()
