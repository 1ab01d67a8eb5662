"""Every example runs headless and lands inside the numbers its docstring documents.

Each example's docstring holds lines ``CHECK: <expression> in [lo, hi]`` (a closed range). The
expression is evaluated in the script's namespace after the script ran.
"""

import ast
import re
import runpy
from pathlib import Path

import numpy as np
import pytest

from tests.support.paths import EXAMPLES

CHECK = re.compile(r"^\s*CHECK:\s*(?P<expr>.+)\s+in\s+\[(?P<lo>[^,\]]+),(?P<hi>[^\]]+)\]\s*$")


def checks_of(path: Path):
    doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
    found = []
    for line in doc.splitlines():
        match = CHECK.match(line)
        if match:
            found.append((match["expr"].strip(), float(eval(match["lo"])), float(eval(match["hi"]))))
    return found


def test_there_are_examples_and_each_has_the_header_format():
    assert len(EXAMPLES) >= 9
    for path in EXAMPLES:
        assert checks_of(path), f"{path.name} documents no CHECK line"
        doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")))
        assert doc.splitlines()[0].startswith("Title: "), path.name
        assert "Try this in the studio:" in doc, path.name


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_example_runs_headless_and_meets_its_checks(path, tmp_path, monkeypatch):
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    monkeypatch.chdir(tmp_path)
    monkeypatch.syspath_prepend(str(path.parent))
    namespace = runpy.run_path(str(path), run_name="__main__")
    plt.close("all")
    failures = []
    for expression, lo, hi in checks_of(path):
        value = float(np.asarray(eval(expression, namespace)))
        if not lo <= value <= hi:
            failures.append(f"{expression} = {value:.6g}, expected in [{lo:g}, {hi:g}]")
    assert not failures, "\n".join(failures)
    assert not (tmp_path / "Data").exists(), "an example created a Data folder"
