"""Iteration counts are validated wherever they are typed (issue #17): the Run N box, the command
line and the console helper all use ``engine.runtime.limits.check_iterations``."""

from __future__ import annotations

import pytest
from PyQt6.QtCore import Qt

from engine.exceptions import IterationCountError
from engine.runtime.limits import MAX_ITERATIONS
from studio.console.api import StudioAPI
from studio.panels.iteration_box import IterationSpinBox, parse_count


def _type(qtbot, box: IterationSpinBox, text: str) -> None:
    box.setFocus()
    box.lineEdit().selectAll()
    qtbot.keyClicks(box, text)


def test_run_n_typed_1e12_is_refused_with_a_message_and_runs_nothing(make_window, qtbot, no_modal_dialogs):
    w = make_window()
    _type(qtbot, w.controls.n_spin, "1e12")
    assert w.controls.n_spin.lineEdit().text() == "1e12 it"  # kept as typed, not "112"
    w.controls.run_n_action.trigger()
    assert no_modal_dialogs and no_modal_dialogs[-1][0] == "Run N"
    assert "1,000,000,000,000" in no_modal_dialogs[-1][1] and f"{MAX_ITERATIONS:,}" in no_modal_dialogs[-1][1]
    assert w.bridge.state == "paused" and w.bridge.iteration == 0


def test_run_n_typed_99999999999_then_enter_says_why_and_keeps_the_previous_count(make_window, qtbot):
    w = make_window()
    box = w.controls.n_spin
    box.setValue(1000)
    with qtbot.waitSignal(w.controls.message, timeout=2000) as said:
        _type(qtbot, box, "99999999999")
        qtbot.keyClick(box, Qt.Key.Key_Return)
    assert "99,999,999,999" in said.args[0]
    assert box.value() == 1000  # not wrapped (1 215 752 191) nor clamped
    assert "99,999,999,999" in w.statusBar().currentMessage()


def test_run_n_typed_3e2_runs_300_iterations(make_window, qtbot):
    w = make_window()
    _type(qtbot, w.controls.n_spin, "3e2")
    with qtbot.waitSignal(w.bridge.run_progress, timeout=5000) as started:
        w.controls.run_n_action.trigger()
    assert started.args == [0, 300]
    with qtbot.waitSignal(w.bridge.run_finished, timeout=30000):
        pass
    assert w.bridge.iteration == 300


@pytest.mark.parametrize(
    ("text", "count"),
    [("250000", 250000), ("250,000 it", 250000), ("1e6", 10**6), (f"{MAX_ITERATIONS}", MAX_ITERATIONS)],
)
def test_parse_count_accepts_plain_grouped_and_exponent_counts(text, count):
    assert parse_count(text) == count


@pytest.mark.parametrize("text", ["0", "-5", "2.5", "1e12", "nan", "inf", "", "1e"])
def test_parse_count_refuses_zero_negative_fractions_and_huge_counts(text):
    with pytest.raises(IterationCountError, match="Run N"):
        parse_count(text)


def test_spin_box_holds_the_maximum_without_wrapping(qtbot):
    box = IterationSpinBox()
    qtbot.addWidget(box)
    box.setValue(MAX_ITERATIONS)
    assert box.value() == MAX_ITERATIONS and box.maximum() == MAX_ITERATIONS


def test_bridge_run_for_minus_5_is_refused(make_window):
    w = make_window()
    with pytest.raises(IterationCountError, match="Run N"):
        w.bridge.run_for(-5)
    assert w.bridge.state == "paused"


@pytest.mark.parametrize("argv", [["--iterations", "-5", "--quit"], ["--iterations", "1e12", "--quit"]])
def test_cli_iterations_minus_5_and_1e12_with_quit_exit_nonzero_with_a_message(argv, capsys):
    from studio.app import main

    with pytest.raises(SystemExit) as ended:
        main(argv)
    assert ended.value.code == 2
    err = capsys.readouterr().err
    assert "--iterations" in err and "iterations" in err.split("error:")[1]


@pytest.mark.parametrize(("argv", "culprit"), [(["--fps", "nan"], "--fps"), (["--size", "big"], "--size")])
def test_cli_fps_nan_and_size_big_are_refused(argv, culprit, capsys):
    from studio.app import main

    with pytest.raises(SystemExit) as ended:
        main([*argv, "--quit"])
    assert ended.value.code == 2 and culprit in capsys.readouterr().err


@pytest.mark.parametrize(
    ("call", "n"), [("step", 1e12), ("step", 2.5), ("step", -1), ("run_for", -5), ("run_for", 1e12)]
)
def test_console_step_and_run_for_refuse_bad_counts(seed_runner, call, n):
    api = StudioAPI(seed_runner)
    with pytest.raises(IterationCountError, match=f"studio.{call}"):
        getattr(api, call)(n)
    assert seed_runner.iteration == 0 and seed_runner.state == "paused"


def test_console_step_1e2_runs_100(seed_runner):
    assert StudioAPI(seed_runner).step(1e2) == 100
    assert seed_runner.iteration == 100
