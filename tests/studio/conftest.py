"""Qt fixtures for the studio tests: isolated QSettings, no modal dialogs, a window factory.

The environment (offscreen platform, bindings) is set by ``tests/conftest.py``.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import pytest

pytest.importorskip("PyQt6")
pytest.importorskip("pyqtgraph")

from PyQt6.QtCore import QCoreApplication, QSettings  # noqa: E402
from PyQt6.QtWidgets import QDialog, QMessageBox  # noqa: E402

from studio import dialogs  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "examples" / "seed_synapses_input.py"


def runner_threads() -> list[threading.Thread]:
    """Live engine worker threads (``mnn-runner-...``)."""
    return [t for t in threading.enumerate() if t.name.startswith("mnn-runner") and t.is_alive()]


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path):
    """Organisation / application names for tests and QSettings files under ``tmp_path``."""
    QCoreApplication.setOrganizationName("mnn-studio-tests")
    QCoreApplication.setApplicationName("mnn-studio-tests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))
    yield tmp_path / "qsettings"


@pytest.fixture(autouse=True)
def no_modal_dialogs(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Record ``dialogs.warn`` calls instead of opening boxes; any other modal dialog fails."""
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(dialogs, "warn", lambda parent, title, text, details="": shown.append((title, text)))
    monkeypatch.setattr(dialogs, "ask_open_script", lambda parent, start_dir="": None)

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
def make_window(qtbot, settings_file: Path) -> Callable:
    """Factory ``make_window(script=SEED, remember=True, fps=30)`` → a shown MainWindow.

    Teardown closes every window, then checks that no runner thread is left alive.
    """
    from studio.main_window import MainWindow

    windows: list[MainWindow] = []

    def factory(script: str | Path | None = SEED, remember: bool = True, fps: float = 30.0) -> MainWindow:
        settings = QSettings(str(settings_file), QSettings.Format.IniFormat) if remember else None
        window = MainWindow(settings=settings, fps=fps)
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
