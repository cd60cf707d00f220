-- Issue 12: the engine's transactional outbox and its inbox for every channel.

-- A turn's actions, written in the same transaction as its state (bot/outbox.py).
-- `id` is the action id and the idempotency key of its effect; `payload` the sealed JSON of
-- the action (the conversation key is inside). A row is open while done_at IS NULL; it is
-- retried at next_at and replayed at start. `result` holds the sealed messages of a done
-- action until they are known handed to the channel (then NULL, and the row is deleted).
CREATE TABLE outbox (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    id         TEXT NOT NULL UNIQUE,
    payload    BLOB NOT NULL,
    created_at REAL NOT NULL,
    attempts   INTEGER NOT NULL DEFAULT 0,
    next_at    REAL NOT NULL,
    done_at    REAL,
    result     BLOB
);
CREATE INDEX outbox_open ON outbox (done_at, next_at);

-- Every channel's inbound events, stored (sealed) before the channel acknowledges them,
-- deduplicated by (channel, event_id); payload NULL once handled: the row then only
-- remembers the id against a redelivery until it is pruned.
CREATE TABLE inbox (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    channel     TEXT NOT NULL,
    event_id    TEXT NOT NULL,
    received_at REAL NOT NULL,
    payload     BLOB,
    UNIQUE (channel, event_id)
);
CREATE INDEX inbox_pending ON inbox (channel, payload IS NULL, seq);
-- Telegram's own inbox moves here unchanged (same sub-key and associated data).
INSERT INTO inbox (channel, event_id, received_at, payload)
    SELECT 'telegram', CAST(update_id AS TEXT), received_at, payload FROM telegram_inbox ORDER BY update_id;
DROP TABLE telegram_inbox;

-- The action that created a record or an escalation: a replayed action finds it again.
ALTER TABLE incidents ADD COLUMN action_id TEXT;
CREATE UNIQUE INDEX incidents_action ON incidents (action_id);
ALTER TABLE escalations ADD COLUMN action_id TEXT;
CREATE UNIQUE INDEX escalations_action ON escalations (action_id);
