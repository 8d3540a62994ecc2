-- An append-only table for group-commit tests; seq must be non-negative so a test can make a batch fail.
CREATE TABLE test_events (
    stream TEXT    NOT NULL,
    seq    INTEGER NOT NULL CHECK (seq >= 0),
    body   TEXT    NULL,
    at     INTEGER NOT NULL,
    PRIMARY KEY (stream, seq)
);
