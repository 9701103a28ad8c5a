"""Small-cell suppression as a property: for random small tables with margins, and two tables sharing a
margin, no combination of the published cells determines a count from 1 to 4.

The check is tests/suppression_checker.py, an attacker's search for other whole-number tables that agree
with everything published; it shares no code with storage.reports.suppression.protect.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storage.reports.suppression import SMALL_CELL, Relation, determined, protect
from tests.suppression_checker import exposed_small_cells

COUNTS = st.one_of(st.integers(0, 4), st.integers(0, 12))


@st.composite
def two_tables(draw):
    """Table A (rows x columns) with its row, column and grand totals, and table B over the same cases (the
    same rows, other columns): B's rows add up to A's row totals. Which margins are printed varies; a
    never-printed difference (a row total minus B's first column, as clients minus referred) is watched."""
    rows, columns, other_columns = draw(st.integers(1, 3)), draw(st.integers(1, 3)), draw(st.integers(1, 3))
    a = [[draw(COUNTS) for _ in range(columns)] for _ in range(rows)]
    b = []
    for row in a:
        total = sum(row)
        cuts = sorted(draw(st.integers(0, total)) for _ in range(other_columns - 1))
        edges = [0, *cuts, total]
        b.append([edges[k + 1] - edges[k] for k in range(other_columns)])
    values: dict = {}
    relations: list[Relation] = []
    for i in range(rows):
        for j in range(columns):
            values[("A", i, j)] = a[i][j]
        for k in range(other_columns):
            values[("B", i, k)] = b[i][k]
        values[("row", i)] = sum(a[i])
        relations.append(Relation(("row", i), tuple(("A", i, j) for j in range(columns))))
        relations.append(Relation(("row", i), tuple(("B", i, k) for k in range(other_columns))))
        values[("rest", i)] = sum(a[i]) - b[i][0]
        relations.append(Relation(("row", i), (("B", i, 0), ("rest", i))))
    for j in range(columns):
        values[("A", "col", j)] = sum(a[i][j] for i in range(rows))
        relations.append(Relation(("A", "col", j), tuple(("A", i, j) for i in range(rows))))
    for k in range(other_columns):
        values[("B", "col", k)] = sum(b[i][k] for i in range(rows))
        relations.append(Relation(("B", "col", k), tuple(("B", i, k) for i in range(rows))))
    values["grand"] = sum(map(sum, a))
    relations += [Relation("grand", tuple(("row", i) for i in range(rows))),
                  Relation("grand", tuple(("A", "col", j) for j in range(columns))),
                  Relation("grand", tuple(("B", "col", k) for k in range(other_columns)))]
    shown = {key for key in values if key[0] in ("A", "B")}
    if draw(st.booleans()):
        shown |= {("row", i) for i in range(rows)}
    if draw(st.booleans()):
        shown.add("grand")
    if draw(st.booleans()):  # sometimes B's column totals are not printed
        shown -= {("B", "col", k) for k in range(other_columns)}
    return values, relations, shown


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(two_tables())
def test_no_published_combination_determines_a_small_count(tables):
    values, relations, shown = tables
    protection = protect(values, relations, shown)
    published = shown - protection.hidden
    # Every small printed cell is hidden, no zero is hidden for being small, only printed cells are hidden.
    assert {key for key in shown if 0 < values[key] < SMALL_CELL} <= protection.hidden <= shown
    assert all(values[key] != 0 for key in protection.primary)
    assert exposed_small_cells(values, [(r.total, r.parts) for r in relations], published) == []
    # The same figures hide the same cells.
    assert protect(dict(values), list(relations), set(shown)) == protection


def test_the_sum_of_a_margin_and_the_other_table_give_nothing_away():
    # Rape = 4 by subtraction: by type (rape 4, assault 20), the referral table's clients (24) over the same
    # cases. Hiding rape alone leaves 24 - 20; the assault cell goes too, or the clients.
    values = {"rape": 4, "assault": 20, "clients": 24}
    relations = [Relation("clients", ("rape", "assault"))]
    protection = protect(values, relations)
    assert protection.hidden == {"rape", "assault"}
    assert determined(relations, set(values) - protection.hidden, protection.hidden) == set()
    assert exposed_small_cells(values, [("clients", ("rape", "assault"))], set(values) - protection.hidden) == []


def test_a_small_difference_that_is_never_printed_is_protected():
    # 12 clients, 9 referred: the 3 not referred are never printed, but 12 - 9 gives them.
    values = {"clients": 12, "referred": 9, "not referred": 3}
    protection = protect(values, [Relation("clients", ("referred", "not referred"))], shown={"clients", "referred"})
    assert protection.hidden == {"referred"} and protection.count == 1


def test_zeros_are_shown_and_a_lone_small_cell_beside_zeros_takes_a_non_zero_partner():
    values = {"a": 0, "b": 3, "c": 0, "d": 9, "total": 12}
    protection = protect(values, [Relation("total", ("a", "b", "c", "d"))])
    assert protection.hidden == {"b", "d"}


def test_a_relation_naming_an_unknown_cell_is_refused():
    with pytest.raises(KeyError):
        protect({"a": 1}, [Relation("total", ("a",))])
