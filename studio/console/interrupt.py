"""Keeping the window alive during a console cell, and interrupting it.

The in-process kernel runs a cell on the GUI thread, so while a cell runs Qt gets no turn and an
Interrupt button could never be clicked. Two pieces solve that:

* :class:`Ticker`: a daemon thread that, about every 50 ms while a cell runs, asks the *main*
  thread to call a Python-level signal handler (``_thread.interrupt_main(signum)``: it only trips
  Python's pending-signal flag, no OS signal is sent, so no system call sees EINTR). CPython runs
  that handler between two bytecodes of whatever the main thread executes, even inside
  ``while True: pass``. The handler pumps Qt events only at a safe point (:func:`is_safe_point`:
  the interrupted frame is user code, a cell or a user script, never engine/studio/library code, and
  nothing in ``threading`` is on the stack), so no engine lock can be held. A tick that lands in
  library code called by a cell (numpy's Python functions: ``np.percentile``, ``np.std``) arms a
  one-shot line hook on the cell's frame (:class:`ReturnHook`), which pumps as soon as control is
  back in the cell, so a numpy-bound loop still repaints every tick (measured: one repaint in 1.4 s
  before; ``tests/studio/console/test_console_repaint.py``). Inside engine or studio code it waits
  for the next tick (those pump at their own safe points).
* :class:`BusyInputFilter`: an application event filter that, while busy, lets user input reach
  only the allowed widgets (the Interrupt button) and dialogs; Ctrl+C anywhere interrupts; closing
  a window is refused (and interrupts). Timers and painting go on, so the views and the busy
  indicator stay alive.

An interrupt raises ``KeyboardInterrupt`` at the next safe point; :func:`show_interrupt` (an IPython
custom exception handler) shows its traceback ending at the user's line.
"""

from __future__ import annotations

import _thread
import contextlib
import os
import signal
import sys
import sysconfig
import threading
from collections.abc import Callable
from typing import Any

from PyQt6.QtCore import QEvent, QObject, Qt, pyqtSignal
from PyQt6.QtWidgets import QApplication, QDialog, QWidget

__all__ = [
    "Ticker",
    "BusyInputFilter",
    "is_user_frame",
    "is_safe_point",
    "show_interrupt",
    "raise_interrupt",
    "SIGNUM",
]

TICK_S = 0.025
FIRST_TICK_S = 0.1
#: The signal number whose Python handler the ticker trips (never sent as an OS signal).
SIGNUM: int | None = getattr(signal, "SIGUSR2", None) or getattr(signal, "SIGBREAK", None)

_STUDIO_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__))) + os.sep
_ENGINE_DIR = os.path.dirname(os.path.abspath(__import__("engine").__file__)) + os.sep
_SKIP_DIRS = tuple(
    sorted(
        {
            os.path.abspath(p) + os.sep
            for k, p in sysconfig.get_paths().items()
            if k in ("stdlib", "platstdlib", "purelib", "platlib") and p
        }
        | {_ENGINE_DIR, _STUDIO_DIR}
    )
)
_CONSOLE_FILES = {os.path.join(_STUDIO_DIR, "console", f"{m}.py") for m in ("api", "guard", "interrupt")}
_THREADING_FILE = threading.__file__
_INPUT_EVENTS = {
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonRelease,
    QEvent.Type.MouseButtonDblClick,
    QEvent.Type.KeyPress,
    QEvent.Type.KeyRelease,
    QEvent.Type.ShortcutOverride,
    QEvent.Type.ContextMenu,
    QEvent.Type.Drop,
    QEvent.Type.DragEnter,
    QEvent.Type.TabletPress,
    QEvent.Type.TouchBegin,
}


def is_user_frame(frame: Any) -> bool:
    """True for code the user wrote (a console cell, a user script); False for engine, studio,
    the standard library, site-packages and frozen modules."""
    if frame is None:
        return False
    name = frame.f_code.co_filename
    if name.startswith("<frozen"):
        return False
    return not os.path.abspath(name).startswith(_SKIP_DIRS)


def is_safe_point(frame: Any) -> bool:
    """Whether the main thread may process events / raise an interrupt in ``frame``: it is user code,
    and no outer frame is in :mod:`threading` (``Condition.wait_for`` calls a predicate, possibly user
    code, while holding its lock). The engine never calls user code while holding one of its locks."""
    if not is_user_frame(frame):
        return False
    f = frame.f_back
    while f is not None:
        if f.f_code.co_filename == _THREADING_FILE:
            return False
        f = f.f_back
    return True


def user_frame_outside(frame: Any) -> Any:
    """The innermost user frame enclosing ``frame`` when ``frame`` is library code called from user
    code with no engine, studio or :mod:`threading` frame in between (see
    :func:`returns_to_user_code`); else None."""
    f = frame
    while f is not None:
        if is_user_frame(f):
            return f if is_safe_point(f) else None
        name = f.f_code.co_filename
        if name == _THREADING_FILE or os.path.abspath(name).startswith((_ENGINE_DIR, _STUDIO_DIR)):
            return None
        f = f.f_back
    return None


