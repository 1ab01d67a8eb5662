"""PymoNNto's UI names without Qt: light tabs, Network_UI, and what is kept but not provided."""

from __future__ import annotations

import pytest

from engine import Network


def test_a_tab_keeps_its_arguments_by_parameter_name_title_and_kind():
    from PymoNNto.Exploration.Network_UI.Basic_Tabs.spiketrain_tab import spiketrain_tab
    from PymoNNto.Exploration.Network_UI.TabBase import TabBase

    tab = spiketrain_tab("voltage", timesteps=250)
    assert isinstance(tab, TabBase)
    assert (tab.kind, tab.title) == ("spiketrain", "Spiketrain")
    assert tab.options == {"parameter": "voltage", "timesteps": 250}
    assert tab.args == ("voltage",) and tab.kwargs == {"timesteps": 250}
    assert spiketrain_tab("spike", "Spikes").title == "Spikes"


def test_a_tab_refuses_arguments_it_does_not_have():
    from PymoNNto.Exploration.Network_UI.Basic_Tabs import weight_tab

    with pytest.raises(TypeError, match=r"weight_tab\(\) got unexpected keyword arguments \['weights'\]"):
        weight_tab(weights=["W"])
    with pytest.raises(
        TypeError, match=r"takes at most 2 positional arguments \(title, weight_attrs\), got 3"
    ):
        weight_tab("Weights", ["W"], 3)
    with pytest.raises(TypeError, match=r"got multiple values for \['title'\]"):
        weight_tab("Weights", title="again")


def test_a_custom_tab_is_a_tabbase_with_a_title():
    from PymoNNto.Exploration.Network_UI.TabBase import TabBase

    class My_Tab(TabBase):
        def __init__(self):
            super().__init__(title="mine")

    tab = My_Tab()
    assert (tab.title, tab.kind, tab.options) == ("mine", "custom", {"title": "mine"})
    assert TabBase().title == "Title"
    assert tab.initialize(None) is None and tab.update(None) is None


def test_every_tab_package_gives_its_tab_classes():
    from PymoNNto.Exploration.Network_UI import Advanced_Tabs, Basic_Tabs, Sequence_Activation_Tabs
    from PymoNNto.Exploration.Network_UI.TabBase import TabBase

    kinds = {
        name: getattr(package, name).kind
        for package, names in [
            (
                Basic_Tabs,
                ["multi_group_plot_tab", "spiketrain_tab", "weight_tab", "partition_tab", "PCA_tab"],
            ),
            (Basic_Tabs, ["hist_tab", "single_group_plot_tab", "stability_tab", "fourier_tab", "info_tab"]),
            (Basic_Tabs, ["isi_tab", "event_tab", "code_execution_tab", "sidebar_fast_forward_module"]),
            (Basic_Tabs, ["sidebar_save_load_module", "UI_sidebar_network_selector"]),
            (Advanced_Tabs, ["criticality_tab", "scatter_tab", "similarity_matrix_tab"]),
            (Sequence_Activation_Tabs, ["reconstruction_tab", "sidebar_grammar_module_new"]),
        ]
        for name in names
        if issubclass(getattr(package, name), TabBase)
    }
    assert len(kinds) == 21
    assert kinds["PCA_tab"] == "PCA" and kinds["UI_sidebar_network_selector"] == "UI_sidebar_network_selector"
    # the package attribute is the class, as in PymoNNto, not the submodule of the same name
    assert isinstance(Basic_Tabs.hist_tab, type)


def test_the_default_tab_lists_are_pymonntos_with_the_variables_given():
    from PymoNNto.Exploration.Network_UI import Network_UI, get_default_UI_modules
    from PymoNNto.Exploration.Network_UI.Advanced_Tabs import get_advanced_UI_modules
    from PymoNNto.Exploration.Network_UI.Basic_Tabs import hist_tab

    tabs = get_default_UI_modules(["voltage", "spike"], ["W", "W_inh"])
    assert len(tabs) == 19 and len(get_advanced_UI_modules()) == 6
    by_kind = {t.kind: t.options for t in tabs}
    assert by_kind["multi_group_plot"] == {"variables": ["voltage", "spike"]}
    assert by_kind["spiketrain"] == {"parameter": "voltage"} and by_kind["isi"] == {"param": "voltage"}
    assert by_kind["weight"] == {"weight_attrs": ["W", "W_inh"]} and by_kind["hist"] == {"weight_attr": "W"}
    assert get_default_UI_modules()[1].options == {"variables": ["output"]}  # PymoNNto's defaults
    ui = Network_UI(Network(), modules=[hist_tab()], label="L", group_display_count=2)
    assert [m.kind for m in ui.modules] == ["hist"] and ui.title == "L"
    assert ui.options == {"group_display_count": 2}


def test_a_name_kept_but_not_provided_says_what_to_use():
    from PymoNNto._unavailable import NotProvidedError
    from PymoNNto.Exploration.Evolution.Devices.Evolution_Device_SSH import Evolution_Device_SSH
    from PymoNNto.Exploration.Visualization.Visualization_Helper import get_bins
    from PymoNNto.NetworkBehavior.Basics.Normalization_Tensorflow import Synaptic_Normalization_TF

    with pytest.raises(
        NotProvidedError, match="SSH evolution devices are not provided; run evolution slaves locally"
    ):
        Evolution_Device_SSH("user@host")
    with pytest.raises(
        NotImplementedError, match=r"Visualization_Helper\.get_bins is not provided by mnn-studio"
    ):
        get_bins([1, 2, 3])
    with pytest.raises(
        NotImplementedError, match="tensorflow behaviors are not provided: use the NumPy Synaptic"
    ):
        Synaptic_Normalization_TF()
    assert get_bins.__name__ == "get_bins" and isinstance(Evolution_Device_SSH, type)
    assert get_bins.__module__ == "PymoNNto.Exploration.Visualization.Visualization_Helper"


def test_the_tab_modules_qt_names_are_pyqt6_and_pyqtgraph():
    import pyqtgraph
    from PyQt6 import QtCore, QtWidgets

    namespace: dict = {}
    exec("from PymoNNto.Exploration.Network_UI.TabBase import *", namespace)
    assert namespace["QWIDGETSIZE_MAX"] == 16777215
    assert (
        namespace["QtWidgets"] is QtWidgets and namespace["pg"] is pyqtgraph and namespace["Qt"] is QtCore.Qt
    )
    assert namespace["QWidget"] is QtWidgets.QWidget and namespace["QPushButton"] is QtWidgets.QPushButton
    assert "QTimer" not in namespace  # PymoNNto star-imports QtGui and QtWidgets, not QtCore


def test_scripts_that_fail_in_pymonnto_too_raise_a_clear_import_error():
    with pytest.raises(ImportError, match=r"WP_testing is not provided by mnn-studio: the MR estimator"):
        import PymoNNto.Exploration.Network_UI.Advanced_Tabs.Helper.WP_testing  # noqa: F401
    with pytest.raises(
        ImportError, match=r"Plot_weights is not provided by mnn-studio: it is one of PymoNNto's"
    ):
        import PymoNNto.Exploration.Visualization.Reconstruct_Analyze_Label.Plot_weights  # noqa: F401
