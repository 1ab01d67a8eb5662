"""Test-wide environment and generic (non-Qt) fixtures.

The environment block below runs when pytest loads this file, which happens before any test module
and before pytest-qt configures its Qt binding. It must stay above every import of numpy, qtpy,
pyqtgraph, qtconsole or matplotlib: those libraries read these variables once, at import time.
Every value is a ``setdefault``, so a variable set on the command line wins, e.g.::

    QT_QPA_PLATFORM=xcb xvfb-run -a .venv/bin/python -m pytest tests/studio

The shared fixtures (networks, the ``make_runner`` factory, the Qt window and console factories)
live in one plugin module, :mod:`tests.support.fixtures`, registered below with ``pytest_plugins``;
helpers that are not fixtures live in the other modules of ``tests/support/``. Test modules import
from ``tests.support`` only, never from a conftest or another test module.
"""

from __future__ import annotations

import os
import shutil
import tempfile

# --------------------------------------------------------------------------------------------------
# Environment: set before anything below (or any test module) imports a Qt or numeric library.
# --------------------------------------------------------------------------------------------------
_TEST_ENV = {
    "QT_QPA_PLATFORM": "offscreen",  # no X server needed; tests never pop up windows
    "QT_API": "pyqt6",  # qtpy / qtconsole binding (must precede the first qtpy import)
    "PYQTGRAPH_QT_LIB": "PyQt6",  # pyqtgraph binding
    "PYTEST_QT_API": "pyqt6",  # pytest-qt would try PySide6 first if it were ever installed
    "PYDEVD_DISABLE_FILE_VALIDATION": "1",  # silences debugpy's "frozen modules" warning
    "OPENBLAS_NUM_THREADS": "1",  # BLAS threads fight the GUI thread on small machines
    "MPLBACKEND": "Agg",  # matplotlib headless; plt.show() returns at once
}
for _name, _value in _TEST_ENV.items():
    os.environ.setdefault(_name, _value)

# Isolate the suite from the developer's personal configuration, and keep the tests from writing
# into it: IPython profiles and startup files (they would run inside the in-process console kernel),
# QSettings / fontconfig / matplotlibrc under ~/.config. One private directory per session, removed
# at the end. Set MNN_TESTS_USE_HOME=1 to use the real locations instead.
_SESSION_DIR = tempfile.mkdtemp(prefix="mnn-tests-")  # mode 0700, as Qt wants for the runtime dir
if os.environ.get("MNN_TESTS_USE_HOME") != "1":
    for _name, _sub in (
        ("IPYTHONDIR", "ipython"),
        ("JUPYTER_CONFIG_DIR", "jupyter-config"),
        ("JUPYTER_RUNTIME_DIR", "jupyter-runtime"),
        ("XDG_CONFIG_HOME", "config"),
    ):
        os.environ[_name] = os.path.join(_SESSION_DIR, _sub)
        os.makedirs(os.environ[_name], exist_ok=True)
# Without it Qt warns "XDG_RUNTIME_DIR not set" on headless machines.
if "XDG_RUNTIME_DIR" not in os.environ:
    os.environ["XDG_RUNTIME_DIR"] = os.path.join(_SESSION_DIR, "runtime")
    os.makedirs(os.environ["XDG_RUNTIME_DIR"], mode=0o700, exist_ok=True)

# Note on MALLOC_MMAP_THRESHOLD_ / MALLOC_TRIM_THRESHOLD_: glibc reads them once, at process start,
# so setting them here would not affect this pytest process (only its subprocesses). They are a
# benchmark concern and are deliberately not set here.

# --------------------------------------------------------------------------------------------------
# Imports that may depend on the environment above.
# --------------------------------------------------------------------------------------------------
import subprocess  # noqa: E402
import sys  # noqa: E402
import threading  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable, Mapping, Sequence  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

# Assertions in the shared helpers report like assertions in tests (must precede their import).
pytest.register_assert_rewrite("tests.support")

from tests.support.paths import EXAMPLES_DIR, REPO_ROOT  # noqa: E402

# The shared fixtures: one plugin module (imported after the environment block above).
pytest_plugins = ["tests.support.fixtures"]


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "allow_thread_leak: the test may leave non-daemon threads running (skips the leak check)",
    )


def pytest_unconfigure(config: pytest.Config) -> None:
    shutil.rmtree(_SESSION_DIR, ignore_errors=True)


def pytest_report_header(config: pytest.Config) -> list[str]:
    keys = ("QT_QPA_PLATFORM", "QT_API", "MPLBACKEND", "OPENBLAS_NUM_THREADS")
    return ["mnn-studio test env: " + ", ".join(f"{k}={os.environ.get(k)}" for k in keys)]


