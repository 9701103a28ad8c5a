"""Crash consistency: kill real ``load``, ``export`` and ``import`` processes with SIGKILL, then check.

    .venv/bin/python bench/crash_harness.py             # 210 trials (70 per command)
    .venv/bin/python bench/crash_harness.py --small     # 12 trials, a CI smoke run (tests/test_crash_harness.py)
    .venv/bin/python bench/crash_harness.py --trials 300 --seed 7

One district office and one provincial centre (real encrypted databases, linked with key files) live
through every trial in turn: the district loads sheets and exports cumulative bundles, the centre imports
them. Each trial runs the real command line (``main.py --db ... load|export|import``, the password in
``MIZAN_PASSWORD``) as a child process and kills it with SIGKILL:

* half the trials after a random delay spread over the command's measured duration (start-up, sign-in,
  reading, writing, closing: wherever it happens to be);
* half at a random moment inside the write itself: the child reports (on a pipe of its own) when a write
  transaction begins and ends, and when export starts and finishes writing the bundle file, and the
  harness kills it a random time after the start, spread over that step's measured length.

The child is ``main.main`` unchanged, started through this file's ``--child`` mode, which only wraps
``Session.write`` and the bundle file write to report those moments. After each kill the harness opens
the database on a new connection (the killed process is gone and reaped, so SQLite recovers from the WAL
as any later program would) and checks, every time:

1. ``PRAGMA integrity_check`` is ``ok`` and the audit chain verifies (``storage.core.audit.verify``);
2. every record of every earlier command that exited 0 is there (a ledger of what succeeded), and a
   killed ``load`` wrote all of its rows or none;
3. at the centre, a bundle is imported whole or not at all: the ``bundles`` rows are exactly the bundles
   whose records are merged (the centre's values are the union of the imported bundles' values, version
   for version), and each row's counts add up to the manifest's record count;
4. every bundle file in the export folder is whole (decrypts with the centre's identity, passes the ZIP,
   hash and signature checks); every export the district recorded has its file, with that bundle id; an
   export that exited 0 is recorded and carries every value the district holds (bundles are cumulative,
   so a killed export's records travel in the next one).

Prints a table per command: trials, killed before / during / after the write, finished before the kill,
and whether the write was committed; any failed check is listed and makes the exit code 1.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import math
import os
import random
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # so that `python bench/crash_harness.py` works from anywhere
    sys.path.insert(0, str(ROOT))

PASSWORD = "crash-harness-pass-1"
DISTRICT = "QUETTA"
COMMANDS = ("load", "export", "import")
MARKER_FD_VARIABLE = "MIZAN_CRASH_MARKER_FD"
FULL_TRIALS, SMALL_TRIALS = 210, 12
FULL_MONTHS, SMALL_MONTHS = 4, 1  # months of Quetta's entry sheet per loaded file (about 110 values a month)


# -- the child: the real command line, reporting where it is ----------------------------------------------


def child_main(argv: list[str]) -> int:
    """Run ``main.main(argv)``; report write transactions and the bundle file write on the marker pipe.

    Markers are written with ``os.write`` (no buffering), so whatever the parent reads after the child died
    was reached before it died: ``write-end`` means the transaction had committed.
    """
    marker_fd = int(os.environ[MARKER_FD_VARIABLE])

    def mark(text: str) -> None:
        os.write(marker_fd, f"{text} {time.monotonic():.6f}\n".encode("ascii"))

    from storage.core import session as database
    from sync import export

    original_write = database.Session.write

    @contextlib.contextmanager
    def reported_write(self: database.Session):
        mark("write-begin")
        with original_write(self) as db:
            yield db
        mark("write-end")

    original_encrypted = export.write_encrypted

    def reported_encrypted(*args: object, **kwargs: object) -> None:
        mark("file-begin")
        original_encrypted(*args, **kwargs)
        mark("file-end")

    database.Session.write = reported_write
    export.write_encrypted = reported_encrypted
    import main

    return main.main(argv)


# -- the world: a district and a centre, and what they should hold -----------------------------------------


@dataclass
class BundleFacts:
    """What a whole bundle file holds, read with the centre's identity."""

    bundle_id: str
    sequence: int
    total: int  # records the manifest announces
    values: dict[str, str]  # indicator value uuid -> version (hlc)


@dataclass
class LoadFile:
    path: Path
    rows: dict[tuple[str, str, str], tuple]  # (indicator, period, cell) -> (value, numerator, denominator)
    committed: bool = False


