"""PymoNNto 3.0.6's ``PymoNNto.UI.CLI`` module: placeholders for what mnn-studio does not provide (UI in
:mod:`PymoNNto._why`).
"""

from PymoNNto._unavailable import not_provided as _not_provided
from PymoNNto._why import UI as _WHY

_not_provided(
    globals(),
    why=_WHY,
    functions="Behavior_UI Evolution_UI Execute_UI Overview_UI",
)
