"""Micro-benchmark: memory order of W for the PymoNNto propagation idioms.

PymoNNto 3.0.6 creates W with ``uniform(size=(dst, src)).astype(float32)``, i.e.
C (row-major) order.  The classical examples propagate with
``np.sum(W[:, fired], axis=1)`` (gather the fired presynaptic columns), the seed
network with ``W.dot(spike)``.  This script times both idioms on a C-ordered
and an F-ordered (column-major) copy of the same W and checks whether the
results are bit-identical.

Pure numpy; run it with the reference venv's python to measure "the
reference" (same code path PymoNNto executes), or any python with numpy:

    OPENBLAS_NUM_THREADS=1 python tests/bench/micro_w_layout.py [--n 5000] [--repeats 20]
"""

import argparse
import os
import platform
import time

for _v in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_v, "1")

import numpy as np  # noqa: E402


def best_time(fn, repeats):
    fn()  # warm up
    best = float("inf")
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def compare(a, b):
    same = np.array_equal(a, b)
    diff = float(np.max(np.abs(a.astype(np.float64) - b.astype(np.float64)))) if a.size else 0.0
    return same, diff


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=5000, help="neurons (W is n x n float32)")
    ap.add_argument("--repeats", type=int, default=15)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument(
        "--fractions", default="0.001,0.0075,0.02,0.05,0.2", help="fired fractions to test (comma separated)"
    )
    args = ap.parse_args(argv)

    np.random.seed(args.seed)
    n = args.n
    Wc = np.random.uniform(size=(n, n)).astype(np.float32)  # what PymoNNto builds
    Wf = np.asfortranarray(Wc)
    print(
        "W %dx%d float32 (%.0f MB); numpy %s, python %s"
        % (n, n, Wc.nbytes / 1e6, np.__version__, platform.python_version())
    )
    print("np.sum(W[:, fired], axis=1):")
    print(
        "%9s %7s %11s %11s %8s %10s %s" % ("fired", "count", "C ms", "F ms", "C/F", "identical", "max|diff|")
    )
    rows = []
    for frac in [float(x) for x in args.fractions.split(",")]:
        fired = np.random.random_sample(n) < frac
        tc = best_time(lambda fired=fired: np.sum(Wc[:, fired], axis=1), args.repeats)
        tf = best_time(lambda fired=fired: np.sum(Wf[:, fired], axis=1), args.repeats)
        rc = np.sum(Wc[:, fired], axis=1)
        rf = np.sum(Wf[:, fired], axis=1)
        same, diff = compare(rc, rf)
        rows.append((frac, int(fired.sum()), tc, tf, same, diff))
        print(
            "%9.4f %7d %11.3f %11.3f %8.2f %10s %.3g"
            % (frac, fired.sum(), tc * 1e3, tf * 1e3, tc / tf, same, diff)
        )

    # Alternatives that keep C order's results bit-identical would need the same
    # summation order; show what the common rewrites give.
    fired = np.random.random_sample(n) < 0.0075
    idx = np.flatnonzero(fired)
    ref = np.sum(Wc[:, fired], axis=1)
    print("at fired fraction 0.0075 (%d columns):" % len(idx))
    variants = [
        ("C  np.sum(W[:, fired], axis=1)", lambda: np.sum(Wc[:, fired], axis=1)),
        ("F  np.sum(W[:, fired], axis=1)", lambda: np.sum(Wf[:, fired], axis=1)),
        ("F  np.sum(W[:, idx], axis=1)", lambda: np.sum(Wf[:, idx], axis=1)),
        ("F  np.add.reduce(W.T[idx], axis=0)", lambda: np.add.reduce(Wf.T[idx], axis=0)),
        ("C  np.sum(W.take(idx, axis=1), axis=1)", lambda: np.sum(Wc.take(idx, axis=1), axis=1)),
        ("C  W.dot(fired)", lambda: Wc.dot(fired)),
        ("F  W.dot(fired)", lambda: Wf.dot(fired)),
    ]
    for name, fn in variants:
        t = best_time(fn, args.repeats)
        same, diff = compare(ref, fn())
        print("  %-40s %9.3f ms  identical to C sum: %-5s max|diff| %.3g" % (name, t * 1e3, same, diff))

    # seed idiom: dense matvec with a bool vector
    spike = np.random.random_sample(n) < 0.01
    tc = best_time(lambda: Wc.dot(spike), args.repeats)
    tf = best_time(lambda: Wf.dot(spike), args.repeats)
    same, diff = compare(Wc.dot(spike), Wf.dot(spike))
    print(
        "W.dot(spike) (seed idiom, 1%% spiking): C %.3f ms, F %.3f ms, identical %s, max|diff| %.3g"
        % (tc * 1e3, tf * 1e3, same, diff)
    )

    # caveat: ravel/reshape of an F-ordered W copies instead of returning a view
    print(
        "caveat: np.shares_memory(W, W.ravel()): C %s, F %s"
        % (np.shares_memory(Wc, Wc.ravel()), np.shares_memory(Wf, Wf.ravel()))
    )
    return rows


if __name__ == "__main__":
    main()
