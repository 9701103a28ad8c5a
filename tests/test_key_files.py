"""Key files and the fingerprint heard by phone, apart from the attacks (tests/test_attacks_keyfiles.py):
how a typed fingerprint is read, the command line's ``--i-compared`` prompt, and the checks that keep a
key file to exactly what Mizan writes."""

from __future__ import annotations

import sys

import pytest

from main import main
from storage.core.session import open_session
from storage.errors import UsageError
from sync.devices import enroll_device
from sync.keys import KeyFileError, export_key_file, own_fingerprint, parse_fingerprint, trusted_centre
from tests.conftest import ADMIN_PASSWORD, CLERK_PASSWORD, table_counts
from tests.sync_helpers import make_district

NOT_A_FINGERPRINT = ("{typed} is not a fingerprint. A fingerprint is 16 letters and digits in four groups, like "
                     "ABCD-EFGH-JKMN-PQRS, and never holds 0, 1, I or O: type what the other office read out to you.")


@pytest.mark.parametrize("typed", [
    "ABCD-EFGH-JKMN-PQ23",
    "abcd efgh jkmn pq23",  # as heard: lower case, spaces
    "abcdefghjkmnpq23",
    " ABCD–EFGH—JKMN.PQ23 ",  # other dashes, a dot, spaces around
    "ABCD-EFGH-JKMN-PQ۲۳",  # digits typed on an Urdu keyboard
    "ＡＢＣＤ-ＥＦＧＨ-ＪＫＭＮ-ＰＱ２３",  # full width
    "\u200eABCD-EFGH-JKMN-PQ23\u200f",  # direction marks an Urdu text field adds
])
def test_a_typed_fingerprint_is_read_as_heard(typed):
    assert parse_fingerprint(typed) == "ABCD-EFGH-JKMN-PQ23"


@pytest.mark.parametrize("typed", ["ABCD-EFGH-JKMN-PQ2", "ABCD-EFGH-JKMN-PQ234", "ABCD-EFGH-JKMN-PQ0O",
                                   "ABCD-EFGH-JKMN-PQ1I", "", "ABCD-EFGH-JKMN-PQ2Ж"])
def test_what_is_not_a_fingerprint_is_refused_as_such(typed):
    with pytest.raises(UsageError) as refused:
        parse_fingerprint(typed)
    assert str(refused.value) == NOT_A_FINGERPRINT.format(typed=repr(typed))


def test_a_fingerprint_typed_with_urdu_digits_enrolls(clerk, district_admin, tmp_path):
    heard = export_key_file(district_admin, tmp_path / "quetta.enroll").lower()
    heard = heard.translate(str.maketrans("23456789", "۲۳۴۵۶۷۸۹")).replace("-", " ")
    enrollment = enroll_device(clerk, tmp_path / "quetta.enroll", heard)
    assert enrollment.fingerprint == own_fingerprint(district_admin)
    assert clerk.db.execute("SELECT fingerprint FROM devices").fetchall() == [(own_fingerprint(district_admin),)]


def test_a_key_file_names_each_field_once(clerk, district_admin, tmp_path):
    heard = export_key_file(district_admin, tmp_path / "quetta.enroll")
    text = (tmp_path / "quetta.enroll").read_text()
    (tmp_path / "quetta.enroll").write_text(text + "device-name: Someone else\n")
    with pytest.raises(KeyFileError) as refused:
        enroll_device(clerk, tmp_path / "quetta.enroll", heard)
    assert str(refused.value) == ("quetta.enroll names 'device-name' twice; a Mizan key file names each once. "
                                  "Nothing was stored.")
    (tmp_path / "quetta.enroll").write_text(text + "#" * 20_000 + "\n")
    with pytest.raises(KeyFileError) as refused:
        enroll_device(clerk, tmp_path / "quetta.enroll", heard)
    assert str(refused.value) == "quetta.enroll is too large to be a Mizan key file."
    assert clerk.db.execute("SELECT count(*) FROM devices").fetchone() == (0,)


@pytest.mark.parametrize("name", ["Q" * 101, "Quetta\tDPO"])
def test_a_pc_whose_name_the_centre_would_refuse_writes_no_enrollment_file(name, tmp_path):
    admin = open_session(make_district(tmp_path, "QUETTA", device_name=name), "admin", ADMIN_PASSWORD)
    try:
        with pytest.raises(UsageError) as refused:
            export_key_file(admin, tmp_path / "quetta.enroll")
    finally:
        admin.close()
    assert str(refused.value) == ("This PC's name is longer than 100 characters or holds control characters, so the "
                                  "centre would refuse its enrollment file. Install Mizan afresh with a shorter, plain "
                                  "name.")
    assert not (tmp_path / "quetta.enroll").exists()


def test_a_urdu_pc_name_with_a_zero_width_non_joiner_enrolls(clerk, tmp_path):
    name = "کوئٹہ ڈی\u200cپی او"
    admin = open_session(make_district(tmp_path, "QUETTA", device_name=name), "admin", ADMIN_PASSWORD)
    try:
        heard = export_key_file(admin, tmp_path / "quetta.enroll")
    finally:
        admin.close()
    assert enroll_device(clerk, tmp_path / "quetta.enroll", heard).device_name == name


