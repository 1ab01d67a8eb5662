"""The recorders' memory in the status bar: the sum of their preallocated buffers, refreshed every
second; past the threshold (settings value) the studio warns once and caps the recorders on request."""

from __future__ import annotations

from PyQt6.QtWidgets import QMessageBox

from engine.io.export_snapshot import recorders, recordings_nbytes
from studio.workbench.memory import DEFAULT_WARN_BYTES, SETTINGS_KEY, format_bytes, sample_bytes


def test_label_shows_the_recorders_bytes(make_window):
    w = make_window()
    memory = w.workbench.memory
    assert memory.timer.isActive() and memory.timer.interval() == 1000
    assert memory.threshold == DEFAULT_WARN_BYTES
    w.bridge.step(300)
    assert memory.refresh() == recordings_nbytes(w.bridge.network) > 300 * 400
    assert format_bytes(memory.bytes) in memory.text() and memory.box is None
    assert memory in w.statusBar().findChildren(type(memory))
    assert (format_bytes(512), format_bytes(1.5e6), format_bytes(2.1e9)) == ("512 B", "1.5 MB", "2.10 GB")
    w.settings.setValue(SETTINGS_KEY, "not a number")
    assert memory.threshold == DEFAULT_WARN_BYTES


def test_warns_once_past_the_threshold_and_caps(make_window):
    w = make_window()
    w.settings.setValue(SETTINGS_KEY, 50_000)
    memory = w.workbench.memory
    net = w.bridge.network
    assert sample_bytes(net) == 0  # nothing recorded yet
    w.bridge.step(100)
    assert sample_bytes(net) == 100 * 4 + 4  # one float32 voltage row and its mean
    before = memory.refresh()
    assert before > 50_000 and memory.warned
    box = memory.box
    assert isinstance(box, QMessageBox) and box.isVisible() and not box.isModal()
    assert "Cap at 61 samples" == memory.cap_button.text()  # 50 kB / 2 / 404 B
    memory.refresh()
    assert memory.box is box  # once
    memory.cap_button.click()
    assert all(rec.max_length == 61 for _, rec in recorders(net))
    after = memory.refresh()
    assert after < before
    w.bridge.step(200)
    assert len(net["voltage", 0]) == 61 and memory.refresh() < before
    assert "capped" in w.statusBar().currentMessage()


def test_keep_going_changes_nothing_and_a_new_network_warns_again(make_window):
    w = make_window()
    w.settings.setValue(SETTINGS_KEY, 10_000)
    memory = w.workbench.memory
    w.bridge.step(50)
    memory.refresh()
    first = memory.box
    keep = [b for b in first.buttons() if b.text() == "Keep going"][0]
    keep.click()
    assert all(rec.max_length is None for _, rec in recorders(w.bridge.network))
    w.reset_network()
    assert not memory.warned
    w.bridge.step(50)
    memory.refresh()
    assert memory.box is not first and memory.warned
    memory.box.close()


def test_a_run_that_ends_shows_its_final_size_without_waiting_for_the_timer(make_window, qtbot):
    w = make_window()
    memory = w.workbench.memory
    memory.timer.stop()  # only the end of the run may refresh the label now
    assert memory.bytes == 0
    w.bridge.run_for(300)
    qtbot.waitUntil(lambda: w.bridge.iteration >= 300 and w.bridge.state == "paused", timeout=10000)
    qtbot.waitUntil(lambda: memory.bytes == recordings_nbytes(w.bridge.network), timeout=5000)
    assert memory.bytes > 300 * 400 and format_bytes(memory.bytes) in memory.text()
