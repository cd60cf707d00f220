"""The Matrix channel against a real Synapse, with a real nio client playing the official."""

from __future__ import annotations

import asyncio
import contextlib
import json
import sqlite3
import stat

import yaml
from nio import RoomEncryptedFile

from bot.channels.matrix.render import message_content, option_for_reply
from bot.channels.matrix.rooms import RoomPolicy
from bot.config import Settings
from handlers.messages import ContactCard, ConversationKey, Option, OutboundMessage
from tests.matrix_bot import assert_quiet, running_bot, turn
from tests.matrix_harness.client import OfficialClient
from tests.matrix_harness.fixtures import MatrixUser, matrix_user, official_client, synapse  # noqa: F401
from tests.matrix_harness.synapse import SynapseServer

DANGER = "Ist gerade jemand in Gefahr"
CATEGORY = "Was ist passiert?"
ONLINE = "im Internet passiert"
PLACE = "In welcher Gemeinde"
AFTER = "Was möchten Sie jetzt tun?"


async def _open_dm(official, bot_id: str, encrypted: bool) -> str:
    room_id = await official.create_dm(bot_id, encrypted=encrypted)
    await official.wait_for_member(room_id, bot_id)
    return room_id


async def _answer_aspects(official, room_id, bot_id):
    for _ in range(2):  # online, extremist: "Nein"
        await turn(official, room_id, bot_id, "2", "2)")
    await turn(official, room_id, bot_id, "Nichts davon", PLACE)  # home or repeated: a label works

async def test_whole_triage_in_a_plain_dm(synapse, matrix_user, official_client, tmp_path):
    bot = matrix_user("bot")
    official = await official_client(matrix_user("official"))
    async with running_bot(synapse.base_url, bot, tmp_path / "data"):
        room_id = await _open_dm(official, bot.user_id, encrypted=False)
        first = await turn(official, room_id, bot.user_id, "Hallo", DANGER)
        assert "nicht Ende-zu-Ende-verschlüsselt" in first[0].body  # the warning comes first
        question = first[-1]
        assert "1) Ja, jetzt gerade" in question.body
        assert "<ol><li>Ja, jetzt gerade</li>" in question.source["content"]["formatted_body"]

        await turn(official, room_id, bot.user_id, "2", CATEGORY)
        await turn(official, room_id, bot.user_id, "Bedrohung", ONLINE)  # a label works too
        # An edit of an earlier message and a redaction must not trigger a step.
        edit = {
            "msgtype": "m.text", "body": "* 1",
            "m.new_content": {"msgtype": "m.text", "body": "1"},
            "m.relates_to": {"rel_type": "m.replace", "event_id": question.event_id},
        }  # fmt: skip
        await official.send(room_id, edit)
        await official.client.room_redact(room_id, question.event_id)
        await assert_quiet(official, room_id, bot.user_id)
        await _answer_aspects(official, room_id, bot.user_id)
        replies = await turn(official, room_id, bot.user_id, "/hilfe", "Ort nicht angeben")
        assert len(replies) >= 2  # help text, then the open question again
        result = await turn(official, room_id, bot.user_id, "Dresden", AFTER)
        assert any("Polizeirevier Dresden" in m.body for m in result)  # the nearest, honestly labelled
        html = "".join(m.source["content"]["formatted_body"] for m in result)
        assert "<strong>ZASTEX" in html and 'href="tel:+493518552223"' in html
        await turn(official, room_id, bot.user_id, "Beenden", "")  # finish, by its label
        await assert_quiet(official, room_id, bot.user_id, 0.5)
        # The unencrypted warning came exactly once.
        await turn(official, room_id, bot.user_id, "Hallo", DANGER)


