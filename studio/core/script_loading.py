"""Loading a user script into a network, with errors turned into readable messages."""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from engine.io.scripts import ScriptResult

#: File suffixes accepted as Python scripts.
PYTHON_SUFFIXES = (".py", ".pyw")


class ScriptLoadError(Exception):
    """A script could not be turned into a network; ``str(err)`` is the message to show."""

    def __init__(
        self, message: str, path: Path | None = None, line: int | None = None, details: str = ""
    ) -> None:
        super().__init__(message)
        self.path = path
        self.line = line
        self.details = details


@dataclass
class LoadedNetwork:
    """A network built by a script (or handed over directly) and what we know about it."""

    network: Any
    script: Path | None = None
    title: str = "network"
    requested_iterations: int | None = None
    stdout: str = ""
    networks: list = field(default_factory=list)
    namespace: dict = field(default_factory=dict, repr=False)
    #: the keyword options of the script's last ``Network_UI(...).show()`` (``modules``, ...).
    ui_options: dict = field(default_factory=dict, repr=False)
    #: the rest of the script after its first ``simulate_iterations`` (an
    #: ``engine.io.script_rest.ScriptAnalysis``), to run once the requested iterations have run; or None
    analysis: Any = field(default=None, repr=False)
    #: why the rest of the script could not wait for the iterations ("" when it could, or had none)
    analysis_note: str = ""


def script_title(path: Path) -> str:
    """First line of the script's module docstring, else the file name."""
    try:
        doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")))
    except (OSError, SyntaxError, UnicodeDecodeError, ValueError):
        doc = None
    if doc:
        first = doc.strip().splitlines()[0].strip()
        if first:
            return first
    return path.name


def check_script_path(path: str | Path) -> Path:
    """Validate a script path: it exists, is a file, has a Python suffix and is text."""
    p = Path(path).expanduser()
    if not p.exists():
        raise ScriptLoadError(f"Script not found: {p}", path=p)
    if not p.is_file():
        raise ScriptLoadError(f"Not a file: {p}", path=p)
    if p.suffix.lower() not in PYTHON_SUFFIXES:
        raise ScriptLoadError(f"Not a Python script (expected a .py file): {p.name}", path=p)
    try:
        p.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise ScriptLoadError(f"Not a Python script (the file is not UTF-8 text): {p.name}", path=p) from None
    except OSError as exc:
        raise ScriptLoadError(f"Cannot read {p}: {exc}", path=p) from exc
    return p.resolve()


def _requested(result: ScriptResult) -> int | None:
    """Total of the script's deferred ``simulate_iterations`` calls (None when it made none)."""
    total = 0
    for item in result.requested_iterations:  # whatever the script passed, usually an int
        try:
            total += int(item if not isinstance(item, (list, tuple)) else item[0])
        except (TypeError, ValueError, IndexError):
            continue
    return total or None


def load_network_script(path: str | Path, defer_rest: bool = True) -> LoadedNetwork:
    """Run a script in build mode (engine.io.scripts) and return the network it built.

    With ``defer_rest`` the code after the script's first top-level ``simulate_iterations`` does not
    run now: it becomes ``loaded.analysis``, which the studio runs once the iterations have run.

    Raises
    ------
    ScriptLoadError
        For a missing / non-Python path, a script that raises (the message names its line) and
        a script that builds no network.
    """
    p = check_script_path(path)
    from engine.io.scripts import ScriptError, load_script  # late: keeps this module light to import

    try:
        result = load_script(str(p), defer_rest=defer_rest)
    except ScriptError as exc:
        raise ScriptLoadError(str(exc), path=p, line=exc.lineno, details=exc.traceback) from exc
    except Exception as exc:  # noqa: BLE001 - anything a user script does is reported, not fatal
        raise ScriptLoadError(f"{p.name}: {type(exc).__name__}: {exc}", path=p) from exc
    nets = list(result.networks)
    net = result.network  # the Network_UI one, else the last one built
    if net is None:
        raise ScriptLoadError(f"{p.name} ran, but it builds no Network.", path=p)
    return LoadedNetwork(
        network=net,
        script=p,
        title=result.title or script_title(p),
        requested_iterations=_requested(result),
        stdout=result.stdout,
        networks=nets or [net],
        namespace=dict(result.namespace),
        ui_options=dict(result.ui_requests[-1].options) if result.ui_requests else {},
        analysis=result.analysis,
        analysis_note=result.analysis_note,
    )
