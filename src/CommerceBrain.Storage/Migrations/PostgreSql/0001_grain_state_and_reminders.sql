-- Grain state: one row per (grain type, grain key, state name); version is the ETag, payload is NULL once cleared.
CREATE TABLE grain_state (
    grain_type  text        NOT NULL,
    grain_key   text        NOT NULL,
    state_name  text        NOT NULL,
    version     bigint      NOT NULL,
    payload     bytea       NULL,
    modified_on timestamptz NOT NULL,
    PRIMARY KEY (grain_type, grain_key, state_name)
) WITH (fillfactor = 80); -- room on each page keeps updates HOT (no index churn)

-- Durable reminder definitions.
CREATE TABLE reminders (
    grain_id  text        NOT NULL,
    name      text        NOT NULL,
    start_at  timestamptz NOT NULL,
    period_ms bigint      NOT NULL,
    version   bigint      NOT NULL,
    PRIMARY KEY (grain_id, name)
);
