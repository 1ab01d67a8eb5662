"""TabSet: the PymoNNto tabs of one window, from initialize to the last update.

Where the tabs come from: the script's ``Network_UI(net, modules=[...]).show()``, every behavior's
``get_UI_Tabs()`` and File → Load tab module… (kept across reloads). What happens to them:

1. a tab that draws itself (it overrides ``initialize``) gets a :class:`TabHost` and builds its pages,
   each page a dock of the window; PymoNNto's own tabs are mapped onto the studio's views
   (:mod:`studio.plugins.default_tabs`);
2. ``add_recorder_variables(group, host)`` for every shown group, then one bounded recorder per group
   and length is added while the runner waits between two iterations;
3. at display rate, ``update(host)`` of each tab that has a visible page runs on the GUI thread
   while the runner is held between two iterations (consistent reads, like a console cell). As in
   PymoNNto's Network_UI, a tab updates when the network changed since its last update (iterations
   ran) or when a static update is due (selection, a page shown again, :meth:`TabSet.update_now`),
   and never before the first iteration after its recorders were added: a tab never reads recordings
   that have no row yet;
4. a tab that raises (in any hook) is reported in the error dock and stopped; a tab whose updates
   are slow is updated less often, and its dock title says so; the run goes on either way.
"""

from __future__ import annotations

import math
import time
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PyQt6.QtCore import QObject
from PyQt6.QtWidgets import QDockWidget, QFrame, QScrollArea, QWidget

from studio.dock_table import LEFT, RIGHT, DockSpec
from studio.plugins import default_tabs
from studio.plugins.network_ui import TabHost
from studio.plugins.qt5_names import add_short_enum_names
from studio.plugins.tab_modules import install_pyqt5_guard, load_tab_module

__all__ = ["TabSet", "ActiveTab", "SLOW_UPDATE_S", "UPDATE_BUDGET_S"]

#: An update slower than this (seconds, averaged) makes the tab update less often.
SLOW_UPDATE_S = 0.030
#: The share of one display frame all tab updates together aim to stay within (seconds).
UPDATE_BUDGET_S = 0.012
#: How long a frame waits for the runner to reach an iteration boundary before it skips the tabs.
HOLD_TIMEOUT_S = 0.1


@dataclass
class ActiveTab:
    """A tab shown in the window: its pages (docks), its cost and whether it still runs."""

    tab: Any
    docks: list[QDockWidget] = field(default_factory=list)
    failed: str | None = None  #: the error that stopped it
    cost: float = 0.0  #: mean update time (s), exponentially weighted
    every: int = 1  #: update on every n-th frame (slow tabs: > 1)
    updates: int = 0
    skipped: int = 0
    ready_after: int = 0  #: the network's iteration when its recorders went in
    seen: int | None = None  #: the iteration its last update showed
    stale: bool = True  #: a static update is due (the network did not change, the view did)
    shown: bool = False  #: a page was visible at the last frame

    @property
    def title(self) -> str:
        return str(getattr(self.tab, "title", type(self.tab).__name__))

    def due(self, iteration: int) -> bool:
        """Whether an update would show something new at ``iteration``."""
        return iteration > self.ready_after and (self.stale or iteration != self.seen)

    def visible(self, sidebar: QWidget | None) -> bool:
        if self.docks:
            return any(d.widget() is not None and d.widget().isVisible() for d in self.docks)
        return sidebar is not None and sidebar.isVisible()


