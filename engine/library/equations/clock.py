"""Clock: simulated time for equation behaviors (PymoNNto's EulerClock)."""

from __future__ import annotations

import numbers
from typing import Any

from engine.library.equations.helper import _units, seconds_of, unit_namespace
from engine.model.behavior import Behavior

__all__ = ["Clock"]


class Clock(Behavior):
    """Advance ``t`` (seconds) by ``step`` ('1*ms') at every step of its group or network.

    ``initialize`` sets ``clock_step_size`` (the step in seconds, a float) and ``t = 0.0`` on the
    object it is attached to; :class:`~engine.library.equations.equation.Equation` reads the step
    from there. ``step`` is a sympy duration string such as ``'0.1*ms'``, or a number of seconds.
    """

    clock_step_size: float

    def initialize(self, neuron_or_network: Any) -> None:
        self.add_tag("Clock")
        step = self.parameter("step", "1*ms")
        if isinstance(step, numbers.Real) and not isinstance(step, bool):
            seconds = float(step)
        else:
            seconds = seconds_of(step, "Clock step")
        if not seconds > 0:
            raise ValueError(f"Clock: step must be a positive duration, got {step!r} ({seconds} s)")
        neuron_or_network.clock_step_size = seconds
        self.clock_step_size = seconds
        neuron_or_network.t = 0.0

    def iteration(self, neuron_or_network: Any) -> None:
        neuron_or_network.t += neuron_or_network.clock_step_size

    def time_to_iterations(self, time_str: str) -> int:
        """How many steps of this clock ``time_str`` ('100*ms') lasts (rounded down, as PymoNNto)."""
        units = _units()
        try:
            ratio = eval(f"{time_str}/seconds", dict(unit_namespace()))
            return int(units.convert_to(ratio, units.seconds) / self.clock_step_size)
        except Exception as error:
            raise ValueError(
                f"Clock: cannot read {time_str!r} as a duration such as '100*ms' ({error})"
            ) from None
