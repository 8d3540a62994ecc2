-- The transcript ledger: every session event (opened, turn, closed...) in order. The session grain rebuilds itself from
-- it on activation; rows are only ever appended (group commit), never updated.
CREATE TABLE session_events (
    session_id        TEXT    NOT NULL,
    seq               INTEGER NOT NULL,
    kind              TEXT    NOT NULL,
    at                INTEGER NOT NULL,   -- unix milliseconds
    customer_id       TEXT    NOT NULL,
    client_message_id TEXT,
    body              TEXT,               -- the customer's text, personal data masked
    reply             TEXT,               -- JSON: the bot's reply
    state             TEXT,               -- JSON: the dialogue state after the turn
    data              TEXT,               -- JSON: event details (opening, handoff packet, closing)
    PRIMARY KEY (session_id, seq)
) WITHOUT ROWID;

-- A customer's sessions, newest last: one entry per session (its opening), not one per turn, so turns stay cheap.
CREATE INDEX session_events_customer ON session_events (customer_id, at) WHERE kind = 'opened';
