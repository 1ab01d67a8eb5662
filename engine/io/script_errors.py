"""Exceptions raised by a script, turned into :class:`~engine.exceptions.ScriptError` naming its line."""

from __future__ import annotations

import os
import traceback

from engine.exceptions import ScriptError, ScriptImportError, ScriptRuntimeError

__all__ = ["convert_error", "locate_error"]


def locate_error(
    exc: BaseException, path: str, root: str | None = None
) -> tuple[int | None, str, traceback.FrameSummary | None]:
    """(script lineno, script line text, innermost user frame outside the script or None).

    A user frame is one in the script's folder or, for a project, below its root.
    """
    frames = traceback.extract_tb(exc.__traceback__)
    lineno, text, inner = None, "", None
    for fr in frames:
        if fr.filename == path:
            lineno, text, inner = fr.lineno, fr.line or "", None
        elif lineno is not None and _is_user_file(fr.filename, path, root):
            inner = fr
    if lineno is None and isinstance(exc, SyntaxError) and exc.filename == path:
        lineno, text = exc.lineno, exc.text or ""
    return lineno, text, inner


def _is_user_file(filename: str, path: str, root: str | None) -> bool:
    where = os.path.abspath(filename)
    if os.path.dirname(where) == os.path.dirname(path):
        return True
    return root is not None and where.startswith(root + os.sep) and "site-packages" not in where


def _script_traceback(exc: BaseException, path: str) -> str:
    tb = exc.__traceback__
    while tb is not None and tb.tb_frame.f_code.co_filename != path:
        tb = tb.tb_next
    return "".join(traceback.format_exception(type(exc), exc, tb or exc.__traceback__))


def convert_error(exc: BaseException, path: str, root: str | None = None) -> ScriptError:
    """The :class:`ScriptError` for ``exc`` raised by the script at ``path`` (line, text, traceback)."""
    lineno, text, inner = locate_error(exc, path, root)
    tb_text = _script_traceback(exc, path)
    if isinstance(exc, ScriptError):
        exc.path, exc.lineno = path, lineno
        return type(exc)(exc.message, path, lineno, text, exc.exception or exc, tb_text)
    if isinstance(exc, ModuleNotFoundError):
        name = exc.name or str(exc)
        if name.split(".")[0] == "PymoNNto":
            what = "a PymoNNto module that mnn-studio's compat package does not provide"
        else:
            what = "which is not installed"
        return ScriptImportError(
            f"the script imports '{name}', {what} (No module named '{name}')",
            path,
            lineno,
            text,
            exc,
            tb_text,
        )
    if isinstance(exc, KeyboardInterrupt):
        msg = "KeyboardInterrupt: the script was interrupted (it raised KeyboardInterrupt, or Ctrl+C)"
    else:
        msg = f"{type(exc).__name__}: {exc}"
    if inner is not None:
        msg += f" (in {os.path.basename(inner.filename)}, line {inner.lineno})"
    return ScriptRuntimeError(msg, path, lineno, text, exc, tb_text)
