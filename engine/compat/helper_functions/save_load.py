"""Pickled network snapshots (PymoNNto's ``Exploration/HelperFunctions/Save_Load``).

``save_network(net, 'name')`` pickles the network to ``<Data>/NetworkStates/name/network.netstate``;
compiled code objects (which pickle cannot store) are written next to it with :mod:`marshal` as
``__compile#<k>.bin`` and modules are stored by name; ``load_network('name')`` reads it back.
:func:`clear_compiled_code` / :func:`add_compiled_code` do the code-to-file swap in place on any
object tree, as PymoNNto's versions do.
The file is a pickle: load only files you trust. For a portable, checked format use
:func:`engine.io.state.save_state` (values only, no code).
"""

from __future__ import annotations

import importlib
import marshal
import os
import pickle
import types
from typing import Any

from engine.compat.storage_manager import get_data_folder
from engine.model.introspection import instance_attributes
from engine.model.tagging import TaggableObjectBase

__all__ = [
    "compile_class",
    "base_obj_type",
    "add_to_compiled_save_list_and_get_save_str",
    "clear_compiled_code",
    "load_compiled_object",
    "add_compiled_code",
    "save_network",
    "load_network",
]

#: the type of compiled code (what ``compile(...)`` returns)
compile_class = types.CodeType
#: the objects whose attributes are searched for compiled code
base_obj_type = TaggableObjectBase

_MARK = "__compile#"


def add_to_compiled_save_list_and_get_save_str(
    obj: types.CodeType, compiled: dict[str, Any], compiled_path: str
) -> str:
    """Marshal ``obj`` to ``compiled_path/__compile#<k>.bin``; return that file name."""
    name = f"{_MARK}{len(compiled) + 1}.bin"
    compiled[name] = obj
    with open(os.path.join(compiled_path, name), "wb") as handle:
        marshal.dump(obj, handle)
    return name


def load_compiled_object(file: str, path: str) -> Any:
    with open(os.path.join(path, file), "rb") as handle:
        return marshal.load(handle)


def _walk(obj: Any, visited: set[int], replace: Any) -> None:
    """Call ``replace(value)`` for every value held by ``obj`` (engine objects, lists, dicts) and
    store its answer when it is not None; recurses into engine objects, lists and dicts once each."""
    if id(obj) in visited:
        return
    visited.add(id(obj))
    items: list[tuple[Any, Any]]
    if isinstance(obj, base_obj_type):
        items = list(instance_attributes(obj).items())

        def store(key: Any, value: Any) -> None:
            setattr(obj, key, value)
    elif isinstance(obj, list):
        items = list(enumerate(obj))

        def store(key: Any, value: Any) -> None:
            obj[key] = value
    elif isinstance(obj, dict):
        items = list(obj.items())

        def store(key: Any, value: Any) -> None:
            obj[key] = value
    else:
        return
    for key, value in items:
        if isinstance(value, (list, dict, base_obj_type)):
            _walk(value, visited, replace)
        new = replace(value)
        if new is not None:
            store(key, new)


def clear_compiled_code(
    obj: Any, visited: Any = None, compiled: dict[str, Any] | None = None, compiled_path: str | None = None
) -> dict[str, Any]:
    """Replace every code object below ``obj`` by the name of its marshal file; returns them by name."""
    found: dict[str, Any] = {} if compiled is None else compiled
    folder = compiled_path if compiled_path is not None else os.getcwd()

    def replace(value: Any) -> Any:
        if isinstance(value, compile_class):
            return add_to_compiled_save_list_and_get_save_str(value, found, folder)
        return None

    _walk(obj, set() if visited is None else {id(v) for v in visited}, replace)
    return found


def add_compiled_code(obj: Any, visited: Any = None, path: str = "") -> None:
    """Undo :func:`clear_compiled_code`: load every ``'__compile#...'`` file name below ``obj``."""

    def replace(value: Any) -> Any:
        if isinstance(value, str) and _MARK in value:
            return load_compiled_object(value, path)
        return None

    _walk(obj, set() if visited is None else {id(v) for v in visited}, replace)


def _state_folder(filename: str) -> str:
    if not isinstance(filename, str) or not filename or os.sep in filename or filename in (".", ".."):
        raise ValueError(f"network state name must be a plain folder name, got {filename!r}")
    return os.path.join(get_data_folder(), "NetworkStates", filename)


class _Pickler(pickle.Pickler):
    """Stores modules by name and compiled code as marshal files beside the snapshot."""

    def __init__(self, handle: Any, folder: str):
        super().__init__(handle)
        self.folder = folder
        self.compiled: dict[str, Any] = {}

    def persistent_id(self, obj: Any) -> Any:
        if isinstance(obj, types.ModuleType):
            return ("module", obj.__name__)
        if isinstance(obj, compile_class):
            return ("code", add_to_compiled_save_list_and_get_save_str(obj, self.compiled, self.folder))
        return None


class _Unpickler(pickle.Unpickler):
    def __init__(self, handle: Any, folder: str):
        super().__init__(handle)
        self.folder = folder

    def persistent_load(self, pid: Any) -> Any:
        kind, name = pid
        if kind == "module":
            return importlib.import_module(name)
        if kind == "code":
            return load_compiled_object(name, self.folder)
        raise pickle.UnpicklingError(f"unknown reference {pid!r} in a network state file")


def save_network(network: Any, filename: str) -> str:
    """Pickle ``network`` to ``<Data>/NetworkStates/<filename>/network.netstate`` (returned).

    The network itself is not changed. Modules it refers to (a script's globals) are stored by name,
    code objects as marshal files; behavior classes must be importable when loading.
    """
    folder = _state_folder(filename)
    os.makedirs(folder, exist_ok=True)
    file = os.path.join(folder, "network.netstate")
    with open(file + ".part", "wb") as handle:
        pickler = _Pickler(handle, folder)
        try:
            pickler.dump(network)
        except (pickle.PicklingError, TypeError, AttributeError) as error:
            failure: Exception | None = error
        else:
            failure = None
    if failure is not None:
        for name in [*pickler.compiled, os.path.basename(file) + ".part"]:
            os.remove(os.path.join(folder, name))
        raise pickle.PicklingError(
            f"save_network: the network cannot be pickled ({failure}); behavior classes must be "
            "importable (defined in a module, not in the script being run), or use "
            "engine.io.state.save_state, which stores the values only"
        ) from failure
    os.replace(file + ".part", file)
    print("networks saved as", file)
    return file


def load_network(filename: str) -> Any:
    """The network saved by ``save_network(net, filename)``."""
    folder = _state_folder(filename)
    file = os.path.join(folder, "network.netstate")
    if not os.path.exists(file):
        raise FileNotFoundError(f"load_network: no saved network {filename!r} (looked for {file})")
    with open(file, "rb") as handle:
        network = _Unpickler(handle, folder).load()
    add_compiled_code(network, path=folder)
    return network
