"""Small-cell suppression of every figure derived from desk records: one function, :func:`protect`.

A report derived from desk records publishes counts of people. A count from 1 to ``SMALL_CELL - 1`` could
identify someone, so it is hidden (primary suppression; 0 is shown: nobody is identified by it). Hiding
is not enough when the hidden count can be worked out from what is published: a row total minus the
other cells of the row, the sum of one table's margin minus another table's cells over the same cases,
clients minus referred clients. So every additive relation a report publishes is given to
:func:`protect` together with the cells, and more cells are hidden (complementary suppression) until no
published combination determines any hidden cell.

The construction. Each relation ``total = part_1 + ... + part_n`` is a linear equation over the cells.
Published cells are known numbers; hidden cells, and cells that exist but are never shown (a grand
total, the clients *not* referred), are unknowns. Substituting the published numbers leaves a linear
system in the unknowns; an unknown ``x`` is determined exactly when its unit vector lies in the span of
the system's rows, which exact Gaussian elimination over the rationals (:class:`fractions.Fraction`)
decides: in the reduced row echelon form, ``x`` has a pivot row with no other entry. While some hidden
cell is determined, the smallest non-zero published cell in a relation of the combination that
determines it is hidden too, and the check is run again. Every choice is made in a fixed order (value,
then the order the cells were given in), so the same figures always hide the same cells.

A cell that is never shown can still be sensitive: a district's clients not referred (clients minus
referred) is not printed, but a count of 1 to 4 there identifies people as much as a printed one.
Such cells are given with ``shown`` leaving them out: they are unknowns, and if small they are protected
like a printed small cell.

Limits (docs/security.md, "Small cells"): only the relations given are known to the construction;
differencing between reports, or the same report run at different times, is not covered; the hidden
cells' ranges are not widened beyond "not determined" (a hidden cell may still be known to lie in a
narrow interval).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from fractions import Fraction

# Counts from 1 to SMALL_CELL - 1 are hidden (GBVIMS data protection).
SMALL_CELL = 5
# What a hidden cell reads wherever it is shown (screen, XLSX, CSV, PDF, dashboard).
SUPPRESSED = "<5"


@dataclass(frozen=True)
class Relation:
    """A published additive relation: ``total`` equals the sum of ``parts`` (cells' keys).

    A relation with one part says two cells hold the same count (the same clients shown in two tables).
    """

    total: Hashable
    parts: tuple[Hashable, ...]


@dataclass(frozen=True)
class Protection:
    """What :func:`protect` decided: the shown cells to hide, and which of them are small themselves."""

    hidden: frozenset  # shown cells that read SUPPRESSED
    primary: frozenset  # every cell (shown or not) whose count is from 1 to SMALL_CELL - 1

    @property
    def count(self) -> int:
        """How many shown cells are hidden (the number the report's note gives)."""
        return len(self.hidden)

    def show(self, key: Hashable, value: object) -> object:
        """``value`` as the cell ``key`` is published: itself, or SUPPRESSED."""
        return SUPPRESSED if key in self.hidden else value


def is_small(value: int) -> bool:
    """A count that is hidden by itself: 1 to SMALL_CELL - 1."""
    return 0 < value < SMALL_CELL


def protect(values: Mapping[Hashable, int], relations: Iterable[Relation],
            shown: Iterable[Hashable] | None = None) -> Protection:
    """Which of a report's cells to hide so that no published combination determines a hidden count.

    ``values``: every cell of the report (one report: all its tables together) by a key of the caller's
    choosing, with its true count, including cells that take part in a relation but are never shown.
    ``relations``: every additive relation a reader can know (the tables' totals, totals shown beside
    them, the same clients in two tables). ``shown``: the cells the report prints (default: all).

    Primary suppression hides every count from 1 to SMALL_CELL - 1; complementary suppression then hides
    the smallest non-zero published cell of a determining relation until no hidden or never-shown small
    cell is determined. Deterministic: ties go to the cell given first in ``values``.
    """
    relations = [relation for relation in relations if relation.parts]
    for relation in relations:
        for key in (relation.total, *relation.parts):
            if key not in values:
                raise KeyError(f"relation names the cell {key!r}, which has no value")
    shown_cells = set(values) if shown is None else set(shown)
    # Cells no relation links are independent: a choice in one group never changes what another's published
    # cells determine, so each group is decided on its own (the same cells as deciding them together, since
    # every choice is made within the group whose cell is determined), and the elimination stays small
    # (a trend of 15 desks x 12 months is 12 x 2 small systems, not one large one).
    hidden: set = set()
    primary: set = set()
    for group_values, group_relations in _independent_groups(values, relations):
        found = _protect_group(group_values, group_relations, shown_cells & set(group_values))
        hidden |= found.hidden
        primary |= found.primary
    return Protection(frozenset(hidden), frozenset(primary))


def _independent_groups(values: Mapping[Hashable, int], relations: list[Relation]
                        ) -> list[tuple[dict, list[Relation]]]:
    """The cells split into groups that no relation links, each with its relations; cells keep their order."""
    parent: dict = {key: key for key in values}

    def root(key: Hashable) -> Hashable:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    for relation in relations:
        first = root(relation.total)
        for part in relation.parts:
            other = root(part)
            if other != first:
                parent[other] = first
    groups: dict = {}
    for key, value in values.items():
        groups.setdefault(root(key), ({}, []))[0][key] = value
    for relation in relations:
        groups[root(relation.total)][1].append(relation)
    return list(groups.values())


def _protect_group(values: Mapping[Hashable, int], relations: list[Relation], shown_cells: set) -> Protection:
    """:func:`protect` over one group of cells that the relations link."""
    order = {key: position for position, key in enumerate(values)}
    primary = {key for key, value in values.items() if is_small(int(value))}
    hidden = {key for key in shown_cells if key in primary}
    # Never-shown cells are unknowns whatever their value; only small ones need protecting.
    watched = set(primary)
    while True:
        published = shown_cells - hidden
        exposed = _first_determined(relations, published, watched | hidden, order)
        if exposed is None:
            return Protection(frozenset(hidden), frozenset(primary))
        cell, combination = exposed
        candidates = [key for index in sorted(combination) for key in (relations[index].total, *relations[index].parts)
                      if key in published]
        nonzero = [key for key in candidates if int(values[key]) != 0] or candidates
        if not nonzero:  # cannot happen with consistent figures; never loop for ever on inconsistent ones
            raise ValueError(f"the cell {cell!r} is determined by unpublished figures alone")
        hidden.add(min(nonzero, key=lambda key: (int(values[key]), order[key])))


def determined(relations: Iterable[Relation], published: set, cells: Iterable[Hashable]) -> set:
    """Which of ``cells`` (not published) the published cells and the relations determine exactly."""
    relations = list(relations)
    order: dict = {}
    for relation in relations:
        for key in (relation.total, *relation.parts):
            order.setdefault(key, len(order))
    wanted = set(cells)
    for key in wanted:
        order.setdefault(key, len(order))
    rows = _reduced_rows(relations, published, order)
    return {pivot for pivot, (row, _) in rows.items() if pivot in wanted and len(row) == 1}


def _first_determined(relations: list[Relation], published: set, watched: set, order: dict
                      ) -> tuple[Hashable, set[int]] | None:
    """The first watched cell (in ``order``) that the relations determine, with the relations combined."""
    rows = _reduced_rows(relations, published, order)
    found = [(order[pivot], pivot, combination) for pivot, (row, combination) in rows.items()
             if pivot in watched and len(row) == 1]
    if not found:
        return None
    _, pivot, combination = min(found, key=lambda item: item[0])
    return pivot, combination


def _reduced_rows(relations: list[Relation], published: set, order: dict
                  ) -> dict[Hashable, tuple[dict[Hashable, Fraction], set[int]]]:
    """The reduced row echelon form of the relations over the unknown (unpublished) cells.

    Rows are sparse ({cell: coefficient}); each carries the relations it was combined from. Returns
    {pivot cell: (row, relations)}. Published cells drop out (they are known numbers, the right-hand
    side, which does not matter for what is determined).
    """
    pending: list[tuple[dict, set[int]]] = []
    for index, relation in enumerate(relations):
        row: dict = {}
        if relation.total not in published:
            row[relation.total] = row.get(relation.total, 0) + Fraction(1)
        for part in relation.parts:
            if part not in published:
                row[part] = row.get(part, 0) - Fraction(1)
        row = {key: value for key, value in row.items() if value}
        if row:
            pending.append((row, {index}))
    pivots: dict = {}
    # Which pivot rows hold each cell: the new pivot leaves exactly those, not every row (a report has
    # thousands of unknown cells, most of them alone in their rows).
    holders: dict = {}

    def subtract(target: dict, owner, factor: Fraction, source: dict) -> None:
        for key, value in source.items():
            updated = target.get(key, 0) - factor * value
            if updated:
                if key not in target and owner is not None:
                    holders.setdefault(key, set()).add(owner)
                target[key] = updated
            elif key in target:
                del target[key]
                if owner is not None:
                    holders[key].discard(owner)

    for row, combination in pending:
        row, combination = dict(row), set(combination)
        # Eliminate the existing pivots from the new row (a pivot row holds no other pivot).
        for pivot in [key for key in sorted(row, key=order.__getitem__) if key in pivots]:
            if pivot in row:
                pivot_row, pivot_combination = pivots[pivot]
                subtract(row, None, row[pivot], pivot_row)
                combination |= pivot_combination
        if not row:
            continue
        pivot = min(row, key=order.__getitem__)
        scale = row[pivot]
        row = {key: value / scale for key, value in row.items()}
        # Keep the form reduced: the new pivot leaves every other row.
        for other in sorted(holders.get(pivot, ()), key=order.__getitem__):
            other_row, other_combination = pivots[other]
            subtract(other_row, other, other_row[pivot], row)
            other_combination |= combination
        pivots[pivot] = (row, combination)
        for key in row:
            holders.setdefault(key, set()).add(pivot)
    return pivots
