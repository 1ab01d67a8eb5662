"""``Network_UI`` for PymoNNto scripts: ``Network_UI(net, ...).show()``.

In build mode (a script loaded by :func:`engine.io.scripts.load_script`, e.g. opened in the studio)
``show()`` hands the network over to the loader and returns at once. Otherwise it opens the
mnn-studio window on the network (``studio.app.show_network``), replacing PymoNNto's own window.

The reference's UI modules are not reproduced: :func:`get_default_UI_modules` returns an empty list
and :class:`TabBase` is a placeholder base class, so scripts that build module lists still run.
"""

from __future__ import annotations

from typing import Any

__all__ = ["Network_UI", "get_default_UI_modules", "TabBase"]


class TabBase:
    """Placeholder for PymoNNto's UI tab base class (custom tabs are accepted and ignored)."""

    def __init__(self, title: str = "Untitled", *args: Any, **kwargs: Any) -> None:
        self.title = title
        self.args, self.kwargs = args, kwargs

    def add_recorder_variables(self, neuron_group: Any, Network_UI: Any) -> None:
        """Ignored (the studio records what its views watch)."""

    def initialize(self, Network_UI: Any) -> None:
        """Ignored."""

    def update(self, Network_UI: Any) -> None:
        """Ignored."""

    def on_selected_neuron_changed(self, Network_UI: Any) -> None:
        """Ignored."""


def get_default_UI_modules(*args: Any, **kwargs: Any) -> list[Any]:
    """PymoNNto's default tab list; the studio has its own views, so this is empty."""
    return []


class Network_UI:
    """Open ``network`` in the studio (``.show()``).

    Parameters
    ----------
    network: the Network to show.
    modules: PymoNNto UI modules (accepted, ignored).
    label: window title (PymoNNto's legacy name; wins over ``title``).
    title: window title.
    group_tags: the groups to display first (passed to the studio as an option).
    Other PymoNNto keyword arguments (``transmitters``, ``storage_manager``, ``group_display_count``,
    ``reduced_layout``, ...) are accepted and kept in ``options``.
    """

    def __init__(
        self,
        network: Any,
        modules: list[Any] | None = None,
        label: str | None = None,
        title: str = "Network UI",
        group_tags: list[str] | None = None,
        *args: Any,
        **kwargs: Any,
    ) -> None:
        if network is None or not callable(getattr(network, "simulate_iteration", None)):
            raise TypeError(f"Network_UI needs a Network, got {type(network).__name__}")
        self.network = network
        self.modules = list(modules or [])
        self.title = label if label is not None else title
        self.group_tags = list(group_tags) if group_tags else None
        self.options = dict(kwargs)
        if args:
            self.options["args"] = args

    def show(self) -> Network_UI:
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
        show_network(self.network, title=self.title)
        return self
