"""NOX_Diffusion: a per-neuron ``nox`` level that follows the mean activity of its neighbourhood.

The group (which needs x/y/z coordinates, i.e. a NeuronDimension) is cut into 5 x 5 x 1 blocks
(:func:`engine.model.subgroups.partition_masks`). Each block's *receptive field* is its bounding box
grown by 5 along x, y and z. At every step each neuron of a block measures the mean of
``output_new`` over the block's receptive field, and the homeostasis rule of
:class:`~engine.library.homeostasis.Instant_Homeostasis` with threshold ``th_nox`` (0) and
``adj_strength = -eta_nox`` (0.002) turns that into ``nox``, which starts from 0 at every step. So
with the defaults ``nox = eta_nox * (local mean of output_new)``.

PymoNNto 3.0.6 documents this behavior but its code stops in ``initialize`` (it asks the behavior,
not the group, for ``split_grid_into_sub_group_blocks`` and reads ``output_new`` from a bool mask);
this is the behavior its code describes.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from engine.library.homeostasis import Instant_Homeostasis
from engine.model.subgroups import NeuronSubGroup, partition_masks, subgroup_receptive_field_mask

__all__ = ["NOX_Diffusion"]


class NOX_Diffusion(Instant_Homeostasis):
    """``neurons.nox`` from the block-wise neighbourhood mean of ``neurons.output_new`` (see the module).

    Parameters: ``mp`` (the measurement expression, default ``'self.partition_sum(n)'``),
    ``th_nox`` (0), ``eta_nox`` (0.002) and those of :class:`Instant_Homeostasis`.
    """

    #: blocks along x, y, z and the reach of a block's receptive field (PymoNNto's fixed values)
    block_steps: tuple[int, int, int] = (5, 5, 1)
    receptive_field: int = 5

    def initialize(self, neurons: Any) -> None:
        super().initialize(neurons)
        reach = self.receptive_field
        masks = partition_masks(neurons, list(self.block_steps))
        self.subgroups = [NeuronSubGroup(neurons, mask) for mask in masks if mask.any()]
        self.subgroups_rf = [
            subgroup_receptive_field_mask(neurons, block, [reach, reach, reach]) for block in self.subgroups
        ]
        self._blocks = [
            (block.id_mask, np.flatnonzero(field)) for block, field in zip(self.subgroups, self.subgroups_rf)
        ]
        neurons.nox = neurons.vector()
        self.adjustment_param = "nox"
        self.measurement_param = self.parameter("mp", "self.partition_sum(n)", None)
        self.set_threshold(self.parameter("th_nox", 0, neurons))
        self.adj_strength = -self.parameter("eta_nox", 0.002, neurons)

    def partition_sum(self, neurons: Any) -> np.ndarray:
        """Per neuron: the mean of ``output_new`` over its block's receptive field."""
        try:
            activity = neurons.output_new
        except AttributeError:
            raise AttributeError(
                "NOX_Diffusion measures neurons.output_new; set it in a neuron behavior with a smaller key"
            ) from None
        sums = neurons._temp_act_sum = neurons.vector()
        for members, field in self._blocks:
            sums[members] += np.mean(activity[field])
        return sums

    def iteration(self, neurons: Any) -> None:
        neurons.nox.fill(0)
        super().iteration(neurons)
