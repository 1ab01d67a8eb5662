"""Every example opens in the studio (offscreen) through the example browser and runs 50 iterations with
the views live; scripts that end in ``Network_UI(...).show()`` open the studio when run with python.

The window factory and the no-modal-dialog guard are fixtures of :mod:`tests.support.fixtures`.
"""

from __future__ import annotations

import re
import textwrap
import warnings
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("PyQt6")
pytest.importorskip("pyqtgraph")

from PyQt6.QtCore import Qt  # noqa: E402

from studio.scripts.browser import ExampleBrowser  # noqa: E402
from studio.scripts.choice import ScriptChoicePanel  # noqa: E402
from studio.scripts.example_index import discover_examples  # noqa: E402
from tests.support.paths import EXAMPLES, EXAMPLES_DIR  # noqa: E402

# as in tests/studio: QSettings under tmp_path, and no modal dialog may open
pytestmark = pytest.mark.usefixtures("isolated_settings", "no_modal_dialogs")

VIEWS = ("traces", "raster", "grid", "weights")
#: Views known to stay blank without saying why (a view bug, reported; fixed views may leave this list).
KNOWN_SILENT = {"grid_receptive_fields.py": {"traces", "grid"}}


def _requested(path: Path) -> int:
    """The N of the script's top-level ``simulate_iterations(N)`` calls (summed)."""
    return sum(
        int(n) for n in re.findall(r"^\w+\.simulate_iterations\((\d+)", path.read_text(), re.MULTILINE)
    )


def _has_data(name: str, view, iteration: int) -> bool:
    if name == "traces":
        t, v = view.shown_data()
        return len(t) > 0 and int(t[-1]) == iteration and bool(np.isfinite(v).all())
    if name == "raster":
        return getattr(view, "_last_t", None) == iteration and view.shown_counts().size > 0
    image = view.panel.image.image
    return image is not None and image.size > 0


def _says_why(view) -> bool:
    if view.message.isVisible() and view.message.text().strip():
        return True
    empty = getattr(view, "empty", None)  # e.g. the weights view of a network without synapses
    return empty is not None and empty.isVisible() and bool(empty.text().strip())


@pytest.fixture(scope="module")
def examples():
    return discover_examples([EXAMPLES_DIR])


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_example_opens_from_the_browser_and_runs_with_live_views(
    path, examples, make_window, qtbot, no_modal_dialogs
):
    w = make_window(script=None)
    browser = ExampleBrowser(open_script=w.load_script, examples=examples)
    qtbot.addWidget(browser)
    assert browser.select(path.name)
    qtbot.mouseClick(browser.open_button, Qt.MouseButton.LeftButton)
    assert no_modal_dialogs == [], no_modal_dialogs
    assert w.loaded.script == path and w.bridge.network is not None
    card = ScriptChoicePanel(w)
    card.offer(w.loaded)
    assert card.iterations == _requested(path) > 0  # "run the N iterations the script asked for"
    assert w.bridge.iteration == 0
    with qtbot.waitSignal(w.bridge.run_finished, timeout=60000) as finished:
        w.bridge.run_for(50)
    assert finished.args == [True] and w.bridge.iteration == 50 and w.bridge.error is None
    views = {name: w.view(name) for name in VIEWS}
    known = KNOWN_SILENT.get(path.name, set())

    def settled() -> bool:
        return all(_has_data(n, v, 50) or _says_why(v) for n, v in views.items() if n not in known)

    qtbot.waitUntil(settled, timeout=10000)  # the display timer, not a forced refresh
    assert w.bridge.redraws > 0
    showing = {n for n, v in views.items() if _has_data(n, v, 50)}
    assert showing & {"traces", "grid", "raster"}, "no view shows the network's activity"
    silent = {n for n, v in views.items() if n not in showing and not _says_why(v)}
    assert silent <= known, f"views blank without a message: {sorted(silent - known)}"
    if silent:
        warnings.warn(f"{path.name}: known blank views {sorted(silent)}", stacklevel=1)
    traces = views["traces"]
    if "traces" in showing:  # the drawn values are the network's own
        _t, v = traces.shown_data()
        now = np.asarray(getattr(traces.group, traces.variable), dtype=float)[traces._neurons]
        np.testing.assert_allclose(v[-1], now, rtol=1e-5, atol=1e-6)


