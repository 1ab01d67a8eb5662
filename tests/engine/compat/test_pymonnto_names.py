"""engine.compat.pymonnto_names: every PymoNNto 3.0.6 name of the covered modules, and light to import."""

import json
import subprocess
import sys

import engine
import engine.compat.pymonnto_names as names
from tests.support.paths import REPO_ROOT

SURFACE = json.loads((REPO_ROOT / "tests/data/pymonnto_3_0_6_surface.json").read_text(encoding="utf-8"))[
    "modules"
]


def test_all_names_resolve_and_are_listed_per_module():
    assert len(names.__all__) == len(set(names.__all__)) == 31
    assert all(getattr(names, name) is not None for name in names.__all__)
    listed = [name for group in names.PYMONNTO_MODULES.values() for name in group]
    assert sorted(listed) == sorted(names.__all__)


def test_every_name_pymonnto_defines_in_those_modules_is_here():
    for module, provided in names.PYMONNTO_MODULES.items():
        defined_there = {
            name
            for entry in SURFACE.values()
            for name, info in entry.get("names", {}).items()
            if info.get("module") == module and info["kind"] in ("class", "function", "other")
        }
        missing = defined_there - set(names.__all__) - set(engine.__all__)  # the rest: the engine's own
        assert not missing, f"{module}: {sorted(missing)}"
        for name in provided:  # each name exists in PymoNNto's star import of that module
            in_reference = SURFACE.get(module, {}).get("names", {})
            assert name in in_reference or module.endswith("Reconstruct_Analyze_Label"), (module, name)


def test_the_top_level_pymonnto_names_are_covered():
    top = SURFACE["PymoNNto"]["names"]
    ours = {
        name
        for name, info in top.items()
        if info["kind"] in ("class", "function") and info["module"].startswith("PymoNNto")
    }
    uncovered = sorted(n for n in ours if not hasattr(engine, n) and not hasattr(names, n))
    assert uncovered == []


def test_importing_the_names_loads_no_scipy_matplotlib_or_qt():
    code = (
        "import sys, engine.compat.pymonnto_names; "
        "print(sorted(m for m in ('scipy', 'matplotlib', 'PyQt6', 'pandas') if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO_ROOT, check=True
    )
    assert out.stdout.strip() == "[]"
