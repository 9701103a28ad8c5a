"""The fuzz tests at full size: at least 10,000 mutated bundles, sheets and receipts, with counts per outcome.

    .venv/bin/python bench/fuzz.py                     # 1,300 examples per fuzz test (9 tests: 11,700 and more)
    .venv/bin/python bench/fuzz.py --examples 200      # a quicker look
    .venv/bin/python bench/fuzz.py --markdown out.md   # also the table as Markdown

Runs tests/test_fuzz_import.py, test_fuzz_load.py and test_fuzz_receipts.py with ``MIZAN_FUZZ_EXAMPLES``
(randomised, not the CI's fixed examples) and reads the outcome tallies they write to ``MIZAN_FUZZ_REPORT``.
Every case must end as imported / duplicate / a clear rejection (or written / refused for sheets, applied /
refused for receipts); any other ending fails its test, and this script exits 1.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MODULES = ("tests/test_fuzz_import.py", "tests/test_fuzz_load.py", "tests/test_fuzz_receipts.py")
DEFAULT_EXAMPLES = 1300


def summarise(rows: list[dict]) -> tuple[str, str, int]:
    """A plain table and a Markdown one: cases per test and outcome (rejections grouped by their reason)."""
    plain, markdown = [], ["| module | test | cases | outcomes |", "|---|---|---:|---|"]
    total = 0
    grouped: dict[tuple[str, str], Counter] = {}
    for row in rows:
        family = row["test"].split(":")[0]
        grouped.setdefault((row["module"], family), Counter()).update(row["outcomes"])
    for (module, family), counts in sorted(grouped.items()):
        cases = sum(counts.values())
        total += cases
        kinds: Counter = Counter()
        for outcome, number in counts.items():
            kinds[outcome.split(":")[0]] += number
        top = ", ".join(f"{outcome} {number}" for outcome, number in counts.most_common(4))
        plain.append(f"{module:<20} {family:<16} {cases:>6}  {dict(kinds)}\n{'':<44}most common: {top}")
        markdown.append(f"| {module} | {family} | {cases:,} | {', '.join(f'{k} {n:,}' for k, n in kinds.items())} |")
    return "\n".join(plain), "\n".join(markdown), total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=DEFAULT_EXAMPLES, help="examples per fuzz test")
    parser.add_argument("--markdown", help="also write the table as Markdown to this file")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "tallies.jsonl"
        env = {**os.environ, "MIZAN_FUZZ_EXAMPLES": str(args.examples), "MIZAN_FUZZ_REPORT": str(report),
               "QT_QPA_PLATFORM": "offscreen"}
        started = time.monotonic()
        result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-W",
                                 "ignore::UserWarning", *MODULES], cwd=ROOT, env=env)
        elapsed = time.monotonic() - started
        rows = [json.loads(line) for line in report.read_text().splitlines()] if report.exists() else []
    plain, markdown, total = summarise(rows)
    print()
    print(plain)
    print(f"\n{total:,} cases in {elapsed:.0f} s; pytest exit code {result.returncode} "
          f"({'every case ended as an outcome' if result.returncode == 0 else 'a case failed: see above'})")
    if args.markdown:
        Path(args.markdown).write_text(markdown + f"\n\n{total:,} cases in {elapsed:.0f} s.\n", encoding="utf-8")
    return 0 if result.returncode == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
