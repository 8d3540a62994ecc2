-- Grain state and reminders as Orleans' IGrainStorage and IReminderTable need them (our own providers, see
-- Sqlite/SqliteGrainStorage.cs and Sqlite/SqliteReminderTable.cs). Replaces the tables of 0001, which held the
-- home-made runtime's rows; nothing had shipped, so they are dropped rather than converted.
DROP TABLE IF EXISTS grain_state;
DROP TABLE IF EXISTS reminders;

-- One row per (service, grain, state name). grain_type/grain_key are the GrainId's two parts, so grain classes never
-- share a row. version is the ETag; payload is the IGrainStorageSerializer output, NULL once cleared (the row and
-- its version stay, so a cleared state still has an ETag to write with).
CREATE TABLE grain_state (
    service_id  TEXT    NOT NULL,
    grain_type  TEXT    NOT NULL,
    grain_key   TEXT    NOT NULL,
    state_name  TEXT    NOT NULL,
    version     INTEGER NOT NULL,
    payload     BLOB    NULL,
    modified_on INTEGER NOT NULL, -- unix time, milliseconds
    PRIMARY KEY (service_id, grain_type, grain_key, state_name)
) WITHOUT ROWID;

-- Reminder definitions. grain_id is GrainId.ToString() ("type/key"); grain_hash is GrainId.GetUniformHashCode()
-- as an unsigned 32-bit value, so ring ranges are plain integer comparisons. start_at is unix milliseconds (UTC).
CREATE TABLE reminders (
    service_id    TEXT    NOT NULL,
    grain_id      TEXT    NOT NULL,
    reminder_name TEXT    NOT NULL,
    grain_hash    INTEGER NOT NULL CHECK (grain_hash BETWEEN 0 AND 4294967295),
    start_at      INTEGER NOT NULL,
    period_ms     INTEGER NOT NULL CHECK (period_ms >= 0),
    version       INTEGER NOT NULL,
    PRIMARY KEY (service_id, grain_id, reminder_name)
) WITHOUT ROWID;

CREATE INDEX reminders_by_hash ON reminders (service_id, grain_hash);
