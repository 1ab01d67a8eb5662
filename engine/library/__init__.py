"""PymoNNto's behavior library as engine behaviors, under PymoNNto 3.0.6's names and parameters.

* :mod:`~engine.library.homeostasis`: Instant_Homeostasis, Time_Integration_Homeostasis
* :mod:`~engine.library.normalization`: Synaptic_Normalization, normalize_synapse_attr(_efferent);
  :mod:`~engine.library.normalization_sparse`: normalize_synapse_attr_sparse
* :mod:`~engine.library.weight_initialization`: CreateWeights
* :mod:`~engine.library.refractory`: refractory
* :mod:`~engine.library.nox_diffusion`: NOX_Diffusion
* :mod:`~engine.library.equations`: Clock, Variable, Syn_Variable, Equation, eq_split, remove_units

Their results equal PymoNNto 3.0.6's bit for bit (tests/engine/library compares recorded values).
Importing this package loads numpy only; sympy is imported when an equation behavior initializes.
(Normalization_Tensorflow needs tensorflow and is not provided.)
"""

from engine.library.equations import Clock, Equation, Syn_Variable, Variable, eq_split, myUnits, remove_units
from engine.library.homeostasis import Instant_Homeostasis, Time_Integration_Homeostasis
from engine.library.normalization import (
    Synaptic_Normalization,
    normalize_synapse_attr,
    normalize_synapse_attr_efferent,
)
from engine.library.normalization_sparse import normalize_synapse_attr_sparse
from engine.library.nox_diffusion import NOX_Diffusion
from engine.library.refractory import refractory
from engine.library.weight_initialization import CreateWeights

__all__ = [
    "Instant_Homeostasis",
    "Time_Integration_Homeostasis",
    "Synaptic_Normalization",
    "normalize_synapse_attr",
    "normalize_synapse_attr_efferent",
    "normalize_synapse_attr_sparse",
    "CreateWeights",
    "refractory",
    "NOX_Diffusion",
    "Clock",
    "Variable",
    "Syn_Variable",
    "Equation",
    "eq_split",
    "remove_units",
    "myUnits",
]