async def test_encrypted_dm_with_location_and_encrypted_file(
    synapse, matrix_user, official_client, tmp_path
):
    bot = matrix_user("bot")
    official = await official_client(matrix_user("official"))
    async with running_bot(synapse.base_url, bot, tmp_path / "data"):
        room_id = await _open_dm(official, bot.user_id, encrypted=True)
        first = await turn(official, room_id, bot.user_id, "Hallo", DANGER)
        assert all(m.decrypted for m in first)
        assert not any("verschlüsselt" in m.body for m in first)  # no warning when encrypted
        await turn(official, room_id, bot.user_id, "2", CATEGORY)
        await official.send_file(room_id, b"\x89PNG fake screenshot", "beweis.png", "image/png")
        kept = await turn(official, room_id, bot.user_id, None, CATEGORY)
        assert "Dateien nehme ich auf" in kept[0].body  # the attachment reached the core
        await turn(official, room_id, bot.user_id, "2", ONLINE)
        await _answer_aspects(official, room_id, bot.user_id)
        await official.send_location(room_id, 51.0504, 13.7373, "Rathaus")
        result = await turn(official, room_id, bot.user_id, None, AFTER)
        assert all(m.decrypted for m in result)
        assert any("Dresden" in m.body for m in result)


async def test_restart_mid_encrypted_conversation(synapse, matrix_user, official_client, tmp_path):
    bot = matrix_user("bot")
    official = await official_client(matrix_user("official"))
    data = tmp_path / "data"
    async with running_bot(synapse.base_url, bot, data) as channel:
        device = channel.client.device_id
        room_id = await _open_dm(official, bot.user_id, encrypted=True)
        await turn(official, room_id, bot.user_id, "Hallo", DANGER)
        await turn(official, room_id, bot.user_id, "2", CATEGORY)
    credentials = data / "matrix" / "credentials.json"
    assert stat.S_IMODE(credentials.stat().st_mode) == 0o600
    assert json.loads(credentials.read_text())["device_id"] == device

    await official.send_text(room_id, "2")  # written while the bot is down
    async with running_bot(synapse.base_url, bot, data) as channel:
        assert channel.client.device_id == device  # same device, same keys
        answer = await turn(official, room_id, bot.user_id, None, ONLINE)
        assert len(answer) == 1 and answer[0].decrypted
        await assert_quiet(official, room_id, bot.user_id, 1.5)  # nothing old answered again
        await turn(official, room_id, bot.user_id, "1", "extremistisch")


async def test_invite_from_a_user_not_allowed_is_refused(
    synapse, matrix_user, official_client, tmp_path
):
    bot = matrix_user("bot")
    official = await official_client(matrix_user("official"))
    async with running_bot(
        synapse.base_url, bot, tmp_path / "data", matrix_allowed_servers=["example.org"]
    ) as channel:
        room_id = await official.create_dm(bot.user_id, encrypted=False)
        for _ in range(200):
            room = official.client.rooms[room_id]
            if bot.user_id not in room.users:
                break
            await asyncio.sleep(0.05)
        assert bot.user_id not in official.client.rooms[room_id].users
        assert room_id not in channel.client.rooms


def test_allow_list_takes_servers_and_user_ids():
    default = RoomPolicy("@bot:amt.example")
    assert default.may_talk("@a:amt.example") and not default.may_talk("@a:evil.example")
    listed = RoomPolicy("@bot:amt.example", ["other.example", "@one:evil.example"])
    assert listed.may_talk("@x:other.example") and listed.may_talk("@one:evil.example")
    assert not listed.may_talk("@two:evil.example") and not listed.may_talk("@a:amt.example")
    assert not listed.accept_invite("@x:other.example", is_direct=False)


async def test_group_room_gets_one_notice_and_nothing_else(
    synapse, matrix_user, official_client, tmp_path
):
    bot = matrix_user("bot")
    official = await official_client(matrix_user("official"))
    colleague = await official_client(matrix_user("colleague"))
    async with running_bot(synapse.base_url, bot, tmp_path / "data"):
        room_id = await _open_dm(official, bot.user_id, encrypted=False)
        await official.client.room_invite(room_id, colleague.user_id)
        assert await colleague.wait_for_invite() == room_id
        await colleague.join(room_id)
        await official.wait_for_member(room_id, colleague.user_id)
        notice = await turn(official, room_id, bot.user_id, "Hallo", "unter vier Augen")
        assert len(notice) == 1
        await official.send_text(room_id, "2")
        await colleague.send_text(room_id, "/start")
        await assert_quiet(official, room_id, bot.user_id, 1.5)


