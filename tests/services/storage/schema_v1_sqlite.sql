-- The schema the bot's hand-written migrations created (schema_version 1), as they emitted it on sqlite.
-- Frozen: the migration tests build databases with it and open them with the current code.

CREATE TABLE schema_version (
	version INTEGER NOT NULL,
	applied_at FLOAT NOT NULL,
	PRIMARY KEY (version)
);

CREATE TABLE allowed_roles (
	guild_id BIGINT NOT NULL,
	role_id BIGINT NOT NULL,
	PRIMARY KEY (guild_id, role_id)
);

CREATE TABLE blocked_terms (
	guild_id BIGINT NOT NULL,
	text VARCHAR(200) NOT NULL,
	is_regex BOOLEAN NOT NULL,
	PRIMARY KEY (guild_id, text, is_regex)
);

CREATE TABLE channel_rules (
	guild_id BIGINT NOT NULL,
	channel_id BIGINT NOT NULL,
	listed BOOLEAN DEFAULT 0 NOT NULL,
	approval BOOLEAN DEFAULT 0 NOT NULL,
	visibility VARCHAR(16) DEFAULT 'public' NOT NULL,
	PRIMARY KEY (guild_id, channel_id)
);

CREATE TABLE daily_usage (
	guild_id BIGINT NOT NULL,
	user_id BIGINT NOT NULL,
	day VARCHAR(10) NOT NULL,
	used INTEGER DEFAULT '0' NOT NULL,
	PRIMARY KEY (guild_id, user_id, day)
);

CREATE TABLE exempt_roles (
	guild_id BIGINT NOT NULL,
	role_id BIGINT NOT NULL,
	PRIMARY KEY (guild_id, role_id)
);

CREATE TABLE guild_quota (
	guild_id BIGINT NOT NULL,
	user_daily_images INTEGER,
	max_active_jobs INTEGER,
	cooldown_seconds FLOAT,
	guild_daily_images INTEGER,
	PRIMARY KEY (guild_id)
);

CREATE TABLE guild_settings (
	guild_id BIGINT NOT NULL,
	channel_mode VARCHAR(16) DEFAULT 'everywhere' NOT NULL,
	audit_channel_id BIGINT,
	PRIMARY KEY (guild_id)
);

CREATE TABLE jobs (
	id VARCHAR(32) NOT NULL,
	user_id BIGINT NOT NULL,
	guild_id BIGINT,
	channel_id BIGINT NOT NULL,
	application_id BIGINT,
	interaction_token TEXT,
	interaction_created_at FLOAT,
	upload_limit INTEGER NOT NULL,
	ephemeral BOOLEAN DEFAULT 0 NOT NULL,
	prompt TEXT NOT NULL,
	size VARCHAR(16),
	n INTEGER NOT NULL,
	prompt_extend BOOLEAN NOT NULL,
	state VARCHAR(32) NOT NULL,
	created_at FLOAT NOT NULL,
	updated_at FLOAT NOT NULL,
	submitted_at FLOAT,
	usage_day VARCHAR(10) NOT NULL,
	reserved_images INTEGER DEFAULT '0' NOT NULL,
	task_id TEXT,
	task_created BIGINT,
	estimated_time INTEGER,
	result_urls JSON,
	images_delivered INTEGER DEFAULT '0' NOT NULL,
	images_charged INTEGER DEFAULT '0' NOT NULL,
	cancel_requested BOOLEAN DEFAULT 0 NOT NULL,
	message_ids JSON,
	failure_reason VARCHAR(32),
	failure_detail TEXT,
	lease_owner TEXT,
	callback_token VARCHAR(64),
	lease_expires_at FLOAT,
	PRIMARY KEY (id)
);

CREATE INDEX ix_jobs_state ON jobs (state);

CREATE INDEX ix_jobs_guild_user_state ON jobs (guild_id, user_id, state);

CREATE INDEX ix_jobs_user_created ON jobs (user_id, created_at);

CREATE TABLE member_overrides (
	guild_id BIGINT NOT NULL,
	user_id BIGINT NOT NULL,
	bonus_images INTEGER DEFAULT '0' NOT NULL,
	blocked BOOLEAN DEFAULT 0 NOT NULL,
	PRIMARY KEY (guild_id, user_id)
);

CREATE TABLE meta (
	"key" VARCHAR(64) NOT NULL,
	value TEXT NOT NULL,
	PRIMARY KEY ("key")
);

CREATE TABLE role_limits (
	guild_id BIGINT NOT NULL,
	role_id BIGINT NOT NULL,
	user_daily_images INTEGER,
	max_active_jobs INTEGER,
	cooldown_seconds FLOAT,
	PRIMARY KEY (guild_id, role_id)
);

INSERT INTO schema_version (version, applied_at) VALUES (1, 1700000000.0);
