"""Keeps TensorFlow and matplotlib out of the Rasa server until something really uses them.

Rasa 3.6 imports TensorFlow in every server process although this model uses no TensorFlow
component (config.yml: spaCy, count vectors, logistic regression, rules), through two chains
of imports made for training only:
- rasa.core.agent -> ... -> rasa.utils.train_utils, which imports the training callbacks and
  the batch generator (rasa.utils.tensorflow.callback, .data_generator) for `rasa train`;
- loading a model reads its training graph too, whose DefaultV1RecipeValidator imports
  DIETClassifier, ResponseSelector and TEDPolicy to compare classes while training.
And rasa.server -> rasa.core.test -> rasa.nlu.test imports rasa.utils.plotting (matplotlib)
for `rasa test`. TensorFlow with Keras is about 350 MB a process, measured in reports/bench.md.

`install()` (called by `python -m bot.serve rasa` before Rasa is imported) makes those six
modules stand-ins: the class names other modules import from them are stand-in classes, and
anything else read from a stand-in module imports the real one. A stand-in class used for
real (called, a method or attribute read, subclassed) imports its real module and hands over
to the real class, so a model that does name DIET or TED still loads, only with TensorFlow
in memory; isinstance and issubclass answer as the real class would (nothing can be an
instance of a class whose module was never imported). tests/unit/test_deferred_imports.py
checks both halves; the server tests check a worker has no TensorFlow library mapped.
"""
from __future__ import annotations

import ast
import functools
import importlib
import importlib.abc
import importlib.machinery
import sys
import threading
import types
from typing import Any, Dict, FrozenSet, Optional, Set

# module -> the class names other modules import from it at import time (Rasa 3.6.21).
DEFERRED: Dict[str, FrozenSet[str]] = {
    "rasa.utils.tensorflow.callback": frozenset({"RasaTrainingLogger", "RasaModelCheckpoint"}),
    "rasa.utils.tensorflow.data_generator": frozenset({"RasaBatchDataGenerator",
                                                       "RasaDataGenerator"}),
    "rasa.nlu.classifiers.diet_classifier": frozenset({"DIETClassifier"}),
    "rasa.nlu.selectors.response_selector": frozenset({"ResponseSelector"}),
    "rasa.core.policies.ted_policy": frozenset({"TEDPolicy"}),
    "rasa.utils.plotting": frozenset(),  # imported whole; any attribute imports it for real
}

_lock = threading.RLock()
_importing_real: Set[str] = set()


def real_module(name: str) -> types.ModuleType:
    """The real module `name`, imported now if only its stand-in was."""
    module = sys.modules.get(name)
    if module is not None and not isinstance(module, StandInModule):
        return module
    with _lock:
        module = sys.modules.get(name)
        if module is not None and not isinstance(module, StandInModule):
            return module
        stand_in = sys.modules.pop(name, None)
        _importing_real.add(name)
        try:
            return importlib.import_module(name)
        except BaseException:
            if stand_in is not None:
                sys.modules[name] = stand_in
            raise
        finally:
            _importing_real.discard(name)


