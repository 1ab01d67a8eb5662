"""Commands for the runner (applied between two iterations) and the event log that records them.

A command is created and validated in the caller's thread, queued, and applied by the runner's
worker between two iterations, in submission order. Each applied command appends an :class:`Event`
stamped with the iteration after which it took effect (the network's ``iteration`` at that moment:
the value is visible to iteration ``event.iteration + 1`` onwards).

Coalescing: when a ``set_value`` for a path is submitted while the *last* queued command is a
``set_value`` for the same path that has not been applied yet (a slider drag faster than the
iteration rate), the new value replaces the queued one. Only consecutive edits of one path merge,
so the order relative to other commands is never changed. The event counts merged edits in
``coalesced``; every merged future resolves when the surviving edit is applied.
"""

from __future__ import annotations

import collections
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from engine.runtime.tag_paths import summarize
from engine.runtime.value_edits import ValuePlan, apply_value

if TYPE_CHECKING:
    from engine.model.behavior import Behavior
    from engine.model.network import Network

__all__ = [
    "Event",
    "EventLog",
    "Command",
    "SetValueCommand",
    "SetEnabledCommand",
    "CallCommand",
    "CommandQueue",
]


@dataclass(frozen=True)
class Event:
    """One entry of the runner's event log.

    Attributes
    ----------
    seq: running number (starts at 1).
    iteration: the network iteration after which the change took effect.
    kind: ``'set_value'``, ``'enabled'``, ``'call'``, ``'error'``, ``'note'``, ``'save_state'``,
    ``'load_state'``.
    path: what was changed (a tag path, a behavior tag, a function name).
    old, new: previous and new value (arrays larger than 16 elements are summarised as text).
    source: who asked for it (``'api'`` by default; the studio uses ``'panel'``, ``'console'``, …).
    time: wall-clock time (``time.time()``) when it was applied.
    error: a message if the command failed when applied, else None.
    coalesced: how many queued edits of the same path this event merged (0 = none).
    """

    seq: int
    iteration: int
    kind: str
    path: str
    old: Any = None
    new: Any = None
    source: str = "api"
    time: float = 0.0
    error: str | None = None
    coalesced: int = 0


class EventLog:
    """A thread-safe, bounded log of :class:`Event` objects (the oldest are dropped past ``maxlen``)."""

    def __init__(self, maxlen: int = 10000) -> None:
        self._events: collections.deque[Event] = collections.deque(maxlen=maxlen)
        self._lock = threading.Lock()
        self._seq = 0

    def add(
        self,
        iteration: int,
        kind: str,
        path: str,
        old: Any = None,
        new: Any = None,
        source: str = "api",
        error: str | None = None,
        coalesced: int = 0,
    ) -> Event:
        """Append an event and return it."""
        with self._lock:
            self._seq += 1
            ev = Event(self._seq, int(iteration), kind, path, old, new, source, time.time(), error, coalesced)
            self._events.append(ev)
            return ev

    def snapshot(self) -> list[Event]:
        """A copy of the retained events, oldest first."""
        with self._lock:
            return list(self._events)

    def since(self, seq: int) -> list[Event]:
        """Events whose ``seq`` is greater than ``seq`` (for incremental viewers)."""
        with self._lock:
            return [e for e in self._events if e.seq > seq]

    @property
    def last_seq(self) -> int:
        """The ``seq`` of the newest event (0 if none)."""
        return self._seq

    def __len__(self) -> int:
        return len(self._events)


@dataclass
class Command:
    """Base class: something to apply between two iterations. ``future`` receives the result."""

    source: str = "api"
    future: Future[Any] = field(default_factory=Future)
    merged: list[Future[Any]] = field(default_factory=list)

    def run(self, net: Network, log: EventLog) -> Any:  # pragma: no cover - abstract
        raise NotImplementedError

    def execute(self, net: Network, log: EventLog) -> None:
        """Run the command, resolve its future(s); never raises (errors go to the future and the log)."""
        futures = [self.future] + self.merged
        for f in futures:
            f.set_running_or_notify_cancel()
        try:
            result = self.run(net, log)
        except BaseException as exc:  # noqa: BLE001 - any failure belongs to the caller's future
            self.log_failure(net, log, exc)
            for f in futures:
                f.set_exception(exc)
            if not isinstance(exc, Exception):
                raise
        else:
            for f in futures:
                f.set_result(result)

    def log_failure(self, net: Network, log: EventLog, exc: BaseException) -> None:
        """Record a failed command in the event log."""
        log.add(
            net.iteration, self.kind, self.label, source=self.source, error=f"{type(exc).__name__}: {exc}"
        )

    def cancel(self, reason: str) -> None:
        """Fail the command's future(s) without running it (the runner stopped)."""
        for f in [self.future] + self.merged:
            if not f.done():
                f.set_exception(RuntimeError(reason))

    kind = "command"

    @property
    def label(self) -> str:
        return self.kind


