"""After a script is loaded: choose among the networks it built, run the iterations it asked for.

:class:`ScriptChoicePanel` is a small non-modal card floating under the window's toolbar (no dialog,
nothing blocks, tests drive it directly):

* the script built two or more networks: a combo box lists them, the one the studio opened (the
  ``Network_UI`` one, else the last built) preselected; picking another shows that one instead;
* the script called ``simulate_iterations(N)``: a button runs exactly N iterations (the call was
  deferred while the script was loaded).

The window calls :meth:`ScriptChoicePanel.offer` at the end of ``set_loaded``; a load with nothing to
offer hides the card.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from PyQt6.QtCore import QEvent, QObject, Qt, QTimer, pyqtSignal
from PyQt6.QtWidgets import (
    QComboBox,
    QFrame,
    QGraphicsDropShadowEffect,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from engine.exceptions import IterationCountError
from studio import dialogs

_STYLE = """
QFrame#scriptChoice { background: #fffdf5; border: 1px solid #e0c97a; border-radius: 6px; }
QFrame#scriptChoice QLabel { background: transparent; border: none; color: #3b3b3b; }
QPushButton#runRequested { background: #2f7bd8; color: white; font-weight: bold; padding: 3px 12px;
                           border: 1px solid #23629f; border-radius: 4px; }
QToolButton#dismissChoice { border: none; font-size: 15px; color: #6b7280; background: transparent; }
"""


def describe_network(net: Any, index: int, name: str | None = None) -> str:
    """One line for the combo box: number, name (variable or tag), groups and neurons."""
    groups = list(net.NeuronGroups)
    tag = net.tags[0]
    label = name or (tag if tag != "Network" else f"network {index + 1}")
    group_names = ", ".join(str(g.tags[0]) for g in groups[:3]) + ("…" if len(groups) > 3 else "")
    neurons = sum(int(g.size) for g in groups)
    return (
        f"{index + 1}. {label} — {len(groups)} group{'s' * (len(groups) != 1)} "
        f"({group_names or 'none'}), {neurons} neurons"
    )


def _variable_names(loaded: Any) -> dict[int, str]:
    """id(network) → the script's variable name, when the loaded object carries the namespace."""
    namespace = getattr(loaded, "namespace", None) or {}  # optional: offer() takes any such object
    ids = {id(net) for net in loaded.networks}
    names: dict[int, str] = {}
    for key, value in namespace.items():  # no attribute access: values may be lazy stand-ins
        if id(value) in ids and not key.startswith("_"):
            names.setdefault(id(value), key)
    return names


