"""What the network graph view draws, read from a network (no Qt): nodes, edges and their geometry."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from studio.core import introspect
from studio.views.graph_layout import spring_layout

#: Radius (layout units) of a synapse group's loop from a group to itself.
LOOP_RADIUS = 0.13
#: Gap between parallel edges (A→B and B→A, or several synapse groups between two groups).
PARALLEL_GAP = 0.16


@dataclass
class Graph:
    """Nodes (neuron groups) and edges (synapse groups, as node indices) with layout positions."""

    groups: list[Any]
    synapses: list[Any]
    edges: list[tuple[int, int]]
    pos: np.ndarray

    @property
    def sizes(self) -> np.ndarray:
        """Neurons per group."""
        return np.array([introspect.group_size(g) for g in self.groups], dtype=np.int64)


def signature(net: Any) -> tuple:
    """A cheap fingerprint of the network's structure: changes when a group or synapse group is
    added, removed, renamed or resized (compared at display rate)."""
    if net is None:
        return ()
    groups = tuple((id(g), str(g.tags[0]), int(g.size)) for g in net.NeuronGroups)
    synapses = tuple((id(s), str(s.tags[0]), id(s.src), id(s.dst)) for s in net.SynapseGroups)
    return groups + (("|",),) + synapses


def build_graph(net: Any) -> Graph:
    """Nodes, edges and an automatic layout of ``net`` (synapse groups between unknown groups,
    e.g. a group that was removed, are left out)."""
    groups = list(net.NeuronGroups) if net is not None else []
    index = {id(g): k for k, g in enumerate(groups)}
    synapses, edges = [], []
    for sg in list(net.SynapseGroups) if net is not None else []:
        a, b = index.get(id(sg.src)), index.get(id(sg.dst))
        if a is not None and b is not None:
            synapses.append(sg)
            edges.append((a, b))
    return Graph(groups, synapses, edges, spring_layout(len(groups), edges))


def edge_paths(graph: Graph, radii: np.ndarray) -> list[np.ndarray]:
    """One polyline ``(points, 2)`` per edge, from the rim of the source node to the rim of the
    target (``radii``: each node's radius in layout units): a straight segment, shifted sideways
    when several edges join the same two groups, or a loop outside the node (pointing away from
    the graph's centre) for a group's synapses onto itself."""
    pos = graph.pos
    centre = pos.mean(axis=0) if len(pos) else np.zeros(2)
    seen: dict[tuple[int, int], int] = {}
    total: dict[tuple[int, int], int] = {}
    for a, b in graph.edges:
        key = (min(a, b), max(a, b))
        total[key] = total.get(key, 0) + 1
    paths = []
    for a, b in graph.edges:
        key = (min(a, b), max(a, b))
        k = seen.get(key, 0)
        seen[key] = k + 1
        if a == b:
            paths.append(_loop(pos[a], centre, float(radii[a]), k))
            continue
        p, q = pos[a], pos[b]
        d = q - p
        length = float(np.hypot(*d)) or 1.0
        u = d / length
        normal = np.array([-u[1], u[0]]) if a < b else np.array([u[1], -u[0]])
        n = total[key]
        offset = PARALLEL_GAP * (k - (n - 1) / 2) if n > 1 else 0.0
        if n > 1 and n % 2 and offset == 0.0:
            offset = PARALLEL_GAP / 2
        ra, rb = min(float(radii[a]), 0.4 * length), min(float(radii[b]), 0.4 * length)
        paths.append(np.vstack([p + u * ra + normal * offset, q - u * rb + normal * offset]))
    return paths


def _loop(p: np.ndarray, centre: np.ndarray, radius: float, k: int) -> np.ndarray:
    """A circle touching the node at ``p`` on its outer side (the ``k``-th loop is larger)."""
    out = p - centre
    norm = float(np.hypot(*out))
    out = out / norm if norm > 1e-9 else np.array([0.0, 1.0])
    r = (LOOP_RADIUS + 0.6 * radius) * (1 + 0.4 * k)
    middle = p + out * (radius + 0.7 * r)
    back = np.arctan2(-out[1], -out[0])  # the direction from the loop's centre to the node
    angle = back + np.linspace(0.9, 2 * np.pi - 0.9, 48)
    return middle + r * np.column_stack([np.cos(angle), np.sin(angle)])


def label_point(path: np.ndarray) -> tuple[np.ndarray, tuple[float, float]]:
    """Where an edge's label goes and its anchor: above a loop (its top; a label beside it would
    need as much room again sideways), else 30 % along the arrow (the labels of A→B and B→A do not
    overlap)."""
    if len(path) <= 2:
        return path[0] + 0.3 * (path[1] - path[0]), (0.5, 0.5)
    top = path[int(np.argmax(path[:, 1]))]
    return top, (0.5, 1.0)


def joined(paths: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """All polylines as one (x, y) pair separated by NaN (for one ``connect="finite"`` curve)."""
    if not paths:
        return np.zeros(0), np.zeros(0)
    gap = np.full((1, 2), np.nan)
    pts = np.vstack([np.vstack([p, gap]) for p in paths])
    return pts[:, 0], pts[:, 1]


def arrow_angle(path: np.ndarray) -> float:
    """Direction (degrees, for ``pg.ArrowItem``'s ``angle``) at the end of a polyline: the arrow
    head points along the last segment."""
    d = path[-1] - path[-2]
    return float(np.degrees(np.arctan2(d[1], d[0]))) + 180.0


def weight_summary(net: Any, sg: Any) -> tuple[float, float] | None:
    """(density, mean of the existing weights) of a synapse group's W, or None without W
    (run on the engine thread; NaN weights give a NaN mean, shown as such)."""
    w = introspect.weight_matrix_dxs(net, sg)
    if w is None:
        return None
    if hasattr(w, "nnz"):
        size = int(np.prod(w.shape)) or 1
        data = np.asarray(w.data, dtype=np.float64)
    else:
        a = np.asarray(w)
        if a.size == 0 or a.dtype.kind not in "biuf":
            return None
        size, data = a.size, a
    nz = int(np.count_nonzero(data))
    total = float(np.sum(data, dtype=np.float64))
    return (nz / size, total / nz if nz else 0.0)
