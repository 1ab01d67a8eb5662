"""LiveValues: keeps the parameter panel's rows current while the network runs.

Scalars and bools are read directly from the GUI thread (reading one attribute is atomic in Python and
never waits for the worker). Array summaries (min / mean / max) are computed on the engine thread with
``runner.call(..., log=False)`` and picked up at a later tick; at most one such request is in flight, so
a slow or stuck iteration never blocks the GUI. Field lists are rediscovered every tick, so attributes a
behavior adds, deletes or retypes show up (see :meth:`FieldSection.sync`).
"""

from __future__ import annotations

from concurrent.futures import Future
from typing import Any

from studio.parameters.field_kinds import ARG, kind_named
from studio.parameters.model import behavior_fields, variable_fields
from studio.parameters.sections import BehaviorSection, FieldSection
from studio.parameters.spec import FieldSpec
from studio.parameters.text import summarize_array

__all__ = ["LiveValues"]


def _summaries(items: list[tuple[str, Any, str]]) -> dict[str, dict | None]:
    """Array summaries, computed on the engine thread between two iterations."""
    return {key: summarize_array(getattr(obj, name, None)) for key, obj, name in items}  # may be gone


def _read(obj: Any, spec: FieldSpec) -> Any:
    if spec.kind == ARG:
        return obj.init_kwargs.get(spec.name)
    return getattr(obj, spec.name, None)  # a behavior may have deleted it since


def _owner(section: FieldSection, target: Any) -> Any:
    return section.behavior if isinstance(section, BehaviorSection) else target


def _key(row: Any, owner: Any) -> str:
    return row.spec.path or f"{id(owner)}.{row.spec.name}"


class LiveValues:
    """Refreshes the sections of one panel; ``controller`` tells which paths have edits in flight."""

    def __init__(self, controller: Any) -> None:
        self.controller = controller
        self._future: Future | None = None
        self.ticks = 0

    def reset(self) -> None:
        """Forget a summary request of the previous target."""
        self._future = None

    def refresh(self, target: Any, sections: dict[Any, FieldSection], host_part: str | None) -> bool:
        """Sync rows with the objects and show current values. Returns True if rows were added/replaced."""
        changed = False
        for section in sections.values():
            if isinstance(section, BehaviorSection):
                behavior = section.behavior
                if not self.controller.pending(section.path or ""):
                    section.set_enabled_state(bool(behavior.behavior_enabled))
                specs = behavior_fields(behavior, section.path)
                changed |= section.sync(specs, lambda s, b=behavior: _read(b, s))
                self._update_rows(section, behavior)
            else:
                changed |= section.sync(variable_fields(target, host_part), lambda s: _read(target, s))
                self._update_rows(section, target)
        self.ticks += 1
        self._summaries(target, sections)
        return changed

    def _update_rows(self, section: FieldSection, obj: Any) -> None:
        for row in section.rows.values():
            spec = row.spec
            if not kind_named(spec.kind).live_value or row.missing or row.editing:
                continue
            if spec.path is not None and self.controller.pending(spec.path):
                continue  # show the requested value until it is applied
            value = getattr(obj, spec.name, None)  # user attributes come and go
            if value is not None and value != row.value:
                row.set_value(value)

    def _summaries(self, target: Any, sections: dict[Any, FieldSection]) -> None:
        fut = self._future
        if fut is not None:
            if not fut.done():
                return
            self._future = None
            if fut.exception() is None:
                self._show(target, sections, fut.result())
        items = [
            (_key(row, _owner(sec, target)), _owner(sec, target), row.spec.name)
            for sec in sections.values()
            for row in sec.rows.values()
            if kind_named(row.spec.kind).live_summary and not row.missing
        ]
        if not items:
            return
        runner = self.controller.runner
        if runner is None or runner.state == "stopped":
            self._show(target, sections, _summaries(items))  # no worker can be writing
            return
        try:
            self._future = runner.call(_summaries, items, source="panel", log=False)
        except RuntimeError:  # stopped meanwhile
            self._show(target, sections, _summaries(items))

    @staticmethod
    def _show(target: Any, sections: dict[Any, FieldSection], result: dict[str, dict | None]) -> None:
        for section in sections.values():
            owner = _owner(section, target)
            for row in section.rows.values():
                key = _key(row, owner)
                if key in result and kind_named(row.spec.kind).live_summary:
                    row.set_summary(result[key])
