"""CreateWeights: draw a synapse group's ``W`` once, optionally balanced so rows and columns sum alike."""

from __future__ import annotations

from typing import Any

import numpy as np

from engine.model.behavior import Behavior

__all__ = ["CreateWeights"]


class CreateWeights(Behavior):
    """Set ``synapses.W`` from ``distribution`` ('uniform(0.0,1.0)') with ``density`` (1.0).

    The matrix is multiplied by ``synapses.enabled`` (receptive-field masks). With ``normalize``
    (True) it is divided by its row sums and then by its column sums, ten times over (which brings
    both close to 1), and multiplied by ``nomr_fac`` (1.0; PymoNNto's spelling of the name).
    Nothing happens at the steps.
    """

    def initialize(self, synapses: Any) -> None:
        distribution = self.parameter("distribution", "uniform(0.0,1.0)")
        density = self.parameter("density", 1.0)
        synapses.W = synapses.matrix(distribution, density=density) * synapses.enabled
        if self.parameter("normalize", True):
            for _ in range(10):
                synapses.W /= np.sum(synapses.W, axis=1)[:, None]
                synapses.W /= np.sum(synapses.W, axis=0)
            synapses.W *= self.parameter("nomr_fac", 1.0)

    def iteration(self, synapses: Any) -> None:
        return
