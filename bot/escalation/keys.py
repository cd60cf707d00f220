"""Conversation keys as strings and back, including Matrix ids that contain colons."""

from __future__ import annotations

from handlers.messages import ConversationKey


def parse_key(value: str) -> ConversationKey:
    """`matrix:!room:server:@user:server` -> (matrix, !room:server, @user:server).

    `ConversationKey.parse` splits at the first two colons, which cuts Matrix room ids.
    """
    channel, sep, rest = value.partition(":")
    if not channel or not sep or not rest:
        raise ValueError(f"not a conversation key: {value!r}")
    if ":@" in rest:
        chat, _, user = rest.partition(":@")
        return ConversationKey(channel, chat, "@" + user)
    chat, sep, user = rest.partition(":")
    if not sep:
        raise ValueError(f"not a conversation key: {value!r}")
    return ConversationKey(channel, chat, user)
