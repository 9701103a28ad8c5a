"""The password rule (issue 12, low): at least 10 characters and not easy to guess by zxcvbn's estimate,
with the user's name and district counted as guessable; refused passwords write nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from main import main
from storage.core.keyslots import keyfile_path
from storage.core.roles import MIN_PASSWORD_LENGTH, check_password_strength
from storage.core.session import create_database
from storage.errors import UsageError
from storage.records.users import add_user, change_password
from tests.conftest import table_counts

TOO_SHORT = ("A password needs at least 10 characters. Four or more words that do not belong together, with "
             "spaces between them, are easy to remember and hard to guess.")
TOO_EASY = ("This password is easy to guess: it is a common password, or close to a word, a name, a date or a "
            "keyboard pattern. Choose four or more words that do not belong together, with spaces between them.")

WEAK = [
    "Password1!",  # a common password with the usual decorations
    "qwertyuiop",  # a keyboard row
    "1234567890",
    "iloveyou12",
    "Pakistan123",
    "mizan-2026!",  # the application's own name and a year
]
STRONG = ["tulip orbit saddle lamp", "river chalk window seventy", "kP3#vL9q!mZ2", "x" * 3 + "tulip orbit saddle lamp" * 400]


def test_the_minimum_is_ten_characters():
    assert MIN_PASSWORD_LENGTH == 10
    with pytest.raises(UsageError) as short:
        check_password_strength("kP3#vL9q!")  # 9 characters, random: still too short
    assert str(short.value) == TOO_SHORT


@pytest.mark.parametrize("password", WEAK)
def test_common_and_patterned_passwords_are_refused_saying_how_to_choose(password):
    assert len(password) >= MIN_PASSWORD_LENGTH
    with pytest.raises(UsageError) as weak:
        check_password_strength(password, user="amina", district="QUETTA")
    assert str(weak.value) == TOO_EASY


@pytest.mark.parametrize("password", STRONG)
def test_unrelated_words_and_random_passwords_are_accepted(password):
    check_password_strength(password, user="amina", district="QUETTA")


def test_the_users_name_and_district_count_as_guessable():
    check_password_strength("amina-quetta")  # for someone else, elsewhere: not in any list
    with pytest.raises(UsageError) as weak:
        check_password_strength("amina-quetta", user="amina", district="QUETTA")
    assert str(weak.value) == TOO_EASY


def test_a_weak_first_password_creates_nothing(tmp_path: Path):
    path = tmp_path / "office" / "quetta.db"
    with pytest.raises(UsageError) as weak:
        create_database(path, role="district", district="QUETTA", admin="amina", password="Quetta@2026")
    assert str(weak.value) == TOO_EASY
    assert not path.exists() and not keyfile_path(path).exists()
    assert not path.parent.exists() or not any(path.parent.iterdir())


def test_the_cli_init_refuses_a_weak_password_with_exit_code_2(tmp_path: Path, monkeypatch, capsys):
    path = tmp_path / "centre.db"
    monkeypatch.setenv("MIZAN_PASSWORD", "Password1!")
    code = main(["--db", str(path), "init", "--role", "centre", "--admin", "karim"])
    assert code == 2 and capsys.readouterr().err.strip() == TOO_EASY
    assert not path.exists() and not keyfile_path(path).exists()


def test_adding_a_user_or_changing_a_password_with_a_weak_one_writes_nothing(district_admin, supervisor):
    keys_before = keyfile_path(district_admin.path).read_bytes()
    counts = table_counts(district_admin)
    with pytest.raises(UsageError) as weak:
        add_user(district_admin, "amina", "operator", "amina-quetta")
    assert str(weak.value) == TOO_EASY
    with pytest.raises(UsageError) as short:
        change_password(supervisor, "sana", "sana-2026")
    assert str(short.value) == TOO_SHORT
    with pytest.raises(UsageError) as weak_reset:
        change_password(district_admin, "omar", "iloveyou12")
    assert str(weak_reset.value) == TOO_EASY
    assert keyfile_path(district_admin.path).read_bytes() == keys_before
    assert table_counts(district_admin) == counts

    add_user(district_admin, "amina", "operator", "tulip orbit saddle lamp")
    assert district_admin.db.execute("SELECT role FROM users WHERE name = 'amina'").fetchone() == ("operator",)
