"""The reference data and indicator catalogue, read from the files under ``resources/``.

The files are the one place where each fact lives; this module only parses them into typed objects.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import sys
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from storage import i18n
from storage.i18n import QT_TRANSLATE_NOOP, say, translate
from storage.reference.periods import Period
from storage.reference.rules import CrossRule, parse_rules

UNITS = ("count", "percent", "ratio", "days")
# Where an indicator is typed in: at a district office, or only at the provincial centre.
ENTERED_AT = ("district", "centre")
TOTAL_CELL = "total"


def resources_dir() -> Path:
    """Where ``resources/`` is: beside the sources, or inside a PyInstaller bundle."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"  # storage/reference/ -> the repository


# The catalogue's files, each fact in one (resources/README.md). The shipped ones are in resources/; the
# centre may load a newer set (storage.core.catalogues), which travels to the districts in its updates.
CATALOGUE_FILES = ("catalogue_version.txt", "districts.csv", "institutions.csv", "categories.csv", "gbv_types.csv",
                   "pkm_services.csv", "indicators.csv", "desk_lists.csv", "desks.csv", "thresholds.csv",
                   "rules.csv")
# Files a catalogue may lack because it was made before they existed; it keeps the shipped file's facts,
# which were the code's own before they became data (a catalogue stored before thresholds.csv or rules.csv).
LATER_FILES = ("thresholds.csv", "rules.csv")


@cache
def shipped_files() -> dict[str, str]:
    """The text of each catalogue file shipped in resources/."""
    return {name: (resources_dir() / name).read_text(encoding="utf-8") for name in CATALOGUE_FILES}


def with_later_files(files: dict[str, str]) -> dict[str, str]:
    """``files`` with each of :data:`LATER_FILES` it lacks taken from the shipped catalogue."""
    missing = [name for name in LATER_FILES if name not in files]
    return {**files, **{name: shipped_files()[name] for name in missing}} if missing else files


def _rows(files: dict[str, str], name: str) -> list[dict[str, str]]:
    reader = csv.DictReader(io.StringIO(files[name].lstrip("\ufeff"), newline=""))
    return [{key: (value or "").strip() for key, value in row.items() if key is not None} for row in reader]


def _words(row: dict[str, str], column: str, language: str) -> str:
    """A row's text in ``language``: the ``<column>_<language>`` translation beside it, else the English."""
    if language != "en":
        translated = row.get(f"{column}_{language}", "")
        if translated:
            return translated
    return row[column]


def _date_or_none(text: str) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


@dataclass(frozen=True)
class Validity:
    """A date range that a district, institution or indicator is valid in (open ends allowed)."""

    valid_from: dt.date | None
    valid_to: dt.date | None

    def covers(self, period: Period) -> bool:
        """True when the range overlaps the period at all."""
        if self.valid_from and period.end < self.valid_from:
            return False
        if self.valid_to and period.start > self.valid_to:
            return False
        return True

    def describe(self) -> str:
        """The span in the interface's language, e.g. "the beginning to 2025-12-31"."""
        start = (self.valid_from.isoformat() if self.valid_from
                 else translate("catalogue", QT_TRANSLATE_NOOP("catalogue", "the beginning")))
        end = self.valid_to.isoformat() if self.valid_to else translate("catalogue", QT_TRANSLATE_NOOP("catalogue", "now"))
        return say("catalogue", QT_TRANSLATE_NOOP("catalogue", "{start} to {end}"), start=start, end=end)


@dataclass(frozen=True)
class District:
    code: str
    name: str
    division: str
    validity: Validity
    note: str


@dataclass(frozen=True)
class Institution:
    code: str
    name: str
    validity: Validity


