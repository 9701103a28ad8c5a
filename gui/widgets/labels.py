"""Labels: a screen's or dialog's heading, larger text, explanations, and keys shown to be read aloud.

Every label here is plain text (``gui.widgets.plain``): a heading or explanation may be filled with a
name or a path. An explanation whose words need bold is asked for with ``rich=True``, and its HTML is
ours: a literal, or ``html_fill`` of one.

Sizes are never set on a label's font: headings and larger texts carry a ``role`` property that the one
application style sheet (``gui.settings.apply_font_size``) sizes relative to the font-size setting, so a
change of the setting rescales every open window at once.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QFrame, QLabel

from gui.widgets.plain import plain_label, rich_label


def heading_label(text: str, *, wrap: bool = False) -> QLabel:
    """A screen's or dialog's title: larger and bold, scaled with the font-size setting (see gui.settings).

    ``wrap``: for a dialog's title, which may be longer than a narrow dialog in another language; a
    screen's heading shares its row with choosers and stays one line.
    """
    label = plain_label(text)
    label.setProperty("role", "heading")
    label.setAccessibleName(text)
    label.setWordWrap(wrap)
    return label


def larger(label: QLabel) -> QLabel:
    """Text a size above the body text (a question being asked, a drop zone), scaled with the setting."""
    label.setProperty("role", "larger")
    return label


def explanation(text: str, *, rich: bool = False) -> QLabel:
    """A sentence or two that explains a screen: wrapped, so that it never widens the window.

    Plain text; ``rich``: ``text`` is our own HTML (bold words), with any data in it escaped.
    """
    label = rich_label(text) if rich else plain_label(text)
    label.setWordWrap(True)
    return label


def code_font(point_size: float) -> QFont:
    """A large fixed-width font for keys and fingerprints, so 8 and B, 2 and Z read apart."""
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setStyleHint(QFont.StyleHint.TypeWriter)
    font.setPointSizeF(point_size)
    font.setBold(True)
    return font


def code_label(point_size: float) -> QLabel:
    """A framed, centred, selectable label for a key; always left to right, even in Urdu."""
    label = plain_label()
    label.setFont(code_font(point_size))
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setFrameShape(QFrame.Shape.StyledPanel)
    label.setMargin(12)
    return label
