"""The command line, end to end through main.main(): exit codes, template and load, values."""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook

from main import main
from storage.core.session import open_session
from storage.errors import AuthError
from tests.conftest import ADMIN_PASSWORD, OPERATOR_PASSWORD, SUPERVISOR_PASSWORD, table_counts


def _month(back: int) -> str:
    day = dt.date.today().replace(day=1)
    for _ in range(back):
        day = (day - dt.timedelta(days=1)).replace(day=1)
    return f"{day.year:04d}-{day.month:02d}"


@pytest.fixture
def as_sana(monkeypatch, district_db: Path):
    monkeypatch.setenv("MIZAN_PASSWORD", SUPERVISOR_PASSWORD)
    return ["--db", str(district_db), "--user", "sana"]


def test_version_needs_no_database(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == "Mizan 0.1.0"


def test_init_prints_the_recovery_key_once(tmp_path: Path, monkeypatch, capsys):
    monkeypatch.setenv("MIZAN_PASSWORD", "first-admin-pass")
    db = tmp_path / "d.db"
    assert main(["--db", str(db), "init", "--role", "district", "--district", "KECH", "--device-name", "Turbat",
                 "--admin", "nadia"]) == 0
    out = capsys.readouterr().out
    assert "RECOVERY KEY" in out and "shown only once" in out
    key_line = [line.strip() for line in out.splitlines() if line.startswith("    ")][0]
    assert len(key_line) == 39
    session = open_session(db, "nadia", "first-admin-pass")
    assert session.installation["district"] == "KECH" and session.installation["device_name"] == "Turbat"
    session.close()
    assert main(["--db", str(db), "init", "--role", "district", "--district", "KECH", "--admin", "x"]) == 2
    assert "already exists; refusing to overwrite" in capsys.readouterr().err


def test_usage_errors_exit_2(tmp_path: Path, monkeypatch, capsys):
    monkeypatch.setenv("MIZAN_PASSWORD", "first-admin-pass")
    assert main(["--db", str(tmp_path / "d.db"), "init", "--role", "district", "--admin", "x"]) == 2
    assert capsys.readouterr().err.strip() == "A district installation needs --district CODE (e.g. QUETTA)."
    assert not (tmp_path / "d.db").exists()
    with pytest.raises(SystemExit) as exit_info:
        main(["load"])
    assert exit_info.value.code == 2


def test_wrong_password_and_permission_exit_4(district_db: Path, monkeypatch, capsys):
    monkeypatch.setenv("MIZAN_PASSWORD", "wrong-password")
    assert main(["--db", str(district_db), "--user", "sana", "values"]) == 4
    assert "Wrong password for 'sana'" in capsys.readouterr().err
    monkeypatch.setenv("MIZAN_PASSWORD", OPERATOR_PASSWORD)
    monkeypatch.setenv("MIZAN_NEW_PASSWORD", "another-pass-1")
    assert main(["--db", str(district_db), "--user", "omar", "user", "add", "eve", "--role", "operator"]) == 4
    assert capsys.readouterr().err.strip() == (
        "omar (role: operator) may not manage users; that needs one of the roles: admin, supervisor.")


def test_locked_user_exits_4_until_unlocked(district_db: Path, monkeypatch, capsys):
    monkeypatch.setenv("MIZAN_PASSWORD", "wrong-password")
    for _ in range(5):
        assert main(["--db", str(district_db), "--user", "omar", "values"]) == 4
    monkeypatch.setenv("MIZAN_PASSWORD", OPERATOR_PASSWORD)
    assert main(["--db", str(district_db), "--user", "omar", "values"]) == 4
    assert "is locked after 5 wrong passwords" in capsys.readouterr().err
    monkeypatch.setenv("MIZAN_PASSWORD", SUPERVISOR_PASSWORD)
    assert main(["--db", str(district_db), "--user", "sana", "user", "unlock", "omar"]) == 0
    monkeypatch.setenv("MIZAN_PASSWORD", OPERATOR_PASSWORD)
    assert main(["--db", str(district_db), "--user", "omar", "values"]) == 0


def _fill_template(rows: list[list[str]], period: str) -> int:
    """Fill the prison population and conviction rows of a template the way a clerk would."""
    filled = 0
    for row in rows[1:]:
        indicator, _, row_period, cell = row[:4]
        if row_period != period:
            continue
        if indicator == "PRO-04" and cell == "total":
            row[5], row[6] = "12", "40"
            filled += 1
        elif indicator == "PRO-01":
            row[4] = "55"
            filled += 1
    return filled


def test_a_filled_csv_template_loads_as_it_is(as_sana, tmp_path: Path, capsys):
    period = _month(1)
    sheet = tmp_path / "entry.csv"
    assert main([*as_sana, "template", "--period", period, "--out", str(sheet)]) == 0
    with open(sheet, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["indicator", "district", "period", "cell", "value", "numerator", "denominator", "comment"]
    assert ["PRS-01", "QUETTA", period, "age=adult;detention=convicted;sex=female"] in [r[:4] for r in rows]
    assert not any(r[0] in ("POL-09", "POL-10", "POL-12") for r in rows[1:]), "desk indicators are never typed"
    assert _fill_template(rows, period) == 2
    with open(sheet, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    capsys.readouterr()
    assert main([*as_sana, "load", str(sheet), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert (report["new"], report["updated"], report["problems"], report["written"]) == (2, 0, [], True)
    assert main([*as_sana, "values", "--json"]) == 0
    values = json.loads(capsys.readouterr().out)
    assert values == [
        {"indicator": "PRO-01", "district": "QUETTA", "period": period, "cell": "total", "value": 55,
         "numerator": None, "denominator": None, "comment": None},
        {"indicator": "PRO-04", "district": "QUETTA", "period": period, "cell": "total", "value": 30,
         "numerator": 12, "denominator": 40, "comment": None},
    ]
    # The same file again: nothing changes.
    assert main([*as_sana, "load", str(sheet), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["unchanged"] == 2


def test_an_xlsx_template_round_trips(as_sana, tmp_path: Path, capsys):
    period = _month(2)
    sheet = tmp_path / "entry.xlsx"
    assert main([*as_sana, "template", "--period", period, "--out", str(sheet)]) == 0
    workbook = load_workbook(sheet)
    assert workbook.sheetnames == ["values", "guide"]
    values_sheet = workbook["values"]
    for row in values_sheet.iter_rows(min_row=2):
        if row[0].value == "PRO-01" and row[3].value == "total":
            row[4].value = 7
    workbook.save(sheet)
    assert main([*as_sana, "load", str(sheet)]) == 0
    assert f"Loaded {sheet}: 1 new, 0 updated, 0 unchanged" in capsys.readouterr().out
    assert main([*as_sana, "values", "--json", "--period", period]) == 0
    assert [v["value"] for v in json.loads(capsys.readouterr().out)] == [7]


def test_a_bad_load_lists_every_row_and_writes_nothing(as_sana, district_db: Path, tmp_path: Path, capsys):
    period = _month(1)
    sheet = tmp_path / "bad.csv"
    sheet.write_text(
        "indicator,district,period,cell,value,numerator,denominator,comment\n"
        f"PRO-01,QUETTA,{period},total,14,,,\n"
        f"PRO-01,QUETTA,{period}x,total,3,,,\n"
        f"PRO-04,QUETTA,{period},total,,50,40,\n"
        f"NOPE-1,QUETTA,{period},total,1,,,\n", encoding="utf-8")
    session = open_session(district_db, "sana", SUPERVISOR_PASSWORD)
    before = table_counts(session)
    session.close()
    assert main([*as_sana, "load", str(sheet), "--json"]) == 3
    report = json.loads(capsys.readouterr().out)
    assert report["written"] is False
    assert [(p["row"], p["rule"]) for p in report["problems"]] == [
        (3, "IV_PERIOD_FORMAT"), (4, "IV_NUMERATOR_EXCEEDS_DENOMINATOR"), (5, "IV_UNKNOWN_INDICATOR")]
    assert report["problems"][2]["message"] == (
        "Indicator 'NOPE-1' is not in the catalogue. Use a code such as POL-01, as in the template.")
    assert main([*as_sana, "load", str(sheet)]) == 3
    err = capsys.readouterr().err
    assert err.splitlines()[0] == f"{sheet}: 3 problem(s); nothing was written."
    assert f"  row 3: IV_PERIOD_FORMAT: Period '{period}x' does not fit PRO-01, which is monthly. Write it like 2026-10." in err
    session = open_session(district_db, "sana", SUPERVISOR_PASSWORD)
    assert table_counts(session) == before
    session.close()


def test_a_refused_load_still_lists_its_warnings(as_sana, district_db: Path, tmp_path: Path, capsys):
    """Issue 13: the JSON said "warnings": [] while "problems" held a warning (and a refused file hid the
    rows a new try would mark to check later)."""
    period, before_period = _month(1), _month(2)
    sheet = tmp_path / "month.csv"
    sheet.write_text(
        "indicator,district,period,cell,value,numerator,denominator,comment\n"
        f"PRO-01,QUETTA,{before_period},total,10,,,\n"
        f"PRO-01,QUETTA,{period},total,40,,,\n"  # row 3: 4 x the month before, no comment: a warning
        f"POL-04,QUETTA,{period},total,,abc,10,\n", encoding="utf-8")  # row 4: an error
    session = open_session(district_db, "sana", SUPERVISOR_PASSWORD)
    before = table_counts(session)
    session.close()
    assert main([*as_sana, "load", str(sheet), "--json", "--strict"]) == 3
    strict = json.loads(capsys.readouterr().out)
    assert [(p["row"], p["rule"], p["severity"]) for p in strict["problems"]] == [
        (3, "IV_OUTLIER", "warning"), (4, "IV_NOT_A_NUMBER", "error")]
    assert [(w["row"], w["rule"]) for w in strict["warnings"]] == [(3, "IV_OUTLIER")]
    assert main([*as_sana, "load", str(sheet), "--json"]) == 3
    plain = json.loads(capsys.readouterr().out)
    assert [(p["row"], p["rule"]) for p in plain["problems"]] == [(4, "IV_NOT_A_NUMBER")]
    assert [(w["row"], w["rule"]) for w in plain["warnings"]] == [(3, "IV_OUTLIER")]
    assert main([*as_sana, "load", str(sheet)]) == 3
    err = capsys.readouterr().err.splitlines()
    assert err[0] == f"{sheet}: 1 problem(s); nothing was written."
    assert err[2].startswith("  row 3: IV_OUTLIER (would be marked to check later): PRO-01 40 is unusual for QUETTA")
    session = open_session(district_db, "sana", SUPERVISOR_PASSWORD)
    assert table_counts(session) == before
    session.close()


def test_dry_run_writes_nothing(as_sana, district_db: Path, tmp_path: Path, capsys):
    sheet = tmp_path / "ok.csv"
    sheet.write_text("indicator,district,period,cell,value,numerator,denominator,comment\n"
                     f"PRO-01,QUETTA,{_month(1)},total,14,,,\n", encoding="utf-8")
    assert main([*as_sana, "load", str(sheet), "--dry-run", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert (report["new"], report["written"]) == (1, False)
    assert main([*as_sana, "values", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_validate_and_audit_verify(as_sana, capsys):
    assert main([*as_sana, "validate", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["errors"] == 0
    assert main([*as_sana, "audit", "verify"]) == 0
    assert capsys.readouterr().out.startswith("Audit log intact:")


def test_user_commands_show_who_waits_grant_and_say_what_a_removal_rotated(district_db: Path, monkeypatch, capsys):
    admin = ["--db", str(district_db), "--user", "admin"]
    monkeypatch.setenv("MIZAN_PASSWORD", ADMIN_PASSWORD)
    monkeypatch.setenv("MIZAN_NEW_PASSWORD", "zara-pass-long")
    assert main([*admin, "user", "add", "zara", "--role", "operator"]) == 0
    out = capsys.readouterr().out
    assert "zara waits for access to case identities until a supervisor who holds it runs `user grant zara`." in out
    assert main([*admin, "user", "list"]) == 0
    listed = {line.split()[0]: line for line in capsys.readouterr().out.splitlines()}
    assert "waiting for access to case identities" in listed["zara"]
    assert "waiting" not in listed["omar"]
    assert main([*admin, "user", "remove", "omar"]) == 0
    out = capsys.readouterr().out
    assert "The database key was changed: omar's old password and old copies of the key file open nothing new." in out
    assert "The identity key changes at the next sign-in of a supervisor or operator who holds it" in out
    monkeypatch.setenv("MIZAN_PASSWORD", SUPERVISOR_PASSWORD)
    assert main(["--db", str(district_db), "--user", "sana", "user", "grant", "zara"]) == 0
    assert capsys.readouterr().out.strip() == "Granted zara access to case identities."
    assert main(["--db", str(district_db), "--user", "sana", "user", "list"]) == 0
    assert "waiting" not in capsys.readouterr().out


def test_user_list_shows_a_lock_in_local_time_like_the_sign_in_refusal(as_sana, district_db, monkeypatch, capsys):
    import time

    monkeypatch.setenv("TZ", "Asia/Karachi")
    time.tzset()
    try:
        for _ in range(5):
            with pytest.raises(AuthError):
                open_session(district_db, "omar", "wrong-password")
        with pytest.raises(AuthError) as refused:
            open_session(district_db, "omar", "wrong-password")
        shown = re.search(r"until (\d\d:\d\d)\.", str(refused.value)).group(1)  # the refusal's local time
        capsys.readouterr()
        assert main([*as_sana, "user", "list"]) == 0
        [line] = [line for line in capsys.readouterr().out.splitlines() if line.startswith("omar ")]
        assert re.search(rf"locked until \d{{4}}-\d\d-\d\d {shown}$", line), line
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()
