"""Figures for DHIS2 (and anything that reads ADX): a mapping template, and exports as ADX or dataValueSets.

DHIS2 keys an aggregate value as Mizan does (data element and category option combo for the indicator and
cell; org unit for the district; period), but with its own identifiers, which only the partner's DHIS2
knows. So the export goes through a mapping file that a person fills in once (docs/dhis2.md):

* :func:`write_mapping_template`: one row per (indicator, cell, quantity) and one per district and desk, with
  empty columns for the DHIS2 identifiers (UIDs or codes: the column names say which, e.g.
  ``data_element_uid``).
* :func:`export_dhis2`: the stored values of a period or a year through that mapping, as ADX (the IHE QRPH
  profile, ``urn:ihe:qrph:adx:2015``) or as a dataValueSet in JSON or CSV, each with its own period form.

Rules the export keeps:

* A percent or ratio is sent as its numerator and denominator data elements, never as the percent: DHIS2
  adds or averages a value over org units and periods, and an averaged percent is wrong; DHIS2 indicators
  recompute it from the two.
* Nothing is dropped silently: a value whose indicator, cell or district has no identifier in the mapping
  refuses the export with the list of them (:class:`ExportRefused`), unless ``skip_unmapped`` leaves them
  out and counts them.
* The desk indicators (POL-09 to POL-13) are the only figures from the desk register that leave, and only as
  small-cell protected aggregates of a district and a month that has ended
  (:func:`storage.reports.suppression.protect`): a hidden cell is not sent at all, and the summary counts it.
  With ``approved_only`` they are left out, as in the reports (no data set approves case records).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import xml.etree.ElementTree as ElementTree
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from pathlib import Path

from storage.core.clock import today
from storage.core.files import write_atomically
from storage.core.roles import require
from storage.core.session import Session
from storage.errors import MizanError, UsageError
from storage.i18n import QT_TRANSLATE_NOOP, say
from storage.records.approvals import approved_data_sets
from storage.records.values import VALUE_KEYS, list_indicator_values
from storage.reference.catalogue import TOTAL_CELL, Catalogue, Indicator, parse_cell
from storage.reference.periods import parse_period, periods_in_year
from storage.reports.desk_indicators import desk_indicator_values
from storage.reports.suppression import Relation, protect
from storage.sheets.cells import csv_field, csv_text
from storage.sheets.reading import csv_separator, decode_csv
from storage.validation import compute_value

FORMATS = ("adx", "json", "csv")
ID_SCHEMES = ("uid", "code")
ADX_NAMESPACE = "urn:ihe:qrph:adx:2015"
# ADX periods are a start date and an ISO 8601 duration (DHIS2's AdxPeriod); dataValueSets use DHIS2's own codes.
ADX_DURATIONS = {"monthly": "P1M", "quarterly": "P3M", "annual": "P1Y"}
DATA_ROW, ORG_UNIT_ROW = "data", "org_unit"
VALUE, NUMERATOR, DENOMINATOR = "value", "numerator", "denominator"
# The DHIS2 identifiers of a data row, and of a district or desk row; each column is named with the scheme.
DATA_TARGETS = ("data_set", "data_element", "category_option_combo", "attribute_option_combo")
ORG_UNIT_TARGET = "org_unit"
DESCRIPTION_COLUMNS = ("kind", "indicator", "indicator_name", "unit", "frequency", "source", "cell",
                       "category_options", "quantity", "district", "desk", "place_name")
# DHIS2's dataValueSet CSV columns, in its order (its import reads the header).
CSV_COLUMNS = ("dataelement", "period", "orgunit", "categoryoptioncombo", "attributeoptioncombo", "value",
               "storedby", "timestamp", "comment", "followup")


def mapping_columns(scheme: str) -> list[str]:
    """The mapping file's header for an id scheme: the description, then the DHIS2 identifiers."""
    return [*DESCRIPTION_COLUMNS, *(f"{name}_{scheme}" for name in (*DATA_TARGETS, ORG_UNIT_TARGET))]


def quantities(indicator: Indicator) -> tuple[str, ...]:
    """What is sent of an indicator's cell: its value, or a percent's or ratio's numerator and denominator."""
    return (NUMERATOR, DENOMINATOR) if indicator.has_fraction else (VALUE,)


