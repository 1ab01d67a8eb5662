"""Equation strings: splitting them into tokens and taking the units out (PymoNNto's Helper).

Units are sympy's (``sympy.physics.units``), imported on first use: ``'100*ms'`` becomes the number
of seconds (``0.1``) and other unit names are dropped with the operator before them (``'1*mV'`` ->
``'1'``), so the equations compute in plain numbers with seconds as the time unit.
"""

from __future__ import annotations

import functools
from typing import Any

import numpy as np

__all__ = ["eq_split", "remove_units", "myUnits", "unit_namespace", "seconds_of", "OPERATORS"]

#: characters that end a token in :func:`eq_split` (each becomes a token of its own)
OPERATORS = frozenset("*/+-%:;=!()[]")

#: unit names dropped besides sympy's own
myUnits = ["mV"]


def eq_split(eq: str) -> list[str]:
    """Tokens of ``eq`` without spaces: names and numbers, with every operator character on its own.

    An operator right after another (or at the start) leaves an empty token between them:
    ``'dv/dt=(0*mV-v)/tau'`` -> ``['dv', '/', 'dt', '=', '', '(', '0', '*', 'mV', '-', 'v', ')',
    '', '/', 'tau']``.
    """
    if not isinstance(eq, str):
        raise TypeError(f"an equation must be a string such as 'dv/dt=-v/tau', got {eq!r}")
    parts: list[str] = []
    token: list[str] = []
    for char in eq.replace(" ", ""):
        if char in OPERATORS:
            parts.append("".join(token))
            parts.append(char)
            token = []
        else:
            token.append(char)
    parts.append("".join(token))
    return parts


@functools.cache
def _units() -> Any:
    import sympy.physics.units as units  # type: ignore[import-untyped]

    return units


@functools.cache
def unit_namespace() -> dict[str, Any]:
    """The names equation strings are evaluated with: sympy's units, ``symbols`` and ``np``."""
    from sympy import symbols

    units = _units()
    namespace = {name: getattr(units, name) for name in units.__all__}
    namespace.update(units=units, symbols=symbols, np=np)
    return namespace


def seconds_of(text: str, owner: str = "equation") -> float:
    """The duration ``text`` (``'0.1*ms'``, ``'2*second'``) in seconds, as a float."""
    units = _units()
    try:
        quantity = eval(text, dict(unit_namespace()))
        return float(units.convert_to(quantity, units.seconds) / units.second)
    except Exception as error:  # SyntaxError, NameError, sympy's TypeError for non-durations
        raise ValueError(f"{owner}: cannot read {text!r} as a duration such as '0.1*ms' ({error})") from None


def remove_units(eq_parts: list[str], i: int) -> list[str]:
    """Take the units out of the tokens from index ``i`` on (in place; also returned).

    ``<number> <op> ms`` becomes the number of seconds; any other unit name (a name of
    ``sympy.physics.units`` or of :data:`myUnits`) is removed with the token before it.
    """
    known = vars(_units())
    while i < len(eq_parts):
        if eq_parts[i] == "ms":
            text = eq_parts[i - 2] + eq_parts[i - 1] + eq_parts[i]
            eq_parts[i - 2] = f"{seconds_of(text, 'remove_units')}"
            eq_parts.pop(i)
            eq_parts.pop(i - 1)
            i -= 2
        if eq_parts[i] in known or eq_parts[i] in myUnits:
            eq_parts.pop(i)
            eq_parts.pop(i - 1)
            i -= 2
        i += 1
    return eq_parts
