"""Pointing discord.py at the fake: in this process, or in a bot subprocess via sitecustomize."""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from tests.support.fake_discord.server import API_PREFIX

SITECUSTOMIZE_DIR = Path(__file__).resolve().parent.parent / "sitecustomize"
"""Directory holding the ``sitecustomize.py`` that redirects discord.py when ``FAKE_DISCORD_URL`` is set."""
REPO_ROOT = Path(__file__).resolve().parents[3]
ENV_VAR = "FAKE_DISCORD_URL"


def gateway_url_for(base_url: str) -> str:
    """``ws://host:port/gateway`` for ``http://host:port`` (``wss`` for ``https``)."""
    scheme, rest = base_url.rstrip("/").split("://", 1)
    return f"{'wss' if scheme == 'https' else 'ws'}://{rest}/gateway"


@contextmanager
def redirect_discord_py(base_url: str) -> Iterator[None]:
    """Patch ``Route.BASE`` and ``DiscordWebSocket.DEFAULT_GATEWAY`` to the fake; restore them on exit.

    Every REST call, including the interaction webhook adapter, builds its URL from ``Route.BASE``
    when the ``Route`` is created, so patching the class attribute is enough.
    """
    import discord.gateway
    import discord.http
    import yarl

    old_base = discord.http.Route.BASE
    old_gateway = discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY
    discord.http.Route.BASE = base_url.rstrip("/") + API_PREFIX
    discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(gateway_url_for(base_url))
    try:
        yield
    finally:
        discord.http.Route.BASE = old_base
        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = old_gateway


def subprocess_env(
    base_url: str, env: Mapping[str, str] | None = None, *, repo_root: Path = REPO_ROOT
) -> dict[str, str]:
    """Environment for a bot subprocess: ``FAKE_DISCORD_URL`` and the sitecustomize first on ``PYTHONPATH``."""
    result = dict(os.environ if env is None else env)
    result[ENV_VAR] = base_url
    existing = [p for p in result.get("PYTHONPATH", "").split(os.pathsep) if p]
    result["PYTHONPATH"] = os.pathsep.join([str(SITECUSTOMIZE_DIR), str(repo_root), *existing])
    return result
