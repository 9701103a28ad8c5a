"""An attacker's check of small-cell suppression, written apart from storage.reports.suppression.

It knows nothing of linear algebra or of how cells were chosen: it takes the published numbers and the
additive relations a reader knows, and searches for whole-number tables (every count >= 0) that agree
with everything published. A hidden count is safe when at least two such tables give it different values.

The search is a tiny constraint solver: every unknown has an interval, each relation narrows the
intervals of its cells (bounds propagation), and the search splits the smallest open interval. It is
meant for the small tables of the property test, not for whole reports.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping


def alternatives_exist(values: Mapping[Hashable, int], relations: Iterable[tuple[Hashable, tuple]],
                       published: set, cell: Hashable) -> bool:
    """True when some non-negative whole-number table agrees with every published cell and relation
    and gives ``cell`` a value other than its true one."""
    relations = [(total, tuple(parts)) for total, parts in relations]
    bound = sum(int(v) for v in values.values()) + 1  # no count exceeds the sum of all counts
    true = int(values[cell])
    if cell in published:
        return False
    for wanted in ((0, true - 1), (true + 1, bound)):
        if wanted[0] > wanted[1]:
            continue
        domains = {key: (int(values[key]), int(values[key])) if key in published else (0, bound) for key in values}
        domains[cell] = wanted
        if _solve(domains, relations):
            return True
    return False


def exposed_small_cells(values: Mapping[Hashable, int], relations: Iterable[tuple[Hashable, tuple]],
                        published: set) -> list[Hashable]:
    """The counts from 1 to 4 that the published cells and relations pin to one value (or that are printed)."""
    relations = list(relations)
    found = []
    for key, value in values.items():
        if not 0 < int(value) < 5:
            continue
        if key in published or not alternatives_exist(values, relations, published, key):
            found.append(key)
    return found


def _solve(domains: dict, relations: list) -> bool:
    domains = _propagate(dict(domains), relations)
    if domains is None:
        return False
    open_cells = [key for key, (low, high) in domains.items() if low < high]
    if not open_cells:
        return True
    key = min(open_cells, key=lambda k: (domains[k][1] - domains[k][0], str(k)))
    low, high = domains[key]
    middle = (low + high) // 2
    for part in ((low, middle), (middle + 1, high)):
        trial = dict(domains)
        trial[key] = part
        if _solve(trial, relations):
            return True
    return False


def _propagate(domains: dict, relations: list) -> dict | None:
    """Narrow every interval by total = sum(parts) until nothing changes; None when a contradiction."""
    changed = True
    while changed:
        changed = False
        for total, parts in relations:
            low_sum = sum(domains[p][0] for p in parts)
            high_sum = sum(domains[p][1] for p in parts)
            t_low, t_high = domains[total]
            new_total = (max(t_low, low_sum), min(t_high, high_sum))
            if new_total[0] > new_total[1]:
                return None
            if new_total != domains[total]:
                domains[total], changed = new_total, True
            t_low, t_high = domains[total]
            for part in parts:
                p_low, p_high = domains[part]
                others_low = low_sum - p_low
                others_high = high_sum - p_high
                narrowed = (max(p_low, t_low - others_high), min(p_high, t_high - others_low))
                if narrowed[0] > narrowed[1]:
                    return None
                if narrowed != (p_low, p_high):
                    domains[part], changed = narrowed, True
                    low_sum = sum(domains[p][0] for p in parts)
                    high_sum = sum(domains[p][1] for p in parts)
    return domains
