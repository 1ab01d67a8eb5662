"""PymoNNto's evolution-tool interface: scores, evolution metadata and re-running a script.

PymoNNto's evolution runner starts a script with ``__evo_name__=...`` style arguments and reads
back the score it reports; these functions keep that contract for old scripts.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

from engine.model.genome import evolution_meta, set_genome

if TYPE_CHECKING:
    from engine.model.aliases import ParameterStore

__all__ = [
    "set_score",
    "get_gene_mode",
    "is_evolution_mode",
    "get_evo_name",
    "get_evo_id",
    "get_evo_generation",
    "get_gene_file",
    "execute_local_file",
    "update_evolution_parameters",
]


def set_score(score: float, info: dict[str, Any] | None = None, sm: ParameterStore | None = None) -> None:
    """Report an evolution score (stored, and saved through a StorageManager when given)."""
    evolution_meta()["score"] = score
    if sm is not None:
        sm.save_param("score", score)
        for key, value in (info or {}).items():
            sm.save_param(key, value)
    print("score:", score)


def get_gene_mode() -> bool:
    return bool(evolution_meta()["gene_mode"])


def is_evolution_mode() -> bool:
    return evolution_meta()["evo_name"] is not None


def get_evo_name() -> str | None:
    return evolution_meta()["evo_name"]


def get_evo_id() -> str | None:
    return evolution_meta()["evo_id"]


def get_evo_generation() -> str | None:
    return evolution_meta()["evo_generation"]


def get_gene_file() -> str | None:
    """The main script's path (what evolution tooling would re-run)."""
    main = sys.modules.get("__main__")
    return getattr(main, "__file__", None)


def execute_local_file(path: str, genome: dict[str, Any] | None = None) -> None:
    """Run a script file in a fresh namespace with the given genome."""
    if genome is not None:
        set_genome(genome)
    with open(path, encoding="utf-8") as handle:
        code = compile(handle.read(), path, "exec")
    exec(code, {"__name__": "__main__", "__file__": path})


def update_evolution_parameters(**kwargs: Any) -> None:
    """Set evolution metadata (evo_name, evo_id, evo_generation)."""
    meta = evolution_meta()
    for key, value in kwargs.items():
        meta[key] = value
