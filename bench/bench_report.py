"""The progress report over many stored values vs the plain SQL GROUP BY that produces the same figures.

    .venv/bin/python bench/bench_report.py            # 5,000,000 stored values
    .venv/bin/python bench/bench_report.py --small    # 50,000: a quick look

One encrypted centre database is filled by a raw ``executemany`` in one transaction (bench only; the
values' audit triggers are dropped for the fill, since only reading is measured). The values are the
same complete monthly entry sheets as the write benchmark's (31 districts, going back month by month
from last month), and every up/down indicator of every district has a target for the report's year
(set through ``storage.records.targets.save_targets``).

* baseline: one SQL statement: the GROUP BY over the year's total cells (flows summed, the last period's
  stock figure, percents and ratios recomputed from summed numerators and denominators) joined to the
  targets: the figures of the report, and nothing else.
* the report: ``storage.reports.build.progress_report(session, year)``: the same GROUP BY plus pandas (figures,
  pro-rated targets, status, headline and district x institution tables) and the desk indicators' queries.

Goal: report time at most 3 x the baseline's, i.e. baseline / report >= 0.33. The figures of both are
compared before timing. XLSX and PDF export times of the report are given for information.
"""

from __future__ import annotations

import argparse
import math
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._common import (  # noqa: E402
    RAW_INSERT,
    Measurement,
    Span,
    _sheet_rows,
    bench_districts,
    bench_folder,
    best_of_both,
    drop_audit_triggers,
    export_spans,
    format_table,
    latest_complete_month,
    machine_line,
    make_template_database,
    open_clerk,
    sheet_indicators,
    timed,
)
from storage.core.clock import (
    HybridLogicalClock,  # noqa: E402
    utc_now,  # noqa: E402
)
from storage.core.session import Session
from storage.records.targets import save_targets  # noqa: E402
from storage.reference.catalogue import Catalogue  # noqa: E402
from storage.reference.periods import parse_period, shift  # noqa: E402
from storage.reports.build import Span as ReportSpan  # noqa: E402
from storage.reports.build import approved_values_json, progress_report, span_figures_sql  # noqa: E402
from storage.validation import TargetInput, compute_value  # noqa: E402

DEFAULT_ROWS = 5_000_000
SMALL_ROWS = 50_000
GOAL = 1 / 3  # the report in at most 3 x the plain GROUP BY's time
FILL_CACHE_KIB = 262_144  # a bigger page cache for the fill only (restored before anything is timed)


def value_rows(catalogue: Catalogue, session: Session, count: int) -> Iterator[tuple]:
    """``count`` rows for the raw insert, made as executemany asks for them (5M tuples at once would be GBs)."""
    districts = bench_districts(catalogue)
    latest = latest_complete_month()
    now, device, clock = utc_now(), session.device_id, HybridLogicalClock()
    made, step = 0, 0
    while True:
        month = shift(latest, -step)
        pairs = sheet_indicators(catalogue, month)
        for district in districts:
            for code, period in pairs:
                indicator = catalogue.indicators[code]
                for v in _sheet_rows(catalogue, code, district, period):
                    figure = compute_value(indicator, v.numerator, v.denominator) if indicator.has_fraction else v.value
                    yield (v.indicator, v.district, v.period, v.cell, figure, v.numerator, v.denominator, None, 0,
                           session.user, now, f"{made:032x}", clock.now(), device)
                    made += 1
                    if made >= count:
                        return
        step += 1


def fill(session: Session, count: int) -> Span:
    db = session.db
    drop_audit_triggers(db)
    cache = db.execute("PRAGMA cache_size").fetchone()[0]
    db.execute(f"PRAGMA cache_size = -{FILL_CACHE_KIB}")
    with timed() as span:
        db.conn.execute("BEGIN")
        db.conn.executemany(RAW_INSERT, value_rows(session.catalogue, session, count))
        db.conn.execute("COMMIT")
    db.execute(f"PRAGMA cache_size = {cache}")
    db.execute("ANALYZE")
    return span


def set_targets(session: Session, year: int) -> int:
    span = parse_period(str(year))
    catalogue = session.catalogue
    rows = [TargetInput(indicator.code, district, year, 50 if indicator.unit == "percent" else 1000)
            for indicator in catalogue.indicators.values()
            if indicator.better in ("up", "down") and indicator.validity.covers(span)
            for district in bench_districts(catalogue)]
    save_targets(session, year, rows)
    return len(rows)


