"""The Parameters dock: per-behavior sections for the selected group or synapse group, edited mid-run.

In the window it is one row of the dock table (:mod:`studio.dock_table`): the dock shares the
window's :class:`~studio.parameters.edits.EditController` (``ParameterDock(controller=...)``, so the
Edit menu's undo / redo and the event log cover its edits) and follows the selected group or
synapse group (``set_target``).

Live values: :mod:`studio.parameters.refresh` (4 Hz, never waits for the worker); edits:
:class:`~studio.parameters.edits.EditController`.
"""

from __future__ import annotations

from typing import Any

from PyQt6.QtCore import Qt, QTimer, pyqtSignal
from PyQt6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFrame,
    QLabel,
    QMenu,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from engine.runtime.tag_paths import PathError, resolve_path
from studio.core.introspect import behavior_rows
from studio.parameters import code as param_code
from studio.parameters.edits import AppliedEdit, EditController, EditFailure
from studio.parameters.field_kinds import kind_named
from studio.parameters.fields import MUTED_COLOR, FieldRow, small
from studio.parameters.refresh import LiveValues
from studio.parameters.sections import (
    SECTION_STYLE,
    BehaviorSection,
    FieldSection,
    VariablesSection,
    object_name,
    target_title_html,
)
from studio.parameters.spec import EditInputError, EditRequest

__all__ = ["ParameterPanel", "ParameterDock"]

_VARIABLES = "__variables__"


