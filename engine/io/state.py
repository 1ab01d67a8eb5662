"""Save and load a network's state.

State files (:func:`save_state` / :func:`load_state`) are zip archives (``.npz``-compatible): a
``manifest.json`` (format name, version, network structure, one entry per saved value) and one
``.npy`` member per array. Saved: every numeric attribute (numpy arrays of bool/int/float/complex,
numpy scalars, Python bool/int/float/complex) of the network, its groups, synapse groups and all
their behaviors, including ``net.iteration``; every recorder's data (``get_state()``; a variable
whose shape changed mid-run is saved as one array per run of one shape and restored as such, so
it never blocks saving the rest); NumPy's global random state. Arrays shared by several objects are
saved once and their sharing is restored.

Writing is atomic (temporary file in the same folder, then ``os.replace``). Loading reads and checks
everything first (archive integrity, format version, structure of the network) and only then writes
into the network, so a truncated file or a file saved from another script raises
:class:`StateFileError` / :class:`StateMismatchError` and leaves the network untouched. Arrays whose
shape and dtype match are restored in place (references held by behaviors stay valid).

Call these between iterations (``runner.save_state(path)``, ``runner.call(...)``, ``runner.hold()``).
:func:`~engine.io.export.export_recordings` (recorded data to .npz / .csv) lives in
:mod:`engine.io.export`.
"""

from __future__ import annotations

import datetime
import io
import json
import os
import warnings
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, BinaryIO, TypeGuard, cast

import numpy as np

from engine.exceptions import (  # noqa: F401 (re-exported)
    StateError,
    StateFileError,
    StateMismatchError,
    StateSkippedWarning,
)
from engine.io.files import NUMERIC_KINDS, atomic_write, network_objects, network_owners, npy_bytes
from engine.io.state_plan import make_plan
from engine.model.introspection import instance_attributes

if TYPE_CHECKING:
    from engine.model.network import Network
    from engine.model.neuron_group import NeuronGroup
    from engine.model.synapse_group import SynapseGroup
    from engine.recording.recorders import Recorder

__all__ = [
    "save_state",
    "load_state",
    "read_manifest",
    "LoadReport",
    "SaveReport",
    "StateError",
    "StateFileError",
    "StateMismatchError",
    "FORMAT",
    "VERSION",
]

FORMAT = "mnn-studio-state"
VERSION = 1
_PY_SCALARS = {bool: "bool", int: "int", float: "float", complex: "complex"}


@dataclass
class SaveReport:
    """What :func:`save_state` wrote."""

    path: str
    iteration: int
    arrays: int
    scalars: int
    bytes: int
    skipped: list[str] = field(default_factory=list)


@dataclass
class LoadReport:
    """What :func:`load_state` did. ``ok`` is True when every saved value found its counterpart with
    the same type and shape and every numeric attribute of the network was in the file."""

    path: str
    iteration: int
    restored: int = 0
    added: list[str] = field(default_factory=list)
    not_in_file: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    mismatches: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not (self.added or self.not_in_file or self.changed or self.skipped or self.mismatches)

    def __str__(self) -> str:
        lines = [f"restored {self.restored} values at iteration {self.iteration} from {self.path}"]
        for label in ("mismatches", "changed", "added", "not_in_file", "skipped"):
            items = getattr(self, label)
            if items:
                lines.append(
                    f"{label.replace('_', ' ')}: {', '.join(items[:20])}"
                    + (f" … ({len(items) - 20} more)" if len(items) > 20 else "")
                )
        return "\n".join(lines)


def _structure(net: Network) -> list[dict[str, Any]]:
    out = []
    for oid, obj in network_objects(net):
        entry: dict[str, Any] = {
            "id": oid,
            "kind": type(obj).__name__,
            "tag": obj.tags[0],
            "behaviors": [[repr(k), type(b).__name__] for k, b in obj.behavior.items()],
        }
        if oid.startswith("ng"):
            entry["size"] = int(cast("NeuronGroup", obj).size)
        if oid.startswith("sg"):
            sg = cast("SynapseGroup", obj)
            entry["src"] = net.NeuronGroups.index(sg.src) if sg.src in net.NeuronGroups else sg.src.tags[0]
            entry["dst"] = net.NeuronGroups.index(sg.dst) if sg.dst in net.NeuronGroups else sg.dst.tags[0]
        out.append(entry)
    return out


