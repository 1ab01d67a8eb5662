"""The Figures dock: a PymoNNto-style script (build, simulate_iterations, analyse and plot) opened in
the window runs its rest after the iterations, in the runner; its figures appear, one tab each."""

import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pytest

from tests.support.library_scripts import spiking_script_head

pytest.importorskip("matplotlib")

WAIT_MS = 60_000  # a guard against a hang, not a timing assertion

SCRIPT = (
    spiking_script_head(40, pyplot=True)
    + """\
net.simulate_iterations(1000)

raster = net['spike', 0, 'np']
plt.figure()
plt.imshow(raster.transpose(), cmap='gray', aspect='auto')
plt.title('raster')
plt.show()
plt.plot(net['v', 0, 'np'][:, 0])
plt.show()
print('rows', raster.shape[0])
"""
)


def line_of(path, fragment):
    for number, line in enumerate(Path(path).read_text().splitlines(), 1):
        if fragment in line:
            return number
    raise AssertionError(fragment)


def panel_of(window):
    return window.docks.content("figures")


def finish_run(qtbot, window, n):
    window.bridge.run_for(n)
    qtbot.waitUntil(
        lambda: window.bridge.state == "paused" and window.bridge.fast_forward is None, timeout=WAIT_MS
    )


def wait_runs(qtbot, panel, runs):
    qtbot.waitUntil(
        lambda: panel.analysis.outcome is not None and panel.analysis.outcome.run == runs, timeout=WAIT_MS
    )
    return panel.analysis.outcome


def raster_shape(panel):
    return panel.figures[0].axes[0].images[0].get_array().shape


def test_the_rest_runs_after_the_requested_iterations_and_its_figures_appear(
    qtbot, make_window, write_script
):
    window = make_window(write_script("raster.py", SCRIPT))
    panel = panel_of(window)
    assert window.loaded.requested_iterations == 1000 and panel.analysis.analysis is not None
    assert panel.figures == [] and panel.analysis.outcome is None and "iteration 1,000" in panel.note.text()
    assert window.docks.docks["figures"].isHidden()
    window.script_choice.run_requested_iterations()  # the card's "Run 1,000 iterations"
    outcome = wait_runs(qtbot, panel, 1)
    assert outcome.ok and outcome.iteration == 1000 and window.bridge.iteration == 1000
    assert [panel.tabs.tabText(i) for i in range(panel.tabs.count())] == ["raster", "Figure 2"]
    assert raster_shape(panel) == (40, 1000)  # the recording, not the (0,) of an un-run network
    recorded = window.bridge.network["spike", 0, "np"]
    assert np.array_equal(np.asarray(panel.figures[0].axes[0].images[0].get_array()), recorded.T)
    assert panel.output.toPlainText() == "rows 1000" and not window.docks.docks["figures"].isHidden()
    assert window.error_panel.error is None


def test_rerun_analysis_after_more_iterations_replaces_the_figures(qtbot, make_window, write_script):
    window = make_window(write_script("raster.py", SCRIPT))
    panel = panel_of(window)
    finish_run(qtbot, window, 1000)
    wait_runs(qtbot, panel, 1)
    old = list(panel.figures)
    finish_run(qtbot, window, 500)
    assert panel.analysis.outcome.run == 1  # more iterations alone do not rerun it
    run_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Run")
    rerun = next(a for a in run_menu.actions() if a.text() == "Rerun analysis")
    assert rerun.isEnabled()
    rerun.trigger()
    outcome = wait_runs(qtbot, panel, 2)
    assert outcome.iteration == 1500 and raster_shape(panel) == (40, 1500)
    assert panel.tabs.count() == 2 and not any(f is g for f in old for g in panel.figures)


