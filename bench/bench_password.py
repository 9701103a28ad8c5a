"""The password rule's cost (``storage.core.roles.check_password_strength``: zxcvbn) against the argon2id
slot unlock a sign-in pays anyway, measured in the same run.

    .venv/bin/python bench/bench_password.py

* baseline: one argon2id unlock of a user's slot (``KeyFile.unlock_with_password``), what every sign-in,
  password change and new user costs already;
* the check on typical passwords (10 to 30 characters), on a long one (only the first 64 characters are
  estimated: zxcvbn's matching grows faster than linearly with length) and on a 10,000-character one;
* zxcvbn's first import (its word lists), paid once, in a fresh process; and whether opening a session
  imports it (it must not: it is imported lazily, by the check itself).

Goal: a check costs a small fraction of the unlock (ratio check / unlock well below 1). Nothing here
asserts a time.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from storage.core.keyslots import KeyFile, new_database_key  # noqa: E402
from storage.core.roles import check_password_strength  # noqa: E402
from storage.errors import UsageError  # noqa: E402

TYPICAL = ["tulip orbit saddle lamp", "Password1!", "amina-quetta", "river chalk window seventy",
           "kP3#vL9q!mZ2", "qwertyuiop", "mizan-2026!", "correct horse battery staple"]
LONG = "tulip orbit saddle lamp " * 3  # 72 characters: the 64-character cut applies
HUGE = "tulip orbit saddle lamp " * 417  # about 10,000 characters


def median_seconds(work: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def check(password: str) -> None:
    try:
        check_password_strength(password, user="amina", district="QUETTA")
    except UsageError:
        pass  # a refusal costs the same estimate


def first_import_seconds() -> float:
    code = "import time; s = time.perf_counter(); import zxcvbn.matching; print(time.perf_counter() - s)"
    return float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)


def session_imports_zxcvbn() -> bool:
    code = (f"import sys; sys.path.insert(0, {str(ROOT)!r}); import storage.core.session, storage.tools.cli; "
            "print('zxcvbn' in sys.modules)")
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip() == "True"


def run() -> list[str]:
    check("warm up: the first call imports zxcvbn")
    with tempfile.TemporaryDirectory() as folder:
        keyfile = KeyFile.create(Path(folder) / "bench.db.keys")
        keyfile.set_user_slot("amina", "tulip orbit saddle lamp", new_database_key())
        keyfile.save()
        unlock = median_seconds(lambda: keyfile.unlock_with_password("amina", "tulip orbit saddle lamp"), 5)
    typical = statistics.median(median_seconds(lambda p=p: check(p), 20) for p in TYPICAL)
    long = median_seconds(lambda: check(LONG), 20)
    huge = median_seconds(lambda: check(HUGE), 20)
    lines = [
        "Password rule (zxcvbn) vs one argon2id slot unlock, same run",
        f"  argon2id unlock (baseline)        {unlock * 1000:8.1f} ms",
        f"  check, typical (median of {len(TYPICAL)})      {typical * 1000:8.2f} ms   ratio {typical / unlock:.3f}",
        f"  check, {len(LONG)} characters            {long * 1000:8.2f} ms   ratio {long / unlock:.3f}",
        f"  check, {len(HUGE):,} characters        {huge * 1000:8.2f} ms   ratio {huge / unlock:.3f}",
        f"  zxcvbn's first import (once)      {first_import_seconds() * 1000:8.1f} ms",
        f"  opening a session imports zxcvbn: {'yes' if session_imports_zxcvbn() else 'no'}",
    ]
    return lines


if __name__ == "__main__":
    print("\n".join(run()))
