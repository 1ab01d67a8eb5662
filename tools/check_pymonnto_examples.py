"""Run PymoNNto's own example scripts on PymoNNto 3.0.6 and on mnn-studio, and compare their recordings.

    .venv/bin/python tools/check_pymonnto_examples.py [--iterations 100] [--seed 1] [--only Izhikevich]

The scripts of ``Examples_Classical/``, ``Examples_Paper/`` and ``Examples_UI/`` are read from the
git mirror of PymoNNto's repository and written, with their folder structure and the repository's
``Data`` folder (PymoNNto's project-root marker), into a temporary folder outside this checkout. Each
one then runs three times, headless (``MPLBACKEND=Agg``, ``QT_QPA_PLATFORM=offscreen``), from its
own folder and with ``numpy.random`` and ``random`` seeded alike:

* ``reference``: the reference interpreter, nothing of this checkout importable;
* ``plain``: this checkout's interpreter with ``PYTHONPATH`` set to the checkout, as ``python script.py``;
* ``loader``: the same interpreter through ``engine.io.scripts.load_script`` (the studio's loader),
  then the simulations it deferred, with the same arguments.

``Network.simulate_iterations`` is capped at ``--iterations`` on every side. A script that opens
``Network_UI(...)`` is fingerprinted when the window is created (before the window steps the network);
the window then closes after ``--ui-seconds`` (the reference through a Qt timer, ours through
``MNN_STUDIO_QUIT_AFTER``). The fingerprint holds every Recorder's data, every numeric array of every
NeuronGroup and SynapseGroup and each network's iteration. Scripts that need tensorflow, brian2,
nest or OpenGL are skipped. The same file is the driver that runs inside each interpreter
(``--drive``); it imports nothing from this checkout at module level.
"""

from __future__ import annotations

import argparse
import ast
import hashlib
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
import types
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
MIRROR = Path("/work/.mirror/trieschlab+PymoNNto/repo")
REFERENCE_PYTHON = Path("/tmp/before/.bench/pymonnto-3.0.6/bin/python")
FOLDERS = ("Examples_Classical/", "Examples_Paper/", "Examples_UI/")
#: top-level imports that mark a script as needing a library mnn-studio does not provide
UNSUPPORTED = {
    "tensorflow": "tensorflow",
    "brian2": "brian2",
    "nest": "NEST",
    "OpenGL": "OpenGL",
    "pyqtgraph.opengl": "OpenGL (pyqtgraph.opengl)",
    "Examples_UI.OpenGLTab": "OpenGL (the OpenGL tab)",
}


# ============================================================================== driver (in each interpreter)
def _digest(value: Any) -> list[Any]:
    """[dtype, shape, sha256 prefix, sum] of an array-like (object arrays: of their items)."""
    import numpy as np

    try:
        arr = np.asarray(value)
    except (ValueError, TypeError):  # ragged lists
        arr = np.empty(len(value), dtype=object)
        arr[:] = list(value)
    if arr.dtype == object:
        parts = [_digest(item) for item in arr.ravel()]
        sha = hashlib.sha256(json.dumps(parts).encode()).hexdigest()[:16]
        return ["object", list(arr.shape), sha, None]
    sha = hashlib.sha256(f"{arr.dtype.str}{arr.shape}".encode())
    sha.update(np.ascontiguousarray(arr).tobytes())
    total = float(np.sum(arr, dtype=np.float64)) if arr.dtype.kind in "biuf" else None
    return [arr.dtype.str, list(arr.shape), sha.hexdigest()[:16], total]


def _snapshot(networks: list[Any], at: str) -> dict[str, Any]:
    import numpy as np

    entries: dict[str, Any] = {}
    for n, net in enumerate(networks):
        entries[f"net{n}.iteration"] = _digest(np.asarray(int(getattr(net, "iteration", -1))))
        objects = [("net", net)] + [(f"ng{i}", g) for i, g in enumerate(net.NeuronGroups)]
        objects += [(f"sg{i}", s) for i, s in enumerate(net.SynapseGroups)]
        for label, obj in objects:
            name = f"net{n}.{label}:{obj.tags[0]}"
            if label != "net":
                for attr, value in sorted(vars(obj).items()):
                    if isinstance(value, np.ndarray) and value.dtype != object:
                        entries[f"{name}.{attr}"] = _digest(value)
            for key, behavior in list(obj.behavior.items()):
                variables = getattr(behavior, "variables", None)
                if "Recorder" not in type(behavior).__name__ or not isinstance(variables, dict):
                    continue
                for variable in list(variables):
                    found = behavior.find_objects(variable)
                    entries[f"{name}.rec@{key!r}.{variable}"] = _digest(found[0] if found else [])
    return {"at": at, "networks": len(networks), "entries": entries}


