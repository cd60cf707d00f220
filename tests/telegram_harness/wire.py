"""Reading Bot API requests the way Telegram does: query, form, JSON or multipart bodies.

PTB form-encodes parameters and JSON-encodes every non-string value inside the form.
"""

from __future__ import annotations

import json
from typing import Any

import aiohttp
from aiohttp import web

from tests.telegram_harness.records import UploadedFile

# Values sent as plain strings; decoding them as JSON would turn a text "42" into 42.
_STRING_FIELDS = frozenset(
    {
        "text", "caption", "parse_mode", "callback_query_id", "url", "secret_token",
        "file_id", "ip_address", "action", "language_code", "inline_message_id",
        "business_connection_id", "message_effect_id", "emoji", "title", "description",
        "short_description", "name", "phone_number", "first_name", "last_name", "vcard",
        "address", "query", "document",
    }
)


def _decode(key: str, value: str) -> Any:
    if key in _STRING_FIELDS:
        return value
    try:
        return json.loads(value)
    except ValueError:
        return value


async def parse_request(
    request: web.Request,
) -> tuple[dict[str, Any], dict[str, UploadedFile]]:
    """Parameters (JSON-decoded where PTB encoded them) and uploaded file parts."""
    params: dict[str, Any] = {k: _decode(k, v) for k, v in request.query.items()}
    files: dict[str, UploadedFile] = {}
    if not request.body_exists:
        return params, files
    if request.content_type == "application/json":
        params.update(await request.json())
    elif request.content_type == "multipart/form-data":
        reader = await request.multipart()
        async for part in reader:
            if not isinstance(part, aiohttp.BodyPartReader) or part.name is None:
                continue
            if part.filename is not None:
                content_type = part.headers.get(aiohttp.hdrs.CONTENT_TYPE)
                data = bytes(await part.read())
                files[part.name] = UploadedFile(part.filename, content_type, data)
            else:
                params[part.name] = _decode(part.name, await part.text())
    else:
        form = await request.post()
        params.update({k: _decode(k, v) for k, v in form.items() if isinstance(v, str)})
    return params, files