# ------------------------------------------------------------------ python script.py
NETWORK_UI_SCRIPT = textwrap.dedent("""
    from PymoNNto import *
    from PymoNNto.Exploration.Network_UI import *

    class Noise(Behavior):
        def initialize(self, n):
            n.voltage = n.vector()
        def iteration(self, n):
            n.voltage = n.vector('uniform')
            n.spike = n.voltage > 0.9

    net = Network()
    NeuronGroup(net=net, tag='noise', size=25, behavior={1: Noise()})
    net.initialize(info=False)
    Network_UI(net, label='UI from a script').show()
    print('after show, iteration', net.iteration)
""")

#: Runs a script as ``python script.py`` does (``__main__``), quitting the studio once it has run a bit.
QUIT_WHEN_RUNNING = textwrap.dedent("""
    import runpy, sys
    from studio.app import application
    from PyQt6.QtCore import QTimer
    from PyQt6.QtWidgets import QApplication

    app = application()

    def poll():
        from studio.main_window import MainWindow
        for w in QApplication.topLevelWidgets():
            if isinstance(w, MainWindow) and w.isVisible() and w.bridge.iteration >= 20:
                state = 'running' if w.bridge.is_running else 'paused'
                print('WINDOW', repr(w.windowTitle()), state, flush=True)
                w.close()
                app.quit()
                return
        QTimer.singleShot(50, poll)

    QTimer.singleShot(50, poll)
    runpy.run_path(sys.argv[1], run_name='__main__')
""")


def test_network_ui_script_opens_the_studio(run_python, tmp_path):
    script = tmp_path / "ui_script.py"
    script.write_text(NETWORK_UI_SCRIPT)
    out = run_python(
        code=QUIT_WHEN_RUNNING, args=[str(script)], env={"QT_QPA_PLATFORM": "offscreen"}, timeout=120
    )
    assert out.returncode == 0, out.stderr[-3000:]
    assert "WINDOW 'UI from a script — mnn-studio' running" in out.stdout
    after = re.search(r"after show, iteration (\d+)", out.stdout)
    assert after and int(after[1]) >= 20  # show() returned when the window closed


def test_python_script_py_with_network_ui_quits_on_request(run_python, tmp_path):
    script = tmp_path / "ui_script.py"
    script.write_text(NETWORK_UI_SCRIPT)
    env = {"QT_QPA_PLATFORM": "offscreen", "MNN_STUDIO_QUIT_AFTER": "1.5", "PYTHONFAULTHANDLER": "1"}
    out = run_python(script=script, env=env, timeout=120)  # faulthandler: a crash at exit shows where
    assert out.returncode == 0, out.stderr[-3000:]
    assert "UI from a script" in out.stdout and "after show, iteration" in out.stdout


def test_seed_example_standalone_plots_with_matplotlib_only(run_python):
    path = EXAMPLES_DIR / "seed_basic.py"
    out = run_python(script=path, env={"MPLBACKEND": "Agg"}, timeout=120)
    assert out.returncode == 0, out.stderr[-3000:]
    probe = run_python(
        code="import runpy, sys; import matplotlib.pyplot as plt; "
        f"runpy.run_path({str(path)!r}, run_name='__main__'); "
        "print('figures', len(plt.get_fignums())); "
        "print('qt', sorted(m for m in sys.modules if m.startswith(('PyQt6', 'studio'))))",
        env={"MPLBACKEND": "Agg"},
        timeout=120,
    )
    assert probe.returncode == 0, probe.stderr[-3000:]
    assert "qt []" in probe.stdout
    figures = re.search(r"figures (\d+)", probe.stdout)
    assert figures and int(figures[1]) >= 1
