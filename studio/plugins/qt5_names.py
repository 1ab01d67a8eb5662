"""PyQt5's short enum spellings on PyQt6's classes, for tabs written for PyQt5.

PyQt5 let code write ``Qt.AlignLeft``, ``QSizePolicy.Ignored`` or ``QFrame.HLine``; PyQt6 wants
the enum's name in between (``Qt.AlignmentFlag.AlignLeft``). PymoNNto's tabs and the custom tabs
written after them use the short form, so the studio adds it, for the classes tabs use: each
member of an enum becomes an attribute of the class, unless the class has that name already or
two of its enums have a member of that name (then only the long spelling works). Nothing else of
PyQt6 changes. It costs a few tenths of a second, once, when the first tab that draws itself
is shown.
"""

from __future__ import annotations

import enum

from PyQt6 import QtCore, QtGui, QtWidgets

__all__ = ["CLASSES", "add_short_enum_names"]

#: The classes whose enums tabs spell the PyQt5 way (``module.Class``).
CLASSES = (
    (QtCore, "Qt QEvent QEasingCurve QIODevice QItemSelectionModel QTimer"),
    (
        QtGui,
        "QColor QFont QFontDatabase QIcon QImage QKeySequence QPainter QPalette QPen QTextCursor "
        "QTextOption QValidator",
    ),  # fmt: skip
    (
        QtWidgets,
        "QAbstractItemView QAbstractScrollArea QAbstractSlider QAbstractSpinBox QBoxLayout QComboBox "
        "QDialogButtonBox QDockWidget QFileDialog QFormLayout QFrame QGraphicsView QHeaderView "
        "QLayout QLineEdit QListView QMessageBox QPlainTextEdit QSizePolicy QSlider QTabWidget "
        "QTextEdit QToolButton",
    ),
)

_done = False


def add_short_enum_names() -> int:
    """Add the short names (once per process); returns how many were added."""
    global _done
    if _done:
        return 0
    _done = True
    added = 0
    for module, names in CLASSES:
        for name in names.split():
            cls = getattr(module, name, None)
            if isinstance(cls, type):
                added += _add(cls)
    return added


def _add(cls: type) -> int:
    members: dict[str, list[enum.Enum]] = {}
    for attr in dir(cls):
        value = getattr(cls, attr, None)
        own = isinstance(value, type) and value.__qualname__ == f"{cls.__name__}.{attr}"
        if own and issubclass(value, enum.Enum):
            for name, member in value.__members__.items():  # with composite flags (AlignCenter)
                members.setdefault(name, []).append(member)
    added = 0
    for name, found in members.items():
        if len(found) == 1 and not hasattr(cls, name):
            setattr(cls, name, found[0])
            added += 1
    return added
