"""PymoNNto 3.0.6's ``PymoNNto.NetworkCore`` package: its submodules (nothing of its own, as in PymoNNto)."""