def _where(exc: BaseException) -> str:
    frames = traceback.extract_tb(exc.__traceback__)
    inner = frames[-1] if frames else None
    place = f" ({os.path.basename(inner.filename)}, line {inner.lineno})" if inner else ""
    return f"{type(exc).__name__}: {exc}{place}".replace("\n", " ")


def _network_ui_class() -> Any:
    import PymoNNto.Exploration.Network_UI as ui_module

    cls = ui_module.Network_UI
    return cls.Network_UI if isinstance(cls, types.ModuleType) else cls


def drive(mode: str, script: str, out: str, seed: int, cap: int, ui_seconds: float) -> None:
    """Run one script in this interpreter (``mode``: reference, plain or loader); write JSON to ``out``."""
    import numpy as np

    report: dict[str, Any] = {"mode": mode, "status": "ok", "error": None, "snapshot": None}
    report.update(simulations=[], ui=False, deferred_error=None)

    def write() -> None:
        with open(out + ".part", "w") as fh:
            json.dump(report, fh)
        os.replace(out + ".part", out)

    folder = os.path.dirname(script)
    os.chdir(folder)
    sys.argv = [script]
    if mode != "loader":
        sys.path[0] = folder  # as `python script.py`
    import PymoNNto

    network_class = PymoNNto.Network
    networks: list[Any] = []
    original_init, original_simulate = network_class.__init__, network_class.simulate_iterations

    def init(self: Any, *args: Any, **kwargs: Any) -> None:
        networks.append(self)
        original_init(self, *args, **kwargs)

    def simulate(self: Any, iterations: Any, *args: Any, **kwargs: Any) -> Any:
        n = iterations
        if isinstance(n, str):
            try:
                n = self["Clock", 0].time_to_iterations(n)
            except Exception:  # noqa: BLE001 - left to the library to report
                pass
        if cap and not isinstance(n, str):
            n = min(n, cap)
        report["simulations"].append([repr(iterations), repr(n)])
        return original_simulate(self, n, *args, **kwargs)

    network_class.__init__, network_class.simulate_iterations = init, simulate
    source = Path(script).read_text(encoding="utf-8", errors="replace")
    if "Network_UI" in source:
        try:
            ui_class = _network_ui_class()
        except Exception as exc:  # noqa: BLE001 - the script will fail on it the same way
            report["ui_import_error"] = _where(exc)
        else:
            original_ui_init, original_show = ui_class.__init__, ui_class.show

            def ui_init(self: Any, *args: Any, **kwargs: Any) -> None:
                report["ui"] = True
                if report["snapshot"] is None and mode != "loader":
                    report["snapshot"] = _snapshot(networks, "ui")
                    write()
                original_ui_init(self, *args, **kwargs)

            def show(self: Any) -> Any:
                from PyQt5.QtCore import QTimer

                QTimer.singleShot(int(ui_seconds * 1000), self.quit)
                return original_show(self)

            ui_class.__init__ = ui_init
            if mode == "reference":
                ui_class.show = show
    np.random.seed(seed)
    random.seed(seed)
    try:
        if mode == "loader":
            from engine.io.scripts import load_script

            result = load_script(script)
            if result.deferred_error is not None:
                report["deferred_error"] = str(result.deferred_error).splitlines()[0]
            networks[:] = result.networks
            for request in result.simulation_requests:
                original_simulate(request.network, request.iterations, **request.options)
        else:
            import runpy

            runpy.run_path(script, run_name="__main__")
    except SystemExit as exc:
        if exc.code not in (None, 0):
            report.update(status="error", error=f"sys.exit({exc.code!r})")
    except BaseException as exc:  # noqa: BLE001 - reported
        if type(exc).__name__ == "NoNetworkError":  # a module of behaviors or tabs, not a script
            report.update(status="no Network (refused)")
        else:
            report.update(status="error", error=_where(exc))
    finally:
        if report["snapshot"] is None:
            report["snapshot"] = _snapshot(networks, "end")
        write()


