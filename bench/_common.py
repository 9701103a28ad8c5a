"""Shared pieces of the benchmarks: databases, realistic rows, the raw baseline and the result table.

The benchmarks compare the project's own API with a raw ``executemany`` of the *same* rows into the
*same* table on the *same* kind of encrypted connection, in one run, and print the ratio. Machines
are noisy, so only ratios measured in the same run mean anything; nothing here asserts a time.

Why a centre installation: a district office may only enter its own district's figures
(``IV_OTHER_DISTRICT``), and a million values of one district would need 800 years of months.
Realistic rows for several districts are entered at the provincial centre, where the role that
enters values is the clerk (``storage.core.roles.PERMISSIONS["enter_values"]``; an admin may not).
"""

from __future__ import annotations

import datetime as dt
import gc
import os
import shutil
import sys
import time
import uuid
import zlib
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # so that `python bench/bench_write.py` works from anywhere
    sys.path.insert(0, str(ROOT))

from sqlite_utils import Database  # noqa: E402

from storage.core.clock import HybridLogicalClock, utc_now  # noqa: E402
from storage.core.keyslots import keyfile_path  # noqa: E402
from storage.core.session import Session, create_database, open_session  # noqa: E402
from storage.records.users import add_user  # noqa: E402
from storage.reference.catalogue import Catalogue  # noqa: E402
from storage.reference.periods import parse_period, period_containing, shift  # noqa: E402
from storage.validation import ValueInput, compute_value  # noqa: E402

ADMIN, ADMIN_PASSWORD = "admin", "bench-admin-1"
CLERK, CLERK_PASSWORD = "clara", "bench-clerk-1"

# The columns the API writes (storage.records.values._UPSERT_VALUE), in the same order; ``deleted`` defaults to 0.
RAW_COLUMNS = ("indicator", "district", "period", "cell", "value", "numerator", "denominator", "comment",
               "followup", "entered_by", "entered_at", "uuid", "hlc", "origin_device")
RAW_INSERT = (f"INSERT INTO indicator_values ({', '.join(RAW_COLUMNS)}) "
              f"VALUES ({', '.join('?' * len(RAW_COLUMNS))})")
AUDIT_TRIGGERS = ("audit_indicator_values_insert", "audit_indicator_values_update", "audit_indicator_values_delete")
COMMENT = "checked against the station register"
COMMENT_EVERY = 40  # one row in 40 carries a comment, as real sheets do


# -- databases -----------------------------------------------------------------------------------------


def make_template_database(folder: Path) -> Path:
    """A fresh centre database with the clerk, closed (so its WAL is checkpointed and gone)."""
    path = folder / "template.db"
    session, _ = create_database(path, role="centre", admin=ADMIN, password=ADMIN_PASSWORD,
                                 device_name="Bench centre")
    add_user(session, CLERK, "clerk", CLERK_PASSWORD)
    session.close()
    return path


def copy_database(template: Path, path: Path) -> Path:
    """An identical copy (file and key slots): every run starts from exactly the same empty tables.

    Copying is cheaper than ``create_database`` (which derives argon2id keys) and guarantees the
    same starting state for the API and the raw baseline.
    """
    for suffix in ("-wal", "-shm"):
        if Path(f"{template}{suffix}").exists():
            raise RuntimeError(f"{template} is still open; close it before copying")
    shutil.copyfile(template, path)
    shutil.copyfile(keyfile_path(template), keyfile_path(path))
    return path


def open_clerk(path: Path) -> Session:
    return open_session(path, CLERK, CLERK_PASSWORD)


def remove_database(path: Path) -> None:
    for name in (path, Path(f"{path}-wal"), Path(f"{path}-shm"), keyfile_path(path)):
        name.unlink(missing_ok=True)


# -- realistic rows --------------------------------------------------------------------------------------


def bench_districts(catalogue: Catalogue) -> list[str]:
    """Districts valid in every period (no split or abolition dates), so every row is valid."""
    return [d.code for d in catalogue.districts.values()
            if d.validity.valid_from is None and d.validity.valid_to is None]


