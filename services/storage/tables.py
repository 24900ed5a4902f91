"""The tables of the store, as the code uses them (the same for SQLite and PostgreSQL). The schema is
made by the Alembic revisions in `services/storage/migrations/versions/`: a change here comes with a new
revision, and `tests/services/storage/test_migrations.py` fails until both agree."""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

jobs = sa.Table(
    "jobs",
    metadata,
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
    # Which bot process runs the job, until when: another process takes over a lapsed lease.
    sa.Column("lease_owner", sa.Text, nullable=True),
    sa.Column("callback_token", sa.String(64), nullable=True),
    sa.Column("lease_expires_at", sa.Float, nullable=True),
    # The moderator who approved or rejected it (approval mode): whoever's stored transition came first.
    sa.Column("decided_by", sa.BigInteger, nullable=True),
    # Credits in thousandths: reserved at accept by the price list, what the API said it reserved at
    # create and used at completion (NULL: it did not say), and what the job was finally charged.
    sa.Column("credits_reserved", sa.BigInteger, nullable=False, server_default="0"),
    sa.Column("api_credits_reserved", sa.BigInteger, nullable=True),
    sa.Column("api_credits_used", sa.BigInteger, nullable=True),
    sa.Column("credits_charged", sa.BigInteger, nullable=False, server_default="0"),
    # The API model the job uses (priced per model), and the images it starts from (image-to-image):
    # a JSON list of {url, channel_id, message_id}, so a fresh URL can be had at submit time.
    sa.Column("model", sa.String(64), nullable=False, server_default="wan2.5-text-to-image"),
    sa.Column("input_images", sa.JSON, nullable=True),
    # Whether its result was reported and a review card asked for: the first report opens one, later
    # reports only add reporters, a moderator's decision (or a review that could not be posted) closes it.
    sa.Column("review_open", sa.Boolean, nullable=False, server_default=sa.false()),
    # The languages (catalogue codes) of its texts: the requester's, for their private answers and DMs;
    # the server's, for public posts. Stored, so a restarted bot posts in the same languages.
    sa.Column("locale", sa.String(16), nullable=False, server_default="en-US"),
    sa.Column("public_locale", sa.String(16), nullable=False, server_default="en-US"),
    sa.Index("ix_jobs_state", "state"),
    sa.Index("ix_jobs_user_created", "user_id", "created_at"),
    sa.Index("ix_jobs_guild_user_state", "guild_id", "user_id", "state"),
)

# Claims look for the runnable jobs whose lease lapsed, oldest first: a partial index holds only those
# jobs, in that order, so a claim does not read the history of ended ones. `job_claims.claimable` names
# the same states, as literals.
RUNNABLE_STATES = ("queued", "submitting", "submitted", "completed")
_runnable = jobs.c.state.in_(RUNNABLE_STATES)
sa.Index(
    "ix_jobs_runnable",
    jobs.c.created_at,
    jobs.c.lease_expires_at,
    postgresql_where=_runnable,
    sqlite_where=_runnable,
)

# A guild's language for public posts: its admins' choice (NULL: none), and the guild's locale as
# Discord last reported it in an interaction (so posts made in the background know it after a restart).
guild_language = sa.Table(
    "guild_language",
    metadata,
    sa.Column("guild_id", sa.BigInteger, primary_key=True, autoincrement=False),
    sa.Column("chosen", sa.String(16), nullable=True),
    sa.Column("discord_locale", sa.String(16), nullable=True),
)

# Images used (or reserved by running jobs) per UTC day, per member of a guild; guild_id 0 is DMs,
# and the row with user_id 0 is the guild's own total. guild_id -1 (`EVERYWHERE`) holds a person's day
# across every guild and DM, and (user_id 0) the whole bot's.
daily_usage = sa.Table(
    "daily_usage",
    metadata,
    sa.Column("guild_id", sa.BigInteger, primary_key=True, autoincrement=False),
    sa.Column("user_id", sa.BigInteger, primary_key=True, autoincrement=False),
    sa.Column("day", sa.String(10), primary_key=True),
    sa.Column("used", sa.Integer, nullable=False, server_default="0"),
)

# A guild's own quota settings (NULL: the environment's default).
guild_quota = sa.Table(
    "guild_quota",
    metadata,
    sa.Column("guild_id", sa.BigInteger, primary_key=True, autoincrement=False),
    sa.Column("user_daily_images", sa.Integer, nullable=True),
    sa.Column("max_active_jobs", sa.Integer, nullable=True),
    sa.Column("cooldown_seconds", sa.Float, nullable=True),
    sa.Column("guild_daily_images", sa.Integer, nullable=True),
    sa.Column("monthly_credits", sa.BigInteger, nullable=True),  # thousandths of a credit
    sa.Column("over_budget", sa.String(16), nullable=True),  # OverBudget; NULL: refuse
)

