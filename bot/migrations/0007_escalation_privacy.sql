-- Escalation privacy: the callback number, location, place, outcome and the user's
-- conversation key leave the plaintext columns. They now live in AES-GCM blobs
-- (`personal`, `outcome_sealed`, see bot/escalation/records.py); `subject` is the keyed
-- hash of the user's conversation key (the incidents' owner pseudonym), NULL once erased.
-- SQL has no key: rows written before this migration are copied to escalation_upgrade,
-- which the next start (holding the data key) seals into the new columns and empties.
PRAGMA secure_delete=ON;
CREATE TABLE escalation_upgrade (
    id INTEGER PRIMARY KEY REFERENCES escalations (id),
    user_key TEXT,
    place_id TEXT,
    place_name TEXT,
    lat REAL,
    lon REAL,
    phone TEXT,
    outcome TEXT
);
INSERT INTO escalation_upgrade (id, user_key, place_id, place_name, lat, lon, phone, outcome)
    SELECT id, user_key, place_id, place_name, lat, lon, phone, outcome FROM escalations;
DROP INDEX escalations_user;
ALTER TABLE escalations DROP COLUMN user_key;
ALTER TABLE escalations DROP COLUMN place_id;
ALTER TABLE escalations DROP COLUMN place_name;
ALTER TABLE escalations DROP COLUMN lat;
ALTER TABLE escalations DROP COLUMN lon;
ALTER TABLE escalations DROP COLUMN phone;
ALTER TABLE escalations DROP COLUMN outcome;
ALTER TABLE escalations ADD COLUMN subject TEXT;
ALTER TABLE escalations ADD COLUMN personal BLOB;
ALTER TABLE escalations ADD COLUMN outcome_sealed BLOB;
-- When the personal fields were erased (retention or the user's /loeschen); NULL = still held.
ALTER TABLE escalations ADD COLUMN erased_at REAL;
CREATE INDEX escalations_subject ON escalations (subject, created_at);
CREATE INDEX escalations_ended ON escalations (erased_at, state);
