"""The ``--self-test`` run in-process: it passes on a working install and names the step that fails.

The frozen executable's self-test is run by ``.ci/package``; these tests keep the same code honest in
the normal test run, where a failure is quicker to read.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from main import main
from storage.tools.selftest import self_test

STEPS_DONE = (
    "ok: created a temporary folder",
    "ok: created encrypted database",
    "ok: added a supervisor",
    "ok: signed in as the supervisor",
    "ok: generated demo data",
    "ok: re-validated every record",
    "ok: verified the audit chain",
    "ok: wrote the four reports to XLSX and PDF",
    "ok: closed the database",
    "ok: plain sqlite3 cannot read the file",
    "ok: reopened with the password",
    "ok: removed the temporary folder",
)


def test_self_test_passes_and_leaves_nothing_behind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    # Through main() as `mizan --self-test` runs it, with the standard library's temporary folder pointed
    # at an empty folder of our own (tempfile.tempdir is its documented override), so "nothing left
    # behind" can be checked exactly even while other runs use the system's temporary folder.
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    assert main(["--self-test"]) == 0
    output = capsys.readouterr().out
    lines = output.splitlines()
    for step in STEPS_DONE:
        assert any(line.startswith(step) for line in lines), f"missing {step!r} in:\n{output}"
    assert lines[-1].startswith("self-test passed")
    assert "FAILED" not in output
    assert list(tmp_path.iterdir()) == []


def test_self_test_names_the_step_that_fails(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # A real failure, not a patched one: the place for the temporary folder is a file, so the folder
    # cannot be made (as happens when TMP points somewhere unusable). Read-only folders would not do:
    # tests may run as root, who can write into them.
    not_a_folder = tmp_path / "not-a-folder"
    not_a_folder.write_text("a file where a folder should be\n", encoding="utf-8")
    assert self_test(temp_root=not_a_folder) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("FAILED: create a temporary folder: ")
    assert lines[-1].startswith("self-test FAILED: create a temporary folder: ")
    assert not any(line.startswith("ok:") for line in lines)
    assert [path.name for path in tmp_path.iterdir()] == ["not-a-folder"]
