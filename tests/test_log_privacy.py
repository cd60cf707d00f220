"""Logs stay private at DEBUG: no user text, phone number, place, location or token.

Through the real python-telegram-bot against the fake Bot API and through nio against a
real Synapse, with the root logger at DEBUG as SCHUTZLOTSE_LOG_LEVEL=DEBUG sets it.
"""

from __future__ import annotations

import contextlib
import io
import logging
from collections.abc import Iterator
from pathlib import Path

from bot import log_privacy
from tests.matrix_bot import running_bot, turn
from tests.matrix_harness.fixtures import matrix_user, official_client, synapse  # noqa: F401
from tests.telegram_channel_helpers import handled, opened, press, running, say
from tests.telegram_harness import FakeBotApi
from tests.telegram_harness.fixtures import fake_bot_api  # noqa: F401  (pytest fixture)

USER_TEXT = "Mein Nachbar Zacharias Quellmalz droht mir"
PHONE = "+49 351 4567890"
PHONE_DIGITS = "4567890"
CHAT = 5151


@contextlib.contextmanager
def debug_logs(*secrets: str) -> Iterator[io.StringIO]:
    """The production order: a DEBUG handler on the root logger first, then `install`."""
    buffer = io.StringIO()
    handler = logging.StreamHandler(buffer)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    old_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    log_privacy.install(secrets=secrets)
    try:
        yield buffer
    finally:
        log_privacy.uninstall()
        root.removeHandler(handler)
        root.setLevel(old_level)


def _assert_private(log: str, *needles: str) -> None:
    assert "DEBUG bot." in log, "the capture did not run at DEBUG"
    for needle in needles:
        assert needle not in log, f"{needle!r} was logged"


# --- the mechanism -------------------------------------------------------------------


def test_third_party_debug_is_dropped_even_where_a_library_lowers_its_level():
    with debug_logs() as buffer:
        logging.getLogger("telegram.ext.Application").setLevel(logging.DEBUG)  # as a library might
        try:
            logging.getLogger("telegram.ext.Application").debug("update %s", {"text": USER_TEXT})
            logging.getLogger("aiosqlite").debug("executing %s with %s", "INSERT", (PHONE,))
            logging.getLogger("httpx").info("HTTP Request: POST .../bot123456789:%s/getUpdates", "A" * 35)
            logging.getLogger("bot.engine").debug("turn telegram event=TextIn")
            logging.getLogger("nio.client").warning("sync failed")
        finally:
            logging.getLogger("telegram.ext.Application").setLevel(logging.NOTSET)
    log = buffer.getvalue()
    _assert_private(log, USER_TEXT, PHONE, "A" * 35)
    assert "sync failed" in log  # warnings still come through


def test_tokens_are_redacted_in_messages_and_tracebacks_also_on_handlers_added_later():
    token = "987654321:AAHsecret-token_value_abcdefghijklmnop"
    with debug_logs(token):
        late = io.StringIO()
        handler = logging.StreamHandler(late)
        logging.getLogger().addHandler(handler)
        try:
            log = logging.getLogger("bot.test")
            log.warning("calling https://api.telegram.org/bot%s/getMe", token)
            log.warning("GET /sync?access_token=syt_Ym90_AbCdEfGhIjKl_1a2b3c&since=1")
            log.warning('login {"password": "correct horse"}')
            try:
                raise RuntimeError(f"connect to https://example.org/bot{token}/getUpdates failed")
            except RuntimeError:
                log.exception("request failed")
        finally:
            logging.getLogger().removeHandler(handler)
    text = late.getvalue()
    for secret in ("AAHsecret", "syt_Ym90", "correct horse"):
        assert secret not in text
    assert text.count(log_privacy.REDACTED) >= 4 and "RuntimeError" in text


def test_settings_secrets_are_registered():
    from bot.config import Settings

    settings = Settings(telegram_token="1234:short", matrix_password="pa55-word-x", matrix_access_token="tok-abcdef")
    with debug_logs():
        log_privacy.install(settings)
        assert log_privacy.redact("x pa55-word-x y tok-abcdef 1234:short") == "x [REDACTED] y [REDACTED] [REDACTED]"


# --- through the channels ---------------------------------------------------------------


async def test_telegram_at_debug_logs_no_text_phone_place_or_token(fake_bot_api: FakeBotApi, tmp_path: Path):
    api = fake_bot_api
    with debug_logs(api.token) as buffer:
        async with opened(tmp_path) as app, running(api, app):
            await say(api, CHAT, "/start")
            await say(api, CHAT, USER_TEXT)
            await handled(api, api.inject_contact(CHAT, CHAT, PHONE))
            await say(api, CHAT, "/start")
            for option in ["danger_no", "threat", "online_no", "extremist_no", "home_repeated_no"]:
                await press(api, CHAT, option)
            await handled(api, api.inject_location(CHAT, CHAT, 51.15361, 14.98857))
            await say(api, CHAT, "/start")
            for option in ["danger_no", "threat", "online_no", "extremist_no", "home_repeated_no"]:
                await press(api, CHAT, option)
            answer = await say(api, CHAT, "Görlitz")
    assert any("Görlitz" in (m.text or "") for m in answer)  # the place reached the bot
    secret_part = api.token.split(":", 1)[1]
    _assert_private(buffer.getvalue(), USER_TEXT, "Zacharias", PHONE, PHONE_DIGITS, "Görlitz", "G\\u00f6rlitz",
                    "51.15361", "14.98857", api.token, secret_part)


async def test_matrix_at_debug_logs_no_text_place_location_or_token(synapse, matrix_user, official_client, tmp_path):
    bot = matrix_user("bot")
    official = await official_client(matrix_user("official"))
    with debug_logs() as buffer:
        async with running_bot(synapse.base_url, bot, tmp_path / "data", matrix_reactions=False) as channel:
            log_privacy.add_secret(channel.client.access_token)
            room_id = await official.create_dm(bot.user_id, encrypted=True)
            await official.wait_for_member(room_id, bot.user_id)
            # The words are understood ("Verstanden: Bedrohung"): the kind is not asked again.
            await turn(official, room_id, bot.user_id, USER_TEXT, "Gefahr")
            await turn(official, room_id, bot.user_id, "2", "im Internet")
            for _ in range(2):  # online, extremist: "Nein"
                await official.send_text(room_id, "2")
            await official.send_text(room_id, "Nichts davon")  # home or repeated
            await turn(official, room_id, bot.user_id, None, "In welcher Gemeinde")
            await official.send_text(room_id, PHONE)
            result = await turn(official, room_id, bot.user_id, "Görlitz", "Was möchten Sie jetzt tun?")
            token = channel.client.access_token
    assert any("Görlitz" in m.body for m in result)
    _assert_private(buffer.getvalue(), USER_TEXT, "Zacharias", PHONE, PHONE_DIGITS, "Görlitz", "G\\u00f6rlitz",
                    token, bot.password)
