"""Tag paths: resolve ``'my_neurons.Basic_Behavior.threshold'`` to an object and an attribute, and
validate a new value for it.

A *tag path* is a dot-separated string. Its parts are resolved left to right:

* the first part names a NeuronGroup or SynapseGroup by any of its tags (the first match in creation
  order, groups before synapse groups), the network itself by one of its tags (``'Network'``), or a
  network-level behavior by tag, class name or key;
* a middle part names a behavior of the current object by tag, class name or key (``'1'``), or else a
  plain (non-numeric) attribute of it;
* the last part is an attribute that must exist.

A path with a single part names an attribute of the network itself.

Errors are :class:`PathError` (a ``LookupError``) and :class:`InvalidValueError` (a ``ValueError``);
their message names the part that failed, what exists there, and the closest existing name.
Nothing here mutates the network: :func:`prepare_value` returns a plan that
:func:`apply_value` executes later, between two iterations.
"""
from __future__ import annotations

from engine.model.introspection import instance_attributes

from engine.exceptions import CommandError, PathError, InvalidValueError  # noqa: F401 (re-exported)

import ast
import difflib
import numbers
from dataclasses import dataclass, field
from typing import Any, Callable, List, Optional, Sequence, Tuple

import numpy as np

__all__ = [
    'CommandError', 'PathError', 'InvalidValueError', 'Target', 'resolve_path', 'resolve_behaviors',
    'prepare_value', 'apply_value', 'describe', 'summarize', 'ValuePlan', 'STRUCTURAL_ATTRIBUTES',
]

#: Attributes that define the structure of the network; ``set_value`` refuses them.
STRUCTURAL_ATTRIBUTES = frozenset({
    'iteration', 'size', 'tags', 'tag', 'network', 'behavior', 'src', 'dst', 'def_dtype', 'NeuronGroups',
    'SynapseGroups', 'sorted_behavior_execution_list', 'init_kwargs', 'variables', 'id',
    'afferent_synapses', 'efferent_synapses', 'tag_shortcuts',
})


@dataclass
class Target:
    """The result of resolving a tag path.

    Attributes
    ----------
    path: the normalised path string.
    obj: the object that holds the attribute (network, group, synapse group or behavior).
    attr: the attribute name.
    parent: the group / synapse group / network that owns ``obj`` when ``obj`` is a behavior, else ``obj``.
    description: human-readable name of ``obj`` (``"behavior Basic_Behavior of group 'g'"``).
    """

    path: str
    obj: Any
    attr: str
    parent: Any
    description: str

    def exists(self) -> bool:
        """Whether the attribute exists right now."""
        return hasattr(self.obj, self.attr)

    def get(self) -> Any:
        """Current value of the attribute."""
        return getattr(self.obj, self.attr)


# ----------------------------------------------------------------------------------------------- helpers
def _kind(obj: Any) -> str:
    if hasattr(obj, 'NeuronGroups'):
        return 'network'
    if hasattr(obj, 'src') and hasattr(obj, 'dst') and hasattr(obj, 'behavior'):
        return 'synapse group'
    if hasattr(obj, 'behavior') and hasattr(obj, 'size'):
        return 'group'
    if hasattr(obj, 'behavior_enabled'):
        return 'behavior'
    return type(obj).__name__


def describe(obj: Any, parent: Any = None) -> str:
    """Human-readable name: ``"group 'g'"``, ``"behavior Basic_Behavior of group 'g'"``, ``'the network'``."""
    kind = _kind(obj)
    if kind == 'network':
        return 'the network'
    if kind == 'behavior':
        name = type(obj).__name__
        tags = list(getattr(obj, 'tags', []) or [])
        if tags and tags[0] != name:
            name = f"{name} '{tags[0]}'"
        return f'behavior {name}' + (f' of {describe(parent)}' if parent is not None else '')
    tags = getattr(obj, 'tags', None)
    return f"{kind} '{tags[0]}'" if tags else kind