class ReturnHook:
    """One-shot: call ``on_return()`` at the next line the given user frame executes (after the
    library call it made returns, or at its loop's back edge), through a line trace on that frame
    only. New frames are not traced; the hook disarms itself before calling back. Never arms while
    another trace function (a debugger, coverage) is active."""

    def __init__(self, on_return: Callable[[], None]) -> None:
        self.on_return = on_return
        self._frame: Any = None

    @property
    def armed(self) -> bool:
        """Whether the hook waits for its frame."""
        return self._frame is not None

    def arm(self, frame: Any) -> bool:
        """Wait for the next line of ``frame``; False if tracing belongs to someone else."""
        if self._frame is not None:
            return True
        if sys.gettrace() is not None:
            return False
        self._frame = frame
        frame.f_trace_lines = True
        frame.f_trace = self._local
        sys.settrace(_trace_no_calls)
        return True

    def disarm(self) -> None:
        """Remove the hook (idempotent)."""
        frame, self._frame = self._frame, None
        if frame is None:
            return
        if sys.gettrace() is _trace_no_calls:
            sys.settrace(None)
        frame.f_trace = None

    def _local(self, frame: Any, event: str, arg: Any) -> Any:
        __tracebackhide__ = True  # noqa: F841
        self.disarm()
        if event == "line":
            self.on_return()
        return None


def _trace_no_calls(frame: Any, event: str, arg: Any) -> None:
    """The thread's trace function while a :class:`ReturnHook` waits: new frames are not traced."""
    return None


def raise_interrupt() -> None:
    """Raise the console's KeyboardInterrupt."""
    __tracebackhide__ = True  # noqa: F841 - IPython hides this frame in the traceback
    raise KeyboardInterrupt("interrupted from the console (Interrupt button / Ctrl+C)")


def trim_console_frames(tb: Any) -> Any:
    """The traceback without its trailing frames in the console modules (where it was raised)."""
    frames = []
    while tb is not None:
        frames.append(tb)
        tb = tb.tb_next
    keep = len(frames)
    while keep > 1 and os.path.abspath(frames[keep - 1].tb_frame.f_code.co_filename) in _CONSOLE_FILES:
        keep -= 1
    if keep < len(frames):
        frames[keep - 1].tb_next = None
    return frames[0] if frames else None


def show_interrupt(shell: Any, etype: type, value: BaseException, tb: Any, tb_offset: Any = None) -> None:
    """IPython custom handler for KeyboardInterrupt: the usual traceback, ending at the user's line."""
    shell.showtraceback((etype, value, trim_console_frames(tb)), tb_offset=tb_offset)


class Ticker:
    """Calls ``on_tick(frame)`` on the main thread about every :data:`TICK_S` seconds while started.

    ``available`` is False where this cannot work (no suitable signal, or not on the main thread);
    then :meth:`start` does nothing.
    """

    def __init__(self, on_tick: Callable[[Any], None]) -> None:
        self.on_tick = on_tick
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        self._previous: Any = None

    @property
    def available(self) -> bool:
        """Whether the ticker can run from the calling thread."""
        return (
            SIGNUM is not None
            and sys.version_info >= (3, 10)  # interrupt_main(signum): 3.10+
            and threading.current_thread() is threading.main_thread()
        )

    @property
    def running(self) -> bool:
        """Whether the ticker thread is alive."""
        return self._thread is not None and self._thread.is_alive()

    def _handler(self, signum: int, frame: Any) -> None:
        __tracebackhide__ = True  # noqa: F841
        self.on_tick(frame)

    def start(self) -> bool:
        """Install the handler and start the thread (from the main thread). False if unavailable."""
        if self._thread is not None or not self.available:
            return self._thread is not None
        try:
            self._previous = signal.signal(SIGNUM, self._handler)
        except (ValueError, OSError):
            return False
        self._stop.clear()
        stop = self._stop

        def run() -> None:
            if stop.wait(FIRST_TICK_S):
                return
            while not stop.is_set():
                _thread.interrupt_main(SIGNUM)
                stop.wait(TICK_S)

        self._thread = threading.Thread(target=run, name="mnn-console-ticker", daemon=True)
        self._thread.start()
        return True

    def stop(self) -> None:
        """Stop and join the thread, restore the previous handler (idempotent)."""
        thread, self._thread = self._thread, None
        if thread is None:
            return
        self._stop.set()
        thread.join(2.0)
        with contextlib.suppress(ValueError, OSError, TypeError):
            signal.signal(SIGNUM, self._previous if self._previous is not None else signal.SIG_DFL)
        self._previous = None


class BusyInputFilter(QObject):
    """Application event filter active while a cell runs (see the module docstring)."""

    interrupt_requested = pyqtSignal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.allowed: list[QWidget] = []  #: widgets (and their children) that accept input
        self.blocked = 0  #: input events dropped so far
        self._installed = False

    def install(self) -> None:
        """Start filtering (idempotent)."""
        app = QApplication.instance()
        if app is not None and not self._installed:
            app.installEventFilter(self)
            self._installed = True

    def remove(self) -> None:
        """Stop filtering (idempotent)."""
        app = QApplication.instance()
        if app is not None and self._installed:
            app.removeEventFilter(self)
        self._installed = False

    def _accepts_input(self, widget: QWidget) -> bool:
        for w in self.allowed:
            with contextlib.suppress(RuntimeError):
                if w is widget or w.isAncestorOf(widget):
                    return True
        window = widget.window()
        return isinstance(window, QDialog) or window is QApplication.activeModalWidget()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """Ctrl+C interrupts; input reaches only the allowed widgets and dialogs; no window closes."""
        etype = event.type()
        if etype in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            if event.key() == Qt.Key.Key_C and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                if etype == QEvent.Type.KeyPress:
                    self.interrupt_requested.emit()
                event.accept()
                return True
        if etype == QEvent.Type.Shortcut:
            return True
        if (
            etype == QEvent.Type.Close
            and isinstance(obj, QWidget)
            and obj.isWindow()
            and not isinstance(obj, QDialog)
        ):
            event.ignore()
            self.interrupt_requested.emit()
            return True
        if etype in _INPUT_EVENTS and isinstance(obj, QWidget) and not self._accepts_input(obj):
            self.blocked += 1
            return True
        return False
