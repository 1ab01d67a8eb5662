"""Synaptic normalization: scale the weights arriving at (or leaving) each neuron to a fixed sum.

:func:`normalize_synapse_attr` sums ``|W|`` over every afferent synapse group of a tag, per
postsynaptic neuron, divides the sums by ``target_value`` and divides each neuron's weights by its
sum (a zero sum counts as 1, so silent neurons keep their weights). :class:`Synaptic_Normalization`
does it at every step and clips the weights to ``[0, clip_max]``. The results are PymoNNto 3.0.6's
to the bit; the weight matrices are updated in place once the library made them (see
:mod:`engine.library.arrays`).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from engine.library.arrays import abs_column_sums, abs_row_sums, fits, mark_owned, owned
from engine.model.behavior import Behavior
from engine.model.constants import afferent, efferent

__all__ = ["Synaptic_Normalization", "normalize_synapse_attr", "normalize_synapse_attr_efferent"]


class Synaptic_Normalization(Behavior):
    """Normalize the afferent ``W`` of the synapse groups tagged ``syn_type`` ('GLU') at every step.

    ``norm_factor`` (1.0) is the weight sum each neuron keeps (stored per neuron in
    ``neurons.weight_norm_factor``); ``clip_max`` (None) caps the weights after normalizing.
    """

    def initialize(self, neurons: Any) -> None:
        self.syn_type = self.parameter("syn_type", "GLU", neurons)
        self.clip_max = self.parameter("clip_max", None, neurons)
        neurons.weight_norm_factor = neurons.vector() + self.parameter("norm_factor", 1.0, neurons)

    def iteration(self, neurons: Any) -> None:
        normalize_synapse_attr("W", "W", neurons.weight_norm_factor, neurons, self.syn_type)
        clip_max = self.clip_max
        bounds = (0,) if clip_max is None else (0, clip_max)
        for s in _synapses(neurons, afferent, self.syn_type):
            weights = s.W
            if owned(weights) and fits(weights, *bounds):
                np.clip(weights, 0, clip_max, out=weights)
            else:
                s.W = mark_owned(np.clip(weights, 0, clip_max))


def normalize_synapse_attr(
    src_attr: str, target_attr: str, target_value: Any, neurons: Any, synapse_type: str
) -> None:
    """Divide ``target_attr`` of the afferent ``synapse_type`` groups by the rows' ``|src_attr|`` sums.

    The sums (over all those groups, per postsynaptic neuron) are divided by ``target_value`` first,
    so each row of ``target_attr`` ends up summing to ``target_value`` when both names are the same.
    ``neurons.temp_weight_sum`` keeps the divisors.
    """
    groups = _synapses(neurons, afferent, synapse_type)
    sums = _fresh_sums(neurons)
    for s in groups:
        s.dst.temp_weight_sum += abs_row_sums(_attribute(s, src_attr))
    sums /= target_value
    column = sums[:, None]
    _divide_all(groups, target_attr, column + (column == 0))


def normalize_synapse_attr_efferent(
    src_attr: str, target_attr: str, target_value: Any, neurons: Any, synapse_type: str
) -> None:
    """The efferent counterpart: columns of the outgoing ``synapse_type`` groups.

    As in PymoNNto, the column sums are taken of ``|target_attr|`` and ``src_attr`` is divided by
    them. (PymoNNto 3.0.6's own function stops at ``neurons.neurons``; this does what it describes.)
    """
    groups = _synapses(neurons, efferent, synapse_type)
    sums = _fresh_sums(neurons)
    for s in groups:
        s.src.temp_weight_sum += abs_column_sums(_attribute(s, target_attr))
    sums /= target_value
    _divide_all(groups, src_attr, sums + (sums == 0))


# ---------------------------------------------------------------------------------------- helpers


def _synapses(neurons: Any, mode: int, tag: str) -> list[Any]:
    found = neurons.synapses(mode, tag)
    return [] if found is None else list(found)


def _fresh_sums(neurons: Any) -> np.ndarray:
    """``neurons.temp_weight_sum = neurons.vector()``, reusing the library's previous vector."""
    sums: Any = getattr(neurons, "temp_weight_sum", None)
    if owned(sums) and sums.shape == (neurons.size,) and sums.dtype == np.dtype(neurons.def_dtype):
        sums.fill(0)
        return sums
    fresh: np.ndarray = mark_owned(neurons.vector())
    neurons.temp_weight_sum = fresh
    return fresh


def _attribute(s: Any, name: str) -> Any:
    try:
        return getattr(s, name)
    except AttributeError:
        raise AttributeError(
            f"synapse normalization: synapse group '{s.tags[0]}' has no attribute {name!r} "
            f"(give it weights first, e.g. s.{name} = s.matrix('uniform'))"
        ) from None


def _divide_all(groups: list[Any], name: str, divisor: np.ndarray) -> None:
    """``s.<name> = s.<name> / divisor`` for every group, in place where nothing else can tell."""
    arrays = [_attribute(s, name) for s in groups]
    seen = [id(a) for a in arrays]
    for s, values in zip(groups, arrays):
        if owned(values) and seen.count(id(values)) == 1 and fits(values, divisor):
            np.divide(values, divisor, out=values)
        else:
            setattr(s, name, mark_owned(values / divisor))
