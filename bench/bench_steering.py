"""The Steering Committee pack for a centre with every district and years of demo data vs the SQL that
gathers its figures.

    .venv/bin/python bench/bench_steering.py            # 36 months of the centre's demo (every district)
    .venv/bin/python bench/bench_steering.py --small    # 12 months: a quick look

One encrypted centre database gets ``storage.tools.demo.generate_demo`` (every district's values, targets,
desk cases and PKM requests through the validation engine, and the example results framework with its
progress). The pack is of the last complete quarter.

* baseline: the plain SQL statements that gather the pack's figures: the progress report's one GROUP BY
  (``span_figures_sql``) over each span the pack reads (the quarter and the three before it, and the year to
  date), the desk cases' GROUP BY of the desk tables, and the GROUP BY by cell of every figure counted by sex.
* the pack: ``storage.reports.steering.steering_report``: the same SQL, plus pandas (the roll-up to the
  province, pro-rated targets, status), the framework, activities and their history, approval states and the
  desk report's small-cell protection.

Goal: the pack in at most 3 x the baseline's time, i.e. baseline / pack >= 0.33. XLSX and PDF export times
are given for information.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._common import (  # noqa: E402
    Measurement,
    bench_folder,
    best_of_both,
    export_spans,
    format_table,
    machine_line,
    make_template_database,
    open_clerk,
    timed,
)
from storage.core.clock import today  # noqa: E402
from storage.core.session import Session  # noqa: E402
from storage.reference.due import last_complete_period  # noqa: E402
from storage.reference.periods import parse_period, shift  # noqa: E402
from storage.reports.build import Span as ReportSpan  # noqa: E402
from storage.reports.build import approved_values_json, desk_cases_frame, report_districts, span_figures_sql  # noqa: E402
from storage.reports.steering import TREND_QUARTERS, steering_report  # noqa: E402
from storage.tools.demo import generate_demo  # noqa: E402

GOAL = 1 / 3  # the pack in at most 3 x the time of the SQL that gathers its figures


def spans_of(quarter: str) -> list[ReportSpan]:
    """The spans the pack reads: the quarter and the three before it, and the year to its end."""
    spans = []
    for back in range(TREND_QUARTERS):
        code = shift(quarter, -back)
        period = parse_period(code)
        spans.append(ReportSpan(code, period.start, period.end, code))
    end = parse_period(quarter)
    spans.append(ReportSpan("year to date", end.start.replace(month=1, day=1), end.end))
    return spans


def baseline(session: Session, quarter: str) -> int:
    """Run the pack's SQL once; returns the rows it read."""
    catalogue = session.catalogue
    districts = report_districts(session, None)
    entry = catalogue.indicators_for(source="entry")
    approved = approved_values_json(session)
    rows = 0
    for span in spans_of(quarter):
        sql, params = span_figures_sql(span, entry, districts, count_unapproved=approved)
        rows += len(session.db.execute(sql, params).fetchall())
    quarter_span = spans_of(quarter)[0]
    rows += len(desk_cases_frame(session, quarter_span, districts))
    by_sex = [i for i in entry if "sex" in i.categories and i.unit == "count"]
    for indicator in by_sex:
        periods = quarter_span.periods(indicator.frequency)
        if periods:
            rows += len(session.db.execute(
                f"SELECT cell, sum(value) FROM indicator_values WHERE deleted = 0 AND indicator = ? "
                f"AND period IN ({','.join('?' * len(periods))}) GROUP BY cell", [indicator.code, *periods]).fetchall())
    return rows


def run(months: int, folder: Path, repeat: int = 3) -> list[Measurement]:
    session = open_clerk(make_template_database(folder))
    try:
        with timed() as filled:
            counts = generate_demo(session, seed=1, months=months)
        quarter = last_complete_period("quarterly", today())
        rows = baseline(session, quarter)  # also warms the page cache
        pack = steering_report(session, quarter)
        best_plain, best_ours = best_of_both(repeat, lambda: baseline(session, quarter),
                                             lambda: steering_report(session, quarter))
        exports = export_spans(pack, folder, "pack")
    finally:
        session.close()
    print(f"{months} months of the centre's demo (fill {filled.wall:.0f} s): "
          + ", ".join(f"{count:,} {kind}" for kind, count in counts.items()) + f"; pack of {quarter}, {len(pack.tables)} tables.")
    return [
        Measurement(f"the pack's SQL: 5 spans, desk cases, by sex (baseline, {rows:,} rows)", best_plain),
        Measurement("steering_report (SQL + pandas, framework, desk tables) vs baseline", best_ours, None,
                    best_plain, GOAL),
        Measurement("export the pack to XLSX", exports[".xlsx"]),
        Measurement("export the pack to PDF", exports[".pdf"]),
    ]


def main(argv: list[str] | None = None) -> list[Measurement]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--months", type=int, default=36, help="months of demo data (default 36: three years)")
    parser.add_argument("--small", action="store_true", help="12 months")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each measurement; the fastest counts")
    parser.add_argument("--dir", help="folder for the throwaway database (default: a temporary folder)")
    args = parser.parse_args(argv)
    months = 12 if args.small else args.months
    folder = bench_folder(args.dir)
    try:
        lines = run(months, folder, args.repeat)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print(format_table(f"Steering Committee pack, {months} months of every district -- {machine_line()}", lines))
    print("ratio = baseline seconds / pack seconds; goal: the pack in at most 3 x the time of its SQL.")
    return lines


if __name__ == "__main__":
    main()
