"""The Behavior base class: a small object that says what happens at each time step.

A behavior is attached to a parent (a NeuronGroup, a SynapseGroup or the Network) under a
numeric key. ``initialize(parent)`` runs once when the network is initialized and
``iteration(parent)`` at every step, in the global order of the keys.
"""

from __future__ import annotations

import ast
import inspect
import textwrap
from typing import TYPE_CHECKING, Any

from engine.model.genome import substitute_genes
from engine.model.tagging import TaggableObjectBase

if TYPE_CHECKING:
    from collections.abc import Callable
    from types import CodeType

    from engine.model.aliases import BehaviorParent

__all__ = ["Behavior", "is_empty_function", "deprecated_warning"]

_TRUE_TEXT = {"true", "1", "yes", "on"}
_FALSE_TEXT = {"false", "0", "no", "off"}
_empty_cache: dict[CodeType, bool] = {}


def deprecated_warning(message: str) -> None:
    """Print a deprecation message (PymoNNto prints these rather than warning)."""
    print(f"deprecated: {message}")


def is_empty_function(func: Callable[..., Any]) -> bool:
    """True if ``func``'s body is only ``pass``/``return``/``...``, optionally after a docstring."""
    code = getattr(func, "__code__", None)
    if code is None:
        return False
    if code in _empty_cache:
        return _empty_cache[code]
    try:
        tree = ast.parse(textwrap.dedent(inspect.getsource(func)))
        body = tree.body[0].body  # type: ignore[attr-defined]
    except (OSError, TypeError, SyntaxError, IndexError, AttributeError):
        _empty_cache[code] = False
        return False
    statements = list(body)
    if (
        statements
        and isinstance(statements[0], ast.Expr)
        and isinstance(getattr(statements[0], "value", None), ast.Constant)
    ):
        statements = statements[1:]  # docstring or a bare '...'
    empty = all(
        isinstance(s, ast.Pass) or (isinstance(s, ast.Return) and s.value is None) for s in statements
    )
    _empty_cache[code] = empty
    return empty