def _describe_obj(e: dict[str, Any]) -> str:
    size = f", {e['size']} neurons" if "size" in e else ""
    return f"{e['kind']} '{e['tag']}'{size}"


def _compare(saved: list[dict[str, Any]], current: list[dict[str, Any]]) -> tuple[list[str], set[str]]:
    """Differences between two structures, and the ids of the objects that differ."""
    diffs: list[str] = []
    bad: set[str] = set()
    cur = {e["id"]: e for e in current}
    old = {e["id"]: e for e in saved}
    for oid, e in old.items():
        c = cur.get(oid)
        if c is None:
            diffs.append(f"{_describe_obj(e)} is in the file but not in the network")
            bad.add(oid)
            continue
        if any(e.get(key) != c.get(key) for key in ("kind", "tag", "size", "src", "dst")):
            diffs.append(f"{_describe_obj(e)} in the file is {_describe_obj(c)} in the network")
            bad.add(oid)
        elif e["behaviors"] != c["behaviors"]:
            saved_b = ", ".join(f"{k}:{n}" for k, n in e["behaviors"])
            cur_b = ", ".join(f"{k}:{n}" for k, n in c["behaviors"])
            diffs.append(f"behaviors of '{e['tag']}': file has {{{saved_b}}}, network has {{{cur_b}}}")
            bad.add(oid)
    for oid, c in cur.items():
        if oid not in old:
            diffs.append(f"{_describe_obj(c)} is in the network but not in the file")
            bad.add(oid)
    return diffs, bad


def _numeric_items(obj: object) -> Iterator[tuple[str, Any]]:
    for name, value in list(instance_attributes(obj).items()):
        if name.startswith("__"):
            continue
        if isinstance(value, np.ndarray):
            if value.dtype.kind in NUMERIC_KINDS:
                yield name, value
        elif isinstance(value, np.generic):
            if value.dtype.kind in NUMERIC_KINDS:
                yield name, value
        elif type(value) in _PY_SCALARS:
            yield name, value


def _skipped_items(obj: object, prefix: str) -> list[str]:
    out = []
    for name, value in instance_attributes(obj).items():
        if name.startswith("_"):
            continue
        if isinstance(value, np.ndarray) and value.dtype.kind not in NUMERIC_KINDS:
            out.append(f"{prefix}.{name} ({value.dtype} array)")
        elif (
            isinstance(value, (list, tuple)) and value and all(isinstance(v, (int, float)) for v in value[:8])
        ):
            out.append(f"{prefix}.{name} ({type(value).__name__} of numbers)")
    return out


def _is_recorder(obj: object) -> TypeGuard[Recorder]:
    from engine.recording.recorders import Recorder

    return isinstance(obj, Recorder)


def _recorded_parts(recorder: Recorder) -> Iterator[tuple[str, list[np.ndarray]]]:
    """(variable, its samples as arrays): one array, or one per run of one shape when the variable
    changed shape mid-run (an EventRecorder's tables are always one array)."""
    from engine.recording.recorders import EventRecorder

    if isinstance(recorder, EventRecorder):
        for variable, data in recorder.get_state().items():
            yield variable, [np.asarray(data)]
        return
    for variable in recorder.variables:
        parts = recorder.segments(variable)
        yield variable, parts or [np.asarray(recorder.get_state()[variable])]


