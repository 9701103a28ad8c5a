"""The Urdu translation is complete and safe to use: the interface's messages (resources/translations/
mizan_ur.ts) and the catalogue's names (the ``*_ur`` columns beside the English in resources/*.csv).

A translation must keep what the code fills in or acts on: ``{name}`` fields (with their format spec),
Qt's ``%n``/``%Ln`` plurals, HTML tags, line breaks and the keyboard accelerator (``&S`` in the English
becomes ``(&S)`` after the Urdu, so the same shortcut keeps working).
"""

from __future__ import annotations

import csv
import re
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from collections import Counter
from pathlib import Path

import pytest

from storage.reference.catalogue import load_catalogue, resources_dir

TS_FILE = resources_dir() / "translations" / "mizan_ur.ts"
LRELEASE = Path(sys.executable).parent / "pyside6-lrelease"

FIELD = re.compile(r"\{[^{}]*\}")
QT_PLURAL = re.compile(r"%L?n")
TAG = re.compile(r"</?[A-Za-z][^<>]*>")
ACCELERATOR = re.compile(r"(?<!&)&([A-Za-z0-9])")
URDU_LETTER = re.compile(r"[\u0600-\u06FF]")

# Messages whose Urdu may be written in Latin letters only: the app's name, file formats, placeholders.
LATIN_ONLY = {"Mizan", "{name} ({code})", "&PDF…", "&CSV…"}


def messages() -> list[tuple[str, ElementTree.Element]]:
    """(context, message) for every live message of the .ts (vanished or obsolete ones are history)."""
    found = []
    for context in ElementTree.parse(TS_FILE).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            if translation.get("type") in ("vanished", "obsolete"):
                continue
            found.append((name, message))
    return found


def texts(message: ElementTree.Element) -> list[str]:
    """The translated text of a message, one per plural form."""
    translation = message.find("translation")
    forms = translation.findall("numerusform")
    return [form.text or "" for form in forms] if forms else [translation.text or ""]


def where(context: str, message: ElementTree.Element) -> str:
    return f"[{context}] {message.findtext('source')!r}"


class AnyValue:
    """Formats under any spec (``{n:,}``, ``{rate:.0%}``), to try a template without real values."""

    def __format__(self, spec: str) -> str:
        return "1"


def test_the_ts_file_has_messages():
    assert len(messages()) > 600


def test_every_message_is_translated_and_finished():
    problems = []
    for context, message in messages():
        translation = message.find("translation")
        if translation.get("type") == "unfinished":
            problems.append("unfinished " + where(context, message))
        elif not all(text.strip() for text in texts(message)):
            problems.append("empty " + where(context, message))
    assert not problems, "\n".join(problems)


def test_every_translation_is_written_in_urdu():
    problems = []
    for context, message in messages():
        source = message.findtext("source") or ""
        for text in texts(message):
            if source in LATIN_ONLY:
                continue
            if not URDU_LETTER.search(text) or text == source:
                problems.append(f"{where(context, message)} -> {text!r}")
    assert not problems, "\n".join(problems)


def test_translations_keep_placeholders_tags_and_line_breaks():
    problems = []
    for context, message in messages():
        source = message.findtext("source") or ""
        plural = message.get("numerus") == "yes"
        for text in texts(message):
            checks = {
                "fields": (set(FIELD.findall(source)), set(FIELD.findall(text))),
                "plurals": (Counter(QT_PLURAL.findall(source)), Counter(QT_PLURAL.findall(text))),
                "tags": (Counter(TAG.findall(source)), Counter(TAG.findall(text))),
                "line breaks": (source.count("\n"), text.count("\n")),
            }
            for what, (expected, got) in checks.items():
                if expected != got:
                    problems.append(f"{where(context, message)}: {what} {expected} became {got} in {text!r}")
            if plural and not QT_PLURAL.search(text):
                problems.append(f"{where(context, message)}: a plural form without %n: {text!r}")
    assert not problems, "\n".join(problems)


