"""1e-400 typed into a field: refused with the engine's message instead of silently becoming 0.0."""

from __future__ import annotations

import numpy as np
import pytest

from studio.parameters.spec import EditInputError, FieldSpec
from studio.parameters.text import parse_factor, parse_list, parse_number


@pytest.mark.parametrize("text", ["1e-400", "-1e-400", "2.5e-999"])
def test_threshold_1e_minus_400_is_refused_not_read_as_zero(text):
    with pytest.raises(
        EditInputError, match=r"threshold: .* is too small to be represented \(it would become 0\.0"
    ):
        parse_number(text, "threshold")


def test_small_numbers_that_a_float_holds_and_zero_are_kept():
    assert parse_number("1e-300", "threshold") == 1e-300
    assert parse_number("0", "threshold") == 0.0 and parse_number("0.0e0", "threshold") == 0.0


def test_a_factor_or_a_list_with_an_underflowing_literal_is_refused():
    with pytest.raises(EditInputError, match="too small"):
        parse_factor("×1e-400")
    spec = FieldSpec(name="w", path="g.w", kind="array", dtype="float64", shape=(3,))
    with pytest.raises(EditInputError, match="w: 1e-400 is too small"):
        parse_list("[0.1, 1e-400, 0.3]", spec)
    np.testing.assert_array_equal(parse_list("[0.1, 0, 0.3]", spec), [0.1, 0.0, 0.3])
