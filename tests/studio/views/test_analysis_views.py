"""The analysis views on known inputs: a regular spike train, an oscillation, a rank-one activity,
a silent group, NaN values; each opened through the view registry like View → New view does."""

from __future__ import annotations

import numpy as np
import pytest

from studio.views.registry import available_views

KNOWN = '''
"""Known inputs for the analysis views"""
import numpy as np
from PymoNNto import *


class Clock(Behavior):
    """Neuron k fires when (t + k) % period == 0: a regular train of period `period`."""
    def initialize(self, n):
        self.period = int(self.parameter('period', 8))
        self.t = 0
        n.spike = n.vector(bool)
        n.voltage = n.vector()

    def iteration(self, n):
        self.t += 1
        n.spike = (self.t + np.arange(n.size)) % self.period == 0
        n.voltage = np.sin(2 * np.pi * self.t / 20.0) * np.linspace(0.5, 1.5, n.size)


class Quiet(Behavior):
    def initialize(self, n):
        n.spike = n.vector(bool)
        n.voltage = n.vector()
        self.t = 0
        for s in n.synapses(afferent, 'CQ'):
            s.W = s.matrix('uniform', density=0.5)

    def iteration(self, n):
        self.t += 1
        n.voltage = n.vector() + np.cos(2 * np.pi * self.t / 10.0)
        n.voltage[0] = np.nan


net = Network()
NeuronGroup(net=net, tag='clock', size=12, behavior={1: Clock(period=8)})
NeuronGroup(net=net, tag='quiet', size=6, behavior={1: Quiet()})
SynapseGroup(net=net, src='clock', dst='quiet', tag='CQ')
net.initialize(info=False)
'''


@pytest.fixture
def known(make_window, write_script):
    """A window on the known-input network and a factory of extra analysis views."""
    w = make_window(write_script("known.py", KNOWN))

    def open_view(kind: str, group: str = "clock", variable: str | None = None):
        view = w.docks.open_extra(kind).widget()
        view.set_group(getattr(w.bridge.network, group))
        if variable is not None:
            view.set_variable(variable)
        return view

    return w, open_view


def analysed(qtbot, view, at_least: int = 1) -> None:
    """Wait until the view analysed at least ``at_least`` times (its throttle decides when)."""
    qtbot.waitUntil(lambda: view.analyses >= at_least, timeout=5000)


def test_every_analysis_view_is_in_new_view():
    names = set(available_views())
    assert {"isi", "rates", "spectrum", "weight_hist", "pca", "graph"} <= names


