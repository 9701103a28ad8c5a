"""Rules that compare indicators (resources/rules.csv): the grammar, every shipped rule failing and passing at
save, the load naming the other row, ``validate``, and the demo passing every rule."""

from __future__ import annotations

import csv
import datetime as dt
import json
import random
import shutil
from pathlib import Path

import pytest

from main import main
from storage.core.catalogues import active_catalogue, catalogue_files, store_catalogue
from storage.errors import UsageError, ValidationFailed
from storage.records.catalogue_admin import load_catalogue_folder
from storage.records.values import list_indicator_values, save_indicator_values
from storage.reference.catalogue import load_catalogue, parse_catalogue, shipped_files
from storage.reference.periods import period_containing, shift
from storage.reference.rules import RuleSyntaxError, parse_expression, parse_rules
from storage.sheets.values import load_values
from storage.tools.demo import generate_demo
from storage.tools.revalidate import revalidate
from storage.validation import ValueContext, ValueInput, check_values
from sync.importer import import_bundles
from tests.conftest import SUPERVISOR_PASSWORD, table_counts
from tests.sync_helpers import export_to, make_pair
from tests.templates import sign_in
from tests.test_validation_rules import refused

LAST_MONTH = shift(period_containing("monthly", dt.date.today()), -1)
LAST_QUARTER = shift(period_containing("quarterly", dt.date.today()), -1)
EXPECTED_TOKEN = "expected a number, an indicator, a cell in [ ], '+', '-' or '.'"
HEADER = "code,left,operator,right,severity,period_type,missing_value_strategy,message,message_ur\n"


def count(indicator: str, figure: object, cell: str = "total", period: str = LAST_MONTH,
          comment: str | None = None) -> ValueInput:
    return ValueInput(indicator, "QUETTA", period, cell, value=figure, comment=comment)


def fraction(indicator: str, numerator: object, denominator: object, period: str = LAST_MONTH) -> ValueInput:
    return ValueInput(indicator, "QUETTA", period, "total", numerator=numerator, denominator=denominator)


# -- the grammar ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "error"), [
    ("", "where: expected a number or an indicator such as POL-03[total] at position 1, found the end"),
    ("POL-03", "where: expected '[' and a cell such as [total] at position 7, found the end"),
    ("POL-03[total] +", "where: expected a number or an indicator such as POL-03[total] at position 16, found the end"),
    ("POL-03[total] * 2", f"where: {EXPECTED_TOKEN} at position 15, found '*'"),
    ("POL-03[total] POL-01[total]", "where: expected '+', '-' or the end at position 15, found 'POL-01'"),
    ("POL-99[total]", "where: unknown indicator 'POL-99' at position 1"),
    ("POL-03.numerator[total]", "where: POL-03 is a count and has no numerator (position 8)"),
    ("PRO-04.rate[total]", "where: expected 'numerator' or 'denominator' at position 8, found 'rate'"),
    ("POL-03[sex=other]", "where: expected 'total', '*' or a cell of POL-03 such as [age=adult;sex=transgender] "
                          "at position 7, found '[sex=other]'"),
    ("PRO-01[*]", "where: PRO-01 has no cells but its total, so [*] names nothing (position 7)"),
    ("__import__('os')", f"where: {EXPECTED_TOKEN} at position 1, found '_'"),
    ("POL_03[total]; import os", f"where: {EXPECTED_TOKEN} at position 14, found ';'"),
    ("1 + eval[total]", "where: unknown indicator 'eval' at position 5"),
])
def test_the_parser_refuses_anything_outside_its_grammar_naming_the_position(text, error):
    with pytest.raises(RuleSyntaxError) as caught:
        parse_expression(text, load_catalogue(), "where")
    assert str(caught.value) == error


