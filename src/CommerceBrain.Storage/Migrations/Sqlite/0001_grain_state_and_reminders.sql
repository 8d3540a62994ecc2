-- Grain state: one row per (grain type, grain key, state name); version is the ETag, payload is NULL once cleared.
CREATE TABLE grain_state (
    grain_type  TEXT    NOT NULL,
    grain_key   TEXT    NOT NULL,
    state_name  TEXT    NOT NULL,
    version     INTEGER NOT NULL,
    payload     BLOB    NULL,
    modified_on INTEGER NOT NULL, -- unix time, milliseconds
    PRIMARY KEY (grain_type, grain_key, state_name)
) WITHOUT ROWID;

-- Durable reminder definitions; start_at is unix time in milliseconds.
CREATE TABLE reminders (
    grain_id  TEXT    NOT NULL,
    name      TEXT    NOT NULL,
    start_at  INTEGER NOT NULL,
    period_ms INTEGER NOT NULL,
    version   INTEGER NOT NULL,
    PRIMARY KEY (grain_id, name)
) WITHOUT ROWID;
