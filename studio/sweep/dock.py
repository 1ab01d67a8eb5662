"""The Sweep dock: progress of a running sweep, a live metric-vs-parameter plot, its rows, and
"Open this run" (the script rebuilt with that row's parameters and seed, in the studio)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pyqtgraph as pg
from PyQt6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studio import dialogs
from studio.sweep.job import SweepJob
from studio.sweep.model import SweepSetup, curve, heat_map

__all__ = ["SweepDock"]


class SweepDock(QWidget):
    """Shows one sweep at a time. ``window`` (the main window) is used by "Open this run" only."""

    def __init__(self, window: Any = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.window_ = window
        self.job: SweepJob | None = None
        self.rows: list[dict[str, Any]] = []
        self.total = 0
        self.status = QLabel("No sweep yet: Run → Sweep…")
        self.dashboard = QLabel("")
        self.dashboard.setOpenExternalLinks(True)
        self.plot = pg.PlotWidget()
        self.plot.showGrid(x=True, y=True, alpha=0.3)
        self.line = pg.PlotDataItem(symbol="o")
        self.bars = pg.ErrorBarItem(beam=0.0)
        self.image = pg.ImageItem()
        for item in (self.line, self.bars, self.image):
            self.plot.addItem(item)
        self.table = QTableWidget(0, 0)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.cancel_button = QPushButton("Cancel sweep")
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        self.open_button = QPushButton("Open this run")
        self.open_button.setToolTip("load the script with the selected row's parameters and seed")
        self.open_button.clicked.connect(self.open_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.dashboard)
        layout.addWidget(self.plot, 3)
        layout.addWidget(self.table, 2)
        layout.addLayout(buttons)

    # ------------------------------------------------------------------------------------ running
    @property
    def setup(self) -> SweepSetup | None:
        return self.job.setup if self.job is not None else None

    def start(self, setup: SweepSetup) -> SweepJob:
        """Start a sweep (stopping one that still runs); ValueError for a set-up that cannot run."""
        self.shutdown()
        job = SweepJob(setup, self)
        self.job, self.rows, self.total = job, [], len(job.specs)
        columns = ["run", "repeat", "seed", *setup.grid, setup.metric, "error"]
        self.table.setRowCount(0)
        self.table.setColumnCount(len(columns))
        self.table.setHorizontalHeaderLabels(columns)
        job.started.connect(self._on_started)
        job.row.connect(self._on_row)
        job.finished.connect(self._on_finished)
        job.failed.connect(self._on_failed)
        self.cancel_button.setEnabled(True)
        self.status.setText(f"starting {self.total} runs …")
        job.start()
        return job

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.status.setText(self.status.text() + " — cancelling …")

    def shutdown(self) -> None:
        """Stop a running sweep and wait for its thread (the window closes)."""
        if self.job is not None and not self.job.done:
            self.job.stop()
        self.cancel_button.setEnabled(False)

    def counts(self) -> tuple[int, int, int]:
        """(done, running, failed) of the current sweep."""
        done = len(self.rows)
        failed = sum(1 for r in self.rows if r.get("error"))
        workers = self.setup.workers if self.setup is not None else 1
        return done, min(max(self.total - done, 0), workers), failed

    def _on_started(self, info: Any) -> None:
        if info is not None and info.dashboard:
            self.dashboard.setText(f'Dask dashboard: <a href="{info.dashboard}">{info.dashboard}</a>')
        self._show_status()

    def _on_row(self, row: dict[str, Any], progress: Any) -> None:
        self.rows.append(row)
        self._add_table_row(row)
        self._show_status()
        self.redraw()

    def _on_finished(self, rows: Any) -> None:
        self.cancel_button.setEnabled(False)
        known = {r.get("key") for r in self.rows}
        for row in rows:  # rows skipped from an earlier results file
            if row.get("key") not in known:
                self.rows.append(row)
                self._add_table_row(row)
        self._show_status(rows.stopped or "finished")
        self.redraw()

    def _on_failed(self, message: str) -> None:
        self.cancel_button.setEnabled(False)
        self.status.setText(f"the sweep could not run: {message}")

    def _show_status(self, tail: str = "") -> None:
        done, running, failed = self.counts()
        text = f"done {done} / running {running} / failed {failed} of {self.total}"
        self.status.setText(f"{text} — {tail}" if tail else text)

    def _add_table_row(self, row: dict[str, Any]) -> None:
        n = self.table.rowCount()
        self.table.insertRow(n)
        for col in range(self.table.columnCount()):
            header = self.table.horizontalHeaderItem(col)
            value = row.get(header.text()) if header is not None else None
            text = "" if value is None else (f"{value:.6g}" if isinstance(value, float) else str(value))
            self.table.setItem(n, col, QTableWidgetItem(text))

    # ------------------------------------------------------------------------------------ plot
    def redraw(self) -> None:
        """1-D: mean ± sd over repeats against the parameter; 2-D: a heat map of the first two."""
        setup = self.setup
        if setup is None:
            return
        params = list(setup.grid)
        self.plot.setLabel("left", setup.metric)
        if len(params) == 1:
            xs, means, sds = curve(self.rows, params[0], setup.metric)
            self.image.clear()
            self.line.setData(xs, means)
            if xs:
                self.bars.setData(x=np.array(xs), y=np.array(means), height=2 * np.array(sds))
            self.plot.setLabel("bottom", params[0])
            return
        xs, ys, table = heat_map(self.rows, params, setup.metric)
        self.line.setData([], [])
        self.bars.setData(x=np.array([]), y=np.array([]), height=np.array([]))
        if xs and ys:
            data = np.array(table, dtype=float)
            finite = data[np.isfinite(data)]
            self.image.setImage(np.nan_to_num(data, nan=float(finite.min()) if finite.size else 0.0))
            self.image.setRect(0, 0, len(xs), len(ys))
        self.plot.setLabel("bottom", f"{params[0]} (columns: {', '.join(f'{x:g}' for x in xs)})")
        self.plot.setLabel("left", f"{params[1]} (rows: {', '.join(f'{y:g}' for y in ys)})")

    # ------------------------------------------------------------------------------------ open a run
    def open_selected(self) -> None:
        selected = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not selected:
            dialogs.warn(self, "Open this run", "Select a row of the sweep first.")
            return
        self.open_run(self.rows[selected[0].row()])

    def open_run(self, row: dict[str, Any]) -> bool:
        """Rebuild the script with ``row``'s parameters and seed and show it in the window."""
        setup = self.setup
        if setup is None or self.window_ is None:
            return False
        from engine.sweep import prepare_run
        from studio.core.script_loading import LoadedNetwork

        params = {p: row[p] for p in setup.grid}
        try:
            prepared = prepare_run(setup.script, params, int(row["seed"]), setup.iterations)
        except Exception as exc:  # noqa: BLE001 - reported, the current network stays
            dialogs.warn(self, "Open this run", f"{type(exc).__name__}: {exc}")
            return False
        label = ", ".join(f"{k}={v:g}" if isinstance(v, float) else f"{k}={v}" for k, v in params.items())
        title = f"{Path(setup.script).name} (sweep run {row['run']}: {label}, seed {row['seed']})"
        loaded = LoadedNetwork(
            network=prepared.net,
            script=Path(setup.script),
            title=title,
            requested_iterations=prepared.iterations,
            networks=list(prepared.result.networks),
            namespace=dict(prepared.result.namespace),
        )
        self.window_.set_loaded(loaded)
        return True