async def test_bot_leaves_when_the_user_left(synapse, matrix_user, official_client, tmp_path):
    bot = matrix_user("bot")
    official = await official_client(matrix_user("official"))
    async with running_bot(synapse.base_url, bot, tmp_path / "data") as channel:
        room_id = await _open_dm(official, bot.user_id, encrypted=False)
        await turn(official, room_id, bot.user_id, "Hallo", DANGER)
        await official.client.room_leave(room_id)
        for _ in range(200):
            if room_id not in channel.client.rooms:
                break
            await asyncio.sleep(0.05)
        assert room_id not in channel.client.rooms


async def test_messages_before_the_bot_existed_are_ignored(
    synapse, matrix_user, official_client, tmp_path
):
    bot = matrix_user("bot")
    official = await official_client(matrix_user("official"))
    room_id = await official.create_dm(bot.user_id, encrypted=False)
    await official.send_text(room_id, "alte Nachricht")
    await asyncio.sleep(0.05)
    async with running_bot(synapse.base_url, bot, tmp_path / "data"):
        await official.wait_for_member(room_id, bot.user_id)
        await assert_quiet(official, room_id, bot.user_id, 1.0)
        await turn(official, room_id, bot.user_id, "Hallo", DANGER)


async def test_homeserver_restart_is_survived(synapse, matrix_user, official_client, tmp_path):
    bot = matrix_user("bot")
    official = await official_client(matrix_user("official"))
    async with running_bot(synapse.base_url, bot, tmp_path / "data"):
        room_id = await _open_dm(official, bot.user_id, encrypted=True)
        await turn(official, room_id, bot.user_id, "Hallo", DANGER)
        await asyncio.to_thread(synapse.restart)
        await turn(official, room_id, bot.user_id, "2", CATEGORY, timeout=40)
        await assert_quiet(official, room_id, bot.user_id, 1.0)


async def test_alert_options_answered_by_number_and_document_sent(
    synapse, matrix_user, official_client, tmp_path
):
    from handlers.messages import Document, OptionChosen

    bot = matrix_user("bot")
    official = await official_client(matrix_user("official"))
    async with running_bot(synapse.base_url, bot, tmp_path / "data") as channel:
        room_id = await _open_dm(official, bot.user_id, encrypted=True)
        seen: list = []

        async def officer_commands(event):
            if isinstance(event, OptionChosen) and event.option_id.startswith("esc_"):
                seen.append(event.option_id)
                return [OutboundMessage("Übernommen.", document=Document("a.txt", "text/plain", b"Akte"))]
            return None

        channel.engine.interceptors.append(officer_commands)
        key = ConversationKey("matrix", room_id, official.user_id)
        alert = OutboundMessage("Neue Meldung", options=(Option("esc_take", "Übernehmen"), Option("esc_pass", "Abgeben")))
        await channel.engine.deliver(key, [alert])
        shown = await official.next_message(bot.user_id, room_id)
        assert "1) Übernehmen" in shown.body
        reply = await turn(official, room_id, bot.user_id, "1", "Übernommen.")
        assert seen == ["esc_take"] and reply
        document = await official.next_message(bot.user_id, room_id)
        assert isinstance(document, RoomEncryptedFile)
        assert await official.download(document) == b"Akte"
        # The alert's numbers are used up: "2" now goes to the conversation as text.
        # (a first message "2" answers no question the user has seen: the welcome follows)
        await turn(official, room_id, bot.user_id, "2", "ich bin Schutzlotse")
        assert seen == ["esc_take"]


async def test_reactions_choose_options_in_unencrypted_rooms(
    synapse, matrix_user, official_client, tmp_path
):
    bot = matrix_user("bot")
    official = await official_client(matrix_user("official"))
    async with running_bot(synapse.base_url, bot, tmp_path / "data", matrix_reactions=True):
        room_id = await _open_dm(official, bot.user_id, encrypted=False)
        question = (await turn(official, room_id, bot.user_id, "Hallo", DANGER))[-1]
        reaction = {"m.relates_to": {"rel_type": "m.annotation", "event_id": question.event_id, "key": "2️⃣"}}
        await official.send(room_id, reaction, "m.reaction")
        await turn(official, room_id, bot.user_id, None, CATEGORY)