def latest_complete_month(today: dt.date | None = None) -> str:
    """Last month, so that no period is in the future (``IV_PERIOD_FUTURE``)."""
    return shift(period_containing("monthly", today or dt.date.today()), -1)


def _ordinal(period: str) -> int:
    """A running number of the period within its frequency: drives the small month-to-month wobble."""
    parsed = parse_period(period)
    assert parsed is not None
    if parsed.frequency == "monthly":
        return parsed.year * 12 + parsed.start.month
    if parsed.frequency == "quarterly":
        return parsed.year * 4 + parsed.start.month // 3
    return parsed.year


def _base(indicator: str, district: str, cell: str) -> int:
    """A stable per-series level, so series look different but each one is steady (no outliers)."""
    return zlib.crc32(f"{indicator}|{district}|{cell}".encode()) % 200


# The rules that compare indicators (resources/rules.csv) hold for the generated rows too:
# counts that others must not exceed sit higher (POL-03 over POL-05's arrestees, POL-01 over POL-08's and
# POL-14's FIRs, POL-06 over POL-07's officers trained) ...
_COUNT_OFFSET = {"POL-03": 300, "POL-01": 200, "POL-06": 1100}
# ... PRO-05 and PRO-06 share PRO-04's cases decided, and their shares add up to less than all of them ...
_DENOMINATOR_OF = {"PRO-05": "PRO-04", "PRO-06": "PRO-04"}
_SHARE = {"PRO-04": (20, 15), "PRO-05": (20, 15), "PRO-06": (5, 10)}  # lowest percent, spread
# ... and the prisoners of PRS-02 and PRS-04 are PRS-01's (_prison_rows).
_FROM_PRISON_POPULATION = ("PRS-02", "PRS-04")


def _prison_rows(catalogue: Catalogue, code: str, district: str, period: str) -> list[ValueInput]:
    """PRS-02 by sex (under trial of all prisoners) and PRS-04 (prisoners over a steady capacity), from the
    PRS-01 rows of the same district and period, as the rules that compare them expect."""
    population = {row.cell: row.value for row in _sheet_rows(catalogue, "PRS-01", district, period)}
    if code == "PRS-04":
        capacity = 1000 + _base(code, district, "total")
        return [ValueInput(code, district, period, "total", None, population["total"], capacity)]
    rows = []
    for cell in catalogue.cells(code):
        wanted = set() if cell == "total" else set(cell.split(";"))
        mine = [(key, value) for key, value in population.items() if key != "total" and wanted <= set(key.split(";"))]
        everyone = sum(value for _, value in mine)
        undertrial = sum(value for key, value in mine if "detention=undertrial" in key.split(";"))
        rows.append(ValueInput(code, district, period, cell, None, undertrial, everyone))
    return rows


def _sheet_rows(catalogue: Catalogue, code: str, district: str, period: str) -> list[ValueInput]:
    """Every cell of one indicator for one district and period; cells add up to the total exactly.

    Each series moves by 0, 1 or 2 from period to period around a steady level: within the
    median +- 3 x MAD band (MAD floored at 1) and within 3x of the previous period, so no value is
    an outlier and no comment is needed; totals are the sum of their cells (``IV_CELLS_SUM``), and the
    rules that compare indicators hold.
    """
    if code in _FROM_PRISON_POPULATION:
        return _prison_rows(catalogue, code, district, period)
    indicator = catalogue.indicators[code]
    cells = catalogue.cells(code)
    wobble = _ordinal(period) % 3
    leaves = cells[1:] if len(cells) > 1 else cells
    rows: list[ValueInput] = []
    if indicator.has_fraction:
        sums = [0, 0]
        lowest, spread = _SHARE.get(code, (30, 40))
        for cell in leaves:
            base = _base(code, district, cell)
            denominator = 100 + _base(_DENOMINATOR_OF.get(code, code), district, cell)
            numerator = denominator * (lowest + base % spread) // 100 + wobble  # 30-70 %, never above 100 %
            sums[0] += numerator
            sums[1] += denominator
            rows.append(ValueInput(code, district, period, cell, None, numerator, denominator))
        if len(cells) > 1:
            rows.insert(0, ValueInput(code, district, period, cells[0], None, sums[0], sums[1]))
    else:
        total = 0
        for cell in leaves:
            value = 5 + _base(code, district, cell) + wobble + _COUNT_OFFSET.get(code, 0)
            total += value
            rows.append(ValueInput(code, district, period, cell, value))
        if len(cells) > 1:
            rows.insert(0, ValueInput(code, district, period, cells[0], total))
    return rows


