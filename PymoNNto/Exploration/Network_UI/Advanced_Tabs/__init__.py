"""PymoNNto 3.0.6's ``PymoNNto.Exploration.Network_UI.Advanced_Tabs`` package and ``get_advanced_UI_modules``.

The tabs are light classes that keep their arguments; the studio says which it cannot show.
"""

from typing import Any as _Any

from PymoNNto._shim import export as _export

from . import afferent_syn_attr_plot_tab as _afferent_syn_attr_plot_tab
from . import buffer_tab as _buffer_tab
from . import criticality_tab as _criticality_tab
from . import scatter_tab as _scatter_tab
from . import similarity_matrix_tab as _similarity_matrix_tab
from . import stdp_buffer_tab as _stdp_buffer_tab


def get_advanced_UI_modules(
    neuron_parameters: list[str] | None = None, synapse_parameters: list[str] | None = None
) -> list[_Any]:
    """PymoNNto's advanced tabs, in its order (light tabs; the studio says which it cannot show)."""
    return [
        _stdp_buffer_tab.stdp_buffer_tab(),
        _criticality_tab.criticality_tab(),
        _buffer_tab.buffer_tab(),
        _scatter_tab.scatter_tab(x_var="excitation", y_var="inhibition"),
        _afferent_syn_attr_plot_tab.afferent_syn_attr_plot_tab(syn_vars=["slow_add", "fast_add"]),
        _similarity_matrix_tab.similarity_matrix_tab(),
    ]


_export(
    globals(),
    _stdp_buffer_tab,
    _criticality_tab,
    _buffer_tab,
    _scatter_tab,
    _afferent_syn_attr_plot_tab,
    _similarity_matrix_tab,
)
