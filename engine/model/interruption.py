"""What a raising behavior leaves undone in one iteration, and how it is completed.

When a behavior raises inside ``Network.simulate_iteration``, the iteration counter has already
advanced but the behaviors after the failing one (recorders included) have not run. The network
remembers them as an :class:`Interruption`; :func:`complete` runs them once, so the next iteration
starts from a finished one and recordings keep one row per iteration.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from engine.model.aliases import FastScheduleEntry
    from engine.model.behavior import Behavior

__all__ = ["Interruption", "after", "complete"]


@dataclass
class Interruption:
    """The iteration a behavior raised in, and the schedule entries that had not run yet."""

    iteration: int
    rest: list[FastScheduleEntry]


def after(schedule: list[FastScheduleEntry], failed: Behavior | None, iteration: int) -> Interruption:
    """The entries of ``schedule`` after ``failed`` (all of them if it is not scheduled)."""
    positions = [i for i, entry in enumerate(schedule) if entry[0] is failed]
    return Interruption(iteration, schedule[positions[0] + 1 :] if positions else [])


def complete(pending: Interruption, schedule: list[FastScheduleEntry]) -> int:
    """Run, once and in order, the pending entries that are still in ``schedule`` and enabled;
    returns how many ran. If one raises, the exception propagates and ``pending.rest`` holds the
    entries after it (still pending)."""
    scheduled = {id(entry[0]) for entry in schedule}
    ran = 0
    while pending.rest:
        behavior, parent, step = pending.rest.pop(0)
        if id(behavior) in scheduled and behavior.behavior_enabled:
            step(parent)
            ran += 1
    return ran
