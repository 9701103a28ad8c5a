"""Text that stays text in a spreadsheet: no cell Mizan writes becomes a formula (formula injection).

A comment such as ``=HYPERLINK("http://…"&B2, "…")`` typed at a district travels to the centre and comes
out in its sheets; it must open as the text it is, never as a live formula.

* XLSX: openpyxl turns any ``str`` starting with ``=`` into a formula cell (and ``#N/A`` and the like into
  error cells). :func:`keep_text` makes every text cell a string cell (``data_type = "s"``) and, for text
  that starts like a formula, sets Excel's *quote prefix* style, so the cell stays text even when someone
  edits it in Excel. Nothing is added to the text: it reads back as it was.
* CSV has no cell types. Following OWASP, a text field starting with ``=``, ``+``, ``-``, ``@``, tab or
  carriage return gets a leading single quote (:func:`csv_field`), and so does text that would look like
  one such field already quoted (a real comment ``'=x`` is written ``''=x``); :func:`csv_text` removes
  exactly the quote that was added, so every text reads back unchanged, and a real comment that starts
  with a quote (``'tis``) is neither changed on the way out nor on the way in. Only text is quoted:
  figures are numbers, and ``-5`` stays a number.
"""

from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
QUOTE = "'"


def looks_like_formula(text: str) -> bool:
    """True for text a spreadsheet would read as a formula, or as such a text already quoted."""
    return text.lstrip(QUOTE).startswith(FORMULA_STARTS)


def csv_field(value: object) -> object:
    """A value as a CSV field: text that starts like a formula gets a leading quote; the rest as it is."""
    if isinstance(value, str) and looks_like_formula(value):
        return QUOTE + value
    return value


def csv_text(field: str) -> str:
    """A CSV field as read back: the quote :func:`csv_field` added is removed, nothing else."""
    if field[:1] == QUOTE and looks_like_formula(field[1:]):
        return field[1:]
    return field


def keep_text(cell) -> None:
    """Make an openpyxl cell holding text a string cell (never a formula or an error); text that starts
    like a formula also gets the quote prefix style, so Excel keeps it text when it is edited."""
    if isinstance(cell.value, str):
        cell.data_type = "s"
        if looks_like_formula(cell.value):
            cell.quotePrefix = True


def keep_all_text(sheet) -> None:
    """:func:`keep_text` on every cell of an openpyxl worksheet."""
    for row in sheet.iter_rows():
        for cell in row:
            if cell.data_type != "n":
                keep_text(cell)
