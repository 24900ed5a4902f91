"""A fake Discord (REST + gateway on 127.0.0.1) that the real discord.py client logs in to, for e2e tests."""

from __future__ import annotations

from tests.support.fake_discord.fake import FakeDiscord
from tests.support.fake_discord.gateway import GatewaySession
from tests.support.fake_discord.ids import (
    ADMIN_ROLE_ID,
    ADMIN_USER_ID,
    APPLICATION_ID,
    BOT_ROLE_ID,
    BOT_USER_ID,
    DEFAULT_CHANNEL_ID,
    DEFAULT_GUILD_ID,
    DEFAULT_USER_ID,
    OTHER_CHANNEL_ID,
    OTHER_USER_ID,
    OWNER_USER_ID,
    shard_of,
    snowflake_for_shard,
)
from tests.support.fake_discord.records import (
    AttachmentRecord,
    CallbackRecord,
    CommandSync,
    DuplicateNonceRecord,
    EditRecord,
    FileRecord,
    IdentifyRecord,
    InteractionRecord,
    Mentions,
    MessageRecord,
    RequestRecord,
)
from tests.support.fake_discord.redirect import ENV_VAR, SITECUSTOMIZE_DIR, redirect_discord_py, subprocess_env
from tests.support.fake_discord.validation import DEFAULT_ATTACHMENT_SIZE_LIMIT
from tests.support.fake_discord.world import ADMINISTRATOR, ALL_PERMISSIONS, EVERYONE_PERMISSIONS

__all__ = [
    "ADMINISTRATOR",
    "ADMIN_ROLE_ID",
    "ADMIN_USER_ID",
    "ALL_PERMISSIONS",
    "APPLICATION_ID",
    "BOT_ROLE_ID",
    "BOT_USER_ID",
    "DEFAULT_ATTACHMENT_SIZE_LIMIT",
    "DEFAULT_CHANNEL_ID",
    "DEFAULT_GUILD_ID",
    "DEFAULT_USER_ID",
    "ENV_VAR",
    "EVERYONE_PERMISSIONS",
    "OTHER_CHANNEL_ID",
    "OTHER_USER_ID",
    "OWNER_USER_ID",
    "SITECUSTOMIZE_DIR",
    "AttachmentRecord",
    "CallbackRecord",
    "CommandSync",
    "DuplicateNonceRecord",
    "EditRecord",
    "FakeDiscord",
    "FileRecord",
    "GatewaySession",
    "IdentifyRecord",
    "InteractionRecord",
    "Mentions",
    "MessageRecord",
    "RequestRecord",
    "redirect_discord_py",
    "shard_of",
    "snowflake_for_shard",
    "subprocess_env",
]
