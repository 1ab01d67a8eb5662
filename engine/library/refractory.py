"""refractory: a decaying trace of a neuron's own output, subtracted from its activity."""

from __future__ import annotations

from typing import Any

import numpy as np

from engine.library.arrays import fits
from engine.model.behavior import Behavior

__all__ = ["refractory"]


class refractory(Behavior):
    """``counter = counter * decayfactor + output``; ``activity -= counter * strengthfactor``.

    ``neurons.refractory_counter`` starts at 0; ``decayfactor`` (0.5) and ``strengthfactor`` (1.0)
    may be value strings (one value per neuron). The group needs ``output`` and ``activity``.
    """

    _product: np.ndarray | None = None

    def initialize(self, neurons: Any) -> None:
        neurons.refractory_counter = neurons.vector()
        self.decayfactor = self.parameter("decayfactor", 0.5, neurons)
        self.strengthfactor = self.parameter("strengthfactor", 1.0, neurons)
        self._product = None

    def iteration(self, neurons: Any) -> None:
        try:
            counter = neurons.refractory_counter
            counter *= self.decayfactor
            counter += neurons.output
            neurons.refractory_counter = counter
            neurons.activity -= self._scaled(counter)
        except AttributeError as error:
            raise AttributeError(
                f"refractory needs the group's 'output' and 'activity' (set by a neuron behavior with a "
                f"smaller key): {error}"
            ) from None

    def _scaled(self, counter: Any) -> Any:
        """``counter * strengthfactor``, in a buffer kept between steps when the result fits one."""
        strength = self.strengthfactor
        if not fits(counter, strength):
            return counter * strength
        product = self._product
        if product is None or product.shape != counter.shape or product.dtype != counter.dtype:
            product = self._product = np.empty_like(counter)
        return np.multiply(counter, strength, out=product)