def baseline_sql(catalogue: Catalogue, year: int, approved: str) -> tuple[str, list]:
    """The plain SQL: the same GROUP BY (storage.reports.build.span_figures_sql, counting each figure's
    unapproved periods as the report does) with the figure worked out per unit and aggregation in SQL, joined
    to the year's targets."""
    span = ReportSpan(str(year), parse_period(str(year)).start, parse_period(str(year)).end, str(year))
    entry = catalogue.indicators_for(source="entry")
    grouped, params = span_figures_sql(span, entry, None, count_unapproved=approved)
    units = ", ".join(f"('{i.code}', '{i.unit}', '{i.aggregation}')" for i in entry)
    sql = (f"WITH catalogue (code, unit, aggregation) AS (VALUES {units}), "
           f"figures (indicator, district, periods, value_sum, numerator, denominator, last_period, last_value, "
           f"unapproved) AS "
           f"({grouped}) "
           "SELECT f.indicator, f.district, CASE WHEN c.unit = 'percent' THEN round(100.0 * f.numerator / f.denominator, 2) "
           "WHEN c.unit = 'ratio' THEN round(1.0 * f.numerator / f.denominator, 4) "
           "WHEN c.aggregation = 'last' THEN f.last_value ELSE f.value_sum END, t.target "
           "FROM figures f JOIN catalogue c ON c.code = f.indicator "
           "LEFT JOIN targets t ON t.indicator = f.indicator AND t.district = f.district AND t.year = ? "
           "AND t.deleted = 0")
    return sql, [*params, year]


def check_same_figures(baseline: list[tuple], report_frame) -> None:
    # Python rounds half to even on the binary float, SQLite rounds half away from zero: 0.01 apart at most.
    ours = {(row.indicator, row.district): (row.figure, row.target) for row in report_frame.itertuples()}
    assert len(ours) == len(baseline), (len(ours), len(baseline))
    for indicator, district, figure, target in baseline:
        mine = ours[(indicator, district)]
        assert math.isclose(mine[0], figure, abs_tol=0.0101), (indicator, district, mine, figure)
        assert (target is None and math.isnan(mine[1])) or math.isclose(mine[1], target), (indicator, district)


def run(count: int, folder: Path, repeat: int = 3) -> list[Measurement]:
    template = make_template_database(folder)
    session = open_clerk(template)
    try:
        filled = fill(session, count)
        year = parse_period(latest_complete_month()).year
        targets = set_targets(session, year)
        sql, params = baseline_sql(session.catalogue, year, approved_values_json(session))
        baseline_rows = session.db.execute(sql, params).fetchall()  # also warms the page cache
        report = progress_report(session, year=year)
        check_same_figures(baseline_rows, report.table("Every indicator").frame)
        best_plain, best_ours = best_of_both(repeat, lambda: session.db.execute(sql, params).fetchall(),
                                             lambda: progress_report(session, year=year))
        exports = export_spans(report, folder, "progress")
    finally:
        session.close()
    detail_rows = len(report.table("Every indicator").frame)
    print(f"{count:,} values stored (fill {filled.wall:.1f} s); {targets:,} targets for {year}; "
          f"{len(baseline_rows):,} indicator x district figures.")
    return [
        Measurement(f"plain SQL GROUP BY + targets, {year} (baseline)", best_plain),
        Measurement("progress_report (SQL + pandas, status, 3 tables) vs baseline", best_ours, None, best_plain, GOAL),
        Measurement(f"export the report to XLSX ({detail_rows:,} detail rows)", exports[".xlsx"]),
        Measurement("export the report to PDF (tables)", exports[".pdf"]),
    ]


def main(argv: list[str] | None = None) -> list[Measurement]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=DEFAULT_ROWS, help=f"values stored (default {DEFAULT_ROWS:,})")
    parser.add_argument("--small", action="store_true", help=f"{SMALL_ROWS:,} values")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each measurement; the fastest counts")
    parser.add_argument("--dir", help="folder for the throwaway database (default: a temporary folder)")
    args = parser.parse_args(argv)
    count = SMALL_ROWS if args.small else args.rows
    folder = bench_folder(args.dir)
    try:
        lines = run(count, folder, args.repeat)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print(format_table(f"progress report over {count:,} stored values -- {machine_line()}", lines))
    print("ratio = baseline seconds / report seconds; goal: the report in at most 3 x the plain GROUP BY's time.")
    return lines


if __name__ == "__main__":
    main()