# ============================================================================== orchestration
def unsupported(source: str) -> str | None:
    """The library a script needs that mnn-studio does not provide, else None."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return None
    for node in ast.walk(tree):
        names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
        if isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module]
        for name in names:
            for prefix, what in UNSUPPORTED.items():
                if name == prefix or name.startswith(prefix + "."):
                    return what
    return None


def extract(mirror: Path, target: Path) -> list[Path]:
    """Write the example scripts (and the Data marker) of the mirror's HEAD below ``target``."""
    listing = subprocess.run(
        ["git", "-C", str(mirror), "ls-tree", "-r", "--name-only", "HEAD"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split("\n")
    wanted = [p for p in listing if p.startswith(FOLDERS) and p.endswith(".py")]
    for path in wanted + [p for p in listing if p.startswith("Data/")]:
        data = subprocess.run(
            ["git", "-C", str(mirror), "show", f"HEAD:{path}"], capture_output=True, check=True
        )
        (target / path).parent.mkdir(parents=True, exist_ok=True)
        (target / path).write_bytes(data.stdout)
    (target / "Data").mkdir(exist_ok=True)
    return sorted(target / p for p in wanted)


def run_side(
    python: Path, env: dict[str, str], driver: Path, mode: str, script: Path, args: Any
) -> dict[str, Any]:
    out = Path(tempfile.mkstemp(suffix=".json", dir=driver.parent)[1])
    out.unlink()
    command = [str(python), str(driver), "--drive", mode, str(script), str(out)]
    command += [
        "--seed",
        str(args.seed),
        "--iterations",
        str(args.iterations),
        "--ui-seconds",
        str(args.ui_seconds),
    ]
    start = time.monotonic()
    try:
        done = subprocess.run(
            command, env=env, cwd=script.parent, capture_output=True, text=True, timeout=args.timeout
        )
        timed_out, stderr = False, done.stderr
    except subprocess.TimeoutExpired as exc:
        timed_out, stderr = True, (exc.stderr or b"").decode(errors="replace")
    report: dict[str, Any] = json.loads(out.read_text()) if out.exists() else {}
    if not report:
        last = [line for line in stderr.splitlines() if line.strip()][-1:] or ["no output"]
        report = {"status": "error", "error": "driver failed: " + last[0], "snapshot": None}
    if timed_out:
        report.update(status="timeout", error=f"no end after {args.timeout} s")
    report["seconds"] = round(time.monotonic() - start, 1)
    return report


def _is_recording(key: str) -> bool:
    return ".rec@" in key or key.endswith(".iteration")


def compare(ref: dict[str, Any] | None, here: dict[str, Any] | None) -> tuple[str, str, list[str]]:
    """(recordings verdict, group-array verdict, details); a verdict is 'yes (n)', 'no (k/n)' or 'n/a'."""
    if not ref or not here or not ref.get("snapshot") or not here.get("snapshot"):
        return "n/a", "n/a", []
    r, h = ref["snapshot"]["entries"], here["snapshot"]["entries"]
    if not r:
        return "n/a", "n/a", []
    verdicts, details = [], []
    for wanted in (True, False):
        keys = {k for k in r.keys() | h.keys() if _is_recording(k) == wanted}
        differ = sorted(k for k in keys & r.keys() & h.keys() if r[k][:3] != h[k][:3])
        one_sided = sorted(keys - (r.keys() & h.keys()))
        details += [f"differs {k}: ref {r[k]} here {h[k]}" for k in differ[:6]]
        if wanted:
            details += [f"only {'ref' if k in r else 'here'}: {k}" for k in one_sided[:6]]
            bad = len(differ) + len(one_sided)
            verdicts.append(f"no ({bad}/{len(keys)})" if bad else f"yes ({len(keys)})")
        else:  # arrays only one side keeps are listed, not counted
            if one_sided:
                details.append(f"arrays on one side only ({len(one_sided)}): " + ", ".join(one_sided[:8]))
            common = len(keys & r.keys() & h.keys())
            verdicts.append(f"no ({len(differ)}/{common})" if differ else f"yes ({common})")
    return verdicts[0], verdicts[1], details


def _failed_here(ref: dict[str, Any], here: dict[str, Any]) -> bool:
    """Our side failed (error or timeout) where the reference did not."""
    return here["status"] in ("error", "timeout") and ref["status"] not in ("error", "timeout")


def status_text(report: dict[str, Any] | None) -> str:
    if report is None:
        return "-"
    state = report["status"]
    if state == "ok" and report.get("snapshot") and not report["snapshot"]["networks"]:
        return "ok (no Network)"
    return state + (" +UI" if report.get("ui") and state == "ok" else "")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--drive", nargs=3, metavar=("MODE", "SCRIPT", "OUT"), help=argparse.SUPPRESS)
    parser.add_argument("--mirror", type=Path, default=MIRROR)
    parser.add_argument("--reference-python", type=Path, default=REFERENCE_PYTHON)
    parser.add_argument("--python", type=Path, default=REPO / ".venv" / "bin" / "python")
    parser.add_argument("--iterations", type=int, default=100, help="cap of every simulate_iterations call")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--ui-seconds", type=float, default=2.0)
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds per run")
    parser.add_argument(
        "--only", action="append", default=[], help="run the scripts whose path contains this"
    )
    parser.add_argument(
        "--work", type=Path, help="folder for the extracted scripts (default: a new temp folder)"
    )
    parser.add_argument("--json", type=Path, help="also write every report to this file")
    args = parser.parse_args(argv)
    if args.drive:
        drive(
            args.drive[0],
            os.path.abspath(args.drive[1]),
            args.drive[2],
            args.seed,
            args.iterations,
            args.ui_seconds,
        )
        return 0
    work = args.work or Path(tempfile.mkdtemp(prefix="pymonnto-examples-"))
    if work.resolve().is_relative_to(REPO):
        parser.error(f"--work must lie outside the checkout {REPO}")
    project = work / "project"
    shutil.rmtree(project, ignore_errors=True)
    scripts = extract(args.mirror, project)
    driver = work / "example_driver.py"
    shutil.copy(__file__, driver)
    base = {
        k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "MNN_STUDIO_QUIT_AFTER")
    }
    base.update(MPLBACKEND="Agg", QT_QPA_PLATFORM="offscreen", PYTHONDONTWRITEBYTECODE="1")
    ours = dict(base, PYTHONPATH=str(REPO), MNN_STUDIO_QUIT_AFTER=str(args.ui_seconds))
    rows, everything = [], {}
    for script in scripts:
        name = str(script.relative_to(project))
        if args.only and not any(part in name for part in args.only):
            continue
        reason = unsupported(script.read_text(encoding="utf-8", errors="replace"))
        if reason:
            rows.append((name, f"skipped: needs {reason}", "", "", "", "", "", []))
            continue
        ref = run_side(args.reference_python, base, driver, "reference", script, args)
        plain = run_side(args.python, ours, driver, "plain", script, args)
        loader = run_side(args.python, ours, driver, "loader", script, args)
        rec_plain, arrays_plain, notes_plain = compare(ref, plain)
        rec_loader, arrays_loader, notes_loader = compare(ref, loader)
        sides = (("ref", ref), ("plain", plain), ("loader", loader))
        notes = [f"{side}: {rep['error']}" for side, rep in sides if rep.get("error")]
        if loader.get("deferred_error"):
            notes.append(
                f"loader, after the deferred simulation (reported, not fatal): {loader['deferred_error']}"
            )
        notes += [f"plain: {n}" for n in notes_plain] + [
            f"loader: {n}" for n in notes_loader if n not in notes_plain
        ]
        if _failed_here(ref, plain):
            rec_plain, arrays_plain = f"{rec_plain}, to the error", f"{arrays_plain}, to the error"
        if _failed_here(ref, loader):
            rec_loader = f"{rec_loader}, to the error"
        arrays = arrays_plain if arrays_plain == arrays_loader else f"{arrays_plain} / loader {arrays_loader}"
        states = (status_text(ref), status_text(plain), status_text(loader))
        rows.append((name, *states, rec_plain, rec_loader, arrays, notes))
        everything[name] = {"reference": ref, "plain": plain, "loader": loader}
        took = ", ".join(f"{side} {rep['seconds']} s" for side, rep in sides)
        print(f"  {name}: {took}", file=sys.stderr)
    header = (
        "script",
        "runs on reference",
        "runs here (plain)",
        "loads here (loader)",
        "recordings = ref (plain)",
        "recordings = ref (loader)",
        "group arrays = ref",
    )
    columns = len(header)
    widths = [max(len(str(r[i])) for r in [*rows, header]) for i in range(columns)]
    print(f"\nseed {args.seed}, simulate_iterations capped at {args.iterations}, scripts in {project}\n")
    for row in [header] + [r[:columns] for r in rows]:
        print(" | ".join(str(cell).ljust(w) for cell, w in zip(row, widths)))
    for row in rows:
        for note in row[columns]:
            print(f"  {row[0]}: {note}")
    if args.json:
        args.json.write_text(json.dumps(everything, indent=1))
    failed = [name for name, sides in everything.items() if _failed_here(sides["reference"], sides["plain"])]
    failed += [
        name for name, sides in everything.items() if _failed_here(sides["reference"], sides["loader"])
    ]
    ran = [r for r in rows if r[1] == "ok" or r[1] == "ok +UI"]
    differ = [r[0] for r in ran if not (r[4].startswith("yes") and r[5].startswith("yes"))]
    print(f"\nfailing here where the reference runs: {len(set(failed))}; recordings differing: {len(differ)}")
    return 1 if failed or differ else 0


if __name__ == "__main__":
    sys.exit(main())
