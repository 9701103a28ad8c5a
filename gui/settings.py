"""The user's preferences on this PC, over ``QSettings`` (organisation "Mizan", application "Mizan").

Only preferences live here (language, auto-lock, font size, the last user name); nothing secret and
nothing that belongs in the database. Every value has a default and a type, and a damaged or hand-edited
value falls back to the default instead of breaking the start of the app.

Tests pass their own ``QSettings(file, QSettings.Format.IniFormat)`` so they never touch the real ones.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from storage import i18n
from storage.i18n import LANGUAGES

ORGANISATION = "Mizan"
APPLICATION = "Mizan"

DEFAULT_LANGUAGE = "en"
DEFAULT_AUTO_LOCK_MINUTES = 10
MAX_AUTO_LOCK_MINUTES = 240
DEFAULT_FONT_SIZE = 11
MIN_FONT_SIZE, MAX_FONT_SIZE = 8, 24


class Settings:
    """Typed accessors with defaults: ``language``, ``auto_lock_minutes``, ``font_size``, ``last_user``."""

    def __init__(self, store: QSettings | None = None) -> None:
        self.store = store if store is not None else QSettings(ORGANISATION, APPLICATION)

    # -- helpers -----------------------------------------------------------------------------------
    def _int(self, key: str, default: int, low: int, high: int) -> int:
        raw = self.store.value(key, default)
        try:
            value = int(raw)
        except (TypeError, ValueError):
            return default
        return value if low <= value <= high else default

    def _str(self, key: str, default: str) -> str:
        raw = self.store.value(key, default)
        return raw if isinstance(raw, str) else default

    def sync(self) -> None:
        """Write pending changes to disk now (QSettings also does this by itself, later)."""
        self.store.sync()

    # -- language ----------------------------------------------------------------------------------
    @property
    def language(self) -> str:
        """"en" or "ur"."""
        value = self._str("language", DEFAULT_LANGUAGE)
        return value if value in LANGUAGES else DEFAULT_LANGUAGE

    @language.setter
    def language(self, value: str) -> None:
        if value not in LANGUAGES:
            raise ValueError(f"language must be one of {LANGUAGES}, not {value!r}")
        self.store.setValue("language", value)

    # -- auto-lock ---------------------------------------------------------------------------------
    @property
    def auto_lock_minutes(self) -> int:
        """Idle minutes before the screen locks; 0 means never."""
        return self._int("auto_lock_minutes", DEFAULT_AUTO_LOCK_MINUTES, 0, MAX_AUTO_LOCK_MINUTES)

    @auto_lock_minutes.setter
    def auto_lock_minutes(self, value: int) -> None:
        if not 0 <= int(value) <= MAX_AUTO_LOCK_MINUTES:
            raise ValueError(f"auto-lock minutes must be 0 to {MAX_AUTO_LOCK_MINUTES}, not {value!r}")
        self.store.setValue("auto_lock_minutes", int(value))

    # -- font size ---------------------------------------------------------------------------------
    @property
    def font_size(self) -> int:
        """The application font size in points."""
        return self._int("font_size", DEFAULT_FONT_SIZE, MIN_FONT_SIZE, MAX_FONT_SIZE)

    @font_size.setter
    def font_size(self, value: int) -> None:
        if not MIN_FONT_SIZE <= int(value) <= MAX_FONT_SIZE:
            raise ValueError(f"font size must be {MIN_FONT_SIZE} to {MAX_FONT_SIZE} points, not {value!r}")
        self.store.setValue("font_size", int(value))

    # -- last user ---------------------------------------------------------------------------------
    @property
    def last_user(self) -> str:
        """The user name that signed in last on this PC ("" if none): the sign-in form starts with it."""
        return self._str("last_user", "")

    @last_user.setter
    def last_user(self, value: str) -> None:
        self.store.setValue("last_user", value)


HEADING_SCALE, LARGER_SCALE = 1.35, 1.1


def apply_font_size(app: QApplication, settings: Settings) -> None:
    """Set the application font to the chosen size (call once at start and after the setting changes).

    Headings and larger texts (gui.widgets.labels: heading_label, larger) are sized relative to it by one
    application style sheet, so every screen scales at once, not on the next start.
    """
    font = QFont(app.font())
    font.setPointSize(settings.font_size)
    app.setFont(font)
    size = settings.font_size
    # Urdu headings in Nastaliq, the script's book hand, where the PC has it (tables keep Naskh: Nastaliq's
    # tall letters do not fit dense rows).
    family = "font-family: 'Noto Nastaliq Urdu', 'Jameel Noori Nastaleeq';" if i18n.language() == "ur" else ""
    app.setStyleSheet(
        f'QLabel[role="heading"] {{ font-size: {size * HEADING_SCALE:.1f}pt; font-weight: 600; {family} }}\n'
        f'QLabel[role="larger"] {{ font-size: {size * LARGER_SCALE:.1f}pt; }}')
