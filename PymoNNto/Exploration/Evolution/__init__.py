"""PymoNNto 3.0.6's ``PymoNNto.Exploration.Evolution`` package: its submodules (nothing of its own, as
in PymoNNto).
"""