@dataclass(frozen=True)
class Indicator:
    """One catalogue entry. ``categories`` are in the catalogue's order."""

    code: str
    institution: str
    name: str
    unit: str
    numerator: str
    denominator: str
    categories: tuple[str, ...]
    frequency: str
    source: str
    better: str
    aggregation: str
    may_exceed_100: bool
    validity: Validity
    note: str
    # Which installation types the figure in: "district" (its office) or "centre" (e.g. REF-01, the census
    # population, entered once at the provincial centre). The engine refuses it anywhere else.
    entered_at: str = "district"

    @property
    def has_fraction(self) -> bool:
        """Percents and ratios store numerator and denominator and compute the value."""
        return self.unit in ("percent", "ratio")

    @property
    def is_stock(self) -> bool:
        return self.aggregation == "last"


@dataclass(frozen=True)
class Option:
    code: str
    name: str


@dataclass(frozen=True)
class GbvType:
    code: str
    order: int
    name: str
    question: str


@dataclass(frozen=True)
class PkmService:
    code: str
    name: str
    standard_hours: int | None


# -- thresholds: the numbers the rule engine judges by ------------------------------------------------------

def _whole(text: str) -> int:
    return int(text)


def _days(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split())


# Each threshold: how its text reads, and the range the engine accepts it in (a centre may tune a threshold
# in a catalogue update, never turn a rule off: an outlier window of 0 or an adult age of 5 is refused).
_THRESHOLD_READERS = {
    "adult_age": (_whole, 10, 25),
    "max_client_age": (_whole, 60, 150),
    "reporting_days": (_days, 1, 366),
    "outlier_window": (_whole, 3, 36),
    "outlier_spread": (float, 1.0, 10.0),
    "outlier_ratio": (float, 1.5, 10.0),
    "chance_coverage": (float, 0.9, 0.99999),
}


@dataclass(frozen=True)
class Thresholds:
    """The numbers the rule engine judges by, read from ``thresholds.csv`` (see its notes for each)."""

    adult_age: int
    max_client_age: int
    reporting_days: tuple[int, ...]
    outlier_window: int
    outlier_spread: float
    outlier_ratio: float
    chance_coverage: float

    @property
    def prompt_report_days(self) -> int:
        """POL-11 counts the cases reported within the first reporting-time bucket."""
        return self.reporting_days[0]


# What each threshold is, in words people read (an update's preview names the ones it changes).
THRESHOLD_NAMES = {
    "adult_age": QT_TRANSLATE_NOOP("catalogue", "Age below which a client is a child"),
    "max_client_age": QT_TRANSLATE_NOOP("catalogue", "Highest client age accepted"),
    "reporting_days": QT_TRANSLATE_NOOP("catalogue", "Reporting-time buckets (days)"),
    "outlier_window": QT_TRANSLATE_NOOP("catalogue", "Earlier periods an outlier check compares with"),
    "outlier_spread": QT_TRANSLATE_NOOP("catalogue", "Outlier band (median absolute deviations)"),
    "outlier_ratio": QT_TRANSLATE_NOOP("catalogue", "Outlier ratio to the previous period"),
    "chance_coverage": QT_TRANSLATE_NOOP("catalogue", "Share of chance variation never flagged"),
}


def threshold_change(name: str, change: dict) -> str:
    """One threshold's change (``{"from", "to"}`` as :func:`storage.core.catalogues.catalogue_changes`
    reports it) in a sentence of the interface's language."""
    def shown(value: object) -> str:
        return " ".join(str(part) for part in value) if isinstance(value, list | tuple) else str(value)
    return say("catalogue", QT_TRANSLATE_NOOP("catalogue", "{name}: {before} → {after}"),
               name=translate("catalogue", THRESHOLD_NAMES.get(name, name)), before=shown(change["from"]),
               after=shown(change["to"]))


