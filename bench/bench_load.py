"""Goals (b) and (c): ``load`` of a spreadsheet vs a raw insert of the same rows, and its peak memory.

    .venv/bin/python bench/bench_load.py               # 200,000 rows
    .venv/bin/python bench/bench_load.py --rows 10000 --no-xlsx

(b) ``storage.sheets.values.load_values`` (read the file, check for duplicate rows, validate, write, seal)
of a CSV file vs one transaction of ``executemany`` of the same rows, fully prepared, into a copy of
the same fresh encrypted database (audit triggers on: the real table). Goal: raw / load >= 0.33.
The same rows as an .xlsx file (written with openpyxl) are loaded for information.

(c) the peak resident memory (``VmHWM``) of a separate process that opens the database and loads
the CSV, against a process that only imports and opens the database (which includes argon2id's
64 MiB for unlocking the key slot). Goal: the load's absolute peak under 300 MB.
"""

from __future__ import annotations

import argparse
import csv
import json
import shutil
import subprocess
import sys
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._common import (  # noqa: E402
    ROOT,
    CallTimer,
    Measurement,
    MemoryMeasurement,
    Span,
    bench_folder,
    copy_database,
    count_values,
    format_memory_table,
    format_table,
    generate_inputs,
    machine_line,
    make_template_database,
    open_clerk,
    peak_rss_mb,
    raw_insert,
    raw_rows,
    remove_database,
    timed,
)
from storage.core import audit  # noqa: E402
from storage.records import values as records  # noqa: E402
from storage.records.values import VALUE_KEYS  # noqa: E402
from storage.reference.catalogue import load_catalogue  # noqa: E402
from storage.sheets import values as bulk  # noqa: E402
from storage.validation import ValueInput  # noqa: E402

DEFAULT_ROWS = 200_000
GOAL = 0.33
MEMORY_GOAL_MB = 300.0


# -- the files -------------------------------------------------------------------------------------------


def _sheet_row(value: ValueInput) -> list[object]:
    """A row as a filled-in template has it: the value, or numerator and denominator; blanks empty."""
    return [value.indicator, value.district, value.period, value.cell, value.value, value.numerator,
            value.denominator, value.comment]


def write_csv(inputs: list[ValueInput], path: Path) -> Path:
    """UTF-8 with BOM, like Excel's "CSV UTF-8" and ``write_template``."""
    with open(path, "w", newline="", encoding="utf-8-sig") as handle:
        writer = csv.writer(handle)
        writer.writerow(VALUE_KEYS)
        writer.writerows(["" if cell is None else cell for cell in _sheet_row(value)] for value in inputs)
    return path


