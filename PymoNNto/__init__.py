"""PymoNNto compatibility: ``from PymoNNto import *`` gives the names PymoNNto scripts use.

Everything comes from :mod:`engine`. ``plt`` (matplotlib.pyplot) and ``sp`` (scipy.sparse) are
imported only when a script first uses them, so importing this package needs numpy alone.
"""

import copy
import glob
import inspect
import math
import os
import pickle
import shutil
import sys
import time
import zipfile
from collections import Counter
from configparser import ConfigParser
from subprocess import call

import numpy as np

import engine as _engine
from engine.compat.storage_manager import add_project_root_path as _add_project_root_path

_NOT_PYMONNTO = {
    "Runner",
    "EngineError",
    "EngineWarning",
    "NotInitializedWarning",
}  # ours, not PymoNNto names
_ENGINE_NAMES = [name for name in _engine.__all__ if name not in _NOT_PYMONNTO]
globals().update({name: getattr(_engine, name) for name in _ENGINE_NAMES})
_add_project_root_path()

_LAZY_MODULES = {"plt": "matplotlib.pyplot", "sp": "scipy.sparse", "imageio": "imageio"}


class _MissingModule:
    """Stands in for an optional module that is not installed; says so when used."""

    def __init__(self, alias: str, module: str, error: Exception):
        self._message = (
            f"'{alias}' needs the package providing {module!r}, which cannot be "
            f"imported ({error}); install it, e.g. pip install {module.split('.')[0]}"
        )

    def __getattr__(self, name):
        raise ImportError(self._message)

    def __call__(self, *args, **kwargs):
        raise ImportError(self._message)


def __getattr__(name):
    module_name = _LAZY_MODULES.get(name)
    if module_name is None:
        raise AttributeError(f"module 'PymoNNto' has no attribute {name!r}")
    import importlib

    try:
        module = importlib.import_module(module_name)
    except Exception as error:  # missing optional dependency: fail when used, not at import
        module = _MissingModule(name, module_name, error)
    globals()[name] = module
    return module


__all__ = _ENGINE_NAMES + [
    "np",
    "plt",
    "sp",
    "math",
    "os",
    "sys",
    "time",
    "glob",
    "pickle",
    "shutil",
    "copy",
    "zipfile",
    "inspect",
    "Counter",
    "ConfigParser",
    "call",
]
