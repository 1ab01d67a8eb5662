"""TabHost: the ``Network_UI`` object a PymoNNto tab is given, on the studio's window.

A tab calls ``Network_UI.add_tab(title)`` (or the old ``Next_Tab``) to get a page, fills it with
rows, plots and curves, asks for recordings with ``add_recording_variable`` and reads the network
and the selection in ``update``. Every page becomes a dock of the studio window; sidebar elements go
into one "Sidebar" dock. The host never steps the network: :class:`studio.plugins.tab_set.TabSet`
calls the tabs on the GUI thread while the runner waits between two iterations.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
from PyQt6.QtWidgets import QLabel, QWidget

from engine.compat.ui_event import event
from studio.plugins.tab_widgets import DEFAULT_COLORS, RowColumnWidget, TabPlotItem

__all__ = ["TabHost", "TabApiError", "PUBLIC_API"]

#: The Network_UI methods and attributes tabs may use (listed when a tab asks for another one).
PUBLIC_API = (
    "network group_tags transmitters tab sidebar pause render_every_x_frames reduced_layout "
    "group_display_count event_list it storage_manager control_key_down "
    "add_tab Next_Tab Next_H_Block Add_element Add_plot Add_plot_curve Add_Image_Item "
    "Add_Sidebar_Element Add_Sidebar_Spacing add_sidebar_widget add_recording_variable "
    "selected_neuron_group selected_neuron_tag selected_neuron_id selected_neuron_ids "
    "selected_neuron_mask select_neuron select_neurons get_selected_synapses "
    "get_selected_neuron_subgroup get_visible_neuron_groups add_event static_update_func"
).split()


class TabApiError(AttributeError):
    """A tab used a ``Network_UI`` method or attribute that mnn-studio does not provide."""


class TabHost:
    """PymoNNto's ``Network_UI`` API for the tabs shown in one studio window.

    Parameters
    ----------
    network: the network the tabs show.
    add_page: ``add_page(title, widget)`` puts a tab page into a dock of the window.
    add_sidebar: ``add_sidebar(widget)`` shows the sidebar dock (called once, when first used).
    select: ``select(group, neuron_index)`` selects in the studio (every view follows).
    set_paused: ``set_paused(bool)`` pauses or resumes the run.
    is_paused: ``is_paused()`` whether the run is paused.
    group_tags, transmitters: groups / synapse groups the tabs show (default: every group's first tag).
    """

    def __init__(
        self,
        network: Any,
        add_page: Callable[[str, QWidget], None],
        add_sidebar: Callable[[QWidget], None],
        select: Callable[[Any, int], None],
        set_paused: Callable[[bool], None],
        is_paused: Callable[[], bool],
        group_tags: Sequence[str] | None = None,
        transmitters: Sequence[str] | None = None,
        reduced_layout: bool = False,
        group_display_count: int | None = None,
        storage_manager: Any = None,
    ) -> None:
        self.network = network
        self.group_tags = list(group_tags or _first_tags(network.NeuronGroups))
        self.transmitters = list(transmitters or _first_tags(network.SynapseGroups))
        self.reduced_layout = reduced_layout
        self.group_display_count = group_display_count or len(network.NeuronGroups)
        self.storage_manager = storage_manager
        self.render_every_x_frames = 1  #: tabs update on every x-th display frame
        self.event_list: list[Any] = []
        self.control_key_down = False
        self.tab: RowColumnWidget | None = None
        self._add_page, self._add_sidebar = add_page, add_sidebar
        self._select, self._set_paused, self._is_paused = select, set_paused, is_paused
        self._sidebar: RowColumnWidget | None = None
        self._recordings: dict[int, dict[str, int]] = {}  # id(group) -> {variable: timesteps}
        self._groups: dict[int, Any] = {}
        self.on_selection_changed: Callable[[], None] = lambda: None
        groups = self.shown_groups()
        self._group = groups[0] if groups else None
        self._mask = np.zeros(_size(self._group), dtype=bool)
        if self._mask.size:
            self._mask[0] = True

    # ------------------------------------------------------------------ unknown names
    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        close = difflib.get_close_matches(name, PUBLIC_API, n=3)
        hint = f" Did you mean {', '.join(close)}?" if close else ""
        raise TabApiError(
            f"Network_UI.{name} is not provided by mnn-studio.{hint} "
            f"What a tab can use: {', '.join(PUBLIC_API)}."
        )

    # ------------------------------------------------------------------ state
    @property
    def it(self) -> int:
        """The network's iteration."""
        return int(getattr(self.network, "iteration", 0))

    @property
    def pause(self) -> bool:
        """Whether the run is paused; setting it pauses or resumes the studio's run."""
        return self._is_paused()

    @pause.setter
    def pause(self, value: bool) -> None:
        self._set_paused(bool(value))

    @property
    def sidebar(self) -> RowColumnWidget:
        """The sidebar page (a dock of its own, made when first used)."""
        if self._sidebar is None:
            self._sidebar = RowColumnWidget(self.reduced_layout)
            self._add_sidebar(self._sidebar)
        return self._sidebar

    def shown_groups(self) -> list[Any]:
        """The neuron groups of ``group_tags``, in order, each once."""
        seen: dict[int, Any] = {}
        for tag in self.group_tags:
            for group in self.network[tag]:
                if group in self.network.NeuronGroups:
                    seen.setdefault(id(group), group)
        return list(seen.values())

    def get_visible_neuron_groups(self) -> list[Any]:
        """The neuron groups the tabs show."""
        return self.shown_groups()

    # ------------------------------------------------------------------ pages
    def add_tab(self, title: str = "", stretch: int = 100) -> RowColumnWidget:
        """A new page (a dock titled ``title``) with one row open; later calls fill it."""
        page = RowColumnWidget(self.reduced_layout)
        page.setWindowTitle(title)
        self.tab = page
        page.add_row(stretch=stretch)
        self._add_page(title, page)
        return page

    def Next_Tab(self, title: str = "", stretch: int = 100, create_h_block: bool = True) -> RowColumnWidget:  # noqa: N802
        """Old spelling of :meth:`add_tab`."""
        return self.add_tab(title=title, stretch=stretch)

    def Next_H_Block(self, stretch: int = 100) -> Any:  # noqa: N802
        """Old spelling of ``tab.add_row``: a new row on the current page."""
        return self._page("Next_H_Block").add_row(stretch=stretch)

    def Add_element(self, elem: Any, sidebar: bool = False, stretch: int = 1) -> Any:  # noqa: N802
        """Old spelling of ``tab.add_widget`` (``sidebar=True``: into the sidebar)."""
        target = self.sidebar if sidebar else self._page("Add_element")
        return target.add_widget(elem, stretch=stretch)

    def Add_plot(  # noqa: N802
        self,
        title: str | None = None,
        stretch: int = 1,
        axisItems: dict[str, Any] | None = None,  # noqa: N803
        x_label: str | None = None,
        y_label: str | None = None,
        always_show_axis_labels: bool = False,
        tooltip_message: str | None = None,
    ) -> TabPlotItem:
        """Old spelling of ``tab.add_plot``."""
        return self._page("Add_plot").add_plot(
            title=title, stretch=stretch, axisItems=axisItems, x_label=x_label, y_label=y_label,
            tooltip_message=tooltip_message,
        )  # fmt: skip

    def Add_plot_curve(  # noqa: N802
        self,
        title: str | None = None,
        return_plot: bool = False,
        sidebar: bool = False,
        stretch: int = 1,
        number_of_curves: int = 1,
        colors: Sequence[Any] = DEFAULT_COLORS,
        lines: Sequence[float] = (),
        names: Sequence[str] = ("",),
        legend: bool = False,
        x_label: str | None = None,
        y_label: str | None = None,
        return_list: bool = False,
        always_show_axis_labels: bool = False,
        tooltip_message: str | None = None,
    ) -> Any:
        """A plot with ``number_of_curves`` curves: the curve itself when there is one (unless
        ``return_list``), else the list; with the plot when ``return_plot``."""
        target = self.sidebar if sidebar else self._page("Add_plot_curve")
        plot = target.add_plot(
            title=title, stretch=stretch, x_label=x_label, y_label=y_label, tooltip_message=tooltip_message
        )
        curves = plot.add_curves(number_of_curves, colors, lines, names, legend)
        result: Any = curves[0] if len(curves) == 1 and not return_list else curves
        return (result, plot) if return_plot else result

    def Add_Image_Item(  # noqa: N802
        self,
        return_plot: bool = False,
        sidebar: bool = False,
        stretch: int = 1,
        title: str | None = None,
        tooltip_message: str | None = None,
    ) -> Any:
        """An image item in a new plot (with the plot when ``return_plot``)."""
        target = self.sidebar if sidebar else self._page("Add_Image_Item")
        plot = target.add_plot(title=title, stretch=stretch, tooltip_message=tooltip_message)
        image = plot.add_image()
        return (image, plot) if return_plot else image

    def Add_Sidebar_Element(  # noqa: N802
        self,
        elements: Any = (),
        percentages: Sequence[float] | None = None,
        stretch: int = 100,
        return_h_layout: bool = False,
    ) -> Any:
        """Widgets side by side in a new sidebar row; returns them (or the row's layout)."""
        items = list(elements) if isinstance(elements, (list, tuple)) else [elements]
        shares = list(percentages) if percentages is not None else [1] * len(items)
        sidebar = self.sidebar
        layout = sidebar.add_column(stretch=stretch)
        for item, share in zip(items, shares):
            sidebar.add_widget(item, stretch=int(share))
        sidebar.set_parent_layout()
        return layout if return_h_layout else elements

    def Add_Sidebar_Spacing(self) -> None:  # noqa: N802
        """An empty line in the sidebar."""
        self.add_sidebar_widget(QLabel())

    def add_sidebar_widget(self, widget: QWidget, stretch: int = 100) -> QWidget:
        """A widget at the end of the sidebar."""
        return self.sidebar.add_widget(widget, stretch=stretch)

    def _page(self, method: str) -> RowColumnWidget:
        if self.tab is None:
            raise TabApiError(f"Network_UI.{method} needs a page: call Network_UI.add_tab(title) first")
        return self.tab

    # ------------------------------------------------------------------ recordings
    def add_recording_variable(self, group: Any, var: str, timesteps: int) -> bool:
        """Record ``var`` (a variable or an expression like ``'np.mean(voltage)'``) of ``group``
        for the last ``timesteps`` iterations; requests for the same variable are merged (longest
        wins). The recorders are added once every tab asked (see ``recording_requests``)."""
        if not isinstance(var, str) or not var:
            raise TypeError(f"add_recording_variable: the variable must be a non-empty string, got {var!r}")
        steps = int(timesteps)
        if steps < 1:
            raise ValueError(f"add_recording_variable({var!r}): timesteps must be >= 1, got {timesteps!r}")
        wanted = self._recordings.setdefault(id(group), {})
        wanted[var] = max(steps, wanted.get(var, 0))
        self._groups[id(group)] = group
        return True

    def recording_requests(self) -> list[tuple[Any, int, list[str]]]:
        """``(group, timesteps, variables)`` per group and length: one recorder each (plus 'iteration')."""
        result = []
        for key, wanted in self._recordings.items():
            by_length: dict[int, list[str]] = {}
            for var, steps in wanted.items():
                by_length.setdefault(steps, []).append(var)
            result += [(self._groups[key], steps, names) for steps, names in sorted(by_length.items())]
        return result

    # ------------------------------------------------------------------ selection
    def selected_neuron_group(self) -> Any:
        """The group of the selected neurons."""
        return self._group

    def selected_neuron_tag(self) -> str:
        """The first tag of the selected group."""
        return str(self._group.tags[0])

    def selected_neuron_mask(self) -> np.ndarray:
        """Boolean mask of the selected neurons in their group."""
        return self._mask

    def selected_neuron_id(self) -> int:
        """The first selected neuron."""
        return int(self._mask.argmax())

    def selected_neuron_ids(self) -> np.ndarray:
        """Indices of the selected neurons."""
        return np.flatnonzero(self._mask)

    def select_neuron(self, group: Any, id: Any, add_to_select_group: bool = False) -> None:  # noqa: A002
        """Select neuron ``id`` (or an index array) of ``group``."""
        self.select_neurons(group, id, add_to_select_group)

    def select_neurons(self, group: Any, mask: Any, add_to_select_group: bool = False) -> None:
        """Select the neurons ``mask`` (boolean mask or indices) of ``group``; the studio follows."""
        self.set_selection(group, mask, add_to_select_group or self.control_key_down)
        self._select(group, self.selected_neuron_id())

    def set_selection(self, group: Any, mask: Any, add: bool = False) -> None:
        """Update the selection without telling the studio (the studio's own selection changed)."""
        if group is not self._group or not add:
            self._mask = np.zeros(_size(group), dtype=bool)
        self._group = group
        try:
            self._mask[mask] = True
        except (IndexError, TypeError, ValueError) as exc:
            raise ValueError(
                f"select_neurons: {mask!r} does not select neurons of a group of {_size(group)}"
            ) from exc
        self.on_selection_changed()

    def get_selected_synapses(self) -> list[Any]:
        """The targets of the selected group's afferent synapse groups that contain the selected
        neuron (PymoNNto's rule: ``sg.dst`` when its mask holds that neuron)."""
        from engine import afferent

        neuron = self.selected_neuron_id()
        result = []
        for sg in self._group.synapses(afferent):
            mask = getattr(sg.dst, "mask", True)
            if (isinstance(mask, np.ndarray) and mask[neuron]) or mask is True:
                result.append(sg.dst)
        return result

    def get_selected_neuron_subgroup(self) -> Any:
        """The first of :meth:`get_selected_synapses`, or None."""
        found = self.get_selected_synapses()
        return found[0] if found else None

    # ------------------------------------------------------------------ events
    def add_event(self, tag: str, duration: int = 0) -> Any:
        """Mark the current iteration (``event_list``); returns the event."""
        item = event(self.it, tag, self.it + int(duration))
        self.event_list.append(item)
        return item

    def static_update_func(self, event: Any = None) -> None:
        """PymoNNto's "redraw while paused" request: the studio redraws paused tabs anyway."""

    def on_tab_change(self, i: int) -> None:
        """PymoNNto's tab-change hook (nothing to do: only visible tabs update)."""


def _first_tags(objects: Sequence[Any]) -> list[str]:
    tags: list[str] = []
    for obj in objects:
        if obj.tags and obj.tags[0] not in tags:
            tags.append(obj.tags[0])
    return tags


def _size(group: Any) -> int:
    return int(getattr(group, "size", 0)) if group is not None else 0
