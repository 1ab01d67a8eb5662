"""Local to tests/engine/sweep/: one LocalCluster of two worker processes for the module's Dask tests,
and small scripts written into ``tmp_path``."""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

#: a script whose behavior misbehaves on demand: ``my_neurons.Trouble.mode`` 0 fine, 1 raises at
#: iteration 5, 2 kills its own process at iteration 5 (a worker that dies)
TROUBLE = """
import os, signal
from PymoNNto import *

class Trouble(Behavior):
    def initialize(self, neurons):
        self.mode = 0
        neurons.voltage = neurons.vector()

    def iteration(self, neurons):
        neurons.voltage += neurons.vector("uniform")
        if self.mode == 1 and neurons.iteration == 5:
            raise ValueError("trouble at five")
        if self.mode == 2 and neurons.iteration == 5:
            os.kill(os.getpid(), signal.SIGKILL)

net = Network()
NeuronGroup(net=net, tag="my_neurons", size=10, behavior={1: Trouble(), 2: Recorder(["np.mean(voltage)"])})
net.initialize()
net.simulate_iterations(50)
"""


@pytest.fixture(scope="module")
def dask_client() -> Iterator[Any]:
    """A client on a LocalCluster of 2 worker processes (one thread each), closed after the module."""
    pytest.importorskip("distributed")
    from engine.sweep.cluster import open_client

    with open_client(workers=2) as (client, _info):
        yield client


@pytest.fixture
def write_text(tmp_path: Path) -> Callable[[str, str], Path]:
    """``write_text(name, source)`` -> a file in ``tmp_path`` (the source dedented)."""

    def write(name: str, source: str) -> Path:
        path = tmp_path / name
        path.write_text(textwrap.dedent(source), encoding="utf-8")
        return path

    return write


@pytest.fixture
def trouble_script(write_text: Callable[[str, str], Path]) -> Path:
    return write_text("trouble.py", TROUBLE)