def test_the_grammar_reads_sums_parts_and_cells():
    catalogue = load_catalogue()
    expression = parse_expression("PRO-04.numerator[total] + PRO-05.numerator[ total ] - 2", catalogue)
    assert [(term.sign, term.indicator, term.part, term.cells, term.constant) for term in expression.terms] == [
        (1, "PRO-04", "numerator", ("total",), None), (1, "PRO-05", "numerator", ("total",), None),
        (-1, None, "value", (), 2.0)]
    undertrial = parse_expression("PRS-01[detention=undertrial]", catalogue).terms[0].cells
    assert len(undertrial) == 6 and all("detention=undertrial" in cell for cell in undertrial)
    assert parse_expression("POL-03[*]", catalogue).terms[0].cells == tuple(catalogue.cells("POL-03")[1:])
    assert parse_expression("POL-03[sex=male;age=adult]", catalogue).terms[0].cells == ("age=adult;sex=male",)


def rules_file(*rows: str) -> str:
    return HEADER + "".join(row + "\n" for row in rows)


@pytest.mark.parametrize(("row", "error"), [
    ("R1,POL-03[total],=<,POL-01[total],error,monthly,skip_if_any_missing,m,م",
     "rules.csv row 2: expected operator to be one of <=, <, ==, >=, >, !=, found '=<'"),
    ("R1,POL-03[total],<=,POL-01[total],fatal,monthly,skip_if_any_missing,m,م",
     "rules.csv row 2: expected severity to be one of error, warning, found 'fatal'"),
    ("R1,POL-03[total],<=,POL-01[total],error,monthly,skip_if_all_missing,m,م",
     "rules.csv row 2: expected missing_value_strategy to be one of skip_if_any_missing, never_skip, found 'skip_if_all_missing'"),
    ("R1,POL-03[total],<=,POL-06[total],error,monthly,skip_if_any_missing,m,م",
     "rules.csv row 2: POL-06 is quarterly, but the rule's period_type is monthly"),
    ("R1,1,<=,2,error,monthly,skip_if_any_missing,m,م",
     "rules.csv row 2: the rule compares numbers only; name an indicator on one side"),
    ("R1,POL-03[total],<=,POL-01[totl],error,monthly,skip_if_any_missing,m,م",
     "rules.csv row 2 (right): expected 'total', '*' or a cell of POL-01 such as [offence_group=other] at "
     "position 7, found '[totl]'"),
])
def test_a_rules_file_is_refused_naming_its_row(row, error):
    with pytest.raises(RuleSyntaxError) as caught:
        parse_rules(rules_file(row), load_catalogue())
    assert str(caught.value) == error


def test_a_catalogue_with_a_bad_rule_is_refused_and_the_urdu_message_is_read_in_urdu():
    files = {**shipped_files(), "rules.csv": rules_file("R1,POL-03[total,<=,POL-01[total],error,monthly,"
                                                        "skip_if_any_missing,m,م")}
    with pytest.raises(ValueError, match=r"rules.csv row 2 \(left\): expected .* at position 7, found '\['"):
        parse_catalogue(files, "en")
    urdu = parse_catalogue(shipped_files(), "ur")
    english = parse_catalogue(shipped_files(), "en")
    assert [rule.code for rule in urdu.rules] == [rule.code for rule in english.rules]
    assert urdu.rules[0].message != english.rules[0].message and "POL-03" in urdu.rules[0].message


def test_never_skip_counts_a_missing_figure_as_zero_and_skip_if_any_missing_waits():
    catalogue = load_catalogue()
    text = rules_file("NS,POL-08[total],<=,POL-01[total],error,monthly,never_skip,m,م",
                      "SK,POL-08[total],<=,POL-01[total],error,monthly,skip_if_any_missing,m,م")
    never, skip = parse_rules(text, catalogue)
    only_vaw = {("POL-08", "total"): (3, None, None)}.get
    assert never.judge(lambda indicator, cell: only_vaw((indicator, cell))) == (3.0, 0.0)
    assert skip.judge(lambda indicator, cell: only_vaw((indicator, cell))) is None
    both = {("POL-08", "total"): (3, None, None), ("POL-01", "total"): (3.0000000001, None, None)}.get
    assert never.judge(lambda indicator, cell: both((indicator, cell))) is None


# -- every shipped rule, failing and passing, at save --------------------------------------------------------

