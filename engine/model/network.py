"""The Network: registry of groups and synapse groups, the one global schedule, simulation."""

from __future__ import annotations

import bisect
import contextlib
import threading
import time
import warnings
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

import numpy as np

from engine.exceptions import (
    IterationCountError,
    NotInitializedWarning,  # noqa: F401 (re-exported)
)
from engine.model import interruption
from engine.model.aliases import BehaviorParent, FastScheduleEntry, ParameterStore, ScheduleEntry
from engine.model.analysis_module import AnalysisModuleHost
from engine.model.behavior import Behavior
from engine.model.behavior_host import BehaviorHost, BehaviorSpec, normalize_behaviors
from engine.model.constants import DxS, SxD
from engine.model.genome import format_gene, get_genome
from engine.model.tagging import TaggableObjectBase, has_plain_attr
from engine.model.weight_memory_order import WeightMemoryOrderProbe

if TYPE_CHECKING:
    from numpy.typing import DTypeLike

    from engine.model.neuron_group import NeuronGroup
    from engine.model.synapse_group import SynapseGroup

__all__ = ["Network", "intercept_simulation", "collect_networks", "NotInitializedWarning"]

_local = threading.local()

#: The most iterations one ``simulate_iterations`` call may ask for: the same number as
#: ``engine.runtime.limits.MAX_ITERATIONS`` (model sits below runtime and cannot import it; a test
#: keeps the two equal).
MAX_SIMULATE_ITERATIONS = 10**9


@contextlib.contextmanager
def intercept_simulation(handler: SimulationHandler | None) -> Iterator[None]:
    """While active (in this thread), ``simulate_iterations`` calls ``handler`` instead.

    The handler is called as ``handler(net, iterations, batch_size=..., measure_block_time=...,
    disable_recording=..., batch_progress_update_func=...)`` and its result is returned;
    ``None`` as handler restores normal simulation inside an outer interception.
    """
    previous = getattr(_local, "interceptor", None)
    _local.interceptor = handler
    try:
        yield
    finally:
        _local.interceptor = previous


@contextlib.contextmanager
def collect_networks() -> Iterator[list[Network]]:
    """Yield a list that receives every Network constructed in this thread while active."""
    collected: list[Network] = []
    stack = getattr(_local, "collectors", [])
    _local.collectors = stack + [collected]
    try:
        yield collected
    finally:
        _local.collectors = stack


#: ``handler(net, iterations, **options)`` for :func:`intercept_simulation`
SimulationHandler = Callable[..., Any]
#: ``batch_progress_update_func(percent, net)`` of :meth:`Network.simulate_iterations`
ProgressCallback = Callable[[float, "Network"], Any]


