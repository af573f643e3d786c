"""Rasa's deep copies of what it logs at debug level, made only when debug logs are written.

Rasa 3.6's processor, form action and rule policy deep-copy events, slots, parse data and
rule states as arguments of `structlogger.debug(...)` (every `copy.` use in those modules is
one: tests/unit/test_debug_log_copies.py reads their source), about 200 deep copies a message
(~4 % of a turn under cProfile, session 14), so that the log's processors (Rasa's anonymiser
changes values in place) never touch the tracker's own objects. With debug logging off (the
server's level, `LOG_LEVEL`, is INFO), structlog's filtering logger makes `debug` a no-op that
never looks at its arguments: the copies are made and dropped unseen.

Here those modules' `copy` is a stand-in whose `deepcopy` hands the value back unchanged when
the module's own `structlogger.debug` is structlog's no-op at that moment (the same bound
logger the call right after uses), and deep-copies as before otherwise (debug on, another
logger class, structlog configured otherwise). Everything else of `copy` is the module's own.
"""
from __future__ import annotations

import copy
import importlib
from types import ModuleType
from typing import Any, Dict, Optional, Tuple

# The modules whose every `copy.` use is a debug log argument (checked by the test named above)
MODULES = ("rasa.core.processor", "rasa.core.actions.forms", "rasa.core.policies.rule_policy")

RELIED_ON: Dict[str, Optional[Tuple[str, ...]]] = {
    **{f"{name}:structlogger": None for name in MODULES},
    **{f"{name}:copy": None for name in MODULES},
    "structlog._native:_nop": ("self", "event", "args", "kw"),
}


class CopyForDebugLogs:
    """`copy` for a module that deep-copies only what it logs at debug level."""

    def __init__(self, module: ModuleType) -> None:
        from structlog._native import _nop

        self._module, self._nop = module, _nop

    def deepcopy(self, value: Any, memo: Any = None) -> Any:
        if getattr(self._module.structlogger.debug, "__func__", None) is self._nop:
            return value  # dropped unread by the debug call it is an argument of
        return copy.deepcopy(value, memo)

    def __getattr__(self, name: str) -> Any:
        return getattr(copy, name)


def copied_only_when_logged() -> None:
    for name in MODULES:
        module = importlib.import_module(name)
        if not isinstance(module.copy, CopyForDebugLogs):
            module.copy = CopyForDebugLogs(module)
