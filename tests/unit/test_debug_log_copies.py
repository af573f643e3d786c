"""Rasa's debug-log deep copies are skipped only where they are debug-log arguments and only
while debug logs are dropped (bot/debug_log_copies.py)."""
from __future__ import annotations

import ast
import importlib
import inspect
import logging

import structlog

from bot import debug_log_copies, rasa_speedups

rasa_speedups.apply()


def _parents(tree):
    parents = {}
    for node in ast.walk(tree):
        for child in ast.iter_child_nodes(node):
            parents[child] = node
    return parents


def test_every_copy_in_those_modules_is_an_argument_of_a_debug_log():
    for name in debug_log_copies.MODULES:
        tree = ast.parse(inspect.getsource(importlib.import_module(name)))
        parents = _parents(tree)
        uses = [n for n in ast.walk(tree) if isinstance(n, ast.Attribute)
                and isinstance(n.value, ast.Name) and n.value.id == "copy"]
        assert uses, name
        for use in uses:
            assert use.attr == "deepcopy", (name, use.lineno)
            node, inside_debug = use, False
            while node in parents:
                node = parents[node]
                if isinstance(node, ast.Call) and ast.unparse(node.func) == "structlogger.debug":
                    inside_debug = True
                    break
            assert inside_debug, (name, use.lineno)


def _configured(level):
    structlog.configure(wrapper_class=structlog.make_filtering_bound_logger(level),
                        cache_logger_on_first_use=False)


def test_copied_when_debug_logs_are_written_and_not_when_dropped():
    before = structlog.get_config()
    module = importlib.import_module("rasa.core.processor")
    events = [{"event": "slot", "name": "pain_location", "value": ["lower back"]}]
    # a logger not yet bound: an earlier test's server may have cached the module's logger at its
    # level on first use, and the stand-in then (rightly) follows that cached logger
    logger, module.structlogger = module.structlogger, structlog.get_logger()
    try:
        _configured(logging.INFO)
        assert module.copy.deepcopy(events) is events
        _configured(logging.DEBUG)
        copied = module.copy.deepcopy(events)
        assert copied == events and copied is not events and copied[0] is not events[0]
        structlog.configure(wrapper_class=structlog.stdlib.BoundLogger)  # another logger class
        assert module.copy.deepcopy(events) is not events
    finally:
        structlog.configure(**before)
        module.structlogger = logger
    assert module.copy.copy is __import__("copy").copy  # the rest of `copy` is the module's
