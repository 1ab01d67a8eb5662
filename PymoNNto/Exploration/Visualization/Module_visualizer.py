"""PymoNNto 3.0.6's ``PymoNNto.Exploration.Visualization.Module_visualizer`` module: placeholders for
what mnn-studio does not provide (MODULE_VISUALIZER in :mod:`PymoNNto._why`).
"""

import copy
import inspect
import sys
import traceback

import PymoNNto.Exploration.UI_Base as _ui_base
import PymoNNto.NetworkCore.Neuron_Group as _neuron_group
import PymoNNto.NetworkCore.Synapse_Group as _synapse_group
from PymoNNto._shim import QWIDGETSIZE_MAX
from PymoNNto._shim import export as _export
from PymoNNto._unavailable import not_provided as _not_provided
from PymoNNto._why import MODULE_VISUALIZER as _WHY

_not_provided(
    globals(),
    why=_WHY,
    functions=(
        "analyze_function analyze_module_and_get_info set_read_event_function set_write_event_function"
    ),
    classes="NeuronGroup_read_write_event SynapseGroup_read_write_event",
)

_export(globals(), _ui_base, _neuron_group, _synapse_group, lazy=("QtCore", "QtGui", "QtWidgets", "pg"))
