"""Crash points for the durability tests, installed in the bot process by `sitecustomize` when
`IMAGINE_CRASH_AT` names one. At that point the bot writes the point's name to the file named by
`IMAGINE_CRASH_MARKER` and freezes there, so the test can kill it with SIGKILL exactly at that step.
The bot's own code is not changed: the hooks wrap its methods from the outside.
"""

from __future__ import annotations

import asyncio
import functools
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

POINTS = ("before_create", "create_answered", "polling", "before_upload", "during_upload", "during_channel_upload")


def _freeze_factory(point: str, marker: Path) -> Callable[[], Any]:
    async def freeze() -> None:
        marker.write_text(point)
        await asyncio.Event().wait()  # never set: the process waits here to be killed

    return freeze


def install(point: str, marker: Path) -> None:
    """Wrap the method where `point` happens."""
    import discord

    from services.api.client import WanClient
    from services.images.download import ImageDownloader

    if point not in POINTS:
        raise ValueError(f"unknown crash point {point!r}; known: {POINTS}")
    freeze = _freeze_factory(point, marker)

    def wrap(owner: type, name: str, *, before: bool, when: Callable[..., bool] = lambda *a, **k: True) -> None:
        original = getattr(owner, name)

        @functools.wraps(original)
        async def wrapper(*args: Any, **kwargs: Any) -> Any:
            if before and when(*args, **kwargs):
                await freeze()
            result = await original(*args, **kwargs)
            if not before and when(*args, **kwargs):
                await freeze()
            return result

        setattr(owner, name, wrapper)

    if point == "before_create":
        wrap(WanClient, "create_task", before=True)
    elif point == "create_answered":
        wrap(WanClient, "create_task", before=False)
    elif point == "polling":
        wrap(WanClient, "get_task", before=False)
    elif point == "before_upload":
        wrap(ImageDownloader, "fetch_all", before=True)
    elif point == "during_upload":
        wrap(discord.Webhook, "edit_message", before=False, when=lambda *a, **k: bool(k.get("attachments")))
    elif point == "during_channel_upload":
        wrap(discord.abc.Messageable, "send", before=False, when=lambda *a, **k: bool(k.get("files")))


def install_from_environment() -> None:
    """Install the crash point named by `IMAGINE_CRASH_AT`, if any."""
    point = os.environ.get("IMAGINE_CRASH_AT")
    if point:
        install(point, Path(os.environ["IMAGINE_CRASH_MARKER"]))
