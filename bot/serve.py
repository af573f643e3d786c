"""Starts the Rasa server or the action server in this process, with their secrets.

Starts the Rasa server or the action server in this process, with their secrets read from
the environment or var/ (bot/server_secrets.py), never from the command line, where ``ps``
shows every argument to every user of the machine.

    python -m bot.serve rasa [rasa run options]     # e.g. --model ... --port 5005 --enable-api
    python -m bot.serve actions [--port 5055]       # the action server (actions/)

``rasa``: Rasa's HTTP API gets its token (RASA_AUTH_TOKEN, else var/api-token) in memory, and
Sanic refuses request bodies over SANIC_REQUEST_MAX_SIZE (default 2 MB; a patient's message
is a few kB; REST bodies over 64 kB are not handled, only answered kindly).

``actions`` also delivers the outbox (bot/outbox.py: staff alerts, EHR hand-overs) in a
thread, every OUTBOX_WORKER_SECONDS (default 5; 0 turns the worker off), after checking
the alert settings (bot/alerts/settings.py): a mistake stops the start, naming the setting.

Before Rasa starts, the database its endpoints name is brought to the latest schema
(migrations/): once, before Sanic starts its worker processes (SANIC_WORKERS; `make run` sets
one a core), which would otherwise race to create the same tables.

``actions``: every call to /webhook must carry the action-server token (ACTION_SERVER_TOKEN,
else var/action-token) as ``?token=``, which ``python -m bot endpoints`` writes into the Rasa
server's var/endpoints.yml (mode 600): anyone else who reaches the port is refused.
"""
from __future__ import annotations

import hmac
import os
import sys
from typing import List, Optional

from bot import log_secrets
from bot.server_secrets import ACTION_TOKEN, API_TOKEN, server_secret

# Connections waiting to be accepted (Sanic's default is 100). Rasa opens a new connection
# for a call to the action server when none of its kept ones is idle (bot/action_connections.py),
# and with one worker a core (`make run`) a burst of conversations starting at once opens that
# many at the same moment: room for them, on both servers (the Rasa server reads SANIC_BACKLOG
# itself).
BACKLOG = "1024"

# How long the action server waits for a request on a connection it accepted. Sanic's
# keep-alive timeout (5 s) also covers a new connection before its first byte, and a Rasa
# worker busy with other conversations under a burst can take longer than that between
# connecting and writing its call: Sanic then closed the connection, Rasa reported "Cannot
# write to closing transport" and dropped that action's events (the form's validation; the
# patient still got an answer). Measured: 30 such calls lost in 400 messages of a
# 100-conversation burst at load average 10 before, none after. It is also the wait for the
# next call on a kept-alive connection: the Rasa server closes its idle ones after 15 s
# (bot/action_connections.py, KEEPALIVE_S), so the action server never closes one first.
ACCEPTED_CONNECTION_WAIT_S = "60"

# Above the largest message the kind "too long" answer is for (a 100,000-character message of
# emoji is 1.2 MB as escaped JSON); bounded, unlike Sanic's default of 100 MB.
REQUEST_MAX_SIZE = str(2 * 1024 * 1024)


def rasa_argv(args: List[str], api_token: str) -> List[str]:
    """`rasa run` with the API token added in memory (never on the process's command line).

    Attached with '=': a random token begins with '-' one time in 64 (URL-safe base64), and
    argparse reads `--auth-token -xyz` as a missing value followed by an unknown option, so
    `rasa run` exited (2) before starting, and, the token being kept in var/api-token, at
    every restart after."""
    if "--auth-token" in args or any(a.startswith("--auth-token=") for a in args):
        raise SystemExit("bot.serve: the API token comes from RASA_AUTH_TOKEN or var/api-token, "
                         "not from the command line")
    return ["rasa", "run", *args, f"--auth-token={api_token}"]


def endpoints_database(args: List[str]) -> Optional[str]:
    """The database URL of the tracker store in the endpoints file `rasa run` is given, if it
    is this project's tracker store."""
    import yaml

    path = None
    for i, arg in enumerate(args):
        if arg == "--endpoints" and i + 1 < len(args):
            path = args[i + 1]
        elif arg.startswith("--endpoints="):
            path = arg.split("=", 1)[1]
    if path is None or not os.path.exists(path):
        return None
    with open(path, encoding="utf-8") as handle:
        tracker_store = (yaml.safe_load(handle) or {}).get("tracker_store") or {}
    if tracker_store.get("type") != "bot.tracker_store.ClinicTrackerStore":
        return None
    return tracker_store.get("url")


