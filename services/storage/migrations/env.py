"""Alembic's environment: runs the revisions in `versions/` on the connection the store hands over
(`services.storage.migrations.upgrade`), inside the store's transaction and under its locks."""

from __future__ import annotations

from alembic import context

from services.storage.tables import metadata


def run() -> None:
    """Run the command Alembic was given on the store's connection."""
    connection = context.config.attributes.get("connection")
    if connection is None or context.is_offline_mode():
        # Locks, the recognition of pre-Alembic databases and the error messages live in the store.
        raise RuntimeError("migrations run on the store's connection: use `python -m services.storage.migrate`")
    context.configure(connection=connection, target_metadata=metadata)
    with context.begin_transaction():
        context.run_migrations()


run()
