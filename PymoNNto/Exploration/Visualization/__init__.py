"""PymoNNto 3.0.6's ``PymoNNto.Exploration.Visualization`` package: its submodules (nothing of its own,
as in PymoNNto).
"""
