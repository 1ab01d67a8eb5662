"""Where the studio finds its default example, the examples folder and the assets.

An installed ``mnn-studio`` may not have the repository next to it, so every lookup has a
fallback: ``$MNN_STUDIO_EXAMPLES``, the repository's ``examples/`` (source checkout or editable
install), ``<prefix>/share/mnn-studio/examples`` (data files of a wheel), and finally the copy of
the seed network that ships inside the ``studio`` package (``studio/core/builtin_seed.py``).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

#: File name of the default example (the seed's "Synapses and Input" network).
DEFAULT_EXAMPLE = "seed_synapses_input.py"

_CORE_DIR = Path(__file__).resolve().parent
_REPO_ROOT = _CORE_DIR.parent.parent


def examples_dirs() -> list[Path]:
    """Candidate examples folders, most specific first (only those that exist)."""
    candidates: list[Path] = []
    env = os.environ.get("MNN_STUDIO_EXAMPLES")
    if env:
        candidates.append(Path(env).expanduser())
    candidates.append(_REPO_ROOT / "examples")
    candidates.append(Path(sys.prefix) / "share" / "mnn-studio" / "examples")
    return [c for c in candidates if c.is_dir()]


def builtin_seed_script() -> Path:
    """The seed network shipped inside the package (always present)."""
    return _CORE_DIR / "builtin_seed.py"


def default_script() -> Path:
    """The script opened when ``mnn-studio`` is started without one."""
    for folder in examples_dirs():
        candidate = folder / DEFAULT_EXAMPLE
        if candidate.is_file():
            return candidate
    return builtin_seed_script()


def assets_dir() -> Path | None:
    """The top-level ``assets/`` folder of a source checkout, if present."""
    for candidate in (_REPO_ROOT / "assets", Path(sys.prefix) / "share" / "mnn-studio" / "assets"):
        if candidate.is_dir():
            return candidate
    return None


def app_icon_path() -> Path | None:
    """Path of the application icon (an SVG in assets/), or None."""
    folder = assets_dir()
    if folder is None:
        return None
    icon = folder / "mnn-studio.svg"
    return icon if icon.is_file() else None
