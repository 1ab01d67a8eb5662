"""The value grammar behind ``vector()`` and ``matrix()``.

A *mode* describes how to fill an array of a given shape: a constant (``0.5``), a dtype
(``bool``, ``int``), a distribution name (``'uniform'``, ``'normal(0, 1)'``,
``'lognormal_real_mean(1, 0.5)'``) or an arithmetic expression around such calls
(``'2*uniform()'``). Each mode string is compiled once into a small *generator* and cached,
so the per-step cost of ``neurons.vector('uniform', density=0.01)`` is the cost of the draws.

Random numbers come from numpy's global legacy RNG (``np.random``) so that
``np.random.seed(s)`` in a user script makes runs reproducible, with the same draw order as
PymoNNto: the values first, cast to the network dtype, then the density mask.
"""

from __future__ import annotations

import ast
import builtins
import difflib
import math
import numbers
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import numpy as np

from engine.exceptions import UnknownDistributionError, ValueStringError  # noqa: F401 (re-exported)

if TYPE_CHECKING:
    from numpy.typing import DTypeLike

__all__ = [
    "ValueStringError",
    "UnknownDistributionError",
    "generate",
    "compile_mode",
    "lognormal_real_mean",
    "lognormal_rm",
    "uniform_gap",
    "is_number",
]

Shape = tuple[int, ...]
#: a compiled mode: ``generator(shape, owner) -> array or scalar`` (``owner`` is ``self`` in the string)
Generator = Callable[[Shape, object], Any]
#: the ``size`` argument of the helpers below
Size = int | tuple[int, ...] | None


# --------------------------------------------------------------------------- helpers users may call


def lognormal_real_mean(mean: float = 1.0, sigma: float = 1.0, size: Size = None) -> np.ndarray | float:
    """Lognormal samples whose *real* mean is ``mean`` (mu = ln(mean) - sigma**2)."""
    return np.random.lognormal(np.log(mean) - sigma**2, sigma, size=size)


lognormal_rm = lognormal_real_mean


def uniform_gap(
    low: float = 0.0, high: float = 1.0, gap: float = 0.0, size: Size = None
) -> np.ndarray | float:
    """Uniform samples in [low, high) with the open interval (-gap, gap) left out."""
    values = np.random.uniform(low, high - 2 * gap, size=size)
    return np.where(values >= 0, values + gap, values - gap) if gap else values


def is_number(value: object) -> bool:
    """True for ints and floats (numpy scalars included), False for bools and strings."""
    return isinstance(value, numbers.Real) and not isinstance(value, (bool, np.bool_))


# --------------------------------------------------------------------------- the sampler namespace

_ALIASES = {"random": "uniform", "rand": "uniform", "rnd": "uniform"}
_SHAPE_FUNCS = {"zeros": np.zeros, "ones": np.ones}


def _random_samplers() -> dict[str, Callable[..., Any]]:
    samplers = {}
    for name in dir(np.random):
        obj = getattr(np.random, name)
        if name.startswith("_") or not callable(obj) or isinstance(obj, type):
            continue
        samplers[name] = obj
    samplers.update(
        lognormal_real_mean=lognormal_real_mean, lognormal_rm=lognormal_rm, uniform_gap=uniform_gap
    )
    for alias, target in _ALIASES.items():
        samplers[alias] = samplers[target]
    return samplers


_SAMPLERS = _random_samplers()
_BUILTIN_NAMES = frozenset(dir(builtins))
_NUMPY_NAMES = {name: getattr(np, name) for name in dir(np) if not name.startswith("_")}


class _SizedCall:
    """Wraps a sampler so that a call without ``size``/``shape`` gets the requested shape."""

    __slots__ = ("func", "keyword", "shape")

    def __init__(self, func: Callable[..., Any], keyword: str):
        self.func = func
        self.keyword = keyword
        self.shape: Shape = ()

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        if self.keyword not in kwargs and not (self.keyword == "shape" and args):
            kwargs[self.keyword] = self.shape
        return self.func(*args, **kwargs)


def _known_names() -> list[str]:
    return sorted(set(_SAMPLERS) | set(_SHAPE_FUNCS) | {"bool", "int"})


def _unknown(name: str, mode: str) -> UnknownDistributionError:
    close = difflib.get_close_matches(name, _known_names(), n=3)
    hint = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""
    return UnknownDistributionError(
        f"unknown distribution or function {name!r} in value string {mode!r}{hint}"
    )


# --------------------------------------------------------------------------- compilation

