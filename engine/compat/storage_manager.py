"""PymoNNto-style result folders: ``Data/StorageManager/<main>/<name>/`` with a config.ini.

Folders are created only when a StorageManager is constructed (never at import).
"""

from __future__ import annotations

import configparser
import os
import pickle
import shutil
import sys
import time
import zipfile
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from engine.recording.recorders import Recorder

__all__ = [
    "StorageManager",
    "StorageManagerGroup",
    "SimpleStorageManager",
    "get_data_folder",
    "get_root_folder",
    "add_project_root_path",
    "create_folder_if_not_exist",
    "zipDir",
    "get_settings",
    "load_datapoints",
]


def _find_data_folder(start: str | None = None) -> str | None:
    folder = os.path.abspath(start or os.getcwd())
    while True:
        candidate = os.path.join(folder, "Data")
        if os.path.isdir(candidate):
            return candidate
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent


def get_data_folder(create: bool = True) -> str:
    """The nearest ``Data`` folder above the working directory (``./Data`` if there is none)."""
    found = _find_data_folder()
    if found is None:
        found = os.path.join(os.getcwd(), "Data")
        if create:
            os.makedirs(found, exist_ok=True)
    return found


def get_root_folder() -> str:
    """The project root: the parent of the ``Data`` folder."""
    return os.path.dirname(get_data_folder(create=False))


def add_project_root_path() -> None:
    """Put the project root on ``sys.path`` (last), as PymoNNto does at import (creates nothing).

    The root is the folder holding the nearest ``Data`` folder above the working directory, else the
    working directory itself. A root inside a ``Data`` folder (a project copy kept there) drops the
    original project from ``sys.path``, so the copy's modules are the ones imported.
    """
    root = get_root_folder()
    if root not in sys.path:
        sys.path.append(root)
    marker = os.sep + "Data" + os.sep
    if marker in root + os.sep:
        original = root[: (root + os.sep).index(marker)]
        if original in sys.path:
            sys.path.remove(original)


def create_folder_if_not_exist(path: str) -> str:
    os.makedirs(path, exist_ok=True)
    return path


def zipDir(folder: str, zip_path: str) -> None:
    """Write every file below ``folder`` into the zip archive ``zip_path``."""
    with zipfile.ZipFile(zip_path, "w", zipfile.ZIP_DEFLATED) as archive:
        for root, _, files in os.walk(folder):
            for name in files:
                path = os.path.join(root, name)
                archive.write(path, os.path.relpath(path, folder))


def get_settings() -> dict[str, Any]:
    return {}


def _parse_param(text: str) -> Any:
    if text == "True":
        return True
    if text == "False":
        return False
    try:
        return float(text) if "." in text else int(text)
    except ValueError:
        return text.replace("percent", "%")


