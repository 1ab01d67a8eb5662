"""Recordings to Neurodata Without Borders (NWB 2) files with pynwb, for NWB tools (NWB Widgets,
Neurosift, pynwb, MatNWB).

What a file holds:

* ``units``: one unit per neuron of every group with an EventRecorder (``spike`` and the like), with
  its spike times in seconds (iteration × ``net.dt``; one iteration is 1 s when the network has no
  ``dt``) and the columns ``group``, ``neuron`` (index in the group) and ``variable``.
* ``acquisition``: one ``TimeSeries`` per recorded variable, named ``<group>.<recorder>.<variable>``
  (a ``/`` in an expression becomes ``÷``), with the iteration of each sample as its timestamp;
  boolean series are stored as 0 / 1 (uint8). NaN values are kept.
* ``processing['network']``: the structure and parameters as tables: ``neuron_groups`` (tag, size,
  behaviors), ``synapse_groups`` (tag, src, dst, shape) and ``behaviors`` (owner, key, class, tag,
  parameters as JSON).

pynwb is an optional dependency (``pip install 'mnn-studio[nwb]'``; ``tools/setup.sh`` installs it);
it is imported only when a file is written.
"""

from __future__ import annotations

import datetime
import importlib
import json
import os
import pathlib
import uuid
from typing import TYPE_CHECKING, Any

import numpy as np

from engine.io.export_snapshot import (
    AtomicFiles,
    NoRecordingsError,
    Progress,
    Recording,
    RecordingSet,
    check_progress,
    snapshot_recordings,
)
from engine.io.files import network_objects
from engine.model.introspection import instance_attributes

if TYPE_CHECKING:
    from engine.model.network import Network

__all__ = ["export_nwb", "write_nwb", "describe_network", "PYNWB_MISSING"]

PYNWB_MISSING = (
    "NWB export needs the optional package pynwb: install it with "
    "`pip install 'mnn-studio[nwb]'` (or run tools/setup.sh), then export again"
)
_SCALARS = (bool, int, float, str, np.generic)


def export_nwb(network: Network, path: str | os.PathLike[str]) -> pathlib.Path:
    """Write every recording of ``network`` and its structure to the NWB file ``path`` and return
    its path. Call between iterations when a runner steps the network (``runner.call``).

    Raises ImportError (with the install command) without pynwb, :class:`NoRecordingsError` when there
    is nothing to export and :class:`~engine.io.export_snapshot.ExportError` when the file cannot be
    written (an older file at ``path`` is left intact)."""
    recs = snapshot_recordings(network)
    recs.metadata = describe_network(network)
    if not recs.recordings:
        raise NoRecordingsError("the network has no Recorder or EventRecorder; nothing to export")
    return pathlib.Path(write_nwb(recs, os.fspath(path)))


def describe_network(net: Network) -> dict[str, list[dict[str, Any]]]:
    """The structure and parameters of ``net`` as plain data (read between iterations)."""
    groups, synapses, behaviors = [], [], []
    for oid, obj in network_objects(net):
        owner = "net" if oid == "net" else str(obj.tags[0])
        items = list(obj.behavior.items())
        if oid.startswith("ng"):
            names = ", ".join(f"{k}: {type(b).__name__}" for k, b in items)
            groups.append({"tag": owner, "size": int(getattr(obj, "size", 0)), "behaviors": names})
        elif oid.startswith("sg"):
            src, dst = getattr(obj, "src", None), getattr(obj, "dst", None)
            shape = getattr(getattr(obj, "W", None), "shape", None)
            synapses.append(
                {
                    "tag": owner,
                    "src": str(src.tags[0]) if src is not None else "",
                    "dst": str(dst.tags[0]) if dst is not None else "",
                    "shape": "" if shape is None else "x".join(map(str, shape)),
                }
            )
        for key, b in items:
            params = {k: _plain(v) for k, v in dict(getattr(b, "init_kwargs", {})).items()}
            for name, value in instance_attributes(b).items():
                if not name.startswith("_") and isinstance(value, _SCALARS) and name not in params:
                    params[name] = _plain(value)
            behaviors.append(
                {
                    "owner": owner,
                    "key": repr(key),
                    "class": type(b).__name__,
                    "tag": str(b.tags[0]),
                    "parameters": json.dumps(params, sort_keys=True),
                }
            )
    return {"neuron_groups": groups, "synapse_groups": synapses, "behaviors": behaviors}


def _plain(value: Any) -> Any:
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, (bool, int, float, str)) or value is None:
        return value
    return repr(value)