class ExportRefused(MizanError):
    """The mapping cannot carry the export (unmapped items, or rows that do not fit); nothing was written.

    Exit code 3, as ``load`` refuses a sheet. ``items`` are the plain-words lines, ``details`` the same as data."""

    exit_code = 3

    def __init__(self, message: str, items: list[str], details: list[dict]) -> None:
        super().__init__(message)
        self.items = items
        self.details = details

    def as_dict(self) -> dict:
        return {"refused": str(self), "items": self.items, "details": self.details}


# -- the mapping template ---------------------------------------------------------------------------------


def _options_text(catalogue: Catalogue, cell: str) -> str:
    """A cell's category options in words, e.g. ``age: Adult (18 and over); sex: Female``."""
    parts = parse_cell(cell) or {}
    if not parts:
        return TOTAL_CELL
    names = {category: {option.code: option.name for option in catalogue.categories.get(category, [])}
             for category in parts}
    return "; ".join(f"{category}: {names[category].get(option, option)}" for category, option in parts.items())


def mapping_template_rows(session: Session) -> list[dict[str, str]]:
    """Every row of the mapping template: each (indicator, cell, quantity) of the catalogue, then each
    district and each desk, with the DHIS2 identifiers empty."""
    require(session, "view")
    catalogue = session.catalogue
    rows: list[dict[str, str]] = []
    for indicator in catalogue.indicators.values():
        for cell in catalogue.cells(indicator.code):
            for quantity in quantities(indicator):
                rows.append({"kind": DATA_ROW, "indicator": indicator.code, "indicator_name": indicator.name,
                             "unit": indicator.unit, "frequency": indicator.frequency, "source": indicator.source,
                             "cell": cell, "category_options": _options_text(catalogue, cell), "quantity": quantity})
    for district in catalogue.districts.values():
        rows.append({"kind": ORG_UNIT_ROW, "district": district.code, "place_name": district.name})
    for code, name, district in session.db.execute(
            "SELECT code, name, district FROM desks WHERE deleted = 0 ORDER BY district, code"):
        rows.append({"kind": ORG_UNIT_ROW, "district": district, "desk": code, "place_name": name})
    return rows


def write_mapping_template(session: Session, path: str | Path, scheme: str = "uid") -> int:
    """Write the mapping template (CSV, UTF-8 with a BOM for Excel) to ``path``; returns its rows."""
    if scheme not in ID_SCHEMES:
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "The id scheme is uid or code, not {scheme}."), scheme=repr(scheme)))
    rows = mapping_template_rows(session)
    columns = mapping_columns(scheme)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([csv_field(row.get(column, "")) for column in columns])
    write_atomically(Path(path), buffer.getvalue().encode("utf-8-sig"))
    return len(rows)


# -- reading a filled mapping --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Target:
    """Where one (indicator, cell, quantity) goes in DHIS2. Empty combos mean DHIS2's default."""

    data_set: str
    data_element: str
    category_option_combo: str
    attribute_option_combo: str


@dataclass
class Mapping:
    """A filled mapping file: the id scheme its columns name, the data rows and the org units."""

    scheme: str
    data: dict[tuple[str, str, str], Target] = field(default_factory=dict)
    org_units: dict[tuple[str, str], str] = field(default_factory=dict)  # (district, desk or "") -> id


