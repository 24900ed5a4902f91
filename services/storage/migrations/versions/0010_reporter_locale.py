"""The reporter's language: `result_reports.locale`, the Discord locale of the interaction that
reported a result, so the DM telling them the review's outcome speaks their language.

Reports stored before the upgrade have none (NULL): their reporters are told in the server's language,
as they were.

Revision ID: 0010_reporter_locale
Revises: 0009_languages
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010_reporter_locale"
down_revision: str | None = "0009_languages"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add the column (empty for the reports already stored)."""
    with op.batch_alter_table("result_reports") as batch:
        batch.add_column(sa.Column("locale", sa.String(16), nullable=True))


def downgrade() -> None:
    """Drop the column."""
    with op.batch_alter_table("result_reports") as batch:
        batch.drop_column("locale")
