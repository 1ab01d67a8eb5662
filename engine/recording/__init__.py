"""Recorder and EventRecorder, their preallocated series and the fast reductions they use."""
