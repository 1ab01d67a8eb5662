"""Benchmark workload: the seed network (SEED.txt, second example).

Basic_Behavior (threshold, reset, decay, sparse uniform noise) + Input_Behavior
(dense W.dot(spike) propagation, W = matrix('uniform', density=0.1)) and,
with --record 1, Recorder(['voltage', 'np.mean(voltage)']) + EventRecorder('spike').

Options (argv ``--key value`` or env ``BENCH_KEY``):
  --size N      neurons (100 / 1000 / 5000 in the driver)
  --iters N     simulated iterations (timed)
  --record 0|1  attach the Recorder and EventRecorder
  --seed S      np.random.seed

Parity facts for identical fingerprints (observed on PymoNNto 3.0.6):
* vector('uniform', density=0.01) draws ``uniform(size=size)`` (float64),
  casts it to float32, THEN draws the mask with ``random_sample(size)`` and
  multiplies ``values * (mask <= 0.01)``: two draws of ``size`` doubles per
  call, values first.  matrix('uniform', density=0.1) does the same with
  dim = (dst.size, src.size), both draws filled in C (row-major) order.
* W.dot(spike) with a float32 W and a bool spike vector is a float32 BLAS
  gemv; storing W in another memory order may select another kernel and
  change float32 rounding.
* Recorder stores copy.copy of the evaluated value each step; 'np.mean(voltage)'
  yields numpy float32 scalars, so net['np.mean(voltage)', 0, 'np'] is float32.
* EventRecorder stores int64 rows [iteration, index] (iteration is 1-based).
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _benchlib as bench  # noqa: E402
import numpy as np  # noqa: E402

from PymoNNto import *  # noqa: E402,F401,F403

opts = bench.options(size=100, iters=2000, record=True, seed=1, propagation="dense")
np.random.seed(opts["seed"])


class Basic_Behavior(Behavior):
    def initialize(self, neurons):
        neurons.voltage = neurons.vector()
        self.threshold = self.parameter("threshold", 0.5)

    def iteration(self, neurons):
        neurons.spike = neurons.voltage > self.threshold
        neurons.voltage[neurons.spike] = 0.0  # reset

        neurons.voltage *= 0.9  # voltage decay
        neurons.voltage += neurons.vector("uniform", density=0.01)  # noise


class Input_Behavior(Behavior):
    def initialize(self, neurons):
        for synapse in neurons.synapses(afferent, "GLUTAMATE"):
            synapse.W = synapse.matrix("uniform", density=0.1)
            synapse.enabled = synapse.W > 0

    def iteration(self, neurons):
        for synapse in neurons.synapses(afferent, "GLUTAMATE"):
            neurons.voltage += synapse.W.dot(synapse.src.spike) / synapse.src.size * 10


class Event_Input_Behavior(Input_Behavior):
    """The event-driven idiom: add the columns of the neurons that spiked (--propagation gather)."""

    def iteration(self, neurons):
        for synapse in neurons.synapses(afferent, "GLUTAMATE"):
            neurons.voltage += np.sum(synapse.W[:, synapse.src.spike], axis=1) / synapse.src.size * 10


behavior = {
    1: Basic_Behavior(),
    2: Event_Input_Behavior() if opts["propagation"] == "gather" else Input_Behavior(),
}
if opts["record"]:
    behavior[9] = Recorder(["voltage", "np.mean(voltage)"], tag="my_recorder")
    behavior[10] = EventRecorder("spike", tag="my_event_recorder")

My_Network = Network()
My_Neurons = NeuronGroup(net=My_Network, tag="my_neurons", size=opts["size"], behavior=behavior)
SynapseGroup(net=My_Network, src=My_Neurons, dst=My_Neurons, tag="GLUTAMATE")

init_seconds = bench.time_call(lambda: My_Network.initialize(info=False))

iters = opts["iters"]
seconds, its = bench.time_simulation(
    lambda: My_Network.simulate_iterations(iters, measure_block_time=False), iters
)

# ---- fingerprint (not timed) ------------------------------------------------
W = My_Network["GLUTAMATE", 0].W
parts = {
    "W": W,
    "final_voltage": My_Neurons.voltage,
    "final_spike": My_Neurons.spike,
}
if opts["record"]:
    parts["rec_voltage"] = My_Network["voltage", 0, "np"]
    parts["rec_mean_voltage"] = My_Network["np.mean(voltage)", 0, "np"]
    parts["events_spike"] = My_Network["spike", 0]
digest, info = bench.fingerprint(parts)

extra = {
    "w_bytes_per_iter": int(W.nbytes),
    "w_access": "dense",
    "w_order": "F" if (W.flags.f_contiguous and not W.flags.c_contiguous) else "C",
}
if opts["record"]:
    ev = np.asarray(My_Network["spike", 0])
    extra["spikes_per_iter"] = float(len(ev)) / iters
bench.report("seed", opts, seconds, its, digest, info, init_seconds=init_seconds, **extra)
