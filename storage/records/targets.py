"""Targets per indicator, district and year: the grid, and saving through the validation engine.

The spreadsheet template and load are :mod:`storage.sheets.targets`.

A target is in the indicator's unit, for the whole year: a flow's yearly total, a stock figure's level,
a percent's or ratio's value. How reports compare figures against it is :mod:`storage.reports.build`' business.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field

from storage.core.clock import utc_now
from storage.core.roles import require
from storage.core.session import Session
from storage.errors import UsageError, ValidationFailed
from storage.i18n import QT_TRANSLATE_NOOP, say
from storage.records.values import SaveReport
from storage.reference.catalogue import Indicator
from storage.reference.periods import parse_period
from storage.validation import Issue, TargetInput, check_target, issue, parse_number, same_figure


@dataclass
class TargetSaveReport(SaveReport):
    """A :class:`SaveReport` that also counts targets cleared (an emptied grid cell removes its target)."""

    cleared: int = 0

    def as_dict(self) -> dict:
        return super().as_dict() | {"cleared": self.cleared}


@dataclass
class TargetGrid:
    """The targets of one year as a grid: a row per indicator, a column per district."""

    year: int
    indicators: list[Indicator]
    districts: list[str]
    targets: dict[tuple[str, str], float | int] = field(default_factory=dict)  # (indicator, district) -> target

    def target(self, indicator: str, district: str) -> float | int | None:
        return self.targets.get((indicator, district))


def _year_span(year: int):
    span = parse_period(str(year)) if isinstance(year, int) else None
    if span is None:
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "The target year must be a year such as 2026, not {year}."), year=repr(year)))
    return span


def grid_districts(session: Session, year: int) -> list[str]:
    """The districts whose targets this installation sets for ``year``: its own, or every district then valid."""
    span = _year_span(year)
    if not session.is_centre:
        return [session.district]
    return [code for code, district in session.catalogue.districts.items() if district.validity.covers(span)]


def grid_indicators(session: Session, year: int) -> list[Indicator]:
    """Every indicator valid in ``year``, catalogue order (desk indicators too: their figures are computed)."""
    span = _year_span(year)
    return [indicator for indicator in session.catalogue.indicators.values() if indicator.validity.covers(span)]


def target_grid(session: Session, year: int) -> TargetGrid:
    """The targets of ``year`` for the grid screen: indicators x districts, with the stored targets."""
    require(session, "view")
    districts = grid_districts(session, year)
    stored = {(t["indicator"], t["district"]): t["target"] for t in list_targets(session, year)
              if t["district"] in districts}
    return TargetGrid(year, grid_indicators(session, year), districts, stored)


def _stored_targets(session: Session) -> dict[tuple[str, str, int], tuple]:
    """(indicator, district, year) -> (target, deleted, origin device) of every stored target row."""
    return {(indicator, district, year): (target, deleted, origin) for indicator, district, year, target, deleted, origin
            in session.db.execute("SELECT indicator, district, year, target, deleted, origin_device FROM targets")}


def set_elsewhere(session: Session, stored: tuple | None) -> bool:
    """Whether a stored target was set by the provincial centre, seen from a district PC: a target row that
    this PC did not write came in a centre update (a district PC imports nothing else). The centre's
    targets are the Action Plan's; the office asks the centre to change one instead of writing over it."""
    return not session.is_centre and stored is not None and not stored[1] and stored[2] != session.device_id


def centre_targets_applied(session: Session, targets: list[dict], centre_device: str) -> dict[str, int]:
    """Inside the caller's write transaction (a centre update, :mod:`sync.updates`): keep this district's
    targets as the centre holds them, each already checked by the target rules.

    A target the centre set (written by ``centre_device``) is the centre's: it replaces this office's own,
    whatever their versions (the centre kept the office's aside, TG_SET_BY_CENTRE). For the office's own
    targets coming back, the higher version wins, as at the merge: one set here after the centre's copy was
    made stays, and reaches the centre in the next bundle. Returns the counts new, changed, removed.
    """
    stored = {(row[0], row[1], row[2]): (row[3], row[4]) for row in session.db.execute(
        "SELECT indicator, district, year, hlc, origin_device FROM targets")}
    counts = {"new": 0, "changed": 0, "removed": 0}
    for target in targets:
        key = (target["indicator"], target["district"], target["year"])
        version = (target["hlc"], target["origin_device"])
        if key in stored and (stored[key] == version if target["origin_device"] == centre_device
                              else stored[key] >= version):
            continue
        live = session.db.execute("SELECT deleted FROM targets WHERE indicator = ? AND district = ? AND year = ?",
                                  list(key)).fetchone()
        if target["deleted"]:
            counts["removed"] += bool(live and not live[0])
        else:
            counts["changed" if live and not live[0] else "new"] += 1
        session.db.execute(
            "INSERT INTO targets (indicator, district, year, target, set_by, set_at, uuid, hlc, origin_device, deleted, "
            "catalogue_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (indicator, district, year) DO "
            "UPDATE SET target = excluded.target, set_by = excluded.set_by, set_at = excluded.set_at, "
            "uuid = excluded.uuid, hlc = excluded.hlc, origin_device = excluded.origin_device, "
            "deleted = excluded.deleted, catalogue_version = excluded.catalogue_version",
            [*key, target["target"], target["set_by"], target["set_at"], target["uuid"], target["hlc"],
             target["origin_device"], int(bool(target["deleted"])), target.get("catalogue_version")])
        session.clock.observe(target["hlc"])
    return counts


