"""PymoNNto's exploration tools. :mod:`PymoNNto.Exploration.Network_UI` opens a network in the
mnn-studio window (or hands it over to the studio when a script is being loaded)."""