def workers_stop_with_their_manager() -> None:
    """With SANIC_WORKERS > 1, Sanic forks the workers from a manager process that holds the
    port. Killed outright (SIGKILL, the out-of-memory killer), the manager would leave its
    workers serving as orphans on the port, and the supervisor's new Rasa server could never
    bind it. Each forked worker therefore asks Linux for SIGTERM when its parent dies."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes
    import signal

    libc = ctypes.CDLL(None, use_errno=True)
    pr_set_pdeathsig = 1
    os.register_at_fork(
        after_in_child=lambda: libc.prctl(pr_set_pdeathsig, signal.SIGTERM, 0, 0, 0))


def share_with_workers() -> None:
    """Sanic 21 forks its workers (SANIC_WORKERS > 1) from the manager process: what the
    manager imported before the fork is shared by every worker (copy-on-write) instead of
    loaded once each. So the modules a worker needs to load the model are imported here, and
    the garbage collector's objects are frozen just before each fork (Python's documented
    advice: a collection in a worker would otherwise write to, and so copy, every shared
    object's page)."""
    import gc

    import rasa.core.agent  # noqa: F401  (the model's graph, policies and NLU components)
    import rasa.core.policies.rule_policy  # noqa: F401
    import rasa.nlu.classifiers.logistic_regression_classifier  # noqa: F401
    import rasa.nlu.featurizers.sparse_featurizer.count_vectors_featurizer  # noqa: F401
    import rasa.nlu.utils.spacy_utils  # noqa: F401
    import spacy  # noqa: F401

    import bot.dialogue  # noqa: F401  (config.yml's own components and policies)
    import bot.nlu.faq  # noqa: F401
    import bot.other_language  # noqa: F401
    from bot.nlu import drugs
    from bot.nlu.components import spanish_matcher
    from bot.nlu.crisis import default_detector
    from bot.nlu.request_words import request_words

    # The data the components keep once per process, built here once for all workers: the
    # drug dictionary and its spelling index, the Spanish vocabularies, the crisis phrases,
    # the request words.
    drugs.find_medicines(["ibuprofen"])
    drugs.closest_drug_name("ibuprofn")
    spanish_matcher()
    default_detector()
    request_words()

    os.register_at_fork(before=gc.freeze)


