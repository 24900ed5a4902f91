"""Languages: the requester's and the server's language of each job (`jobs.locale`,
`jobs.public_locale`), and each guild's chosen language and Discord locale (`guild_language`).

Jobs stored before the upgrade speak English (the catalogue's source), as they did.

Revision ID: 0009_languages
Revises: 0008_review_open
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009_languages"
down_revision: str | None = "0008_review_open"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add the job columns (English) and the guild table (empty)."""
    with op.batch_alter_table("jobs") as batch:
        batch.add_column(sa.Column("locale", sa.String(16), nullable=False, server_default="en-US"))
        batch.add_column(sa.Column("public_locale", sa.String(16), nullable=False, server_default="en-US"))
    op.create_table(
        "guild_language",
        sa.Column("guild_id", sa.BigInteger, primary_key=True, autoincrement=False),
        sa.Column("chosen", sa.String(16), nullable=True),
        sa.Column("discord_locale", sa.String(16), nullable=True),
    )


def downgrade() -> None:
    """Drop the table and the columns."""
    op.drop_table("guild_language")
    with op.batch_alter_table("jobs") as batch:
        batch.drop_column("public_locale")
        batch.drop_column("locale")
