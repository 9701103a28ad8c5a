"""What a new user meets first (issue 13): the window without a display, and the CLI in a pipe."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import SUPERVISOR_PASSWORD

ROOT = Path(__file__).resolve().parent.parent


def run_main(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


def test_the_window_without_a_display_says_so_in_one_line(tmp_path):
    env = {key: value for key, value in os.environ.items() if key not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["MIZAN_DATA"] = str(tmp_path)
    done = run_main([], env)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.splitlines() == [
        "Mizan's window needs a display, and this session has none (no DISPLAY or WAYLAND_DISPLAY). Run it on the "
        "desktop, or use the command line: python main.py --help (QT_QPA_PLATFORM=offscreen runs the window without "
        "showing it)."]


def test_json_into_a_pipe_that_closes_early_ends_quietly(district_db):
    """`values --json | head -1`: the reader has gone before the output is written."""
    env = dict(os.environ, MIZAN_PASSWORD=SUPERVISOR_PASSWORD)
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone: every write gets EPIPE
    try:
        done = subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(district_db), "--user", "sana",
                               "values", "--json"], env=env, cwd=ROOT, stdout=write_end, stderr=subprocess.PIPE,
                              text=True, timeout=120)
    finally:
        os.close(write_end)
    assert (done.returncode, done.stderr) == (0, "")
