"""A text picture of a group's behaviors: what each one reads, writes and is parametrised by.

``NeuronGroup.visualize_module()`` uses this. For every behavior, in key order, it reads the source
of ``initialize`` and ``iteration`` (without running them) and lists the variables of the group
(``n.<name>``) and of synapse groups (``s.<name>``) they read and write, the variables created in
``initialize`` (``#init``), and the parameters (``self.parameter('key', default)``) with the value the
behavior was given. A behavior may state its own lists in ``visualization_module_inputs``,
``visualization_module_outputs`` and ``visualization_module_attributes``. The flow lines say which
earlier behavior produces each variable a behavior reads.
"""

from __future__ import annotations

import ast
import inspect
import textwrap
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from engine.model.behavior import Behavior

__all__ = ["ModuleInfo", "analyze_module", "describe_modules", "format_modules"]

#: parameter names that mean "this behavior is written for a synapse group"
SYNAPSE_ARG_NAMES = frozenset(
    ["s", "S", "syn", "Syn", "SYN", "syns", "Syns", "SYNS", "synapse", "Synapse", "SYNAPSE"]
    + ["synapses", "Synapses", "SYNAPSES"]
)
_PARAMETER_READERS = frozenset({"parameter", "get_init_attr", "kwargs", "args", "argument"})
#: what every group has and what the picture leaves out (structure, not model variables)
_STRUCTURE = frozenset(
    {"size", "id", "tags", "tag", "network", "behavior", "afferent_synapses", "efferent_synapses"}
    | {"mask", "BaseNeuronGroup", "recording", "analysis_modules", "iteration", "def_dtype"}
    | {"src", "dst", "enabled", "group_weighting", "tag_shortcuts"}
)
_HIDDEN_PARAMETERS = frozenset({"tag", "behavior_enabled"})


@dataclass
class ModuleInfo:
    """What :func:`analyze_module` found out about one behavior."""

    key: Any
    name: str
    module_type: str
    inputs: list[str] = field(default_factory=list)
    outputs: list[str] = field(default_factory=list)
    init_vars: list[str] = field(default_factory=list)
    attributes: list[str] = field(default_factory=list)