def sheet_indicators(catalogue: Catalogue, period: str) -> list[tuple[str, str]]:
    """(indicator, period) of one month's entry sheet: as ``storage.sheets.values.template_indicators``.

    Re-stated here (not called) because that function needs a session and checks the role; the
    rule is the same: a month's sheet carries the quarter's indicators at quarter end and the
    year's in December.
    """
    parsed = parse_period(period)
    assert parsed is not None
    periods = [period]
    if parsed.start.month % 3 == 0:
        periods.append(f"{parsed.year:04d}Q{parsed.start.month // 3}")
    if parsed.start.month == 12:
        periods.append(f"{parsed.year:04d}")
    pairs = []
    for code in periods:
        span = parse_period(code)
        assert span is not None
        for indicator in catalogue.indicators.values():
            if indicator.source == "entry" and indicator.frequency == span.frequency and indicator.validity.covers(span):
                pairs.append((indicator.code, code))
    return pairs


def generate_inputs(catalogue: Catalogue, count: int) -> list[ValueInput]:
    """``count`` valid values: whole monthly sheets (with quarter and year indicators) for every
    bench district, going back month by month from last month until there are enough.

    About 110 values per district and month, 31 districts: 1M values span about 25 years.
    """
    districts = bench_districts(catalogue)
    latest = latest_complete_month()
    inputs: list[ValueInput] = []
    step = 0
    while len(inputs) < count:
        month = shift(latest, -step)
        pairs = sheet_indicators(catalogue, month)
        for district in districts:
            for code, period in pairs:
                inputs.extend(_sheet_rows(catalogue, code, district, period))
            if len(inputs) >= count:
                break
        step += 1
    del inputs[count:]  # a cut sheet is still valid: cells that are present add up to less than the total
    for number, value in enumerate(inputs):
        if number % COMMENT_EVERY == 0:
            value.comment = COMMENT
    return inputs


def copy_inputs(inputs: Sequence[ValueInput]) -> list[ValueInput]:
    """Fresh ``ValueInput`` objects (validation may normalise a cell in place)."""
    return [ValueInput(v.indicator, v.district, v.period, v.cell, v.value, v.numerator, v.denominator,
                       v.comment, v.followup, v.row) for v in inputs]


def raw_rows(catalogue: Catalogue, session: Session, inputs: Sequence[ValueInput]) -> list[tuple]:
    """The rows the API would write for ``inputs``, fully prepared (computed value, uuid, HLC) so the
    raw baseline times nothing but the insert."""
    now, device, clock = utc_now(), session.device_id, HybridLogicalClock()
    rows = []
    for v in inputs:
        indicator = catalogue.indicators[v.indicator]
        value = compute_value(indicator, v.numerator, v.denominator) if indicator.has_fraction else v.value
        rows.append((v.indicator, v.district, v.period, v.cell, value, v.numerator, v.denominator, v.comment,
                     int(v.followup), session.user, now, str(uuid.uuid4()), clock.now(), device))
    return rows


def raw_insert(db: Database, rows: Sequence[tuple]) -> Span:
    """One transaction of ``executemany`` of ``rows``, committed: the raw baseline."""
    with timed() as span:
        db.conn.execute("BEGIN")
        db.conn.executemany(RAW_INSERT, rows)
        db.conn.execute("COMMIT")
    return span


def drop_audit_triggers(db: Database) -> None:
    """Only ever on a throwaway copy: shows what the audit triggers cost the raw insert."""
    for name in AUDIT_TRIGGERS:
        db.execute(f"DROP TRIGGER IF EXISTS {name}")


