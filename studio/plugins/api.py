"""The studio's own plug-in API: a view in a few lines, installed by entry point.

A plug-in view says what it shows (``title``), which per-neuron variables it needs (``variables``,
read from the group selected in the studio) and how far back (``history`` iterations); it builds
its widget once (``create_widget``) and draws in ``update(snapshot)``, called on the GUI thread at
display rate when there is new data and the view is visible. The studio owns the watches, the
selection and the threading; a plug-in never touches the network while it runs.

Register it in the package's ``pyproject.toml`` (see docs/plugins.md)::

    [project.entry-points."mnn_studio.views"]
    rate_view = "my_package.rate_view:RateView"

and it appears in View → New view, as the studio's own views do (they share one registry).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar

import numpy as np
from PyQt6.QtWidgets import QLabel, QVBoxLayout, QWidget

from studio.core import introspect
from studio.core.runner_bridge import SimBridge
from studio.core.selection import Selection

__all__ = ["Snapshot", "StudioView", "StudioViewHost", "host_class"]


@dataclass(frozen=True)
class Snapshot:
    """What a plug-in view draws from, at one display frame.

    Attributes
    ----------
    iteration: the network's iteration.
    group: the neuron group shown (the studio's selected group).
    neuron: the selected neuron's index in ``group``.
    times: iterations of the rows of every array in ``values`` (oldest first).
    values: per variable, an array ``(len(times), group.size)`` of the last ``history`` iterations.
    """

    iteration: int
    group: Any
    neuron: int
    times: np.ndarray
    values: dict[str, np.ndarray] = field(default_factory=dict)


class StudioView:
    """Base class of a plug-in view: override :meth:`create_widget` and :meth:`update`."""

    #: The dock title and the "View → New view" label.
    title: ClassVar[str] = "Plug-in view"
    #: Per-neuron variables the view needs (of the selected group), e.g. ``("voltage", "spike")``.
    variables: ClassVar[tuple[str, ...]] = ()
    #: How many recent iterations each snapshot holds.
    history: ClassVar[int] = 500

    def create_widget(self) -> QWidget:
        """The view's widget (called once, on the GUI thread)."""
        raise NotImplementedError(f"{type(self).__name__}.create_widget() must return a QWidget")

    def update(self, snapshot: Snapshot) -> None:
        """Draw ``snapshot`` (called at display rate with new data, only while visible)."""
        raise NotImplementedError(f"{type(self).__name__}.update(snapshot) must draw the snapshot")


class StudioViewHost(QWidget):
    """The dock content of a :class:`StudioView`: keeps its watches and calls it each frame.

    Made by :func:`host_class` (the registry does it), constructed like every view as
    ``cls(bridge, selection)``.
    """

    view_class: ClassVar[type[StudioView]] = StudioView

    def __init__(self, bridge: SimBridge, selection: Selection) -> None:
        super().__init__()
        view = self.view_class()
        self.view, self.bridge, self.selection = view, bridge, selection
        self.group: Any = None
        self.failed: str | None = None
        self._watches: dict[str, Any] = {}
        self._seen = -1
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.message)
        layout.addWidget(view.create_widget(), 1)
        bridge.frame.connect(self.refresh)
        bridge.network_changed.connect(lambda _net: self.rebind())
        selection.group_changed.connect(lambda _g: self.rebind())
        self.rebind()

    def on_network_changed(self, net: Any) -> None:
        """A new network is in place: watch it."""
        self.rebind()

    def rebind(self) -> None:
        """Watch the view's variables on the selected group (or the network's first group)."""
        for handle in self._watches.values():
            self.bridge.release(handle)
        self._watches.clear()
        net = self.bridge.network
        groups = list(net.NeuronGroups) if net is not None else []
        chosen = self.selection.group
        self.group = chosen if chosen in groups else (groups[0] if groups else None)
        self._seen = -1
        if self.group is None or self.bridge.runner is None:
            return
        name = introspect.group_name(self.group)
        problems = []
        for var in type(self.view).variables:
            try:
                self._watches[var] = self.bridge.watch(
                    f"{name}.{var}", window=int(type(self.view).history), kind="trace", allow_missing=True
                )
            except Exception as exc:  # noqa: BLE001 - a variable the group lacks is said, not fatal
                problems.append(f"{var}: {exc}")
        self._say("; ".join(problems) or None)

    def _say(self, text: str | None) -> None:
        self.message.setText(text or "")
        self.message.setVisible(bool(text))

    def snapshot(self) -> Snapshot | None:
        """The current snapshot (None before the first sample)."""
        if self.group is None:
            return None
        times: np.ndarray | None = None
        values = {}
        for var, handle in self._watches.items():
            t, v = handle.read()
            if t.size and (times is None or t.size < times.size):
                times = t
            values[var] = v
        if times is None:
            return None
        n = times.size
        values = {k: v[-n:] for k, v in values.items()}
        neuron = self.selection.neuron if self.selection.group is self.group else 0
        return Snapshot(self.bridge.iteration, self.group, max(0, neuron), times, values)

    def refresh(self) -> None:
        """Bridge frame: call the view when visible and the network moved on."""
        if self.failed is not None or not self.isVisible():
            return
        iteration = self.bridge.iteration
        if iteration == self._seen:
            return
        snap = self.snapshot()
        if snap is None:
            return
        self._seen = iteration
        try:
            self.view.update(snap)
        except Exception as exc:  # noqa: BLE001 - a plug-in's error stops the plug-in, not the studio
            self.failed = f"{type(exc).__name__}: {exc}"
            self._say(f"{type(self.view).__name__}.update raised {self.failed}; the view is stopped.")


def host_class(view_class: type[StudioView]) -> type[StudioViewHost]:
    """The widget class that shows ``view_class`` in a dock (one per plug-in view class)."""
    return type(f"{view_class.__name__}Host", (StudioViewHost,), {"view_class": view_class})
