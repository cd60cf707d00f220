"""FakeBotApi: a local aiohttp server speaking enough of the Telegram Bot API for real PTB.

Tests inject updates, the real `telegram.ext.Application` polls or receives them by webhook,
and every request it makes is recorded for assertions. State rules live in `state.py`.
"""

from __future__ import annotations

import asyncio
import itertools
import time
from collections.abc import Callable
from typing import Any

import aiohttp
from aiohttp import web
from telegram.ext import ApplicationBuilder

from tests.telegram_harness import objects
from tests.telegram_harness.records import ApiCall, Fault, Signal, StoredMessage
from tests.telegram_harness.state import ApiError, BotApiState
from tests.telegram_harness.wire import parse_request

DEFAULT_TOKEN = "123456789:TEST-token_for-the-fake-bot-api"
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"

class FakeBotApi:
    """A fake Telegram Bot API on 127.0.0.1 (free port). Use `async with` or start()/stop()."""

    def __init__(self, token: str = DEFAULT_TOKEN) -> None:
        self.token = token
        self.state = BotApiState(bot_id=int(token.split(":", 1)[0]))
        self.state.on_drop_pending = self._drop_pending
        self.calls: list[ApiCall] = []
        self.unknown_calls: list[ApiCall] = []
        self.pending_updates: list[dict[str, Any]] = []
        self.delivery_count: dict[int, int] = {}  # update_id -> times handed out by getUpdates
        self.confirmed_offset = 0
        self.url = ""
        self.expect_unknown_methods = False  # fixture teardown fails on unknown methods
        self._faults: dict[str, list[Fault]] = {}
        self._update_ids = itertools.count(1)
        self._callback_ids = itertools.count(1)
        self._calls_changed = Signal()
        self._updates_changed = Signal()
        self._closing = False
        self._runner: web.AppRunner | None = None
        self._methods = {name.lower(): name for name in [*self.state.methods, "getUpdates"]}
        self._holds: dict[str, tuple[asyncio.Event, asyncio.Event]] = {}  # method -> (arrived, release)

    # ----- lifecycle --------------------------------------------------------------------

    async def start(self, port: int = 0) -> None:
        """Listen on 127.0.0.1:`port` (0: a free one). A bot configured with a port before
        the server starts sees an unreachable Bot API until then."""
        app = web.Application()
        app.router.add_route("*", "/bot{token}/{method}", self._handle_method)
        app.router.add_get("/file/bot{token}/{file_path:.+}", self._handle_file)
        # a client that gives up on a long poll must not leave a handler waiting
        self._runner = web.AppRunner(app, handler_cancellation=True, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", port)
        await site.start()
        host, port = self._runner.addresses[0][:2]
        self.url = f"http://{host}:{port}"

    async def stop(self) -> None:
        self._closing = True
        self._updates_changed.notify()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> FakeBotApi:
        await self.start()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.stop()

    @property
    def base_url(self) -> str:
        return f"{self.url}/bot"

    @property
    def base_file_url(self) -> str:
        return f"{self.url}/file/bot"

    def application_builder(self) -> ApplicationBuilder:
        """An ApplicationBuilder already pointed at this server with its token."""
        return (
            ApplicationBuilder()
            .token(self.token)
            .base_url(self.base_url)
            .base_file_url(self.base_file_url)
        )

    # ----- HTTP -------------------------------------------------------------------------

    async def _handle_method(self, request: web.Request) -> web.Response:
        raw_method = request.match_info["method"]
        method = self._methods.get(raw_method.lower(), raw_method)
        try:
            params, files = await parse_request(request)
        except ValueError:
            params, files = {}, {}
        call = ApiCall(method=method, params=params, time=time.monotonic(), files=files)
        recorded = False
        try:
            if request.match_info["token"] != self.token:
                raise ApiError(401, "Unauthorized")
            self._raise_planned_fault(method)
            if (hold := self._holds.get(method)) is not None:
                hold[0].set()
                await hold[1].wait()
            if method == "getUpdates":
                self._record(call)  # recorded on arrival: tests wait for "bot is polling"
                recorded = True
                result = await self._get_updates(params)
                return web.json_response({"ok": True, "result": result})
            handler = self.state.methods.get(method)
            if handler is None:
                self.unknown_calls.append(call)
                raise ApiError(404, "Not Found: method not found")
            result = handler(params, files)
        except ApiError as err:
            call.status = err.status
            if not recorded:
                self._record(call)
            return web.json_response(err.body(), status=err.status)
        self._record(call)
        return web.json_response({"ok": True, "result": result})

    async def _handle_file(self, request: web.Request) -> web.Response:
        stored = self.state.file_by_path(request.match_info["file_path"])
        if request.match_info["token"] != self.token or stored is None:
            return web.json_response(
                {"ok": False, "error_code": 404, "description": "Not Found"}, status=404
            )
        return web.Response(body=stored.data, content_type="application/octet-stream")

    def _record(self, call: ApiCall) -> None:
        self.calls.append(call)
        self._calls_changed.notify()

    def _raise_planned_fault(self, method: str) -> None:
        faults = self._faults.get(method)
        if not faults:
            return
        fault = faults[0]
        fault.remaining -= 1
        if fault.remaining <= 0:
            faults.pop(0)
        raise ApiError(fault.status, fault.description, fault.retry_after)

    async def _get_updates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        if self.state.webhook_url:
            raise ApiError(
                409,
                "Conflict: can't use getUpdates method while webhook is active; "
                "use deleteWebhook to delete the webhook first",
            )
        offset = int(params.get("offset") or 0)
        if offset > 0:  # an offset confirms every update below it: Telegram forgets them
            self.confirmed_offset = max(self.confirmed_offset, offset)
            self.pending_updates = [u for u in self.pending_updates if u["update_id"] >= offset]
        limit = int(params.get("limit") or 100)
        loop = asyncio.get_running_loop()
        deadline = loop.time() + float(params.get("timeout") or 0)
        while True:
            ready = self.pending_updates[:limit]
            remaining = deadline - loop.time()
            if ready or self._closing or remaining <= 0:
                for update in ready:
                    uid = update["update_id"]
                    self.delivery_count[uid] = self.delivery_count.get(uid, 0) + 1
                return ready
            await self._updates_changed.wait(remaining)

    def _drop_pending(self) -> None:
        self.pending_updates.clear()

    # ----- injecting updates ------------------------------------------------------------

    def inject_update(self, update: dict[str, Any]) -> int:
        """Queue a raw update for getUpdates (an update_id is assigned if missing)."""
        update.setdefault("update_id", next(self._update_ids))
        self.pending_updates.append(update)
        self._updates_changed.notify()
        return int(update["update_id"])

    def build_user_message(
        self,
        chat_id: int,
        user_id: int,
        *,
        language_code: str | None = "de",
        chat_type: str = "private",
        **content: Any,
    ) -> dict[str, Any]:
        """A message update from a user (not queued; for post_webhook or inject_update)."""
        self.state.chat_types.setdefault(chat_id, chat_type)
        message_id = self.state.next_message_id(chat_id)
        self.state.store(
            StoredMessage(chat_id, message_id, from_bot=False, text=content.get("text"))
        )
        msg = objects.message(
            objects.chat(chat_id, chat_type),
            objects.human_user(user_id, language_code),
            message_id,
            **content,
        )
        return {"update_id": next(self._update_ids), "message": msg}

    def build_message(
        self,
        chat_id: int,
        user_id: int,
        text: str,
        *,
        language_code: str | None = "de",
        chat_type: str = "private",
    ) -> dict[str, Any]:
        return self.build_user_message(
            chat_id,
            user_id,
            language_code=language_code,
            chat_type=chat_type,
            text=text,
            entities=objects.command_entities(text),
        )

    def build_callback(
        self, chat_id: int, user_id: int, message_id: int, data: str, *, language_code: str = "de"
    ) -> dict[str, Any]:
        stored = self.state.find(chat_id, message_id)
        if stored is not None and stored.from_bot:
            msg = self.state.bot_message_json(stored)
        else:
            msg = objects.message(self.state.chat_obj(chat_id), self.state.bot, message_id)
        query_id = f"{next(self._callback_ids)}{user_id}"
        sender = objects.human_user(user_id, language_code)
        query = objects.callback_query(query_id, sender, msg, data)
        return {"update_id": next(self._update_ids), "callback_query": query}

    def inject_message(self, chat_id: int, user_id: int, text: str, **kwargs: Any) -> int:
        return self.inject_update(self.build_message(chat_id, user_id, text, **kwargs))

    def inject_callback(self, chat_id: int, user_id: int, message_id: int, data: str) -> int:
        return self.inject_update(self.build_callback(chat_id, user_id, message_id, data))

    def inject_location(
        self, chat_id: int, user_id: int, latitude: float, longitude: float, **kwargs: Any
    ) -> int:
        location = {"latitude": latitude, "longitude": longitude}
        return self.inject_update(
            self.build_user_message(chat_id, user_id, location=location, **kwargs)
        )

    def inject_contact(
        self, chat_id: int, user_id: int, phone_number: str, *, own: bool = True, **kwargs: Any
    ) -> int:
        contact = {"phone_number": phone_number, "first_name": f"User{user_id}"}
        if own:  # Telegram sets user_id when users share their own number
            contact["user_id"] = user_id
        return self.inject_update(
            self.build_user_message(chat_id, user_id, contact=contact, **kwargs)
        )

    def inject_photo(
        self, chat_id: int, user_id: int, data: bytes, *, caption: str | None = None, **kwargs: Any
    ) -> int:
        stored = self.state.register_file(data, "photos", ".jpg")
        sizes = objects.photo_sizes(stored.file_id, stored.file_unique_id, len(data))
        return self.inject_update(
            self.build_user_message(chat_id, user_id, photo=sizes, caption=caption, **kwargs)
        )

    def inject_document(
        self,
        chat_id: int,
        user_id: int,
        data: bytes,
        file_name: str,
        mime_type: str,
        *,
        caption: str | None = None,
        **kwargs: Any,
    ) -> int:
        stored = self.state.register_file(data, "documents", "." + file_name.rsplit(".", 1)[-1])
        doc = objects.document(
            stored.file_id, stored.file_unique_id, file_name, mime_type, len(data)
        )
        return self.inject_update(
            self.build_user_message(chat_id, user_id, document=doc, caption=caption, **kwargs)
        )

    # ----- assertions and control -------------------------------------------------------

    def sent_messages(self, chat_id: int) -> list[StoredMessage]:
        """The bot's messages in this chat, oldest first, as currently edited."""
        chat = self.state.messages.get(chat_id, {})
        return [m for _, m in sorted(chat.items()) if m.from_bot and not m.deleted]

    def message(self, chat_id: int, message_id: int) -> StoredMessage | None:
        return self.state.find(chat_id, message_id)

    def calls_to(self, method: str) -> list[ApiCall]:
        return [call for call in self.calls if call.method == method]

    def hold(self, method: str) -> tuple[asyncio.Event, asyncio.Event]:
        """Calls of `method` wait until `release` is set; `arrived` is set when one does.

        Returns (arrived, release). Lets a test catch the bot mid-request (e.g. a shutdown
        while an answer is being sent)."""
        pair = (asyncio.Event(), asyncio.Event())
        self._holds[method] = pair
        return pair

    def fail_next(
        self,
        method: str,
        status: int = 429,
        retry_after: int = 1,
        *,
        times: int = 1,
        description: str | None = None,
    ) -> None:
        """Answer the next `times` calls of `method` with an error (429 carries retry_after)."""
        if description is None:
            description = {
                429: f"Too Many Requests: retry after {retry_after}",
                500: "Internal Server Error",
                400: "Bad Request: planned failure",
                403: "Forbidden: bot was blocked by the user",
            }.get(status, f"Error {status}")
        fault = Fault(status, retry_after if status == 429 else None, description, times)
        self._faults.setdefault(method, []).append(fault)

    async def wait_for(
        self,
        match: str | Callable[[ApiCall], bool],
        count: int = 1,
        timeout: float = 5.0,
        *,
        since: int = 0,
    ) -> list[ApiCall]:
        """Wait until `count` calls matching a method name or predicate are recorded.

        Counts calls from index `since` of `calls` (pass `len(api.calls)` to count only new
        ones) whatever their status. Raises AssertionError on timeout, listing what arrived.
        """
        predicate = (lambda c: c.method == match) if isinstance(match, str) else match
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        found: list[ApiCall] = []
        scanned = since
        while True:
            # scan only what arrived since the last wake-up: benches wait for thousands
            found += [call for call in self.calls[scanned:] if predicate(call)]
            scanned = len(self.calls)
            if len(found) >= count:
                return found
            remaining = deadline - loop.time()
            if remaining > 0:
                await self._calls_changed.wait(remaining)
                continue
            seen = [f"{c.method}:{c.status}" for c in self.calls[since:]]
            raise AssertionError(
                f"waited {timeout}s for {count} call(s) matching {match!r}, "
                f"found {len(found)}; calls: {seen}"
            )

    async def post_webhook(
        self, url: str, update: dict[str, Any], secret_token: str | None = None
    ) -> int:
        """POST an update to the bot's webhook as Telegram does; returns the HTTP status."""
        headers = {SECRET_HEADER: secret_token} if secret_token is not None else {}
        async with aiohttp.ClientSession() as session:
            async with session.post(url, json=update, headers=headers) as response:
                await response.read()
                return response.status
