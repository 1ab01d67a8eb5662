"""Temporal reconstruction and the Reconstruct_Analyze_Label_Network helpers on a tiny chain.

The chain: 5 neurons, neuron i -> i+1 with weight 1 (plus a weak 0 -> 2 skip of 0.3), tagged
'GLU'; symbol i drives neuron i (``Input_Weights = eye(5)``). After the inputs a, b, c, d, e the
last neuron is active, and the reconstruction reads the past input back: "...abcd".
Reference values (``tests/data/pymonnto_3_0_6_helpers.json``) were computed once with PymoNNto 3.0.6
on the same network (``compute_temporal_reconstruction``, ``generate_text_from_recon_mat``,
``label_and_group_neurons`` with label vectors e0 and e2 over 6 steps, ``contains_with_gap``,
the transition helpers with ``weight_limit=0.0, include_fist_layer=True`` and
``get_reconstruction(c, [4, 3], c, 'W', 3)``).
"""

import json

import numpy as np
import pytest

from engine import Network, NeuronGroup, SxD, SynapseGroup
from engine.compat.helper_functions.reconstruct_analyze_label import Reconstruct_Analyze_Label_Network
from engine.compat.helper_functions.reconstruction import (
    compute_temporal_reconstruction,
    generate_text_from_recon_mat,
)
from tests.support.paths import REPO_ROOT

REF = json.loads((REPO_ROOT / "tests/data/pymonnto_3_0_6_helpers.json").read_text(encoding="utf-8"))


class Letters:
    corpus = "abcdeabcdeabcde"

    def index_to_char(self, i):
        return "abcde"[i]


def _chain(settings=None):
    net = Network(settings=settings)
    chain = NeuronGroup(net=net, tag="chain,recon", size=5)
    synapses = SynapseGroup(net=net, src=chain, dst=chain, tag="GLU")
    weights = np.zeros((5, 5))
    for i in range(4):
        weights[i + 1, i] = 1.0
    weights[2, 0] = 0.3
    synapses.W = weights.T if settings else weights
    chain.Input_Weights = np.eye(5)
    chain.output = np.zeros(5)
    chain.output[4] = 1.0
    return net, chain


def test_the_past_input_is_reconstructed_as_in_the_reference():
    net, chain = _chain()
    recon = compute_temporal_reconstruction(net)
    np.testing.assert_allclose(recon, REF["recon"], atol=1e-12)
    assert generate_text_from_recon_mat(recon, Letters()) == REF["recon_text"] == "#######abcd"
    single = compute_temporal_reconstruction(net, chain, 3)
    np.testing.assert_allclose(single, REF["recon_single"], atol=1e-12)
    assert generate_text_from_recon_mat(single, Letters()) == REF["recon_single_text"]
    flat = [np.zeros(5), np.eye(5)[1], np.eye(5)[1], np.full(5, 0.2), np.eye(5)[4]]
    assert generate_text_from_recon_mat(flat, Letters()) == REF["text_flat"] == "#bb#e"
    assert compute_temporal_reconstruction(net, recon_group_tag="nothing") is None


def test_the_sxd_layout_reconstructs_the_same():
    net, _ = _chain(settings={"syn_dim": SxD})
    np.testing.assert_allclose(compute_temporal_reconstruction(net), REF["recon"], atol=1e-12)


def test_labels_transitions_and_reconstructions_match_the_reference():
    net, chain = _chain()
    raln = Reconstruct_Analyze_Label_Network(net)
    raln.label_and_group_neurons(chain, [np.eye(5)[0], np.eye(5)[2]], "W", 6)
    assert chain.class_label.tolist() == REF["class_label"]
    assert chain.temporal_layer.tolist() == REF["temporal_layer"]
    found, contexts = raln.contains_with_gap("abcabcabxab", "ab")
    assert [found, raln.contains_with_gap("abcabcabxab", "a|c")[0], contexts.tolist()] == REF[
        "contains_with_gap"
    ]
    transitions = raln.get_synapse_transition_dict(
        Letters(), "temporal_layer", "class_label", "W", weight_limit=0.0, include_fist_layer=True
    )
    assert transitions == REF["transitions"]
    frequencies, occurences, useful = raln.get_transition_frequencies(transitions, Letters())
    assert frequencies == REF["transition_frequencies"] and useful == {"a": 3}
    assert raln.get_transition_classes(transitions, frequencies) == REF["transition_classes"]
    np.testing.assert_allclose(
        raln.get_reconstruction(chain, [4, 3], chain, "W", 3), REF["get_reconstruction"]
    )
    neurons, synapses = raln.visualize_label_and_group_neurons(
        "temporal_layer", "class_label", "W", weight_limit=0.0, include_fist_layer=True, return_graph=True
    )
    assert len(neurons) == 5 and sorted(synapses) == [[0, 1], [0, 2], [1, 2], [2, 3], [3, 4]]


def test_propagation_modes():
    net, chain = _chain()
    raln = Reconstruct_Analyze_Label_Network(net)
    raln.zero_recon()
    chain.recon[0] = 1.0
    raln.propagation("W", 2, "forward", temporal_recon_groups=[chain], layer_compute_groups="all")
    # additive (the default): recon += W.recon; step 1 adds [0, 1, 0.3, 0, 0], step 2 W.[1, 1, 0.3, 0, 0]
    np.testing.assert_allclose(chain.temporal_recon[0], [1, 1, 0.3, 0, 0])
    np.testing.assert_allclose(chain.recon, [1, 2, 1.6, 0.3, 0])
    assert chain.layer_recon.tolist() == [np.inf, 1, 1, 2, np.inf]
    raln.zero_recon()
    chain.recon[4] = 1.0
    raln.propagation("W", 1, "backward", "forget", clip_max=0.5)
    assert chain.recon.tolist() == [0, 0, 0, 0.5, 0]
    with pytest.raises(ValueError, match="propagation_mode"):
        raln.propagation("W", 1, "sideways")
    with pytest.raises(ValueError, match="synapse_filter"):
        raln.propagation("W", 1, synapse_filter="most")
    with pytest.raises(NotImplementedError, match="matplotlib"):
        raln.plot_bars({})


def test_missing_inputs_are_named():
    net, chain = _chain()
    del chain.output
    with pytest.raises(AttributeError, match="no 'output' vector"):
        compute_temporal_reconstruction(net)
    del chain.Input_Weights
    with pytest.raises(AttributeError, match="Input_Weights"):
        compute_temporal_reconstruction(net)
