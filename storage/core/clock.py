"""Time: the wall clock (UTC timestamps, today's date) and the hybrid logical clock that versions records.

A wall-clock time is a claim, not a fact: records are ordered by the hybrid logical clock below. A
version is ``<13-digit milliseconds>.<6-digit counter>`` in ASCII digits, always exactly 20 characters,
so comparing two versions as text (in Python, and in SQL: ``hlc > ?``, ``max(hlc)``) compares them as
numbers. Three things keep it so: :func:`format_hlc` carries a counter past 999999 into the
milliseconds instead of writing a seventh digit, :func:`is_hlc` is the one check of a version that
arrives from outside (ASCII digits only: Python's ``\\d`` also matches Arabic-Indic digits, which sort
above ``9``), and the migration ``0007_fixed_width_versions`` rewrote any stored version of another width.

A version never goes backwards on one device, even when the PC's clock does.
"""

from __future__ import annotations

import datetime as dt
import re
import time

MILLIS_LIMIT = 10**13  # 13 digits of milliseconds: until the year 2286
COUNTER_LIMIT = 10**6  # 6 digits of counter
DAY_MS = 24 * 60 * 60 * 1000
# How far a clock may be off before Mizan calls it wrong: a district PC's version more than this ahead of
# the centre's clock is quarantined at import.
CLOCK_TOLERANCE_MS = DAY_MS

_HLC = re.compile(r"[0-9]{13}\.[0-9]{6}")
HLC_GLOB = "[0-9]" * 13 + "." + "[0-9]" * 6  # the same in SQL: ``hlc GLOB ?`` is is_hlc(hlc)


def is_hlc(text: object) -> bool:
    """Whether ``text`` is a version as Mizan writes it: 13 ASCII digits, a dot, 6 ASCII digits, nothing else."""
    return isinstance(text, str) and _HLC.fullmatch(text) is not None


def format_hlc(millis: int, counter: int) -> str:
    """The version ``(millis, counter)`` in its fixed-width text.

    A counter of a million or more carries into the milliseconds (as 1000 ms make a second), so the text
    keeps its width and its text order stays its numeric order.
    """
    millis, counter = millis + counter // COUNTER_LIMIT, counter % COUNTER_LIMIT
    if not 0 <= millis < MILLIS_LIMIT:
        raise ValueError(f"a version's milliseconds must have at most 13 digits, not {millis}")
    return f"{millis:013d}.{counter:06d}"


def parse_hlc(version: str) -> tuple[int, int]:
    """``(millis, counter)`` of a version; ``ValueError`` for anything :func:`is_hlc` refuses."""
    if not is_hlc(version):
        raise ValueError(f"not a version: {version!r}")
    return int(version[:13]), int(version[14:])


def wall_millis() -> int:
    """This PC's clock, in milliseconds since 1970 (UTC). The one reading of the wall clock for versions."""
    return int(time.time() * 1000)


def millis_date(millis: int) -> str:
    """The date (yyyy-mm-dd, this PC's time zone) of a time in milliseconds, as messages show a clock."""
    return dt.datetime.fromtimestamp(millis / 1000).date().isoformat()


def version_date(version: str) -> str:
    """The date (yyyy-mm-dd) the clock read when it issued ``version``."""
    return millis_date(parse_hlc(version)[0])


def latest_plausible(wall: int | None = None) -> str:
    """The highest version a record may carry at an import at wall-clock time ``wall`` (now): one day ahead.

    A version above it was made by a PC whose clock runs ahead (or a forged one); merged, it would beat every
    later correct write of its key until that date.
    """
    wall = wall_millis() if wall is None else wall
    return format_hlc(wall + CLOCK_TOLERANCE_MS, COUNTER_LIMIT - 1)


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
        """A new version, above every one issued or observed."""
        wall = wall_millis()
        if wall > self.millis:
            self.millis, self.counter = wall, 0
        else:
            self.counter += 1
            if self.counter >= COUNTER_LIMIT:  # a million versions within one millisecond: carry, keep the width
                self.millis, self.counter = self.millis + 1, 0
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
