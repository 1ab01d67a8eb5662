"""Partition: split a SynapseGroup into blocks between subgroups, and small geometry helpers.

A large synapse group whose receptive fields are local (``Box_Receptive_Fields``...) can be cut
into many small ones: the destination group is split into a grid of boxes, and each box gets the
source neurons within the largest receptive field around it. Each block is a SynapseGroup from a
:class:`~engine.model.subgroups.NeuronSubGroup` of the source to one of the destination, with
copies of the original's behaviors and attributes (matrix-shaped ones cut to the block) and the
extra tag ``'partitioned'``. The blocks replace the original in the network's ``SynapseGroups``,
in the groups' afferent/efferent synapse lists and in the behavior schedule.

``vec_to_mat``, ``vec_to_mat_transposed`` and ``rotation_matrix`` are the small helpers that
PymoNNto's structure module exports next to NeuronDimension.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, cast

import numpy as np

from engine.model.behavior import Behavior
from engine.model.introspection import instance_attributes
from engine.model.subgroups import as_neuron_mask

if TYPE_CHECKING:
    from engine.model.synapse_group import SynapseGroup

__all__ = [
    "Partition",
    "max_receptive_field_size",
    "sub_synapse_group",
    "vec_to_mat",
    "vec_to_mat_transposed",
    "rotation_matrix",
]

#: the block edge, in neurons, that ``split_size='auto'`` aims for
_AUTO_BLOCK = 7
#: rows of the destination group handled at once when measuring receptive fields
_ROWS_PER_CHUNK = 512


# ---------------------------------------------------------------------------------- geometry helpers
def vec_to_mat(vec: Any, repeat_count: int) -> np.ndarray:
    """``repeat_count`` rows, each a copy of ``vec`` (shape ``(repeat_count, len(vec))``)."""
    values = np.asarray(vec)
    return np.tile(values.reshape(1, values.shape[0]), (int(repeat_count), 1))


def vec_to_mat_transposed(vec: Any, repeat_count: int) -> np.ndarray:
    """``vec_to_mat(vec, repeat_count).T``: each column a copy of ``vec``."""
    return vec_to_mat(vec, repeat_count).transpose()


def rotation_matrix(axis: Any, theta: float) -> np.ndarray:
    """The 3x3 matrix of a counterclockwise rotation by ``theta`` radians about ``axis``."""
    k = np.asarray(axis, dtype=float)
    norm = float(np.sqrt(np.dot(k, k)))
    if k.shape != (3,) or norm == 0.0:
        raise ValueError(f"rotation_matrix: axis must be a non-zero 3-vector, got {axis!r}")
    k = k / norm
    cross = np.array([[0.0, -k[2], k[1]], [k[2], 0.0, -k[0]], [-k[1], k[0], 0.0]])
    cos, sin = np.cos(theta), np.sin(theta)
    return cos * np.eye(3) + sin * cross + (1.0 - cos) * np.outer(k, k)


# ---------------------------------------------------------------------------------- blocks
def _dxs(synapses: SynapseGroup, matrix: np.ndarray) -> np.ndarray:
    return matrix.T if synapses.network.transposed_synapse_matrix_mode else matrix


def max_receptive_field_size(synapses: SynapseGroup) -> tuple[float, float, float]:
    """The largest ``|dx|, |dy|, |dz|`` between a destination neuron and an enabled source neuron.

    Each value is at least 1. With ``enabled`` True (no mask) every source neuron counts.
    """
    src, dst = synapses.src, synapses.dst
    for group, role in ((src, "source"), (dst, "destination")):
        if not all(hasattr(group, a) for a in ("x", "y", "z")):
            raise AttributeError(
                f"SynapseGroup '{synapses.tags[0]}': the {role} group has no x/y/z coordinates; "
                "give it a NeuronDimension"
            )
    enabled = synapses.enabled
    mask = _dxs(synapses, enabled) if isinstance(enabled, np.ndarray) else None
    if mask is not None and mask.shape != (dst.size, src.size):
        raise ValueError(
            f"SynapseGroup '{synapses.tags[0]}': enabled has shape {np.shape(enabled)}, not the "
            f"synapse matrix shape {synapses.matrix_dim()}"
        )
    result = [1.0, 1.0, 1.0]
    for axis, name in enumerate(("x", "y", "z")):
        s_val = np.asarray(getattr(src, name), dtype=float)
        d_val = np.asarray(getattr(dst, name), dtype=float)
        for start in range(0, dst.size, _ROWS_PER_CHUNK):
            rows = slice(start, start + _ROWS_PER_CHUNK)
            distance = np.abs(d_val[rows, None] - s_val[None, :])
            if mask is not None:
                distance = np.where(mask[rows].astype(bool), distance, -np.inf)
            if distance.size:
                result[axis] = max(result[axis], float(np.max(distance)))
    return result[0], result[1], result[2]


def _copy_behavior(behavior: Behavior) -> Behavior:
    twin = copy.copy(behavior)
    twin.tags = list(behavior.tags)
    twin.tag_shortcuts = {}
    twin.init_kwargs = dict(behavior.init_kwargs)
    twin.used_attr_keys = list(behavior.used_attr_keys)
    twin.parent = None
    return twin


def sub_synapse_group(synapses: SynapseGroup, src_mask: Any, dst_mask: Any) -> SynapseGroup:
    """A SynapseGroup from ``src.subGroup(src_mask)`` to ``dst.subGroup(dst_mask)``, not registered.

    Attributes are copied (arrays of the synapse-matrix shape, ``enabled`` included, are cut to
    the block); behaviors are copied and attached (so they are scheduled in the network).
    """
    src_sel = as_neuron_mask(src_mask, synapses.src.size, f"SynapseGroup '{synapses.tags[0]}' src_mask")
    dst_sel = as_neuron_mask(dst_mask, synapses.dst.size, f"SynapseGroup '{synapses.tags[0]}' dst_mask")
    transposed = synapses.network.transposed_synapse_matrix_mode
    full_shape = synapses.matrix_dim()
    rows, cols = (src_sel, dst_sel) if transposed else (dst_sel, src_sel)
    block = cast("SynapseGroup", type(synapses).__new__(type(synapses)))
    own_behaviors = list(synapses.behavior.values())
    for name, value in instance_attributes(synapses).items():
        if name in ("src", "dst", "behavior", "tag_shortcuts", "analysis_modules"):
            continue
        if any(value is b for b in own_behaviors):
            continue  # behavior shortcuts are made again for the copies
        if isinstance(value, np.ndarray) and value.shape == full_shape:
            value = value[np.ix_(rows, cols)].copy()
        else:
            value = copy.copy(value)
        object.__setattr__(block, name, value)
    block.tag_shortcuts = {}
    block.analysis_modules = []
    block.src = synapses.src.subGroup(src_sel)  # type: ignore[assignment]  # a NeuronSubGroup
    block.dst = synapses.dst.subGroup(dst_sel)  # type: ignore[assignment]  # a NeuronSubGroup
    block.behavior = {}
    for key, behavior in synapses.behavior.items():
        block._attach(key, _copy_behavior(behavior))
    return block


def _replace_in_lists(synapses: SynapseGroup, blocks: list[SynapseGroup]) -> None:
    net = synapses.network
    for group in net.NeuronGroups:
        for table in (group.afferent_synapses, group.efferent_synapses):
            table.setdefault("partitioned", [])
            for entries in table.values():
                for position, entry in enumerate(entries):
                    if entry is synapses:
                        entries[position : position + 1] = blocks
                        break
    dst, src = synapses.dst, synapses.src
    dst.afferent_synapses["partitioned"].extend(blocks)
    src.efferent_synapses["partitioned"].extend(blocks)


class Partition(Behavior):
    """Split the SynapseGroup it is attached to into blocks (see the module docstring).

    Parameters
    ----------
    split_size : 'auto', int or [x, y, z]
        How many boxes the destination group is cut into along x, y and z (an int n means
        ``[n, n, n]``). ``'auto'`` (default) aims for blocks of about 7 neurons per side and does
        not partition when that gives fewer than 3 boxes along every axis.

    Runs when the SynapseGroup is constructed (``initialize_on_init``); the groups need x/y/z
    coordinates (a NeuronDimension).
    """

    visualization_module_inputs = ["s.src.x", "s.src.y", "s.src.z", "s.dst.x", "s.dst.y", "s.dst.z"]
    visualization_module_outputs = ["s.network.SynapseGroups"]

    initialize_on_init = True

    def initialize(self, synapses: SynapseGroup) -> None:
        self.blocks: list[SynapseGroup] = []
        split_size = self.parameter("split_size", "auto")
        if isinstance(split_size, str):
            if split_size != "auto":
                raise ValueError(
                    f"Partition: split_size must be 'auto', an int or [x, y, z], got {split_size!r}"
                )
            steps = self._auto_steps(synapses)
            if steps is None:
                return
        elif isinstance(split_size, (int, np.integer)):
            steps = [int(split_size)] * 3
        else:
            steps = [int(s) for s in split_size]
        dst_masks = synapses.dst.partition_masks(steps)
        self.blocks = self.partition(synapses, dst_masks)

    @staticmethod
    def _auto_steps(synapses: SynapseGroup) -> list[int] | None:
        src, dst = synapses.src, synapses.dst
        sizes = []
        for name in ("width", "height", "depth"):
            if not hasattr(src, name) or not hasattr(dst, name):
                raise AttributeError(
                    f"Partition on '{synapses.tags[0]}': split_size='auto' needs the {name} of both "
                    "groups; give them a NeuronDimension or pass split_size=[x, y, z]"
                )
            both = getattr(src, name) / _AUTO_BLOCK + getattr(dst, name) / _AUTO_BLOCK
            sizes.append(max(int(both / 2), 1))
        if max(sizes) < 3:
            return None
        return sizes

    def partition(self, synapses: SynapseGroup, dst_group_masks: Sequence[np.ndarray]) -> list[SynapseGroup]:
        """Replace ``synapses`` by one block per non-empty destination mask; returns the blocks."""
        reach = synapses.get_max_receptive_field_size()
        blocks: list[SynapseGroup] = []
        for dst_mask in dst_group_masks:
            dst_mask = np.asarray(dst_mask, dtype=bool)
            if not dst_mask.any():
                continue
            dst_sub = synapses.dst.subGroup(dst_mask)
            src_mask = synapses.src.get_subgroup_receptive_field_mask(dst_sub, list(reach))
            blocks.append(synapses.get_sub_synapse_group(src_mask, dst_mask))
        rx, ry, rz = (int(r) for r in reach)
        print("partitioned into", len(blocks), "SynapseGroups", rx, "x", ry, "x", rz)
        net = synapses.network
        for block in blocks:
            block.tags.append("partitioned")
        position = next(i for i, sg in enumerate(net.SynapseGroups) if sg is synapses)
        net.SynapseGroups[position : position + 1] = blocks
        _replace_in_lists(synapses, blocks)
        for behavior in synapses.behavior.values():
            net._schedule_remove(behavior)
        return blocks
