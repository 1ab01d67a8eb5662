"""The benchmark floors (plain-numpy replicas of the workloads) do exactly the engine's work.

The driver reports "floor/ref" as the largest speed-up identical results allow; that claim holds
only if a floor computes what the script computes. Here both run at a small size under this
engine and must give the same fingerprint (W, final state, every recording, dtypes and shapes).
"""

import json

import pytest

RESULT = "BENCH_RESULT "


def fingerprint(run_python, repo_root, script, args):
    done = run_python(script=repo_root / "tests" / "bench" / "workloads" / script, args=args)
    assert done.returncode == 0, done.stderr[-2000:]
    line = next(ln for ln in done.stdout.splitlines() if ln.startswith(RESULT))
    result = json.loads(line[len(RESULT) :])
    return result["fingerprint"], result["parts"]


@pytest.mark.parametrize(
    "script, floor, args",
    [
        ("seed_network.py", "bare_seed.py", ["--size", "60", "--iters", "150", "--record", "1"]),
        ("seed_network.py", "bare_seed.py", ["--size", "300", "--iters", "40", "--record", "0"]),
        ("izhikevich_ei.py", "bare_izhikevich.py", ["--n_exc", "120", "--n_inh", "30", "--iters", "150"]),
    ],
)
def test_floor_matches_the_engine_bit_for_bit(run_python, repo_root, script, floor, args):
    ours, ours_parts = fingerprint(run_python, repo_root, script, args)
    bare, bare_parts = fingerprint(run_python, repo_root, floor, args)
    assert set(bare_parts) == set(ours_parts)
    assert ours == bare, {
        k: (ours_parts[k], bare_parts[k]) for k in ours_parts if ours_parts[k] != bare_parts[k]
    }
    assert any(p["shape"] and p.get("absmax", 0) > 0 for p in ours_parts.values())
