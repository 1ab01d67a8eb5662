"""PymoNNto 3.0.6's ``PymoNNto.NetworkCore.Base_Tagable_Object`` module: TaggableObjectBase from
:mod:`engine`.
"""

import numpy as np

from engine import TaggableObjectBase