class ScriptChoicePanel(QFrame):
    """The floating card (a child of ``window``, not in any layout, so no saved dock state sees it).

    Parameters
    ----------
    window: the main window; the card is placed under its top toolbars and follows its resizes.
    apply_network: ``apply_network(net)`` shows another network; default: ``window.set_loaded`` with
        ``window.loaded`` whose ``network`` is replaced.
    run_iterations: ``run_iterations(n)`` runs n iterations; default ``window.bridge.run_for(n)``.
    """

    network_chosen = pyqtSignal(object)
    run_requested = pyqtSignal(int)

    def __init__(
        self,
        window: QMainWindow,
        apply_network: Callable[[Any], Any] | None = None,
        run_iterations: Callable[[int], Any] | None = None,
    ) -> None:
        super().__init__(window, objectName="scriptChoice")
        self.window = window
        self._apply_network = apply_network or self._default_apply
        self._run_iterations = run_iterations or (lambda n: window.bridge.run_for(n))
        self._networks: list[Any] = []
        self._source: list | None = None  # the ``loaded.networks`` list currently offered
        self.iterations: int | None = None
        self._offered_at = 0  # the network's iteration when the run was offered
        bridge = getattr(window, "bridge", None)
        if bridge is not None:  # a run made otherwise (Run, Run N, the console) ends the offer too
            bridge.state_changed.connect(self._follow_runs)
            bridge.frame.connect(self._follow_runs)
        self.setStyleSheet(_STYLE)
        shadow = QGraphicsDropShadowEffect(self, blurRadius=18, xOffset=0, yOffset=3)
        shadow.setColor(Qt.GlobalColor.gray)
        self.setGraphicsEffect(shadow)
        self.networks_label = QLabel()
        self.combo = QComboBox(sizeAdjustPolicy=QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.combo.activated.connect(self.choose)
        self.run_label = QLabel()
        self.run_button = QPushButton(objectName="runRequested")
        self.run_button.clicked.connect(self.run_requested_iterations)
        self.dismiss_button = QToolButton(text="×", objectName="dismissChoice", toolTip="Dismiss")
        self.dismiss_button.clicked.connect(self.dismiss)
        self.network_row, self.run_row = QWidget(), QWidget()
        for row, widgets in (
            (self.network_row, (self.networks_label, self.combo)),
            (self.run_row, (self.run_label, self.run_button)),
        ):
            h = QHBoxLayout(row)
            h.setContentsMargins(0, 0, 0, 0)
            for w in widgets:
                h.addWidget(w)
            h.addStretch(1)
        rows = QVBoxLayout()
        rows.addWidget(self.network_row)
        rows.addWidget(self.run_row)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(12, 8, 6, 8)
        outer.addLayout(rows, 1)
        outer.addWidget(self.dismiss_button, 0, Qt.AlignmentFlag.AlignTop)
        window.installEventFilter(self)
        self.hide()

    # ------------------------------------------------------------------ API
    def offer(self, loaded: Any) -> bool:
        """Show what ``loaded`` (a ``LoadedNetwork``) offers; returns whether the card is shown.

        Called again with the same script's networks (after :meth:`choose`) it only follows the
        shown network and keeps the rest of the card as it is.
        """
        networks = list(loaded.networks)
        current = loaded.network
        if self._source is not None and loaded.networks is self._source:
            self._select(current)
            return self.isVisible()
        self._source = loaded.networks
        self._networks = networks if len(networks) > 1 else []
        names = _variable_names(loaded)
        self.combo.clear()
        for i, net in enumerate(self._networks):
            last = " (last built)" if i == len(self._networks) - 1 else ""
            self.combo.addItem(describe_network(net, i, names.get(id(net))) + last)
        self._select(current)
        self.networks_label.setText(f"This script built {len(self._networks)} networks. Showing:")
        requested = loaded.requested_iterations
        self.iterations = int(requested) if requested else None
        self._offered_at = int(getattr(current, "iteration", 0) or 0)
        if self.iterations:
            who = "It" if self._networks else "This script"
            self.run_label.setText(f"{who} asked for simulate_iterations({self.iterations}).")
            self.run_button.setText(f"Run {self.iterations:,} iterations")
        self.network_row.setVisible(bool(self._networks))
        self.run_row.setVisible(bool(self.iterations))
        return self._update_visibility()

    def choose(self, index: int) -> None:
        """Show network ``index`` of the script (combo box order)."""
        if not 0 <= index < len(self._networks):
            return
        net = self._networks[index]
        self.combo.setCurrentIndex(index)
        if net is not getattr(getattr(self.window, "loaded", None), "network", None):
            self._apply_network(net)
        self.network_chosen.emit(net)

    def run_requested_iterations(self) -> None:
        """Run the requested number of iterations (once; the offer then disappears)."""
        n = self.iterations
        if not n:
            return
        self.iterations = None
        self.run_row.hide()
        self._update_visibility()
        try:
            self._run_iterations(n)
        except IterationCountError as exc:  # e.g. simulate_iterations(10**12): said, not a crash
            dialogs.warn(self, "Cannot run the requested iterations", str(exc))
            return
        self.run_requested.emit(n)

    def _follow_runs(self) -> None:
        """Withdraw the run offer once the shown network ran the requested iterations by other means."""
        net = getattr(getattr(self.window, "loaded", None), "network", None)
        if not self.iterations or net is None:
            return
        if int(net.iteration) - self._offered_at >= self.iterations:
            self.iterations = None
            self.run_row.hide()
            self._update_visibility()

    def dismiss(self) -> None:
        """Hide the card until the next script is loaded."""
        self.hide()

    def chosen_network(self) -> Any:
        """The network selected in the combo box (None without a choice)."""
        i = self.combo.currentIndex()
        return self._networks[i] if 0 <= i < len(self._networks) else None

    # ------------------------------------------------------------------ internals
    def _default_apply(self, net: Any) -> None:
        loaded = getattr(self.window, "loaded", None)
        if loaded is not None:
            self.window.set_loaded(dataclasses.replace(loaded, network=net))

    def _select(self, net: Any) -> None:
        for i, candidate in enumerate(self._networks):
            if candidate is net:
                self.combo.setCurrentIndex(i)

    def _update_visibility(self) -> bool:
        show = bool(self._networks) or bool(self.iterations)
        self.setVisible(show)
        if show:
            self._place()
        return show

    def _place(self) -> None:
        """Centre the card under the menu bar and the top toolbars."""
        w = self.window
        top = 0
        menu = w.menuWidget()
        if menu is not None and menu.isVisible():
            top = menu.geometry().bottom() + 1
        for bar in w.findChildren(QToolBar):
            if (
                bar.isVisible()
                and not bar.isFloating()
                and w.toolBarArea(bar) == Qt.ToolBarArea.TopToolBarArea
            ):
                top = max(top, bar.geometry().bottom() + 1)
        self.adjustSize()
        width = min(max(self.sizeHint().width(), 380), max(200, w.width() - 24))
        self.setGeometry((w.width() - width) // 2, top + 8, width, self.sizeHint().height())
        self.raise_()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """Follow the window's size; stay above docks added later (a child added later is drawn on
        top of the earlier ones)."""
        if obj is self.window and self.isVisible():
            if event.type() == QEvent.Type.Resize:
                self._place()
            elif event.type() == QEvent.Type.ChildAdded:
                QTimer.singleShot(0, self.raise_)
        return False
