#!/usr/bin/env python3
"""Side-by-side benchmark: this repo's engine vs. the real PymoNNto 3.0.6.

    python -m tests.bench.driver [--quick] [--only seed_100_rec,izh*] [--repeats N] [--write]
    python tests/bench/driver.py --list

* Builds (once) a reference venv in .bench/pymonnto-3.0.6/ with
  ``pip install PymoNNto==3.0.6`` (numpy pinned to our side's version).  If
  that fails (no network, pip error) it says so and runs our side only.
* Runs every workload in fresh processes, alternating reference / ours
  (A B A B ...), with OPENBLAS/OMP/MKL threads pinned to 1.  The reference
  runs with the venv's python in a temporary working directory outside the
  repo (so our PymoNNto package cannot shadow it, and its ./Data folder lands
  there); ours runs with PYTHONPATH=<repo root>.
* Prints per workload the median it/s of each side, the ratio ours/reference,
  whether the result fingerprints match (same seed), and the memory-bandwidth
  bound (bytes of W read per iteration / measured numpy copy bandwidth).
* ``--write`` puts the table into docs/benchmarks.md (between markers).

Timing covers simulate_iterations only; build and initialize are excluded.
"""

import argparse
import datetime
import fnmatch
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time

THREAD_VARS = (
    "OPENBLAS_NUM_THREADS",
    "OMP_NUM_THREADS",
    "MKL_NUM_THREADS",
    "VECLIB_MAXIMUM_THREADS",
    "NUMEXPR_NUM_THREADS",
    "BLIS_NUM_THREADS",
)
for _v in THREAD_VARS:
    os.environ[_v] = "1"  # before numpy is imported (bandwidth measurement)

import numpy as np  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from _machine import cpu_model, l3_bytes, loadavg, measure_bandwidth, measure_gemv_bandwidth  # noqa: E402
from _report import DOC_PATH, REF_VERSION, build_notes, build_table, summarize, write_doc  # noqa: E402
from _workloads import WORKLOADS  # noqa: E402

REPO = os.path.dirname(os.path.dirname(HERE))
WORKLOAD_DIR = os.path.join(HERE, "workloads")
DEFAULT_VENV = os.path.join(REPO, ".bench", "pymonnto-" + REF_VERSION)
RESULT_PREFIX = "BENCH_RESULT "
# what `from PymoNNto import *` needs when the full dependency set cannot be installed
REF_MINIMAL_DEPS = ["scipy", "matplotlib", "imageio"]


def log(*a):
    print(*a, flush=True)


# --------------------------------------------------------------------------- env


def base_env():
    env = dict(os.environ)
    for v in THREAD_VARS:
        env[v] = "1"
    env["PYTHONHASHSEED"] = "0"
    env["MPLBACKEND"] = "Agg"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    for k in list(env):
        if k.startswith("BENCH_"):  # workload options come from argv only
            del env[k]
    return env


def ref_env():
    env = base_env()
    env.pop("PYTHONPATH", None)  # never let our package shadow the reference
    env.pop("PYTHONHOME", None)
    return env


def ours_env():
    env = base_env()
    env["PYTHONPATH"] = REPO
    return env


def venv_python(venv):
    if os.name == "nt":
        return os.path.join(venv, "Scripts", "python.exe")
    return os.path.join(venv, "bin", "python")


def python_numpy_version(python, env, cwd):
    try:
        p = subprocess.run(
            [python, "-c", "import numpy, platform; print(numpy.__version__, platform.python_version())"],
            env=env,
            cwd=cwd,
            capture_output=True,
            text=True,
            timeout=120,
        )
    except (OSError, subprocess.TimeoutExpired) as e:
        return None, None, str(e)
    if p.returncode != 0:
        return None, None, (p.stderr.strip().splitlines() or ["?"])[-1]
    npv, pyv = p.stdout.split()
    return npv, pyv, None


# --------------------------------------------------------------------------- reference venv

PROBE = r"""
import json, sys, platform
import importlib.metadata as md
import numpy
import PymoNNto
from PymoNNto import Network, NeuronGroup, SynapseGroup, Behavior, Recorder, EventRecorder
print(json.dumps({"version": md.version("PymoNNto"), "file": PymoNNto.__file__,
                  "numpy": numpy.__version__, "python": platform.python_version()}))
"""


