"""Geometry and connectivity behaviors: NeuronDimension, receptive fields, autapse removal."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import numpy as np

from engine.model.behavior import Behavior

if TYPE_CHECKING:
    from engine.model.neuron_group import NeuronGroup
    from engine.model.synapse_group import SynapseGroup

__all__ = [
    "NeuronDimension",
    "Grid",
    "NeuronGrid",
    "get_squared_dim",
    "getGrid",
    "Receptive_Fields",
    "Box_Receptive_Fields",
    "Circle_Receptive_Fields",
    "Remove_Autapses",
]


class NeuronDimension(Behavior):
    """Lays the neurons of a group out on a ``width x height x depth`` grid.

    Sets ``size``, ``width``, ``height``, ``depth``, ``shape`` (this behavior) and the
    coordinates ``x``, ``y``, ``z`` (centred on 0 unless ``centered=False``) on the group.
    Neuron ``i`` sits at ``x = i % width``, ``y = (i // width) % height``,
    ``z = i // (width * height)``.
    """

    initialize_on_init = True

    def initialize(self, neurons: NeuronGroup) -> None:
        self.width = int(self.parameter("width", 1))
        self.height = int(self.parameter("height", 1))
        self.depth = int(self.parameter("depth", 1))
        centered = bool(self.parameter("centered", True))
        self.parameter("input_patterns", [])
        for name in ("width", "height", "depth"):
            if getattr(self, name) < 0:
                raise ValueError(f"NeuronDimension: {name} must not be negative")
        neurons.width, neurons.height, neurons.depth = self.width, self.height, self.depth
        neurons.size = self.width * self.height * self.depth
        neurons.id = np.arange(neurons.size)
        neurons.shape = self
        index = neurons.id
        dtype = neurons.def_dtype
        x = (index % max(self.width, 1)).astype(dtype)
        y = ((index // max(self.width, 1)) % max(self.height, 1)).astype(dtype)
        z = (index // max(self.width * self.height, 1)).astype(dtype)
        if centered:
            x -= (self.width - 1) / 2
            y -= (self.height - 1) / 2
            z -= (self.depth - 1) / 2
        neurons.x, neurons.y, neurons.z = x, y, z

    def get_area_mask(
        self,
        xmin: float = 0,
        xmax: float = -1,
        ymin: float = 0,
        ymax: float = -1,
        zmin: float = 0,
        zmax: float = -1,
    ) -> np.ndarray:
        """Bool mask (depth x height x width index space) of a box of grid cells."""
        mask = np.zeros((self.depth, self.height, self.width), dtype=bool)
        mask[
            int(zmin) : int(zmax) if zmax != -1 else None,
            int(ymin) : int(ymax) if ymax != -1 else None,
            int(xmin) : int(xmax) if xmax != -1 else None,
        ] = True
        return mask.flatten()


Grid = NeuronDimension
NeuronGrid = NeuronDimension


def get_squared_dim(number_of_neurons: int, depth: int = 1, round_up: bool = True) -> NeuronDimension:
    """The most square ``width x height`` grid with ``width * height == number_of_neurons``.

    ``width`` is the largest divisor of ``number_of_neurons`` not above its square root
    (100 -> 10x10, 12 -> 3x4, 7 -> 1x7). ``round_up`` is accepted and ignored.
    """
    n = int(number_of_neurons)
    if n < 0:
        raise ValueError(f"get_squared_dim: number of neurons must not be negative, got {n}")
    width = int(math.isqrt(n))
    while width > 1 and n % width != 0:
        width -= 1
    height = n // width if width else 0
    return NeuronDimension(width=width, height=height, depth=depth)


getGrid = get_squared_dim


class Receptive_Fields(Behavior):
    """Base of connectivity masks: multiplies ``synapses.enabled`` by a DxS bool mask."""

    initialize_on_init = True

    def initialize(self, synapses: SynapseGroup) -> None:
        self.remove_autapses = bool(self.parameter("remove_autapses", False))
        src, dst = synapses.src, synapses.dst
        if not all(hasattr(g, axis) for g in (src, dst) for axis in ("x", "y", "z")):
            print(
                f"{type(self).__name__}: source or destination group has no x/y/z coordinates "
                "(give it a NeuronDimension); connectivity left unchanged"
            )
            return
        mask = self.mask(src, dst)
        if self.remove_autapses:
            mask &= _not_autapse(src, dst)
        if synapses.network.transposed_synapse_matrix_mode:
            mask = mask.T
        synapses.enabled = synapses.enabled * mask

    def mask(self, src: NeuronGroup, dst: NeuronGroup) -> np.ndarray:  # pragma: no cover - abstract
        raise NotImplementedError


def _deltas(src: NeuronGroup, dst: NeuronGroup) -> tuple[np.ndarray, ...]:
    return tuple(getattr(src, a)[None, :] - getattr(dst, a)[:, None] for a in ("x", "y", "z"))


def _not_autapse(src: NeuronGroup, dst: NeuronGroup) -> np.ndarray:
    return np.arange(dst.size)[:, None] != np.arange(src.size)[None, :]


class Box_Receptive_Fields(Receptive_Fields):
    """Connect where ``|dx|``, ``|dy|`` and ``|dz|`` are all at most ``range``."""

    def mask(self, src: NeuronGroup, dst: NeuronGroup) -> np.ndarray:
        reach = float(self.parameter("range", 1))
        dx, dy, dz = _deltas(src, dst)
        return (np.abs(dx) <= reach) & (np.abs(dy) <= reach) & (np.abs(dz) <= reach)


class Circle_Receptive_Fields(Receptive_Fields):
    """Connect where the Euclidean distance is at most ``radius``."""

    def mask(self, src: NeuronGroup, dst: NeuronGroup) -> np.ndarray:
        radius = float(self.parameter("radius", 1))
        dx, dy, dz = _deltas(src, dst)
        return dx * dx + dy * dy + dz * dz <= radius * radius


class Remove_Autapses(Behavior):
    """Disable the synapses from a neuron index to the same index."""

    initialize_on_init = True

    def initialize(self, synapses: SynapseGroup) -> None:
        mask = _not_autapse(synapses.src, synapses.dst)
        if synapses.network.transposed_synapse_matrix_mode:
            mask = mask.T
        synapses.enabled = synapses.enabled * mask
