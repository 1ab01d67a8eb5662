"""Shipping a script's folder to workers that cannot see it (another host of a Dask cluster).

On the same machine the path is enough. For a remote scheduler the driver zips the script's folder
(:func:`make_bundle`; Python files and small data files, no caches or version-control folders) and
each task unpacks it once per worker process into a temporary folder (:func:`materialize`), so a
script that reads a file next to it finds it there too.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import tempfile
import zipfile

from engine.sweep.params import SweepError

__all__ = ["make_bundle", "materialize", "MAX_BUNDLE_BYTES"]

#: the largest folder :func:`make_bundle` ships (bigger folders must be on a shared file system)
MAX_BUNDLE_BYTES = 50 * 1024 * 1024
_SKIP_DIRS = {"__pycache__", ".git", ".hg", ".venv", "venv", ".mypy_cache", ".pytest_cache", ".ruff_cache"}
_unpacked: dict[str, str] = {}


def make_bundle(script: str) -> bytes:
    """The script's folder as zip bytes (the script's own name recorded as ``__script__``)."""
    script = os.path.abspath(script)
    folder = os.path.dirname(script)
    buffer = io.BytesIO()
    total = 0
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("__script__", os.path.basename(script))
        for root, dirs, files in os.walk(folder):
            dirs[:] = sorted(d for d in dirs if d not in _SKIP_DIRS)
            for name in sorted(files):
                full = os.path.join(root, name)
                try:
                    total += os.path.getsize(full)
                except OSError:  # gone meanwhile (a lock file): not part of the project
                    continue
                if total > MAX_BUNDLE_BYTES:
                    raise SweepError(
                        f"the folder of {os.path.basename(script)} ({folder}) is over "
                        f"{MAX_BUNDLE_BYTES // 2**20} MiB; put it on a file system the workers share "
                        f"and pass that path"
                    )
                with contextlib.suppress(OSError):
                    archive.write(full, os.path.relpath(full, folder))
    return buffer.getvalue()


def materialize(script: str, bundle: bytes | None) -> str:
    """The path to run on this worker: ``script`` itself if it exists here, else the script inside
    the unpacked bundle. Raises :class:`SweepError` naming what is missing."""
    if os.path.isfile(script):
        return script
    if bundle is None:
        raise SweepError(
            f"the script {script} does not exist on this worker ({os.uname().nodename}); "
            f"run the sweep with ship=True (the script's folder is sent to the workers) or put the "
            f"folder on a file system every worker sees"
        )
    digest = hashlib.sha256(bundle).hexdigest()[:16]
    if digest not in _unpacked:
        target = tempfile.mkdtemp(prefix=f"mnn-sweep-{digest}-")
        with zipfile.ZipFile(io.BytesIO(bundle)) as archive:
            archive.extractall(target)
        _unpacked[digest] = target
    folder = _unpacked[digest]
    with open(os.path.join(folder, "__script__"), encoding="utf-8") as handle:
        return os.path.join(folder, handle.read().strip())
