"""Start-up: the packaged app's first window against a bare PySide6 window, both PyInstaller one-folder
builds, started alternately in the same run.

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python bench/bench_startup.py           # builds both
    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python bench/bench_startup.py --reuse   # reuses them
    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_startup.py --reuse --source       # + from source
    ... bench/bench_startup.py --reuse --sign-in     # + the sign-in dialog on an existing database

* baseline: ``bench/bare_window.py`` (a QApplication and an empty QMainWindow), frozen by PyInstaller with
  its defaults into ``<build-dir>/dist/bare_window``;
* Mizan: ``build.spec`` (what ``make package`` ships) into ``<build-dir>/dist/mizan``, started with no
  arguments on a database path that does not exist yet, with empty settings: the setup wizard, the first
  window a new installation shows (``gui.app.Application.start``).

Both are timed by the same rule, ``gui.startup_probe``: with ``MIZAN_STARTUP_PROBE=<file>`` the process
writes the wall-clock time once its first window has been exposed and painted, and quits. The time counted
is from just before the bench starts the process to that moment: the interpreter, imports, Qt's platform
plugin, building the window and the first frame. CPU time (user + system) is the whole child process, exit
included. One untimed start of each comes first (it reads the build from disk into the page cache); then
``--runs`` starts of each, alternating, so a change in the machine's load hits both alike.

Goal (issue 13): Mizan's median at most 2x the bare build's. On a busy machine the medians wander (another
process takes the CPU in the middle of one start and not another); the ratio of the fastest starts, and the
CPU ratio, are printed beside it as steadier views of the same thing. Nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench._common import copy_database, load_average, make_template_database  # noqa: E402
from gui.startup_probe import PROBE_VARIABLE  # noqa: E402

GOAL_RATIO = 2.0
DEFAULT_RUNS = 5
DEFAULT_BUILD_DIR = ROOT / "build" / "bench-startup"
PYINSTALLER = Path(sys.executable).parent / "pyinstaller"
TIMEOUT_SECONDS = 120


@dataclass
class Target:
    """One program to start: its command line, and the times measured."""

    name: str
    command: list[str]
    database: Path | None = None  # copied in before each start (Mizan then shows the sign-in dialog)
    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)


# -- the builds ----------------------------------------------------------------------------------------


def mizan_executable(build_dir: Path) -> Path:
    return build_dir / "dist" / "mizan" / ("mizan.exe" if os.name == "nt" else "mizan")


def bare_executable(build_dir: Path) -> Path:
    return build_dir / "dist" / "bare_window" / ("bare_window.exe" if os.name == "nt" else "bare_window")


def pyinstaller(arguments: list[str], build_dir: Path, log_name: str) -> None:
    """Run PyInstaller, its long log to ``<build-dir>/<log_name>``; the log's end on failure."""
    log = build_dir / log_name
    started = time.perf_counter()
    with log.open("w", encoding="utf-8") as out:
        result = subprocess.run([str(PYINSTALLER), "--noconfirm", "--clean",
                                 "--distpath", str(build_dir / "dist"), "--workpath", str(build_dir / "work"),
                                 *arguments], cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, check=False)
    if result.returncode != 0:
        sys.exit(f"PyInstaller failed ({log}):\n" + "\n".join(log.read_text(encoding="utf-8").splitlines()[-40:]))
    print(f"  built in {time.perf_counter() - started:.0f} s (log: {log})", flush=True)


