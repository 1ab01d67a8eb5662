"""The example browser dock: searchable list, "Try this" hints, description, highlighted code, Open.

The window injects what "Open" does (``open_script(path)``, e.g. ``MainWindow.load_script``), so the
browser knows nothing about runners or sessions and can be tested on its own.
"""

from __future__ import annotations

import builtins
import keyword
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PyQt6.QtCore import QModelIndex, QRect, QSize, Qt, pyqtSignal
from PyQt6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QFontMetrics,
    QPainter,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextCursor,
)
from PyQt6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTabWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from studio.scripts.example_index import Example, body_html, discover_examples, head_html, hints_html, search

_ROLE_INDEX, _ROLE_WHERE, _ROLE_PATH = (Qt.ItemDataRole.UserRole + k for k in range(3))
_STYLE = """
QLabel#exampleCount { color: #6b7280; }
QFrame#tryThis { background: #eef5ff; border: 1px solid #c5daf5; border-left: 4px solid #2f7bd8;
                 border-radius: 4px; }
QLabel#tryThisHeading { color: #1d5fae; font-weight: bold; background: transparent; border: none; }
QLabel#tryThisHints { background: transparent; border: none; color: #1f2937; }
QPushButton#openExample { background: #2f7bd8; color: white; font-weight: bold; padding: 5px 16px;
                          border: 1px solid #23629f; border-radius: 4px; }
QPushButton#openExample:hover { background: #2669bd; }
QPushButton#openExample:disabled { background: #9ab8de; }
"""


def _fmt(color: str, bold: bool = False, italic: bool = False) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setForeground(QColor(color))
    fmt.setFontWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
    fmt.setFontItalic(italic)
    return fmt


class PythonHighlighter(QSyntaxHighlighter):
    """Python colouring: keywords, builtins, numbers, decorators, def/class names, strings, comments.

    Strings and comments are scanned left to right, so a '#' in a string and a quote in a comment are
    right. Block state 1 / 2 means: inside a triple-quoted string (single / double quotes) that goes on.
    """

    _TRIPLES = {1: "'" * 3, 2: '"' * 3}
    _WORD_RULES = [  # (pattern, format, group to colour)
        (re.compile(r"\b(?:%s)\b" % "|".join(keyword.kwlist)), _fmt("#7a3e9d", bold=True), 0),
        (re.compile(r"\b(?:%s)\b" % "|".join(n for n in dir(builtins) if n[0] != "_")), _fmt("#1c6b8a"), 0),
        (re.compile(r"\b(?:self|cls)\b"), _fmt("#94558d", italic=True), 0),
        (
            re.compile(r"\b(?:\d[\d_]*\.?[\d_]*(?:[eE][+-]?\d+)?j?|0[xXoObB][\da-fA-F_]+)\b"),
            _fmt("#b35900"),
            0,
        ),
        (re.compile(r"^\s*@[\w.]+"), _fmt("#9e6a03"), 0),
        (re.compile(r"\b(?:def|class)\s+(\w+)"), _fmt("#1f4fbf", bold=True), 1),
    ]
    _START = re.compile(r"#|(?<![\w])[rRbBuUfF]{0,2}('''|\"\"\"|'|\")")
    _STRING, _DOCSTRING, _COMMENT = (
        _fmt("#2a7a2a"),
        _fmt("#3f6f5a", italic=True),
        _fmt("#8c8c8c", italic=True),
    )

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt override
        """Colour one line of the document."""
        if any(ord(c) > 0xFFFF for c in text):  # Qt counts UTF-16 units, Python code points
            text = "".join(c if ord(c) <= 0xFFFF else "\ufffd\ufffd" for c in text)
        self.setCurrentBlockState(0)
        for rx, fmt, group in self._WORD_RULES:
            for m in rx.finditer(text):
                self.setFormat(m.start(group), m.end(group) - m.start(group), fmt)
        state = self.previousBlockState()
        pos = self._triple(text, 0, 0, state) if state in self._TRIPLES else 0
        while pos >= 0 and (m := self._START.search(text, pos)) is not None:
            quote = m.group(1)
            if quote is None:  # a comment runs to the end of the line
                self.setFormat(m.start(), len(text) - m.start(), self._COMMENT)
                return
            if len(quote) == 3:
                pos = self._triple(text, m.start(), m.end(), 1 if quote[0] == "'" else 2)
                continue
            i = m.end()
            while i < len(text) and text[i] != quote:
                i += 2 if text[i] == "\\" else 1
            pos = min(len(text), i + 1)
            self.setFormat(m.start(), pos - m.start(), self._STRING)

    def _triple(self, text: str, start: int, search_from: int, state: int) -> int:
        """Format a triple-quoted string from ``start`` to its end; -1 if it goes on to the next line."""
        end = text.find(self._TRIPLES[state], search_from)
        if end < 0:
            self.setFormat(start, len(text) - start, self._DOCSTRING)
            self.setCurrentBlockState(state)
            return -1
        self.setFormat(start, end + 3 - start, self._DOCSTRING)
        return end + 3


