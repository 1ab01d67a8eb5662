"""The README's API tour is real code: it must run and give what the table says."""

import re

from tests.support.paths import README


def test_api_tour_runs_and_matches_its_table(capsys):
    text = README.read_text(encoding="utf-8")
    code = re.search(r"## API tour.*?```python\n(.*?)```", text, re.S).group(1)
    namespace = {}
    exec(compile(code, "README.md", "exec"), namespace)
    net = namespace["net"]
    assert net["voltage", 0, "np"].shape == (1000, 100)
    assert net["n.voltage", 0] is net["voltage", 0]
    assert len(net["np.mean(voltage)", 0]) == 1000
    assert net["spike.t", 0].min() >= 1 and net["spike.i", 0].max() < 100
    assert net["my_neurons", 0] is net.my_neurons and net["nothing", 0] is None
    assert net.my_neurons.Basic_Behavior.threshold == 0.5


def test_runner_snippet_runs():
    text = README.read_text(encoding="utf-8")
    tour = re.search(r"## API tour.*?```python\n(.*?)```", text, re.S).group(1)
    snippet = re.search(r"The same runner works without Qt.*?```python\n(.*?)```", text, re.S).group(1)
    namespace = {}
    exec(compile(tour, "README.md", "exec"), namespace)
    exec(compile(snippet, "README.md", "exec"), namespace)
    times, values = namespace["times"], namespace["values"]
    assert namespace["net"].iteration == 2100
    assert times[0] == 1101 and times[-1] == 2100 and values.shape == (1000, 100)  # since the watch began
    assert namespace["net"].my_neurons.Basic_Behavior.threshold == 0.6
    assert not namespace["runner"].is_running
