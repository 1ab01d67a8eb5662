"""Temporal reconstruction of a sequence network's recent input (PymoNNto's
``Exploration/HelperFunctions/Reconstruction``).

The groups tagged ``recon_group_tag`` need ``Input_Weights`` (``(size, symbols)``: how strongly each
input symbol drives each neuron) and, unless one neuron is given, an ``output`` vector (the
current activity). The activity is propagated backwards through the ``'GLU'`` synapse groups' ``W``
for 10 steps; each step's reconstruction is mapped onto the input symbols through
``Input_Weights``. The result lists 11 symbol distributions, the farthest step back first. From
one chosen neuron the list ends with that neuron's own symbol (the present); from the groups'
``output`` it starts with an all-zero entry and ends with the step just before the present.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from engine.compat.helper_functions.reconstruct_analyze_label import Reconstruct_Analyze_Label_Network

__all__ = ["compute_temporal_reconstruction", "generate_text_from_recon_mat"]

_STEPS = 10


def compute_temporal_reconstruction(
    network: Any,
    single_neuron_group: Any = None,
    single_neuron_id: int | None = None,
    recon_group_tag: str = "recon",
) -> list[np.ndarray] | None:
    """Symbol distributions of the reconstructed past input, farthest first (None without recon groups).

    With ``single_neuron_group`` and ``single_neuron_id`` the reconstruction starts from that one
    neuron instead of every group's ``output``. Each distribution is normalised to sum 1 and the
    distribution of the oldest step (the baseline) is subtracted.
    """
    single = single_neuron_group is not None and single_neuron_id is not None
    recon_groups = list(network[recon_group_tag])
    for ng in recon_groups:
        if not hasattr(ng, "Input_Weights"):
            raise AttributeError(
                f"compute_temporal_reconstruction: group '{ng.tags[0]}' (tag {recon_group_tag!r}) has no "
                "Input_Weights (size x symbols) to map the reconstruction onto the input"
            )
    raln = Reconstruct_Analyze_Label_Network(network)
    raln.zero_recon()
    if single:
        single_neuron_group.recon[single_neuron_id] = 1
    else:
        for ng in network.NeuronGroups:
            if not hasattr(ng, "output"):
                raise AttributeError(
                    f"compute_temporal_reconstruction: group '{ng.tags[0]}' has no 'output' vector to "
                    "start from; give single_neuron_group and single_neuron_id instead"
                )
            ng.recon = np.array(ng.output, dtype=float).copy()
    raln.propagation(
        "W",
        _STEPS,
        "backward",
        "forget",
        "all",
        temporal_recon_groups=recon_groups,
        exponent=4,
        normalize=True,
        filter_weakest_percent=40.0,
    )
    for ng in recon_groups:
        weights = np.asarray(ng.Input_Weights, dtype=float)
        baseline: Any = weights.T.dot(ng.temporal_recon[-1])
        total = np.sum(baseline)
        baseline = baseline / total if total != 0 else 0
        if single and ng is single_neuron_group:
            start = ng.vector()
            start[single_neuron_id] = 1.0
            ng.temporal_recon.insert(0, start)
        else:
            ng.temporal_recon.append(ng.vector())
        result: list[np.ndarray] = []
        for recon in ng.temporal_recon:
            symbols = weights.T.dot(recon)
            total = np.sum(symbols)
            result.insert(0, symbols / total - baseline if total > 0 else np.zeros(weights.shape[1]))
        return result  # the first recon group, as in PymoNNto
    return None


def generate_text_from_recon_mat(recon_mat: Any, generator: Any) -> str:
    """The most likely symbol per step (``generator.index_to_char``), ``'#'`` for flat steps.

    Leading repeats of the first symbol become ``'#'`` and spaces ``'_'``.
    """
    chars = []
    for distribution in recon_mat:
        values = np.asarray(distribution)
        if values.size and np.max(values) - np.min(values) > 0:
            chars.append(str(generator.index_to_char(int(np.argmax(values)))))
        else:
            chars.append("#")
    text = list("".join(chars))
    if text:
        first = text[0]
        for index, char in enumerate(text):
            if char != first:
                break
            text[index] = "#"
    return "".join(text).replace(" ", "_")
