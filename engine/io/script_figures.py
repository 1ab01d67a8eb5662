"""Collect the matplotlib figures that script code draws, without importing matplotlib.

While a :class:`FigureCapture` is active, ``plt.show()`` takes the open pyplot figures (in the order
they were made) and closes them in pyplot, as a blocking ``show()`` does once its windows close: the
next ``plt.plot`` starts a new figure, exactly as the script expects. Figures still open at the end
are taken too. The figures themselves stay usable (draw, ``savefig``) after pyplot forgot them.

matplotlib is never imported here: if the script imports ``matplotlib.pyplot`` itself while the
capture is active, an import hook patches it as soon as it is loaded. A pyplot already running an
interactive backend (a GUI window backend) is switched to Agg first, since the code may run on a
worker thread, where GUI windows must not be made.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import sys
import types
from collections.abc import Callable, Sequence
from typing import Any

__all__ = ["FigureCapture", "NON_INTERACTIVE_BACKENDS", "open_figures"]

#: Backends that open no window (their figures render to images or files).
NON_INTERACTIVE_BACKENDS = ("agg", "cairo", "pdf", "pgf", "ps", "svg", "template")
_PYPLOT = "matplotlib.pyplot"


class _Loader(importlib.abc.Loader):
    """Delegates to the real loader, then tells the capture that pyplot is there."""

    def __init__(self, real: importlib.abc.Loader, loaded: Callable[[types.ModuleType], None]) -> None:
        self._real, self._loaded = real, loaded

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> types.ModuleType | None:
        return self._real.create_module(spec)

    def exec_module(self, module: types.ModuleType) -> None:
        self._real.exec_module(module)
        self._loaded(module)


class _PyplotHook(importlib.abc.MetaPathFinder):
    def __init__(self, loaded: Callable[[types.ModuleType], None]) -> None:
        self._loaded = loaded

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: types.ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname != _PYPLOT:
            return None
        spec = importlib.machinery.PathFinder.find_spec(fullname, path)
        if spec is None or spec.loader is None:
            return None
        spec.loader = _Loader(spec.loader, self._loaded)
        return spec


def open_figures() -> list[Any]:
    """The figures pyplot holds now (none when pyplot is not imported)."""
    pyplot = sys.modules.get(_PYPLOT)
    if pyplot is None:
        return []
    return [pyplot.figure(num) for num in pyplot.get_fignums()]


def _registry() -> Any:
    """pyplot's figure registry (number → manager), or None when pyplot is not imported."""
    helpers = sys.modules.get("matplotlib._pylab_helpers")
    return None if helpers is None else getattr(getattr(helpers, "Gcf", None), "figs", None)


def _is_interactive(backend: str) -> bool:
    name = backend.lower()
    return name not in NON_INTERACTIVE_BACKENDS and not name.startswith("module://matplotlib_inline")


class FigureCapture:
    """Context manager; :attr:`figures` are the matplotlib Figures shown or left open, in order.

    Figures that were open before it started (another script's, a console's) are set aside while it
    runs, so that ``plt.plot`` cannot draw into them, and are given back to pyplot afterwards; those in
    ``adopt`` (the ones the same script drew earlier, e.g. while it was built) stay and are taken.
    """

    def __init__(self, adopt: Sequence[Any] = ()) -> None:
        self.figures: list[Any] = []
        self._adopt = list(adopt)
        self._aside: dict[Any, Any] = {}  # figure number → pyplot's manager, set aside
        self._pyplot: Any = None
        self._old_show: Any = None
        self._hook: _PyplotHook | None = None

    def __enter__(self) -> FigureCapture:
        pyplot = sys.modules.get(_PYPLOT)
        if pyplot is not None:
            self._set_aside()
            self._attach(pyplot)
        else:
            self._hook = _PyplotHook(self._attach)
            sys.meta_path.insert(0, self._hook)
        return self

    def __exit__(self, *exc: object) -> None:
        if self._hook is not None:
            if self._hook in sys.meta_path:
                sys.meta_path.remove(self._hook)
            self._hook = None
        if self._pyplot is not None:
            self.collect()
            self._pyplot.show = self._old_show
            self._pyplot = None
        registry = _registry()
        for num, manager in self._aside.items():
            if registry is not None and num not in registry:
                registry[num] = manager
        self._aside = {}

    def _set_aside(self) -> None:
        registry = _registry()
        if registry is None:
            return
        for num, manager in list(registry.items()):
            figure = getattr(getattr(manager, "canvas", None), "figure", None)
            if not any(figure is a for a in self._adopt):
                self._aside[num] = registry.pop(num)

    def _attach(self, pyplot: types.ModuleType) -> None:
        if self._pyplot is not None:
            return
        if _is_interactive(str(pyplot.get_backend())):
            pyplot.switch_backend("agg")
        self._pyplot, self._old_show = pyplot, pyplot.show

        def show(*args: Any, **kwargs: Any) -> None:  # a function: pyplot sets attributes on it
            self.collect()

        setattr(pyplot, "show", show)  # noqa: B010 - a module attribute

    def collect(self) -> list[Any]:
        """Take the open pyplot figures (and close them in pyplot); returns the ones taken now."""
        pyplot = self._pyplot
        if pyplot is None:
            return []
        taken = open_figures()
        for fig in taken:
            pyplot.close(fig)
            if not any(fig is f for f in self.figures):
                self.figures.append(fig)
        return taken
