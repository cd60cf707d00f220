"""Moved to bot/crypto.py (the cipher is shared by every store); kept as an alias for old imports."""

from bot.crypto import *  # noqa: F401,F403
from bot.crypto import Cipher, ConversationCodec, DataKey, DataKeyError, DecryptionError, load_data_key  # noqa: F401
