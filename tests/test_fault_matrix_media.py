"""Matrix attachments: the size is checked while the download streams, against a real Synapse.

A sender can leave out `info.size` (or lie about it); the bot must stop reading at the
limit instead of holding the whole file in memory first.
"""

from __future__ import annotations

import io
import os

from nio import UploadResponse

from bot.channels.matrix.inbound import TooLarge, download_bounded
from tests.matrix_harness.fixtures import matrix_user, official_client, synapse  # noqa: F401


async def _upload(client, data: bytes) -> str:
    response, _ = await client.upload(lambda *_: io.BytesIO(data), content_type="application/octet-stream",
                                      filename="x.bin", filesize=len(data))
    assert isinstance(response, UploadResponse), response
    return response.content_uri


async def test_a_download_stops_at_the_limit_whatever_the_sender_announced(synapse, matrix_user, official_client):
    official = await official_client(matrix_user("official"))
    data = os.urandom(600 * 1024)
    mxc = await _upload(official.client, data)
    assert await download_bounded(official.client, mxc, 1024 * 1024) == data
    too_big = await download_bounded(official.client, mxc, 100 * 1024)
    assert isinstance(too_big, TooLarge) and too_big.size > 100 * 1024


async def test_bad_media_uris_are_no_download(synapse, matrix_user, official_client):
    official = await official_client(matrix_user("official"))
    for uri in ("", "https://example.org/x", "mxc://", "mxc://localhost/", "mxc://localhost/a/b",
                "mxc://localhost/doesnotexist"):
        assert await download_bounded(official.client, uri, 1024) is None
