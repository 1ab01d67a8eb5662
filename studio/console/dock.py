"""The Console dock: a qtconsole RichJupyterWidget on an in-process IPython kernel, bound to the
live network.

Integration (the whole surface)::

    from studio.console.dock import ConsoleDock
    self.console = ConsoleDock(self, load=self.load_script,
                               selected_group=lambda: self.selection.group,
                               selected_neuron=lambda: self.selection.neuron)
    self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.console)
    self.console.hide()                                   # the kernel starts on first show
    self.view_menu.addAction(self.console.toggleViewAction())            # carries Ctrl+E
    self.bridge.network_changed.connect(lambda _net: self.console.bind(self.bridge.runner))
    # in closeEvent, before the runner is stopped:
    self.console.shutdown()

The kernel, the widget and the IPython shell are created the first time the dock is shown. Without
qtconsole/ipykernel the dock shows a note instead. See :mod:`studio.console.guard` for what happens
around each cell (runner hold, busy, interrupt, ``simulate_iterations``) and
:mod:`studio.console.api` for the ``studio`` object.

Several windows in one process: the in-process IPython shell is a process-wide singleton, so one
console at a time owns the kernel. The others say so (naming the window that has it) and start by
themselves once that console closes; "Move the console here" takes it over at once (the previous
console's variables are lost; its window then offers to take it back).
"""

from __future__ import annotations

import contextlib
import re
import weakref
from collections.abc import Callable
from typing import Any

from PyQt6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, pyqtSignal
from PyQt6.QtGui import QKeySequence, QShowEvent
from PyQt6.QtWidgets import QDockWidget, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from studio.console.api import StudioAPI
from studio.console.guard import CellGuard
from studio.console.kernel import INSTALL_HINT, import_qtconsole, make_widget, start_kernel, stop_kernel
from studio.console.names import CORE_NAMES, banner_text, build_namespace

__all__ = ["ConsolePanel", "ConsoleDock", "INSTALL_HINT"]

_PROMPT = re.compile(r"In \[\d+\]: $")
_active: weakref.ReferenceType[ConsolePanel] | None = None  # the panel whose kernel is alive
_waiting: weakref.WeakSet[ConsolePanel] = weakref.WeakSet()  # panels that wait for the kernel


