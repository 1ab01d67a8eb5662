"""The view registry: every kind of live view by name, with its title and where its class lives.

"View → New view", the default layout (:mod:`studio.dock_table`) and the saved layout (extra views
such as ``raster_2``) all ask this registry, so adding a view is its own module plus one line in
:data:`BUILTIN_VIEWS` (or one :func:`register_view` call from anywhere, e.g. a plug-in).

A view class is named by ``"module:Class"`` and imported only when a view of that kind is made:
the registry imports no view module (so no view depends on it either way), and the same shape is
what an entry point gives: packages add views with ``[project.entry-points."mnn_studio.views"]``
(``name = "package.module:Class"``), found by :func:`available_views` (see docs/plugins.md).

A view class is constructed as ``cls(bridge, selection)`` (see :class:`studio.views.base.LiveView`);
a :class:`studio.plugins.api.StudioView` subclass is shown through its host widget.
"""

from __future__ import annotations

import importlib
import importlib.metadata
from dataclasses import dataclass
from typing import Any

__all__ = [
    "ViewType",
    "BUILTIN_VIEWS",
    "ENTRY_POINT_GROUP",
    "register_view",
    "available_views",
    "entry_point_views",
    "view_type",
    "make_view",
]

#: The entry-point group through which installed packages add views.
ENTRY_POINT_GROUP = "mnn_studio.views"


@dataclass(frozen=True)
class ViewType:
    """One kind of live view.

    Attributes
    ----------
    name: registry name; also the dock's object name (extra docks: ``name_2``, ``name_3``, ...).
    title: the dock title and the "View → New view" label.
    target: ``"package.module:ClassName"`` of the view class, or the class itself.
    """

    name: str
    title: str
    target: str | type

    def load(self) -> type:
        """The view class (its module is imported on first use); for a plug-in
        :class:`~studio.plugins.api.StudioView`, the widget class that hosts it."""
        cls = self.target
        if not isinstance(cls, type):
            module, _, attr = cls.partition(":")
            cls = getattr(importlib.import_module(module), attr)
        from studio.plugins.api import StudioView, host_class

        if isinstance(cls, type) and issubclass(cls, StudioView):
            return host_class(cls)
        return cls


#: The studio's own views, in "New view" menu order.
BUILTIN_VIEWS: tuple[ViewType, ...] = (
    ViewType("traces", "Traces", "studio.views.traces:TraceView"),
    ViewType("raster", "Spike raster", "studio.views.raster:RasterView"),
    ViewType("grid", "Activity grid", "studio.views.grid:ActivityGridView"),
    ViewType("weights", "Weights", "studio.views.weights:WeightsView"),
    ViewType("isi", "ISI histogram", "studio.views.analysis.isi:IsiView"),
    ViewType("rates", "Firing rates", "studio.views.analysis.rates:RateView"),
    ViewType("spectrum", "Power spectrum", "studio.views.analysis.spectrum:SpectrumView"),
    ViewType("weight_hist", "Weight histogram", "studio.views.analysis.weight_hist:WeightHistogramView"),
    ViewType("pca", "PCA trajectory", "studio.views.analysis.pca:PcaView"),
    ViewType("graph", "Network graph", "studio.views.graph:GraphView"),
)

_registered: dict[str, ViewType] = {}


def register_view(name: str, title: str, target: str | type) -> ViewType:
    """Register (or replace) a view kind; returns its :class:`ViewType`.

    ``name`` must be an identifier without a trailing ``_<number>`` (that suffix numbers the extra
    docks of one kind).
    """
    if not name.isidentifier() or name.rpartition("_")[2].isdigit():
        raise ValueError(f"view name {name!r}: use an identifier that does not end in _<number>")
    if isinstance(target, str):
        module, sep, attr = target.partition(":")
        if not (sep and attr.isidentifier() and all(p.isidentifier() for p in module.split("."))):
            raise ValueError(f"view {name!r}: target {target!r} must read 'package.module:ClassName'")
    elif not isinstance(target, type):
        raise TypeError(
            f"view {name!r}: target must be a class or 'package.module:ClassName', got {target!r}"
        )
    view = ViewType(name, title, target)
    _registered[name] = view
    return view


_entry_points: dict[str, ViewType] | None = None


def entry_point_views(refresh: bool = False) -> dict[str, ViewType]:
    """The views installed packages declare in the ``mnn_studio.views`` entry-point group.

    Read once (``refresh=True`` reads again, e.g. after a ``pip install``). The title is the view
    class's ``title``; a plug-in whose module does not import is listed under its name and reports
    its error when opened (the studio goes on either way).
    """
    global _entry_points
    if _entry_points is None or refresh:
        found = {}
        for ep in importlib.metadata.entry_points(group=ENTRY_POINT_GROUP):
            if not ep.name.isidentifier() or ep.name.rpartition("_")[2].isdigit():
                continue
            try:
                title = str(getattr(ep.load(), "title", ep.name))
            except Exception:  # noqa: BLE001 - a broken plug-in says so when opened
                title = f"{ep.name} (plug-in failed to import)"
            found[ep.name] = ViewType(ep.name, title, ep.value)
        _entry_points = found
    return dict(_entry_points)


def available_views() -> dict[str, ViewType]:
    """Every view kind by name: the built-in ones, then the installed plug-ins' (entry points),
    then those registered by :func:`register_view` (a later one may replace an earlier one)."""
    views = {v.name: v for v in BUILTIN_VIEWS}
    views.update(entry_point_views())
    views.update(_registered)
    return views


def view_type(name: str) -> ViewType:
    """The view kind ``name`` (``KeyError`` naming the known kinds if there is none)."""
    views = available_views()
    try:
        return views[name]
    except KeyError:
        raise KeyError(f"no view kind {name!r}; known: {', '.join(views)}") from None


def make_view(name: str, bridge: Any, selection: Any) -> Any:
    """A new view of kind ``name`` on ``bridge`` and ``selection``."""
    return view_type(name).load()(bridge, selection)
