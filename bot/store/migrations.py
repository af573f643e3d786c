"""The schema brought to the latest revision (Alembic, migrations/) on first use in a process.
"""
from __future__ import annotations

import threading
from typing import Optional

from sqlalchemy import inspect
from sqlalchemy.engine import Engine

from bot.store.database import ROOT, cached_engine, database_url

MIGRATIONS = ROOT / "migrations"

_migrated: set = set()
_migrate_lock = threading.Lock()


def engine_for(url: Optional[str] = None) -> Engine:
    """The engine for `url` (default DB_URL / var/clinic.db), migrated to the latest schema."""
    url = url or database_url()
    engine = cached_engine(url)
    if url not in _migrated:
        with _migrate_lock:
            if url not in _migrated:
                upgrade(url)
                _migrated.add(url)
    return engine


def engine() -> Engine:
    return engine_for(database_url())


def alembic_config(url: Optional[str] = None):
    from alembic.config import Config

    config = Config(str(ROOT / "alembic.ini"))
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["url"] = url or database_url()
    return config


def upgrade(url: Optional[str] = None, revision: str = "head") -> None:
    """Bring the database to `revision` (default: the latest). Safe to run at every start.

    A database made before migrations existed (only `booking_requests`, created by the first
    version of this module) is recognised and stamped as revision 0001 first, so its rows are
    kept and only the later changes run.
    """
    from alembic import command

    url = url or database_url()
    engine = cached_engine(url)
    config = alembic_config(url)
    with engine.begin() as connection:  # (write-ahead logging: set by make_engine)
        config.attributes["connection"] = connection
        tables = set(inspect(connection).get_table_names())
        if "alembic_version" not in tables and "booking_requests" in tables:
            command.stamp(config, "0001")
        command.upgrade(config, revision)


def current_revision(url: Optional[str] = None) -> Optional[str]:
    from alembic.runtime.migration import MigrationContext

    with cached_engine(url or database_url()).connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()

