"""Goal (a): writing values through the API vs a raw ``executemany`` of the same rows.

    .venv/bin/python bench/bench_write.py              # 1,000,000 values
    .venv/bin/python bench/bench_write.py --rows 20000 # a quick look

Every run starts from a copy of one freshly created encrypted database, so the API and the
baselines insert into an equally empty ``indicator_values`` table:

* baseline: one transaction of ``executemany(INSERT ...)`` of fully prepared rows (computed values,
  uuids and HLC versions made beforehand). The table's audit triggers fire, as they do for any
  writer: that is the real table.
* a second baseline on a throwaway copy with the audit triggers dropped, to show what auditing costs.
* the API: ``storage.records.values.save_indicator_values(session, inputs)`` with validation, the history
  query, the upsert and the audit seal, exactly as the GUI and ``load`` call it.

Goal: baseline time / API time >= 0.5.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._common import (  # noqa: E402
    CallTimer,
    Measurement,
    Span,
    bench_folder,
    copy_database,
    copy_inputs,
    count_values,
    drop_audit_triggers,
    format_table,
    generate_inputs,
    machine_line,
    make_template_database,
    open_clerk,
    raw_insert,
    raw_rows,
    remove_database,
    timed,
)
from storage.core import audit  # noqa: E402
from storage.records import values as records  # noqa: E402
from storage.reference.catalogue import load_catalogue  # noqa: E402
from storage.validation import ValueInput  # noqa: E402

DEFAULT_ROWS = 1_000_000
GOAL = 0.5


def time_raw(template: Path, folder: Path, inputs: list[ValueInput], *, triggers: bool) -> Span:
    """The raw insert of ``inputs``' rows into a fresh copy of ``template``."""
    path = copy_database(template, folder / ("raw.db" if triggers else "raw-no-triggers.db"))
    session = open_clerk(path)
    try:
        if not triggers:
            drop_audit_triggers(session.db)
        rows = raw_rows(session.catalogue, session, inputs)
        span = raw_insert(session.db, rows)
        del rows
        assert count_values(session.db) == len(inputs)
    finally:
        session.close()
        remove_database(path)
    return span


def time_api(template: Path, folder: Path, inputs: list[ValueInput]) -> dict[str, Span]:
    """``save_indicator_values`` into a fresh copy of ``template``: the whole call, validation and seal."""
    path = copy_database(template, folder / "api.db")
    session = open_clerk(path)
    batch = copy_inputs(inputs)
    try:
        with CallTimer(records, "check_indicator_values") as checking, CallTimer(audit, "seal") as sealing:
            with timed() as span:
                report = records.save_indicator_values(session, batch)
        assert report.new == len(inputs), report
        assert count_values(session.db) == len(inputs)
    finally:
        session.close()
        remove_database(path)
    return {"total": span, "validate": checking.span, "seal": sealing.span}


def run(count: int, folder: Path, repeat: int = 1) -> list[Measurement]:
    """Measure; with ``repeat`` > 1 each figure is the fastest of its runs (the least disturbed)."""
    template = make_template_database(folder)
    inputs = generate_inputs(load_catalogue(), count)
    raw: list[Span] = []
    raw_bare: list[Span] = []
    api: list[dict[str, Span]] = []
    for _ in range(repeat):
        raw.append(time_raw(template, folder, inputs, triggers=True))
        api.append(time_api(template, folder, inputs))
        raw_bare.append(time_raw(template, folder, inputs, triggers=False))
    baseline = min(raw, key=lambda span: span.wall)
    bare = min(raw_bare, key=lambda span: span.wall)
    best = min(api, key=lambda spans: spans["total"].wall)
    total = best["total"]
    return [
        Measurement("raw executemany, audit triggers on (baseline)", baseline, count),
        Measurement("raw executemany, audit triggers dropped", bare, count),
        Measurement("API save_indicator_values vs baseline", total, count, baseline, GOAL),
        Measurement("API save_indicator_values vs triggers dropped", total, count, bare),
        Measurement("  of which validation (check_indicator_values)", best["validate"]),
        Measurement("  of which audit seal (hash chain)", best["seal"]),
        Measurement("  of which upsert with triggers, rest", total - best["validate"] - best["seal"]),
    ]


def main(argv: list[str] | None = None) -> list[Measurement]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=DEFAULT_ROWS, help=f"values to write (default {DEFAULT_ROWS:,})")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each measurement; the fastest counts")
    parser.add_argument("--dir", help="folder for the throwaway databases (default: a temporary folder)")
    args = parser.parse_args(argv)
    folder = bench_folder(args.dir)
    try:
        lines = run(args.rows, folder, args.repeat)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print(format_table(f"(a) write {args.rows:,} indicator values -- {machine_line()}", lines))
    print("ratio = baseline seconds / API seconds; goal: API at least half as fast as the raw insert.")
    return lines


if __name__ == "__main__":
    main()
