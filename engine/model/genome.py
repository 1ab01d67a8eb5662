"""The process-wide genome: gene values that behaviors read through ``[default#name]`` kwargs.

Evolution tooling starts a script with arguments such as ``threshold=0.6``; the script reads
them with ``get_gene('threshold', 0.5)`` or writes ``Behavior(threshold='[0.5#threshold]')``
and ``net.initialize()`` substitutes the gene value into the string.
"""

from __future__ import annotations

import contextlib
import re
import sys
from collections.abc import Iterator
from typing import Any

__all__ = [
    "set_genome",
    "get_genome",
    "get_gene",
    "gene",
    "reset_genome",
    "preset_genes",
    "substitute_genes",
    "format_gene",
    "cast_to_default",
    "evolution_meta",
]

_genome: dict[str, Any] = {}
_preset: dict[str, Any] = {}
_meta: dict[str, Any] = {
    "loaded": False,
    "evo_name": None,
    "evo_id": None,
    "evo_generation": None,
    "gene_mode": False,
    "score": None,
}

# a gene reference: '[default#name]' or '[name]'
_GENE_REF = re.compile(r"\[([^\[\]#]*)#([A-Za-z_]\w*)\]|\[([A-Za-z_]\w*)\]")


def _load_from_argv() -> None:
    if _meta["loaded"]:
        return
    _meta["loaded"] = True
    for arg in sys.argv[1:]:
        if arg == "__get_gene_mode__":
            _meta["gene_mode"] = True
            continue
        if arg.count("=") != 1:
            continue
        name, value = arg.split("=")
        if name in ("__evo_name__", "__evo_id__", "__evo_generation__"):
            _meta[name.strip("_")] = value
        elif name.isidentifier():
            _genome.setdefault(name, value)


def reset_genome() -> None:
    """Forget every gene and the evolution metadata (used between script loads); genes given to
    :func:`preset_genes` are put back."""
    _genome.clear()
    _genome.update(_preset)
    _meta.update(loaded=True, evo_name=None, evo_id=None, evo_generation=None, gene_mode=False, score=None)


@contextlib.contextmanager
def preset_genes(genes: dict[str, Any]) -> Iterator[None]:
    """While active, every :func:`reset_genome` (the one at the start of each script load too) starts
    from these genes: how a sweep or an evolution hands an individual's genes to a script."""
    previous = dict(_preset)
    _preset.clear()
    _preset.update(genes)
    try:
        yield
    finally:
        _preset.clear()
        _preset.update(previous)


def set_genome(genome: dict[str, Any]) -> None:
    """Replace the whole genome."""
    _load_from_argv()
    _genome.clear()
    _genome.update(genome)


def get_genome() -> dict[str, Any]:
    """The genome dict (live, not a copy)."""
    _load_from_argv()
    return _genome


def cast_to_default(value: Any, default: Any) -> Any:
    """``float(value)`` when the default is a number, else the value unchanged."""
    if isinstance(default, (int, float)) and not isinstance(default, bool):
        return float(value)
    return value


def get_gene(key: str, default: Any = None) -> Any:
    """The gene ``key``; a missing gene is inserted with ``default``."""
    _load_from_argv()
    if key not in _genome:
        _genome[key] = default
    return cast_to_default(_genome[key], default)


gene = get_gene


def format_gene(value: Any) -> str:
    """Gene value as text: 15 decimals with trailing zeros and dot stripped (1.0 -> '1')."""
    try:
        text = "%.15f" % float(value)
    except (TypeError, ValueError):
        return str(value)
    return text.rstrip("0").rstrip(".") if "." in text else text


def substitute_genes(text: str) -> str:
    """Replace every gene reference in ``text`` by its value; other brackets stay as they are."""
    _load_from_argv()

    def replace(match: re.Match[str]) -> str:
        default_text, name, bare = match.group(1), match.group(2), match.group(3)
        if bare is not None:
            if bare not in _genome:
                return match.group(0)
            return format_gene(_genome[bare])
        if name not in _genome:
            default = eval(default_text, {}) if default_text.strip() else None
            _genome[name] = default
        return format_gene(_genome[name])

    previous = None
    while previous != text:
        previous, text = text, _GENE_REF.sub(replace, text)
    return text


def evolution_meta() -> dict[str, Any]:
    """The evolution metadata of this process (read once from ``sys.argv``): ``evo_name``,
    ``evo_id``, ``evo_generation``, ``gene_mode``, ``score``."""
    _load_from_argv()
    return _meta
