"""Imported by Python at start-up in every process run from this repository (PYTHONPATH is
the repository root: `make run`, `make test`, the action server, Rasa itself).

TensorFlow 2.12, which Rasa 3.6 imports whether or not a model uses it, imports JAX when JAX
is installed (TF lists it as a dependency) for a TFLite converter this project never calls.
Not loading it saves about 64 MB in every Rasa server process (measured: 521 -> 457 MB after
importing Rasa's agent). TensorFlow treats JAX as optional and carries on without it.
"""
import sys

sys.modules.setdefault("jax", None)  # `import jax` now raises ImportError, as if absent