def read_mapping(catalogue: Catalogue, path: str | Path) -> Mapping:
    """Read a mapping file made by :func:`write_mapping_template` and filled in.

    Refuses (:class:`ExportRefused`, every problem listed) a row that names something the catalogue does not
    have, a quantity Mizan does not send (a percent's value), a row given twice, and two rows sent to the
    same DHIS2 data element, category option combo and attribute option combo (DHIS2 would keep one of
    the two figures)."""
    path = Path(path)
    try:
        # As `load` reads a sheet: whatever encoding and separator the spreadsheet program saved it with.
        text = decode_csv(path.read_bytes()).text
    except OSError as error:
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "Cannot read the mapping {file}: {reason}"), file=str(path), reason=error.strerror or str(error))) from error
    except UnicodeDecodeError as error:
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "The mapping {file} is not UTF-8 text; save it as CSV UTF-8."), file=str(path))) from error
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=csv_separator(text, mapping_columns("uid")[:4]))
    header = [name.strip() for name in reader.fieldnames or []]
    scheme = next((s for s in ID_SCHEMES if set(mapping_columns(s)) <= set(header)), None)
    if scheme is None:
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "{file} is not a DHIS2 mapping: it needs the columns of `dhis2 mapping-template` ({columns})."), file=str(path), columns=", ".join(mapping_columns("uid"))))
    mapping = Mapping(scheme)
    problems: list[str] = []
    seen: dict[tuple, int] = {}
    destinations: dict[tuple[str, str, str], int] = {}
    for number, raw in enumerate(reader, start=2):
        row = {(key or "").strip(): csv_text((value or "").strip()) for key, value in raw.items() if isinstance(value, str)}
        kind = row.get("kind", "")
        if kind == DATA_ROW:
            key = (row.get("indicator", ""), row.get("cell", ""), row.get("quantity", ""))
            indicator = catalogue.indicators.get(key[0])
            if indicator is None or key[1] not in catalogue.cells(key[0]):
                problems.append(say("errors", QT_TRANSLATE_NOOP("errors", "row {row}: {indicator} {cell} is not an indicator and cell of the catalogue."), row=number, indicator=key[0], cell=key[1]))
                continue
            if key[2] not in quantities(indicator):
                problems.append(
                    say("errors", QT_TRANSLATE_NOOP("errors", "row {row}: {indicator} is sent as its numerator and denominator, not {quantity}: DHIS2 would add or average a percent or a ratio."), row=number, indicator=key[0], quantity=repr(key[2]))
                    if indicator.has_fraction else
                    say("errors", QT_TRANSLATE_NOOP("errors", "row {row}: {indicator} is sent as its value, not {quantity}."), row=number, indicator=key[0], quantity=repr(key[2])))
                continue
            target = Target(*(row.get(f"{name}_{scheme}", "") for name in DATA_TARGETS))
        elif kind == ORG_UNIT_ROW:
            key = (row.get("district", ""), row.get("desk", ""))
            if key[0] not in catalogue.districts:
                problems.append(say("errors", QT_TRANSLATE_NOOP("errors", "row {row}: {district} is not a district of the catalogue."), row=number, district=repr(key[0])))
                continue
        else:
            problems.append(say("errors", QT_TRANSLATE_NOOP("errors", "row {row}: kind is data or org_unit, not {kind}."), row=number, kind=repr(kind)))
            continue
        if (kind, key) in seen:
            problems.append(say("errors", QT_TRANSLATE_NOOP("errors", "row {row} repeats row {first}; keep one."), row=number, first=seen[(kind, key)]))
            continue
        seen[(kind, key)] = number
        if kind == ORG_UNIT_ROW:
            if row.get(f"{ORG_UNIT_TARGET}_{scheme}"):
                mapping.org_units[key] = row[f"{ORG_UNIT_TARGET}_{scheme}"]
            continue
        if not target.data_element:
            continue  # not mapped: the export lists it if it has a value to send
        destination = (target.data_element, target.category_option_combo, target.attribute_option_combo)
        if destination in destinations:
            problems.append(say("errors", QT_TRANSLATE_NOOP("errors", "row {row} goes to the same data element and option combos as row {first}: DHIS2 would keep only one of the two figures."), row=number, first=destinations[destination]))
            continue
        destinations[destination] = number
        mapping.data[key] = target
    if problems:
        raise ExportRefused(say("errors", QT_TRANSLATE_NOOP("errors", "{count} problem(s) in the mapping {file}; nothing was written."), count=len(problems), file=str(path)),
                            problems, [{"problem": problem} for problem in problems])
    return mapping


# -- the figures that may leave ------------------------------------------------------------------------------


def export_periods(period: str | None = None, year: int | None = None) -> list[str]:
    """The periods an export covers: one period, or every month, quarter and the year of ``year``."""
    if (period is None) == (year is None):
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "Say which figures to export: --period P or --year Y (one of them).")))
    if period is not None:
        if parse_period(period) is None:
            raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "{period} is not a period; write it like 2026-10, 2026Q4 or 2026."), period=repr(period)))
        return [period]
    assert year is not None
    return [code for frequency in ("monthly", "quarterly", "annual") for code in periods_in_year(frequency, year)]


