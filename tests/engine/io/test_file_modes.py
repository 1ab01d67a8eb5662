"""Files the engine writes atomically get a normal mode, not mkstemp's 0600."""

from __future__ import annotations

import os
import stat

from engine.io.files import atomic_write, new_file_mode
from engine.recording.series import EventTable, Series


def test_a_new_file_gets_0666_minus_the_umask_and_an_old_one_keeps_its_mode(tmp_path):
    target = tmp_path / "state.npz"
    atomic_write(str(target), lambda fh: fh.write(b"one"))
    assert stat.S_IMODE(os.stat(target).st_mode) == new_file_mode() != 0o600
    os.chmod(target, 0o640)
    atomic_write(str(target), lambda fh: fh.write(b"two"))
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o640 and target.read_bytes() == b"two"


def test_recorded_storage_knows_its_size_without_a_copy():
    series = Series()
    series.reserve(100)
    for k in range(10):
        series.append(float(k))
    assert series.nbytes >= 100 * 8 and series.nbytes == series.view().base.nbytes
    events = EventTable()
    assert events.nbytes == 0
    events.add(3, [True, False, True])
    assert events.nbytes > 0 and len(events) == 2
