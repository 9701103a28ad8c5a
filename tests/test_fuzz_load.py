"""Fuzzing ``load``: mutated CSV and XLSX sheets end as "written, every row" or "refused, nothing written, every
problem listed with a rule code", never an unhandled exception, a hang or a partial write.

One Quetta district per module; the sheet every example starts from is a valid month of Quetta's entry sheet
(as the benchmarks make it). Mutations: bytes flipped, cut, inserted; other encodings; cells set to odd
values (huge numbers, NaN and Infinity, Urdu digits, formulas, NUL, very long text, dates, booleans); rows
duplicated, dropped, shortened or lengthened; columns renamed, reordered, dropped or added; and for XLSX the
workbook's inner XML changed (bytes flipped, cut, a sheet made huge but tiny when compressed).

Each load runs inside an outer transaction rolled back afterwards, so every example starts from the same
database; the table counts are compared with the pristine ones after every rollback.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from bench._common import _sheet_rows, sheet_indicators
from storage.core.session import open_session
from storage.records.values import VALUE_KEYS
from storage.reference.catalogue import load_catalogue
from storage.sheets.tables import LoadReport
from storage.sheets.values import load_values
from tests.conftest import SUPERVISOR_PASSWORD, table_counts
from tests.fuzz_common import ODD_JSON_TOKENS, Tally, fuzz_settings, time_limit
from tests.sync_helpers import last_month, make_district

TIME_LIMIT = 60
RULE_CODE = re.compile(r"^[A-Z]{2}_[A-Z_]+$")
TALLY = Tally("test_fuzz_load")


class World:
    """The district, its supervisor's session and the valid sheet (a plain class: short in hypothesis's output)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.session = open_session(make_district(folder), "sana", SUPERVISOR_PASSWORD)
        catalogue = load_catalogue()
        self.rows: list[list] = []
        for code, period in sheet_indicators(catalogue, last_month()):
            for value in _sheet_rows(catalogue, code, "QUETTA", period):
                self.rows.append([value.indicator, value.district, value.period, value.cell, value.value,
                                  value.numerator, value.denominator, value.comment])
        self.pristine = table_counts(self.session)
        self.xlsx = xlsx_bytes(list(VALUE_KEYS), self.rows)

    def __repr__(self) -> str:
        return f"World({self.folder})"


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    built = World(tmp_path_factory.mktemp("fuzz-load"))
    yield built
    TALLY.write()
    built.session.close()


def csv_bytes(header: list, rows: list[list], encoding: str = "utf-8") -> bytes:
    text = io.StringIO()
    writer = csv.writer(text)
    writer.writerow(header)
    writer.writerows(rows)
    return text.getvalue().encode(encoding, "surrogatepass")


def xlsx_bytes(header: list, rows: list[list]) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "values"
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def run_load(world: World, data: bytes, suffix: str, test: str) -> LoadReport:
    """Load ``data`` as a sheet inside a rolled-back outer transaction and check the outcome."""
    path = world.folder / f"sheet{suffix}"
    path.write_bytes(data)
    db = world.session.db
    db.conn.execute("BEGIN")
    try:
        with time_limit(TIME_LIMIT, "one load"):
            report = load_values(world.session, path)
        counts = table_counts(world.session)
        if report.ok:
            saved = report.saved
            assert saved is not None
            written = counts["indicator_values"] - world.pristine["indicator_values"]
            assert written == saved.new and written + saved.updated + saved.unchanged == report.rows - report.blank_rows
            for value, numerator, denominator in db.execute(
                    "SELECT value, numerator, denominator FROM indicator_values"):
                for figure in (value, numerator, denominator):
                    assert figure is None or (isinstance(figure, int | float) and abs(figure) < 1e300), figure
        else:
            assert counts == world.pristine, "a refused load wrote something"
            assert all(RULE_CODE.match(problem.rule) and problem.message for problem in report.problems)
    finally:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
    assert table_counts(world.session) == world.pristine, "the load committed outside its transaction"
    TALLY.add(test, "written" if report.ok else "refused: " + ",".join(sorted({p.rule for p in report.problems})))
    return report