def test_translated_templates_fill_like_the_english():
    """A stray or broken brace would raise when the code calls ``.format`` on the Urdu."""
    problems = []
    for context, message in messages():
        source = message.findtext("source") or ""
        names = {field.strip("{}").split(":")[0].split("!")[0] for field in FIELD.findall(source)}
        if not names or not all(name.isidentifier() for name in names):
            continue
        values = dict.fromkeys(names, AnyValue())
        source.format(**values)
        for text in texts(message):
            try:
                text.format(**values)
            except (KeyError, IndexError, ValueError) as error:
                problems.append(f"{where(context, message)}: {error!r} in {text!r}")
    assert not problems, "\n".join(problems)


def test_accelerators_keep_their_letter():
    problems = []
    for context, message in messages():
        source = message.findtext("source") or ""
        letters = [letter.upper() for letter in ACCELERATOR.findall(source)]  # Qt ignores the case
        for text in texts(message):
            if [letter.upper() for letter in ACCELERATOR.findall(text)] != letters:
                problems.append(f"{where(context, message)}: accelerator {letters} became "
                                f"{ACCELERATOR.findall(text)} in {text!r}")
            for letter in letters:
                if f"(&{letter})" not in text.upper() and not text.upper().startswith(f"&{letter}"):
                    problems.append(f"{where(context, message)}: write the accelerator as (&{letter}): {text!r}")
    assert not problems, "\n".join(problems)


def test_lrelease_builds_the_catalog_with_nothing_unfinished(tmp_path: Path):
    qm = tmp_path / "mizan_ur.qm"
    result = subprocess.run([str(LRELEASE), str(TS_FILE), "-qm", str(qm)], capture_output=True, text=True,
                            check=True)
    output = result.stdout + result.stderr
    counts = re.search(r"Generated (\d+) translation\(s\) \((\d+) finished and (\d+) unfinished\)", output)
    assert counts, output
    generated, finished, unfinished = (int(group) for group in counts.groups())
    assert unfinished == 0 and finished == generated == len(messages()), output
    assert qm.stat().st_size > 0


# -- the catalogue ----------------------------------------------------------------------------------------

# Every English column that people read, and its Urdu column beside it.
URDU_COLUMNS = {
    "districts.csv": ("name", "division"),
    "institutions.csv": ("name",),
    "categories.csv": ("name",),
    "gbv_types.csv": ("name", "question"),
    "pkm_services.csv": ("name",),
    "indicators.csv": ("name", "numerator", "denominator"),
    "desk_lists.csv": ("name",),
    "rules.csv": ("message",),
}
# Catalogue words that may read the same in Urdu as in English (codes, numbers). None so far.
CATALOGUE_SAME_AS_ENGLISH: set[str] = set()


