"""Save and load a network's state; export recordings.

State files (:func:`save_state` / :func:`load_state`) are zip archives (``.npz``-compatible): a
``manifest.json`` (format name, version, network structure, one entry per saved value) and one
``.npy`` member per array. Saved: every numeric attribute (numpy arrays of bool/int/float/complex,
numpy scalars, Python bool/int/float/complex) of the network, its groups, synapse groups and all
their behaviors, including ``net.iteration``; every recorder's data (``get_state()``); NumPy's global
random state. Arrays shared by several objects are saved once and their sharing is restored.

Writing is atomic (temporary file in the same folder, then ``os.replace``). Loading reads and checks
everything first (archive integrity, format version, structure of the network) and only then writes
into the network, so a truncated file or a file saved from another script raises
:class:`StateFileError` / :class:`StateMismatchError` and leaves the network untouched. Arrays whose
shape and dtype match are restored in place (references held by behaviors stay valid).

Call these between iterations (``runner.save_state(path)``, ``runner.call(...)``, ``runner.hold()``).
:func:`export_recordings` (recorded data to .npz / .csv) lives in :mod:`engine.io.export` and is
re-exported here.
"""
from __future__ import annotations

from engine.model.introspection import instance_attributes

from engine.exceptions import StateError, StateFileError, StateMismatchError  # noqa: F401 (re-exported)

import datetime
import io
import json
import os
import tempfile
import zipfile
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, Iterator, List, Optional, Tuple

import numpy as np

__all__ = ['save_state', 'load_state', 'read_manifest', 'export_recordings', 'LoadReport', 'SaveReport',
           'StateError', 'StateFileError', 'StateMismatchError', 'FORMAT', 'VERSION']

FORMAT = 'mnn-studio-state'
VERSION = 1
_NUMERIC_KINDS = 'biufc'
_PY_SCALARS = {bool: 'bool', int: 'int', float: 'float', complex: 'complex'}


@dataclass
class SaveReport:
    """What :func:`save_state` wrote."""

    path: str
    iteration: int
    arrays: int
    scalars: int
    bytes: int
    skipped: List[str] = field(default_factory=list)


