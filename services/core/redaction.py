"""Showing a database URL without its secrets: the settings' repr, start-up errors and the migrate
command all print it, and none may print a password."""

from __future__ import annotations

import re

_QUERY_PASSWORD = re.compile(r"(?i)([?&]password=)[^&]*")


def mask_password(url: str) -> str:
    """The URL with its password (in the user info or a `password=` parameter) replaced by `***`."""
    scheme, separator, rest = url.partition("://")
    if separator:
        authority, slash, path = rest.partition("/")
        user_info, at, host = authority.rpartition("@")
        if at:
            user, colon, _ = user_info.partition(":")
            rest = f"{user}{':***' if colon else ''}@{host}{slash}{path}"
        url = f"{scheme}://{rest}"
    return _QUERY_PASSWORD.sub(r"\1***", url)
