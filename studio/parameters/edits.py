"""EditController: sends parameter edits to the runner, coalesces them, stamps them, keeps undo/redo.

Every edit is validated at once in the GUI thread (the engine's own
:func:`engine.runtime.value_edits.prepare_value`, which reads but never writes), then applied between
two iterations on the engine thread by ``runner.call(...)``, where it calls
``runner.set_value(path, value, source=...)`` (or ``set_behavior_enabled``). Running there makes three
things exact: the previous value (a full copy, for undo), the iteration at which the edit took effect,
and factors (``×1.1`` multiplies the value of that moment). The runner logs the ``set_value`` /
``enabled`` event as usual.

Coalescing: at most one edit per path is in flight; newer edits of that path wait in a one-slot queue
(the newest replaces the waiting one). While the network runs, the waiting edit is sent only once an
iteration has run since the previous edit of that path took effect, so a slider dragged faster than
iterations applies at most one edit per iteration and path (the last value wins; the event log and
the undo stack see only the edits applied). Paused, it is sent as soon as the previous one is done.
Nothing here blocks: results are picked up by a short timer.
"""

from __future__ import annotations

import collections
import math
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any

import numpy as np
from PyQt6.QtCore import QObject, QTimer, pyqtSignal
from PyQt6.QtGui import QUndoStack

from engine.runtime.tag_paths import CommandError, resolve_behaviors, resolve_path
from engine.runtime.value_edits import prepare_value
from studio.parameters import code as param_code
from studio.parameters.field_kinds import kind_of
from studio.parameters.spec import EditInputError, EditRequest
from studio.parameters.undo import UNDO_LIMIT, EditUndoCommand, make_undo_actions

__all__ = ["EditController", "AppliedEdit", "EditFailure"]


@dataclass
class AppliedEdit:
    """An edit the runner applied: it took effect after ``iteration`` (visible from ``iteration + 1``)."""

    request: EditRequest
    source: str
    iteration: int
    old: Any
    new: Any
    is_array: bool = False
    code: str = ""


@dataclass
class EditFailure:
    """An edit the runner refused or could not apply; nothing was changed."""

    request: EditRequest
    source: str
    message: str


def _copy(value: Any) -> Any:
    return value.copy() if isinstance(value, np.ndarray) else value


def _finite(value: Any, what: str) -> None:
    arr = np.asarray(value)
    if arr.dtype.kind in "fc" and not np.all(np.isfinite(arr)):
        raise EditInputError(f"{what} would contain NaN or inf; nothing was changed")


def _apply_on_engine(runner: Any, req: EditRequest, source: str) -> AppliedEdit:
    """Runs on the engine thread between two iterations (through ``runner.call``)."""
    net = runner.net
    if req.op == "enable":
        behaviors = resolve_behaviors(net, req.path)
        old = bool(behaviors[0].behavior_enabled)
        runner.set_behavior_enabled(req.path, bool(req.value), source=source).result(0)
        return AppliedEdit(req, source, int(net.iteration), old, bool(req.value))
    target = resolve_path(net, req.path)
    current = target.get()
    value = req.value
    if req.op == "scale":
        value = current * req.value
        _finite(value, f"{req.path} × {req.value}")
    elif isinstance(value, str) and isinstance(current, np.ndarray):
        value = prepare_value(target, value).make()  # draw once: the same array is redone
        _finite(value, f"{req.value!r}")
    old = _copy(current)
    runner.set_value(req.path, value, source=source).result(0)
    new = _copy(target.get())
    return AppliedEdit(req, source, int(net.iteration), old, new, isinstance(new, np.ndarray))


