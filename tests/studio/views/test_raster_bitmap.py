"""The raster paints the right spikes (issue #17: it now paints a 32-bit RGB bitmap, not an
indexed ImageItem): pixel for pixel, the bitmap is the spike matrix of the shown window."""

from __future__ import annotations

import numpy as np
import pytest
from PyQt6.QtCore import QRectF

from studio.views.raster_image import BitmapItem, rgb32

DIAGONALS = """
from PymoNNto import *


class Diagonals(Behavior):
    def initialize(self, n):
        n.spike = n.vector(bool)
        self.ids = np.arange(n.size)
        self.t = 0

    def iteration(self, n):
        self.t += 1  # the iteration this step makes (the first is 1)
        n.spike = (self.t + self.ids) % 7 == 0


net = Network()
NeuronGroup(net=net, tag='cells', size=50, behavior={1: Diagonals()})
net.initialize(info=False)
"""


@pytest.mark.parametrize("chunk", [130, 100, 13, 50])
def test_raster_of_50_diagonal_spikers_after_130_iterations_in_chunks_shows_exactly_their_spikes(
    make_window, write_script, chunk
):
    """A frame after each ``chunk`` iterations; 130 and 100 bring a whole 100-iteration window of new
    samples at once (that case used to shift the raster by ``first iteration % window`` columns)."""
    w = make_window(write_script("diagonals.py", DIAGONALS))
    raster = w.view("raster")
    raster.window_spin.setValue(100)
    raster.rebind()
    done = 0
    while done < 130:
        done += w.bridge.step(min(chunk, 130 - done))  # each step ends with a frame
    bitmap = raster.image.bitmap
    assert bitmap is not None and bitmap.shape == (50, 100)  # one row per neuron, one column per iteration
    t = np.arange(31, 131)  # the iterations shown, oldest first
    want = ((t[None, :] + np.arange(50)[:, None]) % 7 == 0).astype(np.uint8)
    np.testing.assert_array_equal(bitmap, want)
    np.testing.assert_array_equal(raster.shown_counts(), want.sum(axis=0))
    rect = raster.image.mapRectToParent(raster.image.boundingRect())  # in data coordinates
    assert (rect.left(), rect.width(), rect.top(), rect.height()) == (30.5, 100.0, 0.0, 50.0)


def test_bitmap_item_colours_off_and_on_pixels(qtbot):
    item = BitmapItem((255, 255, 255), (20, 20, 40))
    bits = np.array([[0, 1, 1], [1, 0, 0]], np.uint8)
    item.set_bitmap(bits, QRectF(0, 0, 3, 2))
    item.render()  # what the first paint does
    image = item.qimage
    assert image is not None and (image.width(), image.height()) == (3, 2)
    got = [[image.pixel(x, y) for x in range(3)] for y in range(2)]
    on, off = rgb32((20, 20, 40)), rgb32((255, 255, 255))
    assert got == [[off, on, on], [on, off, off]]
    assert image.format() == image.Format.Format_RGB32  # not indexed: no conversion per paint
    item.clear()
    assert item.bitmap is None and item.image is None


@pytest.mark.parametrize(
    ("typed", "shown", "says"),
    [("abc", "all", "not a neuron range"), ("5-500", "5-49", "beyond the 50"), ("10-19", "10-19", "")],
)
def test_raster_range_abc_and_5_500_say_what_is_shown(make_window, write_script, typed, shown, says):
    w = make_window(write_script("diagonals.py", DIAGONALS))
    raster = w.view("raster")
    raster.range_edit.setText(typed)
    raster.rebind()
    assert raster.range_edit.text() == shown
    tip = raster.range_edit.toolTip()
    assert (says in tip and typed in tip) if says else tip.startswith("Neurons shown")
    w.bridge.step(10)
    lo, hi = (0, 50) if shown == "all" else (int(shown.split("-")[0]), int(shown.split("-")[1]) + 1)
    assert raster.image.bitmap.shape[0] == hi - lo
