"""A (mu + lambda) evolutionary search over a script's genes, on the sweep machinery.

The genes are what the script reads through ``'[2#I]'`` placeholders or ``get_gene('I', 2)``
(:mod:`engine.model.genome`); :func:`script_genes` finds them and their defaults by building the
script once. Generation 0 is the default genome and ``population - 1`` mutants of it; after each
generation the best ``mu = population // 2`` individuals of parents and children survive and
``population - mu`` children are drawn from them by Gaussian mutation (relative to the gene's size).
The fitness is the first metric (default: the score the script reports with ``set_score``); a run that
fails has no fitness. A PymoNNto evolution "slave" script runs unchanged.
"""

from __future__ import annotations

import contextlib
import math
import numbers
import os
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from engine.exceptions import NoNetworkError
from engine.io.scripts import load_script
from engine.model.genome import get_genome, preset_genes
from engine.sweep.api import _metrics
from engine.sweep.cluster import open_client
from engine.sweep.driver import Progress, run_specs
from engine.sweep.params import SweepError, run_seeds
from engine.sweep.task import RunSpec

__all__ = ["script_genes", "evolve", "Evolution", "mutate"]


@dataclass
class Evolution:
    """The outcome: the best genes and fitness, the best fitness per generation, every row."""

    best: dict[str, Any]
    best_fitness: float
    history: list[float] = field(default_factory=list)
    rows: list[dict[str, Any]] = field(default_factory=list)
    stopped: str | None = None


def script_genes(script: str) -> dict[str, Any]:
    """The genes the script reads while it builds, with their defaults (a build in this process)."""
    with preset_genes({}):
        try:
            load_script(script)
        except NoNetworkError:
            pass  # a slave script without a network still read its genes
        genes = dict(get_genome())
    return genes


def mutate(genes: Mapping[str, Any], rate: float, rng: np.random.Generator) -> dict[str, Any]:
    """Each numeric gene ``v`` becomes ``v * (1 + rate * N(0, 1))`` (``rate * N(0, 1)`` when 0)."""
    child = {}
    for name, value in genes.items():
        if isinstance(value, numbers.Real) and not isinstance(value, bool):
            step = rate * float(rng.standard_normal())
            child[name] = float(value) * (1.0 + step) if value != 0 else step
        else:
            child[name] = value
    return child


def _fitness(row: Mapping[str, Any], metric: str) -> float:
    value = row.get(metric)
    if row.get("error") or value is None:
        return -math.inf
    number = float(value)
    return number if math.isfinite(number) else -math.inf


def evolve(
    script: str,
    generations: int,
    population: int,
    mutation: float = 0.2,
    seed: int = 0,
    metric: str | Sequence[str] | None = None,
    iterations: int | None = None,
    genes: Mapping[str, Any] | None = None,
    minimize: bool = False,
    client: Any = None,
    workers: int | None = None,
    scheduler: str | None = None,
    out: str | None = None,
    timeout: float | None = None,
    on_row: Callable[[dict[str, Any], Progress], None] | None = None,
    cancel: threading.Event | None = None,
) -> Evolution:
    """Evolve the genes of ``script`` for ``generations`` generations of ``population`` individuals.

    ``genes``: the starting genome (default: :func:`script_genes`). ``minimize``: lower fitness is
    better. Other arguments as for :func:`engine.sweep.sweep`.
    """
    path = os.path.abspath(script)
    if not os.path.isfile(path):
        raise SweepError(f"the script {script} does not exist")
    if generations < 1 or population < 2:
        raise SweepError(
            f"evolution needs generations >= 1 and population >= 2, got {generations}, {population}"
        )
    start = dict(genes) if genes is not None else script_genes(path)
    if not start:
        raise SweepError(f"{os.path.basename(path)} reads no genes ('[2#I]' placeholders or get_gene)")
    metrics = _metrics(metric)
    rng = np.random.default_rng(np.random.SeedSequence(seed).spawn(2)[1])
    run_seed = run_seeds(seed, 1)[0]
    sign = -1.0 if minimize else 1.0
    mu = max(1, population // 2)
    result = Evolution(dict(start), -math.inf)
    survivors: list[tuple[float, dict[str, Any]]] = []
    count = [0]

    def generation_specs(g: int, genomes: list[dict[str, Any]]) -> list[RunSpec]:
        specs = []
        for i, genome in enumerate(genomes):
            extra = {"generation": g, "individual": i}
            specs.append(
                RunSpec(path, genome, run_seed, count[0], 0, iterations, metrics, timeout, None, extra)
            )
            count[0] += 1
        return specs

    context = open_client(client, workers, scheduler) if workers != 0 else contextlib.nullcontext(None)
    with context as opened:
        dask_client = opened[0] if opened else None
        for g in range(generations):
            if g == 0:
                genomes = [dict(start)] + [mutate(start, mutation, rng) for _ in range(population - 1)]
            else:
                parents = [survivors[int(k)][1] for k in rng.integers(0, len(survivors), population - mu)]
                genomes = [mutate(p, mutation, rng) for p in parents]
            specs = generation_specs(g, genomes)
            rows = run_specs(
                specs,
                client=dask_client,
                workers=0 if dask_client is None else None,
                out=out,
                max_failures=0,
                on_row=on_row,
                cancel=cancel,
            )
            result.rows.extend(rows)
            by_run = {r.get("run"): r for r in rows}
            scored = [
                (sign * _fitness(by_run.get(spec.index, {}), metrics[0]), dict(spec.params)) for spec in specs
            ]
            survivors = sorted(survivors + scored, key=lambda item: item[0], reverse=True)[:mu]
            result.history.append(sign * survivors[0][0])
            if rows.stopped:
                result.stopped = rows.stopped
                break
    result.best, result.best_fitness = dict(survivors[0][1]), sign * survivors[0][0]
    return result