@dataclass
class SetValueCommand(Command):
    """Write a validated value (see :func:`engine.runtime.tag_paths.prepare_value`)."""

    # required: the default only satisfies the dataclass rule (fields after defaulted ones need one)
    plan: ValuePlan = None  # type: ignore[assignment]
    kind = "set_value"

    @property
    def label(self) -> str:
        return self.plan.target.path

    def run(self, net: Network, log: EventLog) -> Any:
        old, new = apply_value(self.plan)
        log.add(
            net.iteration,
            "set_value",
            self.plan.target.path,
            old,
            new,
            self.source,
            coalesced=len(self.merged),
        )
        return new


@dataclass
class SetEnabledCommand(Command):
    """Switch behaviors on or off (``behavior_enabled``)."""

    tag: str = ""
    behaviors: list[Behavior] = field(default_factory=list)
    enabled: bool = True
    kind = "enabled"

    @property
    def label(self) -> str:
        return self.tag

    def run(self, net: Network, log: EventLog) -> Any:
        old = [bool(b.behavior_enabled) for b in self.behaviors]
        for b in self.behaviors:
            b.behavior_enabled = self.enabled
        log.add(
            net.iteration,
            "enabled",
            self.tag,
            old[0] if len(set(old)) == 1 else old,
            self.enabled,
            self.source,
        )
        return len(self.behaviors)


@dataclass
class CallCommand(Command):
    """Run ``fn(*args, **kwargs)`` on the engine thread; its return value resolves the future."""

    fn: Callable[..., Any] = None  # type: ignore[assignment]  # required, like SetValueCommand.plan
    args: tuple[Any, ...] = ()
    kwargs: dict[str, Any] = field(default_factory=dict)
    log_event: bool = True
    kind = "call"

    @property
    def label(self) -> str:
        return getattr(self.fn, "__qualname__", None) or getattr(self.fn, "__name__", None) or repr(self.fn)

    def run(self, net: Network, log: EventLog) -> Any:
        result = self.fn(*self.args, **self.kwargs)
        if self.log_event:
            log.add(
                net.iteration,
                "call",
                self.label,
                None,
                summarize(result) if _is_plain(result) else None,
                self.source,
            )
        return result

    def log_failure(self, net: Network, log: EventLog, exc: BaseException) -> None:
        if self.log_event:
            super().log_failure(net, log, exc)


def _is_plain(value: object) -> bool:
    return value is None or isinstance(value, (int, float, bool, str))


class CommandQueue:
    """FIFO of commands with per-path coalescing of consecutive ``set_value`` commands."""

    def __init__(self) -> None:
        self._items: collections.deque[Command] = collections.deque()
        self._lock = threading.Lock()

    def put(self, cmd: Command) -> Future[Any]:
        """Queue ``cmd`` (possibly merged into the last queued edit of the same path); return its future."""
        with self._lock:
            last = self._items[-1] if self._items else None
            if (
                isinstance(cmd, SetValueCommand)
                and isinstance(last, SetValueCommand)
                and last.plan.target.path == cmd.plan.target.path
                and last.source == cmd.source
                and not last.future.running()
            ):
                last.merged.append(last.future)
                last.merged.extend(cmd.merged)
                last.future, last.plan = cmd.future, cmd.plan
                return cmd.future
            self._items.append(cmd)
            return cmd.future

    def drain(self) -> list[Command]:
        """Remove and return every queued command, in order."""
        with self._lock:
            items = list(self._items)
            self._items.clear()
            return items

    def __len__(self) -> int:
        return len(self._items)

    def __bool__(self) -> bool:
        return bool(self._items)
