"""nio room events -> neutral inbound events (text, location, attachment), nothing else."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from nio import (
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
    if isinstance(announced, int) and announced > MAX_ATTACHMENT_BYTES:
        return TooLarge(announced)
    response = await client.download(mxc=event.url)
    if not isinstance(response, DownloadResponse):
        log.warning("matrix: download for event %s failed: %s", event.event_id, response)
        return None
    data = response.body
    if len(data) > MAX_ATTACHMENT_BYTES:
        return TooLarge(len(data))
    if isinstance(event, RoomEncryptedMedia):
        try:
            data = decrypt_attachment(data, event.key["k"], event.hashes["sha256"], event.iv)
        except (EncryptionError, KeyError) as exc:
            log.warning("matrix: attachment %s does not decrypt: %s", event.event_id, exc)
            return None
    filename = str(content.get("filename") or event.body or "datei")
    mime = str(info.get("mimetype") or getattr(event, "mimetype", None) or "application/octet-stream")
    return AttachmentIn(key=key, filename=filename, mime_type=mime, data=data)