def save_state(net: Network, path: str, compress: bool = False) -> SaveReport:
    """Save the state of ``net`` to ``path`` (atomically). See the module docstring for what is saved.

    ``compress``: deflate the arrays (smaller, slower). Returns a :class:`SaveReport`.
    """
    path = os.fspath(path)
    entries: list[dict[str, Any]] = []
    blobs: list[tuple[str, bytes]] = []
    seen: dict[int, int] = {}
    skipped: list[str] = []
    n_scalars = 0

    def add_array(
        owner: str, attr: str, arr: np.ndarray | np.generic, kind: str = "array", **extra: Any
    ) -> None:
        if isinstance(arr, np.ndarray) and id(arr) in seen and kind == "array":
            entries.append({"owner": owner, "attr": attr, "kind": "alias", "of": seen[id(arr)]})
            return
        member = f"arrays/{len(blobs)}.npy"
        data = np.asarray(arr)
        blobs.append((member, npy_bytes(data)))
        if isinstance(arr, np.ndarray) and kind == "array":
            seen[id(arr)] = len(entries)
        entries.append(
            {
                "owner": owner,
                "attr": attr,
                "kind": kind,
                "file": member,
                "dtype": str(data.dtype),
                "shape": list(data.shape),
                **extra,
            }
        )

    for owner, obj, name in network_owners(net):
        for attr, value in _numeric_items(obj):
            if isinstance(value, np.ndarray):
                add_array(owner, attr, value)
            elif isinstance(value, np.generic):
                add_array(owner, attr, value, kind="npscalar")
            else:
                n_scalars += 1
                stored: Any = [value.real, value.imag] if isinstance(value, complex) else value
                entries.append(
                    {
                        "owner": owner,
                        "attr": attr,
                        "kind": "py",
                        "type": _PY_SCALARS[type(value)],
                        "value": stored,
                    }
                )
        skipped += _skipped_items(obj, name)
        if _is_recorder(obj):
            for variable, parts in _recorded_parts(obj):
                if any(part.dtype.kind not in NUMERIC_KINDS for part in parts):
                    skipped.append(f"{name}[{variable!r}] (recorded values are not a numeric array)")
                    continue
                for k, part in enumerate(parts):  # several parts: the shape changed mid-run
                    extra = {"part": k, "parts": len(parts)} if len(parts) > 1 else {}
                    add_array(owner, variable, part, kind="recording", **extra)
    # the legacy tuple: np.random's global RandomState is an MT19937
    rng = cast("tuple[str, np.ndarray, int, int, float]", np.random.get_state())
    add_array("rng", "keys", rng[1], kind="rng")
    manifest = {
        "format": FORMAT,
        "version": VERSION,
        "created": datetime.datetime.now().isoformat(timespec="seconds"),
        "iteration": int(net.iteration),
        "structure": _structure(net),
        "entries": entries,
        "skipped": skipped,
        "rng": {
            "name": rng[0],
            "pos": int(rng[2]),
            "has_gauss": int(rng[3]),
            "cached_gaussian": float(rng[4]),
        },
    }
    text = json.dumps(manifest, allow_nan=True).encode("utf-8")
    method = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED

    def write(fh: BinaryIO) -> None:
        with zipfile.ZipFile(fh, "w", compression=method, allowZip64=True) as zf:
            zf.writestr("manifest.json", text)
            for member, blob in blobs:
                zf.writestr(member, blob)

    size = atomic_write(path, write)
    return SaveReport(path, int(net.iteration), len(blobs), n_scalars, size, skipped)


# ------------------------------------------------------------------------------------------- load
def _open(path: str) -> tuple[dict[str, Any], dict[str, np.ndarray]]:
    """Read and check the whole file; returns (manifest, arrays by member name)."""
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
            if "manifest.json" not in names:
                raise StateFileError(f"{path} is not an mnn-studio state file (no manifest.json inside)")
            manifest = json.loads(zf.read("manifest.json").decode("utf-8"))
            if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
                raise StateFileError(
                    f"{path} is not an mnn-studio state file (format {manifest.get('format')!r})"
                    if isinstance(manifest, dict)
                    else f"{path}: malformed manifest"
                )
            if int(manifest.get("version", 0)) > VERSION:
                raise StateFileError(
                    f"{path} was written by a newer mnn-studio (state format version "
                    f"{manifest['version']}, this version reads up to {VERSION})"
                )
            arrays = {}
            for entry in manifest["entries"]:
                member = entry.get("file")
                if member is None:
                    continue
                if member not in names:
                    raise StateFileError(f"{path} is incomplete: {member} is missing")
                arrays[member] = np.lib.format.read_array(io.BytesIO(zf.read(member)), allow_pickle=False)
    except StateFileError:
        raise
    except FileNotFoundError:
        raise StateFileError(f"no such state file: {path}") from None
    except (zipfile.BadZipFile, EOFError, OSError, ValueError, KeyError, TypeError) as exc:
        raise StateFileError(
            f"{path} is truncated or corrupt and was not loaded ({type(exc).__name__}: {exc})"
        ) from None
    return manifest, arrays


