"""GraphView: the network as a graph: neuron groups as nodes, synapse groups as arrows.

Node size grows with the neuron count; each node is labelled with its name, size and firing rate,
each arrow with its tag, density and mean weight. Clicking a node selects the group in every view
and in the Parameters dock. The structure is compared by a cheap signature at display rate, so a
group the console adds or removes appears or vanishes at the next frame.
"""

from __future__ import annotations

import time
from typing import Any

import numpy as np
import pyqtgraph as pg
from PyQt6.QtWidgets import QWidget

from studio.core import introspect
from studio.views import graph_model as gm
from studio.views.base import LiveView

#: Seconds between two updates of the rates and of the weight summaries.
RATE_S = 0.5
WEIGHT_S = 1.0
#: Window of the per-group spike watches (iterations).
RATE_WINDOW = 200
NODE_BRUSH = pg.mkBrush(86, 180, 233, 220)
NODE_PEN = pg.mkPen("#1f4e79", width=1.5)
SELECTED_PEN = pg.mkPen("#D62728", width=3)
EDGE_PEN = pg.mkPen((90, 90, 90), width=1.5)


class GraphView(LiveView):
    """Neuron groups and synapse groups as a graph; a click on a node selects that group."""

    def build_body(self) -> QWidget:
        for w in (self.group_box, self.var_box, self.follow_box):
            w.hide()
        self.plot = pg.PlotWidget()
        self.plot.setAspectLocked(True)
        self.plot.hideAxis("left")
        self.plot.hideAxis("bottom")
        self.edge_curve = pg.PlotCurveItem(pen=EDGE_PEN, connect="finite")
        self.plot.addItem(self.edge_curve)
        self.nodes = pg.ScatterPlotItem(pxMode=True, hoverable=True, tip=None)
        self.nodes.setZValue(5)
        self.nodes.sigClicked.connect(self._node_clicked)
        self.plot.addItem(self.nodes)
        self.graph = gm.build_graph(None)
        self._sig: tuple = ()
        self._items: list[Any] = []  # labels and arrow heads, rebuilt with the structure
        self._node_labels: list[pg.TextItem] = []
        self._edge_labels: list[pg.TextItem] = []
        self._watches: list[Any] = []
        self._last_spike: list[int | None] = []
        self.rates: list[float | None] = []  #: spikes per neuron and iteration (or Hz), per group
        self.summaries: list[tuple[float, float] | None] = []  #: (density, mean weight) per edge
        self._rate_at = 0.0
        self._rates_iteration = -1
        self._weights_at = 0.0
        self._weights_iteration = -1  #: the iteration of the newest weight summaries asked for
        self._weights_cost = 0.0
        self._future: Any = None
        self.rebuilds = 0  #: structure rebuilds so far (tests)
        self._px = np.zeros(0)
        self._heads: list[Any] = []
        self.selection.group_changed.connect(lambda _g: self._paint_selection())
        self._fitted_for: tuple | None = None  # (view size, label size) the range was fitted for
        self.plot.getPlotItem().vb.sigResized.connect(self._fit_view)
        self.plot.getPlotItem().vb.sigResized.connect(self._place_edges)
        self.plot.getPlotItem().vb.sigRangeChanged.connect(self._place_edges)
        return self.plot

    # ------------------------------------------------------------------ structure
    def refill_variables(self, keep: str | None = None) -> None:
        """A new network: rebuild the graph (this view has no variable)."""
        self._rebuild()

    def _rebuild(self) -> None:
        net = self.bridge.network
        self._sig = gm.signature(net)
        for handle in self._watches:
            self.bridge.release(handle)
        for item in self._items:
            self.plot.removeItem(item)
        self._items, self._node_labels, self._edge_labels = [], [], []
        self.graph = gm.build_graph(net)
        self.rebuilds += 1
        self._watches = [self._spike_watch(g) for g in self.graph.groups]
        self._last_spike = [None] * len(self.graph.groups)
        self.rates = [None] * len(self.graph.groups)
        self.summaries = [None] * len(self.graph.synapses)
        self._future = None
        self._rate_at = self._weights_at = 0.0
        self._rates_iteration = self._weights_iteration = -1
        self._draw_structure()
        self._dirty = True

    def _spike_watch(self, group: Any) -> Any:
        """A short spike watch on the group's spike variable (None without one)."""
        names = introspect.neuron_variables(group, ("bool",))
        name = next((p for p in ("spike", "spikes", "output", "fired") if p in names), None)
        name = name or (names[0] if names else ("spike" if not hasattr(group, "spike") else None))
        if name is None or self.bridge.runner is None:
            return None
        try:
            return self.bridge.watch(
                f"{introspect.group_name(group)}.{name}", window=RATE_WINDOW, kind="spikes"
            )
        except Exception:  # noqa: BLE001 - no rate for this group, the graph still shows
            return None

    def _draw_structure(self) -> None:
        g = self.graph
        sizes = g.sizes
        big = max(1, int(sizes.max())) if sizes.size else 1
        px = 16 + 34 * np.sqrt(sizes / big) if sizes.size else np.zeros(0)
        self.nodes.setData(
            pos=g.pos, size=px, data=list(range(len(g.groups))), brush=NODE_BRUSH, pen=NODE_PEN, symbol="o"
        )
        self._px = px
        for xy in g.pos:
            label = pg.TextItem(anchor=(0.5, 0.0), color="#111111")
            label.setPos(*xy)
            self._add(label)
            self._node_labels.append(label)
        self._heads = []
        for _sg in g.synapses:
            head = pg.ArrowItem(headLen=11, tipAngle=30, pen=None, brush=pg.mkBrush(90, 90, 90))
            self._add(head)
            self._heads.append(head)
            label = pg.TextItem(anchor=(0.5, 0.5), color="#444444", fill=pg.mkBrush(255, 255, 255, 200))
            self._add(label)
            self._edge_labels.append(label)
        self._place_edges()
        self._write_labels()
        self._paint_selection()
        self._fitted_for = None
        self._fit_view()

    def _place_edges(self, *_args: Any) -> None:
        """Edges from rim to rim: node sizes are in pixels, so the geometry follows the zoom."""
        g = self.graph
        px_w, px_h = self.plot.getPlotItem().vb.viewPixelSize()
        scale = max(px_w, px_h) if np.isfinite(px_w) and px_w > 0 else 0.01
        radii = (self._px / 2 + 2) * scale
        for k, label in enumerate(self._node_labels):  # just below the node, whatever its size
            label.setPos(g.pos[k][0], g.pos[k][1] - radii[k])
        if not g.synapses:
            self.edge_curve.setData([], [])
            return
        paths = gm.edge_paths(g, radii)
        self.edge_curve.setData(*gm.joined(paths))
        for k, path in enumerate(paths):
            self._heads[k].setStyle(angle=gm.arrow_angle(path))
            self._heads[k].setPos(*path[-1])
            point, anchor = gm.label_point(path)
            self._edge_labels[k].setAnchor(anchor)
            self._edge_labels[k].setPos(*point)

    def _fit_view(self, *_args: Any) -> None:
        """Show every node with its label and self-loop: the labels and loops are sized in pixels, so
        the margins around the nodes' layout follow the view's size (a narrow dock zooms out)."""
        g = self.graph
        if not len(g.groups):
            return
        vb = self.plot.getPlotItem().vb
        width, height = vb.width(), vb.height()
        if width < 20 or height < 20:
            return
        label_w = max((lb.textItem.boundingRect().width() for lb in self._node_labels), default=0.0)
        label_h = max((lb.textItem.boundingRect().height() for lb in self._node_labels), default=0.0)
        loops = [lb for sg, lb in zip(g.synapses, self._edge_labels) if sg.src is sg.dst]
        loop_w = max((lb.textItem.boundingRect().width() for lb in loops), default=0.0)
        loop_h = max((lb.textItem.boundingRect().height() for lb in loops), default=0.0)
        key = (round(width), round(height), round(label_w), round(label_h), round(loop_w), round(loop_h))
        if key == self._fitted_for:
            return
        self._fitted_for = key
        radius = float(self._px.max()) / 2 if self._px.size else 0.0
        (x0, y0), (x1, y1) = g.pos.min(axis=0), g.pos.max(axis=0)
        per_px = 1e-2
        for _ in range(4):  # a loop's size is partly in data units: settle the zoom and the margins
            loop = (gm.LOOP_RADIUS / per_px + 0.6 * radius) if loops else 0.0  # its radius, pixels
            # left and right: half a node label, or a node, its loop and the label above the loop
            side = max(label_w / 2, radius + 1.7 * loop, radius + 0.7 * loop + loop_w / 2) + 8
            top = radius + 1.7 * loop + (loop_h if loops else 0.0) + 8
            bottom = radius + label_h + 8
            per_px = max(
                (x1 - x0) / max(width - 2 * side, width * 0.2),
                (y1 - y0) / max(height - top - bottom, height * 0.2),
                1e-3,
            )
        cx = (x0 + x1) / 2
        cy = (y0 + y1) / 2 + (top - bottom) * per_px / 2
        vb.setRange(
            xRange=(cx - width * per_px / 2, cx + width * per_px / 2),
            yRange=(cy - height * per_px / 2, cy + height * per_px / 2),
            padding=0,
        )

    def _add(self, item: Any) -> None:
        self.plot.addItem(item)
        self._items.append(item)

    def _write_labels(self) -> None:
        unit = "Hz" if getattr(self.bridge.network, "dt", None) else "/it"
        for k, (group, label) in enumerate(zip(self.graph.groups, self._node_labels)):
            rate = self.rates[k]
            text = f"{introspect.group_name(group)}\n{introspect.group_size(group)} neurons"
            if rate is not None:
                text += f" · {rate:.3g} {unit}"
            label.setText(text)
        for k, (sg, label) in enumerate(zip(self.graph.synapses, self._edge_labels)):
            summary = self.summaries[k]
            text = introspect.group_name(sg)
            if summary is not None:
                text += f"\nd={summary[0]:.3g} w̄={summary[1]:.3g}"
            label.setText(text)
        self._fit_view()  # a longer label (a rate appeared) may need more room

    def _paint_selection(self) -> None:
        pens = [SELECTED_PEN if grp is self.selection.group else NODE_PEN for grp in self.graph.groups]
        if pens:
            self.nodes.setPen(pens)

    def _node_clicked(self, _item: Any, points: Any, *_args: Any) -> None:
        if len(points):
            self.select_node(int(points[0].data()))

    def select_node(self, index: int) -> None:
        """Select the group of node ``index`` in every view and the Parameters dock."""
        self.selection.set_group(self.graph.groups[index])

    # ------------------------------------------------------------------ frame
    def refresh(self) -> None:
        """Once per display tick: rebuild on a structure change; rates and weights, throttled."""
        if not self.isVisible():
            return
        if gm.signature(self.bridge.network) != self._sig:
            self._rebuild()
        now = time.monotonic()
        changed = self._collect_weights()
        due = not self.bridge.is_running or now - self._rate_at >= RATE_S
        if due and self.bridge.iteration != self._rates_iteration:
            self._rate_at, self._rates_iteration = now, self.bridge.iteration
            changed = self._update_rates() or changed
        wait = max(WEIGHT_S, 50 * self._weights_cost)  # at most 2% of the engine's time
        moved = self.bridge.iteration != self._weights_iteration
        due = self._dirty or (moved and (not self.bridge.is_running or now - self._weights_at >= wait))
        if self._future is None and self.graph.synapses and due:
            self._weights_at, self._weights_iteration = now, self.bridge.iteration
            self._fetch_weights()
        self._dirty = False
        if changed:
            self._write_labels()

    def _update_rates(self) -> bool:
        dt = getattr(self.bridge.network, "dt", None)
        changed = False
        for k, handle in enumerate(self._watches):
            if handle is None or handle.kind is None:
                continue
            t, _i = handle.read(since=self._last_spike[k])
            newest = handle.last_iteration
            if newest is None or newest == self._last_spike[k]:
                continue
            first = self._last_spike[k]
            span = newest - (first if first is not None else newest - min(handle.count, handle.window))
            n = introspect.group_size(self.graph.groups[k])
            rate = t.size / max(1, span) / max(1, n)
            self.rates[k] = rate / float(dt) if dt else rate
            self._last_spike[k] = newest
            changed = True
        return changed

    def _fetch_weights(self) -> None:
        net, sgs = self.bridge.network, list(self.graph.synapses)

        def summarise() -> tuple[float, list[tuple[float, float] | None]]:
            t0 = time.perf_counter()
            out = [gm.weight_summary(net, sg) for sg in sgs]
            return time.perf_counter() - t0, out

        try:
            self._future = self.bridge.call(summarise)
        except RuntimeError:
            self._future = None

    def _collect_weights(self) -> bool:
        if self._future is None or not self._future.done():
            return False
        future, self._future = self._future, None
        try:
            self._weights_cost, summaries = future.result()
        except Exception:  # noqa: BLE001 - a W a behavior broke: no summary, the graph stays
            return False
        if len(summaries) == len(self.summaries):
            self.summaries = summaries
        return True

    # ------------------------------------------------------------------ tests
    def node_count(self) -> int:
        """Nodes drawn."""
        return len(self.nodes.data)

    def edge_count(self) -> int:
        """Arrows drawn."""
        return len(self._edge_labels)

    def node_texts(self) -> list[str]:
        """The node labels (name, size, rate)."""
        return [label.textItem.toPlainText() for label in self._node_labels]

    def edge_texts(self) -> list[str]:
        """The edge labels (tag, density, mean weight)."""
        return [label.textItem.toPlainText() for label in self._edge_labels]
