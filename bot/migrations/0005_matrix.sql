-- Matrix: notices the bot gives only once per room (unencrypted-room warning, one-to-one
-- only), remembered across restarts.
CREATE TABLE matrix_room_notices (
    room_id TEXT NOT NULL,
    notice  TEXT NOT NULL,
    sent_at REAL NOT NULL,
    PRIMARY KEY (room_id, notice)
);