class StorageManager:
    """A folder for the results of one run (parameters, arrays, objects, text)."""

    def __init__(
        self,
        main_folder_name: str,
        folder_name: str | None = None,
        random_nr: bool | int | str | None = False,
        print_msg: bool = True,
        add_new_when_exists: bool = True,
        data_folder: str | None = None,
        use_evolution_path: bool = True,
        last: bool = False,
    ):
        base = os.path.join(data_folder or get_data_folder(), "StorageManager", main_folder_name)
        name = folder_name or main_folder_name
        if random_nr is True:
            name += str(int(np.random.rand() * 10000))  # one numpy draw, as PymoNNto takes it
        elif random_nr is not False and random_nr is not None:
            name += str(random_nr)
        path = os.path.join(base, name)
        if os.path.exists(path):
            if last and not add_new_when_exists:
                existing = sorted(f for f in os.listdir(base) if f.startswith(name))
                path = os.path.join(base, existing[-1])
            elif add_new_when_exists:
                index = 0
                while os.path.exists(f"{path}_{index}"):
                    index += 1
                path = f"{path}_{index}"
        self.folder_name = os.path.basename(path)
        self.absolute_path = path + os.sep
        new = not os.path.isdir(path)
        os.makedirs(path, exist_ok=True)
        self.config_file_name = os.path.join(path, "config.ini")
        self.config = configparser.ConfigParser()
        self.config.optionxform = str  # type: ignore[method-assign,assignment]  # keep names' case
        self.config.read(self.config_file_name)
        if not self.config.has_section("Parameters"):
            self.config.add_section("Parameters")
        if print_msg:
            print("StorageManager:", path)
        if new:  # a new run folder starts with its config.ini, holding the creation time
            self.save_param("time", time.time())

    def _write_config(self) -> None:
        with open(self.config_file_name, "w", encoding="utf-8") as handle:
            self.config.write(handle)

    def save_param(self, key: str, value: Any) -> None:
        self.config.set("Parameters", key, str(value).replace("%", "percent"))
        self._write_config()

    def save_param_dict(self, params: dict[str, Any]) -> None:
        for key, value in params.items():
            self.config.set("Parameters", key, str(value).replace("%", "percent"))
        self._write_config()

    def load_param(self, key: str, default: Any = None) -> Any:
        if not self.config.has_option("Parameters", key):
            return default
        return _parse_param(self.config.get("Parameters", key))

    def load_param_list(self, keys: list[str]) -> list[Any]:
        return [self.load_param(key) for key in keys]

    def get_all_params(self) -> dict[str, Any]:
        return {k: _parse_param(v) for k, v in self.config.items("Parameters")}

    def _path(self, key: str, ext: str) -> str:
        return os.path.join(self.absolute_path, key + ext)

    def save_np(self, key: str, value: Any) -> None:
        np.save(self._path(key, ".npy"), value)

    def load_np(self, key: str) -> Any:
        path = self._path(key, ".npy")
        return np.load(path, allow_pickle=True) if os.path.exists(path) else None

    def save_obj(self, key: str, value: Any) -> None:
        with open(self._path(key, ".obj"), "wb") as handle:
            pickle.dump(value, handle)

    def load_obj(self, key: str) -> Any:
        with open(self._path(key, ".obj"), "rb") as handle:
            return pickle.load(handle)

    def has_obj(self, key: str) -> bool:
        return os.path.exists(self._path(key, ".obj"))

    def save_str(self, key: str, value: str) -> None:
        with open(self._path(key, ".txt"), "w", encoding="utf-8") as handle:
            handle.write(value)

    def load_str(self, key: str) -> str:
        with open(self._path(key, ".txt"), encoding="utf-8") as handle:
            return handle.read()

    def save_recorder(self, tag: str, recorder: Recorder, keys: list[str] | None = None) -> None:
        """One ``.npy`` file per recorded variable, named ``tag + variable``."""
        for variable, data in recorder.get_state().items():
            if not keys or variable in keys:
                self.save_np(tag + variable, data)

    def backup(self, file: str) -> None:
        shutil.copy(file, self.absolute_path)


SimpleStorageManager = StorageManager


class StorageManagerGroup:
    """All run folders of one main folder, with simple parameter queries."""

    def __init__(self, main_folder_name: str, data_folder: str | None = None):
        base = os.path.join(data_folder or get_data_folder(), "StorageManager", main_folder_name)
        self.StorageManagerList: list[StorageManager] = []
        if os.path.isdir(base):
            for name in sorted(os.listdir(base)):
                if os.path.isdir(os.path.join(base, name)):
                    self.StorageManagerList.append(
                        StorageManager(
                            main_folder_name,
                            name,
                            print_msg=False,
                            add_new_when_exists=False,
                            data_folder=data_folder,
                        )
                    )

    def sort_by(self, param: str) -> None:
        self.StorageManagerList.sort(key=lambda sm: (sm.load_param(param) is None, sm.load_param(param) or 0))

    def get_param_list(self, param: str, remove_None: bool = False) -> list[Any]:
        values = [sm if param == "#SM#" else sm.load_param(param) for sm in self.StorageManagerList]
        return [v for v in values if v is not None] if remove_None else values

    def get_multi_param_list(self, params: list[str], remove_None: bool = True) -> np.ndarray:
        """A table with one row per parameter and one column per run (``table[row, run]``).

        ``'#SM#'`` is the row of the StorageManagers themselves. With ``remove_None`` the runs that
        lack one of the parameters are left out. Numbers only give a numeric array, else objects.
        """
        rows = [self.get_param_list(p) for p in params]
        runs = len(self.StorageManagerList)
        keep = [j for j in range(runs) if not remove_None or all(row[j] is not None for row in rows)]
        table = np.empty((len(rows), len(keep)), dtype=object)
        for i, row in enumerate(rows):
            for k, j in enumerate(keep):
                table[i, k] = row[j]
        numbers = all(isinstance(v, (int, float, np.number)) and not isinstance(v, bool) for v in table.flat)
        return np.array(table.tolist()) if numbers and table.size else table


def load_datapoints(*args: Any, **kwargs: Any) -> Any:  # pragma: no cover - evolution tooling
    raise NotImplementedError(
        "load_datapoints belongs to PymoNNto's evolution tooling, which mnn-studio does not provide"
    )
