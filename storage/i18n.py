"""Translation hooks for storage's words (rule messages, field labels, next steps, report headings).

Storage has no Qt, but its messages reach people: the GUI installs Qt's translator here at start-up
(:func:`set_translator`), and every message template is looked up through :func:`translate` before its
values are filled in. The CLI keeps the English originals.

``QT_TRANSLATE_NOOP(context, text)`` marks a literal for Qt's ``pyside6-lupdate`` (which finds markers of
that name in any Python file) and returns it unchanged: the literal stays the key, the translation is
looked up when the message is built. The language also chooses the catalogue's names
(``name_ur`` columns beside ``name`` in resources/), see :func:`storage.reference.catalogue.load_catalogue`.
"""

from __future__ import annotations

from collections.abc import Callable

LANGUAGES = ("en", "ur")
RIGHT_TO_LEFT = frozenset({"ur"})

_translator: Callable[[str, str], str] | None = None
_language = "en"
# Who can load a language's translation outside the GUI (the CLI's ``report --language ur``): storage has
# no Qt to read the .qm files, so :func:`printing.install_hooks` adds a loader here; the last one is used.
LANGUAGE_LOADERS: list[Callable[[str], None]] = []


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (the name lupdate looks for)
    """Mark ``text`` for translation in ``context``; returns it unchanged (translated when used)."""
    del context
    return text


def translate(context: str, text: str) -> str:
    """``text`` in the interface's language (the original when there is no translation or translator)."""
    if _translator is None:
        return text
    return _translator(context, text) or text


def set_translator(translator: Callable[[str, str], str] | None, language: str = "en") -> None:
    """Install the GUI's translator (``QCoreApplication.translate``) and its language; None: English."""
    global _translator, _language
    if language not in LANGUAGES:
        raise ValueError(f"Unknown language {language!r}; Mizan speaks {', '.join(LANGUAGES)}.")
    _translator = translator
    _language = language


def use_language(language_code: str) -> None:
    """Speak ``language_code`` from now on in this process (the CLI's ``--language``): English needs no
    translation; another language is loaded by the last of :data:`LANGUAGE_LOADERS`."""
    if language_code not in LANGUAGES:
        raise ValueError(f"Unknown language {language_code!r}; Mizan speaks {', '.join(LANGUAGES)}.")
    if language_code == "en":
        set_translator(None, "en")
        return
    if not LANGUAGE_LOADERS:
        raise RuntimeError(f"No translation loader is installed for {language_code!r} (printing.install_hooks).")
    LANGUAGE_LOADERS[-1](language_code)


def language() -> str:
    """The interface's language code: ``en`` or ``ur``."""
    return _language


FIRST_STRONG_ISOLATE, POP_ISOLATE = "\u2068", "\u2069"


def fill(template: str, **values: object) -> str:
    """``template.format(**values)`` with each value isolated in right-to-left languages.

    A period, CNIC, case number or figure inside an Urdu sentence must keep its own left-to-right
    order ("2026-10" must not turn into "10-2026"): each value is wrapped in Unicode's first-strong
    isolate, so Latin values read left to right and Urdu names right to left, whatever surrounds them.
    """
    if _language not in RIGHT_TO_LEFT:
        return template.format(**values)
    return template.format(**{name: f"{FIRST_STRONG_ISOLATE}{value}{POP_ISOLATE}"
                              if not isinstance(value, int | float) else value for name, value in values.items()})


def say(context: str, template: str, /, **values: object) -> str:
    """A message in the interface's language: ``template`` (marked with ``QT_TRANSLATE_NOOP(context, …)``
    for lupdate) translated in ``context``, then filled with ``values`` (isolated in right-to-left)."""
    return fill(translate(context, template), **values)
