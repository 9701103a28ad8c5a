"""Audit anchors: what the head and checkpoints cost at export, and ``audit verify`` at the centre.

    .venv/bin/python bench/bench_anchor.py              # 100,000 and 300,000 audit rows
    .venv/bin/python bench/bench_anchor.py --small      # 10,000 and 30,000
    .venv/bin/python bench/bench_anchor.py --rows 50000 # one size

Setup (not timed): a fresh encrypted district database and a centre database (``create_database``), each
given N audit rows shaped like an indicator value's insert (raw ``INSERT INTO audit_log`` on the session's
own connection, then ``audit.seal``: the chain is a real one; the rows only have to look like real ones).
The district's ``exports`` gets 1,000 earlier bundles whose heads are spread over the log, so the anchor
carries 1,000 checkpoints; the centre gets 1,000 anchors and a finding for each of 37 districts' PCs.

Measured in the same process, alternating, lower quartile of ``--repeat`` runs each:

* baseline: ``storage.core.audit.verify`` (the plain ``audit verify``: one pass over the log, every seal
  compared);
* export: ``sync.anchors.export_anchor`` (one pass from the first row, the head and the digest at 1,000
  entries): the time it adds to ``export``;
* centre: ``storage.views.audit_trail.verify_audit`` at the centre (its own chain, and the district PCs'
  findings through ``DISTRICT_CHECKS``).

Printed as ratios to the baseline of the same size (1.00: as long as ``audit verify``). Also the size of
the manifest's ``audit`` field with 1,000 checkpoints, as signed (canonical JSON), against the 1 MB
manifest limit. Machines are noisy: only the ratios of one run mean anything; nothing asserts a time.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import sync  # noqa: E402,F401  (registers sync's steps: keys at init, the anchor check in audit verify)
from bench._common import Span, bench_folder, machine_line, timed  # noqa: E402
from storage.core import audit  # noqa: E402
from storage.core.clock import utc_now  # noqa: E402
from storage.core.session import Session, create_database  # noqa: E402
from storage.records.users import add_user  # noqa: E402
from storage.views.audit_trail import verify_audit  # noqa: E402
from sync.anchors import export_anchor  # noqa: E402
from sync.bundle import MAX_MANIFEST_BYTES, canonical_json  # noqa: E402

PASSWORD = "bench-admin-1"
CHECKPOINTS = 1000
DISTRICTS = 37


def fill_audit_log(session: Session, rows: int) -> None:
    """N audit rows like an indicator value's insert, sealed in transactions of 10,000 (as saves seal)."""
    after = ('{"indicator":"PRO-01","district":"QUETTA","period":"2026-10","cell":"total","value":41,'
             '"numerator":null,"denominator":null,"comment":"checked against the station register",'
             '"followup":0,"entered_by":"sana","entered_at":"2026-11-03T09:12:44.120Z",'
             '"uuid":"%08d-6c5d-4dfb-9a1e-3f0c2b7d9e11","hlc":"1796448013630.000000","origin_device":"x","deleted":0}')
    at = utc_now()
    done = 0
    while done < rows:
        batch = min(10_000, rows - done)
        with session.write() as db:
            db.conn.executemany(
                "INSERT INTO audit_log (at, actor, action, table_name, row_key, before, after) "
                "VALUES (?, 'sana', 'insert', 'indicator_values', ?, NULL, ?)",
                [(at, f"{done + i:08d}", after % (done + i)) for i in range(batch)])
        done += batch


