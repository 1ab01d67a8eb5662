"""The console namespace (``net``, the groups under their tags, ``np``, ``studio``) and its banner."""

from __future__ import annotations

import builtins
import keyword
from typing import Any

import numpy as np

from engine.model.neuron_group import NeuronGroup
from engine.model.synapse_group import SynapseGroup
from studio.console.api import StudioAPI

__all__ = ["CORE_NAMES", "group_names", "build_namespace", "banner_text"]

#: Names the console always defines; a group whose tag is one of them is not bound under it.
CORE_NAMES = ("net", "np", "studio")


def group_names(net: Any, taken: tuple[str, ...] = CORE_NAMES) -> tuple[dict[str, Any], list[str]]:
    """Console names for the groups and synapse groups of ``net``.

    Each group is bound under its tag (the first one, the name the script gave it; the engine adds
    class-name tags such as ``'NeuronGroup'`` after it, which are never bound) when that tag is a valid
    identifier, not a keyword, not a builtin and not taken (first group wins). Returns
    ``(names, skipped)``; ``skipped`` lists tags that could not be bound (use ``net['tag', 0]``).
    """
    names: dict[str, Any] = {}
    skipped: list[str] = []
    for obj in net.NeuronGroups + net.SynapseGroups:
        tag = str(obj.tags[0])
        ok = (
            tag.isidentifier()
            and not keyword.iskeyword(tag)
            and not hasattr(builtins, tag)
            and tag not in taken
            and tag not in names
        )
        if ok:
            names[tag] = obj
        elif tag not in skipped:
            skipped.append(tag)
    return names, skipped


def build_namespace(
    studio: StudioAPI, extra: dict[str, Any] | None = None
) -> tuple[dict[str, Any], list[str]]:
    """The names pushed into the console: ``extra``, the groups, then ``net``, ``np``, ``studio``
    (which win over ``extra``). Returns ``(namespace, skipped tags)``."""
    ns: dict[str, Any] = dict(extra or {})
    skipped: list[str] = []
    runner = studio._runner
    if runner is not None:
        groups, skipped = group_names(runner.net, CORE_NAMES)
        ns.update(groups)
        ns["net"] = runner.net
    ns["np"] = np
    ns["studio"] = studio
    return ns, skipped


def _describe(obj: Any) -> str:
    kind = type(obj).__name__
    if isinstance(obj, SynapseGroup):
        return f"{kind} {obj.src.tags[0]} -> {obj.dst.tags[0]}"
    return f"{kind} ({obj.size} neurons)" if isinstance(obj, NeuronGroup) else kind


def banner_text(studio: StudioAPI, extra: dict[str, Any] | None = None) -> str:
    """The console banner (short: the dock is small): the bound names, ``studio``, the rules."""
    lines = [
        "mnn-studio console on the live network: a cell runs between two iterations (the simulation waits)."
    ]
    runner = studio._runner
    if runner is None:
        lines.append("  (no network loaded yet: net and the groups appear when one is)")
    else:
        net = runner.net
        lines.append(f"  {'net':<12} Network, iteration {net.iteration}")
        groups, skipped = group_names(net, CORE_NAMES)
        for name, obj in groups.items():
            lines.append(f"  {name:<12} {_describe(obj)}")
        if skipped:
            lines.append(f"  (not bound, use net[tag, 0]: {', '.join(skipped)})")
    lines.append(f"  {'np':<12} numpy")
    lines.append(
        f"  {'studio':<12} run() pause() step(n) run_for(n) set(path, v) enable(tag, on) group neuron"
    )
    lines.append(
        f"  {'':<12} runner load(p) save_state(p) load_state(p) export(p) note(t) events() restore()"
    )
    if extra:
        shown = ", ".join(sorted(k for k in extra if not k.startswith("_"))[:12])
        if shown:
            lines.append(f"  also: {shown}")
    lines.append(
        "Stop a cell: Interrupt button or Ctrl+C.  net.simulate_iterations(n) runs here, with progress."
    )
    return "\n".join(lines) + "\n"
