"""PymoNNto 2.x spellings that exist only to point users at the 3.x names."""

from __future__ import annotations

from typing import Any

__all__ = ["Behaviour"]


class Behaviour:
    """The British spelling exists only to point users at :class:`Behavior`."""

    def __init__(self, *args: Any, **kwargs: Any):
        raise Exception("'Behaviour' is not supported: derive your class from 'Behavior' (American spelling)")
