"""PymoNNto 3.0.6's ``PymoNNto.Exploration.HelperFunctions.Testing`` module: behavior_test_environment
from :mod:`engine`.
"""

from engine import behavior_test_environment
from PymoNNto._core import CORE as _CORE
from PymoNNto._shim import export as _export

_export(
    globals(),
    *_CORE,
)