def parse_thresholds(text: str) -> Thresholds:
    """``thresholds.csv`` checked: every threshold once, each a number in its range (``reporting_days``
    rising whole days); anything else raises ``ValueError`` naming the threshold."""
    values: dict[str, object] = {}
    for row in _rows({"thresholds.csv": text}, "thresholds.csv"):
        name, raw = row["name"], row["value"]
        if name not in _THRESHOLD_READERS or name in values:
            raise ValueError(f"thresholds.csv: {name!r} is not a threshold the engine reads, or is there twice")
        read, low, high = _THRESHOLD_READERS[name]
        try:
            value = read(raw)
        except ValueError:
            value = None
        numbers = value if isinstance(value, tuple) else (value,)
        if (value is None or not numbers or any(not low <= number <= high for number in numbers)
                or list(numbers) != sorted(set(numbers))):
            raise ValueError(f"thresholds.csv: {name} {raw!r} is not a number from {low} to {high}")
        values[name] = value
    missing = [name for name in _THRESHOLD_READERS if name not in values]
    if missing:
        raise ValueError(f"thresholds.csv lacks {', '.join(missing)}")
    return Thresholds(**values)  # type: ignore[arg-type]


@dataclass
class Catalogue:
    """Everything under resources/, parsed. Load it with :func:`load_catalogue`."""

    version: str
    districts: dict[str, District]
    institutions: dict[str, Institution]
    indicators: dict[str, Indicator]
    categories: dict[str, list[Option]]
    gbv_types: list[GbvType]
    pkm_services: dict[str, PkmService]
    lists: dict[str, list[Option]]
    seed_desks: list[dict[str, str]]
    thresholds: Thresholds
    _cells: dict[str, list[str]] = field(default_factory=dict, repr=False)
    # Rules that compare indicators (rules.csv, storage.reference.rules), checked by storage.validation.
    rules: list[CrossRule] = field(default_factory=list)

    def options(self, category: str) -> list[str]:
        return [option.code for option in self.categories.get(category, [])]

    def list_codes(self, name: str) -> list[str]:
        """The codes of one of the desk form's choice lists."""
        return [option.code for option in self.lists[name]]

    def cells(self, indicator_code: str) -> list[str]:
        """Every cell of an indicator: ``total`` first, then each combination of options.

        A cell is ``category=option;...`` with categories sorted by name, so the same
        combination always has the same key.
        """
        cached = self._cells.get(indicator_code)
        if cached is not None:
            return cached
        indicator = self.indicators[indicator_code]
        cells = [TOTAL_CELL]
        if indicator.categories:
            ordered = sorted(indicator.categories)
            for combination in itertools.product(*(self.options(c) for c in ordered)):
                cells.append(make_cell(dict(zip(ordered, combination, strict=True))))
        self._cells[indicator_code] = cells
        return cells

    def indicators_for(self, institution: str | None = None, source: str | None = None) -> list[Indicator]:
        return [
            indicator
            for indicator in self.indicators.values()
            if (institution is None or indicator.institution == institution)
            and (source is None or indicator.source == source)
        ]


def make_cell(parts: dict[str, str]) -> str:
    """``{"sex": "male", "age": "adult"}`` -> ``"age=adult;sex=male"``; empty -> ``"total"``."""
    if not parts:
        return TOTAL_CELL
    return ";".join(f"{category}={parts[category]}" for category in sorted(parts))


def parse_cell(cell: str) -> dict[str, str] | None:
    """Inverse of :func:`make_cell`; None when the text is not shaped like a cell."""
    if cell == TOTAL_CELL:
        return {}
    parts: dict[str, str] = {}
    for piece in cell.split(";"):
        category, sep, option = piece.partition("=")
        if not sep or not category or not option or category in parts:
            return None
        parts[category] = option
    return parts


def load_catalogue(language: str | None = None) -> Catalogue:
    """The catalogue with its names in ``language`` (default: the interface's, :func:`storage.i18n.language`).

    Codes, rules and structure are the same in every language; only the words people read change. Each
    translation lives beside its English in the same file (``name_ur`` beside ``name``).
    """
    return _load_catalogue(language or i18n.language())


@cache
def _load_catalogue(language: str) -> Catalogue:
    """Read and check every reference file once per process and language."""
    return parse_catalogue(shipped_files(), language)