def _desk_relations(catalogue: Catalogue) -> tuple[list[Relation], Callable[[dict], dict], tuple]:
    """The additive relations a reader of the desk indicators of one district and month knows, a function
    giving the never-sent counts they involve from the sent ones, and those of them a reader can guess.

    Keys are (indicator, cell, quantity) for what is sent. POL-10's denominator is POL-09's clients; clients
    with an unknown sex or age are in POL-09's total but in no cell (so are applicants of unknown sex in
    POL-12's); POL-13 counts POL-12's requests of the services that have a standard."""
    def key(code: str, cell: str = TOTAL_CELL, quantity: str = VALUE) -> tuple:
        return (code, cell, quantity)

    def has_standard(cell: str) -> bool:
        service = catalogue.pkm_services.get((parse_cell(cell) or {}).get("pkm_service", ""))
        return service is not None and service.standard_hours is not None

    clients, requests = key("POL-09"), key("POL-12")
    referred, known, quick = key("POL-10", quantity=NUMERATOR), key("POL-11", quantity=DENOMINATOR), key("POL-11", quantity=NUMERATOR)
    completed, within = key("POL-13", quantity=DENOMINATOR), key("POL-13", quantity=NUMERATOR)
    client_cells = [key("POL-09", cell) for cell in catalogue.cells("POL-09")[1:]]
    standard_cells = [key("POL-12", cell) for cell in catalogue.cells("POL-12")[1:] if has_standard(cell)]
    other_cells = [key("POL-12", cell) for cell in catalogue.cells("POL-12")[1:] if not has_standard(cell)]
    loose_clients, loose_standard, loose_other = ("clients in no cell",), ("requests in no cell, with a standard",), ("requests in no cell, without",)
    not_referred, not_quick, undated, late = ("not referred",), ("not quick",), ("no incident date",), ("not within",)
    relations = [
        Relation(clients, (*client_cells, loose_clients)),
        Relation(key("POL-10", quantity=DENOMINATOR), (clients,)),  # the same clients
        Relation(clients, (referred, not_referred)),
        Relation(known, (quick, not_quick)),
        Relation(clients, (known, undated)),
        Relation(requests, (*standard_cells, *other_cells, loose_standard, loose_other)),
        Relation(completed, (*standard_cells, loose_standard)),
        Relation(completed, (within, late)),
    ]

    def unsent(sent: dict) -> dict:
        in_standard_cells = sum(sent[cell] for cell in standard_cells)
        return {
            loose_clients: sent[clients] - sum(sent[cell] for cell in client_cells),
            not_referred: sent[clients] - sent[referred],
            not_quick: sent[known] - sent[quick],
            undated: sent[clients] - sent[known],
            loose_standard: sent[completed] - in_standard_cells,
            loose_other: sent[requests] - sent[completed] - sum(sent[cell] for cell in other_cells),
            late: sent[completed] - sent[within],
        }

    return relations, unsent, (loose_clients, loose_standard, loose_other)


