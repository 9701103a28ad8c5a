"""Crash consistency, the CI form of ``bench/crash_harness.py``: real ``load``, ``export`` and ``import``
processes killed with SIGKILL (half of them inside the write), and after every kill the databases are
intact, the audit chain verifies, nothing that succeeded is lost and nothing is half written."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from bench import crash_harness

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL and pass_fds are POSIX")


@pytest.mark.slow
def test_killed_commands_leave_consistent_databases(tmp_path: Path):
    runs = crash_harness.run(crash_harness.SMALL_TRIALS, tmp_path, months_per_load=crash_harness.SMALL_MONTHS,
                             seed=7, verbose=False)
    table = crash_harness.summarise(runs)
    assert len(runs) == crash_harness.SMALL_TRIALS
    assert {run.command for run in runs} == set(crash_harness.COMMANDS)
    assert sum(1 for run in runs if run.exit_code is None) >= crash_harness.SMALL_TRIALS // 2, table
    failures = [f"{run.command} ({run.mode}, {run.phase}): {problem}" for run in runs for problem in run.problems]
    assert failures == [], table
