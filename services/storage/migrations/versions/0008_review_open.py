"""One review per reported result: `jobs.review_open`, set by the report that asks for the review card
(later reports only add reporters) and cleared when a moderator decides or the card cannot be posted.

No result is under review at upgrade: reports made before it keep their rows (and their review cards).

Revision ID: 0008_review_open
Revises: 0007_cards
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008_review_open"
down_revision: str | None = "0007_cards"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add the column (no review open)."""
    with op.batch_alter_table("jobs") as batch:
        batch.add_column(sa.Column("review_open", sa.Boolean, nullable=False, server_default=sa.false()))


def downgrade() -> None:
    """Drop the column."""
    with op.batch_alter_table("jobs") as batch:
        batch.drop_column("review_open")
