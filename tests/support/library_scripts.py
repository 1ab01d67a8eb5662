"""The networks on which the library behaviors are compared with PymoNNto 3.0.6.

``tools/collect_library_reference.py`` runs every script of :data:`SCRIPTS` under the reference
interpreter (after :data:`REFERENCE_IMPORTS` and :data:`COMMON`) and stores each script's ``RESULT``
in ``tests/data/library_reference.json``; ``tests/engine/library/test_reference_values.py`` runs the
same text with this engine's names (:data:`ENGINE_IMPORTS`) and compares. ``RESULT`` maps names to
:func:`fingerprint` dicts (dtype, shape, float64 sum, sha256 of the bytes) or plain numbers, so the
data file stays small and a single flipped bit shows.

This file is read by the tool as a file (not imported as a package), so it imports nothing of the
repository.
"""

from __future__ import annotations

REFERENCE_IMPORTS = """
from PymoNNto import *
from PymoNNto.NetworkBehavior.Basics.BasicHomeostasis import *
from PymoNNto.NetworkBehavior.Basics.Normalization import *
from PymoNNto.NetworkBehavior.Basics.Normalization_Sparse import *
from PymoNNto.NetworkBehavior.Basics.Behavior_Weight_Initialization import *
from PymoNNto.NetworkBehavior.Basics.Refractory import *
from PymoNNto.NetworkBehavior.EulerEquationModules.VariableInitializer import *
from PymoNNto.NetworkBehavior.EulerEquationModules.Equation import *
from PymoNNto.NetworkBehavior.EulerEquationModules.EulerClock import *
"""

ENGINE_IMPORTS = """
from engine import *
from engine.library import *
"""

# Names here avoid sympy's unit names, which the reference's equation modules star-export
# (m, s, g, t, v, c, ...).
COMMON = """
import hashlib
import numpy as np
import scipy.sparse as sparse_matrices


def fingerprint(value):
    array = np.ascontiguousarray(np.asarray(value))
    return {
        "dtype": str(array.dtype),
        "shape": list(array.shape),
        "sum": float(np.sum(array, dtype=np.float64)),
        "sha": hashlib.sha256(array.tobytes()).hexdigest()[:20],
    }


class TraceProbe(Behavior):
    def initialize(self, obj):
        self.names = self.parameter('names', [])
        self.trace = {name: [] for name in self.names}

    def iteration(self, obj):
        for name in self.names:
            self.trace[name].append(np.array(getattr(obj, name), copy=True))

    def stacked(self, name):
        return np.array(self.trace[name])


class RandomDrive(Behavior):
    def initialize(self, neurons):
        neurons.bias = neurons.vector()
        neurons.voltage = neurons.vector()

    def iteration(self, neurons):
        neurons.voltage = neurons.vector('uniform') + neurons.bias


RESULT = {}
"""

