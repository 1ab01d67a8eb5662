"""Homeostasis: push a measured quantity of each neuron into a target range (PymoNNto's BasicHomeostasis).

``measurement_param`` is an expression of ``n`` (the group) and ``self`` (the behavior), e.g.
``'n.voltage'`` or ``'np.mean(n.voltage)'``; ``adjustment_param`` names the group attribute that is
changed. At each step, where the measurement is above ``max_th`` the attribute changes by
``-dec * (m - max_th) * adj_strength``, where it is below ``min_th`` by ``inc * (min_th - m) *
adj_strength`` (without the distance factors when ``distance_sensitive=False``). ``threshold`` sets
``min_th = max_th = threshold``; ``gap_percent`` then opens the range to ``threshold * (1 -+
gap_percent/100)``. A negative ``adj_strength`` turns the direction around.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from engine.library.arrays import fits, mark_owned, owned
from engine.library.expressions import compile_function
from engine.model.behavior import Behavior

__all__ = ["Instant_Homeostasis", "Time_Integration_Homeostasis"]


class Instant_Homeostasis(Behavior):
    """Adjust ``adjustment_param`` from the current value of ``measurement_param`` (see the module).

    Parameters (all optional except the two names): ``min_th``, ``max_th``, ``threshold``,
    ``gap_percent``, ``distance_sensitive`` (True), ``inc`` (1.0), ``dec`` (1.0), ``adj_strength``
    (1.0), ``measurement_min`` / ``measurement_max`` (clip the reading only), ``target_clip_min`` /
    ``target_clip_max`` (clip the adjusted attribute).
    """

    compiled_mp: Callable[..., Any] | None = None
    _compiled_text: object = None

    def initialize(self, neurons: Any) -> None:
        self.compiled_mp = None
        self.min_th = self.parameter("min_th", None, neurons)
        self.max_th = self.parameter("max_th", None, neurons)
        self.set_threshold(
            self.parameter("threshold", None, neurons), self.parameter("gap_percent", None, neurons)
        )
        self.distance_sensitive = self.parameter("distance_sensitive", True, neurons)
        self.inc = self.parameter("inc", 1.0, neurons)
        self.dec = self.parameter("dec", 1.0, neurons)
        self.adj_strength = self.parameter("adj_strength", 1.0, neurons)
        # Read without the group: PymoNNto 3.0.6 reads them with it, so that an expression with
        # parentheses ('np.mean(n.voltage)', as its docs show) is taken for a value string and fails.
        self.adjustment_param = self.parameter("adjustment_param", None)
        self.measurement_param = self.parameter("measurement_param", None)
        self.measurement_min = self.parameter("measurement_min", None, neurons)
        self.measurement_max = self.parameter("measurement_max", None, neurons)
        self.target_clip_min = self.parameter("target_clip_min", None, neurons)
        self.target_clip_max = self.parameter("target_clip_max", None, neurons)

    def set_threshold(self, th: Any, gap_percent: Any = None) -> None:
        """``min_th = max_th = th``, opened by ``gap_percent`` percent on each side (None: unchanged)."""
        self.th = th
        if th is None:
            return
        if gap_percent is None:
            self.min_th = th
            self.max_th = th
        else:
            self.min_th = th - th / 100 * gap_percent
            self.max_th = th + th / 100 * gap_percent

    # ------------------------------------------------------------------ the three steps

    def get_measurement_param(self, n: Any) -> Any:
        """The value of ``measurement_param`` now, clipped to ``measurement_min``/``measurement_max``."""
        text = self.measurement_param
        if self.compiled_mp is None or self._compiled_text is not text:
            if text is None:
                raise ValueError(
                    f"{type(self).__name__}: measurement_param is missing; give an expression of n "
                    "such as measurement_param='n.voltage'"
                )
            self.compiled_mp = compile_function(
                text, ("self", "n"), f"{type(self).__name__} measurement_param"
            )
            self._compiled_text = text
        result = self.compiled_mp(self, n)
        if self.measurement_min is not None:
            result = np.clip(result, self.measurement_min, None)
        if self.measurement_max is not None:
            result = np.clip(result, None, self.measurement_max)
        return result

    def get_target_adjustment(self, measure_or_average: Any) -> Any:
        """The change of the adjusted attribute for the measurement ``measure_or_average``."""
        m = measure_or_average
        if self.min_th is None or self.max_th is None:
            raise ValueError(
                f"{type(self).__name__}: no target range; "
                "give threshold=... or both min_th=... and max_th=..."
            )
        greater = (m > self.max_th) * (-self.dec)
        smaller = (m < self.min_th) * self.inc
        if self.distance_sensitive:
            greater = _times(greater, m - self.max_th)
            smaller = _times(smaller, self.min_th - m)
        if fits(greater, smaller):
            greater += smaller
        else:
            greater = greater + smaller
        return _times(greater, self.adj_strength)

    def add_to_target_param(self, neurons: Any, add: Any) -> None:
        """``neurons.<adjustment_param> += add``, clipped to ``target_clip_min``/``target_clip_max``."""
        name = _attribute_name(self.adjustment_param, type(self).__name__)
        try:
            target = getattr(neurons, name)
        except AttributeError:
            raise AttributeError(
                f"{type(self).__name__}: the group has no attribute {name!r} (adjustment_param) to "
                f"adjust; create it first, e.g. neurons.{name} = neurons.vector()"
            ) from None
        low, high = self.target_clip_min, self.target_clip_max
        bounds = [b for b in (low, high) if b is not None]
        if owned(target) and fits(target, add, *bounds):
            target += add
            if bounds:
                np.clip(target, low, high, out=target)
            return
        value = target + add
        if bounds:
            value = np.clip(value, low, high)
        setattr(neurons, name, mark_owned(value))

    def iteration(self, neurons: Any) -> None:
        measure_or_average = self.get_measurement_param(neurons)
        self.add = self.get_target_adjustment(measure_or_average)
        self.add_to_target_param(neurons, self.add)


class Time_Integration_Homeostasis(Instant_Homeostasis):
    """:class:`Instant_Homeostasis` on a running average of the measurement.

    ``average <- (average * integration_length + measurement) / (integration_length + 1)``;
    ``integration_length`` (1) sets the inertia (0: no averaging), ``init_avg`` the start value
    (default ``(min_th + max_th) / 2``).
    """

    average: Any = None

    def initialize(self, neurons: Any) -> None:
        super().initialize(neurons)
        self.integration_length = self.parameter("integration_length", 1, neurons)
        if self.min_th is not None and self.max_th is not None:
            start: Any = (self.min_th + self.max_th) / 2
        elif "init_avg" in self.init_kwargs:
            start = 0.0  # only the type a text init_avg is read as
        else:
            raise ValueError(
                f"{type(self).__name__}: give threshold=... (or min_th and max_th), or init_avg=..., "
                "to start the running average"
            )
        self.average = self.parameter("init_avg", start, neurons)

    def get_measurement_param(self, n: Any) -> Any:
        value = super().get_measurement_param(n)
        average, length = self.average, self.integration_length
        following = length + 1
        if owned(average) and fits(average, length, value, following):
            average *= length
            average += value
            average /= following
        else:
            self.average = mark_owned((average * length + value) / following)
        return self.average


def _times(left: Any, right: Any) -> Any:
    """``left * right``, written into ``left`` when that gives the same array (``left`` is a temporary)."""
    if fits(left, right):
        left *= right
        return left
    return left * right


def _attribute_name(name: object, owner: str) -> str:
    if not isinstance(name, str) or not name:
        raise ValueError(
            f"{owner}: adjustment_param must name a group attribute "
            f"(e.g. adjustment_param='threshold'), got {name!r}"
        )
    return name[2:] if name.startswith("n.") else name
