"""Split a script at its first top-level ``simulate_iterations`` call: build, then the rest.

A PymoNNto script builds a network, simulates it, then analyses and plots the results. In the
studio the simulation is deferred (the runner runs it, live), so the code after it must wait for
the iterations. :func:`split_script` cuts the module's statements after the statement that holds
the first ``simulate_iterations`` call:

* a simple statement at top level (``net.simulate_iterations(1000)``, ``t = net.simulate_iterations(
  1000, measure_block_time=True)``): the head is everything up to and including it, the rest is what
  follows;
* the same inside ``if __name__ == '__main__':`` (always true in build mode): the cut goes through the
  block (the rest of its body, then the statements after it);
* inside a loop, a function that is called, ``with``, ``try`` or another ``if``: no cut
  (:attr:`ScriptSplit.note` says why); the script then runs whole, as in plain build mode;
* no cut either when the code after the call uses ``Network_UI`` (its ``.show()`` hands the network
  and the tabs to the studio, which needs them at load time); the note says so.

Function and class definitions are skipped: their bodies run only when called. Both parts are
compiled with the script's file name and keep their line numbers, so tracebacks point at the right
lines; ``from __future__`` imports apply to both.
"""

from __future__ import annotations
import __future__

import ast
import types
from dataclasses import dataclass
from typing import TypeGuard

__all__ = ["ScriptSplit", "split_script", "SIMULATE_NAMES"]

#: Method names whose call is deferred in build mode.
SIMULATE_NAMES = frozenset({"simulate_iterations"})

#: Names whose use after the cut keeps the script whole: ``Network_UI(net).show()`` hands the
#: network to the studio, which must know it when the script is loaded.
UI_NAMES = frozenset({"Network_UI"})

_DEFINITIONS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)
_KINDS = {
    ast.For: "a for loop",
    ast.AsyncFor: "a for loop",
    ast.While: "a while loop",
    ast.If: "an if block",
    ast.With: "a with block",
    ast.AsyncWith: "a with block",
    ast.Try: "a try block",
    ast.TryStar: "a try block",
    ast.Match: "a match statement",
}


@dataclass
class ScriptSplit:
    """The two parts of a script (see the module docstring).

    Attributes
    ----------
    head: the code that builds (and holds the simulate call); the whole script when not cut.
    rest: the code after the cut, or None (not cut, or nothing follows the call).
    rest_first_line / rest_last_line: lines of the rest in the script (0 when there is none).
    simulate_line: line of the statement holding the first simulate call (0: none at top level).
    note: why the rest could not be deferred ("" when it was, or when there is no call).
    """

    head: types.CodeType
    rest: types.CodeType | None = None
    rest_first_line: int = 0
    rest_last_line: int = 0
    simulate_line: int = 0
    note: str = ""


def _calls_simulate(node: ast.AST) -> bool:
    return any(
        isinstance(sub, ast.Call) and isinstance(sub.func, ast.Attribute) and sub.func.attr in SIMULATE_NAMES
        for sub in ast.walk(node)
    )


def _is_main_guard(node: ast.stmt) -> TypeGuard[ast.If]:
    if not isinstance(node, ast.If) or not isinstance(node.test, ast.Compare):
        return False
    test = node.test
    if len(test.ops) != 1 or not isinstance(test.ops[0], ast.Eq):
        return False
    sides = [test.left, test.comparators[0]]
    names = [s for s in sides if isinstance(s, ast.Name) and s.id == "__name__"]
    consts = [s for s in sides if isinstance(s, ast.Constant) and s.value == "__main__"]
    return len(names) == 1 and len(consts) == 1


def _cut(body: list[ast.stmt]) -> tuple[list[ast.stmt], list[ast.stmt], int, str] | None:
    """(head, rest, line of the call's statement, note) for ``body``; None without a call."""
    for i, node in enumerate(body):
        if isinstance(node, _DEFINITIONS) or not _calls_simulate(node):
            continue
        if _is_main_guard(node) and _calls_simulate(ast.Module(body=node.body, type_ignores=[])):
            inner = _cut(node.body)
            if inner is None or inner[3]:
                return body, [], node.lineno, inner[3] if inner else ""
            guard = ast.copy_location(ast.If(test=node.test, body=inner[0], orelse=[]), node)
            return body[:i] + [guard], inner[1] + body[i + 1 :], inner[2], ""
        kind = _KINDS.get(type(node))
        if kind is not None:
            note = (
                f"simulate_iterations is called inside {kind} (line {node.lineno}): the code after it "
                "ran at once while the script was loaded, before any iteration; it could not be "
                "deferred until the iterations have run"
            )
            return body, [], node.lineno, note
        return body[: i + 1], body[i + 1 :], node.lineno, ""
    return None


def _hands_over(body: list[ast.stmt]) -> int:
    """Line of the first mention of ``Network_UI`` in ``body`` (0: none)."""
    for node in body:
        for sub in ast.walk(node):
            if (isinstance(sub, ast.Name) and sub.id in UI_NAMES) or (
                isinstance(sub, ast.Attribute) and sub.attr in UI_NAMES
            ):
                return int(getattr(sub, "lineno", node.lineno))
    return 0


def _future_flags(tree: ast.Module) -> int:
    flags = 0
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.module == "__future__":
            for alias in node.names:
                feature = getattr(__future__, alias.name, None)
                flags |= getattr(feature, "compiler_flag", 0)
    return flags


def split_script(source: str | bytes, path: str) -> ScriptSplit:
    """Cut ``source`` (the script at ``path``) after its first top-level simulate call.

    Raises SyntaxError / ValueError like :func:`compile` for a script that does not compile.
    """
    tree = ast.parse(source, path)
    found = _cut(tree.body)
    if found is None:
        return ScriptSplit(compile(tree, path, "exec", dont_inherit=True))
    head, rest, line, note = found
    ui_line = _hands_over(rest)
    if ui_line:
        note = (
            f"the code after simulate_iterations (line {line}) opens Network_UI (line {ui_line}): it ran "
            "at once while the script was loaded (so the studio shows the network it hands over), "
            "before any iteration"
        )
        return ScriptSplit(compile(tree, path, "exec", dont_inherit=True), simulate_line=line, note=note)
    flags = _future_flags(tree)
    head_code = compile(ast.Module(body=head, type_ignores=[]), path, "exec", flags, dont_inherit=True)
    if not rest:
        return ScriptSplit(head_code, simulate_line=line, note=note)
    rest_code = compile(ast.Module(body=rest, type_ignores=[]), path, "exec", flags, dont_inherit=True)
    last = max(getattr(node, "end_lineno", None) or node.lineno for node in rest)
    return ScriptSplit(head_code, rest_code, rest[0].lineno, last, line, "")
