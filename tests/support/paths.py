"""Paths of the repository and the scripts the tests load (no imports beyond pathlib)."""

from __future__ import annotations

from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
README = REPO_ROOT / "README.md"
EXAMPLES_DIR = REPO_ROOT / "examples"
#: Every example script, sorted by name.
EXAMPLES = sorted(EXAMPLES_DIR.glob("*.py"))
#: The tutorial's second example: 100 neurons, GLUTAMATE synapses, Basic_Behavior + Input_Behavior.
SEED = EXAMPLES_DIR / "seed_synapses_input.py"
#: The tutorial's first example (no synapses).
SEED_BASIC = EXAMPLES_DIR / "seed_basic.py"