def _suggest(word: str, candidates: Sequence[str]) -> str:
    close = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ''


def _listing(label: str, names: Sequence[str], limit: int = 12) -> str:
    names = list(dict.fromkeys(names))
    if not names:
        return f'({label}: none)'
    shown = ', '.join(names[:limit]) + (f', … ({len(names) - limit} more)' if len(names) > limit else '')
    return f'({label}: {shown})'


def _public_attrs(obj: Any) -> List[str]:
    """Public data attributes (numbers, bools, strings, arrays, None) of ``obj``."""
    items = instance_attributes(obj).items()
    return [k for k, v in items if not k.startswith('_')
            and (v is None or isinstance(v, (numbers.Number, np.ndarray, np.generic, str)))]


def summarize(value: Any, limit: int = 16) -> Any:
    """A small, immutable stand-in for ``value`` in the event log: scalars as they are, small arrays as a
    copy, large arrays as a short text (dtype, shape, mean, min, max)."""
    if isinstance(value, np.ndarray):
        if value.size <= limit:
            return value.copy()
        try:
            if value.dtype.kind in 'biuf':
                v = value.astype(float, copy=False)
                return (f'{value.dtype}{list(value.shape)} mean={v.mean():.4g} min={v.min():.4g} '
                        f'max={v.max():.4g}')
        except (TypeError, ValueError):
            pass
        return f'{value.dtype}{list(value.shape)}'
    return value


def _behaviors_of(obj: Any) -> List[Tuple[Any, Any]]:
    beh = getattr(obj, 'behavior', None)
    return list(beh.items()) if isinstance(beh, dict) else []


def _find_behavior(obj: Any, part: str) -> Any:
    for key, b in _behaviors_of(obj):
        if part in getattr(b, 'tags', ()):
            return b
    for key, b in _behaviors_of(obj):
        if str(key) == part:
            return b
        try:
            if float(part) == key:
                return b
        except (TypeError, ValueError):
            pass
    return None


def _behavior_names(obj: Any) -> List[str]:
    return [f'{k}:{type(b).__name__}' for k, b in _behaviors_of(obj)]


def _first_step(net: Any, part: str) -> Tuple[Any, Any]:
    for obj in list(getattr(net, 'NeuronGroups', [])) + list(getattr(net, 'SynapseGroups', [])):
        if part in getattr(obj, 'tags', ()):
            return obj, obj
    if part in getattr(net, 'tags', ()):
        return net, net
    b = _find_behavior(net, part)
    if b is not None:
        return b, net
    groups = [g.tags[0] for g in getattr(net, 'NeuronGroups', [])]
    sgs = [s.tags[0] for s in getattr(net, 'SynapseGroups', [])]
    net_b = [t for _, b in _behaviors_of(net) for t in getattr(b, 'tags', ())[:2]]
    everything = [t for o in getattr(net, 'NeuronGroups', []) + getattr(net, 'SynapseGroups', []) for t in o.tags]
    everything += list(getattr(net, 'tags', ())) + net_b
    msg = (f"no group, synapse group or network behavior tagged '{part}'{_suggest(part, everything)} "
           f"{_listing('groups', groups)} {_listing('synapse groups', sgs)}")
    if net_b:
        msg += ' ' + _listing('network behaviors', net_b)
    raise PathError(msg)


