"""Run the whole test suite N times in a row and report hangs and failures per run.

Usage (from the repository root)::

    .venv/bin/python tools/repeat_suite.py [-n 20] [--timeout 900] [-- PYTEST ARGS...]

Each run is a fresh ``python -m pytest -v -p no:cacheprovider`` process (offscreen Qt) with a
wall-clock limit; a run that passes the limit is killed (its whole process group) and counted as
a hang, naming the last test that finished before it. The failed test ids of every run are
printed, and at the end one line with the totals.
Exit status: 0 when every run passed, 1 otherwise.
"""

from __future__ import annotations

import argparse
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_FAILED = re.compile(r"^(?:FAILED|ERROR) (\S+)", re.MULTILINE)
_SUMMARY = re.compile(r"^=+ (.*) in [\d.]+s.*=+$", re.MULTILINE)


def run_once(
    python: str, extra: list[str], timeout: float, keep: Path | None = None
) -> tuple[str, list[str], str, float]:
    """One suite run: ``(outcome, failed ids, pytest's summary line, seconds)``; outcome is
    ``'passed'``, ``'failed'`` or ``'hang'``. ``keep``: where the whole output of a run that did
    not pass is written (its tracebacks)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONDONTWRITEBYTECODE="1")
    cmd = [python, "-m", "pytest", "-v", "-p", "no:cacheprovider", "-rfE", *extra]
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd,
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    try:
        out, _ = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        out, _ = proc.communicate()
        done = [
            line for line in (out or "").splitlines() if re.search(r"(PASSED|FAILED|ERROR|SKIPPED)", line)
        ]
        last = done[-1].split(" ")[0] if done else "(none)"
        where = f"killed after {timeout:g} s; the hung test comes after {last}"
        if keep is not None:
            keep.write_text(out or "", encoding="utf-8")
        return "hang", _FAILED.findall(out or ""), where, time.perf_counter() - start
    seconds = time.perf_counter() - start
    failed = _FAILED.findall(out)
    summary = _SUMMARY.findall(out)
    outcome = "passed" if proc.returncode == 0 else "failed"
    if outcome == "failed" and not failed:
        failed = [f"(pytest exit status {proc.returncode})"]
    if outcome == "failed" and keep is not None:
        keep.write_text(out, encoding="utf-8")
    last = out.strip().splitlines()[-1] if out.strip() else ""
    return outcome, failed, summary[-1] if summary else last, seconds


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point; returns the exit status."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-n", "--runs", type=int, default=20, help="how many runs (default 20)")
    ap.add_argument("--timeout", type=float, default=900.0, help="seconds before a run counts as a hang")
    ap.add_argument("--python", default=str(ROOT / ".venv" / "bin" / "python"), help="interpreter to use")
    ap.add_argument(
        "--logs", type=Path, default=None, help="folder for the whole output of each run that did not pass"
    )
    ap.add_argument("pytest_args", nargs="*", help="extra pytest arguments (after --)")
    args = ap.parse_args(argv)
    if args.runs < 1 or not args.timeout > 0:
        ap.error("--runs must be at least 1 and --timeout positive")
    hangs = failures = 0
    for k in range(1, args.runs + 1):
        keep = None
        if args.logs is not None:
            args.logs.mkdir(parents=True, exist_ok=True)
            keep = args.logs / f"run_{k:02d}.log"
        outcome, failed, summary, seconds = run_once(args.python, args.pytest_args, args.timeout, keep)
        hangs += outcome == "hang"
        failures += outcome == "failed"
        print(f"run {k}/{args.runs}: {outcome:<6} {seconds:7.1f} s  {summary}", flush=True)
        for test_id in failed:
            print(f"    {test_id}", flush=True)
        if keep is not None and keep.exists():
            print(f"    output: {keep}", flush=True)
    print(f"{args.runs} runs: {hangs} hangs, {failures} with failures, {args.runs - hangs - failures} clean")
    return 0 if hangs == failures == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
