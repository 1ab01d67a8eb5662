"""The house rules, checked on the source tree (no imports of the code under test).

* No import cycle between modules of engine/, studio/ and PymoNNto/, function-level imports
  included (imports under ``if TYPE_CHECKING:`` are for the type checker only and do not count).
* Modules stay small: the median is at most 200 lines and none is over 500.
* The studio never reads an engine object's instance ``__dict__`` (``vars()``): it asks
  :mod:`engine.model.introspection`.
* No test module imports another test module (shared fixtures live in the plugin module).
"""

from __future__ import annotations

import ast
import statistics
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("engine", "studio", "PymoNNto")


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _source_files(*tops: str) -> list[Path]:
    files: list[Path] = []
    for top in tops:
        files.extend(p for p in sorted((ROOT / top).rglob("*.py")) if "__pycache__" not in p.parts)
    return files


def _is_type_checking_block(node: ast.AST) -> bool:
    if not isinstance(node, ast.If):
        return False
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(tree: ast.AST, module: str, is_package: bool, known: set[str]) -> set[str]:
    """Modules that ``module`` imports at run time (module level and inside functions)."""
    found: set[str] = set()
    package = module if is_package else module.rpartition(".")[0]

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if _is_type_checking_block(child):
                for sub in child.orelse:  # the else branch runs
                    visit(sub)
                continue
            if isinstance(child, ast.Import):
                for alias in child.names:
                    found.add(alias.name)
            elif isinstance(child, ast.ImportFrom):
                base = child.module or ""
                if child.level:
                    anchor = package.split(".")
                    anchor = anchor[: len(anchor) - (child.level - 1)]
                    base = ".".join(anchor + ([base] if base else []))
                for alias in child.names:
                    candidate = f"{base}.{alias.name}"
                    found.add(candidate if candidate in known else base)
            visit(child)

    visit(tree)
    return {name for name in found if name in known and name != module}


def import_graph() -> dict[str, set[str]]:
    files = _source_files(*PACKAGES)
    names = {_module_name(p): p for p in files}
    known = set(names)
    return {
        name: _imports(ast.parse(path.read_text(encoding="utf-8")), name, path.name == "__init__.py", known)
        for name, path in names.items()
    }


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    result: list[list[str]] = []
    counter = [0]

    def connect(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                connect(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                result.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            connect(v)
    return result


def test_the_import_graph_is_read_correctly():
    graph = import_graph()
    assert "engine.model.network" in graph["engine"]
    assert "engine.model.tagging" in graph["engine.model.behavior"]
    assert "engine.io.state" in graph["engine.runtime.runner"]  # a function-level import
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_import_cycles():
    cycles = _cycles(import_graph())
    assert cycles == [], "import cycles:\n" + "\n".join(" <-> ".join(c) for c in cycles)


def test_modules_are_small():
    sizes = {p: len(p.read_text(encoding="utf-8").splitlines()) for p in _source_files(*PACKAGES)}
    # the median counts the code rooms only: PymoNNto/'s ~140 re-export shims of a few lines each
    # would make any median pass
    code = [n for p, n in sizes.items() if p.relative_to(ROOT).parts[0] in ("engine", "studio")]
    median = statistics.median(code)
    too_big = sorted(f"{p.relative_to(ROOT)}: {n}" for p, n in sizes.items() if n > 500)
    print(f"\n{len(code)} engine/studio modules, median {median:g} lines; largest {max(sizes.values())}")
    assert median <= 200
    assert too_big == []


def _instance_dict_reads(path: Path) -> list[str]:
    hits = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Attribute) and node.attr == "__dict__":
            hits.append(f"{path.relative_to(ROOT)}:{node.lineno}: .__dict__")
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "vars":
            hits.append(f"{path.relative_to(ROOT)}:{node.lineno}: vars()")
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "getattr"
            and len(node.args) >= 2
            and isinstance(node.args[1], ast.Constant)
            and node.args[1].value == "__dict__"
        ):
            hits.append(f"{path.relative_to(ROOT)}:{node.lineno}: getattr(..., '__dict__')")
    return hits


def test_the_studio_never_reads_instance_dicts():
    hits = [hit for path in _source_files("studio") for hit in _instance_dict_reads(path)]
    assert hits == []


def test_the_dict_check_finds_what_it_looks_for(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("a = vars(x)\nb = x.__dict__\nc = getattr(x, '__dict__', {})\n")
    global ROOT
    saved, ROOT = ROOT, tmp_path
    try:
        assert len(_instance_dict_reads(sample)) == 3
    finally:
        ROOT = saved


def _test_modules() -> list[Path]:
    return [p for p in _source_files("tests") if p.name.startswith("test_") or p.name == "conftest.py"]


@pytest.mark.parametrize("path", _test_modules(), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_test_module_imports_another(path):
    test_modules = {_module_name(p) for p in _test_modules()}
    tree = ast.parse(path.read_text(encoding="utf-8"))
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            imported.add(node.module)
        elif isinstance(node, ast.Import):
            imported.update(alias.name for alias in node.names)
    assert imported & test_modules == set()


def test_the_studio_core_imports_no_qt_widgets():
    """import-linter cannot name PyQt6.QtWidgets (a submodule of an external package): checked here."""
    graph = import_graph()
    core = [m for m in graph if m == "studio.core" or m.startswith("studio.core.")]
    offenders = []
    for name in core:
        path = ROOT / (name.replace(".", "/") + ("/__init__.py" if name == "studio.core" else ".py"))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            modules = []
            if isinstance(node, ast.Import):
                modules = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                modules = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
            offenders += [f"{name}: {m}" for m in modules if m in ("PyQt6.QtWidgets", "PyQt6.QtGui")]
    assert len(core) >= 5
    assert offenders == []
