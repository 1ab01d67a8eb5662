"""The examples library (index, header parsing, search, where examples are found) and the browser dock."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from PyQt6.QtCore import Qt
from PyQt6.QtGui import QTextDocument

from studio.scripts import example_index
from studio.scripts.browser import ExampleBrowser, PythonHighlighter
from studio.scripts.example_index import discover_examples, load_example, parse_header, search
from tests.support.paths import EXAMPLES, EXAMPLES_DIR

CHECK_LINE = re.compile(r"^\s*CHECK:", re.MULTILINE)

DOC = """Title: A small demo

First paragraph of the
description.

Note: a second paragraph.

Try this in the studio:
- grp.Behav.rate (5 Hz): raise it
  and watch the raster.
- Deactivate Behav: everything stops.

Expected (100 iterations): about 3 spikes.
    CHECK: np.mean(x) in [0.5, 1e1]
    CHECK: bad in [a, b]
"""


# ------------------------------------------------------------------ index
def test_every_repository_example_is_found_and_parsed():
    found = discover_examples([EXAMPLES_DIR])
    assert sorted(e.path for e in found) == EXAMPLES
    assert found[0].name.startswith("seed_")  # the tutorials come first
    for ex in found:
        h = ex.header
        first = ex.source.split('"""', 2)[1].splitlines()[0]
        assert not ex.error and first == f"Title: {h.title}", ex.name
        assert len(h.description) > 80 and h.hints and h.expected, ex.name
        assert len(h.checks) == len(CHECK_LINE.findall(ex.docstring)), ex.name
        assert any(hint.target for hint in h.hints), ex.name  # at least one parameter to move


def test_parse_header_layout():
    h = parse_header(DOC)
    assert h.title == "A small demo"
    assert h.description == "First paragraph of the description."
    assert h.notes == ["Note: a second paragraph."]
    assert [x.text for x in h.hints] == [
        "grp.Behav.rate (5 Hz): raise it and watch the raster.",
        "Deactivate Behav: everything stops.",
    ]
    assert (h.hints[0].target, h.hints[0].default, h.hints[0].rest) == (
        "grp.Behav.rate",
        "5 Hz",
        "raise it and watch the raster.",
    )
    assert h.hints[1].target is None
    assert h.expected == "about 3 spikes."
    assert [(c.expression, c.low, c.high) for c in h.checks] == [("np.mean(x)", 0.5, 10.0)]  # 'bad' skipped
    plain = parse_header("Just a first line\n\nMore text.", "fallback")
    assert (plain.title, plain.description, plain.hints) == ("Just a first line", "More text.", [])
    assert parse_header(None, "name").title == "name"


def test_load_example_without_docstring_or_unparsable(tmp_path):
    (tmp_path / "plain.py").write_text("x = 1\n")
    (tmp_path / "broken.py").write_text("def f(:\n")
    assert load_example(tmp_path / "plain.py").title == "plain"
    broken = load_example(tmp_path / "broken.py")
    assert "does not parse" in broken.error and broken.source == "def f(:\n"


def test_search_titles_text_and_code():
    examples = discover_examples([EXAMPLES_DIR])
    assert [(e.name, w) for e, w in search(examples, "BRUNEL")] == [("brunel_sparse_ei.py", "title")]
    hits = dict((e.name, w) for e, w in search(examples, "NeuronDimension"))
    assert hits.get("grid_receptive_fields.py") == "text"
    code_only = search(examples, "def iteration self")
    assert code_only and all(w in ("text", "code") for _e, w in code_only)
    ranks = [w for _e, w in search(examples, "network")]
    assert ranks == sorted(ranks, key=["title", "text", "code"].index)  # title matches first
    assert search(examples, "hodgkin zzzz-no-such-word") == []
    assert len(search(examples, "  ")) == len(examples)


def test_where_examples_are_found(tmp_path, monkeypatch):
    own = tmp_path / "mine"
    own.mkdir()
    (own / "lif_ei.py").write_text('"""Title: My LIF"""\nx = 1\n')  # hides the repository's lif_ei.py
    (own / "_helper.py").write_text("x = 1\n")  # private: not listed
    monkeypatch.setenv("MNN_STUDIO_EXAMPLES", str(own))
    installed = tmp_path / "userbase" / example_index.SUBDIR  # where a --user wheel puts them
    installed.mkdir(parents=True)
    (installed / "extra_example.py").write_text('"""Title: Installed"""\n')
    monkeypatch.setattr(example_index.site, "USER_BASE", str(tmp_path / "userbase"))
    dirs = example_index.example_dirs()
    assert dirs[0] == own.resolve() and installed.resolve() in dirs
    by_name = {e.name: e for e in discover_examples()}
    assert by_name["lif_ei.py"].title == "My LIF" and "_helper.py" not in by_name
    assert "extra_example.py" in by_name and "brunel_sparse_ei.py" in by_name
    only_builtin = discover_examples([tmp_path / "nothing-here"])
    assert [e.name for e in only_builtin] == ["builtin_seed.py"]  # never an empty browser


# ------------------------------------------------------------------ highlighter
def _colour_at(doc: QTextDocument, line: int, col: int) -> str:
    block = doc.findBlockByNumber(line)
    for r in block.layout().formats():
        if r.start <= col < r.start + r.length:
            return r.format.foreground().color().name()
    return ""


