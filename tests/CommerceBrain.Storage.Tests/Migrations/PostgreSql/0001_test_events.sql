-- An append-only table for group-commit tests; seq must be non-negative so a test can make a batch fail.
CREATE TABLE test_events (
    stream text        NOT NULL,
    seq    bigint      NOT NULL CHECK (seq >= 0),
    body   text        NULL,
    at     timestamptz NOT NULL,
    PRIMARY KEY (stream, seq)
);
