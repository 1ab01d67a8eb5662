"""PymoNNto 3.0.6's ``PymoNNto.Exploration.Evolution.communication`` module: placeholders for what
mnn-studio does not provide (EVOLUTION in :mod:`PymoNNto._why`).
"""

import socket
import threading

from PymoNNto._unavailable import not_provided as _not_provided
from PymoNNto._why import EVOLUTION as _WHY

_not_provided(
    globals(),
    why=_WHY,
    functions="socket_send",
    classes="Socket_Listener",
)
PORT = 45350  # PymoNNto's evolution socket port