def test_highlighter_strings_comments_and_multiline_docstrings(qtbot):
    doc = QTextDocument()
    code = (
        '"""Doc\nstill doc with # no comment\n"""\n'
        "def run(self, n=3):  # a 'comment'\n"
        "    s = 'has # inside' + \"x\"  # real\n"
    )
    doc.setPlainText(code)
    hl = PythonHighlighter(doc)
    hl.rehighlight()
    doc_colour = _colour_at(doc, 0, 0)
    assert doc_colour and _colour_at(doc, 1, 15) == doc_colour  # '#' inside the docstring
    assert _colour_at(doc, 3, 0) == "#7a3e9d"  # keyword def
    assert _colour_at(doc, 3, 4) == "#1f4fbf"  # function name
    assert _colour_at(doc, 3, 8) == "#94558d"  # self
    assert _colour_at(doc, 3, 16) == "#b35900"  # number
    assert _colour_at(doc, 3, 23) == _colour_at(doc, 3, 30) == "#8c8c8c"  # the comment, quotes inside
    assert _colour_at(doc, 4, 10) == _colour_at(doc, 4, 16) == "#2a7a2a"  # '#' inside a string
    assert _colour_at(doc, 4, 33) == "#8c8c8c"
    assert doc.findBlockByNumber(1).userState() == 2 and doc.findBlockByNumber(3).userState() == 0


# ------------------------------------------------------------------ the dock widget
@pytest.fixture
def browser(qtbot):
    opened: list[Path] = []
    b = ExampleBrowser(open_script=opened.append, examples=discover_examples([EXAMPLES_DIR]))
    b.opened = opened
    qtbot.addWidget(b)
    b.resize(420, 900)
    b.show()
    return b


def test_browser_lists_describes_and_shows_hints(browser):
    assert browser.list.count() == len(EXAMPLES) and browser.count_label.text() == f"{len(EXAMPLES)} examples"
    assert browser.select("brunel_sparse_ei")
    ex = browser.current()
    assert ex.name == "brunel_sparse_ei.py" and ex.title in browser.head_label.text()
    assert browser.hints_box.isVisible()
    assert "<code>exc.Brunel_Synapses.g</code>" in browser.hints_label.text()
    assert "Brunel (2000)" in browser.body_label.text() and "Expected:" in browser.body_label.text()
    assert browser.code.toPlainText() == ex.source and browser.code.isReadOnly()
    assert isinstance(browser.highlighter, PythonHighlighter)


def test_browser_search_filters_and_marks_code(browser, qtbot):
    qtbot.keyClicks(browser.search, "hopfield")
    assert [e.name for e in browser.visible_examples()] == ["hopfield_attractor.py"]
    assert browser.count_label.text() == f"1 of {len(EXAMPLES)} examples match"
    assert browser.current().name == "hopfield_attractor.py"
    n = len(re.findall("hopfield", browser.current().source, re.IGNORECASE))
    assert len(browser.code.extraSelections()) == n and browser.tabs.tabText(1) == f"Code ({n} matches)"
    browser.search.setText("zzzz-no-such-thing")
    assert browser.list.count() == 0 and browser.count_label.text() == "No example matches"
    assert browser.current() is None and not browser.open_button.isEnabled()
    browser.search.clear()
    assert browser.list.count() == len(EXAMPLES) and browser.tabs.tabText(1) == "Code"


def test_browser_open_button_enter_and_double_click(browser, qtbot):
    browser.select("lif_ei.py")
    qtbot.mouseClick(browser.open_button, Qt.MouseButton.LeftButton)
    browser.search.setText("izhikevich")
    qtbot.keyClick(browser.search, Qt.Key.Key_Return)
    browser.list.itemActivated.emit(browser.list.item(0))
    assert [p.name for p in browser.opened] == ["lif_ei.py", "izhikevich_ei.py", "izhikevich_ei.py"]


def test_browser_unparsable_example_cannot_be_opened(qtbot, tmp_path):
    (tmp_path / "broken.py").write_text("def f(:\n")
    b = ExampleBrowser(
        open_script=lambda p: pytest.fail("opened a broken example"), examples=discover_examples([tmp_path])
    )
    qtbot.addWidget(b)
    assert b.current().name == "broken.py" and not b.open_button.isEnabled()
    assert "does not parse" in b.body_label.text()
    b.open_current()


def test_open_from_the_browser_loads_into_the_window(make_window, qtbot):
    w = make_window(script=None)
    b = ExampleBrowser(open_script=w.load_script, examples=discover_examples([EXAMPLES_DIR]))
    qtbot.addWidget(b)
    b.select("hopfield_attractor.py")
    qtbot.mouseClick(b.open_button, Qt.MouseButton.LeftButton)
    assert w.loaded.script == EXAMPLES_DIR / "hopfield_attractor.py"
    assert w.bridge.network is not None and w.loaded.requested_iterations == 600
    w.bridge.step(5)
    assert w.bridge.iteration == 5


def test_wide_browser_puts_list_and_details_side_by_side(browser, qtbot):
    browser.resize(1300, 650)
    qtbot.waitUntil(lambda: browser.splitter.orientation() == Qt.Orientation.Horizontal, timeout=2000)
    browser.resize(400, 900)
    qtbot.waitUntil(lambda: browser.splitter.orientation() == Qt.Orientation.Vertical, timeout=2000)


def test_index_imports_no_qt(run_python):
    out = run_python(
        code="import sys, studio.scripts.example_index as m; m.discover_examples(); "
        "print(sorted(k for k in sys.modules if k.startswith(('PyQt', 'pyqtgraph'))))"
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"
    assert sys.modules.get("studio.scripts.example_index") is example_index