class ParameterPanel(QWidget):
    """Sections for one group / synapse group (:meth:`set_target`), edits through ``controller``.

    Signals
    -------
    edit_applied(AppliedEdit), edit_failed(EditFailure): forwarded from the controller for rows of this panel.
    """

    edit_applied = pyqtSignal(object)
    edit_failed = pyqtSignal(object)

    def __init__(
        self,
        runner: Any = None,
        parent: QWidget | None = None,
        controller: EditController | None = None,
        refresh_hz: float = 4.0,
    ) -> None:
        super().__init__(parent)
        self.controller = controller if controller is not None else EditController(runner, self)
        if controller is not None and runner is not None:
            controller.set_runner(runner)
        self._target: Any = None
        self.sections: dict[Any, FieldSection] = {}
        self._expanded: dict[str, bool] = {}
        self._layout_sig: tuple = ()
        self.live = LiveValues(self.controller)
        self._host_part: str | None = None
        self.setStyleSheet(SECTION_STYLE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.hint = QLabel(
            "Type a value, ×1.1 to scale, or uniform(0.4,0.6) for arrays; Enter applies "
            "between two iterations."
        )
        self.hint.setObjectName("paramHint")
        self.hint.setWordWrap(True)
        layout.addWidget(self.title)
        layout.addWidget(self.hint)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout.addWidget(self.scroll, 1)
        self._new_container()
        self.timer = QTimer(self)
        self.timer.setInterval(int(1000 / max(0.5, refresh_hz)))
        self.timer.timeout.connect(self._tick)
        self.controller.applied.connect(self._on_applied)
        self.controller.failed.connect(self._on_failed)
        self.controller.queued.connect(self._on_queued)
        self.controller.runner_changed.connect(self._on_runner_changed)
        self.set_target(None)

    # ------------------------------------------------------------------------------------ public
    @property
    def runner(self) -> Any:
        """The runner edits go to (the controller's)."""
        return self.controller.runner

    @property
    def target(self) -> Any:
        """The group / synapse group shown (None: nothing)."""
        return self._target

    def set_runner(self, runner: Any) -> None:
        """Follow another runner (another script was loaded). Keeps the target if it is in the new network."""
        self.controller.set_runner(runner)

    def set_target(self, obj: Any) -> None:
        """Show ``obj`` (a NeuronGroup, SynapseGroup or Network with behaviors), or nothing for None."""
        self._remember_expansion()
        self._target = obj
        self._new_container()
        self.sections = {}
        self.live.reset()
        if obj is None:
            self.title.setText(f'<span style="color:{MUTED_COLOR}">Select a group or synapse group</span>')
            self.timer.stop()
            return
        net = self._net()
        host = param_code.object_part(net, obj) if net is not None else None
        self.title.setText(target_title_html(obj, host))
        for key, behavior in behavior_rows(obj):
            path = param_code.behavior_path(net, obj, key, behavior) if net is not None else None
            section = BehaviorSection(key, behavior, path)
            section.enable_requested.connect(lambda on, s=section: self._request_enable(s, on))
            self._add_section(
                key,
                section,
                self._expanded.get(self._exp_key(key, behavior), "recorder" not in behavior.tags),
            )
        variables = VariablesSection(f"{object_name(obj)} variables")
        self._add_section(_VARIABLES, variables, self._expanded.get(f"{type(obj).__name__}:vars", True))
        self._layout_sig = self._signature()
        self._host_part = host
        self.refresh()
        self.timer.start()

    def section(self, key: Any) -> FieldSection:
        """The section of the behavior under ``key`` (``'variables'`` for the group's own variables)."""
        return self.sections[_VARIABLES if key == "variables" else key]

    def row(self, path: str) -> FieldRow:
        """The row editing ``path`` (``'my_neurons.Basic_Behavior.threshold'``)."""
        for section in self.sections.values():
            for row in section.rows.values():
                if row.spec.path == path:
                    return row
        raise KeyError(path)

    def code_for_row(self, row: FieldRow) -> str:
        """``net.my_neurons.Basic_Behavior.threshold = 0.5``: the row's current value as code."""
        net = self._net()
        if net is None or row.spec.path is None:
            return ""
        prefix = self.controller.code_prefix
        if kind_named(row.spec.kind).live_summary:  # too large to copy: the reference and the summary
            return f"{param_code.code_ref(net, row.spec.path, prefix)}  # {row.summary.text()}"
        try:
            value = resolve_path(net, row.spec.path).get()  # a plain read of the current value
        except PathError:
            value = row.value
        return param_code.code_for_edit(net, row.spec.path, "set", value, False, prefix)

    # ------------------------------------------------------------------------------------ building
    def _net(self) -> Any:
        runner = self.controller.runner
        if runner is not None:
            return runner.net
        return None if self._target is None else self._target.network

    def _new_container(self) -> None:
        self.container = QWidget()
        self.container_layout = QVBoxLayout(self.container)
        self.container_layout.setContentsMargins(0, 0, 2, 0)
        self.container_layout.setSpacing(6)
        self.container_layout.addStretch(1)
        self.scroll.setWidget(self.container)

    def _add_section(self, key: Any, section: FieldSection, expanded: bool) -> None:
        section.requested.connect(self._request_row)
        section.set_expanded(expanded)
        self.container_layout.insertWidget(self.container_layout.count() - 1, section)
        self.sections[key] = section

    def _exp_key(self, key: Any, behavior: Any) -> str:
        return f"{key}:{type(behavior).__name__}"

    def _remember_expansion(self) -> None:
        for key, section in self.sections.items():
            if isinstance(section, BehaviorSection):
                self._expanded[self._exp_key(key, section.behavior)] = section.expanded
            elif self._target is not None:
                self._expanded[f"{type(self._target).__name__}:vars"] = section.expanded

    def _signature(self) -> tuple:
        return tuple((k, id(b)) for k, b in behavior_rows(self._target))

    def _tick(self) -> None:
        if self.isVisible():  # a hidden (e.g. tabified) dock costs nothing
            self.refresh()

    def refresh(self) -> None:
        """Re-read values, notice added / deleted / retyped attributes, update array summaries."""
        obj = self._target
        if obj is None:
            return
        if self._signature() != self._layout_sig:  # behaviors were added or removed
            self.set_target(obj)
            return
        if self.live.refresh(obj, self.sections, self._host_part):
            width = max((s.name_width() for s in self.sections.values()), default=0)
            for s in self.sections.values():
                s.set_name_width(width)

    # ------------------------------------------------------------------------------------ edits
    def _request_row(self, row: FieldRow, req: EditRequest) -> None:
        try:
            sent = self.controller.submit(req, source="panel")
        except EditInputError as exc:
            row.show_error(str(exc))
            return
        if sent:
            small(row.stamp, "…", MUTED_COLOR)

    def _request_enable(self, section: BehaviorSection, on: bool) -> None:
        if section.path is None:
            section.show_enable_error("this behavior has no unambiguous tag path")
            return
        try:
            self.controller.submit(EditRequest(section.path, "enable", bool(on), str(on)), source="panel")
        except EditInputError as exc:
            section.show_enable_error(str(exc))

    def _find(self, path: str) -> tuple[BehaviorSection | None, FieldRow | None]:
        for section in self.sections.values():
            if isinstance(section, BehaviorSection) and section.path == path:
                return section, None
            for row in section.rows.values():
                if row.spec.path == path:
                    return None, row
        return None, None

    def _on_applied(self, edit: AppliedEdit) -> None:
        section, row = self._find(edit.request.path)
        if section is not None:
            section.set_enabled_state(bool(edit.new))
            section.show_enable_applied(edit.iteration, bool(edit.new))
        elif row is not None:
            if kind_named(row.spec.kind).live_value:
                row.set_value(edit.new)
            row.show_applied(edit.iteration, edit.source)
        else:
            return
        self.edit_applied.emit(edit)

    def _on_failed(self, failure: EditFailure) -> None:
        section, row = self._find(failure.request.path)
        if section is not None:
            section.show_enable_error(failure.message)
        elif row is not None:
            row.show_error(failure.message)
        else:
            return
        self.edit_failed.emit(failure)

    def _on_queued(self, path: str) -> None:
        _section, row = self._find(path)
        if row is not None:
            row.show_queued()

    def _on_runner_changed(self, runner: Any) -> None:
        target = self._target
        keep = target is not None and runner is not None and target.network is runner.net
        self.set_target(target if keep else None)

    def contextMenuEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        row = self.childAt(event.pos())
        while row is not None and not isinstance(row, FieldRow):
            row = row.parentWidget()
        if row is not None and row.spec.path is not None:
            menu = QMenu(self)
            menu.addAction("Copy as code", lambda: QApplication.clipboard().setText(self.code_for_row(row)))
            menu.addAction("Copy tag path", lambda: QApplication.clipboard().setText(row.spec.path))
            menu.popup(event.globalPos())


class ParameterDock(QDockWidget):
    """A dock holding a :class:`ParameterPanel`; ``set_target`` / ``set_runner`` / ``controller`` forward."""

    def __init__(
        self, runner: Any = None, parent: QWidget | None = None, controller: EditController | None = None
    ) -> None:
        super().__init__("Parameters", parent)
        self.panel = ParameterPanel(runner, self, controller)
        self.setWidget(self.panel)

    @property
    def controller(self) -> EditController:
        """The EditController (undo/redo actions, code prefix)."""
        return self.panel.controller

    def set_target(self, obj: Any) -> None:
        """Show ``obj`` (a NeuronGroup or SynapseGroup); None clears the panel."""
        self.panel.set_target(obj)

    def set_runner(self, runner: Any) -> None:
        """Follow another runner (a new script was loaded)."""
        self.panel.set_runner(runner)
