"""PymoNNto 3.0.6's ``PymoNNto.Exploration.Evolution.Interface_Functions`` module: cast_to_default,
execute_local_file, gene, get_evo_generation, get_evo_id, get_evo_name, get_gene, get_gene_file,
get_gene_mode, get_genome, is_evolution_mode, set_genome, set_score, update_evolution_parameters from
:mod:`engine`.
"""

import os
import sys

from engine import (
    cast_to_default,
    execute_local_file,
    gene,
    get_evo_generation,
    get_evo_id,
    get_evo_name,
    get_gene,
    get_gene_file,
    get_gene_mode,
    get_genome,
    is_evolution_mode,
    set_genome,
    set_score,
    update_evolution_parameters,
)
