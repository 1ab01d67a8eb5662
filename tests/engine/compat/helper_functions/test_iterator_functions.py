"""Ever-finer grids, compared with PymoNNto 3.0.6 (values in tests/data/pymonnto_3_0_6_helpers.json,
computed once with its infinite_resolution_1D/2D/3D and max_resolution=1)."""

import json
from itertools import islice

import numpy as np
import pytest

from engine.compat.helper_functions.iterator_functions import (
    infinite_resolution_1D,
    infinite_resolution_2D,
    infinite_resolution_3D,
)
from tests.support.paths import REPO_ROOT

REF = json.loads((REPO_ROOT / "tests/data/pymonnto_3_0_6_helpers.json").read_text(encoding="utf-8"))


def test_the_points_match_the_reference():
    np.testing.assert_allclose(list(infinite_resolution_1D(0.0, 1.0, max_resolution=1)), REF["inf_1d"])
    np.testing.assert_allclose(
        list(infinite_resolution_2D(0.0, 1.0, 0.0, 2.0, max_resolution=1)), REF["inf_2d"]
    )
    assert (
        len(list(infinite_resolution_3D(0.0, 1.0, 0.0, 1.0, 0.0, 1.0, max_resolution=1)))
        == REF["inf_3d_count"]
    )


def test_unbounded_keeps_refining_without_repeats():
    points = list(islice(infinite_resolution_1D(0.0, 1.0), 41))
    assert len(points) == len(set(points)) == 41 and points[:5] == [0.0, 0.2, 0.4, 0.6000000000000001, 0.8]
    np.testing.assert_allclose(sorted(points[:40]), np.arange(40) / 40)  # levels 5, 10, 20, 40 per axis
    assert points[40] == pytest.approx(1 / 80)  # the next level has started


def test_bad_bounds_are_refused():
    with pytest.raises(ValueError, match="above its min"):
        list(infinite_resolution_2D(0.0, 1.0, 2.0, 2.0))
    with pytest.raises(ValueError, match="max_resolution"):
        list(infinite_resolution_1D(0.0, 1.0, max_resolution=-3))
