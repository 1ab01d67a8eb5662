"""Files: loading PymoNNto scripts in build mode, saving and loading network state, exporting
recordings."""