def probe_reference(py, venv, cwd):
    if not os.path.exists(py):
        return None, "no interpreter at %s" % py
    try:
        p = subprocess.run(
            [py, "-c", PROBE], env=ref_env(), cwd=cwd, capture_output=True, text=True, timeout=300
        )
    except (OSError, subprocess.TimeoutExpired) as e:
        return None, "probe failed: %s" % e
    if p.returncode != 0:
        return None, "import failed: " + " | ".join(p.stderr.strip().splitlines()[-3:])
    try:
        info = json.loads(p.stdout.strip().splitlines()[-1])
    except (ValueError, IndexError):
        return None, "probe printed no result: %r" % p.stdout[-300:]
    if info["version"] != REF_VERSION:
        return None, "PymoNNto %s installed, %s wanted" % (info["version"], REF_VERSION)
    if venv and not os.path.abspath(info["file"]).startswith(os.path.abspath(venv)):
        return None, "PymoNNto imported from %s, outside the venv" % info["file"]
    return info, None


def ensure_reference(args, numpy_version, cwd):
    """Return (python, info, error)."""
    if args.reference_python:
        info, err = probe_reference(args.reference_python, None, cwd)
        return (args.reference_python, info, err) if info else (None, None, err)
    venv = args.venv
    py = venv_python(venv)
    if not args.rebuild:
        info, err = probe_reference(py, venv, cwd)
        if info:
            return py, info, None
        if args.no_install:
            return None, None, "reference venv unusable (%s) and --no-install given" % err
        log("reference venv not usable (%s); building %s ..." % (err, venv))
    if os.path.exists(venv):
        shutil.rmtree(venv)
    os.makedirs(os.path.dirname(venv), exist_ok=True)
    p = subprocess.run([sys.executable, "-m", "venv", venv], capture_output=True, text=True)
    if p.returncode != 0:
        return None, None, "python -m venv failed: " + p.stderr.strip()[-500:]
    pip = [py, "-m", "pip", "install", "--disable-pip-version-check", "-q"]
    pin = ["numpy==" + numpy_version] if numpy_version else ["numpy"]
    attempts = [
        ("full install, numpy pinned", [pip + ["PymoNNto==" + REF_VERSION] + pin]),
        ("full install", [pip + ["PymoNNto==" + REF_VERSION]]),
        (
            "--no-deps + import deps",
            [pip + ["--no-deps", "PymoNNto==" + REF_VERSION], pip + pin + REF_MINIMAL_DEPS],
        ),
    ]
    errors = []
    for label, cmds in attempts:
        ok = True
        for cmd in cmds:
            log("  $ " + " ".join(cmd[1:]))
            try:
                r = subprocess.run(cmd, capture_output=True, text=True, timeout=args.pip_timeout)
            except subprocess.TimeoutExpired:
                errors.append("%s: pip timed out after %ds" % (label, args.pip_timeout))
                ok = False
                break
            if r.returncode != 0:
                tail = [ln for ln in r.stderr.strip().splitlines() if not ln.startswith("WARNING")][-3:]
                errors.append("%s: %s" % (label, " | ".join(tail)))
                ok = False
                break
        if ok:
            info, err = probe_reference(py, venv, cwd)
            if info:
                return py, info, None
            errors.append("%s: installed but %s" % (label, err))
    msgs = [e.split(": ", 1)[1] for e in errors]
    if len(set(msgs)) == 1:
        return (
            None,
            None,
            "pip failed (%d attempts, no network or index unreachable?): %s" % (len(msgs), msgs[0]),
        )
    return None, None, "; ".join(errors)


# --------------------------------------------------------------------------- running


def run_workload(side, python, w, iters, seed, cwd, env, timeout, expect_prefix):
    script = os.path.join(WORKLOAD_DIR, w.bare if side == "bare" else w.script)
    args = w.args + (w.ours_args if side == "ours" else [])
    cmd = [python, script] + args + ["--iters", str(iters), "--seed", str(seed)]
    t0 = time.time()
    try:
        p = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"error": "timed out after %ds" % timeout}
    except OSError as e:
        return {"error": "could not start %s: %s" % (python, e)}
    wall = time.time() - t0
    result = None
    for line in p.stdout.splitlines():
        if line.startswith(RESULT_PREFIX):
            try:
                result = json.loads(line[len(RESULT_PREFIX) :])
            except ValueError:
                pass
    if p.returncode != 0 or result is None:
        lines = [ln for ln in (p.stderr or "").strip().splitlines() if ln.strip()]
        msg = lines[-1] if lines else "exit code %d, no result line" % p.returncode
        return {"error": msg, "returncode": p.returncode, "stderr_tail": "\n".join(lines[-12:])}
    f = result.get("pymonnto_file") or ""
    if expect_prefix and not os.path.abspath(f).startswith(os.path.abspath(expect_prefix)):
        return {"error": "%s side imported PymoNNto from %s (expected under %s)" % (side, f, expect_prefix)}
    result["wall"] = wall
    return result


