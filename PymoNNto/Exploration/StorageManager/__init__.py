"""PymoNNto 3.0.6's ``PymoNNto.Exploration.StorageManager`` package: its submodules (nothing of its
own, as in PymoNNto).
"""
