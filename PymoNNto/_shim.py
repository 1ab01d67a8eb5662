"""How PymoNNto's module paths re-export names: ``export(globals(), source, ...)``.

A module of PymoNNto 3.0.6 has no ``__all__``: ``from M import *`` gives every public name it
holds, i.e. its own definitions, the modules it imports (``np``, ``os``, ...) and everything it
star-imported itself. Each module here imports its sources as private modules and calls
:func:`export`, which copies their star names (as ``from S import *`` would) and keeps the
heavy ones lazy:

* heavy modules (``plt``, ``sp``, ``sch``, ``imageio``, ``Image``, ...) are imported on first use,
  also through a star import: ``from PymoNNto import *`` binds ``plt`` to a :class:`LazyModule` that
  imports matplotlib.pyplot when the script first reads one of its attributes, so a script that never
  plots (a sweep run, a headless run) never pays for matplotlib (0.3 s per process). A missing
  optional package gives an object that says what to install when used;
* PymoNNto's PyQt5 and pyqtgraph names (``QtCore``, ``QtGui``, ``QtWidgets``, ``uic``, ``Qt``,
  ``pg``) are PyQt6's and pyqtgraph's, imported on first use (the studio draws PymoNNto tabs with
  them; without PyQt6 they are objects that say what to install);
* a heavy module's own star names (``from sympy.physics.units import *``) are listed only when a
  star import asks for them.

``__all__`` is computed when asked for (a module ``__getattr__``), so a plain ``import`` of a path
imports numpy and the engine only, and a package lists the submodules imported so far, as in
PymoNNto.
"""

import importlib
import sys
import types
from collections.abc import Callable
from typing import Any

# alias -> "module" or "module:attribute"
HEAVY = {
    "plt": "matplotlib.pyplot",
    "mpl": "matplotlib",
    "mcolors": "matplotlib.colors",
    "PolyCollection": "matplotlib.collections:PolyCollection",
    "sp": "scipy.sparse",
    "sch": "scipy.cluster.hierarchy",
    "scipy": "scipy",
    "entropy": "scipy.stats:entropy",
    "imageio": "imageio",
    "pd": "pandas",
    "Image": "PIL.Image",
    "PCA": "sklearn.decomposition:PCA",
    "paramiko": "paramiko",
    "SCPClient": "scp:SCPClient",
    "Tk": "tkinter:Tk",
    "copy_tree": "distutils.dir_util:copy_tree",
    "symbols": "sympy:symbols",
    "units": "sympy.physics.units",
}
QT = {
    "QtCore": "PyQt6.QtCore",
    "QtGui": "PyQt6.QtGui",
    "QtWidgets": "PyQt6.QtWidgets",
    "uic": "PyQt6.uic",
    "Qt": "PyQt6.QtCore:Qt",
    "pg": "pyqtgraph",
}
#: The modules whose classes PymoNNto's UI modules star-export (``from PyQt5.QtWidgets import *``).
QT_STARS = ("PyQt6.QtGui", "PyQt6.QtWidgets")
QWIDGETSIZE_MAX = (1 << 24) - 1  # Qt's constant, star-exported by PymoNNto's UI modules

_META = "__pymonnto_exports__"


class _Exports:
    """What a module exports lazily: aliases (name -> target) and heavy star sources."""

    def __init__(self) -> None:
        self.aliases: dict[str, str] = {}
        self.stars: list[str] = []


class MissingModule:
    """Stands in for an optional package that is not installed; says what to install when used."""

    def __init__(self, alias: str, target: str, error: BaseException) -> None:
        module = target.partition(":")[0]
        self._message = (
            f"'{alias}' needs {module!r}, which cannot be imported ({error}); "
            f"install it, e.g. pip install {module.split('.')[0]}"
        )

    def __repr__(self) -> str:
        return f"<missing module: {self._message}>"

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        raise ImportError(self._message)

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        raise ImportError(self._message)


class LazyModule(types.ModuleType):
    """Stands in for a heavy module until one of its attributes is read, then forwards to it.

    ``__name__`` is the module's name without importing it; every other attribute (read, set or
    listed) is the real module's, imported on first use.
    """

    def __init__(self, alias: str, target: str) -> None:
        super().__init__(target)
        self.__dict__["_lazy_alias"] = alias
        self.__dict__["_lazy_module"] = None

    def _lazy_load(self) -> Any:
        module = self.__dict__["_lazy_module"]
        if module is None:
            module = self.__dict__["_lazy_module"] = _load(self.__dict__["_lazy_alias"], self.__name__)
        return module

    def __getattr__(self, name: str) -> Any:
        return getattr(self._lazy_load(), name)

    def __setattr__(self, name: str, value: Any) -> None:
        setattr(self._lazy_load(), name, value)

    def __dir__(self) -> list[str]:
        return dir(self._lazy_load())

    def __repr__(self) -> str:
        state = "imported" if is_loaded(self) else "imported on first use"
        return f"<lazy module {self.__name__!r} ({state})>"


