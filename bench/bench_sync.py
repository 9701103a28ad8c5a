"""Sync goals: exporting a bundle, importing bundles into a full centre, its memory, and age encryption.

    .venv/bin/python bench/bench_sync.py            # full sizes (11 minutes on a quiet 2-core PC; 38 installations are filled)
    .venv/bin/python bench/bench_sync.py --small    # about a minute (3 districts x 2,000, 50,000 pre-filled)
    .venv/bin/python bench/bench_sync.py --record   # full sizes, and write the figures to bench/RESULTS.md
    .venv/bin/python bench/bench_sync.py --only import --keep DIR --profile   # keep the districts' bundles and
        # the pre-filled centre in DIR (a second run re-uses them), and print a cProfile of the import
    .venv/bin/python bench/bench_sync.py --only import --keep DIR --compare-code OLD   # the same import with a
        # copy of the sources in OLD (e.g. before an optimisation), on another copy of the same centre

Everything runs on real encrypted installations made with ``storage.core.session.create_database``, linked
the way people link them (``sync.keys``: the centre's key file -> ``trust_centre`` at the district; the
district's enrollment file -> ``enroll_device`` at the centre; each with the fingerprint the other side's
``export_key_file`` returned, as read out by phone), and every bundle is a real
``sync.export.export_bundle`` of records saved through the storage API (validated): nothing is forged.

(1) Export: one district office holding ``--export-records`` changed records (default 100,000: indicator
    values of many periods, plus desk cases with their perpetrators and services, plus its desks) makes
    its next bundle. Reported: seconds and records/s (no goal; for information, as it is the district's
    one slow button).

(2) Import: one district installation per current district (37: a bundle must be signed by an enrolled
    device of its own district and hold only that district's records), each with about 20,000 records
    (indicator values; districts created recently have too few months of values, so they add desk
    register records: a desk of their own, desk cases and PKM requests). The centre is pre-filled with
    1,000,000 indicator values of *other* (earlier) periods by a raw ``executemany`` in sealed
    transactions, so the bundles' records are new to it.
    * baseline: a copy of that centre; each bundle's records, decrypted and parsed beforehand (not
      timed), are inserted by one ``executemany`` per table in one transaction per bundle, into the same
      tables on the same kind of encrypted connection (audit triggers on: the real tables).
    * import: ``sync.importer.import_bundles`` of the inbox folder into another copy, in a separate
      process: decryption, checks, signature, validation, merge, audit seal. Goal: baseline / import
      >= 0.4; the process's peak resident memory (``VmHWM``) under 400 MB.

(3) Encryption: the same random payload (incompressible, like a bundle's ZIP) through the real
    ``sync.bundle.write_encrypted`` (from bytes in memory, fsync) and ``sync.bundle.decrypt_bundle``
    (into memory), against the ``age`` binary (``age -r ... -o`` followed by an fsync of its output;
    ``age -d -i ... -o``). pyrage file-to-file streaming is shown for information. Goal: age / pyrage
    >= 0.7 both ways.

Only ratios measured in the same run mean anything on a noisy machine; nothing here asserts a time.
Each line shows wall-clock and CPU seconds, and both ratios: the goal is judged on wall-clock time, the
CPU ratio is a check against other processes stretching one side of a ratio. ``--small`` figures say
little about the full ones: a small centre's indexes fit in SQLCipher's page cache, a million rows' do not.
"""

from __future__ import annotations

import argparse
import cProfile
import dataclasses
import datetime as dt
import json
import os
import pstats
import random
import resource
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._common import (  # noqa: E402
    ADMIN,
    ADMIN_PASSWORD,
    CLERK,
    CLERK_PASSWORD,
    COMMENT,
    COMMENT_EVERY,
    ROOT,
    CallTimer,
    Span,
    _sheet_rows,
    bench_folder,
    copy_database,
    latest_complete_month,
    machine_line,
    peak_rss_mb,
    raw_rows,
    sheet_indicators,
    timed,
)
from storage.core import audit  # noqa: E402
from storage.core.session import Session, create_database, open_session  # noqa: E402
from storage.records.desk import add_desk, list_desks, save_desk_case, save_pkm_request  # noqa: E402
from storage.records.users import add_user  # noqa: E402
from storage.records.values import save_indicator_values  # noqa: E402
from storage.reference.catalogue import Catalogue, load_catalogue  # noqa: E402
from storage.reference.periods import parse_period, shift  # noqa: E402
from storage.tools.demo import demo_case, demo_pkm_request  # noqa: E402
from storage.validation import ValueInput  # noqa: E402
from sync import bundle as bundle_module  # noqa: E402
from sync import export as export_module  # noqa: E402
from sync import importer, merge  # noqa: E402
from sync.bundle import RECORD_TYPES, decrypt_bundle, open_archive, write_encrypted  # noqa: E402
from sync.devices import enroll_device  # noqa: E402
from sync.export import export_bundle  # noqa: E402
from sync.keys import age_identities, export_key_file, trust_centre  # noqa: E402
from sync.schema import SPECS, SYNC_COLUMNS  # noqa: E402