class TabSet(QObject):
    """The PymoNNto tabs of ``window`` (a :class:`studio.main_window.MainWindow`)."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        install_pyqt5_guard()
        self.window = window
        self.host: TabHost | None = None
        self.tabs: list[ActiveTab] = []
        self.mappings: list[default_tabs.TabMapping] = []
        self.file_tabs: list[Callable[[], list[Any]]] = []  #: tab-module loaders, re-run per network
        self.frames = 0
        self.clock: Callable[[], float] = time.perf_counter  #: measures update costs (tests replace it)
        self._page_docks: list[str] = []
        self._sidebar: QWidget | None = None
        self._installed: set[tuple[int, int, str]] = set()
        window.bridge.network_changed.connect(self._on_network)
        window.bridge.frame.connect(self._on_frame)
        window.selection.group_changed.connect(lambda _g: self._follow_selection())
        window.selection.neuron_changed.connect(lambda _n: self._follow_selection())

    # ------------------------------------------------------------------ building
    def _on_network(self, net: Any) -> None:
        self.clear()
        if net is None:
            return
        loaded = self.window.loaded
        options = dict(getattr(loaded, "ui_options", {}) or {}) if loaded is not None else {}
        modules = list(options.pop("modules", []) or [])
        modules += [t for b in net.all_behaviors() for t in (b.get_UI_Tabs() or [])]
        for load in self.file_tabs:
            try:
                modules += load()
            except Exception as exc:  # noqa: BLE001 - a tab file that no longer loads is reported
                self._report("a tab module", exc)
        self.host = self._make_host(net, options)
        self.add(modules)

    def _make_host(self, net: Any, options: dict[str, Any]) -> TabHost:
        w = self.window
        host = TabHost(
            net,
            add_page=self._add_page,
            add_sidebar=self._add_sidebar,
            select=lambda group, neuron: w.selection.set_neuron(int(neuron), group),
            set_paused=lambda paused: w.bridge.pause() if paused else w.bridge.run(),
            is_paused=lambda: not w.bridge.is_running,
            group_tags=options.get("group_tags"),
            transmitters=options.get("transmitters"),
            reduced_layout=bool(options.get("reduced_layout", False)),
            group_display_count=options.get("group_display_count"),
            storage_manager=options.get("storage_manager"),
        )
        host.on_selection_changed = self._selection_changed
        return host

    def add(self, modules: Sequence[Any]) -> list[ActiveTab]:
        """Show ``modules`` (tabs) on the current network; returns the tabs that draw themselves."""
        host = self.host
        if host is None:
            return []
        own, mapped = [], []
        for module in modules:
            (own if _draws_itself(module) else mapped).append(module)
        if own:
            add_short_enum_names()  # Qt.AlignLeft, QSizePolicy.Ignored, ... as PyQt5 spelled them
        added = []
        for module in own:
            active = ActiveTab(module)
            self.tabs.append(active)
            added.append(active)
            before = len(self._page_docks)
            self._current = active
            ok = self._guard(active, "initialize", lambda m=module: m.initialize(host))
            active.docks = [self.window.docks.docks[n] for n in self._page_docks[before:]]
            if not ok:
                self._disable(active)
        for active in added:
            for group in host.shown_groups():
                if active.failed is None:
                    self._guard(
                        active,
                        "add_recorder_variables",
                        lambda g=group, a=active: a.tab.add_recorder_variables(g, host),
                    )
        self._install_recorders()
        for active in added:
            active.ready_after = int(host.network.iteration)
        self.mappings += default_tabs.apply(self.window, mapped, host)
        if added and added[0].docks:
            added[0].docks[0].raise_()
        return added

    def load_file(self, path: str | Path) -> list[ActiveTab]:
        """Add the tabs of a tab module file (:func:`load_tab_module`); they come back after every
        reload or new network. Raises :class:`TabModuleError` when the file cannot be used."""
        tabs = load_tab_module(path)
        self.file_tabs.append(lambda: load_tab_module(path))
        return self.add(tabs)

    def _add_page(self, title: str, page: QWidget) -> None:
        docks = self.window.docks
        n = len(self._page_docks) + 1
        name = f"tab_{n}"
        while name in docks.docks:
            n += 1
            name = f"tab_{n}"
        anchor = "traces" if "traces" in docks.docks else None
        # PymoNNto's pages fill a whole window; in a dock they scroll rather than squash their plots
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(page)
        scroll.setWindowTitle(page.windowTitle())
        spec = DockSpec(name, title or f"Tab {n}", RIGHT, factory=lambda _w: scroll, tabify_with=anchor)
        dock = docks.create(spec)
        dock.show()
        self._page_docks.append(name)

    def _add_sidebar(self, sidebar: QWidget) -> None:
        docks = self.window.docks
        anchor = "network" if "network" in docks.docks else None
        spec = DockSpec("tab_sidebar", "Sidebar", LEFT, factory=lambda _w: sidebar, tabify_with=anchor)
        docks.create(spec).show()
        self._page_docks.append("tab_sidebar")
        self._sidebar = sidebar

    def _install_recorders(self) -> None:
        """One bounded Recorder per group and length (variables + 'iteration'), between iterations."""
        from engine import Recorder

        host = self.host
        todo = []
        for group, steps, names in host.recording_requests() if host else []:
            new = [v for v in names if (id(group), steps, v) not in self._installed]
            if new:
                todo.append((group, steps, new))
                self._installed.update((id(group), steps, v) for v in new)
        if not todo:
            return

        def install() -> None:
            for group, steps, names in todo:
                key = 10000 + steps
                while key in group.behavior:
                    key += 0.001
                group.add_behavior(
                    key, Recorder(names + ["iteration"], tag=f"UI_rec,rec_{steps}", max_length=steps)
                )

        runner = self.window.bridge.runner
        if runner is None:
            install()
            return
        with runner.hold():
            install()

    # ------------------------------------------------------------------ running
    def update_now(self) -> None:
        """Update every visible tab at once (e.g. after a pause or an edit): a static update."""
        for active in self.tabs:
            active.stale = True
        self._update(self._due())

    def _due(self) -> list[ActiveTab]:
        """The running tabs with a visible page that have something new to show."""
        host = self.host
        if host is None:
            return []
        iteration = int(host.network.iteration)
        due = []
        for active in self.tabs:
            if active.failed is not None:
                continue
            visible = active.visible(self._sidebar)
            if visible and not active.shown:
                active.stale = True  # shown again: PymoNNto's on_tab_change static update
            active.shown = visible
            if visible and active.due(iteration):
                due.append(active)
        return due

    def _on_frame(self) -> None:
        host = self.host
        if host is None or not self.tabs:
            return
        self.frames += 1
        if self.frames % max(1, int(host.render_every_x_frames)) != 0:
            return
        due = self._due()
        for active in due:
            if self.frames % active.every:
                active.skipped += 1
        self._update([a for a in due if self.frames % a.every == 0])

    def _update(self, due: list[ActiveTab]) -> None:
        host = self.host
        if host is None or not due:
            return
        runner = self.window.bridge.runner
        held = runner is not None and runner.lock.acquire(timeout=HOLD_TIMEOUT_S)
        if runner is not None and not held:
            return  # a long iteration: the tabs read next frame
        try:
            iteration = int(host.network.iteration)
            for active in due:
                start = self.clock()
                if self._guard(active, "update", lambda a=active: a.tab.update(host)):
                    self._account(active, self.clock() - start)
                active.seen, active.stale = iteration, False
        finally:
            if held:
                runner.lock.release()

    def _account(self, active: ActiveTab, seconds: float) -> None:
        active.updates += 1
        active.cost = seconds if active.updates == 1 else 0.8 * active.cost + 0.2 * seconds
        slow = active.cost > (SLOW_UPDATE_S / 2 if active.every > 1 else SLOW_UPDATE_S)  # hysteresis
        every = max(2, math.ceil(active.cost / UPDATE_BUDGET_S)) if slow else 1
        if every != active.every:
            active.every = every
            for dock in active.docks:
                title = dock.widget().windowTitle() or active.title
                if every > 1:
                    cost = f"{1000 * active.cost:.0f} ms"
                    dock.setWindowTitle(f"{title} (slow: {cost} per update; updated every {every}th frame)")
                else:
                    dock.setWindowTitle(title)
            if every > 1:
                self.window.statusBar().showMessage(
                    f"Tab '{active.title}' takes {1000 * active.cost:.0f} ms per update: "
                    f"updated on every {every}th frame so the window stays responsive",
                    8000,
                )

    def _guard(self, active: ActiveTab, hook: str, call: Callable[[], Any]) -> bool:
        """Run one hook of a tab; on an exception report it and stop the tab. True if it ran."""
        try:
            call()
            return True
        except Exception as exc:  # noqa: BLE001 - a tab's own code must not stop the window or run
            active.failed = f"{type(exc).__name__}: {exc}"
            self._report(f"tab '{active.title}' ({type(active.tab).__name__}.{hook})", exc)
            self._disable(active)
            return False

    def _disable(self, active: ActiveTab) -> None:
        """Grey out a stopped tab's pages; their titles say why."""
        reason = (active.failed or "").partition(":")[0]
        for dock in active.docks:
            if dock.widget() is not None:
                dock.widget().setEnabled(False)
            dock.setWindowTitle(f"{dock.widget().windowTitle() or active.title} — stopped ({reason})")

    def _report(self, what: str, exc: BaseException) -> None:
        details = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
        self.window.show_tab_error(f"{what} raised {type(exc).__name__}: {exc}", details)

    # ------------------------------------------------------------------ selection
    def _follow_selection(self) -> None:
        host, sel = self.host, self.window.selection
        if host is None or sel.group is None or sel.group not in host.network.NeuronGroups:
            return
        if sel.group is host.selected_neuron_group() and host.selected_neuron_mask()[sel.neuron]:
            return
        host.set_selection(sel.group, max(0, int(sel.neuron)))

    def _selection_changed(self) -> None:
        host = self.host
        for active in self.tabs:
            active.stale = True  # PymoNNto: static_update_func
            if active.failed is None:
                self._guard(
                    active,
                    "on_selected_neuron_changed",
                    lambda a=active: a.tab.on_selected_neuron_changed(host),
                )

    # ------------------------------------------------------------------ clearing
    def clear(self) -> None:
        """Remove the tab docks of the previous network."""
        for name in self._page_docks:
            self.window.docks.remove(name)
        self._page_docks.clear()
        self.tabs.clear()
        self.mappings.clear()
        self._installed.clear()
        self._sidebar = None
        self.host = None


def _draws_itself(module: Any) -> bool:
    draws = getattr(type(module), "draws_itself", None)
    if callable(draws):
        return bool(draws())
    return callable(getattr(module, "initialize", None))