def is_blank(raw: object) -> bool:
    """An empty cell: no target (a cleared grid cell, an untouched template row)."""
    return raw is None or (isinstance(raw, str) and not raw.strip())


def save_targets(session: Session, year: int | None, rows: Iterable[TargetInput], *,
                 dry_run: bool = False) -> TargetSaveReport:
    """Validate and write targets: all of them, or none (``ValidationFailed`` lists every problem).

    ``year`` fills in rows whose ``year`` is None (the grid's rows); a loaded sheet gives each row its
    own. An empty target clears (tombstones) a stored target, as emptying a grid cell does. A repeated
    (indicator, district, year) is refused with LD_DUPLICATE_ROW.
    """
    require(session, "set_targets")
    own = None if session.is_centre else session.district
    problems: list[Issue] = []
    checked: list[tuple[tuple[str, str, int], float | int | None]] = []
    first_row: dict[tuple, int | None] = {}
    for source in rows:
        if source.year is None:
            source.year = year
        blank = is_blank(source.target)
        number, found = check_target(session.catalogue, own, TargetInput(
            source.indicator, source.district, source.year, 0 if blank else source.target, source.row))
        problems.extend(found)
        if found:
            continue
        key = (source.indicator, source.district, parse_number(source.year)[0])
        if key in first_row:
            problems.append(issue("LD_DUPLICATE_ROW", source.row, value=" ".join(map(str, key)),
                                  first_row=first_row[key]))
            continue
        first_row[key] = source.row
        checked.append((key, None if blank else number))
    if problems:
        raise ValidationFailed(say("errors", QT_TRANSLATE_NOOP("errors", "{count} problem(s) in the targets; nothing was saved."), count=len(problems)), problems)
    stored = _stored_targets(session)
    problems = [issue("TG_SET_BY_CENTRE", first_row[key], indicator=key[0], district=key[1], year=key[2])
                for key, number in checked if set_elsewhere(session, stored.get(key))
                and not same_figure(stored[key][0], number)]
    if problems:
        raise ValidationFailed(say("errors", QT_TRANSLATE_NOOP("errors", "{count} problem(s) in the targets; nothing was saved."), count=len(problems)), problems)
    report, writes, clears = _plan(stored, checked)
    if dry_run or not (writes or clears):
        return report
    now = utc_now()
    with session.write() as db:
        for (indicator, district, target_year), number in writes:
            db.execute(
                "INSERT INTO targets (indicator, district, year, target, set_by, set_at, uuid, hlc, origin_device, "
                "catalogue_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (indicator, district, year) DO "
                "UPDATE SET target = excluded.target, set_by = excluded.set_by, set_at = excluded.set_at, "
                "hlc = excluded.hlc, origin_device = excluded.origin_device, "
                "catalogue_version = excluded.catalogue_version, deleted = 0",
                [indicator, district, target_year, number, session.user, now, str(uuid.uuid4()),
                 session.clock.now(), session.device_id, session.catalogue.version])
        for indicator, district, target_year in clears:
            # A tombstone, not a DELETE: the clearing travels to the centre like any other change.
            db.execute("UPDATE targets SET deleted = 1, set_by = ?, set_at = ?, hlc = ?, origin_device = ?, "
                       "catalogue_version = ? WHERE indicator = ? AND district = ? AND year = ? AND deleted = 0",
                       [session.user, now, session.clock.now(), session.device_id, session.catalogue.version,
                        indicator, district, target_year])
    return report


def _plan(stored: dict, checked: list[tuple[tuple[str, str, int], float | int | None]]):
    """What a save does: the counts, the targets to write and the stored targets to clear."""
    report = TargetSaveReport()
    writes: list[tuple[tuple[str, str, int], float | int]] = []
    clears: list[tuple[str, str, int]] = []
    for key, number in checked:
        previous = stored.get(key)
        live = previous is not None and not previous[1]
        if number is None:
            if live:
                report.cleared += 1
                clears.append(key)
            continue
        if live and same_figure(previous[0], number):
            report.unchanged += 1
            continue
        if live:
            report.updated += 1
        else:
            report.new += 1
        writes.append((key, number))
    return report, writes, clears


def set_target(session: Session, indicator: str, district: str, year: int, target: object) -> None:
    """Set (or replace) the target of an indicator for a district and year (one cell of the targets grid)."""
    save_targets(session, year, [TargetInput(indicator, district, year, target)])


def list_targets(session: Session, year: int | None = None) -> list[dict]:
    """Every stored target (of one year, or all), by indicator, district and year."""
    require(session, "view")
    where, params = "deleted = 0", []
    if year is not None:
        where += " AND year = ?"
        params.append(year)
    cursor = session.db.execute(
        f"SELECT indicator, district, year, target FROM targets WHERE {where} ORDER BY indicator, district, year",
        params)
    return [dict(zip(("indicator", "district", "year", "target"), row, strict=True)) for row in cursor]

