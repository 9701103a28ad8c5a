"""Mizan's printing: reports drawn to PDF by Qt (QPdfWriter, HarfBuzz-shaped Urdu, right to left), for the
CLI and the GUI alike.

* :mod:`printing.layout`: the pages as data (column widths, wrapping, page breaks, repeated header rows,
  footers, the right-to-left mirror), measured through a protocol: no Qt, testable without painting;
* :mod:`printing.qt`: a Qt application when there is none (offscreen, for the CLI), the shipped fonts
  (resources/fonts), font metrics in points, the CLI's translation loader;
* :mod:`printing.pdf`: :func:`printing.pdf.write_pdf`, which paints the pages.

printing imports storage and Qt's QtCore, QtGui and QtSvg (no widgets); storage and sync never import it,
gui and main.py do. storage reaches it through hooks (:data:`storage.reports.hooks.PDF_WRITERS`,
:data:`storage.i18n.LANGUAGE_LOADERS`) that :func:`install_hooks` fills. Importing this package loads no Qt:
the application starts no slower for it; Qt's printing loads with the first PDF.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from storage import i18n
from storage.reports.hooks import PDF_WRITERS


def write_pdf(reports: Sequence[Any], path: Path) -> None:
    """storage's PDF hook: :func:`printing.pdf.write_pdf`, loaded (with Qt) when the first PDF is written."""
    from printing.pdf import write_pdf as qt_write_pdf  # Qt loads with the first PDF, not at start-up

    qt_write_pdf(reports, path)


def load_language(language: str) -> None:
    """storage's language loader (the CLI's ``--language``): :func:`printing.qt.load_language`."""
    from printing.qt import load_language as qt_load_language  # Qt loads only when a language is asked for

    qt_load_language(language)


def install_hooks() -> None:
    """Plug the PDF writer and the language loader into storage. Idempotent."""
    if write_pdf not in PDF_WRITERS:
        PDF_WRITERS.append(write_pdf)
    if load_language not in i18n.LANGUAGE_LOADERS:
        i18n.LANGUAGE_LOADERS.append(load_language)
