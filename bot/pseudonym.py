"""Keyed pseudonyms of conversation keys: rows are found by them, never by the plain key.

`Pseudonyms(data_key)(key)` is an HMAC-SHA256 of the conversation key under a sub-key of
the data key ("schutzlotse/owner"): stable across restarts, meaningless without the key.
It is the same value as the incidents' `owner` and the escalations' `subject`, so one
user's rows in every table can be found (and erased) with one value.
"""

from __future__ import annotations

import hashlib
import hmac
import re

from handlers.messages import ConversationKey

LENGTH = 40  # hex characters (160 bits)
LABEL = b"schutzlotse/owner"
_SHAPE = re.compile(r"^[0-9a-f]{%d}$" % LENGTH)


class Pseudonyms:
    def __init__(self, data_key_raw: bytes):
        self._key = hmac.new(data_key_raw, LABEL, hashlib.sha256).digest()

    def __call__(self, key: ConversationKey | str) -> str:
        return hmac.new(self._key, str(key).encode("utf-8", "surrogatepass"), hashlib.sha256).hexdigest()[:LENGTH]


def looks_pseudonymous(value: str) -> bool:
    """True for a stored pseudonym, False for a plain key left from an older version."""
    return bool(_SHAPE.match(value))
