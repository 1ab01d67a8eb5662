"""PymoNNto 3.0.6's ``PymoNNto.Exploration.Network_UI.TabBase`` module: :class:`TabBase`.

In mnn-studio a tab is a light object without Qt: it keeps its constructor arguments
(``options``, by parameter name), its ``title`` and a ``kind`` naming the tab, so scripts that
build tab lists for ``Network_UI`` run unchanged; the studio's own views show the network.
PyQt5's names (``QtWidgets``' classes and the like) are not given here; ``QtCore``, ``pg``, ...
are placeholders that say so when used.
"""

import sys
from typing import Any as _Any

import numpy as np

import PymoNNto as _pymonnto
from PymoNNto._shim import QWIDGETSIZE_MAX
from PymoNNto._shim import export as _export


class TabBase:
    """The base class of PymoNNto's UI tabs (and of custom ones): keeps what it was given.

    Subclasses name their constructor parameters in ``parameters`` (positional order) and may set
    ``kind`` and ``default_title``. ``options`` maps every given argument to its parameter name;
    an argument that is not a parameter raises ``TypeError`` naming it.
    """

    kind = "custom"
    default_title = "Title"
    parameters: tuple[str, ...] = ("title",)

    def __init__(self, *args: _Any, **kwargs: _Any) -> None:
        cls = type(self)
        names = cls.parameters
        if len(args) > len(names):
            raise TypeError(
                f"{cls.__name__}() takes at most {len(names)} positional arguments "
                f"({', '.join(names)}), got {len(args)}"
            )
        unknown = [key for key in kwargs if key not in names]
        if unknown:
            raise TypeError(
                f"{cls.__name__}() got unexpected keyword arguments {unknown}; "
                f"its parameters are {', '.join(names)}"
            )
        twice = [key for key in names[: len(args)] if key in kwargs]
        if twice:
            raise TypeError(f"{cls.__name__}() got multiple values for {twice}")
        self.args, self.kwargs = args, kwargs
        self.options: dict[str, _Any] = {**dict(zip(names, args)), **kwargs}
        self.title = self.options.get("title", cls.default_title)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.options})"

    def add_recorder_variables(self, neuron_group: _Any, Network_UI: _Any) -> None:
        """Nothing to do: the studio records what its views watch."""

    def initialize(self, Network_UI: _Any) -> None:
        """Nothing to do: the studio builds its own views."""

    def update(self, Network_UI: _Any) -> None:
        """Nothing to do: the studio's views redraw themselves."""

    def on_selected_neuron_changed(self, Network_UI: _Any) -> None:
        """Nothing to do: the studio's selection drives its views."""


_export(globals(), _pymonnto, lazy=("plt", "QtCore", "QtGui", "QtWidgets", "uic", "pg", "Image"))
