"""Run every benchmark and print the result tables with the goals.

    .venv/bin/python bench/run_all.py            # full sizes: 1,000,000 values written, 200,000 rows loaded, report over 5,000,000
    .venv/bin/python bench/run_all.py --small    # 20,000 / 10,000 / 50,000 rows: a CI smoke run, about a minute

Goals (the issue's): (a) raw insert time / API write time >= 0.5; (b) raw insert time / CSV load
time >= 0.33; (c) peak memory of a process loading the CSV under 300 MB; (d) the progress report over
5M stored values in at most 3 x the plain SQL GROUP BY's time (XLSX and PDF export times reported). Times are wall-clock on
whatever else the machine is doing, so only the ratios (both sides measured in the same run) are
compared with goals; ``--small`` figures say little about the full-size ones (a small table's
indexes fit in SQLite's page cache; a million rows' do not).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import bench_load, bench_report, bench_write  # noqa: E402
from bench._common import TABLE_HEADINGS, Measurement, MemoryMeasurement, _cells, machine_line  # noqa: E402

FULL = {"write": bench_write.DEFAULT_ROWS, "load": bench_load.DEFAULT_ROWS, "report": bench_report.DEFAULT_ROWS}
SMALL = {"write": 20_000, "load": 10_000, "report": bench_report.SMALL_ROWS}


def markdown(sections: list[tuple[str, list[Measurement] | list[MemoryMeasurement]]]) -> str:
    """The tables as Markdown, for bench/RESULTS.md."""
    out = [f"Finished {dt.datetime.now():%Y-%m-%d %H:%M}; {machine_line()}.", ""]
    for title, lines in sections:
        out += [f"**{title}**", ""]
        if lines and isinstance(lines[0], MemoryMeasurement):
            out += ["| measurement | peak RSS (MB) | goal | result |", "|---|---:|---:|---|"]
            out += [f"| {m.name} | {m.peak_mb:.1f} | {f'< {m.goal_mb:.0f} MB' if m.goal_mb else ''} | {m.verdict} |"
                    for m in lines]
        else:
            out += ["| " + " | ".join(TABLE_HEADINGS) + " |", "|---|" + "---:|" * 6 + "---|"]
            for m in lines:
                cells = _cells(m)
                cells[0] = cells[0].replace("  of which", "&nbsp;&nbsp;of which")
                out.append("| " + " | ".join(cells) + " |")
        out.append("")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", action="store_true", help="20,000 values written and 10,000 rows loaded")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each write measurement; the fastest counts")
    parser.add_argument("--no-xlsx", action="store_true", help="skip the .xlsx load (information only)")
    parser.add_argument("--dir", help="folder for the throwaway databases (default: a temporary folder)")
    parser.add_argument("--markdown", help="also write the tables as Markdown to this file")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a goal is missed")
    args = parser.parse_args(argv)
    sizes = SMALL if args.small else FULL
    common = ["--dir", args.dir] if args.dir else []

    write_lines = bench_write.main(["--rows", str(sizes["write"]), "--repeat", str(args.repeat), *common])
    print()
    load_lines, memory_lines = bench_load.main(["--rows", str(sizes["load"]), *common,
                                                *(["--no-xlsx"] if args.no_xlsx else [])])
    print()
    report_lines = bench_report.main(["--rows", str(sizes["report"]), *common])
    sections: list[tuple[str, list]] = [
        (f"(a) write {sizes['write']:,} indicator values", write_lines),
        (f"(b) load {sizes['load']:,} rows", load_lines),
        ("(c) peak memory of a separate process (VmHWM)", memory_lines),
        (f"(d) progress report over {sizes['report']:,} stored values", report_lines),
    ]
    verdicts = [m.verdict for _, lines in sections for m in lines if m.verdict]
    print()
    print(f"goals: {verdicts.count('PASS')} of {len(verdicts)} met" + (" (small sizes)" if args.small else ""))
    if args.markdown:
        Path(args.markdown).write_text(markdown(sections), encoding="utf-8")
        print(f"Markdown tables written to {args.markdown}")
    return 1 if args.strict and "MISS" in verdicts else 0


if __name__ == "__main__":
    sys.exit(main())