# Per shipped rule: figures saved first, the figure that then breaks the rule, and one that keeps it.
SHIPPED_EXAMPLES = {
    "POL-ARRESTEES": ([count("POL-03", 40)], fraction("POL-05", 30, 41), fraction("POL-05", 30, 40)),
    "POL-VAW-FIRS": ([count("POL-01", 100)], count("POL-08", 101), count("POL-08", 9)),
    "POL-SERIOUS-FIRS": ([count("POL-01", 100)], fraction("POL-14", 10, 120), fraction("POL-14", 10, 20)),
    "PRO-DECIDED-ACQUITTALS": ([fraction("PRO-04", 10, 50)], fraction("PRO-05", 10, 51), fraction("PRO-05", 10, 50)),
    "PRO-DECIDED-WITHDRAWN": ([fraction("PRO-04", 10, 50)], fraction("PRO-06", 3, 49), fraction("PRO-06", 3, 50)),
    "PRO-OUTCOMES": ([fraction("PRO-04", 20, 50), fraction("PRO-05", 25, 50)], fraction("PRO-06", 6, 50),
                     fraction("PRO-06", 5, 50)),
    "PRS-UNSENTENCED": ([count("PRS-01", 500)], fraction("PRS-02", 501, 600), fraction("PRS-02", 300, 500)),
    "PRS-UNDERTRIAL": ([count("PRS-01", 100, f"age={age};detention={detention};sex={sex}")
                        for age in ("adult", "under18") for detention in ("undertrial", "convicted")
                        for sex in ("female", "male", "transgender")],
                       fraction("PRS-02", 60, 600), fraction("PRS-02", 600, 600)),
    "PRS-ALL-PRISONERS": ([count("PRS-01", 500)], fraction("PRS-02", 300, 600), fraction("PRS-02", 300, 500)),
    "PRS-OCCUPANCY": ([count("PRS-01", 500)], fraction("PRS-04", 510, 400), fraction("PRS-04", 500, 400)),
    "POL-TRAINED": ([count("POL-06", 50, period=LAST_QUARTER)], count("POL-07", 51, period=LAST_QUARTER),
                    count("POL-07", 50, period=LAST_QUARTER)),
}


def test_every_shipped_rule_has_an_example():
    assert sorted(SHIPPED_EXAMPLES) == sorted(rule.code for rule in load_catalogue().rules)


@pytest.mark.parametrize("code", sorted(SHIPPED_EXAMPLES))
def test_every_shipped_rule_fails_and_passes_at_save(supervisor, code):
    rule = next(rule for rule in supervisor.catalogue.rules if rule.code == code)
    first, breaking, keeping = SHIPPED_EXAMPLES[code]
    save_indicator_values(supervisor, [ValueInput(**{**vars_of(value), "comment": "given"}) for value in first])
    if rule.severity == "error":
        found = [(rule_code, message) for rule_code, message in refused(supervisor, [breaking])
                 if f"({code}: " in message]  # (PRS-02 over 600 prisoners of 500 also breaks PRS-ALL-PRISONERS)
        assert [rule_code for rule_code, _ in found] == ["IV_RULE"]
        assert found[0][1].startswith("This figure conflicts with ") and rule.message in found[0][1]
        assert f"({code}: {rule.left.text} is " in found[0][1]
    else:
        with pytest.raises(ValidationFailed) as caught:  # a warning: saved with a comment, or to check later
            save_indicator_values(supervisor, [breaking])
        assert [found.rule for found in caught.value.issues] == ["IV_RULE_WARNING"]
        assert caught.value.issues[0].message.endswith("If both are right, add a comment saying why.")
    report = save_indicator_values(supervisor, [keeping])
    assert report.warnings == [] and report.new == 1


def vars_of(value: ValueInput) -> dict:
    return {name: getattr(value, name) for name in ValueInput.__slots__}


def test_the_message_names_the_other_figure_and_the_figures_that_disagree(supervisor):
    save_indicator_values(supervisor, [count("POL-03", 40)])
    assert refused(supervisor, [fraction("POL-05", 30, 41)]) == [(
        "IV_RULE",
        "This figure conflicts with POL-03[total]: The arrestees behind POL-05 (produced before a magistrate) cannot "
        "be more than the persons arrested (POL-03). (POL-ARRESTEES: POL-05.denominator[total] is 41, "
        "POL-03[total] is 40.)")]
    # The other way round: the stored POL-05 refuses a smaller POL-03, naming POL-05.
    save_indicator_values(supervisor, [fraction("POL-05", 30, 40)])
    found = refused(supervisor, [count("POL-03", 39)])
    assert found[0][1].startswith("This figure conflicts with POL-05.denominator[total]: ")
    # Both corrected at once in one batch: saved.
    save_indicator_values(supervisor, [count("POL-03", 30), fraction("POL-05", 20, 30)])
    assert {row["indicator"]: row["value"] for row in list_indicator_values(supervisor, LAST_MONTH)} == {
        "POL-03": 30, "POL-05": pytest.approx(66.67)}


