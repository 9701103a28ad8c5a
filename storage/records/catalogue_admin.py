"""The centre's admin loads a new catalogue: ``catalogue load FOLDER`` (storage.core.catalogues keeps it)."""

from __future__ import annotations

from pathlib import Path

from storage.core.catalogues import catalogue_files, checked_successor, parsed, store_catalogue
from storage.core.clock import utc_now
from storage.core.roles import require
from storage.core.session import Session
from storage.errors import UsageError
from storage.i18n import QT_TRANSLATE_NOOP, say
from storage.reference.catalogue import CATALOGUE_FILES


def read_catalogue_folder(session: Session, folder: str | Path) -> dict[str, str]:
    """The catalogue files in ``folder`` (the same names and columns as resources/); a file the folder does
    not hold is the one in use, so a change to one file is a folder of one file and its new version."""
    folder = Path(folder)
    if not folder.is_dir():
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "{folder} is not a folder."), folder=folder))
    files = catalogue_files(session.db)
    found = [name for name in CATALOGUE_FILES if (folder / name).is_file()]
    if "catalogue_version.txt" not in found:
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "{folder} has no catalogue_version.txt: a new catalogue needs its own version."), folder=folder))
    for name in found:
        try:
            files[name] = (folder / name).read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "{file} cannot be read as UTF-8 text ({error})."), file=name, error=type(error).__name__)) from error
    return files


def load_catalogue_folder(session: Session, folder: str | Path, *, dry_run: bool = False) -> dict:
    """Centre admin: check the catalogue in ``folder`` as the successor of the one in use and keep it (the
    next centre update carries it to every district). Returns what changed."""
    require(session, "manage_catalogue")
    if not session.is_centre:
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "The catalogue is changed at the provincial centre; it reaches this office in a centre update.")))
    files = read_catalogue_folder(session, folder)
    previous = session.catalogue.version
    successor, changes = checked_successor(session.db, files)
    report = {"from": previous, "to": successor.version, "dry_run": dry_run, **changes}
    if dry_run:
        return report
    with session.write() as db:
        report["sequence"] = store_catalogue(db, files, successor.version, session.user, utc_now())
    session.catalogue = parsed(files)
    session.installation["catalogue_version"] = successor.version
    return report