def _import_pynwb() -> Any:
    try:  # importlib: pynwb ships no type information, and is optional
        return importlib.import_module("pynwb")
    except ImportError as exc:
        raise ImportError(PYNWB_MISSING) from exc


def write_nwb(
    recs: RecordingSet, path: str, progress: Progress | None = None, net: Network | None = None
) -> str:
    """Write a :class:`RecordingSet` to the NWB file ``path`` (all-or-nothing); returns ``path``.
    The structure comes from ``recs.metadata`` (or :func:`describe_network` of ``net``)."""
    pynwb = _import_pynwb()
    table_cls = importlib.import_module("hdmf.common").DynamicTable  # hdmf comes with pynwb

    meta = recs.metadata or (describe_network(net) if net is not None else {})
    dt = recs.dt or 1.0
    clock = f"one iteration = {dt} s" + ("" if recs.dt else " (the network has no dt)")
    nwbfile = pynwb.NWBFile(
        session_description=f"mnn-studio recordings of {recs.network_name} at iteration {recs.iteration}",
        identifier=str(uuid.uuid4()),
        session_start_time=datetime.datetime.now(datetime.UTC),
        notes=f"Exported by mnn-studio; {clock}. Network structure: processing/network.",
    )
    sizes = {g["tag"]: int(g["size"]) for g in meta.get("neuron_groups", [])}
    spikes = [(rec, var, data) for rec, var, data in recs.series() if rec.events and data.ndim == 2]
    if any(data.shape[1] == 2 for _, _, data in spikes):
        for column, text in (
            ("group", "neuron group"),
            ("neuron", "index in the group"),
            ("variable", "recorded event variable"),
        ):
            nwbfile.add_unit_column(column, text)
    total = max(len(list(recs.series())), 1)
    done = 0
    for rec, var, data in recs.series():
        if rec.events and data.ndim == 2 and data.shape[1] == 2:
            _add_units(nwbfile, rec, var, data, dt, sizes.get(rec.owner))
        elif len(data):
            _add_series(pynwb, nwbfile, rec, var, data, dt, recs.iteration, clock)
        done += 1
        check_progress(progress, 0.8 * done / total)
    _add_structure(nwbfile, table_cls, meta)
    check_progress(progress, 0.85)
    with AtomicFiles() as files:
        tmp = files.temp_for(path)
        with pynwb.NWBHDF5IO(tmp, "w") as io:
            io.write(nwbfile)
        check_progress(progress, 1.0)
        files.commit()
    return path


def _add_units(nwbfile: Any, rec: Recording, var: str, data: np.ndarray, dt: float, size: int | None) -> None:
    times, neurons = data[:, 0].astype(np.float64) * dt, data[:, 1]
    count = max(size or 0, int(neurons.max()) + 1 if len(neurons) else 0)
    order = np.argsort(neurons, kind="stable")
    bounds = np.searchsorted(neurons[order], np.arange(count + 1))
    for i in range(count):
        own = times[order[bounds[i] : bounds[i + 1]]]
        nwbfile.add_unit(spike_times=own, group=rec.owner, neuron=i, variable=var)


def _add_series(
    pynwb: Any,
    nwbfile: Any,
    rec: Recording,
    var: str,
    data: np.ndarray,
    dt: float,
    iteration: int,
    clock: str,
) -> None:
    if data.dtype.kind == "b":
        data = data.astype(np.uint8)
    name = f"{rec.prefix}.{var}".replace("/", "÷")
    if rec.events:  # events with more than one index column: rows of indices at their times
        stamps, data = data[:, 0].astype(np.float64) * dt, data[:, 1:]
    else:
        stamps = rec.sample_iterations(var, iteration).astype(np.float64) * dt
    nwbfile.add_acquisition(
        pynwb.TimeSeries(
            name=name,
            data=data,
            unit="a.u.",
            timestamps=stamps,
            description=f"{var!r} recorded by {rec.recorder} on {rec.owner} every {rec.step} iteration(s)",
            comments=clock,
        )
    )


def _add_structure(nwbfile: Any, table_cls: Any, meta: dict[str, list[dict[str, Any]]]) -> None:
    module = nwbfile.create_processing_module("network", "structure and parameters of the network")
    for name, text in (
        ("neuron_groups", "neuron groups: tag, size, behaviors (key: class)"),
        ("synapse_groups", "synapse groups: tag, source group, destination group, weight shape"),
        ("behaviors", "behaviors: owner, key, class, tag, parameters (JSON)"),
    ):
        rows = meta.get(name, [])
        table = table_cls(name=name, description=text)
        if rows:
            for column in rows[0]:
                table.add_column(name=column, description=column)
            for row in rows:
                table.add_row(**row)
        module.add(table)