_CACHE: dict[str, Generator] = {}
#: generators known to return a new ndarray of exactly the requested shape
_FRESH: set[Generator] = set()
#: generators that draw U[0, 1): np.random.uniform(0, 1, size) returns exactly the doubles
#: np.random.random_sample(size) returns (0 + 1 * x == x), from the same stream
_STANDARD_UNIFORM: set[Generator] = set()


def _literal(node: ast.AST) -> Any:
    value = ast.literal_eval(node)
    if not isinstance(value, (int, float, complex, bool, str, tuple, list)):
        raise ValueError
    return value


def _fast_call(mode: str, tree: ast.Expression) -> Generator | None:
    """A direct call for the common ``name`` / ``name(literal args)`` forms, or None."""
    body = tree.body
    if isinstance(body, ast.Name):
        name, args, kwargs = body.id, (), {}
    elif isinstance(body, ast.Call) and isinstance(body.func, ast.Name):
        name = body.func.id
        try:
            args = tuple(_literal(a) for a in body.args)
            kwargs = {k.arg: _literal(k.value) for k in body.keywords if k.arg}
        except (ValueError, SyntaxError, TypeError):
            return None
        if len(kwargs) != len(body.keywords):
            return None
    else:
        return None
    if name in _SHAPE_FUNCS:
        func = _SHAPE_FUNCS[name]
        if args or "shape" in kwargs:
            return None
        return lambda shape, owner: func(shape, **kwargs)
    if name in _SAMPLERS:
        func = _SAMPLERS[name]
        if func == np.random.uniform and _is_unit_interval(args, kwargs):
            standard = lambda shape, owner: np.random.random_sample(shape)  # noqa: E731
            _FRESH.add(standard)
            _STANDARD_UNIFORM.add(standard)
            return standard
        if "size" in kwargs:
            return lambda shape, owner: func(*args, **kwargs)
        sampler = lambda shape, owner: func(*args, size=shape, **kwargs)  # noqa: E731
        _FRESH.add(sampler)
        return sampler
    if name in _NUMPY_NAMES or name in ("self",):
        return None
    raise _unknown(name, mode)


def _is_unit_interval(args: tuple[Any, ...], kwargs: dict[str, Any]) -> bool:
    """Do these arguments of ``uniform`` mean ``low=0, high=1`` (and nothing else)?"""
    names = ("low", "high")
    if len(args) > 2 or set(kwargs) - set(names) or any(n in kwargs for n in names[: len(args)]):
        return False
    bounds = dict(zip(names, args), **kwargs)
    low, high = bounds.get("low", 0.0), bounds.get("high", 1.0)
    return all(type(b) in (int, float) for b in (low, high)) and low == 0 and high == 1


