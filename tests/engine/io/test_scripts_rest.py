"""load_script(defer_rest=True): the script stops at its first top-level simulate_iterations, the
rest (engine.io.script_rest.ScriptAnalysis) runs later, after the iterations, and collects figures."""

import textwrap
from pathlib import Path

import numpy as np
import pytest

from engine.io.script_split import split_script
from engine.io.scripts import ScriptRuntimeError, load_script
from tests.support.library_scripts import spiking_script_head

plt = pytest.importorskip("matplotlib.pyplot")

HEADER = spiking_script_head(30)


def write(tmp_path, text, name="script.py"):
    path = tmp_path / name
    path.write_text(HEADER + textwrap.dedent(text))
    return path


def line_of(path, fragment):
    for number, line in enumerate(Path(path).read_text().splitlines(), 1):
        if fragment in line:
            return number
    raise AssertionError(fragment)


RASTER = """
net.simulate_iterations(200)
import matplotlib.pyplot as plt
raster = net['spike', 0, 'np']
plt.imshow(raster.transpose(), aspect='auto')
plt.show()
plt.plot(net['v', 0, 'np'][:, 0])
plt.show()
plt.plot([0, 1])
print('rows', raster.shape[0])
"""


def test_the_rest_waits_for_the_iterations_and_draws_one_figure_per_show(tmp_path):
    path = write(tmp_path, RASTER)
    result = load_script(str(path), defer_rest=True)
    rest = result.analysis
    assert result.requested_iterations == [200] and result.stdout == "" and "raster" not in result.namespace
    assert (rest.first_line, rest.last_line) == (line_of(path, "import matplotlib"), line_of(path, "print("))
    result.network.simulate_iterations(200, measure_block_time=False)
    outcome = rest.run()
    assert outcome.ok and outcome.iteration == 200 and outcome.run == 1
    assert outcome.stdout == "rows 200\n"
    assert len(outcome.figures) == 3  # two shown, one left open: each plt.show() ends a figure
    image = outcome.figures[0].axes[0].images[0].get_array()
    assert image.shape == (30, 200)
    assert np.array_equal(np.asarray(image), result.network["spike", 0, "np"].T)
    assert len(outcome.figures[1].axes[0].lines) == 1 and not outcome.figures[1].axes[0].images
    held = [plt.figure(n) for n in plt.get_fignums()]
    assert not any(f is g for f in outcome.figures for g in held)  # pyplot forgot them; they stay usable
    outcome.figures[0].savefig(tmp_path / "raster.png")
    assert (tmp_path / "raster.png").stat().st_size > 1000


def test_a_second_run_sees_the_longer_recording_and_makes_new_figures(tmp_path):
    result = load_script(str(write(tmp_path, RASTER)), defer_rest=True)
    result.network.simulate_iterations(200, measure_block_time=False)
    first = result.analysis.run()
    result.network.simulate_iterations(100, measure_block_time=False)
    second = result.analysis.run()
    assert second.run == 2 and second.iteration == 300
    assert second.figures[0].axes[0].images[0].get_array().shape == (30, 300)
    assert not any(f is g for f in first.figures for g in second.figures)
    assert result.namespace["raster"].shape == (300, 30)  # the rest ran in the script's globals


def test_an_error_in_the_rest_names_the_script_line_and_keeps_earlier_figures(tmp_path):
    path = write(
        tmp_path,
        """
        net.simulate_iterations(50)
        import matplotlib.pyplot as plt
        plt.plot(net['v', 0, 'np'][:, 0])
        plt.show()
        late = net['v', 0, 'np'][:, 999]
        """,
    )
    result = load_script(str(path), defer_rest=True)
    result.network.simulate_iterations(50, measure_block_time=False)
    outcome = result.analysis.run()
    assert isinstance(outcome.error, ScriptRuntimeError) and not outcome.ok
    assert outcome.error.lineno == line_of(path, "[:, 999]") and "IndexError" in str(outcome.error)
    assert "script.py" in outcome.error.traceback and len(outcome.figures) == 1


def test_keyboard_interrupt_and_exit_in_the_rest_are_outcomes(tmp_path):
    path = write(tmp_path, "net.simulate_iterations(5)\nraise KeyboardInterrupt\n")
    outcome = load_script(str(path), defer_rest=True).analysis.run()
    assert "KeyboardInterrupt" in str(outcome.error) and outcome.error.lineno == line_of(path, "raise Key")
    path = write(tmp_path, "net.simulate_iterations(5)\nimport sys\nsys.exit(0)\n", name="ok.py")
    assert load_script(str(path), defer_rest=True).analysis.run().ok


def test_the_rest_simulates_through_the_given_handler(tmp_path):
    path = write(tmp_path, "net.simulate_iterations(5)\nnet.simulate_iterations(7)\nafter = net.iteration\n")
    result = load_script(str(path), defer_rest=True)
    calls = []
    outcome = result.analysis.run(lambda n, it, **kw: calls.append((n, it)))
    assert outcome.ok and calls == [(result.network, 7)] and result.namespace["after"] == 0
    assert result.analysis.run().ok and result.namespace["after"] == 7  # no handler: it simulates


