"""Equation: one explicit Euler step of ``dv/dt = f(...)`` per iteration (PymoNNto's Equation).

``Equation(eq='dv/dt=(0*mV-v)/tau')`` on a group with a :class:`~.clock.Clock` and the
:class:`~.variables.Variable` behaviors ``v`` and ``tau`` (smaller keys) computes, at every step,
``n.v_new = n.v + (f) * dt`` with ``dt`` the clock's step in seconds; the ``Variable`` of ``v``
copies ``v_new`` into ``v`` at the next step. Names of the right-hand side that are attributes of
the group when the Equation is initialized read from the group (``n.tau``); units are taken out
(:func:`~.helper.remove_units`); ``np`` and sympy's unit names are there too.
"""

from __future__ import annotations

import ast
import builtins
from typing import Any

from engine.library.equations.helper import eq_split, remove_units, unit_namespace
from engine.library.expressions import compile_function
from engine.model.behavior import Behavior
from engine.model.introspection import MISSING, instance_attributes, own_attribute
from engine.model.neuron_group import NeuronGroup

__all__ = ["Equation"]


class Equation(Behavior):
    """``eq='dv/dt=...'`` integrated with the group's clock (see the module).

    After ``initialize``, ``evaluation`` is the Python expression stepped (e.g.
    ``'n.v+((0-n.v)/n.tau)*0.0001'``) and ``variable`` the integrated name.
    """

    def initialize(self, neurons: NeuronGroup) -> None:
        self.add_tag("EquationModule")
        self.step_size = self.parameter("step_size", "1*ms", neurons)
        eq = self.parameter("eq", None)
        if eq is None:
            raise ValueError("Equation: give the equation as eq='dv/dt=...', e.g. eq='dv/dt=(0*mV-v)/tau'")
        parts = eq_split(eq)
        if not (len(parts) > 4 and parts[0][:1] == "d" and parts[1:4] == ["/", "dt", "="]):
            raise ValueError(f"Equation(eq={eq!r}): expected 'dX/dt=<expression>', e.g. 'dv/dt=(0*mV-v)/tau'")
        self.variable = parts[0][1:]
        if not self.variable.isidentifier():
            raise ValueError(f"Equation(eq={eq!r}): {self.variable!r} is not a variable name")
        attributes = instance_attributes(neurons)
        for i in range(4, len(parts)):
            if parts[i] in attributes:
                parts[i] = "n." + parts[i]
        parts = remove_units(parts, 4)
        step = _clock_step(neurons)
        self.evaluation = f"n.{self.variable}+({''.join(parts[4:])})*{step}"
        self.compiled_evaluation = compile(self.evaluation, "<string>", "eval")
        namespace = unit_namespace()
        _check_names(self.evaluation, namespace, eq)
        self._step = compile_function(self.evaluation, ("n", "self"), f"Equation {eq!r}", namespace)
        self._new_name = self.variable + "_new"

    def iteration(self, n: Any) -> None:
        setattr(n, self._new_name, self._step(n, self))


def _clock_step(neurons: NeuronGroup) -> float:
    for holder in (neurons, getattr(neurons, "network", None)):
        step: Any = own_attribute(holder, "clock_step_size") if holder is not None else MISSING
        if step is not MISSING:
            return float(step)
    raise ValueError(
        f"Equation on '{neurons.tags[0]}': no clock; add Clock(step='0.1*ms') to the group (or the "
        "network) with a smaller key than the Equation's"
    )


def _check_names(expression: str, namespace: dict[str, Any], eq: str) -> None:
    """Every bare name of ``expression`` must be ``n``, ``self``, a unit/np name or a builtin."""
    known = set(namespace) | {"n", "self"} | set(dir(builtins))
    for node in ast.walk(ast.parse(expression, mode="eval")):
        if isinstance(node, ast.Name) and node.id not in known:
            raise ValueError(
                f"Equation(eq={eq!r}): {node.id!r} is not an attribute of the group when the Equation is "
                f"initialized; create it first, e.g. with Variable(eq='{node.id}=...') under a smaller key"
            )
