"""PymoNNto 3.0.6's UI tabs and sidebar modules as light :class:`TabBase` subclasses (no Qt).

One row per class: its name, its ``kind``, its default title and its constructor parameters in
PymoNNto's order. The tab modules (``Basic_Tabs.spiketrain_tab``, ...) re-export them; a later
issue maps the kinds onto the studio's views.
"""

from PymoNNto.Exploration.Network_UI.TabBase import TabBase


def _tab(name: str, title: str, parameters: str = "title") -> type[TabBase]:
    kind = name.removesuffix("_tab")
    attributes = {
        "kind": kind,
        "default_title": title,
        "parameters": tuple(parameters.split()),
        "__module__": __name__,
        "__doc__": f"PymoNNto's {name} (kind {kind!r}): keeps its arguments; the studio's views draw.",
    }
    return type(name, (TabBase,), attributes)


# Basic_Tabs
sidebar_fast_forward_module = _tab("sidebar_fast_forward_module", "PCA", "step_list title")
sidebar_save_load_module = _tab("sidebar_save_load_module", "Title")
multi_group_plot_tab = _tab("multi_group_plot_tab", "Multi Group", "variables title timesteps")
hist_tab = _tab("hist_tab", "Weight Dist.", "weight_attr title timesteps mask_param mask_color_add")
info_tab = _tab("info_tab", "Title")
single_group_plot_tab = _tab(
    "single_group_plot_tab", "Single Group", "variables colors net_lines neuron_lines title timesteps"
)
stability_tab = _tab("stability_tab", "Autocorrelation", "parameter title timesteps")
weight_tab = _tab("weight_tab", "Weights", "title weight_attrs")
fourier_tab = _tab("fourier_tab", "Fourier", "parameter title timesteps")
partition_tab = _tab("partition_tab", "Partition")
spiketrain_tab = _tab("spiketrain_tab", "Spiketrain", "parameter title timesteps")
individual_weight_tab = _tab("individual_weight_tab", "Ind Weights", "title weight_attr")
PCA_tab = _tab("PCA_tab", "PCA", "parameter title timesteps")
isi_tab = _tab("isi_tab", "Activity/ISI", "title param mask_param timesteps mask_color_add")
code_execution_tab = _tab("code_execution_tab", "Title")
classifier_bar_tab = _tab("classifier_bar_tab", "Title")
module_visualizer_tab = _tab("module_visualizer_tab", "Title")
sidebar_neuron_grid_submodule = _tab("sidebar_neuron_grid_submodule", "Title", "add_color_dict")
UI_sidebar_neuron_grid_module = _tab(
    "UI_sidebar_neuron_grid_module", "Title", "group_display_count add_color_dict"
)
Analysis_Module_tab = _tab("Analysis_Module_tab", "Modules")
event_tab = _tab("event_tab", "Events")
sidebar_module_quick_access = _tab("sidebar_module_quick_access", "Title", "module_tags")
UI_sidebar_network_selector = _tab("UI_sidebar_network_selector", "Title", "add_color_dict")

# Advanced_Tabs
stdp_buffer_tab = _tab("stdp_buffer_tab", "STDP")
criticality_tab = _tab("criticality_tab", "Criticality", "title param mask_param timesteps mask_color_add")
buffer_tab = _tab("buffer_tab", "Buffer")
scatter_tab = _tab("scatter_tab", "Scatter", "x_var y_var title timesteps")
afferent_syn_attr_plot_tab = _tab("afferent_syn_attr_plot_tab", "Aff Syn", "syn_vars title timesteps")
similarity_matrix_tab = _tab("similarity_matrix_tab", "similarity")

# Sequence_Activation_Tabs (its sidebar_module_quick_access is another class of the same name)
sidebar_image_module = _tab("sidebar_image_module", "Title")
reconstruction_tab = _tab("reconstruction_tab", "Reconstruction", "title recon_groups_tag")
sun_gravity_plot_tab = _tab("sun_gravity_plot_tab", "Sun Gravity Plot")
character_activation_tab = _tab("character_activation_tab", "char")
sidebar_music_module = _tab("sidebar_music_module", "Title")
sequence_sidebar_module_quick_access = _tab("sidebar_module_quick_access", "Title", "module_label module_tag")
sidebar_grammar_module_new = _tab("sidebar_grammar_module_new", "Title", "text_length")
sidebar_drumbeat_module = _tab("sidebar_drumbeat_module", "Title")
chain_tab = _tab("chain_tab", "Chain")
