"""NetworkTree: network → neuron groups → behaviors, and synapse groups; drives the selection."""

from __future__ import annotations

from typing import Any

from PyQt6.QtCore import Qt
from PyQt6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from engine.model.behavior import Behavior
from engine.model.neuron_group import NeuronGroup
from engine.model.synapse_group import SynapseGroup
from studio.core import introspect
from studio.core.selection import Selection

_ROLE = Qt.ItemDataRole.UserRole


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

    def set_network(self, net: Any, title: str = "") -> None:
        """Rebuild the tree for ``net`` (None clears it)."""
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
