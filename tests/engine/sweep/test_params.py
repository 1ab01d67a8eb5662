"""Parsing sweep parameters, grids, random ranges and per-run seeds."""

from __future__ import annotations

import pytest

from engine.sweep.params import (
    SweepError,
    grid_points,
    param_key,
    parse_assignment,
    parse_grid,
    parse_random,
    parse_value,
    random_points,
    run_seeds,
)


def test_values_parse_to_numbers_bools_and_value_strings():
    assert parse_value("0.5") == 0.5 and parse_value("3") == 3 and parse_value("true") is True
    assert parse_value("uniform(0.4,0.6)") == "uniform(0.4,0.6)"
    assert parse_value("[1, 2]") == [1, 2]


def test_grid_keeps_value_strings_with_commas_whole():
    grid = parse_grid(["a.b=0.1,0.2", "g.B.c=uniform(0.4,0.6),2"])
    assert grid == {"a.b": [0.1, 0.2], "g.B.c": ["uniform(0.4,0.6)", 2]}
    assert grid_points(grid) == [
        {"a.b": 0.1, "g.B.c": "uniform(0.4,0.6)"},
        {"a.b": 0.1, "g.B.c": 2},
        {"a.b": 0.2, "g.B.c": "uniform(0.4,0.6)"},
        {"a.b": 0.2, "g.B.c": 2},
    ]


@pytest.mark.parametrize("bad", ["threshold", "=0.5", "a.b=", ""])
def test_bad_assignment_names_the_option_and_the_text(bad):
    with pytest.raises(SweepError, match="expected PATH=VALUE"):
        parse_assignment(bad)


def test_empty_grid_and_bad_ranges_are_refused():
    with pytest.raises(SweepError, match="empty"):
        grid_points({"a.b": []})
    with pytest.raises(SweepError, match="LOW <= HIGH"):
        parse_random(["a.b=2:1"])
    with pytest.raises(SweepError, match="LOW:HIGH"):
        parse_random(["a.b=x:1"])


def test_random_points_are_reproducible_and_in_range():
    ranges = parse_random(["a.b=0.4:0.6"])
    first, again = random_points(ranges, 20, seed=3), random_points(ranges, 20, seed=3)
    assert first == again
    assert all(0.4 <= p["a.b"] <= 0.6 for p in first)
    assert random_points(ranges, 20, seed=4) != first


def test_run_seeds_come_from_seed_sequence_spawn():
    import numpy as np

    seeds = run_seeds(7, 3)
    expected = [int(c.generate_state(1, dtype=np.uint32)[0]) for c in np.random.SeedSequence(7).spawn(3)]
    assert seeds == expected and len(set(seeds)) == 3
    with pytest.raises(SweepError):
        run_seeds(7, 0)


def test_param_key_ignores_the_order_of_parameters():
    assert param_key({"a": 1, "b": 2.5}, 9) == param_key({"b": 2.5, "a": 1}, 9)
    assert param_key({"a": 1}, 9) != param_key({"a": 1}, 10)
