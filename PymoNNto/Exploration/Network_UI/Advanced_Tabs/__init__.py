"""PymoNNto 3.0.6's ``PymoNNto.Exploration.Network_UI.Advanced_Tabs`` package and ``get_advanced_UI_modules``.

The studio has its own views, so PymoNNto's default tab list is empty here (tabs that a
script builds are accepted by ``Network_UI`` and kept in its ``modules``).
"""

from typing import Any as _Any

from PymoNNto._shim import export as _export

from . import afferent_syn_attr_plot_tab as _afferent_syn_attr_plot_tab
from . import buffer_tab as _buffer_tab
from . import criticality_tab as _criticality_tab
from . import scatter_tab as _scatter_tab
from . import similarity_matrix_tab as _similarity_matrix_tab
from . import stdp_buffer_tab as _stdp_buffer_tab


def get_advanced_UI_modules(*args: _Any, **kwargs: _Any) -> list[_Any]:
    """PymoNNto's advanced tabs tab list; empty: the studio shows its own views."""
    return []


_export(
    globals(),
    _stdp_buffer_tab,
    _criticality_tab,
    _buffer_tab,
    _scatter_tab,
    _afferent_syn_attr_plot_tab,
    _similarity_matrix_tab,
)
