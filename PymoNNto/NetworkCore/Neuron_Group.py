"""PymoNNto 3.0.6's ``PymoNNto.NetworkCore.Neuron_Group`` module: NeuronGroup, afferent, aqua, axon,
black, blue, dendrite, efferent, green, orange, post, postSynaptic, pre, preSynaptic, purple, red,
white, yellow from :mod:`engine`; NeuronSubGroup from :mod:`engine.compat.pymonnto_names`.
"""

import copy

import PymoNNto.NetworkBehavior.Recorder.Recorder as _recorder
import PymoNNto.NetworkCore.Base_Attachable_Modules as _base_attachable_modules
from engine import (
    NeuronGroup,
    afferent,
    aqua,
    axon,
    black,
    blue,
    dendrite,
    efferent,
    green,
    orange,
    post,
    postSynaptic,
    pre,
    preSynaptic,
    purple,
    red,
    white,
    yellow,
)
from engine.compat.pymonnto_names import NeuronSubGroup
from PymoNNto._shim import export as _export

_export(globals(), _base_attachable_modules, _recorder)
