"""Small behaviors shared by the engine tests."""
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

