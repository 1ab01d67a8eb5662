"""PymoNNto 3.0.6's ``PymoNNto.NetworkBehavior.Recorder.Recorder`` module: EventRecorder, Recorder from
:mod:`engine`.
"""

import copy

import PymoNNto.NetworkCore.Behavior as _behavior
from engine import EventRecorder, Recorder
from PymoNNto._shim import export as _export

_export(globals(), _behavior)
