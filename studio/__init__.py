"""mnn-studio: the PyQt6 desktop studio for the engine.

Importing this package only pins the Qt binding for pyqtgraph and qtpy (``setdefault``, so an
explicit choice by the user wins); it imports no Qt module itself.
"""

import os as _os

_os.environ.setdefault("QT_API", "pyqt6")
_os.environ.setdefault("PYQTGRAPH_QT_LIB", "PyQt6")
