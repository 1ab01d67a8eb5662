"""Tiny helper shared by the benchmark workloads (stdlib + numpy only).

It never touches the engine: it parses the workload options, times a callable
and turns arrays into a fingerprint.  The workloads themselves use only the
PymoNNto API, so the same script runs unchanged on the real PymoNNto 3.0.6 and
on this repository's compat package.

Options come from argv (``--size 1000 --iters 500 --record 0 --seed 1``) or,
when absent, from environment variables (``BENCH_SIZE``, ``BENCH_ITERS``,
``BENCH_RECORD``, ``BENCH_SEED``, ...).  argv uses ``--key value`` on purpose:
PymoNNto turns bare ``name=value`` arguments into genome entries.

The result is printed as ONE line ``BENCH_RESULT {json}`` on stdout; the
driver parses that line and ignores everything else the engine prints.
"""

import hashlib
import json
import os
import platform
import sys
import time

import numpy as np

RESULT_PREFIX = "BENCH_RESULT "


def options(**defaults):
    """Return a dict of options: defaults < BENCH_<KEY> env vars < --key argv."""
    opts = dict(defaults)
    for key, _default in defaults.items():
        env = os.environ.get("BENCH_" + key.upper())
        if env is not None:
            opts[key] = env
    argv = sys.argv[1:]
    i = 0
    while i < len(argv):
        a = argv[i]
        if a.startswith("--"):
            key = a[2:].replace("-", "_")
            if "=" in key:
                key, val = key.split("=", 1)
            else:
                val = argv[i + 1] if i + 1 < len(argv) else "1"
                i += 1
            opts[key] = val
        i += 1
    # cast to the type of the default
    for key, val in list(opts.items()):
        d = defaults.get(key)
        if isinstance(val, str) and d is not None:
            if isinstance(d, bool):
                opts[key] = val.strip().lower() in ("1", "true", "yes", "on")
            elif isinstance(d, int):
                opts[key] = int(float(val))
            elif isinstance(d, float):
                opts[key] = float(val)
    return opts


def time_simulation(run, iterations):
    """Time ``run()`` (the simulate phase only) and return (seconds, it/s)."""
    t0 = time.perf_counter()
    run()
    dt = time.perf_counter() - t0
    return dt, (iterations / dt if dt > 0 else float("inf"))


def time_call(run):
    """Seconds one call of ``run()`` takes (used for ``Network.initialize``)."""
    t0 = time.perf_counter()
    run()
    return time.perf_counter() - t0


def run_ei_network(workload, opts, net, groups, final_vars, recorded_vars, afferent):
    """Initialize, time and fingerprint an E/I network (izhikevich_ei.py, lif_ei.py), then report.

    Everything goes through the PymoNNto API of the objects passed in, so this helper runs on
    either side. The fingerprint covers the final ``final_vars`` of every group, every afferent
    W, and (with ``--record 1``) the recorded ``recorded_vars``, which must include 'fired'.
    """
    init_seconds = time_call(lambda: net.initialize(info=False))
    iters = opts["iters"]
    seconds, its = time_simulation(lambda: net.simulate_iterations(iters, measure_block_time=False), iters)
    parts = {}
    for gi, g in enumerate(groups):
        for var in final_vars:
            parts["g%d_final_%s" % (gi, var)] = getattr(g, var)
        for si, s in enumerate(g.synapses(afferent)):
            parts["g%d_W%d" % (gi, si)] = s.W
    extra = {"w_bytes_full": int(sum(s.W.nbytes for s in net.SynapseGroups)), "w_access": "gather"}
    if opts["record"]:
        fired_rate = {}
        for gi, _group in enumerate(groups):
            for var in recorded_vars:
                parts["g%d_rec_%s" % (gi, var)] = net[var, gi, "np"]
            fired_rate[gi] = float(np.mean(net["fired", gi, "np"]))
        # column-major lower bound of W bytes read per step: every afferent SG reads
        # dst.size * (mean fired src columns) values
        touched = sum(
            s.dst.size * s.src.size * fired_rate[groups.index(s.src)] * s.W.itemsize
            for s in net.SynapseGroups
        )
        extra["w_bytes_per_iter"] = int(touched)
        extra["fired_fraction"] = fired_rate
    digest, info = fingerprint(parts)
    report(workload, opts, seconds, its, digest, info, init_seconds=init_seconds, **extra)


def array_digest(a):
    """sha256 (16 hex chars) of an array's dtype, shape and raw bytes.

    dtype and shape are part of the digest on purpose: an engine that records
    float64 where the reference records float32 must not "match".
    """
    if a is None:
        return "none"
    a = np.ascontiguousarray(np.asarray(a))
    h = hashlib.sha256()
    h.update(str(a.dtype.str).encode())
    h.update(str(a.shape).encode())
    h.update(a.tobytes())
    return h.hexdigest()[:16]


def summary(a):
    """Human-readable summary next to the digest (helps to see *how* results differ)."""
    if a is None:
        return None
    a = np.asarray(a)
    out = {"dtype": str(a.dtype), "shape": list(a.shape)}
    if a.size:
        f = a.astype(np.float64)
        out["sum"] = float(np.sum(f))
        out["absmax"] = float(np.max(np.abs(f)))
    return out


def fingerprint(parts):
    """parts: dict name -> array. Returns (combined digest, per-part info)."""
    info = {}
    h = hashlib.sha256()
    for name in sorted(parts):
        d = array_digest(parts[name])
        info[name] = {"digest": d, **(summary(parts[name]) or {})}
        h.update(name.encode())
        h.update(d.encode())
    return h.hexdigest()[:16], info


def report(workload, opts, seconds, its, digest, parts_info, **extra):
    """Print the single machine-readable result line."""
    try:
        import PymoNNto

        module_file = getattr(PymoNNto, "__file__", None)
    except Exception:  # pragma: no cover
        module_file = None
    res = {
        "workload": workload,
        "options": opts,
        "seconds": seconds,
        "it_per_s": its,
        "fingerprint": digest,
        "parts": parts_info,
        "python": platform.python_version(),
        "numpy": np.__version__,
        "pymonnto_file": module_file,
    }
    res.update(extra)
    sys.stdout.flush()
    print(RESULT_PREFIX + json.dumps(res), flush=True)
