"""API §5: the value grammar of vector() and matrix()."""

import numpy as np
import pytest

from engine import Network, NeuronGroup, SynapseGroup, UnknownDistributionError, ValueStringError


@pytest.fixture
def groups():
    net = Network()
    a = NeuronGroup(net=net, tag="a", size=100)
    b = NeuronGroup(net=net, tag="b", size=50)
    sg = SynapseGroup(net=net, src=a, dst=b, tag="S")
    return net, a, b, sg


def test_constants_and_dtypes(groups):
    _, a, _, _ = groups
    assert a.vector().shape == (100,) and not a.vector().any()
    assert a.vector().dtype == np.float32
    assert np.all(a.vector(1) == 1) and np.all(a.vector(-10) == -10)
    assert a.vector(bool).dtype == bool and a.vector("bool").dtype == bool
    assert a.vector(int).dtype == np.dtype(int)
    assert np.all(a.vector("ones") == 1) and np.all(a.vector("ones()") == 1)
    assert np.all(a.vector("zeros") == 0)
    assert np.all(a.vector(np.float64(0.25)) == 0.25)
    assert np.all(a.vector("0.5") == 0.5)


def test_distributions_ranges(groups):
    _, a, _, _ = groups
    for mode in ("uniform", "random", "rand", "rnd", "uniform()"):
        v = a.vector(mode)
        assert v.dtype == np.float32 and v.min() >= 0 and v.max() < 1 and v.std() > 0.1
    v = a.vector("uniform(0.4,0.6)")
    assert 0.4 <= v.min() and v.max() < 0.6
    n = NeuronGroup(net=Network(), tag="big", size=20000)
    assert abs(n.vector("normal(loc=1,scale=1)").mean() - 1) < 0.05
    assert abs(n.vector("normal(1, 2)").std() - 2) < 0.1
    assert abs(n.vector("lognormal_real_mean(2, 0.5)").mean() - 2 * np.exp(-0.25 + 0.125)) < 0.1
    assert np.all(n.vector("binomial(1,0.5)") >= 0)
    assert abs(n.vector("poisson(3)").mean() - 3) < 0.1
    assert n.vector("lognormal(mean=1, sigma=1)").shape == (20000,)


def test_expressions_and_nesting(groups):
    _, a, _, _ = groups
    v = a.vector("2*uniform()")
    assert v.max() < 2 and v.max() > 1
    w = a.vector("uniform(0,1)*3")
    assert w.max() > 1
    nested = a.vector("uniform(0, np.sqrt(4))")  # breaks in PymoNNto (textual size insertion)
    assert nested.max() < 2 and nested.max() > 1
    assert np.all(a.vector("self.size / 100 + zeros()") == 1)


def test_density_and_scale(groups):
    _, a, _, sg = groups
    big = NeuronGroup(net=Network(), tag="big", size=100000)
    assert abs(np.mean(big.vector("ones", density=0.1) > 0) - 0.1) < 0.01
    assert abs(np.mean(big.vector("ones", density=np.float64(0.3)) > 0) - 0.3) < 0.01
    assert not big.vector("ones", density=0).any()
    assert np.all(a.vector("ones", density=1) == 1)
    assert np.all(a.vector(1, scale=3) == 3)
    per_row = np.linspace(0, 1, 50)
    mat = sg.matrix("ones", density=per_row)
    assert mat.shape == (50, 100)
    assert not mat[0].any() and mat[-1].all()
    vec_density = np.r_[np.zeros(50), np.ones(50)]
    v = a.vector("ones", density=vec_density)
    assert not v[:50].any() and v[50:].all()