class _ExampleDelegate(QStyledItemDelegate):
    """Two-line items: the short title (before " - ") in bold, the rest of the title (or the file
    name) below, and a badge when a search matched only in the text or the code."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802
        return QSize(200, option.fontMetrics.height() * 2 + 12)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        head, _sep, tail = opt.text.partition(" - ")
        opt.text = ""
        opt.widget.style().drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        sel = bool(opt.state & QStyle.StateFlag.State_Selected)
        r, h = opt.rect.adjusted(8, 5, -8, -4), opt.fontMetrics.height()
        where = index.data(_ROLE_WHERE)
        badge = f"in {where}" if where in ("text", "code") else ""
        bw = opt.fontMetrics.horizontalAdvance(badge) + 10 if badge else 0
        bold = QFont(opt.font)
        bold.setBold(True)
        painter.save()
        _draw(
            painter, opt.font, QRect(r.right() - bw, r.top(), bw, h), badge, "#dbe7f7" if sel else "#8a5300"
        )
        _draw(
            painter,
            bold,
            QRect(r.left(), r.top(), r.width() - bw - 4, h),
            head,
            opt.palette.highlightedText().color().name() if sel else "#1f2937",
        )
        _draw(
            painter,
            opt.font,
            QRect(r.left(), r.top() + h + 2, r.width(), h),
            tail or Path(index.data(_ROLE_PATH) or "").name,
            "#dbe7f7" if sel else "#6b7280",
        )
        painter.restore()


def _draw(painter: QPainter, font: QFont, rect: QRect, text: str, color: str) -> None:
    """Elided single-line text."""
    painter.setFont(font)
    painter.setPen(QColor(color))
    painter.drawText(
        rect,
        Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
        QFontMetrics(font).elidedText(text, Qt.TextElideMode.ElideRight, max(0, rect.width())),
    )


def _label(name: str = "", rich: bool = False) -> QLabel:
    """A selectable, word-wrapped label with an object name for the style sheet."""
    return QLabel(
        objectName=name,
        wordWrap=True,
        textInteractionFlags=Qt.TextInteractionFlag.TextSelectableByMouse,
        textFormat=Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText,
    )


def _column(parent: QWidget, widgets: Sequence[QWidget], margins: int = 0, spacing: int = 6) -> QVBoxLayout:
    layout = QVBoxLayout(parent)
    layout.setContentsMargins(margins, margins, margins, margins)
    layout.setSpacing(spacing)
    for w in widgets:
        layout.addWidget(w)
    return layout


class ExampleBrowser(QWidget):
    """List + search + details (hints, description, expected result) + code view + Open button.

    Parameters
    ----------
    open_script: called with the example's ``Path`` when the user opens it (button, double-click,
        Enter in the list or the search box); ``open_requested`` is emitted as well.
    examples: the examples to list (default: :func:`studio.scripts.example_index.discover_examples`).
    """

    open_requested = pyqtSignal(object)

    def __init__(
        self,
        open_script: Callable[[Path], Any] | None = None,
        examples: Sequence[Example] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, objectName="exampleBrowser")
        self.setStyleSheet(_STYLE)
        self._open_script = open_script
        self._examples, self._current = [], None  # type: list[Example], Optional[Example]
        self.search = QLineEdit(
            placeholderText="Search titles, descriptions and code…", clearButtonEnabled=True
        )
        self.search.textChanged.connect(self._apply_filter)
        self.search.returnPressed.connect(self.open_current)
        self.list = QListWidget(uniformItemSizes=True)
        self.list.setItemDelegate(_ExampleDelegate(self.list))
        self.list.currentItemChanged.connect(
            lambda item, _prev: self._show(None if item is None else self._examples[item.data(_ROLE_INDEX)])
        )
        self.list.itemActivated.connect(lambda _item: self.open_current())
        self.count_label = _label("exampleCount")
        top = QWidget()
        _column(top, (self.search, self.list), spacing=4)
        self.code = QPlainTextEdit(readOnly=True, lineWrapMode=QPlainTextEdit.LineWrapMode.NoWrap)
        self.code.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.highlighter = PythonHighlighter(self.code.document())
        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_about(), "About")
        self.tabs.addTab(self.code, "Code")
        self.open_button = QPushButton(
            "Open in studio",
            objectName="openExample",
            toolTip="Build this example's network and show it live (Enter)",
        )
        self.open_button.clicked.connect(self.open_current)
        self.splitter = QSplitter(Qt.Orientation.Vertical, childrenCollapsible=False)
        for widget, stretch in ((top, 2), (self.tabs, 5)):
            self.splitter.addWidget(widget)
            self.splitter.setStretchFactor(self.splitter.count() - 1, stretch)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label, 1)
        bottom.addWidget(self.open_button)
        _column(self, (self.splitter,), margins=4).addLayout(bottom)
        self.set_examples(discover_examples() if examples is None else examples)

    def _build_about(self) -> QScrollArea:
        self.head_label, self.body_label = _label("exampleHead", rich=True), _label("exampleBody", rich=True)
        self.hints_label = _label("tryThisHints", rich=True)
        self.hints_box = QFrame(objectName="tryThis")
        _column(
            self.hints_box,
            (QLabel("Try this in the studio", objectName="tryThisHeading"), self.hints_label),
            margins=9,
        )
        page = QWidget()
        _column(page, (self.head_label, self.hints_box, self.body_label), margins=6, spacing=10).addStretch(1)
        area = QScrollArea(widgetResizable=True, frameShape=QFrame.Shape.NoFrame)
        area.setWidget(page)
        return area

    # ------------------------------------------------------------------ content
    def set_examples(self, examples: Sequence[Example]) -> None:
        """Replace the listed examples (the search text stays)."""
        self._examples = list(examples)
        self._apply_filter(self.search.text())

    def visible_examples(self) -> list[Example]:
        """The examples the list shows now (after the search), in order."""
        return [self._examples[self.list.item(i).data(_ROLE_INDEX)] for i in range(self.list.count())]

    def current(self) -> Example | None:
        """The selected example."""
        return self._current

    def select(self, which: str | Path) -> bool:
        """Select an example by path, file name or stem; False if the (filtered) list lacks it."""
        for i, ex in enumerate(self.visible_examples()):
            if str(which) in (str(ex.path), ex.name, ex.path.stem):
                self.list.setCurrentRow(i)
                return True
        return False

    def open_current(self) -> None:
        """Open the selected example through the injected callback."""
        ex = self._current
        if ex is None or ex.error:
            return
        self.open_requested.emit(ex.path)
        if self._open_script is not None:
            self._open_script(ex.path)

    # ------------------------------------------------------------------ internals
    def _apply_filter(self, text: str) -> None:
        keep, row = (self._current.path if self._current is not None else None), 0
        index_of = {id(ex): i for i, ex in enumerate(self._examples)}
        self.list.blockSignals(True)
        self.list.clear()
        for n, (ex, where) in enumerate(search(self._examples, text)):
            item = QListWidgetItem(ex.title)
            for role, value in (
                (_ROLE_INDEX, index_of[id(ex)]),
                (_ROLE_WHERE, where),
                (_ROLE_PATH, str(ex.path)),
            ):
                item.setData(role, value)
            item.setToolTip(f"{ex.title}\n{ex.path}")
            self.list.addItem(item)
            row = n if ex.path == keep else row
        self.list.blockSignals(False)
        shown, total = self.list.count(), len(self._examples)
        self.count_label.setText(
            f"{total} examples"
            if shown == total
            else f"{shown} of {total} examples match"
            if shown
            else "No example matches"
        )
        if shown:
            self.list.setCurrentRow(row)  # → currentItemChanged → _show
        else:
            self._show(None)

    def _show(self, ex: Example | None) -> None:
        self._current = ex
        self.open_button.setEnabled(ex is not None and not ex.error)
        self.head_label.setText(head_html(ex) if ex else "")
        self.hints_label.setText(hints_html(ex) if ex else "")
        self.hints_box.setVisible(bool(ex and ex.header.hints))
        self.body_label.setText(body_html(ex) if ex else "")
        source = ex.source if ex else ""
        if self.code.toPlainText() != source:
            self.code.setPlainText(source)
        self._mark_matches(self.search.text())

    def _mark_matches(self, text: str) -> None:
        """Highlight the search words in the code; the Code tab says how many there are."""
        selections = []
        fmt = QTextCharFormat()
        fmt.setBackground(QColor("#ffe58a"))
        doc = self.code.document()
        for word in text.split()[:5]:
            cursor = doc.find(word)
            while not cursor.isNull() and len(selections) < 500:
                sel = QTextEdit.ExtraSelection()
                sel.cursor, sel.format = cursor, fmt
                selections.append(sel)
                cursor = doc.find(word, cursor)
        self.code.setExtraSelections(selections)
        self.tabs.setTabText(1, f"Code ({len(selections)} matches)" if text.strip() else "Code")
        if selections:  # show the first match
            self.code.setTextCursor(QTextCursor(doc.findBlock(selections[0].cursor.selectionStart())))
            self.code.centerCursor()

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        """Side by side when the dock is wide, stacked when it is narrow."""
        wide = self.width() > 760 and self.width() > 1.2 * self.height()
        self.splitter.setOrientation(Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical)
        super().resizeEvent(event)
