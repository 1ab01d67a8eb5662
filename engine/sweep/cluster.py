"""Where the runs execute: a Dask client on a LocalCluster, on a running scheduler, or the caller's.

``dask.distributed`` is imported only here and only when a sweep starts, so ``mnn-studio run`` and
the engine itself never load it.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from engine.sweep.params import SweepError

__all__ = ["ClusterInfo", "open_client", "CONNECT_TIMEOUT_S"]

#: how long ``scheduler=ADDRESS`` waits for the scheduler to answer
CONNECT_TIMEOUT_S = 5.0
#: how often the scheduler retries a task whose worker died before the run's row says so
ALLOWED_FAILURES = 1
_WORKER_ENV = {
    "OPENBLAS_NUM_THREADS": "1",
    "OMP_NUM_THREADS": "1",
    "MKL_NUM_THREADS": "1",
    "MPLBACKEND": "Agg",
}
#: dask settings of a LocalCluster started here (its worker processes get them from their nanny)
_CLUSTER_CONFIG = {
    "distributed.scheduler.allowed-failures": ALLOWED_FAILURES,
    # the statistical profiler samples every worker thread's stack every 10 ms (for the dashboard's
    # Profile page); in runs that hold the GIL it takes a share of each run's time
    "distributed.worker.profile.enabled": False,
}


@dataclass
class ClusterInfo:
    """What the user may want to see: the dashboard address, the scheduler, the number of workers,
    and whether the workers see this machine's files (then script paths need no shipping)."""

    dashboard: str
    scheduler: str
    workers: int
    local: bool


def _info(client: Any, local: bool) -> ClusterInfo:
    try:
        dashboard = str(client.dashboard_link or "")
    except Exception:  # noqa: BLE001 - no dashboard (bokeh missing): the sweep still runs
        dashboard = ""
    workers = len(client.scheduler_info().get("workers", {}))
    return ClusterInfo(dashboard, str(client.scheduler.address), workers, local)


@contextlib.contextmanager
def open_client(
    client: Any = None,
    workers: int | None = None,
    scheduler: str | None = None,
    connect_timeout: float = CONNECT_TIMEOUT_S,
) -> Iterator[tuple[Any, ClusterInfo]]:
    """Yield ``(client, info)``; a client or cluster started here is closed afterwards.

    * ``client``: an existing ``distributed.Client`` (left open);
    * ``scheduler``: the address of a running scheduler (``tcp://host:8786``); no answer within
      ``connect_timeout`` seconds is a :class:`SweepError`;
    * else a ``LocalCluster`` of ``workers`` processes (default: the CPU count), one thread each,
      that import the engine while they start (:data:`WORKER_PRELOAD`), so that the first run on
      each worker does not pay for it.
    """
    if client is not None:
        yield client, _info(client, local=_same_host(client))
        return
    import dask
    from distributed import Client, LocalCluster

    if scheduler:
        try:
            remote = Client(scheduler, timeout=connect_timeout)
        except (OSError, TimeoutError) as exc:
            raise SweepError(
                f"no Dask scheduler answers at {scheduler} within {connect_timeout:g} s ({exc}); start one "
                f"with `dask scheduler` and workers with `dask worker {scheduler}`"
            ) from None
        try:
            yield remote, _info(remote, local=_same_host(remote))
        finally:
            remote.close()
        return
    count = workers or os.cpu_count() or 1
    if count < 1:
        raise SweepError(f"workers must be at least 1, got {count}")
    for key, value in _WORKER_ENV.items():
        os.environ.setdefault(key, value)  # spawned worker processes inherit it
    with dask.config.set(_CLUSTER_CONFIG):
        cluster = LocalCluster(
            n_workers=count,
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0",
            silence_logs=logging.ERROR,
            preload=list(WORKER_PRELOAD),
        )
        local = Client(cluster)
    try:
        yield local, _info(local, local=True)
    finally:
        local.close()
        cluster.close()


#: Modules a local worker imports while it starts (the engine and the run task: about 0.2 s).
WORKER_PRELOAD = ("engine.sweep.task",)


def _same_host(client: Any) -> bool:
    """Whether every worker runs on this machine (then the script's path is enough)."""
    import socket

    here = {"127.0.0.1", "localhost", socket.gethostname()}
    with contextlib.suppress(OSError):
        here.add(socket.gethostbyname(socket.gethostname()))
    hosts = {w.get("host", "") for w in client.scheduler_info().get("workers", {}).values()}
    return bool(hosts) and hosts <= here
