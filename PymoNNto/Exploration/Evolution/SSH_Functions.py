"""PymoNNto 3.0.6's ``PymoNNto.Exploration.Evolution.SSH_Functions`` module: placeholders for what
mnn-studio does not provide (SSH in :mod:`PymoNNto._why`).
"""

import PymoNNto.Exploration.StorageManager.StorageManager as _storagemanager
from PymoNNto._shim import export as _export
from PymoNNto._unavailable import not_provided as _not_provided
from PymoNNto._why import SSH as _WHY

_not_provided(
    globals(),
    why=_WHY,
    functions=(
        "clone_project get_Data get_epc_folder get_response get_ssh_connection "
        "is_invalid_evo_name split_ssh_user_host_password_string ssh_execute_evo "
        "ssh_get_running ssh_remove_evo ssh_stop_evo transfer_project "
        "transfer_project_back zip_project"
    ),
)

_export(globals(), _storagemanager, lazy=("paramiko", "SCPClient"))
