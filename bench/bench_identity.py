"""What the identity key and key rotation cost (issue 12, item 1).

    .venv/bin/python bench/bench_identity.py            # 1,000,000 centre values, 200,000 register cases
    .venv/bin/python bench/bench_identity.py --small    # 100,000 and 20,000

(a) Rotation on a district database with two years of demo data (``generate_demo(months=24)``): the
    database key (``PRAGMA rekey``, every page re-encrypted) and the identity key (every sealed identity
    and note sealed again), each against copying the same database file (the baseline).
(b) ``PRAGMA rekey`` on a centre database with 1M indicator values (inserted raw: setup only), against
    copying the file.
(c) The desk register's first page (``desk_case_page``) on 200k cases whose identities and notes are all
    sealed, against the raw first-page SELECT (as bench_desk_register.py). Goal: <= 3x. Opening one case
    (``get_desk_case``, the identity and notes unsealed) against its raw SELECTs, for information.
(d) Exporting a bundle from the demo district with its identities sealed, against the same database with
    the sealed columns emptied (export never reads them: the ratio should be about 1).

Machines are noisy; only the ratios of one run mean anything. Nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench._common import (  # noqa: E402
    bench_folder,
    generate_inputs,
    machine_line,
    make_template_database,
    open_clerk,
    raw_insert,
    raw_rows,
)
from bench.bench_desk_register import make_database as make_register_database  # noqa: E402
from bench.bench_desk_register import paired_medians, raw_page, timed  # noqa: E402
from bench.bench_sync import heard, make_centre  # noqa: E402
from storage.core.identity import rotate_database_key, rotate_identity_key, seal, seal_identity  # noqa: E402
from storage.core.session import Session, create_database  # noqa: E402
from storage.records.desk import DeskFilter, desk_case_page, get_desk_case  # noqa: E402
from storage.records.users import add_user  # noqa: E402
from storage.tools.demo import generate_demo  # noqa: E402
from sync.export import export_bundle  # noqa: E402
from sync.keys import trust_centre  # noqa: E402

FAKE_IDENTITY = {"name": "Bench Demo", "guardian_name": "Guardian Demo", "cnic": "54401-1234567-1",
                 "phone": "0300-1234567", "address": "House 1, Demo Colony"}


def file_copy_seconds(path: Path) -> float:
    """The baseline of a rotation: copying the database file once (read and write every page)."""
    target = path.with_name(path.name + ".copy")
    start = time.perf_counter()
    shutil.copyfile(path, target)
    os.fsync(os.open(target, os.O_RDONLY))
    seconds = time.perf_counter() - start
    target.unlink()
    return seconds


def size_mb(path: Path) -> float:
    return path.stat().st_size / 1e6


def line(label: str, seconds: float, base: float, base_label: str) -> str:
    return f"  {label:<46} {seconds:8.2f} s   {base_label} {base:7.2f} s   ratio {seconds / base:6.1f}"


def district_with_demo(folder: Path) -> Session:
    centre_path, centre_key = make_centre(folder)  # the district must trust a centre to export
    admin, _ = create_database(folder / "district.db", role="district", district="QUETTA", device_name="bench",
                               admin="admin", password="bench-admin-1")
    add_user(admin, "sana", "supervisor", "bench-supervisor-1")  # makes the identity key, held by this session
    trust_centre(admin, centre_key, heard(centre_key).read_text(encoding="ascii"))
    generate_demo(admin, seed=3, months=24)
    return admin


def bench_district(folder: Path) -> list[str]:
    session = district_with_demo(folder)
    supervisor = dataclasses.replace(session, user="sana", role="supervisor")
    cases = session.db.execute("SELECT count(*) FROM desk_cases").fetchone()[0]
    sealed = session.db.execute("SELECT count(*) FROM desk_case_identities WHERE sealed IS NOT NULL").fetchone()[0]
    session.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    copy = file_copy_seconds(session.path)
    start = time.perf_counter()
    rotate_database_key(supervisor)
    rekey = time.perf_counter() - start
    start = time.perf_counter()
    resealed = rotate_identity_key(supervisor)
    reseal = time.perf_counter() - start
    out = [f"(a) district, two years of demo data: {cases:,} cases, {sealed:,} sealed identities, "
           f"{size_mb(session.path):.1f} MB",
           line("database key (PRAGMA rekey)", rekey, copy, "file copy"),
           line(f"identity key ({resealed:,} values sealed again)", reseal, copy, "file copy")]
    print("\n".join(out), flush=True)
    out = []
    # (d) export with sealed identities vs the same database with the sealed columns emptied
    out_dir = folder / "usb"
    for name in ("sealed", "raw"):
        (out_dir / name).mkdir(parents=True)
    start = time.perf_counter()
    sealed_result = export_bundle(supervisor, out_dir / "sealed")
    sealed_export = time.perf_counter() - start
    with supervisor.db.conn:
        supervisor.db.conn.execute("UPDATE desk_case_identities SET sealed = NULL")
        supervisor.db.conn.execute("UPDATE desk_cases SET notes_sealed = NULL")
    # Bundles are cumulative until the centre acknowledges them: the second carries the same records.
    start = time.perf_counter()
    raw_result = export_bundle(supervisor, out_dir / "raw")
    raw_export = time.perf_counter() - start
    out.append(f"  bundles: {sealed_result.path.stat().st_size:,} and {raw_result.path.stat().st_size:,} bytes")
    out.append(line("(d) export, identities sealed", sealed_export, raw_export, "emptied"))
    session.close()
    return out


def bench_centre(folder: Path, values: int) -> list[str]:
    template = make_template_database(folder)
    clerk = open_clerk(template)
    rows = raw_rows(clerk.catalogue, clerk, generate_inputs(clerk.catalogue, values))
    raw_insert(clerk.db, rows)
    clerk.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    copy = file_copy_seconds(clerk.path)
    start = time.perf_counter()
    rotate_database_key(clerk)
    rekey = time.perf_counter() - start
    out = [f"(b) centre with {values:,} indicator values, {size_mb(clerk.path):.1f} MB",
           line("database key (PRAGMA rekey)", rekey, copy, "file copy")]
    clerk.close()
    return out


def bench_register(folder: Path, cases: int) -> list[str]:
    session = make_register_database(folder, cases)
    admin_key = session.identity_key
    assert admin_key is not None  # add_user of the supervisor made it, in this session
    uuids = [row[0] for row in session.db.execute("SELECT uuid FROM desk_cases")]
    with session.db.conn:
        session.db.conn.executemany("INSERT INTO desk_case_identities (case_uuid, sealed) VALUES (?, ?)",
                                    [(u, seal_identity(admin_key, u, FAKE_IDENTITY)) for u in uuids])
        session.db.conn.executemany("UPDATE desk_cases SET notes_sealed = ? WHERE uuid = ?",
                                    [(seal(admin_key, u, "notes", "Demo note (synthetic)."), u) for u in uuids])
    model, raw = paired_medians(timed(lambda: desk_case_page(session)), timed(lambda: raw_page(session, DeskFilter())))
    one = uuids[len(uuids) // 2]

    def raw_case() -> None:
        session.db.conn.execute("SELECT * FROM desk_cases WHERE uuid = ?", [one]).fetchall()
        session.db.conn.execute("SELECT * FROM desk_case_identities WHERE case_uuid = ?", [one]).fetchall()

    opened, raw_one = paired_medians(timed(lambda: get_desk_case(session, one)), timed(raw_case))
    session.close()
    return [f"(c) desk register, {cases:,} cases with sealed identities and notes",
            f"  first page: desk_case_page {model * 1000:.2f} ms, raw {raw * 1000:.2f} ms, ratio {model / raw:.2f} "
            f"(goal <= 3)",
            f"  one case unsealed: get_desk_case {opened * 1000:.2f} ms, raw {raw_one * 1000:.2f} ms, "
            f"ratio {opened / raw_one:.1f} (for information)"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", action="store_true", help="100,000 values and 20,000 cases")
    parser.add_argument("--folder", help="where to build the databases (default: a temporary folder)")
    args = parser.parse_args(argv)
    values, cases = (100_000, 20_000) if args.small else (1_000_000, 200_000)
    folder = bench_folder(args.folder) if args.folder else Path(tempfile.mkdtemp(prefix="mizan-bench-identity-"))
    print(machine_line())
    try:
        for part, build in (("district", bench_district), ("centre", lambda f: bench_centre(f, values)),
                            ("register", lambda f: bench_register(f, cases))):
            sub = folder / part
            sub.mkdir(parents=True, exist_ok=True)
            for text in build(sub):
                print(text, flush=True)
    finally:
        if not args.folder:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
