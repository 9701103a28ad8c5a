"""Shared pieces of the fuzz tests (tests/test_fuzz_*.py): example counts, outcome tallies, odd values, a
time limit.

``MIZAN_FUZZ_EXAMPLES=N`` runs every fuzz test with N examples (``bench/fuzz.py`` uses it for the full
run); without it each test runs its small CI count, derandomized so CI is repeatable. With
``MIZAN_FUZZ_REPORT=FILE`` each module appends its outcome tallies to FILE (JSON lines) when it finishes.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
from collections import Counter
from collections.abc import Iterator

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

FULL_EXAMPLES = int(os.environ.get("MIZAN_FUZZ_EXAMPLES") or 0)


def fuzz_settings(ci_examples: int):
    """``@settings`` for a fuzz test: ``ci_examples`` in CI (derandomized), or ``MIZAN_FUZZ_EXAMPLES``."""
    return settings(max_examples=FULL_EXAMPLES or ci_examples, deadline=None, derandomize=not FULL_EXAMPLES,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.filter_too_much], database=None, print_blob=True)


class Tally:
    """Outcomes per test, written to ``MIZAN_FUZZ_REPORT`` at the end of the module."""

    def __init__(self, module: str) -> None:
        self.module = module
        self.counts: dict[str, Counter] = {}

    def add(self, test: str, outcome: str) -> None:
        self.counts.setdefault(test, Counter())[outcome] += 1

    def write(self) -> None:
        report = os.environ.get("MIZAN_FUZZ_REPORT")
        if not report:
            return
        with open(report, "a", encoding="utf-8") as handle:
            for test, counts in self.counts.items():
                handle.write(json.dumps({"module": self.module, "test": test, "outcomes": dict(counts)}) + "\n")


@contextlib.contextmanager
def time_limit(seconds: float, what: str) -> Iterator[None]:
    """Fail (TimeoutError) instead of hanging: SIGALRM interrupts a Python loop that never ends."""

    def expired(signum: int, frame: object) -> None:
        raise TimeoutError(f"{what} took more than {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


# JSON text that json.loads accepts but that no well-behaved writer produces, or that stresses a reader.
ODD_JSON_TOKENS = (
    "NaN", "Infinity", "-Infinity", "1e400", "-1e400", "1e-400", "-0", "0.0", "123456789012345678901234567890",
    "-9223372036854775809", "9223372036854775808", "18446744073709551616", "1" + "0" * 400,
    '"\\ud800"', '"\\udfff\\ud800"', '"\\u0000"', '"a\\u0000b"', '"\\u202eevil"', '"\\ufeff"', '"\\uffff"',
    '"\u0645\u06cc\u0632\u0627\u0646"', '"\U0001f600"', '"' + "x" * 5000 + '"', '""', '" "', "true", "false",
    "null", "[]", "{}", '"2099-01"', '"1900-01"', '"2024-13"', '"2024Q5"', '"QUETTA"', '"PISHIN"', '"NOWHERE"',
    '"total"', '"age=adult"', '"9999999999999.999999"', '"0000000000000.000000"', '"00000000-0000-0000-0000-000000000000"',
    '"seed"', "1.5", "-1", "2", "0", "1", "1e18", "-1e308", '"../../etc/passwd"', '"QUETTA\\n"',
)


def deep_json(depth: int, kind: str = "[") -> str:
    """Nested arrays or objects ``depth`` levels deep (deep enough, json.loads raises RecursionError)."""
    if kind == "[":
        return "[" * depth + "]" * depth
    return '{"a":' * depth + "1" + "}" * depth


json_leaves = st.none() | st.booleans() | st.integers(min_value=-(2**80), max_value=2**80) | st.floats() | st.text(
    max_size=20)
json_values = st.recursive(json_leaves, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
    st.text(max_size=6), inner, max_size=3), max_leaves=8)


def _dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


# Raw JSON text for one value: ordinary values, odd tokens and deep nesting.
raw_json_values = st.one_of(
    json_values.map(_dumps),
    st.sampled_from(ODD_JSON_TOKENS),
    st.integers(min_value=1, max_value=3000).flatmap(lambda n: st.sampled_from([deep_json(n), deep_json(n, "{")])),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=30).map(_dumps),
)
