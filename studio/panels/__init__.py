"""Small side panels: network tree, run controls, error panel, status bar."""
