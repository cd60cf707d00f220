-- Incident records (issue 6). Every user-entered value lives in an AES-GCM encrypted
-- BLOB; `owner` is a keyed hash of the conversation key, never the key itself.

-- Proves at start that the configured data key is the one the data was written with.
CREATE TABLE data_key_check (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    check_value BLOB NOT NULL,
    created_at  REAL NOT NULL
);

-- Reference numbers count per year and are never reused, even after deletion.
CREATE TABLE incident_counters (
    year INTEGER PRIMARY KEY,
    last INTEGER NOT NULL
);

CREATE TABLE incidents (
    id                  INTEGER PRIMARY KEY,
    ref                 TEXT NOT NULL UNIQUE,
    owner               TEXT NOT NULL,
    status              TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    created_at          REAL NOT NULL,
    updated_at          REAL NOT NULL,
    retention_warned_at REAL,
    data                BLOB NOT NULL
);
CREATE INDEX incidents_owner ON incidents (owner);
CREATE INDEX incidents_updated_at ON incidents (updated_at);

-- One row per evidence file; the bytes are in <data_dir>/evidence/<id>.bin, encrypted.
-- incident_id NULL: still in the draft area of a record being written.
CREATE TABLE evidence (
    id          TEXT PRIMARY KEY,
    owner       TEXT NOT NULL,
    incident_id INTEGER REFERENCES incidents (id) ON DELETE CASCADE,
    received_at REAL NOT NULL,
    meta        BLOB NOT NULL
);
CREATE INDEX evidence_owner ON evidence (owner);
CREATE INDEX evidence_incident ON evidence (incident_id);

-- Complaint deadline reminders; `target` is the encrypted conversation key to send to.
CREATE TABLE reminders (
    id          INTEGER PRIMARY KEY,
    incident_id INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    owner       TEXT NOT NULL,
    due_at      REAL NOT NULL,
    sent_at     REAL,
    target      BLOB NOT NULL,
    payload     BLOB NOT NULL
);
CREATE INDEX reminders_due ON reminders (sent_at, due_at);

-- What happened to records, when: ids and times only, never content or owners.
CREATE TABLE audit (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    at          REAL NOT NULL,
    event       TEXT NOT NULL,
    incident_id INTEGER
);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN
    SELECT RAISE(ABORT, 'audit is append-only');
END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN
    SELECT RAISE(ABORT, 'audit is append-only');
END;
