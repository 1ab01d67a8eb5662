"""Expression strings of the library behaviors ('n.voltage', 'np.mean(n.voltage)', equations).

PymoNNto evaluates such strings with ``eval`` on every step. Here each one is compiled once into a
small function of the names the string may use (``n``, ``self``, ...); calling it does the same
arithmetic as ``eval`` without building a locals dict per step.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

__all__ = ["compile_function", "BASE_NAMESPACE"]

#: what every expression may use besides its arguments (PymoNNto's behavior modules have ``np``)
BASE_NAMESPACE: dict[str, Any] = {"np": np}


def compile_function(
    text: object, arguments: tuple[str, ...], owner: str, namespace: dict[str, Any] | None = None
) -> Callable[..., Any]:
    """``lambda <arguments>: (<text>)`` evaluated in ``namespace`` (default: ``np`` only).

    Raises TypeError if ``text`` is not a string and ValueError (naming ``owner`` and the text) if it
    is not a Python expression.
    """
    if not isinstance(text, str):
        raise TypeError(f"{owner}: expected an expression string such as 'n.voltage', got {text!r}")
    source = f"lambda {', '.join(arguments)}: ({text}\n)"
    try:
        code = compile(source, f"<{owner}>", "eval")
    except SyntaxError as error:
        raise ValueError(f"{owner}: {text!r} is not a Python expression ({error.msg})") from None
    function: Callable[..., Any] = eval(code, dict(BASE_NAMESPACE if namespace is None else namespace))
    return function