HOMEOSTASIS = """
np.random.seed(11)
net = Network()
plain = NeuronGroup(net=net, tag='plain', size=40, behavior={
    1: RandomDrive(),
    2: Instant_Homeostasis(measurement_param='n.voltage', adjustment_param='bias', threshold=0.3,
                           gap_percent=10, adj_strength=0.05, target_clip_min=-1.0, target_clip_max=1.0),
    3: TraceProbe(names=['voltage', 'bias']),
})
class MeanVoltage(Behavior):
    def iteration(self, neurons):
        neurons.mean_voltage = np.mean(neurons.voltage)


# (PymoNNto 3.0.6 reads measurement_param as a value string when it has parentheses, so the
# documented 'np.mean(n.voltage)' fails there; the mean is taken by a behavior of its own here.)
binary = NeuronGroup(net=net, tag='binary', size=30, behavior={
    1: RandomDrive(),
    1.5: MeanVoltage(),
    2: Instant_Homeostasis(measurement_param='n.mean_voltage', adjustment_param='bias', threshold=0.3,
                           distance_sensitive=False, inc=6.0, dec=0.5, adj_strength=0.01),
    3: TraceProbe(names=['bias']),
})
ranged = NeuronGroup(net=net, tag='ranged', size=25, behavior={
    1: RandomDrive(),
    2: Instant_Homeostasis(measurement_param='n.voltage', adjustment_param='bias',
                           min_th='uniform(0.2,0.3)', max_th='uniform(0.35,0.45)',
                           measurement_min=0.1, measurement_max=0.8, adj_strength=0.1),
    3: TraceProbe(names=['bias']),
})
averaged = NeuronGroup(net=net, tag='averaged', size=20, behavior={
    1: RandomDrive(),
    2: Time_Integration_Homeostasis(measurement_param='n.voltage', adjustment_param='bias', threshold=0.3,
                                    integration_length=10, init_avg=0.2, adj_strength=0.05),
    3: TraceProbe(names=['bias']),
})
averaged_default = NeuronGroup(net=net, tag='averaged_default', size=20, behavior={
    1: RandomDrive(),
    2: Time_Integration_Homeostasis(measurement_param='n.voltage', adjustment_param='bias',
                                    min_th=0.25, max_th=0.35, integration_length=3),
    3: TraceProbe(names=['bias']),
})
net.initialize(info=False)
net.simulate_iterations(150, measure_block_time=False)
for group in (plain, binary, ranged, averaged, averaged_default):
    probe = group['TraceProbe', 0]
    RESULT[group.tags[0] + '.bias'] = fingerprint(probe.stacked('bias'))
    RESULT[group.tags[0] + '.final_bias'] = fingerprint(group.bias)
RESULT['plain.voltage'] = fingerprint(plain['TraceProbe', 0].stacked('voltage'))
RESULT['plain.add'] = fingerprint(plain['Instant_Homeostasis', 0].add)
RESULT['ranged.min_th'] = fingerprint(ranged['Instant_Homeostasis', 0].min_th)
RESULT['averaged.average'] = fingerprint(averaged['Time_Integration_Homeostasis', 0].average)
RESULT['averaged_default.average'] = fingerprint(averaged_default['Time_Integration_Homeostasis', 0].average)
"""


NORMALIZATION = """
class Grow(Behavior):
    def iteration(self, synapses):
        synapses.W = synapses.W + synapses.matrix('uniform') * 0.05 - 0.01


class GrowInPlace(Behavior):
    def iteration(self, synapses):
        synapses.W += synapses.matrix('uniform') * 0.05 - 0.01


np.random.seed(5)
net = Network()
inputs = NeuronGroup(net=net, tag='inputs', size=12, behavior={})
cells = NeuronGroup(net=net, tag='cells', size=15, behavior={
    3: Synaptic_Normalization(syn_type='GLU', norm_factor=2.0, clip_max=0.3),
})
recurrent = SynapseGroup(net=net, src=cells, dst=cells, tag='GLU', behavior={
    1: CreateWeights(distribution='uniform(0.0,1.0)', normalize=False),
    2: Grow(),
})
feed = SynapseGroup(net=net, src=inputs, dst=cells, tag='GLU', behavior={
    1: CreateWeights(distribution='uniform(0.0,1.0)', density=0.5, normalize=False),
    2: GrowInPlace(),
})
net.initialize(info=False)
net.simulate_iterations(6, measure_block_time=False)
RESULT['recurrent.W'] = fingerprint(recurrent.W)
RESULT['feed.W'] = fingerprint(feed.W)
RESULT['cells.temp_weight_sum'] = fingerprint(cells.temp_weight_sum)
RESULT['cells.weight_norm_factor'] = fingerprint(cells.weight_norm_factor)

np.random.seed(6)
other = Network()
group = NeuronGroup(net=other, tag='group', size=9, behavior={})
dense = SynapseGroup(net=other, src=group, dst=group, tag='AMPA', behavior={})
other.initialize(info=False)
dense.W = dense.matrix('uniform') - 0.25
dense.W[2] = 0.0
normalize_synapse_attr('W', 'W', 1.5, group, 'AMPA')
RESULT['function.W'] = fingerprint(dense.W)
RESULT['function.temp_weight_sum'] = fingerprint(group.temp_weight_sum)
"""


