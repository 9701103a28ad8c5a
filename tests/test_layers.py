"""The structure guards: storage's layers import downward only, no import cycles anywhere, no Qt outside gui/.

Read with ``ast``, not by importing: an import inside a function counts as much as one at the top of a
module (it is the same dependency, only later). Imports under ``if TYPE_CHECKING:`` are for type hints
alone; they must respect the layers too but do not make cycles, since they never run.

storage's layers, lowest first (a module may import its own package, lower layers, and packages of its
own layer as long as no cycle results):

    0 base       storage (the package), storage.errors, storage.i18n
    1 reference  storage.reference: resources/ data, no database
    2 core       storage.core: the database itself          2 validation  storage.validation: the one engine
    3 records    storage.records
    4 sheets, views, reports
    5 tools      storage.tools: the CLI, demo, self-test

sync imports storage (never gui); printing imports storage and Qt without widgets (never sync or gui); gui
imports all three; nothing imports gui (main.py starts it), and storage and sync never import printing (storage
reaches it through the hooks printing.install_hooks fills).
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("storage", "sync", "printing", "gui")

LAYERS = {
    "storage": 0, "storage.errors": 0, "storage.i18n": 0,
    "storage.reference": 1,
    "storage.core": 2, "storage.validation": 2,
    "storage.records": 3,
    "storage.sheets": 4, "storage.views": 4, "storage.reports": 4,
    "storage.tools": 5,
}
QT_MODULES = ("PySide6", "shiboken6")
WIDGET_MODULES = ("PySide6.QtWidgets", "PySide6.QtSvgWidgets", "PySide6.QtPrintSupport")


@dataclass(frozen=True)
class Import:
    """One import statement of ours: who imports what, where, and whether it runs."""

    importer: str
    imported: str
    line: int
    in_function: bool
    type_only: bool
    explained: bool  # a comment on its line or the line above says why it is inside a function


def module_name(root: Path, path: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def our_modules(root: Path) -> dict[str, Path]:
    """Every module of our packages (recursively) and main.py, by dotted name."""
    found = {"main": root / "main.py"} if (root / "main.py").exists() else {}
    for package in PACKAGES:
        for path in sorted((root / package).rglob("*.py")):
            found[module_name(root, path)] = path
    return found


def _type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def imports_of(name: str, path: Path, modules: dict[str, Path]) -> list[Import]:
    """The imports in one file, each resolved to the most specific module of ours (or the outside name)."""
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: list[Import] = []

    def explained(line: int) -> bool:
        """A comment on the import's line, or on the line above the run of imports it stands in."""
        if "#" in lines[line - 1]:
            return True
        above = line - 2
        while above >= 0 and lines[above].strip().startswith(("import ", "from ")):
            if "#" in lines[above]:
                return True
            above -= 1
        return above >= 0 and lines[above].strip().startswith("#")

    def add(target: str, node: ast.stmt, in_function: bool, type_only: bool) -> None:
        found.append(Import(name, target, node.lineno, in_function, type_only, explained(node.lineno)))

    def visit(node: ast.AST, in_function: bool, type_only: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.Import):
                for alias in child.names:
                    add(alias.name, child, in_function, type_only)
            elif isinstance(child, ast.ImportFrom):
                base = child.module or ""
                if child.level:
                    base = ".".join([*package.split(".")[: len(package.split(".")) - child.level + 1], base]).strip(".")
                for alias in child.names:
                    candidate = f"{base}.{alias.name}"
                    add(candidate if candidate in modules else base, child, in_function, type_only)
            elif isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
                visit(child, True, type_only)
            elif isinstance(child, ast.If) and _type_checking(child):
                for inner in child.body:
                    visit(ast.Module(body=[inner], type_ignores=[]), in_function, True)
                for inner in child.orelse:
                    visit(ast.Module(body=[inner], type_ignores=[]), in_function, type_only)
            else:
                visit(child, in_function, type_only)

    visit(ast.parse(text, str(path)), False, False)
    return found


def all_imports(root: Path) -> list[Import]:
    modules = our_modules(root)
    return [found for name, path in modules.items() for found in imports_of(name, path, modules)]


def layer_of(module: str) -> tuple[str, int] | None:
    """The storage layer a module belongs to (the longest matching prefix), or None outside storage."""
    parts = module.split(".")
    for length in range(len(parts), 0, -1):
        prefix = ".".join(parts[:length])
        if prefix in LAYERS:
            return prefix, LAYERS[prefix]
    return None


