"""A PymoNNto path that does not exist names the closest ones that do.

:func:`install` appends a finder to ``sys.meta_path``; being last, it is asked only after the
normal import of a ``PymoNNto.`` module found nothing, and then raises ``ModuleNotFoundError``
whose message gives the 3.x spelling of a 2.x path (``NetworkBehaviour`` -> ``NetworkBehavior``)
or the closest existing paths (difflib). The existing paths are the modules of this package,
which are PymoNNto 3.0.6's paths.
"""

import difflib
import importlib.abc
import sys
from functools import cache
from pathlib import Path

PACKAGE = "PymoNNto"
_NOT_HERE = {f"{PACKAGE}.test_pymoNNto": "PymoNNto's own test file is not part of mnn-studio"}


@cache
def module_paths() -> tuple[str, ...]:
    """Every PymoNNto module path this package provides (private helpers excluded)."""
    root = Path(__file__).resolve().parent
    paths = []
    for file in root.rglob("*.py"):
        parts = list(file.relative_to(root).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        if any(part.startswith("_") for part in parts):
            continue
        paths.append(".".join([PACKAGE, *parts]))
    return tuple(sorted(paths))


def _or_list(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


def _deepest_existing_parent(fullname: str, known: tuple[str, ...]) -> str:
    parent = fullname.rpartition(".")[0]
    while parent and parent not in known:
        parent = parent.rpartition(".")[0]
    return parent or PACKAGE


def suggestion(fullname: str) -> str:
    """Why ``fullname`` does not exist and what to import instead."""
    known = module_paths()
    if fullname in _NOT_HERE:
        return _NOT_HERE[fullname]
    fixed = fullname.replace("Behaviour", "Behavior")
    if fixed != fullname and fixed in known:
        return (
            f"'Behaviour' is PymoNNto 2.x's spelling; PymoNNto 3.x spells it {fixed} "
            "(write 'Behavior' everywhere in the path)"
        )
    same_case = [p for p in known if p.lower() == fullname.lower()]
    if same_case:
        return f"did you mean {same_case[0]}? (module paths are case-sensitive)"
    parent = _deepest_existing_parent(fullname, known)
    leaf = fullname[len(parent) + 1 :].partition(".")[0]
    children = [p for p in known if p.rpartition(".")[0] == parent]
    by_leaf = {p.rpartition(".")[2].lower(): p for p in children}
    close = [by_leaf[c] for c in difflib.get_close_matches(leaf.lower(), list(by_leaf), n=3, cutoff=0.7)]
    close += [p for p in known if p.rpartition(".")[2].lower() == leaf.lower() and p not in close]
    if close:
        return f"did you mean {_or_list(close)}?"
    shown = ", ".join(p.rpartition(".")[2] for p in children[:12]) + (", ..." if len(children) > 12 else "")
    return f"PymoNNto 3.0.6 has no such module; {parent} holds: {shown}"


class PymoNNtoPathFinder(importlib.abc.MetaPathFinder):
    """Turns a failed import of a ``PymoNNto.`` path into an error that names the right path."""

    def find_spec(self, fullname: str, path: object = None, target: object = None) -> None:
        if not fullname.startswith(PACKAGE + "."):
            return None
        message = f"No module named {fullname!r}: {suggestion(fullname)}"
        raise ModuleNotFoundError(message, name=fullname)


def install() -> None:
    """Append the finder to ``sys.meta_path`` once."""
    if not any(isinstance(finder, PymoNNtoPathFinder) for finder in sys.meta_path):
        sys.meta_path.append(PymoNNtoPathFinder())