class Network(AnalysisModuleHost, BehaviorHost, TaggableObjectBase):
    """A network of neuron groups and synapse groups stepped by one global behavior schedule.

    Parameters
    ----------
    tag : str, optional
        Comma-separated tags.
    behavior : dict or list, optional
        Network-level behaviors ``{key: Behavior}``; the parent they get is the network.
    settings : dict, optional
        ``'dtype'`` (default ``np.float32``), ``'syn_dim'`` (``DxS`` default or ``SxD``; the
        synonym ``'synapse_mode'`` is accepted), ``'dt'`` (seconds per iteration, used by the
        studio for the real-time factor), ``'matrix_order'``: ``'auto'`` (default) watches
        how each large synapse matrix is used during the first iterations and stores it
        column-major when it is only used for column gathers such as
        ``np.sum(W[:, fired], axis=1)`` (several times faster, identical results; see
        :mod:`engine.model.weight_memory_order`); ``'C'`` keeps every matrix row-major as PymoNNto
        does; ``'F'``
        creates every matrix column-major (then float32 ``W.dot(x)`` may round differently in
        the last bit and ``W.ravel()``/``W.reshape()`` copy instead of returning views).
    """

    #: per behavior key: milliseconds spent, summed over the steps run with
    #: ``simulate_iteration(measure_behavior_execution_time=True)`` (absent before the first one)
    time_measures: dict[Any, float]

    def __init__(
        self, tag: str | None = None, behavior: BehaviorSpec = None, settings: dict[str, Any] | None = None
    ):
        TaggableObjectBase.__init__(self, tag)
        settings = dict(settings or {})
        self.settings = settings
        self.def_dtype: DTypeLike = settings.get("dtype", np.float32)
        syn_dim = settings.get("syn_dim", settings.get("synapse_mode", DxS))
        if syn_dim not in (DxS, SxD):
            raise ValueError(f"settings 'syn_dim' must be DxS ({DxS}) or SxD ({SxD}), got {syn_dim!r}")
        self.transposed_synapse_matrix_mode = syn_dim == SxD
        self.dt: float | None = settings.get("dt")
        self.matrix_order: str = str(settings.get("matrix_order", "auto"))
        if self.matrix_order not in ("auto", "C", "F"):
            raise ValueError(f"settings 'matrix_order' must be 'auto', 'C' or 'F', got {self.matrix_order!r}")
        self._memory_order_probe: WeightMemoryOrderProbe | None = None
        self.layout_decisions: dict[str, str] = {}
        self._interrupted: interruption.Interruption | None = None
        self.iteration = 0
        self.recording = True
        self.network = self
        self.NeuronGroups: list[NeuronGroup] = []
        self.SynapseGroups: list[SynapseGroup] = []
        self.analysis_modules: list[Any] = []
        self.behavior: dict[Any, Behavior] = {}
        self.sorted_behavior_execution_list: list[ScheduleEntry] = []
        self._schedule_keys: list[Any] = []
        self._fast_schedule: list[FastScheduleEntry] | None = None
        self.initialized = False
        for key, item in normalize_behaviors(behavior, "Network").items():
            self._attach(key, item)
        self._ready = True
        for collector in getattr(_local, "collectors", []):
            collector.append(self)

    # ------------------------------------------------------------------ schedule

    def _schedule_add(self, key: Any, parent: BehaviorParent, behavior: Behavior) -> None:
        position = bisect.bisect_right(self._schedule_keys, key)
        self._schedule_keys.insert(position, key)
        self.sorted_behavior_execution_list.insert(position, (key, parent, behavior))
        self._fast_schedule = None

    def _schedule_remove(self, behavior: Behavior) -> None:
        for position, entry in enumerate(self.sorted_behavior_execution_list):
            if entry[2] is behavior:
                del self.sorted_behavior_execution_list[position]
                del self._schedule_keys[position]
                break
        self._fast_schedule = None

    def _build_fast_schedule(self) -> list[FastScheduleEntry]:
        self._fast_schedule = [
            (behavior, parent, behavior.iteration)
            for _, parent, behavior in self.sorted_behavior_execution_list
            if not behavior.empty_iteration_function
        ]
        return self._fast_schedule

    # ------------------------------------------------------------------ structure

    def all_objects(self) -> list[BehaviorParent]:
        """``[network] + NeuronGroups + SynapseGroups``."""
        return [self] + self.NeuronGroups + self.SynapseGroups

    def all_behaviors(self) -> list[Behavior]:
        """Every behavior of every object, in object order and then dict order."""
        return [b for obj in self.all_objects() for b in obj.behavior.values()]

    def _children_matches(self, key: object) -> list[Any]:
        found = BehaviorHost._children_matches(self, key)
        for module in self.analysis_modules:
            found.extend(module._matches(key))
        for obj in self.NeuronGroups + self.SynapseGroups:
            found.extend(obj._matches(key))
        return found

    def __getattr__(self, name: str) -> Any:
        # Fallback: net.<tag> finds behaviors of groups too (e.g. net.train for a group behavior).
        if name.startswith("_") or not has_plain_attr(self, "_ready"):  # not via __dict__: see
            raise AttributeError(name)  # tagging.has_plain_attr
        found = self[name, 0]
        if found is None:
            raise AttributeError(f"'Network' object has no attribute or tag {name!r}")
        return found

    def add_behaviors_to_object(self, behaviors: dict[Any, Behavior], obj: BehaviorParent) -> None:
        """``obj.add_behaviors(behaviors)`` (with initialization)."""
        obj.add_behaviors(behaviors)

    def add_behaviors_to_objects(self, behaviors: dict[Any, Behavior], objs: list[BehaviorParent]) -> None:
        for obj in objs:
            obj.add_behaviors(behaviors)

    # ------------------------------------------------------------------ initialize

    def initialize(
        self, info: bool = True, warnings: bool = True, storage_manager: ParameterStore | None = None
    ) -> None:
        """Substitute genes, initialize every behavior in global order, recorders last."""
        for obj in self.all_objects():
            for behavior in obj.behavior.values():
                if not behavior.initialize_on_init:
                    behavior.set_gene_variables()
        genome = get_genome()
        if genome:
            if info:
                print("genome:", genome)
            if storage_manager is not None:
                storage_manager.save_param("evolution_params", str(genome))
                for key, value in genome.items():
                    storage_manager.save_param(key, format_gene(value))
        if info:
            description = str(self)
            print(description)
            if storage_manager is not None:
                storage_manager.save_param("info", description)
        for wanted_last in (False, True):
            for _, parent, behavior in list(self.sorted_behavior_execution_list):
                if behavior.initialize_on_init or bool(behavior.initialize_last) != wanted_last:
                    continue
                behavior.initialize(parent)
                behavior.check_unused_attrs()
        for obj in self.all_objects():
            obj._apply_behavior_shortcuts()
        self._rename_duplicate_groups(warnings)
        self._fast_schedule = None
        self.initialized = True
        self._start_memory_order_probe()

    def _start_memory_order_probe(self) -> None:
        if self._memory_order_probe is not None:
            self._memory_order_probe.finish()
            self.layout_decisions.update(self._memory_order_probe.decisions)
            self._memory_order_probe = None
        if self.matrix_order == "auto":
            probe = WeightMemoryOrderProbe(self)
            self._memory_order_probe = probe if probe.active else None

    def _memory_order_tick(self) -> None:
        probe = self._memory_order_probe
        if probe is not None and not probe.tick():
            self.layout_decisions.update(probe.decisions)
            self._memory_order_probe = None

    def _rename_duplicate_groups(self, show_warning: bool) -> None:
        seen: dict[str, int] = {}
        for group in self.NeuronGroups:
            tag = group.tags[0]
            if tag in seen:
                seen[tag] += 1
                new_tag = tag + chr(ord("a") + seen[tag])
                if show_warning:
                    print(f"Warning: NeuronGroup tag '{tag}' is used twice; renamed to '{new_tag}'")
                group.tags[0] = new_tag
            else:
                seen[tag] = 0

    # ------------------------------------------------------------------ simulate

    def simulate_iteration(self, measure_behavior_execution_time: bool = False) -> dict[Any, float] | None:
        """Advance one step: ``iteration += 1``, then every enabled behavior in key order."""
        if not self.initialized:
            self._initialize_implicitly()
        schedule = self._fast_schedule
        if schedule is None:  # the first iteration after initialize() or a change of behaviors
            schedule = self._build_fast_schedule()
            if self._memory_order_probe is not None:
                self._memory_order_probe.begin()
        self.iteration += 1
        if measure_behavior_execution_time:
            measures = self._timed_iteration()
            if self._memory_order_probe is not None:
                self._memory_order_tick()
            return measures
        behavior = None
        try:
            for behavior, parent, step in schedule:
                if behavior.behavior_enabled:
                    step(parent)
        except BaseException:
            self._note_interruption(behavior)
            raise
        if self._memory_order_probe is not None:
            self._memory_order_tick()
        return None

    def _note_interruption(self, failed: Behavior | None) -> None:
        schedule = self._fast_schedule or self._build_fast_schedule()
        self._interrupted = interruption.after(schedule, failed, self.iteration)

    @property
    def interrupted_iteration(self) -> int | None:
        """The current iteration if a behavior raised in it and the behaviors after that one have not
        run yet (else None). Any later iteration or :meth:`discard_interruption` forgets it."""
        pending = self._interrupted
        return pending.iteration if pending is not None and pending.iteration == self.iteration else None

    def discard_interruption(self) -> None:
        """Forget an interrupted iteration (e.g. after loading a state)."""
        self._interrupted = None

    def complete_interrupted_iteration(self) -> int:
        """Run, once, the enabled behaviors after the one that raised in the current iteration
        (recorders included), so recordings stay aligned with ``iteration``; returns how many ran
        (0 when nothing is pending). The behavior that raised does not run again; if a later one
        raises, those after it stay pending. The Runner calls this before it steps on after an
        error; :meth:`simulate_iterations` never does (PymoNNto behaviour)."""
        pending = self._interrupted
        if pending is None or pending.iteration != self.iteration:
            self._interrupted = None
            return 0
        ran = interruption.complete(pending, self._fast_schedule or self._build_fast_schedule())
        self._interrupted = None
        if self._memory_order_probe is not None:
            self._memory_order_tick()
        return ran

    def _timed_iteration(self) -> dict[Any, float]:
        measures: dict[Any, float] | None = getattr(self, "time_measures", None)
        if measures is None:
            measures = self.time_measures = {}
        for key, parent, behavior in self.sorted_behavior_execution_list:
            if behavior.behavior_enabled and not behavior.empty_iteration_function:
                start = time.perf_counter()
                try:
                    behavior.iteration(parent)
                except BaseException:
                    self._note_interruption(behavior)
                    raise
                measures[key] = measures.get(key, 0.0) + (time.perf_counter() - start) * 1000.0
        return measures

    def _initialize_implicitly(self) -> None:
        warnings.warn(
            "simulate called before Network.initialize(): initializing now "
            "(call net.initialize() yourself to silence this)",
            NotInitializedWarning,
            stacklevel=3,
        )
        self.initialize(info=False)

    def _time_to_iterations(self, value: object) -> object:
        """A duration string such as ``'100*ms'`` becomes a step count through the network's Clock
        behavior (``engine.library.equations``), as in PymoNNto; other values pass unchanged."""
        if not isinstance(value, str):
            return value
        clock = self["Clock", 0]
        if clock is None:
            raise ValueError(
                f"simulate_iterations({value!r}): a duration needs a Clock behavior on the network "
                "(e.g. Network(behavior={1: Clock(step='1*ms')})); otherwise give a number of iterations"
            )
        return clock.time_to_iterations(value)

    def simulate_iterations(
        self,
        iterations: object,
        batch_size: int | str = 100,
        measure_block_time: bool = True,
        disable_recording: bool = False,
        batch_progress_update_func: ProgressCallback | None = None,
    ) -> float | None:
        """Run ``iterations`` steps in blocks of ``batch_size``, printing progress per block.

        Returns the duration of the last full block in ms (or None). A behavior that raises ends the
        call with its exception, as in PymoNNto: the behaviors after it do not run for that iteration
        (``interrupted_iteration`` says so; a Runner completes it with
        :meth:`complete_interrupted_iteration` before stepping on, this method does not). Counts
        above :data:`MAX_SIMULATE_ITERATIONS` raise :class:`~engine.exceptions.IterationCountError`.
        """
        interceptor = getattr(_local, "interceptor", None)
        if interceptor is not None:
            return interceptor(
                self,
                iterations,
                batch_size=batch_size,
                measure_block_time=measure_block_time,
                disable_recording=disable_recording,
                batch_progress_update_func=batch_progress_update_func,
            )
        iterations = _as_count(self._time_to_iterations(iterations), "iterations")
        if iterations < 0:
            raise ValueError(f"iterations must not be negative, got {iterations}")
        if iterations > MAX_SIMULATE_ITERATIONS:
            raise IterationCountError(
                f"simulate_iterations: {iterations:,} iterations is more than one run may ask for "
                f"(at most {MAX_SIMULATE_ITERATIONS:,}); run in parts"
            )
        batch_size = (
            iterations if batch_size == -1 else _as_count(self._time_to_iterations(batch_size), "batch_size")
        )
        if batch_size <= 0:
            batch_size = max(iterations, 1)
        previous_flags = [obj.recording for obj in self.all_objects()]
        if disable_recording:
            self.recording_off()
        try:
            return self._run_blocks(iterations, batch_size, measure_block_time, batch_progress_update_func)
        finally:
            if disable_recording:
                for obj, flag in zip(self.all_objects(), previous_flags):
                    obj.recording = flag

    def _run_blocks(
        self, iterations: int, batch_size: int, measure: bool, progress: ProgressCallback | None
    ) -> float | None:
        blocks, remainder = divmod(iterations, batch_size)
        block_ms: float | None = None
        if self.initialized:
            self.reserve_recordings(iterations)
        step = self.simulate_iteration
        for block in range(1, blocks + 1):
            start = time.perf_counter()
            for _ in range(batch_size):
                step()
            if measure:
                block_ms = (time.perf_counter() - start) * 1000.0
                percent = int(block / blocks * 100)
                remaining = (blocks - block) * block_ms / 60000.0
                print(
                    f"\r{batch_size}x {block}/{blocks} ({percent}%) {int(block_ms)}ms {remaining:.1f}min",
                    end="",
                    flush=True,
                )
            if progress is not None:
                progress(block / blocks * 100.0, self)
        for _ in range(remainder):
            step()
        if measure and blocks:
            print()
        return block_ms

    # ------------------------------------------------------------------ recording

    def reserve_recordings(self, iterations: int) -> None:
        """Let every recorder preallocate room for ``iterations`` more steps."""
        for obj in self.all_objects():
            for behavior in obj.behavior.values():
                behavior.reserve_storage(iterations)

    def recording_off(self) -> None:
        """Stop every recorder (the network's, every group's and synapse group's)."""
        for obj in self.all_objects():
            obj.recording = False

    def recording_on(self) -> None:
        for obj in self.all_objects():
            obj.recording = True

    def clear_recorder(self, keys: list[Any] | None = None) -> None:
        """Empty the data of every recorder (only those under the behavior keys in ``keys``)."""
        for obj in self.all_objects():
            for key, behavior in obj.behavior.items():
                if hasattr(behavior, "clear_recorder") and (keys is None or key in keys):
                    behavior.clear_recorder()

    # ------------------------------------------------------------------ description

    def __str__(self) -> str:
        neurons = sum(g.size for g in self.NeuronGroups)
        synapses = sum(s.src.size * s.dst.size for s in self.SynapseGroups)
        lines = [
            f"Network{self.tags}(Neurons: {neurons}|{len(self.NeuronGroups)} groups, "
            f"Synapses: {synapses}|{len(self.SynapseGroups)} groups){_behavior_text(self)}"
        ]
        lines += [str(group) for group in self.NeuronGroups]
        seen_tags = []
        for sg in self.SynapseGroups:
            if sg.tags not in seen_tags:
                seen_tags.append(list(sg.tags))
                lines.append(str(sg))
        return "\r\n".join(lines)

    def __repr__(self) -> str:
        return (
            f"<Network {self.tags[0]!r}: {len(self.NeuronGroups)} groups, "
            f"{len(self.SynapseGroups)} synapse groups, iteration {self.iteration}>"
        )


def _behavior_text(obj: BehaviorParent) -> str:
    return "{" + "".join(f"{k}:{b}" for k, b in obj.behavior.items()) + "}"


def _as_count(value: object, name: str) -> int:
    if isinstance(value, (int, np.integer)) and not isinstance(value, bool):
        return int(value)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    raise TypeError(f"{name} must be a whole number, got {value!r}")