# Credits (thousandths) spent or reserved per period: `period` is a UTC day (YYYY-MM-DD) or month
# (YYYY-MM); `scope` a guild, or -1 (`EVERYWHERE`) for the whole bot.
credit_usage = sa.Table(
    "credit_usage",
    metadata,
    sa.Column("scope", sa.BigInteger, primary_key=True, autoincrement=False),
    sa.Column("period", sa.String(10), primary_key=True),
    sa.Column("used", sa.BigInteger, nullable=False, server_default="0"),
)

# The budget alerts already given (80 and 100 percent), once per budget per period.
budget_alerts = sa.Table(
    "budget_alerts",
    metadata,
    sa.Column("budget", sa.String(64), primary_key=True),
    sa.Column("period", sa.String(10), primary_key=True),
    sa.Column("level", sa.Integer, primary_key=True, autoincrement=False),
)

role_limits = sa.Table(
    "role_limits",
    metadata,
    sa.Column("guild_id", sa.BigInteger, primary_key=True, autoincrement=False),
    sa.Column("role_id", sa.BigInteger, primary_key=True, autoincrement=False),
    sa.Column("user_daily_images", sa.Integer, nullable=True),
    sa.Column("max_active_jobs", sa.Integer, nullable=True),
    sa.Column("cooldown_seconds", sa.Float, nullable=True),
)

exempt_roles = sa.Table(
    "exempt_roles",
    metadata,
    sa.Column("guild_id", sa.BigInteger, primary_key=True, autoincrement=False),
    sa.Column("role_id", sa.BigInteger, primary_key=True, autoincrement=False),
)

member_overrides = sa.Table(
    "member_overrides",
    metadata,
    sa.Column("guild_id", sa.BigInteger, primary_key=True, autoincrement=False),
    sa.Column("user_id", sa.BigInteger, primary_key=True, autoincrement=False),
    sa.Column("bonus_images", sa.Integer, nullable=False, server_default="0"),
    sa.Column("blocked", sa.Boolean, nullable=False, server_default=sa.false()),
)

meta = sa.Table(
    "meta",
    metadata,
    sa.Column("key", sa.String(64), primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)


# Moderation: where /imagine works, who may use it, which words it refuses, where the audit log goes.
guild_settings = sa.Table(
    "guild_settings",
    metadata,
    sa.Column("guild_id", sa.BigInteger, primary_key=True, autoincrement=False),
    sa.Column("channel_mode", sa.String(16), nullable=False, server_default="everywhere"),
    sa.Column("audit_channel_id", sa.BigInteger, nullable=True),
)

channel_rules = sa.Table(
    "channel_rules",
    metadata,
    sa.Column("guild_id", sa.BigInteger, primary_key=True, autoincrement=False),
    sa.Column("channel_id", sa.BigInteger, primary_key=True, autoincrement=False),
    sa.Column("listed", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("approval", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("visibility", sa.String(16), nullable=False, server_default="public"),
    sa.Column("spoiler", sa.Boolean, nullable=False, server_default=sa.false()),
)

allowed_roles = sa.Table(
    "allowed_roles",
    metadata,
    sa.Column("guild_id", sa.BigInteger, primary_key=True, autoincrement=False),
    sa.Column("role_id", sa.BigInteger, primary_key=True, autoincrement=False),
)

blocked_terms = sa.Table(
    "blocked_terms",
    metadata,
    sa.Column("guild_id", sa.BigInteger, primary_key=True, autoincrement=False),
    sa.Column("text", sa.String(200), primary_key=True),
    sa.Column("is_regex", sa.Boolean, primary_key=True),
)

# Who reported which result (once per member per result) and when; read by the review card's outcome.
result_reports = sa.Table(
    "result_reports",
    metadata,
    sa.Column("job_id", sa.String(32), primary_key=True),
    sa.Column("reporter_id", sa.BigInteger, primary_key=True, autoincrement=False),
    sa.Column("guild_id", sa.BigInteger, nullable=True),
    sa.Column("created_at", sa.Float, nullable=False),
    sa.Column("locale", sa.String(16), nullable=True),  # the reporter's Discord locale (NULL: reported before 0010)
)