def test_rendering_and_reply_matching():
    message = OutboundMessage(
        "Rufen Sie <110>", options=(Option("a", "Ja"), Option("b", "Nein")), emergency=True,
        contacts=(ContactCard("c", "Notruf", phone="110", web="https://x.example/?a=1&b=2"),),
    )  # fmt: skip
    content = message_content(message)
    assert content["body"].startswith("⚠️ Rufen Sie <110>") and "2) Nein" in content["body"]
    html = content["formatted_body"]
    assert "<strong>Rufen Sie &lt;110&gt;</strong>" in html
    assert 'href="https://x.example/?a=1&amp;b=2"' in html and "<li>Nein</li>" in html
    options = message.options
    assert option_for_reply(" 2. ", options).id == "b"
    assert option_for_reply("nein", options).id == "b"
    assert option_for_reply("3", options) is None and option_for_reply("ja bitte", options) is None


class _StrictSynapse(SynapseServer):
    """A second homeserver with a tight message rate limit, to see M_LIMIT_EXCEEDED."""

    def _configure(self) -> None:
        super()._configure()
        override = self._config_paths[1]
        config = yaml.safe_load(override.read_text())
        config["rc_message"] = {"per_second": 2, "burst_count": 1}
        override.write_text(yaml.safe_dump(config))


async def test_rate_limited_sends_wait_and_all_arrive(tmp_path, caplog):
    server = _StrictSynapse()
    server.start()
    try:
        bot = MatrixUser("b", server.register_user("rl-bot", "pw-bot-123"), "pw-bot-123")
        person = server.register_user("rl-official", "pw-off-123")
        official = OfficialClient(server.base_url, person, "pw-off-123", tmp_path / "official")
        await official.login()
        try:
            async with running_bot(server.base_url, bot, tmp_path / "data") as channel:
                room_id = await _open_dm(official, bot.user_id, encrypted=False)
                key = ConversationKey("matrix", room_id, person)
                texts = [f"Hinweis {i}" for i in range(6)]
                await channel.engine.deliver(key, [OutboundMessage(t) for t in texts])
                received = [(await official.next_message(bot.user_id, room_id)).body for _ in texts]
                assert received == texts
            # The homeserver did refuse some sends (429 with retry_after_ms), and none was lost.
            assert any("429" in record.getMessage() for record in caplog.records)
        finally:
            await official.close()
    finally:
        server.cleanup()


async def test_notices_remember_rooms_by_pseudonym_and_old_plain_rows_still_count(
    synapse, matrix_user, official_client, tmp_path
):
    bot = matrix_user("bot")
    official = await official_client(matrix_user("official"))
    data = tmp_path / "data"
    async with running_bot(synapse.base_url, bot, data):
        room_id = await _open_dm(official, bot.user_id, encrypted=False)
        first = await turn(official, room_id, bot.user_id, "Hallo", DANGER)
        assert "nicht Ende-zu-Ende-verschlüsselt" in first[0].body
    db_file = Settings(data_dir=data).db_path
    # What an older version stored: the plain room id.
    with contextlib.closing(sqlite3.connect(db_file)) as conn, conn:
        rows = conn.execute("SELECT room_id FROM matrix_room_notices").fetchall()
        assert len(rows) == 1 and rows[0][0] != room_id
        conn.execute("UPDATE matrix_room_notices SET room_id = ?", (room_id,))
    async with running_bot(synapse.base_url, bot, data):  # moves the plain row at start
        again = await turn(official, room_id, bot.user_id, "Hallo", DANGER)
        assert not any("nicht Ende-zu-Ende-verschlüsselt" in m.body for m in again)  # still told once
    stored = b"".join(p.read_bytes() for p in db_file.parent.glob(db_file.name + "*"))
    assert room_id.encode() not in stored
    with contextlib.closing(sqlite3.connect(db_file)) as conn:
        assert conn.execute("SELECT count(*) FROM matrix_room_notices").fetchone()[0] == 1