def count_values(db: Database) -> int:
    return db.execute("SELECT count(*) FROM indicator_values").fetchone()[0]


# -- timing ------------------------------------------------------------------------------------------------


@dataclass
class Span:
    """Wall-clock and CPU seconds of one measured block.

    CPU time is printed beside wall time because the machines that run this are shared: another
    process taking the CPU stretches the wall time of whichever side of a ratio it lands on, but not
    its CPU time. (SQLCipher's encryption and SQLite's work run on this thread, so CPU time counts
    them; only waiting for the disk is left out.)
    """

    wall: float = 0.0
    cpu: float = 0.0

    def __add__(self, other: Span) -> Span:
        return Span(self.wall + other.wall, self.cpu + other.cpu)

    def __sub__(self, other: Span) -> Span:
        return Span(self.wall - other.wall, self.cpu - other.cpu)


@contextmanager
def timed() -> Iterator[Span]:
    """``with timed() as span: ...``; afterwards ``span.wall`` and ``span.cpu`` hold the block's seconds.

    A full collection first, so garbage left by the previous measurement is not billed to this one.
    """
    gc.collect()
    span = Span()
    wall, cpu = time.perf_counter(), time.process_time()
    try:
        yield span
    finally:
        span.wall, span.cpu = time.perf_counter() - wall, time.process_time() - cpu


def best_of_both(repeat: int, baseline: Callable[[], object], ours: Callable[[], object]) -> tuple[Span, Span]:
    """The best (least wall) of ``repeat`` runs of the baseline and of our code, run in turns so that a busy
    spell of a shared machine lands on both sides of the ratio rather than on one."""
    plain: list[Span] = []
    mine: list[Span] = []
    for _ in range(repeat):
        for runs, work in ((plain, baseline), (mine, ours)):
            with timed() as span:
                work()
            runs.append(span)
    return min(plain, key=lambda s: s.wall), min(mine, key=lambda s: s.wall)


def export_spans(report: object, folder: Path, stem: str) -> dict[str, Span]:
    """The time to write ``report`` as XLSX and as PDF (``folder/stem.xlsx``, ``.pdf``), by suffix. PDFs are
    drawn by Qt (the printing package), as the app and the CLI draw them, so this process needs the same
    guard of None as they do (main.guard_none: PySide6's void calls on Python 3.11)."""
    import printing
    from main import guard_none
    from storage.reports.files import write_report

    guard_none()  # idempotent in effect: it only raises None's count further
    printing.install_hooks()
    spans = {}
    for suffix in (".xlsx", ".pdf"):
        with timed() as span:
            write_report(report, folder / f"{stem}{suffix}")
        spans[suffix] = span
    return spans


class CallTimer:
    """Wraps a module-level function and adds up the time spent in it (for the breakdown lines).

    Patching the module attribute is enough because callers look it up at call time
    (``audit.seal(...)`` in ``storage.core.session``; ``check_indicator_values`` in ``storage.records.values``).
    """

    def __init__(self, module: object, name: str) -> None:
        self.module, self.name = module, name
        self.original = getattr(module, name)
        self.span = Span()
        self.calls = 0

    def __enter__(self) -> CallTimer:
        original = self.original

        def wrapper(*args: object, **kwargs: object) -> object:
            wall, cpu = time.perf_counter(), time.process_time()
            try:
                return original(*args, **kwargs)
            finally:
                self.span += Span(time.perf_counter() - wall, time.process_time() - cpu)
                self.calls += 1

        setattr(self.module, self.name, wrapper)
        return self

    def __exit__(self, *exc: object) -> None:
        setattr(self.module, self.name, self.original)


# -- results -----------------------------------------------------------------------------------------------


