"""A Rasa worker's loaded model is out of the garbage collector's reach (bot/serve.py):
what Rasa's start-up listener returns is unchanged, the objects alive then are frozen, and
those made afterwards are still collected."""
from __future__ import annotations

import asyncio
import gc
from functools import partial

from rasa.core import run

from bot import serve


class _Model:
    def __init__(self):
        self.cycle = self  # collected only by the garbage collector, never by reference counts


def test_the_worker_loads_as_rasa_does_then_freezes_what_it_loaded(monkeypatch):
    loaded = []

    async def rasas_load(model_path, endpoints, remote_storage, app, loop):
        loaded.append((model_path, endpoints, remote_storage, app))
        return _Model()

    monkeypatch.setattr(run, "load_agent_on_start", rasas_load)
    serve.frozen_once_loaded()
    serve.frozen_once_loaded()  # once only: the listener is not wrapped twice
    assert run.load_agent_on_start.__wrapped__ is rasas_load
    # as rasa.core.run registers it, and as Sanic calls a listener: (app, loop)
    listener = partial(run.load_agent_on_start, "models/current.tar.gz", "endpoints", None)
    gc.unfreeze()
    loop = asyncio.new_event_loop()
    try:
        agent = loop.run_until_complete(listener("app", loop))
        assert isinstance(agent, _Model) and loaded == [("models/current.tar.gz", "endpoints", None, "app")]
        assert gc.get_freeze_count() > 0
        assert all(o is not agent for o in gc.get_objects())  # frozen: never walked again
        made_after = _Model()
        assert any(o is made_after for o in gc.get_objects())  # still collected
    finally:
        loop.close()
        gc.unfreeze()
