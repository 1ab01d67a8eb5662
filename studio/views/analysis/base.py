"""AnalysisView: a live view that analyses a bounded window of recent iterations of a watch.

A frame copies only the new samples (:class:`~studio.views.analysis.window.SampleWindow`); the
analysis itself runs only when new data arrived and the :class:`~studio.views.analysis.window.Throttle`
allows, so an expensive analysis never slows the engine or the window. When there is nothing to
show (no spikes in the window, no data yet) a notice says so in place of the plot.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from PyQt6.QtCore import Qt, QTimer
from PyQt6.QtWidgets import QLabel, QSpinBox, QStackedWidget, QWidget

from studio.core import introspect
from studio.views.analysis.window import SampleWindow, Throttle
from studio.views.base import LiveView

#: Largest ring a view's watch may hold (bytes); bigger groups are watched on a subset of neurons.
WATCH_BYTES = 32 * 2**20


def neuron_subset(size: int, window: int, itemsize: int, limit: int | None = None) -> np.ndarray | None:
    """Evenly spaced neuron indices so that ``window`` samples fit :data:`WATCH_BYTES` (and at most
    ``limit`` neurons); None when the whole group fits."""
    most = max(1, WATCH_BYTES // max(1, window * itemsize))
    if limit is not None:
        most = min(most, limit)
    if size <= most:
        return None
    return np.unique(np.linspace(0, size - 1, most).round().astype(np.int64))


class AnalysisView(LiveView):
    """Base of the analysis views: a variable watched over a window, analysed when new data came.

    Subclasses set :attr:`watch_kind`, build their plot in :meth:`build_plot` and implement
    :meth:`analyse` (return a notice text when there is nothing to draw, else None).
    """

    #: ``"spikes"`` (bool variables, raster samples) or ``"trace"`` (numbers).
    watch_kind = "trace"
    #: Default window (iterations) and the spin box range.
    default_window = 2000
    #: At most this many neurons watched (None: as many as :data:`WATCH_BYTES` allows).
    max_neurons: int | None = None
    #: Seconds between two analyses at least.
    min_interval = 0.2

    def build_body(self) -> QWidget:
        self.window_spin = QSpinBox()
        self.window_spin.setRange(50, 50000)
        self.window_spin.setSingleStep(500)
        self.window_spin.setValue(self.default_window)
        self.window_spin.setSuffix(" it")
        self.window_spin.setToolTip("Analysed window: the last iterations")
        self.header.insertWidget(3, self.window_spin)
        self.window_spin.editingFinished.connect(self.rebind)
        self.throttle = Throttle(self.min_interval)
        self._watch: Any = None
        self._samples: SampleWindow | None = None
        self._subset: np.ndarray | None = None
        self._stale = False
        self.analyses = 0  #: analyses run so far (tests, benchmarks)
        # the analysis runs just after the frame, when the worker is no longer held for it
        self._analysis_timer = QTimer(self)
        self._analysis_timer.setSingleShot(True)
        self._analysis_timer.setInterval(0)
        self._analysis_timer.timeout.connect(self._analyse_now)
        self.notice_label = QLabel()
        self.notice_label.setObjectName("analysisNotice")
        self.notice_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.notice_label.setWordWrap(True)
        self.notice_label.setStyleSheet("color: #555555; font-size: 13pt; padding: 12px;")
        self.stack = QStackedWidget()
        self.plot_widget = self.build_plot()
        self.stack.addWidget(self.plot_widget)
        self.stack.addWidget(self.notice_label)
        return self.stack

    # ------------------------------------------------------------------ to override
    def build_plot(self) -> QWidget:
        """Create and return the plot widget."""
        raise NotImplementedError

    def analyse(self, times: np.ndarray, values: np.ndarray) -> str | None:
        """Analyse the window (times oldest first) and draw; a notice text when nothing to draw."""
        raise NotImplementedError

    def reduce_samples(self) -> Any:
        """None, or a function applied once to each block of new samples (e.g. the group mean):
        the window then keeps only its result, and :meth:`analyse` gets those rows."""
        return None

    # ------------------------------------------------------------------ notice
    def notice(self, text: str | None) -> None:
        """Show ``text`` in place of the plot (None: the plot)."""
        if text:
            self.notice_label.setText(text)
            self.stack.setCurrentWidget(self.notice_label)
        else:
            self.stack.setCurrentWidget(self.plot_widget)

    @property
    def notice_text(self) -> str | None:
        """The notice shown in place of the plot, or None while the plot is shown."""
        return self.notice_label.text() if self.stack.currentWidget() is self.notice_label else None

    # ------------------------------------------------------------------ watches
    def refill_variables(self, keep: str | None = None) -> None:
        """As the base class; a spike view waits for a usual spike name the first iteration creates."""
        if (
            self.watch_kind == "spikes"
            and self.group is not None
            and not introspect.neuron_variables(self.group, self.variable_kinds)
            and self.bridge.iteration == 0
        ):
            pending = keep or next((p for p in self.preferred if not hasattr(self.group, p)), None)
            if pending is not None:
                self._filling = True
                self.var_box.clear()
                self.var_box.addItem(pending)
                self._filling = False
                self.variable = pending
                self._dirty = True
                self.rebind()
                return
        super().refill_variables(keep)

    def pending(self) -> bool:
        return self._watch is not None and self._watch.kind is None

    def rebind(self) -> None:
        self.bridge.release(self._watch)
        self._watch = self._samples = None
        self.throttle.reset()
        self._stale = False
        path = self.path()
        if path is None or self.bridge.runner is None:
            self.notice(
                "No network loaded." if self.bridge.runner is None else "Pick a group and a variable."
            )
            return
        window = self.window_spin.value()
        itemsize = 1 if self.watch_kind == "spikes" else 8
        self._subset = neuron_subset(introspect.group_size(self.group), window, itemsize, self.max_neurons)
        try:
            self._watch = self.bridge.watch(path, window=window, kind=self.watch_kind, neurons=self._subset)
        except Exception as exc:  # noqa: BLE001 - e.g. a variable of the wrong type
            self.notice(f"Cannot watch {path}: {exc}")
            return
        self._samples = SampleWindow(
            self._watch, window, raster=self.watch_kind == "spikes", reduce=self.reduce_samples()
        )
        self.notice(f"Waiting for data: run or step the network ({path}).")
        self._dirty = True

    def watched_neurons(self) -> int:
        """Number of neurons in the watch (the whole group or an evenly spaced subset)."""
        if self._subset is not None:
            return int(self._subset.size)
        return introspect.group_size(self.group) if self.group is not None else 0

    # ------------------------------------------------------------------ frame
    def update_view(self) -> None:
        if self._watch is None or self._samples is None:
            return
        if self._watch.kind is None:  # a pending variable that has not appeared yet
            if self.bridge.iteration > 0 and not hasattr(self.group, self.variable or ""):
                self.refill_variables()
            return
        new, err = self._samples.pull()
        if err:
            self.notice(f"{self.path()}: {err}")
            return
        self._stale = self._stale or new > 0
        if not self._stale:
            return
        if not self.throttle.due():
            self._dirty = True  # analyse at a later frame, even if the network pauses meanwhile
            return
        self._stale = False
        self._analysis_timer.start()  # after this frame, with the worker running again

    def _analyse_now(self) -> None:
        if self._samples is None:
            return
        self.throttle.begin()
        times, values = self._samples.ordered()
        try:
            text = self.analyse(times, values)
        except Exception as exc:  # noqa: BLE001 - an analysis error is a notice, never a crash
            text = f"Cannot analyse {self.path()}: {type(exc).__name__}: {exc}"
        self.throttle.end()
        self.analyses += 1
        self.notice(text)

    def dt(self) -> float | None:
        """The network's time step in seconds, or None (then rates are per iteration)."""
        net = self.bridge.network
        dt = getattr(net, "dt", None) if net is not None else None
        try:
            return float(dt) if dt else None
        except (TypeError, ValueError):
            return None

    def rate_unit(self) -> str:
        """``"Hz"`` with a time step, else ``"1/it"``."""
        return "Hz" if self.dt() else "1/it"
