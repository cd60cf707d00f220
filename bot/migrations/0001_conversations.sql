-- Conversation state: one row per live conversation, deleted when it ends or times out.
-- `state` holds the encoded (and, once a data key is configured, encrypted) state.
CREATE TABLE conversations (
    conv_key   TEXT PRIMARY KEY,
    state      BLOB NOT NULL,
    updated_at REAL NOT NULL
);
CREATE INDEX conversations_updated_at ON conversations (updated_at);
