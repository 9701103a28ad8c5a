"""Qt for printing: an application when there is none (the CLI, headless), Mizan's own fonts, font
metrics in points, and the translation for the CLI's ``--language``.

The fonts ship in resources/fonts (SIL Open Font License, OFL.txt beside them) and are loaded with
``QFontDatabase.addApplicationFont``, so a Windows PC without them still prints Urdu, and every PC sets a
report with the same metrics (the same page breaks). Noto Sans sets Latin letters and figures; Noto Naskh
Arabic sets Urdu. Naskh rather than Nastaliq: in table cells at 7 points Naskh stays legible, its lines are
about two thirds as tall as Nastaliq's (Nastaliq's words climb diagonally and need tall rows), and it
wraps in narrow columns like Latin text does; Urdu newspapers set their tables in Naskh for the same reason.
"""

from __future__ import annotations

import functools
import os
import threading

from PySide6.QtCore import QBuffer, QCoreApplication, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QFontMetricsF, QGuiApplication, QPagedPaintDevice, QPdfWriter

from storage import i18n
from storage.reference.catalogue import resources_dir

FONT_FILES = ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoNaskhArabic-Regular.ttf", "NotoNaskhArabic-Bold.ttf")
LATIN_FAMILY, URDU_FAMILY = "Noto Sans", "Noto Naskh Arabic"
# Latin first: figures and codes look the same in both languages; Qt falls back to Naskh for Urdu letters.
FAMILIES = [LATIN_FAMILY, URDU_FAMILY]
LINE_LATIN, LINE_URDU = 1.25, 1.4  # line heights, in em (QtMeasure.line_height)
RESOLUTION = 1200  # dots per inch of the PDF's coordinates (the PDF is vector; this is its precision)

_lock = threading.Lock()
_registered: list[str] = []
_kept: list[object] = []  # the application and translators made here live as long as the process


def fonts_dir():
    """resources/fonts, where the shipped fonts and their licence are."""
    return resources_dir() / "fonts"


def application() -> QGuiApplication:
    """The running Qt application, or a new one when there is none (the CLI).

    A new one uses Qt's offscreen platform (no display needed: a server, an SSH session, a scheduled task);
    QT_QPA_PLATFORM is set only for its creation and then put back, so nothing else sees it changed.
    """
    existing = QCoreApplication.instance()
    if existing is not None:
        if not isinstance(existing, QGuiApplication):
            raise RuntimeError("Printing needs a QGuiApplication (fonts and painting), not a bare QCoreApplication.")
        return existing
    before = os.environ.get("QT_QPA_PLATFORM")
    os.environ["QT_QPA_PLATFORM"] = before or "offscreen"
    try:
        app = QGuiApplication(["mizan"])
    finally:
        if before is None:
            del os.environ["QT_QPA_PLATFORM"]
    _kept.append(app)
    return app


def register_fonts() -> list[str]:
    """Load Mizan's fonts into Qt once (call it from the thread that owns the application); returns the
    families loaded. A missing font file is an error: a report must not fall back to boxes unnoticed."""
    application()
    with _lock:
        if not _registered:
            for name in FONT_FILES:
                path = fonts_dir() / name
                font_id = QFontDatabase.addApplicationFont(str(path))
                if font_id < 0:
                    raise FileNotFoundError(f"The font {path} is missing or unreadable.")
                _registered.extend(QFontDatabase.applicationFontFamilies(font_id))
        return sorted(set(_registered))


@functools.cache
def font(size: float, bold: bool = False) -> QFont:
    """The report font at ``size`` points: Noto Sans, with Noto Naskh Arabic for Urdu letters (made once
    per size and weight, as a page paints thousands of texts in a handful of fonts)."""
    chosen = QFont()
    chosen.setFamilies(FAMILIES)
    chosen.setPointSizeF(size)
    chosen.setBold(bold)
    chosen.setHintingPreference(QFont.HintingPreference.PreferNoHinting)  # metrics the same on every PC
    return chosen


class QtMeasure:
    """Text widths and line heights in points, from Qt's metrics on a PDF device (the one being painted, or
    one that is never painted, for laying out alone). Implements :class:`printing.layout.Measure`."""

    def __init__(self, device: QPagedPaintDevice | None = None) -> None:
        register_fonts()
        if device is None:
            self._buffer = QBuffer()  # a PDF writer needs somewhere to write; nothing is painted into it
            self._buffer.open(QBuffer.OpenModeFlag.WriteOnly)
            device = QPdfWriter(self._buffer)
            device.setResolution(RESOLUTION)
        self.device = device
        self.scale = device.logicalDpiX() / 72
        self._metrics: dict[tuple, QFontMetricsF] = {}

    def _of(self, size: float, bold: bool = False) -> QFontMetricsF:
        key = (size, bold)
        if key not in self._metrics:
            self._metrics[key] = QFontMetricsF(font(size, bold), self.device)
        return self._metrics[key]

    def width(self, text: str, size: float, bold: bool = False) -> float:
        return self._of(size, bold).horizontalAdvance(text) / self.scale

    def line_height(self, size: float, arabic: bool = False) -> float:
        # Not the fonts' own line spacing (1.37 em for Noto Sans, 1.71 em for Naskh, made for paragraphs of
        # stacked marks): the ink of a table's words, measured (tightBoundingRect at 7 pt), spans 1.19 em in
        # Latin with descenders and 1.19 em in Urdu with its dots below; 1.25 and 1.4 em leave room around it
        # and keep the rows as dense as reportlab's were (a 43-page progress report, not 56).
        return size * (LINE_URDU if arabic else LINE_LATIN)


def load_language(language: str) -> None:
    """Make ``language`` the process's language outside the GUI (``report --language ur``): its .qm
    translation installed on the application and handed to storage (titles, headings, catalogue names)."""
    app = application()
    translator = QTranslator(app)
    path = resources_dir() / "translations" / f"mizan_{language}.qm"
    if not translator.load(str(path)):
        raise FileNotFoundError(f"The {language} translation {path} is missing: run `make translations`.")
    app.installTranslator(translator)
    _kept.append(translator)
    i18n.set_translator(QCoreApplication.translate, language)