@dataclass
class World:
    folder: Path
    district_db: Path
    centre_db: Path
    district_key: bytes
    centre_key: bytes
    identities: list
    district_public_key: str
    out_dir: Path
    months_per_load: int
    next_month: int = 0
    loads: list[LoadFile] = field(default_factory=list)
    pending_load: LoadFile | None = None  # a load that was killed before it committed: retried next
    succeeded_exports: set[int] = field(default_factory=set)  # sequences of exports that exited 0
    succeeded_imports: set[str] = field(default_factory=set)  # bundle ids of imports that exited 0
    imported_before: set[str] = field(default_factory=set)  # bundle ids the centre held before this trial
    bundle_cache: dict[tuple, BundleFacts | str] = field(default_factory=dict)
    facts_by_id: dict[str, BundleFacts] = field(default_factory=dict)


def make_world(folder: Path, months_per_load: int) -> World:
    """Create and link the two installations through the public API (as ``init``, ``keys`` would)."""
    import sync  # noqa: F401  (registers key generation as a step of init)
    from storage.core.keyslots import KeyFile, keyfile_path
    from storage.core.session import create_database
    from storage.records.users import add_user
    from sync.devices import enroll_device
    from sync.keys import age_identities, export_key_file, signing_public_key, trust_centre

    district_db, centre_db = folder / "quetta.db", folder / "centre.db"
    district, _ = create_database(district_db, role="district", district=DISTRICT, device_name="Quetta DPO",
                                  admin="amina", password=PASSWORD)
    add_user(district, "sana", "supervisor", PASSWORD)
    centre, _ = create_database(centre_db, role="centre", admin="root", password=PASSWORD)
    add_user(centre, "clara", "clerk", PASSWORD)
    # Each side types the fingerprint the other's screen shows (export_key_file's), as read out by phone.
    trust_centre(district, folder / "centre.key", export_key_file(centre, folder / "centre.key"))
    enroll_device(centre, folder / "quetta.enroll", export_key_file(district, folder / "quetta.enroll"))
    identities, public_key = age_identities(centre), signing_public_key(district)
    district.close()
    centre.close()
    out_dir = folder / "usb"
    out_dir.mkdir()
    # The checker opens the databases with their raw keys: one argon2 derivation each, not one per trial.
    district_key = KeyFile.load(keyfile_path(district_db)).unlock_with_password("sana", PASSWORD)
    centre_key = KeyFile.load(keyfile_path(centre_db)).unlock_with_password("clara", PASSWORD)
    return World(folder, district_db, centre_db, district_key, centre_key, identities, public_key, out_dir,
                 months_per_load)


