"""Decoding request bodies: JSON, or multipart with ``payload_json`` and ``files[N]`` parts."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from aiohttp import BodyPartReader, web

from tests.support.fake_discord.records import FileRecord

_FILE_FIELD = re.compile(r"files\[(\d+)\]")


@dataclass
class DecodedBody:
    """A decoded request body: the JSON payload (None when empty) and the uploaded files."""

    payload: Any = None
    files: list[FileRecord] = field(default_factory=list)
    multipart: bool = False
    other_fields: dict[str, str] = field(default_factory=dict)


async def decode_body(request: web.Request) -> DecodedBody:
    """Read and decode the body of ``request`` (file bytes are kept whole)."""
    if request.content_type.startswith("multipart/"):
        return await _decode_multipart(request)
    raw = await request.read()
    if not raw:
        return DecodedBody()
    return DecodedBody(payload=json.loads(raw))


async def _decode_multipart(request: web.Request) -> DecodedBody:
    body = DecodedBody(multipart=True)
    reader = await request.multipart()
    while True:
        part = await reader.next()
        if part is None:
            break
        if not isinstance(part, BodyPartReader):
            raise web.HTTPBadRequest(text="nested multipart is not supported by the fake Discord")
        name = part.name or ""
        if name == "payload_json":
            body.payload = json.loads(await part.text())
            continue
        match = _FILE_FIELD.fullmatch(name)
        if match is None:
            body.other_fields[name] = await part.text()
            continue
        data = bytes(await part.read())
        body.files.append(
            FileRecord(
                index=int(match.group(1)),
                filename=part.filename or f"file{match.group(1)}",
                content_type=part.headers.get("Content-Type"),
                data=data,
            )
        )
    return body