# -- mutations -------------------------------------------------------------------------------------------

odd_cells = st.one_of(
    st.sampled_from([*ODD_JSON_TOKENS, "NaN", "nan", "inf", "-inf", "1e400", "1e300", "-1e300", "1,000", "1.000,5",
                     "\u0661\u0662\u0663", "\u06f1\u06f2", "=1+1", "=A1*2", "@SUM(A1)", " 12 ", "12 ", "0x1F", "1_000",
                     "\x00", "12\x00", "-0", "+5", ".5", "5.", "1e5", "9" * 30, "9" * 5000, "TOTAL", "Total ",
                     "age=adult;sex=female", "sex=female;age=adult", "age=adult", "2026-13", "2026Q0", "QUETTA ",
                     "quetta", "PISHIN", "", " ", "x" * 5000]),
    st.text(max_size=20),
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
    st.floats().map(repr),
)

xlsx_cells = st.one_of(
    # openpyxl refuses control characters in cell text, and text starting with "=" is a formula
    odd_cells.filter(lambda text: not text.startswith("=") and not ILLEGAL_CHARACTERS_RE.search(text)),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False),
    st.booleans(),
    st.dates(min_value=dt.date(1900, 3, 1), max_value=dt.date(2100, 1, 1)),
    st.none(),
)


def mutate_table(data: st.DataObject, header: list, rows: list[list], cells: st.SearchStrategy) -> tuple[list, list]:
    """Semantic mutations of the sheet as a table (the same for CSV and XLSX)."""
    header, rows = list(header), [list(row) for row in rows]
    for _ in range(data.draw(st.integers(1, 4))):
        kind = data.draw(st.sampled_from(["cell", "cell", "cell", *["figure"] * 6, "duplicate row", "drop row",
                                          "short row", "long row", "rename column", "reorder columns",
                                          "drop column", "add column", "blank rows"]))
        if kind == "figure":
            # A figure of an indicator with a single cell: no total to disagree with, so an odd figure that
            # parses reaches the rules and the write, not just the cells-add-up check.
            _odd_figure(data, header, rows, cells)
        elif kind == "cell" and rows:
            row = data.draw(st.integers(0, len(rows) - 1))
            column = data.draw(st.integers(0, len(header) - 1))
            rows[row] += [None] * (column + 1 - len(rows[row]))  # a row shortened before
            rows[row][column] = data.draw(cells)
        elif kind == "duplicate row" and rows:
            rows.append(list(data.draw(st.sampled_from(rows))))
        elif kind == "drop row" and rows:
            del rows[data.draw(st.integers(0, len(rows) - 1))]
        elif kind == "short row" and rows:
            row = data.draw(st.integers(0, len(rows) - 1))
            rows[row] = rows[row][: data.draw(st.integers(0, len(rows[row])))]
        elif kind == "long row" and rows:
            rows[data.draw(st.integers(0, len(rows) - 1))].extend(data.draw(st.lists(cells, min_size=1, max_size=3)))
        elif kind == "rename column":
            header[data.draw(st.integers(0, len(header) - 1))] = data.draw(st.sampled_from(
                ["Indicator", " value ", "VALUE", "", "comment", "value", "indicator\u200b", "x"]))
        elif kind == "reorder columns":
            order = data.draw(st.permutations(range(len(header))))
            header = [header[i] for i in order]
            rows = [[row[i] if i < len(row) else None for i in order] for row in rows]
        elif kind == "drop column":
            column = data.draw(st.integers(0, len(header) - 1))
            del header[column]
            for row in rows:
                if column < len(row):
                    del row[column]
        elif kind == "add column":
            header.append(data.draw(st.sampled_from(["extra", "value", "note", ""])))
            for row in rows:
                row.append(data.draw(cells))
        elif kind == "blank rows":
            at = data.draw(st.integers(0, len(rows)))
            rows[at:at] = [[None] * len(header)] * data.draw(st.integers(1, 3))
    return header, rows


odd_figures = st.sampled_from(["1e20", "1e300", "-1e300", "9223372036854775807", "9223372036854775808",
                               "-9223372036854775809", "9" * 30, "1e18", "0.000001", "-0", "1e-300", "12.0",
                               "١٢", "1,000,000", "NaN", "inf", "0", "-5", "4.5"])


