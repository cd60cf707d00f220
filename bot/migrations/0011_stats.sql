-- Anonymous statistics for the ministry (issue 13, bot/stats.py): counters per ISO week,
-- category and Polizeidirektion only. No conversation key, no text, no place below the
-- Polizeidirektion is ever stored here; small cells are suppressed when reported.
CREATE TABLE stats_weekly (
    week TEXT NOT NULL,               -- ISO week in Europe/Berlin, e.g. 2026-W49
    category TEXT NOT NULL DEFAULT '',  -- category id, '' where it does not apply
    direktion TEXT NOT NULL DEFAULT '', -- pd_* id, '' when unknown or outside Saxony
    counter TEXT NOT NULL CHECK (counter IN ('started', 'result', 'emergency', 'record')),
    count INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (week, category, direktion, counter)
) WITHOUT ROWID;

-- /healthz proves the database is writable by updating this one row.
CREATE TABLE health_probe (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    at REAL NOT NULL
);
