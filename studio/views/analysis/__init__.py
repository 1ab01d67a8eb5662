"""Analysis views: ISI histogram, firing rates, power spectrum, weight histogram, PCA.

Each is a :class:`studio.views.base.LiveView` that computes with :mod:`engine.analysis` from a bounded
window of recent iterations (a live watch), only when new data arrived and at most as often as its
own cost allows (:class:`studio.views.analysis.window.Throttle`).
"""
