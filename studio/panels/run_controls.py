"""RunControls: the run actions (Run/Pause, Step, Run N, Cancel, Reset), speed and progress."""

from __future__ import annotations

from PyQt6.QtCore import QObject, Qt, pyqtSignal
from PyQt6.QtGui import QAction, QKeySequence
from PyQt6.QtWidgets import QComboBox, QLabel, QProgressBar, QStyle, QToolBar, QToolButton, QWidget

from engine.exceptions import IterationCountError
from studio import dialogs
from studio.core.runner_bridge import SimBridge
from studio.panels.iteration_box import IterationSpinBox

#: Speed presets: label → iterations per second (None = as fast as possible).
SPEEDS: list[tuple[str, float | None]] = [
    ("max speed", None),
    ("3000 it/s", 3000.0),
    ("1000 it/s", 1000.0),
    ("300 it/s", 300.0),
    ("100 it/s", 100.0),
    ("30 it/s", 30.0),
    ("10 it/s", 10.0),
    ("1 it/s", 1.0),
]


class RunControls(QObject):
    """Actions and toolbar widgets that drive a :class:`SimBridge`.

    ``reset_requested`` asks the main window to rebuild the network from its script.
    """

    reset_requested = pyqtSignal()
    #: a message for the status bar (e.g. why a typed iteration count was refused)
    message = pyqtSignal(str)

    def __init__(self, bridge: SimBridge, parent: QWidget) -> None:
        super().__init__(parent)
        self.bridge = bridge
        style = parent.style()
        icon = style.standardIcon
        SP = QStyle.StandardPixmap
        self._icon_run, self._icon_pause = icon(SP.SP_MediaPlay), icon(SP.SP_MediaPause)
        self.run_action = self._action(
            parent, "Run", "Space", "Run / pause the simulation (Space)", bridge.toggle_run, self._icon_run
        )
        self.step_action = self._action(
            parent,
            "Step",
            "S",
            "Advance exactly one iteration (S)",
            lambda: bridge.step(1),
            icon(SP.SP_MediaSkipForward),
        )
        self.run_n_action = self._action(
            parent,
            "Run N",
            "Ctrl+Shift+N",
            "Fast-forward the number of iterations in the box (Ctrl+Shift+N)",
            self.start_run_n,
            icon(SP.SP_MediaSeekForward),
        )
        self.cancel_action = self._action(
            parent,
            "Cancel",
            "Esc",
            "Cancel the fast-forward (Esc)",
            bridge.cancel_run,
            icon(SP.SP_DialogCancelButton),
        )
        self.reset_action = self._action(
            parent,
            "Reload",
            "Ctrl+R",
            "Reload: rebuild the network from its script file, e.g. after an edit (Ctrl+R)",
            self.reset_requested.emit,
            icon(SP.SP_BrowserReload),
        )
        self.n_spin = IterationSpinBox()
        self.n_spin.setValue(1000)
        self.n_spin.setSingleStep(1000)
        self.n_spin.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.n_spin.refused.connect(self._refused)
        self.speed_box = QComboBox()
        for label, rate in SPEEDS:
            self.speed_box.addItem(label, rate)
        self.speed_box.setToolTip("Target speed (iterations per second)")
        self.speed_box.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.speed_box.currentIndexChanged.connect(self._speed_changed)
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(200)
        self.progress.setTextVisible(True)
        self.progress.setFormat("%v / %m")
        self.cancel_button = QToolButton()
        self.cancel_button.setDefaultAction(self.cancel_action)
        self.cancel_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self._ff_actions: list[QAction] = []
        bridge.state_changed.connect(self.update_state)
        bridge.run_progress.connect(self._progress)
        bridge.run_finished.connect(self._finished)
        self.update_state()

    @staticmethod
    def _action(parent: QWidget, text: str, key: str, tip: str, slot, icon) -> QAction:
        action = QAction(icon, text, parent)
        action.setShortcut(QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.setToolTip(tip)
        action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def build_toolbar(self, parent: QWidget) -> QToolBar:
        """The main toolbar: run controls, Run N box, speed, progress."""
        bar = QToolBar("Run", parent)
        bar.setObjectName("runToolbar")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        bar.addAction(self.run_action)
        bar.addAction(self.step_action)
        bar.addSeparator()
        bar.addWidget(self.n_spin)
        bar.addAction(self.run_n_action)
        self._ff_actions = [bar.addWidget(self.progress), bar.addWidget(self.cancel_button)]
        self._show_ff(False)
        bar.addSeparator()
        bar.addWidget(QLabel(" Speed "))
        bar.addWidget(self.speed_box)
        bar.addSeparator()
        bar.addAction(self.reset_action)
        return bar

    def start_run_n(self) -> None:
        """Fast-forward ``n_spin`` iterations; a count that cannot be used is refused with a message."""
        try:
            n = self.n_spin.count()
        except IterationCountError as exc:
            dialogs.warn(self.parent(), "Run N", str(exc))
            return
        self.n_spin.setValue(n)
        self.bridge.run_for(n)

    def _refused(self, text: str) -> None:
        """A typed count was refused: say so in the window's status bar (and through :attr:`message`)."""
        self.message.emit(text)
        window = self.parent()
        status_bar = getattr(window, "statusBar", None)
        if callable(status_bar):
            status_bar().showMessage(text, 10_000)

    def set_speed(self, rate: float | None) -> None:
        """Select the preset closest to ``rate`` (None = max)."""
        best = min(
            range(len(SPEEDS)),
            key=lambda k: 0 if SPEEDS[k][1] == rate else abs((SPEEDS[k][1] or 1e9) - (rate or 1e9)),
        )
        self.speed_box.setCurrentIndex(best)
        self._speed_changed(best)

    def speed(self) -> float | None:
        """The selected target rate (None = max)."""
        return self.speed_box.currentData()

    def _speed_changed(self, index: int) -> None:
        self.bridge.set_target_rate(SPEEDS[index][1] if index >= 0 else None)

    def update_state(self) -> None:
        """Enable / relabel actions for the bridge's state."""
        state = self.bridge.state
        has_net = state != "empty"
        running = state in ("running", "fast-forward")
        self.run_action.setText("Pause" if running else ("Resume" if state == "error" else "Run"))
        self.run_action.setIcon(self._icon_pause if running else self._icon_run)
        for action in (self.run_action, self.step_action, self.run_n_action):
            action.setEnabled(has_net and state != "stopped")
        ff = state == "fast-forward" or (state == "error" and self.bridge.fast_forward is not None)
        self.cancel_action.setEnabled(ff)
        self._show_ff(ff)

    @property
    def progress_shown(self) -> bool:
        """Whether the fast-forward progress bar and Cancel button are on the toolbar."""
        return bool(self._ff_actions) and self._ff_actions[0].isVisible()

    def _show_ff(self, visible: bool) -> None:
        """Show / hide the progress bar and its Cancel button (through their toolbar actions)."""
        for action in self._ff_actions:
            action.setVisible(visible)

    def _progress(self, done: int, total: int) -> None:
        if self.progress.maximum() != total:
            self.progress.setMaximum(max(1, total))
        self.progress.setValue(min(done, total))

    def _finished(self, completed: bool) -> None:
        self._show_ff(False)
        self.update_state()
