"""AnalysisModule: named, tag-searchable analysis functions attached to a group or the network.

An analysis module is not part of the simulation schedule. It is attached to a NeuronGroup, a
SynapseGroup or the Network (``AnalysisModule(parent=ng, ...)`` or ``ng.add_analysis_module(m)``),
becomes the attribute ``parent.<ClassName>`` and is found by tag lookups like a behavior
(``ng['classifier']``, ``net['MyAnalysis', 0]``). Calling it (``module(**kwargs)`` or
``module.exec(**kwargs)``) runs :meth:`AnalysisModule.execute` on the parent and keeps the result
in ``result_storage`` under a key built from the class name, the constructor arguments and the
call arguments; progress callbacks see 0 at the start and 100 when the result is stored.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

from engine.model.tagging import TaggableObjectBase

__all__ = ["AnalysisModule", "AnalysisModuleHost"]

#: ``function(percent)``: told how far a running analysis has got (0..100)
ProgressFunction = Callable[[float], Any]
#: ``function(key)``: told that the stored results changed (``key`` is None after a removal)
UpdateNotifier = Callable[[Any], Any]


class AnalysisModule(TaggableObjectBase):
    """Base class of analysis modules; override :meth:`initialize` and :meth:`execute`.

    Parameters
    ----------
    parent : NeuronGroup, SynapseGroup or Network, optional
        Attach at once (and run :meth:`initialize`); otherwise use ``parent.add_analysis_module``.
    **kwargs
        Kept in ``init_kwargs`` and read with :meth:`parameter` (``tag=`` sets tags).
    """

    def __init__(self, parent: Any = None, **kwargs: Any):
        self.init_kwargs: dict[str, Any] = dict(kwargs)
        super().__init__(tag=self.parameter("tag", None))
        self.used_attr_keys: list[str] = []
        self.parent: Any = None
        self.execution_arguments = self._get_default_args_(self.execute)
        self.result_storage: dict[Any, Any] = {}
        self.current_result: Any = None
        self.current_key: Any = None
        self.save_results = True
        self.update_notifier_functions: list[UpdateNotifier] = []
        self.progress_update_function: ProgressFunction | None = None
        if parent is not None:
            self._attach_and_initialize_(parent)

    # ------------------------------------------------------------------ to override

    def initialize(self, neurons: Any) -> None:
        """Called once when the module is attached; read parameters, add tags here."""

    def execute(self, neurons: Any, *args: Any, **kwargs: Any) -> Any:
        """The analysis; its result is stored. Call the module (``module(...)``), not this."""
        return None

    def is_executable(self) -> bool:
        """True when the subclass overrides :meth:`execute`."""
        return type(self).execute is not AnalysisModule.execute

    # ------------------------------------------------------------------ attaching, parameters

    def _attach_and_initialize_(self, parent: Any) -> None:
        modules = getattr(parent, "analysis_modules", None)
        if not isinstance(modules, list):
            raise TypeError(
                f"{type(self).__name__}: cannot attach to {parent!r}; analysis modules attach to a "
                "NeuronGroup, a SynapseGroup or the Network"
            )
        self.parent = parent
        modules.append(self)
        try:
            setattr(parent, type(self).__name__, self)
        except AttributeError:  # a read-only property of the parent has this name
            pass
        self.initialize(parent)

    def parameter(self, key: str, default: Any = None) -> Any:
        """The constructor argument ``key``, or ``default``."""
        if hasattr(self, "used_attr_keys") and key not in self.used_attr_keys:
            self.used_attr_keys.append(key)
        return self.init_kwargs.get(key, default)

    # ------------------------------------------------------------------ running

    def add_progress_update_function(self, function: ProgressFunction) -> None:
        self.progress_update_function = function

    def update_progress(self, percent: float) -> None:
        if self.progress_update_function is not None:
            self.progress_update_function(percent)

    def __call__(self, **kwargs: Any) -> Any:
        return self.exec(**kwargs)

    def exec(self, **kwargs: Any) -> Any:
        """Run :meth:`execute` on the parent with ``kwargs`` and store its result."""
        if self.parent is None:
            raise RuntimeError(
                f"{type(self).__name__} is not attached: give parent= or call "
                "group.add_analysis_module(module) before running it"
            )
        self.update_progress(0)
        self.current_key = self.generate_current_key(kwargs)
        return self.save_result(self.current_key, self.execute(self.parent, **kwargs))

    def _get_name(self) -> str:
        return type(self).__name__

    def _get_base_name_(self) -> str:
        arguments = ", ".join(str(value) for value in self.init_kwargs.values())
        return f"{self._get_name()}({arguments})"

    def generate_current_key(self, args_key: dict[str, Any], add_args: bool = True) -> str:
        """``'ClassName(init values)'``, followed by ``' ' + str(kwargs)`` when there are kwargs."""
        key = self._get_base_name_()
        if args_key and add_args:
            key += " " + str(args_key)
        return key

    # ------------------------------------------------------------------ results

    def save_result(self, key: Any, result: Any) -> Any:
        """Store ``result`` under ``key`` (unless it is None or saving is off) and notify."""
        self.update_progress(100)
        if self.save_results and result is not None:
            self.current_result = result
            self.result_storage[key] = result
        self._update_notification_(key)
        return result

    def last_call_result(self) -> Any:
        return self.current_result

    result = last_call_result

    def get_results(self) -> dict[Any, Any]:
        return self.result_storage

    def remove_result(self, key: Any) -> Any:
        if key not in self.result_storage:
            print("cannot remove result", key, "not found.")
            return None
        removed = self.result_storage.pop(key)
        self._update_notification_()
        return removed

    def clear_results(self) -> None:
        self.result_storage = {}
        self._update_notification_()

    # ------------------------------------------------------------------ notifications

    def set_update_notifier(self, function: UpdateNotifier) -> None:
        self.update_notifier_functions.append(function)

    def remove_update_notifier(self, function: UpdateNotifier) -> None:
        if function in self.update_notifier_functions:
            self.update_notifier_functions.remove(function)

    def _update_notification_(self, key: Any = None) -> None:
        for function in list(self.update_notifier_functions):
            function(key)

    @staticmethod
    def _get_default_args_(
        func: Callable[..., Any],
        exclude: tuple[str, ...] = ("self", "args", "kwargs"),
        exclude_first: bool = True,
    ) -> dict[str, Any]:
        """``{name: default}`` of ``func``'s parameters (``''`` where there is no default)."""
        result: dict[str, Any] = {}
        for index, (name, param) in enumerate(inspect.signature(func).parameters.items()):
            if (index == 0 and exclude_first) or name in exclude:
                continue
            if param.kind in (param.VAR_POSITIONAL, param.VAR_KEYWORD):
                continue
            result[name] = "" if param.default is inspect.Parameter.empty else param.default
        return result

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.tags[0]!r}: {len(self.result_storage)} results>"


