"""PymoNNto 3.0.6's ``PymoNNto.Exploration.UI_Base`` module: deprecated_warning from :mod:`engine`;
placeholders for what mnn-studio does not provide (UI in :mod:`PymoNNto._why`).
"""

import sys
from functools import wraps

import numpy as np

import PymoNNto
from engine import deprecated_warning
from PymoNNto._shim import QT_STARS as _QT_STARS
from PymoNNto._shim import QWIDGETSIZE_MAX
from PymoNNto._shim import export as _export
from PymoNNto._unavailable import not_provided as _not_provided
from PymoNNto._why import UI as _WHY

_not_provided(
    globals(),
    why=_WHY,
    functions="exception_hook",
)
default_colors = [(0, 0, 0), (255, 0, 0), (0, 0, 255), (0, 250, 150), (255, 0, 255)]  # PymoNNto's plot colors

_export(globals(), lazy=("QtCore", "pg", "QtGui", "QtWidgets", "Qt"), lazy_stars=_QT_STARS)
