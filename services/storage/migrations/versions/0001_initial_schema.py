"""The schema of the hand-written migrations' version 1.

Every table they made, minus their `schema_version` (revision 0002 retires it). A database made by them
is stamped at this revision, not re-created.

Revision ID: 0001
Revises: (none)
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision: str | None = None
branch_labels = None
depends_on = None

TABLES = (
    "jobs",
    "daily_usage",
    "meta",
    "guild_quota",
    "role_limits",
    "exempt_roles",
    "member_overrides",
    "guild_settings",
    "channel_rules",
    "allowed_roles",
    "blocked_terms",
)


def upgrade() -> None:
    """Create every table of version 1."""
    _jobs()
    _quota_tables()
    _moderation_tables()
    op.create_table(
        "meta",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )


def downgrade() -> None:
    """Drop every table (and so every row): back to an empty database."""
    for table in reversed(TABLES):
        op.drop_table(table)
    # At this revision a database may still hold the hand-written migrations' table (0002 drops it).
    op.drop_table("schema_version", if_exists=True)


def _jobs() -> None:
    op.create_table(
        "jobs",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("user_id", sa.BigInteger, nullable=False),
        sa.Column("guild_id", sa.BigInteger, nullable=True),
        sa.Column("channel_id", sa.BigInteger, nullable=False),
        sa.Column("application_id", sa.BigInteger, nullable=True),
        sa.Column("interaction_token", sa.Text, nullable=True),
        sa.Column("interaction_created_at", sa.Float, nullable=True),
        sa.Column("upload_limit", sa.Integer, nullable=False),
        sa.Column("ephemeral", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("prompt", sa.Text, nullable=False),
        sa.Column("size", sa.String(16), nullable=True),
        sa.Column("n", sa.Integer, nullable=False),
        sa.Column("prompt_extend", sa.Boolean, nullable=False),
        sa.Column("state", sa.String(32), nullable=False),
        sa.Column("created_at", sa.Float, nullable=False),
        sa.Column("updated_at", sa.Float, nullable=False),
        sa.Column("submitted_at", sa.Float, nullable=True),
        sa.Column("usage_day", sa.String(10), nullable=False),
        sa.Column("reserved_images", sa.Integer, nullable=False, server_default="0"),
        sa.Column("task_id", sa.Text, nullable=True),
        sa.Column("task_created", sa.BigInteger, nullable=True),
        sa.Column("estimated_time", sa.Integer, nullable=True),
        sa.Column("result_urls", sa.JSON, nullable=True),
        sa.Column("images_delivered", sa.Integer, nullable=False, server_default="0"),
        sa.Column("images_charged", sa.Integer, nullable=False, server_default="0"),
        sa.Column("cancel_requested", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("message_ids", sa.JSON, nullable=True),
        sa.Column("failure_reason", sa.String(32), nullable=True),
        sa.Column("failure_detail", sa.Text, nullable=True),
        sa.Column("lease_owner", sa.Text, nullable=True),
        sa.Column("callback_token", sa.String(64), nullable=True),
        sa.Column("lease_expires_at", sa.Float, nullable=True),
    )
    op.create_index("ix_jobs_state", "jobs", ["state"])
    op.create_index("ix_jobs_user_created", "jobs", ["user_id", "created_at"])
    op.create_index("ix_jobs_guild_user_state", "jobs", ["guild_id", "user_id", "state"])


def _quota_tables() -> None:
    op.create_table(
        "daily_usage",
        sa.Column("guild_id", sa.BigInteger, primary_key=True, autoincrement=False),
        sa.Column("user_id", sa.BigInteger, primary_key=True, autoincrement=False),
        sa.Column("day", sa.String(10), primary_key=True),
        sa.Column("used", sa.Integer, nullable=False, server_default="0"),
    )
    op.create_table(
        "guild_quota",
        sa.Column("guild_id", sa.BigInteger, primary_key=True, autoincrement=False),
        sa.Column("user_daily_images", sa.Integer, nullable=True),
        sa.Column("max_active_jobs", sa.Integer, nullable=True),
        sa.Column("cooldown_seconds", sa.Float, nullable=True),
        sa.Column("guild_daily_images", sa.Integer, nullable=True),
    )
    op.create_table(
        "role_limits",
        sa.Column("guild_id", sa.BigInteger, primary_key=True, autoincrement=False),
        sa.Column("role_id", sa.BigInteger, primary_key=True, autoincrement=False),
        sa.Column("user_daily_images", sa.Integer, nullable=True),
        sa.Column("max_active_jobs", sa.Integer, nullable=True),
        sa.Column("cooldown_seconds", sa.Float, nullable=True),
    )
    op.create_table(
        "exempt_roles",
        sa.Column("guild_id", sa.BigInteger, primary_key=True, autoincrement=False),
        sa.Column("role_id", sa.BigInteger, primary_key=True, autoincrement=False),
    )
    op.create_table(
        "member_overrides",
        sa.Column("guild_id", sa.BigInteger, primary_key=True, autoincrement=False),
        sa.Column("user_id", sa.BigInteger, primary_key=True, autoincrement=False),
        sa.Column("bonus_images", sa.Integer, nullable=False, server_default="0"),
        sa.Column("blocked", sa.Boolean, nullable=False, server_default=sa.false()),
    )


def _moderation_tables() -> None:
    op.create_table(
        "guild_settings",
        sa.Column("guild_id", sa.BigInteger, primary_key=True, autoincrement=False),
        sa.Column("channel_mode", sa.String(16), nullable=False, server_default="everywhere"),
        sa.Column("audit_channel_id", sa.BigInteger, nullable=True),
    )
    op.create_table(
        "channel_rules",
        sa.Column("guild_id", sa.BigInteger, primary_key=True, autoincrement=False),
        sa.Column("channel_id", sa.BigInteger, primary_key=True, autoincrement=False),
        sa.Column("listed", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("approval", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("visibility", sa.String(16), nullable=False, server_default="public"),
    )
    op.create_table(
        "allowed_roles",
        sa.Column("guild_id", sa.BigInteger, primary_key=True, autoincrement=False),
        sa.Column("role_id", sa.BigInteger, primary_key=True, autoincrement=False),
    )
    op.create_table(
        "blocked_terms",
        sa.Column("guild_id", sa.BigInteger, primary_key=True, autoincrement=False),
        sa.Column("text", sa.String(200), primary_key=True),
        sa.Column("is_regex", sa.Boolean, primary_key=True),
    )