def cycles(root: Path) -> list[list[str]]:
    """Import cycles among our modules (type-only imports excluded), each as the list of modules in it."""
    modules = our_modules(root)
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for found in all_imports(root):
        if not found.type_only and found.imported in modules and found.imported != found.importer:
            graph[found.importer].add(found.imported)
    # Tarjan's strongly connected components: any component of more than one module is a cycle.
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[list[str]] = []

    def connect(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for after in sorted(graph[node]):
            if after not in index:
                connect(after)
                low[node] = min(low[node], low[after])
            elif after in on_stack:
                low[node] = min(low[node], index[after])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                components.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            connect(node)
    return components


def upward_imports(root: Path) -> list[str]:
    """Imports from a lower storage layer into a higher one (and storage modules outside every layer)."""
    problems = []
    for found in all_imports(root):
        mine, theirs = layer_of(found.importer), layer_of(found.imported)
        if found.importer.startswith("storage") and mine is None:
            problems.append(f"{found.importer} belongs to no layer: add its package to LAYERS")
        if mine is None or theirs is None or mine[0] == theirs[0]:
            continue
        if theirs[1] > mine[1]:
            problems.append(f"{found.importer}:{found.line} imports {found.imported} "
                            f"({theirs[0]}, layer {theirs[1]}) from {mine[0]} (layer {mine[1]})")
    return problems


def forbidden_imports(root: Path) -> list[str]:
    """Qt in storage or sync, widgets in printing, storage or sync importing printing, storage importing sync
    or gui, sync or printing importing gui."""
    problems = []
    for found in all_imports(root):
        top, target = found.importer.split(".")[0], found.imported.split(".")[0]
        where = f"{found.importer}:{found.line} imports {found.imported}"
        if top in ("storage", "sync") and target in QT_MODULES:
            problems.append(f"{where}: no Qt outside gui/")
        if top == "storage" and target in ("sync", "gui"):
            problems.append(f"{where}: storage imports neither sync nor gui")
        if top == "sync" and target == "gui":
            problems.append(f"{where}: sync never imports gui")
        if top in ("storage", "sync") and target == "printing":
            problems.append(f"{where}: {top} never imports printing (it plugs in through hooks)")
        if top == "printing" and (target in ("gui", "sync") or found.imported.startswith(WIDGET_MODULES)):
            problems.append(f"{where}: printing uses no widgets, gui or sync")
    return problems


def unexplained_function_imports(root: Path) -> list[str]:
    """Imports inside functions in storage/ with no comment saying why (a hidden cycle looks the same)."""
    return [f"{found.importer}:{found.line} imports {found.imported} inside a function without a comment why"
            for found in all_imports(root)
            if found.importer.startswith("storage") and found.in_function and not found.explained]


# -- the guards on this repository ---------------------------------------------------------------------------


def test_no_import_cycles() -> None:
    assert cycles(ROOT) == []


def test_storage_layers_import_downward_only() -> None:
    assert upward_imports(ROOT) == []


def test_no_qt_in_storage_or_sync_and_nothing_below_imports_upward() -> None:
    assert forbidden_imports(ROOT) == []


def test_imports_inside_storage_functions_say_why() -> None:
    assert unexplained_function_imports(ROOT) == []


def test_every_package_says_what_it_holds_and_may_import() -> None:
    missing = [str(init.relative_to(ROOT)) for package in PACKAGES for init in (ROOT / package).rglob("__init__.py")
               if ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))) is None]
    assert missing == []


def test_the_guards_see_every_module_in_sub_packages() -> None:
    modules = our_modules(ROOT)
    nested = [name for name in modules if name.count(".") >= 2]
    assert nested, "the walk must reach modules below the first level"
    assert all(path.exists() for path in modules.values())


# -- the guards fail on what they guard against (planted in a copy of the layout) ---------------------------


def _plant(root: Path, files: dict[str, str]) -> Path:
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    for package in PACKAGES:
        (root / package).mkdir(exist_ok=True)
        (root / package / "__init__.py").touch()
    return root


def test_a_planted_cycle_through_a_function_import_is_found(tmp_path: Path) -> None:
    root = _plant(tmp_path, {
        "storage/records/__init__.py": '"""records"""\n',
        "storage/records/a.py": "from storage.records.b import thing\n",
        "storage/records/b.py": "def thing():\n    from storage.records.a import x  # lazy\n    return x\n",
    })
    assert cycles(root) == [["storage.records.a", "storage.records.b"]]


def test_a_type_only_import_makes_no_cycle(tmp_path: Path) -> None:
    root = _plant(tmp_path, {
        "storage/core/a.py": "from storage.core.b import thing\n",
        "storage/core/b.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from storage.core.a import X\n",
    })
    assert cycles(root) == []


def test_a_planted_upward_import_is_found(tmp_path: Path) -> None:
    root = _plant(tmp_path, {
        "storage/core/session.py": "from storage.records.values import save\n",
        "storage/records/values.py": "def save():\n    pass\n",
    })
    assert upward_imports(root) == [
        "storage.core.session:1 imports storage.records.values (storage.records, layer 3) from storage.core (layer 2)"]


def test_qt_in_storage_and_storage_importing_sync_are_found(tmp_path: Path) -> None:
    root = _plant(tmp_path, {
        "storage/views/screen.py": "from PySide6.QtCore import QObject\nimport sync.keys\n",
        "sync/keys.py": "",
    })
    assert forbidden_imports(root) == [
        "storage.views.screen:1 imports PySide6.QtCore: no Qt outside gui/",
        "storage.views.screen:2 imports sync.keys: storage imports neither sync nor gui",
    ]


def test_storage_or_sync_importing_printing_and_widgets_in_printing_are_found(tmp_path: Path) -> None:
    root = _plant(tmp_path, {
        "storage/reports/files.py": "def write():\n    from printing.pdf import write_pdf  # lazily\n",
        "sync/export.py": "import printing\n",
        "printing/pdf.py": "from PySide6.QtGui import QPainter\nfrom PySide6.QtWidgets import QApplication\n"
                           "import gui.app\n",
    })
    assert forbidden_imports(root) == [
        "storage.reports.files:2 imports printing.pdf: storage never imports printing (it plugs in through hooks)",
        "sync.export:1 imports printing: sync never imports printing (it plugs in through hooks)",
        "printing.pdf:2 imports PySide6.QtWidgets: printing uses no widgets, gui or sync",
        "printing.pdf:3 imports gui.app: printing uses no widgets, gui or sync",
    ]


def test_an_unexplained_import_inside_a_function_is_found(tmp_path: Path) -> None:
    root = _plant(tmp_path, {
        "storage/tools/cli.py": "def run():\n    from storage.tools.demo import demo\n\n"
                                "def fast():\n    # openpyxl is slow to import: only when a sheet is written\n"
                                "    import openpyxl\n",
        "storage/tools/demo.py": "def demo():\n    pass\n",
    })
    assert unexplained_function_imports(root) == [
        "storage.tools.cli:2 imports storage.tools.demo inside a function without a comment why"]
