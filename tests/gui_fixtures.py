"""What every GUI test module shares: no background task outlives its test; every text a window holds.

A screen starts work on ``QThreadPool.globalInstance()`` (counts, reports, imports, backups). A task
still running when its test ends would go on using the test's database while the next test runs, and
deliver its result into whatever the event loop is then doing. As Vorta's tests do, each GUI test waits
for the pool to be empty afterwards. Import the fixture into a test module to use it:

    from tests.gui_fixtures import no_task_outlives_its_test  # noqa: F401  (an autouse fixture)

:func:`shown_texts` walks a window for "this is never on the screen" checks.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QWidget,
    QWizardPage,
)

# Longer than any single background task of the GUI tests takes on the 2-core machine (an import of a
# few bundles, a PDF report): reaching it means a task hangs, which is a failure of its own.
TASK_TIMEOUT_MS = 60_000


@pytest.fixture(autouse=True)
def no_task_outlives_its_test():
    """After each test, wait until the global thread pool has finished every task it was given."""
    yield
    assert QThreadPool.globalInstance().waitForDone(TASK_TIMEOUT_MS), \
        f"a background task was still running {TASK_TIMEOUT_MS // 1000} s after its test ended"


def shown_texts(*roots) -> list[str]:
    """Every text ``roots`` and their children could put before a person, shown or hidden: labels, buttons,
    fields (what is typed and the placeholder), titles, tooltips, accessible names and descriptions, and
    every cell, header and tooltip of their tables. For "this never appears on the screen" checks."""
    roles = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.StatusTipRole,
             Qt.ItemDataRole.WhatsThisRole, Qt.ItemDataRole.AccessibleTextRole)
    texts: list[str] = []
    for root in roots:
        for widget in [root, *root.findChildren(QWidget)]:
            texts += [widget.windowTitle(), widget.toolTip(), widget.statusTip(), widget.whatsThis(),
                      widget.accessibleName(), widget.accessibleDescription()]
            if isinstance(widget, QLabel | QAbstractButton):
                texts.append(widget.text())
            if isinstance(widget, QLineEdit):
                texts += [widget.text(), widget.placeholderText()]
            if isinstance(widget, QGroupBox):
                texts.append(widget.title())
            if isinstance(widget, QWizardPage):
                texts += [widget.title(), widget.subTitle()]
            if isinstance(widget, QComboBox):
                texts += [widget.itemText(i) for i in range(widget.count())]
            if isinstance(widget, QAbstractItemView) and widget.model() is not None:
                model = widget.model()
                for column in range(model.columnCount()):
                    texts += [str(model.headerData(column, Qt.Orientation.Horizontal, role) or "") for role in roles]
                    texts += [str(model.index(row, column).data(role) or "")
                              for row in range(model.rowCount()) for role in roles]
    return [text for text in texts if text]
