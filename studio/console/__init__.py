"""The embedded IPython console (qtconsole, in-process kernel) bound to the live network, the
``studio`` helper object, and the guard that runs cells between two iterations."""
