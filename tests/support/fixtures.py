"""The shared fixtures: a pytest plugin, registered once by ``pytest_plugins`` in ``tests/conftest.py``.

Networks and runners (no Qt):

* ``seed_net`` - the seed network (``examples/seed_synapses_input.py`` in build mode), iteration 0.
* ``make_runner`` - factory ``make_runner(net, **kwargs)`` → a paused ``engine.Runner``; every runner it
  made is stopped and joined in teardown.
* ``seed_runner`` - ``make_runner(seed_net)``.

Qt (imported inside the fixtures, so that loading this plugin never loads Qt):

* ``isolated_settings``, ``no_modal_dialogs`` - QSettings under ``tmp_path``, dialogs recorded or refused.
  ``tests/studio/conftest.py`` makes them autouse for the studio tests; other Qt tests ask for them.
* ``settings_file``, ``make_window`` - the main-window factory; teardown closes every window and checks
  that no runner thread survived.
* ``write_script`` - ``write_script(name, source)`` → a script file in ``tmp_path``.
* ``seed_panel`` - the seed network, its runner and a shown ParameterPanel on ``my_neurons``.
* ``make_console`` - the IPython console factory; teardown shuts every kernel down.

Fixture teardown runs in reverse order of setup: a fixture that asks for ``make_runner`` (directly or
through ``seed_runner``) is torn down before its runners are stopped.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from tests.support.console import CELL_TIMEOUT_MS, kernel_threads
from tests.support.paths import SEED
from tests.support.runners import STOP_TIMEOUT_S, runner_threads


# --------------------------------------------------------------------------------------------------
# Networks and runners
# --------------------------------------------------------------------------------------------------
@pytest.fixture
def seed_net() -> Any:
    """The seed network of the tutorial's second example, loaded in build mode: initialized, iteration 0."""
    from engine.io.scripts import load_script

    return load_script(str(SEED)).network


@pytest.fixture
def make_runner() -> Iterator[Callable[..., Any]]:
    """Factory ``make_runner(net, **kwargs)`` → a paused ``engine.Runner(net, **kwargs)``.

    Teardown stops and joins every runner the factory made (``Runner.stop`` is idempotent, so a test
    may stop one itself) and fails if a worker thread did not end within ``STOP_TIMEOUT_S``.
    """
    from engine import Runner

    made: list[Any] = []

    def factory(net: Any, **kwargs: Any) -> Any:
        runner = Runner(net, **kwargs)
        made.append(runner)
        return runner

    yield factory
    stuck = [runner for runner in made if not runner.stop(timeout=STOP_TIMEOUT_S)]
    assert not stuck, f"runner thread(s) did not stop: {stuck}"


@pytest.fixture
def seed_runner(make_runner: Callable[..., Any], seed_net: Any) -> Any:
    """The seed network (100 neurons, GLUTAMATE synapses) in a paused runner; stopped after the test."""
    return make_runner(seed_net)