SUPERVISOR, SUPERVISOR_PASSWORD = "sana", "bench-super-1"
IMPORT_GOAL = 0.4
MEMORY_GOAL_MB = 400.0
CRYPTO_GOAL = 0.7
RESULTS = ROOT / "bench" / "RESULTS.md"
SAVE_BATCH = 25_000  # values per save_indicator_values call while generating
PREFILL_BATCH = 200_000  # prefill rows per sealed transaction
CASE_SHARE = 50  # the export district: one desk case (with its children) per this many records


@dataclass(frozen=True)
class Sizes:
    export_records: int
    districts: int | None  # None: every current district
    bundle_records: int
    prefill: int
    payload_mb: int
    repeat: int  # runs of each encryption measurement; the fastest counts


FULL = Sizes(export_records=100_000, districts=None, bundle_records=20_000, prefill=1_000_000, payload_mb=64, repeat=5)
SMALL = Sizes(export_records=10_000, districts=3, bundle_records=2_000, prefill=50_000, payload_mb=10, repeat=3)


# -- result lines ------------------------------------------------------------------------------------------


@dataclass
class Line:
    """One line of the table. Ratios are baseline / this (higher is better): wall-clock, judged against the
    goal, and CPU time, shown as a check (another process taking the CPU stretches the wall time of
    whichever side it lands on, not its CPU time). Memory lines carry ``peak_mb`` and pass under ``goal``."""

    name: str
    span: Span | None = None
    amount: float | None = None  # records, or MB for the encryption lines
    unit: str = "rec/s"
    baseline: Span | None = None
    goal: float | None = None
    peak_mb: float | None = None

    @property
    def ratio(self) -> float | None:
        return self.baseline.wall / self.span.wall if self.baseline and self.span and self.span.wall > 0 else None

    @property
    def cpu_ratio(self) -> float | None:
        if self.baseline and self.span and self.baseline.cpu > 0 and self.span.cpu > 0:
            return self.baseline.cpu / self.span.cpu
        return None

    @property
    def verdict(self) -> str:
        if self.goal is None:
            return ""
        if self.peak_mb is not None:
            return "PASS" if self.peak_mb < self.goal else "MISS"
        if self.ratio is None:
            return ""
        return "PASS" if self.ratio >= self.goal else "MISS"

    def cells(self) -> list[str]:
        """measurement, seconds, CPU s, rate, ratio, CPU ratio, goal, result."""
        if self.peak_mb is not None:
            return [self.name, "", "", f"{self.peak_mb:.0f} MB peak", "", "",
                    f"<{self.goal:.0f} MB" if self.goal else "", self.verdict]
        span = self.span
        rate = ""
        if self.amount and span and span.wall > 0:
            rate = f"{self.amount / span.wall:,.{1 if self.unit == 'MB/s' else 0}f} {self.unit}"
        return [self.name, f"{span.wall:.2f}" if span else "", f"{span.cpu:.2f}" if span and span.cpu else "", rate,
                f"{self.ratio:.2f}" if self.ratio is not None else "",
                f"{self.cpu_ratio:.2f}" if self.cpu_ratio is not None else "",
                f">={self.goal:.2f}" if self.goal is not None else "", self.verdict]


HEADINGS = ["measurement", "seconds", "CPU s", "rate", "ratio", "CPU ratio", "goal", "result"]
WIDTHS = [60, 8, 8, 15, 6, 9, 8, 6]


def format_lines(title: str, lines: Sequence[Line]) -> str:
    def line(cells: list[str]) -> str:
        return " ".join(cell.ljust(width) if number == 0 else cell.rjust(width)
                        for number, (cell, width) in enumerate(zip(cells, WIDTHS, strict=True)))

    header = line(HEADINGS)
    return "\n".join([title, header, "-" * len(header), *(line(item.cells()) for item in lines)])


def markdown(lines: Sequence[Line]) -> str:
    out = ["| " + " | ".join(HEADINGS) + " |", "|---|" + "---:|" * 6 + "---|"]
    for item in lines:
        cells = item.cells()
        cells[0] = cells[0].replace("  ", "&nbsp;&nbsp;", 1) if cells[0].startswith("  ") else cells[0]
        out.append("| " + " | ".join(cells) + " |")
    return "\n".join(out)


# -- installations -----------------------------------------------------------------------------------------


def make_centre(folder: Path) -> tuple[Path, Path]:
    """A centre with the clerk; returns its database and its public key file (for the districts)."""
    path = folder / "centre.db"
    admin, _ = create_database(path, role="centre", admin=ADMIN, password=ADMIN_PASSWORD, device_name="Bench centre")
    try:
        add_user(admin, CLERK, "clerk", CLERK_PASSWORD)
        key_file = folder / "centre.key"
        # What the centre's screen shows, noted beside the file: each district "hears" it by phone.
        heard(key_file).write_text(export_key_file(admin, key_file), encoding="ascii")
    finally:
        admin.close()
    return path, key_file


def heard(key_file: Path) -> Path:
    """Where the bench notes the fingerprint the exporting side returned for ``key_file`` (the phone call)."""
    return key_file.with_suffix(".fingerprint")