def test_isi_of_a_regular_train_peaks_at_its_period_with_cv_zero(known, qtbot):
    w, open_view = known
    view = open_view("isi")
    assert view.variable == "spike" and view.notice_text and "Waiting" in view.notice_text
    w.bridge.step(400)
    analysed(qtbot, view)
    assert view.notice_text is None
    assert view.result.peak == pytest.approx(8.0)
    assert view.result.n_intervals == int(w.bridge.network.clock.size * (400 // 8 - 1))
    assert view.result.cv == pytest.approx(0.0, abs=1e-12)
    assert "CV 0.00 pooled" in view.plot.getPlotItem().full_title
    view.scope_box.setCurrentIndex(1)  # the selected neuron only
    w.selection.set_neuron(3, group=w.bridge.network.clock)
    analysed(qtbot, view, 2)
    assert view.result.n_intervals == 400 // 8 - 1 and view.result.peak == pytest.approx(8.0)


def test_a_group_without_spikes_says_so(known, qtbot):
    w, open_view = known
    view = open_view("isi", group="quiet")
    rates = open_view("rates", group="quiet")
    w.bridge.step(50)
    analysed(qtbot, view)
    analysed(qtbot, rates)
    assert "No spikes" in view.notice_text and "quiet.spike" in view.notice_text
    assert "No spikes" in rates.notice_text and not view.plot.isVisible()


def test_rates_of_a_regular_train(known, qtbot):
    w, open_view = known
    view = open_view("rates")
    view.bin_spin.setValue(8)  # bins of one period: 12 spikes in each
    w.bridge.step(800)
    analysed(qtbot, view)
    assert view.notice_text is None
    np.testing.assert_allclose(view.rates, 1 / 8)  # every neuron: one spike per 8 iterations
    x, y = view.rate_curve.getData()
    assert y.size == 100 and np.allclose(y, 1 / 8)
    assert "1/it" in view.time_plot.getAxis("left").labelText


def test_spectrum_of_an_oscillating_group_peaks_at_its_frequency(known, qtbot):
    w, open_view = known
    view = open_view("spectrum", variable="voltage")
    w.bridge.step(1000)
    analysed(qtbot, view)
    assert view.notice_text is None
    assert view.spectrum.peak == pytest.approx(1 / 20, rel=0.02)
    assert "period 20" in view.plot.getPlotItem().full_title


def test_spectrum_keeps_nan_visible(known, qtbot):
    w, open_view = known
    view = open_view("spectrum", group="quiet", variable="voltage")
    w.bridge.step(500)
    analysed(qtbot, view)
    assert view.spectrum.peak == pytest.approx(1 / 10, rel=0.02)  # the other neurons' cosine
    assert "500 NaN values left out" in view.plot.getPlotItem().full_title


def test_pca_of_a_rank_one_activity(known, qtbot):
    w, open_view = known
    view = open_view("pca", variable="voltage")
    w.bridge.step(300)
    analysed(qtbot, view)
    assert view.notice_text is None
    assert view.result.scores.shape == (291, 2)  # a moving average over 10 iterations first
    assert view.result.explained[0] > 0.999  # a linear filter keeps a rank-one activity rank one
    view.smooth_spin.setValue(1)
    analysed(qtbot, view, 2)
    assert view.result.scores.shape == (300, 2) and view.result.explained[0] > 0.999
    x, y = view.path_curve.getData()
    assert x.size == 300 and np.isfinite(x).all()


def test_pca_with_nan_in_every_sample_says_so(known, qtbot):
    w, open_view = known
    view = open_view("pca", group="quiet", variable="voltage")
    w.bridge.step(20)
    analysed(qtbot, view)
    assert "NaN" in view.notice_text


def test_weight_histogram_changes_when_w_is_scaled(known, qtbot):
    w, open_view = known
    view = w.docks.open_extra("weight_hist").widget()
    net = w.bridge.network
    assert view.synapse_group() is net.CQ
    w.bridge.step(1)
    qtbot.waitUntil(lambda: view.stats is not None, timeout=5000)
    before = view.stats
    assert before.counts.sum() == np.count_nonzero(net.CQ.W)
    w.bridge.call(lambda: setattr(net.CQ, "W", net.CQ.W * 3.0)).result(timeout=5)
    w.bridge.step(1)
    qtbot.waitUntil(lambda: view.stats is not before, timeout=5000)
    assert view.stats.mean == pytest.approx(3 * before.mean, rel=1e-5)
    np.testing.assert_allclose(view.stats.edges, 3 * before.edges, rtol=1e-5)
    assert view.first is before  # the dashed reference stays the first histogram seen


def test_a_long_summary_never_widens_a_narrow_view(known, qtbot):
    """A title wider than the dock used to become the plot's minimum width: the plot's right side
    went out of view. Now the plot fits the dock, the summary ends in '…' where it does not fit,
    and the tooltip has it whole."""
    from PyQt6.QtGui import QFont, QFontMetrics

    w, open_view = known
    view = open_view("isi")
    dock = w.docks.docks[next(n for n in w.docks.extra if n.startswith("isi"))]
    w.bridge.step(400)
    analysed(qtbot, view)
    dock.setFloating(True)
    narrow = dock.minimumSizeHint().width()  # as narrow as its header row allows
    dock.resize(narrow, 320)
    qtbot.waitUntil(lambda: dock.width() <= narrow + 2, timeout=5000)
    w.bridge.step(8)
    analysed(qtbot, view, view.analyses + 1)
    item = view.plot.getPlotItem()
    assert item.titleLabel.minimumWidth() == 0
    assert view.plot.width() <= dock.width() and item.width() <= view.plot.width()  # all in view
    font = QFont()
    font.setPointSizeF(9.0)
    shown = item.titleLabel.text
    assert QFontMetrics(font).horizontalAdvance(shown) <= item.width()
    assert shown == item.full_title or (shown.endswith("…") and item.full_title.startswith(shown[:-1]))
    assert item.titleLabel.toolTip() == item.full_title and "mean per neuron" in item.full_title
