-- The transcript ledger: every session event (opened, turn, closed...) in order. The session grain rebuilds itself from
-- it on activation; rows are only ever appended (group commit), never updated.
CREATE TABLE session_events (
    session_id        text        NOT NULL,
    seq               bigint      NOT NULL,
    kind              text        NOT NULL,
    at                timestamptz NOT NULL,
    customer_id       text        NOT NULL,
    client_message_id text,
    body              text,                -- the customer's text, personal data masked
    reply             jsonb,               -- the bot's reply
    state             jsonb,               -- the dialogue state after the turn
    data              jsonb,               -- event details (opening, handoff packet, closing)
    PRIMARY KEY (session_id, seq)
);

-- A customer's sessions, newest last: one entry per session (its opening), not one per turn, so turns stay cheap.
CREATE INDEX session_events_customer ON session_events (customer_id, at) WHERE kind = 'opened';
