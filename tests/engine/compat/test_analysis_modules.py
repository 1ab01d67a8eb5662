"""Static_Classification and the weight classifiers, compared with PymoNNto 3.0.6.

Reference values (``tests/data/pymonnto_3_0_6_helpers.json``) were computed once with PymoNNto 3.0.6:
a 5x6 group with ``Static_Classification(classes=arange(30) % 3)`` and one named 'mine', and an
8-neuron group with a two-block ``W`` (``classifier_W``: ones in two 4x4 diagonal blocks plus
``RandomState(3).rand(8, 8) * 0.3``) on a SynapseGroup 'EE', classified by Weight_Classifier_Post
(default sensitivity 2) and Weight_Classifier_Pre (sensitivity 3).
"""

import json

import numpy as np
import pytest

from engine import Network, NeuronGroup, SynapseGroup, get_squared_dim
from engine.compat.analysis_modules import (
    Static_Classification,
    Weight_Classifier_Post,
    Weight_Classifier_Pre,
)
from tests.support.paths import REPO_ROOT

REF = json.loads((REPO_ROOT / "tests/data/pymonnto_3_0_6_helpers.json").read_text(encoding="utf-8"))


def test_static_classification_keys_match_the_reference():
    net = Network()
    group = NeuronGroup(net=net, tag="A", size=get_squared_dim(30))
    plain = Static_Classification(group, classes=np.arange(30) % 3)
    assert [str(k) for k in plain.get_results()] == REF["static_keys"]
    named = Static_Classification(group, name="mine", classes=np.arange(30) % 2)
    assert list(named.get_results()) == REF["static_named_keys"]
    results = group.get_all_analysis_module_results("classifier")
    assert sorted(str(k) for k in results) == REF["all_classifier_results"]
    assert results["mine"].tolist() == [0, 1] * 15 and group["classifier"] == [plain, named]


def _weights_group():
    net = Network()
    group = NeuronGroup(net=net, tag="P", size=get_squared_dim(8))
    sg = SynapseGroup(net=net, src=group, dst=group, tag="EE")
    sg.W = np.array(REF["classifier_W"])
    return group, sg


def test_weight_classifiers_match_the_reference(capsys):
    group, _ = _weights_group()
    post = Weight_Classifier_Post(group)
    progress = []
    post.add_progress_update_function(progress.append)
    assert post().tolist() == REF["classifier_post"] == [1, 1, 1, 1, 2, 2, 2, 2]
    assert progress == [0, 10, 40, 60, 70, 90, 100]
    pre = Weight_Classifier_Pre(group)
    assert pre(sensitivity=3).tolist() == REF["classifier_pre"]
    matrix, order = post.get_cluster_matrix(post.current_key)
    np.testing.assert_allclose(matrix, REF["classifier_post_cluster_matrix"], atol=1e-12)
    assert order.tolist() == REF["classifier_post_order"]
    assert group["cluster_matrix_classifier"] == [post, pre]
    assert post.get_cluster_matrix("never run") is None
    assert "computing cluster classes..." in capsys.readouterr().out


def test_running_again_keeps_the_class_numbers(capsys):
    group, sg = _weights_group()
    post = Weight_Classifier_Post(group)
    first = post().copy()
    sg.W = sg.W[:, ::-1].copy()  # the same clusters, which fcluster now numbers the other way round
    again = post()
    assert again.tolist() == first.tolist() == [1, 1, 1, 1, 2, 2, 2, 2]
    assert "applied class mapping from old state (new_c:old_c) {2: 1, 1: 2, 0: 0}" in capsys.readouterr().out


def test_constant_columns_are_refused():
    group, sg = _weights_group()
    sg.W = np.ones((8, 8))
    with pytest.raises(ValueError, match="constant"):
        Weight_Classifier_Post(group)()
