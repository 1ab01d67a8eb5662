"""Variable and Syn_Variable: state variables of equation behaviors, set from 'name=value' strings."""

from __future__ import annotations

from typing import Any

from engine.library.equations.helper import eq_split, remove_units, unit_namespace
from engine.library.expressions import compile_function
from engine.model.behavior import Behavior
from engine.model.neuron_group import NeuronGroup
from engine.model.synapse_group import SynapseGroup

__all__ = ["Variable", "Syn_Variable"]


def _parse(behavior: Behavior) -> tuple[str, str]:
    """``(name, initial-value expression)`` of ``eq='name=value'``, units taken out."""
    owner = type(behavior).__name__
    eq = behavior.parameter("eq", None)
    if eq is None:
        raise ValueError(f"{owner}: give the variable as eq='name=value', e.g. eq='v=1*mV'")
    parts = eq_split(eq)
    if len(parts) < 3 or parts[1] != "=" or not parts[0].isidentifier():
        raise ValueError(f"{owner}(eq={eq!r}): expected 'name=value', e.g. 'v=1*mV' or 'tau=100*ms'")
    name = parts[0]
    value = "".join(remove_units(parts, 2)[2:])
    if not value:
        raise ValueError(f"{owner}(eq={eq!r}): the value after '=' is missing")
    return name, value


class Variable(Behavior):
    """``eq='v=1*mV'``: create ``neurons.v`` and ``neurons.v_new`` (one value per neuron).

    The value is an expression of ``n`` (the group) with units (``'n.vector("uniform")*0.1*mV'``),
    evaluated once for each of the two arrays. At every step ``v`` takes the value an
    :class:`~engine.library.equations.equation.Equation` left in ``v_new``.
    """

    def initialize(self, neurons: NeuronGroup) -> None:
        self.var_name, self.var_init = _parse(self)
        self.add_tag("Variable " + self.var_name)
        value = compile_function(
            self.var_init, ("n", "neurons", "self"), f"Variable {self.var_name}", unit_namespace()
        )
        setattr(neurons, self.var_name, neurons.vector() + value(neurons, neurons, self))
        setattr(neurons, self.var_name + "_new", neurons.vector() + value(neurons, neurons, self))
        self._new_name = self.var_name + "_new"

    def iteration(self, n: Any) -> None:
        setattr(n, self.var_name, getattr(n, self._new_name))


class Syn_Variable(Behavior):
    """The synapse-group counterpart of :class:`Variable`: ``eq='w=s.matrix("uniform")*0.01'``.

    The value is an expression of ``s`` (the synapse group); the arrays have the matrix's shape.
    """

    def initialize(self, synapse: SynapseGroup) -> None:
        self.var_name, self.var_init = _parse(self)
        self.add_tag("Syn_Variable " + self.var_name)
        value = compile_function(
            self.var_init, ("s", "synapse", "self"), f"Syn_Variable {self.var_name}", unit_namespace()
        )
        setattr(synapse, self.var_name, synapse.matrix() + value(synapse, synapse, self))
        setattr(synapse, self.var_name + "_new", synapse.matrix() + value(synapse, synapse, self))
        self._new_name = self.var_name + "_new"

    def iteration(self, s: Any) -> None:
        setattr(s, self.var_name, getattr(s, self._new_name))
