"""PymoNNto-only surface, kept for old scripts.

Nothing new should depend on these: the evolution-tool interface (``set_score``, ``get_evo_*``,
``execute_local_file``), ``StorageManager`` and its helpers, the ``behavior_test_environment``
testing helper, and the PymoNNto 2.x spellings (``Behaviour``). They are exported by
``from PymoNNto import *`` and ``from engine import *`` exactly as PymoNNto 3.0.6 names them.
"""
