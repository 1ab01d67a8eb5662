"""Automatic layout of a small graph (the network's groups): a circle refined by a spring model.

Pure NumPy and deterministic (no random start), so the same network always looks the same.
"""

from __future__ import annotations

import numpy as np


def circle_layout(n: int) -> np.ndarray:
    """``(n, 2)`` positions on the unit circle, the first node at the top."""
    if n <= 0:
        return np.zeros((0, 2))
    if n == 1:
        return np.zeros((1, 2))
    if n == 2:
        return np.array([[-1.0, 0.0], [1.0, 0.0]])  # side by side: room for labels above and below
    angle = np.pi / 2 - 2 * np.pi * np.arange(n) / n
    return np.column_stack([np.cos(angle), np.sin(angle)])


def spring_layout(n: int, edges: list[tuple[int, int]], steps: int = 200) -> np.ndarray:
    """``(n, 2)`` positions in about [-1, 1]: Fruchterman-Reingold forces from a circle start.

    Connected nodes attract (d^2 / k), every pair repels (k^2 / d); the step size cools linearly.
    Self-loops and duplicate edges do not move anything. Graphs of up to three nodes stay on the circle.
    """
    pos = circle_layout(n)
    pairs = np.array([(a, b) for a, b in edges if a != b and 0 <= a < n and 0 <= b < n], dtype=np.int64)
    if n <= 3 or pairs.size == 0:
        return pos
    pairs = np.unique(np.sort(pairs, axis=1), axis=0)
    k = 1.6 / np.sqrt(n)
    temp = 0.2
    for step in range(steps):
        delta = pos[:, None, :] - pos[None, :, :]
        dist = np.sqrt((delta**2).sum(axis=2)) + np.eye(n) + 1e-9
        force = (delta * (k * k / dist**2)[:, :, None]).sum(axis=1)  # repulsion
        d = pos[pairs[:, 0]] - pos[pairs[:, 1]]
        length = np.sqrt((d**2).sum(axis=1))[:, None] + 1e-9
        pull = d * length / k
        np.add.at(force, pairs[:, 0], -pull)
        np.add.at(force, pairs[:, 1], pull)
        force -= 0.05 * pos  # a weak pull to the centre keeps unconnected parts near
        size = np.sqrt((force**2).sum(axis=1))[:, None] + 1e-9
        pos = pos + force / size * np.minimum(size, temp * (1 - step / steps) + 1e-3)
    pos -= pos.mean(axis=0)
    scale = np.abs(pos).max()
    return pos / scale if scale > 0 else pos
