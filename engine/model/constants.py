"""Constants user scripts use: synapse directions, matrix layouts, dtypes and colours."""

import numpy as np

afferent = pre = preSynaptic = dendrite = 0
efferent = post = postSynaptic = axon = 1

#: synapse matrix layouts: DxS (rows = destination neurons, the default) or SxD
SxD = 0
DxS = 1

float32 = np.float32
float64 = np.float64

# RGBA colours on a 0-255 scale
blue = (0.0, 0.0, 255.0, 255.0)
red = (255.0, 0.0, 0.0, 255.0)
green = (0.0, 200.0, 0.0, 255.0)
yellow = (255.0, 255.0, 0.0, 255.0)
purple = (255.0, 0.0, 255.0, 255.0)
aqua = (0.0, 255.0, 255.0, 255.0)
orange = (255.0, 150.0, 0.0, 255.0)
black = (0.0, 0.0, 0.0, 255.0)
white = (255.0, 255.0, 255.0, 255.0)
