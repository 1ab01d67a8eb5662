"""PymoNNto's ready-made analysis modules (``Exploration/AnalysisModules``): neuron classifications.

* :class:`Static_Classification` stores a classification given to it (``classes=`` array).
* :class:`Weight_Classifier_Pre` / :class:`Weight_Classifier_Post` cluster neurons by their weights
  (``syn_tag`` afferent synapses, default ``'EE'``, their ``W`` put together over partitions):
  the correlation matrix of the weight columns is clustered hierarchically (complete linkage,
  distance threshold ``max distance / sensitivity``). Running again maps the new class numbers
  onto the previous ones where they overlap most, so colours stay stable.

scipy is imported when a classifier runs. PymoNNto's ``get_cluster_matrix`` returns pandas
DataFrames; here it returns numpy arrays (the reordered correlation matrix and the order).
"""

from __future__ import annotations

import importlib
from typing import Any

import numpy as np

from engine.compat.helper_functions.synapses_and_weights import get_partitioned_synapse_matrix
from engine.model.analysis_module import AnalysisModule

__all__ = ["Static_Classification", "Classifier_base", "Weight_Classifier_Pre", "Weight_Classifier_Post"]


class Static_Classification(AnalysisModule):
    """A fixed classification: ``classes`` (one class number per neuron) stored under ``name``."""

    def initialize(self, neurons: Any) -> None:
        self.add_tag("classifier")
        self.name = self.parameter("name", super()._get_base_name_())
        self.save_result(self.name, self.parameter("classes", None))

    def _get_base_name_(self) -> str:
        return str(getattr(self, "name", type(self).__name__))


def _columns_correlation(data: np.ndarray) -> np.ndarray:
    """Pearson correlation between the columns (NaN where a column is constant), as pandas' corr()."""
    centred = data - data.mean(axis=0)
    spread = np.sqrt(np.sum(centred * centred, axis=0))
    with np.errstate(invalid="ignore", divide="ignore"):
        corr = (centred.T @ centred) / np.outer(spread, spread)
    corr = np.clip(corr, -1.0, 1.0)
    np.fill_diagonal(corr, np.where(spread > 0, 1.0, np.nan))
    return corr


def _match_classes(old: np.ndarray, new: np.ndarray) -> tuple[np.ndarray, dict[int, int]]:
    """Renumber ``new`` so that each class takes the old number it overlaps most (greedy)."""
    size = int(max(np.max(old), np.max(new))) + 1
    overlap = np.zeros((size, size))
    for old_class, new_class in zip(old.astype(int), new.astype(int)):
        overlap[old_class, new_class] += 1
    result = new.copy()
    mapping: dict[int, int] = {}
    for _ in range(int(np.max(new)) + 1):
        old_class, new_class = np.unravel_index(overlap.argmax(), overlap.shape)
        overlap[old_class, :] = -1
        overlap[:, new_class] = -1
        mapping[int(new_class)] = int(old_class)
        result[new == new_class] = old_class
    return result, mapping


class Classifier_base(AnalysisModule):
    """Hierarchical clustering of a data matrix's columns; override :meth:`get_data_matrix`."""

    def initialize(self, neurons: Any) -> None:
        self.add_tag("classifier")
        self.add_tag("cluster_matrix_classifier")
        self.corrMatrices: dict[Any, np.ndarray] = {}

    def get_data_matrix(self, neurons: Any) -> Any:
        """The matrix whose columns are clustered (override)."""
        return None

    def get_cluster_matrix(self, key: Any) -> tuple[np.ndarray, np.ndarray] | None:
        """The correlation matrix of result ``key`` ordered by class, and that order."""
        if key not in self.corrMatrices:
            print("module has to be executed first.")
            return None
        order = np.argsort(self.get_results()[key])
        return self.corrMatrices[key][np.ix_(order, order)], order

    def execute(self, neurons: Any, sensitivity: float = 2) -> np.ndarray:
        hierarchy = importlib.import_module("scipy.cluster.hierarchy")  # scipy only when run
        pdist = importlib.import_module("scipy.spatial.distance").pdist

        print("computing cluster classes...")
        data = self.get_data_matrix(neurons)
        if data is None:
            raise NotImplementedError(f"{type(self).__name__}: get_data_matrix(neurons) gives no data")
        data = np.asarray(data, dtype=float)
        rows = np.sum(data, axis=1) > 0
        self.update_progress(10)
        self.corrMatrix = _columns_correlation(data[rows])
        if not np.all(np.isfinite(self.corrMatrix)):
            raise ValueError(
                f"{type(self).__name__}: some columns of the data are constant over the rows with "
                "non-zero sums, so their correlation is undefined"
            )
        self.update_progress(40)
        self.corrMatrices[self.current_key] = self.corrMatrix
        distances = pdist(self.corrMatrix)
        self.update_progress(60)
        linkage = hierarchy.linkage(distances, method="complete")
        self.update_progress(70)
        result = hierarchy.fcluster(linkage, distances.max() / sensitivity, criterion="distance")
        self.update_progress(90)
        if self.current_key in self.result_storage:
            result, mapping = _match_classes(np.asarray(self.result_storage[self.current_key]), result)
            print("applied class mapping from old state (new_c:old_c)", mapping)
        return result


class Weight_Classifier_Post(Classifier_base):
    """Clusters the source neurons by their outgoing ``W`` (columns of the DxS matrix)."""

    def get_data_matrix(self, neurons: Any) -> Any:
        return get_partitioned_synapse_matrix(neurons, self.parameter("syn_tag", "EE"), "W")


class Weight_Classifier_Pre(Classifier_base):
    """Clusters the destination neurons by their incoming ``W`` (rows of the DxS matrix)."""

    def get_data_matrix(self, neurons: Any) -> Any:
        return get_partitioned_synapse_matrix(neurons, self.parameter("syn_tag", "EE"), "W").T
