"""NeuronSubGroup (a masked view of a NeuronGroup) and the grid masks used to cut groups into blocks.

``group.subGroup(mask)`` returns a :class:`NeuronSubGroup`: reading a per-neuron array through it
gives the masked values (``sub.voltage == group.voltage[mask]``; arrays whose first axis is not the
neuron axis, such as ``(rows, size)`` buffers, are masked on their second axis), and assigning one
writes into the base group's array (``sub.voltage = 0`` sets only the masked neurons, so
``sub.voltage += 1`` changes them in place). Everything else is read from the base group.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from engine.model.neuron_group import NeuronGroup

__all__ = ["NeuronSubGroup", "as_neuron_mask", "partition_masks", "subgroup_receptive_field_mask"]

_OWN = frozenset({"BaseNeuronGroup", "mask", "cache", "key_id_cache", "id_mask"})


def as_neuron_mask(mask: Any, size: int, owner: str = "subGroup") -> np.ndarray:
    """A bool mask of length ``size`` from a bool mask, a list of neuron indices or None (all)."""
    if mask is None:
        return np.ones(size, dtype=bool)
    values = np.asarray(mask)
    if values.dtype == bool:
        if values.shape != (size,):
            raise ValueError(f"{owner}: the mask has shape {values.shape}; the group has {size} neurons")
        return values.copy()
    if values.size and not np.issubdtype(values.dtype, np.integer):
        raise TypeError(f"{owner}: mask must be bool values or neuron indices, got dtype {values.dtype}")
    index = values.astype(int).ravel()
    if index.size and (index.min() < -size or index.max() >= size):
        raise IndexError(f"{owner}: neuron index out of range for a group of {size} neurons: {mask!r}")
    result = np.zeros(size, dtype=bool)
    result[index] = True
    return result


class NeuronSubGroup:
    """The neurons of ``BaseNeuronGroup`` selected by ``mask`` (see the module docstring).

    Attributes of its own: ``BaseNeuronGroup``, ``mask`` (bool, length of the base group),
    ``id_mask`` (the selected indices), ``cache``, ``key_id_cache``; ``size`` is the number of
    selected neurons.
    """

    BaseNeuronGroup: NeuronGroup
    mask: np.ndarray
    id_mask: np.ndarray

    def __init__(self, BaseNeuronGroup: NeuronGroup | NeuronSubGroup, mask: Any = None):
        group = BaseNeuronGroup
        if isinstance(group, NeuronSubGroup):  # a subgroup of a subgroup: mask indexes the subgroup
            inner = as_neuron_mask(mask, group.size, "NeuronSubGroup.subGroup")
            selected = np.zeros(group.mask.shape[0], dtype=bool)
            selected[group.id_mask[inner]] = True
            base = group.BaseNeuronGroup
        else:
            if not hasattr(group, "size") or not hasattr(group, "afferent_synapses"):
                raise TypeError(f"NeuronSubGroup: the base must be a NeuronGroup, got {group!r}")
            base = group
            selected = as_neuron_mask(mask, base.size, f"NeuronGroup '{base.tags[0]}'.subGroup")
        object.__setattr__(self, "cache", {})
        object.__setattr__(self, "key_id_cache", {})
        object.__setattr__(self, "BaseNeuronGroup", base)
        object.__setattr__(self, "mask", selected)
        object.__setattr__(self, "id_mask", np.flatnonzero(selected))

    # ------------------------------------------------------------------ masked access

    @property
    def size(self) -> int:
        return int(self.id_mask.size)

    def mask_var(self, var: np.ndarray) -> np.ndarray:
        """``var[mask]``, or ``var[:, mask]`` when the first axis is not the neuron axis."""
        if var.shape[0] != self.mask.shape[0]:
            return var[:, self.mask]
        return var[self.mask]

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") or name in _OWN:
            raise AttributeError(name)
        value = getattr(self.BaseNeuronGroup, name)
        if isinstance(value, np.ndarray) and value.ndim > 0:
            return self.mask_var(value)
        return value

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _OWN:
            object.__setattr__(self, name, value)
            return
        base = self.BaseNeuronGroup
        try:
            current = getattr(base, name)
        except AttributeError:
            raise AttributeError(
                f"NeuronSubGroup of '{base.tags[0]}': the base group has no attribute {name!r} to "
                f"write into; create it on the group first (e.g. group.{name} = group.vector())"
            ) from None
        if isinstance(current, np.ndarray) and current.ndim > 0:
            if current.shape[0] != self.mask.shape[0]:
                current[:, self.mask] = value
            else:
                current[self.mask] = value
        else:
            setattr(base, name, value)

    # ------------------------------------------------------------------ group-like helpers

    def vector(
        self, mode: object = "zeros()", scale: Any = None, density: Any = None, plot: bool = False
    ) -> np.ndarray:
        """A new array with one value per selected neuron (the base group's value strings)."""
        from engine.model.values import generate

        base = self.BaseNeuronGroup
        return generate(mode, (self.size,), base.def_dtype, base, scale, density)

    vec = vector
    array = vector
    get_neuron_vec = vector

    def subGroup(self, mask: Any = None) -> NeuronSubGroup:
        """The neurons of this subgroup selected by ``mask`` (indexed within the subgroup)."""
        return NeuronSubGroup(self, mask)

    def group_without_subGroup(self) -> NeuronGroup:
        return self.BaseNeuronGroup

    def __repr__(self) -> str:
        base = self.BaseNeuronGroup
        return f"<NeuronSubGroup of {base.tags[0]!r}: {self.size} of {base.size} neurons>"


def _coordinates(group: Any, owner: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    try:
        return np.asarray(group.x), np.asarray(group.y), np.asarray(group.z)
    except AttributeError:
        raise AttributeError(
            f"{owner}: the group has no x/y/z coordinates; give it a NeuronDimension "
            "(size=get_squared_dim(n) or NeuronDimension(width=..., height=...))"
        ) from None


def partition_masks(group: Any, steps: Sequence[int] = (1, 1, 1)) -> list[np.ndarray]:
    """Bool masks that cut the group's x/y/z extent into ``steps[0] x steps[1] x steps[2]`` boxes.

    Box ``k`` along an axis spans ``[min + (max-min)/steps*k, min + (max-min)/steps*(k+1)]`` (both
    ends included); a neuron on a shared border belongs to the first box (x-major, then y, then z),
    so the masks never overlap and together select every neuron. Boxes may be empty.
    """
    owner = "partition_masks"
    if len(steps) != 3:
        raise ValueError(f"{owner}: steps must give three counts (x, y, z), got {steps!r}")
    counts = [int(s) for s in steps]
    if min(counts) < 1:
        raise ValueError(f"{owner}: every step count must be at least 1, got {steps!r}")
    axes = _coordinates(group, owner)
    if axes[0].size == 0:
        return [np.zeros(0, dtype=bool) for _ in range(counts[0] * counts[1] * counts[2])]
    low = [float(np.min(a)) for a in axes]
    high = [float(np.max(a)) for a in axes]

    def inside(axis: int, box: int) -> np.ndarray:
        width = (high[axis] - low[axis]) / counts[axis]
        start, end = low[axis] + width * box, low[axis] + width * (box + 1)
        values = axes[axis]
        return (values >= start) & (values <= end)

    taken = np.zeros(axes[0].shape[0], dtype=bool)
    masks: list[np.ndarray] = []
    for bx in range(counts[0]):
        in_x = inside(0, bx)
        for by in range(counts[1]):
            in_xy = in_x & inside(1, by)
            for bz in range(counts[2]):
                mask = in_xy & inside(2, bz) & ~taken
                taken |= mask
                masks.append(mask)
    return masks


def subgroup_receptive_field_mask(
    group: Any, subgroup: Any, xyz_rf: Sequence[float] = (1, 1, 1)
) -> np.ndarray:
    """Bool mask of ``group``'s neurons inside the subgroup's x/y/z bounding box grown by ``xyz_rf``."""
    owner = "get_subgroup_receptive_field_mask"
    if len(xyz_rf) != 3:
        raise ValueError(f"{owner}: xyz_rf must give three ranges (x, y, z), got {xyz_rf!r}")
    axes = _coordinates(group, owner)
    inner = _coordinates(subgroup, owner)
    if inner[0].size == 0:
        raise ValueError(f"{owner}: the subgroup selects no neurons")
    mask = np.ones(axes[0].shape[0], dtype=bool)
    for values, sub_values, reach in zip(axes, inner, xyz_rf):
        mask &= (values >= np.min(sub_values) - reach) & (values <= np.max(sub_values) + reach)
    return mask
