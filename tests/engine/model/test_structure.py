"""API §9: NeuronDimension, get_squared_dim, receptive fields."""

import numpy as np
import pytest

from engine import (
    Box_Receptive_Fields,
    Circle_Receptive_Fields,
    Network,
    NeuronDimension,
    NeuronGroup,
    Remove_Autapses,
    SynapseGroup,
    get_squared_dim,
)
from tests.support.behaviors import Counter


@pytest.mark.parametrize(
    "n,w,h",
    [(100, 10, 10), (50, 5, 10), (12, 3, 4), (7, 1, 7), (13, 1, 13), (101, 1, 101), (1, 1, 1), (0, 0, 0)],
)
def test_get_squared_dim(n, w, h):
    dim = get_squared_dim(n)
    assert (dim.init_kwargs["width"], dim.init_kwargs["height"]) == (w, h)


def test_coordinates_and_geometry():
    net = Network()
    g = NeuronGroup(net=net, tag="g", size=NeuronDimension(width=3, height=4), behavior={1: Counter()})
    assert g.size == 12 and g.id.tolist() == list(range(12))
    assert sorted(set(g.x.tolist())) == [-1, 0, 1]
    assert sorted(set(g.y.tolist())) == [-1.5, -0.5, 0.5, 1.5]
    assert g.x.dtype == np.float32 and (g.width, g.height, g.depth) == (3, 4, 1)
    assert g.x[4] == 0 and g.y[4] == -0.5  # neuron 4 sits at column 1, row 1
    flat = NeuronGroup(net=net, tag="f", size=NeuronDimension(width=2, height=2, depth=2, centered=False))
    assert flat.z.tolist() == [0, 0, 0, 0, 1, 1, 1, 1] and flat.x.tolist() == [0, 1] * 4
    deep = NeuronGroup(net=net, tag="d", size=get_squared_dim(4, depth=3))
    assert deep.size == 12


def test_dimension_takes_key_zero(capsys):
    net = Network()
    given = {0: Counter(), 1: Counter(tag="c1")}
    g = NeuronGroup(net=net, tag="g", size=get_squared_dim(4), behavior=given)
    assert isinstance(g.behavior[0], NeuronDimension) and "replaced" in capsys.readouterr().out
    lst = NeuronGroup(net=net, tag="l", size=get_squared_dim(4), behavior=[Counter(), Counter()])
    assert isinstance(lst.behavior[0], NeuronDimension) and sorted(lst.behavior) == [0, 1, 2]


def test_receptive_fields_masks():
    net = Network()
    g = NeuronGroup(net=net, tag="g", size=get_squared_dim(9))
    box = SynapseGroup(
        net=net, src=g, dst=g, behavior={1: Box_Receptive_Fields(range=1, remove_autapses=True)}
    )
    assert box.enabled.dtype == bool and box.enabled.sum() == 40
    circle = SynapseGroup(net=net, src=g, dst=g, behavior={1: Circle_Receptive_Fields(radius=1)})
    assert circle.enabled.sum() == 9 + 2 * 12  # self + 12 edges in a 3x3 lattice, both directions
    auto = SynapseGroup(net=net, src=g, dst=g, behavior={1: Remove_Autapses()})
    assert auto.enabled.sum() == 72
    plain = NeuronGroup(net=net, tag="p", size=4)
    untouched = SynapseGroup(net=net, src=plain, dst=plain, behavior={1: Box_Receptive_Fields(range=1)})
    assert untouched.enabled is True
