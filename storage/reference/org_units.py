"""The org-unit tree reports roll figures up along: province -> division -> district -> unit (a gender desk
at a police station; other kinds of unit may follow).

Everything here is catalogue data, so it travels in the centre's updates like the rest of the catalogue:
the divisions are ``districts.csv``'s ``division`` column, a district's open span its ``valid_from`` /
``valid_to``, and a desk's its ``opened`` / ``closed`` in ``desks.csv`` (desks a supervisor added in the app
come from the database with their ``opened`` date; the catalogue's dates win for a desk it lists). No
database here: :func:`org_tree` takes the desks it is given.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from storage.reference.catalogue import Catalogue, Validity, load_catalogue

# The levels a report can add its figures up to, highest first.
LEVELS = ("province", "division", "district", "desk")
PROVINCE = "BALOCHISTAN"


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


@dataclass(frozen=True)
class OrgUnit:
    """One unit of the tree: ``code`` is the key report rows carry (a district's or desk's code, a division's
    English name, :data:`PROVINCE`); ``parent`` the code of the unit above (None for the province)."""

    code: str
    name: str
    level: str
    parent: str | None
    validity: Validity

    def open_on(self, day: dt.date) -> bool:
        """Whether the unit is open on ``day`` (a closed desk's records count only up to its close date)."""
        return ((self.validity.valid_from is None or self.validity.valid_from <= day)
                and (self.validity.valid_to is None or day <= self.validity.valid_to))


@dataclass(frozen=True)
class OrgTree:
    """Every unit by level and code."""

    units: dict[str, dict[str, OrgUnit]]

    def unit(self, level: str, code: str) -> OrgUnit:
        return self.units[level][code]

    def ancestor(self, level: str, district: str) -> str:
        """The code of the unit at ``level`` (province, division or district) that holds ``district``."""
        if level == "district":
            return district
        if level == "division":
            return self.units["district"][district].parent or ""
        if level == "province":
            return PROVINCE
        raise ValueError(f"a district has no ancestor at the {level} level")

    def district_to_unit(self, level: str, districts: Iterable[str]) -> dict[str, str]:
        """{district: the code of its unit at ``level``} for the districts given (province, division, district)."""
        return {district: self.ancestor(level, district) for district in districts}

    def desks_in(self, districts: Iterable[str]) -> list[OrgUnit]:
        """The desks of these districts, by district then code."""
        wanted = list(districts)
        order = {district: position for position, district in enumerate(wanted)}
        return sorted((desk for desk in self.units["desk"].values() if desk.parent in order),
                      key=lambda desk: (order[desk.parent or ""], desk.code))

    def names(self, level: str) -> dict[str, str]:
        """{code: name} of one level's units."""
        return {code: unit.name for code, unit in self.units[level].items()}


def org_tree(catalogue: Catalogue | None = None, desks: Iterable[Mapping[str, str | None]] | None = None,
             language: str = "en") -> OrgTree:
    """The tree from the catalogue (``language``: the words of its names) and ``desks`` (rows with ``code``,
    ``name``, ``district``, ``opened`` and perhaps ``closed``; default: the catalogue's own desks).

    A desk the catalogue lists takes the catalogue's ``opened`` and ``closed`` (the centre closes a desk by
    a catalogue update); a desk only in ``desks`` keeps its own dates."""
    catalogue = catalogue or load_catalogue(language)
    english = load_catalogue("en") if language != "en" else catalogue
    province = OrgUnit(PROVINCE, "Balochistan", "province", None, Validity(None, None))
    divisions: dict[str, OrgUnit] = {}
    districts: dict[str, OrgUnit] = {}
    for code, district in catalogue.districts.items():
        # A division's key is its English name, whatever the interface's language.
        key = english.districts[code].division if code in english.districts else district.division
        divisions.setdefault(key, OrgUnit(key, district.division, "division", PROVINCE, Validity(None, None)))
        districts[code] = OrgUnit(code, district.name, "district", key, district.validity)
    seeds = {row["code"]: row for row in catalogue.seed_desks}
    rows = {row["code"]: dict(row) for row in catalogue.seed_desks}
    rows |= {str(row["code"]): dict(row) for row in desks or []}
    units: dict[str, OrgUnit] = {}
    for code, row in rows.items():
        dates = seeds.get(code, row)  # the catalogue's dates win for a desk it lists
        units[code] = OrgUnit(code, str(row["name"]), "desk", str(row["district"]),
                              Validity(_date(dates.get("opened") or row.get("opened")), _date(dates.get("closed"))))
    return OrgTree({"province": {PROVINCE: province}, "division": divisions, "district": districts, "desk": units})
