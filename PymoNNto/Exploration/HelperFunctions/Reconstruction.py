"""PymoNNto 3.0.6's ``PymoNNto.Exploration.HelperFunctions.Reconstruction`` module:
compute_temporal_reconstruction, generate_text_from_recon_mat from :mod:`engine.compat.pymonnto_names`.
"""

from engine.compat.pymonnto_names import compute_temporal_reconstruction, generate_text_from_recon_mat
from PymoNNto._core import CORE as _CORE
from PymoNNto._shim import export as _export
from PymoNNto.Exploration.Visualization.Reconstruct_Analyze_Label import (
    Reconstruct_Analyze_Label as _reconstruct_analyze_label,
)

_export(
    globals(),
    *_CORE,
    _reconstruct_analyze_label,
)
