"""The layers, as the import graph: every module of the package is read and its imports
checked against the rule for its layer, so the design cannot rot.

    core       the domain: imports no other layer
    store      SQLite: core only
    documents  ReportLab and pypdf: core only
    services   the use-cases: core, store, documents; never Qt
    gui, cli   the two faces: services and core (gui may use documents to display)

``paths`` (where files live) and the package root (its version) may be used by any layer
above core. Neither face opens a store, writes a log entry, checks a permission or touches a
connection's ``db`` itself: that is checked on the syntax tree, not by searching text.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "raptor_desktop"
SHARED = {"raptor_desktop", "raptor_desktop.paths"}
ALLOWED: dict[str, set[str]] = {
    "core": {"core"},
    "store": {"core", "store"},
    "documents": {"core", "documents"},
    "services": {"core", "store", "documents", "services"},
    "gui": {"core", "services", "documents", "gui"},
    "cli": {"core", "services", "cli"},
    "selftest": {"core", "services", "gui"},
    "__main__": {"cli", "gui", "selftest"},
    "paths": set(),
}
QT_FREE = {"core", "store", "documents", "services", "cli"}
FACES = {"gui", "cli", "selftest"}
LOG_WRITERS = {"log", "require", "transaction", "record_consultation", "record_disclosure"}


def layer_of(path: Path) -> str:
    return path.relative_to(PACKAGE).parts[0].removesuffix(".py")


def modules() -> list[Path]:
    return sorted(
        p for p in PACKAGE.rglob("*.py") if p.name != "__init__.py" or p.parent != PACKAGE
    )


def imported(tree: ast.AST) -> list[str]:
    """Every module named by an import anywhere in the file (functions and TYPE_CHECKING too)."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.append(node.module)
    return found


def own_layer(module: str) -> str | None:
    if module in SHARED:
        return None
    if not module.startswith("raptor_desktop."):
        return None
    return module.split(".")[1]


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_each_module_imports_only_what_its_layer_may(path: Path) -> None:
    layer = layer_of(path)
    assert layer in ALLOWED, f"{path}: not in any layer; add it to the rules above"
    tree = ast.parse(path.read_text(encoding="utf-8"))
    wrong = [
        m
        for m in imported(tree)
        if (own_layer(m) is not None and own_layer(m) not in ALLOWED[layer])
        or (layer in QT_FREE and m.split(".")[0] in ("PySide6", "shiboken6"))
    ]
    assert not wrong, f"{path.relative_to(PACKAGE)} ({layer}) must not import {wrong}"


def _face_violations(tree: ast.AST) -> list[str]:
    problems = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr == "db":
            problems.append(f"line {node.lineno}: touches .db")
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            name = node.func.attr
            owner = node.func.value
            if name in LOG_WRITERS:
                problems.append(f"line {node.lineno}: calls .{name}()")
            if name == "open" and isinstance(owner, ast.Name) and owner.id == "Store":
                problems.append(f"line {node.lineno}: calls Store.open()")
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            if node.func.id in LOG_WRITERS:
                problems.append(f"line {node.lineno}: calls {node.func.id}()")
            if node.func.id == "Store":
                problems.append(f"line {node.lineno}: makes a Store")
    return problems


@pytest.mark.parametrize(
    "path",
    [p for p in modules() if layer_of(p) in FACES],  # selftest.py is a face of its own
    ids=lambda p: str(p.relative_to(PACKAGE)),
)
def test_no_face_opens_a_store_logs_or_checks_a_permission(path: Path) -> None:
    problems = _face_violations(ast.parse(path.read_text(encoding="utf-8")))
    assert not problems, f"{path.relative_to(PACKAGE)}: {problems}"


@pytest.mark.parametrize(
    "path",
    [p for p in modules() if layer_of(p) == "services"],
    ids=lambda p: str(p.relative_to(PACKAGE)),
)
def test_services_speak_no_sql(path: Path) -> None:
    """The store is the only place that speaks SQL: services never touch a connection."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    touched = [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute) and node.attr in ("db", "conn", "execute")
    ]
    assert not touched, f"{path.relative_to(PACKAGE)}: SQL or a connection at lines {touched}"


def test_the_checks_catch_what_they_look_for() -> None:
    """The rules above can fail: a face that does each forbidden thing is caught."""
    bad = ast.parse(
        "from raptor_desktop.store.database import Store\n"
        "s = Store.open('x')\ns.log(1)\ns.require(2)\ns.db.execute('')\n"
        "record_consultation(s, 'x', 'y')\nStore(None, 'p', 'a')\n"
    )
    assert len(_face_violations(bad)) == 6
    assert own_layer("raptor_desktop.store.database") == "store" not in ALLOWED["gui"]


BLOCK_QT = """
import sys
class Block:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("PySide6", "shiboken6"):
            raise ImportError(f"{name} is blocked: only the window may import Qt")
        return None
sys.meta_path.insert(0, Block())
import pkgutil, importlib
import raptor_desktop.core, raptor_desktop.store, raptor_desktop.documents
import raptor_desktop.services, raptor_desktop.cli
for package in (raptor_desktop.core, raptor_desktop.store, raptor_desktop.documents,
                raptor_desktop.services, raptor_desktop.cli):
    for module in pkgutil.iter_modules(package.__path__):
        importlib.import_module(f"{package.__name__}.{module.name}")
print("ok")
"""


def test_everything_but_the_window_imports_without_qt() -> None:
    result = subprocess.run(
        [sys.executable, "-c", BLOCK_QT], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"
