"""Equation-defined behaviors (PymoNNto's EulerEquationModules): Clock, Variable, Equation.

sympy (the unit parser) is imported when the first of them is initialized, not on import.
"""

from engine.library.equations.clock import Clock
from engine.library.equations.equation import Equation
from engine.library.equations.helper import eq_split, myUnits, remove_units
from engine.library.equations.variables import Syn_Variable, Variable

__all__ = ["Clock", "Equation", "Variable", "Syn_Variable", "eq_split", "remove_units", "myUnits"]
