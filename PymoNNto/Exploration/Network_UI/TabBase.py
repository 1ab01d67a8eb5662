"""PymoNNto 3.0.6's ``PymoNNto.Exploration.Network_UI.TabBase`` module: :class:`TabBase`.

A tab is a small object with four hooks that the studio calls with its ``Network_UI`` object
(:class:`studio.plugins.network_ui.TabHost`): ``add_recorder_variables`` (once per shown group),
``initialize`` (builds its widgets with ``Network_UI.add_tab`` / ``Next_Tab``, ``Add_plot_curve``,
...), ``update`` (at display rate, while the network waits between two iterations) and
``on_selected_neuron_changed``. A custom tab subclasses :class:`TabBase` and overrides them; the
tab classes PymoNNto ships are light subclasses that keep their arguments (``options``, by
parameter name) and a ``kind``, which the studio maps onto its own views.

``from ...TabBase import *`` gives what PymoNNto's module gives: ``np``, ``sys``, ``plt``, the
modules ``QtCore``/``QtGui``/``QtWidgets``/``uic``, ``Qt``, ``pg`` and every class of
``QtGui``/``QtWidgets``, taken from PyQt6 and pyqtgraph (imported when the star import asks).
"""

import sys
from typing import Any as _Any

import numpy as np

import PymoNNto as _pymonnto
from PymoNNto._shim import QT_STARS as _QT_STARS
from PymoNNto._shim import QWIDGETSIZE_MAX
from PymoNNto._shim import export as _export


class TabBase:
    """The base class of PymoNNto's UI tabs (and of custom ones).

    ``TabBase(title='Title')``. Subclasses name their constructor parameters in ``parameters``
    (positional order) and may set ``kind`` and ``default_title``; ``options`` maps every given
    argument to its parameter name, and an argument that is not a parameter raises ``TypeError``
    naming it.
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
        """Ask for recordings of ``neuron_group`` (``Network_UI.add_recording_variable``)."""

    def initialize(self, Network_UI: _Any) -> None:
        """Build the tab's widgets (``Network_UI.add_tab(title)`` and its rows, plots, curves)."""

    def update(self, Network_UI: _Any) -> None:
        """Redraw from the network (called at display rate between two iterations)."""

    def on_selected_neuron_changed(self, Network_UI: _Any) -> None:
        """The selected neuron or group changed (``Network_UI.selected_neuron_id()``, ...)."""

    @classmethod
    def draws_itself(cls) -> bool:
        """Whether the tab builds its own widgets (it overrides :meth:`initialize`)."""
        return cls.initialize is not TabBase.initialize


_export(
    globals(),
    _pymonnto,
    lazy=("plt", "QtCore", "QtGui", "QtWidgets", "uic", "Qt", "pg", "Image"),
    lazy_stars=_QT_STARS,
)
