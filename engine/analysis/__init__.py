"""Analyses of recordings and live watches: spike intervals, rates, spectra, weight histograms, PCA.

Pure NumPy, no Qt: the studio's analysis views call these, and so can a notebook::

    from engine.analysis import isi_histogram, power_spectrum
    res = isi_histogram(net["spike.t", 0], net["spike.i", 0])
"""

from engine.analysis.pca import PcaResult, pca
from engine.analysis.rates import neuron_rates, population_rate, raster_rates, rate_histogram
from engine.analysis.spectrum import Spectrum, power_spectrum
from engine.analysis.spikes import (
    IsiResult,
    interval_cv,
    interval_histogram,
    intervals,
    isi_cv,
    isi_histogram,
    raster_events,
)
from engine.analysis.weights import WeightStats, weight_histogram, weight_values

__all__ = [
    "IsiResult",
    "PcaResult",
    "Spectrum",
    "WeightStats",
    "interval_cv",
    "interval_histogram",
    "intervals",
    "isi_cv",
    "isi_histogram",
    "neuron_rates",
    "pca",
    "population_rate",
    "power_spectrum",
    "raster_rates",
    "rate_histogram",
    "raster_events",
    "weight_histogram",
    "weight_values",
]