def test_without_defer_rest_the_whole_script_runs_as_before(tmp_path):
    path = write(tmp_path, RASTER)
    result = load_script(str(path))  # the rest runs at once, on no iterations: PymoNNto's plot fails
    assert result.analysis is None and result.namespace["raster"].shape[0] == 0
    assert "Invalid shape" in str(result.deferred_error)
    assert result.deferred_error.lineno == line_of(path, "plt.imshow")
    plt.close("all")


# ------------------------------------------------------------------------------------------ where the cut is
def cut(source):
    return split_script(textwrap.dedent(source), "/x/s.py")


def test_the_cut_follows_the_statement_holding_the_first_call():
    split = cut(
        """
        def helper(net):
            net.simulate_iterations(3)
        t = net.simulate_iterations(10, measure_block_time=True)
        a = 1
        net.simulate_iterations(5)
        """
    )
    assert (split.simulate_line, split.rest_first_line, split.rest_last_line, split.note) == (4, 5, 6, "")
    assert split.rest is not None and split.rest.co_filename == "/x/s.py"


def test_the_cut_goes_through_a_main_guard():
    split = cut(
        """
        x = 1
        if __name__ == '__main__':
            net.simulate_iterations(10)
            plot = 1
        tail = 2
        """
    )
    assert (split.simulate_line, split.rest_first_line, split.rest_last_line) == (4, 5, 6)
    namespace = {"__name__": "__main__", "net": None}
    exec(split.rest, namespace)
    assert (namespace["plot"], namespace["tail"]) == (1, 2)


@pytest.mark.parametrize(
    ("source", "kind"),
    [
        ("for i in range(3):\n    net.simulate_iterations(10)\nplot = 1\n", "a for loop"),
        ("while go:\n    net.simulate_iterations(10)\n", "a while loop"),
        ("with ctx:\n    net.simulate_iterations(10)\n", "a with block"),
        ("try:\n    net.simulate_iterations(10)\nexcept Exception:\n    pass\n", "a try block"),
        ("if big:\n    net.simulate_iterations(10)\n", "an if block"),
    ],
)
def test_a_call_inside_a_block_cannot_be_deferred(source, kind):
    split = cut(source)
    assert split.rest is None and kind in split.note and "line 1" in split.note


def test_nothing_after_the_call_or_no_call_gives_no_rest():
    assert cut("net.simulate_iterations(10)\n").rest is None
    assert cut("x = 1\n").simulate_line == 0 and cut("x = 1\n").note == ""


def test_future_imports_apply_to_the_rest():
    split = cut("from __future__ import annotations\nnet.simulate_iterations(1)\ndef f(x: Undefined): pass\n")
    namespace = {"net": None}
    exec(split.rest, namespace)  # the annotation is not evaluated
    assert namespace["f"].__annotations__ == {"x": "Undefined"}


def test_load_script_reports_a_call_inside_a_loop_or_a_function(tmp_path):
    loop = write(tmp_path, "for i in range(2):\n    net.simulate_iterations(10)\nrows = 1\n", "loop.py")
    result = load_script(str(loop), defer_rest=True)
    assert result.analysis is None and "for loop" in result.analysis_note
    assert result.requested_iterations == [10, 10] and result.namespace["rows"] == 1
    func = write(tmp_path, "def run():\n    net.simulate_iterations(10)\nrun()\n", "func.py")
    result = load_script(str(func), defer_rest=True)
    line = line_of(func, "    net.simulate_iterations(10)")
    assert result.analysis is None and f"from a function (line {line})" in result.analysis_note


def test_figures_of_others_stay_and_figures_of_the_build_come_with_the_first_run(tmp_path):
    foreign = plt.figure()  # e.g. a console's figure, open before the script (and current)
    path = write(
        tmp_path,
        """
        import matplotlib.pyplot as plt
        weights = plt.figure()
        plt.plot([1, 2, 3])
        net.simulate_iterations(10)
        plt.figure()
        plt.plot(net['v', 0, 'np'][:, 0])
        """,
    )
    result = load_script(str(path), defer_rest=True)
    result.network.simulate_iterations(10, measure_block_time=False)
    first = result.analysis.run()
    assert [f is result.namespace["weights"] for f in first.figures] == [True, False]
    assert len(result.analysis.run().figures) == 1  # the build's figure was shown once
    assert plt.get_fignums() == [foreign.number] and not foreign.axes  # set aside, not drawn into
    plt.close(foreign)


def test_a_network_ui_after_the_call_keeps_the_script_whole(tmp_path):
    path = write(
        tmp_path,
        """
        net.simulate_iterations(10)
        from PymoNNto.Exploration.Network_UI import *
        Network_UI(net, label='Shown').show()
        """,
    )
    result = load_script(str(path), defer_rest=True)
    assert result.analysis is None and result.title == "Shown" and result.requested_iterations == [10]
    assert f"opens Network_UI (line {line_of(path, 'Network_UI(net')})" in result.analysis_note
