"""Small behaviors shared by the engine tests and tests/bench/bench_runner.py."""

import numpy as np

from engine import Behavior


class Counter(Behavior):
    """Adds ``inc`` to ``neurons.count`` at every step."""

    def initialize(self, neurons):
        self.inc = self.parameter("inc", 1)
        neurons.count = neurons.vector()

    def iteration(self, neurons):
        neurons.count += self.inc


class Probe(Behavior):
    """Appends (name, phase) to a shared log."""

    def initialize(self, parent):
        self.name = self.parameter("name", "?")
        self.log = self.parameter("log", None)
        if self.log is not None:
            self.log.append((self.name, "init"))

    def iteration(self, parent):
        self.log.append((self.name, "step"))


class Empty(Behavior):
    def iteration(self, parent):
        pass


class Basic_Behavior(Behavior):
    """The seed's leaky threshold neuron (name kept: tests address ``g.Basic_Behavior.threshold``)."""

    def initialize(self, neurons):
        neurons.voltage = neurons.vector()
        self.threshold = 0.5
        self.density = self.parameter("density", 0.1)

    def iteration(self, neurons):
        neurons.spike = neurons.voltage > self.threshold
        neurons.voltage[neurons.spike] = 0.0
        neurons.voltage *= 0.9
        neurons.voltage += neurons.vector("uniform", density=self.density)


class Tiny(Behavior):
    """Many small numpy calls on 100-element arrays: the step holds the GIL almost all the time."""

    def initialize(self, neurons):
        self.a = np.random.rand(100)
        self.b = np.random.rand(100)
        self.calls = int(self.parameter("calls", 100))

    def iteration(self, neurons):
        a, b = self.a, self.b
        for _ in range(self.calls):
            np.multiply(a, 0.999, out=a)
            np.add(a, b, out=a)
            np.subtract(a, b, out=a)
            np.maximum(a, 0.0, out=a)
