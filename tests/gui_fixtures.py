"""What every GUI test module shares: no background task outlives its test.

A screen starts work on ``QThreadPool.globalInstance()`` (counts, reports, imports, backups). A task
still running when its test ends would go on using the test's database while the next test runs, and
deliver its result into whatever the event loop is then doing. As Vorta's tests do, each GUI test waits
for the pool to be empty afterwards. Import the fixture into a test module to use it:

    from tests.gui_fixtures import no_task_outlives_its_test  # noqa: F401  (an autouse fixture)
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QThreadPool

# Longer than any single background task of the GUI tests takes on the 2-core machine (an import of a
# few bundles, a PDF report): reaching it means a task hangs, which is a failure of its own.
TASK_TIMEOUT_MS = 60_000


@pytest.fixture(autouse=True)
def no_task_outlives_its_test():
    """After each test, wait until the global thread pool has finished every task it was given."""
    yield
    assert QThreadPool.globalInstance().waitForDone(TASK_TIMEOUT_MS), \
        f"a background task was still running {TASK_TIMEOUT_MS // 1000} s after its test ended"