def select(patterns):
    if not patterns:
        return list(WORKLOADS)
    pats = [p.strip() for p in patterns.split(",") if p.strip()]
    out = []
    for w in WORKLOADS:
        if any(fnmatch.fnmatch(w.name, p) or p == w.name or ("*" not in p and p in w.name) for p in pats):
            out.append(w)
    return out


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="short runs (fewer iterations, 2 repeats)")
    ap.add_argument("--only", default="", help="comma-separated workload names, substrings or globs")
    ap.add_argument("--list", action="store_true", help="list the workloads and exit")
    ap.add_argument("--repeats", type=int, default=None, help="runs per side (default 3, --quick 2)")
    ap.add_argument("--iters-scale", type=float, default=1.0, help="multiply every iteration count")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--side", choices=["both", "ref", "ours"], default="both")
    ap.add_argument("--python", default=sys.executable, help="interpreter for our side (needs numpy)")
    ap.add_argument("--venv", default=DEFAULT_VENV, help="reference venv directory")
    ap.add_argument(
        "--reference-python",
        default=None,
        help="use this interpreter (with PymoNNto 3.0.6) instead of the venv",
    )
    ap.add_argument("--no-install", action="store_true", help="never pip-install the reference")
    ap.add_argument("--rebuild", action="store_true", help="rebuild the reference venv")
    ap.add_argument("--pip-timeout", type=int, default=900)
    ap.add_argument("--timeout", type=int, default=900, help="seconds per workload run")
    ap.add_argument("--write", action="store_true", help="write the table into docs/benchmarks.md")
    ap.add_argument(
        "--no-floor", action="store_true", help="skip the plain-numpy floor runs (workloads/bare_*.py)"
    )
    ap.add_argument("--json", default=None, help="also dump all raw results to this file")
    args = ap.parse_args(argv)

    if args.list:
        for w in WORKLOADS:
            log("%-15s %-18s %6d its (quick %4d)  %s" % (w.name, w.script, w.iters, w.quick_iters, w.desc))
        return 0
    workloads = select(args.only)
    if not workloads:
        log("no workload matches --only %r; see --list" % args.only)
        return 2
    repeats = args.repeats or (2 if args.quick else 3)
    load_start = loadavg()
    tmp = tempfile.mkdtemp(prefix="mnn-bench-")
    ref_cwd = os.path.join(tmp, "ref")
    ours_cwd = os.path.join(tmp, "ours")
    os.makedirs(ref_cwd)
    os.makedirs(ours_cwd)
    try:
        sides = []
        ours_np, ours_py, err = python_numpy_version(args.python, ours_env(), ours_cwd)
        if args.side in ("both", "ours"):
            if ours_np:
                sides.append("ours")
            else:
                log("OUR SIDE UNAVAILABLE: %s has no working numpy (%s)" % (args.python, err))
        ref_py = ref_info = None
        ref_problem = None
        if args.side in ("both", "ref"):
            ref_py, ref_info, ref_problem = ensure_reference(args, ours_np or np.__version__, ref_cwd)
            if ref_py:
                sides.insert(0, "ref")
                log(
                    "reference: PymoNNto %s, numpy %s, python %s (%s)"
                    % (ref_info["version"], ref_info["numpy"], ref_info["python"], ref_py)
                )
            else:
                log(
                    "REFERENCE UNAVAILABLE (PymoNNto %s could not be installed/imported): %s"
                    % (REF_VERSION, ref_problem)
                )
                log("continuing with our side only")
        if not sides:
            log("nothing to run")
            return 1
        if "ours" in sides:
            log("ours: %s (numpy %s, python %s), PYTHONPATH=%s" % (args.python, ours_np, ours_py, REPO))
        if ref_info and ours_np and ref_info["numpy"] != ours_np:
            log(
                "WARNING: numpy differs between sides (ref %s, ours %s): "
                "fingerprints may differ for that reason" % (ref_info["numpy"], ours_np)
            )

        if args.side == "both" and not args.no_floor and "ours" in sides and any(w.bare for w in workloads):
            sides.append("bare")
            log("floor: the same numpy calls in a plain loop (workloads/bare_*.py), our python")

        bw = measure_bandwidth()
        bw_read = measure_gemv_bandwidth()
        log(
            "memory bandwidth: numpy copy %.2f GB/s (read+write); sgemv streams W at %.2f GB/s"
            % (bw / 1e9, bw_read / 1e9)
        )

        sides_run = {
            "ref": (ref_py, ref_cwd, ref_env(), args.venv if not args.reference_python else None),
            "ours": (args.python, ours_cwd, ours_env(), REPO),
            "bare": (args.python, ours_cwd, base_env(), None),
        }
        rows = []
        raw = []
        for w in workloads:
            iters = max(1, int(round((w.quick_iters if args.quick else w.iters) * args.iters_scale)))
            runs = {s: [] for s in sides}
            for rep in range(repeats):
                for side in sides:
                    if side == "bare" and not w.bare:
                        continue
                    if runs[side] and "error" in runs[side][-1]:
                        continue  # crashed once: do not retry this side
                    py, cwd, env, prefix = sides_run[side]
                    res = run_workload(side, py, w, iters, args.seed, cwd, env, args.timeout, prefix)
                    runs[side].append(res)
                    raw.append({**res, "workload": w.name, "side": side, "repeat": rep, "iters": iters})
                    if "error" in res:
                        log("[%s] %-4s #%d CRASH: %s" % (w.name, side, rep + 1, res["error"]))
                    else:
                        log(
                            "[%s] %-4s #%d %10.1f it/s  fp %s  (%.1fs wall)"
                            % (w.name, side, rep + 1, res["it_per_s"], res["fingerprint"], res["wall"])
                        )
            row = summarize(w, runs, sides)
            row["iters"] = iters
            row["target"] = w.target
            row["target_bound"] = w.target_bound
            rows.append(row)
        load_end = loadavg()
        # the box is shared: measure again at the end and keep the better (less disturbed) figures
        bw_end, bw_read_end = measure_bandwidth(), measure_gemv_bandwidth()
        if bw_end > bw * 1.05 or bw_read_end > bw_read * 1.05:
            log(
                "bandwidth at the end: copy %.2f GB/s, sgemv %.2f GB/s (keeping the larger values)"
                % (bw_end / 1e9, bw_read_end / 1e9)
            )
        bw, bw_read = max(bw, bw_end), max(bw_read, bw_read_end)

        l3 = l3_bytes()
        table = build_table(rows, bw, sides, l3)
        notes = build_notes(rows, sides)
        cmd = "python -m tests.bench.driver " + " ".join(argv if argv is not None else sys.argv[1:])
        head = [
            "date: %s" % datetime.datetime.now().strftime("%Y-%m-%d %H:%M"),
            "machine: %d cores, %s%s, %s; load average %s at start, %s at end"
            % (
                os.cpu_count() or 0,
                cpu_model(),
                ", L3 %d MiB" % (l3 // 2**20) if l3 else "",
                platform.platform(),
                load_start,
                load_end,
            ),
            "ours: python %s, numpy %s" % (ours_py, ours_np) if "ours" in sides else "ours: not run",
            (
                "reference: PymoNNto %s, python %s, numpy %s"
                % (ref_info["version"], ref_info["python"], ref_info["numpy"])
                if ref_info
                else "reference: NOT RUN (%s)" % (ref_problem or "not requested")
            ),
            "command: `%s` (%d runs per side, alternating, BLAS threads = 1, seed %d)"
            % (cmd.strip(), repeats, args.seed),
            "memory bandwidth: %.2f GB/s (best numpy copy of 256 MiB at start and end, "
            "read + write bytes; the bound below uses it); "
            "for context, W.dot(x) (BLAS sgemv, 5000x5000 float32, C order) streams W at %.2f GB/s"
            % (bw / 1e9, bw_read / 1e9),
        ]
        text = "\n".join("- " + h for h in head) + "\n\n" + table + "\n\n"
        text += (
            "`*` gather workloads (np.sum(W[:, fired], axis=1)): W bytes = dst x mean fired src columns x 4, "
            "the column-major lower bound; the dense (W.dot) rows read all of W every step. "
            "`†` W fits in the L3 cache, so the DRAM bound does not apply.\n"
        )
        if notes:
            text += "\n" + "\n".join(notes) + "\n"
        log("")
        log(text)
        for r in rows:
            for k, d in (r.get("diff_detail") or {}).items():
                log("  %s %s: ref %s | ours %s" % (r["name"], k, d["ref"], d["ours"]))
            for side in sides:
                if r[side]["stderr_tail"]:
                    log("--- %s %s stderr tail ---\n%s" % (r["name"], side, r[side]["stderr_tail"]))
        if args.json:
            with open(args.json, "w") as f:
                json.dump(
                    {"head": head, "bandwidth": bw, "gemv_bandwidth": bw_read, "runs": raw},
                    f,
                    indent=1,
                    default=str,
                )
        if args.write:
            write_doc("## Latest results\n\n" + text)
            log("wrote %s" % DOC_PATH)
        return 0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
