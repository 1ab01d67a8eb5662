"""Helpers around ``engine.Runner`` worker threads (no Qt)."""

from __future__ import annotations

import threading

#: Seconds a runner may take to stop and join its worker in teardown.
STOP_TIMEOUT_S = 20.0


def runner_threads() -> list[threading.Thread]:
    """Live engine worker threads (``mnn-runner-...``)."""
    return [t for t in threading.enumerate() if t.name.startswith("mnn-runner") and t.is_alive()]
