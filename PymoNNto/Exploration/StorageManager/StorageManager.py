"""PymoNNto 3.0.6's ``PymoNNto.Exploration.StorageManager.StorageManager`` module: SimpleStorageManager,
StorageManager, StorageManagerGroup, add_project_root_path, create_folder_if_not_exist, get_data_folder,
get_root_folder, get_settings, load_datapoints, zipDir from :mod:`engine`.
"""

import glob
import os
import pickle
import shutil
import sys
import time
import zipfile
from configparser import ConfigParser
from subprocess import call

import numpy as np

from engine import (
    SimpleStorageManager,
    StorageManager,
    StorageManagerGroup,
    add_project_root_path,
    create_folder_if_not_exist,
    get_data_folder,
    get_root_folder,
    get_settings,
    load_datapoints,
    zipDir,
)
from PymoNNto._shim import export as _export

_export(globals(), lazy=("imageio",))
