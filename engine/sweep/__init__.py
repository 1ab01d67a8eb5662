"""Many runs of one script: headless runs, parameter sweeps and evolution, on Dask.

``from engine.sweep import sweep, evolve``. Dask is imported only when a sweep starts.

* :func:`sweep` - every point of a grid (or random samples) times ``repeats``, as Dask tasks;
* :func:`evolve` - a (mu + lambda) evolutionary search over a script's genes (``'[2#I]'``);
* :func:`prepare_run` / :func:`simulate` - one headless run (what ``mnn-studio run`` does).
"""

from engine.sweep.api import plan_runs, sweep, to_frame
from engine.sweep.driver import Progress, SweepRows, run_specs
from engine.sweep.evolution import evolve, script_genes
from engine.sweep.execution import RunFailed, RunTimeout, prepare_run, simulate
from engine.sweep.metrics import SCORE, MetricError
from engine.sweep.params import SweepError
from engine.sweep.task import RunSpec, execute

__all__ = [
    "sweep",
    "plan_runs",
    "to_frame",
    "evolve",
    "script_genes",
    "run_specs",
    "SweepRows",
    "Progress",
    "RunSpec",
    "execute",
    "prepare_run",
    "simulate",
    "RunFailed",
    "RunTimeout",
    "SweepError",
    "MetricError",
    "SCORE",
]