def read_rows(name: str) -> list[dict[str, str]]:
    with open(resources_dir() / name, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.parametrize("name", sorted(URDU_COLUMNS))
def test_every_catalogue_row_has_its_urdu_beside_the_english(name: str):
    rows = read_rows(name)
    header = list(rows[0])
    problems = []
    for column in URDU_COLUMNS[name]:
        assert f"{column}_ur" in header, f"{name} has no {column}_ur column"
        for number, row in enumerate(rows, start=2):
            english, urdu = row[column].strip(), (row[f"{column}_ur"] or "").strip()
            if bool(english) != bool(urdu):
                problems.append(f"{name} line {number}: {column}={english!r} but {column}_ur={urdu!r}")
            elif urdu and not URDU_LETTER.search(urdu) and english not in CATALOGUE_SAME_AS_ENGLISH:
                problems.append(f"{name} line {number}: {column}_ur={urdu!r} is not Urdu")
    assert not problems, "\n".join(problems)


def catalogue_words(catalogue) -> dict[str, str]:
    """Every text a person reads in the catalogue, keyed by where it is."""
    words: dict[str, str] = {}
    for code, district in catalogue.districts.items():
        words[f"district {code}"] = district.name
        words[f"division of {code}"] = district.division
    for code, institution in catalogue.institutions.items():
        words[f"institution {code}"] = institution.name
    for code, indicator in catalogue.indicators.items():
        words[f"indicator {code}"] = indicator.name
        if indicator.numerator:
            words[f"numerator of {code}"] = indicator.numerator
            words[f"denominator of {code}"] = indicator.denominator
    for category, options in catalogue.categories.items():
        for option in options:
            words[f"option {category}={option.code}"] = option.name
    for gbv_type in catalogue.gbv_types:
        words[f"GBV type {gbv_type.code}"] = gbv_type.name
        if gbv_type.question:
            words[f"question of {gbv_type.code}"] = gbv_type.question
    for code, service in catalogue.pkm_services.items():
        words[f"PKM service {code}"] = service.name
    for list_name, options in catalogue.lists.items():
        for option in options:
            words[f"desk list {list_name}={option.code}"] = option.name
    return words


def test_the_urdu_catalogue_names_everything_in_urdu():
    english, urdu = catalogue_words(load_catalogue("en")), catalogue_words(load_catalogue("ur"))
    assert english.keys() == urdu.keys()
    problems = [f"{key}: {urdu[key]!r}" for key in english
                if (urdu[key] == english[key] or not URDU_LETTER.search(urdu[key]))
                and english[key] not in CATALOGUE_SAME_AS_ENGLISH]
    assert not problems, "\n".join(problems)


def test_the_urdu_catalogue_has_the_same_codes_and_rules():
    english, urdu = load_catalogue("en"), load_catalogue("ur")
    assert english.version == urdu.version
    assert english.districts.keys() == urdu.districts.keys()
    assert [(i.code, i.unit, i.categories, i.frequency, i.source, i.aggregation, i.validity)
            for i in english.indicators.values()] == \
           [(i.code, i.unit, i.categories, i.frequency, i.source, i.aggregation, i.validity)
            for i in urdu.indicators.values()]
    assert {c: [o.code for o in options] for c, options in english.categories.items()} == \
           {c: [o.code for o in options] for c, options in urdu.categories.items()}
    assert {name: [o.code for o in options] for name, options in english.lists.items()} == \
           {name: [o.code for o in options] for name, options in urdu.lists.items()}
    assert [g.code for g in english.gbv_types] == [g.code for g in urdu.gbv_types]


def test_the_english_catalogue_is_unchanged():
    catalogue = load_catalogue("en")
    assert {row["code"]: (row["name"], row["division"]) for row in read_rows("districts.csv")} == \
           {code: (d.name, d.division) for code, d in catalogue.districts.items()}
    assert {row["code"]: row["name"] for row in read_rows("institutions.csv")} == \
           {code: i.name for code, i in catalogue.institutions.items()}
    assert {row["code"]: (row["name"], row["numerator"], row["denominator"]) for row in read_rows("indicators.csv")} == \
           {code: (i.name, i.numerator, i.denominator) for code, i in catalogue.indicators.items()}
    assert {(row["category"], row["option"]): row["name"] for row in read_rows("categories.csv")} == \
           {(c, o.code): o.name for c, options in catalogue.categories.items()
            if c not in ("gbv_type", "pkm_service") for o in options}
    assert {row["code"]: (row["name"], row["question"]) for row in read_rows("gbv_types.csv")} == \
           {g.code: (g.name, g.question) for g in catalogue.gbv_types}
    assert {row["code"]: row["name"] for row in read_rows("pkm_services.csv")} == \
           {code: s.name for code, s in catalogue.pkm_services.items()}
    assert {(row["list"], row["code"]): row["name"] for row in read_rows("desk_lists.csv")} == \
           {(name, o.code): o.name for name, options in catalogue.lists.items() for o in options}
