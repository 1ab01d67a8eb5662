"""Names of PymoNNto 3.0.6 that mnn-studio keeps but does not provide: using one says so.

``not_provided(globals(), functions="a b", classes="C D", why="...")`` defines each name in the
calling module: a function that raises :class:`NotProvidedError` when called, or a class that
raises it when instantiated (it can still be named, subclassed and checked with ``isinstance``).
The message names the culprit and ``why`` says what to use instead.
"""

from typing import Any


class NotProvidedError(NotImplementedError):
    """A PymoNNto name that mnn-studio does not provide was used."""


def _message(module: str, name: str, why: str) -> str:
    return f"{module}.{name} is not provided by mnn-studio: {why}"


def _function(module: str, name: str, why: str) -> Any:
    def unavailable(*args: Any, **kwargs: Any) -> Any:
        raise NotProvidedError(_message(module, name, why))

    unavailable.__name__ = unavailable.__qualname__ = name
    unavailable.__module__ = module
    unavailable.__doc__ = f"Not provided by mnn-studio ({why})."
    return unavailable


def _class(module: str, name: str, why: str) -> type:
    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
        raise NotProvidedError(_message(module, name, why))

    return type(
        name,
        (),
        {"__init__": __init__, "__module__": module, "__doc__": f"Not provided by mnn-studio ({why})."},
    )


def not_provided(namespace: dict[str, Any], *, why: str, functions: str = "", classes: str = "") -> None:
    """Define the space-separated ``functions`` and ``classes`` in ``namespace`` as placeholders."""
    module = namespace["__name__"]
    for name in functions.split():
        namespace[name] = _function(module, name, why)
    for name in classes.split():
        namespace[name] = _class(module, name, why)


def unavailable_module(module: str, why: str) -> ImportError:
    """The error a module of PymoNNto 3.0.6 that mnn-studio does not provide raises at import."""
    error = ImportError(f"{module} is not provided by mnn-studio: {why}", name=module)
    return error
