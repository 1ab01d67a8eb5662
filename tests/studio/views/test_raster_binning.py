"""Raster binning: no spike may disappear when neurons or iterations share a pixel."""

import numpy as np
import pytest

from studio.views.data import bin_factor, max_bin_columns, max_bin_rows


@pytest.mark.parametrize("neurons", [1, 7, 16, 1003, 10000])
@pytest.mark.parametrize("factor", [1, 2, 3, 4, 8, 16, 24])
def test_row_binning_keeps_every_spike(neurons, factor):
    rng = np.random.default_rng(neurons * factor)
    rows = -(-neurons // factor)
    for density in (0.0, 0.01, 0.5):
        block = (rng.random((9, neurons)) < density).view(np.uint8)
        want = np.zeros((9, rows), np.uint8)
        for g in range(rows):
            want[:, g] = block[:, g * factor : (g + 1) * factor].max(axis=1)
        assert np.array_equal(max_bin_rows(block, factor, rows), want)
        assert np.array_equal(max_bin_rows(block, factor, rows, binary=True), want)
        view = block[:, 1:]  # a neuron range: not contiguous
        rows_v = -(-(neurons - 1) // factor) or 1
        assert np.array_equal(
            max_bin_rows(view, factor, rows_v, binary=True), max_bin_rows(view, factor, rows_v)
        )


def test_bin_factor_fits_the_pixels_with_word_sized_groups():
    for rows in (1, 99, 600, 601, 1799, 4801, 10000, 123457):
        for pixels in (100, 600, 1000):
            f = bin_factor(rows, pixels)
            assert -(-rows // f) <= pixels and (f in (1, 2, 4) or f % 8 == 0)
            assert f < 2 * max(1, -(-rows // pixels)) + 8  # never much coarser than needed


def test_column_binning_keeps_the_newest_and_every_spike():
    img = np.zeros((2, 10), np.uint8)
    img[0, 9] = img[1, 2] = 1
    binned = max_bin_columns(img, 3)  # 9 newest columns in 3 groups; the oldest column dropped
    assert binned.tolist() == [[0, 0, 1], [1, 0, 0]]


def test_spike_counts_per_iteration():
    from studio.views.data import count_rows

    rng = np.random.default_rng(3)
    for neurons in (1, 300, 70000):
        block = rng.random((4, neurons)) < 0.3
        block[0] = True  # the widest count: every neuron
        got = count_rows(block.view(np.uint8))
        assert got.dtype == np.int64 and np.array_equal(got, block.sum(axis=1))