def _desk_rows(session: Session, periods: list[str]) -> tuple[list[dict], int]:
    """The desk indicators of every district with desk records, for each month of ``periods`` that has
    ended, protected: (rows as :func:`list_indicator_values` gives them, cells hidden and so not sent)."""
    catalogue = session.catalogue
    desk_codes = [indicator.code for indicator in catalogue.indicators_for(source="desk_register")]
    if not desk_codes:
        return [], 0
    frequencies = {catalogue.indicators[code].frequency for code in desk_codes}
    ended = [code for code in periods if (parsed := parse_period(code)) is not None
             and parsed.frequency in frequencies and parsed.end < today()]
    districts = sorted(row[0] for row in session.db.execute(
        "SELECT DISTINCT district FROM desk_cases WHERE deleted = 0 UNION "
        "SELECT DISTINCT district FROM pkm_requests WHERE deleted = 0"))
    if not session.is_centre:
        districts = [district for district in districts if district == session.district]
    relations, unsent, guessable = _desk_relations(catalogue)
    rows: list[dict] = []
    hidden_count = 0
    for district in districts:
        for period in ended:
            figures = [figure for figure in desk_indicator_values(session, district, period)
                       if catalogue.indicators[figure["indicator"]].frequency == parse_period(period).frequency]
            sent = {(figure["indicator"], figure["cell"], quantity): int(figure[quantity] or 0)
                    for figure in figures for quantity in quantities(catalogue.indicators[figure["indicator"]])}
            values = {**sent, **unsent(sent)}
            # Cases in no cell (an unknown sex or age) are not sent, but a reader may well guess there are none:
            # they count as published, so the cells beside them are protected as if they were.
            protection = protect(values, relations, shown=[*sent, *guessable])
            hidden_count += len(protection.hidden & sent.keys())
            for figure in figures:
                row = {name: figure.get(name) for name in VALUE_KEYS}
                for quantity in quantities(catalogue.indicators[figure["indicator"]]):
                    if (figure["indicator"], figure["cell"], quantity) in protection.hidden:
                        row[quantity] = None  # never sent: not even as "<5"
                rows.append(row)
    return rows, hidden_count


@dataclass
class Figures:
    """What an export may send: stored values and protected desk figures, and what was kept back."""

    rows: list[dict]
    suppressed: int = 0
    desk_left_out: bool = False


def export_figures(session: Session, periods: list[str], approved_only: bool = False) -> Figures:
    """The figures of ``periods`` that may leave: every stored value (with ``approved_only``, of approved data
    sets only) and, without ``approved_only``, the desk indicators as protected aggregates."""
    require(session, "view")
    catalogue = session.catalogue
    approved = approved_data_sets(session) if approved_only else None
    rows = []
    for period in periods:
        for row in list_indicator_values(session, period=period):
            indicator = catalogue.indicators.get(row["indicator"])
            if indicator is None or indicator.source != "entry":
                continue  # a code the catalogue no longer has; desk figures are computed below, never stored
            if approved is not None and (row["district"], indicator.institution, row["period"]) not in approved:
                continue
            rows.append(row)
    if approved_only:
        return Figures(rows, 0, desk_left_out=True)
    desk, hidden = _desk_rows(session, periods)
    return Figures(rows + desk, hidden)


# -- DHIS2's data values --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DataValue:
    """One DHIS2 data value: where it goes (identifiers from the mapping), its period, figure and comment."""

    data_set: str
    data_element: str
    category_option_combo: str
    attribute_option_combo: str
    org_unit: str
    period: str  # Mizan's period code; each format writes it in its own form
    value: str
    comment: str


@cache  # a few periods, tens of thousands of values
def dhis2_period(code: str) -> str:
    """A Mizan period in dataValueSets form: ``2026-10`` -> ``202610``; ``2026Q4`` and ``2026`` stay."""
    parsed = parse_period(code)
    assert parsed is not None
    return code.replace("-", "") if parsed.frequency == "monthly" else code


@cache
def adx_period(code: str) -> str:
    """A Mizan period in ADX form: ``2026-10`` -> ``2026-10-01/P1M``, ``2026Q4`` -> ``2026-10-01/P3M``."""
    parsed = parse_period(code)
    assert parsed is not None
    return f"{parsed.start.isoformat()}/{ADX_DURATIONS[parsed.frequency]}"


def period_from_dhis2(text: str) -> str | None:
    """The Mizan period of a dataValueSets or ADX period (None when it is neither)."""
    if "/" in text:
        start, _, duration = text.partition("/")
        frequency = {v: k for k, v in ADX_DURATIONS.items()}.get(duration)
        try:
            day = dt.date.fromisoformat(start)
        except ValueError:
            return None
        code = {"monthly": f"{day.year:04d}-{day.month:02d}", "quarterly": f"{day.year:04d}Q{(day.month + 2) // 3}",
                "annual": f"{day.year:04d}"}.get(frequency or "")
        return code if code and parse_period(code) and adx_period(code) == text else None
    if len(text) == 6 and text.isdigit():
        text = f"{text[:4]}-{text[4:]}"
    return text if parse_period(text) else None


