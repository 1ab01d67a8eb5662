"""Reconstruct_Analyze_Label_Network: propagate activity through the weights to reconstruct inputs.

PymoNNto's analysis helper for sequence-learning networks (SORN and alike). The core is
:meth:`Reconstruct_Analyze_Label_Network.propagation`: every group holds a reconstruction vector
``recon``; each step sends it through the weights of the synapse groups tagged ``'GLU'`` (forward:
``dst += W.recon_src``; backward: ``src += W.T.recon_dst``) and combines it with the old one.

Where this differs from PymoNNto 3.0.6 (whose code has slips here): the default accumulation
``'addititve'`` (PymoNNto's spelling) adds, as ``'additive'`` does, instead of leaving ``recon``
unchanged; ``exponent``, ``filter_weakest_percent`` and ``normalize`` apply to every group that
received input in the step (PymoNNto applied them to the destination of the last synapse group
only, the same group when there is one recurrent synapse group); a float ``synapse_filter`` keeps
the weights above that fraction of their row's maximum. Drawing (matplotlib) is left to the caller.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from engine.compat.helper_functions.label_transitions import _NO_DRAWING, LabelTransitions, dense_weights

__all__ = ["Reconstruct_Analyze_Label_Network"]

_MODES = ("forward", "backward")
_ACCUMULATION = ("additive", "addititve", "first_touch", "forget")


def _synapse_mask(weights: np.ndarray, synapse_filter: Any) -> Any:
    if isinstance(synapse_filter, str) and synapse_filter == "all":
        return True
    if isinstance(synapse_filter, str) and synapse_filter == "biggest":
        return weights == weights.max(axis=1, keepdims=True)
    if isinstance(synapse_filter, float):
        return weights > weights.max(axis=1, keepdims=True) * synapse_filter
    raise ValueError(
        f"propagation: synapse_filter must be 'all', 'biggest' or a float, got {synapse_filter!r}"
    )


def _listed(groups: Any) -> Any:
    return list(groups) if isinstance(groups, tuple) else groups


class Reconstruct_Analyze_Label_Network(LabelTransitions):
    """Reconstruction and labelling helpers working on ``network``'s groups (see module docstring)."""

    def __init__(self, network: Any):
        self.network = network

    # ------------------------------------------------------------------ groups

    def ng_list(self, ng_list_or_name: Any) -> list[Any]:
        """``None`` -> [], a list as is, ``'all'`` -> every NeuronGroup, a tag -> ``network[tag]``."""
        if ng_list_or_name is None:
            return []
        if isinstance(ng_list_or_name, list):
            return ng_list_or_name
        if isinstance(ng_list_or_name, str) and ng_list_or_name == "all":
            return list(self.network.NeuronGroups)
        return list(self.network[ng_list_or_name])

    def zero_recon(self) -> None:
        """``ng.recon = zeros`` for every group."""
        for ng in self.network.NeuronGroups:
            ng.recon = ng.vector()

    # ------------------------------------------------------------------ propagation

    def propagation(
        self,
        weight_attribute_name: str,
        recon_steps: int,
        propagation_mode: str = "forward",
        accumulation_mode: str = "addititve",
        synapse_filter: Any = "all",
        clip_min: float | None = None,
        clip_max: float | None = None,
        temporal_recon_groups: Any = (),
        layer_compute_groups: Any = (),
        exponent: float | None = None,
        normalize: Any = None,
        filter_weakest_percent: float | None = None,
    ) -> None:
        """Run ``recon_steps`` propagation steps of ``ng.recon`` (set it first, e.g. zero_recon()).

        ``accumulation_mode``: 'additive' (``recon += new``), 'first_touch' (only where recon is
        0) or 'forget' (``recon = new``). ``temporal_recon_groups`` get ``ng.temporal_recon``, the
        list of recon after each step; ``layer_compute_groups`` get ``ng.layer_recon``, the first
        step (1-based) at which each neuron received something (inf if never).
        """
        if propagation_mode not in _MODES:
            raise ValueError(
                f"propagation: propagation_mode must be one of {_MODES}, got {propagation_mode!r}"
            )
        if accumulation_mode not in _ACCUMULATION:
            raise ValueError(
                f"propagation: accumulation_mode must be one of {_ACCUMULATION}, got {accumulation_mode!r}"
            )
        layer_groups = self.ng_list(_listed(layer_compute_groups))
        temporal_groups = self.ng_list(_listed(temporal_recon_groups))
        transposed = self.network.transposed_synapse_matrix_mode
        for ng in layer_groups:
            ng.layer_recon = ng.vector() + np.inf
        for ng in temporal_groups:
            ng.temporal_recon = []
        for step in range(int(recon_steps)):
            for ng in self.network.NeuronGroups:
                ng.recon_temp = ng.vector()
            receivers: list[Any] = []
            for syn in self.network.SynapseGroups:
                if not hasattr(syn, weight_attribute_name) or "GLU" not in syn.tags:
                    continue
                weights = dense_weights(getattr(syn, weight_attribute_name))
                weights = weights * _synapse_mask(weights, synapse_filter)
                if propagation_mode == "backward":  # the source group receives W.T . recon_dst
                    target, source = syn.src, syn.dst
                    product = weights if transposed else weights.T
                else:
                    target, source = syn.dst, syn.src
                    product = weights.T if transposed else weights
                target.recon_temp = target.recon_temp + product.dot(source.recon)
                if not any(target is r for r in receivers):
                    receivers.append(target)
            for ng in receivers:
                self._post_process(ng, exponent, filter_weakest_percent, normalize)
            for ng in layer_groups:
                ng.layer_recon[(ng.recon_temp != 0) & (ng.layer_recon == np.inf)] = step + 1
            for ng in self.network.NeuronGroups:
                if accumulation_mode in ("additive", "addititve"):
                    ng.recon = ng.recon + ng.recon_temp
                elif accumulation_mode == "first_touch":
                    ng.recon = ng.recon + ng.recon_temp * (ng.recon == 0)
                else:
                    ng.recon = ng.recon_temp
                if clip_min is not None or clip_max is not None:
                    ng.recon = np.clip(ng.recon, clip_min, clip_max)
            for ng in temporal_groups:
                ng.temporal_recon.append(ng.recon.copy())

    @staticmethod
    def _post_process(ng: Any, exponent: float | None, weakest: float | None, normalize: Any) -> None:
        values = ng.recon_temp
        if exponent is not None:
            values = np.power(values, exponent)
        if weakest is not None and values.size:
            low, high = np.min(values), np.max(values)
            values = values * (values >= low + (high - low) / 100.0 * weakest)
        if normalize is not None:
            total = np.sum(np.abs(values))
            if total > 0:
                values = values / total
        ng.recon_temp = values

    # ------------------------------------------------------------------ reconstructions

    def single_reconstruction(
        self,
        dest_group: Any,
        synapse_weight_attribute_name: str,
        reconstruction_steps: int,
        individual_norm: bool = False,
        print_status: bool = False,
    ) -> np.ndarray:
        """``reconstruction_steps`` backward steps of ``ng.reconstruction_act`` through every synapse
        group with the weights; returns ``dest_group``'s vector after each step (rows)."""
        steps = []
        for step in range(int(reconstruction_steps)):
            if print_status:
                print("reconstruction", step)
            for ng in self.network.NeuronGroups:
                ng.reconstruction_act_temp = ng.reconstruction_act_temp * 0
            for syn in self.network.SynapseGroups:
                if hasattr(syn, synapse_weight_attribute_name):
                    weights = syn.ignore_transpose_mode(
                        dense_weights(getattr(syn, synapse_weight_attribute_name))
                    )
                    syn.src.reconstruction_act_temp = syn.src.reconstruction_act_temp + weights.T.dot(
                        syn.dst.reconstruction_act
                    )
            for ng in self.network.NeuronGroups:
                ng.reconstruction_act = ng.reconstruction_act_temp.copy()
            steps.append(dest_group.reconstruction_act.copy())
        result = np.array(steps, dtype=float)
        if individual_norm and result.size:
            result /= np.max(result)
        return result

    def get_network_activity_reconstruction(
        self,
        dest_group: Any,
        synapse_weight_attribute_name: str,
        recostruction_steps: int,
        individual_norm: bool = False,
        print_status: bool = False,
        active_groups: Any = None,
    ) -> np.ndarray:
        """:meth:`single_reconstruction` starting from each group's ``output_activity_history[0]``."""
        for ng in self.network.NeuronGroups:
            ng.reconstruction_act = np.array(ng.output_activity_history[0], dtype=float).copy()
            if active_groups is not None and not any(ng is g for g in active_groups):
                ng.reconstruction_act = ng.reconstruction_act * 0
            ng.reconstruction_act_temp = np.zeros(ng.size)
        return self.single_reconstruction(
            dest_group, synapse_weight_attribute_name, recostruction_steps, individual_norm
        )

    def get_reconstruction(
        self,
        source_group: Any,
        source_group_neuron_indexes: Any,
        dest_group: Any,
        synapse_weight_attribute_name: str,
        recostruction_steps: int,
        individual_norm: bool = False,
        print_status: bool = False,
        single_timestep: bool = True,
    ) -> np.ndarray:
        """Per source neuron (all if None): the reconstruction in ``dest_group`` started from that
        neuron alone, summed over the steps (``single_timestep``) or step by step."""
        if source_group_neuron_indexes is None:
            source_group_neuron_indexes = list(range(source_group.size))
        for ng in self.network.NeuronGroups:
            ng.reconstruction_act = np.zeros(ng.size)
            ng.reconstruction_act_temp = np.zeros(ng.size)
        result = []
        for neuron_index in source_group_neuron_indexes:
            if print_status:
                print("neuron", neuron_index, "reconstruction")
            for ng in self.network.NeuronGroups:
                ng.reconstruction_act = ng.reconstruction_act * 0
            source_group.reconstruction_act[neuron_index] = 1
            steps = self.single_reconstruction(
                dest_group, synapse_weight_attribute_name, recostruction_steps, individual_norm
            )
            result.append(np.sum(steps, axis=0) if single_timestep else steps)
        return np.array(result)

    # ------------------------------------------------------------------ responses, positions, graphs

    def get_random_network_responses(
        self, iterations: int, neuron_groups: Any = None, PatternGroups: Any = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """Simulate ``iterations`` steps with learning off; the groups' ``activity`` per step and the
        pattern indices of ``PatternGroups`` (group activation forced on)."""
        groups = self.network.NeuronGroups if neuron_groups is None else neuron_groups
        patterns = list(PatternGroups or [])
        for ng in groups:
            ng.learning = False
        for pg in patterns:
            pg.individual_possibility = 0.0
            pg.group_possibility = 1.0
        trace, ids = [], []
        for _ in range(int(iterations)):
            self.network.simulate_iteration()
            trace.append(np.array([ng.activity.copy() for ng in groups]).flatten())
            if patterns:
                ids.append("".join(f"{pg.current_pattern_index}" for pg in patterns))
        for ng in groups:
            ng.learning = True
        return np.array(trace), np.array(ids)

    @staticmethod
    def get_neuron_positions(
        ng: Any, x_attribute_name: str, y_attribute_name: str, y_scale: float = 1.0
    ) -> np.ndarray:
        """``(x, y)`` per neuron from two attributes, jittered by up to 0.25 for drawing."""
        x = np.array(getattr(ng, x_attribute_name), dtype=float)
        y = np.array(getattr(ng, y_attribute_name), dtype=float)
        return np.stack(
            [x + np.random.rand(x.size) * 0.5 - 0.25, y + np.random.rand(x.size) * 0.5 - 0.25], axis=1
        )

    def get_network_responses(self, *args: Any, **kwargs: Any) -> Any:
        raise NotImplementedError(
            "get_network_responses needs PymoNNto's NeuronActivator behaviors, which PymoNNto 3.0.6 "
            "no longer has; use get_random_network_responses or record the groups with a Recorder"
        )

    def plot_trend_line(self, *args: Any, **kwargs: Any) -> Any:
        raise NotImplementedError(_NO_DRAWING.format("plot_trend_line"))

    def plot_transition_frequencies(self, *args: Any, **kwargs: Any) -> Any:
        raise NotImplementedError(
            _NO_DRAWING.format("plot_transition_frequencies")
            + " (get_transition_frequencies gives the numbers)"
        )

    def plot_bars(self, *args: Any, **kwargs: Any) -> Any:
        raise NotImplementedError(_NO_DRAWING.format("plot_bars"))