# ----------------------------------------------------------------------------------------------- resolve
def resolve_path(net: Any, path: str, must_exist: bool = True) -> Target:
    """Resolve a tag path on ``net``.

    Parameters
    ----------
    net: the Network.
    path: e.g. ``'my_neurons.Basic_Behavior.threshold'``, ``'my_neurons.voltage'``, ``'GLUTAMATE.W'``.
    must_exist: if True (default) the final attribute must exist.

    Raises
    ------
    PathError: naming the part that failed, what exists there and the closest name.
    """
    if not isinstance(path, str) or not path.strip():
        raise PathError(f'a tag path must be a non-empty string, got {path!r}')
    parts = [p.strip() for p in path.strip().split('.')]
    if any(not p for p in parts):
        raise PathError(f"empty part in tag path '{path}'")
    if len(parts) == 1:
        obj, parent = net, net
    else:
        obj, parent = _first_step(net, parts[0])
        for part in parts[1:-1]:
            b = _find_behavior(obj, part) if _kind(obj) != 'behavior' else None
            if b is not None:
                obj, parent = b, obj
                continue
            sub = getattr(obj, part, None) if not part.startswith('_') else None
            if sub is not None and not isinstance(sub, (np.ndarray, numbers.Number, str, bool)):
                obj = sub
                continue
            names = [t for _, b in _behaviors_of(obj) for t in getattr(b, 'tags', ())] + _public_attrs(obj)
            raise PathError(f"no behavior or attribute '{part}' on {describe(obj, parent if obj is not parent else None)}"
                            f"{_suggest(part, names)} {_listing('behaviors', _behavior_names(obj))}")
    attr = parts[-1]
    desc = describe(obj, parent if obj is not parent else None)
    if must_exist and (attr.startswith('__') or not hasattr(obj, attr)):
        names = _public_attrs(obj)
        extra = ''
        if _kind(obj) in ('group', 'synapse group', 'network') and _behaviors_of(obj):
            extra = ' ' + _listing('behaviors', _behavior_names(obj))
        raise PathError(f"no attribute '{attr}' on {desc}{_suggest(attr, names)} {_listing('attributes', names)}{extra}")
    return Target('.'.join(parts), obj, attr, parent, desc)


def resolve_behaviors(net: Any, tag: str) -> List[Any]:
    """Behaviors addressed by ``tag``: a tag path to one behavior (``'g.Basic_Behavior'``), or a tag /
    class name matched across the whole network. Raises :class:`PathError` if nothing matches."""
    if '.' in tag:
        parts = tag.split('.')
        obj, parent = _first_step(net, parts[0])
        for part in parts[1:]:
            b = _find_behavior(obj, part)
            if b is None:
                names = [t for _, b2 in _behaviors_of(obj) for t in getattr(b2, 'tags', ())]
                raise PathError(f"no behavior '{part}' on {describe(obj)}{_suggest(part, names)} "
                                f"{_listing('behaviors', _behavior_names(obj))}")
            obj, parent = b, obj
        if _kind(obj) != 'behavior':
            raise PathError(f"'{tag}' names {describe(obj)}, not a behavior")
        return [obj]
    found = [b for o in net.all_objects() for _, b in _behaviors_of(o) if tag in getattr(b, 'tags', ())]
    if not found:
        names = [t for o in net.all_objects() for _, b in _behaviors_of(o) for t in getattr(b, 'tags', ())]
        raise PathError(f"no behavior tagged '{tag}' in the network{_suggest(tag, names)} "
                        f"{_listing('behavior tags', names)}")
    return found


# ----------------------------------------------------------------------------------------------- values
_BOOL_WORDS = {'true': True, 'false': False, '1': True, '0': False, 'yes': True, 'no': False, 'on': True, 'off': False}


