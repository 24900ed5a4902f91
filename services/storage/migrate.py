"""The operator's command to bring the database's schema up to date without starting the bot:

    .venv/bin/python -m services.storage.migrate

It reads `DATABASE_URL` as the bot does (the environment, then `.env`; default
`sqlite:///data/imagine.db`), migrates under the same locks as a starting bot, prints one line saying
what it did, and exits 0; on failure it prints one line to stderr and exits 1."""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import sys

from dotenv import load_dotenv

from services.storage.database import DEFAULT_DATABASE_URL, StoreCore, StoreError, describe_database


async def migrate(database_url: str) -> str:
    """Open the database (which migrates it), close it, and say what happened to its schema."""
    store = await StoreCore.open(database_url)
    await store.close()
    assert store.schema is not None, "an opened store has migrated its schema"
    return f"database {describe_database(database_url)}: {store.schema.describe()}"


def main(argv: list[str] | None = None) -> int:
    """Run the command; the exit status says whether the schema is up to date."""
    argparse.ArgumentParser(
        prog="python -m services.storage.migrate",
        description="Apply the database migrations (DATABASE_URL, as the bot reads it) without starting the bot.",
    ).parse_args(argv)
    load_dotenv()
    # Alembic says which revisions it runs; stdout keeps stderr for the one line of an error.
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stdout)
    database_url = os.environ.get("DATABASE_URL", "").strip() or DEFAULT_DATABASE_URL
    try:
        print(asyncio.run(migrate(database_url)))
    except StoreError as error:
        print(f"imagine-bot: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
