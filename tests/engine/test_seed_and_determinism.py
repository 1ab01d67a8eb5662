"""The seed's code runs as written (API §12) and runs are reproducible under np.random.seed."""

import subprocess
import sys

import numpy as np
import pytest

from tests.support.paths import EXAMPLES_DIR, REPO_ROOT

SEED_BLOCK_1 = """
from PymoNNto import *
My_Network = Network()
NeuronGroup(net=My_Network, tag='my_neurons', size=100)
SynapseGroup(net=My_Network, src='my_neurons', dst='my_neurons', tag='GLUTAMATE')
My_Network.initialize()
My_Network.simulate_iterations(1000)
"""


def seed_example_source(seed):
    """examples/seed_synapses_input.py (the seed's second example) with another random seed."""
    source = (EXAMPLES_DIR / "seed_synapses_input.py").read_text(encoding="utf-8")
    assert "np.random.seed(1)" in source
    source = source.replace("np.random.seed(1)", f"np.random.seed({seed})")
    return source.split("# plotting")[0].split("import matplotlib")[0]


def run_script(code, tmp_path):
    script = tmp_path / "script.py"
    script.write_text(code)
    env = {"PYTHONPATH": str(REPO_ROOT), "MPLBACKEND": "Agg", "PATH": "/usr/bin:/bin"}
    return subprocess.run(
        [sys.executable, str(script)], cwd=tmp_path, capture_output=True, text=True, env=env, timeout=120
    )


def test_seed_block_1_runs_exactly_as_written(tmp_path):
    result = run_script(SEED_BLOCK_1, tmp_path)
    assert result.returncode == 0, result.stderr
    assert "10/10 (100%)" in result.stdout
    assert not (tmp_path / "Data").exists()


def build_seed_network(seed):
    namespace = {"__name__": "seed_example"}
    exec(compile(seed_example_source(seed), "seed_synapses_input.py", "exec"), namespace)
    return namespace["My_Network"]


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


def test_seed_example_1_with_its_plot_lines_runs_headless(tmp_path):
    """examples/seed_basic.py keeps the seed's plot lines ('n.voltage', 'np.mean(n.voltage)')."""
    pytest.importorskip("matplotlib")
    source = (EXAMPLES_DIR / "seed_basic.py").read_text(encoding="utf-8")
    assert "My_Network['n.voltage', 0, 'np'][:,0:10]" in source
    assert "My_Network['np.mean(n.voltage)', 0]" in source
    probe = (
        "\nimport matplotlib.pyplot as plt\n"
        "print('lines', sum(len(ax.lines) for f in map(plt.figure, plt.get_fignums()) for ax in f.axes))\n"
    )
    result = run_script(source.replace("plt.show()", "pass") + probe, tmp_path)
    assert result.returncode == 0, result.stderr
    assert "lines 12" in result.stdout  # 10 traces, the mean, the threshold line


def test_import_loads_no_qt_or_matplotlib():
    code = (
        "import sys, engine, PymoNNto; from PymoNNto import Network;"
        "bad=[m for m in sys.modules if m.split('.')[0] in "
        "('PyQt6','PyQt5','PySide6','pyqtgraph','qtconsole','matplotlib','scipy','qtpy')];"
        "print('BAD', bad)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO_ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "BAD []"


def test_star_import_exposes_contract_names(tmp_path):
    code = (
        "from PymoNNto import *\n"
        "names = ['Network','NeuronGroup','SynapseGroup','Behavior','Recorder','EventRecorder',"
        "'NeuronDimension','get_squared_dim','afferent','efferent','np','SxD','DxS','pre','post',"
        "'float32','blue','Box_Receptive_Fields','behavior_test_environment','set_genome','get_gene',"
        "'StorageManager','Grid','getGrid','lognormal_rm','uniform_gap']\n"
        "g = globals()\nmissing=[n for n in names if n not in g]\n"
        "print('MISSING', missing, afferent, efferent, plt.__name__)\n"
    )
    result = run_script(code, tmp_path)
    assert result.returncode == 0, result.stderr
    assert "MISSING [] 0 1 matplotlib.pyplot" in result.stdout