@functools.lru_cache(maxsize=None)
def defined_names(name: str) -> FrozenSet[str]:
    """The names the module's source defines at its top level (also inside top-level if/try
    blocks), read without running it; a `*` import counts as defining every name."""
    spec = importlib.machinery.PathFinder.find_spec(
        name, sys.modules[name.rpartition(".")[0]].__path__)
    if spec is None or not spec.origin or not spec.origin.endswith(".py"):
        return _EVERY_NAME
    with open(spec.origin, encoding="utf-8") as handle:
        tree = ast.parse(handle.read())
    names: Set[str] = set()
    statements = list(tree.body)
    while statements:
        node = statements.pop()
        if isinstance(node, (ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            names.add(node.name)
        elif isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                names.update(n.id for n in ast.walk(target) if isinstance(n, ast.Name))
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            for alias in node.names:
                if alias.name == "*":
                    return _EVERY_NAME
                names.add(alias.asname or alias.name.split(".")[0])
        elif isinstance(node, (ast.If, ast.Try, ast.With)):
            for block in ("body", "orelse", "finalbody"):
                statements.extend(getattr(node, block, []))
            statements.extend(s for h in getattr(node, "handlers", []) for s in h.body)
    return frozenset(names)


class _EveryName(frozenset):
    def __contains__(self, item: object) -> bool:
        return True


_EVERY_NAME = _EveryName()


def _loaded_real_class(cls: "StandInClass") -> Optional[type]:
    module = sys.modules.get(cls._module_name)
    if module is None or isinstance(module, StandInModule):
        return None
    return getattr(module, cls.__name__)


class StandInClass(type):
    """The metaclass of a stand-in: using the class for real imports the real one."""

    def __new__(mcs, name: str, bases: tuple, namespace: dict, **kwargs: Any):
        if "_module_name" in namespace:  # a stand-in made by StandInModule
            return super().__new__(mcs, name, bases, namespace)
        # Someone subclasses a stand-in: that needs the real class (and its module).
        real_bases = tuple(b.real() if isinstance(b, StandInClass) else b for b in bases)
        meta = type(real_bases[0]) if real_bases else type
        return meta(name, real_bases, namespace, **kwargs)

    def real(cls) -> type:
        return getattr(real_module(cls._module_name), cls.__name__)

    def __getattr__(cls, attribute: str) -> Any:
        # Only attributes the stand-in lacks; introspection's dunder probes stay cheap.
        if attribute.startswith("__") and attribute.endswith("__"):
            raise AttributeError(attribute)
        return getattr(cls.real(), attribute)

    def __call__(cls, *args: Any, **kwargs: Any) -> Any:
        return cls.real()(*args, **kwargs)

    def __instancecheck__(cls, instance: Any) -> bool:
        real = _loaded_real_class(cls)
        return real is not None and isinstance(instance, real)

    def __subclasscheck__(cls, subclass: type) -> bool:
        real = _loaded_real_class(cls)
        return real is not None and issubclass(subclass, real)


class StandInModule(types.ModuleType):
    """A deferred module: its known class names are stand-ins, anything else is real."""

    def __getattr__(self, attribute: str) -> Any:
        if attribute in DEFERRED.get(self.__name__, ()):
            stand_in = StandInClass(attribute, (), {"_module_name": self.__name__,
                                                    "__module__": self.__name__})
            setattr(self, attribute, stand_in)  # one stand-in per name
            return stand_in
        # Only a name the real module defines imports it: pickle-like scans of sys.modules
        # (skops's whichmodule, loading the classifier) probe every module for names.
        if attribute.startswith("__") or attribute not in defined_names(self.__name__):
            raise AttributeError(f"module {self.__name__!r} has no attribute {attribute!r}")
        return getattr(real_module(self.__name__), attribute)


class _StandInLoader(importlib.abc.Loader):
    def create_module(self, spec: importlib.machinery.ModuleSpec) -> types.ModuleType:
        return StandInModule(spec.name)

    def exec_module(self, module: types.ModuleType) -> None:
        return None


class _WithoutTensorFlow(importlib.abc.Loader):
    """Runs a module's code as if TensorFlow were not installed (unless it is already loaded)."""

    def __init__(self, loader: Any):
        self._loader = loader

    def __getattr__(self, attribute: str) -> Any:  # get_source, is_package, ...: the real one's
        return getattr(self._loader, attribute)

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> Optional[types.ModuleType]:
        return self._loader.create_module(spec)

    def exec_module(self, module: types.ModuleType) -> None:
        hide = "tensorflow" not in sys.modules
        if hide:
            sys.modules["tensorflow"] = None  # type: ignore[assignment]  (import -> ImportError)
        try:
            self._loader.exec_module(module)
        finally:
            if hide and "tensorflow" in sys.modules and sys.modules["tensorflow"] is None:
                del sys.modules["tensorflow"]


# spaCy's thinc tries TensorFlow (and PyTorch, CuPy, MXNet) at import for its wrappers of
# models written in them; without it thinc carries on (has_tensorflow = False). This project's
# spaCy pipelines are blank + lookups, run by thinc's own numpy code.
WITHOUT_TENSORFLOW = frozenset({"thinc.compat"})


class _Finder(importlib.abc.MetaPathFinder):
    def find_spec(self, fullname: str, path: Any = None, target: Any = None):
        if fullname in DEFERRED and fullname not in _importing_real:
            return importlib.machinery.ModuleSpec(fullname, _StandInLoader())
        if fullname in WITHOUT_TENSORFLOW:
            spec = importlib.machinery.PathFinder.find_spec(fullname, path, target)
            if spec is not None and spec.loader is not None:
                spec.loader = _WithoutTensorFlow(spec.loader)
            return spec
        return None


_finder = _Finder()


def install() -> None:
    """Deferred from now on in this process (and the workers it forks); the modules already
    imported stay as they are."""
    if _finder not in sys.meta_path:
        sys.meta_path.insert(0, _finder)


def tensorflow_loaded() -> bool:
    return "tensorflow" in sys.modules
