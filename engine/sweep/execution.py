"""One run of a script without Qt: build it, apply parameters, seed it, step it (with a deadline).

Used by ``mnn-studio run`` and by every task of a sweep. The script is loaded in build mode
(:func:`engine.io.scripts.load_script`): its ``simulate_iterations`` calls are recorded, and the
run then steps the network itself, either the iterations the script asked for or ``iterations``.

Seeding: a run's seed gives two numbers (``numpy.random.SeedSequence(seed)``): one seeds numpy's
global generator (and :mod:`random`) before the script builds, the other after the parameters are
applied, before the first step. A script that calls ``np.random.seed(1)`` itself keeps its own
network (same weights for every run) while each run seed still draws its own noise.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from engine.exceptions import EngineError
from engine.io.scripts import ScriptResult, load_script
from engine.model.genome import preset_genes
from engine.runtime.limits import check_iterations
from engine.runtime.step_error import StepError
from engine.runtime.tag_paths import resolve_path
from engine.runtime.value_edits import apply_value, prepare_value
from engine.sweep.params import SweepError, is_gene

if TYPE_CHECKING:
    from engine.model.network import Network

__all__ = [
    "Prepared",
    "RunFailed",
    "RunTimeout",
    "prepare_run",
    "apply_settings",
    "seed_pair",
    "seed_everything",
    "requested_iterations",
    "simulate",
]

#: how many iterations pass between two looks at the clock / progress callbacks
_CHECK_EVERY = 32


class RunFailed(EngineError, RuntimeError):
    """A behavior raised while the run stepped; the message names the iteration, behavior and line."""


class RunTimeout(EngineError, TimeoutError):
    """The run did not finish within its time limit."""


@dataclass
class Prepared:
    """A built, parameterised, seeded network ready to step ``iterations`` times."""

    result: ScriptResult
    net: Network
    iterations: int
    seed: int | None


def seed_pair(seed: int) -> tuple[int, int]:
    """(build seed, simulation seed) derived from a run seed."""
    build, simulation = np.random.SeedSequence(int(seed)).generate_state(2, dtype=np.uint32)
    return int(build), int(simulation)


def seed_everything(value: int) -> None:
    """Seed numpy's global generator (what scripts and value strings draw from) and :mod:`random`."""
    np.random.seed(int(value))
    random.seed(int(value))


def apply_settings(net: Network, settings: Mapping[str, Any], option: str = "--set") -> None:
    """Write each ``path -> value`` through the tag paths, with the messages the panels give."""
    for path, value in settings.items():
        try:
            apply_value(prepare_value(resolve_path(net, path), value))
        except (LookupError, ValueError, TypeError) as exc:
            raise SweepError(f"{option} {path}={value}: {exc}") from None


def requested_iterations(result: ScriptResult, net: Network) -> int | None:
    """Total of the script's deferred ``simulate_iterations`` calls on ``net`` (None if none)."""
    total = 0
    for request in result.simulation_requests:
        if request.network is not net:
            continue
        count = request.iterations
        if isinstance(count, str):
            count = net._time_to_iterations(count)
        total += check_iterations(count, "the script's simulate_iterations", allow_zero=True)
    return total or None


def prepare_run(
    script: str,
    params: Mapping[str, Any],
    seed: int | None,
    iterations: int | None = None,
    argv: tuple[str, ...] = (),
) -> Prepared:
    """Load ``script`` in build mode with the genes of ``params``, set its tag paths, seed it.

    Only the build runs: the code after the script's first top-level ``simulate_iterations`` (its
    analysis and plots, which would see a network that has not run yet) is left out, as the metrics
    take its place; a script without such a cut runs whole, as in plain build mode.

    ``params``: bare names are genes (read while the script builds), dotted names are tag paths
    (written after it built). ``seed=None`` seeds nothing (the script's own ``np.random.seed`` rules).
    Raises :class:`~engine.exceptions.ScriptError` (at the script's line),
    :class:`SweepError` (a parameter that does not resolve, no iteration count).
    """
    genes = {k: v for k, v in params.items() if is_gene(k)}
    settings = {k: v for k, v in params.items() if not is_gene(k)}
    build_seed, sim_seed = seed_pair(seed) if seed is not None else (None, None)
    if build_seed is not None:
        seed_everything(build_seed)
    with preset_genes(genes):
        result = load_script(script, argv, defer_rest=True)
    net = result.network
    if net is None:  # load_script raises NoNetworkError first; kept for the type checker
        raise SweepError(f"{script} builds no Network")
    apply_settings(net, settings)
    if iterations is None:
        iterations = requested_iterations(result, net)
        if iterations is None:
            raise SweepError(
                f"{script} asks for no iterations (no simulate_iterations call); give --iterations N"
            )
    count = check_iterations(iterations, "--iterations")
    if sim_seed is not None:
        seed_everything(sim_seed)
    return Prepared(result, net, count, seed)


def simulate(
    net: Network,
    iterations: int,
    deadline: float | None = None,
    progress: Callable[[int], None] | None = None,
) -> None:
    """Step ``net`` exactly ``iterations`` times.

    ``deadline``: a ``time.monotonic()`` value; past it :class:`RunTimeout` is raised (checked every
    few iterations). ``progress(done)`` is called every few iterations and at the end. A behavior
    that raises gives :class:`RunFailed` naming the iteration, behavior and user line.
    """
    if net.initialized:
        net.reserve_recordings(iterations)
    step = net.simulate_iteration
    done = 0
    try:
        while done < iterations:
            chunk = min(_CHECK_EVERY, iterations - done)
            for _ in range(chunk):
                step()
            done += chunk
            if progress is not None:
                progress(done)
            if deadline is not None and done < iterations and time.monotonic() > deadline:
                raise RunTimeout(f"timeout: stopped after {done} of {iterations} iterations")
    except (RunTimeout, KeyboardInterrupt):
        raise
    except Exception as exc:  # noqa: BLE001 - a behavior's error becomes a message at the user's line
        error = StepError.capture(exc, int(net.iteration), net)
        raise RunFailed(str(error)) from exc
