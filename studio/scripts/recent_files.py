"""File → Open Recent: a list of recently opened scripts kept in QSettings, and the menu showing it.

:class:`RecentFiles` is the model (most recent first, at most ``max_count``, no duplicates, files
that no longer exist are pruned whenever the list is read). :class:`RecentFilesMenu` is a ``QMenu``
that rebuilds itself from the model before it is shown and calls ``open_path(path)`` on a click.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PyQt6.QtCore import QObject, QSettings, pyqtSignal
from PyQt6.QtGui import QAction
from PyQt6.QtWidgets import QMenu, QWidget

#: QSettings key of the list.
SETTINGS_KEY = "recent/files"
MAX_RECENT = 10


def _key(path: Path) -> str:
    """Comparison key: the same file with different spellings is one entry."""
    return os.path.normcase(str(path))


class RecentFiles(QObject):
    """Recently opened scripts, newest first.

    Parameters
    ----------
    settings: where the list is stored (key ``recent/files``); None keeps it in memory only
        (e.g. a window created with ``settings=None`` remembers nothing).
    max_count: the list is cut to this many entries.

    ``changed`` is emitted whenever the stored list changes.
    """

    changed = pyqtSignal()

    def __init__(
        self, settings: QSettings | None = None, max_count: int = MAX_RECENT, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.max_count = max(1, int(max_count))
        self._memory: list[str] = []

    # ------------------------------------------------------------------ storage
    def _read(self) -> list[str]:
        if self.settings is None:
            return list(self._memory)
        value: Any = self.settings.value(SETTINGS_KEY, [])
        if value is None or value == "":
            return []
        if isinstance(value, str):  # an ini file gives a lone entry back as a string
            return [value]
        return [str(v) for v in value if v]

    def _write(self, entries: list[str]) -> None:
        if entries == self._read():
            return
        if self.settings is None:
            self._memory = list(entries)
        else:
            self.settings.setValue(SETTINGS_KEY, list(entries))
            self.settings.sync()
        self.changed.emit()

    # ------------------------------------------------------------------ API
    def paths(self, prune: bool = True) -> list[Path]:
        """The recent scripts, newest first. With ``prune`` files that are gone are dropped (and the
        stored list updated)."""
        entries = self._read()
        if prune:
            kept = [e for e in entries if Path(e).is_file()]
            if kept != entries:
                self._write(kept)
            entries = kept
        return [Path(e) for e in entries[: self.max_count]]

    def add(self, path: str | os.PathLike) -> None:
        """Put ``path`` at the top (moving it if it is already listed)."""
        p = Path(path).expanduser().resolve()
        entries = [e for e in self._read() if _key(Path(e)) != _key(p)]
        self._write([str(p)] + entries[: self.max_count - 1])

    def remove(self, path: str | os.PathLike) -> None:
        """Drop ``path`` from the list."""
        k = _key(Path(path).expanduser().resolve())
        self._write([e for e in self._read() if _key(Path(e)) != k])

    def clear(self) -> None:
        """Forget every entry."""
        self._write([])


def _short_dir(path: Path, width: int = 48) -> str:
    """The folder of ``path`` for the menu: ``~`` for the home folder, shortened in the middle."""
    folder = str(path.parent)
    home = str(Path.home())
    if folder == home or folder.startswith(home + os.sep):
        folder = "~" + folder[len(home) :]
    if len(folder) > width:
        folder = folder[: width // 3] + "…" + folder[-(2 * width // 3) :]
    return folder


class RecentFilesMenu(QMenu):
    """ "Open Recent" submenu: ``&1 name  folder`` entries, "Clear list", or a disabled "(none)".

    ``open_path(path)`` is called with the chosen ``Path``. A file deleted after the menu was built
    is removed from the list and ``on_missing(path)`` (if given) is told, instead of being opened.
    """

    def __init__(
        self,
        recent: RecentFiles,
        open_path: Callable[[Path], Any],
        parent: QWidget | None = None,
        title: str = "Open &Recent",
        on_missing: Callable[[Path], Any] | None = None,
    ) -> None:
        super().__init__(title, parent)
        self.recent = recent
        self._open_path = open_path
        self._on_missing = on_missing
        self._building = False
        self.setToolTipsVisible(True)
        self.aboutToShow.connect(self.rebuild)
        recent.changed.connect(self.rebuild)
        self.rebuild()

    def rebuild(self) -> None:
        """Fill the menu from the (pruned) list."""
        if self._building:  # pruning emits ``changed`` while we build
            return
        self._building = True
        try:
            self._fill(self.recent.paths())
        finally:
            self._building = False

    def _fill(self, paths: list[Path]) -> None:
        self.clear()
        for n, path in enumerate(paths, start=1):
            label = f"&{n}  {path.name}" if n < 10 else f"1&0  {path.name}"
            action = QAction(f"{label}\t{_short_dir(path)}", self)
            action.setToolTip(str(path))
            action.setStatusTip(f"Open {path}")
            action.setData(str(path))
            action.triggered.connect(lambda _checked=False, p=path: self.open(p))
            self.addAction(action)
        if not paths:
            none = self.addAction("(no recent scripts)")
            none.setEnabled(False)
        self.addSeparator()
        clear = self.addAction("Clear list")
        clear.setEnabled(bool(paths))
        clear.triggered.connect(self.recent.clear)

    def file_actions(self) -> list[QAction]:
        """The actions that open a file (tests, keyboard navigation)."""
        return [a for a in self.actions() if a.data()]

    def open(self, path: Path) -> None:
        """Open ``path`` (or prune it if it vanished)."""
        if not path.is_file():
            self.recent.remove(path)
            if self._on_missing is not None:
                self._on_missing(path)
            return
        self._open_path(path)
