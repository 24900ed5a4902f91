"""Images members start from, on the Discord side: checked when a job is asked for (after the answer is
deferred, before anything is reserved or sent), and Discord's attachment refresh endpoint, through which
the engine renews expired input URLs before it sends them to the API."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping, Sequence

import discord
from yarl import URL

from services.core.errors import ImageFetchError, ImageProblem, InputProblem, InputRefused
from services.core.models import GenerationOptions, InputImage
from services.engine.image_inputs import ImageInputs, InputUrlsUnavailable
from services.images.download import ImageDownloader
from services.images.input_check import INPUT_MAX_BYTES, check_declared, check_input_image

DISCORD_CDN_HOSTS = frozenset({"cdn.discordapp.com", "media.discordapp.net"})
"""Where members' uploads live: the only hosts whose URLs the bot downloads as inputs and hands to the API
(never an address of the bot's own host)."""


class DiscordAttachmentRefresher:
    """Fresh signed URLs for expired Discord CDN URLs: `POST /attachments/refresh-urls`."""

    def __init__(self, client: discord.Client) -> None:
        self._client = client

    async def refresh(self, urls: Sequence[str]) -> Mapping[str, str]:
        """Fresh URLs by the URLs given (those Discord renewed)."""
        route = discord.http.Route("POST", "/attachments/refresh-urls")
        answer = await self._client.http.request(route, json={"attachment_urls": list(urls)})
        renewed = answer.get("refreshed_urls", []) if isinstance(answer, dict) else []
        return {str(item["original"]): str(item["refreshed"]) for item in renewed if isinstance(item, dict)}


def attachment_inputs(attachments: Sequence[discord.Attachment], channel_id: int | None) -> tuple[InputImage, ...]:
    """The images of a command's attachment options, refused at once when their own description (size,
    type) rules them out."""
    for position, attachment in enumerate(attachments, 1):
        check_declared(attachment.size, attachment.content_type, position)
    return tuple(InputImage(attachment.url, channel_id=channel_id) for attachment in attachments)


def message_input(message: discord.Message | None, index: int) -> InputImage:
    """Image `index` (from 1) of a result message, as an input (its message remembered for a refresh)."""
    attachments = message.attachments if message is not None else []
    if not 1 <= index <= len(attachments):
        raise InputRefused(InputProblem.NO_SUCH_IMAGE, index, count=len(attachments))
    assert message is not None
    return InputImage(attachments[index - 1].url, channel_id=message.channel.id, message_id=message.id)


class InputChecker:
    """Downloads each input (Discord's CDN only, at most 10 MB, streamed) and checks it as the API would."""

    def __init__(self, downloader: ImageDownloader, inputs: ImageInputs, *, any_host: bool = False) -> None:
        self._downloader = downloader
        self._inputs = inputs
        self._any_host = any_host  # IMAGE_URL_ALLOW_PRIVATE: the local fake Discord and simulator

    async def checked(self, options: GenerationOptions) -> GenerationOptions:
        """The options with inputs that can be sent (expired URLs renewed), or `InputRefused`."""
        try:
            options = await self._inputs.fresh(options, margin=0.0)
        except InputUrlsUnavailable:
            raise InputRefused(InputProblem.UNREACHABLE) from None
        for position, image in enumerate(options.images, 1):
            host = (URL(image.url).host or "").lower()
            if not self._any_host and (URL(image.url).scheme != "https" or host not in DISCORD_CDN_HOSTS):
                raise InputRefused(InputProblem.NOT_FROM_DISCORD, position)
            data = await self._download(image.url, position)
            await asyncio.to_thread(check_input_image, data, position)
        return options

    async def _download(self, url: str, position: int) -> bytes:
        try:
            return await self._downloader.fetch_bytes(url, INPUT_MAX_BYTES)
        except ImageFetchError as error:
            if error.problem == ImageProblem.TOO_LARGE:
                raise InputRefused(InputProblem.TOO_LARGE, position, maximum=INPUT_MAX_BYTES) from None
            raise InputRefused(InputProblem.UNREACHABLE, position) from None
