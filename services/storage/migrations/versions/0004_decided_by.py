"""Who decided an approval request: `jobs.decided_by`, the moderator who approved or rejected the job.

Two moderators may click at once; the stored transition decides, and the one who lost is told who won
(from this column). NULL for jobs that never waited for approval, for requests that ended without a
moderator (unanswered in time, or never posted), and for rows written before this revision.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision: str | None = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add the column (empty for existing rows)."""
    op.add_column("jobs", sa.Column("decided_by", sa.BigInteger, nullable=True))


def downgrade() -> None:
    """Drop the column."""
    op.drop_column("jobs", "decided_by")
