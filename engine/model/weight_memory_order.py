"""Choose the memory layout of synapse matrices from how the script uses them.

PymoNNto stores ``W`` row-major (C order, rows = destination neurons). The common propagation
``np.sum(W[:, fired], axis=1)`` gathers *columns*, which is several times faster on a
column-major (Fortran order) matrix and gives bit-identical results, because numpy returns the
gathered block in the same layout either way. ``W.dot(x)``, reductions over ``W`` and views of
``W`` do depend on the layout (float32 rounding, ``ravel`` copying), so a matrix is moved to
column-major only when it is used for nothing but column gathers.

The network decides during its first few iterations (the *probe*): each large 2-D array
attribute of a synapse group is temporarily replaced by a :class:`_ProbeMatrix` view of the same
memory that records how it is used. Only what the iterations do counts: the probe starts counting
at the first iteration (:meth:`WeightMemoryOrderProbe.begin`), so edits a script makes between
``initialize()`` and the first iteration (``syn.W *= 0.2``, ``syn.W = syn.W * 0.2``) do not
cancel the choice. Afterwards the plain array is put back, converted to
Fortran order when (a) every recorded use was a column gather, and (b) nothing but the synapse
group refers to it (a behavior keeping its own reference must keep seeing the same array).
The column-major copies are made while the network initializes (up to :data:`PREBUILD_BYTES`),
so the switch itself costs nothing during the run; the copy not chosen is dropped after the
probe.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

import numpy as np

from engine.model.introspection import instance_attributes

if TYPE_CHECKING:
    from engine.model.network import Network
    from engine.model.synapse_group import SynapseGroup

__all__ = ["WeightMemoryOrderProbe", "PROBE_ITERATIONS", "MIN_ELEMENTS", "fortran_copy"]

#: iterations observed before the layout is decided
PROBE_ITERATIONS = 3
#: smaller matrices are left alone: the layout makes no measurable difference there
MIN_ELEMENTS = 256 * 256


#: column-major copies up to this many bytes in all are made while the network initializes, so
#: that choosing Fortran order costs nothing during the run; larger ones are made at the decision
PREBUILD_BYTES = 512 * 2**20
#: edge of the square tiles :func:`fortran_copy` transposes one at a time
TILE = 512


def fortran_copy(matrix: np.ndarray, tile: int = TILE) -> np.ndarray:
    """A column-major copy of a 2-D array, made tile by tile.

    ``np.asfortranarray`` walks the whole matrix at once, so for every element it reads, the
    element it writes lies a full column away: on a 5000 x 5000 float32 matrix it takes 115 ms
    against 44 ms for tiles that fit in the cache. The copies are made while the network
    initializes, or during the run for matrices beyond :data:`PREBUILD_BYTES`.
    """
    out = np.empty(matrix.shape, dtype=matrix.dtype, order="F")
    out_t = out.T  # C-ordered view: tile (i, j) of the matrix goes to tile (j, i) of out_t
    rows, cols = matrix.shape
    for i in range(0, rows, tile):
        for j in range(0, cols, tile):
            out_t[j : j + tile, i : i + tile] = matrix[i : i + tile, j : j + tile].T
    return out


class _Usage:
    """What happened to one matrix during the probe."""

    __slots__ = ("gathers", "other")

    def __init__(self) -> None:
        self.gathers = 0
        self.other = 0


def _plain(value: Any) -> Any:
    return value.view(np.ndarray) if isinstance(value, _ProbeMatrix) else value


def _is_column_gather(key: object) -> bool:
    if not (isinstance(key, tuple) and len(key) == 2):
        return False
    rows, cols = key
    if not (isinstance(rows, slice) and rows == slice(None)):
        return False
    cols = np.asarray(cols) if isinstance(cols, (list, np.ndarray)) else None
    return cols is not None and cols.ndim == 1 and cols.dtype.kind in "bui"


class _ProbeMatrix(np.ndarray):
    """An ndarray view that counts column gathers and every other use."""

    _usage: _Usage

    def __array_finalize__(self, obj: object) -> None:
        self._usage = getattr(obj, "_usage", None) or _Usage()

    def _mark_other(self) -> None:
        self._usage.other += 1

    def __getitem__(self, key: Any) -> Any:
        if _is_column_gather(key):
            self._usage.gathers += 1
            return _plain(np.ndarray.__getitem__(self.view(np.ndarray), key))
        self._mark_other()
        return np.ndarray.__getitem__(self, key)  # views keep being watched

    def __setitem__(self, key: Any, value: Any) -> None:
        self._mark_other()
        np.ndarray.__setitem__(self.view(np.ndarray), key, _plain(value))

    def __array_ufunc__(self, ufunc: np.ufunc, method: str, *inputs: Any, **kwargs: Any) -> Any:
        self._mark_other()
        outputs = kwargs.get("out")
        if outputs is not None:
            kwargs["out"] = tuple(_plain(o) for o in outputs)
        result = getattr(ufunc, method)(*(_plain(x) for x in inputs), **kwargs)
        if outputs is not None:
            return outputs[0] if len(outputs) == 1 else outputs
        return result

    def __array_function__(
        self,
        func: Callable[..., Any],
        types: Iterable[type],
        args: Iterable[Any],
        kwargs: Mapping[str, Any],
    ) -> Any:
        self._mark_other()
        args = tuple(_plain(a) for a in args)
        kwargs = {k: _plain(v) for k, v in kwargs.items()}
        return func(*args, **kwargs)

    def dot(self, *args: Any, **kwargs: Any) -> Any:
        self._mark_other()
        return self.view(np.ndarray).dot(*(_plain(a) for a in args), **kwargs)


def _candidates(net: Network) -> Iterator[tuple[SynapseGroup, str, np.ndarray]]:
    """The large row-major float matrices of the synapse groups that the probe can watch."""
    for sg in net.SynapseGroups:
        shape = sg.matrix_dim()
        if shape[0] * shape[1] < MIN_ELEMENTS:
            continue
        for name, value in list(instance_attributes(sg).items()):
            if (
                type(value) is np.ndarray
                and value.ndim == 2
                and value.shape == shape
                and value.size >= MIN_ELEMENTS
                and value.flags.c_contiguous
                and not value.flags.f_contiguous
                and value.dtype.kind == "f"
            ):
                yield sg, name, value


class WeightMemoryOrderProbe:
    """Watches the large matrices of a network's synapse groups for a few iterations."""

    def __init__(self, net: Network, prebuild_bytes: int = PREBUILD_BYTES):
        self.remaining = PROBE_ITERATIONS
        self.started = False
        self._net = net
        #: (synapse group, attribute, the array, its probe view, the prebuilt column-major copy)
        self._watched: list[tuple[SynapseGroup, str, np.ndarray, _ProbeMatrix, np.ndarray | None]] = []
        for sg, name, value in _candidates(net):
            # made now (the network is initializing) and thrown away unless chosen, or stale
            prebuilt = None
            if value.nbytes <= prebuild_bytes:
                prebuilt = fortran_copy(value)
                prebuild_bytes -= value.nbytes
            self._watch(sg, name, value, prebuilt)
        self.decisions: dict[str, str] = {}

    def _watch(self, sg: SynapseGroup, name: str, value: np.ndarray, prebuilt: np.ndarray | None) -> None:
        probe = value.view(_ProbeMatrix)
        probe._usage = _Usage()
        setattr(sg, name, probe)
        self._watched.append((sg, name, value, probe, prebuilt))

    def begin(self) -> None:
        """Called at the first iteration: from now on count only what the iterations do.

        What the script did between ``initialize()`` and here does not count: a matrix it used or
        rewrote in place (``syn.W *= 0.2``) is watched afresh (its prebuilt copy may be stale, so
        a column-major copy is made at the decision instead), and one it replaced (``syn.W = syn.W
        * 0.2``) or created is watched from now on."""
        if self.started:
            return
        self.started = True
        watched, self._watched = self._watched, []
        kept = set()
        while watched:
            sg, name, original, probe, prebuilt = watched.pop()
            if instance_attributes(sg).get(name) is not probe:
                continue  # replaced: the new array is found below
            if probe._usage.gathers or probe._usage.other:
                prebuilt = None  # used, maybe written, since the copy was made
            probe._usage = _Usage()
            self._watched.append((sg, name, original, probe, prebuilt))
            kept.add((id(sg), name))
        for sg, name, value in _candidates(self._net):
            if (id(sg), name) not in kept:
                self._watch(sg, name, value, None)

    @property
    def active(self) -> bool:
        return bool(self._watched)

    def tick(self) -> bool:
        """Count one probed iteration; decide after the last. Returns True while probing."""
        self.remaining -= 1
        if self.remaining > 0:
            return True
        self.finish()
        return False

    def finish(self) -> None:
        """Put the plain arrays back, in Fortran order where that is safe and useful."""
        watched, self._watched = self._watched, []
        while watched:
            sg, name, original, probe, prebuilt = watched.pop()
            usage = probe._usage
            label = f"{sg.tags[0]}.{name}"
            if instance_attributes(sg).get(name) is not probe:
                self.decisions[label] = "C (replaced by the script)"
                del probe
                continue
            setattr(sg, name, original)
            shared = sys.getrefcount(probe) > 2  # our local name + the call's argument
            del probe
            # sg.__dict__, our local name, the call's argument: anything more is someone else's
            shared = shared or sys.getrefcount(original) > 3
            if usage.gathers and not usage.other and not shared:
                setattr(sg, name, fortran_copy(original) if prebuilt is None else prebuilt)
                self.decisions[label] = "F (column gathers only)"
            else:
                reason = "shared" if shared else ("other uses" if usage.other else "no gathers")
                self.decisions[label] = f"C ({reason})"
            del original, prebuilt
