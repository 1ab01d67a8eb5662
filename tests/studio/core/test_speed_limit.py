"""The window holds the speed limit it shows (issue #17): the view timer, the views' watches and
their per-frame holds of the worker must neither step the network nor lift the throttle.

The rate is measured on the runner's own clock: a behavior stamps ``time.perf_counter()`` in the
worker at every iteration, so the GUI's polling jitter does not enter the figure.
"""

from __future__ import annotations

import numpy as np
import pytest

from tests.support.paths import SEED

_STAMP = """
import time as _time


class Stamp(Behavior):
    def initialize(self, neurons):
        neurons.stamps = []

    def iteration(self, neurons):
        neurons.stamps.append(_time.perf_counter())


My_Neurons.add_behavior(100, Stamp(), initialize=False)
My_Network.initialize()
"""
#: the seed network with a behavior that stamps the worker's clock at every iteration
STAMPED = SEED.read_text(encoding="utf-8").replace("My_Network.initialize()", _STAMP, 1)


def _measured_rate(window, qtbot, rate: float, iterations: int) -> float:
    net = window.bridge.network
    window.controls.set_speed(rate)
    assert window.controls.speed() == rate
    window.bridge.run()
    qtbot.waitUntil(
        lambda: len(net.my_neurons.stamps) >= iterations + 2, timeout=int(8000 * iterations / rate)
    )
    window.bridge.pause()
    stamps = np.asarray(net.my_neurons.stamps[1 : iterations + 2])  # the first iteration starts the clock
    return (len(stamps) - 1) / float(stamps[-1] - stamps[0])


@pytest.mark.parametrize(("rate", "iterations"), [(10.0, 20), (30.0, 45)])
def test_window_at_10_and_30_it_per_s_holds_the_speed_limit(
    make_window, write_script, qtbot, rate, iterations
):
    window = make_window(write_script("stamped_seed.py", STAMPED), fps=60.0)
    measured = _measured_rate(window, qtbot, rate, iterations)
    assert measured == pytest.approx(rate, rel=0.10), f"{measured:.1f} it/s at a limit of {rate:g} it/s"