class EditController(QObject):
    """The one path from the studio's parameter widgets to the runner.

    Signals
    -------
    applied(AppliedEdit): an edit took effect (panel, undo and redo edits alike).
    failed(EditFailure): an edit was refused when applied (validation errors raise from :meth:`submit`).
    queued(str): an edit of this path waits behind one in flight.
    runner_changed(object): a new runner (or None) is in place.
    """

    applied = pyqtSignal(object)
    failed = pyqtSignal(object)
    queued = pyqtSignal(str)
    runner_changed = pyqtSignal(object)

    def __init__(self, runner: Any = None, parent: QObject | None = None, code_prefix: str = "net") -> None:
        super().__init__(parent)
        self._runner: Any = None
        self.code_prefix = code_prefix
        self._inflight: dict[str, tuple[Future, EditRequest, str, bool]] = {}
        self._waiting: dict[str, tuple[EditRequest, str, bool]] = {}
        self._applied_at: dict[str, int] = {}  # path -> iteration its last edit took effect after
        self._codes: dict[tuple[str, int, str], str] = {}
        self._code_order: collections.deque[tuple[str, int, str]] = collections.deque()
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(UNDO_LIMIT)
        self.undo_action, self.redo_action = make_undo_actions(self.undo_stack, self)
        self._poll = QTimer(self)
        self._poll.setInterval(15)
        self._poll.timeout.connect(self._collect)
        self.set_runner(runner)

    # ------------------------------------------------------------------------------------ runner
    @property
    def runner(self) -> Any:
        """The runner edits go to (None: nothing loaded)."""
        return self._runner

    def set_runner(self, runner: Any) -> None:
        """Follow another runner: forget edits in flight and the undo history (they belong to the old one)."""
        if runner is self._runner and runner is not None:
            return
        self._runner = runner
        self._inflight.clear()
        self._waiting.clear()
        self._applied_at.clear()
        self._codes.clear()
        self._code_order.clear()
        self.undo_stack.clear()
        self._poll.stop()
        self.runner_changed.emit(runner)

    def pending(self, path: str) -> bool:
        """Whether an edit of ``path`` is in flight or waiting."""
        return path in self._inflight or path in self._waiting

    @property
    def busy(self) -> bool:
        """Whether any edit is in flight."""
        return bool(self._inflight)

    # ------------------------------------------------------------------------------------ submit
    def validate(self, req: EditRequest) -> None:
        """Raise :class:`EditInputError` (with the engine's message) if ``req`` cannot be applied now."""
        runner = self._runner
        if runner is None:
            raise EditInputError("no simulation is loaded")
        if runner.state == "stopped":
            raise EditInputError("the runner was stopped; reload the script to edit")
        try:
            if req.op == "enable":
                resolve_behaviors(runner.net, req.path)
                return
            target = resolve_path(runner.net, req.path)
            if req.op == "scale":
                if not (isinstance(req.value, (int, float)) and math.isfinite(req.value)):
                    raise EditInputError("a factor must be a finite number")
                kind = kind_of(target.get())
                if kind is None or not kind.scalable:
                    raise EditInputError(
                        f"{target.attr} is a {type(target.get()).__name__}; it cannot be scaled"
                    )
                if isinstance(target.get(), np.ndarray) and target.get().dtype == bool:
                    raise EditInputError("a factor cannot scale a bool array")
                return
            if not isinstance(req.value, str):
                _finite(req.value, "the value")
            prepare_value(target, req.value)
        except CommandError as exc:
            raise EditInputError(str(exc)) from None

    def submit(self, req: EditRequest, source: str = "panel", record: bool = True) -> bool:
        """Validate and send ``req``. Returns True if sent now, False if it waits behind an edit of the
        same path (it then replaces any older waiting edit). Raises :class:`EditInputError`.
        ``record``: push an undo step when it is applied."""
        self.validate(req)
        if req.path in self._inflight or not self._iteration_passed(req.path):
            self._waiting[req.path] = (req, source, record)
            self.queued.emit(req.path)
            if not self._poll.isActive():
                self._poll.start()
            return False
        # an older edit of this path may still wait (its iteration passed a moment ago, before the
        # poll sent it): this newer one replaces it, or the older one would be applied after it
        self._waiting.pop(req.path, None)
        self._dispatch(req, source, record)
        return True

    def _iteration_passed(self, path: str) -> bool:
        """Whether an edit of ``path`` may go now: paused, or an iteration ran since its last edit."""
        last = self._applied_at.get(path)
        runner = self._runner
        return last is None or not runner.is_running or int(runner.iteration) > last

    def submit_quiet(self, req: EditRequest, source: str, record: bool = False) -> None:
        """:meth:`submit`, reporting a refusal through :attr:`failed` instead of raising (undo/redo)."""
        try:
            self.submit(req, source, record)
        except EditInputError as exc:
            self.failed.emit(EditFailure(req, source, str(exc)))

    def _dispatch(self, req: EditRequest, source: str, record: bool) -> None:
        try:
            fut = self._runner.call(_apply_on_engine, self._runner, req, source, source=source, log=False)
        except RuntimeError as exc:  # the runner stopped meanwhile
            raise EditInputError(str(exc)) from None
        self._inflight[req.path] = (fut, req, source, record)
        if not self._poll.isActive():
            self._poll.start()

    def _collect(self) -> None:
        for path, (fut, req, source, record) in list(self._inflight.items()):
            if not fut.done():
                continue
            del self._inflight[path]
            exc = fut.exception()
            if exc is not None:
                self.failed.emit(EditFailure(req, source, str(exc) or type(exc).__name__))
            else:
                self._applied(fut.result(), record)
        for path in [p for p in self._waiting if p not in self._inflight and self._iteration_passed(p)]:
            self.submit_quiet(*self._waiting.pop(path))
        if not self._inflight and not self._waiting:
            self._poll.stop()

    def _applied(self, edit: AppliedEdit, record: bool) -> None:
        try:
            edit.code = param_code.code_for_edit(
                self._runner.net,
                edit.request.path,
                edit.request.op,
                edit.request.value if edit.source == "panel" else edit.new,
                edit.is_array,
                self.code_prefix,
            )
        except Exception:  # noqa: BLE001 - code text is a convenience, never a reason to fail
            edit.code = ""
        self._applied_at[edit.request.path] = edit.iteration
        key = (edit.request.path, edit.iteration, edit.source)
        self._codes[key] = edit.code
        self._code_order.append(key)
        while len(self._code_order) > 5000:
            self._codes.pop(self._code_order.popleft(), None)
        if record:
            self.undo_stack.push(EditUndoCommand(self, edit))
        self.applied.emit(edit)

    # ------------------------------------------------------------------------------------ undo / code
    def undo(self) -> None:
        """Undo the last edit (same as the Undo action)."""
        self.undo_stack.undo()

    def redo(self) -> None:
        """Redo the last undone edit."""
        self.undo_stack.redo()

    def code_for_event(self, event: Any) -> str:
        """The Python line equivalent to a runner event (what "copy as code" puts on the clipboard)."""
        code = self._codes.get((event.path, event.iteration, event.source))
        if code:
            return code
        if self._runner is None:
            return f"# {event.kind} {event.path}"
        try:
            return param_code.code_for_event(self._runner.net, event, self.code_prefix)
        except Exception:  # noqa: BLE001
            return f"# {event.kind} {event.path}"

    def waiting_requests(self) -> list[EditRequest]:
        """Edits waiting behind one in flight (tests, debugging)."""
        return [w[0] for w in self._waiting.values()]
