"""The warning a Recorder gives, once per name, when an expression names something that does not exist."""

from __future__ import annotations

import difflib
import warnings
from typing import TYPE_CHECKING

import numpy as np

from engine.exceptions import MissingRecordedNameWarning
from engine.model.introspection import instance_attributes

if TYPE_CHECKING:
    from engine.model.aliases import BehaviorParent
    from engine.model.behavior import Behavior

__all__ = ["warn_missing_name"]


def close_names(name: str, parent: BehaviorParent) -> list[str]:
    """Up to three names of ``parent``'s recordable attributes (arrays, numbers) that look like ``name``."""
    names = [
        key
        for key, value in instance_attributes(parent).items()
        if not key.startswith("_") and isinstance(value, (np.ndarray, np.generic, int, float, complex))
    ]
    return difflib.get_close_matches(name, names, n=3, cutoff=0.6)


def warn_missing_name(recorder: Behavior, parent: BehaviorParent, variable: str, name: str) -> None:
    """Issue :class:`~engine.exceptions.MissingRecordedNameWarning` naming the recorder, the group,
    the expression and the missing name (with close matches)."""
    group = parent.tags[0]
    needs = f"{name!r} is" if variable.strip() == name else f"{variable!r} needs {name!r}, which is"
    text = (
        f"{type(recorder).__name__} '{recorder.tags[0]}' of '{group}': {needs} not an attribute of "
        f"'{group}' nor a name of the script; nothing is recorded for it until it appears"
    )
    matches = close_names(name, parent)
    if matches:
        text += "; did you mean " + " or ".join(repr(m) for m in matches) + "?"
    warnings.warn(text, MissingRecordedNameWarning, stacklevel=2)
