"""The library behaviors record PymoNNto 3.0.6's values, bit for bit, on the same networks.

tests/data/library_reference.json holds what the reference recorded (tools/collect_library_reference.py,
run with PymoNNto's interpreter); the scripts are tests/support/library_scripts.py, run here with this
engine's names. A fingerprint is dtype, shape, float64 sum and sha256 of the array's bytes, so equal
fingerprints mean equal arrays.
"""

import json

import pytest

from tests.support.library_scripts import SCRIPTS, engine_source
from tests.support.paths import REPO_ROOT

DATA = json.loads((REPO_ROOT / "tests" / "data" / "library_reference.json").read_text(encoding="utf-8"))


def run_engine_script(name):
    namespace = {"__name__": f"library_script_{name}"}
    exec(compile(engine_source(name), f"<library script {name}>", "exec"), namespace)
    return namespace["RESULT"]


def test_the_data_covers_every_script_and_was_recorded_without_errors():
    assert sorted(DATA["scripts"]) == sorted(SCRIPTS)
    assert {name: entry.get("error") for name, entry in DATA["scripts"].items()} == dict.fromkeys(SCRIPTS)
    assert DATA["pymonnto"] == "3.0.6"


@pytest.mark.parametrize("name", sorted(SCRIPTS))
def test_recorded_values_equal_pymonnto(name, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    expected = DATA["scripts"][name]["result"]
    got = run_engine_script(name)
    assert sorted(got) == sorted(expected)
    different = {key: (got[key], expected[key]) for key in expected if got[key] != expected[key]}
    assert not different, f"{name}: values that differ from PymoNNto 3.0.6 (ours, reference): {different}"
