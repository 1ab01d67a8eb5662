"""SynapseGroup: the connections from a source group to a destination group."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from engine.model.analysis_module import AnalysisModuleHost
from engine.model.behavior_host import BehaviorHost, BehaviorSpec, normalize_behaviors
from engine.model.partition import max_receptive_field_size, sub_synapse_group
from engine.model.tagging import NetworkObjectBase, set_shortcut
from engine.model.values import generate

if TYPE_CHECKING:
    from engine.model.network import Network
    from engine.model.neuron_group import NeuronGroup

__all__ = ["SynapseGroup"]


class SynapseGroup(AnalysisModuleHost, BehaviorHost, NetworkObjectBase):
    """Synapses from ``src`` to ``dst``; weights are whatever behaviors store (e.g. ``W``).

    Parameters
    ----------
    net : Network
    src, dst : NeuronGroup or str
        The groups, or tags resolved with ``net[tag, 0]``.
    tag : str, optional
        Comma-separated tags (default ``'SynapseGroup_<k>'``).
    behavior : dict or list, optional
        ``{key: Behavior}``.

    ``matrix()`` has shape ``(dst.size, src.size)`` (DxS, row = postsynaptic neuron) unless the
    network was built with ``settings={'syn_dim': SxD}``. Behaviors and scripts set any further
    attributes they like (``W``, ...).
    """

    def __init__(
        self,
        net: Network,
        src: NeuronGroup | str,
        dst: NeuronGroup | str,
        tag: str | None = None,
        behavior: BehaviorSpec = None,
    ):
        if net is None:
            raise ValueError("SynapseGroup needs a network (net=...)")
        if tag is None:
            tag = f"SynapseGroup_{len(net.SynapseGroups) + 1}"
        NetworkObjectBase.__init__(self, tag)
        self.network = net
        self.src = _resolve_group(net, src, "src", self.tags[0])
        self.dst = _resolve_group(net, dst, "dst", self.tags[0])
        self.add_tag("syn")
        self.add_tag(f"{self.src.tags[0]}_to_{self.dst.tags[0]}")
        self.enabled: bool | np.ndarray = True  # or a DxS mask (receptive fields)
        self.group_weighting = 1
        self.recording = True
        self.analysis_modules: list[Any] = []
        self.behavior = {}
        for key, item in normalize_behaviors(behavior, f"SynapseGroup '{self.tags[0]}'").items():
            self._attach(key, item)
        net.SynapseGroups.append(self)
        for sg_tag in self.tags:
            set_shortcut(net, sg_tag, self)
        for group in net.NeuronGroups:
            for sg_tag in self.tags + ["All"]:
                group.afferent_synapses.setdefault(sg_tag, [])
                group.efferent_synapses.setdefault(sg_tag, [])
        for sg_tag in self.tags + ["All"]:
            self.dst.afferent_synapses.setdefault(sg_tag, []).append(self)
            self.src.efferent_synapses.setdefault(sg_tag, []).append(self)
        for key in sorted(k for k, b in self.behavior.items() if b.initialize_on_init):
            self.behavior[key].initialize(self)

    # ------------------------------------------------------------------ values

    def matrix_dim(self) -> tuple[int, int]:
        """``(dst.size, src.size)``, or ``(src.size, dst.size)`` in SxD mode."""
        if self.network.transposed_synapse_matrix_mode:
            return self.src.size, self.dst.size
        return self.dst.size, self.src.size

    def matrix(
        self, mode: object = "zeros()", scale: Any = None, density: Any = None, plot: bool = False
    ) -> np.ndarray:
        """A new synapse matrix of shape ``matrix_dim()`` (see :mod:`engine.model.values`)."""
        values = generate(mode, self.matrix_dim(), self.def_dtype, self, scale, density)
        if self.network.matrix_order == "F":
            values = np.asfortranarray(values)
        return values

    mat = matrix
    get_synapse_mat = matrix

    def ignore_transpose_mode(self, matrix: np.ndarray) -> np.ndarray:
        """The DxS view of ``matrix`` whatever the network's layout."""
        return matrix.T if self.network.transposed_synapse_matrix_mode else matrix

    def get_max_receptive_field_size(self) -> tuple[float, float, float]:
        """The largest x/y/z distance from a destination neuron to an enabled source (each >= 1)."""
        return max_receptive_field_size(self)

    def get_sub_synapse_group(self, src_mask: Any, dst_mask: Any) -> SynapseGroup:
        """An unregistered copy from ``src.subGroup(src_mask)`` to ``dst.subGroup(dst_mask)``."""
        return sub_synapse_group(self, src_mask, dst_mask)

    def set_var(self, key: str, value: Any) -> SynapseGroup:
        setattr(self, key, value)
        return self

    def __str__(self) -> str:
        behaviors = "".join(f"{k}:{b}" for k, b in self.behavior.items())
        if self.network.transposed_synapse_matrix_mode:
            shape = f"S{self.src.size}xD{self.dst.size}"
        else:
            shape = f"D{self.dst.size}xS{self.src.size}"
        return f"SynapseGroup{self.tags}({shape}){{{behaviors}}}"

    def __repr__(self) -> str:
        return f"<SynapseGroup {self.tags[0]!r} {self.src.tags[0]}->{self.dst.tags[0]}>"


def _resolve_group(net: Network, group: NeuronGroup | str, role: str, sg_tag: str) -> NeuronGroup:
    if isinstance(group, str):
        found: NeuronGroup | None = net[group, 0]
        if found is None:
            existing = ", ".join(repr(g.tags[0]) for g in net.NeuronGroups) or "none"
            raise ValueError(
                f"SynapseGroup '{sg_tag}': {role}={group!r} matches no object in the "
                f"network; neuron groups that exist: {existing}"
            )
        group = found
    if not hasattr(group, "size") or not hasattr(group, "afferent_synapses"):
        raise TypeError(
            f"SynapseGroup '{sg_tag}': {role} must be a NeuronGroup or the tag of one, got {group!r}"
        )
    return group
