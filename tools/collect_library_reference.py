"""Record what PymoNNto 3.0.6's behavior library computes on the networks of tests/support/library_scripts.py.

Run it with the interpreter of an environment where the *reference* PymoNNto is installed (the
benchmark driver builds one in .bench/pymonnto-3.0.6); it changes into a temporary folder itself,
so our own PymoNNto/ package is never imported::

    /path/to/.bench/pymonnto-3.0.6/bin/python tools/collect_library_reference.py \\
        > tests/data/library_reference.json

Each script of ``SCRIPTS`` runs after ``REFERENCE_IMPORTS`` and ``COMMON`` (the script text lives in
tests/support/library_scripts.py, loaded here as a file, so that the tests run exactly the same
text with this engine's names); its ``RESULT`` dict (fingerprints: dtype, shape, sum, sha256 of the
bytes; and plain numbers) goes into the JSON file under the script's name. A script that fails is
recorded with its error. The test suite reads the JSON file and never runs the reference.
"""

from __future__ import annotations

import importlib.util
import io
import json
import os
import sys
import tempfile
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

SCRIPTS_FILE = Path(__file__).resolve().parents[1] / "tests" / "support" / "library_scripts.py"


def load_scripts() -> object:
    spec = importlib.util.spec_from_file_location("library_scripts", SCRIPTS_FILE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run(source: str, name: str) -> dict[str, object]:
    namespace: dict[str, object] = {"__name__": f"library_reference_{name}"}
    sink = io.StringIO()
    try:
        with redirect_stdout(sink), redirect_stderr(sink):
            exec(compile(source, f"<{name}>", "exec"), namespace)
    except BaseException as exc:  # noqa: BLE001 - recorded, so the data says where the reference stops
        return {"error": f"{type(exc).__name__}: {exc}"}
    result = namespace["RESULT"]
    assert isinstance(result, dict)
    return {"result": result}


def main() -> int:
    scripts = load_scripts()
    os.chdir(tempfile.mkdtemp(prefix="pymonnto-library-"))  # PymoNNto creates ./Data at import
    sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != SCRIPTS_FILE.parents[2]]
    import PymoNNto

    if str(Path(PymoNNto.__file__).resolve()).startswith(str(SCRIPTS_FILE.parents[2])):
        raise SystemExit("this imported the repository's PymoNNto, not the reference")
    import numpy
    import scipy
    import sympy

    head = {
        "pymonnto": getattr(PymoNNto, "__version__", "3.0.6"),
        "python": sys.version.split()[0],
        "numpy": numpy.__version__,
        "scipy": scipy.__version__,
        "sympy": sympy.__version__,
    }
    entries = {name: run(scripts.reference_source(name), name) for name in scripts.SCRIPTS}  # type: ignore[attr-defined]
    sys.stdout.write("{" + json.dumps(head, sort_keys=True)[1:-1] + ', "scripts": {\n')
    lines = [f"{json.dumps(name)}: {json.dumps(entries[name], sort_keys=True)}" for name in sorted(entries)]
    sys.stdout.write(",\n".join(lines) + "\n}}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
