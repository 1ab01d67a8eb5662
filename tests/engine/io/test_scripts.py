"""engine.io.scripts.load_script (build mode), including a script that ends in Network_UI(...).show().

Network_UI outside build mode: tests/engine/compat/test_network_ui.py.
"""

import sys
import textwrap
from pathlib import Path

import pytest

from engine import Network
from engine.io.scripts import (
    NoNetworkError,
    ScriptError,
    ScriptExitError,
    ScriptImportError,
    ScriptInputError,
    ScriptRuntimeError,
    ScriptSyntaxError,
    in_build_mode,
    load_script,
)
from engine.model import genome
from tests.support.paths import EXAMPLES

HEADER = """\
from PymoNNto import *


class Basic_Behavior(Behavior):
    def initialize(self, neurons):
        neurons.voltage = neurons.vector()
        self.threshold = 0.5

    def iteration(self, neurons):
        neurons.spike = neurons.voltage > self.threshold
        neurons.voltage[neurons.spike] = 0.0
        neurons.voltage *= 0.9
        neurons.voltage += neurons.vector('uniform', density=0.01)


net = Network()
NeuronGroup(net=net, tag='my_neurons', size=50, behavior={1: Basic_Behavior(), 9: Recorder(['voltage'])})
net.initialize(info=False)
"""


def write(tmp_path, text, name="script.py", header=True):
    path = tmp_path / name
    path.write_text((HEADER if header else "") + textwrap.dedent(text))
    return path


def line_of(path, fragment):
    for number, line in enumerate(Path(path).read_text().splitlines(), 1):
        if fragment in line:
            return number
    raise AssertionError(fragment)


