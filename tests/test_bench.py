"""The benchmarks run, their rows are realistic, and the speed-ups kept behaviour (no timing asserts)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import uuid
from pathlib import Path

import pytest

from bench import bench_load, bench_write
from bench._common import bench_districts, format_memory_table, format_table, generate_inputs
from storage.core import audit
from storage.records.values import _new_uuids
from storage.reference.catalogue import load_catalogue
from storage.validation import ValueContext, check_values


def test_generated_rows_are_valid_and_raise_no_warning():
    """The benchmark measures the happy path: every generated value passes without an issue."""
    catalogue = load_catalogue()
    inputs = generate_inputs(catalogue, 6000)
    assert len(inputs) == 6000
    assert len({v.district for v in inputs}) > 1 and len({v.period for v in inputs}) > 1
    assert {v.district for v in inputs} <= set(bench_districts(catalogue))
    assert len({(v.indicator, v.district, v.period, v.cell) for v in inputs}) == len(inputs)
    context = ValueContext(catalogue=catalogue, today=dt.date.today(), own_district=None)
    checked = check_values(context, inputs)
    assert [issue for value in checked for issue in value.issues] == []


def test_new_uuids_are_distinct_version_4_texts():
    made = list(_new_uuids(10_000, block=999))
    assert len(made) == len(set(made)) == 10_000
    for text in made[:2000]:
        parsed = uuid.UUID(text)
        assert str(parsed) == text and parsed.version == 4 and parsed.variant == uuid.RFC_4122
    assert list(_new_uuids(0)) == []


def test_seal_digest_is_sha256_of_the_canonical_json():
    """The faster encoder must give byte for byte the text the chain was defined with."""
    rows = [(1, "2026-11-24T00:00:00.000Z", "clära", "insert", "indicator_values", "k", None,
             '{"a":"ü \\"quoted\\" \u2028","b":1.5,"c":null}'),
            (2, "t", "admin", "update", "users", "1", '{"x":"😀\\n\\t\\u0000"}', "")]
    head = audit.GENESIS
    for row in rows:
        canonical = json.dumps(list(row), ensure_ascii=False, separators=(",", ":"))
        expected = hashlib.sha256((head + canonical).encode("utf-8")).hexdigest()
        assert audit._row_digest(head, row) == expected
        head = expected


@pytest.mark.slow
def test_benchmarks_run_and_print_their_tables(tmp_path: Path):
    (tmp_path / "write").mkdir()
    (tmp_path / "load").mkdir()
    write_lines = bench_write.run(1500, tmp_path / "write")
    load_lines, memory_lines = bench_load.run(1200, tmp_path / "load", xlsx=True, memory=True)
    for lines in (write_lines, load_lines):
        assert all(line.span.wall > 0 for line in lines if line.rows)
        assert [line.verdict for line in lines if line.goal is not None][0] in ("PASS", "MISS")
    assert all(line.peak_mb > 20 for line in memory_lines) and len(memory_lines) == 3
    table = format_table("(a)", write_lines) + format_memory_table("(c)", memory_lines)
    assert re.search(r"API save_indicator_values vs baseline .* >=0\.50 +(PASS|MISS)", table)
    assert "<300 MB" in table
