"""The QApplication, its settings and the process environment Qt needs.

Only the standard library is imported at module level, so that the environment (Qt binding,
offscreen platform for headless runs, one BLAS thread) is set before Qt and NumPy load.
"""

from __future__ import annotations

import os
import sys
from typing import Any

ORGANIZATION = "mnn-studio"
APPLICATION = "mnn-studio"


def prepare_environment(headless: bool) -> None:
    """Pin the Qt binding and one BLAS thread; use the offscreen platform when ``headless`` and
    there is no display (``setdefault``: the user's own choice wins)."""
    os.environ.setdefault("QT_API", "pyqt6")
    os.environ.setdefault("PYQTGRAPH_QT_LIB", "PyQt6")
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    if headless and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


#: the QApplication made here (Python owns it: without a reference it would be destroyed when the
#: caller's reference goes, while windows and pyqtgraph's objects may still exist)
_KEPT: list[Any] = []


def application() -> Any:
    """The QApplication (created on first use, with organisation / application names, style and
    window icon)."""
    from PyQt6.QtCore import QCoreApplication
    from PyQt6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        QCoreApplication.setOrganizationName(ORGANIZATION)
        QCoreApplication.setApplicationName(APPLICATION)
        app = QApplication(sys.argv[:1])
        _KEPT.append(app)  # alive until the interpreter exits, whoever called this
        from studio.style import apply_style

        apply_style(app)
        _set_icon(app)
        app.setDesktopFileName("mnn-studio")  # desktops match windows to assets/mnn-studio.desktop
    return app


def _set_icon(app: Any) -> None:
    from PyQt6.QtGui import QIcon

    from studio.core.resources import app_icon_path

    path = app_icon_path()
    if path is not None:
        app.setWindowIcon(QIcon(str(path)))


def settings() -> Any:
    """The studio's persistent settings (window layout, recent files)."""
    from PyQt6.QtCore import QSettings

    return QSettings(ORGANIZATION, APPLICATION)


def delete_now(window: Any) -> None:
    """Close ``window`` (its runner and kernel stop) and delete it and its children now, while the
    QApplication exists: nothing of it is left for the interpreter's exit to destroy in an arbitrary
    order (a crash at exit, once in about 20 suite runs under load)."""
    from PyQt6.QtCore import QCoreApplication, QEvent

    window.close()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