def make_district(folder: Path, district: str, centre_key: Path, prefix: str = "district") -> tuple[Path, Path]:
    """A district installation that trusts the centre; returns its database and its enrollment file."""
    path = folder / f"{prefix}-{district.lower()}.db"
    admin, _ = create_database(path, role="district", district=district, admin=ADMIN, password=ADMIN_PASSWORD,
                               device_name=f"{district.title()} DPO")
    try:
        add_user(admin, SUPERVISOR, "supervisor", SUPERVISOR_PASSWORD)
        trust_centre(admin, centre_key, heard(centre_key).read_text(encoding="ascii"))
        enrollment = folder / f"enroll-{district.lower()}.key"
        heard(enrollment).write_text(export_key_file(admin, enrollment), encoding="ascii")
    finally:
        admin.close()
    return path, enrollment


def open_supervisor(path: Path) -> Session:
    return open_session(path, SUPERVISOR, SUPERVISOR_PASSWORD)


# -- records -------------------------------------------------------------------------------------------------


def district_values(catalogue: Catalogue, district: str, count: int, first_step: int = 0) -> Iterator[list[ValueInput]]:
    """Whole monthly sheets (with the quarter's and year's indicators) of one district, month by month
    going back from ``first_step`` months before last month, while the district exists; at most ``count``
    values. Yields one month's values at a time. Values are steady series (no outliers); one in
    ``COMMENT_EVERY`` carries a comment, as real sheets do."""
    validity = catalogue.districts[district].validity
    latest = latest_complete_month()
    made, step = 0, first_step
    while made < count:
        month = shift(latest, -step)
        parsed = parse_period(month)
        if parsed is None or parsed.year < 1900 or not validity.covers(parsed):
            return
        rows: list[ValueInput] = []
        for code, period in sheet_indicators(catalogue, month):
            span = parse_period(period)
            if span is not None and validity.covers(span):
                rows.extend(_sheet_rows(catalogue, code, district, period))
        del rows[count - made:]  # a cut sheet is still valid: present cells add up to less than the total
        for number, value in enumerate(rows, start=made):
            if number % COMMENT_EVERY == 0:
                value.comment = COMMENT
        made += len(rows)
        step += 1
        yield rows


def save_values(session: Session, catalogue: Catalogue, count: int) -> tuple[int, str | None]:
    """Save up to ``count`` values of the session's district; returns (saved, earliest month)."""
    saved, batch, earliest = 0, [], None
    for month_rows in district_values(catalogue, session.district, count):
        batch.extend(month_rows)
        if month_rows:
            earliest = month_rows[0].period if earliest is None or month_rows[0].period < earliest else earliest
        if len(batch) >= SAVE_BATCH:
            saved += save_indicator_values(session, batch).new
            batch = []
    if batch:
        saved += save_indicator_values(session, batch).new
    return saved, earliest


def save_desk_register(session: Session, catalogue: Catalogue, records: int, seed: str) -> int:
    """Desk cases (with perpetrators and services; ~15% without consent to reporting travel as
    tombstones) and PKM requests at the district's desks, through the storage API, until about
    ``records`` records would travel. A district without a desk first adds one. Returns the records."""
    today = dt.date.today()
    desks = [desk for desk in list_desks(session) if desk["district"] == session.district and desk["active"]]
    made = 0
    if not desks:
        code = f"{session.district[:6]}-BNCH"
        add_desk(session, code, f"{session.district.title()} bench desk", session.district, "Bench", "2024-01-01")
        desks = [desk for desk in list_desks(session) if desk["code"] == code]
        made += 1
    rng = random.Random(f"mizan-bench-sync:{seed}")
    first = max(dt.date(2024, 5, 1), *(dt.date.fromisoformat(d["opened"]) for d in desks if d.get("opened")))
    days = [first + dt.timedelta(days=n) for n in range((today - first).days)]
    drawn: list[tuple[str, object]] = []
    while made < records:
        desk = rng.choice(desks)["code"]
        if rng.random() < 0.4:
            case = demo_case(rng, catalogue, desk, session.district, rng.choice(days), today)
            drawn.append(("case", case))
            made += 1 + len(case[1]) + len(case[2])
        else:
            drawn.append(("pkm", demo_pkm_request(rng, catalogue, desk, session.district, rng.choice(days), today)))
            made += 1
    drawn.sort(key=lambda item: item[1][0]["report_date"] if item[0] == "case" else item[1]["received_date"])
    with session.write():  # one transaction; each save nests as a savepoint (as the demo does)
        for kind, item in drawn:
            if kind == "case":
                case, perpetrators, services, identity = item
                save_desk_case(session, case, perpetrators, services, identity)
            else:
                save_pkm_request(session, item)
    return made


def desk_count(session: Session) -> int:
    return session.db.execute("SELECT count(*) FROM desks").fetchone()[0]