def read_manifest(path: str) -> dict[str, Any]:
    """The manifest of a state file (checks the whole file)."""
    return _open(os.fspath(path))[0]


def _warn_skipped(path: str, report: LoadReport) -> None:
    """One StateSkippedWarning naming every value left out for its shape or type (old and new), and
    counting those of objects that differ as a whole (listed in ``report.mismatches``)."""
    whole = [item for item in report.skipped if item.endswith("differs: see mismatches)")]
    misfits = [item for item in report.skipped if item not in whole]
    parts = []
    if misfits:
        parts.append("do not fit: " + "; ".join(misfits))
    if whole:
        parts.append(f"{len(whole)} values of objects that differ ({'; '.join(report.mismatches[:6])})")
    warnings.warn(
        f"load_state({path!r}, strict=False) restored {report.restored} values and skipped "
        f"{len(report.skipped)}: " + "; ".join(parts),
        StateSkippedWarning,
        stacklevel=3,
    )


def load_state(net: Network, path: str, strict: bool = True, restore_rng: bool = True) -> LoadReport:
    """Restore a state saved by :func:`save_state` into ``net`` (built by the same script).

    ``strict`` (default): a structural difference raises :class:`StateMismatchError`. With
    ``strict=False`` only what fits is restored: the values of objects whose structure matches, and
    of those only the arrays the network has with the same shape and a compatible dtype
    (``np.can_cast(..., 'same_kind')``, copied in place) and the recordings whose samples have the
    shape the recorder records now. Everything else is left as it is and listed in
    ``report.skipped`` with its shape in the file and in the network, and one
    :class:`~engine.exceptions.StateSkippedWarning` names them (so a 120x120 ``W`` is never installed
    into a 100-neuron network). ``restore_rng``:
    also restore NumPy's global random state (so the run continues exactly as it would have).
    The network is untouched when an error is raised. Returns a :class:`LoadReport`.
    """
    path = os.fspath(path)
    manifest, arrays = _open(path)
    report = LoadReport(path, int(manifest.get("iteration", 0)))
    try:
        diffs, bad_owners = _compare(manifest["structure"], _structure(net))
    except (KeyError, TypeError) as exc:
        raise StateFileError(f"{path}: malformed manifest ({type(exc).__name__}: {exc})") from None
    if diffs and strict:
        raise StateMismatchError(
            f"{path} was saved from a different network; nothing was loaded:\n  - "
            + "\n  - ".join(diffs[:12])
            + (f"\n  ({len(diffs) - 12} more)" if len(diffs) > 12 else "")
        )
    report.mismatches = diffs
    try:
        plan, saved_names = make_plan(net, manifest, arrays, report, bad_owners, strict)
    except (KeyError, TypeError, ValueError, IndexError) as exc:
        raise StateFileError(
            f"{path}: malformed manifest ({type(exc).__name__}: {exc}); nothing was loaded"
        ) from None
    for owner, obj, name in network_owners(net):
        if owner.split("/")[0] in bad_owners:
            continue
        for attr, _ in _numeric_items(obj):
            if (owner, attr) not in saved_names:
                report.not_in_file.append(f"{name}.{attr}")
    # --- everything checked: now write
    for apply in plan:
        apply()
        report.restored += 1
    net.discard_interruption()  # the loaded state is a whole iteration
    if not strict and report.skipped:
        _warn_skipped(path, report)
    if restore_rng and "rng" in manifest:
        keys = next(arrays[e["file"]] for e in manifest["entries"] if e["owner"] == "rng")
        r = manifest["rng"]
        np.random.set_state((r["name"], keys, r["pos"], r["has_gauss"], r["cached_gaussian"]))
    return report
