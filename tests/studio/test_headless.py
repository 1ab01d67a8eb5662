"""``mnn-studio SCRIPT --iterations N --screenshot OUT.png --quit`` (a fresh process)."""

from __future__ import annotations

from tests.support.paths import SEED


def test_headless_screenshot(run_python, tmp_path):
    out = tmp_path / "shot.png"
    result = run_python(
        "import sys; from studio.app import main; sys.exit(main(sys.argv[1:]))",
        args=[str(SEED), "--iterations", "120", "--screenshot", str(out), "--quit"],
    )
    assert result.returncode == 0, result.stderr
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "iteration 120" in result.stdout


def test_headless_failing_script_exits_nonzero(run_python, tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("from PymoNNto import *\nraise RuntimeError('no network today')\n")
    out = tmp_path / "shot.png"
    result = run_python(
        "import sys; from studio.app import main; sys.exit(main(sys.argv[1:]))",
        args=[str(bad), "--iterations", "10", "--screenshot", str(out), "--quit"],
    )
    assert result.returncode != 0
    assert "no network today" in result.stderr and "line 2" in result.stderr
    assert not out.exists()
    missing = run_python(
        "import sys; from studio.app import main; sys.exit(main(sys.argv[1:]))",
        args=[str(tmp_path / "missing.py"), "--quit"],
    )
    assert missing.returncode != 0 and "not found" in missing.stderr


def test_python_dash_m_studio_help(run_python):
    result = run_python(
        "import runpy, sys; sys.argv = ['studio', '--help']; runpy.run_module('studio', run_name='__main__')"
    )
    assert result.returncode == 0 and "--screenshot" in result.stdout