def figure_text(number: float | int) -> str:
    """A figure as DHIS2 and ADX's ``xs:decimal`` read it: ``12``, not ``12.0``; a fraction in Python's shortest
    exact form, never with an exponent (``0.00001``, not ``1e-05``)."""
    number = float(number)
    if number.is_integer():
        return str(int(number))
    return format(Decimal(repr(number)), "f")


@dataclass
class Unmapped:
    """What has no DHIS2 identifier, with how many values each would have carried, and how many values in
    all are left without one (a value may lack both its data element and its org unit)."""

    counts: dict[tuple, int] = field(default_factory=dict)
    values: int = 0

    def add(self, key: tuple) -> None:
        self.counts[key] = self.counts.get(key, 0) + 1

    def lines(self) -> list[str]:
        """Each unmapped item in words, in a stable order."""
        return [_unmapped_line(key, count) for key, count in sorted(self.counts.items())]

    def details(self) -> list[dict]:
        return [_unmapped_detail(key, count) for key, count in sorted(self.counts.items())]


def _unmapped_line(key: tuple, count: int) -> str:
    if key[0] == ORG_UNIT_ROW:
        return say("errors", QT_TRANSLATE_NOOP("errors", "district {district}: no org unit ({count} value(s))"), district=key[1], count=count)
    _, missing, indicator, cell, quantity = key
    if missing == "data_set":
        return say("errors", QT_TRANSLATE_NOOP("errors", "{indicator} {cell} {quantity}: no data set, which ADX needs ({count} value(s))"), indicator=indicator, cell=cell, quantity=quantity, count=count)
    return say("errors", QT_TRANSLATE_NOOP("errors", "{indicator} {cell} {quantity}: no data element ({count} value(s))"), indicator=indicator, cell=cell, quantity=quantity, count=count)


def _unmapped_detail(key: tuple, count: int) -> dict:
    if key[0] == ORG_UNIT_ROW:
        return {"kind": ORG_UNIT_ROW, "district": key[1], "missing": ORG_UNIT_TARGET, "values": count}
    _, missing, indicator, cell, quantity = key
    return {"kind": DATA_ROW, "indicator": indicator, "cell": cell, "quantity": quantity, "missing": missing,
            "values": count}


def data_values(catalogue: Catalogue, rows: Iterable[dict], mapping: Mapping, fmt: str
                ) -> tuple[list[DataValue], Unmapped]:
    """The DHIS2 data values of Mizan's figures through ``mapping``, and what the mapping lacks.

    A quantity with no figure (a hidden desk cell, a percent without its numerator) is not a value."""
    sent: list[DataValue] = []
    unmapped = Unmapped()
    for row in rows:
        indicator = catalogue.indicators[row["indicator"]]
        for quantity in quantities(indicator):
            amount = row.get(quantity)
            if amount is None:
                continue
            target = mapping.data.get((indicator.code, row["cell"], quantity))
            org_unit = mapping.org_units.get((row["district"], ""))
            missing = []
            if target is None:
                missing.append((DATA_ROW, "data_element", indicator.code, row["cell"], quantity))
            elif fmt == "adx" and not target.data_set:
                missing.append((DATA_ROW, "data_set", indicator.code, row["cell"], quantity))
            if org_unit is None:
                missing.append((ORG_UNIT_ROW, row["district"]))
            for item in missing:
                unmapped.add(item)
            if missing:
                unmapped.values += 1
            else:
                assert target is not None and org_unit is not None
                sent.append(DataValue(target.data_set, target.data_element, target.category_option_combo,
                                      target.attribute_option_combo, org_unit, row["period"], figure_text(amount),
                                      (row.get("comment") or "").strip()))
    sent.sort(key=lambda v: (v.period, v.org_unit, v.data_set, v.attribute_option_combo, v.data_element,
                             v.category_option_combo))
    return sent, unmapped


# -- the three formats ----------------------------------------------------------------------------------------


