"""The desk register on a large database: the GUI's model against the raw SQL of the same page.

    .venv/bin/python bench/bench_desk_register.py            # 200,000 desk cases
    .venv/bin/python bench/bench_desk_register.py --small    # 20,000

Setup: a fresh encrypted district database, then N synthetic desk cases inserted with one raw
``executemany`` into ``desk_cases`` on the session's own connection, in one transaction. That is a
setup shortcut only (no validation, no case children, no sealed audit chain; the audit triggers do
run): the register reads nothing but ``desk_cases``, so the rows only have to look like real ones.

Measured after a warm-up, model and raw runs alternating in the same process (lower quartile of each):

(a) opening the register: ``DeskRegisterModel(session)`` (its first page, ``rowCount`` ready) vs
    executing the same first-page SELECT and fetching its rows. Goal: model / raw <= 3.
(b) a filter change: ``model.set_filter(status=closed, one quarter's report dates)`` vs the same
    filtered first-page SELECT. Goal: model / raw <= 3.

For information: the count behind the "N cases" label (the screens run it off the GUI thread), a
search by part of a client code, a scroll (``fetchMore``) deep into the register, a re-sort, and
EXPLAIN QUERY PLAN of each query, flagging any that sorts in a temporary B-tree or reads the whole
table. ``--with-index`` adds the index this benchmark recommends to the throwaway database first.
Machines are noisy; only the ratios of one run mean anything.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import gc
import os
import platform
import random
import shutil
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import sqlcipher3  # noqa: E402
from PySide6.QtCore import QCoreApplication, QModelIndex, Qt  # noqa: E402

from gui.screens.desk_register.register import COLUMN_CASE_NUMBER, COLUMN_FOLLOWUP_DATE, DeskRegisterModel  # noqa: E402
from gui.widgets.paged_model import PAGE_SIZE  # noqa: E402
from storage.core.clock import utc_now  # noqa: E402
from storage.core.session import Session, create_database
from storage.records.desk import REGISTER_COLUMNS, DeskFilter, list_desks  # noqa: E402
from storage.records.users import add_user  # noqa: E402

DEFAULT_CASES, SMALL_CASES = 200_000, 20_000
GOAL = 3.0
RUNS = 31
SUPERVISOR, PASSWORD = "sana", "bench-supervisor-1"
FIRST_DAY = dt.date(2024, 5, 1)  # the desks opened in May 2024
GBV_WEIGHTS = {"rape": 2, "sexual_assault": 4, "physical_assault": 30, "forced_marriage": 4,
               "denial_of_resources": 8, "psychological_abuse": 22, "non_gbv": 30}
# Live cases by report date: the register's order (report_date DESC, id DESC) and date ranges, read with
# ``deleted = 0`` checked in the index, so the count and skipped pages (OFFSET) never read table rows.
RECOMMENDED_INDEX = "CREATE INDEX desk_cases_live_by_date ON desk_cases (report_date) WHERE deleted = 0"
SEX_WEIGHTS = {"female": 85, "male": 10, "transgender": 4, "unknown": 1}


# -- setup -----------------------------------------------------------------------------------------------


def make_database(folder: Path, cases: int, seed: int = 7) -> Session:
    """A district database whose register holds ``cases`` synthetic cases (raw insert: setup only)."""
    admin, _ = create_database(folder / "register.db", role="district", district="QUETTA",
                               device_name="bench", admin="admin", password="bench-admin-1")
    add_user(admin, SUPERVISOR, "supervisor", PASSWORD)
    session = dataclasses.replace(admin, user=SUPERVISOR, role="supervisor")  # same connection, a role that reads cases
    desks = [desk["code"] for desk in list_desks(session)]
    rng = random.Random(seed)
    days = (dt.date.today() - FIRST_DAY).days
    sequence: dict[tuple[str, int], int] = {}
    now, device, hlc = utc_now(), session.device_id, session.clock.now()
    rows = []
    for report_day in sorted(FIRST_DAY + dt.timedelta(days=rng.randrange(days)) for _ in range(cases)):
        desk = rng.choice(desks)
        number = sequence[desk, report_day.year] = sequence.get((desk, report_day.year), 0) + 1
        age = rng.randint(6, 70)
        closed = rng.random() < 0.4
        rows.append((
            f"{desk}-{report_day.year}-{number:05d}", desk, "QUETTA", report_day.isoformat(),
            f"C-{rng.getrandbits(30):08X}", rng.choices(list(SEX_WEIGHTS), list(SEX_WEIGHTS.values()))[0],
            age, "under18" if age < 18 else "adult",
            rng.choices(list(GBV_WEIGHTS), list(GBV_WEIGHTS.values()))[0],
            "closed" if closed else "open", "needs_met" if closed else None,
            None if closed else (report_day + dt.timedelta(days=rng.randint(3, 30))).isoformat(),
            1, 1, SUPERVISOR, now, str(uuid.UUID(int=rng.getrandbits(128), version=4)), hlc, device))
    columns = ("case_number", "desk", "district", "report_date", "client_code", "client_sex", "client_age",
               "client_age_group", "gbv_type", "status", "closing_reason", "followup_date", "consent_services",
               "consent_reporting", "entered_by", "entered_at", "uuid", "hlc", "origin_device")
    with session.db.conn:  # one transaction on the session's own connection
        session.db.conn.executemany(
            f"INSERT INTO desk_cases ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})", rows)
    session.db.execute("ANALYZE")
    return session


# -- measuring --------------------------------------------------------------------------------------------


def timed(action: Callable[[], object]) -> Callable[[], float]:
    """``action`` as a step that returns how long it took."""
    def step() -> float:
        start = time.perf_counter()
        action()
        return time.perf_counter() - start
    return step


def paired_medians(model_step: Callable[[], float], raw_step: Callable[[], float],
                   runs: int = RUNS) -> tuple[float, float]:
    """Typical seconds of two steps run alternately (so drift falls on both alike), after a warm-up.

    "Typical" is the lower quartile: on a shared machine a preemption only ever adds time, and a
    few 10 ms stalls among 1 ms runs would otherwise decide a ratio (as ``timeit`` prefers the
    minimum). Each step times itself, so it may do untimed preparation first. The garbage collector
    is paused as in ``timeit``: a collection of the Qt-laden heap would land on one side at random.
    """
    model_step(), raw_step()
    model_times, raw_times = [], []
    gc.collect()
    gc.disable()
    try:
        for _ in range(runs):
            model_times.append(model_step())
            raw_times.append(raw_step())
    finally:
        gc.enable()
    return lower_quartile(model_times), lower_quartile(raw_times)


def lower_quartile(times: list[float]) -> float:
    return statistics.quantiles(times, n=4)[0] if len(times) > 1 else times[0]


def raw_page(session: Session, desk_filter: DeskFilter, offset: int = 0, order: str = "report_date DESC, id DESC"):
    """The page's SQL run directly on the connection, rows left as tuples: the baseline."""
    where, params = desk_filter.where()
    sql = f"SELECT {', '.join(REGISTER_COLUMNS)} FROM desk_cases WHERE {where} ORDER BY {order} LIMIT ? OFFSET ?"
    return session.db.conn.execute(sql, [*params, PAGE_SIZE, offset]).fetchall()


