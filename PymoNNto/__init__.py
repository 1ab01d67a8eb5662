"""PymoNNto compatibility: ``from PymoNNto import *`` and PymoNNto 3.0.6's module paths.

Every module path of PymoNNto 3.0.6 exists here as a thin re-export of the engine
(``PymoNNto.NetworkCore.Behavior``, ``PymoNNto.NetworkBehavior.Basics.BasicHomeostasis``,
``PymoNNto.Exploration.StorageManager.StorageManager``, ...), star-exporting the names it gives
there (see :mod:`PymoNNto._shim`). This package imports the same modules as PymoNNto's own
``__init__``; ``plt`` (matplotlib.pyplot), ``sp`` (scipy.sparse) and ``imageio`` are imported
only when first used, so ``import PymoNNto`` needs numpy alone. Importing a path that PymoNNto
3.0.6 does not have names the closest ones (:mod:`PymoNNto._finder`).
"""

import PymoNNto.Exploration.HelperFunctions as _helper_functions
from engine import reset_genome  # noqa: F401
from engine.compat.storage_manager import add_project_root_path as _add_project_root_path
from engine.exceptions import UnknownDistributionError, ValueStringError  # noqa: F401
from PymoNNto._core import CORE as _CORE
from PymoNNto._finder import install as _install_finder
from PymoNNto._shim import export as _export

# ``reset_genome`` and the two value-string errors are ours; ``from PymoNNto import *`` has always
# given them, so scripts can catch a bad value string by name.
_export(
    globals(),
    *_CORE,
    _helper_functions,
)
_add_project_root_path()
_install_finder()
