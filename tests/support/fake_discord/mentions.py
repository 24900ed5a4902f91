"""Who a message pings, following Discord's ``allowed_mentions`` rules."""

from __future__ import annotations

import re
from typing import Any

from tests.support.fake_discord.records import Mentions

_USER = re.compile(r"<@!?(\d+)>")
_ROLE = re.compile(r"<@&(\d+)>")
_EVERYONE = re.compile(r"@(everyone|here)\b")


def resolve_pings(
    content: str,
    allowed_mentions: dict[str, Any] | None,
    *,
    replied_user_id: int | None = None,
) -> Mentions:
    """Apply ``allowed_mentions`` to the mentions written in ``content``.

    Without ``allowed_mentions`` everything written pings (Discord's default). ``replied_user_id`` is
    the author of the message replied to; it is pinged unless ``replied_user`` is false.
    """
    users = _unique(int(m) for m in _USER.findall(content))
    roles = _unique(int(m) for m in _ROLE.findall(content))
    everyone = bool(_EVERYONE.search(content))
    if allowed_mentions is None:
        if replied_user_id is not None and replied_user_id not in users:
            users.append(replied_user_id)
        return Mentions(user_ids=users, role_ids=roles, everyone=everyone)

    parse = set(allowed_mentions.get("parse") or [])
    listed_users = {int(u) for u in allowed_mentions.get("users") or []}
    listed_roles = {int(r) for r in allowed_mentions.get("roles") or []}
    pinged_users = [u for u in users if "users" in parse or u in listed_users]
    pinged_roles = [r for r in roles if "roles" in parse or r in listed_roles]
    if (
        replied_user_id is not None
        and allowed_mentions.get("replied_user", False)
        and replied_user_id not in pinged_users
    ):
        pinged_users.append(replied_user_id)
    return Mentions(user_ids=pinged_users, role_ids=pinged_roles, everyone=everyone and "everyone" in parse)


def _unique(values: Any) -> list[int]:
    seen: list[int] = []
    for value in values:
        if value not in seen:
            seen.append(value)
    return seen
