"""PymoNNto 3.0.6's ``PymoNNto.Exploration.StorageManager.SM2`` module: placeholders for what mnn-studio
does not provide (SM2 in :mod:`PymoNNto._why`).
"""

import PymoNNto.Exploration.StorageManager.StorageManager as _storagemanager
from PymoNNto._shim import export as _export
from PymoNNto._unavailable import not_provided as _not_provided
from PymoNNto._why import SM2 as _WHY

_not_provided(
    globals(),
    why=_WHY,
    classes="StorageManager2",
)

_export(globals(), _storagemanager)