@dataclass
class Measurement:
    """One line of a result table. Ratios are baseline time / this time (higher is better); the goal is
    judged on the wall-clock ratio, the CPU ratio is shown as a check against a busy machine."""

    name: str
    span: Span
    rows: int | None = None
    baseline: Span | None = None
    goal: float | None = None

    @property
    def ratio(self) -> float | None:
        return self.baseline.wall / self.span.wall if self.baseline and self.span.wall > 0 else None

    @property
    def cpu_ratio(self) -> float | None:
        return self.baseline.cpu / self.span.cpu if self.baseline and self.span.cpu > 0 else None

    @property
    def rate(self) -> float | None:
        return self.rows / self.span.wall if self.rows and self.span.wall > 0 else None

    @property
    def verdict(self) -> str:
        if self.goal is None or self.ratio is None:
            return ""
        return "PASS" if self.ratio >= self.goal else "MISS"


@dataclass
class MemoryMeasurement:
    """Peak resident memory of a separate process (Linux ``VmHWM``)."""

    name: str
    peak_mb: float
    goal_mb: float | None = None

    @property
    def verdict(self) -> str:
        if self.goal_mb is None:
            return ""
        return "PASS" if self.peak_mb < self.goal_mb else "MISS"


def _cells(m: Measurement) -> list[str]:
    """measurement, seconds, CPU seconds, rows/s, ratio, CPU ratio, goal, result: as text."""
    def number(x: float | None, fmt: str) -> str:
        return "" if x is None else format(x, fmt)

    return [m.name, number(m.span.wall, ".2f"), number(m.span.cpu, ".2f"), number(m.rate, ",.0f"),
            number(m.ratio, ".2f"), number(m.cpu_ratio, ".2f"), f">={m.goal:.2f}" if m.goal is not None else "",
            m.verdict]


TABLE_HEADINGS = ["measurement", "seconds", "CPU s", "rows/s", "ratio", "CPU ratio", "goal", "result"]


def format_table(title: str, lines: Sequence[Measurement]) -> str:
    widths = [52, 9, 9, 9, 6, 9, 6, 6]
    def line(cells: list[str]) -> str:
        return " ".join(cell.ljust(w) if i == 0 else cell.rjust(w) for i, (cell, w) in enumerate(zip(cells, widths, strict=True)))

    header = line(TABLE_HEADINGS)
    return "\n".join([title, header, "-" * len(header), *(line(_cells(m)) for m in lines)])


def format_memory_table(title: str, lines: Sequence[MemoryMeasurement]) -> str:
    header = f"{'measurement':<52} {'peak RSS MB':>11} {'goal':>9} {'result':>6}"
    out = [title, header, "-" * len(header)]
    for m in lines:
        goal = f"<{m.goal_mb:.0f} MB" if m.goal_mb is not None else ""
        out.append(f"{m.name:<52} {m.peak_mb:>11.1f} {goal:>9} {m.verdict:>6}")
    return "\n".join(out)


def peak_rss_mb() -> float:
    """This process's peak resident set size in MB (``VmHWM``; ``ru_maxrss`` where /proc is absent)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024  # bytes on macOS, KiB elsewhere


def bench_folder(requested: str | None) -> Path:
    """Where the throwaway databases go: ``--dir`` or a fresh temporary folder (on disk, not tmpfs, ideally)."""
    import tempfile

    if requested:
        folder = Path(requested)
        folder.mkdir(parents=True, exist_ok=True)
        return Path(tempfile.mkdtemp(prefix="mizan-bench-", dir=folder))
    return Path(tempfile.mkdtemp(prefix="mizan-bench-"))


def machine_line() -> str:
    import platform

    return (f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
            f"{sqlite_version()}, load average {load_average()}")


def load_average() -> str:
    """The 1-minute load average: above the core count, other processes were competing for the CPU."""
    try:
        return f"{os.getloadavg()[0]:.1f}"
    except (AttributeError, OSError):  # Windows
        return "n/a"


def sqlite_version() -> str:
    """``SQLCipher 4.x community (SQLite 3.y)``."""
    import sqlcipher3

    connection = sqlcipher3.connect(":memory:")
    try:
        connection.execute("PRAGMA key = 'version'")
        cipher = connection.execute("PRAGMA cipher_version").fetchone()[0]
    finally:
        connection.close()
    return f"SQLCipher {cipher} (SQLite {sqlcipher3.sqlite_version})"
