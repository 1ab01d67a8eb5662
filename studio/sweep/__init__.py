"""Sweeps in the studio: the Run → Sweep… dialog and the Sweep dock (the runs go to Dask, off the GUI
thread; see :mod:`engine.sweep`)."""
