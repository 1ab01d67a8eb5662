"""The shared selection: which group (or synapse group) and which neuron the views follow."""

from __future__ import annotations

from typing import Any

from PyQt6.QtCore import QObject, pyqtSignal


class Selection(QObject):
    """Selected neuron group, synapse group and neuron index.

    Views that "follow the selection" switch to ``group`` when ``group_changed`` fires and
    highlight ``neuron`` on ``neuron_changed``.
    """

    group_changed = pyqtSignal(object)
    synapse_group_changed = pyqtSignal(object)
    neuron_changed = pyqtSignal(int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.group: Any = None
        self.synapse_group: Any = None
        self.neuron: int = 0

    def set_group(self, group: Any) -> None:
        """Select a neuron group (keeps the neuron index when it is still valid)."""
        if group is self.group:
            return
        self.group = group
        if group is None or self.neuron >= group.size:
            self.neuron = 0
        self.group_changed.emit(group)

    def set_synapse_group(self, sg: Any) -> None:
        """Select a synapse group (the weights views follow it)."""
        if sg is self.synapse_group:
            return
        self.synapse_group = sg
        self.synapse_group_changed.emit(sg)

    def set_neuron(self, index: int, group: Any = None) -> None:
        """Select one neuron (optionally of another group)."""
        if group is not None:
            self.set_group(group)
        index = int(index)
        if index == self.neuron:
            return
        self.neuron = index
        self.neuron_changed.emit(index)

    def clear(self) -> None:
        """Forget everything (a new network was loaded)."""
        self.group = None
        self.synapse_group = None
        self.neuron = 0