class ConsolePanel(QWidget):
    """The console with its status strip (busy indicator, Interrupt button), or a note.

    Parameters
    ----------
    load: ``load(path)`` of the window, for ``studio.load``.
    selected_group, selected_neuron: callables returning the window's selection.
    hold_timeout: seconds a cell waits for the worker to reach an iteration boundary.
    log_cells: record each cell's first line in the runner's event log.
    persist_history: keep the input history across sessions (IPython's history database).
    """

    started = pyqtSignal()  #: the kernel is up (the first prompt follows shortly)
    busy_changed = pyqtSignal(bool)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        load: Callable[[str], Any] | None = None,
        selected_group: Callable[[], Any] | None = None,
        selected_neuron: Callable[[], int] | None = None,
        hold_timeout: float = 10.0,
        log_cells: bool = True,
        persist_history: bool = True,
    ) -> None:
        super().__init__(parent)
        self.studio = StudioAPI(load=load, selected_group=selected_group, selected_neuron=selected_neuron)
        self.studio.restore_names = self._push_namespace
        self.guard = CellGuard(self.studio, hold_timeout, log_cells, parent=self)
        self.persist_history = persist_history
        self.widget: Any = None  #: the RichJupyterWidget once started
        self.kernel_manager: Any = None
        self.kernel_client: Any = None
        self.unavailable: str | None = None  #: why the console could not start
        self._extra: dict[str, Any] = {}
        self._pushed: dict[str, Any] = {}
        self._closed = False
        self._top: QWidget | None = None

        self.status_label = QLabel("Console: starts when shown")
        self.status_label.setObjectName("consoleStatus")
        self.interrupt_button = QPushButton("Interrupt")
        self.interrupt_button.setToolTip("Stop the running cell (Ctrl+C)")
        self.interrupt_button.setEnabled(False)
        self.interrupt_button.clicked.connect(self.interrupt)
        self.guard.allowed.append(self.interrupt_button)
        self.move_button = QPushButton("Move the console here")
        self.move_button.setToolTip("Take the console over from the other window (its variables are lost)")
        self.move_button.clicked.connect(self.take_over)
        self.move_button.hide()
        self.guard.status_changed.connect(self._on_status)
        self.guard.busy_changed.connect(self._on_busy)
        bar = QHBoxLayout()
        bar.setContentsMargins(6, 2, 6, 2)
        bar.addWidget(self.status_label, 1)
        bar.addWidget(self.interrupt_button)
        bar.addWidget(self.move_button)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(0)
        self._layout.addLayout(bar)
        self.note = QLabel()
        self.note.setObjectName("viewMessage")
        self.note.setWordWrap(True)
        self.note.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.note.hide()
        self._layout.addWidget(self.note, 1)

    # ------------------------------------------------------------------------------ binding
    def bind(self, runner: Any, extra_namespace: dict[str, Any] | None = None) -> None:
        """Bind the console to ``runner`` (its network); call again whenever another network is
        loaded. ``extra_namespace`` (e.g. the script's classes) is pushed too. None unbinds."""
        self.studio.bind(runner)
        self._extra = dict(extra_namespace or {})
        if self.shell is not None:
            names = self._push_namespace()
            self._print(f"\n[network changed: {', '.join(names)} re-bound; see studio]\n")

    @property
    def shell(self) -> Any:
        """The IPython shell (None before the console started or after shutdown)."""
        km = self.kernel_manager
        return None if km is None or km.kernel is None else km.kernel.shell

    def _push_namespace(self) -> list[str]:
        shell = self.shell
        if shell is None:
            return []
        ns, _skipped = build_namespace(self.studio, self._extra)
        user_ns = shell.user_ns
        for name, old in self._pushed.items():  # names of the previous network, if untouched
            if name not in ns and user_ns.get(name) is old:
                del user_ns[name]
        shell.push(ns)
        self._pushed = dict(ns)
        return [n for n in ns if n in CORE_NAMES or n not in self._extra]

    # ------------------------------------------------------------------------------ lifecycle
    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        """Start the kernel the first time the console becomes visible."""
        super().showEvent(event)
        self.ensure_started()

    def ensure_started(self) -> bool:
        """Create the kernel and the widget now (idempotent). False when unavailable."""
        global _active
        if self.widget is not None:
            return True
        if self.unavailable is not None or self._closed:
            return False
        try:
            manager_cls, widget_cls = import_qtconsole()
        except Exception as exc:  # noqa: BLE001 - ImportError, or qtpy's binding errors
            return self._show_unavailable(f"qtconsole / ipykernel cannot be imported ({exc}).")
        other = _active() if _active is not None else None
        if other is not None and other is not self:
            return self._wait_for(other)
        try:
            km, kc = start_kernel(manager_cls, self.persist_history)
        except Exception as exc:  # noqa: BLE001 - any failure leaves a note, never a broken window
            return self._show_unavailable(f"the IPython kernel did not start ({type(exc).__name__}: {exc}).")
        self.kernel_manager, self.kernel_client = km, kc
        _active = weakref.ref(self)
        _waiting.discard(self)
        self.note.hide()
        self.move_button.hide()
        self.interrupt_button.show()
        app = QCoreApplication.instance()
        if app is not None:  # safety nets if the window forgets shutdown()
            app.aboutToQuit.connect(self.shutdown)
        self._top = self._top_window()
        if self._top is not self:
            self._top.installEventFilter(self)
        shell = km.kernel.shell
        self.guard.attach(shell)
        self._push_namespace()
        self.widget = widget = make_widget(widget_cls, self, km, kc, banner_text(self.studio, self._extra))
        widget.custom_interrupt_requested.connect(self.interrupt)
        self._layout.addWidget(widget, 1)
        self.status_label.setText("Ready")
        self.setFocusProxy(widget)
        self.started.emit()
        return True

    def _top_window(self) -> QWidget:
        """The outermost ancestor (the main window, also while the dock floats)."""
        top: QWidget = self
        while top.parentWidget() is not None:
            top = top.parentWidget()
        return top

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """Shut the kernel down once the window that holds the console has closed."""
        if event.type() == QEvent.Type.Close and obj is self._top:
            QTimer.singleShot(0, self._after_window_close)
        return False

    def _after_window_close(self) -> None:
        top = self._top
        if top is not None and not top.isVisible():
            self.shutdown()

    def _wait_for(self, other: ConsolePanel) -> bool:
        """Another window's console owns the kernel: say so truly, and start when it closes."""
        _waiting.add(self)
        title = other.window().windowTitle() or "another window"
        self.note.setText(
            f"The IPython console is open in another studio window ({title}).\n\n"
            "One process has one in-process IPython kernel, so one window at a time has the console. "
            "It starts here by itself once that console closes, or press “Move the console here” "
            "(the other console's variables are lost)."
        )
        self.note.show()
        self.interrupt_button.hide()
        self.move_button.show()
        self.status_label.setText("Console: open in another window")
        return False

    def take_over(self) -> bool:
        """Move the console to this panel now (the other panel's kernel stops). False if the other
        console is running a cell (it is never cut off mid-cell) or the console cannot start."""
        other = _active() if _active is not None else None
        if other is not None and other is not self:
            if other.guard.busy:
                self.status_label.setText("Console: the other window's console is running a cell; try again")
                return False
            other.release(self)
        return self.ensure_started()

    def release(self, to: ConsolePanel) -> None:
        """Give the kernel up to ``to`` (another window's console); this panel then waits for it."""
        self._stop_kernel()
        if not self._closed:
            self._wait_for(to)

    def _show_unavailable(self, reason: str) -> bool:
        self.unavailable = reason
        self.note.setText(
            f"The IPython console is not available: {reason}\n\nInstall it with\n"
            f"    {INSTALL_HINT}\nand restart the studio. Everything else works without it."
        )
        self.note.show()
        self.interrupt_button.hide()
        self.status_label.setText("Console unavailable")
        return False

    def shutdown(self) -> None:
        """Shut the kernel and its channels down (idempotent). Call when the window closes. A console
        of another window that waits for the kernel then starts (if it is shown)."""
        self._closed = True
        if self._top is not None and self._top is not self:
            with contextlib.suppress(RuntimeError):
                self._top.removeEventFilter(self)
        self._top = None
        _waiting.discard(self)
        owned = _active is not None and _active() is self
        self._stop_kernel()
        self.studio.bind(None)
        self.status_label.setText("Console closed")
        if owned:
            for panel in list(_waiting):
                if not panel._closed and panel.isVisible():
                    QTimer.singleShot(0, panel.ensure_started)
                    break

    def _stop_kernel(self) -> None:
        global _active
        self.guard.shutdown()
        km, kc, widget = self.kernel_manager, self.kernel_client, self.widget
        self.kernel_manager = self.kernel_client = None
        stop_kernel(km, kc)
        if _active is not None and _active() is self:
            _active = None
        if widget is not None:
            with contextlib.suppress(Exception):
                widget.kernel_client = None
                widget.kernel_manager = None
            widget.hide()
            widget.deleteLater()
            self.widget = None
        self._pushed.clear()
        self.interrupt_button.setEnabled(False)

    # ------------------------------------------------------------------------------ using it
    def is_ready(self) -> bool:
        """True when the prompt is shown and no cell runs (``execute`` is accepted)."""
        w = self.widget
        return (
            w is not None
            and not self.guard.busy
            and not w._executing
            and bool(_PROMPT.search(w._control.toPlainText()))
        )

    def execute(self, code: str) -> None:
        """Run ``code`` as if typed at the prompt (returns when the cell has finished). Raises
        RuntimeError before the first prompt: qtconsole silently drops earlier requests."""
        if not self.is_ready():
            raise RuntimeError("the console is not ready (wait for is_ready())")
        self.widget.execute(code)

    def text(self) -> str:
        """The console's plain text (banner, cells, output)."""
        return self.widget._control.toPlainText() if self.widget is not None else self.note.text()

    def interrupt(self) -> None:
        """Interrupt the running cell (Interrupt button, Ctrl+C)."""
        self.guard.request_interrupt()

    def _print(self, text: str) -> None:
        if self.widget is not None:
            with contextlib.suppress(Exception):
                self.widget._append_plain_text(text, before_prompt=True)

    def _on_status(self, text: str) -> None:
        self.status_label.setText(text or ("Ready" if self.widget is not None else self.status_label.text()))

    def _on_busy(self, busy: bool) -> None:
        self.interrupt_button.setEnabled(busy)
        self.status_label.setStyleSheet("color: #8a5300; font-weight: bold;" if busy else "")
        self.busy_changed.emit(busy)