def raw_count(session: Session, desk_filter: DeskFilter) -> int:
    where, params = desk_filter.where()
    return session.db.conn.execute(f"SELECT count(*) FROM desk_cases WHERE {where}", params).fetchone()[0]


def query_plan(session: Session, desk_filter: DeskFilter, order: str | None = "report_date DESC, id DESC") -> str:
    where, params = desk_filter.where()
    if order:
        sql = f"SELECT {', '.join(REGISTER_COLUMNS)} FROM desk_cases WHERE {where} ORDER BY {order} LIMIT 200"
    else:
        sql = f"SELECT count(*) FROM desk_cases WHERE {where}"
    return "; ".join(row[3] for row in session.db.conn.execute(f"EXPLAIN QUERY PLAN {sql}", params))


def plan_verdict(plan: str) -> str:
    """What a plan means for a first page (or a count), in words."""
    if "TEMP B-TREE" in plan:
        return "sorts every matching row first (no index in this order)"
    if "USING COVERING INDEX" in plan:
        return "reads one index only, no table rows"
    if plan.startswith("SEARCH"):
        return "an index narrows the rows and gives the order"
    if "USING INDEX" in plan or "USING INTEGER PRIMARY KEY" in plan:
        return "walks an index in order until a page matches"
    return "reads the whole table"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=DEFAULT_CASES)
    parser.add_argument("--small", action="store_true", help=f"{SMALL_CASES:,} cases instead")
    parser.add_argument("--dir", help="where the throwaway database goes (default: a temporary folder)")
    parser.add_argument("--with-index", action="store_true",
                        help="add the recommended index to the throwaway database first, to see what it changes")
    args = parser.parse_args(argv)
    cases = SMALL_CASES if args.small else args.cases
    QCoreApplication.instance() or QCoreApplication([])
    folder = Path(tempfile.mkdtemp(prefix="mizan-bench-register-", dir=args.dir))
    try:
        print(f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
              f"SQLCipher/SQLite {sqlcipher3.sqlite_version}")
        start = time.perf_counter()
        session = make_database(folder, cases)
        print(f"Setup: {cases:,} desk cases by raw executemany in {time.perf_counter() - start:.1f} s "
              f"(setup only, not measured)")
        if args.with_index:
            session.db.execute(RECOMMENDED_INDEX)
            session.db.execute("ANALYZE")
            print(f"With the recommended index: {RECOMMENDED_INDEX}")
        print()
        try:
            return report(session)
        finally:
            session.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def report(session: Session) -> int:
    everything = DeskFilter()
    cases = raw_count(session, everything)
    last_quarter_end = dt.date.today().replace(day=1) - dt.timedelta(days=1)
    quarter_start = (last_quarter_end - dt.timedelta(days=80)).replace(day=1)
    closed_in_quarter = DeskFilter(status="closed", date_from=quarter_start.isoformat(),
                                   date_to=last_quarter_end.isoformat())
    model = DeskRegisterModel(session)
    assert model.rowCount() == PAGE_SIZE

    open_model, open_raw = paired_medians(timed(lambda: DeskRegisterModel(session).rowCount()),
                                          timed(lambda: raw_page(session, everything)))

    def change_filter() -> float:
        model.set_filter(everything)  # back to the whole register first (untimed): each run really changes it
        return timed(lambda: model.set_filter(closed_in_quarter))()

    filter_model, filter_raw = paired_medians(change_filter, timed(lambda: raw_page(session, closed_in_quarter)))
    assert [model.row(row)["uuid"] for row in range(model.rowCount())] == \
        [row[0] for row in raw_page(session, closed_in_quarter)]

    lines = [("(a) open the register: model + first page", open_model, open_raw, GOAL),
             (f"(b) filter: closed, {quarter_start} to {last_quarter_end}", filter_model, filter_raw, GOAL)]

    # For information: the count label, a deep scroll, a re-sort.
    def count_label() -> float:
        fresh = DeskRegisterModel(session)  # untimed: the count is asked after the first page is shown
        return timed(fresh.total)()

    count_model, count_raw = paired_medians(count_label, timed(lambda: raw_count(session, everything)))
    deep = DeskRegisterModel(session)
    while deep.rowCount() < min(50_000, deep.total() // 2) and deep.canFetchMore(QModelIndex()):
        deep.fetchMore(QModelIndex())
    offset = deep.rowCount()
    # Each model run loads the next page; the raw side reads the page at the model's current offset.
    deep_model, deep_raw = paired_medians(timed(lambda: deep.fetchMore(QModelIndex())),
                                          timed(lambda: raw_page(session, everything, deep.rowCount())))
    model.set_filter(everything)
    orders = iter(range(1_000_000))

    def resort() -> float:
        order = Qt.SortOrder.AscendingOrder if next(orders) % 2 else Qt.SortOrder.DescendingOrder
        return timed(lambda: model.sort(COLUMN_CASE_NUMBER, order))()

    raw_orders = iter(range(1_000_000))
    sort_model, sort_raw = paired_medians(resort, timed(lambda: raw_page(
        session, everything, order="case_number DESC, id DESC" if next(raw_orders) % 2 == 0 else "case_number, id")))
    some_code = raw_page(session, everything, offset=cases // 3)[0][4]
    search = DeskFilter(search=some_code[2:7])
    searching = DeskRegisterModel(session)  # in the register's own order: newest first
    search_model, search_raw = paired_medians(timed(lambda: searching.set_filter(search)),
                                              timed(lambda: raw_page(session, search)), runs=5)
    follow_ups = DeskRegisterModel(session)
    follow_up_orders = iter(range(1_000_000))

    def sort_by_follow_up() -> float:
        order = Qt.SortOrder.AscendingOrder if next(follow_up_orders) % 2 else Qt.SortOrder.DescendingOrder
        return timed(lambda: follow_ups.sort(COLUMN_FOLLOWUP_DATE, order))()

    follow_up_model, follow_up_raw = paired_medians(sort_by_follow_up, timed(lambda: raw_page(
        session, everything, order="followup_date DESC, id DESC")), runs=5)
    lines += [("    'N cases' count, whole register (off GUI thread)", count_model, count_raw, None),
              ("    search: part of a client code", search_model, search_raw, None),
              (f"    scroll: one more page from row {offset:,}", deep_model, deep_raw, None),
              ("    sort by case number (either way)", sort_model, sort_raw, None),
              ("    sort by follow-up date (either way)", follow_up_model, follow_up_raw, None)]

    print(f"Desk register, {raw_count(session, everything):,} cases, pages of {PAGE_SIZE}, lower quartile of {RUNS} "
          "alternating runs")
    print(f"{'':56} {'model ms':>9} {'raw ms':>8} {'ratio':>6}  goal")
    failed = False
    for label, measured, raw, goal in lines:
        ratio = measured / raw if raw > 0 else float("inf")
        verdict = "" if goal is None else (f"<= {goal:g}  " + ("met" if ratio <= goal else "NOT MET"))
        failed |= goal is not None and ratio > goal
        print(f"{label:56} {measured * 1000:9.2f} {raw * 1000:8.2f} {ratio:6.2f}  {verdict}")

    print("\nQuery plans (EXPLAIN QUERY PLAN):")
    plans = [("first page", everything, "report_date DESC, id DESC"),
             ("closed, one quarter", closed_in_quarter, "report_date DESC, id DESC"),
             ("status closed only", DeskFilter(status="closed"), "report_date DESC, id DESC"),
             ("one desk", DeskFilter(desk="QTA-CITY"), "report_date DESC, id DESC"),
             ("one GBV type", DeskFilter(gbv_type="rape"), "report_date DESC, id DESC"),
             ("sorted by case number", everything, "case_number DESC, id DESC"),
             ("sorted by follow-up date", everything, "followup_date DESC, id DESC"),
             ("count, whole register", everything, None),
             ("count, closed in a quarter", closed_in_quarter, None),
             ("search", DeskFilter(search="ABC"), "report_date DESC, id DESC")]
    for label, desk_filter, order in plans:
        plan = query_plan(session, desk_filter, order)
        print(f"  {label:26} {plan_verdict(plan):56} {plan}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
