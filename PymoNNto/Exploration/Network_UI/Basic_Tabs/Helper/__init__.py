"""PymoNNto 3.0.6's ``PymoNNto.Exploration.Network_UI.Basic_Tabs.Helper`` package: its submodules
(nothing of its own, as in PymoNNto).
"""
