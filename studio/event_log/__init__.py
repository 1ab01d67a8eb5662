"""The Event log dock: every command the runner applied, at the iteration it took effect."""
