-- Orleans' ADO.NET grain storage (Microsoft.Orleans.Persistence.AdoNet 10.4.2, invariant Npgsql) reads its SQL from
-- OrleansQuery and its rows from OrleansStorage. The packages ship no SQL; this is our schema for the contract in
-- docs/storage.md ("PostgreSQL schema"). Names are unquoted, so they resolve in lower case, as the provider's
-- hard-coded bootstrap SELECT needs. Every query is ONE statement: the provider runs it on a fresh pooled connection
-- with no client transaction, so the statement itself is the unit of atomicity.

-- Our own grain_state/reminders of 0001 belonged to the home-made runtime; nothing had shipped, so they go.
DROP TABLE IF EXISTS grain_state;
DROP TABLE IF EXISTS reminders;

CREATE TABLE orleansquery (
    querykey  varchar(64)   NOT NULL,
    querytext varchar(8000) NOT NULL,
    CONSTRAINT orleansquery_key PRIMARY KEY (querykey)
);

-- One row per (service, grain, state name). graintypestring is the state name ("state" for Grain<T>, else the
-- [PersistentState] name); the two hashes are the provider's XxHash32 values. version is the ETag, payloadbinary the
-- IGrainStorageSerializer bytes, NULL once cleared.
CREATE TABLE orleansstorage (
    grainidhash            integer       NOT NULL,
    grainidn0              bigint        NOT NULL,
    grainidn1              bigint        NOT NULL,
    graintypehash          integer       NOT NULL,
    graintypestring        varchar(512)  NOT NULL,
    grainidextensionstring varchar(512)  NULL,
    serviceid              varchar(150)  NOT NULL,
    payloadbinary          bytea         NULL,
    modifiedon             timestamptz   NOT NULL DEFAULT now(),
    version                integer       NOT NULL
) WITH (fillfactor = 80); -- free room on each page keeps version bumps HOT (no index writes)

-- Upstream has only a non-unique index, so two first writes of the same state racing through INSERT ... WHERE NOT
-- EXISTS could both insert. This UNIQUE index makes the first write's ON CONFLICT DO NOTHING decide exactly one
-- winner. It also serves every lookup (hash columns first). The extension goes in as (IS NULL, md5) so NULL and ''
-- stay distinct and the index row stays small whatever the key length.
CREATE UNIQUE INDEX orleansstorage_identity ON orleansstorage (
    grainidhash, graintypehash, grainidn0, grainidn1, serviceid, graintypestring,
    (grainidextensionstring IS NULL), md5(coalesce(grainidextensionstring, '')));

-- The identity predicate every storage query shares.
-- grainidextensionstring IS NOT DISTINCT FROM @GrainIdExtensionString matches NULL to NULL.

-- Read: 0 or 1 row; PayloadBinary NULL means "no record" (RecordExists = false) but Version is still the ETag.
INSERT INTO orleansquery (querykey, querytext) VALUES ('ReadFromStorageKey', '
    SELECT payloadbinary AS "PayloadBinary", version AS "Version"
    FROM orleansstorage
    WHERE grainidhash = @GrainIdHash AND graintypehash = @GrainTypeHash
      AND grainidn0 = @GrainIdN0 AND grainidn1 = @GrainIdN1
      AND serviceid = @ServiceId AND graintypestring = @GrainTypeString
      AND grainidextensionstring IS NOT DISTINCT FROM @GrainIdExtensionString');

-- Write, one statement: with an ETag n, bump the row only where version = n (returns n + 1, else n); with no ETag,
-- insert version 1 only where no row exists (returns 1, else NULL). The provider throws InconsistentStateException
-- when the result equals the ETag it sent or is NULL/empty. Concurrent writers with the same ETag serialise on the
-- row lock and the loser re-checks version = n against the winner's row, so exactly one wins; two first writes meet
-- at the unique index.
INSERT INTO orleansquery (querykey, querytext) VALUES ('WriteToStorageKey', '
    WITH updated AS (
        UPDATE orleansstorage
        SET payloadbinary = @PayloadBinary, modifiedon = now(), version = version + 1
        WHERE grainidhash = @GrainIdHash AND graintypehash = @GrainTypeHash
          AND grainidn0 = @GrainIdN0 AND grainidn1 = @GrainIdN1
          AND serviceid = @ServiceId AND graintypestring = @GrainTypeString
          AND grainidextensionstring IS NOT DISTINCT FROM @GrainIdExtensionString
          AND version = @GrainStateVersion
        RETURNING version),
    inserted AS (
        INSERT INTO orleansstorage (grainidhash, grainidn0, grainidn1, graintypehash, graintypestring,
                                    grainidextensionstring, serviceid, payloadbinary, modifiedon, version)
        SELECT @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString,
               @GrainIdExtensionString, @ServiceId, @PayloadBinary, now(), 1
        WHERE @GrainStateVersion IS NULL
        ON CONFLICT DO NOTHING
        RETURNING version)
    SELECT coalesce((SELECT version FROM updated), (SELECT version FROM inserted), @GrainStateVersion) AS "NewGrainStateVersion"');

-- Clear: NULL the payload and bump the version where version = @GrainStateVersion; the new version is the only
-- column. The provider calls it without an ETag only when the caller claims a record exists but never read it
-- (it short-circuits the fresh case itself): then clearing is allowed only where nothing live is stored, and an empty
-- row (version 1) is created if none exists, so the caller gets an ETag it can write with. No row back = conflict.
INSERT INTO orleansquery (querykey, querytext) VALUES ('ClearStorageKey', '
    WITH cleared AS (
        UPDATE orleansstorage
        SET payloadbinary = NULL, modifiedon = now(), version = version + 1
        WHERE grainidhash = @GrainIdHash AND graintypehash = @GrainTypeHash
          AND grainidn0 = @GrainIdN0 AND grainidn1 = @GrainIdN1
          AND serviceid = @ServiceId AND graintypestring = @GrainTypeString
          AND grainidextensionstring IS NOT DISTINCT FROM @GrainIdExtensionString
          AND (version = @GrainStateVersion OR (@GrainStateVersion IS NULL AND payloadbinary IS NULL))
        RETURNING version),
    created AS (
        INSERT INTO orleansstorage (grainidhash, grainidn0, grainidn1, graintypehash, graintypestring,
                                    grainidextensionstring, serviceid, payloadbinary, modifiedon, version)
        SELECT @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString,
               @GrainIdExtensionString, @ServiceId, NULL, now(), 1
        WHERE @GrainStateVersion IS NULL
        ON CONFLICT DO NOTHING
        RETURNING version)
    SELECT version AS "NewGrainStateVersion" FROM cleared
    UNION ALL
    SELECT version FROM created');

-- Delete (DeleteStateOnClear = true): remove the row where version = @GrainStateVersion, return version + 1.
INSERT INTO orleansquery (querykey, querytext) VALUES ('DeleteStorageKey', '
    DELETE FROM orleansstorage
    WHERE grainidhash = @GrainIdHash AND graintypehash = @GrainTypeHash
      AND grainidn0 = @GrainIdN0 AND grainidn1 = @GrainIdN1
      AND serviceid = @ServiceId AND graintypestring = @GrainTypeString
      AND grainidextensionstring IS NOT DISTINCT FROM @GrainIdExtensionString
      AND version = @GrainStateVersion
    RETURNING version + 1 AS "NewGrainStateVersion"');
