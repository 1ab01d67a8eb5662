"""Recorder and EventRecorder: behaviors that keep the history of expressions.

``Recorder(['voltage', 'np.mean(voltage)'])`` evaluates each expression on its parent at every
step (or every ``gapwidth`` steps) and appends a snapshot to preallocated storage
(:class:`engine.recording.series.Series`). Names are resolved by identifier: a bare name that is an
attribute of the parent means that attribute, and ``n.``/``neurons.``/``s.``/``synapse.``
mean the parent. Lookups match canonical forms, so ``net['n.voltage']`` finds the series
recorded as ``'voltage'``.
"""

from __future__ import annotations

import ast
import builtins
import operator
import re
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

import numpy as np

from engine.exceptions import RecordingShapeError
from engine.model.behavior import Behavior
from engine.model.introspection import MISSING, own_attribute
from engine.model.tagging import has_plain_attr
from engine.recording.fast_reductions import FAST_NAMES, FastReductions
from engine.recording.missing_names import warn_missing_name
from engine.recording.series import EventTable, Series

if TYPE_CHECKING:
    from types import FrameType

    from engine.model.aliases import BehaviorParent

__all__ = ["Recorder", "EventRecorder", "canonical_expression", "compile_expression"]

_PARENT_ALIASES = ("n", "neurons", "s", "synapse")
_BUILTIN_NAMES = frozenset(dir(builtins))
_PARENT_NAME = "__parent__"
_IDENTIFIER = re.compile(r"(?<![\w.])([A-Za-z_]\w*)")


def canonical_expression(expression: str, parent: object) -> str:
    """The form two recorder expressions are compared by (``'voltage'`` -> ``'n.voltage'``)."""
    text = re.sub(r"\s+", "", expression)

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        following = text[match.end() : match.end() + 1]
        if name in _PARENT_ALIASES and following == ".":
            return "n"
        if parent is not None and following != "(" and has_plain_attr(parent, name):
            return "n." + name
        return name

    return _IDENTIFIER.sub(replace, text)


class _BindParent(ast.NodeTransformer):
    """Rewrite names so that they refer to the parent object."""

    def __init__(self, parent: object):
        self.parent = parent

    def visit_Attribute(self, node: ast.Attribute) -> ast.AST:
        if isinstance(node.value, ast.Name) and node.value.id in _PARENT_ALIASES:
            node.value = ast.copy_location(ast.Name(_PARENT_NAME, ast.Load()), node.value)
            return node
        self.generic_visit(node)
        return node

    def visit_Name(self, node: ast.Name) -> ast.AST:
        if not isinstance(node.ctx, ast.Load):
            return node
        if has_plain_attr(self.parent, node.id):
            attribute = ast.Attribute(ast.Name(_PARENT_NAME, ast.Load()), node.id, ast.Load())
            return ast.copy_location(attribute, node)
        if node.id in _PARENT_ALIASES:
            return ast.copy_location(ast.Name(_PARENT_NAME, ast.Load()), node)
        return node


def compile_expression(expression: str, parent: object, namespace: dict[str, Any]) -> Callable[[Any], Any]:
    """Compile ``expression`` into ``f(parent) -> value`` with names bound to the parent."""
    tree = ast.parse(expression.strip(), mode="eval")
    body = tree.body
    if isinstance(body, ast.Name) and has_plain_attr(parent, body.id):
        return operator.attrgetter(body.id)
    if (
        isinstance(body, ast.Attribute)
        and isinstance(body.value, ast.Name)
        and body.value.id in _PARENT_ALIASES
    ):
        return operator.attrgetter(body.attr)
    bound = FastReductions(namespace).visit(_BindParent(parent).visit(body))
    function = ast.Expression(
        ast.Lambda(
            ast.arguments(
                posonlyargs=[], args=[ast.arg(_PARENT_NAME)], kwonlyargs=[], kw_defaults=[], defaults=[]
            ),
            bound,
        )
    )
    ast.fix_missing_locations(function)
    code = compile(function, f"<recorder expression {expression!r}>", "eval")
    if "__fast_mean__" not in namespace:
        namespace = {**namespace, **FAST_NAMES}
    return eval(code, namespace)


def _caller_globals() -> dict[str, Any]:
    """Globals of the first stack frame outside the engine (the user's module)."""
    frame: FrameType | None = sys._getframe(2)
    while frame is not None:
        name = frame.f_globals.get("__name__", "")
        if not (name == "engine" or name.startswith("engine.") or name.startswith("PymoNNto")):
            return frame.f_globals
        frame = frame.f_back
    return {}