def adx_bytes(values: list[DataValue], exported: str) -> bytes:
    """An ADX message: a ``group`` per org unit, period, data set and attribute option combo, a ``dataValue``
    per value. The category option combo travels as the ``categoryOptionCombo`` attribute and a comment as
    ``comment`` (DHIS2 reads both; its ``annotation`` element would replace the value)."""
    def tag(name: str) -> str:
        return f"{{{ADX_NAMESPACE}}}{name}"

    root = ElementTree.Element(tag("adx"), {"exported": exported})
    groups: dict[tuple, ElementTree.Element] = {}
    for value in values:
        key = (value.org_unit, value.period, value.data_set, value.attribute_option_combo)
        group = groups.get(key)
        if group is None:
            attributes = {"orgUnit": value.org_unit, "period": adx_period(value.period), "dataSet": value.data_set}
            if value.attribute_option_combo:
                attributes["attributeOptionCombo"] = value.attribute_option_combo
            group = groups[key] = ElementTree.SubElement(root, tag("group"), attributes)
        attributes = {"dataElement": value.data_element, "value": value.value}
        if value.category_option_combo:
            attributes["categoryOptionCombo"] = value.category_option_combo
        if value.comment:
            attributes["comment"] = value.comment
        ElementTree.SubElement(group, tag("dataValue"), attributes)
    ElementTree.register_namespace("", ADX_NAMESPACE)
    ElementTree.indent(root)
    buffer = io.BytesIO()
    ElementTree.ElementTree(root).write(buffer, encoding="UTF-8", xml_declaration=True)
    return buffer.getvalue()


def json_bytes(values: list[DataValue], scheme: str) -> bytes:
    """A dataValueSet as DHIS2's ``/api/dataValueSets`` takes it: ``idScheme`` and ``dataValues``."""
    def entry(value: DataValue) -> dict:
        item = {"dataElement": value.data_element, "period": dhis2_period(value.period), "orgUnit": value.org_unit}
        if value.category_option_combo:
            item["categoryOptionCombo"] = value.category_option_combo
        if value.attribute_option_combo:
            item["attributeOptionCombo"] = value.attribute_option_combo
        item["value"] = value.value
        if value.comment:
            item["comment"] = value.comment
        return item

    # One data value a line, each encoded by json (its C encoder: ``indent`` would take the pure-Python one,
    # five times slower over a centre's year); the file stays readable and parses as one object.
    lines = ",\n".join(json.dumps(entry(value), ensure_ascii=False) for value in values)
    return (f'{{"idScheme": {json.dumps(scheme.upper())},\n"dataValues": [\n{lines}\n]}}\n').encode()


