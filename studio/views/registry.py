"""The view registry: every kind of live view by name, with its title and where its class lives.

"View → New view", the default layout (:mod:`studio.dock_table`) and the saved layout (extra views
such as ``raster_2``) all ask this registry, so adding a view is its own module plus one line in
:data:`BUILTIN_VIEWS` (or one :func:`register_view` call from anywhere, e.g. a plug-in).

A view class is named by ``"module:Class"`` and imported only when a view of that kind is made:
the registry imports no view module (so no view depends on it either way), and the same shape is
what an entry point gives (``importlib.metadata.entry_points(group="mnn_studio.views")``, a later
addition to :func:`available_views`).

A view class is constructed as ``cls(bridge, selection)`` (see :class:`studio.views.base.LiveView`).
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Any

__all__ = ["ViewType", "BUILTIN_VIEWS", "register_view", "available_views", "view_type", "make_view"]


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
        """The view class (its module is imported on first use)."""
        if isinstance(self.target, type):
            return self.target
        module, _, attr = self.target.partition(":")
        return getattr(importlib.import_module(module), attr)


#: The studio's own views, in "New view" menu order.
BUILTIN_VIEWS: tuple[ViewType, ...] = (
    ViewType("traces", "Traces", "studio.views.traces:TraceView"),
    ViewType("raster", "Spike raster", "studio.views.raster:RasterView"),
    ViewType("grid", "Activity grid", "studio.views.grid:ActivityGridView"),
    ViewType("weights", "Weights", "studio.views.weights:WeightsView"),
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


def available_views() -> dict[str, ViewType]:
    """Every view kind by name: the built-in ones, then those registered by :func:`register_view`
    (which may replace a built-in one)."""
    views = {v.name: v for v in BUILTIN_VIEWS}
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
