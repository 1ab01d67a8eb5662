"""PymoNNto 3.0.6's ``PymoNNto.Exploration.HelperFunctions.Save_Load`` module: add_compiled_code,
add_to_compiled_save_list_and_get_save_str, clear_compiled_code, load_compiled_object, load_network,
save_network from :mod:`engine.compat.pymonnto_names`.
"""

import copy
import marshal
import os
import pickle

import PymoNNto as _pymonnto
from engine.compat.pymonnto_names import (
    add_compiled_code,
    add_to_compiled_save_list_and_get_save_str,
    base_obj_type,
    clear_compiled_code,
    compile_class,
    load_compiled_object,
    load_network,
    save_network,
)
from PymoNNto._shim import export as _export

_export(globals(), _pymonnto)
