"""Schema migrations with Alembic: the revisions in `versions/` (explicit DDL, the same for SQLite and
PostgreSQL) and `upgrade`, which brings a database to the newest one. A database made by the
hand-written migrations before Alembic (a `schema_version` table saying 1) is stamped at the first
revision, its tables and rows kept. The store calls `upgrade` at start, under its locks."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError

from services.storage.tables import metadata

SCRIPTS = Path(__file__).parent
# The hand-written migrations' last version, and the revision that holds the same schema.
LEGACY_VERSION = 1
LEGACY_REVISION = "0001"


def _worth_logging(record: logging.LogRecord) -> bool:
    # Alembic logs its dialect and DDL mode at every look at the database (three times per start),
    # and "non-transactional DDL" on SQLite is wrong here: the store runs it in a transaction.
    return not str(record.msg).startswith(("Context impl", "Will assume"))


logging.getLogger("alembic.runtime.migration").addFilter(_worth_logging)


class SchemaError(Exception):
    """The database's schema is not one these migrations can bring up to date; the message says why."""


@dataclass(frozen=True)
class Upgrade:
    """The revision a database was at before `upgrade` (None: no schema yet) and after it."""

    before: str | None
    after: str

    def describe(self) -> str:
        """What happened, in a few words."""
        if self.before == self.after:
            return f"already at revision {self.after} (the newest)"
        if self.before is None:
            return f"created at revision {self.after}"
        return f"migrated from revision {self.before} to {self.after}"


def alembic_config(connection: sa.Connection | None = None) -> Config:
    """Alembic's configuration, built in code (no alembic.ini): the scripts here, this connection."""
    config = Config()
    config.set_main_option("script_location", str(SCRIPTS))
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    """The newest revision."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None, "the migrations have one head"
    return head


def upgrade(connection: sa.Connection) -> Upgrade:
    """Bring the schema to the newest revision in the connection's transaction (the caller commits).
    Alembic keeps its context in module globals: one upgrade at a time per process."""
    config = alembic_config(connection)
    before = _current_revision(connection)
    if before is None and _legacy_version(connection) is not None:
        command.stamp(config, LEGACY_REVISION)
        before = LEGACY_REVISION
    if before is not None:
        _check_known(config, before)
    try:
        command.upgrade(config, "head")
    except CommandError as error:
        raise SchemaError(str(error)) from None
    after = _current_revision(connection)
    assert after is not None, "an upgraded database has a revision"
    return Upgrade(before, after)


def _current_revision(connection: sa.Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def _legacy_version(connection: sa.Connection) -> int | None:
    """The version the hand-written migrations recorded, or None if they never ran here."""
    if not sa.inspect(connection).has_table("schema_version"):
        return None
    version = connection.execute(sa.text("SELECT max(version) FROM schema_version")).scalar()
    if version is None:
        _clear_unfinished_first_start(connection)
        return None
    if version != LEGACY_VERSION:
        raise SchemaError(f"its schema_version table says version {version}, which this bot does not know")
    return version


def _clear_unfinished_first_start(connection: sa.Connection) -> None:
    """The hand-written migrations' first start committed each CREATE TABLE on its own (SQLite) and
    could stop before recording its version: the tables exist but `schema_version` is empty. The old
    code created the missing tables on its next start; here such tables are dropped so the first
    revision creates them all, but only if every one is empty: nothing was ever stored in them."""
    ours = {*metadata.tables, "schema_version"}
    names = [name for name in sa.inspect(connection).get_table_names() if name in ours]
    holding_rows = [
        name
        for name in names
        if connection.execute(sa.select(sa.literal(1)).select_from(sa.table(name)).limit(1)).first()
    ]
    if holding_rows:
        raise SchemaError(
            "an earlier first start did not finish (schema_version is empty) but tables hold rows: "
            f"{', '.join(sorted(holding_rows))}; restore a backup or move those rows away and start again"
        )
    for name in names:
        sa.Table(name, sa.MetaData()).drop(connection)


def _check_known(config: Config, revision: str) -> None:
    try:
        ScriptDirectory.from_config(config).get_revision(revision)
    except CommandError:
        raise SchemaError(
            f"its schema is at revision {revision}, which this bot does not know "
            "(was it migrated by a newer version of the bot?)"
        ) from None
