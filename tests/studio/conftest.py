"""Local to tests/studio/: skip without Qt, and guard every studio test (isolated QSettings, no modal
dialogs). The fixtures themselves live in :mod:`tests.support.fixtures`; the environment (offscreen
platform, bindings) is set by ``tests/conftest.py``.
"""

from __future__ import annotations

import pytest

pytest.importorskip("PyQt6")
pytest.importorskip("pyqtgraph")


@pytest.fixture(autouse=True)
def _studio_guards(isolated_settings, no_modal_dialogs):
    """Every studio test runs with QSettings under ``tmp_path`` and modal dialogs refused."""
