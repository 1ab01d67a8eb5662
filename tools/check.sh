#!/usr/bin/env bash
# tools/check.sh - the code checks CI runs before the tests (run tools/setup.sh first):
#   ruff check (lint), ruff format --check (style), lint-imports (the rooms' import contracts in
#   pyproject.toml), mypy (types of engine/). Exits non-zero at the first check that fails.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bin=.venv/bin
run() { printf '[check] %s\n' "$*"; "$@"; }
run "$bin/ruff" check .
run "$bin/ruff" format --check .
run "$bin/lint-imports"
run "$bin/mypy"
echo "[check] all checks passed"
