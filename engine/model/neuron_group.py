"""NeuronGroup: a population of neurons whose state lives in per-neuron numpy vectors."""

from __future__ import annotations

import numbers
from typing import TYPE_CHECKING, Any

import numpy as np

from engine.model.analysis_module import AnalysisModuleHost
from engine.model.behavior import Behavior
from engine.model.behavior_host import BehaviorHost, BehaviorSpec, normalize_behaviors
from engine.model.constants import afferent, efferent
from engine.model.module_visualizer import describe_modules, format_modules
from engine.model.subgroups import NeuronSubGroup, partition_masks, subgroup_receptive_field_mask
from engine.model.tagging import NetworkObjectBase, set_shortcut
from engine.model.values import generate

if TYPE_CHECKING:
    from collections.abc import Sequence

    from engine.model.network import Network
    from engine.model.structure import NeuronDimension
    from engine.model.synapse_group import SynapseGroup

__all__ = ["NeuronGroup"]


class NeuronGroup(AnalysisModuleHost, BehaviorHost, NetworkObjectBase):
    """A group of ``size`` neurons with behaviors.

    Parameters
    ----------
    net : Network
        The network the group belongs to.
    size : int or NeuronDimension
        Number of neurons, or a geometry (``get_squared_dim(100)``, ``NeuronDimension(width=10,
        height=10)``) that sets the size and the ``x``/``y``/``z`` coordinates.
    behavior : dict or list, optional
        ``{key: Behavior}``; a list gets keys 0, 1, 2, ...
    tag : str, optional
        Comma-separated tags (default ``'NeuronGroup_<k>'``).
    color : tuple, optional
        RGBA colour used by the studio.

    Behaviors and scripts set any further attributes they like (``voltage``, ``spike``, ...).
    """

    # Set only by a NeuronDimension (given as ``size`` or as a behavior); absent otherwise.
    width: int
    height: int
    depth: int
    shape: NeuronDimension
    x: np.ndarray
    y: np.ndarray
    z: np.ndarray
    color: Any  # only when given to the constructor

    def __init__(
        self,
        net: Network,
        size: int | NeuronDimension,
        behavior: BehaviorSpec = None,
        tag: str | None = None,
        color: Any = None,
    ):
        if tag is None and net is not None:
            tag = f"NeuronGroup_{len(net.NeuronGroups) + 1}"
        NetworkObjectBase.__init__(self, tag)
        self.network = net
        behaviors = normalize_behaviors(behavior, f"NeuronGroup '{self.tags[0]}'")
        dimension = None
        if isinstance(size, Behavior):
            dimension = size
            behaviors = _insert_dimension(behaviors, dimension, behavior, self.tags[0])
            size = 1
        self.size = _check_size(size, self.tags[0])
        self.id = np.arange(self.size)
        self.afferent_synapses: dict[str, list[SynapseGroup]] = {"All": []}
        self.efferent_synapses: dict[str, list[SynapseGroup]] = {"All": []}
        self.mask = True
        self.BaseNeuronGroup = self
        if color is not None:
            self.color = color
        self.behavior = {}
        for key, item in behaviors.items():
            self._attach(key, item)
        for key in sorted(k for k, b in self.behavior.items() if b.initialize_on_init):
            self.behavior[key].initialize(self)
        self.recording = True
        self.analysis_modules: list[Any] = []
        self.add_tag("ng")
        if net is not None:
            net.NeuronGroups.append(self)
            for group_tag in self.tags:
                set_shortcut(net, group_tag, self)

    # ------------------------------------------------------------------ values

    def vector(
        self, mode: object = "zeros()", scale: Any = None, density: Any = None, plot: bool = False
    ) -> np.ndarray:
        """A new per-neuron array of length ``size`` (see :mod:`engine.model.values` for ``mode``)."""
        return generate(mode, (self.size,), self.def_dtype, self, scale, density)

    vec = vector
    array = vector
    get_neuron_vec = vector

    def vector_buffer(self, rows: int) -> np.ndarray:
        """Zeros of shape ``(rows, size)`` in the network dtype."""
        return np.zeros((rows, self.size), dtype=self.def_dtype)

    @staticmethod
    def buffer_roll(mat: np.ndarray, new: Any = None, counter: bool = False) -> np.ndarray:
        """Shift the rows of ``mat`` by one in place, write ``new`` into the freed row."""
        if counter:
            mat[:-1] = mat[1:]
            if new is not None:
                mat[-1] = new
        else:
            mat[1:] = mat[:-1].copy()
            if new is not None:
                mat[0] = new
        return mat

    # ------------------------------------------------------------------ synapses

    def synapses(self, mode: int, tag: str = "All") -> list[SynapseGroup] | None:
        """SynapseGroups arriving at (``afferent``) or leaving (``efferent``) this group."""
        if mode == afferent:
            table = self.afferent_synapses
        elif mode == efferent:
            table = self.efferent_synapses
        else:
            return None
        try:
            return table[tag]
        except KeyError:
            return table.setdefault(tag, [])

    def require_synapses(
        self, name: str, afferent: bool = True, efferent: bool = True, warning: bool = True
    ) -> None:
        """Make sure synapse lists for ``name`` exist, warning when they are empty."""
        for wanted, table, label in (
            (afferent, self.afferent_synapses, "afferent"),
            (efferent, self.efferent_synapses, "efferent"),
        ):
            if wanted and not table.setdefault(name, []) and warning:
                print(f"warning: no {label} {name} synapses found")

    def get_combined_synapse_shape(self, tag: str) -> tuple[int, int]:
        """``(size, total source size of the afferent synapse groups tagged tag)``."""
        incoming: list[SynapseGroup] = self.synapses(afferent, tag)  # type: ignore[assignment]  # afferent: never None
        return self.size, sum(s.src.size for s in incoming)

    def connected_NG_param_list(
        self,
        param_name: str,
        syn_tag: str = "All",
        afferent_NGs: bool = False,
        efferent_NGs: bool = False,
        same_NG: bool = False,
        search_behaviors: bool = False,
    ) -> list[Any]:
        """The values of ``param_name`` on this group and/or the groups connected to it.

        A callable value is called with the group. ``search_behaviors`` also reads the
        attribute from each group's behaviors.
        """
        result: list[Any] = []

        def collect(group: NeuronGroup) -> None:
            holders: list[Any] = [group]
            if search_behaviors:
                holders += list(group.behavior.values())
            for holder in holders:
                if hasattr(holder, param_name):
                    value = getattr(holder, param_name)
                    result.append(value(group) if callable(value) else value)

        if same_NG:
            collect(self)
        if efferent_NGs:
            for sg in self.synapses(efferent, syn_tag) or []:
                collect(sg.dst)
        if afferent_NGs:
            for sg in self.synapses(afferent, syn_tag) or []:
                collect(sg.src)
        return result

    # ------------------------------------------------------------------ subgroups

    def subGroup(self, mask: Any = None) -> NeuronSubGroup:
        """A masked view of the neurons selected by ``mask`` (bool mask or indices; None: all)."""
        return NeuronSubGroup(self, mask)

    def group_without_subGroup(self) -> NeuronGroup:
        return self

    def mask_var(self, var: Any) -> Any:
        """The whole array (a subgroup returns its masked part)."""
        return var

    def get_masked_dict(self, dict_name: str, key: Any) -> Any:
        return getattr(self, dict_name)[key]

    def partition_masks(self, steps: Sequence[int] = (1, 1, 1)) -> list[np.ndarray]:
        """Non-overlapping bool masks cutting the x/y/z extent into ``steps`` boxes per axis."""
        return partition_masks(self, steps)

    def split_grid_into_sub_group_blocks(self, steps: Sequence[int] = (1, 1, 1)) -> list[NeuronSubGroup]:
        """One subgroup per box of :meth:`partition_masks` (boxes may be empty)."""
        return [self.subGroup(mask) for mask in self.partition_masks(steps)]

    def partition_size(self, block_size: int = 7) -> list[Any]:
        """``split_grid_into_sub_group_blocks([block_size] * 3)``, or ``[self]`` for a size below 2."""
        step = max(int(block_size), 1)
        if step < 2:
            return [self]
        return list(self.split_grid_into_sub_group_blocks([step, step, step]))

    def get_subgroup_receptive_field_mask(
        self, subgroup: Any, xyz_rf: Sequence[float] = (1, 1, 1)
    ) -> np.ndarray:
        """Bool mask of this group's neurons within ``xyz_rf`` of the subgroup's bounding box."""
        return subgroup_receptive_field_mask(self, subgroup, xyz_rf)

    # ------------------------------------------------------------------ description

    def visualize_module(
        self,
        show_dimension: bool = True,
        show_recorder: bool = True,
        only_feed_forward_connections: bool = False,
    ) -> str:
        """Print (and return) the behaviors in order with their parameters, reads and writes."""
        infos = describe_modules(self.behavior, show_dimension, show_recorder)
        title = f"NeuronGroup '{self.tags[0]}' ({self.size} neurons)"
        text = format_modules(infos, title, only_feed_forward_connections)
        print(text)
        return text

    def __str__(self) -> str:
        behaviors = "".join(f"{k}:{b}" for k, b in self.behavior.items())
        return f"NeuronGroup{self.tags}({self.size}){{{behaviors}}}"

    def __repr__(self) -> str:
        return f"<NeuronGroup {self.tags[0]!r} size={self.size}>"


def _check_size(size: object, tag: str) -> int:
    if isinstance(size, bool) or not isinstance(size, numbers.Integral):
        if isinstance(size, float) and size.is_integer():
            size = int(size)
        else:
            raise TypeError(
                f"NeuronGroup '{tag}': size must be a whole number or a NeuronDimension, got {size!r}"
            )
    if size < 0:
        raise ValueError(f"NeuronGroup '{tag}': size must not be negative, got {size}")
    return int(size)


def _insert_dimension(
    behaviors: dict[Any, Behavior], dimension: Behavior, given: BehaviorSpec, tag: str
) -> dict[Any, Behavior]:
    if isinstance(given, (list, tuple)):
        return dict(enumerate([dimension] + list(given)))
    if 0 in behaviors:
        print(f"warning: NeuronGroup '{tag}': key 0 is replaced by the NeuronDimension given as size")
    merged = dict(behaviors)
    merged[0] = dimension
    if isinstance(given, dict):
        given[0] = dimension  # the reference mutates the user's dict; scripts may rely on it
    return merged