# -- the command line's prompt ---------------------------------------------------------------------------


def cli(session, user: str, password: str, monkeypatch, capsys, *args: str) -> tuple[int, str]:
    monkeypatch.setenv("MIZAN_PASSWORD", password)
    capsys.readouterr()
    code = main(["--db", str(session.path), "--user", user, *args])
    printed = capsys.readouterr()
    return code, printed.out + printed.err


def in_a_terminal(monkeypatch, typed: str) -> list[str]:
    """Make stdin a terminal where the person types ``typed``; returns the prompts shown."""
    prompts: list[str] = []
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True, raising=False)
    monkeypatch.setattr("builtins.input", lambda prompt="": prompts.append(prompt) or typed)
    return prompts


def test_i_compared_in_a_terminal_asks_for_the_fingerprint_heard_and_compares_it(
        clerk, district_admin, tmp_path, monkeypatch, capsys):
    centre_print = export_key_file(clerk, tmp_path / "centre.key")
    prompts = in_a_terminal(monkeypatch, "AAAA-BBBB-CCCC-DDDD")  # misheard
    before = table_counts(district_admin)
    code, printed = cli(district_admin, "admin", ADMIN_PASSWORD, monkeypatch, capsys,
                        "keys", "import", str(tmp_path / "centre.key"), "--i-compared")
    assert code == 5 and prompts == ["Type the fingerprint the provincial centre read out to you: "]
    assert printed.strip() == ("The fingerprint you typed, AAAA-BBBB-CCCC-DDDD, is not this file's (centre.key). The "
                               "file may have been changed on its way: do not trust it; ask the other office to read "
                               "theirs again. Nothing was stored.")
    assert table_counts(district_admin) == before

    in_a_terminal(monkeypatch, centre_print.lower())
    code, printed = cli(district_admin, "admin", ADMIN_PASSWORD, monkeypatch, capsys,
                        "keys", "import", str(tmp_path / "centre.key"), "--i-compared")
    assert code == 0 and printed.strip() == f"The fingerprint matches: this office now trusts the centre {centre_print}."
    assert trusted_centre(district_admin).fingerprint == centre_print

    quetta_print = export_key_file(district_admin, tmp_path / "quetta.enroll")
    prompts = in_a_terminal(monkeypatch, quetta_print)
    code, printed = cli(clerk, "clara", CLERK_PASSWORD, monkeypatch, capsys,
                        "devices", "enroll", str(tmp_path / "quetta.enroll"), "--i-compared")
    assert code == 0 and prompts == ["Type the fingerprint the district office read out to you: "]
    assert printed.strip() == (f"The fingerprint matches: enrolled device 'Quetta DPO' of QUETTA "
                               f"({district_admin.device_id}), fingerprint {quetta_print}.")


def test_i_compared_without_a_terminal_is_refused(clerk, district_admin, tmp_path, monkeypatch, capsys):
    quetta_print = export_key_file(district_admin, tmp_path / "quetta.enroll")
    monkeypatch.setattr(sys.stdin, "isatty", lambda: False, raising=False)
    code, printed = cli(clerk, "clara", CLERK_PASSWORD, monkeypatch, capsys,
                        "devices", "enroll", str(tmp_path / "quetta.enroll"), "--i-compared")
    assert code == 2 and printed.strip() == ("--i-compared asks you to type the fingerprint you heard, and that needs "
                                             "a terminal. Give it with --fingerprint instead.")
    assert quetta_print not in printed
    assert clerk.db.execute("SELECT count(*) FROM devices").fetchone() == (0,)
    code, printed = cli(clerk, "clara", CLERK_PASSWORD, monkeypatch, capsys,
                        "devices", "enroll", str(tmp_path / "quetta.enroll"), "--fingerprint", quetta_print)
    assert code == 0


def test_a_damaged_file_is_refused_before_anyone_is_asked_to_phone(clerk, district_admin, tmp_path, monkeypatch,
                                                                     capsys):
    export_key_file(district_admin, tmp_path / "quetta.enroll")
    text = (tmp_path / "quetta.enroll").read_text()
    (tmp_path / "quetta.enroll").write_text(text.replace(f"device-id: {district_admin.device_id}",
                                                         "device-id: ../../x"))
    code, printed = cli(clerk, "clara", CLERK_PASSWORD, monkeypatch, capsys,
                        "devices", "enroll", str(tmp_path / "quetta.enroll"))
    assert code == 5 and printed.strip() == (
        "quetta.enroll: device-id is not a device id (Mizan writes a UUID). The file was damaged or changed on its "
        "way; nothing was stored.")
    (tmp_path / "centre.key").write_text("format: mizan-centre-key 1\nage-recipient: age1nothing\n")
    code, printed = cli(district_admin, "admin", ADMIN_PASSWORD, monkeypatch, capsys,
                        "keys", "import", str(tmp_path / "centre.key"))
    assert code == 5 and printed.strip() == "centre.key lacks signing-public-key, fingerprint."
