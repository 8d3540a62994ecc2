-- One column per AppendColumnType, to check each provider's bulk path encodes every type.
CREATE TABLE typed_rows (
    id      INTEGER NOT NULL PRIMARY KEY,
    label   TEXT    NULL,
    amount  REAL    NULL,
    active  INTEGER NULL,
    blob    BLOB    NULL,
    at      INTEGER NULL,
    uid     TEXT    NULL,
    doc     TEXT    NULL
);
