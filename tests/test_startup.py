"""The start-up probe that bench/bench_startup.py times with, run from source (no timing asserts)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from gui.startup_probe import PROBE_VARIABLE

ROOT = Path(__file__).resolve().parent.parent


def fresh_environment(folder: Path) -> dict[str, str]:
    """No database yet and empty settings, off screen: what the bench gives each start."""
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", PROBE_VARIABLE: str(folder / "first-window"),
            "MIZAN_DB": str(folder / "mizan.db"), "HOME": str(folder / "home"),
            "XDG_CONFIG_HOME": str(folder / "config"), "XDG_DATA_HOME": str(folder / "data")}


@pytest.mark.parametrize("program", ["main.py", "bench/bare_window.py"])
def test_the_probe_writes_the_first_window_time_and_quits(tmp_path: Path, program: str):
    started = time.time()
    result = subprocess.run([sys.executable, str(ROOT / program)], env=fresh_environment(tmp_path), cwd=tmp_path,
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    shown = float((tmp_path / "first-window").read_text(encoding="ascii"))
    assert started < shown < time.time()
    assert not (tmp_path / "mizan.db").exists()  # the setup wizard was shown, nothing was created


# What the first window does not need; each is imported when first used (reports, templates, the password
# rule, sqlite-utils with the first connection, the screens after sign-in). A module-level import of any of them puts it back on the start-up path.
NOT_AT_START_UP = ("pandas", "numpy", "openpyxl", "reportlab", "zxcvbn", "sqlite_utils", "gui.screens", "gui.main_window",
                   "printing.", "PySide6.QtSvg")


def test_the_first_window_imports_no_screen_nor_the_report_libraries(tmp_path: Path):
    code = ("import sys; import main; code = main.main([]); "
            f"print(code, sorted(m for m in sys.modules if m.startswith({NOT_AT_START_UP!r})))")
    result = subprocess.run([sys.executable, "-c", code], env=fresh_environment(tmp_path), cwd=ROOT,
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[-2] == "0 []"
    assert (tmp_path / "first-window").exists()


def test_the_sidebar_screens_are_still_there_for_whoever_asks():
    import gui.app

    assert [screen.__name__ for screen in gui.app.SCREENS][:3] == ["ProvinceScreen", "DashboardScreen", "ImportScreen"]
    assert len(gui.app.SCREENS) == 15  # with the centre's Approvals (issue 14), Province and Action Plan (issue 15)
    with pytest.raises(AttributeError):
        gui.app.NO_SUCH_THING  # noqa: B018


def test_sqlite_utils_loads_with_the_first_connection_without_pandas_which_still_loads_later(tmp_path: Path):
    code = ("import os, sys; from storage.core.connection import connect; "
            "assert 'sqlite_utils' not in sys.modules; "
            f"db = connect({str(tmp_path / 'x.db')!r}, os.urandom(32)); "
            "print(type(db).__module__, 'pandas' in sys.modules, 'numpy' in sys.modules); "
            "import storage.reports.build, pandas; print(pandas.DataFrame({'a': [1]}).shape)")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120,
                            check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["sqlite_utils.db False False", "(1, 1)"]


VOID_CALLS = """
import sys
sys.path.insert(0, {root!r})
{guard}
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
label = QLabel()
for _ in range(200_000):  # a morning's work at the entry grid is many more void calls than this
    label.setText("x")
print("survived")
"""


@pytest.mark.parametrize("guarded", [True, False])
def test_many_void_qt_calls_do_not_abort_python(tmp_path, guarded):
    # PySide6 6.12 on Python 3.11 takes a reference from None on every call that returns nothing: without
    # main.guard_none() Python aborts ("none_dealloc") after a few thousand. The unguarded run is the control.
    if not guarded and sys.version_info >= (3, 12):
        pytest.skip("None is immortal from Python 3.12: nothing to show")
    code = VOID_CALLS.format(root=str(ROOT), guard="import main; main.guard_none()" if guarded else "")
    result = subprocess.run([sys.executable, "-c", code], env={**fresh_environment(tmp_path), "QT_QPA_PLATFORM": "offscreen"},
                            cwd=ROOT, capture_output=True, text=True, timeout=300, check=False)
    if guarded:
        assert (result.returncode, result.stdout.strip()) == (0, "survived"), result.stderr
    else:
        assert result.returncode != 0 and "none_dealloc" in result.stderr
