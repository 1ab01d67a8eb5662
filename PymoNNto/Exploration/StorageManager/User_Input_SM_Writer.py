"""PymoNNto 3.0.6's ``PymoNNto.Exploration.StorageManager.User_Input_SM_Writer`` module.

PymoNNto's version starts a thread that echoes console input and sleeps ten seconds when it is
imported; here importing it starts nothing (``input_thread`` stays ``None``) and the listener
functions are placeholders.
"""

import sys
import threading
import time

from PymoNNto._unavailable import not_provided as _not_provided

_not_provided(
    globals(),
    why="PymoNNto's console listener for storage managers is not provided; save values with "
    "StorageManager.save_param",
    functions="start_SM_Listener terminate_listener",
)
exit_flag = False
input_thread = None
