"""Conversation keys as strings and back (kept as a name for the escalation modules)."""

from __future__ import annotations

from handlers.messages import ConversationKey


def parse_key(value: str) -> ConversationKey:
    """`matrix:!room:server:@user:server` -> (matrix, !room:server, @user:server)."""
    return ConversationKey.parse(value)