# ------------------------------------------------------------------------------------------ examples
@pytest.mark.parametrize("example", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_every_example_loads_without_simulating(example):
    result = load_script(str(example))
    net = result.network
    assert isinstance(net, Network) and net in result.networks
    assert net.iteration == 0  # simulate_iterations was deferred
    assert result.requested_iterations and all(n > 0 for n in result.requested_iterations)
    first_sim = min(r.lineno for r in result.simulation_requests)
    if result.deferred_error is not None:  # plots of not-yet-recorded data
        assert result.deferred_error.lineno > first_sim
    assert result.title and result.docstring


def test_examples_exist():
    assert len(EXAMPLES) >= 5


# ------------------------------------------------------------------------------------------ build mode
def test_simulation_is_recorded_not_run_and_stdout_is_captured(tmp_path, capsys):
    path = write(
        tmp_path,
        """
        print('building', __name__)
        net.simulate_iterations(500)
        net.simulate_iterations(20, batch_size=10)
        print('after', net.iteration)
        """,
    )
    result = load_script(str(path))
    assert result.network is result.networks[0] and result.network.iteration == 0
    assert result.requested_iterations == [500, 20]
    assert [r.lineno for r in result.simulation_requests] == [line_of(path, "(500)"), line_of(path, "(20,")]
    assert result.stdout == "building __main__\nafter 0\n"
    assert capsys.readouterr().out == ""
    assert result.namespace["net"] is result.network and result.deferred_error is None
    assert not in_build_mode()


def test_process_state_is_restored(tmp_path):
    path = write(
        tmp_path,
        """
        import sys
        seen = (list(sys.argv), sys.path[0], sys.modules['__main__'].__file__)
        """,
    )
    argv, main, syspath = list(sys.argv), sys.modules["__main__"], list(sys.path)
    result = load_script(str(path), argv=["--size", "10"])
    assert result.namespace["seen"] == ([str(path), "--size", "10"], str(tmp_path), str(path))
    assert sys.argv == argv and sys.modules["__main__"] is main and sys.path == syspath


def test_script_folder_is_importable_and_reloaded(tmp_path):
    (tmp_path / "helper_mod_xyz.py").write_text("SIZE = 7\n")
    path = write(
        tmp_path,
        """
        import helper_mod_xyz
        NeuronGroup(net=net, tag='extra', size=helper_mod_xyz.SIZE)
        """,
    )
    assert load_script(str(path)).network["extra", 0].size == 7
    (tmp_path / "helper_mod_xyz.py").write_text("SIZE = 9\n")
    assert load_script(str(path)).network["extra", 0].size == 9
    assert "helper_mod_xyz" not in sys.modules


def test_genome_is_reset_between_loads(tmp_path):
    genome.set_genome({"leftover": 1})
    path = write(
        tmp_path,
        """
        before = dict(get_genome())
        value = get_gene('I', 2)
        """,
    )
    result = load_script(str(path))
    assert result.namespace["before"] == {} and result.namespace["value"] == 2.0
    assert load_script(str(path)).namespace["before"] == {}


def test_source_text_can_be_given(tmp_path):
    result = load_script(str(tmp_path / "unsaved.py"), source=HEADER + "x = 3\n")
    assert result.namespace["x"] == 3 and result.path == str(tmp_path / "unsaved.py")


def test_several_networks(tmp_path):
    path = write(
        tmp_path,
        """
        second = Network(tag='second')
        NeuronGroup(net=second, tag='b', size=3)
        """,
    )
    result = load_script(str(path))
    assert [n.tags[0] for n in result.networks] == ["Network", "second"] and result.network.tags[
        0
    ] == "second"


# ------------------------------------------------------------------------------------------ errors
def test_syntax_error_names_the_line(tmp_path):
    path = write(tmp_path, "x = (1,\ny = 2\n", header=False)
    with pytest.raises(ScriptSyntaxError) as info:
        load_script(str(path))
    assert info.value.lineno in (1, 2) and "script.py, line" in str(info.value)


def test_runtime_error_names_the_script_line(tmp_path):
    path = write(
        tmp_path,
        """
        group = net['my_neurons', 0]
        group.vector('nonsense_distribution(3)')
        """,
    )
    with pytest.raises(ScriptRuntimeError) as info:
        load_script(str(path))
    err = info.value
    assert err.lineno == line_of(path, "nonsense_distribution") and "nonsense_distribution" in err.line
    assert f"script.py, line {err.lineno}" in str(err) and err.exception is not None
    assert "script.py" in err.traceback


def test_error_in_a_helper_module_names_both_places(tmp_path):
    (tmp_path / "broken_helper_xyz.py").write_text("def build(net):\n    return 1 / 0\n")
    path = write(
        tmp_path,
        """
        import broken_helper_xyz
        broken_helper_xyz.build(net)
        """,
    )
    with pytest.raises(ScriptRuntimeError) as info:
        load_script(str(path))
    assert info.value.lineno == line_of(path, "broken_helper_xyz.build")
    assert "ZeroDivisionError" in str(info.value) and "broken_helper_xyz.py, line 2" in str(info.value)


def test_missing_module_is_named(tmp_path):
    path = write(tmp_path, "import not_installed_pkg_xyz\n")
    with pytest.raises(ScriptImportError) as info:
        load_script(str(path))
    assert "'not_installed_pkg_xyz'" in str(info.value) and info.value.lineno == line_of(path, "import not_")


def test_input_is_refused_clearly(tmp_path):
    path = write(tmp_path, 'answer = input("size? ")\n')
    with pytest.raises(ScriptInputError) as info:
        load_script(str(path))
    assert info.value.lineno == line_of(path, "input(") and "input()" in str(info.value)


def test_sys_exit(tmp_path):
    ok = write(tmp_path, 'import sys\nsys.exit(0)\nraise RuntimeError("not reached")\n', name="ok.py")
    result = load_script(str(ok))
    assert result.exit_code == 0 and result.network is not None
    bad = write(tmp_path, "import sys\nsys.exit(3)\n", name="bad.py")
    with pytest.raises(ScriptExitError) as info:
        load_script(str(bad))
    assert info.value.lineno == line_of(bad, "sys.exit(3)") and "sys.exit(3)" in str(info.value)


def test_no_network_is_a_clear_error(tmp_path):
    path = write(tmp_path, "x = 1\n", header=False)
    with pytest.raises(NoNetworkError, match="built no Network"):
        load_script(str(path))


def test_unreadable_file(tmp_path):
    with pytest.raises(ScriptError, match="cannot read"):
        load_script(str(tmp_path / "missing.py"))
    (tmp_path / "binary.py").write_bytes(b"\x00\x01\x02")
    with pytest.raises(ScriptSyntaxError):
        load_script(str(tmp_path / "binary.py"))


def test_error_after_a_deferred_simulation_is_reported_not_raised(tmp_path):
    path = write(
        tmp_path,
        """
        net.simulate_iterations(100)
        trace = net['voltage', 0, 'np'][:, 0:10]
        """,
    )
    result = load_script(str(path))
    assert result.network is not None
    assert isinstance(result.deferred_error, ScriptRuntimeError)
    assert result.deferred_error.lineno == line_of(path, "[:, 0:10]")
    with pytest.raises(ScriptRuntimeError):
        load_script(str(path), strict=True)


def test_errors_before_the_simulation_still_raise(tmp_path):
    path = write(
        tmp_path,
        """
        undefined_name_xyz
        net.simulate_iterations(100)
        """,
    )
    with pytest.raises(ScriptRuntimeError, match="undefined_name_xyz"):
        load_script(str(path))


# ------------------------------------------------------------------------------------------ Network_UI
def test_script_ending_in_network_ui_show(tmp_path):
    path = write(
        tmp_path,
        """
        from PymoNNto.Exploration.Network_UI import *

        class My_Tab(TabBase):
            def __init__(self):
                super().__init__(title='mine')

        other = Network(tag='unused')
        modules = get_default_UI_modules(['voltage'], ['W']) + [My_Tab()]
        Network_UI(net, modules=modules, label='My network', group_tags=['my_neurons'],
                   storage_manager=None, group_display_count=1, reduced_layout=False).show()
        """,
    )
    result = load_script(str(path))
    assert result.network is result.namespace["net"] and len(result.networks) == 2
    req = result.ui_requests[0]
    assert req.title == "My network" == result.title
    assert req.options["group_tags"] == ["my_neurons"] and req.options["group_display_count"] == 1
    modules = req.options["modules"]
    assert [type(m).__name__ for m in modules][:3] == [
        "UI_sidebar_network_selector",
        "multi_group_plot_tab",
        "spiketrain_tab",
    ]
    assert (
        len(modules) == 20
        and modules[-1].title == "mine"
        and modules[1].options == {"variables": ["voltage"]}
    )


# ------------------------------------------------------------------------------------------ matplotlib
def test_matplotlib_is_not_imported_for_a_script_that_does_not_use_it(run_python, tmp_path):
    script = tmp_path / "plain.py"
    script.write_text(
        "from engine import Network, NeuronGroup\nnet = Network()\nNeuronGroup(net=net, size=3)\n"
    )
    proc = run_python(
        code=f"import sys; from engine.io.scripts import load_script; r = load_script({str(script)!r}); "
        f'print(r.network is not None, "matplotlib" in sys.modules)'
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["True", "False"]


def test_plt_show_does_not_block(run_python, tmp_path):
    pytest.importorskip("matplotlib")
    script = write(
        tmp_path,
        """
        import matplotlib.pyplot as plt
        plt.plot([1, 2, 3])
        plt.show()
        shown = True
        """,
    )
    code = (
        'import os, sys; from engine.io.scripts import load_script; before = "matplotlib" in sys.modules; '
        "r = load_script(%r); import matplotlib; "
        'print(before, r.namespace["shown"], matplotlib.get_backend().lower(), os.environ.get("MPLBACKEND"))'
        % str(script)
    )
    proc = run_python(code=code, env={"MPLBACKEND": "QtAgg", "QT_QPA_PLATFORM": "offscreen"}, timeout=60)
    assert proc.returncode == 0, proc.stderr
    before, shown, backend, env_after = proc.stdout.split()
    assert before == "False" and shown == "True" and backend == "agg" and env_after == "QtAgg"
