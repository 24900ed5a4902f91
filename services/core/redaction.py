"""Showing a database URL without its secrets: the settings' repr, start-up errors and the migrate
command all print it, and none may print a password."""

from __future__ import annotations

import re

# `password=`, and the other secrets libpq reads from the URL (`sslpassword=`).
_QUERY_PASSWORD = re.compile(r"(?i)([?&][a-z_]*password=)[^&]*")


def mask_password(url: str) -> str:
    """The URL with its passwords (in the user info, a `password=` or `sslpassword=` parameter) as `***`."""
    scheme, separator, rest = url.partition("://")
    if separator:
        authority, slash, path = rest.partition("/")
        user_info, at, host = authority.rpartition("@")
        if at:
            user, colon, _ = user_info.partition(":")
            rest = f"{user}{':***' if colon else ''}@{host}{slash}{path}"
        url = f"{scheme}://{rest}"
    return _QUERY_PASSWORD.sub(r"\1***", url)
