"""NeuronGroup: a population of neurons whose state lives in per-neuron numpy vectors."""

from __future__ import annotations

import numbers
from typing import TYPE_CHECKING, Any

import numpy as np

from engine.model.behavior import Behavior
from engine.model.behavior_host import BehaviorHost, BehaviorSpec, normalize_behaviors
from engine.model.constants import afferent, efferent
from engine.model.tagging import NetworkObjectBase, set_shortcut
from engine.model.values import generate

if TYPE_CHECKING:
    from engine.model.network import Network
    from engine.model.structure import NeuronDimension
    from engine.model.synapse_group import SynapseGroup

__all__ = ["NeuronGroup"]


class NeuronGroup(BehaviorHost, NetworkObjectBase):
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
