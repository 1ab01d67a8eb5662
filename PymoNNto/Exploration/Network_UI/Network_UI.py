"""PymoNNto 3.0.6's ``PymoNNto.Exploration.Network_UI.Network_UI`` module: ``Network_UI(net, ...).show()``.

In build mode (a script loaded by :func:`engine.io.scripts.load_script`, e.g. opened in the studio)
``show()`` hands the network and its tabs over to the loader and returns at once. Otherwise it opens
the mnn-studio window on the network (``studio.app.show_network``), replacing PymoNNto's own window.
Either way the studio shows the tabs (``modules``, plus every behavior's ``get_UI_Tabs()``): custom
:class:`TabBase` subclasses as docks of their own, PymoNNto's default tabs as the studio's views
(:mod:`studio.plugins`). Inside the studio, the object a tab gets as ``Network_UI`` is the studio's
:class:`studio.plugins.network_ui.TabHost`, which provides PymoNNto's tab API.
"""

from typing import Any as _Any

import numpy as np

import PymoNNto.Exploration.Network_UI.Neuron_Classification_Colorizer as _colorizer
import PymoNNto.Exploration.UI_Base as _ui_base
import PymoNNto.NetworkBehavior.Recorder.Recorder as _recorder
import PymoNNto.NetworkBehavior.Structure.Structure as _structure
from engine.compat.ui_event import event
from PymoNNto._shim import export as _export
from PymoNNto._unavailable import not_provided as _not_provided
from PymoNNto._why import UI as _WHY

_not_provided(globals(), why=_WHY, functions="except_hook get_color")


class Network_UI:
    """Open ``network`` in the studio (``.show()``).

    Parameters
    ----------
    network: the Network to show.
    modules: PymoNNto UI modules (tabs) the studio shows; a dict's values are used.
    label: window title (PymoNNto's legacy name; wins over ``title``).
    title: window title.
    group_tags: the groups to display first (passed to the studio as an option).
    Other PymoNNto keyword arguments (``transmitters``, ``storage_manager``, ``group_display_count``,
    ``reduced_layout``, ...) are accepted and kept in ``options``.
    """

    def __init__(
        self,
        network: _Any,
        modules: list[_Any] | None = None,
        label: str | None = None,
        title: str = "Network UI",
        group_tags: list[str] | None = None,
        *args: _Any,
        **kwargs: _Any,
    ) -> None:
        if network is None or not callable(getattr(network, "simulate_iteration", None)):
            raise TypeError(f"Network_UI needs a Network, got {type(network).__name__}")
        self.network = network
        self.modules = list(modules.values() if isinstance(modules, dict) else modules or [])
        self.title = label if label is not None else title
        self.group_tags = list(group_tags) if group_tags else None
        self.options = dict(kwargs)
        if args:
            self.options["args"] = args

    def show(self) -> "Network_UI":
        """Hand the network to the script loader (build mode) or open the studio window on it."""
        from engine.io import scripts

        if scripts.hand_over(
            self.network, self.title, group_tags=self.group_tags, modules=self.modules, **self.options
        ):
            return self
        try:
            from studio.app import show_network
        except ImportError as exc:
            raise ImportError(
                "Network_UI(...).show() opens the mnn-studio window, but the studio cannot be "
                f"imported ({exc}). Install the GUI dependencies (PyQt6, pyqtgraph): "
                "pip install mnn-studio"
            ) from exc
        show_network(self.network, title=self.title, ui_options={"modules": self.modules, **self.options})
        return self


_export(globals(), _ui_base, _recorder, _colorizer, _structure)
