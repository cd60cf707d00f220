-- Telegram: the durable inbox. Every fetched (or webhook-pushed) update is stored here before
-- Telegram is told it arrived, and handled from here. payload = AES-GCM ciphertext of the
-- update's JSON (sub-key "telegram-inbox", bound to update_id); NULL once handled: the row
-- then only remembers the id, so a redelivery of that update is ignored, until Telegram has
-- confirmed it (polling offset) or a day has passed (webhook).
CREATE TABLE telegram_inbox (
    update_id   INTEGER PRIMARY KEY,
    received_at REAL NOT NULL,
    payload     BLOB
);
