"""Indicator values: the figures district offices type in, read and written.

Every write goes through the validation engine, checks the signed-in user's role, runs in one
transaction (:meth:`Session.write`), and stamps each record with a new HLC version and this device.
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from storage.core.clock import today, utc_now
from storage.core.roles import require
from storage.core.session import Session
from storage.errors import UsageError, ValidationFailed
from storage.i18n import QT_TRANSLATE_NOOP, say
from storage.records.approvals import approved_data_sets
from storage.records.completion import locked_data_sets, locks_bind
from storage.reference.catalogue import TOTAL_CELL
from storage.reference.periods import parse_period, previous_periods
from storage.validation import (
    ERROR,
    CheckedValue,
    Issue,
    ValueContext,
    ValueInput,
    check_values,
    issue,
    related_indicators,
    same_figure,
)

VALUE_KEYS = ("indicator", "district", "period", "cell", "value", "numerator", "denominator", "comment")


@dataclass
class SaveReport:
    """What a save did (or, for a dry run, would do). ``warnings`` are the commented warnings kept."""

    new: int = 0
    updated: int = 0
    unchanged: int = 0
    warnings: list[Issue] = field(default_factory=list)
    # Warnings on values saved without a comment and marked to check later (a bulk load, "check later")
    followup: list[Issue] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"new": self.new, "updated": self.updated, "unchanged": self.unchanged,
                "warnings": [found.as_dict() for found in self.warnings],
                "followup": [found.as_dict() for found in self.followup]}


def _stored_rows(session: Session, keys: Iterable[tuple[str, str]], periods: set[str]) -> list[tuple]:
    """Stored values of these (district, indicator) pairs in these periods, one query per district."""
    by_district: dict[str, set[str]] = defaultdict(set)
    for district, indicator in keys:
        by_district[district].add(indicator)
    period_list = sorted(periods)
    rows: list[tuple] = []
    for district, indicators in by_district.items():
        placeholders = ",".join("?" * len(period_list))
        cursor = session.db.execute(
            "SELECT indicator, district, period, cell, value, numerator, denominator, comment, followup, deleted "
            f"FROM indicator_values WHERE district = ? AND period IN ({placeholders})", [district, *period_list])
        rows.extend(row for row in cursor if row[0] in indicators)
    return rows


def value_context(session: Session, inputs: list[ValueInput]) -> tuple[ValueContext, dict[tuple, tuple]]:
    """The checks' context for a batch, and the stored rows the batch would overwrite."""
    periods: set[str] = set()
    for period_code in {value.period for value in inputs}:
        if parse_period(period_code) is not None:
            periods.add(period_code)
            periods.update(previous_periods(period_code, session.catalogue.thresholds.outlier_window))
    history: dict[tuple[str, str, str], dict[str, tuple]] = defaultdict(dict)
    stored: dict[tuple, tuple] = {}
    pairs = {(value.district, value.indicator) for value in inputs}
    # A rule that compares indicators (rules.csv) reads the stored figures of the others it names too.
    related = related_indicators(session.catalogue)
    pairs |= {(district, other) for district, indicator in pairs for other in related.get(indicator, ())}
    for row in _stored_rows(session, pairs, periods) if periods else []:
        indicator, district, period, cell, value, numerator, denominator, comment, followup, deleted = row
        stored[(indicator, district, period, cell)] = (value, numerator, denominator, comment, followup, deleted)
        if not deleted:
            history[(indicator, district, cell)][period] = (value, numerator, denominator)
    context = ValueContext(
        catalogue=session.catalogue, today=today(),
        own_district=None if session.is_centre else session.district,
        locked=locked_data_sets(session) if locks_bind(session) else set(),
        approved=approved_data_sets(session),
        history=history,
    )
    return context, stored


def check_indicator_values(session: Session, inputs: list[ValueInput]) -> tuple[list[CheckedValue], dict]:
    """Validate a batch against the rules and what is stored; writes nothing."""
    context, stored = value_context(session, inputs)
    return check_values(context, inputs), stored


def blocking_issues(checked: list[CheckedValue]) -> list[Issue]:
    """Errors, plus warnings on values with neither a comment nor a mark to check later: they stop a save."""
    found: list[Issue] = []
    for value in checked:
        if not value.issues:  # nearly every value: nothing to look at
            continue
        explained = bool((value.source.comment or "").strip()) or value.source.followup
        found.extend(i for i in value.issues if i.severity == ERROR or not explained)
    return found


