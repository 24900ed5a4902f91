"""Result cards: `channel_rules.spoiler` (a channel whose results are all shown behind a spoiler) and
`result_reports` (who reported which result, once per member per result).

Existing channels show results as before (no spoiler); no result has been reported.

Revision ID: 0007_cards
Revises: 0006_image_inputs
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_cards"
down_revision: str | None = "0006_image_inputs"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add the channel setting and the reports table."""
    with op.batch_alter_table("channel_rules") as batch:
        batch.add_column(sa.Column("spoiler", sa.Boolean, nullable=False, server_default=sa.false()))
    op.create_table(
        "result_reports",
        sa.Column("job_id", sa.String(32), primary_key=True),
        sa.Column("reporter_id", sa.BigInteger, primary_key=True, autoincrement=False),
        sa.Column("guild_id", sa.BigInteger, nullable=True),
        sa.Column("created_at", sa.Float, nullable=False),
    )


def downgrade() -> None:
    """Drop the table and the column."""
    op.drop_table("result_reports")
    with op.batch_alter_table("channel_rules") as batch:
        batch.drop_column("spoiler")
