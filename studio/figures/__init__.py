"""The Figures dock: the rest of a script (after its ``simulate_iterations``) and the figures it draws.

:class:`~studio.figures.analysis.AnalysisRun` runs the rest once the requested iterations have run,
in the runner between two iterations; :class:`~studio.figures.panel.FiguresPanel` shows its
matplotlib figures, one tab each, exportable as PNG or SVG.
"""
