"""Machine facts for the benchmark report: memory bandwidth, CPU model, L3 size, load."""

import os
import platform
import time

import numpy as np


def measure_bandwidth(mbytes=256, repeats=7):
    """Bytes/s of a large numpy copy, counting read + write (2 x size)."""
    n = mbytes * 2**20 // 4
    a = np.ones(n, np.float32)
    b = np.empty_like(a)
    np.copyto(b, a)
    best = float("inf")
    for _ in range(repeats):
        t0 = time.perf_counter()
        np.copyto(b, a)
        best = min(best, time.perf_counter() - t0)
    return 2 * a.nbytes / best


def measure_gemv_bandwidth(n=5000, repeats=7):
    """Bytes/s at which BLAS sgemv (W.dot(x), C-ordered float32 n x n W) streams W, for context:
    the rate the seed network's W.dot(spike) reaches with the numpy/OpenBLAS kernel both sides use."""
    W = np.ones((n, n), np.float32)
    x = np.ones(n, np.float32)
    W.dot(x)
    best = float("inf")
    for _ in range(repeats):
        t0 = time.perf_counter()
        W.dot(x)
        best = min(best, time.perf_counter() - t0)
    return W.nbytes / best


def cpu_model():
    info = {}
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if ":" in line:
                    k, v = line.split(":", 1)
                    info.setdefault(k.strip().lower(), v.strip())
    except OSError:
        pass
    name = info.get("model name") or platform.processor() or platform.machine()
    if "cpu family" in info and "model" in info:
        name += " (family %s, model %s)" % (info["cpu family"], info["model"])
    return name


def l3_bytes():
    try:
        for idx in sorted(os.listdir("/sys/devices/system/cpu/cpu0/cache")):
            d = os.path.join("/sys/devices/system/cpu/cpu0/cache", idx)
            with open(os.path.join(d, "level")) as f:
                if f.read().strip() != "3":
                    continue
            with open(os.path.join(d, "size")) as f:
                txt = f.read().strip().upper()
            mult = {"K": 2**10, "M": 2**20, "G": 2**30}.get(txt[-1:], 1)
            return int(txt.rstrip("KMG")) * mult
    except (OSError, ValueError):
        pass
    return None


def loadavg():
    try:
        return tuple(round(x, 2) for x in os.getloadavg())
    except OSError:
        return None
