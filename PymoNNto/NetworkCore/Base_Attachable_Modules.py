"""PymoNNto 3.0.6's ``PymoNNto.NetworkCore.Base_Attachable_Modules`` module: NetworkObjectBase and the
value helpers, from :mod:`engine`. It has an ``__all__`` in PymoNNto too (numpy's names stay inside).
"""

from engine import (
    NetworkObjectBase,
    deprecated_warning,
    is_number,
    lognormal_real_mean,
    lognormal_rm,
    uniform_gap,
)

__all__ = [
    "lognormal_real_mean",
    "lognormal_rm",
    "uniform_gap",
    "is_number",
    "deprecated_warning",
    "NetworkObjectBase",
]
