"""Where another package plugs in the PDF writer (storage draws no PDF itself: it has no Qt).

``storage.reports.files.write_report`` hands a .pdf to the last writer in :data:`PDF_WRITERS`;
:func:`printing.install_hooks` puts Qt's there (``printing.pdf.write_pdf``: HarfBuzz-shaped Urdu, right to
left). This module is small on purpose: installing the hook must not load pandas or Qt.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

# Each writer takes (reports, path) and writes the whole PDF to path (atomically), or raises.
PDF_WRITERS: list[Callable[[Sequence[Any], Path], None]] = []