def _coerce_scalar(value: Any, current: Any, name: str) -> Any:
    """Convert ``value`` to the type of the scalar ``current``."""
    kind = type(current)
    if isinstance(current, (bool, np.bool_)):
        if isinstance(value, str) and value.strip().lower() in _BOOL_WORDS:
            return kind(_BOOL_WORDS[value.strip().lower()])
        if isinstance(value, (bool, np.bool_)) or (isinstance(value, numbers.Number) and value in (0, 1)):
            return kind(bool(value))
        raise InvalidValueError(f'{name} is a bool; cannot set it to {value!r} (use True/False)')
    if isinstance(value, (list, tuple, np.ndarray)) and np.ndim(value) > 0:
        raise InvalidValueError(f'{name} is a scalar {kind.__name__}; cannot set it to an array of shape '
                                f'{np.shape(value)}')
    if isinstance(value, str):
        text = value.strip()
        try:
            value = ast.literal_eval(text)
        except (ValueError, SyntaxError):
            raise InvalidValueError(f'{name} is a {kind.__name__}; {value!r} is not a number'
                                    + (' (value strings such as uniform(...) need an array attribute)'
                                       if '(' in text else '')) from None
    if isinstance(value, np.ndarray):
        value = value.item()
    if isinstance(current, (numbers.Integral, np.integer)):
        if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Real):
            raise InvalidValueError(f'{name} is an integer; cannot set it to {value!r}')
        if float(value) != int(value):
            raise InvalidValueError(f'{name} is an integer; {value!r} is not a whole number')
        return kind(int(value))
    if isinstance(current, (numbers.Real, np.floating)):
        if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Real):
            raise InvalidValueError(f'{name} is a number; cannot set it to {value!r}')
        return kind(value)
    if isinstance(current, numbers.Complex):
        if not isinstance(value, numbers.Number):
            raise InvalidValueError(f'{name} is a complex number; cannot set it to {value!r}')
        return kind(value)
    raise InvalidValueError(f'{name} has type {kind.__name__}; set_value cannot set it')


def _array_from(value: Any, current: np.ndarray, name: str) -> np.ndarray:
    """Validate a number, bool or array-like for the array ``current``; return it cast to its dtype."""
    if isinstance(value, str):
        low = value.strip().lower()
        if current.dtype == bool and low in _BOOL_WORDS:
            value = _BOOL_WORDS[low]
        else:
            try:
                value = ast.literal_eval(value.strip())
            except (ValueError, SyntaxError):
                raise InvalidValueError(f'{name}: cannot read {value!r} as a number or array') from None
    try:
        arr = np.asarray(value)
    except Exception as exc:  # ragged lists and the like
        raise InvalidValueError(f'{name}: cannot convert {value!r} to an array ({exc})') from None
    if arr.dtype == object or arr.dtype.kind in 'USV':
        raise InvalidValueError(f'{name} is a {current.dtype} array; {value!r} is not numeric')
    if current.dtype == bool and arr.dtype != bool:
        if not np.isin(arr, (0, 1)).all():
            raise InvalidValueError(f'{name} is a bool array; values must be True/False or 0/1')
    elif current.dtype.kind in 'iu' and arr.dtype.kind == 'f':
        if not np.all(np.isfinite(arr)) or not np.all(arr == np.round(arr)):
            raise InvalidValueError(f'{name} is an integer array ({current.dtype}); values must be whole numbers')
    elif current.dtype.kind in 'biuf' and arr.dtype.kind == 'c':
        raise InvalidValueError(f'{name} is a real array ({current.dtype}); complex values are not allowed')
    try:
        np.broadcast_to(arr, current.shape)
    except ValueError:
        raise InvalidValueError(f'{name} has shape {current.shape}; a value of shape {arr.shape} does not fit '
                                f'(give a scalar or an array of shape {current.shape})') from None
    return arr.astype(current.dtype, copy=True)


def _check_value_string(text: str, name: str) -> None:
    try:
        ast.parse(text.strip(), mode='eval')
    except SyntaxError as exc:
        raise InvalidValueError(f"{name}: value string {text!r} is not a valid expression ({exc.msg})") from None


def _value_string_maker(target: Target, current: np.ndarray, text: str) -> Callable[[], np.ndarray]:
    """A function that evaluates ``text`` through the owner's vector()/matrix() at apply time."""
    owner = target.obj if _kind(target.obj) in ('group', 'synapse group') else target.parent
    kind = _kind(owner)
    name = f"{target.attr} of {target.description}"
    if kind == 'group' and current.shape == (owner.size,):
        make = owner.vector
    elif kind == 'synapse group' and hasattr(owner, 'matrix') and current.ndim == 2:
        make = owner.matrix
    else:
        raise InvalidValueError(f"{name}: value strings such as {text!r} need a per-neuron vector of a group "
                                f"or a synapse matrix; this attribute has shape {current.shape}")
    _check_value_string(text, name)

    def evaluate() -> np.ndarray:
        out = np.asarray(make(text))
        if out.shape != current.shape:
            raise InvalidValueError(f'{name}: {text!r} produced shape {out.shape}, expected {current.shape}')
        return out
    return evaluate