def parse_catalogue(files: dict[str, str], language: str) -> Catalogue:
    """A catalogue from the text of its files (:data:`CATALOGUE_FILES`), checked: an unknown category, unit,
    institution or place of entry raises ``ValueError`` naming the indicator; a missing column ``KeyError``."""
    files = with_later_files(files)
    version = files["catalogue_version.txt"].strip()
    districts = {
        row["code"]: District(
            row["code"], _words(row, "name", language), _words(row, "division", language),
            Validity(_date_or_none(row["valid_from"]), _date_or_none(row["valid_to"])), row["note"],
        )
        for row in _rows(files, "districts.csv")
    }
    institutions = {
        row["code"]: Institution(
            row["code"], _words(row, "name", language), Validity(_date_or_none(row["valid_from"]), _date_or_none(row["valid_to"]))
        )
        for row in _rows(files, "institutions.csv")
    }
    categories: dict[str, list[Option]] = {}
    for row in _rows(files, "categories.csv"):
        categories.setdefault(row["category"], []).append(Option(row["option"], _words(row, "name", language)))
    gbv_types = sorted(
        (GbvType(row["code"], int(row["order"]), _words(row, "name", language), _words(row, "question", language))
         for row in _rows(files, "gbv_types.csv")),
        key=lambda gbv_type: gbv_type.order,
    )
    categories["gbv_type"] = [Option(gbv_type.code, gbv_type.name) for gbv_type in gbv_types]
    pkm_services = {
        row["code"]: PkmService(row["code"], _words(row, "name", language), int(row["standard_hours"]) if row["standard_hours"] else None)
        for row in _rows(files, "pkm_services.csv")
    }
    categories["pkm_service"] = [Option(service.code, service.name) for service in pkm_services.values()]
    indicators: dict[str, Indicator] = {}
    for row in _rows(files, "indicators.csv"):
        indicator_categories = tuple(part for part in row["disaggregation"].split("+") if part)
        unknown = [category for category in indicator_categories if category not in categories]
        if (unknown or row["unit"] not in UNITS or row["institution"] not in institutions
                or (row.get("entered_at") or "district") not in ENTERED_AT):
            raise ValueError(f"resources/indicators.csv: {row['code']} has an unknown category, unit, institution or entered_at")
        indicators[row["code"]] = Indicator(
            code=row["code"], institution=row["institution"], name=_words(row, "name", language), unit=row["unit"],
            numerator=_words(row, "numerator", language), denominator=_words(row, "denominator", language), categories=indicator_categories,
            frequency=row["frequency"], source=row["source"], better=row["better"],
            aggregation=row["aggregation"], may_exceed_100=row["may_exceed_100"] == "yes",
            validity=Validity(_date_or_none(row["valid_from"]), _date_or_none(row["valid_to"])), note=row["note"],
            entered_at=row.get("entered_at") or "district",  # a catalogue from before the column: districts enter all
        )
    lists: dict[str, list[Option]] = {}
    for row in _rows(files, "desk_lists.csv"):
        lists.setdefault(row["list"], []).append(Option(row["code"], _words(row, "name", language)))
    catalogue = Catalogue(
        version=version, districts=districts, institutions=institutions, indicators=indicators,
        categories=categories, gbv_types=gbv_types, pkm_services=pkm_services, lists=lists,
        seed_desks=_rows(files, "desks.csv"), thresholds=parse_thresholds(files["thresholds.csv"]),
    )
    # A catalogue stored before rules.csv existed follows the shipped rules (codes are never dropped, so
    # every indicator they name is in it). A RuleSyntaxError is a ValueError: the catalogue is refused.
    catalogue.rules = parse_rules(files["rules.csv"], catalogue, language)
    return catalogue


# Tests that swap resources/ read it again: the cache is per language, behind load_catalogue.
def _clear_caches() -> None:
    _load_catalogue.cache_clear()
    shipped_files.cache_clear()


load_catalogue.cache_clear = _clear_caches  # type: ignore[attr-defined]
