"""FiguresPanel: the Figures dock. One tab per matplotlib figure the rest of a script drew.

The figures come from :class:`~studio.figures.analysis.AnalysisRun` (which the panel owns): each
run replaces them. Every tab is a ``FigureCanvasQTAgg`` with matplotlib's navigation toolbar (zoom,
pan, save); :meth:`FiguresPanel.export` writes a figure as PNG or SVG (the Export buttons ask for a
file name first). A note above the tabs says what ran (script lines, iteration) or why nothing will
(no analysis after the simulate call, or one that could not be deferred); the script's own output,
if any, is shown below the tabs. matplotlib is imported only once there is a figure to show (a
figure exists only if the script imported matplotlib).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PyQt6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from engine.io.script_rest import AnalysisOutcome
from studio import dialogs
from studio.core.runner_bridge import SimBridge
from studio.figures.analysis import AnalysisRun

__all__ = ["FiguresPanel", "EXPORT_FORMATS", "figure_title"]

#: Export formats: suffix → file-dialog filter.
EXPORT_FORMATS = {"png": "PNG image (*.png)", "svg": "SVG drawing (*.svg)"}


def figure_title(fig: Any, index: int) -> str:
    """Tab title: the figure's suptitle, else its first axes title, else ``Figure <index+1>``."""
    suptitle = getattr(fig, "get_suptitle", lambda: "")()
    if suptitle:
        return str(suptitle)[:40]
    for ax in fig.axes:
        if ax.get_title():
            return str(ax.get_title())[:40]
    return f"Figure {index + 1}"


class FiguresPanel(QWidget):
    """The Figures dock's widget; ``analysis`` runs the rest of the current script."""

    def __init__(self, bridge: SimBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.analysis = AnalysisRun(bridge, self)
        self.analysis.started.connect(self._on_started)
        self.analysis.finished.connect(self.show_outcome)
        self.analysis.changed.connect(self._describe)
        self.figures: list[Any] = []  #: the matplotlib Figures shown, tab order
        self.canvases: list[Any] = []
        self.note = QLabel(objectName="figuresNote", wordWrap=True)
        self.rerun_button = QToolButton()
        self.rerun_button.setDefaultAction(self.analysis.rerun_action)
        self.export_buttons: dict[str, QPushButton] = {}
        top = QHBoxLayout()
        top.addWidget(self.note, 1)
        top.addWidget(self.rerun_button)
        for fmt in EXPORT_FORMATS:
            button = QPushButton(f"Export {fmt.upper()}…")
            button.setToolTip(f"Save the figure of the current tab as {fmt.upper()}")
            button.clicked.connect(lambda _c=False, f=fmt: self.export_dialog(f))
            button.setEnabled(False)
            self.export_buttons[fmt] = button
            top.addWidget(button)
        self.tabs = QTabWidget(documentMode=True)
        self.output = QPlainTextEdit(readOnly=True, maximumBlockCount=2000)
        self.output.setMaximumHeight(110)
        self.output.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.output)
        self._describe()

    # ------------------------------------------------------------------ API
    def set_loaded(self, loaded: Any) -> None:
        """A new script (or network) is in place: forget its figures, arm its rest."""
        self._clear()
        self.output.clear()
        self.output.hide()
        self.analysis.set_loaded(loaded)

    def show_outcome(self, outcome: AnalysisOutcome) -> None:
        """Replace the tabs by the figures of ``outcome``; show the dock when there are any."""
        self._clear()
        for index, fig in enumerate(outcome.figures):
            self._add_tab(fig, index)
        text = (outcome.stdout + outcome.stderr).rstrip()
        self.output.setPlainText(text)
        self.output.setVisible(bool(text))
        self._describe()
        if outcome.figures or (outcome.error is None and text):
            self.reveal()

    def export(self, index: int, path: str | Path) -> Path:
        """Write figure ``index`` to ``path``; the format is the suffix (``.png`` or ``.svg``).

        Raises ValueError for another suffix or index, OSError when the file cannot be written.
        """
        target = Path(path)
        fmt = target.suffix.lower().lstrip(".")
        if fmt not in EXPORT_FORMATS:
            raise ValueError(f"cannot export a figure as {target.name!r}: use a .png or .svg file name")
        if not 0 <= index < len(self.figures):
            raise ValueError(f"there is no figure {index + 1} (the dock shows {len(self.figures)})")
        self.figures[index].savefig(str(target), format=fmt)
        return target

    def export_dialog(self, fmt: str) -> Path | None:
        """Ask for a file name, then :meth:`export` the current tab; a failure gets a dialog."""
        index = self.tabs.currentIndex()
        if index < 0 or index >= len(self.figures):
            return None
        default = f"{self.tabs.tabText(index).replace(' ', '_')}.{fmt}"
        path, _ = QFileDialog.getSaveFileName(self, "Export figure", default, EXPORT_FORMATS[fmt])
        if not path:
            return None
        if not path.lower().endswith("." + fmt):
            path += "." + fmt
        try:
            return self.export(index, path)
        except (OSError, ValueError) as exc:
            dialogs.warn(self, "Cannot export the figure", f"{path}: {exc}")
            return None

    def reveal(self) -> None:
        """Show and raise the dock that holds this panel."""
        widget = self.parentWidget()
        while widget is not None and not isinstance(widget, QDockWidget):
            widget = widget.parentWidget()
        if widget is not None:
            widget.show()
            widget.raise_()

    # ------------------------------------------------------------------ internals
    def _add_tab(self, fig: Any, index: int) -> None:
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg, NavigationToolbar2QT

        page = QWidget()
        canvas = FigureCanvasQTAgg(fig)
        toolbar = NavigationToolbar2QT(canvas, page)
        box = QVBoxLayout(page)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(toolbar)
        box.addWidget(canvas, 1)
        self.figures.append(fig)
        self.canvases.append(canvas)
        self.tabs.addTab(page, figure_title(fig, index))
        canvas.draw_idle()

    def _clear(self) -> None:
        while self.tabs.count():
            page = self.tabs.widget(0)
            self.tabs.removeTab(0)
            if page is not None:
                page.deleteLater()
        self.figures.clear()
        self.canvases.clear()
        for button in self.export_buttons.values():
            button.setEnabled(False)

    def _on_started(self) -> None:
        a = self.analysis.analysis
        where = f" ({a.lines})" if a is not None else ""
        self.note.setText(
            f"Running the rest of {self.analysis.script_name}{where} at iteration {self.bridge.iteration}…"
        )

    def _describe(self) -> None:
        for button in self.export_buttons.values():
            button.setEnabled(bool(self.figures))
        run, a = self.analysis, self.analysis.analysis
        if a is None:
            self.note.setText(
                run.note
                or "No figures: the script has no code after a simulate_iterations call (the rest of a "
                "script runs here once its iterations have run)."
            )
            return
        outcome = run.outcome
        if outcome is None:
            self.note.setText(
                f"The rest of {run.script_name} ({a.lines}) runs once the network has reached iteration "
                f"{run.target:,} (now {self.bridge.iteration:,})."
            )
            return
        state = "raised an error (see the Error dock)" if outcome.error is not None else "ran"
        self.note.setText(
            f"The rest of {run.script_name} ({a.lines}) {state} at iteration {outcome.iteration:,} "
            f"(run {outcome.run}): {len(outcome.figures)} figure(s). Rerun analysis runs it again."
        )
