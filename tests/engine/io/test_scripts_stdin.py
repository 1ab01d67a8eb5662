"""Build mode gives scripts a closed stdin, and KeyboardInterrupt at top level is a ScriptError.

Issue #17: a script calling ``sys.stdin.readline()`` at top level froze the window while stdin was a
terminal or a pipe; a script raising ``KeyboardInterrupt`` escaped the loader.
"""

import io
import subprocess
import sys
import textwrap

import pytest

from engine.io.scripts import ScriptError, ScriptInputError, ScriptRuntimeError, load_script

NET = (
    "from PymoNNto import *\nnet = Network()\nNeuronGroup(net=net, tag='g', size=3)\n"
    "net.initialize(info=False)\n"
)


def write(tmp_path, text, name="script.py"):
    path = tmp_path / name
    path.write_text(NET + textwrap.dedent(text))
    return path


@pytest.fixture
def typed_stdin(monkeypatch):
    """A stdin with text waiting: without a closed stdin the script would read it."""
    stdin = io.StringIO("typed line\nmore\n")
    monkeypatch.setattr(sys, "stdin", stdin)
    return stdin


@pytest.mark.parametrize(
    ("call", "what"),
    [
        ("sys.stdin.readline()", "sys.stdin.readline()"),
        ("sys.stdin.read()", "sys.stdin.read()"),
        ("sys.stdin.readlines()", "sys.stdin.readlines()"),
        ("[line for line in sys.stdin]", "for line in sys.stdin"),
        ("sys.stdin.buffer.read()", "sys.stdin.buffer.read()"),
        ("input('size? ')", "input()"),
    ],
)
def test_reading_stdin_at_top_level_raises_script_input_error(tmp_path, typed_stdin, call, what):
    path = write(tmp_path, f"import sys\nanswer = {call}\n")
    with pytest.raises(ScriptInputError) as info:
        load_script(str(path))
    assert info.value.lineno == 6 and what in str(info.value) and "terminal" in str(info.value)
    assert typed_stdin.read() == "typed line\nmore\n"  # nothing was consumed
    assert sys.stdin is typed_stdin  # restored


def test_stdin_reads_after_a_deferred_simulation_are_reported_too(tmp_path, typed_stdin):
    path = write(tmp_path, "import sys\nnet.simulate_iterations(10)\nsys.stdin.readline()\n")
    result = load_script(str(path))
    assert isinstance(result.deferred_error, ScriptInputError) and result.deferred_error.lineno == 7


def test_stdin_is_not_a_terminal_for_the_script(tmp_path, typed_stdin):
    path = write(tmp_path, "import sys\ninteractive = sys.stdin.isatty()\n")
    assert load_script(str(path)).namespace["interactive"] is False


def test_sys_stdin_readline_with_an_open_pipe_does_not_hang(tmp_path):
    """The issue's case: stdin a pipe that stays open (nothing is ever written, never closed)."""
    path = write(tmp_path, "import sys\nname = sys.stdin.readline()\n")
    code = (
        "from engine.io.scripts import load_script, ScriptInputError\n"
        "try:\n    load_script(%r)\nexcept ScriptInputError as exc:\n    print('refused', exc.lineno)\n"
        % str(path)
    )
    out = tmp_path / "out.txt"
    with open(out, "w") as fh:
        proc = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=fh, cwd=tmp_path)
        try:
            returncode = proc.wait(timeout=120)  # a guard against a hang, not a timing assertion
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
            proc.stdin.close()
    assert returncode == 0 and out.read_text().strip() == "refused 6"


def test_keyboard_interrupt_at_top_level_becomes_a_script_error(tmp_path):
    path = write(tmp_path, "raise KeyboardInterrupt\n")
    with pytest.raises(ScriptRuntimeError) as info:
        load_script(str(path))
    assert isinstance(info.value, ScriptError) and info.value.lineno == 5
    assert "KeyboardInterrupt" in str(info.value) and isinstance(info.value.exception, KeyboardInterrupt)


def test_keyboard_interrupt_inside_a_helper_names_the_script_line(tmp_path):
    (tmp_path / "helper.py").write_text("def wait():\n    raise KeyboardInterrupt('stop')\n")
    path = write(tmp_path, "import helper\nhelper.wait()\n")
    with pytest.raises(ScriptRuntimeError) as info:
        load_script(str(path))
    assert info.value.lineno == 6 and "helper.py, line 2" in str(info.value)
