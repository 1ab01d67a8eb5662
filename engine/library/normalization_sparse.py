"""Normalization of weights stored as scipy sparse matrices (PymoNNto's Normalization_Sparse).

scipy is not imported here: a weight matrix can only be a scipy sparse matrix once the script
imported scipy, and the function only calls the matrix's own methods.
"""

from __future__ import annotations

import sys
from typing import Any

import numpy as np

from engine.model.constants import afferent

__all__ = ["normalize_synapse_attr_sparse"]


def normalize_synapse_attr_sparse(
    src_attr: str, target_attr: str, target_value: Any, neurons: Any, synapse_type: str
) -> None:
    """Row-normalize the afferent ``synapse_type`` weights, sparse (tag ``'sparse'``) or dense.

    Unlike :func:`~engine.library.normalization.normalize_synapse_attr` the sums are of the plain
    values (no ``abs``) and a sparse row summing to zero is not protected, as in PymoNNto. Sparse
    values are divided in place (``W.data``). For CSC matrices (whose ``indices`` are the rows) this
    is PymoNNto's formula exactly; CSR and COO rows are found from their own index arrays (PymoNNto
    3.0.6 divides a CSR value by the sum of the row numbered like its column).
    """
    incoming = neurons.synapses(afferent, synapse_type) or []
    neurons.temp_weight_sum = neurons.vector()
    for s in incoming:
        values = getattr(s, src_attr)
        if _is_sparse(s, values):
            s.dst.temp_weight_sum += np.asarray(values.sum(1)).ravel()
        else:
            s.dst.temp_weight_sum += np.sum(values, axis=1)
    sums = neurons.temp_weight_sum
    sums /= target_value
    for s in incoming:
        weights = getattr(s, target_attr)
        if _is_sparse(s, weights):
            weights.data /= sums[_row_index(weights, s)].reshape(weights.data.shape)
        else:
            column = s.dst.temp_weight_sum[:, None]
            setattr(s, target_attr, weights / (column + (column == 0)))


def _is_sparse(s: Any, values: Any) -> bool:
    if "sparse" in s.tags:
        return True
    scipy_sparse = sys.modules.get("scipy.sparse")
    return scipy_sparse is not None and bool(scipy_sparse.issparse(values))


def _row_index(weights: Any, s: Any) -> np.ndarray:
    layout = getattr(weights, "format", None)
    if layout == "csc":
        return np.asarray(weights.indices)
    if layout == "csr":
        return np.repeat(np.arange(weights.shape[0]), np.diff(weights.indptr))
    if layout == "coo":
        return np.asarray(weights.row)
    raise TypeError(
        f"normalize_synapse_attr_sparse: synapse group '{s.tags[0]}' is tagged 'sparse' but its weights "
        f"are {type(weights).__name__} (format {layout!r}); use a scipy csc, csr or coo matrix"
    )
