"""Whole-group synapse matrices put together from partitioned synapse groups (PymoNNto's
``Exploration/HelperFunctions/Synapses_And_Weights``).

After a :class:`~engine.model.partition.Partition` a group's afferent synapses are many blocks
between subgroups; these helpers add the blocks back into one ``(dst.size, src.size)`` matrix (DxS
whatever the network's layout), write such a matrix back into the blocks, and pick the blocks
of one neuron. They work on unpartitioned synapse groups as well. ``synapse_var`` / ``attr`` names
an attribute of the synapse group (``'W'``, ``'enabled'``) or an expression of it (``'W*enabled'``
is read as ``s.W*enabled``, as in PymoNNto: the text is appended to ``s.``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np

from engine.model.constants import afferent

__all__ = [
    "get_unique_non_partitioned_Groups",
    "get_partitioned_synapse_matrix",
    "set_partitioned_synapse_matrix",
    "SingleNeuron_attached_SubSGs",
    "get_single_neuron_combined_partition_matrix",
    "get_combined_syn_mats",
]


def _value(synapses: Any, expression: str, owner: str) -> Any:
    """``s.<expression>``: an attribute path, or an expression evaluated with ``s`` bound."""
    if not isinstance(expression, str) or not expression:
        raise TypeError(f"{owner}: the synapse variable must be a non-empty string, got {expression!r}")
    value: Any = synapses
    try:
        if all(part.isidentifier() for part in expression.split(".")):
            for part in expression.split("."):
                value = getattr(value, part)
            return value
        return eval("s." + expression, {"np": np, "__builtins__": {}}, {"s": synapses})
    except AttributeError as error:
        raise AttributeError(
            f"{owner}: synapse group '{synapses.tags[0]}' cannot give {expression!r} ({error})"
        ) from None


def _full_mask(group: Any) -> np.ndarray:
    mask = group.mask
    if isinstance(mask, np.ndarray):
        return mask
    return np.ones(group.group_without_subGroup().size, dtype=bool)


def _is_block(synapses: Any) -> bool:
    return synapses.src.group_without_subGroup() is not synapses.src or (
        synapses.dst.group_without_subGroup() is not synapses.dst
    )


def _dxs(synapses: Any, value: Any) -> Any:
    if isinstance(value, (bool, np.bool_)):
        return value
    return synapses.ignore_transpose_mode(np.asarray(value))


def _combine(synapses: Iterable[Any], attr: str, owner: str) -> tuple[dict[str, np.ndarray], dict[str, Any]]:
    results: dict[str, np.ndarray] = {}
    bases: dict[str, Any] = {}
    for s in synapses:
        base_src, base_dst = s.src.group_without_subGroup(), s.dst.group_without_subGroup()
        key = ",".join(s.tags)
        if key not in results:
            results[key] = np.zeros((base_dst.size, base_src.size))
            bases[key] = base_src
        block = _dxs(s, _value(s, attr, owner))
        if _is_block(s):
            rows, cols = np.flatnonzero(_full_mask(s.dst)), np.flatnonzero(_full_mask(s.src))
            results[key][np.ix_(rows, cols)] += block
        else:
            results[key] += block
    return results, bases


def get_unique_non_partitioned_Groups(groups: Iterable[Any]) -> list[Any]:
    """The first group of each distinct tag list (one representative per partitioned group)."""
    seen: set[str] = set()
    result = []
    for group in groups:
        key = ",".join(group.tags)
        if key not in seen:
            seen.add(key)
            result.append(group)
    return result


def get_combined_syn_mats(
    synapses: Iterable[Any], neuron_id: int | None = None, attr: str = "W"
) -> dict[str, np.ndarray]:
    """``{'tag1,tag2,...': DxS matrix of the base groups}``, summing the blocks of each tag list.

    With ``neuron_id`` each entry is that destination neuron's row shaped ``(height, width)`` of
    the source group.
    """
    results, bases = _combine(synapses, attr, "get_combined_syn_mats")
    if neuron_id is not None:
        for key, matrix in results.items():
            base = bases[key]
            shape = (getattr(base, "height", 1), getattr(base, "width", base.size))
            results[key] = matrix[neuron_id].reshape(shape)
    return results


def get_partitioned_synapse_matrix(
    neurons: Any, synapse_tag: str, synapse_var: str, return_first: bool = True
) -> Any:
    """The DxS matrix of ``synapse_var`` over the afferent synapses tagged ``synapse_tag``.

    ``return_first=False`` gives the dict of :func:`get_combined_syn_mats` (one entry per tag list).
    """
    incoming = neurons.synapses(afferent, synapse_tag) or []
    results, _ = _combine(incoming, synapse_var, "get_partitioned_synapse_matrix")
    if not return_first:
        return results
    if not results:
        raise LookupError(
            f"get_partitioned_synapse_matrix: group '{neurons.tags[0]}' has no afferent synapses "
            f"tagged {synapse_tag!r}"
        )
    return next(iter(results.values()))


def set_partitioned_synapse_matrix(neurons: Any, synapse_tag: str, synapse_var: str, mat: Any) -> None:
    """Write the DxS matrix ``mat`` (base group sizes) into ``synapse_var`` of every block."""
    full = np.asarray(mat)
    for s in neurons.synapses(afferent, synapse_tag) or []:
        rows, cols = np.flatnonzero(_full_mask(s.dst)), np.flatnonzero(_full_mask(s.src))
        wanted = (s.dst.group_without_subGroup().size, s.src.group_without_subGroup().size)
        if full.shape != wanted:
            raise ValueError(
                f"set_partitioned_synapse_matrix: mat has shape {full.shape}; the groups of "
                f"'{s.tags[0]}' need {wanted}"
            )
        block = full[np.ix_(rows, cols)].copy()
        setattr(s, synapse_var, block.T if s.network.transposed_synapse_matrix_mode else block)


def SingleNeuron_attached_SubSGs(neuron_group: Any, synapse_tag: str, neuron_id: int) -> list[Any]:
    """The afferent synapse groups tagged ``synapse_tag`` whose destination contains ``neuron_id``."""
    return [s for s in neuron_group.synapses(afferent, synapse_tag) or [] if neuron_id in s.dst.id]


def get_single_neuron_combined_partition_matrix(
    neurons: Any, synapse_tag: str, synapse_var: str, neuron_id: int, return_first: bool = True
) -> Any:
    """Neuron ``neuron_id``'s incoming ``synapse_var`` per block, as ``(depth*height, width)`` images."""
    results = []
    for s in SingleNeuron_attached_SubSGs(neurons, synapse_tag, neuron_id):
        base = s.src.group_without_subGroup()
        depth, height = getattr(base, "depth", 1), getattr(base, "height", 1)
        width = getattr(base, "width", base.size)
        image = np.zeros(depth * height * width)
        row = np.flatnonzero(np.asarray(s.dst.id) == neuron_id)
        if hasattr(s, synapse_var):
            matrix = _dxs(s, _value(s, synapse_var, "get_single_neuron_combined_partition_matrix"))
            image[_full_mask(s.src)] = np.asarray(matrix)[row].flatten()
        results.append(image.reshape((depth * height, width)))
    if not return_first:
        return results
    if not results:
        raise LookupError(
            f"get_single_neuron_combined_partition_matrix: no afferent {synapse_tag!r} synapses of "
            f"'{neurons.tags[0]}' reach neuron {neuron_id}"
        )
    return results[0]
