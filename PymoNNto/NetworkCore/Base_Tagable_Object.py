"""PymoNNto 3.0.6's ``PymoNNto.NetworkCore.Base_Tagable_Object`` module: TaggableObjectBase from
:mod:`engine`.
"""

# ruff: noqa: F401

import numpy as np

from engine import TaggableObjectBase