# --------------------------------------------------------------------------------------------------
# Qt: settings, dialogs, windows
# --------------------------------------------------------------------------------------------------
@pytest.fixture
def isolated_settings(tmp_path: Path) -> Iterator[Path]:
    """Organisation / application names for tests and QSettings files under ``tmp_path``."""
    from PyQt6.QtCore import QCoreApplication, QSettings

    QCoreApplication.setOrganizationName("mnn-studio-tests")
    QCoreApplication.setApplicationName("mnn-studio-tests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))
    yield tmp_path / "qsettings"


@pytest.fixture
def no_modal_dialogs(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Record ``dialogs.warn`` calls instead of opening boxes; any other modal dialog fails."""
    from PyQt6.QtWidgets import QDialog, QMessageBox

    from studio import dialogs

    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(dialogs, "warn", lambda parent, title, text, details="": shown.append((title, text)))
    monkeypatch.setattr(dialogs, "ask_open_script", lambda parent, start_dir="", **options: None)

    def refuse(self, *args, **kwargs):
        raise AssertionError(f"a modal dialog was opened in a test: {type(self).__name__}")

    monkeypatch.setattr(QDialog, "exec", refuse)
    monkeypatch.setattr(QMessageBox, "exec", refuse)
    return shown


@pytest.fixture
def settings_file(tmp_path: Path) -> Path:
    """The ini file the factory's windows use for their layout."""
    return tmp_path / "studio-layout.ini"


@pytest.fixture
def make_window(qtbot, settings_file: Path) -> Iterator[Callable[..., Any]]:
    """Factory ``make_window(script=SEED, remember=True, fps=30, **window_options)`` → a shown
    MainWindow (``window_options`` go to ``MainWindow``, e.g. ``docks=`` another dock table).

    Teardown closes every window, then checks that no runner thread is left alive.
    """
    from PyQt6.QtCore import QSettings

    from studio.main_window import MainWindow

    windows: list[MainWindow] = []

    def factory(
        script: str | Path | None = SEED, remember: bool = True, fps: float = 30.0, **window_options: Any
    ) -> MainWindow:
        settings = QSettings(str(settings_file), QSettings.Format.IniFormat) if remember else None
        window = MainWindow(settings=settings, fps=fps, **window_options)
        windows.append(window)
        window.resize(1280, 800)
        with qtbot.waitExposed(window):
            window.show()
        with qtbot.waitActive(window):  # keyboard shortcuts need the active window
            window.activateWindow()
        if script is not None:
            assert window.load_script(script), f"could not load {script}"
        return window

    yield factory
    for window in windows:
        window.close()
        window.deleteLater()
    # close() joins the worker thread (Runner.stop), so nothing may be left right now
    assert not runner_threads(), "a runner thread survived its window"


@pytest.fixture
def write_script(tmp_path: Path) -> Callable[[str, str], Path]:
    """``write_script(name, source)`` → path of a script in ``tmp_path``."""

    def write(name: str, source: str) -> Path:
        path = tmp_path / name
        path.write_text(source, encoding="utf-8")
        return path

    return write


# --------------------------------------------------------------------------------------------------
# Qt: the parameter panel and the console on a live runner
# --------------------------------------------------------------------------------------------------
@pytest.fixture
def seed_panel(qtbot, seed_runner: Any) -> Iterator[SimpleNamespace]:
    """The seed network, its paused runner and a shown ParameterPanel on ``my_neurons``.

    A namespace with ``net``, ``runner``, ``panel``, ``controller`` and ``group``; the panel's timer
    stops in teardown, then ``make_runner`` stops the runner.
    """
    from studio.parameters.dock import ParameterPanel

    net = seed_runner.net
    panel = ParameterPanel(seed_runner)
    qtbot.addWidget(panel)
    panel.resize(480, 760)
    panel.show()
    panel.set_target(net.my_neurons)
    yield SimpleNamespace(
        net=net, runner=seed_runner, panel=panel, controller=panel.controller, group=net.my_neurons
    )
    panel.timer.stop()


@pytest.fixture
def make_console(qtbot) -> Iterator[Callable[..., Any]]:
    """``make_console(runner, **kwargs)`` → a shown ConsolePanel whose first prompt is visible.

    Teardown shuts every console down and checks that no kernel thread is left alive.
    """
    from studio.console.dock import ConsolePanel

    panels: list[Any] = []

    def factory(runner: Any = None, extra: Any = None, **kwargs: Any) -> Any:
        kwargs.setdefault("persist_history", False)
        panel = ConsolePanel(**kwargs)
        panels.append(panel)
        qtbot.addWidget(panel)
        panel.bind(runner, extra)
        panel.resize(900, 560)
        panel.show()
        qtbot.waitUntil(panel.is_ready, timeout=CELL_TIMEOUT_MS)
        return panel

    yield factory
    for panel in panels:
        panel.shutdown()
    assert not kernel_threads(), f"kernel threads survived: {kernel_threads()}"
