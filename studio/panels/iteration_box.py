"""IterationSpinBox: the Run N count, validated with the engine's iteration limit.

A plain QSpinBox drops the keystrokes it cannot parse (``1e12`` became ``112``) and holds only 32-bit
values. This box accepts what :func:`engine.runtime.limits.check_iterations` accepts (``250000``,
``250,000``, ``1e6``), keeps text it cannot accept as typed, and says why in :attr:`problem`
(shown in its tooltip and through :attr:`refused`) instead of changing the number silently.
"""

from __future__ import annotations

import re

from PyQt6.QtCore import Qt, pyqtSignal
from PyQt6.QtGui import QFocusEvent, QKeyEvent, QValidator
from PyQt6.QtWidgets import QSpinBox, QWidget

from engine.exceptions import IterationCountError
from engine.runtime.limits import MAX_ITERATIONS, check_iterations

#: characters that may appear while a count is typed (digits, separators, exponent, signs, a point)
_TYPING = re.compile(r"^[0-9\s,_.eE+\-]*$")
_TIP = f"Iterations for Run N (1 to {MAX_ITERATIONS:,}; 1e6 style accepted)"


def parse_count(text: str, source: str = "Run N") -> int:
    """The iteration count typed in ``text`` (suffix ``it`` and group separators allowed), or
    :class:`~engine.exceptions.IterationCountError` naming ``source`` and what was typed."""
    bare = text.strip().removesuffix("it").strip().replace(",", "").replace("_", "").replace(" ", "")
    if not bare:
        raise IterationCountError(f"{source}: type a number of iterations (1 to {MAX_ITERATIONS:,})")
    try:
        value: float | int = int(bare) if bare.lstrip("+-").isdigit() else float(bare)
    except ValueError:
        raise IterationCountError(f"{source}: {text.strip()!r} is not a number of iterations") from None
    return check_iterations(value, source)


class IterationSpinBox(QSpinBox):
    """A QSpinBox for 1..MAX_ITERATIONS iterations that refuses bad text with a message.

    ``refused(str)``: the text typed could not be used (emitted on Enter, when the box loses the
    focus, or when :meth:`count` is asked); on Enter or focus loss the box shows its previous value again.
    """

    refused = pyqtSignal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        self.problem = ""  #: why the text now in the box cannot be used ("" when it can)
        super().__init__(parent)
        self.setRange(1, MAX_ITERATIONS)
        self.setGroupSeparatorShown(True)
        self.setSuffix(" it")
        self.setKeyboardTracking(False)  # the value changes on Enter / focus loss, not per keystroke
        self.setToolTip(_TIP)

    def validate(self, text: str | None, pos: int) -> tuple[QValidator.State, str, int]:  # noqa: D102
        text = text or ""
        try:
            parse_count(text)
        except IterationCountError as exc:
            self._set_problem(str(exc))
            bare = text.strip().removesuffix("it").strip()
            state = QValidator.State.Intermediate if _TYPING.match(bare) else QValidator.State.Invalid
            return state, text, pos
        self._set_problem("")
        return QValidator.State.Acceptable, text, pos

    def valueFromText(self, text: str | None) -> int:  # noqa: N802 - Qt's name
        """The count in ``text`` (the current value if it cannot be used)."""
        try:
            return parse_count(text or "")
        except IterationCountError:
            return self.value()

    def fixup(self, text: str | None) -> str:
        """Leave the typed text alone: no silent rounding or clamping."""
        return text or ""

    def count(self) -> int:
        """The count in the box now, or IterationCountError (also emitted as :attr:`refused`)."""
        try:
            return parse_count(self.lineEdit().text())
        except IterationCountError as exc:
            self.refused.emit(str(exc))
            raise

    def keyPressEvent(self, event: QKeyEvent | None) -> None:  # noqa: N802 - Qt's name
        if event is not None and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._report()
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent | None) -> None:  # noqa: N802 - Qt's name
        self._report()  # before QAbstractSpinBox puts the previous value back
        super().focusOutEvent(event)

    def _report(self) -> None:
        try:
            parse_count(self.lineEdit().text())
        except IterationCountError as exc:
            self.refused.emit(str(exc))

    def _set_problem(self, message: str) -> None:
        if message != self.problem:
            self.problem = message
            self.setToolTip(message or _TIP)
