"""The seed's code runs as written (API §12) and runs are reproducible under np.random.seed."""
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[2]

SEED_BLOCK_1 = """
from PymoNNto import *
My_Network = Network()
NeuronGroup(net=My_Network, tag='my_neurons', size=100)
SynapseGroup(net=My_Network, src='my_neurons', dst='my_neurons', tag='GLUTAMATE')
My_Network.initialize()
My_Network.simulate_iterations(1000)
"""

SEED_BASIC = """
from PymoNNto import *

class Basic_Behavior(Behavior):

    def initialize(self, neurons):
        neurons.voltage = neurons.vector()
        self.threshold = 0.5

    def iteration(self, neurons):
        neurons.spike = neurons.voltage > self.threshold
        neurons.voltage[neurons.spike] = 0.0 #reset

        neurons.voltage *= 0.9 #voltage decay
        neurons.voltage += neurons.vector('uniform',density=0.01) #noise

class Input_Behavior(Behavior):

    def initialize(self, neurons):
        for synapse in neurons.synapses(afferent, 'GLUTAMATE'):
            synapse.W = synapse.matrix('uniform', density=0.1)
            synapse.enabled = synapse.W > 0

    def iteration(self, neurons):
        for synapse in neurons.synapses(afferent, 'GLUTAMATE'):
            neurons.voltage += synapse.W.dot(synapse.src.spike) / synapse.src.size * 10
"""


def run_script(code, tmp_path):
    script = tmp_path / "script.py"
    script.write_text(code)
    env = {"PYTHONPATH": str(ROOT), "MPLBACKEND": "Agg", "PATH": "/usr/bin:/bin"}
    return subprocess.run([sys.executable, str(script)], cwd=tmp_path, capture_output=True, text=True,
                          env=env, timeout=120)


def test_seed_block_1_runs_exactly_as_written(tmp_path):
    result = run_script(SEED_BLOCK_1, tmp_path)
    assert result.returncode == 0, result.stderr
    assert "10/10 (100%)" in result.stdout
    assert not (tmp_path / "Data").exists()


def build_seed_network(seed):
    namespace = {}
    exec(SEED_BASIC, namespace)
    from engine import EventRecorder, Network, NeuronGroup, Recorder, SynapseGroup
    np.random.seed(seed)
    net = Network()
    group = NeuronGroup(net=net, tag="my_neurons", size=100, behavior={
        1: namespace["Basic_Behavior"](), 2: namespace["Input_Behavior"](),
        9: Recorder(["voltage", "np.mean(voltage)"], tag="my_recorder"),
        10: EventRecorder("spike", tag="my_event_recorder")})
    SynapseGroup(net=net, src=group, dst=group, tag="GLUTAMATE")
    net.initialize(info=False)
    net.simulate_iterations(1000, measure_block_time=False)
    return net


def test_seed_example_2_statistics():
    net = build_seed_network(42)
    voltage = net["voltage", 0, "np"]
    assert voltage.shape == (1000, 100) and voltage.dtype == np.float32
    assert voltage.min() >= 0 and 0.9 < voltage.max() < 1.6
    assert 0.02 < net["np.mean(voltage)", 0, "np"].mean() < 0.07
    assert 250 < net["spike", 0].shape[0] < 900  # about 0.5 spikes per step
    assert net["spike.t", 0].min() >= 1 and net["spike.i", 0].max() <= 99
    assert 0.08 < np.mean(net.my_neurons.synapses(0, "GLUTAMATE")[0].W > 0) < 0.12
    assert net.my_neurons.Basic_Behavior.threshold == 0.5
    assert net["n.voltage", 0, "np"].shape == (1000, 100)
    assert len(net["np.mean(n.voltage)", 0]) == 1000


def test_same_seed_gives_identical_recordings():
    a, b, c = build_seed_network(7), build_seed_network(7), build_seed_network(8)
    assert np.array_equal(a["voltage", 0, "np"], b["voltage", 0, "np"])
    assert np.array_equal(a["spike", 0], b["spike", 0])
    assert not np.array_equal(a["voltage", 0, "np"], c["voltage", 0, "np"])


def test_seed_plot_lines_run_headless(tmp_path):
    plots = textwrap.dedent("""
        My_Network = Network()
        NeuronGroup(net=My_Network, tag='my_neurons', size=100, behavior={
            1: Basic_Behavior(),
            9: Recorder(['voltage', 'np.mean(voltage)'], tag='my_recorder')
        })
        SynapseGroup(net=My_Network, src='my_neurons', dst='my_neurons', tag='GLUTAMATE')
        My_Network.initialize()
        My_Network.simulate_iterations(1000)
        import matplotlib.pyplot as plt
        plt.plot(My_Network['n.voltage', 0, 'np'][:,0:10])
        plt.plot(My_Network['np.mean(n.voltage)', 0], color='black')
        plt.axhline(My_Network.my_neurons.Basic_Behavior.threshold, color='black')
        plt.show()
        print('lines', len(plt.gca().lines))
    """)
    pytest.importorskip("matplotlib")
    result = run_script(SEED_BASIC + plots, tmp_path)
    assert result.returncode == 0, result.stderr
    assert "lines 12" in result.stdout


def test_import_loads_no_qt_or_matplotlib():
    code = ("import sys, engine, PymoNNto; from PymoNNto import Network;"
            "bad=[m for m in sys.modules if m.split('.')[0] in "
            "('PyQt6','PyQt5','PySide6','pyqtgraph','qtconsole','matplotlib','scipy','qtpy')];"
            "print('BAD', bad)")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "BAD []"


def test_star_import_exposes_contract_names(tmp_path):
    code = ("from PymoNNto import *\n"
            "names = ['Network','NeuronGroup','SynapseGroup','Behavior','Recorder','EventRecorder',"
            "'NeuronDimension','get_squared_dim','afferent','efferent','np','SxD','DxS','pre','post',"
            "'float32','blue','Box_Receptive_Fields','behavior_test_environment','set_genome','get_gene',"
            "'StorageManager','Grid','getGrid','lognormal_rm','uniform_gap']\n"
            "g = globals()\nmissing=[n for n in names if n not in g]\n"
            "print('MISSING', missing, afferent, efferent, plt.__name__)\n")
    result = run_script(code, tmp_path)
    assert result.returncode == 0, result.stderr
    assert "MISSING [] 0 1 matplotlib.pyplot" in result.stdout