class Recorder(Behavior):
    """Records expressions of its parent every ``gapwidth`` steps.

    Parameters
    ----------
    variables : str or list of str
        Expressions such as ``'voltage'``, ``'np.mean(voltage)'``, ``'np.sum(W)'``.
    gapwidth : int
        Record every ``gapwidth``-th step (0 or 1: every step).
    max_length : int, optional
        Keep at most this many samples per variable (oldest dropped).
    save_as_numpy : bool
        Lookups return numpy arrays instead of list-like series.

    A variable whose shape changes mid-run keeps every sample; reading it as one array raises
    :class:`~engine.exceptions.RecordingShapeError` naming the recorder, the group, the variable
    and the shapes, and :meth:`segments` gives one array per shape (see :class:`Series`). A name
    neither the group nor the script has is warned about once
    (:class:`~engine.exceptions.MissingRecordedNameWarning`) and recorded once it appears.
    """

    initialize_last = True

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self._user_globals = _caller_globals()
        self.variables: dict[str, Series] = {}
        self._evaluators: list[Callable[[Any], Any] | None] = []
        self._plan: list[tuple[Callable[[Any], Any], Callable[[Any], None]]] | None = None
        self._failures: dict[str, str] = {}
        self._missing: dict[int, str] = {}  # variable index -> the name it waits for
        self._plan_indices: list[int] = []  # the variable index of each entry of _plan
        self._warned: set[str] = set()
        self.counter = 0
        self.new_data_available = False

    def initialize(self, parent: BehaviorParent) -> None:
        self.add_tag("recorder")
        self.parent = parent
        variables = self.parameter("variables", None)
        positional = self.parameter("arg_0", None)
        if variables is None:
            variables = positional
        if isinstance(variables, str):
            variables = [variables]
        self.gapwidth = int(self.parameter("gapwidth", 0))
        self.max_length = self.parameter("max_length", None)
        self.save_as_numpy = bool(self.parameter("save_as_numpy", False))
        self.counter = 0
        self._namespace: dict[str, Any] = {"__builtins__": builtins, "np": np}
        self._namespace.update(self._user_globals)
        self._namespace["np"] = np
        self._namespace.update(FAST_NAMES)
        self.variables = {}
        self._evaluators = []
        self._plan = None
        self._failures = {}
        self._missing = {}
        self.add_variables(list(variables or []))

    # ------------------------------------------------------------------ variables

    def _new_storage(self) -> Series:
        return Series()

    def add_variables(self, variables: list[str]) -> None:
        """Start recording more expressions (with empty histories)."""
        for variable in variables:
            if not isinstance(variable, str):
                raise TypeError(f"{type(self).__name__}: variables must be strings, got {variable!r}")
            if variable not in self.variables:
                try:
                    ast.parse(variable.strip(), mode="eval")
                except SyntaxError as err:
                    raise SyntaxError(
                        f"{type(self).__name__}: cannot parse the expression {variable!r}: {err.msg}"
                    ) from None
                self.variables[variable] = self._labelled(variable, self._new_storage())
                self._evaluators.append(None)
                self._plan = None

    def _labelled(self, variable: str, storage: Any) -> Any:
        parent = getattr(self, "parent", None)
        where = f" of '{parent.tags[0]}'" if parent is not None else ""
        if isinstance(storage, Series):
            storage.label = f"{type(self).__name__} '{self.tags[0]}'{where}, variable {variable!r}"
        return storage

    def add_varable(self, variable: str) -> None:  # PymoNNto's spelling
        self.add_variables([variable])

    def add_variable(self, variable: str) -> None:
        self.add_variables([variable])

    def _compile(self, index: int, parent: BehaviorParent) -> Callable[[Any], Any]:
        variable = list(self.variables)[index]
        evaluator = self._evaluators[index] = compile_expression(variable, parent, self._namespace)
        return evaluator

    def _evaluate(self, index: int, variable: str, parent: BehaviorParent) -> Any:
        evaluator = self._evaluators[index]
        if evaluator is None:
            evaluator = self._compile(index, parent)
        return evaluator(parent)

    # ------------------------------------------------------------------ stepping

    def iteration(self, parent: BehaviorParent) -> None:
        if parent.recording:
            self.counter += 1
            if self.counter >= self.gapwidth:
                self.counter = 0
                self._record(parent)
        if self.max_length is not None:
            self.cut_length(self.max_length)

    def _record(self, parent: BehaviorParent) -> None:
        plan = self._plan
        if plan is not None and self._missing and self._a_missing_name_appeared(parent):
            plan = self._plan = None
        if plan is None:
            self._record_carefully(parent, 0)
            return
        done = 0
        try:
            for evaluate, append in plan:
                append(evaluate(parent))
                done += 1
        except Exception:  # noqa: BLE001 - the careful path reports it and re-resolves names
            self._plan = None
            self._record_carefully(parent, self._plan_indices[done])
            return
        self.new_data_available = True

    def _a_missing_name_appeared(self, parent: BehaviorParent) -> bool:
        return any(self._name_appeared(name, parent) for name in self._missing.values())

    def _record_carefully(self, parent: BehaviorParent, start: int) -> None:
        """Record variables ``start`` onwards one by one, keeping the first error of each; once
        every expression evaluates, later steps take the plain loop of :meth:`_record`."""
        evaluators = self._evaluators
        all_ok = True  # every variable recorded, or waits for a missing name (checked cheaply)
        for index, series in enumerate(self.variables.values()):
            if index < start:
                continue
            evaluator = evaluators[index]
            missing = self._missing.get(index)
            if missing is not None:
                if not self._name_appeared(missing, parent):
                    continue  # still missing: no recompilation, one cheap check per step
                del self._missing[index]
            try:
                if evaluator is None:
                    evaluator = self._compile(index, parent)
                value = evaluator(parent)
            except Exception as error:  # recorders never stop a simulation (PymoNNto parity)
                evaluators[index] = None  # re-resolve names next time
                variable = list(self.variables)[index]
                self._failures.setdefault(variable, f"{type(error).__name__}: {error}")
                if not self._note_missing(index, variable, error, parent):
                    all_ok = False
                continue
            series.append(value)
        self.new_data_available = True
        if all_ok:  # the plain loop over the compiled ones; missing names are looked for first
            self._plan_indices = [index for index in range(len(evaluators)) if index not in self._missing]
            self._plan = [
                (cast("Callable[[Any], Any]", evaluators[index]), series.append)  # all compiled now
                for index, series in enumerate(self.variables.values())
                if index not in self._missing
            ]

    def _name_exists(self, name: str, parent: BehaviorParent) -> bool:
        return has_plain_attr(parent, name) or name in self._namespace or name in _BUILTIN_NAMES

    def _name_appeared(self, name: str, parent: BehaviorParent) -> bool:
        """The per-step check for a missing name: dict look-ups only (no exception raised)."""
        return own_attribute(parent, name) is not MISSING or name in self._namespace or name in _BUILTIN_NAMES

    def _note_missing(self, index: int, variable: str, error: Exception, parent: BehaviorParent) -> bool:
        """A name the expression needs that neither the group nor the script has: warn once for it and
        only look for it again (cheaply) at later steps, instead of recompiling every step. Returns
        True when the error is such a missing name."""
        name = getattr(error, "name", None)
        if isinstance(error, AttributeError) and getattr(error, "obj", None) is not parent:
            return False
        if not isinstance(error, (NameError, AttributeError)) or not isinstance(name, str):
            return False
        if self._name_exists(name, parent):
            return False  # raised from inside something else: keep re-trying the whole expression
        self._missing[index] = name
        if name not in self._warned:
            self._warned.add(name)
            self._failures[variable] = f"{type(error).__name__}: {error}"
            warn_missing_name(self, parent, variable, name)
        return True

    def reserve_storage(self, iterations: int) -> None:
        self.reserve(iterations)

    def reserve(self, iterations: int) -> None:
        """Preallocate the storage for the samples of the next ``iterations`` steps."""
        if (
            self.parent is None
            or not self.parent.recording
            or not self.behavior_enabled
            or not has_plain_attr(self, "gapwidth")
        ):  # not initialized yet
            return
        samples = iterations // max(self.gapwidth, 1) + 1
        if self.max_length is not None:
            samples = min(samples, int(self.max_length) + 1)
        for series in self.variables.values():
            series.reserve(samples)

    # ------------------------------------------------------------------ lookup

    def _expose(self, variable: str) -> Series | np.ndarray:
        data = self.variables[variable]
        return data.view() if self.save_as_numpy else data

    def _match_variable(self, key: str) -> str | None:
        if key in self.variables:
            return key
        wanted = canonical_expression(key, self.parent)
        for variable in self.variables:
            if canonical_expression(variable, self.parent) == wanted:
                return variable
        return None

    def find_objects(self, key: object) -> list[Any]:
        if not isinstance(key, str) or not self.variables:
            return []
        variable = self._match_variable(key)
        return [] if variable is None else [self._expose(variable)]

    @property
    def failures(self) -> dict[str, str]:
        """First error message per expression that could not be recorded (empty if none)."""
        return dict(self._failures)

    # ------------------------------------------------------------------ housekeeping

    def is_new_data_available(self) -> bool:
        """True once after new data was recorded."""
        available, self.new_data_available = self.new_data_available, False
        return available

    def reset(self) -> None:
        """Replace every history by an empty one."""
        for variable in self.variables:
            self.variables[variable] = self._labelled(variable, self._new_storage())
        self._plan = None

    def clear_recorder(self) -> None:
        """Empty every history."""
        print("clear")
        for data in self.variables.values():
            data.clear()

    clear = clear_recorder

    def cut_length(self, length: int) -> None:
        """Keep only the newest ``length`` samples of each variable."""
        for data in self.variables.values():
            data.trim(int(length))

    def swaped(self, name: str) -> np.ndarray:
        return np.swapaxes(np.array(self.variables[name]), 0, 1)

    def get_state(self) -> dict[str, np.ndarray]:
        """All recorded data as arrays (for saving)."""
        return {variable: data.to_array() for variable, data in self.variables.items()}

    def set_state(self, state: dict[str, np.ndarray | list[np.ndarray]]) -> None:
        """Restore data saved by :meth:`get_state` (or a list of :meth:`segments` per variable)."""
        for variable, data in state.items():
            if variable not in self.variables:
                self.add_variables([variable])
            if isinstance(data, list):
                self.variables[variable].restore_segments(data)
            else:
                self.variables[variable].restore(data)

    def segments(self, variable: str) -> list[np.ndarray]:
        """The samples of ``variable`` as one array per run of one shape (see :class:`Series`): the
        way to read a variable whose shape changed mid-run."""
        found = self._match_variable(variable)
        if found is None:
            raise KeyError(f"{type(self).__name__} '{self.tags[0]}' records no {variable!r}")
        return self.variables[found].segments()

    def sample_shape(self, variable: str) -> tuple[int, ...] | None:
        """The shape of the newest sample of ``variable`` (None: no samples or not recorded)."""
        series = self.variables.get(variable)
        if series is None or not len(series):
            return None
        return tuple(np.shape(series[-1]))


