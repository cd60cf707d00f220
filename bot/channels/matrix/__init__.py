"""The Matrix channel (matrix-nio, end-to-end encrypted); `start(app)` is the runner's starter."""

from __future__ import annotations

from collections.abc import Awaitable

from bot.app import App


def start(app: App) -> Awaitable[None] | None:
    """The channel's coroutine when homeserver, user and a password or token are set."""
    s = app.settings
    if not (s.matrix_homeserver and s.matrix_user and (s.matrix_password or s.matrix_access_token)):
        return None
    from bot.channels.matrix.channel import MatrixChannel
    from bot.channels.matrix.rooms import room_pseudonym

    return MatrixChannel(app.engine, app.db, s, room_pseudonym(app)).run()
