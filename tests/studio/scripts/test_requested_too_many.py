"""A script that asks for more iterations than one run may: said in the window, never a crash."""

from __future__ import annotations

import pytest

from engine.runtime.limits import MAX_ITERATIONS

pytestmark = pytest.mark.usefixtures("isolated_settings")


def test_simulate_iterations_10_to_the_12_is_refused_with_a_message(
    make_window, write_script, no_modal_dialogs
):
    script = write_script(
        "huge.py",
        "from PymoNNto import *\nnet = Network()\nNeuronGroup(net=net, tag='g', size=4, behavior={})\n"
        "net.initialize(info=False)\nnet.simulate_iterations(10**12)\n",
    )
    window = make_window(script)
    before = window.controls.n_spin.value()
    assert before <= MAX_ITERATIONS
    assert "more than one run may ask for" in window.statusBar().currentMessage()
    window.script_choice.run_requested_iterations()  # the card's "Run N iterations" button
    assert no_modal_dialogs and no_modal_dialogs[-1][0] == "Cannot run the requested iterations"
    assert "1,000,000,000,000 iterations" in no_modal_dialogs[-1][1]
    assert window.bridge.iteration == 0 and not window.bridge.is_running