def test_a_warning_rule_is_saved_with_a_comment(supervisor):
    save_indicator_values(supervisor, [count("PRS-01", 500)])
    value = fraction("PRS-04", 510, 400)
    value.comment = "ten prisoners moved in on the last day"
    report = save_indicator_values(supervisor, [value])
    assert [found.rule for found in report.warnings] == ["IV_RULE_WARNING"]
    assert report.warnings[0].check == "PRS-OCCUPANCY"
    assert report.warnings[0].others == (("PRS-01", "total", report.warnings[0].others[0][2]),)
    assert report.warnings[0].others[0][2].startswith("This figure conflicts with PRS-04.numerator[total]: ")


# -- the demo, validate ------------------------------------------------------------------------------------


def test_the_demo_passes_every_rule_and_a_mutated_value_is_caught_by_validate(supervisor):
    generate_demo(supervisor, seed=11, months=4, until=LAST_MONTH)
    found = revalidate(supervisor)
    assert [problem for problem in found if problem["rule"].startswith("IV_RULE")] == []
    decided = supervisor.db.execute("SELECT denominator FROM indicator_values WHERE indicator = 'PRO-04' "
                                    "AND period = ?", [LAST_MONTH]).fetchone()[0]
    with supervisor.write() as db:  # as if the file had been changed behind the application's back
        db.execute("UPDATE indicator_values SET denominator = ? WHERE indicator = 'PRO-05' AND period = ?",
                   [decided + 1, LAST_MONTH])
    broken = [problem for problem in revalidate(supervisor) if problem["rule"].startswith("IV_RULE")]
    assert [(problem["record"], problem["check"]) for problem in broken] == [
        (f"PRO-04 QUETTA {LAST_MONTH} total", "PRO-DECIDED-ACQUITTALS"),
        (f"PRO-05 QUETTA {LAST_MONTH} total", "PRO-DECIDED-ACQUITTALS")]
    assert broken[0]["message"].startswith("This figure conflicts with PRO-05.denominator[total]: ")
    assert (f"(PRO-DECIDED-ACQUITTALS: PRO-05.denominator[total] is {decided + 1}, PRO-04.denominator[total] is "
            f"{decided}.)") in broken[0]["message"]


def write_sheet(path: Path, rows: list[list]) -> Path:
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["indicator", "district", "period", "cell", "value", "numerator", "denominator", "comment"])
        writer.writerows(rows)
    return path


def test_load_refuses_both_rows_each_naming_the_other_row(supervisor, tmp_path):
    sheet = write_sheet(tmp_path / "month.csv", [
        ["POL-03", "QUETTA", LAST_MONTH, "total", 40, "", "", ""],
        ["PRO-01", "QUETTA", LAST_MONTH, "total", 7, "", "", ""],
        ["POL-05", "QUETTA", LAST_MONTH, "total", "", 30, 41, ""],
    ])
    before = table_counts(supervisor)
    report = load_values(supervisor, sheet)
    assert table_counts(supervisor) == before
    assert [(found.row, found.rule, found.message.split(":")[0]) for found in report.problems] == [
        (2, "IV_RULE", "This figure conflicts with POL-05.denominator[total] (row 4)"),
        (4, "IV_RULE", "This figure conflicts with POL-03[total] (row 2)"),
    ]
    # The other figure already stored: the row names it without a row.
    save_indicator_values(supervisor, [count("POL-03", 40)])
    report = load_values(supervisor, write_sheet(tmp_path / "again.csv", [
        ["POL-05", "QUETTA", LAST_MONTH, "total", "", 30, 41, ""]]))
    assert [(found.row, found.message.split(":")[0]) for found in report.problems] == [
        (2, "This figure conflicts with POL-03[total]")]


