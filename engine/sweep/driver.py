"""Run many :class:`~engine.sweep.task.RunSpec` on Dask (or in this process) and collect their rows.

Rows stream into the results file as the runs finish (any order); a rerun with the same file skips
the runs whose key (parameters and seed) is already there. A failed run is a row with its error; a
worker process that dies gives a row saying so; the sweep stops early only after ``max_failures``
identical errors (a metric that fails the same way in every run), on ``cancel`` or on Ctrl+C (the
pending tasks are cancelled, the rows written so far stay).
"""

from __future__ import annotations

import collections
import threading
from collections.abc import Callable, Sequence
from typing import Any

from engine.sweep.bundle import make_bundle
from engine.sweep.cluster import ClusterInfo, open_client
from engine.sweep.results import TEXT_COLUMNS, open_results, parse_cell, read_results
from engine.sweep.task import FIXED_COLUMNS, TAIL_COLUMNS, RunSpec, error_row, execute, execute_bundled

__all__ = ["SweepRows", "Progress", "run_specs", "columns_of", "parse_cell"]

#: errors that say something about one run only, never a reason to stop the sweep
_PER_RUN_KINDS = {"timeout", "killed"}
_POLL_S = 0.2


class SweepRows(list[dict[str, Any]]):
    """The rows of a sweep (a list of dicts, sorted by run number) and how it ended.

    ``stopped``: None when every run finished, else why the sweep stopped early. ``skipped``: rows
    taken from an earlier results file instead of running again. ``info``: the cluster it ran on.
    """

    stopped: str | None = None
    skipped: int = 0
    info: ClusterInfo | None = None


class Progress(collections.namedtuple("Progress", "done failed pending total")):
    """Counts for a progress display: finished rows, failed among them, not finished yet, all."""


def columns_of(specs: Sequence[RunSpec]) -> list[str]:
    """The results-file columns of these runs: run/key/repeat/seed, extras, parameters, metrics, tail."""
    middle: dict[str, None] = {}
    for spec in specs:
        for name in list(spec.extra) + list(spec.params) + list(spec.metrics):
            middle.setdefault(name, None)
    return list(FIXED_COLUMNS) + [m for m in middle if m not in FIXED_COLUMNS] + list(TAIL_COLUMNS)


def run_specs(
    specs: Sequence[RunSpec],
    *,
    client: Any = None,
    workers: int | None = None,
    scheduler: str | None = None,
    out: str | None = None,
    max_failures: int = 5,
    ship: bool | None = None,
    on_row: Callable[[dict[str, Any], Progress], None] | None = None,
    on_start: Callable[[ClusterInfo | None, Progress], None] | None = None,
    cancel: threading.Event | None = None,
) -> SweepRows:
    """Run ``specs`` and return every row (earlier ones from ``out`` included).

    ``workers=0`` runs them one after the other in this process (no Dask). ``ship``: send the
    script's folder to the workers (default: only when they run on another host).
    """
    rows = SweepRows()
    previous = {r["key"]: r for r in read_results(out)} if out else {}
    todo = [s for s in specs if s.key not in previous]
    for spec in specs:
        if spec.key in previous:
            rows.append({k: v if k in TEXT_COLUMNS else parse_cell(v) for k, v in previous[spec.key].items()})
    rows.skipped = len(rows)
    counts = {"done": 0, "failed": 0}
    errors: collections.Counter[str] = collections.Counter()
    writer = open_results(out, columns_of(specs)) if out else None

    def progress() -> Progress:
        return Progress(counts["done"], counts["failed"], len(todo) - counts["done"], len(todo))

    def record(row: dict[str, Any]) -> bool:
        """Keep one row; False when the sweep must stop."""
        rows.append(row)
        counts["done"] += 1
        if writer is not None:
            writer.append(row)
        if row.get("error"):
            counts["failed"] += 1
            if row.get("error_kind") not in _PER_RUN_KINDS:
                errors[str(row["error"])] += 1
        if on_row is not None:
            on_row(row, progress())
        message, count = errors.most_common(1)[0] if errors else ("", 0)
        if max_failures and count >= max_failures and rows.stopped is None:
            rows.stopped = f"stopped after {count} runs failed the same way: {message}"
        return rows.stopped is None

    try:
        if workers == 0:
            if on_start is not None:
                on_start(None, progress())
            for spec in todo:
                if cancel is not None and cancel.is_set():
                    rows.stopped = "cancelled"
                    break
                if not record(execute(spec)):
                    break
        else:
            _run_on_dask(todo, rows, record, progress, client, workers, scheduler, ship, on_start, cancel)
    finally:
        if writer is not None:
            writer.close()
    rows.sort(key=lambda r: (r.get("run") is None, r.get("run")))
    return rows


def _run_on_dask(
    todo: list[RunSpec],
    rows: SweepRows,
    record: Callable[[dict[str, Any]], bool],
    progress: Callable[[], Progress],
    client: Any,
    workers: int | None,
    scheduler: str | None,
    ship: bool | None,
    on_start: Callable[[ClusterInfo | None, Progress], None] | None,
    cancel: threading.Event | None,
) -> None:
    from distributed import KilledWorker, wait

    with open_client(client, workers, scheduler) as (dask_client, info):
        rows.info = info
        if on_start is not None:
            on_start(info, progress())
        if not todo:
            return
        send = (not info.local) if ship is None else ship
        bundle = (
            dask_client.scatter(make_bundle(todo[0].script), broadcast=True, hash=False) if send else None
        )
        pending = {
            dask_client.submit(
                execute_bundled, spec, bundle, pure=False, key=f"mnn-run-{spec.index}-{id(spec)}"
            ): spec
            for spec in todo
        }
        try:
            while pending:
                if cancel is not None and cancel.is_set():
                    rows.stopped = "cancelled"
                    break
                try:
                    finished, _ = wait(list(pending), timeout=_POLL_S, return_when="FIRST_COMPLETED")
                except TimeoutError:
                    continue
                keep_going = True
                for future in finished:
                    spec = pending.pop(future)
                    keep_going = record(_row_of(future, spec, KilledWorker)) and keep_going
                if not keep_going:
                    break
        finally:
            if pending:
                dask_client.cancel(list(pending))


def _row_of(future: Any, spec: RunSpec, killed: type[BaseException]) -> dict[str, Any]:
    if future.status == "finished":
        return dict(future.result())
    if future.status == "cancelled":
        return error_row(spec, "killed", "the task was cancelled by the scheduler")
    exc = future.exception()
    if isinstance(exc, killed):
        return error_row(spec, "killed", f"the worker process died while running this run ({exc})")
    return error_row(spec, "error", f"{type(exc).__name__}: {exc}")
