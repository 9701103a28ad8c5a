"""Every rule of the validation engine, failing and passing, through the real entry points.

Each failing example spells out the exact sentence the user reads and checks that nothing was
written. The last test reads this file and fails when a rule code in ``storage.validation.RULES``
is not mentioned here, so a new rule cannot arrive without a test.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import random
import re
import uuid
from pathlib import Path

import pytest
from openpyxl import Workbook

from storage.core.session import create_database, open_session
from storage.errors import ValidationFailed
from storage.records.completion import set_complete
from storage.records.desk import case_identity, save_desk_case, save_pkm_request
from storage.records.targets import list_targets, set_target
from storage.records.users import add_user
from storage.records.values import list_indicator_values, save_indicator_values
from storage.reference.periods import period_containing, shift
from storage.sheets.values import load_values, template_indicators
from storage.validation import RULES, ValueInput, issue
from sync.bundle import RECORD_TYPES, BundleWriter, write_encrypted
from sync.devices import enroll_device
from sync.export import export_bundle, travelling_case_number
from sync.importer import import_bundles
from sync.keys import age_recipient, export_key_file, sign, signing_public_key, trust_centre
from sync.schema import SPECS
from tests.conftest import ADMIN_PASSWORD, SUPERVISOR_PASSWORD, table_counts

TODAY = dt.date.today()
CURRENT_MONTH = period_containing("monthly", TODAY)
LAST_MONTH = shift(CURRENT_MONTH, -1)
HEADER = ["indicator", "district", "period", "cell", "value", "numerator", "denominator", "comment"]


def refused(session, inputs: list[ValueInput]) -> list[tuple[str, str]]:
    """Save ``inputs``, expect ValidationFailed and no write at all; return (rule, message) pairs."""
    before = table_counts(session)
    with pytest.raises(ValidationFailed) as caught:
        save_indicator_values(session, inputs)
    assert table_counts(session) == before
    return [(found.rule, found.message) for found in caught.value.issues]


def stored(session, indicator: str, period: str, district: str = "QUETTA") -> dict[str, dict]:
    """The stored rows of one indicator and period, by cell."""
    return {row["cell"]: row for row in list_indicator_values(session, period=period, district=district)
            if row["indicator"] == indicator}


def count(indicator: str, period: str, value: object, cell: str = "total", district: str = "QUETTA",
          comment: str | None = None) -> ValueInput:
    return ValueInput(indicator, district, period, cell, value=value, comment=comment)


def fraction(indicator: str, period: str, numerator: object, denominator: object, cell: str = "total",
             value: object = None, district: str = "QUETTA") -> ValueInput:
    return ValueInput(indicator, district, period, cell, value=value, numerator=numerator, denominator=denominator)


# -- indicator and district codes -----------------------------------------------------------------------


def test_unknown_and_computed_indicators_are_refused_and_an_entry_indicator_is_saved(operator):
    assert refused(operator, [count("POL-99", LAST_MONTH, 4)]) == [
        ("IV_UNKNOWN_INDICATOR",
         "Indicator 'POL-99' is not in the catalogue. Use a code such as POL-01, as in the template."),
    ]
    assert refused(operator, [count("POL-09", LAST_MONTH, 4)]) == [
        ("IV_COMPUTED_INDICATOR",
         "POL-09 is computed from the desk register and cannot be typed in. Enter desk cases instead."),
    ]
    report = save_indicator_values(operator, [count("POL-01", LAST_MONTH, 4)])
    assert (report.new, report.updated, report.warnings) == (1, 0, [])
    assert stored(operator, "POL-01", LAST_MONTH)["total"]["value"] == 4


def test_unknown_district_and_other_district_are_refused_at_a_district_install(operator):
    assert refused(operator, [count("PRO-01", LAST_MONTH, 7, district="ATLANTIS")]) == [
        ("IV_UNKNOWN_DISTRICT", "District 'ATLANTIS' is not known. Use a district code such as QUETTA."),
    ]
    assert refused(operator, [count("PRO-01", LAST_MONTH, 7, district="PISHIN")]) == [
        ("IV_OTHER_DISTRICT", "This office enters figures for QUETTA, not for 'PISHIN'. Correct the district."),
    ]
    save_indicator_values(operator, [count("PRO-01", LAST_MONTH, 7)])
    assert stored(operator, "PRO-01", LAST_MONTH)["total"]["value"] == 7


# -- periods ---------------------------------------------------------------------------------------------


def test_period_must_fit_the_indicator_frequency(operator, clerk):
    assert refused(operator, [fraction("POL-04", "2026-13", 5, 10)]) == [
        ("IV_PERIOD_FORMAT",
         "Period '2026-13' does not fit POL-04, which is monthly. Write it like 2026-10."),
    ]
    # A well-formed quarter is still wrong for a monthly indicator, and the other way round.
    assert refused(operator, [fraction("POL-04", "2026Q1", 5, 10)]) == [
        ("IV_PERIOD_FORMAT", "Period '2026Q1' does not fit POL-04, which is monthly. Write it like 2026-10."),
    ]
    assert refused(operator, [fraction("CRT-04", "2026-01", 5, 10)]) == [
        ("IV_PERIOD_FORMAT", "Period '2026-01' does not fit CRT-04, which is quarterly. Write it like 2026Q4."),
    ]
    # REF-01 (annual) is the centre's to enter: its clerk is told about the period like anyone else.
    assert refused(clerk, [count("REF-01", "2025-01", 900000)]) == [
        ("IV_PERIOD_FORMAT", "Period '2025-01' does not fit REF-01, which is annual. Write it like 2026."),
    ]
    save_indicator_values(operator, [fraction("POL-04", "2026-01", 5, 10), fraction("CRT-04", "2026Q1", 5, 10)])
    save_indicator_values(clerk, [count("REF-01", "2025", 900000)])
    assert stored(operator, "POL-04", "2026-01")["total"]["value"] == 50.0
    assert stored(operator, "CRT-04", "2026Q1")["total"]["value"] == 50.0
    assert stored(clerk, "REF-01", "2025")["total"]["value"] == 900000


def test_a_district_may_not_enter_what_the_catalogue_gives_the_centre(operator, clerk, tmp_path):
    # The catalogue's entered_at column: REF-01 (the census population) is entered at the provincial centre.
    assert refused(operator, [count("REF-01", "2025", 900000)]) == [
        ("IV_ENTERED_AT_CENTRE", "REF-01 is entered at the provincial centre, not at a district office. "
                                 "Leave it out; the centre enters it for every district."),
    ]
    # The same rule refuses a bulk load's row, and the district's template no longer offers it.
    path = write_csv(tmp_path / "year.csv", [["REF-01", "QUETTA", "2025", "total", "900000", "", "", ""]])
    assert load_refused(operator, path) == [
        (2, "IV_ENTERED_AT_CENTRE", "REF-01 is entered at the provincial centre, not at a district office. "
                                    "Leave it out; the centre enters it for every district.")]
    assert "REF-01" not in {code for code, _ in template_indicators(operator, "2025-12")}
    assert "REF-01" in {code for code, _ in template_indicators(clerk, "2025-12")}


def test_a_period_that_has_not_started_is_refused_and_the_current_one_is_accepted(operator):
    next_month = shift(CURRENT_MONTH, 1)
    assert refused(operator, [count("PRO-01", next_month, 3)]) == [
        ("IV_PERIOD_FUTURE",
         f"Period {next_month} has not started yet (today is {TODAY.isoformat()}). "
         "Enter figures for past or current periods only."),
    ]
    next_quarter = shift(period_containing("quarterly", TODAY), 1)
    assert refused(operator, [fraction("CRT-04", next_quarter, 3, 4)]) == [
        ("IV_PERIOD_FUTURE",
         f"Period {next_quarter} has not started yet (today is {TODAY.isoformat()}). "
         "Enter figures for past or current periods only."),
    ]
    save_indicator_values(operator, [count("PRO-01", CURRENT_MONTH, 3)])
    assert stored(operator, "PRO-01", CURRENT_MONTH)["total"]["value"] == 3


def test_district_validity_hub_from_september_2022_and_lehri_until_2018(clerk):
    # At the centre any district may be entered, so only the validity dates can refuse these.
    assert refused(clerk, [count("PRO-01", "2022-08", 2, district="HUB")]) == [
        ("IV_DISTRICT_NOT_VALID",
         "District HUB existed from 2022-09-01 to now; period 2022-08 is outside that. "
         "Use the district that covered the area then."),
    ]
    assert refused(clerk, [count("PRO-01", "2019-01", 2, district="LEHRI")]) == [
        ("IV_DISTRICT_NOT_VALID",
         "District LEHRI existed from 2013-01-01 to 2018-12-31; period 2019-01 is outside that. "
         "Use the district that covered the area then."),
    ]
    save_indicator_values(clerk, [count("PRO-01", "2022-09", 2, district="HUB"),
                                  count("PRO-01", "2018-12", 5, district="LEHRI")])
    assert stored(clerk, "PRO-01", "2022-09", district="HUB")["total"]["value"] == 2
    assert stored(clerk, "PRO-01", "2018-12", district="LEHRI")["total"]["value"] == 5


def test_levies_indicator_is_not_reported_after_2025(operator):
    assert refused(operator, [count("LEV-01", "2026-01", 6, cell="offence_group=hurt")]) == [
        ("IV_INDICATOR_NOT_VALID", "LEV-01 is reported from the beginning to 2025-12-31; period 2026-01 is outside that."),
    ]
    save_indicator_values(operator, [count("LEV-01", "2025-12", 6, cell="offence_group=hurt")])
    assert stored(operator, "LEV-01", "2025-12")["offence_group=hurt"]["value"] == 6


def test_a_complete_data_set_is_locked_for_operators_until_a_supervisor_reopens_it(supervisor, operator):
    set_complete(supervisor, "QUETTA", "police", LAST_MONTH)
    assert refused(operator, [count("POL-01", LAST_MONTH, 9, cell="offence_group=hurt")]) == [
        ("IV_LOCKED",
         f"The Police data set for QUETTA {LAST_MONTH} is marked complete and locked. Ask a supervisor to reopen it."),
    ]
    # Only that institution's data set is locked: prosecution figures for the month still go in.
    save_indicator_values(operator, [count("PRO-01", LAST_MONTH, 9)])
    # The supervisor may still correct the locked data set.
    save_indicator_values(supervisor, [count("POL-01", LAST_MONTH, 9, cell="offence_group=hurt")])
    assert stored(operator, "POL-01", LAST_MONTH)["offence_group=hurt"]["value"] == 9
    set_complete(supervisor, "QUETTA", "police", LAST_MONTH, complete=False)
    report = save_indicator_values(operator, [count("POL-01", LAST_MONTH, 11, cell="offence_group=hurt")])
    assert report.updated == 1
    assert stored(operator, "POL-01", LAST_MONTH)["offence_group=hurt"]["value"] == 11


# -- cells -----------------------------------------------------------------------------------------------


def test_unknown_cells_are_refused_and_category_order_is_normalised(operator):
    assert refused(operator, [count("POL-03", LAST_MONTH, 2, cell="sex=alien;age=adult")]) == [
        ("IV_UNKNOWN_CELL",
         "Cell 'sex=alien;age=adult' is not a cell of POL-03. Use 'total' or one combination of: sex + age."),
    ]
    assert refused(operator, [count("PRO-01", LAST_MONTH, 2, cell="sex=male")]) == [
        ("IV_UNKNOWN_CELL",
         "Cell 'sex=male' is not a cell of PRO-01. Use 'total' or one combination of: none (use total)."),
    ]
    save_indicator_values(operator, [count("POL-03", LAST_MONTH, 2, cell="sex=male; age=adult")])
    assert list(stored(operator, "POL-03", LAST_MONTH)) == ["age=adult;sex=male"]
    # The same cell typed in the other order is the same record: an update, not a second row.
    report = save_indicator_values(operator, [count("POL-03", LAST_MONTH, 3, cell="age=adult;sex=male")])
    assert (report.new, report.updated) == (0, 1)
    assert stored(operator, "POL-03", LAST_MONTH)["age=adult;sex=male"]["value"] == 3


def test_partial_cells_may_not_exceed_the_total_and_complete_cells_must_sum_to_it(operator):
    before_total = [count("POL-02", LAST_MONTH, 10)]
    # female 6 + male 5 = 11 > 10 with transgender still missing.
    assert refused(operator, before_total + [count("POL-02", LAST_MONTH, 6, cell="sex=female"),
                                             count("POL-02", LAST_MONTH, 5, cell="sex=male")]) == [
        ("IV_CELLS_EXCEED_TOTAL",
         f"The cells of POL-02 for QUETTA {LAST_MONTH} add up to 11 so far, more than the total 10. "
         "Correct the cells or the total."),
    ]
    save_indicator_values(operator, before_total + [count("POL-02", LAST_MONTH, 6, cell="sex=female"),
                                                    count("POL-02", LAST_MONTH, 4, cell="sex=male")])
    # Typed later, one cell at a time as in the grid: the stored total and cells count too.
    # 6 + 4 + 1 = 11, all three cells present, total 10.
    assert refused(operator, [count("POL-02", LAST_MONTH, 1, cell="sex=transgender")]) == [
        ("IV_CELLS_SUM",
         f"The cells of POL-02 for QUETTA {LAST_MONTH} add up to 11, but the total is 10. "
         "Correct the cells or the total."),
    ]
    save_indicator_values(operator, [count("POL-02", LAST_MONTH, 0, cell="sex=transgender")])
    assert {cell: row["value"] for cell, row in stored(operator, "POL-02", LAST_MONTH).items()} == {
        "total": 10, "sex=female": 6, "sex=male": 4, "sex=transgender": 0}
    # All cells in one batch: 3 + 3 + 3 = 9, total 10.
    month = shift(LAST_MONTH, -1)
    assert refused(operator, [count("POL-02", month, 10)] + [
        count("POL-02", month, 3, cell=f"sex={sex}") for sex in ("female", "male", "transgender")]) == [
        ("IV_CELLS_SUM",
         f"The cells of POL-02 for QUETTA {month} add up to 9, but the total is 10. Correct the cells or the total."),
    ]


def test_rules_that_compare_indicators_refuse_or_warn_with_the_rules_own_message(operator):
    # resources/rules.csv (tests/test_cross_rules.py has every shipped rule failing and passing).
    save_indicator_values(operator, [count("PRO-01", LAST_MONTH, 3), fraction("PRO-04", LAST_MONTH, 10, 50)])
    assert refused(operator, [fraction("PRO-05", LAST_MONTH, 30, 51)]) == [
        ("IV_RULE",
         "This figure conflicts with PRO-04.denominator[total]: The acquittal rate (PRO-05) and the conviction rate "
         "(PRO-04) are shares of the same cases decided. (PRO-DECIDED-ACQUITTALS: PRO-05.denominator[total] is 51, "
         "PRO-04.denominator[total] is 50.)"),
    ]
    save_indicator_values(operator, [count("PRS-01", LAST_MONTH, 500, comment="counted at midnight")])
    assert refused(operator, [fraction("PRS-04", LAST_MONTH, 490, 400)]) == [
        ("IV_RULE_WARNING",
         "This figure conflicts with PRS-01[total]: The prisoners behind the occupancy (PRS-04) are usually the "
         "prison population on the last day (PRS-01). (PRS-OCCUPANCY: PRS-04.numerator[total] is 490, PRS-01[total] "
         "is 500.) If both are right, add a comment saying why."),
    ]


def test_percent_cells_sum_numerators_and_denominators_against_the_total(operator):
    total = fraction("PRS-02", LAST_MONTH, 5, 10)
    # numerators 1 + 2 + 1 = 4, total numerator 5.
    assert refused(operator, [total, fraction("PRS-02", LAST_MONTH, 1, 2, cell="sex=female"),
                              fraction("PRS-02", LAST_MONTH, 2, 4, cell="sex=male"),
                              fraction("PRS-02", LAST_MONTH, 1, 3, cell="sex=transgender")]) == [
        ("IV_CELLS_SUM",
         f"The cells of PRS-02 for QUETTA {LAST_MONTH} add up to 4 (numerators), but the total is 5. "
         "Correct the cells or the total."),
    ]
    # numerators 1 + 2 + 2 = 5 agree; denominators 2 + 4 + 5 = 11, total denominator 10.
    assert refused(operator, [total, fraction("PRS-02", LAST_MONTH, 1, 2, cell="sex=female"),
                              fraction("PRS-02", LAST_MONTH, 2, 4, cell="sex=male"),
                              fraction("PRS-02", LAST_MONTH, 2, 5, cell="sex=transgender")]) == [
        ("IV_CELLS_SUM",
         f"The cells of PRS-02 for QUETTA {LAST_MONTH} add up to 11 (denominators), but the total is 10. "
         "Correct the cells or the total."),
    ]
    # Percents themselves (50 + 50 + 50) are never summed: 1/2, 2/4, 2/4 against 5/10 is right.
    save_indicator_values(operator, [total, fraction("PRS-02", LAST_MONTH, 1, 2, cell="sex=female"),
                                     fraction("PRS-02", LAST_MONTH, 2, 4, cell="sex=male"),
                                     fraction("PRS-02", LAST_MONTH, 2, 4, cell="sex=transgender")])
    rows = stored(operator, "PRS-02", LAST_MONTH)
    assert {cell: (row["numerator"], row["denominator"], row["value"]) for cell, row in rows.items()} == {
        "total": (5, 10, 50.0), "sex=female": (1, 2, 50.0), "sex=male": (2, 4, 50.0),
        "sex=transgender": (2, 4, 50.0)}


# -- numbers ---------------------------------------------------------------------------------------------


def test_counts_must_be_whole_non_negative_numbers_given_as_a_value(operator):
    assert refused(operator, [count("PRO-01", LAST_MONTH, "abc")]) == [
        ("IV_NOT_A_NUMBER", "The value 'abc' is not a number. Type digits only, e.g. 12 or 12.5."),
    ]
    assert refused(operator, [count("PRO-01", LAST_MONTH, 12.5)]) == [
        ("IV_COUNT_NOT_WHOLE",
         "PRO-01 counts must be whole numbers of 0 or more; '12.5' is not. Correct the figure."),
    ]
    assert refused(operator, [count("PRO-01", LAST_MONTH, "-3")]) == [
        ("IV_COUNT_NOT_WHOLE", "PRO-01 counts must be whole numbers of 0 or more; '-3' is not. Correct the figure."),
    ]
    assert refused(operator, [count("PRO-01", LAST_MONTH, None)]) == [
        ("IV_VALUE_MISSING", "PRO-01 needs a value; it is empty. Type the figure, or 0 if there were none."),
    ]
    assert refused(operator, [fraction("PRO-01", LAST_MONTH, 3, 4)]) == [
        ("IV_NOT_A_FRACTION",
         "PRO-01 is a count: give the value, not a numerator or denominator. Clear the numerator and denominator."),
    ]
    # "1,200" and "12.0" (as Excel writes whole numbers) are whole counts.
    save_indicator_values(operator, [count("PRO-01", LAST_MONTH, "1,200"), count("CRT-01", LAST_MONTH, "12.0")])
    assert stored(operator, "PRO-01", LAST_MONTH)["total"]["value"] == 1200
    assert stored(operator, "CRT-01", LAST_MONTH)["total"]["value"] == 12


def test_percent_fractions_numerator_denominator_and_value(operator):
    assert refused(operator, [fraction("POL-04", LAST_MONTH, "x", 10)]) == [
        ("IV_NOT_A_NUMBER", "The numerator 'x' is not a number. Type digits only, e.g. 12 or 12.5."),
    ]
    assert refused(operator, [fraction("POL-04", LAST_MONTH, 4, None)]) == [
        ("IV_VALUE_MISSING", "POL-04 needs a denominator; it is empty. Type the figure, or 0 if there were none."),
    ]
    assert refused(operator, [fraction("POL-04", LAST_MONTH, None, None, value=40)]) == [
        ("IV_VALUE_MISSING",
         "POL-04 needs a numerator and denominator; it is empty. Type the figure, or 0 if there were none."),
    ]
    assert refused(operator, [fraction("POL-04", LAST_MONTH, -1, 10)]) == [
        ("IV_NEGATIVE", "The numerator of POL-04 cannot be negative ('-1'). Correct the figure."),
    ]
    assert refused(operator, [fraction("POL-04", LAST_MONTH, 0, 0)]) == [
        ("IV_DENOMINATOR_NOT_POSITIVE",
         "The denominator of POL-04 (challans due in the period) must be more than 0; it is '0'. "
         "Correct it, or leave the row out if there were none."),
    ]
    assert refused(operator, [fraction("POL-04", LAST_MONTH, 12, 10)]) == [
        ("IV_NUMERATOR_EXCEEDS_DENOMINATOR",
         "The numerator of POL-04 (12) is larger than its denominator (10); the share cannot exceed 100%. "
         "Check both figures."),
    ]
    # 1 / 4 = 25%: a typed value of 30 contradicts it.
    assert refused(operator, [fraction("POL-04", LAST_MONTH, 1, 4, value=30)]) == [
        ("IV_VALUE_MISMATCH",
         "The value '30' does not match numerator / denominator = 25. Leave the value empty; it is computed."),
    ]
    # A typed value that agrees is accepted; CRT-04 (clearance rate) may exceed 100: 150 / 100 = 150%.
    save_indicator_values(operator, [fraction("POL-04", LAST_MONTH, 1, 4, value=25),
                                     fraction("CRT-04", "2026Q1", 150, 100)])
    assert stored(operator, "POL-04", LAST_MONTH)["total"]["value"] == 25.0
    crt = stored(operator, "CRT-04", "2026Q1")["total"]
    assert (crt["numerator"], crt["denominator"], crt["value"]) == (150, 100, 150.0)
    # A ratio is numerator / denominator, not a percent: 300 prisoners / 40 staff = 7.5.
    save_indicator_values(operator, [fraction("PRS-07", "2026Q1", 300, 40)])
    assert stored(operator, "PRS-07", "2026Q1")["total"]["value"] == 7.5


# -- outliers --------------------------------------------------------------------------------------------


def test_outlier_against_median_and_mad_of_three_or_more_earlier_periods(operator):
    p = LAST_MONTH
    # PRO-01: 100, 120, 140 in the three months before p. Median 120; deviations 20, 0, 20 -> MAD 20;
    # median +- 3 MAD is 60 to 180, wider than the Poisson 99.9 % interval around 120 (86 to 156).
    save_indicator_values(operator, [count("PRO-01", shift(p, -3), 100), count("PRO-01", shift(p, -2), 120),
                                     count("PRO-01", shift(p, -1), 140)])
    assert refused(operator, [count("PRO-01", p, 181)]) == [
        ("IV_OUTLIER",
         "PRO-01 181 is unusual for QUETTA (the last 3 periods' median is 120; expected 60 to 180). "
         "Check it; if it is right, add a comment saying why."),
    ]
    assert refused(operator, [count("PRO-01", p, 59)]) == [
        ("IV_OUTLIER",
         "PRO-01 59 is unusual for QUETTA (the last 3 periods' median is 120; expected 60 to 180). "
         "Check it; if it is right, add a comment saying why."),
    ]
    save_indicator_values(operator, [count("PRO-01", p, 180)])
    save_indicator_values(operator, [count("PRO-01", p, 60)])
    assert stored(operator, "PRO-01", p)["total"]["value"] == 60
    # CRT-01: 10, 10, 10 -> MAD 0, floored at 1: 7 to 13; but 10 events a month vary by chance from 2 to 22
    # (Poisson 99.9 %), so only a count outside both is unusual: 23 is flagged, 22 and 3 are not.
    save_indicator_values(operator, [count("CRT-01", shift(p, -step), 10) for step in (1, 2, 3)])
    assert refused(operator, [count("CRT-01", p, 23)]) == [
        ("IV_OUTLIER",
         "CRT-01 23 is unusual for QUETTA (the last 3 periods' median is 10; expected 2 to 22). "
         "Check it; if it is right, add a comment saying why."),
    ]
    save_indicator_values(operator, [count("CRT-01", p, 22)])
    save_indicator_values(operator, [count("CRT-01", p, 3)])


def test_a_small_count_varying_by_chance_is_not_an_outlier_but_a_percent_still_is(operator):
    p = LAST_MONTH
    # The issue's homicides: 24, 26, 22 then 20 (median 24, MAD 2: 18 to 30 alone would pass too; 17 would not
    # by MAD but is well within chance for ~24 a month: Poisson 99.9 % is 10 to 42).
    save_indicator_values(operator, [count("POL-01", shift(p, -step), figure)
                                     for step, figure in ((1, 24), (2, 26), (3, 22))])
    assert save_indicator_values(operator, [count("POL-01", p, 17)]).warnings == []
    # A percent varies by chance with its base: 40 % of 100 cases after 48, 50, 52 % is within chance (the
    # binomial 99.9 % interval around 50 % of 100 is 34 to 66 %); 40 % of 2,000 is not (46.3 to 53.7 %,
    # and the MAD band is 44 to 56 %).
    save_indicator_values(operator, [ValueInput("PRO-04", "QUETTA", shift(p, -step), numerator=figure, denominator=100)
                                     for step, figure in ((1, 48), (2, 50), (3, 52))])
    assert save_indicator_values(operator, [ValueInput("PRO-04", "QUETTA", p, numerator=40, denominator=100)]).warnings == []
    save_indicator_values(operator, [ValueInput("PRO-04", "QUETTA", shift(p, -step), numerator=figure * 20, denominator=2000)
                                     for step, figure in ((1, 48), (2, 50), (3, 52))])
    assert refused(operator, [ValueInput("PRO-04", "QUETTA", p, numerator=800, denominator=2000)]) == [
        ("IV_OUTLIER", "PRO-04 40 is unusual for QUETTA (the last 3 periods' median is 50; expected 44 to 56). "
                       "Check it; if it is right, add a comment saying why.")]


def test_outlier_against_the_previous_period_with_fewer_than_three_earlier_periods(operator):
    p = LAST_MONTH
    save_indicator_values(operator, [count("CRT-02", shift(p, -1), 100)])
    assert refused(operator, [count("CRT-02", p, 301)]) == [
        ("IV_OUTLIER",
         "CRT-02 301 is unusual for QUETTA (more than 3 times the previous period's 100). "
         "Check it; if it is right, add a comment saying why."),
    ]
    assert refused(operator, [count("CRT-02", p, 30)]) == [
        ("IV_OUTLIER",
         "CRT-02 30 is unusual for QUETTA (under 1/3 of the previous period's 100). "
         "Check it; if it is right, add a comment saying why."),
    ]
    save_indicator_values(operator, [count("CRT-02", p, 300)])  # exactly 3 times: not flagged
    save_indicator_values(operator, [count("CRT-02", p, 34)])  # 34 >= 100 / 3
    assert stored(operator, "CRT-02", p)["total"]["value"] == 34
    # A count of 3 after 10 is under a third, but within chance for ~10 a month: not flagged.
    save_indicator_values(operator, [count("PRB-01", shift(p, -1), 10)])
    assert save_indicator_values(operator, [count("PRB-01", p, 3)]).warnings == []


def test_an_outlier_with_a_comment_is_saved_and_reported_as_a_warning(operator):
    p = LAST_MONTH
    save_indicator_values(operator, [count("PRS-06", shift(p, -1), 2)])
    message = ("PRS-06 9 is unusual for QUETTA (more than 3 times the previous period's 2). "
               "Check it; if it is right, add a comment saying why.")
    # A blank comment is no comment.
    assert refused(operator, [count("PRS-06", p, 9, comment="   ")]) == [("IV_OUTLIER", message)]
    report = save_indicator_values(operator, [count("PRS-06", p, 9, comment="mass escape during the flood")])
    assert report.new == 1
    assert [(found.rule, found.severity, found.message) for found in report.warnings] == [
        ("IV_OUTLIER", "warning", message)]
    row = stored(operator, "PRS-06", p)["total"]
    assert (row["value"], row["comment"]) == (9, "mass escape during the flood")


# -- bulk loads ------------------------------------------------------------------------------------------


def write_csv(path: Path, rows: list[list], header: list[str] = HEADER) -> Path:
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def load_refused(session, path: Path) -> list[tuple[int | None, str, str]]:
    """Load a file expected to fail; nothing may be written. Returns (row, rule, message) per problem."""
    before = table_counts(session)
    report = load_values(session, path)
    assert not report.ok
    assert report.saved is None
    assert table_counts(session) == before
    return [(found.row, found.rule, found.message) for found in report.problems]


def followup_mark(session, indicator: str, period: str) -> int:
    return session.db.execute("SELECT followup FROM indicator_values WHERE indicator = ? AND period = ? AND cell = 'total'",
                              [indicator, period]).fetchone()[0]


def load_refused_strictly(session, path: Path) -> list[tuple[int | None, str, str]]:
    """Like :func:`load_refused`, with ``strict``: a warning without a comment refuses the file too."""
    before = table_counts(session)
    report = load_values(session, path, strict=True)
    assert not report.ok and report.saved is None and table_counts(session) == before
    return [(found.row, found.rule, found.message) for found in report.problems]


def test_bulk_load_saves_an_uncommented_warning_marked_to_check_later_unless_strict(operator, tmp_path):
    p, before = LAST_MONTH, shift(LAST_MONTH, -1)
    rows = [
        ["PRO-01", "QUETTA", before, "total", "10", "", "", ""],  # row 2
        ["PRO-01", "QUETTA", p, "total", "", "", "", ""],  # row 3: untouched template row, skipped
        ["CRT-01", "QUETTA", p, "total", "40", "", "", ""],  # row 4: fine
        ["PRO-01", "QUETTA", p, "total", "40", "", "", ""],  # row 5: 4 x the previous month, no comment
        ["POL-04", "QUETTA", p, "total", "", "abc", "10", ""],  # row 6: not a number
    ]
    outlier = (5, "IV_OUTLIER", "PRO-01 40 is unusual for QUETTA (more than 3 times the previous period's 10). "
                                "Check it; if it is right, add a comment saying why.")
    not_a_number = (6, "IV_NOT_A_NUMBER", "The numerator 'abc' is not a number. Type digits only, e.g. 12 or 12.5.")
    # An error still refuses the whole sheet; the warning alone would not.
    assert load_refused(operator, write_csv(tmp_path / "month.csv", rows)) == [not_a_number]
    assert load_refused_strictly(operator, write_csv(tmp_path / "month.csv", rows)) == [outlier, not_a_number]
    rows[4][5] = "4"
    assert load_refused_strictly(operator, write_csv(tmp_path / "month.csv", rows)) == [outlier]
    report = load_values(operator, write_csv(tmp_path / "month.csv", rows))
    assert report.ok
    assert (report.rows, report.blank_rows, report.saved.new) == (5, 1, 4)
    assert [(found.row, found.rule, found.message) for found in report.saved.followup] == [outlier]
    assert [(found["row"], found["rule"]) for found in report.as_dict()["followup"]] == [(5, "IV_OUTLIER")]
    row = stored(operator, "PRO-01", p)["total"]
    assert (row["value"], row["comment"], followup_mark(operator, "PRO-01", p)) == (40, None, 1)
    assert stored(operator, "POL-04", p)["total"]["value"] == 40.0
    # The comment, once written, answers the warning: the mark goes.
    rows[3][7] = "two new courts opened"
    report = load_values(operator, write_csv(tmp_path / "month.csv", rows), strict=True)
    assert report.ok and report.saved.followup == [] and report.saved.updated == 1
    assert [(found.row, found.rule) for found in report.saved.warnings] == [(5, "IV_OUTLIER")]
    row = stored(operator, "PRO-01", p)["total"]
    assert (row["comment"], followup_mark(operator, "PRO-01", p)) == ("two new courts opened", 0)


def test_bulk_load_header_must_name_every_column(operator, tmp_path):
    path = write_csv(tmp_path / "short.csv", [["PRO-01", "QUETTA", LAST_MONTH, "total", "5", ""]],
                     header=["indicator", "district", "period", "cell", "value", "numerator"])
    assert load_refused(operator, path) == [
        (1, "LD_COLUMNS",
         "The header row must name the columns indicator, district, period, cell, value, numerator, denominator, "
         "comment; missing: denominator, comment. Start from `template`."),
    ]
    # Column order and case do not matter.
    path = write_csv(tmp_path / "shuffled.csv", [["5", "total", LAST_MONTH, "QUETTA", "PRO-01", "", "", ""]],
                     header=["Value", "CELL", "period", "district", "indicator", "comment", "numerator", "denominator"])
    assert load_values(operator, path).ok
    assert stored(operator, "PRO-01", LAST_MONTH)["total"]["value"] == 5


def test_bulk_load_refuses_a_corrupt_xlsx_and_a_csv_that_is_not_text(operator, tmp_path):
    corrupt = tmp_path / "month.xlsx"
    corrupt.write_bytes(random.Random(7).randbytes(4096))
    assert load_refused(operator, corrupt) == [
        (1, "LD_UNREADABLE",
         "The file month.xlsx could not be read as Excel (.xlsx) (BadZipFile). "
         "Save it again from Excel as .xlsx, or as CSV choosing \"CSV UTF-8\"."),
    ]
    # NUL bytes without a UTF-16 mark: no text encoding an office writes (Latin text reads as Windows-1256).
    binary = tmp_path / "binary.csv"
    binary.write_bytes(",".join(HEADER).encode() + b"\nPRO-01,QUETTA,2026-01,total,5,,,\x00\xff\xfe\x81\n")
    assert load_refused(operator, binary) == [
        (1, "LD_UNREADABLE",
         "The file binary.csv could not be read as CSV (UTF-8, UTF-16 or Windows-1256) (UnicodeDecodeError). "
         "Save it again from Excel as .xlsx, or as CSV choosing \"CSV UTF-8\"."),
    ]


def test_bulk_load_refuses_a_repeated_cell_and_loads_a_real_xlsx(operator, tmp_path):
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "values"
    sheet.append(HEADER)
    sheet.append(["PRO-01", "QUETTA", LAST_MONTH, "total", 5, None, None, None])  # row 2
    sheet.append(["POL-02", "QUETTA", LAST_MONTH, "sex=female", 2, None, None, None])  # row 3
    sheet.append(["pro-01", "quetta", LAST_MONTH, "total", 6, None, None, None])  # row 4: same cell as row 2
    path = tmp_path / "month.xlsx"
    workbook.save(path)
    assert load_refused(operator, path) == [
        (4, "LD_DUPLICATE_ROW",
         f"This row repeats PRO-01 QUETTA {LAST_MONTH} total, already given on row 2. Keep one row per cell."),
    ]
    # The same cell with its categories in another order is the same cell: a repeat, listed with its row.
    reordered = write_csv(tmp_path / "reordered.csv", [
        ["POL-03", "QUETTA", LAST_MONTH, "sex=male;age=adult", "2", "", "", ""],
        ["POL-03", "QUETTA", LAST_MONTH, "age=adult; sex=male", "3", "", "", ""]])
    assert load_refused(operator, reordered) == [
        (3, "LD_DUPLICATE_ROW",
         f"This row repeats POL-03 QUETTA {LAST_MONTH} age=adult;sex=male, already given on row 2. "
         "Keep one row per cell."),
    ]
    sheet.delete_rows(4)
    sheet.append(["POL-04", "QUETTA", LAST_MONTH, "total", None, 3, 4, "two officers on leave"])
    workbook.save(path)
    report = load_values(operator, path)
    assert report.ok and report.saved.new == 3
    assert stored(operator, "PRO-01", LAST_MONTH)["total"]["value"] == 5
    assert stored(operator, "POL-02", LAST_MONTH)["sex=female"]["value"] == 2
    assert stored(operator, "POL-04", LAST_MONTH)["total"]["value"] == 75.0


# -- targets ---------------------------------------------------------------------------------------------


def test_set_target_rules(supervisor):
    def target_refused(indicator: str, district: str, target: object) -> list[tuple[str, str]]:
        before = table_counts(supervisor)
        with pytest.raises(ValidationFailed) as caught:
            set_target(supervisor, indicator, district, 2026, target)
        assert table_counts(supervisor) == before
        return [(found.rule, found.message) for found in caught.value.issues]

    assert target_refused("POL-99", "QUETTA", 40) == [
        ("IV_UNKNOWN_INDICATOR",
         "Indicator 'POL-99' is not in the catalogue. Use a code such as POL-01, as in the template."),
    ]
    assert target_refused("PRO-04", "ATLANTIS", 40) == [
        ("IV_UNKNOWN_DISTRICT", "District 'ATLANTIS' is not known. Use a district code such as QUETTA."),
    ]
    assert target_refused("PRO-04", "PISHIN", 40) == [
        ("IV_OTHER_DISTRICT", "This office enters figures for QUETTA, not for 'PISHIN'. Correct the district."),
    ]
    assert target_refused("PRO-04", "QUETTA", "forty") == [
        ("IV_NOT_A_NUMBER", "The target 'forty' is not a number. Type digits only, e.g. 12 or 12.5."),
    ]
    assert target_refused("PRO-04", "QUETTA", "-5") == [
        ("IV_NEGATIVE", "The target of PRO-04 cannot be negative ('-5'). Correct the figure."),
    ]
    assert target_refused("PRO-04", "QUETTA", "140") == [
        ("TG_PERCENT_OVER_100",
         "The target of PRO-04 is a percent and cannot be more than 100 ('140'). Correct the figure."),
    ]
    before = table_counts(supervisor)
    with pytest.raises(ValidationFailed) as caught:
        set_target(supervisor, "PRO-04", "QUETTA", 1999, 40)
    assert table_counts(supervisor) == before
    assert [(found.rule, found.message) for found in caught.value.issues] == [
        ("TG_YEAR", "The target year '1999' is not a year from 2000 to 2100. Write it like 2026."),
    ]
    set_target(supervisor, "PRO-04", "QUETTA", 2026, "40")
    set_target(supervisor, "PRO-04", "QUETTA", 2026, 45)  # replaces, does not add
    assert list_targets(supervisor, 2026) == [{"indicator": "PRO-04", "district": "QUETTA", "year": 2026, "target": 45}]


# -- desk cases ------------------------------------------------------------------------------------------
# Every desk check below either refuses (and writes nothing) or saves a new record it then reads back by
# uuid, so the checks can share one database.

TOMORROW = (TODAY + dt.timedelta(days=1)).isoformat()


@pytest.fixture(scope="module")
def desk_supervisor(tmp_path_factory):
    """A supervisor (who may record identifying details) on one Quetta database for all desk rules."""
    path = tmp_path_factory.mktemp("desk_rules") / "district.db"
    session, _ = create_database(path, role="district", district="QUETTA", device_name="Quetta DPO",
                                 admin="admin", password=ADMIN_PASSWORD)
    add_user(session, "sana", "supervisor", SUPERVISOR_PASSWORD)
    session.close()
    session = open_session(path, "sana", SUPERVISOR_PASSWORD)
    yield session
    session.close()


def desk_case(**changes: object) -> dict:
    """A complete, valid case; ``changes`` break one thing at a time."""
    case = {"desk": "QTA-CITY", "report_date": "2026-10-05", "incident_date": "2026-10-03", "client_code": "QC-001",
            "client_sex": "female", "client_age": 30, "classification_answers": "nny", "gbv_type": "physical_assault",
            "consent_services": True, "consent_reporting": True}
    case.update(changes)
    return case


def case_refused(session, case: dict, perpetrators=None, services=None, identity=None) -> list[tuple[str, str]]:
    before = table_counts(session)
    with pytest.raises(ValidationFailed) as caught:
        save_desk_case(session, case, perpetrators, services, identity)
    assert table_counts(session) == before
    return [(found.rule, found.message) for found in caught.value.issues]


def case_row(session, case_uuid: str, columns: str) -> tuple:
    return tuple(session.db.execute(f"SELECT {columns} FROM desk_cases WHERE uuid = ?", [case_uuid]).fetchone())


def test_desk_case_required_fields_and_choices(desk_supervisor):
    session = desk_supervisor
    assert case_refused(session, desk_case(client_code="  ")) == [
        ("DC_REQUIRED", "The client code is required. Fill it in."),
    ]
    assert case_refused(session, desk_case(gbv_type=None)) == [
        ("DC_REQUIRED", "The GBV type is required. Fill it in."),
    ]
    assert case_refused(session, desk_case(classification_answers="nnnnnn", gbv_type="non_gbv")) == [
        ("DC_REQUIRED", "The kind of non-GBV complaint is required. Fill it in."),
    ]
    assert case_refused(session, desk_case(client_sex="alien")) == [
        ("DC_UNKNOWN_CHOICE", "'alien' is not a choice for client's sex. Choose one of: female, male, transgender, unknown."),
    ]
    assert case_refused(session, desk_case(incident_district="NARNIA")) == [
        ("DC_UNKNOWN_CHOICE", "'NARNIA' is not a choice for district of the incident. Choose one of: a district code such as QUETTA."),
    ]
    assert case_refused(session, desk_case(), perpetrators=[
        {"relationship": "boss", "sex": "male", "age_group": "26-40"}]) == [
        ("DC_UNKNOWN_CHOICE",
         "'boss' is not a choice for perpetrator relationship. Choose one of: intimate_partner, family_member, "
         "caregiver, employer, neighbour_friend, teacher, service_provider, stranger, other, unknown."),
    ]
    case_uuid = save_desk_case(session, desk_case(classification_answers="nnnnnn", gbv_type="non_gbv",
                                                  non_gbv_complaint="theft", incident_district="PISHIN"),
                               perpetrators=[{"relationship": "employer", "sex": "male", "age_group": "26-40"}])
    assert case_row(session, case_uuid, "gbv_type, non_gbv_complaint, incident_district") == (
        "non_gbv", "theft", "PISHIN")


def test_desk_case_dates(desk_supervisor):
    session = desk_supervisor
    assert case_refused(session, desk_case(incident_date="2026-02-30")) == [
        ("DC_BAD_DATE", "The incident date '2026-02-30' is not a date. Write it as YYYY-MM-DD, e.g. 2026-10-31."),
    ]
    # A report date that is not a date is reported, not a crash (the case number needs its year).
    assert ("DC_BAD_DATE",
            "The report date '31/10/2026' is not a date. Write it as YYYY-MM-DD, e.g. 2026-10-31.") in case_refused(
        session, desk_case(report_date="31/10/2026"))
    assert case_refused(session, desk_case(report_date=TOMORROW, incident_date=None)) == [
        ("DC_REPORT_FUTURE", f"The report date {TOMORROW} is in the future (today is {TODAY.isoformat()}). Correct the date."),
    ]
    assert case_refused(session, desk_case(incident_date="2026-10-06")) == [
        ("DC_INCIDENT_AFTER_REPORT",
         "The incident date 2026-10-06 is after the report date 2026-10-05. Correct one of them; leave the incident "
         "date empty if it is unknown."),
    ]
    assert case_refused(session, desk_case(followup_date="2026-10-04")) == [
        ("DC_FOLLOWUP_BEFORE_REPORT", "The follow-up date 2026-10-04 is before the report date 2026-10-05. Correct it."),
    ]
    today = TODAY.isoformat()
    case_uuid = save_desk_case(session, desk_case(report_date=today, incident_date=today, followup_date=today))
    assert case_row(session, case_uuid, "report_date, incident_date, followup_date") == (today, today, today)
    case_uuid = save_desk_case(session, desk_case(incident_date="2026-10-05", followup_date="2026-10-05"))
    assert case_row(session, case_uuid, "incident_date, followup_date") == ("2026-10-05", "2026-10-05")
    case_uuid = save_desk_case(session, desk_case(incident_date=None))
    assert case_row(session, case_uuid, "incident_date") == (None,)


def test_desk_case_client_age(desk_supervisor):
    session = desk_supervisor
    for age in (121, -1, 12.5, "abc"):
        assert case_refused(session, desk_case(client_age=age)) == [
            ("DC_AGE_RANGE",
             f"The client's age '{age}' must be a whole number from 0 to 120. Estimate it and tick 'age estimated' if unsure."),
        ]
    assert case_row(session, save_desk_case(session, desk_case(client_age=0)), "client_age, client_age_group") == (
        0, "under18")
    assert case_row(session, save_desk_case(session, desk_case(client_age="17")), "client_age, client_age_group") == (
        17, "under18")
    assert case_row(session, save_desk_case(session, desk_case(client_age=18)), "client_age, client_age_group") == (
        18, "adult")
    assert case_row(session, save_desk_case(session, desk_case(client_age="120")), "client_age, client_age_group") == (
        120, "adult")


def test_desk_case_identity_formats(desk_supervisor):
    session = desk_supervisor
    assert case_refused(session, desk_case(), identity={"cnic": "81234-1234567-1"}) == [
        ("DC_CNIC_FORMAT",
         "The CNIC '81234-1234567-1' is not valid. Write 13 digits as 12345-1234567-1 (the first digit 1 to 7)."),
    ]
    # Not 13 digits, or a first digit no CNIC has: named as typed, not reshaped.
    for cnic in ("544011234567", "8123412345671", "5440I-1234567-1"):
        assert case_refused(session, desk_case(), identity={"cnic": cnic}) == [
            ("DC_CNIC_FORMAT",
             f"The CNIC '{cnic}' is not valid. Write 13 digits as 12345-1234567-1 (the first digit 1 to 7)."),
        ]
    assert case_refused(session, desk_case(), identity={"phone": "0300-123456"}) == [
        ("DC_PHONE_FORMAT",
         "The mobile number '0300-123456' is not valid. Write it as 03001234567, 0300-1234567 or +923001234567."),
    ]
    # Issue 13: 13 digits, a number with spaces and trailing blanks are what people type; they are kept in
    # the written form instead of refused.
    for typed_cnic, typed_phone, phone in (("54401-1234567-1", "03001234567", "0300-1234567"),
                                           ("5440112345671", "0300 1234567", "0300-1234567"),
                                           ("54401 1234567 1 ", " 0300-1234567 ", "0300-1234567"),
                                           ("54401-1234567-1", "+92 300 1234567", "+923001234567")):
        case_uuid = save_desk_case(session, desk_case(), identity={"cnic": typed_cnic, "phone": typed_phone,
                                                                   "name": "Rukhsana Bibi  ", "address": "  "})
        stored_identity = case_identity(session, case_uuid)  # sealed: opened with the identity key
        assert (stored_identity["cnic"], stored_identity["phone"]) == ("54401-1234567-1", phone)
        assert (stored_identity["name"], stored_identity["address"]) == ("Rukhsana Bibi", None)


def test_desk_case_classification_order(desk_supervisor):
    session = desk_supervisor
    assert case_refused(session, desk_case(classification_answers="nny", gbv_type="rape")) == [
        ("DC_GBV_ORDER",
         "The GBV type 'rape' does not follow the classification questions: answered in order, they give "
         "'physical_assault'. Ask the questions in order and take the first 'yes'."),
    ]
    assert case_refused(session, desk_case(classification_answers="yy", gbv_type="rape")) == [
        ("DC_CLASSIFICATION_ANSWERS",
         "The classification answers 'yy' are not valid: answer the questions in order with y or n, stopping at the "
         "first y."),
    ]
    assert case_refused(session, desk_case(classification_answers=None, gbv_type="rape")) == [
        ("DC_CLASSIFICATION_ANSWERS",
         "The classification answers '' are not valid: answer the questions in order with y or n, stopping at the "
         "first y."),
    ]
    case_uuid = save_desk_case(session, desk_case(classification_answers="y", gbv_type="rape"))
    assert case_row(session, case_uuid, "classification_answers, gbv_type") == ("y", "rape")


def test_desk_case_services(desk_supervisor):
    session = desk_supervisor
    assert case_refused(session, desk_case(), services=[{"service": "legal_aid", "status": "referred"}]) == [
        ("DC_REFERRAL_DATE",
         "The service 'legal_aid' is marked 'referred' but has no date. Add the date of the referral or service."),
    ]
    assert case_refused(session, desk_case(), services=[
        {"service": "health", "status": "declined"}, {"service": "health", "status": "provided", "date": "2026-10-05"},
    ]) == [("DC_DUPLICATE_SERVICE", "The service 'health' is listed twice. Keep one line per service.")]
    assert case_refused(session, desk_case(), services=[
        {"service": "health", "status": "provided", "date": "soon"}]) == [
        ("DC_BAD_DATE", "The health date 'soon' is not a date. Write it as YYYY-MM-DD, e.g. 2026-10-31."),
    ]
    # Declined needs no date; a referral with its date is fine.
    case_uuid = save_desk_case(session, desk_case(), services=[
        {"service": "health", "status": "declined"},
        {"service": "legal_aid", "status": "referred", "date": "2026-10-05"}])
    rows = session.db.execute("SELECT service, status, date FROM desk_case_services WHERE case_uuid = ? ORDER BY id",
                              [case_uuid]).fetchall()
    assert [tuple(row) for row in rows] == [("health", "declined", None), ("legal_aid", "referred", "2026-10-05")]


def test_desk_case_closing_reason_and_consent(desk_supervisor):
    session = desk_supervisor
    assert case_refused(session, desk_case(status="closed")) == [
        ("DC_CLOSING_REASON", "A closed case needs a closing reason. Choose why the case was closed."),
    ]
    assert case_refused(session, desk_case(consent_reporting=None)) == [
        ("DC_CONSENT_MISSING",
         "The client's answer on consent to share non-identifiable data for reporting is not recorded. Ask the client and record yes or no."),
    ]
    # "No" is an answer: a client who refuses reporting is recorded as 0, not refused.
    case_uuid = save_desk_case(session, desk_case(status="closed", closing_reason="needs_met", consent_reporting=False))
    assert case_row(session, case_uuid, "status, closing_reason, consent_reporting") == ("closed", "needs_met", 0)


def test_travelling_free_text_fields_are_list_values_whatever_the_type_or_status(desk_supervisor):
    """The complaint and the closing reason travel to the centre as text: each is a value of its list
    whenever it is given, and only where it belongs (a non-GBV case, a closed case). Before, a GBV case
    stored any complaint text, and an open case any closing reason."""
    session = desk_supervisor
    complaints = ", ".join(session.catalogue.list_codes("non_gbv_complaint"))
    reasons = ", ".join(session.catalogue.list_codes("closing_reason"))
    formula = "=cmd|' /C calc'!A0"
    assert case_refused(session, desk_case(non_gbv_complaint=formula)) == [
        ("DC_UNKNOWN_CHOICE", f"'{formula}' is not a choice for kind of non-GBV complaint. Choose one of: {complaints}."),
        ("DC_COMPLAINT_NOT_NON_GBV",
         f"The case is classified as physical_assault, not non-GBV, but has the non-GBV complaint '{formula}'. "
         "Clear the kind of complaint, or check the classification."),
    ]
    listed = session.catalogue.list_codes("non_gbv_complaint")[0]
    assert case_refused(session, desk_case(non_gbv_complaint=listed)) == [
        ("DC_COMPLAINT_NOT_NON_GBV",
         f"The case is classified as physical_assault, not non-GBV, but has the non-GBV complaint '{listed}'. "
         "Clear the kind of complaint, or check the classification."),
    ]
    assert case_refused(session, desk_case(closing_reason=formula)) == [
        ("DC_UNKNOWN_CHOICE", f"'{formula}' is not a choice for closing reason. Choose one of: {reasons}."),
        ("DC_CLOSING_REASON_NOT_CLOSED",
         f"The case is not closed but has the closing reason '{formula}'. Clear the closing reason, or close the case."),
    ]
    assert case_refused(session, desk_case(status="open", closing_reason="needs_met")) == [
        ("DC_CLOSING_REASON_NOT_CLOSED",
         "The case is not closed but has the closing reason 'needs_met'. Clear the closing reason, or close the case."),
    ]
    assert case_refused(session, desk_case(status="closed", closing_reason=formula)) == [
        ("DC_UNKNOWN_CHOICE", f"'{formula}' is not a choice for closing reason. Choose one of: {reasons}."),
    ]
    # Where they belong, list values are stored; elsewhere empty is fine.
    case_uuid = save_desk_case(session, desk_case(classification_answers="nnnnnn", gbv_type="non_gbv",
                                                  non_gbv_complaint=listed, status="closed", closing_reason="needs_met"))
    assert case_row(session, case_uuid, "non_gbv_complaint, closing_reason") == (listed, "needs_met")
    case_uuid = save_desk_case(session, desk_case(non_gbv_complaint="", closing_reason=None))
    assert case_row(session, case_uuid, "non_gbv_complaint, closing_reason") == (None, None)


def test_pkm_request_dates(desk_supervisor):
    session = desk_supervisor

    def pkm_refused(request: dict) -> list[tuple[str, str]]:
        before = table_counts(session)
        with pytest.raises(ValidationFailed) as caught:
            save_pkm_request(session, request)
        assert table_counts(session) == before
        return [(found.rule, found.message) for found in caught.value.issues]

    request = {"desk": "QTA-CITY", "service": "fir_copy", "applicant_sex": "male", "received_date": "2026-10-05"}
    assert pkm_refused({**request, "completed_date": "2026-10-04"}) == [
        ("PKM_COMPLETED_BEFORE_RECEIVED",
         "The request was completed on 2026-10-04, before it was received on 2026-10-05. Correct the dates."),
    ]
    assert pkm_refused({**request, "received_date": TOMORROW}) == [
        ("PKM_FUTURE", f"The date received {TOMORROW} is in the future (today is {TODAY.isoformat()}). Correct the date."),
    ]
    assert pkm_refused({**request, "completed_date": TOMORROW}) == [
        ("PKM_FUTURE", f"The date completed {TOMORROW} is in the future (today is {TODAY.isoformat()}). Correct the date."),
    ]
    saved = [save_pkm_request(session, {**request, "completed_date": "2026-10-05"}),
             save_pkm_request(session, {**request, "received_date": TODAY.isoformat(),
                                        "completed_date": TODAY.isoformat()})]
    rows = [tuple(session.db.execute("SELECT received_date, completed_date, district FROM pkm_requests WHERE uuid = ?",
                                     [request_uuid]).fetchone()) for request_uuid in saved]
    assert rows == [("2026-10-05", "2026-10-05", "QUETTA"), (TODAY.isoformat(), TODAY.isoformat(), "QUETTA")]


# -- records arriving in a bundle at the centre ------------------------------------------------------------


def exported_rows(session, record_type: str) -> list[dict]:
    """Rows of a district table exactly as they travel (the columns sync.schema lets out)."""
    spec = SPECS[record_type]
    cursor = session.db.execute(f"SELECT {', '.join(spec.exported)} FROM {spec.table} ORDER BY id")
    return [dict(zip(spec.exported, row, strict=True)) for row in cursor]


def test_bundle_records_breaking_sync_rules_are_quarantined_and_the_rest_merged(clerk, supervisor, district_admin,
                                                                                tmp_path):
    # Keys exchanged as in the field: the district trusts the centre's key file, the centre enrolls the device.
    trust_centre(district_admin, tmp_path / "centre.key", export_key_file(clerk, tmp_path / "centre.key"))
    enroll_device(clerk, tmp_path / "device.key", export_key_file(supervisor, tmp_path / "device.key"))
    # Real records made at the district: three values and one consented case (which travels) with a service.
    save_indicator_values(supervisor, [count("PRO-01", LAST_MONTH, 5), count("CRT-01", LAST_MONTH, 6),
                                       count("CRT-02", LAST_MONTH, 8)])
    case_uuid = save_desk_case(supervisor, desk_case(), services=[
        {"service": "legal_aid", "status": "referred", "date": "2026-10-05"}])
    first = export_bundle(supervisor, tmp_path)
    assert [outcome.status for outcome in import_bundles(clerk, [first.path])] == ["imported"]

    # A second bundle, signed by the same enrolled device, carrying broken records beside a good one.
    good, other_device, other_district = exported_rows(supervisor, "indicator_values")
    good = {**good, "value": 7, "hlc": supervisor.clock.now()}
    other_device = {**other_device, "origin_device": "f0000000-0000-4000-8000-000000000000",
                    "hlc": supervisor.clock.now()}
    other_district = {**other_district, "district": "PISHIN", "uuid": str(uuid.uuid4()), "hlc": supervisor.clock.now()}
    (case,) = exported_rows(supervisor, "desk_cases")
    # Another case with the same case number as it travels (<number>@<device>): it clashes at the centre.
    clash = {**case, "case_number": travelling_case_number(case["case_number"], supervisor.device_id),
             "uuid": str(uuid.uuid4()), "hlc": supervisor.clock.now()}
    (service,) = exported_rows(supervisor, "desk_case_services")
    orphan_case = str(uuid.uuid4())
    orphan = {**service, "case_uuid": orphan_case, "uuid": str(uuid.uuid4()), "hlc": supervisor.clock.now()}
    writer = BundleWriter()
    for record_type in RECORD_TYPES:
        records = {"indicator_values": [good, other_device, other_district, ["not", "a", "record"]],
                   "desk_cases": [clash], "desk_case_services": [orphan]}.get(record_type, [])
        writer.add_records(record_type, iter(records))
    manifest = {
        "bundle_id": str(uuid.uuid4()), "device_id": supervisor.device_id, "district": "QUETTA",
        "device_name": supervisor.installation["device_name"], "device_public_key": signing_public_key(supervisor),
        "sequence": 2, "hlc_high": supervisor.clock.now(), "baseline": "", "created_at": TODAY.isoformat(),
        "catalogue_version": supervisor.catalogue.version, "centre_recipient": age_recipient(clerk),
    }
    path = tmp_path / "crafted.mizan"
    write_encrypted(writer.finish(manifest, lambda data: sign(supervisor, data)), [age_recipient(clerk)], path)
    (outcome,) = import_bundles(clerk, [path])
    assert (outcome.status, outcome.counts["quarantined"], outcome.counts["updated"]) == ("imported", 5, 1)

    reasons = {}
    for record_type, record_uuid, text in clerk.db.execute(
            "SELECT record_type, record_uuid, reasons FROM quarantine ORDER BY id"):
        reasons[(record_type, record_uuid)] = [(found["rule"], found["message"]) for found in json.loads(text)]
    assert reasons == {
        ("indicator_values", other_device["uuid"]): [
            ("SY_OTHER_DEVICE",
             "The record claims to come from device 'f0000000-0000-4000-8000-000000000000', but the bundle was "
             f"signed by {supervisor.device_id}. It was kept aside for review.")],
        ("indicator_values", other_district["uuid"]): [
            ("SY_OTHER_DISTRICT",
             "The record is for district 'PISHIN', but the device is enrolled for QUETTA. It was kept aside for review.")],
        ("indicator_values", "line 4"): [
            ("SY_RECORD_SHAPE",
             "The record is not shaped like a Mizan indicator_values record (a line is not a JSON object). "
             "It was kept aside for review.")],
        ("desk_cases", clash["uuid"]): [
            ("SY_DUPLICATE",
             "The record clashes with another record already at the centre (UNIQUE constraint failed: "
             "desk_cases.case_number). It was kept aside for review.")],
        ("desk_case_services", orphan["uuid"]): [
            ("SY_PARENT_MISSING",
             f"The record belongs to case {orphan_case}, which is not at the centre. It was kept aside for review.")],
    }
    # Only the good record was merged; none of the quarantined ones reached the centre's tables.
    values = {(row["indicator"], row["district"]): row["value"] for row in list_indicator_values(clerk)}
    assert values == {("PRO-01", "QUETTA"): 7, ("CRT-01", "QUETTA"): 6, ("CRT-02", "QUETTA"): 8}
    assert [row[0] for row in clerk.db.execute("SELECT uuid FROM desk_cases")] == [case_uuid]
    assert [row[0] for row in clerk.db.execute("SELECT case_uuid FROM desk_case_services")] == [case_uuid]


# Ownership and clock rules at the centre need several enrolled PCs of two districts and clocks set wrong:
# tests/test_attacks_merge.py exercises each through bundles signed by a district PC's own key. Here: their
# severity, the field a screen points at, and the exact words, filled as the merge fills them.
OWNERSHIP_AND_CLOCK_RULES = [
    # Refused for every role once the centre approved the data set (tests/test_approvals.py).
    ("IV_APPROVED", "period", {"value": "2026-10", "district": "QUETTA", "institution": "Prosecution",
                               "day": "2026-11-20", "name": "clara"},
     "The Prosecution data set for QUETTA 2026-10 was approved on 2026-11-20 by clara. Ask the centre to reopen it."),
    # Refused at a district for a target that came in a centre update (tests/test_centre_updates.py).
    ("TG_SET_BY_CENTRE", "target", {"indicator": "PRO-01", "district": "QUETTA", "year": 2026},
     "The target of PRO-01 for QUETTA in 2026 was set by the provincial centre. Ask the centre to change it."),
    ("SY_NOT_OWNER", "origin_device", {"value": "1f0e", "owner": "Quetta DPO", "owner_district": "QUETTA",
                                       "device": "Pishin DPO", "district": "PISHIN"},
     "Record 1f0e belongs to the PC 'Quetta DPO' (QUETTA); the PC 'Pishin DPO' (PISHIN) may not change or delete "
     "it. It was kept aside for review."),
    ("SY_DESK_OWNER", "district", {"value": "QTA-CITY", "owner": "QUETTA", "district": "PISHIN"},
     "Desk QTA-CITY belongs to QUETTA; a PISHIN PC may not change it. It was kept aside for review."),
    ("SY_OTHER_DESK", "desk", {"value": "QTA-CITY", "owner": "QUETTA", "district": "PISHIN"},
     "Desk QTA-CITY belongs to QUETTA; a PISHIN PC may not record cases or requests at it. It was kept aside for "
     "review."),
    ("SY_CLOCK_AHEAD", "hlc", {"value": "2031-05-02", "today": "2026-05-01"},
     "The sending PC's clock read 2031-05-02 when the record was saved, more than a day ahead of the centre's "
     "(2026-05-01): correct the date on that PC and export again. It was kept aside for review."),
    # A record names the catalogue it was entered under; only one the centre issued (tests/test_catalogue_updates.py).
    ("SY_UNKNOWN_CATALOGUE", "catalogue_version", {"value": "2099.1.1"},
     "The record says it was entered under catalogue 2099.1.1, which this centre never issued. It was kept aside "
     "for review."),
]


@pytest.mark.parametrize(("code", "field", "params", "message"), OWNERSHIP_AND_CLOCK_RULES,
                         ids=[rule[0] for rule in OWNERSHIP_AND_CLOCK_RULES])
def test_ownership_and_clock_rules_are_errors_in_plain_words(code, field, params, message):
    found = issue(code, **params)
    assert (found.rule, found.severity, found.field, found.message) == (code, "error", field, message)


# -- the results framework and activity progress (storage/records/plan.py; workbooks: tests/test_plan.py) ----


def _framework_with_problems():
    from storage.records.plan import PlanTarget
    from storage.tools.plan_example import example_framework

    framework = example_framework()
    framework.name, framework.example = "", "maybe"
    items = {(item.level, item.row): item for item in framework.items}
    items["output", 2].department = "health"
    items["activity", 2].code = "A 1"
    items["activity", 3].code = "OP1.1"
    items["activity", 4].title_ur = ""
    items["activity", 5].due = "2024-01-01"
    items["activity", 6].start = "next year"
    items["activity", 7].partner = "x" * 401
    items["activity", 8].parent = "OP9"
    indicators = {linked.row: linked for linked in framework.indicators}
    indicators[3].baseline_value = None
    indicators[5].baseline_year = "24"
    framework.targets.append(PlanTarget("PRO-05", 2025, 10, len(framework.targets) + 2))
    return framework


def test_every_problem_of_a_results_framework_is_listed_with_its_sheet_and_row_and_nothing_is_written(clerk):
    from storage.records.plan import Framework, PlanItem, save_framework

    before = table_counts(clerk)
    with pytest.raises(ValidationFailed) as refused:
        save_framework(clerk, _framework_with_problems())
    assert [(found.sheet, found.row, found.rule, found.message) for found in refused.value.issues] == [
        ("plan", 2, "DC_UNKNOWN_CHOICE", "'maybe' is not a choice for example. Choose one of: yes, no."),
        ("plan", 2, "PL_REQUIRED", "The name is empty. Fill it in."),
        ("outputs", 2, "PL_UNKNOWN_DEPARTMENT", "The department 'health' is not an institution of the catalogue. "
         "Use one of: police, levies, prosecution, courts, prisons, probation, home."),
        ("activities", 2, "PL_CODE_FORMAT", "The code 'A 1' is not a framework code. Use letters, digits, dots and "
         "dashes only, at most 20 characters, e.g. A1.2."),
        ("activities", 3, "PL_DUPLICATE", "OP1.1 is already given on sheet outputs, row 2. Give each one row only."),
        ("activities", 4, "PL_REQUIRED", "The Urdu title is empty. Fill it in."),
        ("activities", 5, "PL_DATES_ORDER", "A1.2.2 is due on 2024-01-01, before it starts on 2024-04-01. Correct one "
         "of the dates."),
        ("activities", 6, "DC_BAD_DATE", "The start date 'next year' is not a date. Write it as YYYY-MM-DD, e.g. "
         "2026-10-31."),
        ("activities", 7, "PL_TEXT_TOO_LONG", "The partner is 401 characters long; at most 400 fit. Shorten it."),
        ("activities", 8, "PL_UNKNOWN_PARENT", "The output 'OP9' is not on the outputs sheet. Use a code from that sheet."),
        ("indicators", 3, "PL_BASELINE_INCOMPLETE", "The baseline of POL-13 needs both its value and its year; give "
         "both, or neither."),
        ("indicators", 5, "PL_YEAR", "The baseline year '24' is not a year from 2000 to 2100. Write it like 2024."),
        ("targets", 35, "PL_TARGET_NOT_LINKED", "PRO-05 has a provincial target but is not on the indicators sheet. "
         "Link it to an output there, or leave its target out."),
    ]
    assert str(refused.value) == "13 problem(s) in the results framework; nothing was saved."
    with pytest.raises(ValidationFailed) as refused:
        save_framework(clerk, Framework("Plan", "پلان", "no", None, [
            PlanItem("objective", "O1", None, "Objective", "مقصد", "home", row=2)]))
    assert [(found.sheet, found.row, found.rule, found.message) for found in refused.value.issues] == [
        ("outputs", None, "PL_EMPTY", "The sheet outputs has no rows. A results framework needs at least one "
         "objective, one output and one activity."),
        ("activities", None, "PL_EMPTY", "The sheet activities has no rows. A results framework needs at least one "
         "objective, one output and one activity."),
    ]
    assert table_counts(clerk) == before


def test_every_problem_of_a_progress_report_is_listed_and_nothing_is_written(clerk):
    from storage.records.plan import record_progress, save_framework
    from storage.tools.plan_example import example_framework

    save_framework(clerk, example_framework())
    record_progress(clerk, "A1.2.1", "on_track", 50, LAST_MONTH + "-20", "Desks open")
    before = table_counts(clerk)

    def refused_progress(*arguments) -> list[tuple[str, str]]:
        with pytest.raises(ValidationFailed) as refused:
            record_progress(clerk, *arguments)
        assert table_counts(clerk) == before
        return [(found.rule, found.message) for found in refused.value.issues]

    tomorrow = (TODAY + dt.timedelta(days=1)).isoformat()
    assert refused_progress("A9.9", "done", 90, tomorrow, "") == [
        ("PL_UNKNOWN_ACTIVITY", "Activity 'A9.9' is not in the results framework. Use a code that `plan show` lists."),
        ("PL_DONE_PERCENT", "An activity that is done is 100% done, not 90%. Give 100, or choose another status."),
        ("PKM_FUTURE", f"The progress date {tomorrow} is in the future (today is {TODAY.isoformat()}). Correct the date."),
        ("PL_EVIDENCE_REQUIRED", "An activity marked done needs evidence: say what shows it (a notification, a report, "
         "a visit)."),
    ]
    assert refused_progress("A1.2.1", "dropped", "-5", LAST_MONTH + "-10", "x" * 2001) == [
        ("PL_PERCENT", "The percent done '-5' is not a number from 0 to 100. Write it like 40."),
        ("PL_PROGRESS_BEFORE_LAST", f"Activity A1.2.1 already has progress as of {LAST_MONTH}-20; {LAST_MONTH}-10 is "
         f"earlier. Progress is recorded forward: give a date from {LAST_MONTH}-20 on."),
        ("PL_TEXT_TOO_LONG", "The evidence is 2001 characters long; at most 2000 fit. Shorten it."),
    ]
    assert refused_progress("A1.2.1", "stalled", 10, "yesterday") == [
        ("DC_UNKNOWN_CHOICE", "'stalled' is not a choice for activity status. Choose one of: not_started, on_track, "
         "delayed, done, dropped."),
        ("DC_BAD_DATE", "The progress date 'yesterday' is not a date. Write it as YYYY-MM-DD, e.g. 2026-10-31."),
    ]


# Rules about the workbook as a file, and the note of a load that drops an activity with progress: shown with
# real workbooks in tests/test_plan.py. Here: severity, field and exact words.
PLAN_FILE_RULES = [
    ("PL_WORKBOOK_NEEDED", "error", "file", {"value": "plan.csv"},
     "The results framework has several sheets; plan.csv holds one. Save it as an Excel workbook (.xlsx) or .ods, "
     "starting from `plan template`."),
    ("PL_SHEET_MISSING", "error", "sheet", {"value": "targets", "expected": "plan, objectives"},
     "The workbook has no sheet called targets. It needs the sheets plan, objectives; start from `plan template`."),
    ("PL_PROGRESS_KEPT", "note", "code", {"value": "A3.1.2", "count": 2},
     "Activity A3.1.2 is not in the new framework; its 2 progress report(s) stay in the history."),
]


@pytest.mark.parametrize(("code", "severity", "field", "params", "message"), PLAN_FILE_RULES,
                         ids=[rule[0] for rule in PLAN_FILE_RULES])
def test_the_results_framework_file_rules_in_plain_words(code, severity, field, params, message):
    found = issue(code, **params)
    assert (found.rule, found.severity, found.field, found.message) == (code, severity, field, message)


# -- the rule table itself -------------------------------------------------------------------------------


def test_every_rule_code_is_exercised_in_this_file():
    # The rules about office files themselves are shown with real files in test_office_files.py.
    text = "".join(path.read_text(encoding="utf-8") for path in (Path(__file__), Path(__file__).with_name("test_office_files.py")))
    mentioned = set(re.findall(r"\b[A-Z]{2,3}_[A-Z0-9_]+\b", text))
    missing = sorted(code for code in RULES if code not in mentioned)
    assert missing == [], f"rules without a test in {Path(__file__).name}: {', '.join(missing)}"
