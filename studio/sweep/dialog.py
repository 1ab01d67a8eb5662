"""Run → Sweep…: the dialog that sets up a sweep, prefilled from the parameters the user touched."""

from __future__ import annotations

from typing import Any

from PyQt6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from studio.sweep.model import SweepSetup, suggest_values

__all__ = ["SweepDialog", "grid_text", "parse_grid_text"]


def grid_text(touched: dict[str, tuple[float, float]]) -> str:
    """One ``PATH = v1, v2, ...`` line per touched parameter."""
    return "\n".join(
        f"{path} = {', '.join(f'{v:g}' for v in suggest_values(*span))}" for path, span in touched.items()
    )


def parse_grid_text(text: str) -> dict[str, list[Any]]:
    """The dialog's grid lines as ``{path: values}``; ValueError naming the line that is wrong."""
    from engine.sweep.params import parse_grid

    lines = [line.strip() for line in text.splitlines() if line.strip() and not line.strip().startswith("#")]
    items = []
    for line in lines:
        path, sep, values = line.partition("=")
        if not sep:
            raise ValueError(f"grid line {line!r}: expected PATH = v1, v2, ...")
        items.append(f"{path.strip()}={values.strip()}")
    return parse_grid(items)


class SweepDialog(QDialog):
    """Script, grid (one line per parameter), metric, repeats, iterations, workers, seed, timeout, file."""

    def __init__(
        self,
        script: str,
        touched: dict[str, tuple[float, float]],
        metric: str,
        iterations: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Sweep")
        self.script = script
        form = QFormLayout()
        form.addRow("Script", QLabel(script))
        self.grid_edit = QPlainTextEdit(grid_text(touched) or "my_group.MyBehavior.attribute = 0.1, 0.2, 0.3")
        self.grid_edit.setToolTip("one parameter per line: a tag path (or a gene name) = its values")
        form.addRow("Grid", self.grid_edit)
        self.metric_edit = QLineEdit(metric)
        self.metric_edit.setToolTip("an expression over net after each run, or 'score' for set_score(...)")
        form.addRow("Metric", self.metric_edit)
        self.repeats = self._spin(1, 1000, 2)
        form.addRow("Repeats", self.repeats)
        self.iterations = self._spin(1, 10**9, iterations or 1000)
        form.addRow("Iterations", self.iterations)
        self.workers = self._spin(1, 512, 2)
        form.addRow("Workers (LocalCluster)", self.workers)
        self.scheduler = QLineEdit("")
        self.scheduler.setPlaceholderText("tcp://host:8786 (empty: a LocalCluster)")
        form.addRow("Scheduler", self.scheduler)
        self.seed = self._spin(0, 2**31 - 1, 0)
        form.addRow("Seed", self.seed)
        self.timeout = QDoubleSpinBox()
        self.timeout.setRange(0, 10**6)
        self.timeout.setSpecialValueText("none")
        form.addRow("Timeout per run (s)", self.timeout)
        self.out = QLineEdit("")
        self.out.setPlaceholderText("results.csv (empty: keep the rows in the dock only)")
        form.addRow("Results file", self.out)
        self.error = QLabel("")
        self.error.setStyleSheet("color: #c62828")
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Run sweep")
        buttons.accepted.connect(self.try_accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    @staticmethod
    def _spin(low: int, high: int, value: int) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(low, high)
        spin.setValue(value)
        return spin

    def setup(self) -> SweepSetup:
        """The sweep as typed; ValueError (a message naming the field) if something is wrong."""
        grid = parse_grid_text(self.grid_edit.toPlainText())
        if not grid:
            raise ValueError("the grid is empty: give at least one line PATH = v1, v2, ...")
        metric = self.metric_edit.text().strip()
        if not metric:
            raise ValueError("give a metric: an expression over net, e.g. len(net['spike.t', 0])")
        return SweepSetup(
            script=self.script,
            grid=grid,
            metric=metric,
            repeats=self.repeats.value(),
            iterations=self.iterations.value(),
            workers=self.workers.value(),
            seed=self.seed.value(),
            timeout=self.timeout.value() or None,
            out=self.out.text().strip() or None,
            scheduler=self.scheduler.text().strip() or None,
        )

    def try_accept(self) -> None:
        """Accept only a set-up that parses; otherwise say what is wrong in the dialog."""
        try:
            self.setup()
        except ValueError as exc:
            self.error.setText(str(exc))
            return
        self.error.setText("")
        self.accept()
