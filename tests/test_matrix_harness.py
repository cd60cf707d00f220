"""The Matrix test harness itself: real Synapse, encrypted and plain DMs, files, restart."""

from __future__ import annotations

import urllib.request

import pytest
from nio import RoomEncryptedFile, RoomMessageFile, RoomMessageText

from tests.matrix_harness.fixtures import matrix_user, official_client, synapse  # noqa: F401
from tests.matrix_harness.synapse import SynapseError, SynapseServer


async def _dm_pair(matrix_user, official_client, encrypted: bool):
    alice = await official_client(matrix_user("alice"))
    bob = await official_client(matrix_user("bob"))
    room_id = await alice.create_dm(bob.user_id, encrypted=encrypted)
    assert await bob.wait_for_invite() == room_id
    await bob.join(room_id)
    await alice.wait_for_member(room_id, bob.user_id)
    return alice, bob, room_id


def test_synapse_answers_and_registers_users(synapse, matrix_user):
    with urllib.request.urlopen(f"{synapse.base_url}/_matrix/client/versions") as response:
        assert response.status == 200
    first, second = matrix_user("a"), matrix_user("b", admin=True)
    assert first.user_id == f"@{first.localpart}:{synapse.server_name}"
    assert second.user_id != first.user_id


def test_registering_a_taken_name_fails(synapse, matrix_user):
    user = matrix_user("taken")
    with pytest.raises(SynapseError, match="taken"):
        synapse.register_user(user.localpart, "other-password")


async def test_encrypted_dm_survives_a_homeserver_restart(synapse, matrix_user, official_client):
    alice, bob, room_id = await _dm_pair(matrix_user, official_client, encrypted=True)
    assert alice.client.rooms[room_id].encrypted

    await alice.send_text(room_id, "Grüße vor dem Neustart")
    received = await bob.next_message(alice.user_id, room_id)
    assert isinstance(received, RoomMessageText)
    assert received.decrypted
    assert received.body == "Grüße vor dem Neustart"

    synapse.restart()

    await alice.send_text(room_id, "nach dem Neustart")
    after = await bob.next_message(alice.user_id, room_id, timeout=20)
    assert after.decrypted and after.body == "nach dem Neustart"
    await bob.send_text(room_id, "Antwort")
    reply = await alice.next_message(bob.user_id, room_id)
    assert reply.decrypted and reply.body == "Antwort"


async def test_plain_dm_text_location_and_file(matrix_user, official_client):
    alice, bob, room_id = await _dm_pair(matrix_user, official_client, encrypted=False)
    assert not alice.client.rooms[room_id].encrypted

    await alice.send_text(room_id, "Hallo")
    text = await bob.next_message(alice.user_id, room_id)
    assert text.body == "Hallo" and not text.decrypted

    await alice.send_location(room_id, 51.05, 13.74, "Rathaus")
    location = await bob.next_message(alice.user_id, room_id)
    assert location.source["content"]["msgtype"] == "m.location"
    assert location.source["content"]["geo_uri"] == "geo:51.05,13.74"

    await alice.send_file(room_id, b"plain bytes", "notiz.txt", "text/plain")
    file_event = await bob.next_message(alice.user_id, room_id)
    assert isinstance(file_event, RoomMessageFile)
    assert await bob.download(file_event) == b"plain bytes"


async def test_encrypted_file_round_trip(matrix_user, official_client):
    alice, bob, room_id = await _dm_pair(matrix_user, official_client, encrypted=True)
    payload = bytes(range(256)) * 40
    await alice.send_file(room_id, payload, "beweis.bin")
    event = await bob.next_message(alice.user_id, room_id)
    assert isinstance(event, RoomEncryptedFile)
    assert "url" not in event.source["content"]  # only the encrypted "file" reference
    assert await bob.download(event) == payload


async def test_waiting_for_a_message_times_out(matrix_user, official_client):
    alice, bob, room_id = await _dm_pair(matrix_user, official_client, encrypted=False)
    with pytest.raises(AssertionError, match="timed out"):
        await bob.next_message(alice.user_id, room_id, timeout=0.3)


def test_missing_synapse_python_names_the_install_script(monkeypatch, tmp_path):
    monkeypatch.setenv("SCHUTZLOTSE_SYNAPSE_PYTHON", str(tmp_path / "no-python"))
    with pytest.raises(SynapseError, match="scripts/install-synapse.sh"):
        SynapseServer()