def next_load_file(world: World, rng: random.Random) -> LoadFile:
    """The next sheet to load: a load killed before it committed is loaded again (as an office would),
    else new months (going back from last month) as a .csv or .xlsx file."""
    if world.pending_load is not None:
        return world.pending_load
    from bench._common import _sheet_rows, latest_complete_month, sheet_indicators
    from storage.reference.catalogue import load_catalogue
    from storage.reference.periods import shift

    catalogue = load_catalogue()
    inputs = []
    for _ in range(world.months_per_load):
        month = shift(latest_complete_month(), -world.next_month)
        world.next_month += 1
        for code, period in sheet_indicators(catalogue, month):
            inputs.extend(_sheet_rows(catalogue, code, DISTRICT, period))
    header = ["indicator", "district", "period", "cell", "value", "numerator", "denominator", "comment"]
    table = [[v.indicator, v.district, v.period, v.cell, v.value, v.numerator, v.denominator, v.comment]
             for v in inputs]
    number = len(world.loads) + 1
    if rng.random() < 0.5:
        path = world.folder / f"sheet-{number}.csv"
        with open(path, "w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(header)
            writer.writerows(table)
    else:
        from openpyxl import Workbook

        path = world.folder / f"sheet-{number}.xlsx"
        workbook = Workbook()
        sheet = workbook.active
        sheet.title = "values"
        sheet.append(header)
        for row in table:
            sheet.append(row)
        workbook.save(path)
    rows = {(v.indicator, v.period, v.cell): (v.value, v.numerator, v.denominator) for v in inputs}
    load = LoadFile(path, rows)
    world.loads.append(load)
    return load


def bundle_facts(world: World, path: Path) -> BundleFacts | str:
    """Read a bundle file as the centre would (every check up to the records); a string says why it is not
    whole. Cached per file identity: files are only ever replaced by rename, which changes the inode."""
    from sync.bundle import BundleRejected, OpenedBundle, decrypt_bundle, open_archive
    from sync.keys import verify_signature

    stat = path.stat()
    key = (str(path), stat.st_ino, stat.st_size, stat.st_mtime_ns)
    if key in world.bundle_cache:
        return world.bundle_cache[key]
    try:
        plaintext = decrypt_bundle(path, world.identities)
        archive, manifest, manifest_bytes, signature = open_archive(path, plaintext)
        if not verify_signature(world.district_public_key, manifest_bytes, signature):
            raise BundleRejected("the signature does not verify")
        values = {record["uuid"]: record["hlc"]
                  for record in OpenedBundle(path, manifest, archive).records("indicator_values")
                  if isinstance(record, dict)}
        facts: BundleFacts | str = BundleFacts(manifest["bundle_id"], manifest["sequence"],
                                               sum(manifest["counts"].values()), values)
        world.facts_by_id[facts.bundle_id] = facts
    except BundleRejected as rejection:
        facts = str(rejection)
    world.bundle_cache[key] = facts
    return facts


# -- one trial ------------------------------------------------------------------------------------------


@dataclass
class Run:
    """How one child process went."""

    command: str
    mode: str  # "delay" (anywhere in the run) or "write" (inside the write)
    exit_code: int | None = None  # None: killed
    phase: str = ""  # before | during | after (the write) | finished (exited before the kill)
    committed: bool | None = None
    duration: float = 0.0
    new_sequences: set[int] = field(default_factory=set)  # export: the sequences it recorded
    markers: list[tuple[str, float]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    stderr: str = ""


def command_line(world: World, command: str, arguments: list[str]) -> list[str]:
    database, user = (world.centre_db, "clara") if command == "import" else (world.district_db, "sana")
    return [sys.executable, str(Path(__file__).resolve()), "--child", "--db", str(database), "--user", user,
            command, *arguments]


def run_child(argv: list[str], kill_after: float | None, kill_in_write: tuple[str, float] | None) -> Run:
    """Start the child; kill it ``kill_after`` seconds after start, or ``kill_in_write = (marker, delay)``:
    ``delay`` seconds after it reports ``marker``. Returns the exit code (None: killed) and markers."""
    read_end, write_end = os.pipe()
    env = {**os.environ, "MIZAN_PASSWORD": PASSWORD, MARKER_FD_VARIABLE: str(write_end)}
    with tempfile.TemporaryFile() as err:
        started = time.monotonic()
        process = subprocess.Popen(argv, env=env, pass_fds=(write_end,), stdout=subprocess.DEVNULL, stderr=err,
                                   cwd=ROOT)
        os.close(write_end)
        buffer = b""
        markers: list[tuple[str, float]] = []
        deadline = started + kill_after if kill_after is not None else None
        killed = False

        def take(data: bytes) -> None:
            nonlocal buffer, deadline
            buffer += data
            while b"\n" in buffer:
                line, buffer = buffer.split(b"\n", 1)
                name, at = line.decode("ascii").split()
                markers.append((name, float(at)))
                if kill_in_write is not None and deadline is None and name == kill_in_write[0]:
                    deadline = float(at) + kill_in_write[1]

        while process.poll() is None:
            now = time.monotonic()
            if deadline is not None and now >= deadline:
                os.kill(process.pid, signal.SIGKILL)
                killed = True
                break
            wait = 0.05 if deadline is None else max(0.0, min(0.05, deadline - now))
            ready, _, _ = select.select([read_end], [], [], wait)
            if ready:
                data = os.read(read_end, 4096)
                if data:
                    take(data)
            if now - started > 600:
                raise RuntimeError(f"{argv[5:]} ran for ten minutes")
        process.wait()
        while data := os.read(read_end, 4096):  # what the child reported before it died or exited
            take(data)
        os.close(read_end)
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    run = Run(command="", mode="", exit_code=None if killed else process.returncode,
              duration=time.monotonic() - started, markers=markers, stderr=stderr)
    names = [name for name, _ in markers]
    if not killed:
        run.phase = "finished"
    elif not any(name.endswith("-begin") for name in names):
        run.phase = "before"
    elif names[-1] == "write-end":
        run.phase = "after"
    else:
        run.phase = "during"
    return run


def write_window(markers: list[tuple[str, float]], begin: str) -> float | None:
    """From the first ``begin`` marker to the last ``write-end``: how long the write step took."""
    starts = [at for name, at in markers if name == begin]
    ends = [at for name, at in markers if name == "write-end"]
    return ends[-1] - starts[0] if starts and ends else None


# -- checks ---------------------------------------------------------------------------------------------


def open_raw(path: Path, key: bytes):
    from storage.core.connection import connect

    return connect(path, key)


def check_database(db, name: str) -> list[str]:
    from storage.core import audit

    problems = []
    result = [row[0] for row in db.execute("PRAGMA integrity_check").fetchall()]
    if result != ["ok"]:
        problems.append(f"{name}: integrity_check says {result[:3]}")
    if db.execute("PRAGMA foreign_key_check").fetchall():
        problems.append(f"{name}: foreign_key_check finds broken references")
    report = audit.verify(db)
    if not report.ok:
        problems.append(f"{name}: the audit chain does not verify: {report.problems[:3]}")
    return problems


def _same(expected: tuple, stored: tuple) -> bool:
    """The figures of a sheet row as stored (a fraction's value is computed on save: not compared)."""
    value, numerator, denominator = expected
    if value is None:
        expected, stored = (numerator, denominator), stored[1:]
    return all((a is None and b is None) or (a is not None and b is not None and math.isclose(float(a), float(b)))
               for a, b in zip(expected, stored, strict=True))


def check_district(world: World, run: Run, load: LoadFile | None) -> list[str]:
    """Loads all or nothing and kept; exports whole, recorded and cumulative."""
    db = open_raw(world.district_db, world.district_key)
    try:
        problems = check_database(db, "district")
        stored = {(indicator, period, cell): (value, numerator, denominator)
                  for indicator, period, cell, value, numerator, denominator in db.execute(
                      "SELECT indicator, period, cell, value, numerator, denominator FROM indicator_values "
                      "WHERE deleted = 0")}
        for sheet in world.loads:
            present = sum(1 for key, figures in sheet.rows.items() if key in stored and _same(figures, stored[key]))
            if sheet is load:
                if present not in (0, len(sheet.rows)):
                    problems.append(f"{sheet.path.name}: {present} of {len(sheet.rows)} rows written (half a load)")
                run.committed = present == len(sheet.rows)
                if run.exit_code == 0 and not run.committed:
                    problems.append(f"{sheet.path.name}: load exited 0 but its rows are not all there")
                sheet.committed = run.committed
            elif sheet.committed and present != len(sheet.rows):
                problems.append(f"{sheet.path.name}: an earlier successful load lost {len(sheet.rows) - present} rows")
        expected_total = sum(len(sheet.rows) for sheet in world.loads if sheet.committed)
        if len(stored) != expected_total:
            problems.append(f"district holds {len(stored)} values, the committed loads {expected_total}")
        exports = db.execute("SELECT sequence, bundle_id, file_name FROM exports ORDER BY sequence").fetchall()
    finally:
        db.close()
    recorded = {sequence: (bundle_id, file_name) for sequence, bundle_id, file_name in exports}
    if run.command == "export":
        run.committed = bool(run.new_sequences)
    for sequence in world.succeeded_exports:
        if sequence not in recorded:
            problems.append(f"export {sequence} exited 0 but is not recorded")
    files = {path.name: path for path in world.out_dir.iterdir()}
    for sequence, (bundle_id, file_name) in recorded.items():
        if file_name not in files:
            problems.append(f"recorded export {sequence} has no file {file_name}")
            continue
        facts = bundle_facts(world, files[file_name])
        if isinstance(facts, str):
            problems.append(f"recorded export {sequence}: {file_name} is not whole: {facts}")
        elif facts.bundle_id != bundle_id:
            problems.append(f"recorded export {sequence}: {file_name} holds bundle {facts.bundle_id}, not {bundle_id}")
    for name, path in files.items():
        if name.endswith(".mizan"):
            facts = bundle_facts(world, path)
            if isinstance(facts, str):
                problems.append(f"{name} is in the export folder but not whole: {facts}")
        elif not (name.startswith(".") and name.endswith(".mizan.tmp")):
            problems.append(f"unexpected file {name} in the export folder")
    if run.command == "export" and run.exit_code == 0:
        sequence = max(recorded)
        facts = bundle_facts(world, world.out_dir / recorded[sequence][1])
        if isinstance(facts, BundleFacts) and len(facts.values) != len(stored):
            problems.append(f"export {sequence} carries {len(facts.values)} values; the district holds {len(stored)}")
    return problems


def recorded_sequences(world: World) -> set[int]:
    db = open_raw(world.district_db, world.district_key)
    try:
        return {row[0] for row in db.execute("SELECT sequence FROM exports")}
    finally:
        db.close()


def check_centre(world: World, run: Run, offered: list[BundleFacts]) -> list[str]:
    """Each bundle imported whole or not at all; every import that exited 0 kept."""
    db = open_raw(world.centre_db, world.centre_key)
    try:
        problems = check_database(db, "centre")
        rows = db.execute("SELECT bundle_id, counts FROM bundles").fetchall()
        values = dict(db.execute("SELECT uuid, hlc FROM indicator_values"))
        aside = db.execute("SELECT (SELECT count(*) FROM quarantine) + (SELECT count(*) FROM conflicts)").fetchone()[0]
    finally:
        db.close()
    import json

    imported = {bundle_id: json.loads(counts) for bundle_id, counts in rows}
    expected: dict[str, str] = {}
    for bundle_id, counts in imported.items():
        facts = world.facts_by_id.get(bundle_id)
        if facts is None:
            problems.append(f"the centre holds bundle {bundle_id}, which the harness never offered")
            continue
        if sum(counts.values()) != facts.total:
            problems.append(f"bundle {facts.sequence}: counts {counts} do not add up to the manifest's {facts.total}")
        for uuid_, hlc in facts.values.items():
            expected[uuid_] = max(expected.get(uuid_, ""), hlc)
    if values != expected:
        missing = sum(1 for u in expected if u not in values)
        extra = sum(1 for u in values if u not in expected)
        problems.append(f"the centre's values are not the union of its imported bundles: {missing} missing, "
                        f"{extra} from bundles it has not recorded, "
                        f"{sum(1 for u in values if u in expected and values[u] != expected[u])} at another version")
    if aside:
        problems.append(f"{aside} records in quarantine or conflicts (every record offered was valid)")
    for bundle_id in world.succeeded_imports:
        if bundle_id not in imported:
            problems.append(f"bundle {bundle_id} was imported (exit 0) but is gone")
    if run.command == "import":
        run.committed = any(f.bundle_id in imported and f.bundle_id not in world.imported_before for f in offered)
        world.imported_before = set(imported)
        if run.exit_code == 0:
            world.succeeded_imports.update(facts.bundle_id for facts in offered)
            problems += [f"bundle {f.sequence}: import exited 0 but it is not recorded" for f in offered
                         if f.bundle_id not in imported]
    return problems


# -- the run --------------------------------------------------------------------------------------------


@dataclass
class Timing:
    """Latest measured length of a command and of its write step, for spreading the kill moments."""

    total: float = 2.0
    window: float = 0.2


def trial(world: World, command: str, mode: str, timing: Timing, rng: random.Random) -> Run:
    load: LoadFile | None = None
    offered: list[BundleFacts] = []
    if command == "load":
        load = next_load_file(world, rng)
        arguments = [str(load.path)]
    elif command == "export":
        arguments = ["--out", str(world.out_dir)]
    else:
        # The newest whole bundle, and now and then an older one too (a duplicate, or one missed before).
        whole = sorted(((facts, path) for path in world.out_dir.glob("*.mizan")
                        if isinstance(facts := bundle_facts(world, path), BundleFacts)),
                       key=lambda pair: pair[0].sequence)
        fresh = [pair for pair in whole if pair[0].bundle_id not in world.imported_before]
        newest = fresh[-1:] or whole[-1:]
        others = [pair for pair in whole if pair not in newest]
        chosen = newest + ([rng.choice(others)] if others and rng.random() < 0.3 else [])
        offered = [facts for facts, _ in chosen]
        arguments = [str(path) for _, path in chosen]
    before_sequences = recorded_sequences(world) if command == "export" else set()
    begin = "file-begin" if command == "export" else "write-begin"
    if mode == "delay":
        run = run_child(command_line(world, command, arguments), rng.uniform(0, timing.total * 1.1), None)
    elif mode == "write":
        run = run_child(command_line(world, command, arguments), None, (begin, rng.uniform(0, timing.window * 1.2)))
    else:  # calibration: not killed
        run = run_child(command_line(world, command, arguments), None, None)
    run.command, run.mode = command, mode
    if run.exit_code not in (None, 0):
        run.problems.append(f"{command} exited {run.exit_code}: {run.stderr.strip()[-300:]}")
    if run.exit_code == 0:
        timing.total = run.duration
        window = write_window(run.markers, begin)
        if window is not None:
            timing.window = window
    if command == "export":
        run.new_sequences = recorded_sequences(world) - before_sequences
        if run.exit_code == 0:
            world.succeeded_exports |= run.new_sequences
    if command in ("load", "export"):
        run.problems += check_district(world, run, load)
        if command == "load":
            world.pending_load = None if run.committed else load
    else:
        run.problems += check_centre(world, run, offered)
    return run


def summarise(runs: list[Run]) -> str:
    """The table per command: where the kill landed and what it left."""
    lines = [f"{'command':<8} {'trials':>6} {'before':>7} {'during':>7} {'after':>6} {'finished':>9} "
             f"{'committed':>10} {'not committed':>14} {'checks failed':>14}"]
    for command in (*COMMANDS, "all"):
        chosen = [run for run in runs if command in (run.command, "all")]
        phases = Counter(run.phase for run in chosen)
        lines.append(f"{command:<8} {len(chosen):>6} {phases['before']:>7} {phases['during']:>7} {phases['after']:>6} "
                     f"{phases['finished']:>9} {sum(1 for r in chosen if r.committed):>10} "
                     f"{sum(1 for r in chosen if r.committed is False):>14} "
                     f"{sum(1 for r in chosen if r.problems):>14}")
    during = [run for run in runs if run.phase == "during"]
    by_command = defaultdict(Counter)
    for run in during:
        by_command[run.command]["committed" if run.committed else "rolled back"] += 1
    lines.append("killed during the write: " + "; ".join(
        f"{command} {dict(counts)}" for command, counts in sorted(by_command.items())))
    return "\n".join(lines)


def run(trials: int, folder: Path, *, months_per_load: int, seed: int, verbose: bool = True) -> list[Run]:
    """Calibrate (one unkilled run of each command), then ``trials`` killed runs; returns the killed runs."""
    rng = random.Random(seed)
    world = make_world(folder, months_per_load)
    timings = {command: Timing() for command in COMMANDS}
    calibration = [trial(world, command, "calibrate", timings[command], rng) for command in COMMANDS]
    for done in calibration:
        if done.problems:
            raise RuntimeError(f"calibration {done.command} failed: {done.problems}")
    plan = [COMMANDS[i % 3] for i in range(trials)]
    rng.shuffle(plan)
    runs = []
    for number, command in enumerate(plan, start=1):
        mode = "write" if number % 2 == 0 else "delay"
        done = trial(world, command, mode, timings[command], rng)
        runs.append(done)
        if verbose:
            state = "ok" if not done.problems else "FAILED: " + "; ".join(done.problems)
            print(f"{number:>4} {command:<7} {mode:<6} {done.phase:<9} {done.duration:6.2f}s "
                  f"{'committed' if done.committed else 'not committed':<14} {state}", flush=True)
    if verbose:
        # A kill during the file write leaves the temporary file (the rename never happened); it is not a
        # *.mizan file, so no import picks it up, and the next export of that sequence overwrites it.
        leftovers = [path.name for path in world.out_dir.iterdir() if path.name.endswith(".tmp")]
        print(f"end: {sum(len(sheet.rows) for sheet in world.loads if sheet.committed):,} values loaded at the "
              f"district, {len(recorded_sequences(world))} exports recorded, {len(world.imported_before)} bundles "
              f"imported at the centre, {len(leftovers)} temporary export files left by kills")
    return runs


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--child"]:
        return child_main(argv[1:])
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", action="store_true", help=f"{SMALL_TRIALS} trials, one month per loaded sheet")
    parser.add_argument("--trials", type=int, help=f"killed runs (default {FULL_TRIALS}, --small {SMALL_TRIALS})")
    parser.add_argument("--seed", type=int, default=20260)
    parser.add_argument("--dir", help="folder for the databases (default: a temporary folder, removed after)")
    args = parser.parse_args(argv)
    trials = args.trials or (SMALL_TRIALS if args.small else FULL_TRIALS)
    months = SMALL_MONTHS if args.small else FULL_MONTHS
    folder = Path(args.dir) if args.dir else Path(tempfile.mkdtemp(prefix="mizan-crash-"))
    folder.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    try:
        runs = run(trials, folder, months_per_load=months, seed=args.seed)
    finally:
        if not args.dir:
            shutil.rmtree(folder, ignore_errors=True)
    print()
    print(summarise(runs))
    failed = [run for run in runs if run.problems]
    print(f"{len(runs)} trials in {time.monotonic() - started:.0f} s; {len(failed)} with a failed check")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