def test_matrix_shapes_and_layout(groups):
    net, a, b, sg = groups
    for mode in ("zeros", "uniform", "normal(0,1)", 1, bool):
        assert sg.matrix(mode).shape == (50, 100)
    sxd = Network(settings={"syn_dim": 0})
    x = NeuronGroup(net=sxd, tag="x", size=3)
    y = NeuronGroup(net=sxd, tag="y", size=5)
    s2 = SynapseGroup(net=sxd, src=x, dst=y)
    assert s2.matrix().shape == (3, 5)
    assert s2.ignore_transpose_mode(s2.matrix()).shape == (5, 3)
    assert Network(settings={"synapse_mode": 0}).transposed_synapse_matrix_mode


@pytest.mark.parametrize(
    "mode",
    [
        "uniform",
        "uniform()",
        "uniform(0, 1)",
        "random",
        "uniform(low=0.0, high=1.0)",
        "uniform(0, 2)",
        "normal",
    ],
)
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_same_draws_as_reference_order(mode, dtype):
    """Values first (cast to the dtype), then the density mask: the reference's draw order,
    bit for bit, and the random stream left at the same place afterwards."""
    net = Network(settings={"dtype": dtype})
    g = NeuronGroup(net=net, tag="g", size=10)
    sg = SynapseGroup(net=net, src=g, dst=NeuronGroup(net=net, tag="h", size=7))
    draw = {
        "uniform(0, 2)": lambda shape: np.random.uniform(0, 2, size=shape),
        "normal": lambda shape: np.random.normal(size=shape),
    }.get(mode, lambda shape: np.random.uniform(size=shape))
    big = NeuronGroup(net=net, tag="big", size=300)
    big_sg = SynapseGroup(net=net, src=big, dst=big)  # 90000 values: more than one draw holds
    for make, shape in (
        (lambda **kw: g.vector(mode, **kw), (10,)),
        (lambda **kw: big_sg.matrix(mode, **kw), (300, 300)),
        (lambda **kw: sg.matrix(mode, **kw), (7, 10)),
    ):
        for density in (0.0, 0.3, 1.0):
            np.random.seed(3)
            got = make(density=density, scale=1.5)
            got_next = np.random.random_sample()
            np.random.seed(3)
            values = draw(shape).astype(dtype)
            want = values * (np.random.random_sample(shape) <= density) * 1.5
            assert got.dtype == dtype and got.shape == shape and got.flags.owndata
            assert np.array_equal(got, want) and np.random.random_sample() == got_next


def test_bad_value_strings(groups):
    _, a, _, _ = groups
    with pytest.raises(UnknownDistributionError, match="did you mean 'uniform'"):
        a.vector("unifrom(0,1)")
    with pytest.raises(NameError):
        a.vector("gaussian")
    with pytest.raises(ValueStringError, match="malformed"):
        a.vector("uniform(0,")
    with pytest.raises(SyntaxError):
        a.vector("uniform(0,")
    with pytest.raises(ValueError, match=r"density must lie in \[0, 1\]"):
        a.vector("ones", density=1.5)
    with pytest.raises(ValueError, match="density"):
        a.vector("ones", density=-0.1)
    with pytest.raises(ValueError, match="does not fit"):
        a.vector("ones", density=np.ones(3))
    with pytest.raises(TypeError, match="cannot make values"):
        a.vector([1, 2])


def test_matrix_order_setting_keeps_values():
    results = []
    for order in ("C", "F"):
        net = Network(settings={"matrix_order": order})
        a = NeuronGroup(net=net, tag="a", size=30)
        sg = SynapseGroup(net=net, src=a, dst=a)
        np.random.seed(5)
        results.append(sg.matrix("uniform", density=0.3))
    assert results[0].flags.c_contiguous and results[1].flags.f_contiguous
    assert np.array_equal(results[0], results[1])
    fired = np.arange(30) % 7 == 0
    assert np.array_equal(np.sum(results[0][:, fired], axis=1), np.sum(results[1][:, fired], axis=1))
    assert Network().matrix_order == "auto"
    with pytest.raises(ValueError, match="matrix_order"):
        Network(settings={"matrix_order": "X"})
