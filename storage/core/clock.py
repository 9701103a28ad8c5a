"""Time: the wall clock (UTC timestamps, today's date) and the hybrid logical clock that versions records.

A wall-clock time is a claim, not a fact: records are ordered by the hybrid logical clock below. A
version is ``<13-digit milliseconds>.<6-digit counter>`` in ASCII digits, always exactly 20 characters,
so comparing two versions as text (in Python, and in SQL: ``hlc > ?``, ``max(hlc)``) compares them as
numbers. Three things keep it so: :func:`format_hlc` carries a counter past 999999 into the
milliseconds instead of writing a seventh digit, :func:`is_hlc` is the one check of a version that
arrives from outside (ASCII digits only: Python's ``\\d`` also matches Arabic-Indic digits, which sort
above ``9``), and the migration ``0007_fixed_width_versions`` rewrote any stored version of another width.

A version never goes backwards on one device, even when the PC's clock does. A district PC refuses to
version a record while its clock is more than a day behind its own last version, or more than a year
ahead of the centre's newest receipt (:meth:`HybridLogicalClock.problem`): both mean the date is wrong.
"""

from __future__ import annotations

import datetime as dt
import re
import time

from storage.errors import UsageError
from storage.i18n import QT_TRANSLATE_NOOP, say

MILLIS_LIMIT = 10**13  # 13 digits of milliseconds: until the year 2286
COUNTER_LIMIT = 10**6  # 6 digits of counter
DAY_MS = 24 * 60 * 60 * 1000
YEAR_MS = 366 * DAY_MS
# How far a clock may be off before Mizan calls it wrong: a district PC's version more than this ahead of
# the centre's clock is quarantined at import; a district PC more than this behind its own last version
# may not save.
CLOCK_TOLERANCE_MS = DAY_MS
# How far a district PC's clock may run past the centre's clock in its newest receipt before it may not save.
RECEIPT_TOLERANCE_MS = YEAR_MS
_ISO_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"  # utc_now's

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


def iso_millis(text: object) -> int | None:
    """A time as :func:`utc_now` writes it, in milliseconds (None when it is not one)."""
    if not isinstance(text, str):
        return None
    try:
        moment = dt.datetime.strptime(text, _ISO_FORMAT).replace(tzinfo=dt.UTC)
    except ValueError:
        return None
    return int(moment.timestamp() * 1000)


class ClockWrong(UsageError):
    """This PC's clock cannot version records now: the date is wrong (the message says which way and why)."""


class HybridLogicalClock:
    """Issues strictly increasing versions; ``observe`` folds in versions seen elsewhere.

    ``guarded`` and ``receipt_millis`` are set by a district PC's session before it writes
    (:meth:`storage.core.session.Session.write`): a guarded clock refuses to issue a version (``ClockWrong``)
    while :meth:`problem` finds the PC's date wrong.
    """

    def __init__(self, last: str | None = None) -> None:
        self.millis, self.counter = parse_hlc(last) if last else (0, 0)
        self.guarded = False
        self.receipt_millis: int | None = None  # the centre's clock in the newest receipt applied here

    def observe(self, version: str | None) -> None:
        """Never issue a version at or below one already seen (from this DB or a bundle)."""
        if not version:
            return
        millis, counter = parse_hlc(version)
        if (millis, counter) > (self.millis, self.counter):
            self.millis, self.counter = millis, counter

    def behind(self, wall: int | None = None) -> str | None:
        """Why the PC's clock reads a time too far before its own last version, or None.

        The clock was set back (a dead clock battery starts at an old date), or the records were saved
        while it ran ahead: a version issued now would sort below the office's own earlier work.
        """
        wall = wall_millis() if wall is None else wall
        if self.millis - wall <= CLOCK_TOLERANCE_MS:
            return None
        return say("errors", QT_TRANSLATE_NOOP("errors", "This PC's clock reads {today}, but records were saved on it up to {last}. If today's date is wrong, correct the PC's date and time. If it is right, those records were saved while the clock ran ahead: a supervisor dates them today with `clock repair`, and then saving works again."),
                   today=millis_date(wall), last=millis_date(self.millis))

    def ahead(self, wall: int | None = None) -> str | None:
        """Why the PC's clock reads a time too far after the centre's newest receipt, or None.

        A version issued now would beat every other PC's correct writes of its key for years (the centre
        quarantines versions more than a day ahead of its own clock, so they would not even arrive).
        """
        wall = wall_millis() if wall is None else wall
        if self.receipt_millis is None or wall - self.receipt_millis <= RECEIPT_TOLERANCE_MS:
            return None
        return say("errors", QT_TRANSLATE_NOOP("errors", "This PC's clock reads {today}, more than a year after the centre's newest receipt ({receipt}). Correct the PC's date and time, then save again."),
                   today=millis_date(wall), receipt=millis_date(self.receipt_millis))

    def problem(self, wall: int | None = None) -> str | None:
        """Why this PC may not version a record now (its date is wrong, :meth:`behind` or :meth:`ahead`), or None."""
        wall = wall_millis() if wall is None else wall
        return self.behind(wall) or self.ahead(wall)

    def now(self) -> str:
        """A new version, above every one issued or observed (``ClockWrong`` when guarded and the date is wrong)."""
        wall = wall_millis()
        if self.guarded:
            problem = self.problem(wall)
            if problem:
                raise ClockWrong(problem)
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


def local_clock(moment: dt.datetime | str, *, with_date: bool = False) -> str:
    """``moment`` (an aware datetime, or its ISO text) as this PC's local time, the way messages show a
    time of day: ``14:32``, or ``2026-12-05 14:32`` with ``with_date``. Stored times are UTC; a person reads
    the clock on the wall, so the sign-in refusal, ``user list`` and the sign-in dialog all say it this way."""
    if isinstance(moment, str):
        moment = dt.datetime.fromisoformat(moment.replace("Z", "+00:00"))
    return moment.astimezone().strftime("%Y-%m-%d %H:%M" if with_date else "%H:%M")


def today() -> dt.date:
    """The local date: what "this month" and "due" mean to the person at the PC."""
    return dt.date.today()