def write_xlsx(inputs: list[ValueInput], path: Path) -> Path:
    """The same rows in a ``values`` sheet (write-only mode: a 200k-row sheet in bounded memory)."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("values")
    sheet.append(list(VALUE_KEYS))
    for value in inputs:
        sheet.append(_sheet_row(value))
    workbook.save(path)
    return path


# -- measurements ------------------------------------------------------------------------------------------


def time_raw(template: Path, folder: Path, inputs: list[ValueInput]) -> Span:
    path = copy_database(template, folder / "raw.db")
    session = open_clerk(path)
    try:
        rows = raw_rows(session.catalogue, session, inputs)
        span = raw_insert(session.db, rows)
        del rows
        assert count_values(session.db) == len(inputs)
    finally:
        session.close()
        remove_database(path)
    return span


def time_load(template: Path, folder: Path, sheet: Path, count: int) -> dict[str, Span]:
    """``load_values`` into a fresh copy, with the time spent reading, validating and sealing."""
    path = copy_database(template, folder / "load.db")
    session = open_clerk(path)
    try:
        with (CallTimer(bulk, "read_value_rows") as reading, CallTimer(records, "check_indicator_values") as checking,
              CallTimer(audit, "seal") as sealing):
            with timed() as span:
                report = bulk.load_values(session, sheet)
        assert report.ok and report.saved is not None and report.saved.new == count, report.problems[:5]
        assert count_values(session.db) == count
    finally:
        session.close()
        remove_database(path)
    return {"total": span, "read": reading.span, "validate": checking.span, "seal": sealing.span}


def child_peak(mode: str, database: Path, sheet: Path | None = None) -> dict:
    """Run this script as a separate process (``--child``) and return what it reports.

    A separate process so that the peak is the load's own, not this benchmark's (which holds the
    generated rows); ``VmHWM`` is read by the child itself just before it exits.
    """
    command = [sys.executable, "-m", "bench.bench_load", "--child", mode, str(database)]
    if sheet is not None:
        command.append(str(sheet))
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"child {mode} failed:\n{done.stdout}\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def child_main(mode: str, database: str, sheet: str | None) -> None:
    """In the child process: open the database (and load the sheet), then print the peak RSS as JSON."""
    session = open_clerk(Path(database))
    result: dict[str, object] = {"mode": mode}
    if mode == "load":
        assert sheet is not None
        with timed() as span:
            report = bulk.load_values(session, sheet)
        result.update(seconds=span.wall, ok=report.ok, new=report.saved.new if report.saved else 0)
    session.close()
    result["peak_mb"] = peak_rss_mb()
    print(json.dumps(result))


def run(count: int, folder: Path, *, xlsx: bool = True, memory: bool = True) -> tuple[list, list]:
    template = make_template_database(folder)
    inputs = generate_inputs(load_catalogue(), count)
    csv_path = write_csv(inputs, folder / "values.csv")
    xlsx_path = write_xlsx(inputs, folder / "values.xlsx") if xlsx else None
    baseline = time_raw(template, folder, inputs)
    del inputs  # the load reads the file; the benchmark's own copy of the rows is not needed any more
    loaded = time_load(template, folder, csv_path, count)
    total = loaded["total"]
    lines = [
        Measurement("raw executemany, audit triggers on (baseline)", baseline, count),
        Measurement("load CSV (read + validate + write) vs baseline", total, count, baseline, GOAL),
        Measurement("  of which reading the CSV", loaded["read"]),
        Measurement("  of which validation (check_indicator_values)", loaded["validate"]),
        Measurement("  of which audit seal (hash chain)", loaded["seal"]),
        Measurement("  of which upsert with triggers, rest", total - loaded["read"] - loaded["validate"] - loaded["seal"]),
    ]
    if xlsx_path is not None:
        loaded_xlsx = time_load(template, folder, xlsx_path, count)
        lines += [
            Measurement("load XLSX (for information)", loaded_xlsx["total"], count, baseline),
            Measurement("  of which reading the XLSX (openpyxl)", loaded_xlsx["read"]),
        ]
    memory_lines: list[MemoryMeasurement] = []
    if memory:
        opened = child_peak("open", copy_database(template, folder / "open.db"))
        load_run = child_peak("load", copy_database(template, folder / "child-load.db"), csv_path)
        if not (load_run["ok"] and load_run["new"] == count):
            raise RuntimeError(f"the child's load failed: {load_run}")
        memory_lines = [
            MemoryMeasurement("process that imports and opens the database", opened["peak_mb"]),
            MemoryMeasurement(f"process that opens and loads {count:,} CSV rows", load_run["peak_mb"], MEMORY_GOAL_MB),
        ]
        if xlsx_path is not None:
            xlsx_run = child_peak("load", copy_database(template, folder / "child-xlsx.db"), xlsx_path)
            memory_lines.append(
                MemoryMeasurement(f"process that opens and loads {count:,} XLSX rows (info)", xlsx_run["peak_mb"]))
    return lines, memory_lines


def main(argv: list[str] | None = None) -> tuple[list, list]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=DEFAULT_ROWS, help=f"rows in the sheet (default {DEFAULT_ROWS:,})")
    parser.add_argument("--no-xlsx", action="store_true", help="skip writing and loading the .xlsx file")
    parser.add_argument("--no-memory", action="store_true", help="skip the peak-memory processes")
    parser.add_argument("--dir", help="folder for the throwaway databases (default: a temporary folder)")
    parser.add_argument("--child", nargs="+", metavar="ARG", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        mode, database, *sheet = args.child
        child_main(mode, database, sheet[0] if sheet else None)
        return [], []
    folder = bench_folder(args.dir)
    try:
        lines, memory_lines = run(args.rows, folder, xlsx=not args.no_xlsx, memory=not args.no_memory)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print(format_table(f"(b) load {args.rows:,} rows -- {machine_line()}", lines))
    print("ratio = baseline seconds / load seconds; goal: load at least a third as fast as the raw insert.")
    if memory_lines:
        print()
        print(format_memory_table("(c) peak memory of a separate process (VmHWM)", memory_lines))
    return lines, memory_lines


if __name__ == "__main__":
    main()
