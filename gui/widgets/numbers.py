"""Figures as text: in full as the interface's locale writes them, and plain for typing back in.

Python's ``f"{x:g}"`` gives six significant digits and then an exponent (1234567 became "1.23457e+06");
a target or total must read in full. ``QLocale()`` is the interface's locale (gui.language sets it):
English and Urdu (Pakistan) both write 1,234,567 with Latin digits.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale

# As many decimals as the figure needs to read back as itself (12.5, 0.0000001), and never an exponent.
_SHORTEST = QLocale.FloatingPointPrecisionOption.FloatingPointShortest


def _written(locale: QLocale, value: float | int) -> str:
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**63:
        value = int(value)  # 12.0 from a spreadsheet is the count 12
    if isinstance(value, int):
        return locale.toString(value)
    return locale.toString(value, "f", _SHORTEST)


def locale_number(value: float | int | None) -> str:
    """A figure to read: grouped as the locale groups thousands, in full, never with an exponent."""
    return "" if value is None else _written(QLocale(), value)


def plain_number(value: float | int | None) -> str:
    """The same figure to edit: no group separators, a point for decimals (what storage reads back)."""
    return "" if value is None else _written(QLocale.c(), value)
