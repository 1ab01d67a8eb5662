"""Old path of :mod:`engine.io.scripts` (``engine.scripts.load_script`` is documented API)."""

from engine.io.scripts import *  # noqa: F401,F403
from engine.io.scripts import __all__  # noqa: F401
