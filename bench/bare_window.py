"""The baseline of bench_startup.py: the least a PySide6 application can do to show a window.

A QApplication and one empty QMainWindow at the setup wizard's smallest size (760 x 560), with the same start-up
probe as Mizan (``gui.startup_probe``: with ``MIZAN_STARTUP_PROBE=<file>``, write the time of the first
painted frame and quit). Frozen by bench_startup.py as a PyInstaller one-folder build beside Mizan's.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # from source; the frozen build has gui.startup_probe inside
    sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication, QMainWindow  # noqa: E402

from gui import startup_probe  # noqa: E402


def main() -> int:
    app = QApplication(sys.argv)
    startup_probe.install(app)
    window = QMainWindow()
    window.setWindowTitle("Bare PySide6 window")
    window.resize(760, 560)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
