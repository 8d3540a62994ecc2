-- One column per AppendColumnType, to check each provider's bulk path encodes every type.
CREATE TABLE typed_rows (
    id      bigint           NOT NULL PRIMARY KEY,
    label   text             NULL,
    amount  double precision NULL,
    active  boolean          NULL,
    blob    bytea            NULL,
    at      timestamptz      NULL,
    uid     uuid             NULL,
    doc     jsonb            NULL
);
