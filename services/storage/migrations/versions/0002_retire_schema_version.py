"""Retire the hand-written migrations' schema_version table.

Alembic's `alembic_version` records the schema from now on. Databases made by Alembic never had the
table; the drop is conditional.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import time

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision: str | None = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Drop `schema_version` if the database has it."""
    op.drop_table("schema_version", if_exists=True)


def downgrade() -> None:
    """Give `schema_version` back, saying version 1, so the releases before Alembic open the database."""
    table = op.create_table(
        "schema_version",
        sa.Column("version", sa.Integer, primary_key=True),
        sa.Column("applied_at", sa.Float, nullable=False),
    )
    op.bulk_insert(table, [{"version": 1, "applied_at": time.time()}])
