"""``mnn-studio sweep`` and ``mnn-studio evolve`` (in this process, ``--workers 0``)."""

from __future__ import annotations

import pytest

from engine.sweep.results import read_rows
from studio.commands import main
from tests.support.paths import SEED

THRESHOLD = "my_neurons.Basic_Behavior.threshold"
SPIKES = "len(net['spike.i', 0])"

#: a PymoNNto evolution slave script, as PymoNNto's documentation writes them
SLAVE = """from PymoNNto.Exploration.Evolution.Interface_Functions import *

score = -(get_gene('a', 0) - 3) ** 2 - (get_gene('b', 1) + 1) ** 2

set_score(score)
"""

#: a network whose genes come from '[default#name]' placeholders; the score is computed after the run
GENE_NET = """from PymoNNto import *

class Counter(Behavior):
    def initialize(self, neurons):
        self.inc = self.parameter('inc', 1.0)
        neurons.count = neurons.vector()

    def iteration(self, neurons):
        neurons.count += self.inc

net = Network()
group = NeuronGroup(net=net, tag='my_neurons', size=10, behavior={1: Counter(inc='[2.0#a]')})
net.initialize()
net.simulate_iterations(20)
set_score(-abs(float(np.mean(group.count)) - 100.0))
"""


def test_sweep_prints_one_line_per_point_and_writes_the_rows(tmp_path, capsys):
    out = tmp_path / "s.csv"
    args = ["sweep", str(SEED), "--grid", f"{THRESHOLD}=0.4,0.7", "--repeats", "2", "-n", "100"]
    code = main([*args, "--metric", SPIKES, "--workers", "0", "--out", str(out)])
    text = capsys.readouterr().out
    assert code == 0
    assert f"{THRESHOLD}=0.4: {SPIKES} = " in text and f"{THRESHOLD}=0.7: " in text
    assert "4 rows, 0 failed" in text and len(read_rows(str(out))) == 4
    assert main([*args, "--metric", SPIKES, "--workers", "0", "--out", str(out)]) == 0
    assert "4 rows (4 from an earlier run)" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([], "the sweep is empty"),
        (["--grid", f"{THRESHOLD}="], "expected PATH=VALUE"),
        (["--grid", f"{THRESHOLD}=0.5", "--repeats", "0"], "repeats must be at least 1"),
        (["--grid", f"{THRESHOLD}=0.5", "--metric", " "], "non-empty metric"),
    ],
)
def test_sweep_bad_input_exits_2(capsys, args, message):
    assert main(["sweep", str(SEED), *args, "--workers", "0"]) == 2
    assert message in capsys.readouterr().err


def test_sweep_stops_after_identical_metric_failures(capsys):
    args = ["sweep", str(SEED), "--grid", f"{THRESHOLD}=0.1,0.2,0.3,0.4,0.5", "-n", "5", "--workers", "0"]
    code = main([*args, "--metric", "net['nope', 0].size", "--max-failures", "2"])
    err = capsys.readouterr().err
    assert code == 1 and "stopped after 2 runs failed the same way" in err and "nope" in err


def test_evolve_runs_a_pymonnto_slave_script_unchanged(tmp_path, capsys):
    slave = tmp_path / "slave.py"
    slave.write_text(SLAVE)
    code = main(["evolve", str(slave), "-g", "6", "-p", "8", "--mutation", "0.5", "--workers", "0"])
    text = capsys.readouterr().out
    assert code == 0, text
    best = [float(line.split("best ")[1]) for line in text.splitlines() if line.startswith("generation")]
    assert len(best) == 6 and best[-1] > best[0] and best == sorted(best)  # (mu + lambda) keeps the best
    assert '"a"' in text and '"b"' in text


def test_evolve_finds_a_placeholder_gene(tmp_path, capsys):
    from engine.sweep import evolve, script_genes

    script = tmp_path / "genes.py"
    script.write_text(GENE_NET)
    assert script_genes(str(script)) == {"a": 2.0}
    result = evolve(
        str(script), generations=8, population=6, mutation=0.5, workers=0, out=str(tmp_path / "e.csv")
    )
    assert result.best_fitness > result.history[0] - 1e-12
    assert result.best_fitness > -40.0 - 1e-9  # from a = 2 (score -60) towards a = 5 (score 0)
    assert abs(result.best["a"] * 20 - 100) == pytest.approx(-result.best_fitness, rel=1e-4)  # float32 sums
    rows = read_rows(str(tmp_path / "e.csv"))
    assert len(rows) == 6 + 7 * 3 and {"generation", "individual", "a", "score"} <= set(rows[0])
