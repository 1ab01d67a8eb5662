"""A tab that plots the group's mean voltage over the last 500 iterations."""

from PymoNNto.Exploration.Network_UI.TabBase import *


class MeanVoltageTab(TabBase):
    def __init__(self, title="Mean voltage"):
        super().__init__(title)

    def add_recorder_variables(self, group, Network_UI):
        Network_UI.add_recording_variable(group, "np.mean(voltage)", timesteps=500)

    def initialize(self, Network_UI):
        self.page = Network_UI.Next_Tab(self.title)
        self.curve = Network_UI.Add_plot_curve(x_label="iteration", y_label="mean voltage")

    def update(self, Network_UI):
        if self.page.isVisible():
            values = Network_UI.network["np.mean(voltage)", 0, "np"][-500:]
            iterations = Network_UI.network["iteration", 0, "np"][-500:]
            self.curve.setData(iterations, values)
