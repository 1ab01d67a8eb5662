"""Why a name of PymoNNto 3.0.6 is kept but not provided, and what to use instead (one line each).

The placeholders of :mod:`PymoNNto._unavailable` quote these in their errors.
"""

UI = (
    "PymoNNto's PyQt5 user interface is replaced by the mnn-studio window: Network_UI(net).show() "
    "opens it on the network (or run mnn-studio SCRIPT); its views show traces, rasters, grids and weights"
)
EVOLUTION = (
    "PymoNNto's evolution runner and its windows are not part of mnn-studio; a slave script still "
    "reads its genes (get_gene, '[default#name]' parameters) and reports set_score(...), and "
    "execute_local_file(path, genome) runs it locally with a genome"
)
SSH = (
    "PymoNNto's SSH evolution devices are not provided; run evolution slaves locally with "
    "execute_local_file(path, genome) (PymoNNto.Exploration.Evolution.Interface_Functions)"
)
PLOTS = (
    "PymoNNto's plotting helpers are not provided; plot recorded values (e.g. "
    "net['my_recorder', 0]['n.voltage', 0, 'np']) with matplotlib directly, or watch them in the studio"
)
MODULE_VISUALIZER = (
    "PymoNNto's module visualizer is not provided; the studio's network tree and Parameters dock list "
    "each behavior with its parameters and variables"
)
WILTING = (
    "the MR estimator of PymoNNto's criticality tab is not provided; use the mrestimator package "
    "(pip install mrestimator) on recorded spikes"
)
PCA = (
    "PymoNNto's PCA helpers are not provided; use sklearn.decomposition.PCA or numpy.linalg.svd on "
    "the recorded activity"
)
SM2 = (
    "StorageManager2 is not provided; use StorageManager (PymoNNto.Exploration.StorageManager.StorageManager)"
)
TENSORFLOW = (
    "tensorflow behaviors are not provided: use the NumPy Synaptic_Normalization "
    "(PymoNNto.NetworkBehavior.Basics.Normalization)"
)
SCRIPT = "it is one of PymoNNto's own analysis scripts, which read data files of its authors' experiments"