def test_an_error_in_the_rest_reaches_the_error_dock_at_the_script_line(qtbot, make_window, write_script):
    source = SCRIPT.replace("print('rows'", "late = raster[:, 99]\nprint('rows'")
    path = write_script("broken.py", source)
    window = make_window(path)
    panel = panel_of(window)
    finish_run(qtbot, window, 1000)
    qtbot.waitUntil(lambda: window.error_panel.error is not None, timeout=WAIT_MS)
    err = window.error_panel.error
    assert err.lineno == line_of(path, "raster[:, 99]") and err.filename == str(path)
    assert isinstance(err.exception, IndexError) and err.iteration == 1000
    headline = window.error_panel.headline.text()
    assert f"broken.py, line {err.lineno}" in headline and "the rest of the script" in headline
    assert "raster[:, 99]" in window.error_panel.code.text()
    assert not window.docks.docks["error"].isHidden()
    assert len(panel.figures) == 2  # the figures shown before the error are kept
    assert "error" in panel.note.text()


def test_a_clean_rerun_clears_the_error_of_the_rest(qtbot, make_window, write_script):
    source = SCRIPT.replace("print('rows'", "if not fixed:\n    raise ValueError('not yet')\nprint('rows'")
    window = make_window(
        write_script("short.py", source.replace("net = Network()", "fixed = False\nnet = Network()"))
    )
    panel = panel_of(window)
    finish_run(qtbot, window, 1000)
    qtbot.waitUntil(lambda: window.error_panel.error is not None, timeout=WAIT_MS)
    assert str(window.error_panel.error.exception) == "not yet"
    panel.analysis.analysis.namespace["fixed"] = True  # as a console cell would (the script's globals)
    panel.analysis.rerun_action.trigger()
    wait_runs(qtbot, panel, 2)
    assert window.error_panel.error is None and window.docks.docks["error"].isHidden()


def test_simulate_iterations_in_the_rest_steps_the_runner(qtbot, make_window, write_script):
    source = SCRIPT.replace(
        "print('rows'", "net.simulate_iterations(25)\nprint('now', net.iteration)\nprint('rows'"
    )
    window = make_window(write_script("more.py", source))
    panel = panel_of(window)
    finish_run(qtbot, window, 1000)
    outcome = wait_runs(qtbot, panel, 1)
    assert outcome.ok and "now 1025" in outcome.stdout and window.bridge.iteration == 1025


def test_figures_export_as_png_and_svg(qtbot, make_window, write_script, tmp_path):
    window = make_window(write_script("raster.py", SCRIPT))
    panel = panel_of(window)
    finish_run(qtbot, window, 1000)
    wait_runs(qtbot, panel, 1)
    png = panel.export(0, tmp_path / "raster.png")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 2000
    svg = panel.export(1, tmp_path / "trace.svg")
    assert ET.parse(svg).getroot().tag.endswith("svg")
    with pytest.raises(ValueError, match=r"\.png or \.svg"):
        panel.export(0, tmp_path / "raster.jpg")
    with pytest.raises(ValueError, match="no figure 3"):
        panel.export(2, tmp_path / "x.png")
    with pytest.raises(OSError):
        panel.export(0, tmp_path / "missing-folder" / "x.png")
    assert all(b.isEnabled() for b in panel.export_buttons.values())


def test_a_simulate_call_in_a_loop_is_explained(qtbot, make_window, write_script):
    source = SCRIPT.replace(
        "net.simulate_iterations(1000)", "for block in range(2):\n    net.simulate_iterations(500)"
    )
    path = write_script("loop.py", source.replace("plt.imshow", "pass  # plt.imshow"))
    window = make_window(path)
    panel = panel_of(window)
    assert panel.analysis.analysis is None and not panel.analysis.rerun_action.isEnabled()
    line = line_of(path, "for block in")
    assert f"for loop (line {line})" in panel.note.text() and "could not be deferred" in panel.note.text()


def test_a_script_without_a_rest_and_a_reload_disarm(qtbot, make_window, write_script):
    window = make_window(write_script("raster.py", SCRIPT))
    panel = panel_of(window)
    finish_run(qtbot, window, 1000)
    wait_runs(qtbot, panel, 1)
    window.load_script(write_script("plain.py", SCRIPT.split("raster =")[0]))
    assert panel.figures == [] and panel.analysis.analysis is None and panel.tabs.count() == 0
    assert not panel.analysis.rerun_action.isEnabled() and "no code after" in panel.note.text()
