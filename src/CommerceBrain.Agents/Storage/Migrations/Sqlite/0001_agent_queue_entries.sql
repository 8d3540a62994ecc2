-- One row per session waiting in a group's queue, written only by that group's queue grain (the single writer), so
-- a change costs the rows it touches rather than the whole queue. data is the Orleans-serialized QueueEntry.
CREATE TABLE agent_queue_entries (
    queue_group TEXT    NOT NULL,
    session_id  TEXT    NOT NULL,
    data        BLOB    NOT NULL,
    updated_at  INTEGER NOT NULL,   -- unix milliseconds
    PRIMARY KEY (queue_group, session_id)
) WITHOUT ROWID;
