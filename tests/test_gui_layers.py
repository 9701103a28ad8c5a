"""gui/'s layers, as its package docstrings state them, checked on the code (imports inside functions too).

tasks, settings, language  <-  widgets  <-  dialogs  <-  screens  <-  main_window, app
A screen never imports another screen (what two share lives in widgets); nothing in storage/ or sync/
imports gui.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BASE = ("gui.tasks", "gui.settings", "gui.language")
TOP = ("gui.app", "gui.main_window")


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path, root: Path) -> list[tuple[int, str]]:
    """(line, module) of every import in ``path``, at any depth, relative imports resolved."""
    name = module_name(path, root)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            found += [(node.lineno, f"{base}.{alias.name}") for alias in node.names]
    return found


def within(module: str, *packages: str) -> bool:
    return any(module == package or module.startswith(package + ".") for package in packages)


def screen_of(module: str) -> str | None:
    """The screen a module belongs to: gui.screens.<screen>[...]; None for the base and non-screens."""
    parts = module.split(".")
    if parts[:2] != ["gui", "screens"] or len(parts) < 3 or parts[2] == "base":
        return None
    return parts[2]


def layer_breaches(root: Path) -> list[str]:
    problems = []
    for path in sorted((root / "gui").rglob("*.py")):
        name = module_name(path, root)
        for line, target in imports(path, root):
            if not target.startswith("gui"):
                continue
            where = f"{path.relative_to(root)}:{line} imports {target}"
            if within(name, *BASE) and within(target, "gui.widgets", "gui.dialogs", "gui.screens", *TOP):
                problems.append(f"{where}: tasks, settings and language are the base; they import no layer")
            if within(name, "gui.widgets") and within(target, "gui.dialogs", "gui.screens", *TOP):
                problems.append(f"{where}: widgets import nothing from dialogs or screens")
            if within(name, "gui.dialogs") and within(target, "gui.screens", *TOP):
                problems.append(f"{where}: dialogs import nothing from screens")
            if within(name, "gui.screens") and within(target, *TOP):
                problems.append(f"{where}: screens do not import the window or the app")
            mine, theirs = screen_of(name), screen_of(target)
            if mine and theirs and mine != theirs:
                problems.append(f"{where}: a screen imports no other screen; move what they share to widgets")
    for package in ("storage", "sync"):
        for path in sorted((root / package).rglob("*.py")):
            problems += [f"{path.relative_to(root)}:{line} imports {target}: nothing outside gui imports gui"
                         for line, target in imports(path, root) if within(target, "gui")]
    return problems


def test_gui_imports_follow_its_layers():
    assert not layer_breaches(ROOT), "\n".join(layer_breaches(ROOT))


def test_every_gui_package_says_what_it_holds_and_may_import():
    for init in sorted((ROOT / "gui").rglob("__init__.py")):
        docstring = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
        assert docstring, f"{init.relative_to(ROOT)} has no docstring"
    for layer in ("widgets", "dialogs", "screens"):
        docstring = ast.get_docstring(ast.parse((ROOT / "gui" / layer / "__init__.py").read_text(encoding="utf-8")))
        assert "import" in docstring, f"gui/{layer}/__init__.py does not say what it may import"


@pytest.mark.parametrize(("where", "planted"), [
    ("gui/widgets/planted.py", "from gui.screens.dashboard import DashboardScreen"),
    ("gui/dialogs/planted.py", "def later():\n    from gui.screens.base import Screen"),  # inside a function
    ("gui/screens/planted.py", "from gui.screens.desk_register.register import PAGE_SIZE"),
    ("gui/screens/indicator_entry/planted.py", "from ..pkm_log import PkmLogScreen"),  # relative
    ("storage/planted.py", "import gui.app"),
])
def test_a_planted_breach_is_found(tmp_path, where, planted):
    # The control: each kind of breach is reported when written into a copy of the tree's shape.
    for package in ("gui/widgets", "gui/dialogs", "gui/screens/indicator_entry", "storage", "sync"):
        (tmp_path / package).mkdir(parents=True, exist_ok=True)
    (tmp_path / where).write_text(planted + "\n", encoding="utf-8")
    assert layer_breaches(tmp_path)
    allowed = "from gui.widgets.style import ERROR_RED\n" if where.startswith("gui") else "import sqlite3\n"
    (tmp_path / where).write_text(allowed, encoding="utf-8")
    assert layer_breaches(tmp_path) == []
