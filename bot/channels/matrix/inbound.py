"""nio room events -> neutral inbound events (text, location, attachment), nothing else."""

from __future__ import annotations

import asyncio
import logging
import re
from dataclasses import dataclass
from urllib.parse import urlparse

from aiohttp import ClientError, ClientTimeout
from nio import (
    Api,
    AsyncClient,
    DownloadResponse,
    RoomEncryptedMedia,
    RoomMessage,
    RoomMessageEmote,
    RoomMessageMedia,
    RoomMessageText,
    RoomMessageUnknown,
)
from nio.crypto import decrypt_attachment
from nio.exceptions import EncryptionError

from handlers.messages import AttachmentIn, ConversationKey, Inbound, LocationIn, TextIn

log = logging.getLogger(__name__)
MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024
CHUNK = 64 * 1024
DOWNLOAD_TIMEOUT = 120  # seconds for a whole attachment
_GEO = re.compile(r"^geo:(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)")


@dataclass(frozen=True)
class TooLarge:
    """An attachment over the limit: answered with a notice, never downloaded."""

    size: int


def is_edit(event: RoomMessage) -> bool:
    relates = event.source.get("content", {}).get("m.relates_to") or {}
    return relates.get("rel_type") == "m.replace"


def strip_reply_fallback(body: str) -> str:
    """Replies quote the original as "> ..." lines first; only the new text counts."""
    lines = body.splitlines()
    if not lines or not lines[0].startswith("> "):
        return body
    rest = lines[next((i for i, line in enumerate(lines) if not line.startswith(">")), len(lines)):]
    return "\n".join(rest).strip()


def parse_geo_uri(uri: str) -> tuple[float, float] | None:
    match = _GEO.match(uri.strip())
    if not match:
        return None
    lat, lon = float(match.group(1)), float(match.group(2))
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    return lat, lon


async def translate(
    client: AsyncClient, event: RoomMessage, key: ConversationKey
) -> Inbound | TooLarge | None:
    """The neutral event for a room message, or None for kinds the bot does not take."""
    content = event.source.get("content", {})
    if isinstance(event, (RoomMessageText, RoomMessageEmote)):
        text = strip_reply_fallback(event.body).strip()
        return TextIn(key=key, text=text) if text else None
    if isinstance(event, RoomMessageUnknown) and content.get("msgtype") == "m.location":
        location = content.get("org.matrix.msc3488.location") or {}
        point = parse_geo_uri(str(content.get("geo_uri") or location.get("uri") or ""))
        if point is None:
            log.info("matrix: location event %s without a usable geo uri", event.event_id)
            return None
        return LocationIn(key=key, lat=point[0], lon=point[1])
    if isinstance(event, (RoomMessageMedia, RoomEncryptedMedia)):
        return await _attachment(client, event, key, content)
    return None


async def _attachment(
    client: AsyncClient, event: RoomMessageMedia | RoomEncryptedMedia, key: ConversationKey,
    content: dict,
) -> AttachmentIn | TooLarge | None:  # fmt: skip
    info = content.get("info") or {}
    announced = info.get("size")
    if isinstance(announced, int) and not isinstance(announced, bool) and announced > MAX_ATTACHMENT_BYTES:
        return TooLarge(announced)
    downloaded = await download_bounded(client, event.url, MAX_ATTACHMENT_BYTES)
    if downloaded is None:
        log.warning("matrix: download for event %s failed", event.event_id)
        return None
    if isinstance(downloaded, TooLarge):
        return downloaded
    data = downloaded
    if isinstance(event, RoomEncryptedMedia):
        try:
            # Up to 20 MB of AES-CTR and SHA-256: in a worker thread, not on the event loop.
            data = await asyncio.to_thread(decrypt_attachment, data, event.key["k"], event.hashes["sha256"], event.iv)
        except (EncryptionError, KeyError) as exc:
            log.warning("matrix: attachment %s does not decrypt: %s", event.event_id, exc)
            return None
    filename = str(content.get("filename") or event.body or "datei")
    mime = str(info.get("mimetype") or getattr(event, "mimetype", None) or "application/octet-stream")
    return AttachmentIn(key=key, filename=filename, mime_type=mime, data=data)


async def download_bounded(client: AsyncClient, mxc: str, limit: int) -> bytes | TooLarge | None:
    """The media behind `mxc`, read in chunks and abandoned as soon as it passes `limit`
    (the sender's `info.size` may be missing or wrong): never more than `limit` in memory."""
    parsed = urlparse(str(mxc or ""))
    server, media_id = parsed.netloc, parsed.path.strip("/")
    if parsed.scheme != "mxc" or not server or not media_id or "/" in media_id:
        return None
    session = client.client_session
    if session is None:  # not logged in yet: nio's own download, checked afterwards
        response = await client.download(mxc=mxc)
        if not isinstance(response, DownloadResponse):
            return None
        return TooLarge(len(response.body)) if len(response.body) > limit else response.body
    _, path = Api.download(server, media_id, None, True, access_token=client.access_token)
    try:
        async with session.get(client.homeserver + path, proxy=client.proxy, ssl=client.ssl,
                               timeout=ClientTimeout(total=DOWNLOAD_TIMEOUT)) as response:
            if response.status != 200:
                log.warning("matrix: media download answered HTTP %d", response.status)
                return None
            if response.content_length is not None and response.content_length > limit:
                return TooLarge(response.content_length)
            chunks, total = [], 0
            async for chunk in response.content.iter_chunked(CHUNK):
                total += len(chunk)
                if total > limit:
                    return TooLarge(total)  # leaving the block closes the connection
                chunks.append(chunk)
    except (ClientError, asyncio.TimeoutError) as exc:
        log.warning("matrix: media download failed: %s", type(exc).__name__)
        return None
    return b"".join(chunks)
