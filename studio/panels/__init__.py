"""Side panels: network tree, run controls, error panel, status bar."""
