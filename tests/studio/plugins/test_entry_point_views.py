"""A pip-installed package adds a view through the ``mnn_studio.views`` entry point (docs/plugins.md)."""

from __future__ import annotations

import shutil
import subprocess
import sys

import numpy as np
import pytest

from studio.views import registry
from tests.support.paths import REPO_ROOT

EXAMPLE = REPO_ROOT / "docs/plugin_example"

pytestmark = pytest.mark.usefixtures("isolated_settings")


@pytest.fixture
def installed_example(tmp_path, monkeypatch):
    """docs/plugin_example pip-installed into a folder on sys.path (the venv is left as it is)."""
    source = tmp_path / "source"
    shutil.copytree(EXAMPLE, source)
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--no-build-isolation", "--no-index",
         "--quiet", "--target", str(target), str(source)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    monkeypatch.syspath_prepend(str(target))
    registry.entry_point_views(refresh=True)
    yield target
    monkeypatch.undo()
    for name in [m for m in sys.modules if m.startswith("mnn_population_rate")]:
        del sys.modules[name]
    registry.entry_point_views(refresh=True)


def test_the_example_plugin_is_found_by_its_entry_point(installed_example):
    views = registry.available_views()
    assert views["population_rate"].title == "Population rate"
    assert views["population_rate"].target == "mnn_population_rate.view:PopulationRateView"
    assert list(views)[:4] == ["traces", "raster", "grid", "weights"]  # the studio's own, same registry


def test_the_plugin_view_is_in_the_view_menu_and_draws_while_running(installed_example, make_window, qtbot):
    window = make_window()
    new_menu = next(a.menu() for a in window.view_menu.actions() if a.menu() and a.text() == "New view")
    action = next(a for a in new_menu.actions() if a.text() == "Population rate")
    action.trigger()
    host = window.docks.views["population_rate_2"]
    assert window.docks.docks["population_rate_2"].windowTitle() == "Population rate 2"
    window.controls.set_speed(400.0)
    window.bridge.run()
    curve = host.view.curve
    qtbot.waitUntil(lambda: curve.getData()[0] is not None and len(curve.getData()[0]) >= 30, timeout=20000)
    x, y = curve.getData()
    assert np.all(np.diff(x) > 0) and np.all((0 <= y) & (y <= 1)) and host.failed is None
    assert host.view.mean_line.value() == pytest.approx(float(np.mean(y)), abs=0.05)


def test_a_plugin_that_does_not_import_is_listed_and_reports_when_opened(tmp_path, monkeypatch):
    dist = tmp_path / "broken_plugin-0.1.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: broken-plugin\nVersion: 0.1\n")
    (dist / "entry_points.txt").write_text("[mnn_studio.views]\nbroken = no_such_module_xyz:View\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    try:
        views = registry.entry_point_views(refresh=True)
        assert views["broken"].title == "broken (plug-in failed to import)"
        with pytest.raises(ModuleNotFoundError, match="no_such_module_xyz"):
            views["broken"].load()
    finally:
        monkeypatch.undo()
        registry.entry_point_views(refresh=True)
