"""engine.library exports PymoNNto 3.0.6's library names; `from PymoNNto import *` still does not."""

import json

import engine.library
from engine.model.behavior import Behavior
from tests.support.paths import REPO_ROOT

SURFACE = json.loads(
    (REPO_ROOT / "tests" / "data" / "pymonnto_3_0_6_surface.json").read_text(encoding="utf-8")
)
LIBRARY_MODULES = [
    "PymoNNto.NetworkBehavior.Basics.BasicHomeostasis",
    "PymoNNto.NetworkBehavior.Basics.Behavior_Weight_Initialization",
    "PymoNNto.NetworkBehavior.Basics.Normalization",
    "PymoNNto.NetworkBehavior.Basics.Normalization_Sparse",
    "PymoNNto.NetworkBehavior.Basics.Nox_diffusion",
    "PymoNNto.NetworkBehavior.Basics.Refractory",
    "PymoNNto.NetworkBehavior.EulerEquationModules.Equation",
    "PymoNNto.NetworkBehavior.EulerEquationModules.EulerClock",
    "PymoNNto.NetworkBehavior.EulerEquationModules.Helper",
    "PymoNNto.NetworkBehavior.EulerEquationModules.VariableInitializer",
]


def defined_names(module):
    """The classes and functions the reference module defines itself."""
    names = SURFACE["modules"][module]["names"]
    return {name for name, info in names.items() if info.get("module") == module}


def test_every_class_and_function_of_the_reference_library_is_here():
    wanted = set().union(*(defined_names(m) for m in LIBRARY_MODULES))
    assert len(wanted) == 15
    assert wanted | {"myUnits"} == set(engine.library.__all__)
    for name in engine.library.__all__:
        assert getattr(engine.library, name) is not None
    behaviors = [n for n in wanted if isinstance(getattr(engine.library, n), type)]
    assert sorted(behaviors) == sorted(
        [
            "Instant_Homeostasis",
            "Time_Integration_Homeostasis",
            "CreateWeights",
            "Synaptic_Normalization",
            "NOX_Diffusion",
            "refractory",
            "Equation",
            "Clock",
            "Variable",
            "Syn_Variable",
        ]
    )
    assert all(issubclass(getattr(engine.library, n), Behavior) for n in behaviors)


def test_the_tensorflow_module_is_not_provided():
    entry = SURFACE["modules"]["PymoNNto.NetworkBehavior.Basics.Normalization_Tensorflow"]
    assert entry["imports"] is False and "tensorflow" in entry["error"]
    assert not hasattr(engine.library, "Synaptic_Normalization_TF")


def test_the_pymonnto_star_import_does_not_export_the_library():
    star = set(SURFACE["modules"]["PymoNNto"]["names"])
    assert not star & set(engine.library.__all__)
    namespace = {}
    exec("from PymoNNto import *", namespace)
    assert not set(namespace) & set(engine.library.__all__)
