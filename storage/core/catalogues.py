"""The catalogue as data: the versions an installation holds, beyond the one shipped in resources/.

The shipped catalogue is sequence 1. The centre's admin loads a newer set of the same files
(``catalogue load FOLDER``: :func:`storage.records.catalogue_admin.load_catalogue_folder`); it is stored here
whole, numbered, and travels to the districts in the centre's updates (sync/updates.py), so a catalogue
changes without a new executable. An installation works with its newest version; the older ones stay, so the
centre can judge a bundle by the catalogue it was made with.

A newer catalogue never drops a code: an indicator, district or institution is retired with ``valid_to``, and
its history stays readable in every report.
"""

from __future__ import annotations

import json
from functools import cache
from typing import TYPE_CHECKING, Any

from storage import i18n
from storage.errors import UsageError
from storage.i18n import QT_TRANSLATE_NOOP, say
from storage.reference.catalogue import (
    CATALOGUE_FILES,
    Catalogue,
    load_catalogue,
    parse_catalogue,
    shipped_files,
    with_later_files,
)

if TYPE_CHECKING:  # sqlite-utils is imported with the first connection (storage.core.connection)
    from sqlite_utils import Database

SHIPPED_SEQUENCE = 1


def stored_sequence(db: Database) -> int:
    """The number of the newest catalogue this installation holds (1: the shipped one)."""
    row = db.execute("SELECT max(sequence) FROM catalogues").fetchone()
    return row[0] or SHIPPED_SEQUENCE


def catalogue_files(db: Database, sequence: int | None = None) -> dict[str, str]:
    """The files of catalogue ``sequence`` (default: the newest held); the shipped ones for sequence 1."""
    sequence = stored_sequence(db) if sequence is None else sequence
    if sequence == SHIPPED_SEQUENCE:
        return dict(shipped_files())
    row = db.execute("SELECT files FROM catalogues WHERE sequence = ?", [sequence]).fetchone()
    if row is None:
        raise UsageError(f"There is no catalogue {sequence} here.")
    return with_later_files(json.loads(row[0]))


@cache
def _parsed(text: str, language: str) -> Catalogue:
    return parse_catalogue(json.loads(text), language)


def parsed(files: dict[str, str], language: str | None = None) -> Catalogue:
    """``files`` as a catalogue in ``language`` (default: the interface's), parsed once per process (two
    catalogues of equal text are one)."""
    return _parsed(json.dumps(files, sort_keys=True), language or i18n.language())


def active_catalogue(db: Database, language: str | None = None) -> Catalogue:
    """The catalogue an installation works with: its newest, or the shipped one."""
    if stored_sequence(db) == SHIPPED_SEQUENCE:
        return load_catalogue(language)
    return parsed(catalogue_files(db), language)


def catalogue_named(db: Database, version: str) -> Catalogue | None:
    """The catalogue held here whose version text is ``version`` (a bundle's manifest names it), or None."""
    if load_catalogue().version == version:
        return load_catalogue()
    row = db.execute("SELECT files FROM catalogues WHERE version = ? ORDER BY sequence DESC LIMIT 1",
                     [version]).fetchone()
    return parsed(with_later_files(json.loads(row[0]))) if row else None


def issued_versions(db: Database) -> set[str]:
    """The version of every catalogue this installation holds: the shipped one and each loaded or received."""
    return {load_catalogue().version, *(row[0] for row in db.execute("SELECT version FROM catalogues"))}


def checked_successor(db: Database, files: dict[str, str]) -> tuple[Catalogue, dict[str, Any]]:
    """``files`` parsed and checked as the catalogue to follow the one in use here; returns it (in English)
    and what changed (indicator codes ``added``, ``changed``, ``retired``). Refused (UsageError, in plain
    words): a file missing or unreadable, the same version text, or a code that disappeared (retire it with
    valid_to instead)."""
    current = parsed(catalogue_files(db), "en")
    missing = [name for name in CATALOGUE_FILES if name not in files]
    if missing:
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "The catalogue lacks {files}."), files=", ".join(missing)))
    try:
        successor = parsed(files, "en")
    except (ValueError, KeyError) as error:
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "The catalogue cannot be read: {error}"), error=error)) from error
    if not successor.version or successor.version == current.version:
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "The catalogue's version is {version}, as the one in use: give the new catalogue a new version in catalogue_version.txt."), version=repr(successor.version)))
    gone = sorted({*current.indicators} - {*successor.indicators} | {*current.districts} - {*successor.districts}
                  | {*current.institutions} - {*successor.institutions})
    if gone:
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "The new catalogue drops {codes}. A code is never removed, since figures were recorded under it: retire it with a valid_to date instead."), codes=", ".join(gone)))
    return successor, catalogue_changes(current, successor)


def catalogue_changes(old: Catalogue, new: Catalogue) -> dict[str, Any]:
    """Indicator codes added, changed (any fact of theirs) and retired (given a valid_to) from old to new,
    both parsed in one language; each threshold the engine judges by that changed: ``{name: {"from",
    "to"}}`` (shaped like a centre update's policy changes); and the codes of the rules (rules.csv) added,
    changed and removed."""
    added = sorted(code for code in new.indicators if code not in old.indicators)
    retired = sorted(code for code, indicator in new.indicators.items() if code in old.indicators
                     and indicator.validity.valid_to is not None and old.indicators[code].validity.valid_to is None)
    changed = sorted(code for code, indicator in new.indicators.items() if code in old.indicators
                     and code not in retired and indicator != old.indicators[code])
    thresholds = {name: {"from": _plain(getattr(old.thresholds, name)), "to": _plain(getattr(new.thresholds, name))}
                  for name in old.thresholds.__dataclass_fields__
                  if getattr(old.thresholds, name) != getattr(new.thresholds, name)}
    # The rules that compare indicators (rules.csv), by code: a rule may be dropped, unlike an indicator.
    old_rules, new_rules = {rule.code: rule for rule in old.rules}, {rule.code: rule for rule in new.rules}
    return {"added": added, "changed": changed, "retired": retired, "thresholds": thresholds,
            "rules_added": sorted(code for code in new_rules if code not in old_rules),
            "rules_changed": sorted(code for code, rule in new_rules.items()
                                    if code in old_rules and rule != old_rules[code]),
            "rules_removed": sorted(code for code in old_rules if code not in new_rules)}


def _plain(value: object) -> object:
    """A threshold as JSON shows it: reporting days as a list."""
    return list(value) if isinstance(value, tuple) else value


def store_catalogue(db: Database, files: dict[str, str], version: str, loaded_by: str, loaded_at: str,
                    sequence: int | None = None) -> int:
    """Inside the caller's write transaction: keep ``files`` as the next catalogue (at a district: under the
    centre's ``sequence``, which may skip numbers the district never saw); returns its sequence."""
    sequence = stored_sequence(db) + 1 if sequence is None else sequence
    db.execute("INSERT INTO catalogues (sequence, version, files, loaded_by, loaded_at) VALUES (?, ?, ?, ?, ?)",
               [sequence, version, json.dumps(files, sort_keys=True, ensure_ascii=False), loaded_by, loaded_at])
    db.execute("UPDATE installation SET catalogue_version = ? WHERE id = 1", [version])
    return sequence
