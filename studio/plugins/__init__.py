"""Tabs and views from outside the studio: PymoNNto's Network_UI tab API (custom ``TabBase`` tabs,
its default tab lists), tab modules loaded from a file, and views installed by entry point."""