@dataclass
class LoadReport:
    """What :func:`load_state` did. ``ok`` is True when every saved value found its counterpart with
    the same type and shape and every numeric attribute of the network was in the file."""

    path: str
    iteration: int
    restored: int = 0
    added: List[str] = field(default_factory=list)
    not_in_file: List[str] = field(default_factory=list)
    changed: List[str] = field(default_factory=list)
    skipped: List[str] = field(default_factory=list)
    mismatches: List[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not (self.added or self.not_in_file or self.changed or self.skipped or self.mismatches)

    def __str__(self) -> str:
        lines = [f'restored {self.restored} values at iteration {self.iteration} from {self.path}']
        for label in ('mismatches', 'changed', 'added', 'not_in_file', 'skipped'):
            items = getattr(self, label)
            if items:
                lines.append(f"{label.replace('_', ' ')}: {', '.join(items[:20])}"
                             + (f' … ({len(items) - 20} more)' if len(items) > 20 else ''))
        return '\n'.join(lines)


# ------------------------------------------------------------------------------------------- structure
def _objects(net: Any) -> List[Tuple[str, Any]]:
    return ([('net', net)] + [(f'ng{i}', g) for i, g in enumerate(net.NeuronGroups)]
            + [(f'sg{i}', s) for i, s in enumerate(net.SynapseGroups)])


def _owners(net: Any) -> Iterator[Tuple[str, Any, str]]:
    """(owner id, object, readable name) for every object and behavior."""
    for oid, obj in _objects(net):
        name = obj.tags[0] if oid != 'net' else 'net'
        yield oid, obj, name
        for j, behavior in enumerate(obj.behavior.values()):
            yield f'{oid}/b{j}', behavior, f'{name}.{behavior.tags[0]}'


def _structure(net: Any) -> List[Dict[str, Any]]:
    out = []
    for oid, obj in _objects(net):
        entry: Dict[str, Any] = {'id': oid, 'kind': type(obj).__name__, 'tag': obj.tags[0],
                                 'behaviors': [[repr(k), type(b).__name__] for k, b in obj.behavior.items()]}
        if oid.startswith('ng'):
            entry['size'] = int(obj.size)
        if oid.startswith('sg'):
            entry['src'] = net.NeuronGroups.index(obj.src) if obj.src in net.NeuronGroups else obj.src.tags[0]
            entry['dst'] = net.NeuronGroups.index(obj.dst) if obj.dst in net.NeuronGroups else obj.dst.tags[0]
        out.append(entry)
    return out


def _describe_obj(e: Dict[str, Any]) -> str:
    size = f", {e['size']} neurons" if 'size' in e else ''
    return f"{e['kind']} '{e['tag']}'{size}"


def _compare(saved: List[Dict[str, Any]], current: List[Dict[str, Any]]) -> Tuple[List[str], set]:
    """Differences between two structures, and the ids of the objects that differ."""
    diffs: List[str] = []
    bad: set = set()
    cur = {e['id']: e for e in current}
    old = {e['id']: e for e in saved}
    for oid, e in old.items():
        c = cur.get(oid)
        if c is None:
            diffs.append(f'{_describe_obj(e)} is in the file but not in the network')
            bad.add(oid)
            continue
        if any(e.get(key) != c.get(key) for key in ('kind', 'tag', 'size', 'src', 'dst')):
            diffs.append(f'{_describe_obj(e)} in the file is {_describe_obj(c)} in the network')
            bad.add(oid)
        elif e['behaviors'] != c['behaviors']:
            saved_b = ', '.join(f'{k}:{n}' for k, n in e['behaviors'])
            cur_b = ', '.join(f'{k}:{n}' for k, n in c['behaviors'])
            diffs.append(f"behaviors of '{e['tag']}': file has {{{saved_b}}}, network has {{{cur_b}}}")
            bad.add(oid)
    for oid, c in cur.items():
        if oid not in old:
            diffs.append(f'{_describe_obj(c)} is in the network but not in the file')
            bad.add(oid)
    return diffs, bad


def _numeric_items(obj: Any) -> Iterator[Tuple[str, Any]]:
    for name, value in list(instance_attributes(obj).items()):
        if name.startswith('__'):
            continue
        if isinstance(value, np.ndarray):
            if value.dtype.kind in _NUMERIC_KINDS:
                yield name, value
        elif isinstance(value, np.generic):
            if value.dtype.kind in _NUMERIC_KINDS:
                yield name, value
        elif type(value) in _PY_SCALARS:
            yield name, value


def _skipped_items(obj: Any, prefix: str) -> List[str]:
    out = []
    for name, value in instance_attributes(obj).items():
        if name.startswith('_'):
            continue
        if isinstance(value, np.ndarray) and value.dtype.kind not in _NUMERIC_KINDS:
            out.append(f'{prefix}.{name} ({value.dtype} array)')
        elif isinstance(value, (list, tuple)) and value and all(isinstance(v, (int, float)) for v in value[:8]):
            out.append(f'{prefix}.{name} ({type(value).__name__} of numbers)')
    return out


def _is_recorder(obj: Any) -> bool:
    from engine.recording.recorders import Recorder
    return isinstance(obj, Recorder)


# ------------------------------------------------------------------------------------------- save
def _atomic_write(path: str, writer: Callable[[Any], None]) -> int:
    folder = os.path.dirname(os.path.abspath(path)) or '.'
    fd, tmp = tempfile.mkstemp(dir=folder, prefix='.' + os.path.basename(path) + '.', suffix='.tmp')
    try:
        with os.fdopen(fd, 'wb') as fh:
            writer(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    return os.path.getsize(path)


def _npy_bytes(arr: np.ndarray) -> bytes:
    buf = io.BytesIO()
    np.lib.format.write_array(buf, np.ascontiguousarray(arr) if arr.ndim else arr, allow_pickle=False)
    return buf.getvalue()


def save_state(net: Any, path: str, compress: bool = False) -> SaveReport:
    """Save the state of ``net`` to ``path`` (atomically). See the module docstring for what is saved.

    ``compress``: deflate the arrays (smaller, slower). Returns a :class:`SaveReport`.
    """
    path = os.fspath(path)
    entries: List[Dict[str, Any]] = []
    blobs: List[Tuple[str, bytes]] = []
    seen: Dict[int, int] = {}
    skipped: List[str] = []
    n_scalars = 0

    def add_array(owner: str, attr: str, arr: Any, kind: str = 'array', **extra: Any) -> None:
        if isinstance(arr, np.ndarray) and id(arr) in seen and kind == 'array':
            entries.append({'owner': owner, 'attr': attr, 'kind': 'alias', 'of': seen[id(arr)]})
            return
        member = f'arrays/{len(blobs)}.npy'
        data = np.asarray(arr)
        blobs.append((member, _npy_bytes(data)))
        if isinstance(arr, np.ndarray) and kind == 'array':
            seen[id(arr)] = len(entries)
        entries.append({'owner': owner, 'attr': attr, 'kind': kind, 'file': member, 'dtype': str(data.dtype),
                        'shape': list(data.shape), **extra})

    for owner, obj, name in _owners(net):
        for attr, value in _numeric_items(obj):
            if isinstance(value, np.ndarray):
                add_array(owner, attr, value)
            elif isinstance(value, np.generic):
                add_array(owner, attr, value, kind='npscalar')
            else:
                n_scalars += 1
                stored: Any = [value.real, value.imag] if isinstance(value, complex) else value
                entries.append({'owner': owner, 'attr': attr, 'kind': 'py', 'type': _PY_SCALARS[type(value)],
                                'value': stored})
        skipped += _skipped_items(obj, name)
        if _is_recorder(obj):
            for variable, data in obj.get_state().items():
                data = np.asarray(data)
                if data.dtype.kind not in _NUMERIC_KINDS:
                    skipped.append(f'{name}[{variable!r}] (recorded values are not a numeric array)')
                    continue
                add_array(owner, variable, data, kind='recording')
    rng = np.random.get_state()
    add_array('rng', 'keys', rng[1], kind='rng')
    manifest = {
        'format': FORMAT, 'version': VERSION, 'created': datetime.datetime.now().isoformat(timespec='seconds'),
        'iteration': int(net.iteration), 'structure': _structure(net), 'entries': entries, 'skipped': skipped,
        'rng': {'name': rng[0], 'pos': int(rng[2]), 'has_gauss': int(rng[3]), 'cached_gaussian': float(rng[4])},
    }
    text = json.dumps(manifest, allow_nan=True).encode('utf-8')
    method = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED

    def write(fh: Any) -> None:
        with zipfile.ZipFile(fh, 'w', compression=method, allowZip64=True) as zf:
            zf.writestr('manifest.json', text)
            for member, blob in blobs:
                zf.writestr(member, blob)

    size = _atomic_write(path, write)
    return SaveReport(path, int(net.iteration), len(blobs), n_scalars, size, skipped)


# ------------------------------------------------------------------------------------------- load
def _open(path: str) -> Tuple[Dict[str, Any], Dict[str, np.ndarray]]:
    """Read and check the whole file; returns (manifest, arrays by member name)."""
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
            if 'manifest.json' not in names:
                raise StateFileError(f'{path} is not an mnn-studio state file (no manifest.json inside)')
            manifest = json.loads(zf.read('manifest.json').decode('utf-8'))
            if not isinstance(manifest, dict) or manifest.get('format') != FORMAT:
                raise StateFileError(f'{path} is not an mnn-studio state file (format {manifest.get("format")!r})'
                                     if isinstance(manifest, dict) else f'{path}: malformed manifest')
            if int(manifest.get('version', 0)) > VERSION:
                raise StateFileError(f"{path} was written by a newer mnn-studio (state format version "
                                     f"{manifest['version']}, this version reads up to {VERSION})")
            arrays = {}
            for entry in manifest['entries']:
                member = entry.get('file')
                if member is None:
                    continue
                if member not in names:
                    raise StateFileError(f'{path} is incomplete: {member} is missing')
                arrays[member] = np.lib.format.read_array(io.BytesIO(zf.read(member)), allow_pickle=False)
    except StateFileError:
        raise
    except FileNotFoundError:
        raise StateFileError(f'no such state file: {path}') from None
    except (zipfile.BadZipFile, EOFError, OSError, ValueError, KeyError, TypeError) as exc:
        raise StateFileError(f'{path} is truncated or corrupt and was not loaded ({type(exc).__name__}: {exc})') from None
    return manifest, arrays


def read_manifest(path: str) -> Dict[str, Any]:
    """The manifest of a state file (checks the whole file)."""
    return _open(os.fspath(path))[0]


def _py_value(entry: Dict[str, Any]) -> Any:
    kind, value = entry['type'], entry['value']
    if kind == 'complex':
        return complex(value[0], value[1])
    return {'bool': bool, 'int': int, 'float': float}[kind](value)


def load_state(net: Any, path: str, strict: bool = True, restore_rng: bool = True) -> LoadReport:
    """Restore a state saved by :func:`save_state` into ``net`` (built by the same script).

    ``strict`` (default): a structural difference raises :class:`StateMismatchError`; with
    ``strict=False`` the matching objects are restored and the rest is reported. ``restore_rng``:
    also restore NumPy's global random state (so the run continues exactly as it would have).
    The network is untouched when an error is raised. Returns a :class:`LoadReport`.
    """
    path = os.fspath(path)
    manifest, arrays = _open(path)
    report = LoadReport(path, int(manifest.get('iteration', 0)))
    try:
        diffs, bad_owners = _compare(manifest['structure'], _structure(net))
    except (KeyError, TypeError) as exc:
        raise StateFileError(f'{path}: malformed manifest ({type(exc).__name__}: {exc})') from None
    if diffs and strict:
        raise StateMismatchError(f'{path} was saved from a different network; nothing was loaded:\n  - '
                                 + '\n  - '.join(diffs[:12]) + (f'\n  ({len(diffs) - 12} more)' if len(diffs) > 12 else ''))
    report.mismatches = diffs
    try:
        plan, saved_names = _make_plan(net, manifest, arrays, report, bad_owners)
    except (KeyError, TypeError, ValueError, IndexError) as exc:
        raise StateFileError(f'{path}: malformed manifest ({type(exc).__name__}: {exc}); nothing was loaded') from None
    for owner, obj, name in _owners(net):
        if owner.split('/')[0] in bad_owners:
            continue
        for attr, _ in _numeric_items(obj):
            if (owner, attr) not in saved_names:
                report.not_in_file.append(f'{name}.{attr}')
    # --- everything checked: now write
    for apply in plan:
        apply()
        report.restored += 1
    if restore_rng and 'rng' in manifest:
        keys = next(arrays[e['file']] for e in manifest['entries'] if e['owner'] == 'rng')
        r = manifest['rng']
        np.random.set_state((r['name'], keys, r['pos'], r['has_gauss'], r['cached_gaussian']))
    return report


def _make_plan(net: Any, manifest: Dict[str, Any], arrays: Dict[str, np.ndarray], report: LoadReport,
               bad_owners: set) -> Tuple[List[Callable[[], None]], set]:
    owners = {oid: (obj, name) for oid, obj, name in _owners(net)}
    plan: List[Callable[[], None]] = []
    saved_names = set()
    restored_arrays: Dict[int, Any] = {}
    for index, entry in enumerate(manifest['entries']):
        owner = entry['owner']
        if owner == 'rng':
            continue
        base = owner.split('/')[0]
        target = owners.get(owner)
        label = f"{owner}.{entry['attr']}"
        if target is None or base in bad_owners:
            report.skipped.append(label)
            continue
        obj, name = target
        label = f"{name}.{entry['attr']}" if entry['kind'] != 'recording' else f"{name}[{entry['attr']!r}]"
        saved_names.add((owner, entry['attr']))
        plan.append(_plan_entry(obj, entry, arrays, label, report, restored_arrays, index))
    return plan, saved_names


def _plan_entry(obj: Any, entry: Dict[str, Any], arrays: Dict[str, np.ndarray], label: str, report: LoadReport,
                restored: Dict[int, Any], index: int) -> Callable[[], None]:
    attr, kind = entry['attr'], entry['kind']
    if kind == 'recording':
        data = arrays[entry['file']]
        return lambda: obj.set_state({attr: data})
    current = instance_attributes(obj).get(attr, _MISSING)
    if kind == 'alias':
        def apply_alias() -> None:
            source = restored.get(entry['of'])
            if source is not None and instance_attributes(obj).get(attr) is not source:
                setattr(obj, attr, source)
        return apply_alias
    if kind == 'py':
        value = _py_value(entry)
        if current is _MISSING:
            report.added.append(label)
        elif type(current) is not type(value):
            report.changed.append(f'{label} ({type(current).__name__} → {type(value).__name__})')
        return lambda: setattr(obj, attr, value)
    data = arrays[entry['file']]
    if kind == 'npscalar':
        value = data[()]
        if current is _MISSING:
            report.added.append(label)
        elif getattr(current, 'dtype', None) != value.dtype:
            report.changed.append(f'{label} ({type(current).__name__} → {value.dtype})')
        return lambda: setattr(obj, attr, value)
    if current is _MISSING:
        report.added.append(label)
    elif not isinstance(current, np.ndarray):
        report.changed.append(f'{label} ({type(current).__name__} → {data.dtype} array)')
    elif current.shape != data.shape or current.dtype != data.dtype:
        report.changed.append(f'{label} ({current.dtype}{list(current.shape)} → {data.dtype}{list(data.shape)})')

    def apply_array() -> None:
        cur = instance_attributes(obj).get(attr)
        if (isinstance(cur, np.ndarray) and cur.shape == data.shape and cur.dtype == data.dtype
                and cur.flags.writeable):
            np.copyto(cur, data)
            restored[index] = cur
        else:
            fresh = data.copy()
            setattr(obj, attr, fresh)
            restored[index] = fresh
    return apply_array


_MISSING = object()


def export_recordings(net: Any, path: str, fmt: Optional[str] = None) -> List[str]:
    """Write every recorder's data to ``path`` (.npz or .csv); see :func:`engine.io.export.export_recordings`."""
    from engine.io.export import export_recordings as export
    return export(net, path, fmt)
