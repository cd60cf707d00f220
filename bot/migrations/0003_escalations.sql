-- Emergency escalations to on-duty officers (issue 7).
-- escalations: one row per trigger; `policy` is the JSON snapshot of the policy in force
-- when it fired; `next_step`/`due_at` say what happens next and when (UTC epoch seconds).
CREATE TABLE escalations (
    id INTEGER PRIMARY KEY,
    ref TEXT NOT NULL UNIQUE,
    user_key TEXT NOT NULL,
    lang TEXT NOT NULL,
    created_at REAL NOT NULL,
    category TEXT,
    place_id TEXT,
    place_name TEXT,
    direktion TEXT,
    lat REAL,
    lon REAL,
    phone TEXT,
    policy TEXT NOT NULL,
    total_steps INTEGER NOT NULL,
    next_step INTEGER NOT NULL DEFAULT 0,
    due_at REAL,
    state TEXT NOT NULL CHECK (state IN ('open', 'acked', 'exhausted', 'closed')),
    reached INTEGER NOT NULL DEFAULT 0,
    owner TEXT,
    owner_key TEXT,
    acked_at REAL,
    closed_at REAL,
    outcome TEXT
);
CREATE INDEX escalations_due ON escalations (state, due_at);
CREATE INDEX escalations_user ON escalations (user_key, created_at);

-- One row per (escalation, step, officer), written before the alert leaves: the primary
-- key makes a second alert to the same officer for the same step impossible.
CREATE TABLE escalation_deliveries (
    escalation_id INTEGER NOT NULL REFERENCES escalations (id),
    step INTEGER NOT NULL,
    officer TEXT NOT NULL,
    planned_at REAL NOT NULL,
    channel_key TEXT,
    result TEXT NOT NULL DEFAULT 'pending' CHECK (result IN ('pending', 'sent', 'failed', 'unknown')),
    done_at REAL,
    PRIMARY KEY (escalation_id, step, officer)
);

-- Officers' own /dienst an|aus, newest per officer.
CREATE TABLE duty_declarations (
    officer TEXT PRIMARY KEY,
    on_duty INTEGER NOT NULL,
    declared_at REAL NOT NULL
);

-- An officer who chose "Abschließen" and is about to type the outcome.
CREATE TABLE escalation_closing (
    officer_key TEXT PRIMARY KEY,
    escalation_id INTEGER NOT NULL REFERENCES escalations (id),
    started_at REAL NOT NULL
);

-- Append-only audit: alerts (to whom, channel, result), acks, step changes, closures.
CREATE TABLE escalation_audit (
    id INTEGER PRIMARY KEY,
    escalation_id INTEGER REFERENCES escalations (id),
    at REAL NOT NULL,
    event TEXT NOT NULL,
    step INTEGER,
    actor TEXT,
    channel TEXT,
    result TEXT
);
CREATE INDEX escalation_audit_esc ON escalation_audit (escalation_id, id);
CREATE TRIGGER escalation_audit_no_update BEFORE UPDATE ON escalation_audit
BEGIN
    SELECT RAISE(ABORT, 'escalation_audit is append-only');
END;
CREATE TRIGGER escalation_audit_no_delete BEFORE DELETE ON escalation_audit
BEGIN
    SELECT RAISE(ABORT, 'escalation_audit is append-only');
END;