SPARSE_NORMALIZATION = """
np.random.seed(8)
net = Network()
group = NeuronGroup(net=net, tag='group', size=10, behavior={})
source = NeuronGroup(net=net, tag='source', size=7, behavior={})
kept_sparse = SynapseGroup(net=net, src=group, dst=group, tag='NMDA,sparse', behavior={})
kept_dense = SynapseGroup(net=net, src=source, dst=group, tag='NMDA', behavior={})
net.initialize(info=False)
values = kept_sparse.matrix('uniform', density=0.4)
values[:, 0] += 0.5  # no empty row
kept_sparse.W = sparse_matrices.csc_matrix(values)
kept_dense.W = kept_dense.matrix('uniform')
normalize_synapse_attr_sparse('W', 'W', 2.0, group, 'NMDA')
RESULT['sparse.data'] = fingerprint(kept_sparse.W.data)
RESULT['sparse.dense'] = fingerprint(kept_sparse.W.toarray())
RESULT['dense.W'] = fingerprint(kept_dense.W)
RESULT['temp_weight_sum'] = fingerprint(group.temp_weight_sum)
"""


WEIGHTS = """
np.random.seed(3)
net = Network()
first = NeuronGroup(net=net, tag='first', size=16, behavior={})
second = NeuronGroup(net=net, tag='second', size=11, behavior={})
balanced = SynapseGroup(net=net, src=first, dst=second, tag='balanced', behavior={
    1: CreateWeights(density=0.6, nomr_fac=3.0),
})
drawn = SynapseGroup(net=net, src=second, dst=first, tag='drawn', behavior={
    1: CreateWeights(distribution='normal(1.0,0.1)', normalize=False),
})
net.initialize(info=False)
RESULT['balanced.W'] = fingerprint(balanced.W)
RESULT['drawn.W'] = fingerprint(drawn.W)
"""


REFRACTORY = """
class Spiking(Behavior):
    def initialize(self, neurons):
        neurons.activity = neurons.vector()
        neurons.output = neurons.vector()

    def iteration(self, neurons):
        neurons.activity += neurons.vector('uniform') * 0.4
        neurons.output = neurons.activity > 0.6
        neurons.activity[neurons.output] = 0.0


np.random.seed(21)
net = Network()
cells = NeuronGroup(net=net, tag='cells', size=30, behavior={
    1: Spiking(),
    2: refractory(decayfactor=0.6, strengthfactor='uniform(0.4,0.6)'),
    3: TraceProbe(names=['activity', 'refractory_counter', 'output']),
})
defaults = NeuronGroup(net=net, tag='defaults', size=30, behavior={
    1: Spiking(),
    2: refractory(),
    3: TraceProbe(names=['activity']),
})
net.initialize(info=False)
net.simulate_iterations(80, measure_block_time=False)
probe = cells['TraceProbe', 0]
for name in ('activity', 'refractory_counter', 'output'):
    RESULT['cells.' + name] = fingerprint(probe.stacked(name))
RESULT['defaults.activity'] = fingerprint(defaults['TraceProbe', 0].stacked('activity'))
"""


