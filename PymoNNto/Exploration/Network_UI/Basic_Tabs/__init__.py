"""PymoNNto 3.0.6's ``PymoNNto.Exploration.Network_UI.Basic_Tabs`` package and ``get_default_UI_modules``.

The studio has its own views, so PymoNNto's default tab list is empty here (tabs that a
script builds are accepted by ``Network_UI`` and kept in its ``modules``).
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


def get_default_UI_modules(*args: _Any, **kwargs: _Any) -> list[_Any]:
    """PymoNNto's default tab list; empty: the studio shows its own views."""
    return []


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
