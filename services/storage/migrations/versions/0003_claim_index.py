"""Claims through an index: `ix_jobs_runnable`, the runnable jobs only, by age and lease expiry.

Claiming runs every few seconds and looks for the runnable jobs whose lease lapsed, oldest first. A
partial index holds only those jobs (queued, submitting, submitted, completed), in that order, so the
claim reads a few entries instead of the whole history of ended jobs. Both engines support partial
indexes; the claim names the same states, as literals, so that each planner can tell the index covers it.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision: str | None = "0002"
branch_labels = None
depends_on = None

RUNNABLE = sa.text("state IN ('queued', 'submitting', 'submitted', 'completed')")


def upgrade() -> None:
    """Index the runnable jobs by age and lease expiry."""
    op.create_index(
        "ix_jobs_runnable",
        "jobs",
        ["created_at", "lease_expires_at"],
        postgresql_where=RUNNABLE,
        sqlite_where=RUNNABLE,
    )


def downgrade() -> None:
    """Drop the index."""
    op.drop_index("ix_jobs_runnable", table_name="jobs")
