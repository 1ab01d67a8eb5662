"""NetworkTree: network → neuron groups → behaviors, and synapse groups; drives the selection.

The tree follows the network's structure: twice a second (while visible) it compares a cheap
fingerprint (groups, synapse groups, each one's behavior keys) and rebuilds when a console cell, a tab
module or a behavior added or removed something.
"""

from __future__ import annotations

from typing import Any

from PyQt6.QtCore import Qt, QTimer
from PyQt6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from engine.model.behavior import Behavior
from engine.model.neuron_group import NeuronGroup
from engine.model.synapse_group import SynapseGroup
from studio.core import introspect
from studio.core.selection import Selection

_ROLE = Qt.ItemDataRole.UserRole
#: How often the tree compares the network's structure with what it shows (ms).
FOLLOW_MS = 500


def structure_signature(net: Any) -> tuple:
    """What the tree shows, as a fingerprint: objects and their behavior keys (ids), group sizes."""
    if net is None:
        return ()
    groups = tuple((id(g), introspect.group_size(g), _behavior_keys(g)) for g in net.NeuronGroups)
    synapses = tuple((id(sg), _behavior_keys(sg)) for sg in net.SynapseGroups)
    return (_behavior_keys(net), groups, synapses)


def _behavior_keys(obj: Any) -> tuple:
    return tuple((k, id(b)) for k, b in introspect.behavior_rows(obj))


def _behavior_text(key: Any, behavior: Any) -> tuple[str, str, str]:
    """(name, details, tooltip) of one behavior row."""
    cls = type(behavior).__name__
    tags = [t for t in behavior.tags if t != cls]
    state = "" if behavior.behavior_enabled else "  (off)"
    args = ", ".join(f"{k}={v!r}" for k, v in list(behavior.init_kwargs.items())[:6])
    tip = f"{key}: {cls}({args})\ntags: {', '.join(behavior.tags)}"
    return f"{key}  {cls}{state}", ", ".join(tags), tip


class NetworkTree(QTreeWidget):
    """Tree of the current network. Clicking a group selects it in the shared :class:`Selection`."""

    def __init__(self, selection: Selection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.selection = selection
        self.setColumnCount(2)
        self.setHeaderLabels(["Object", "Details"])
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.header().setStretchLastSection(True)
        self.itemSelectionChanged.connect(self._on_selected)
        selection.group_changed.connect(self._show_group)
        self._items: dict[int, QTreeWidgetItem] = {}
        self._net: Any = None
        self._title = ""
        self._signature: tuple = ()
        self.rebuilds = 0  #: rebuilds after a structure change (tests)
        self._follow = QTimer(self)
        self._follow.setInterval(FOLLOW_MS)
        self._follow.timeout.connect(self.follow_structure)
        self._follow.start()

    def follow_structure(self) -> bool:
        """Rebuild if the network's structure changed since it was shown; returns whether it did."""
        if self._net is None or not self.isVisible():
            return False
        try:
            if structure_signature(self._net) == self._signature:
                return False
        except RuntimeError:  # a dict changed size while read (a behavior adding one mid-iteration)
            return False
        self.rebuilds += 1
        self.set_network(self._net, self._title)
        return True

    def set_network(self, net: Any, title: str = "") -> None:
        """Rebuild the tree for ``net`` (None clears it)."""
        self._net, self._title = net, title
        self._signature = structure_signature(net)
        self.blockSignals(True)
        self.clear()
        self._items.clear()
        if net is None:
            self.blockSignals(False)
            return
        groups = list(net.NeuronGroups)
        sgs = list(net.SynapseGroups)
        neurons = sum(introspect.group_size(g) for g in groups)
        details = f"{neurons} neurons, {len(sgs)} synapse groups"
        dt = introspect.describe_dt(net)
        root = QTreeWidgetItem([introspect.group_name(net), details + (f", {dt}" if dt else "")])
        root.setToolTip(0, title or "")
        root.setData(0, _ROLE, net)
        self.addTopLevelItem(root)
        for key, behavior in introspect.behavior_rows(net):
            self._add_behavior(root, key, behavior)
        for g in groups:
            w, h, d = introspect.group_geometry(g)
            geom = f"{w}×{h}" + (f"×{d}" if d > 1 else "") if introspect.has_geometry(g) else "no grid"
            self._add_object(root, g, f"{introspect.group_size(g)} neurons · {geom}")
        for sg in sgs:
            shape = getattr(getattr(sg, "W", None), "shape", None)  # W: if a behavior stored one
            text = f"{introspect.group_name(sg.src)} → {introspect.group_name(sg.dst)}"
            self._add_object(root, sg, text + (f" · W {shape[0]}×{shape[1]}" if shape else ""))
        root.setExpanded(True)
        for k in range(root.childCount()):
            root.child(k).setExpanded(True)
        self.blockSignals(False)
        self._show_group(self.selection.group)

    def _add_object(self, root: QTreeWidgetItem, obj: Any, details: str) -> None:
        """A row for a neuron or synapse group, with one child row per behavior."""
        item = QTreeWidgetItem([introspect.group_name(obj), details])
        item.setToolTip(0, "tags: " + ", ".join(obj.tags))
        item.setData(0, _ROLE, obj)
        root.addChild(item)
        self._items[id(obj)] = item
        for key, behavior in introspect.behavior_rows(obj):
            self._add_behavior(item, key, behavior)

    def _add_behavior(self, parent: QTreeWidgetItem, key: Any, behavior: Any) -> None:
        name, details, tip = _behavior_text(key, behavior)
        item = QTreeWidgetItem([name, details])
        item.setToolTip(0, tip)
        item.setData(0, _ROLE, behavior)
        parent.addChild(item)

    def refresh_behavior_states(self) -> None:
        """Update the "(off)" markers after behaviors were switched on or off."""
        it = self.invisibleRootItem()
        stack = [it.child(k) for k in range(it.childCount())]
        while stack:
            item = stack.pop()
            stack.extend(item.child(k) for k in range(item.childCount()))
            obj = item.data(0, _ROLE)
            if isinstance(obj, Behavior):
                key = item.text(0).split("  ")[0]
                item.setText(0, _behavior_text(key, obj)[0])

    def _show_group(self, group: Any) -> None:
        item = self._items.get(id(group)) if group is not None else None
        if item is not None and not item.isSelected():
            self.blockSignals(True)
            self.setCurrentItem(item)
            self.blockSignals(False)

    def _on_selected(self) -> None:
        items = self.selectedItems()
        if not items:
            return
        obj = items[0].data(0, _ROLE)
        parent = items[0].parent()
        owner = parent.data(0, _ROLE) if parent is not None else None
        if obj is None:
            return
        if isinstance(obj, SynapseGroup):
            self.selection.set_synapse_group(obj)
        elif isinstance(obj, NeuronGroup):
            self.selection.set_group(obj)
        elif isinstance(owner, NeuronGroup):  # a behavior of a group
            self.selection.set_group(owner)
