"""PymoNNto's own tabs, shown by the studio's views.

``get_default_UI_modules(['voltage', 'spike'], ['W'])`` gives PymoNNto's default tabs with the
variables a script wants to see. Each kind of tab has a studio counterpart: a live view (traces,
raster, grid, weights, the analysis views), a dock (console, event log, network tree) or the
window's own controls; :func:`apply` opens or configures it with the tab's variables and returns
one :class:`TabMapping` per tab, saying where it went or that it has no equivalent.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from studio.views.registry import available_views

__all__ = ["TabMapping", "VIEW_KINDS", "DOCK_KINDS", "NO_EQUIVALENT", "apply", "variables_of"]

#: Tab kind -> the view that shows it (the default layout's dock of that name, else a new one).
VIEW_KINDS = {
    "multi_group_plot": "traces",
    "single_group_plot": "traces",
    "spiketrain": "raster",
    "UI_sidebar_network_selector": "grid",
    "UI_sidebar_neuron_grid_module": "grid",
    "sidebar_neuron_grid_submodule": "grid",
    "weight": "weights",
    "individual_weight": "weights",
    "hist": "weight_hist",
    "isi": "isi",
    "fourier": "spectrum",
    "PCA": "pca",
    "scatter": "pca",
}
#: Tab kind -> (dock name, what it is called there).
DOCK_KINDS = {
    "code_execution": ("console", "the Console dock"),
    "event": ("event_log", "the Event log dock"),
    "info": ("network", "the Network dock"),
    "sidebar_module_quick_access": ("parameters", "the Parameters dock"),
    "module_visualizer": ("network", "the Network dock (behaviors of each group)"),
}
#: Tab kind -> where the window offers the same thing without a dock.
WINDOW_KINDS = {
    "sidebar_fast_forward_module": "the toolbar's Run N (Ctrl+R) and speed controls",
    "sidebar_save_load_module": "File → Save state / Load state",
}
#: Tab kinds without a studio counterpart, with why.
NO_EQUIVALENT = {
    "partition": "PymoNNto's partition view of sub-groups",
    "stability": "the autocorrelation (stability) plot",
    "Analysis_Module": "PymoNNto's analysis-module result browser",
    "classifier_bar": "the neuron-classification bar chart",
    "stdp_buffer": "the STDP buffer plot",
    "criticality": "the avalanche (criticality) analysis",
    "buffer": "the input-buffer plot",
    "afferent_syn_attr_plot": "the afferent synapse attribute plot",
    "similarity_matrix": "the activity similarity matrix",
}


@dataclass(frozen=True)
class TabMapping:
    """Where one PymoNNto tab went: ``target`` is a dock name, or None when nothing shows it."""

    tab: str
    target: str | None
    note: str

    def __str__(self) -> str:
        return f"{self.tab}: {self.note}"


def variables_of(tab: Any) -> list[str]:
    """The variables a light tab was given (``variables``, ``parameter``, ``param``, ...), in order."""
    found: list[str] = []
    options = getattr(tab, "options", {}) or {}
    for key in ("variables", "parameter", "param", "add_color_dict", "weight_attrs", "weight_attr", "x_var"):
        value = options.get(key)
        if isinstance(value, str):
            found.append(value)
        elif isinstance(value, dict):
            found += [str(k) for k in value]
        elif isinstance(value, (list, tuple)):
            found += [str(v) for v in value]
    return found


def apply(window: Any, tabs: Sequence[Any], host: Any) -> list[TabMapping]:
    """Open / configure the studio counterparts of PymoNNto's ``tabs`` in ``window``."""
    views = available_views()
    neuron_vars = [
        v for t in tabs if _kind(t) in ("multi_group_plot", "single_group_plot") for v in variables_of(t)
    ]
    opened: dict[str, Any] = {}
    result = []
    for tab in tabs:
        kind, name = _kind(tab), type(tab).__name__
        if kind in VIEW_KINDS and VIEW_KINDS[kind] in views:
            target = VIEW_KINDS[kind]
            view, dock = _view(window, target, opened)
            chosen = _choose(view, variables_of(tab), neuron_vars, kind)
            shown = f" showing '{chosen}'" if chosen else ""
            result.append(TabMapping(name, dock, f"{views[target].title} view{shown}"))
        elif kind in DOCK_KINDS:
            dock, label = DOCK_KINDS[kind]
            result.append(TabMapping(name, dock, f"shown by {label}"))
        elif kind in WINDOW_KINDS:
            result.append(TabMapping(name, None, f"use {WINDOW_KINDS[kind]}"))
        elif kind in NO_EQUIVALENT or kind in VIEW_KINDS:
            what = NO_EQUIVALENT.get(kind, "this view")
            result.append(TabMapping(name, None, f"no equivalent in mnn-studio ({what})"))
        else:
            result.append(TabMapping(name, None, "draws nothing (it does not override initialize)"))
    return result


def _kind(tab: Any) -> str:
    return str(getattr(tab, "kind", "custom"))


def _view(window: Any, kind: str, opened: dict[str, Any]) -> tuple[Any, str]:
    """The view that shows ``kind``: the default dock of that name, else one new view per kind."""
    docks = window.docks
    if kind in opened:
        return opened[kind]
    if kind in docks.views:
        name = kind
        docks.docks[name].show()
    else:
        dock = docks.open_extra(kind)
        name = dock.objectName()
        anchor = "weights" if "weights" in docks.docks else None
        if anchor is not None:
            window.tabifyDockWidget(docks.docks[anchor], dock)
            docks.docks[anchor].raise_()
    opened[kind] = (docks.views[name], name)
    return opened[kind]


def _choose(view: Any, tab_vars: list[str], neuron_vars: list[str], kind: str) -> str | None:
    """Show the first of the tab's variables the view can show (the raster prefers a spike-like one)."""
    setter = getattr(view, "set_variable", None)
    box = getattr(view, "var_box", None)
    if setter is None:
        return None
    offered = [box.itemText(i) for i in range(box.count())] if box is not None else []
    candidates = tab_vars + neuron_vars
    if kind == "spiketrain":
        candidates = [v for v in neuron_vars if v in offered] + candidates
    for name in candidates:
        if not offered or name in offered:
            setter(name)
            return name
    return None
