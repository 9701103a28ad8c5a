"""The start-up probe: with ``MIZAN_STARTUP_PROBE=<file>`` set, the app writes the wall-clock time at which
its first window was shown and painted into that file, then quits.

``bench/bench_startup.py`` starts the packaged app and a bare PySide6 window (``bench/bare_window.py``, which
installs this same probe) and reads the file, so both are timed by the same rule: from the moment the
bench starts the process to the end of the first paint of the first top-level window. Without the variable
nothing is installed and the app runs as always.

Imports only QtCore (the bare window pays no more for it than Mizan does).
"""

from __future__ import annotations

import os
import time

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer

PROBE_VARIABLE = "MIZAN_STARTUP_PROBE"


class _FirstExpose(QObject):
    """Waits for the first Expose event that leaves a window exposed (on screen); once Qt has handled it (the window painted its
    first frame in response), writes the time and quits the event loop."""

    def __init__(self, target: str, app: QCoreApplication) -> None:
        super().__init__(app)
        self.target = target
        self.app = app
        self.seen = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if not self.seen and event.type() == QEvent.Type.Expose and getattr(watched, "isExposed", bool)():
            self.seen = True
            # A zero timer runs after the Expose event is delivered, i.e. after the widgets painted.
            QTimer.singleShot(0, self.record)
        return False

    def record(self) -> None:
        with open(self.target, "w", encoding="ascii") as out:
            out.write(f"{time.time():.6f}\n")
        self.app.quit()


def install(app: QCoreApplication) -> bool:
    """Install the probe on ``app`` when ``MIZAN_STARTUP_PROBE`` names a file; whether it did."""
    target = os.environ.get(PROBE_VARIABLE)
    if not target:
        return False
    app.installEventFilter(_FirstExpose(target, app))
    return True
