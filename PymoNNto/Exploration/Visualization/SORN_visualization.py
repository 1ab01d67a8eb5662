"""PymoNNto 3.0.6's ``PymoNNto.Exploration.Visualization.SORN_visualization`` module: placeholders for
what mnn-studio does not provide (PLOTS in :mod:`PymoNNto._why`).
"""

import configparser

from PymoNNto._shim import export as _export
from PymoNNto._unavailable import not_provided as _not_provided
from PymoNNto._why import PLOTS as _WHY

_not_provided(
    globals(),
    why=_WHY,
    functions=(
        "aagdsfgsdf bhbhjjb comp_plot compute_per_track_entropy compute_per_track_length "
        "create_beat_matrix_from_results get_ISI_plot get_lognormal_overlay_plot "
        "get_percussion_track_entropy plot_ plot_average plot_frequencies "
        "plot_frequencies_chords_poly plot_frequencies_poly "
        "plot_netsize_vs_freq_spont_music plot_netsize_vs_freq_spont_music_polyphonic "
        "plot_netsize_vs_score plot_netsize_vs_specific_performance_music "
        "plot_specific_performance plot_wrong_new_right_bar plot_wrong_new_right_graph "
        "polygon_under_graph rgkdfjhgd sdgsdfgdf sdgsdfkkd show_2D_oscillation_plot "
        "show_3D_oscillation_plot ssdfasd wrong_new_rigt_bar_comparison"
    ),
)

_export(globals(), lazy=("plt", "mpl", "PolyCollection", "mcolors", "entropy"))