class Behavior(TaggableObjectBase):
    """Base class of all behaviors.

    Keyword arguments given to the constructor are kept in ``init_kwargs`` and read in
    ``initialize`` through :meth:`parameter`; positional arguments are stored as ``arg_0``,
    ``arg_1``, ... Do not override ``__init__``; override :meth:`initialize` and
    :meth:`iteration`.

    Class flags
    -----------
    initialize_on_init : bool
        Initialize when the owner is constructed (geometry, connectivity masks).
    initialize_last : bool
        Initialize after all other behaviors (recorders).
    """

    initialize_on_init = False
    initialize_last = False

    def __init__(self, *args: Any, **kwargs: Any):
        self.init_kwargs: dict[str, Any] = dict(kwargs)
        for index, value in enumerate(args):
            self.init_kwargs[f"arg_{index}"] = value
        self.used_attr_keys: list[str] = []
        self.parent: BehaviorParent | None = None
        self.behavior_enabled = bool(self.parameter("behavior_enabled", True))
        super().__init__(tag=self.parameter("tag", None))
        for legacy, new in (("set_variables", "initialize"), ("new_iteration", "iteration")):
            if hasattr(type(self), legacy):
                raise Exception(
                    f"{type(self).__name__} defines '{legacy}', the old name of "
                    f"'{new}': please rename the method to '{new}'"
                )
        self.empty_iteration_function = is_empty_function(type(self).iteration)

    # ------------------------------------------------------------------ to override

    # ``neurons`` is the parent (a BehaviorParent). The hooks say Any so that each subclass can name
    # the parent it is written for (``neurons: NeuronGroup``, ``synapses: SynapseGroup``).

    def initialize(self, neurons: Any) -> None:
        """Called once when the network is initialized; create state here."""

    def iteration(self, neurons: Any) -> None:
        """Called at every time step."""

    def reserve_storage(self, iterations: int) -> None:
        """Called before a run of ``iterations`` steps; recorders preallocate their storage here."""

    # ------------------------------------------------------------------ parameters

    def parameter(
        self,
        key: str,
        default: Any = None,
        neurons: BehaviorParent | None = None,
        do_not_diversify: bool = False,
        search_other_behaviors: bool = False,
        required: bool = False,
    ) -> Any:
        """Read the constructor argument ``key``.

        Strings with parentheses become per-neuron (or per-synapse) values when ``neurons``
        is a group (``'uniform(0.4,0.6)'``); other strings are cast to the type of
        ``default`` (``'2'`` -> 2, ``'50%'`` -> 0.5, ``'False'`` -> False).
        """
        if required and key not in self.init_kwargs:
            print(f"Warning: {key} has to be specified for {type(self).__name__}!")
        if key not in self.used_attr_keys:
            self.used_attr_keys.append(key)
        value = self.init_kwargs.get(key, default)
        if isinstance(value, str) and neurons is not None and not do_not_diversify:
            value = self.evaluate_diversity_string(value, neurons)
        if isinstance(value, str) and default is not None:
            value = _cast_text(value, default, key)
        return value

    get_init_attr = parameter
    kwargs = parameter
    args = parameter
    argument = parameter

    def evaluate_diversity_string(self, text: str, neurons: BehaviorParent) -> Any:
        """``'same(tag, attr)'``, or a value string evaluated by the parent's vector()/matrix()."""
        stripped = text.replace(" ", "")
        if stripped.startswith("same(") and stripped.endswith(")"):
            tag, attr = stripped[5:-1].split(",")
            return getattr(neurons[tag, 0], attr)
        if text.endswith(";plot"):
            text = text[: -len(";plot")]
        if "(" in text and ")" in text:
            if hasattr(neurons, "matrix") and hasattr(neurons, "src"):
                return neurons.matrix(text)
            if hasattr(neurons, "vector") and hasattr(neurons, "size"):
                return neurons.vector(text)
        return text

    def set_parameters_as_variables(self, obj: Any = None) -> None:
        """Set every constructor argument as an attribute of ``obj`` (default: this behavior)."""
        target = self if obj is None else obj
        neurons = obj if obj is not None and obj is not self else None
        for key in list(self.init_kwargs):
            value = self.parameter(key, None, neurons=neurons)
            try:
                setattr(target, key, value)
            except AttributeError:
                continue  # read-only names such as 'tag'

    set_init_attrs_as_variables = set_parameters_as_variables

    def check_unused_attrs(self) -> None:
        """Print a warning for every constructor argument ``initialize`` never read."""
        for key in self.init_kwargs:
            if key not in self.used_attr_keys:
                print(
                    f'Warning: "{key}" not used in initialize of {self} behavior! '
                    f"Make sure that \"{key}\" is spelled correctly and parameter('{key}',...) "
                    f"is called in initialize. Valid attributes are:{self.used_attr_keys}"
                )

    def set_gene_variables(self) -> None:
        """Substitute genes (``'[0.5#threshold]'``) in every string argument."""
        for key, value in self.init_kwargs.items():
            if isinstance(value, str) and "[" in value and "]" in value:
                self.init_kwargs[key] = substitute_genes(value)

    # ------------------------------------------------------------------ hooks and lookup

    def find_objects(self, key: object) -> list[Any]:
        """What this behavior exposes to tag lookups besides itself (recorded series)."""
        return []

    def _children_matches(self, key: object) -> list[Any]:
        return self.find_objects(key)

    def get_UI_Tabs(self) -> list[Any]:
        """Extra studio views this behavior offers (none by default)."""
        return []

    def get_UI_Preview_Plots(self) -> Any:
        """Data the studio may preview for this behavior (none by default)."""
        return None

    def __str__(self) -> str:
        items = "".join(f"{k}={v}," for k, v in self.init_kwargs.items())
        return f"{type(self).__name__}({items})"

    __repr__ = __str__


def _cast_text(value: str, default: Any, key: str) -> Any:
    text = value.strip()
    if isinstance(default, bool):
        lowered = text.lower()
        if lowered in _TRUE_TEXT:
            return True
        if lowered in _FALSE_TEXT:
            return False
        raise ValueError(f"parameter {key!r}: cannot read {value!r} as a bool (use true/false/1/0)")
    if text.endswith("%"):
        try:
            return float(text[:-1]) / 100.0
        except ValueError:
            pass
    try:
        return type(default)(text)
    except (TypeError, ValueError):
        try:
            return float(text)
        except ValueError:
            raise ValueError(
                f"parameter {key!r}: cannot read {value!r} as {type(default).__name__} (default {default!r})"
            ) from None
