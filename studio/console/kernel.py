"""Starting and stopping the in-process IPython kernel of the console.

Two process-wide facts shape this module (see QT_NOTES): qtpy picks its Qt binding once, at its
first import, so ``QT_API`` must say ``pyqt6`` before that; and the in-process shell is a singleton
(``InProcessInteractiveShell.instance()``), so a stopped kernel must ``clear_instance()`` or the next
console would inherit its namespace and prompt counter.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import sys
from typing import Any

__all__ = ["import_qtconsole", "start_kernel", "make_widget", "stop_kernel", "INSTALL_HINT"]

INSTALL_HINT = 'pip install "qtconsole>=5.4" "ipykernel>=6.20"'


def import_qtconsole() -> tuple[type, type]:
    """``(QtInProcessKernelManager, QtInProcessRichJupyterWidget)``; raises ImportError (with the
    reason) when qtconsole / ipykernel are missing or qtpy was bound to another Qt binding."""
    qtpy = sys.modules.get("qtpy")
    if qtpy is None:
        os.environ["QT_API"] = "pyqt6"  # before the first qtpy import: the studio is PyQt6
    elif getattr(qtpy, "API_NAME", "PyQt6") != "PyQt6":
        raise ImportError(f"qtpy is already bound to {qtpy.API_NAME}, the studio needs PyQt6")
    from qtconsole.inprocess import QtInProcessKernelManager, QtInProcessRichJupyterWidget

    return QtInProcessKernelManager, QtInProcessRichJupyterWidget


def start_kernel(manager_cls: type, persist_history: bool = True) -> tuple[Any, Any]:
    """Start an in-process kernel; returns ``(kernel_manager, kernel_client)`` with channels started.

    A shell singleton left over by someone else is cleared first. ``input()`` in a cell raises
    (``allow_stdin=False``): the console would wait for keys that the busy filter drops.
    """
    from ipykernel.inprocess.ipkernel import InProcessInteractiveShell
    from traitlets.config import Config

    if InProcessInteractiveShell.initialized():
        InProcessInteractiveShell.clear_instance()
    config = Config()
    if not persist_history:
        config.HistoryManager.hist_file = ":memory:"  # no history database, no saving thread
    km = manager_cls(config=config)
    km.start_kernel(show_banner=False)
    try:
        km.kernel.gui = "qt"
        shell = km.kernel.shell
        with contextlib.suppress(Exception):  # one short version line instead of tips
            import IPython

            shell.banner1 = f"Python {sys.version.split()[0]}, IPython {IPython.__version__}\n"
            shell.enable_tip = False
        kc = km.client()
        kc.allow_stdin = False
        kc.start_channels()
    except BaseException:
        stop_kernel(km, None)
        raise
    return km, kc


def make_widget(widget_cls: type, parent: Any, km: Any, kc: Any, banner: str) -> Any:
    """The RichJupyterWidget on ``km``/``kc``: our banner, a fixed-width font, Ctrl+C handled by us
    (``custom_interrupt``: in-process kernels cannot be interrupted by qtconsole itself)."""
    from PyQt6.QtGui import QFont, QFontDatabase

    widget = widget_cls(parent)
    widget.banner = banner
    widget.kernel_banner = ""
    widget.custom_interrupt = True
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setPointSize(10)
    widget.font = QFont(font)
    widget.kernel_manager = km
    widget.kernel_client = kc  # starts the frontend: banner, kernel_info, then the first prompt
    return widget


def stop_kernel(km: Any, kc: Any) -> None:
    """Stop channels, the IOPub and history threads, the kernel; forget the shell singleton.

    Every step is attempted even when an earlier one fails; idempotent for ``None`` arguments.
    """
    shell = None if km is None or getattr(km, "kernel", None) is None else km.kernel.shell
    if kc is not None:
        with contextlib.suppress(Exception):
            kc.stop_channels()
    if shell is not None:
        with contextlib.suppress(Exception):
            shell.atexit_operations()  # clears the namespace, ends the history session + thread
        with contextlib.suppress(Exception):
            atexit.unregister(shell.atexit_operations)
    if km is not None:
        iopub = getattr(getattr(km, "kernel", None), "iopub_thread", None)
        with contextlib.suppress(Exception):
            _stop_iopub_quietly(iopub)
        with contextlib.suppress(Exception):
            km.shutdown_kernel()  # joins the IOPub thread (if still alive)
        if iopub is not None:
            with contextlib.suppress(Exception):
                atexit.unregister(iopub.stop)
    if shell is not None:
        from ipykernel.inprocess.ipkernel import InProcessInteractiveShell

        InProcessInteractiveShell.clear_instance()


def _stop_iopub_quietly(iopub: Any, timeout: float = 5.0) -> None:
    """Stop the IOPub thread the way its own loop expects when it is not flagged as stopped: the
    thread then cancels its event-pipe GC task *and runs the loop once more*, so no "Task was
    destroyed but it is pending!" is printed at exit (``IOPubThread.stop()`` flags first and skips
    that step in ipykernel 7)."""
    thread = getattr(iopub, "thread", None)
    loop = getattr(iopub, "io_loop", None)
    if thread is None or loop is None or not thread.is_alive():
        return
    loop.add_callback(loop.stop)
    thread.join(timeout)
    if not thread.is_alive():  # what stop() does after its join
        for pipe in list(getattr(iopub, "_event_pipes", {}).values()):
            with contextlib.suppress(Exception):
                pipe.close()
