"""The Qt-free part of the studio's sweeps: touched parameters, suggested grids, plot summaries."""

from __future__ import annotations

import math
from types import SimpleNamespace

from studio.sweep.model import curve, default_metric, heat_map, suggest_values, touched_parameters


def _event(path, old, new, kind="set_value", error=None):
    return SimpleNamespace(kind=kind, path=path, old=old, new=new, error=error)


def test_touched_parameters_keep_the_first_old_and_the_last_new_value():
    events = [
        _event("g.B.threshold", 0.5, 0.6),
        _event("g.B.other", 1, "uniform(0,1)"),  # not a scalar: not offered
        _event("g.B.threshold", 0.6, 0.8),
        _event("g.B.gain", 2.0, 3.0, error="refused"),
        _event("g.B", None, False, kind="enabled"),
    ]
    assert touched_parameters(events) == {"g.B.threshold": (0.5, 0.8)}


def test_suggested_values_span_what_the_user_tried():
    assert suggest_values(0.5, 0.7, 5) == [0.5, 0.55, 0.6, 0.65, 0.7]
    assert suggest_values(2.0, 2.0, 3) == [1.6, 2.0, 2.4]
    assert suggest_values(0.0, 0.0, 3) == [-1.0, 0.0, 1.0]


def test_curve_gives_mean_and_sd_over_repeats_without_failed_rows():
    rows = [
        {"p": 0.2, "m": 10.0, "error": ""},
        {"p": 0.2, "m": 14.0, "error": ""},
        {"p": 0.1, "m": 20.0, "error": ""},
        {"p": 0.1, "m": None, "error": "boom"},
    ]
    xs, means, sds = curve(rows, "p", "m")
    assert xs == [0.1, 0.2] and means == [20.0, 12.0]
    assert sds[0] == 0.0 and math.isclose(sds[1], math.sqrt(8.0))


def test_heat_map_has_nan_where_nothing_finished():
    rows = [{"a": 1, "b": 10, "m": 1.0}, {"a": 1, "b": 20, "m": 3.0}, {"a": 2, "b": 10, "m": 5.0}]
    xs, ys, table = heat_map(rows, ["a", "b"], "m")
    assert xs == [1.0, 2.0] and ys == [10.0, 20.0]
    assert table[0] == [1.0, 3.0] and table[1][0] == 5.0 and math.isnan(table[1][1])


def test_default_metric_counts_the_first_event_recorder(seed_net):
    assert default_metric(seed_net) == "len(net['spike.t', 0])"
