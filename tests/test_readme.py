"""Every shell example in README.md runs as written, in order, on a fresh folder (issue 13: the centre
example signed in as `clara`, who was never created, and as `root`, who may not import).

The README's ``sh`` blocks are run line by line with bash, each line in the environment the lines before it
left (``export`` carries on, as in one terminal). ``python`` is this interpreter and ``main.py`` this
checkout's. Three things are not run as written, and only these:

* the ``make`` block (it would run this very suite);
* ``/media/usb``, a USB stick, is a folder in the temporary directory;
* an example fingerprint, named in a comment as "(e.g. FP)" above the command that prints the real one,
  is replaced in later lines by what that command printed: the person reads it out by phone.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from storage.core.session import open_session

ROOT = Path(__file__).resolve().parent.parent
SH_BLOCK = re.compile(r"^```sh\n(.*?)^```", re.MULTILINE | re.DOTALL)
FINGERPRINT = re.compile(r"\b[0-9A-Z]{4}(?:-[0-9A-Z]{4}){3}\b")
EXAMPLE_FINGERPRINT = re.compile(r"\(e\.g\. ([0-9A-Z]{4}(?:-[0-9A-Z]{4}){3})\)")


def readme_examples() -> list[list[str]]:
    """The README's sh blocks but the one of `make` commands, as lists of lines."""
    blocks = [block.splitlines() for block in SH_BLOCK.findall((ROOT / "README.md").read_text(encoding="utf-8"))]
    return [lines for lines in blocks if not all(line.startswith("make ") for line in lines if line.strip())]


def read_environment(path: Path) -> dict[str, str]:
    """What ``env -0`` wrote: the environment a line left behind."""
    pairs = [entry.split("=", 1) for entry in path.read_text(encoding="utf-8").split("\0") if "=" in entry]
    return {name: value for name, value in pairs}


def test_the_readme_examples_run_as_written(tmp_path: Path):
    examples = readme_examples()
    assert len(examples) == 2  # the first session, then a district and the centre: if one goes or comes, look again
    folder = tmp_path / "office"
    folder.mkdir()
    usb = tmp_path / "usb"
    usb.mkdir()
    bin_folder = tmp_path / "bin"
    bin_folder.mkdir()
    shim = bin_folder / "python"  # a script, not a link: a venv's python finds its packages by its own path
    shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" "$@"\n', encoding="utf-8")
    shim.chmod(0o755)
    (folder / "main.py").symlink_to(ROOT / "main.py")  # Python puts the real file's folder on sys.path
    environment = {name: value for name, value in os.environ.items() if not name.startswith("MIZAN_")}
    environment.update(PATH=f"{bin_folder}{os.pathsep}{environment['PATH']}", HOME=str(tmp_path),
                       XDG_DATA_HOME=str(tmp_path / "data"), PYTHONDONTWRITEBYTECODE="1")
    environment_file = tmp_path / "environment"
    fingerprints: dict[str, str] = {}  # the README's example -> the one printed here
    expected_fingerprint: str | None = None
    ran = 0
    for lines in examples:
        for line in lines:
            if not line.strip():
                continue
            if line.lstrip().startswith("#"):
                example = EXAMPLE_FINGERPRINT.search(line)
                expected_fingerprint = example.group(1) if example else expected_fingerprint
                continue
            command = line.replace("/media/usb", str(usb))
            for example, printed in fingerprints.items():
                command = command.replace(example, printed)
            done = subprocess.run(["bash", "-e", "-c", f"{command}\nenv -0 > {environment_file}"], cwd=folder,
                                  env=environment, capture_output=True, text=True, timeout=600)
            assert done.returncode == 0, f"README line failed: {line}\n{done.stdout}{done.stderr}"
            environment = read_environment(environment_file)
            ran += 1
            printed = FINGERPRINT.findall(done.stdout)
            if expected_fingerprint and printed and "keys export" in command:
                fingerprints[expected_fingerprint] = printed[0]
                expected_fingerprint = None
    assert ran == 19
    assert sorted(fingerprints) == ["5XWD-X8XT-UNKS-PX4L", "7XEU-H6XD-VXPG-TK3G"]
    # What the examples promise happened: Quetta's figures reached the centre, and the receipt came back.
    centre = open_session(folder / "centre.db", "clara", "velvet-citadel-pomegranate-3")
    try:
        quetta_values = centre.db.execute("SELECT count(*) FROM indicator_values WHERE district = 'QUETTA'").fetchone()[0]
    finally:
        centre.close()
    quetta = open_session(folder / "quetta.db", "sana", "another-long-password")
    try:
        own_values = quetta.db.execute("SELECT count(*) FROM indicator_values").fetchone()[0]
    finally:
        quetta.close()
    assert quetta_values == own_values > 0
    assert len(list(usb.glob("QUETTA-*-receipt.json"))) == 1