def csv_bytes(values: list[DataValue]) -> bytes:
    """A dataValueSet as DHIS2's CSV import reads it (its column names, UTF-8 without a BOM); every text that
    starts like a formula is quoted (:func:`storage.sheets.cells.csv_field`), figures stay numbers."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for value in values:
        figure = float(value.value)
        writer.writerow([csv_field(text) for text in (
            value.data_element, dhis2_period(value.period), value.org_unit, value.category_option_combo,
            value.attribute_option_combo)] + [int(figure) if figure.is_integer() else figure, "", "",
                                              csv_field(value.comment), ""])
    return buffer.getvalue().encode("utf-8")


# -- the export ------------------------------------------------------------------------------------------------


@dataclass
class ExportSummary:
    """What an export wrote and what it kept back."""

    path: str
    format: str
    periods: list[str]
    values: int
    org_units: int
    skipped_unmapped: int
    unmapped: list[str]
    suppressed: int
    desk_left_out: bool

    def as_dict(self) -> dict:
        return {"path": self.path, "format": self.format, "periods": self.periods, "values": self.values,
                "org_units": self.org_units, "skipped_unmapped": self.skipped_unmapped, "unmapped": self.unmapped,
                "suppressed": self.suppressed, "desk_left_out": self.desk_left_out}


def export_dhis2(session: Session, mapping_path: str | Path, out: str | Path, fmt: str, *, period: str | None = None,
                 year: int | None = None, approved_only: bool = False, skip_unmapped: bool = False,
                 exported: str | None = None) -> ExportSummary:
    """Write the figures of ``period`` or ``year`` for DHIS2 to ``out`` as ``fmt`` (adx, json or csv), through
    the mapping file. Refuses (:class:`ExportRefused`, nothing written) when a value has no identifier in the
    mapping, unless ``skip_unmapped``. ``exported``: the ADX message's time (default now, UTC)."""
    require(session, "view")
    if fmt not in FORMATS:
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "The format is adx, json or csv, not {format}."), format=repr(fmt)))
    periods = export_periods(period, year)
    mapping = read_mapping(session.catalogue, mapping_path)
    figures = export_figures(session, periods, approved_only)
    values, unmapped = data_values(session.catalogue, figures.rows, mapping, fmt)
    if unmapped.counts and not skip_unmapped:
        raise ExportRefused(say("errors", QT_TRANSLATE_NOOP("errors", "{count} value(s) have no DHIS2 identifier in the mapping {file}; nothing was written. Fill these in, or leave them out with --skip-unmapped:"), count=unmapped.values, file=str(mapping_path)),
                            unmapped.lines(), unmapped.details())
    if not values:
        raise ExportRefused(say("errors", QT_TRANSLATE_NOOP("errors", "There are no figures of {span} to send; nothing was written."), span=period or str(year)), [], [])
    out = Path(out)
    if fmt == "adx":
        content = adx_bytes(values, exported or dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"))
    elif fmt == "json":
        content = json_bytes(values, mapping.scheme)
    else:
        content = csv_bytes(values)
    write_atomically(out, content)
    return ExportSummary(str(out), fmt, periods, len(values), len({value.org_unit for value in values}),
                         unmapped.values, unmapped.lines(), figures.suppressed, figures.desk_left_out)


# -- reading an export back (the round trip's other half) -------------------------------------------------


def read_export(catalogue: Catalogue, mapping: Mapping, path: str | Path, fmt: str) -> list[dict]:
    """The figures of an export file read back through its mapping, as :func:`list_indicator_values` lists
    values (a percent's value recomputed from its numerator and denominator). For checking an export; a
    value whose identifiers the mapping does not know raises ``UsageError``."""
    data = {(t.data_element, t.category_option_combo, t.attribute_option_combo): key for key, t in mapping.data.items()}
    places = {identifier: district for (district, desk), identifier in mapping.org_units.items() if not desk}
    raw = Path(path).read_bytes()
    found: list[tuple[str, str, str, str, str, str, str, str]] = []  # de, coc, aoc, ou, period, value, comment, ds
    if fmt == "adx":
        root = ElementTree.fromstring(raw)
        for group in root.iter(f"{{{ADX_NAMESPACE}}}group"):
            for value in group.iter(f"{{{ADX_NAMESPACE}}}dataValue"):
                found.append((value.get("dataElement", ""), value.get("categoryOptionCombo", ""),
                              group.get("attributeOptionCombo", ""), group.get("orgUnit", ""), group.get("period", ""),
                              value.get("value", ""), value.get("comment", ""), group.get("dataSet", "")))
    elif fmt == "json":
        for value in json.loads(raw)["dataValues"]:
            found.append((value["dataElement"], value.get("categoryOptionCombo", ""), value.get("attributeOptionCombo", ""),
                          value["orgUnit"], value["period"], value["value"], value.get("comment", ""), ""))
    else:
        for value in csv.DictReader(io.StringIO(raw.decode("utf-8"), newline="")):
            found.append(tuple(csv_text(value[name]) for name in (
                "dataelement", "categoryoptioncombo", "attributeoptioncombo", "orgunit", "period", "value", "comment"))
                + ("",))
    rows: dict[tuple, dict] = {}
    for element, combo, attribute, org_unit, period_text, figure, comment, _ in found:
        key = data.get((element, combo, attribute))
        district = places.get(org_unit)
        period = period_from_dhis2(period_text)
        if key is None or district is None or period is None:
            raise UsageError(f"{path}: {element} {combo} {attribute} {org_unit} {period_text} is not in the mapping")
        indicator, cell, quantity = key
        row = rows.setdefault((indicator, district, period, cell), {
            "indicator": indicator, "district": district, "period": period, "cell": cell, "value": None,
            "numerator": None, "denominator": None, "comment": comment or None})
        row[quantity] = float(figure)
    for row in rows.values():
        indicator = catalogue.indicators[row["indicator"]]
        if indicator.has_fraction and row["numerator"] is not None and row["denominator"]:
            row["value"] = compute_value(indicator, row["numerator"], row["denominator"])
    return [rows[key] for key in sorted(rows)]
