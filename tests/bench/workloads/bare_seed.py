"""The floor for seed_network.py (dense ``W.dot(spike)``): the same numpy calls in a plain loop.

Same draws, dtypes and order as the PymoNNto script, so the fingerprint must equal the
reference's. No simulator overhead is left: what remains is the BLAS matrix-vector product, the
two noise draws per step and a few small array operations, all made by the script itself. No
engine running the script unchanged (and bit-identical) can beat this loop by more than noise.

Options: as seed_network.py (``--size --iters --record --seed``).
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _benchlib as bench  # noqa: E402
import numpy as np  # noqa: E402

opts = bench.options(size=100, iters=2000, record=True, seed=1, propagation="dense")
np.random.seed(opts["seed"])
f32 = np.float32
size, iters, record = opts["size"], opts["iters"], opts["record"]

voltage = np.zeros(size, dtype=f32)  # Basic_Behavior.initialize
W = np.random.uniform(size=(size, size)).astype(f32) * (np.random.random_sample((size, size)) <= 0.1)
enabled = W > 0  # Input_Behavior.initialize
spike = None
if record:
    rec_voltage = np.empty((iters, size), dtype=f32)
    rec_mean = np.empty(iters, dtype=f32)
    events = []


def run():
    global spike, voltage
    for step in range(iters):
        spike = voltage > 0.5  # Basic_Behavior.iteration
        voltage[spike] = 0.0
        voltage *= 0.9
        voltage += np.random.uniform(size=size).astype(f32) * (np.random.random_sample(size) <= 0.01)
        voltage += W.dot(spike) / size * 10  # Input_Behavior.iteration
        if record:
            rec_voltage[step] = voltage
            rec_mean[step] = np.mean(voltage)
            events.append(spike.nonzero()[0])


seconds, its = bench.time_simulation(run, iters)

parts = {"W": W, "final_voltage": voltage, "final_spike": spike}
if record:
    parts["rec_voltage"] = rec_voltage
    parts["rec_mean_voltage"] = rec_mean
    t = np.concatenate([np.full(len(e), step + 1) for step, e in enumerate(events)])
    parts["events_spike"] = np.stack([t, np.concatenate(events)], axis=1).astype(int)
digest, info = bench.fingerprint(parts)
bench.report("bare_seed", opts, seconds, its, digest, info)
