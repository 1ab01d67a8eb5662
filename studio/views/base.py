"""LiveView: the common frame of every live view (group / variable pickers, message line)."""

from __future__ import annotations

from typing import Any

from PyQt6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from studio.core import introspect
from studio.core.runner_bridge import SimBridge
from studio.core.selection import Selection
from studio.workbench import figures

#: How narrow a header's combo box / spin box may get in a narrow dock (pixels).
HEADER_BOX_MIN_WIDTH = 72
HEADER_SPIN_MIN_WIDTH = 64


class LiveView(QWidget):
    """Base class of the live views.

    Subclasses build their plot in ``build_body()``, (re)create watches in ``rebind()`` and draw in
    ``update_view()``; ``refresh()`` is called by the bridge's frame signal and skips hidden views.
    """

    #: Variable kinds offered in the variable picker ("float", "int", "bool").
    variable_kinds: tuple[str, ...] = ("float", "int", "bool")
    #: Preferred variables, first match wins.
    preferred: tuple[str, ...] = ("voltage", "v", "output", "activity")

    def __init__(self, bridge: SimBridge, selection: Selection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.selection = selection
        self.group: Any = None
        self.variable: str | None = None
        self._dirty = True
        self._drawn_iteration = -1  # the iteration of the last frame drawn (a hidden view misses some)
        self._problem = False
        self._filling = False
        self.group_box = QComboBox()
        self.group_box.setToolTip("Neuron group shown in this view")
        self.group_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.var_box = QComboBox()
        self.var_box.setToolTip("Variable shown (the group's per-neuron attributes)")
        self.var_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.follow_box = QCheckBox("follow")
        self.follow_box.setChecked(True)
        self.follow_box.setToolTip("Follow the group selected in the network tree")
        self.header = QHBoxLayout()
        self.header.setContentsMargins(4, 2, 4, 0)
        self.header.addWidget(self.group_box)
        self.header.addWidget(self.var_box)
        self.header.addWidget(self.follow_box)
        self.header.addStretch(1)
        self.message = QLabel()
        self.message.setObjectName("viewMessage")
        self.message.setWordWrap(True)
        self.message.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.message.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(self.header)
        layout.addWidget(self.message)
        layout.addWidget(self.build_body(), 1)
        self._let_header_shrink()
        figures.enable_exports(self)  # pyqtgraph's context menu with Export… on every plot
        self.group_box.currentIndexChanged.connect(self._on_group_picked)
        self.var_box.currentIndexChanged.connect(self._on_variable_picked)
        bridge.frame.connect(self.refresh)
        bridge.network_changed.connect(self.on_network_changed)
        selection.group_changed.connect(self._on_selected_group)
        selection.neuron_changed.connect(self.on_neuron_changed)

    def _let_header_shrink(self) -> None:
        """Header boxes are as wide as their contents while there is room, and may shrink (eliding
        their text) in a narrow dock instead of making the dock, and so the window, wider."""
        for k in range(self.header.count()):
            widget = self.header.itemAt(k).widget()
            if isinstance(widget, QComboBox):
                widget.setMinimumWidth(HEADER_BOX_MIN_WIDTH)
            elif isinstance(widget, QAbstractSpinBox):
                widget.setMinimumWidth(HEADER_SPIN_MIN_WIDTH)

    # ------------------------------------------------------------------ to override
    def build_body(self) -> QWidget:
        """Create and return the plot widget."""
        raise NotImplementedError

    def rebind(self) -> None:
        """Drop old watches and create new ones for ``self.group`` / ``self.variable``."""

    def update_view(self) -> None:
        """Pull the newest data from the watches and draw it."""

    def on_neuron_changed(self, index: int) -> None:
        """The selected neuron changed."""

    # ------------------------------------------------------------------ messages
    def show_message(self, text: str | None) -> None:
        """Show (or hide with None) a one-line notice above the plot."""
        if not text:
            if self.message.isVisible():
                self.message.hide()
            return
        if self.message.text() != text:
            self.message.setText(text)
        if not self.message.isVisible():
            self.message.show()

    # ------------------------------------------------------------------ groups / variables
    def on_network_changed(self, net: Any) -> None:
        """Refill the group picker; keep the previous group by name when it still exists."""
        old = introspect.group_name(self.group) if self.group is not None else None
        groups = list(net.NeuronGroups) if net is not None else []
        self._filling = True
        self.group_box.clear()
        for g in groups:
            self.group_box.addItem(f"{introspect.group_name(g)} ({introspect.group_size(g)})", g)
        self._filling = False
        target = next((g for g in groups if introspect.group_name(g) == old), None)
        if target is None and self.selection.group in groups:
            target = self.selection.group
        if target is None and groups:
            target = groups[0]
        self.group = None
        self.set_group(target, keep_variable=True)

    def set_group(self, group: Any, keep_variable: bool = False) -> None:
        """Show ``group`` (refills the variable picker)."""
        if group is self.group and not keep_variable:
            return
        self.group = group
        index = next((i for i in range(self.group_box.count()) if self.group_box.itemData(i) is group), -1)
        self._filling = True
        self.group_box.setCurrentIndex(index)
        self._filling = False
        self.refill_variables(keep=self.variable if keep_variable else None)

    def refill_variables(self, keep: str | None = None) -> None:
        """Refill the variable picker from the group's current attributes."""
        names = introspect.neuron_variables(self.group, self.variable_kinds) if self.group is not None else []
        current = keep if keep in names else introspect.default_variable(names, self.preferred)
        self._filling = True
        self.var_box.clear()
        self.var_box.addItems(names)
        if current is not None:
            self.var_box.setCurrentText(current)
        self._filling = False
        self.variable = current
        self._problem = False
        if self.group is not None and not names:
            self.show_message(
                f"{introspect.group_name(self.group)} has no per-neuron "
                f"{'/'.join(self.variable_kinds)} variables yet"
            )
        else:
            self.show_message(None)
        self._dirty = True
        self.rebind()

    def set_variable(self, name: str) -> None:
        """Choose the shown variable by name (ignored when the group lacks it)."""
        if self.var_box.findText(name) < 0:
            self.refill_variables(keep=name)
        else:
            self.var_box.setCurrentText(name)

    def _on_group_picked(self, index: int) -> None:
        if self._filling or index < 0:
            return
        self.follow_box.setChecked(False)
        self.set_group(self.group_box.itemData(index))

    def _on_variable_picked(self, index: int) -> None:
        if self._filling or index < 0:
            return
        self.variable = self.var_box.itemText(index)
        self._dirty = True
        self.rebind()

    def _on_selected_group(self, group: Any) -> None:
        if group is not None and group is self.group:
            self.on_neuron_changed(self.selection.neuron)  # its selected neuron is now ours
        elif self.follow_box.isChecked() and group is not None:
            self.set_group(group)

    # ------------------------------------------------------------------ frame
    def refresh(self) -> None:
        """Called once per display tick; hidden views and idle frames do nothing."""
        if not self.isVisible():
            return
        if self.variable is None and self.group is not None and self.bridge.iteration_changed:
            self.refill_variables()  # e.g. 'spike' is created by the first iteration
            if self.variable is None:
                return
        problem = None if self.pending() else self.check_variable()
        if problem:
            self.show_message(problem)
            self._problem = True
            return
        if self._problem:  # the variable is back: start a fresh watch
            self._problem = False
            self.show_message(None)
            self.rebind()
        iteration = self.bridge.iteration
        if not (self._dirty or self.bridge.iteration_changed or iteration != self._drawn_iteration):
            return
        self._dirty = False
        self._drawn_iteration = iteration
        self.update_view()

    def showEvent(self, event: Any) -> None:
        """A view shown again (its tab raised, its dock re-opened) draws what it missed at once,
        not at the next redraw the display budget allows, nor never while the network is paused."""
        super().showEvent(event)
        if self._dirty or self._drawn_iteration != self.bridge.iteration:
            self.refresh()

    def path(self) -> str | None:
        """Tag path of the shown variable (``'group.variable'``)."""
        if self.group is None or not self.variable:
            return None
        return f"{introspect.group_name(self.group)}.{self.variable}"

    def pending(self) -> bool:
        """True while the view waits for its variable to be created (not an error)."""
        return False

    def check_variable(self) -> str | None:
        """A message when the shown variable vanished or is no longer per-neuron, else None."""
        if self.group is None or not self.variable:
            return None
        name = introspect.group_name(self.group)
        value = getattr(self.group, self.variable, None)  # behaviors may delete or retype it
        if value is None:
            return f"'{self.variable}' no longer exists in {name}; pick another variable."
        shape = getattr(value, "shape", ())
        if len(shape) != 1 or shape[0] != introspect.group_size(self.group):
            return (
                f"'{self.variable}' of {name} changed shape to {tuple(shape)}; "
                f"this view shows per-neuron vectors of length {introspect.group_size(self.group)}."
            )
        return None