def _mark_for_followup(checked: list[CheckedValue]) -> None:
    """Mark every value whose only problems are warnings, and that has no comment, to check later."""
    for value in checked:
        if (value.issues and not (value.source.comment or "").strip()
                and all(found.severity != ERROR for found in value.issues)):
            value.source.followup = True


def save_indicator_values(session: Session, inputs: list[ValueInput], *, dry_run: bool = False,
                          follow_up_warnings: bool = False) -> SaveReport:
    """Validate and write a batch: all of it, or nothing (``ValidationFailed`` lists every problem).

    A warning needs a comment on its value, or the value marked to check later (``ValueInput.followup``:
    the entry screen's "Check later"), to be saved; the same rule holds for one cell typed in the grid
    and for a spreadsheet of 200,000 rows. ``follow_up_warnings`` marks every value whose only problems are
    warnings to check later (a bulk load: one unusual figure must not refuse a whole sheet).
    """
    require(session, "enter_values")
    checked, stored = check_indicator_values(session, inputs)
    if follow_up_warnings:
        _mark_for_followup(checked)
    blocking = blocking_issues(checked)
    if blocking:
        template = (QT_TRANSLATE_NOOP("errors", "{count} problem(s) in the value; nothing was saved.") if len(inputs) == 1
                    else QT_TRANSLATE_NOOP("errors", "{count} problem(s) in the values; nothing was saved."))
        raise ValidationFailed(say("errors", template, count=len(blocking)), blocking,
                               [i for value in checked for i in value.issues if i.severity != ERROR])
    report = SaveReport(warnings=[i for value in checked for i in value.issues],
                        followup=[i for value in checked if value.source.followup and not (value.source.comment or "").strip()
                                  for i in value.issues])
    # One pass checks for repeated cells and picks the values to write; a repeat raises before anything
    # is written. Only the values are kept: their rows are built as SQLite asks for them (_value_rows).
    seen: set[tuple] = set()
    pending: list[CheckedValue] = []
    for value in checked:
        source = value.source
        key = (source.indicator, source.district, source.period, source.cell)
        if key in seen:
            raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "{cell} appears twice in one save; keep one row per cell."), cell=' '.join(key)))
        seen.add(key)
        comment = (source.comment or "").strip() or None
        previous = stored.get(key)
        if previous is None:
            report.new += 1
        elif (not previous[5] and same_figure(previous[0], value.value) and same_figure(previous[1], value.numerator)
              and same_figure(previous[2], value.denominator) and previous[3] == comment
              and bool(previous[4]) == bool(source.followup)):
            report.unchanged += 1
            continue
        else:
            report.updated += 1
        pending.append(value)
    if dry_run or not pending:
        return report
    with session.write() as db:
        db.conn.executemany(_UPSERT_VALUE, _value_rows(session, pending))
    return report


def _value_rows(session: Session, pending: list[CheckedValue]) -> Iterator[tuple]:
    """The upsert's parameters, one row at a time: a million 14-column tuples held at once would be a
    third of a big load's peak memory. Runs inside the write transaction, so each row's HLC version
    comes after the clock has seen the stored ``hlc_last``."""
    now, user, device, clock_now = utc_now(), session.user, session.device_id, session.clock.now
    version = session.catalogue.version  # the catalogue the value was entered (and checked) under
    uuids = _new_uuids(len(pending))
    for value in pending:
        source = value.source
        yield (source.indicator, source.district, source.period, source.cell, value.value, value.numerator,
               value.denominator, (source.comment or "").strip() or None, int(bool(source.followup)), user, now,
               next(uuids), clock_now(), device, version)


# uuid.UUID's own version-4 arithmetic: clear the variant and version bits, then set RFC 4122 and 4.
_UUID_CLEAR = ~((0xC000 << 48) | (0xF000 << 64))
_UUID_V4 = (0x8000 << 48) | (4 << 76)