def test_a_warning_rule_in_a_load_is_saved_to_check_later_and_listed(supervisor, tmp_path):
    report = load_values(supervisor, write_sheet(tmp_path / "prisons.csv", [
        ["PRS-01", "QUETTA", LAST_MONTH, "total", 500, "", "", ""],
        ["PRS-04", "QUETTA", LAST_MONTH, "total", "", 510, 400, ""],
    ]))
    assert report.problems == []
    assert [(found.row, found.rule) for found in report.saved.followup] == [
        (2, "IV_RULE_WARNING"), (3, "IV_RULE_WARNING")]


def test_validate_lists_broken_rules_with_json(district_db, supervisor, monkeypatch, capsys):
    save_indicator_values(supervisor, [count("PRS-01", 500)])
    value = fraction("PRS-04", 510, 400)
    value.comment = "moved in on the last day"
    save_indicator_values(supervisor, [value])
    supervisor.close()
    monkeypatch.setenv("MIZAN_PASSWORD", SUPERVISOR_PASSWORD)
    assert main(["--db", str(district_db), "--user", "sana", "validate", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    # The commented figure's warning was accepted when it was saved; the other figure is still listed.
    assert [(issue["record"], issue["rule"], issue["check"]) for issue in listed["issues"]] == [
        (f"PRS-01 QUETTA {LAST_MONTH} total", "IV_RULE_WARNING", "PRS-OCCUPANCY")]
    assert listed["warnings"] == 1


# -- the centre's import ---------------------------------------------------------------------------------------


def test_at_the_centre_a_figure_that_breaks_a_rule_is_merged_with_a_warning_never_kept_aside(tmp_path):
    pair = make_pair(tmp_path / "pair")
    try:
        period = LAST_MONTH
        save_indicator_values(pair.supervisor, [count("POL-03", 40), fraction("POL-05", 30, 40),
                                                count("PRS-01", 500, comment="counted at midnight")])
        occupancy = fraction("PRS-04", 510, 400)
        occupancy.comment = "ten prisoners moved in on the last day"
        save_indicator_values(pair.supervisor, [occupancy])  # a warning rule, commented: saved at the district
        with pair.supervisor.write() as db:  # an error rule broken behind the application's back
            db.execute("UPDATE indicator_values SET denominator = 41, value = 73.17 WHERE indicator = 'POL-05'")
        bundle = export_to(pair.supervisor, tmp_path / "usb")
        [outcome] = import_bundles(pair.clerk, [bundle])
        assert outcome.status == "imported"
        assert (outcome.counts["new"], outcome.counts["quarantined"]) == (4, 0)
        rule_lines = [line for line in outcome.warnings if "conflicts with" in line]
        assert rule_lines == [
            f"{bundle.name}: district QUETTA, PC 'Quetta DPO', {period}: POL-05 total: This figure conflicts with "
            "POL-03[total]: The arrestees behind POL-05 (produced before a magistrate) cannot be more than the persons "
            "arrested (POL-03). (POL-ARRESTEES: POL-05.denominator[total] is 41, POL-03[total] is 40.)",
            f"{bundle.name}: district QUETTA, PC 'Quetta DPO', {period}: PRS-04 total: This figure conflicts with "
            "PRS-01[total]: The prisoners behind the occupancy (PRS-04) are usually the prison population on the last "
            "day (PRS-01). (PRS-OCCUPANCY: PRS-04.numerator[total] is 510, PRS-01[total] is 500.) If both are right, "
            "add a comment saying why."]
        # Kept with the bundle, and the figures are at the centre.
        stored = pair.clerk.db.execute("SELECT warnings FROM bundles").fetchone()[0]
        assert all(line in json.loads(stored) for line in rule_lines)
        assert {row["indicator"] for row in list_indicator_values(pair.clerk, period=period)} == {
            "POL-03", "POL-05", "PRS-01", "PRS-04"}
    finally:
        pair.close()


# -- the rules travel with the catalogue -----------------------------------------------------------------------

EXAMPLE = Path(__file__).resolve().parent.parent / "docs" / "examples" / "catalogue-v2"


def test_a_catalogue_folder_with_a_bad_rule_is_refused_naming_the_row_and_position(tmp_path):
    pair = make_pair(tmp_path / "pair")
    admin = sign_in(pair.centre_path, "admin")
    try:
        folder = tmp_path / "v2"
        shutil.copytree(EXAMPLE, folder)
        text = (folder / "rules.csv").read_text(encoding="utf-8")
        (folder / "rules.csv").write_text(text.replace("PRS-08[total],<=", "PRS-08[total] +,<="), encoding="utf-8")
        before = table_counts(admin)
        with pytest.raises(UsageError) as refused_load:
            load_catalogue_folder(admin, folder)
        assert str(refused_load.value) == (
            "The catalogue cannot be read: rules.csv row 13 (left): expected a number or an indicator such as "
            "POL-03[total] at position 16, found the end")
        assert table_counts(admin) == before
    finally:
        admin.close()
        pair.close()


def test_a_catalogue_stored_before_rules_csv_follows_the_shipped_rules(tmp_path):
    pair = make_pair(tmp_path / "pair")
    try:
        older = {name: text for name, text in shipped_files().items() if name != "rules.csv"}
        older["catalogue_version.txt"] = "2026.12.2\n"
        with pair.clerk.write() as db:
            store_catalogue(db, older, "2026.12.2", "admin", "2026-12-01T00:00:00Z")
        assert catalogue_files(pair.clerk.db)["rules.csv"] == shipped_files()["rules.csv"]
        assert [rule.code for rule in active_catalogue(pair.clerk.db).rules] == [
            rule.code for rule in load_catalogue().rules]
    finally:
        pair.close()


# -- the disaggregation rule, said in the same grammar -----------------------------------------------------------


@pytest.mark.parametrize("seed", range(6))
def test_each_disaggregation_against_its_total_reads_the_same_in_the_grammar(seed):
    """IV_CELLS_SUM, built in for every disaggregated indicator, is ``X[*] == X[total]`` (skip_if_any_missing;
    numerators and denominators for a percent): both give the same verdict on the same complete grid."""
    catalogue = load_catalogue()
    rng = random.Random(seed)
    period = LAST_MONTH
    for code in ("POL-02", "POL-03", "PRS-01", "PRS-02", "POL-05"):
        indicator = catalogue.indicators[code]
        parts = ("numerator", "denominator") if indicator.has_fraction else ("value",)
        text = "\n".join(
            f"S{part},{code}{'' if part == 'value' else '.' + part}[*],==,{code}{'' if part == 'value' else '.' + part}"
            f"[total],error,monthly,skip_if_any_missing,m,م" for part in parts)
        rules = parse_rules(HEADER + text + "\n", catalogue)
        cells = catalogue.cells(code)[1:]
        figures = {cell: (rng.randint(0, 5), rng.randint(5, 9)) for cell in cells}
        total = [sum(pair[0] for pair in figures.values()), sum(pair[1] for pair in figures.values())]
        if rng.random() < 0.6:
            total[rng.randrange(len(parts))] += rng.choice((-1, 1))
        inputs = [ValueInput(code, "QUETTA", period, cell, value=None if indicator.has_fraction else pair[0],
                             numerator=pair[0] if indicator.has_fraction else None,
                             denominator=pair[1] if indicator.has_fraction else None)
                  for cell, pair in figures.items()]
        inputs.append(ValueInput(code, "QUETTA", period, "total", value=None if indicator.has_fraction else total[0],
                                 numerator=total[0] if indicator.has_fraction else None,
                                 denominator=total[1] if indicator.has_fraction else None))
        context = ValueContext(catalogue=catalogue, today=dt.date.today(), own_district="QUETTA")
        built_in = any(found.rule == "IV_CELLS_SUM" for value in check_values(context, inputs, outliers=False)
                       for found in value.issues)
        stored = {(value.indicator, value.cell): (value.value, value.numerator, value.denominator) for value in inputs}
        in_grammar = any(rule.judge(lambda indicator, cell, stored=stored: stored.get((indicator, cell)))
                         for rule in rules)
        assert built_in == in_grammar, (code, figures, total)
