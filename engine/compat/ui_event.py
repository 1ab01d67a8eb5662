"""PymoNNto's Network_UI ``event``: a marked moment of a run (``Network_UI.add_event(tag, duration)``)."""

from __future__ import annotations

__all__ = ["event"]


class event:  # noqa: N801 - PymoNNto's name
    """A tag from ``start_t`` to ``end_t`` (iterations; ``end_t`` defaults to ``start_t``)."""

    def __init__(self, start_t: int, tag: str, end_t: int | None = None) -> None:
        self.start_t = start_t
        self.tag = tag
        self.end_t = start_t if end_t is None else end_t

    def __repr__(self) -> str:
        return f"event({self.start_t}, {self.tag!r}, {self.end_t})"