def _general(mode: str, tree: ast.Expression) -> Generator:
    """Evaluate an arbitrary expression with size-supplying samplers (compiled once)."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load):
            if (
                node.id not in _SAMPLERS
                and node.id not in _NUMPY_NAMES
                and node.id not in ("np", "self", "math")
                and node.id not in _BUILTIN_NAMES
            ):
                raise _unknown(node.id, mode)
    code = compile(tree, f"<value string {mode!r}>", "eval")
    wrapped = {name: _SizedCall(f, "size") for name, f in _SAMPLERS.items()}
    wrapped.update({name: _SizedCall(f, "shape") for name, f in _SHAPE_FUNCS.items()})
    namespace: dict[str, Any] = dict(_NUMPY_NAMES)
    namespace.update(wrapped)
    namespace.update(np=np, math=math)
    sized = list(wrapped.values())

    def run(shape: Shape, owner: object) -> Any:
        for w in sized:
            w.shape = shape
        namespace["self"] = owner
        try:
            return eval(code, namespace)
        finally:
            namespace["self"] = None

    return run


def compile_mode(mode: str) -> Generator:
    """Compile a value string into a generator ``f(shape, owner) -> array or scalar`` (cached)."""
    cached = _CACHE.get(mode)
    if cached is not None:
        return cached
    text = mode.strip()
    if not text:
        raise ValueStringError(f"empty value string {mode!r}")
    try:
        number = float(text)
    except ValueError:
        number = None
    if number is not None:  # '0.5' means the constant 0.5 (extension)

        def generator(shape: Shape, owner: object) -> float:
            return number
    else:
        try:
            tree = ast.parse(text, mode="eval")
        except SyntaxError as err:
            raise ValueStringError(
                f"malformed value string {mode!r}: {err.msg} (at column {err.offset})"
            ) from None
        generator = _fast_call(mode, tree) or _general(mode, tree)  # type: ignore[assignment]  # a Generator too
    _CACHE[mode] = generator
    return generator


# --------------------------------------------------------------------------- public entry point


def _check_density(density: object, shape: Shape) -> float | np.ndarray:
    if isinstance(density, (numbers.Real, np.number)) and not isinstance(density, (bool, np.bool_)):
        if not 0.0 <= float(density) <= 1.0 or math.isnan(float(density)):
            raise ValueError(f"density must lie in [0, 1], got {density!r}")
        return float(density)
    array = np.asarray(density, dtype=float)
    if array.ndim != 1 or array.shape[0] != shape[0]:
        raise ValueError(
            f"density array of shape {array.shape} does not fit the first "
            f"dimension of shape {shape} (one probability per row expected)"
        )
    if np.any((array < 0) | (array > 1)):
        raise ValueError("density values must lie in [0, 1]")
    return array if len(shape) == 1 else array[:, None]


_TYPE_WORDS = frozenset({"bool", "int"})


def _cast(generator: Generator, mode: str, shape: Shape, dtype: DTypeLike, owner: object) -> np.ndarray:
    """Run a compiled mode and return a fresh, writeable array of ``shape`` and ``dtype``."""
    result = generator(shape, owner)
    if type(result) is not np.ndarray:
        result = np.asarray(result)
    if result.shape != shape:
        try:
            result = np.broadcast_to(result, shape)
        except ValueError:
            raise ValueError(
                f"value string {mode!r} produced shape {result.shape}, which does not fit {tuple(shape)}"
            ) from None
    if result.dtype != dtype or not result.flags.writeable or not result.flags.owndata:
        result = result.astype(dtype)
    return result


#: up to this many values, one call draws both the values and the mask (saves a call's overhead)
_ONE_DRAW_MAX = 1 << 16


def _sparse_standard_uniform(shape: Shape, dtype: DTypeLike, density: float) -> np.ndarray:
    """``uniform`` values, then the density mask, drawn in one call: same stream, same bits.

    PymoNNto draws the values (cast to ``dtype``) and then ``random_sample(shape)`` for the
    mask; the two draws are consecutive, so one draw of twice the size gives both.
    """
    count = math.prod(shape)
    if count > _ONE_DRAW_MAX:  # large: two draws into fresh memory are faster than one twice as big
        result = np.random.random_sample(shape).astype(dtype, copy=False)
        result *= np.random.random_sample(shape) <= density
        return result
    draws = np.random.random_sample(2 * count)
    result = draws[:count].reshape(shape).astype(dtype)
    result *= draws[count:].reshape(shape) <= density
    return result


def generate(
    mode: object,
    shape: Shape,
    dtype: DTypeLike,
    owner: object = None,
    scale: Any = None,
    density: Any = None,
) -> np.ndarray:
    """Fill an array of ``shape`` according to ``mode`` (see module docstring).

    Parameters
    ----------
    mode : str, number, ``bool`` or ``int``
        What to fill the array with.
    shape : tuple of int
        Shape of the result.
    dtype : numpy dtype
        Dtype float-like results are cast to (the network's ``def_dtype``).
    owner : object, optional
        Made available as ``self`` inside expression strings.
    scale : number, optional
        Multiplies the result after the density mask.
    density : float or 1-D array, optional
        Probability that an entry is kept (others become 0). An array gives one
        probability per row (per neuron for vectors, per destination for matrices).
    """
    if type(mode) is str and mode not in _TYPE_WORDS:
        generator = _CACHE.get(mode) or compile_mode(mode)
        if type(density) is float and generator in _STANDARD_UNIFORM and 0.0 <= density <= 1.0:
            result = _sparse_standard_uniform(shape, dtype, density)
            if scale is not None:
                result *= scale
            return result
        if generator in _FRESH:  # the common 'uniform' / 'normal(0, 1)' path, no checks needed
            result = generator(shape, owner).astype(dtype, copy=False)
        else:
            result = _cast(generator, mode, shape, dtype, owner)
    elif mode is bool or mode == "bool":
        result = np.zeros(shape, dtype=bool)
    elif mode is int or mode == "int":
        result = np.zeros(shape, dtype=int)
    elif isinstance(mode, str):
        result = _cast(compile_mode(mode), mode, shape, dtype, owner)
    elif is_number(mode):
        result = np.full(shape, mode, dtype=dtype)
    elif mode is None:
        result = np.zeros(shape, dtype=dtype)
    else:
        raise TypeError(
            f"cannot make values from {mode!r} (type {type(mode).__name__}); expected a "
            "number, bool, int or a value string such as 'uniform(0, 1)'"
        )
    if density is not None:
        if type(density) is not float or not 0.0 <= density <= 1.0:
            density = _check_density(density, shape)
        result *= np.random.random_sample(shape) <= density
    if scale is not None:
        result *= scale
    return result