def add_exports(session: Session, count: int) -> None:
    """``count`` earlier bundles whose heads are spread evenly over the log (what the checkpoints name)."""
    last = session.db.execute("SELECT max(id) FROM audit_log").fetchone()[0]
    with session.write() as db:
        db.conn.executemany(
            "INSERT INTO exports (sequence, bundle_id, baseline, hlc_high, file_name, counts, made_at, made_by, "
            "audit_entry, audit_digest) VALUES (?, ?, '', '', ?, '{}', ?, 'sana', ?, ?)",
            [(n, f"bench-{n}", f"b{n}.mizan", utc_now(), max(1, last * n // (count + 1)), "0" * 64)
             for n in range(1, count + 1)])


def add_anchors(session: Session, districts: int, per_device: int) -> None:
    """At the centre: ``per_device`` anchors and one finding for a PC of each of ``districts`` districts."""
    with session.write() as db:
        for d in range(districts):
            device = f"bench-device-{d:02d}"
            db.conn.executemany(
                "INSERT INTO audit_anchors (device_id, bundle_sequence, district, audit_entry, digest, "
                "told_by_bundle, received_at) VALUES (?, ?, ?, ?, ?, 'bench', ?)",
                [(device, n, f"D{d:02d}", n * 10, "0" * 64, utc_now()) for n in range(1, per_device + 1)])
            db.execute("INSERT INTO audit_anchor_findings (device_id, district, device_name, bundle_id, "
                       "bundle_sequence, since_sequence, kind, detail, found_at) VALUES "
                       "(?, ?, 'Bench PC', 'bench', ?, 1, 'rewritten', 'bench', ?)",
                       [device, f"D{d:02d}", per_device, utc_now()])


def quartile(runs: list[Span]) -> Span:
    """The lower quartile of the runs (wall and CPU each): the least disturbed by other processes."""
    def low(values: list[float]) -> float:
        return statistics.quantiles(values, n=4, method="inclusive")[0] if len(values) >= 2 else values[0]

    return Span(low([r.wall for r in runs]), low([r.cpu for r in runs]))


def measure(calls: dict[str, Callable[[], object]], repeat: int) -> dict[str, Span]:
    """Each call ``repeat`` times, alternating, after one warm-up round."""
    for call in calls.values():
        call()
    runs: dict[str, list[Span]] = {name: [] for name in calls}
    for _ in range(repeat):
        for name, call in calls.items():
            with timed() as span:
                call()
            runs[name].append(span)
    return {name: quartile(spans) for name, spans in runs.items()}


def run_size(folder: Path, rows: int, repeat: int) -> list[str]:
    district, _ = create_database(folder / f"district-{rows}.db", role="district", district="QUETTA",
                                  device_name="Bench DPO", admin="admin", password=PASSWORD)
    add_user(district, "sana", "supervisor", PASSWORD)
    centre, _ = create_database(folder / f"centre-{rows}.db", role="centre", admin="admin", password=PASSWORD,
                                device_name="Bench centre")
    try:
        for session in (district, centre):
            fill_audit_log(session, rows)
        add_exports(district, CHECKPOINTS)
        add_anchors(centre, DISTRICTS, CHECKPOINTS // 10)
        anchor = export_anchor(district)
        assert len(anchor["checkpoints"]) == CHECKPOINTS, len(anchor["checkpoints"])
        found = verify_audit(centre)
        assert found.problems == [] and len(found.districts) == DISTRICTS, (found.problems, len(found.districts))
        spans = measure({
            "district: audit.verify (baseline)": lambda: audit.verify(district.db),
            f"district: export_anchor, {CHECKPOINTS:,} checkpoints": lambda: export_anchor(district),
            "centre: audit.verify (baseline)": lambda: audit.verify(centre.db),
            f"centre: verify_audit, {DISTRICTS} PCs with findings": lambda: verify_audit(centre),
        }, repeat)
    finally:
        district.close()
        centre.close()
    names = list(spans)
    lines = [f"{rows:,} audit rows"]
    for name in names:
        base = spans[names[0]] if name.startswith("district") else spans[names[2]]
        lines.append(f"  {name:<52} {spans[name].wall:7.3f} s  {spans[name].cpu:7.3f} CPU s  "
                     f"x{spans[name].wall / base.wall:5.2f} of verify (CPU x{spans[name].cpu / base.cpu:5.2f})")
    return lines


def manifest_size() -> str:
    """The ``audit`` field with 1,000 checkpoints as it is signed, against the manifest's size limit."""
    field = {"head": {"entry": 312_345, "digest": "ab" * 32},
             "checkpoints": [{"bundle": n, "entry": 300 * n, "digest": "cd" * 32} for n in range(1, CHECKPOINTS + 1)]}
    size = len(canonical_json({"audit": field}))
    return (f"manifest 'audit' field with {CHECKPOINTS:,} checkpoints: {size:,} bytes "
            f"({size / CHECKPOINTS:.0f} per checkpoint; {size / MAX_MANIFEST_BYTES:.1%} of the "
            f"{MAX_MANIFEST_BYTES // 1024:,} KB manifest limit)")


def main(argv: list[str] | None = None) -> list[str]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, action="append", help="audit rows (repeatable)")
    parser.add_argument("--small", action="store_true", help="10,000 and 30,000 rows")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--dir", help="where the throwaway databases go")
    args = parser.parse_args(argv)
    sizes = args.rows or ([10_000, 30_000] if args.small else [100_000, 300_000])
    folder = bench_folder(args.dir)
    lines = ["Audit anchors (bench/bench_anchor.py)", machine_line()]
    try:
        for rows in sizes:
            lines += run_size(folder, rows, args.repeat)
        lines.append(manifest_size())
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print("\n".join(lines))
    return lines


if __name__ == "__main__":
    main()
