"""Alembic environment: the clinic database named by DB_URL (default var/clinic.db).

`bot.store.upgrade()` passes its own connection in `config.attributes["connection"]`; the
`alembic` command line opens one from DB_URL.
"""
from alembic import context

from bot import store

config = context.config
target_metadata = store.metadata


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    url = config.attributes.get("url") or store.database_url()
    engine = store.make_engine(url, future=True)
    with engine.begin() as connection:
        _run(connection)


def _run(connection) -> None:
    context.configure(connection=connection, target_metadata=target_metadata,
                      render_as_batch=connection.dialect.name == "sqlite")
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    context.configure(url=config.attributes.get("url") or store.database_url(),
                      target_metadata=target_metadata, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()
else:
    run_migrations_online()
