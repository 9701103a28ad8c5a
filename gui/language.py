"""The interface's language: Qt's translator for our strings, right-to-left layout for Urdu, a Naskh
font, and the same translator handed to storage for its messages and the catalogue's names.

Called once at start-up, before any window or session exists: the language changes on the next start
(Settings says so). Translations are ``resources/translations/mizan_<language>.qm``, built from the
``.ts`` files by ``make translations`` (pyside6-lrelease).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from storage import i18n
from storage.reference.catalogue import resources_dir

# Urdu in dense tables wants a Naskh face: Windows has Segoe UI (with Arabic script), Linux Noto Naskh
# Arabic. Nastaliq, the Urdu calligraphic style, is too tall for table rows; headings may use it.
URDU_FONTS = ("Segoe UI", "Noto Naskh Arabic", "Noto Sans Arabic", "Tahoma")
# Each language named in its own words, for the choosers in setup and settings.
LANGUAGE_NAMES = {"en": "English", "ur": "اردو (Urdu)"}
LOCALES = {"en": QLocale(QLocale.Language.English, QLocale.Country.Pakistan),
           "ur": QLocale(QLocale.Language.Urdu, QLocale.Country.Pakistan)}


def translations_dir() -> Path:
    return resources_dir() / "translations"


def install_language(app: QApplication, language: str, catalog: Path | None = None) -> list[QTranslator]:
    """Make ``language`` the interface's language; returns the translators installed (to remove them).

    ``catalog``: another ``.qm`` file than ours (the pseudo-localisation test builds its own).
    """
    translators: list[QTranslator] = []
    if language != "en" or catalog is not None:
        ours = QTranslator(app)
        path = catalog or translations_dir() / f"mizan_{language}.qm"
        if not ours.load(str(path)):
            raise FileNotFoundError(f"The {language} translation {path} is missing: run `make translations`.")
        app.installTranslator(ours)
        translators.append(ours)
        # Qt's own words (Yes, No, Cancel in standard dialogs), where Qt ships them for the language.
        qt_words = QTranslator(app)
        if qt_words.load(LOCALES.get(language, QLocale()), "qtbase", "_",
                         QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt_words)
            translators.append(qt_words)
    QLocale.setDefault(LOCALES.get(language, LOCALES["en"]))
    app.setLayoutDirection(Qt.LayoutDirection.RightToLeft if language in i18n.RIGHT_TO_LEFT
                           else Qt.LayoutDirection.LeftToRight)
    if language == "ur":
        font = QFont(app.font())
        font.setFamilies(list(URDU_FONTS))
        app.setFont(font)
    i18n.set_translator(QCoreApplication.translate if translators else None, language)
    return translators


def remove_language(app: QApplication, translators: list[QTranslator], *, keep_direction: bool = False) -> None:
    """Remove ``translators`` (tests switch languages within one process; setup switches before a
    new one is installed, with ``keep_direction`` so the new language's layout direction stays)."""
    for translator in translators:
        app.removeTranslator(translator)
    if not keep_direction:
        app.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        QLocale.setDefault(LOCALES["en"])
        i18n.set_translator(None, "en")
