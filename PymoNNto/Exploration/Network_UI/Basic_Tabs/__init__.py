"""PymoNNto 3.0.6's ``PymoNNto.Exploration.Network_UI.Basic_Tabs`` package and ``get_default_UI_modules``.

``get_default_UI_modules(neuron_parameters, synapse_parameters)`` gives PymoNNto's default tab list
(light tabs that keep their arguments); the studio maps each onto its own views, so the variables
passed choose what the traces, raster, grid and weights show (``studio.plugins.default_tabs``).
"""

from typing import Any as _Any

from PymoNNto._shim import export as _export
from PymoNNto._unavailable import not_provided as _not_provided
from PymoNNto._why import UI as _WHY

from . import Analysis_Module_tab as _analysis_module_tab
from . import PCA_tab as _pca_tab
from . import classifier_bar_tab as _classifier_bar_tab
from . import code_execution_tab as _code_execution_tab
from . import event_tab as _event_tab
from . import fourier_tab as _fourier_tab
from . import hist_tab as _hist_tab
from . import individual_weight_tab as _individual_weight_tab
from . import info_tabs as _info_tabs
from . import isi_tab as _isi_tab
from . import module_visualizer_tab as _module_visualizer_tab
from . import multi_group_plot_tab as _multi_group_plot_tab
from . import partition_tab as _partition_tab
from . import sidebar_fast_forward_module as _sidebar_fast_forward_module
from . import sidebar_module_quick_access as _sidebar_module_quick_access
from . import sidebar_network_selector as _sidebar_network_selector
from . import sidebar_neuron_grid as _sidebar_neuron_grid
from . import sidebar_save_load_module as _sidebar_save_load_module
from . import single_group_plot_tab as _single_group_plot_tab
from . import spiketrain_tab as _spiketrain_tab
from . import stability_tab as _stability_tab
from . import weight_tab as _weight_tab


def get_default_UI_modules(
    neuron_parameters: list[str] | None = None,
    synapse_parameters: list[str] | None = None,
    quick_access_tags: list[str] | None = None,
) -> list[_Any]:
    """PymoNNto's default tabs, in its order, built with these variables.

    ``neuron_parameters`` (default ``['output']``): per-neuron variables; the first one is the
    one the raster, grid, PCA, ISI, stability and Fourier tabs show. ``synapse_parameters``
    (default ``['W']``): synapse-group matrices for the weight tabs.
    """
    neuron = list(neuron_parameters) if neuron_parameters else ["output"]
    synapse = list(synapse_parameters) if synapse_parameters else ["W"]
    first = neuron[0]
    return [
        _sidebar_network_selector.UI_sidebar_network_selector(first),
        _multi_group_plot_tab.multi_group_plot_tab(neuron),
        _spiketrain_tab.spiketrain_tab(parameter=first),
        _weight_tab.weight_tab(weight_attrs=synapse),
        _partition_tab.partition_tab(),
        _pca_tab.PCA_tab(parameter=first),
        _isi_tab.isi_tab(param=first),
        _hist_tab.hist_tab(weight_attr=synapse[0]),
        _single_group_plot_tab.single_group_plot_tab(neuron),
        _stability_tab.stability_tab(parameter=first),
        _fourier_tab.fourier_tab(parameter=first),
        _analysis_module_tab.Analysis_Module_tab(),
        _info_tabs.info_tab(),
        _sidebar_fast_forward_module.sidebar_fast_forward_module(),
        _sidebar_save_load_module.sidebar_save_load_module(),
        _code_execution_tab.code_execution_tab(),
        _classifier_bar_tab.classifier_bar_tab(),
        _event_tab.event_tab(),
        _sidebar_module_quick_access.sidebar_module_quick_access(list(quick_access_tags or [])),
    ]


_not_provided(globals(), why=_WHY, functions="get_modules_dict")
_export(
    globals(),
    _sidebar_fast_forward_module,
    _sidebar_save_load_module,
    _multi_group_plot_tab,
    _hist_tab,
    _info_tabs,
    _single_group_plot_tab,
    _stability_tab,
    _weight_tab,
    _fourier_tab,
    _partition_tab,
    _spiketrain_tab,
    _individual_weight_tab,
    _pca_tab,
    _isi_tab,
    _code_execution_tab,
    _classifier_bar_tab,
    _module_visualizer_tab,
    _sidebar_neuron_grid,
    _analysis_module_tab,
    _event_tab,
    _sidebar_module_quick_access,
    _sidebar_network_selector,
)
