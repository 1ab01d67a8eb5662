"""Population rate, per-neuron rates, and the power spectrum of an oscillation."""

from __future__ import annotations

import numpy as np
import pytest

from engine.analysis import neuron_rates, population_rate, power_spectrum, rate_histogram


def test_population_rate_in_bins_and_hz():
    counts = np.array([0, 10, 20, 30, 40, 50, 7])  # the last partial bin is dropped
    starts, rate = population_rate(counts, n_neurons=10, bin_width=2)
    assert starts.tolist() == [0, 2, 4]
    np.testing.assert_allclose(rate, [0.5, 2.5, 4.5])
    _, hz = population_rate(counts, n_neurons=10, bin_width=2, dt=0.001)
    np.testing.assert_allclose(hz, [500.0, 2500.0, 4500.0])
    with pytest.raises(ValueError, match="bin_width"):
        population_rate(counts, 10, bin_width=0)


def test_neuron_rates_and_their_histogram_keep_nan_visible():
    ids = np.array([0, 0, 0, 2, 2, 1])
    rates = neuron_rates(ids, n_neurons=4, duration=100)
    np.testing.assert_allclose(rates, [0.03, 0.01, 0.02, 0.0])
    edges, counts, n_nan = rate_histogram(np.append(rates, np.nan), bins=3)
    assert counts.sum() == 4 and n_nan == 1 and edges[-1] == pytest.approx(0.03)
    with pytest.raises(ValueError, match="0..3"):
        neuron_rates(np.array([4]), 4, 10)


@pytest.mark.parametrize("period", [8, 25, 50])
def test_spectrum_of_an_oscillation_peaks_at_its_frequency(period):
    t = np.arange(2000)
    rng = np.random.default_rng(period)
    signal = 0.3 + np.sin(2 * np.pi * t / period) + 0.2 * rng.standard_normal(t.size) + 1e-4 * t
    spec = power_spectrum(signal)
    assert spec.peak == pytest.approx(1.0 / period, rel=0.01)
    spec_hz = power_spectrum(signal, dt=0.001)  # 1 ms steps: the peak in Hz
    assert spec_hz.peak == pytest.approx(1000.0 / period, rel=0.01)


def test_spectrum_with_nan_samples_still_peaks_and_counts_them():
    t = np.arange(1000)
    signal = np.sin(2 * np.pi * t / 20)
    signal[[5, 300]] = np.nan
    spec = power_spectrum(signal)
    assert spec.n_nan == 2 and np.all(np.isfinite(spec.power))
    assert spec.peak == pytest.approx(0.05, rel=0.02)
    assert power_spectrum(np.ones(3)).freqs.size == 0
    with pytest.raises(ValueError, match="1-D"):
        power_spectrum(np.ones((3, 3)))


def test_raster_rates_match_neuron_rates():
    from engine.analysis import raster_rates

    raster = np.random.default_rng(7).random((400, 30)) < 0.2
    counts, rates = raster_rates(raster, dt=0.001)
    assert counts.tolist() == raster.sum(axis=1).tolist()
    _rows, ids = np.nonzero(raster)
    np.testing.assert_allclose(rates, neuron_rates(ids, 30, 400, dt=0.001))
