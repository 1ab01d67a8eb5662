"""The studio as a workbench: File menu entries for state files, recording exports and figures,
exports of every view, and the recorders' memory in the status bar.

``studio.workbench.file_actions.install_file_actions(window, file_menu)`` puts it all in place.
(This package imports nothing itself: ``studio.views.base`` imports one of its modules.)
"""
