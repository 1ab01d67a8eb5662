"""PymoNNto's ``Exploration.HelperFunctions``: synapse matrices of partitioned groups, temporal
reconstruction, ever-finer grids, pickled network snapshots and the behavior test environment.

Each submodule is one of PymoNNto's files; the names are collected in
:mod:`engine.compat.pymonnto_names`.
"""