# --------------------------------------------------------------------------------------------------
# Paths
# --------------------------------------------------------------------------------------------------
@pytest.fixture(scope="session")
def repo_root() -> Path:
    """Absolute path of the repository root (the folder holding pyproject.toml)."""
    return REPO_ROOT


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    """Absolute path of ``examples/``."""
    return EXAMPLES_DIR


@pytest.fixture
def in_tmp_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run the test with ``tmp_path`` as the working directory.

    Use it for code that writes relative paths (``Data/``, recordings, saved networks), so that
    nothing lands in the repository. The previous directory is restored afterwards.
    """
    monkeypatch.chdir(tmp_path)
    return tmp_path


# --------------------------------------------------------------------------------------------------
# Random state
# --------------------------------------------------------------------------------------------------
@pytest.fixture(autouse=True)
def _restore_numpy_global_rng():
    """Keep one test's ``np.random.seed(...)`` from leaking into the next test.

    The engine, like PymoNNto, draws from NumPy's global generator; restoring its state after each
    test keeps results independent of test order.
    """
    np = sys.modules.get("numpy")
    state = np.random.get_state() if np is not None else None
    yield
    np = sys.modules.get("numpy")
    if np is not None:
        if state is not None:
            np.random.set_state(state)
        else:  # numpy was first imported by this test: reseed from entropy, as on a fresh import
            np.random.seed()


@pytest.fixture
def seeded_rng():
    """Seed NumPy's global generator with 42 (PymoNNto-style code) and return a ``Generator``
    seeded with 42 for new-style code."""
    import numpy as np

    np.random.seed(42)
    return np.random.default_rng(42)


# --------------------------------------------------------------------------------------------------
# Threads: a non-daemon thread left running makes pytest hang at exit with no message at all.
# --------------------------------------------------------------------------------------------------
_THREAD_GRACE_S = 2.0


@pytest.fixture(autouse=True)
def _no_leaked_threads(request: pytest.FixtureRequest):
    """Fail a test that leaves a new non-daemon thread running (after a short grace period).

    Threads started by session/module fixtures exist before this check starts and are not counted.
    Opt out with ``@pytest.mark.allow_thread_leak``.
    """
    before = set(threading.enumerate())
    yield
    if request.node.get_closest_marker("allow_thread_leak"):
        return

    def leaked() -> list[threading.Thread]:
        return [
            t
            for t in threading.enumerate()
            if t not in before and t.is_alive() and not t.daemon and t is not threading.main_thread()
        ]

    deadline = time.monotonic() + _THREAD_GRACE_S
    for t in leaked():
        t.join(max(0.0, deadline - time.monotonic()))
    still = leaked()
    if still:
        names = ", ".join(repr(t.name) for t in still)
        pytest.fail(
            f"test left non-daemon thread(s) running: {names}. Stop and join them in teardown "
            "(pytest would otherwise hang at exit), or mark the test allow_thread_leak.",
            pytrace=False,
        )


# --------------------------------------------------------------------------------------------------
# Subprocesses: import contracts ("import engine loads no Qt"), running examples and scripts.
# --------------------------------------------------------------------------------------------------
Args = str | Sequence[str]


@pytest.fixture
def run_python(tmp_path: Path) -> Callable[..., subprocess.CompletedProcess]:
    """Run Python in a fresh interpreter (this venv's), with the test environment.

    ``run_python(code="import engine; ...")`` runs a snippet; ``run_python(script=path, args=[...])``
    runs a file. Returns the ``CompletedProcess`` (text mode, stdout/stderr captured); it does not
    raise on a non-zero exit, check ``.returncode``. ``timeout`` (seconds, default 120) raises
    ``subprocess.TimeoutExpired``. The working directory defaults to a fresh temporary folder, so
    scripts that write files leave nothing in the repository; ``env`` adds/overrides variables.
    """

    def run(
        code: str | None = None,
        *,
        script: str | os.PathLike | None = None,
        args: Args = (),
        cwd: str | os.PathLike | None = None,
        env: Mapping[str, str] | None = None,
        timeout: float = 120,
    ) -> subprocess.CompletedProcess:
        if (code is None) == (script is None):
            raise TypeError("run_python: give exactly one of code= or script=")
        cmd = [sys.executable]
        cmd += ["-c", code] if code is not None else [str(script)]
        cmd += [args] if isinstance(args, str) else list(args)
        full_env = dict(os.environ)
        # Make the checkout importable even where it is not installed (editable install or not).
        full_env["PYTHONPATH"] = os.pathsep.join(
            p for p in (str(REPO_ROOT), full_env.get("PYTHONPATH", "")) if p
        )
        if env:
            full_env.update(env)
        return subprocess.run(
            cmd,
            cwd=str(cwd) if cwd is not None else str(tmp_path),
            env=full_env,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=timeout,
        )

    return run