@dataclass
class ValuePlan:
    """A validated ``set_value``: what to write where. ``make()`` returns the value to write."""

    target: Target
    make: Callable[[], Any]
    expect_shape: Optional[tuple] = None
    description: str = ''
    raw: Any = field(default=None, repr=False)


def prepare_value(target: Target, value: Any) -> ValuePlan:
    """Validate ``value`` for ``target`` without touching the network.

    Rules: scalars (int/float/bool, numpy scalars) keep their type (``'0.7'`` → 0.7, ``'true'`` → True);
    arrays accept a scalar (broadcast), an array of a broadcastable shape, or a value string
    (``'uniform(0.4,0.6)'``) that is evaluated through the group's ``vector()`` / the synapse group's
    ``matrix()`` when the command is applied; strings stay strings; ``None`` accepts anything.
    """
    name = f"'{target.attr}' of {target.description}"
    if target.attr in STRUCTURAL_ATTRIBUTES or target.attr.startswith('_'):
        raise InvalidValueError(f'{name} defines the structure of the network and cannot be set with set_value '
                                f'(use runner.call(fn) for structural changes)')
    if not target.exists():
        raise PathError(f'no attribute {name}')
    current = target.get()
    if isinstance(current, np.ndarray):
        if current.dtype == object:
            raise InvalidValueError(f'{name} is an object array; set_value only sets numeric arrays')
        if isinstance(value, str) and '(' in value:
            maker = _value_string_maker(target, current, value)
            return ValuePlan(target, maker, current.shape, value, value)
        arr = _array_from(value, current, name)
        return ValuePlan(target, lambda: arr, current.shape, repr(value) if np.ndim(value) == 0 else f'array{arr.shape}', value)
    if isinstance(current, (bool, np.bool_, numbers.Number)):
        coerced = _coerce_scalar(value, current, name)
        return ValuePlan(target, lambda: coerced, None, repr(coerced), value)
    if isinstance(current, str):
        if not isinstance(value, str):
            raise InvalidValueError(f'{name} is a string; cannot set it to {value!r}')
        return ValuePlan(target, lambda: value, None, repr(value), value)
    if current is None:
        return ValuePlan(target, lambda: value, None, repr(value), value)
    raise InvalidValueError(f'{name} is a {type(current).__name__}; set_value sets numbers, bools, strings and '
                            f'numpy arrays (use runner.call(fn) for anything else)')


def apply_value(plan: ValuePlan) -> Tuple[Any, Any]:
    """Write a validated value; returns ``(old, new)`` as :func:`summarize` gives them. Arrays are updated
    in place (so references held by behaviors stay valid) unless they are read-only."""
    t = plan.target
    if not t.exists():
        raise PathError(f"no attribute '{t.attr}' on {t.description} any more")
    current = t.get()
    new = plan.make()
    if isinstance(current, np.ndarray):
        if plan.expect_shape is not None and current.shape != plan.expect_shape:
            raise InvalidValueError(f"'{t.attr}' of {t.description} changed shape from {plan.expect_shape} to "
                                    f"{current.shape} before the edit was applied")
        old = summarize(current)
        if current.flags.writeable:
            np.copyto(current, new, casting='unsafe')
            return old, summarize(current)
        replacement = np.array(np.broadcast_to(new, current.shape), dtype=current.dtype)
        setattr(t.obj, t.attr, replacement)
        return old, summarize(replacement)
    setattr(t.obj, t.attr, new)
    return summarize(current), summarize(new)
