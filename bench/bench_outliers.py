"""How many ordinary demo figures the outlier rule flags: the MAD band alone (before issue 13) and with
the chance band (Poisson for counts, binomial for percents of their base; now). Goal: under 1 % flagged.

The demo (storage/tools/demo.py) draws every district's figures with realistic month-to-month variation
and no planted outliers, so every flag on it is a false alarm an office would have to comment on.
The same values and history windows are judged both ways, in one run, without a database.

    python bench/bench_outliers.py [--months 24]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from storage.reference.catalogue import load_catalogue  # noqa: E402
from storage.reference.periods import previous_periods  # noqa: E402
from storage.tools.demo import DistrictFigures, demo_plan  # noqa: E402
from storage.validation import compute_value, outlier_reason  # noqa: E402


def demo_series(months: int) -> dict[tuple[str, str, str], dict[str, tuple[float, float | None]]]:
    """Every district's demo figures: (indicator, district, cell) -> {period: (value, denominator)}."""
    catalogue = load_catalogue("en")
    plan = demo_plan(months, None, dt.date.today())
    series: dict[tuple[str, str, str], dict[str, tuple[float, float | None]]] = defaultdict(dict)
    for number, district in enumerate(sorted(catalogue.districts)):
        figures = DistrictFigures(catalogue, district, plan, random.Random(number + 1))
        for value in figures.value_inputs():
            indicator = catalogue.indicators[value.indicator]
            figure = (compute_value(indicator, value.numerator, value.denominator) if indicator.has_fraction
                      else value.value)
            if figure is not None:
                denominator = float(value.denominator) if indicator.has_fraction else None
                series[(value.indicator, value.district, value.cell)][value.period] = (float(figure), denominator)
    return series


def flagged_shares(months: int) -> tuple[int, int, int, dict[str, tuple[int, int]]]:
    catalogue = load_catalogue("en")
    series = demo_series(months)
    total = before = after = 0
    by_unit: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    thresholds = catalogue.thresholds
    for (code, _district, _cell), values in series.items():
        unit = catalogue.indicators[code].unit
        for period, (figure, denominator) in values.items():
            window = previous_periods(period, thresholds.outlier_window)
            earlier = [values[p][0] for p in window if p in values]
            previous = (values[window[0]][0],) if window[0] in values else None
            old = outlier_reason(figure, earlier, previous, thresholds) is not None
            new = outlier_reason(figure, earlier, previous, thresholds, count=unit == "count",
                                 trials=denominator if unit == "percent" else None) is not None
            total, before, after = total + 1, before + old, after + new
            counts = by_unit[unit]
            counts[0], counts[1], counts[2] = counts[0] + 1, counts[1] + old, counts[2] + new
    return total, before, after, {unit: tuple(c) for unit, c in by_unit.items()}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--months", type=int, default=24)
    args = parser.parse_args(argv)
    total, before, after, by_unit = flagged_shares(args.months)
    print(f"demo values judged: {total:,} ({args.months} months, every district)")
    print(f"{'':<22}{'values':>10}{'MAD only':>12}{'MAD and chance':>16}")
    for unit, (count, old, new) in sorted(by_unit.items()):
        print(f"{unit:<22}{count:>10,}{old / count:>11.2%}{new / count:>16.2%}")
    print(f"{'all':<22}{total:>10,}{before / total:>11.2%}{after / total:>16.2%}   goal < 1%: "
          f"{'PASS' if after / total < 0.01 else 'FAIL'}")


if __name__ == "__main__":
    main()
