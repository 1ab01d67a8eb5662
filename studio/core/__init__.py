"""The studio's Qt-free core: the runner bridge, frame pacing, selection, introspection of the
network for the views, script loading and where resources live. Nothing here imports QtWidgets
(an import-linter contract checks it); QtCore signals are allowed."""
