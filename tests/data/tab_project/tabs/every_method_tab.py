"""A tab that uses every Network_UI method mnn-studio provides (new and old spellings)."""

from PymoNNto.Exploration.Network_UI.TabBase import *


class EveryMethodTab(TabBase):
    def __init__(self, title="Every method"):
        super().__init__(title)
        self.calls = []
        self.selected = []

    def add_recorder_variables(self, group, Network_UI):
        Network_UI.add_recording_variable(group, "voltage", timesteps=200)
        Network_UI.add_recording_variable(group, "np.mean(voltage)", timesteps=100)
        Network_UI.add_recording_variable(group, "np.mean(voltage)", timesteps=300)  # merged: 300 wins

    def initialize(self, Network_UI):
        self.page = Network_UI.add_tab(self.title)
        self.curves, self.plot = Network_UI.Add_plot_curve(
            "Two curves",
            return_plot=True,
            number_of_curves=2,
            lines=[0.5],
            names=["mean", "neuron"],
            legend=True,
            x_label="iteration",
            y_label="voltage",
        )
        Network_UI.Next_H_Block()
        self.image = Network_UI.Add_Image_Item(title="Voltage grid")
        plot = Network_UI.Add_plot(title="Old plot", x_label="x", y_label="y")
        self.old_curve = plot.add_curves()[0]
        self.label = Network_UI.Add_element(QLabel("iteration 0"))
        row = self.page.add_row()
        column = self.page.add_column()
        self.page.add_widget(QLabel("in a column"))
        new_plot = self.page.add_plot(title="New plot")
        self.new_curves = new_plot.add_curves(number_of_curves=3)
        self.text = new_plot.add_text("hello")
        self.new_image = self.page.add_plot().add_image()
        self.page.set_parent_layout(root=True)
        second = Network_UI.Next_Tab("Second page")
        self.second_curve = Network_UI.Add_plot_curve()
        self.button = QPushButton("select neuron 3")
        self.button.clicked.connect(lambda: Network_UI.select_neuron(Network_UI.network.NeuronGroups[0], 3))
        Network_UI.Add_Sidebar_Element([self.button, QLabel("sidebar")], percentages=[2, 1])
        Network_UI.Add_Sidebar_Spacing()
        self.side_curve = Network_UI.Add_plot_curve(sidebar=True)
        self.layouts = (row, column, second)
        self.calls.append("initialize")

    def update(self, Network_UI):
        net = Network_UI.network
        group = Network_UI.selected_neuron_group()
        iterations = net["iteration", 0, "np"]
        means = net["np.mean(voltage)", 0, "np"]
        voltage = net["voltage", 0, "np"]
        self.curves[0].setData(iterations[-len(means) :], means)
        self.curves[1].setData(voltage[:, Network_UI.selected_neuron_id()])
        self.image.setImage(group.voltage.reshape(group.height, group.width))
        self.new_image.setImage(np.outer(group.voltage, group.voltage))
        self.old_curve.setData(np.sort(group.voltage))
        for k, curve in enumerate(self.new_curves):
            curve.setData(voltage[:, k])
        self.second_curve.setData(iterations)
        self.side_curve.setData(means)
        self.label.setText(f"iteration {Network_UI.it}")
        self.text.setText(f"{len(Network_UI.selected_neuron_ids())} selected")
        self.state = {
            "tags": (list(Network_UI.group_tags), list(Network_UI.transmitters)),
            "mask": int(Network_UI.selected_neuron_mask().sum()),
            "synapses": len(Network_UI.get_selected_synapses()),
            "paused": Network_UI.pause,
            "every": Network_UI.render_every_x_frames,
        }
        if Network_UI.it > 20 and not Network_UI.event_list:
            Network_UI.add_event("twenty", duration=5)
        self.calls.append("update")

    def on_selected_neuron_changed(self, Network_UI):
        self.selected.append((Network_UI.selected_neuron_tag(), Network_UI.selected_neuron_id()))