class ConsoleDock(QDockWidget):
    """The Console dock; its toggle action carries Ctrl+E (its object name comes from the dock table).

    Takes the same keyword arguments as :class:`ConsolePanel`; ``bind`` and ``shutdown`` delegate.
    """

    def __init__(self, parent: QWidget | None = None, **kwargs: Any) -> None:
        super().__init__("Console", parent)
        self.panel = ConsolePanel(self, **kwargs)
        self.setWidget(self.panel)
        action = self.toggleViewAction()
        action.setShortcut(QKeySequence("Ctrl+E"))
        action.setToolTip("Show or hide the IPython console (Ctrl+E)")
        self.visibilityChanged.connect(self._on_visible)

    def _on_visible(self, visible: bool) -> None:
        if visible and self.panel.ensure_started() and self.panel.widget is not None:
            self.panel.widget.setFocus()

    def bind(self, runner: Any, extra_namespace: dict[str, Any] | None = None) -> None:
        """See :meth:`ConsolePanel.bind`."""
        self.panel.bind(runner, extra_namespace)

    def shutdown(self) -> None:
        """See :meth:`ConsolePanel.shutdown`."""
        self.panel.shutdown()

    @property
    def studio(self) -> StudioAPI:
        """The ``studio`` object of the console."""
        return self.panel.studio
