-- One row per session waiting in a group's queue, written only by that group's queue grain (the single writer), so
-- a change costs the rows it touches rather than the whole queue. data is the Orleans-serialized QueueEntry.
CREATE TABLE agent_queue_entries (
    queue_group text        NOT NULL,
    session_id  text        NOT NULL,
    data        bytea       NOT NULL,
    updated_at  timestamptz NOT NULL,
    PRIMARY KEY (queue_group, session_id)
);
