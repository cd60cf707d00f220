"""The Matrix channel: nio AsyncClient lifecycle, callbacks, and the engine's Sender.

At-least-once: the event callbacks of one sync only collect its events; once the sync is
processed, they are stored (sealed) in the engine's inbox in one transaction, and only then
is the sync token saved (nio's own saving is off: it saves before the callbacks run). A
crash before that syncs the same events again; the inbox ignores the ids it has. Each
room's events are then handled one after another in a task of their own (so a slow turn
never stalls the sync loop or other rooms), each marked done with its turn's commit.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from nio import (
    AsyncClient,
    AsyncClientConfig,
    Event,
    InviteMemberEvent,
    JoinResponse,
    MatrixRoom,
    MegolmEvent,
    ReactionEvent,
    RoomMemberEvent,
    RoomMessage,
    RoomMessageNotice,
    SyncError,
    SyncResponse,
)

from bot.channels.matrix import inbound
from bot.channels.matrix.outbound import MatrixOutbox
from bot.channels.matrix.render import KEYCAPS, message_content, option_for_reply, reaction_content
from bot.channels.matrix.rooms import NOTICE_ONE_TO_ONE, NOTICE_UNENCRYPTED, RoomNotices, RoomPolicy
from bot.channels.matrix.session import Credentials, connect
from bot.config import Settings
from bot.proxies import proxy_for
from bot.engine import Engine
from bot.inbox import KeyedOrder, Receipt
from bot.store import Database
from handlers.messages import ConversationKey, Inbound, Option, OptionChosen, OutboundMessage, TextIn

log = logging.getLogger(__name__)
CHANNEL = "matrix"
SYNC_TIMEOUT_MS = 30_000
MAX_REMEMBERED_QUESTIONS = 500
MAX_REMEMBERED_ROOMS = 10_000  # rooms whose last alert options / invite are remembered (LRU)


class _Bounded(OrderedDict):  # type: ignore[type-arg]
    """A dict that forgets its least recently written entries beyond `limit`."""

    def __init__(self, limit: int) -> None:
        super().__init__()
        self.limit = limit

    def __setitem__(self, key: Any, value: Any) -> None:
        super().__setitem__(key, value)
        self.move_to_end(key)
        while len(self) > self.limit:
            self.popitem(last=False)


class MatrixChannel:
    def __init__(self, engine: Engine, db: Database, settings: Settings,
                 room_pseudonym: Callable[[str], str] | None = None) -> None:
        if not (settings.matrix_homeserver and settings.matrix_user):
            raise ValueError("SCHUTZLOTSE_MATRIX_HOMESERVER and _USER are required")
        self.engine = engine
        self.settings = settings
        self.store_dir: Path = settings.matrix_store_dir
        self.store_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        config = AsyncClientConfig(
            encryption_enabled=True,
            # We save the token ourselves, after the sync's events are in the inbox.
            store_sync_tokens=False,
            # Reconnect within seconds after a homeserver restart, not nio's 60 s cap.
            max_timeout_retry_wait_time=5.0,
            request_timeout=SYNC_TIMEOUT_MS / 1000 + 30,
        )
        self.client = AsyncClient(
            settings.matrix_homeserver, settings.matrix_user,
            store_path=str(self.store_dir), config=config,
            proxy=proxy_for(settings.matrix_homeserver),  # HTTPS_PROXY / NO_PROXY
        )  # fmt: skip
        self.outbox = MatrixOutbox(self.client)
        self.notices = RoomNotices(db, room_pseudonym)  # rooms stored by keyed pseudonym
        self.policy: RoomPolicy | None = None
        self.credentials: Credentials | None = None
        self.ready = asyncio.Event()
        self.order = KeyedOrder("matrix")  # per room, in order; entries go when idle
        self._send_locks: dict[str, asyncio.Lock] = {}
        self._invites_seen: _Bounded = _Bounded(MAX_REMEMBERED_ROOMS)
        self._sync_failures = 0
        self._batch: list[tuple[str, str, Any]] = []  # (room, kind, event) of the sync being processed
        self._resumed = False
        self._stored_token = ""  # the sync token whose events are all in the inbox
        self.store_failures = 0  # syncs whose events could not be stored (then retried)
        self._last_sync: float | None = None  # monotonic time of the last good sync
        # Numbered options of the last alert per room (see `send`), and seeded reactions.
        self._alert_options: _Bounded = _Bounded(MAX_REMEMBERED_ROOMS)
        self._reaction_targets: OrderedDict[str, tuple[Option, ...]] = OrderedDict()

    @property
    def user_id(self) -> str:
        return self.client.user_id

    # --- lifecycle -----------------------------------------------------------------------

    async def run(self) -> None:
        """Log in (or restore), then sync until cancelled, surviving homeserver outages."""
        # Registered before the first sync: callbacks added later miss what it carries.
        self.client.add_event_callback(self._on_invite, InviteMemberEvent)
        self.client.add_event_callback(self._on_member, RoomMemberEvent)
        self.client.add_event_callback(self._on_message, RoomMessage)
        self.client.add_event_callback(self._on_undecryptable, MegolmEvent)
        self.client.add_event_callback(self._on_reaction, ReactionEvent)
        self.client.add_response_callback(self._on_sync, SyncResponse)
        self.client.add_response_callback(self._on_sync_error, SyncError)
        s = self.settings
        try:
            self.credentials = await connect(
                self.client, self.store_dir, user=s.matrix_user or "",
                password=s.matrix_password, access_token=s.matrix_access_token,
                device_id=s.matrix_device_id,
            )  # fmt: skip
            self.policy = RoomPolicy(self.user_id, s.matrix_allowed_servers)
            await self.notices.pseudonymize_existing()  # rows of an older version, once
            if self.client.should_upload_keys:
                await self.client.keys_upload()
            if self.client.store is not None:  # where the last stored sync left off
                self.client.loaded_sync_token = self.client.store.load_sync_token() or ""
                self._stored_token = self.client.loaded_sync_token
            self.engine.register_channel(CHANNEL, self)
            while True:
                try:
                    await self.client.sync_forever(timeout=SYNC_TIMEOUT_MS, full_state=True)
                except asyncio.CancelledError:
                    raise
                except Exception:
                    log.warning("matrix: sync loop failed, restarting", exc_info=True)
                    await asyncio.sleep(1.0)
        finally:
            await self._drain()
            await self.client.close()

    async def _drain(self, timeout: float = 5.0) -> None:
        """Let turns in flight finish (unfinished ones stay in the inbox for the next start)."""
        await self.order.drain(timeout)
        await self.engine.inbox.flush()

    @property
    def connected(self) -> bool:
        """A sync succeeded within two long-poll periods (bot/supervise.py reads this)."""
        last = self._last_sync
        return last is not None and time.monotonic() - last < 2 * SYNC_TIMEOUT_MS / 1000 + 30

    async def _on_sync(self, response: SyncResponse) -> None:
        """After nio processed a sync: store its events, then save the token, then handle."""
        batch, self._batch = self._batch, []
        if not self._resumed:  # what an earlier run stored but did not finish comes first
            self._resumed = True
            for receipt, data in await self.engine.inbox.pending(CHANNEL):
                self._resume(receipt, data)
        try:
            stored = await self.engine.inbox.put(
                CHANNEL, [(_event_id(e), _payload(room, kind, e)) for room, kind, e in batch])
        except Exception:
            # nio has moved its token on in memory: back to the last stored one, so that the
            # next sync delivers these events again
            self.store_failures += 1
            self.client.next_batch = self._stored_token
            raise
        if self.client.store is not None and response.next_batch:
            self.client.store.save_sync_token(response.next_batch)
        self._stored_token = response.next_batch or self._stored_token
        new = {r.event_id: r for r in stored}
        for room_id, kind, event in batch:
            receipt = new.pop(_event_id(event), None)
            if receipt is not None:  # a redelivered event (same id) is left out
                self._dispatch(room_id, kind, event, receipt)
        self._sync_failures = 0
        self._last_sync = time.monotonic()
        self.ready.set()

    def _resume(self, receipt: Receipt, data: bytes) -> None:
        try:
            stored = json.loads(data)
            source = stored["source"]
            event = Event.parse_decrypted_event(source) if stored.get("decrypted") else Event.parse_event(source)
            event.decrypted = bool(stored.get("decrypted"))
        except Exception:  # noqa: BLE001 - unreadable: it cannot be handled, keep the rest going
            log.error("matrix: a stored event cannot be read; dropped")
            self.engine.inbox.done(receipt)
            return
        self._dispatch(stored["room"], stored["kind"], event, receipt)

    def _dispatch(self, room_id: str, kind: str, event: Any, receipt: Receipt) -> None:
        room = self.client.rooms.get(room_id)
        if room is None:  # left meanwhile
            self.engine.inbox.done(receipt)
            return
        if kind == "reaction":
            self._spawn(room_id, self._handle_reaction(room, event, receipt), receipt)
        else:
            self._spawn(room_id, self._handle_message(room, event, receipt), receipt)

    async def _on_sync_error(self, response: SyncError) -> None:
        # nio loops again at once after an error response; back off instead of hammering.
        self._sync_failures += 1
        self._last_sync = None
        log.warning("matrix: sync error %s", response.status_code)
        await asyncio.sleep(min(0.5 * 2 ** (self._sync_failures - 1), 30.0))

    def _spawn(self, room_id: str, work: Awaitable[None], receipt: Receipt | None = None) -> None:
        async def run() -> None:
            try:
                async with self.engine.activity.work():  # a shutdown lets this finish
                    await work
            except asyncio.CancelledError:
                raise  # shutdown or crash: the event stays in the inbox for the next start
            except Exception:
                log.exception("matrix: handling an event in a room failed")
            finally:
                getattr(work, "close", lambda: None)()  # cancelled before it began: no "never awaited"
            if receipt is not None:  # a no-op when the turn's commit marked it
                self.engine.inbox.done(receipt)

        self.order.submit(room_id, run)

    def _send_lock(self, room_id: str) -> asyncio.Lock:
        lock = self._send_locks.get(room_id)
        if lock is None:
            if len(self._send_locks) > MAX_REMEMBERED_ROOMS:  # drop the idle ones
                self._send_locks = {r: lk for r, lk in self._send_locks.items() if lk.locked()}
            lock = self._send_locks[room_id] = asyncio.Lock()
        return lock

    # --- rooms ---------------------------------------------------------------------------

    async def _on_invite(self, room: MatrixRoom, event: InviteMemberEvent) -> None:
        if event.state_key != self.user_id or event.membership != "invite":
            return
        if room.room_id in self._invites_seen:
            return
        self._invites_seen[room.room_id] = True
        direct = bool(event.content.get("is_direct"))
        self._spawn(room.room_id, self._answer_invite(room.room_id, event.sender, direct))

    async def _answer_invite(self, room_id: str, inviter: str, direct: bool) -> None:
        assert self.policy is not None
        if not self.policy.accept_invite(inviter, direct):
            log.info("matrix: refusing invite to %s (direct=%s)", room_id, direct)
            await self.client.room_leave(room_id)
            return
        for attempt in range(5):
            response = await self.client.join(room_id)
            if isinstance(response, JoinResponse):
                log.info("matrix: joined %s", room_id)
                return
            await asyncio.sleep(0.5 * 2**attempt)
        log.error("matrix: could not join %s: %s", room_id, response)

    async def _on_member(self, room: MatrixRoom, event: RoomMemberEvent) -> None:
        if event.state_key == self.user_id or event.membership not in ("leave", "ban"):
            return
        if self.policy is not None and self.policy.is_abandoned(room):
            self._spawn(room.room_id, self._leave(room.room_id))

    async def _leave(self, room_id: str) -> None:
        log.info("matrix: the user left %s, leaving too", room_id)
        await self.client.room_leave(room_id)
        await self.client.room_forget(room_id)
        self._alert_options.pop(room_id, None)

    # --- inbound -------------------------------------------------------------------------

    def _is_news(self, event: RoomMessage | ReactionEvent | MegolmEvent) -> bool:
        if event.sender == self.user_id or self.credentials is None:
            return False
        return event.server_timestamp >= self.credentials.since_ms

    async def _on_message(self, room: MatrixRoom, event: RoomMessage) -> None:
        if not self._is_news(event) or isinstance(event, RoomMessageNotice):
            return  # notices are what bots send each other; answering them would loop
        if inbound.is_edit(event):
            return  # an edit of an earlier answer must not answer the question again
        self._batch.append((room.room_id, "message", event))

    async def _handle_message(self, room: MatrixRoom, event: RoomMessage, receipt: Receipt | None = None) -> None:
        if not await self._admitted(room, event.sender):
            return
        key = ConversationKey(CHANNEL, room.room_id, event.sender)
        translated = await inbound.translate(self.client, event, key)
        if translated is None:
            return
        if isinstance(translated, inbound.TooLarge):
            lang = await self._lang(key)
            limit = str(inbound.MAX_ATTACHMENT_BYTES // (1024 * 1024))
            text = self._text("matrix_file_too_large", lang).format(limit_mb=limit)
            await self._send_all(room.room_id, [OutboundMessage(text)])
            return
        await self._turn(room, self._alert_answer(room.room_id, translated), receipt)

    async def _on_reaction(self, room: MatrixRoom, event: ReactionEvent) -> None:
        if not self.settings.matrix_reactions or not self._is_news(event):
            return
        self._batch.append((room.room_id, "reaction", event))

    async def _handle_reaction(self, room: MatrixRoom, event: ReactionEvent, receipt: Receipt | None = None) -> None:
        options = self._reaction_targets.get(event.reacts_to)
        if options is None or event.key not in KEYCAPS[: len(options)]:
            return
        option = options[KEYCAPS.index(event.key)]
        key = ConversationKey(CHANNEL, room.room_id, event.sender)
        if await self._admitted(room, event.sender):
            await self._turn(room, OptionChosen(key=key, option_id=option.id), receipt)

    async def _on_undecryptable(self, room: MatrixRoom, event: MegolmEvent) -> None:
        if not self._is_news(event):
            return
        log.warning("matrix: cannot decrypt event %s in %s; asking for the key", event.event_id, room.room_id)
        with contextlib.suppress(Exception):
            await self.client.request_room_key(event)

    async def _admitted(self, room: MatrixRoom, sender: str) -> bool:
        """One to one with an allowed user, or silence (plus a one-time group notice)."""
        assert self.policy is not None
        if not self.policy.may_talk(sender):
            return False
        if self.policy.is_group(room):
            if await self.notices.claim(room.room_id, NOTICE_ONE_TO_ONE):
                text = self._text("matrix_one_to_one_only", self.settings.lang)
                await self._send_all(room.room_id, [OutboundMessage(text)])
            return False
        return True

    def _alert_answer(self, room_id: str, event: Inbound) -> Inbound:
        """A typed number/label answering the last alert becomes that alert's option."""
        options = self._alert_options.get(room_id)
        if not options or not isinstance(event, TextIn):
            return event
        option = option_for_reply(event.text, options)
        if option is None:
            return event
        del self._alert_options[room_id]
        return OptionChosen(key=event.key, lang_hint=event.lang_hint, option_id=option.id)

    async def _turn(self, room: MatrixRoom, event: Inbound, receipt: Receipt | None = None) -> None:
        async def reply(messages: list[OutboundMessage]) -> None:
            if not room.encrypted and await self.notices.claim(room.room_id, NOTICE_UNENCRYPTED):
                lang = await self._lang(event.key)
                warning = OutboundMessage(self._text("matrix_unencrypted_warning", lang))
                messages = [warning, *messages]
            if any(m.options for m in messages):
                # The conversation's own numbered list is now the newest one on screen.
                self._alert_options.pop(room.room_id, None)
            await self._send_all(room.room_id, messages)

        await self.engine.handle(event, receipt=receipt, reply=reply)

    async def _lang(self, key: ConversationKey) -> str:
        loaded = await self.engine.conversations.load(key)
        state = loaded[0] if loaded else None
        return state.lang if state is not None else self.settings.lang

    def _text(self, name: str, lang: str) -> str:
        return getattr(self.engine.knowledge.current.texts, name).get(lang)

    # --- outbound ------------------------------------------------------------------------

    async def _send_all(self, room_id: str, messages: list[OutboundMessage]) -> None:
        room = self.client.rooms.get(room_id)
        for message in messages:
            event_id = await self.outbox.send(room_id, message_content(message))
            if message.document is not None:
                await self.outbox.send_document(room_id, message.document)
            if (
                self.settings.matrix_reactions and message.options
                and len(message.options) <= len(KEYCAPS) and room is not None and not room.encrypted
            ):  # fmt: skip
                await self._seed_reactions(room_id, event_id, message.options)

    async def _seed_reactions(self, room_id: str, event_id: str, options: tuple[Option, ...]) -> None:
        # Only in unencrypted rooms: nio 0.26 would send them unencrypted anyway.
        self._reaction_targets[event_id] = options
        while len(self._reaction_targets) > MAX_REMEMBERED_QUESTIONS:
            self._reaction_targets.popitem(last=False)
        for index in range(len(options)):
            await self.outbox.send(room_id, reaction_content(event_id, index), "m.reaction")

    async def send(self, key: ConversationKey, messages: list[OutboundMessage]) -> None:
        """Engine Sender for unsolicited messages (alerts): remembers their options."""
        async with self._send_lock(key.chat):
            await self._send_all(key.chat, messages)
            offered = [m.options for m in messages if m.options]
            if offered:
                self._alert_options[key.chat] = offered[-1]


def _event_id(event: Any) -> str:
    return str(event.event_id)


def _payload(room_id: str, kind: str, event: Any) -> bytes:
    """What the inbox keeps of an event: enough to parse it again after a crash."""
    return json.dumps({"room": room_id, "kind": kind, "decrypted": bool(getattr(event, "decrypted", False)),
                       "source": event.source}).encode()
