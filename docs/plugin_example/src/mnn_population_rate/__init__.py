"""An example mnn-studio plug-in: the population firing rate view."""