EQUATION = """
np.random.seed(2)
net = Network()
decay = NeuronGroup(net=net, tag='decay', size=10, behavior={
    1: Clock(step='0.1*ms'),
    2: Variable(eq='v=1*mV'),
    3: Variable(eq='tau=100*ms'),
    4: Equation(eq='dv/dt=(0*mV-v)/tau'),
    9: TraceProbe(names=['v', 't']),
})
mixed = NeuronGroup(net=net, tag='mixed', size=12, behavior={
    1: Clock(step='0.5*ms'),
    2: Variable(eq='v=n.vector("uniform")*0.1*mV'),
    3: Variable(eq='tau=10*ms+n.vector("uniform")*200*ms'),
    4: Variable(eq='drive=0.002'),
    5: Equation(eq='dv/dt=(drive-v)/tau'),
    9: TraceProbe(names=['v']),
})
links = SynapseGroup(net=net, src=mixed, dst=mixed, tag='links', behavior={
    2: Syn_Variable(eq='weight=s.matrix("uniform")*0.01'),
})
net.initialize(info=False)
clock = decay['Clock', 0]
RESULT['clock_step_size'] = decay.clock_step_size
RESULT['steps_for_100ms'] = clock.time_to_iterations('100*ms')
RESULT['steps_for_1000ms'] = clock.time_to_iterations('1000*ms')
RESULT['mixed_steps_for_30ms'] = mixed['Clock', 0].time_to_iterations('30*ms')
RESULT['decay.evaluation'] = decay['Equation', 0].evaluation
RESULT['mixed.evaluation'] = mixed['Equation', 0].evaluation
RESULT['mixed.tau'] = fingerprint(mixed.tau)
RESULT['links.weight'] = fingerprint(links.weight)
RESULT['links.weight_new'] = fingerprint(links.weight_new)
net.simulate_iterations(clock.time_to_iterations('100*ms'), measure_block_time=False)
RESULT['decay.v'] = fingerprint(decay['TraceProbe', 0].stacked('v'))
RESULT['decay.t'] = fingerprint(decay['TraceProbe', 0].stacked('t'))
RESULT['decay.final_t'] = decay.t
RESULT['mixed.v'] = fingerprint(mixed['TraceProbe', 0].stacked('v'))
"""

#: name -> script body (run after the side's imports and COMMON)
SCRIPTS = {
    "homeostasis": HOMEOSTASIS,
    "normalization": NORMALIZATION,
    "sparse_normalization": SPARSE_NORMALIZATION,
    "weights": WEIGHTS,
    "refractory": REFRACTORY,
    "equation": EQUATION,
}


def reference_source(name: str) -> str:
    """The full text the reference interpreter runs for ``SCRIPTS[name]``."""
    return REFERENCE_IMPORTS + COMMON + SCRIPTS[name]


def engine_source(name: str) -> str:
    """The same script with this engine's names."""
    return ENGINE_IMPORTS + COMMON + SCRIPTS[name]


def spiking_script_head(size: int, pyplot: bool = False) -> str:
    """A script's build part: ``size`` noisy integrate-and-reset neurons ('cells') whose 'v' and
    'spike' a Recorder 'rec' keeps, initialized (the script's analysis part follows it).
    ``pyplot``: the second line imports matplotlib.pyplot as plt."""
    plt = "import matplotlib.pyplot as plt\n" if pyplot else ""
    recorder = "Recorder(['v', 'spike'], tag='rec')"
    return f"""\
from PymoNNto import *
{plt}


class Spiking(Behavior):
    def initialize(self, n):
        n.v = n.vector('uniform')
        n.spike = n.vector() > 0

    def iteration(self, n):
        n.v += 0.3 * n.vector('uniform')
        n.spike = n.v > 1.0
        n.v[n.spike] = 0.0


net = Network()
NeuronGroup(net=net, tag='cells', size={size}, behavior={{1: Spiking(), 9: {recorder}}})
net.initialize(info=False)
"""


#: An overhead-bound network: hundreds of tiny numpy calls per iteration, holding the GIL (the
#: responsiveness test and the studio benchmarks).
OVERHEAD_SCRIPT = '''
"""Overhead-bound: hundreds of tiny numpy calls per iteration"""
from PymoNNto import *


class Tiny(Behavior):
    def initialize(self, n):
        n.voltage = n.vector()
        n.spike = n.vector(bool)

    def iteration(self, n):
        for _ in range(150):
            n.voltage *= 0.99
            n.voltage += 0.001
        n.spike = n.voltage > 0.09


net = Network()
NeuronGroup(net=net, tag='cells', size=10, behavior={1: Tiny()})
net.initialize(info=False)
'''