def _new_uuids(count: int, block: int = 4096) -> Iterator[str]:
    """``count`` random version-4 UUIDs as text, the same as ``str(uuid.uuid4())`` each.

    ``uuid4()`` builds a ``UUID`` object and reads the OS's random source once per call; for a
    million rows that is seconds, so random bytes are read in blocks and formatted directly.
    """
    for start in range(0, count, block):
        random = os.urandom(16 * min(block, count - start))
        for offset in range(0, len(random), 16):
            digits = f"{int.from_bytes(random[offset:offset + 16]) & _UUID_CLEAR | _UUID_V4:032x}"
            yield f"{digits[:8]}-{digits[8:12]}-{digits[12:16]}-{digits[16:20]}-{digits[20:]}"


_UPSERT_VALUE = """
INSERT INTO indicator_values (indicator, district, period, cell, value, numerator, denominator, comment, followup,
    entered_by, entered_at, uuid, hlc, origin_device, catalogue_version, deleted)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)
ON CONFLICT (indicator, district, period, cell) DO UPDATE SET
    value = excluded.value, numerator = excluded.numerator, denominator = excluded.denominator,
    comment = excluded.comment, followup = excluded.followup, entered_by = excluded.entered_by,
    entered_at = excluded.entered_at, hlc = excluded.hlc, origin_device = excluded.origin_device,
    catalogue_version = excluded.catalogue_version, deleted = 0
"""


def delete_indicator_value(session: Session, indicator: str, district: str, period: str, cell: str = TOTAL_CELL) -> bool:
    """Tombstone one value (it stays, marked deleted, so the deletion travels to the centre)."""
    require(session, "enter_values")
    code = session.catalogue.indicators.get(indicator)
    if code is None:
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "Indicator {indicator} is not in the catalogue."), indicator=repr(indicator)))
    approved = approved_data_sets(session).get((district, code.institution, period))
    if approved is not None:
        raise ValidationFailed(say("errors", QT_TRANSLATE_NOOP("errors", "The data set is approved.")), [issue(
            "IV_APPROVED", value=period, district=district, institution=session.catalogue.institutions[code.institution].name,
            day=approved[0], name=approved[1])])
    if locks_bind(session) and (district, code.institution, period) in locked_data_sets(session):
        raise ValidationFailed(say("errors", QT_TRANSLATE_NOOP("errors", "The data set is locked.")), [issue("IV_LOCKED", value=period, district=district,
                               institution=session.catalogue.institutions[code.institution].name)])
    with session.write() as db:
        cursor = db.execute(
            "UPDATE indicator_values SET deleted = 1, hlc = ?, origin_device = ?, entered_by = ?, entered_at = ?, "
            "catalogue_version = ? WHERE indicator = ? AND district = ? AND period = ? AND cell = ? AND deleted = 0",
            [session.clock.now(), session.device_id, session.user, utc_now(), session.catalogue.version, indicator,
             district, period, cell])
        return cursor.rowcount > 0


def list_indicator_values(session: Session, period: str | None = None, district: str | None = None) -> list[dict]:
    """Stored (not deleted) values in a stable order, with exactly :data:`VALUE_KEYS`."""
    require(session, "view")
    where, params = ["deleted = 0"], []
    if period:
        where.append("period = ?")
        params.append(period)
    if district:
        where.append("district = ?")
        params.append(district)
    cursor = session.db.execute(
        f"SELECT {', '.join(VALUE_KEYS)} FROM indicator_values WHERE {' AND '.join(where)} "
        "ORDER BY indicator, district, period, cell", params)
    return [dict(zip(VALUE_KEYS, row, strict=True)) for row in cursor]


# -- targets -----------------------------------------------------------------------------------------


# -- data-set completion -------------------------------------------------------------------------------


def value_rows(session: Session, district: str, pairs: set[tuple[str, str]]) -> list[tuple]:
    """Stored rows (indicator, period, cell, value, numerator, denominator, comment) of these pairs."""
    if not pairs:
        return []
    indicators = sorted({indicator for indicator, _ in pairs})
    periods = sorted({period for _, period in pairs})
    cursor = session.db.execute(
        "SELECT indicator, period, cell, value, numerator, denominator, comment FROM indicator_values "
        f"WHERE deleted = 0 AND district = ? AND indicator IN ({','.join('?' * len(indicators))}) "
        f"AND period IN ({','.join('?' * len(periods))})", [district, *indicators, *periods])
    return [row for row in cursor if (row[0], row[1]) in pairs]