class _Scan(ast.NodeVisitor):
    """Reads and writes of ``<root>.<name>`` in one function body."""

    def __init__(self, roots: dict[str, str]):
        self.roots = dict(roots)  # variable name -> 'n' or 's'
        self.reads: list[str] = []
        self.writes: list[str] = []
        self.parameters: dict[str, str] = {}

    def _target(self, node: ast.AST) -> str | None:
        if not isinstance(node, ast.Attribute) or node.attr.startswith("__"):
            return None
        owner = node.value
        if isinstance(owner, ast.Name) and owner.id in self.roots:
            kind = self.roots[owner.id]
        elif (
            isinstance(owner, ast.Attribute)
            and owner.attr in ("src", "dst")
            and isinstance(owner.value, ast.Name)
            and self.roots.get(owner.value.id) == "s"
        ):
            kind = "n"
        else:
            return None
        return None if node.attr in _STRUCTURE else f"{kind}.{node.attr}"

    @staticmethod
    def _add(bucket: list[str], name: str | None) -> None:
        if name is not None and name not in bucket:
            bucket.append(name)

    def visit_Attribute(self, node: ast.Attribute) -> None:
        name = self._target(node)
        self._add(self.writes if isinstance(node.ctx, (ast.Store, ast.Del)) else self.reads, name)
        self.generic_visit(node)

    def _stored(self, node: ast.AST) -> str | None:
        while isinstance(node, ast.Subscript):  # n.v[mask] = ... changes n.v
            node = node.value
        return self._target(node)

    def visit_Assign(self, node: ast.Assign) -> None:
        for target in node.targets:
            if isinstance(target, ast.Subscript):
                self._add(self.writes, self._stored(target))
        self.generic_visit(node)

    def visit_AugAssign(self, node: ast.AugAssign) -> None:
        name = self._stored(node.target)
        self._add(self.reads, name)
        self._add(self.writes, name)
        self.generic_visit(node)

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        if isinstance(func, ast.Attribute) and self._target(func) is not None:
            for child in [*node.args, *node.keywords]:  # n.vector(...): a method, not a variable
                self.visit(child)
            return
        if (
            isinstance(func, ast.Attribute)
            and func.attr in _PARAMETER_READERS
            and isinstance(func.value, ast.Name)
            and func.value.id == "self"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            default = ast.unparse(node.args[1]) if len(node.args) > 1 else "None"
            self.parameters.setdefault(node.args[0].value, default)
        self.generic_visit(node)

    def visit_For(self, node: ast.For) -> None:
        source = ast.unparse(node.iter)
        if isinstance(node.target, ast.Name) and ("synapses" in source or "SynapseGroups" in source):
            self.roots[node.target.id] = "s"
        self.generic_visit(node)


def _scan(behavior: Behavior, method: str) -> tuple[_Scan, str | None]:
    function = getattr(type(behavior), method, None)
    try:
        tree = ast.parse(textwrap.dedent(inspect.getsource(function)))  # type: ignore[arg-type]
        definition = tree.body[0]
    except (OSError, TypeError, SyntaxError, IndexError):
        return _Scan({}), None
    if not isinstance(definition, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return _Scan({}), None
    params = [a.arg for a in definition.args.args]
    root = params[1] if len(params) > 1 else None
    scan = _Scan({root: "s" if root in SYNAPSE_ARG_NAMES else "n"} if root else {})
    for statement in definition.body:
        scan.visit(statement)
    return scan, root


def _format_value(value: Any) -> str:
    text = repr(value) if isinstance(value, str) else str(value)
    text = " ".join(text.split())
    return text if len(text) <= 40 else text[:37] + "..."


def analyze_module(behavior: Behavior, key: Any = None) -> ModuleInfo:
    """Inputs, outputs, variables created in ``initialize`` and parameters of one behavior."""
    init_scan, init_root = _scan(behavior, "initialize")
    step_scan, step_root = _scan(behavior, "iteration")
    is_synapse = init_root in SYNAPSE_ARG_NAMES or step_root in SYNAPSE_ARG_NAMES
    module_type = "PymoNNto Synapse-Group Module" if is_synapse else "PymoNNto Neuron-Group Module"
    if behavior.initialize_on_init:
        module_type += " (init set var)"
    created = list(init_scan.writes)
    inputs = sorted(set(step_scan.reads) | set(step_scan.writes))
    outputs = sorted(set(created) | set(step_scan.writes))
    parameters = dict(init_scan.parameters)
    for name, default in step_scan.parameters.items():
        parameters.setdefault(name, default)
    for name in behavior.init_kwargs:
        parameters.setdefault(name, "")
    attributes = []
    for name in sorted(parameters):
        if name in _HIDDEN_PARAMETERS:
            continue
        if name in behavior.init_kwargs:
            attributes.append(f"{name}={_format_value(behavior.init_kwargs[name])}")
        else:
            attributes.append(f"{name}={parameters[name]} (default)")
    info = ModuleInfo(key, type(behavior).__name__, module_type, inputs, outputs, sorted(created), attributes)
    for attr, target in (
        ("visualization_module_inputs", "inputs"),
        ("visualization_module_outputs", "outputs"),
        ("visualization_module_attributes", "attributes"),
    ):
        given = getattr(behavior, attr, None)
        if given is not None:
            setattr(info, target, list(given))
    return info


def describe_modules(
    behaviors: dict[Any, Behavior], show_dimension: bool = True, show_recorder: bool = True
) -> list[ModuleInfo]:
    """:func:`analyze_module` for each behavior in key order (dimension/recorders optional)."""
    infos = []
    for key in sorted(behaviors):
        name = type(behaviors[key]).__name__
        if name in ("Recorder", "EventRecorder") and not show_recorder:
            continue
        if name == "NeuronDimension" and not show_dimension:
            continue
        infos.append(analyze_module(behaviors[key], key))
    return infos


def _producer(infos: list[ModuleInfo], index: int, variable: str) -> int | None:
    """The nearest behavior before ``index`` (wrapping around) that outputs ``variable``."""
    count = len(infos)
    for back in range(1, count):
        other = (index - back) % count
        if variable in infos[other].outputs:
            return other
    return index if variable in infos[index].outputs else None


def format_modules(infos: list[ModuleInfo], title: str, only_feed_forward_connections: bool = False) -> str:
    """The text picture of :func:`describe_modules`' result."""
    lines = [f"{title}: {len(infos)} behavior{'s' if len(infos) != 1 else ''} in execution order"]
    for info in infos:
        lines.append(f"  [{info.key}] {info.name}  ({info.module_type})")
        lines.append("      parameters: " + (", ".join(info.attributes) or "-"))
        lines.append("      reads:      " + (", ".join(info.inputs) or "-"))
        outputs = [v + (" #init" if v in info.init_vars else "") for v in info.outputs]
        lines.append("      writes:     " + (", ".join(outputs) or "-"))
    flow = []
    for index, info in enumerate(infos):
        for variable in info.inputs:
            source = _producer(infos, index, variable)
            if source is None or (only_feed_forward_connections and source >= index):
                continue
            origin = infos[source]
            flow.append(f"  {variable}: [{origin.key}] {origin.name} -> [{info.key}] {info.name}")
    lines.append("flow:" if flow else "flow: -")
    lines.extend(flow)
    return "\n".join(lines)
