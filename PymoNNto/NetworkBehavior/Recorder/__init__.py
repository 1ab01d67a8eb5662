"""PymoNNto 3.0.6's ``PymoNNto.NetworkBehavior.Recorder`` package: its submodules (nothing of its own,
as in PymoNNto).
"""
