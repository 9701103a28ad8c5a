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
