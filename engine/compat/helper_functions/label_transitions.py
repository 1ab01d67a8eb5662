"""Labels and transitions of Reconstruct_Analyze_Label_Network (split out to keep modules small).

After :meth:`LabelTransitions.label_and_group_neurons` every neuron has a ``class_label`` (the input
symbol that reaches it most strongly) and a ``temporal_layer`` (after how many steps); the
transition helpers count which symbol sequences the strongest synapses encode.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

__all__ = ["LabelTransitions", "dense_weights"]


def dense_weights(weights: Any) -> np.ndarray:
    """A numpy array of a weight matrix (scipy.sparse matrices are expanded)."""
    if hasattr(weights, "toarray"):
        return np.asarray(weights.toarray())
    return np.asarray(weights)


class LabelTransitions:
    """Mixin of Reconstruct_Analyze_Label_Network (which provides the three methods named below)."""

    network: Any
    ng_list: Callable[[Any], list[Any]]
    zero_recon: Callable[[], None]
    propagation: Callable[..., None]

    def label_and_group_neurons(
        self, label_ng: Any, label_vectors: Any, weight_attribute_name: str, steps: int
    ) -> None:
        """Forward-propagate each label vector from ``label_ng``; sets ``ng.class_label`` (the label
        reaching each neuron most strongly) and ``ng.temporal_layer`` (first step reached, inf never)."""
        for ng in self.network.NeuronGroups:
            ng.class_label = []
            ng.temporal_layer = ng.vector() + np.inf
        for label_vec in label_vectors:
            self.zero_recon()
            label_ng.recon = np.array(label_vec, dtype=float).copy()
            label_ng.temporal_layer[np.asarray(label_vec) != 0] = 0
            self.propagation(
                weight_attribute_name,
                steps,
                propagation_mode="forward",
                accumulation_mode="first_touch",
                synapse_filter="biggest",
                layer_compute_groups="all",
            )
            for ng in self.network.NeuronGroups:
                ng.class_label.append(ng.recon.copy())
                ng.temporal_layer = np.minimum(ng.temporal_layer, ng.layer_recon)
        for ng in self.network.NeuronGroups:
            ng.class_label = np.argmax(np.array(ng.class_label), axis=0)

    def synapse_iterate(
        self,
        func: Callable[..., Any],
        x_attribute_name: str,
        y_attribute_name: str,
        weight_attribute_name: str,
        groups: Any = "all",
        weight_limit: float | None = 1,
        include_fist_layer: bool = False,
        n_biggest: int | None = None,
    ) -> None:
        """Call ``func(s, sx, sy, d, dx, dy, w, sorted_w, w_global_max, sg_indx, dg_indx)`` for every
        non-zero synapse between the groups that passes the limits."""
        chosen = self.ng_list(groups)
        for syn in self.network.SynapseGroups:
            if not (any(syn.src is g for g in chosen) and any(syn.dst is g for g in chosen)):
                continue
            sg_indx = next(i for i, g in enumerate(chosen) if g is syn.src)
            dg_indx = next(i for i, g in enumerate(chosen) if g is syn.dst)
            weights = syn.ignore_transpose_mode(dense_weights(getattr(syn, weight_attribute_name)))
            w_global_max = np.max(weights)
            src_x, src_y = getattr(syn.src, x_attribute_name), getattr(syn.src, y_attribute_name)
            dst_x, dst_y = getattr(syn.dst, x_attribute_name), getattr(syn.dst, y_attribute_name)
            for d in range(syn.dst.size):
                row = weights[d]
                wmax = np.max(row)
                if wmax == 0:
                    continue
                sorted_w = np.sort(row)
                for s in range(syn.src.size):
                    w = row[s]
                    if (
                        w != 0
                        and (dst_x[d] != 0 or include_fist_layer)
                        and (weight_limit is None or w >= wmax * weight_limit)
                        and (n_biggest is None or w == sorted_w[-n_biggest])
                    ):
                        func(
                            s,
                            src_x[s],
                            src_y[s],
                            d,
                            dst_x[d],
                            dst_y[d],
                            w,
                            sorted_w,
                            w_global_max,
                            sg_indx,
                            dg_indx,
                        )

    def get_synapse_transition_dict(
        self,
        source: Any,
        x_attribute_name: str,
        y_attribute_name: str,
        weight_attribute_name: str,
        groups: Any = "all",
        weight_limit: float | None = 0.3333,
        include_fist_layer: bool = False,
        n_biggest: int | None = None,
    ) -> dict[str, int]:
        """Count synapses by the transition they encode: ``'ab'`` (a then b), ``'a-b'`` (a gap),
        ``'a|b'`` (backwards), ``'a'`` (a buffer of one symbol), ``'UNKNOWN'``.

        ``source.index_to_char(i)`` names the labels (``y_attribute_name``, e.g. ``class_label``);
        ``x_attribute_name`` (e.g. ``temporal_layer``) orders them in time.
        """
        transitions: dict[str, int] = {}

        def count(s: int, sx: Any, sy: Any, d: int, dx: Any, dy: Any, *rest: Any) -> None:
            src_char, dst_char = source.index_to_char(int(sy)), source.index_to_char(int(dy))
            key = "UNKNOWN"
            if dx != np.inf and sx != np.inf:
                distance = int(dx - sx)
                if distance > 1:
                    key = src_char + "-" * (distance - 2) + dst_char
                if distance <= 0:
                    key = src_char + "|" * (-distance) + dst_char
                if src_char == dst_char and distance > 0:
                    key = src_char
            transitions[key] = transitions.get(key, 0) + 1

        self.synapse_iterate(
            count, x_attribute_name, y_attribute_name, weight_attribute_name, groups, weight_limit,
            include_fist_layer, n_biggest,
        )  # fmt: skip
        return transitions

    @staticmethod
    def contains_with_gap(string: str, substring: str, gapchar: str = "|") -> tuple[int, np.ndarray]:
        """How often ``substring`` occurs in ``string`` (``gapchar`` matches anything), and the
        distinct contexts (5 characters either side) of the matches longer than one character.

        As in PymoNNto, a match ending at the very last character is not counted.
        """
        found = 0
        contexts = []
        length = len(substring)
        for start in range(len(string) - length):
            if all(substring[k] == gapchar or string[start + k] == substring[k] for k in range(length)):
                found += 1
                if length > 1:
                    contexts.append(string[start - 5 : start + length + 5])
        return found, np.unique(np.array(contexts, dtype=str))

    def get_transition_frequencies(
        self, transitions: dict[str, int], source: Any
    ) -> tuple[dict[str, int], dict[str, np.ndarray], dict[str, int]]:
        """Occurrences of each transition in ``source.corpus``; the transitions that occur."""
        frequency_dict: dict[str, int] = {}
        occurence_dict: dict[str, np.ndarray] = {}
        filtered: dict[str, int] = {}
        for key, value in transitions.items():
            found, occurences = self.contains_with_gap(source.corpus, key, gapchar="|")
            frequency_dict[key] = found
            occurence_dict[key] = occurences
            if found > 0:
                filtered[key] = value
        return frequency_dict, occurence_dict, filtered

    @staticmethod
    def get_transition_classes(transitions: dict[str, int], frequencies: dict[str, int]) -> dict[str, int]:
        """Synapse counts of buffers (one symbol), useful (the corpus has it) and useless transitions."""
        classes = {"BUFFER": 0, "USEFUL": 0, "USELESS": 0}
        for key, value in transitions.items():
            if len(key) == 1:
                classes["BUFFER"] += value
            elif frequencies[key] > 0:
                classes["USEFUL"] += value
            else:
                classes["USELESS"] += value
        return classes

    def get_all_buffer_length_distribution(self, groups: Any) -> tuple[list[Any], list[list[int]], Any]:
        """Per label (as PymoNNto: all but the highest, first group only): the longest buffer, the
        histogram of temporal layers, and the mean longest buffer."""
        chosen = self.ng_list(groups)
        max_class_label = int(np.max([np.max(ng.class_label) for ng in chosen]))
        max_layer = int(np.max([np.max(ng.temporal_layer[ng.temporal_layer != np.inf]) for ng in chosen]))
        first = self.network.NeuronGroups[0]
        longest: list[Any] = []
        histograms: list[list[int]] = []
        for label in range(max_class_label):
            elements = list(
                first.temporal_layer[(first.class_label == label) & (first.temporal_layer != np.inf)]
            )
            longest.append(np.max(elements))
            histograms.append([elements.count(layer) for layer in range(max_layer + 1)])
        return longest, histograms, np.average(longest)

    def visualize_label_and_group_neurons(
        self,
        x_attribute_name: str,
        y_attribute_name: str,
        weight_attribute_name: str,
        groups: Any = "all",
        weight_limit: float | None = 0.3333,
        group_shift: float = 0,
        source: Any = None,
        include_fist_layer: bool = False,
        n_biggest: int | None = None,
        return_graph: bool = False,
    ) -> tuple[list[list[Any]], list[list[int]]]:
        """With ``return_graph=True``: ``(neurons [[x, row], ...], synapses [[s, d], ...])`` of the
        label picture. The engine does not draw; plot these with any plotting library."""
        if not return_graph:
            raise NotImplementedError(
                _NO_DRAWING.format("visualize_label_and_group_neurons") + " or pass return_graph=True"
            )
        chosen = self.ng_list(groups)
        height = int(np.sum([ng.size for ng in chosen]))
        synapses: list[list[int]] = []

        def collect(s: int, sx: Any, sy: Any, d: int, dx: Any, *rest: Any) -> None:
            if sx != np.inf and dx != np.inf:
                synapses.append([s, d])

        self.synapse_iterate(
            collect, x_attribute_name, y_attribute_name, weight_attribute_name, groups, weight_limit,
            include_fist_layer, n_biggest,
        )  # fmt: skip
        neurons: list[list[Any]] = []
        for position, ng in enumerate(chosen):
            offset = position * ng.size
            xs, ys = getattr(ng, x_attribute_name), getattr(ng, y_attribute_name)
            for i in range(ng.size):
                x = -1 if xs[i] == np.inf else xs[i]
                neurons.append([x, i + height * ys[i] + offset])
        return neurons, synapses


_NO_DRAWING = (
    "Reconstruct_Analyze_Label_Network.{} draws with matplotlib, which the engine does not import; "
    "plot the numbers yourself"
)
