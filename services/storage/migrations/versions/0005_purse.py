"""The operator's purse: credits per job, credit totals per period, budget alerts given, and a guild's
monthly credits and what happens beyond its budget.

`jobs` gains `credits_reserved` (by the price list, at accept), `api_credits_reserved` and
`api_credits_used` (what the API said) and `credits_charged` (at settlement), all in thousandths of a
credit; rows written before this revision reserved none. A person's day across guilds and the bot's
day live in `daily_usage` under guild_id -1, which needs no change of schema; they are filled in from the
members' rows of every day already counted, so that a job accepted before the upgrade and ended after it
gives its images back to rows that hold them (and today's ceilings count what was already used).

Revision ID: 0005_purse
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_purse"
down_revision: str | None = "0004"
branch_labels = None
depends_on = None

_JOB_COLUMNS = ("credits_reserved", "api_credits_reserved", "api_credits_used", "credits_charged")
# A member's row in a guild or in DMs (guild_id 0): not a guild's total (user_id 0), not yet everywhere (-1).
_MEMBER_ROWS = "FROM daily_usage WHERE user_id <> 0 AND guild_id <> -1"
_BACKFILL = (
    f"INSERT INTO daily_usage (guild_id, user_id, day, used) SELECT -1, user_id, day, SUM(used) {_MEMBER_ROWS}"
    " GROUP BY user_id, day",
    f"INSERT INTO daily_usage (guild_id, user_id, day, used) SELECT -1, 0, day, SUM(used) {_MEMBER_ROWS} GROUP BY day",
)


def upgrade() -> None:
    """Add the columns and the two tables; count each person's and the bot's days already used."""
    with op.batch_alter_table("jobs") as batch:
        batch.add_column(sa.Column("credits_reserved", sa.BigInteger, nullable=False, server_default="0"))
        batch.add_column(sa.Column("api_credits_reserved", sa.BigInteger, nullable=True))
        batch.add_column(sa.Column("api_credits_used", sa.BigInteger, nullable=True))
        batch.add_column(sa.Column("credits_charged", sa.BigInteger, nullable=False, server_default="0"))
    with op.batch_alter_table("guild_quota") as batch:
        batch.add_column(sa.Column("monthly_credits", sa.BigInteger, nullable=True))
        batch.add_column(sa.Column("over_budget", sa.String(16), nullable=True))
    op.create_table(
        "credit_usage",
        sa.Column("scope", sa.BigInteger, primary_key=True, autoincrement=False),
        sa.Column("period", sa.String(10), primary_key=True),
        sa.Column("used", sa.BigInteger, nullable=False, server_default="0"),
    )
    op.create_table(
        "budget_alerts",
        sa.Column("budget", sa.String(64), primary_key=True),
        sa.Column("period", sa.String(10), primary_key=True),
        sa.Column("level", sa.Integer, primary_key=True, autoincrement=False),
    )
    for statement in _BACKFILL:
        op.execute(statement)


def downgrade() -> None:
    """Drop them, and the person's and bot's rows the previous revision does not know."""
    op.execute("DELETE FROM daily_usage WHERE guild_id = -1")
    op.drop_table("budget_alerts")
    op.drop_table("credit_usage")
    with op.batch_alter_table("guild_quota") as batch:
        batch.drop_column("over_budget")
        batch.drop_column("monthly_credits")
    with op.batch_alter_table("jobs") as batch:
        for column in reversed(_JOB_COLUMNS):
            batch.drop_column(column)
