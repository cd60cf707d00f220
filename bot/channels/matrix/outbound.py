"""Sending to Matrix with retries: text events, seeded reactions, uploaded documents.

nio itself waits out M_LIMIT_EXCEEDED (retry_after_ms) and retries connection errors; this
layer retries the remaining failures (e.g. 5xx while the homeserver restarts) with backoff
and keeps one transaction id per message, so a retried send never shows up twice.
"""

from __future__ import annotations

import asyncio
import contextlib
import io
import logging
import uuid

from aiohttp import ClientError
from nio import (
    AsyncClient,
    LocalProtocolError,
    RoomSendResponse,
    SendRetryError,
    UploadResponse,
)

from handlers.messages import Document

log = logging.getLogger(__name__)


class MatrixSendError(RuntimeError):
    """A message could not be sent after all retries."""


class MatrixOutbox:
    def __init__(self, client: AsyncClient, *, attempts: int = 6, backoff: float = 0.5) -> None:
        self.client = client
        self.attempts = attempts
        self.backoff = backoff

    async def send(self, room_id: str, content: dict, event_type: str = "m.room.message") -> str:
        """Send one event; returns its event id or raises MatrixSendError."""
        txn = uuid.uuid4().hex
        problem: object = None
        for attempt in range(self.attempts):
            if attempt:
                await asyncio.sleep(min(self.backoff * 2 ** (attempt - 1), 10.0))
            try:
                await self._prepare_keys(room_id)
                response = await self.client.room_send(
                    room_id, event_type, content, tx_id=txn, ignore_unverified_devices=True
                )
            except (SendRetryError, LocalProtocolError, ClientError, TimeoutError) as exc:
                # LocalProtocolError: a room joined a moment ago is not synced yet.
                problem = exc
                continue
            if isinstance(response, RoomSendResponse):
                return response.event_id
            problem = getattr(response, "status_code", response)
        log.error("matrix: sending to %s failed after %d attempts: %s", room_id, self.attempts, problem)
        raise MatrixSendError(f"sending to {room_id} failed: {problem}")

    async def _prepare_keys(self, room_id: str) -> None:
        room = self.client.rooms.get(room_id)
        if room is not None and room.encrypted and self.client.should_query_keys:
            # A device that appeared since the last sync would otherwise miss the room key.
            with contextlib.suppress(LocalProtocolError):
                await self.client.keys_query()

    async def send_document(self, room_id: str, document: Document) -> str:
        """Upload (encrypted in encrypted rooms) and send as m.file."""
        room = self.client.rooms.get(room_id)
        encrypt = bool(room and room.encrypted)
        data = document.data
        response, keys = await self.client.upload(
            lambda *_: io.BytesIO(data),
            content_type=document.mime_type,
            filename=document.filename,
            encrypt=encrypt,
            filesize=len(data),
        )
        if not isinstance(response, UploadResponse):
            raise MatrixSendError(f"upload of a document failed: {response}")
        content: dict = {
            "msgtype": "m.file",
            "body": document.filename,
            "filename": document.filename,
            "info": {"mimetype": document.mime_type, "size": len(data)},
        }
        if encrypt:
            content["file"] = {**keys, "url": response.content_uri}
        else:
            content["url"] = response.content_uri
        return await self.send(room_id, content)