def is_loaded(module: Any) -> bool:
    """Whether ``module`` is real, or a :class:`LazyModule` whose module was imported."""
    return not isinstance(module, LazyModule) or module.__dict__["_lazy_module"] is not None


def _lazy(alias: str, target: str) -> Any:
    """What a heavy alias is bound to: a :class:`LazyModule` for a module, the object for a
    ``module:attribute`` target (a class or a function is used as such, e.g. subclassed)."""
    if ":" in target or alias in QT:
        return _load(alias, target)
    return LazyModule(alias, target)


def _public(name: str) -> bool:
    return not name.startswith("_")


def _load(alias: str, target: str) -> Any:
    module_name, _, attribute = target.partition(":")
    try:
        value: Any = importlib.import_module(module_name)
        return getattr(value, attribute) if attribute else value
    except Exception as error:  # a missing optional dependency fails when used, not at import
        return MissingModule(alias, target, error)


def _star_names(module: types.ModuleType) -> list[str]:
    names = getattr(module, "__all__", None)
    if names is None:
        names = [n for n in vars(module) if _public(n)]
    return [str(n) for n in names]


def _module(source: Any) -> types.ModuleType:
    """The module a source stands for.

    ``import P.TabBase as m`` reads the attribute ``TabBase`` of package ``P``, which is the class
    ``TabBase`` once ``P`` has star-exported it (as in PymoNNto); such a class stands for its module.
    """
    if isinstance(source, types.ModuleType):
        return source
    module = sys.modules.get(getattr(source, "__module__", ""))
    if module is None or module.__name__.rpartition(".")[2] != getattr(source, "__name__", None):
        raise TypeError(f"export() takes modules, got {source!r}")
    return module


def _parts(source: Any) -> tuple[dict[str, Any], dict[str, str], list[str]]:
    """A source's eager star names (with values), its lazy aliases and its heavy star sources."""
    source = _module(source)
    namespace = vars(source)
    meta = namespace.get(_META)
    if meta is None:
        return {n: getattr(source, n) for n in _star_names(source)}, {}, []
    eager = {n: v for n, v in namespace.items() if _public(n)}
    return eager, meta.aliases, meta.stars


def _is_submodule(value: Any, package: str) -> bool:
    return isinstance(value, types.ModuleType) and value.__name__.startswith(package + ".")


def export(
    namespace: dict[str, Any],
    *sources: Any,
    lazy: tuple[str, ...] = (),
    lazy_stars: tuple[str, ...] = (),
) -> None:
    """Make the module whose globals are ``namespace`` star-export what ``from S import *`` gives
    for each source S (in order; the module's own names win), plus the heavy aliases ``lazy``
    (keys of :data:`HEAVY` or :data:`QT`) and the star names of the heavy modules ``lazy_stars``."""
    meta = namespace.get(_META) or _Exports()
    package = namespace["__name__"]
    own = {n for n, v in namespace.items() if _public(n) and not _is_submodule(v, package)}
    for source in sources:
        eager, aliases, stars = _parts(source)
        for name, value in eager.items():
            if name not in own:
                namespace[name] = value
                meta.aliases.pop(name, None)
        for name, target in aliases.items():
            if name not in own:
                namespace.pop(name, None)
                meta.aliases[name] = target
        meta.stars += [s for s in stars if s not in meta.stars]
    for name in lazy:
        if name not in own:
            meta.aliases[name] = HEAVY.get(name) or QT[name]
    meta.stars += [s for s in lazy_stars if s not in meta.stars]
    namespace[_META] = meta
    namespace["__getattr__"] = _module_getattr(namespace, meta)


def _module_getattr(namespace: dict[str, Any], meta: _Exports) -> Callable[[str], Any]:
    def __getattr__(name: str) -> Any:
        if name == "__all__":
            names = {n for n in namespace if _public(n)} | set(meta.aliases)
            for star in meta.stars:
                try:
                    names.update(_star_names(importlib.import_module(star)))
                except ImportError:  # e.g. PyQt6 not installed: its names are left out
                    continue
            return sorted(names)
        if name in meta.aliases:
            value = namespace[name] = _lazy(name, meta.aliases[name])
            return value
        if _public(name):
            for star in meta.stars:
                module = importlib.import_module(star)
                if name in _star_names(module):
                    value = namespace[name] = getattr(module, name)
                    return value
        raise AttributeError(f"module {namespace['__name__']!r} has no attribute {name!r}")

    return __getattr__