class AnalysisModuleHost:
    """Mixin for objects that carry ``analysis_modules`` (groups, synapse groups, the network).

    Tag lookups on the host also find its analysis modules, after its behaviors.
    """

    analysis_modules: list[Any]

    def add_analysis_module(self, module: AnalysisModule) -> AnalysisModule:
        """Attach ``module`` (runs its ``initialize``) and return it."""
        if not isinstance(module, AnalysisModule):
            raise TypeError(
                f"add_analysis_module: expected an AnalysisModule instance, got {module!r}"
                + (" - did you forget the parentheses?" if isinstance(module, type) else "")
            )
        module._attach_and_initialize_(self)
        return module

    def get_all_analysis_module_results(self, tag: object, return_modules: bool = False) -> Any:
        """``{key: result}`` of every module the lookup ``self[tag]`` finds (and ``{key: module}``)."""
        results: dict[Any, Any] = {}
        modules: dict[Any, Any] = {}
        for module in self[tag]:  # type: ignore[index]
            if isinstance(module, AnalysisModule):
                for key, value in module.get_results().items():
                    results[key] = value
                    modules[key] = module
        if return_modules:
            return results, modules
        return results

    def _children_matches(self, key: object) -> list[Any]:
        found: list[Any] = super()._children_matches(key)  # type: ignore[misc]
        for module in self.analysis_modules:
            found.extend(module._matches(key))
        return found