def _odd_figure(data: st.DataObject, header: list, rows: list[list], cells: st.SearchStrategy) -> None:
    names = [str(name).strip().lower() for name in header]
    if "indicator" not in names or not rows:
        return
    at_indicator = names.index("indicator")
    indicators = Counter(row[at_indicator] for row in rows if at_indicator < len(row))
    singles = [i for i, row in enumerate(rows) if at_indicator < len(row) and indicators[row[at_indicator]] == 1]
    figures = [names.index(name) for name in ("value", "numerator", "denominator") if name in names]
    if not singles or not figures:
        return
    row = rows[data.draw(st.sampled_from(singles))]
    column = data.draw(st.sampled_from(figures))
    row += [None] * (column + 1 - len(row))
    row[column] = data.draw(st.one_of(odd_figures, cells))


def mutate_bytes(data: st.DataObject, raw: bytes) -> bytes:
    mutable = bytearray(raw)
    kind = data.draw(st.sampled_from(["flip", "cut", "insert"]))
    if kind == "flip":
        for position in data.draw(st.lists(st.integers(0, len(mutable) - 1), min_size=1, max_size=8)):
            mutable[position] ^= data.draw(st.integers(1, 255))
    elif kind == "cut":
        del mutable[data.draw(st.integers(0, len(mutable) - 1)):]
    else:
        at = data.draw(st.integers(0, len(mutable)))
        mutable[at:at] = data.draw(st.binary(min_size=1, max_size=32))
    return bytes(mutable)


@fuzz_settings(60)
@given(data=st.data())
def test_mutated_csv_sheets_load_whole_or_not_at_all(world, data):
    header, rows = list(VALUE_KEYS), world.rows
    kind = data.draw(st.sampled_from(["table", "table", "table", "bytes", "table+bytes", "encoding"]))
    if "table" in kind:
        header, rows = mutate_table(data, header, rows, odd_cells)
    raw = csv_bytes(header, rows)
    if kind == "encoding":
        raw = data.draw(st.sampled_from([
            "\ufeff".encode() + raw, raw.decode().encode("utf-16"), raw.replace(b"\n", b"\r"),
            raw.replace(b",", b";"), raw.replace(b",", b"\t"), b"\x00".join(raw.split(b",")),
            raw + b'\n"' + b"x" * 200_000 + b'"\n', b""]))
    if "bytes" in kind:
        raw = mutate_bytes(data, raw)
    run_load(world, raw, ".csv", f"csv: {kind}")


@fuzz_settings(40)
@given(data=st.data())
def test_mutated_xlsx_sheets_load_whole_or_not_at_all(world, data):
    kind = data.draw(st.sampled_from(["table", "table", "zip bytes", "inner xml", "huge sheet"]))
    header, rows = list(VALUE_KEYS), world.rows
    if kind == "table":
        header, rows = mutate_table(data, header, rows, xlsx_cells)
    # The unchanged workbook is made once: openpyxl stamps the time into it, and hypothesis needs the same
    # draws to see the same bytes.
    raw = xlsx_bytes(header, rows) if kind == "table" else world.xlsx
    if kind == "zip bytes":
        raw = mutate_bytes(data, raw)
    elif kind in ("inner xml", "huge sheet"):
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            members = [(info.filename, archive.read(info)) for info in archive.infolist()]
        names = [name for name, _ in members]
        target = "xl/worksheets/sheet1.xml" if kind == "huge sheet" else data.draw(st.sampled_from(names))
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, content in members:
                if name == target:
                    if kind == "huge sheet":
                        # Rows of empty cells: megabytes of XML that compress to almost nothing.
                        filler = b'<row r="9"><c r="A9"/></row>' * data.draw(st.sampled_from([10_000, 200_000]))
                        content = content.replace(b"</sheetData>", filler + b"</sheetData>")
                    else:
                        content = mutate_bytes(data, content)
                archive.writestr(name, content)
        raw = buffer.getvalue()
    run_load(world, raw, ".xlsx", f"xlsx: {kind}")