def fill_district(session: Session, catalogue: Catalogue, records: int, *, desk_share: int | None = None) -> dict:
    """About ``records`` travelling records: desk register first when ``desk_share`` asks for it, then
    values; a district with too few months of values fills the rest from its desk register."""
    desk_records = 0
    if desk_share:
        desk_records = save_desk_register(session, catalogue, records // desk_share, session.district)
    target_values = records - desk_records - desk_count(session)
    values, earliest = save_values(session, catalogue, target_values)
    if values < target_values:
        desk_records += save_desk_register(session, catalogue, target_values - values, session.district)
    return {"values": values, "desk": desk_records, "earliest": earliest}


# -- the centre's pre-fill -----------------------------------------------------------------------------------


def prefill_centre(session: Session, catalogue: Catalogue, count: int, before_step: int) -> int:
    """``count`` valid-looking values of the districts that existed throughout, for months *before*
    every bundle's months (from ``before_step`` months before last month back), inserted by a raw
    ``executemany`` in sealed transactions of ``PREFILL_BATCH`` rows (the audit triggers fire)."""
    districts = [d.code for d in catalogue.districts.values()
                 if d.validity.valid_from is None and d.validity.valid_to is None]
    latest = latest_complete_month()
    inserted, batch, step = 0, [], before_step

    def flush(rows: list[ValueInput]) -> None:
        with session.write() as db:
            db.conn.executemany(_PREFILL_INSERT, raw_rows(catalogue, session, rows))

    while inserted + len(batch) < count:
        month = shift(latest, -step)
        pairs = sheet_indicators(catalogue, month)
        for district in districts:
            for code, period in pairs:
                batch.extend(_sheet_rows(catalogue, code, district, period))
        if len(batch) >= PREFILL_BATCH:
            flush(batch)
            inserted += len(batch)
            batch = []
        step += 1
    batch = batch[: count - inserted]
    if batch:
        flush(batch)
        inserted += len(batch)
    return inserted


_PREFILL_INSERT = (
    "INSERT INTO indicator_values (indicator, district, period, cell, value, numerator, denominator, comment, "
    "followup, entered_by, entered_at, uuid, hlc, origin_device) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")


def months_back(period: str) -> int:
    """How many months ``period`` (YYYY-MM) lies before last month."""
    latest = parse_period(latest_complete_month())
    parsed = parse_period(period)
    assert latest is not None and parsed is not None
    return (latest.year - parsed.year) * 12 + latest.start.month - parsed.start.month


# -- the raw baseline of the import --------------------------------------------------------------------------


def bundle_rows(path: Path, identities: list) -> dict[str, list[tuple]]:
    """Every record of a bundle as the row the importer would write, per table (not timed)."""
    archive, manifest, _, _ = open_archive(path, decrypt_bundle(path, identities))
    opened = bundle_module.OpenedBundle(path, manifest, archive)
    tables: dict[str, list[tuple]] = {}
    for record_type in RECORD_TYPES:
        spec = SPECS[record_type]
        for record in opened.records(record_type):
            assert isinstance(record, dict)
            if set(record) == set(SYNC_COLUMNS):  # a minimal tombstone: the centre remembers it
                tables.setdefault("tombstones", []).append(
                    (record_type, record["uuid"], record["hlc"], record["origin_device"]))
            else:
                tables.setdefault(spec.table, []).append(
                    (*(record[c] for c in spec.exported), *spec.centre_fill.values()))
    return tables


def _raw_insert_sql(table: str) -> str:
    if table == "tombstones":
        columns: tuple[str, ...] = ("record_type", "record_uuid", "hlc", "origin_device")
    else:
        spec = next(s for s in SPECS.values() if s.table == table)
        columns = (*spec.exported, *spec.centre_fill)
    # OR IGNORE: the seeded desks every bundle carries are already at the centre (the import counts them
    # unchanged); every other row is new.
    return f"INSERT OR IGNORE INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"


def time_raw_import(path: Path, bundles: list[Path]) -> tuple[Span, int]:
    """Seconds of the raw baseline: per bundle, one transaction of one executemany per table."""
    session = open_session(path, CLERK, CLERK_PASSWORD)
    try:
        identities = age_identities(session)
        total, rows = Span(), 0
        for bundle in bundles:
            tables = bundle_rows(bundle, identities)
            with timed() as span:
                session.db.conn.execute("BEGIN")
                for table, table_rows in tables.items():
                    session.db.conn.executemany(_raw_insert_sql(table), table_rows)
                session.db.conn.execute("COMMIT")
            total += span
            rows += sum(len(table_rows) for table_rows in tables.values())
    finally:
        session.close()
    return total, rows


# -- the import, in its own process ----------------------------------------------------------------------------


def run_worker(database: Path, inbox: Path, profile: Path | None, code: Path | None = None) -> dict:
    """Run this script as a separate process that imports the inbox (or only opens the database).
    ``code``: a copy of the sources to import with instead (``--compare-code``)."""
    command = [sys.executable, "-m", "bench.bench_sync", "--worker", str(database), str(inbox)]
    if profile is not None:
        command += ["--profile-out", str(profile)]
    done = subprocess.run(command, cwd=code or ROOT, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"the import process failed:\n{done.stdout}\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def worker_main(database: str, inbox: str, profile_out: str | None) -> None:
    """In the child: open the centre as the clerk, import every bundle of the inbox, report as JSON."""
    session = open_session(Path(database), CLERK, CLERK_PASSWORD)
    result: dict[str, object] = {"opened_peak_mb": peak_rss_mb()}
    if inbox != "-":
        profiler = cProfile.Profile() if profile_out else None
        with (CallTimer(importer, "decrypt_bundle") as decrypting, CallTimer(importer, "open_archive") as opening,
              CallTimer(importer, "_content_checks") as checking, CallTimer(merge, "_merge_chunk") as merging,
              CallTimer(audit, "seal") as sealing):
            with timed() as span:
                if profiler:
                    profiler.enable()
                outcomes = importer.import_bundles(session, [inbox])
                if profiler:
                    profiler.disable()
        if profiler:
            profiler.dump_stats(profile_out)
        totals = dict.fromkeys(("new", "updated", "unchanged", "conflicts", "quarantined"), 0)
        for outcome in outcomes:
            for name, number in outcome.counts.items():
                totals[name] += number
        result.update(seconds=span.wall, cpu=span.cpu, bundles=len(outcomes), statuses=sorted({o.status for o in outcomes}),
                      reasons=[o.reason for o in outcomes if o.reason][:3], counts=totals,
                      parts={name: [timer.span.wall, timer.span.cpu] for name, timer in (
                          ("decrypt", decrypting), ("open_archive", opening), ("validate", checking),
                          ("merge", merging), ("seal", sealing))},
                      values=session.db.execute("SELECT count(*) FROM indicator_values").fetchone()[0])
    session.close()
    result["peak_mb"] = peak_rss_mb()
    print(json.dumps(result))


def _spans(imported: dict) -> tuple[Span, dict[str, Span]]:
    """The import's total and parts as reported by a worker (older workers report wall seconds only)."""
    def span(value: object) -> Span:
        return Span(*value) if isinstance(value, list) else Span(float(value), 0.0)

    return Span(imported["seconds"], imported.get("cpu", 0.0)), {k: span(v) for k, v in imported["parts"].items()}


def _check_imported(imported: dict, fleet: Fleet) -> None:
    counts = imported["counts"]
    if imported["statuses"] != ["imported"] or counts["quarantined"] or counts["conflicts"]:
        raise RuntimeError(f"the import did not take every bundle cleanly: {imported}")
    if counts["new"] + counts["unchanged"] + counts["updated"] != fleet.records:
        raise RuntimeError(f"the import counted {counts}, the bundles held {fleet.records} records")


# -- (1) and (2) ----------------------------------------------------------------------------------------------


@dataclass
class Fleet:
    """The centre and the district bundles of one run."""

    centre: Path
    centre_key: Path
    inbox: Path
    bundles: list[Path] = field(default_factory=list)
    records: int = 0
    export_seconds: float = 0.0
    export_cpu: float = 0.0
    earliest_step: int = 0
    notes: list[str] = field(default_factory=list)
    prefilled: int | None = None  # values pre-filled into the centre (None: not yet)
    prefill_seconds: float = 0.0

    def save(self, folder: Path) -> None:
        """Remember the fleet in ``--keep``'s folder, so that the next run re-uses it."""
        state = dataclasses.asdict(self)
        for name in ("centre", "centre_key", "inbox"):
            state[name] = str(state[name])
        state["bundles"] = [str(path) for path in self.bundles]
        (folder / STATE).write_text(json.dumps(state, indent=1), encoding="utf-8")

    @classmethod
    def load(cls, folder: Path) -> Fleet | None:
        if not (folder / STATE).exists():
            return None
        state = json.loads((folder / STATE).read_text(encoding="utf-8"))
        for name in ("centre", "centre_key", "inbox"):
            state[name] = Path(state[name])
        state["bundles"] = [Path(path) for path in state["bundles"]]
        return cls(**state)


STATE = "fleet.json"


def current_districts(catalogue: Catalogue, limit: int | None) -> list[str]:
    districts = [d.code for d in catalogue.districts.values() if d.validity.valid_to is None]
    return districts if limit is None else districts[:limit]


def build_fleet(folder: Path, sizes: Sizes, catalogue: Catalogue) -> Fleet:
    """A centre, then per current district: install, link, fill, export its first bundle into the inbox."""
    centre, centre_key = make_centre(folder)
    fleet = Fleet(centre, centre_key, folder / "inbox")
    fleet.inbox.mkdir()
    enrollments = []
    topped_up = []
    for district in current_districts(catalogue, sizes.districts):
        path, enrollment = make_district(folder, district, centre_key)
        enrollments.append(enrollment)
        session = open_supervisor(path)
        try:
            filled = fill_district(session, catalogue, sizes.bundle_records)
            if filled["desk"]:
                topped_up.append(f"{district} ({filled['values']:,} values)")
            if filled["earliest"]:
                fleet.earliest_step = max(fleet.earliest_step, months_back(filled["earliest"]))
            with timed() as span:
                result = export_bundle(session, fleet.inbox)
            fleet.export_seconds += span.wall
            fleet.export_cpu += span.cpu
        finally:
            session.close()
        fleet.bundles.append(result.path)
        fleet.records += sum(result.records.values())
        for suffix in ("", "-wal", "-shm", ".keys"):  # the district is not needed any more
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    admin = open_session(centre, ADMIN, ADMIN_PASSWORD)
    try:
        for enrollment in enrollments:
            enroll_device(admin, enrollment, heard(enrollment).read_text(encoding="ascii"))
    finally:
        admin.close()
    if topped_up:
        fleet.notes.append("districts with fewer months of values filled up with desk cases and PKM requests: "
                           + ", ".join(topped_up))
    return fleet


def run_export(folder: Path, sizes: Sizes, catalogue: Catalogue, centre_key: Path) -> list[Line]:
    path, kept = folder / "export-quetta.db", folder / "export-quetta.json"
    if not kept.exists():  # (with --keep, a later run exports the same district again: nothing acknowledged it)
        make_district(folder, "QUETTA", centre_key, prefix="export")
    session = open_supervisor(path)
    out = folder / "export-out"
    out.mkdir(exist_ok=True)
    try:
        if kept.exists():
            filled = json.loads(kept.read_text(encoding="utf-8"))
        else:
            filled = fill_district(session, catalogue, sizes.export_records, desk_share=CASE_SHARE)
            kept.write_text(json.dumps(filled), encoding="utf-8")
        with CallTimer(export_module, "write_encrypted") as encrypting:
            with timed() as span:
                result = export_bundle(session, out)
    finally:
        session.close()
    records = sum(result.records.values())
    size_mb = result.path.stat().st_size / 1e6
    return [
        Line(f"export {records:,} records ({filled['values']:,} values, {filled['desk']:,} desk)", span, records),
        Line(f"  of which encrypt + fsync ({size_mb:.1f} MB bundle)", encrypting.span),
        Line("  of which query, JSON, ZIP, sign, rest", span - encrypting.span),
    ]


def fresh_copy(template: Path, path: Path) -> Path:
    for suffix in ("", "-wal", "-shm", ".keys"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return copy_database(template, path)


def run_import(folder: Path, sizes: Sizes, catalogue: Catalogue, fleet: Fleet, profile: bool,
               compare_code: Path | None = None) -> tuple[list[Line], dict]:
    if fleet.prefilled is None:
        clerk = open_session(fleet.centre, CLERK, CLERK_PASSWORD)
        try:
            with timed() as span:
                fleet.prefilled = prefill_centre(clerk, catalogue, sizes.prefill, fleet.earliest_step + 1)
            fleet.prefill_seconds = span.wall
        finally:
            clerk.close()
        fleet.save(folder)
    prefilled, prefill_seconds = fleet.prefilled, fleet.prefill_seconds
    raw_path = fresh_copy(fleet.centre, folder / "centre-raw.db")
    import_path = fresh_copy(fleet.centre, folder / "centre-import.db")
    baseline, raw_records = time_raw_import(raw_path, fleet.bundles)
    opened = run_worker(fresh_copy(fleet.centre, folder / "centre-open.db"), Path("-"), None)
    imported = run_worker(import_path, fleet.inbox, None)
    _check_imported(imported, fleet)
    earlier = None
    if compare_code is not None:  # the same import with other sources (e.g. before an optimisation)
        earlier = run_worker(fresh_copy(fleet.centre, folder / "centre-compare.db"), fleet.inbox, None, compare_code)
        _check_imported(earlier, fleet)
        if earlier["counts"] != imported["counts"] or earlier["values"] != imported["values"]:
            raise RuntimeError(f"the two codes imported differently: {earlier} vs {imported}")
    profile_path = None
    if profile:  # a separate, profiled run: profiling slows Python down, so it never gives the timed figure
        profile_path = folder / "import.prof"
        run_worker(fresh_copy(fleet.centre, folder / "centre-profile.db"), fleet.inbox, profile_path)
    total, parts = _spans(imported)
    n = len(fleet.bundles)
    rest = total
    for name in ("decrypt", "open_archive", "validate", "merge", "seal"):
        rest = rest - parts[name]
    lines = [
        Line(f"district exports of the {n} bundles (info, sum)", Span(fleet.export_seconds, fleet.export_cpu),
             fleet.records),
        Line(f"raw executemany of the {n} bundles' rows (baseline)", baseline, raw_records),
        Line(f"import_bundles {n} x ~{fleet.records // n:,} into {prefilled:,} values", total, fleet.records,
             baseline=baseline, goal=IMPORT_GOAL),
        Line("  of which decrypt (pyrage into memory)", parts["decrypt"]),
        Line("  of which ZIP checks + hashes", parts["open_archive"]),
        Line("  of which validation (engine)", parts["validate"]),
        Line("  of which merge (queries, inserts, audit triggers)", parts["merge"]),
        Line("  of which audit seal (hash chain)", parts["seal"]),
        Line("  rest (JSON, structural checks, signature, commit)", rest),
        Line("peak RSS, process that only opens the centre (info)", peak_mb=opened["peak_mb"]),
        Line(f"peak RSS, process importing the {n} bundles", peak_mb=imported["peak_mb"], goal=MEMORY_GOAL_MB),
    ]
    if earlier is not None:
        lines.insert(3, Line(f"import_bundles with the sources in {compare_code.name}/", _spans(earlier)[0],
                             fleet.records, baseline=baseline, goal=IMPORT_GOAL))
        lines.append(Line(f"peak RSS, importing with the sources in {compare_code.name}/",
                          peak_mb=earlier["peak_mb"]))
    info = {"prefill": prefilled, "prefill_seconds": prefill_seconds, "counts": imported["counts"], "profile": profile_path,
            "values_after": imported["values"]}
    return lines, info


# -- (3) encryption -------------------------------------------------------------------------------------------


def _fsync_file(path: Path) -> None:
    with open(path, "rb") as handle:
        os.fsync(handle.fileno())


def run_crypto(folder: Path, sizes: Sizes) -> list[Line]:
    import pyrage

    age = shutil.which("age") or "/usr/bin/age"
    identity = pyrage.x25519.Identity.generate()
    recipient = str(identity.to_public())
    identity_file = folder / "identity.txt"
    identity_file.write_text(f"{identity}\n", encoding="ascii")
    plaintext = os.urandom(sizes.payload_mb * 1024 * 1024)
    plain_file = folder / "payload.zip"
    plain_file.write_bytes(plaintext)
    mb = len(plaintext) / (1024 * 1024)
    sealed = folder / "payload.mizan"
    times: dict[str, list[Span]] = {}

    def measure(name: str, action) -> None:
        """Wall and CPU time; the CPU time includes the age binary's (a child process)."""
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        with timed() as span:
            action()
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        span.cpu += (after.ru_utime + after.ru_stime) - (children.ru_utime + children.ru_stime)
        times.setdefault(name, []).append(span)

    def age_encrypt() -> None:
        out = folder / "age.age"
        subprocess.run([age, "-r", recipient, "-o", str(out), str(plain_file)], check=True)
        _fsync_file(out)

    def streamed_encrypt() -> None:
        out = folder / "stream.age"
        with open(plain_file, "rb") as source, open(out, "wb") as target:
            pyrage.encrypt_io(source, target, [pyrage.x25519.Recipient.from_str(recipient)])
            target.flush()
            os.fsync(target.fileno())

    def streamed_decrypt() -> None:
        with open(sealed, "rb") as source, open(folder / "stream.out", "wb") as target:
            pyrage.decrypt_io(source, target, [identity])

    decrypted: list[bytes] = []
    for _ in range(sizes.repeat):
        measure("age_enc", age_encrypt)
        measure("enc", lambda: write_encrypted(plaintext, [recipient], sealed))
        measure("stream_enc", streamed_encrypt)
        measure("age_dec", lambda: subprocess.run([age, "-d", "-i", str(identity_file), "-o",
                                                   str(folder / "age.out"), str(sealed)], check=True))
        measure("dec", lambda: decrypted.append(decrypt_bundle(sealed, [identity])))
        measure("stream_dec", streamed_decrypt)
        assert decrypted.pop() == plaintext
    best = {name: min(spans, key=lambda span: span.wall) for name, spans in times.items()}
    return [
        Line(f"age -r (binary) + fsync, {mb:.0f} MB (baseline)", best["age_enc"], mb, "MB/s"),
        Line("write_encrypted: pyrage from memory + fsync", best["enc"], mb, "MB/s", best["age_enc"], CRYPTO_GOAL),
        Line("  pyrage encrypt_io file-to-file + fsync (info)", best["stream_enc"], mb, "MB/s", best["age_enc"]),
        Line(f"age -d (binary), {mb:.0f} MB (baseline)", best["age_dec"], mb, "MB/s"),
        Line("decrypt_bundle: pyrage into memory", best["dec"], mb, "MB/s", best["age_dec"], CRYPTO_GOAL),
        Line("  pyrage decrypt_io file-to-file (info)", best["stream_dec"], mb, "MB/s", best["age_dec"]),
    ]


# -- main ---------------------------------------------------------------------------------------------------


def print_profile(path: Path, top: int = 30) -> None:
    stats = pstats.Stats(str(path))
    stats.sort_stats("tottime").print_stats(top)


def record_results(markdown_text: str) -> None:
    """Write the "Sync" section of bench/RESULTS.md: replace ours if present, else append; others' stay."""
    section = f"## Sync\n\n{markdown_text.rstrip()}\n"
    existing = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Benchmark results\n"
    lines = existing.splitlines(keepends=True)
    start = next((i for i, line in enumerate(lines) if line.strip() == "## Sync"), None)
    if start is None:
        updated = existing.rstrip("\n") + "\n\n" + section
    else:
        end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("## ")), len(lines))
        updated = "".join(lines[:start]) + section + ("\n" + "".join(lines[end:]) if end < len(lines) else "")
    RESULTS.write_text(updated, encoding="utf-8")


@dataclass
class Section:
    title: str
    lines: list[Line]
    notes: list[str] = field(default_factory=list)

    def text(self) -> str:
        return "\n".join([format_lines(self.title, self.lines), *self.notes])

    def markdown(self) -> str:
        return "\n".join([f"**{self.title}**", "", markdown(self.lines), "", *(f"{note}  " for note in self.notes)])


def main(argv: list[str] | None = None) -> list[Line]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", action="store_true", help="small sizes (about a minute)")
    parser.add_argument("--only", default="export,import,crypto", help="comma-separated: export, import, crypto")
    parser.add_argument("--profile", action="store_true", help="cProfile the import and print the top functions")
    parser.add_argument("--compare-code", metavar="DIR", help="also import with the sources copied to DIR "
                        "(e.g. before an optimisation), on another copy of the same centre, and compare")
    parser.add_argument("--record", action="store_true", help="write the figures to bench/RESULTS.md (Sync)")
    for name in ("export-records", "districts", "bundle-records", "prefill", "payload-mb", "repeat"):
        parser.add_argument(f"--{name}", type=int, help=f"override the {name.replace('-', ' ')} of the chosen sizes")
    parser.add_argument("--keep", metavar="DIR", help="work in DIR and keep it; a later run with the same DIR "
                        "re-uses its districts' bundles and pre-filled centre (sizes must match)")
    parser.add_argument("--dir", help="folder for the throwaway databases (default: a temporary folder)")
    parser.add_argument("--worker", nargs=2, metavar=("DB", "INBOX"), help=argparse.SUPPRESS)
    parser.add_argument("--profile-out", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        worker_main(*args.worker, args.profile_out)
        return []
    sizes = SMALL if args.small else FULL
    overrides = {name: getattr(args, name) for name in ("export_records", "districts", "bundle_records", "prefill",
                                                        "payload_mb", "repeat") if getattr(args, name) is not None}
    sizes = dataclasses.replace(sizes, **overrides)
    parts = set(args.only.split(","))
    if args.keep:
        folder = Path(args.keep)
        folder.mkdir(parents=True, exist_ok=True)
    else:
        folder = bench_folder(args.dir)
    catalogue = load_catalogue()
    sections: list[Section] = []
    started = time.perf_counter()
    try:
        if parts & {"export", "import"}:
            fleet: Fleet | None = None
            if "import" in parts:
                fleet = Fleet.load(folder) if args.keep else None
                if fleet is None:
                    fleet = build_fleet(folder, sizes, catalogue)
                    if args.keep:
                        fleet.save(folder)
                else:
                    print(f"(re-using the fleet kept in {folder}: {len(fleet.bundles)} bundles)")
                centre_key = fleet.centre_key
            else:
                kept = Fleet.load(folder) if args.keep else None
                centre_key = kept.centre_key if kept else make_centre(folder)[1]
            if "export" in parts:
                sections.append(Section("(1) export from one district office (no goal: for information)",
                                        run_export(folder, sizes, catalogue, centre_key)))
            if fleet is not None:
                lines, info = run_import(folder, sizes, catalogue, fleet, args.profile,
                                         Path(args.compare_code) if args.compare_code else None)
                notes = [
                    "ratio = baseline seconds / import seconds (CPU ratio: the same in CPU seconds).",
                    f"The centre's {info['prefill']:,} values were pre-filled by a raw executemany (audit triggers "
                    f"on, sealed; {info['prefill_seconds']:.0f} s) for periods before every bundle's, so the "
                    "bundles' records are new to it.",
                    f"Import counts: {info['counts']}; values at the centre afterwards: {info['values_after']:,}.",
                    *(f"{note[0].upper()}{note[1:]}." for note in fleet.notes),
                ]
                if args.compare_code:
                    notes.append(f"'with the sources in {Path(args.compare_code).name}/': the same bundles imported into "
                                 "another copy of the same centre by a copy of the sources kept in that folder (e.g. "
                                 "from before an optimisation).")
                sections.append(Section(f"(2) import {len(fleet.bundles)} bundles into a centre holding "
                                        f"{info['prefill']:,} values", lines, notes))
                if info["profile"] is not None:
                    print_profile(info["profile"])
        if "crypto" in parts:
            sections.append(Section(f"(3) bundle encryption vs the age binary (fastest of {sizes.repeat} runs)",
                                    run_crypto(folder, sizes), ["ratio = age seconds / pyrage seconds."]))
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)
    size_name = ("small" if args.small else "full") + (f", overridden: {overrides}" if overrides else "")
    footer = (f"{size_name} sizes; {time.perf_counter() - started:.0f} s in all; {dt.datetime.now():%Y-%m-%d %H:%M}; "
              f"{machine_line()}.")
    print("\n\n".join(section.text() for section in sections) + f"\n\n({footer})")
    verdicts = [line.verdict for section in sections for line in section.lines if line.verdict]
    print(f"goals: {verdicts.count('PASS')} of {len(verdicts)} met")
    if args.record:
        if args.small or overrides:
            print("(not recorded: --record writes full-size figures only)")
        else:
            record_results("\n\n".join([footer, *(section.markdown() for section in sections)]))
            print(f"recorded in {RESULTS}")
    return [line for section in sections for line in section.lines]


if __name__ == "__main__":
    main()
