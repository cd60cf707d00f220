"""The human official in Matrix tests: a real encrypting nio client with a background sync.

Messages are collected from the moment of login; `next_message` hands them out in order.
"""

from __future__ import annotations

import asyncio
import contextlib
import io
import logging
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from nio import (
    AsyncClient,
    AsyncClientConfig,
    DownloadError,
    EnableEncryptionBuilder,
    InviteMemberEvent,
    JoinError,
    LocalProtocolError,
    LoginResponse,
    MegolmEvent,
    RoomCreateError,
    RoomMessage,
    RoomPreset,
    RoomSendResponse,
    UploadResponse,
)
from nio.crypto import decrypt_attachment

logger = logging.getLogger(__name__)


class HarnessError(AssertionError):
    """An expectation of the test client failed (an AssertionError so pytest shows it plainly)."""


class OfficialClient:
    """Logs in as one user, syncs in the background and records incoming room messages."""

    def __init__(
        self, homeserver: str, user_id: str, password: str, store_dir: Path | str
    ) -> None:
        self.password = password
        self.store_dir = Path(store_dir)
        self.store_dir.mkdir(parents=True, exist_ok=True)
        config = AsyncClientConfig(
            encryption_enabled=True,
            store_sync_tokens=True,
            # Retry quickly while the homeserver restarts instead of nio's 60 s backoff cap.
            max_timeout_retry_wait_time=1.0,
            request_timeout=15,
        )
        self.client = AsyncClient(
            homeserver, user_id, store_path=str(self.store_dir), config=config
        )
        self._inbox: list[tuple[str, RoomMessage | MegolmEvent]] = []
        self._invites: list[str] = []
        self._changed = asyncio.Event()
        self._sync_task: asyncio.Task | None = None
        self._since_ms = 0

    @property
    def user_id(self) -> str:
        return self.client.user_id

    async def login(self, device_name: str = "schutzlotse-test") -> None:
        """Log in, upload keys, finish one sync, then keep syncing in the background."""
        # Registered before the first sync: callbacks added later miss invites in it.
        self.client.add_event_callback(self._on_message, (RoomMessage, MegolmEvent))
        self.client.add_event_callback(self._on_invite, InviteMemberEvent)
        self._since_ms = int(time.time() * 1000) - 1000
        response = await self.client.login(self.password, device_name=device_name)
        if not isinstance(response, LoginResponse):
            raise HarnessError(f"login of {self.user_id} failed: {response}")
        if self.client.should_upload_keys:
            await self.client.keys_upload()
        await self.client.sync(timeout=0, full_state=True)
        self._sync_task = asyncio.create_task(self._sync_loop(), name=f"sync {self.user_id}")

    async def _sync_loop(self) -> None:
        while True:
            try:
                await self.client.sync_forever(timeout=1000)
            except asyncio.CancelledError:
                raise
            except Exception:  # a restarting homeserver must not end the loop
                logger.warning("sync loop of %s failed, retrying", self.user_id, exc_info=True)
                await asyncio.sleep(0.2)

    async def close(self) -> None:
        if self._sync_task is not None:
            self._sync_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._sync_task
            self._sync_task = None
        await self.client.close()

    async def __aenter__(self) -> OfficialClient:
        await self.login()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()

    # --- callbacks -----------------------------------------------------------------------

    async def _on_message(self, room: Any, event: RoomMessage | MegolmEvent) -> None:
        if event.server_timestamp < self._since_ms:
            return  # history from before this login, not "the next message"
        self._inbox.append((room.room_id, event))
        self._changed.set()

    async def _on_invite(self, room: Any, event: InviteMemberEvent) -> None:
        if event.state_key == self.user_id and event.membership == "invite":
            if room.room_id not in self._invites:
                self._invites.append(room.room_id)
                self._changed.set()

    async def _wait_for(self, found: Callable[[], Any], timeout: float, what: str) -> Any:
        deadline = asyncio.get_running_loop().time() + timeout
        while True:
            result = found()
            if result is not None and result is not False:
                return result
            remaining = deadline - asyncio.get_running_loop().time()
            if remaining <= 0:
                raise HarnessError(f"{self.user_id}: timed out after {timeout}s for {what}")
            self._changed.clear()
            # Woken by a callback, or polled so that room state changes are seen too.
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._changed.wait(), min(remaining, 0.05))

    # --- rooms ---------------------------------------------------------------------------

    async def create_dm(self, invitee: str, encrypted: bool = True, timeout: float = 10) -> str:
        """Create a direct room inviting `invitee`; returns once this client has synced it."""
        initial_state = [EnableEncryptionBuilder().as_dict()] if encrypted else []
        response = await self.client.room_create(
            is_direct=True,
            invite=[invitee],
            preset=RoomPreset.trusted_private_chat,
            initial_state=initial_state,
        )
        if isinstance(response, RoomCreateError):
            raise HarnessError(f"room_create failed: {response}")
        room_id = response.room_id

        def synced() -> bool:
            room = self.client.rooms.get(room_id)
            return room is not None and room.encrypted == encrypted

        await self._wait_for(synced, timeout, f"room {room_id} in sync")
        return room_id

    async def wait_for_invite(self, timeout: float = 10) -> str:
        """The room id of the next invite not yet taken."""
        room_id = await self._wait_for(
            lambda: self._invites[0] if self._invites else None, timeout, "an invite"
        )
        self._invites.remove(room_id)
        return room_id

    async def join(self, room_id: str, timeout: float = 10) -> None:
        response = await self.client.join(room_id)
        if isinstance(response, JoinError):
            raise HarnessError(f"join of {room_id} failed: {response}")
        await self._wait_for(lambda: room_id in self.client.rooms, timeout, f"joined {room_id}")

    async def wait_for_member(self, room_id: str, user_id: str, timeout: float = 10) -> None:
        """Wait until `user_id` has joined (nio's room.users also holds invited users)."""

        def joined() -> bool:
            room = self.client.rooms.get(room_id)
            return room is not None and user_id in room.users and user_id not in room.invited_users

        await self._wait_for(joined, timeout, f"{user_id} joined {room_id}")

    # --- sending -------------------------------------------------------------------------

    async def send(
        self, room_id: str, content: dict[str, Any], event_type: str = "m.room.message"
    ) -> str:
        """Send any event content; encrypts in encrypted rooms, trusting unverified devices."""
        room = self.client.rooms.get(room_id)
        if room is not None and room.encrypted and self.client.should_query_keys:
            # A member who joined since the last sync would otherwise miss the room key.
            with contextlib.suppress(LocalProtocolError):
                await self.client.keys_query()
        response = await self.client.room_send(
            room_id, event_type, content, ignore_unverified_devices=True
        )
        if not isinstance(response, RoomSendResponse):
            raise HarnessError(f"sending to {room_id} failed: {response}")
        return response.event_id

    async def send_text(self, room_id: str, body: str) -> str:
        return await self.send(room_id, {"msgtype": "m.text", "body": body})

    async def send_location(
        self, room_id: str, latitude: float, longitude: float, description: str = "Standort"
    ) -> str:
        geo_uri = f"geo:{latitude},{longitude}"
        return await self.send(
            room_id,
            {
                "msgtype": "m.location",
                "body": description,
                "geo_uri": geo_uri,
                "org.matrix.msc3488.location": {"uri": geo_uri, "description": description},
            },
        )

    async def send_file(
        self,
        room_id: str,
        data: bytes,
        filename: str,
        mimetype: str = "application/octet-stream",
        encrypt: bool | None = None,
    ) -> str:
        """Upload and send an m.file; encrypted upload by default in encrypted rooms."""
        room = self.client.rooms.get(room_id)
        if encrypt is None:
            encrypt = bool(room and room.encrypted)
        response, keys = await self.client.upload(
            lambda *_: io.BytesIO(data),
            content_type=mimetype,
            filename=filename,
            encrypt=encrypt,
            filesize=len(data),
        )
        if not isinstance(response, UploadResponse):
            raise HarnessError(f"upload of {filename} failed: {response}")
        content: dict[str, Any] = {
            "msgtype": "m.file",
            "body": filename,
            "info": {"mimetype": mimetype, "size": len(data)},
        }
        if encrypt:
            content["file"] = {**keys, "url": response.content_uri}
        else:
            content["url"] = response.content_uri
        return await self.send(room_id, content)

    # --- receiving -----------------------------------------------------------------------

    async def next_message(
        self, sender: str, room_id: str | None = None, timeout: float = 10
    ) -> RoomMessage:
        """Take the oldest unread message from `sender` (optionally in `room_id`), decrypted."""

        def first_match() -> tuple[str, RoomMessage | MegolmEvent] | None:
            for entry in self._inbox:
                entry_room, event = entry
                if event.sender == sender and (room_id is None or entry_room == room_id):
                    return entry
            return None

        entry = await self._wait_for(first_match, timeout, f"a message from {sender}")
        self._inbox.remove(entry)
        event = entry[1]
        if isinstance(event, MegolmEvent):
            raise HarnessError(f"message {event.event_id} from {sender} could not be decrypted")
        return event

    async def download(self, event: RoomMessage) -> bytes:
        """The bytes of a received file/image event, decrypted if it was an encrypted upload."""
        source = event.source["content"]
        encrypted_file = source.get("file")
        mxc = encrypted_file["url"] if encrypted_file else source["url"]
        response = await self.client.download(mxc=mxc)
        if isinstance(response, DownloadError):
            raise HarnessError(f"download of {mxc} failed: {response}")
        if not encrypted_file:
            return response.body
        return decrypt_attachment(
            response.body,
            encrypted_file["key"]["k"],
            encrypted_file["hashes"]["sha256"],
            encrypted_file["iv"],
        )