class EventRecorder(Recorder):
    """Records the indices of non-zero entries as rows ``[iteration, index]``.

    ``net['spike']`` gives the ``(events, 2)`` array, ``net['spike.t']`` the times (1-based
    iterations) and ``net['spike.i']`` the neuron indices. Errors in the expression propagate.
    """

    # An EventTable per expression instead of a Series: the methods that use the storage are
    # overridden below, so Recorder's own never see an EventTable.
    variables: dict[str, EventTable]  # type: ignore[assignment]

    def _new_storage(self) -> EventTable:  # type: ignore[override]
        return EventTable()

    def _record(self, parent: BehaviorParent) -> None:
        t = parent.iteration
        for index, (variable, table) in enumerate(self.variables.items()):
            value = self._evaluate(index, variable, parent)
            try:
                table.add(t, value)
            except RecordingShapeError as error:
                where = f"{type(self).__name__} '{self.tags[0]}' of '{parent.tags[0]}'"
                raise RecordingShapeError(f"{where}, variable {variable!r}: {error}") from None
        self.new_data_available = True

    def reserve(self, iterations: int) -> None:
        """Event counts are not known ahead; the tables grow geometrically instead."""

    def _expose(self, variable: str) -> np.ndarray:
        return self.variables[variable].data

    def find_objects(self, key: object) -> list[Any]:
        if not isinstance(key, str) or not self.variables:
            return []
        variable = self._match_variable(key)
        if variable is not None:
            return [self._expose(variable)]
        if key.endswith(".t") or key.endswith(".i"):
            variable = self._match_variable(key[:-2])
            if variable is not None:
                column = 0 if key.endswith(".t") else 1
                return [self.variables[variable].data[:, column]]
        return []

    def cut_length(self, length: int) -> None:
        """Keep the events of the newest ``length`` iterations."""
        if self.parent is None:
            return
        oldest = self.parent.iteration - int(length)
        for table in self.variables.values():
            data = table.data
            if data.shape[0] and data[0, 0] <= oldest:
                cut = int(np.searchsorted(data[:, 0], oldest, side="right"))
                table.trim_rows(data.shape[0] - cut)

    def swaped(self, name: str) -> np.ndarray:
        return np.swapaxes(self.variables[name].data, 0, 1)

    def get_state(self) -> dict[str, np.ndarray]:
        return {variable: table.data.copy() for variable, table in self.variables.items()}
