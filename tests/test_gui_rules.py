"""The interface holds no rule of its own: every limit, bucket and rule code it needs comes from the engine.

The grep tests read every module of gui/ (sub-packages too) as Python, not as text, so that a docstring
or a comment may talk about "8 characters" while code may not spell it: they look at the literals the
code uses. The engine's values are read from storage, so a changed rule changes what is looked for.
"""

from __future__ import annotations

import ast
import dataclasses
import datetime as dt
import re
from pathlib import Path

import pytest

from storage.core.roles import MIN_PASSWORD_LENGTH
from storage.reference.catalogue import Validity, load_catalogue
from storage.validation import (
    CROSS_CELL_RULES,
    RULES,
    DeskContext,
    bucket_order,
    check_desk_case,
    days_bucket,
)
from tests.gui_fixtures import no_task_outlives_its_test  # noqa: F401  (an autouse fixture)

GUI = Path(__file__).resolve().parent.parent / "gui"
# The shipped catalogue's thresholds: the GUI may copy none of them.
THRESHOLDS = load_catalogue("en").thresholds
MAX_CLIENT_AGE = THRESHOLDS.max_client_age
BUCKET_LABELS = {days_bucket(days, THRESHOLDS) for days in (None, *range(0, 40))}


def gui_modules() -> list[Path]:
    modules = sorted(GUI.rglob("*.py"))
    assert len(modules) > 30 and any(path.parent != GUI for path in modules)  # sub-packages are read too
    return modules


def literals(path: Path) -> list[tuple[int, object]]:
    """(line, value) of every number and string the code of ``path`` uses; docstrings are not code."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(node.value) for node in ast.walk(tree)
                  if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)}
    return [(node.lineno, node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and id(node) not in docstrings and not isinstance(node.value, bool)]


def length_checks(path: Path) -> list[int]:
    """Lines that compare ``len(...)`` with the password length: the password rule written in the GUI."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Compare):
            sides = [node.left, *node.comparators]
            counts = any(isinstance(side, ast.Call) and getattr(side.func, "id", "") == "len" for side in sides)
            if counts and any(isinstance(side, ast.Constant) and side.value == MIN_PASSWORD_LENGTH for side in sides):
                found.append(node.lineno)
    return found


def copies_of_engine_values(path: Path, root: Path = GUI) -> list[str]:
    """Each literal in ``path`` (a module under ``root``) that copies an engine value, with where and which."""
    where = path.relative_to(root.parent)
    found = []
    for line, value in literals(path):
        if isinstance(value, int) and value == MAX_CLIENT_AGE:
            found.append(f"{where}:{line}: {value} (the age limit, the catalogue's thresholds.csv)")
        if isinstance(value, str):
            if value in RULES or re.fullmatch(r"[A-Z]{2,3}_[A-Z0-9_]+", value) and value.split("_")[0] in {
                    code.split("_")[0] for code in RULES}:
                found.append(f"{where}:{line}: {value!r} (a rule code: storage.validation)")
            for label in BUCKET_LABELS:
                if label in value and label != "unknown":  # "unknown" alone is an everyday word
                    found.append(f"{where}:{line}: {value!r} (a reporting-time bucket: storage.validation)")
            if re.search(rf"\b{MIN_PASSWORD_LENGTH}\b[^{{}}]*character", value):
                found.append(f"{where}:{line}: {value!r} (the password length: storage.core.session)")
    found += [f"{where}:{line}: a length compared with {MIN_PASSWORD_LENGTH} (storage.core.roles.check_password_strength)"
              for line in length_checks(path)]
    return found


def test_the_gui_copies_no_engine_value():
    copies = [copy for path in gui_modules() for copy in copies_of_engine_values(path)]
    assert not copies, "\n".join(copies)


@pytest.mark.parametrize("planted", [
    "self.client_age.setRange(-1, 120)",
    'RULES = frozenset({"IV_CELLS_SUM", "IV_CELLS_EXCEED_TOTAL"})',
    'names = {"0-3 days": self.tr("0-3 days")}',
    'intro = self.tr("Use at least 10 characters.")',
    "if len(password) < 10:\n    pass",
])
def test_the_check_finds_a_planted_copy(tmp_path, planted):
    # The control: each kind of copy the test looks for is found when written into a gui module.
    module = tmp_path / "gui" / "screens" / "planted.py"
    module.parent.mkdir(parents=True)
    module.write_text(f'"""Docstrings may say 120, 10 characters, IV_CELLS_SUM or 0-3 days."""\n{planted}\n')
    assert copies_of_engine_values(module, root=tmp_path / "gui")
    docstring_only = module.with_name("clean.py")
    docstring_only.write_text('"""Docstrings may say 120, 10 characters, IV_CELLS_SUM or 0-3 days."""\n')
    assert copies_of_engine_values(docstring_only, root=tmp_path / "gui") == []


def test_the_engine_values_the_gui_uses_are_the_engine_s():
    context = DeskContext(catalogue=load_catalogue(), today=dt.date.today(), desks=set())
    refused = {age: any(found.rule == "DC_AGE_RANGE" for found in check_desk_case(context, {"client_age": age}))
               for age in (MAX_CLIENT_AGE, MAX_CLIENT_AGE + 1)}
    assert refused == {MAX_CLIENT_AGE: False, MAX_CLIENT_AGE + 1: True}  # the engine's own check
    assert set(bucket_order(THRESHOLDS)) == BUCKET_LABELS
    assert CROSS_CELL_RULES <= RULES.keys()


def test_the_case_form_s_age_field_stops_at_the_engine_s_limit(qtbot, supervisor):
    from gui.screens.desk_register.case_form import CaseFormDialog

    form = CaseFormDialog(supervisor)
    qtbot.addWidget(form)
    assert form.client_age.maximum() == MAX_CLIENT_AGE


def test_an_institution_whose_end_date_is_still_to_come_is_shown(qtbot, supervisor, monkeypatch):
    from gui.screens.indicator_entry import IndicatorEntryScreen

    today = dt.date.today()
    institutions = supervisor.catalogue.institutions
    assert institutions["levies"].validity.valid_to < today  # merged into Police in 2025: no longer entered
    validity = {
        "levies": Validity(None, today + dt.timedelta(days=30)),  # closing next month: still entered now
        "prisons": Validity(today + dt.timedelta(days=1), None),  # opens tomorrow: not yet
        "courts": Validity(None, today),  # its last day is today
    }
    for code, span in validity.items():
        monkeypatch.setitem(institutions, code, dataclasses.replace(institutions[code], validity=span))
    screen = IndicatorEntryScreen(supervisor)
    qtbot.addWidget(screen)
    shown = {screen.institution.itemData(row) for row in range(screen.institution.count())}
    assert {"levies", "courts", "police"} <= shown and "prisons" not in shown