def return_freed_memory() -> None:
    """Hands the C heap's free pages back to Linux (glibc's malloc_trim). Loading the drug
    dictionary unpickles a 300 MB structure and builds indexes it then drops (bot/nlu/drugs.py);
    glibc keeps such freed memory resident, and in the manager every forked worker would
    inherit it: measured, the server's total memory (PSS) is about 150 MB lower with this."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes
    import gc

    gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc (musl): nothing to trim this way
        pass


def frozen_once_loaded() -> None:
    """Each Rasa worker's objects moved out of the garbage collector's reach once its model is
    loaded (gc.freeze), as those the manager loaded are before it forks workers.

    A loaded model is about a million objects (spaCy's pipelines, the vocabularies, the drug
    dictionary) that live as long as the process. Python's full collection walks every object
    it tracks, and it runs once some hundred thousand objects have outlived two younger
    collections; a turn's short-lived objects (a form call's decoded events, the states)
    count towards that. One worker alone (`SANIC_WORKERS=1`, one core) walked that million
    again every few hundred messages: ~1 ms a message in process (bench/inprocess.py,
    reports/bench-profile-in-process.md, session 18). Collections go on for everything made
    after the load. Objects made before it and only found unreachable later (a cycle in a
    model replaced through the HTTP API) are never collected, as already with several
    workers."""
    import functools
    import gc

    from rasa.core import run

    loading = run.load_agent_on_start
    if getattr(loading, "__frozen_once_loaded__", False):
        return

    @functools.wraps(loading)
    async def load_agent_on_start(*args, **kwargs):
        agent = await loading(*args, **kwargs)
        gc.collect()  # what start-up left unreachable goes first
        gc.freeze()
        return agent

    load_agent_on_start.__frozen_once_loaded__ = True
    run.load_agent_on_start = load_agent_on_start


def serve_rasa(args: List[str]) -> None:
    if os.environ.get("RASA_DEFER_IMPORTS", "1") != "0":  # 0: Rasa's imports as they are
        from bot import deferred_imports

        deferred_imports.install()  # before anything imports Rasa: no TensorFlow until used
    log_secrets.install()
    os.environ.setdefault("SANIC_REQUEST_MAX_SIZE", REQUEST_MAX_SIZE)
    os.environ.setdefault("SANIC_BACKLOG", BACKLOG)
    os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")
    database = endpoints_database(args)
    if database:
        from bot.store import upgrade
        from bot.store.database import cached_engine

        upgrade(database)
        cached_engine(database).dispose()  # no pooled connection shared with forked workers
    workers_stop_with_their_manager()
    if int(os.environ.get("SANIC_WORKERS") or 1) > 1:
        share_with_workers()
        from bot import preloaded_model, worker_manager

        # The model itself too, loaded once here and shared by the workers forked after.
        preloaded_model.preload(preloaded_model.model_argument(args))
        return_freed_memory()

        worker_manager.install()  # a worker that dies is started again
    from rasa.__main__ import main

    from bot import action_connections

    action_connections.closed_at_server_stop()
    frozen_once_loaded()
    sys.argv = rasa_argv(args, server_secret(API_TOKEN))
    main()


def action_token_valid(given: Optional[str], expected: str) -> bool:
    return bool(given) and bool(expected) and hmac.compare_digest(given.encode(), expected.encode())


def start_outbox_worker() -> None:
    """Alert settings checked, the senders registered, the delivery loop started."""
    from bot import outbox
    from bot.alerts import AlertConfigError, checked_settings, senders
    from bot.fhir import delivery as fhir_delivery

    # Every outbox kind's sender is registered here, before the loop starts: the alerts'
    # email and webhook, and the EHR hand-over when a FHIR server is configured.
    try:
        senders.register_senders(checked_settings())
    except AlertConfigError as exc:
        raise SystemExit(f"alert settings: {exc}") from None
    if fhir_delivery.configured():
        fhir_delivery.register()
    interval = float(os.environ.get("OUTBOX_WORKER_SECONDS") or outbox.WORKER_INTERVAL_SECONDS)
    # Nothing to deliver with no channel set: no loop, and no database opened for it.
    if interval > 0 and outbox.registered_kinds():
        outbox.start_worker(interval=interval)


def _with_backlog(sanic_class: type) -> type:
    class WithBacklog(sanic_class):  # type: ignore[misc,valid-type]
        __slots__ = ()

        def run(self, *args, **kwargs):
            kwargs.setdefault("backlog", int(BACKLOG))
            return super().run(*args, **kwargs)

    return WithBacklog


def serve_actions(args: List[str]) -> None:
    log_secrets.install()
    from rasa_sdk import endpoint
    from sanic import response

    os.environ.setdefault("SANIC_KEEP_ALIVE_TIMEOUT", ACCEPTED_CONNECTION_WAIT_S)
    start_outbox_worker()
    token = server_secret(ACTION_TOKEN)
    create_app = endpoint.create_app

    def guarded_app(*a, **kw):
        app = create_app(*a, **kw)
        # rasa_sdk's run() passes Sanic no backlog, and a Sanic app's attributes are fixed.
        object.__setattr__(app, "__class__", _with_backlog(type(app)))

        @app.middleware("request")
        async def only_the_rasa_server(request):
            if request.path == "/health":
                return None
            if not action_token_valid(request.args.get("token"), token):
                return response.json({"error": "the action server needs its token"}, status=401)
            return None

        return app

    endpoint.create_app = guarded_app  # rasa_sdk's run() builds its app through this name
    from rasa_sdk.__main__ import main_from_args

    parsed = endpoint.create_argument_parser().parse_args(["--actions", "actions", *args])
    main_from_args(parsed)


def main(argv: Optional[List[str]] = None) -> None:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] not in ("rasa", "actions"):
        raise SystemExit("usage: python -m bot.serve rasa [rasa run options] | "
                         "python -m bot.serve actions [--port N]")
    (serve_rasa if argv[0] == "rasa" else serve_actions)(argv[1:])


if __name__ == "__main__":
    main()
