"""Live views: traces, spike raster, activity grid, weights (pyqtgraph items updated in place).

Every kind of view is registered by name in :mod:`studio.views.registry`."""

from __future__ import annotations

import pyqtgraph as pg

pg.setConfigOptions(
    imageAxisOrder="row-major", antialias=False, useOpenGL=False, background="w", foreground="#222222"
)
