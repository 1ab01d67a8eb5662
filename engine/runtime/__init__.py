"""The thread that steps a network: the Runner and its worker, commands applied between two
iterations, the event log, live watches, tag paths, progress and step errors."""
