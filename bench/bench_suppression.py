"""Small-cell suppression's cost: the desk-derived reports with protect against the same reports with
primary suppression only, on a centre holding demo data.

    .venv/bin/python bench/bench_suppression.py            # 12 months of demo data
    .venv/bin/python bench/bench_suppression.py --small    # 3 months

One encrypted centre database gets ``storage.tools.demo.generate_demo`` (every district's figures, the
demo desks' consented cases and PKM requests). Each report is then built alternately with
``storage.reports.suppression.protect`` (primary and complementary suppression over every relation) and
with a stand-in that hides the counts from 1 to 4 and nothing else (the baseline: what the report costs
without the elimination), and the best of ``--repeat`` runs of each is kept.

* the desk report for the whole span (six tables, one system);
* the trend of POL-09, POL-10 and POL-11 over the span, per district and "All districts";
* the progress report for the last month (every indicator; desk-case indicators per district);
* a worst case, protect alone: a trend-like system of 31 districts x 12 months whose clients, referred and
  quick counts are drawn from 0 to 8 (most cells small), with "All districts" per month.

Ratio = baseline time / time with protect (1.0: free; 0.5: twice the baseline). No goal is set: the
figures are for information. Machines are noisy; only the ratios of one run mean anything.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._common import (  # noqa: E402
    ADMIN,
    ADMIN_PASSWORD,
    CLERK,
    CLERK_PASSWORD,
    Measurement,
    Span,
    bench_folder,
    format_table,
    latest_complete_month,
    timed,
)
from storage.core.session import create_database, open_session  # noqa: E402
from storage.records.users import add_user  # noqa: E402
from storage.reports import build  # noqa: E402
from storage.reports.suppression import Protection, is_small, protect  # noqa: E402
from storage.tools.demo import generate_demo  # noqa: E402

DEFAULT_MONTHS, SMALL_MONTHS = 12, 3


def primary_only(values, relations, shown=None) -> Protection:
    """The baseline: every count from 1 to 4 hidden, no complementary cell, no elimination."""
    shown = set(values) if shown is None else set(shown)
    small = frozenset(key for key, value in values.items() if is_small(int(value)))
    return Protection(frozenset(small & shown), small)


def synthetic_trend(districts: int = 31, months: int = 12, seed: int = 7) -> tuple[dict, list]:
    """The worst case for the elimination: mostly small counts, every place tied to its month's total."""
    import random

    from storage.reports.suppression import Relation

    rng = random.Random(seed)
    values: dict = {}
    relations: list = []
    for month in range(months):
        for name in ("clients", "referred", "not referred"):
            values[(name, "all", month)] = 0
        for district in range(districts):
            clients = rng.randint(0, 8)
            referred = rng.randint(0, clients)
            place = (district, month)
            values |= {("clients", *place): clients, ("referred", *place): referred,
                       ("not referred", *place): clients - referred}
            relations.append(Relation(("clients", *place), (("referred", *place), ("not referred", *place))))
            for name in ("clients", "referred", "not referred"):
                values[(name, "all", month)] += values[(name, *place)]
        for name in ("clients", "referred", "not referred"):
            relations.append(Relation((name, "all", month), tuple((name, d, month) for d in range(districts))))
    shown = [key for key in values if key[0] != "not referred"]
    return values, relations, shown


def _best(repeat: int, run) -> Span:
    best = None
    for _ in range(repeat):
        with timed() as span:
            run()
        best = span if best is None or span.wall < best.wall else best
    return best


def run(months: int, folder: Path, repeat: int = 3) -> list[Measurement]:
    """Build the centre, then time each report with and without protect; returns the result lines."""
    path = folder / "centre.db"
    session, _ = create_database(path, role="centre", admin=ADMIN, password=ADMIN_PASSWORD)
    add_user(session, CLERK, "clerk", CLERK_PASSWORD)
    session.close()
    session = open_session(path, CLERK, CLERK_PASSWORD)
    try:
        last = latest_complete_month()
        generate_demo(session, seed=5, months=months, until=last)
        year = int(last[:4])
        reports = {
            f"desk report, {year}": lambda: build.desk_report(session, year=year),
            f"trend POL-09..11, 12 months to {last}": lambda: build.trend_report(
                session, indicators=["POL-09", "POL-10", "POL-11"]),
            f"progress report, {last}": lambda: build.progress_report(session, period=last),
        }
        lines = []
        for name, report in reports.items():
            report()  # warm-up: the first run pays for the catalogue and the page cache
            build.protect = primary_only
            try:
                baseline = _best(repeat, report)
            finally:
                build.protect = protect
            with_protect = _best(repeat, report)
            lines.append(Measurement(f"{name} (primary only)", baseline))
            lines.append(Measurement(f"{name} (protect)", with_protect, baseline=baseline))
        values, relations, shown = synthetic_trend()
        baseline = _best(repeat, lambda: primary_only(values, relations, shown))
        with_protect = _best(repeat, lambda: protect(values, relations, shown))
        hidden = protect(values, relations, shown)
        lines.append(Measurement("worst case: 31 x 12 small counts (primary only)", baseline))
        lines.append(Measurement(f"worst case: protect ({hidden.count} of {len(shown)} cells hidden)", with_protect,
                                 baseline=baseline))
        return lines
    finally:
        session.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", action="store_true", help=f"{SMALL_MONTHS} months of demo data")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--dir", help="folder for the throwaway database (default: a temporary folder)")
    options = parser.parse_args()
    months = SMALL_MONTHS if options.small else DEFAULT_MONTHS
    folder = bench_folder(options.dir)
    try:
        lines = run(months, folder, options.repeat)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print(format_table("Small-cell suppression: reports with protect vs primary suppression only", lines))


if __name__ == "__main__":
    main()
