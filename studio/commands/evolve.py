"""``mnn-studio evolve SCRIPT --generations G --population P [--mutation M] [--minimize] ...``.

Evolves the genes the script reads (``'[2#I]'`` placeholders, ``get_gene``) on Dask: a
(mu + lambda) search whose fitness is the score the script reports with ``set_score`` (or the first
``--metric``). Prints the best fitness of each generation and the best genes.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence

from studio.commands.common import add_cluster_options, add_run_options, fail, print_stopped, row_progress

__all__ = ["evolve_command", "build_evolve_parser"]


def build_evolve_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="mnn-studio evolve", description="Evolve the genes of a script on Dask.")
    p.add_argument("script", help="a script that reads genes and (usually) calls set_score(...)")
    p.add_argument("--generations", "-g", type=int, required=True)
    p.add_argument("--population", "-p", type=int, required=True)
    p.add_argument("--mutation", type=float, default=0.2, help="relative mutation size (default 0.2)")
    p.add_argument("--minimize", action="store_true", help="lower fitness is better")
    add_run_options(p)
    add_cluster_options(p)
    return p


def evolve_command(argv: Sequence[str]) -> int:
    """The ``evolve`` sub-command; returns the exit code."""
    args = build_evolve_parser().parse_args(list(argv))
    from engine.exceptions import EngineError, ScriptError
    from engine.sweep import evolve

    total = args.generations * args.population
    try:
        with row_progress(total, f"evolution, {total} runs") as on_row:
            result = evolve(
                args.script,
                args.generations,
                args.population,
                mutation=args.mutation,
                seed=args.seed,
                metric=args.metric,
                iterations=args.iterations,
                minimize=args.minimize,
                workers=args.workers,
                scheduler=args.scheduler,
                out=args.out,
                timeout=args.timeout,
                on_row=on_row,
            )
    except KeyboardInterrupt:
        return fail("evolve", "cancelled", 130)
    except ScriptError as exc:
        return fail("evolve", str(exc), 1)
    except (EngineError, ValueError) as exc:
        return fail("evolve", str(exc), 2)
    for generation, best in enumerate(result.history):
        print(f"generation {generation}: best {best:.6g}")
    print(f"best fitness {result.best_fitness:.6g} with genes {json.dumps(result.best, default=str)}")
    return print_stopped("evolve", result.stopped)