def build_mizan(build_dir: Path) -> None:
    """As ``.ci/package`` does: the translations first (the package carries them), then build.spec."""
    print("Building Mizan from build.spec ...", flush=True)
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    for ts in sorted((ROOT / "resources" / "translations").glob("*.ts")):
        subprocess.run([str(lrelease), str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True,
                       stdout=subprocess.DEVNULL)
    pyinstaller([str(ROOT / "build.spec")], build_dir, "mizan.log")


def build_bare(build_dir: Path) -> None:
    """PyInstaller's defaults for a one-folder build; ``--paths`` lets it find gui.startup_probe."""
    print("Building the bare PySide6 window ...", flush=True)
    pyinstaller(["--onedir", "--name", "bare_window", "--specpath", str(build_dir), "--paths", str(ROOT),
                 str(ROOT / "bench" / "bare_window.py")], build_dir, "bare_window.log")


def folder_mb(executable: Path) -> float:
    return sum(f.stat().st_size for f in executable.parent.rglob("*") if f.is_file()) / 1e6


# -- one start -------------------------------------------------------------------------------------------


def children_cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def start_once(target: Target, scratch: Path) -> tuple[float, float]:
    """(seconds to the first painted window, CPU seconds of the whole process) of one fresh start.

    Every start gets its own empty folder: no database (Mizan shows the setup wizard) unless the target
    names one to copy in (the sign-in dialog), and empty settings (HOME and the XDG folders point inside it,
    so QSettings and platformdirs find nothing from before).
    """
    folder = Path(tempfile.mkdtemp(prefix="start-", dir=scratch))
    probe = folder / "first-window"
    if target.database is not None:
        copy_database(target.database, folder / "mizan.db")
    env = {**os.environ, PROBE_VARIABLE: str(probe), "MIZAN_DB": str(folder / "mizan.db"),
           "HOME": str(folder / "home"), "XDG_CONFIG_HOME": str(folder / "config"),
           "XDG_DATA_HOME": str(folder / "data"), "XDG_CACHE_HOME": str(folder / "cache")}
    env.pop("PYTHONPATH", None)
    # From source, the untimed first start writes the bytecode both then read, as an installed Python would.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    cpu_before = children_cpu_seconds()
    started = time.time()
    result = subprocess.run(target.command, env=env, cwd=folder, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            timeout=TIMEOUT_SECONDS, check=False)
    cpu = children_cpu_seconds() - cpu_before
    if result.returncode != 0 or not probe.exists():
        sys.exit(f"{target.name} did not report its first window (exit {result.returncode}):\n"
                 f"{result.stdout.decode(errors='replace')[-3000:]}")
    shown = float(probe.read_text(encoding="ascii"))
    shutil.rmtree(folder, ignore_errors=True)
    return shown - started, cpu


def measure(pair: tuple[Target, Target], runs: int, scratch: Path) -> None:
    for target in pair:  # untimed: reads the build into the page cache
        start_once(target, scratch)
    for run in range(runs):
        for target in (pair if run % 2 == 0 else pair[::-1]):  # alternate which goes first
            wall, cpu = start_once(target, scratch)
            target.wall.append(wall)
            target.cpu.append(cpu)


def table(pair: tuple[Target, Target], runs: int, title: str) -> list[str]:
    bare, mizan = pair
    ratio = statistics.median(mizan.wall) / statistics.median(bare.wall)
    cpu_ratio = statistics.median(mizan.cpu) / statistics.median(bare.cpu)
    lines = [title, f"{'program':<34} {'first window (median)':>22} {'min':>8} {'max':>8} {'CPU (median)':>13}"]
    for target in pair:
        lines.append(f"{target.name:<34} {statistics.median(target.wall) * 1000:>19.0f} ms "
                     f"{min(target.wall) * 1000:>5.0f} ms {max(target.wall) * 1000:>5.0f} ms "
                     f"{statistics.median(target.cpu) * 1000:>10.0f} ms")
    fastest_ratio = min(mizan.wall) / min(bare.wall)
    verdict = "ok" if ratio <= GOAL_RATIO else "MISSED"
    lines.append(f"ratio Mizan / bare: {ratio:.2f} of the medians (goal <= {GOAL_RATIO:.0f}: {verdict}), "
                 f"{fastest_ratio:.2f} of the fastest starts; CPU ratio {cpu_ratio:.2f}; {runs} starts each, alternating")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=DEFAULT_RUNS, help="timed starts of each (default 5)")
    parser.add_argument("--reuse", action="store_true", help="reuse the builds in --build-dir when they exist")
    parser.add_argument("--build-dir", type=Path, default=DEFAULT_BUILD_DIR,
                        help=f"where the two builds go (default {DEFAULT_BUILD_DIR.relative_to(ROOT)})")
    parser.add_argument("--source", action="store_true",
                        help="also time both from source (python main.py, python bench/bare_window.py)")
    parser.add_argument("--sign-in", action="store_true",
                        help="also time the packaged app on an existing database (the sign-in dialog) against the bare build")
    args = parser.parse_args(argv)
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
                                                 or os.environ.get("QT_QPA_PLATFORM")):
        sys.exit('No display: run under xvfb-run -a -s "-screen 0 1366x768x24" (or QT_QPA_PLATFORM=offscreen).')

    build_dir = args.build_dir.resolve()
    build_dir.mkdir(parents=True, exist_ok=True)
    if not (args.reuse and mizan_executable(build_dir).exists()):
        build_mizan(build_dir)
    if not (args.reuse and bare_executable(build_dir).exists()):
        build_bare(build_dir)

    platform = os.environ.get("QT_QPA_PLATFORM") or ("xcb" if os.environ.get("DISPLAY") else "default")
    print(f"Start-up to the first window; Qt platform {platform}; {os.cpu_count()} cores, "
          f"load average {load_average()} before", flush=True)
    output: list[str] = []
    with tempfile.TemporaryDirectory(prefix="mizan-bench-startup-") as scratch:
        frozen = (Target(f"bare PySide6 ({folder_mb(bare_executable(build_dir)):.0f} MB)",
                         [str(bare_executable(build_dir))]),
                  Target(f"Mizan, setup wizard ({folder_mb(mizan_executable(build_dir)):.0f} MB)",
                         [str(mizan_executable(build_dir))]))
        measure(frozen, args.runs, Path(scratch))
        output += table(frozen, args.runs, "PyInstaller one-folder builds")
        if args.sign_in:
            template = make_template_database(Path(tempfile.mkdtemp(prefix="template-", dir=scratch)))
            sign_in = (Target("bare PySide6", [str(bare_executable(build_dir))]),
                       Target("Mizan, sign-in dialog", [str(mizan_executable(build_dir))], database=template))
            measure(sign_in, args.runs, Path(scratch))
            output += ["", *table(sign_in, args.runs, "PyInstaller builds, an existing database (centre, two users)")]
        if args.source:
            source = (Target("bare PySide6, from source", [sys.executable, str(ROOT / "bench" / "bare_window.py")]),
                      Target("Mizan, from source", [sys.executable, str(ROOT / "main.py")]))
            measure(source, args.runs, Path(scratch))
            output += ["", *table(source, args.runs, "From source (.venv python)")]
    output.append(f"load average {load_average()} after")
    print("\n".join(output))
    return 0


if __name__ == "__main__":
    sys.exit(main())
