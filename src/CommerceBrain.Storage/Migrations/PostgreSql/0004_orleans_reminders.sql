-- Orleans' ADO.NET reminder table (Microsoft.Orleans.Reminders.AdoNet 10.4.2, invariant Npgsql).
-- GrainHash is GrainId.GetUniformHashCode() cast to a signed int by the provider; it picks ReadRangeRows1Key when
-- (int)begin < (int)end and ReadRangeRows2Key (the wrap-around) otherwise, both in that same signed space.
CREATE TABLE orleansreminderstable (
    serviceid    varchar(150)   NOT NULL,
    grainid      text           NOT NULL, -- "type/key"; upstream's varchar(150) truncates long keys (#9653)
    remindername text           NOT NULL,
    starttime    timestamptz(3) NOT NULL,
    period       bigint         NOT NULL, -- milliseconds
    grainhash    integer        NOT NULL,
    version      integer        NOT NULL,
    CONSTRAINT pk_reminderstable_serviceid_grainid_remindername PRIMARY KEY (serviceid, grainid, remindername)
);

CREATE INDEX ix_orleansreminderstable_grainhash ON orleansreminderstable (serviceid, grainhash);

INSERT INTO orleansquery (querykey, querytext) VALUES ('ReadReminderRowsKey', '
    SELECT grainid AS "GrainId", remindername AS "ReminderName", starttime AS "StartTime", period AS "Period",
           version AS "Version"
    FROM orleansreminderstable
    WHERE serviceid = @ServiceId AND grainid = @GrainId');

INSERT INTO orleansquery (querykey, querytext) VALUES ('ReadReminderRowKey', '
    SELECT grainid AS "GrainId", remindername AS "ReminderName", starttime AS "StartTime", period AS "Period",
           version AS "Version"
    FROM orleansreminderstable
    WHERE serviceid = @ServiceId AND grainid = @GrainId AND remindername = @ReminderName');

-- (begin, end] when begin < end.
INSERT INTO orleansquery (querykey, querytext) VALUES ('ReadRangeRows1Key', '
    SELECT grainid AS "GrainId", remindername AS "ReminderName", starttime AS "StartTime", period AS "Period",
           version AS "Version"
    FROM orleansreminderstable
    WHERE serviceid = @ServiceId AND grainhash > @BeginHash AND grainhash <= @EndHash');

-- The wrap-around: begin >= end covers (begin, max] and [min, end]; begin = end is the whole ring.
INSERT INTO orleansquery (querykey, querytext) VALUES ('ReadRangeRows2Key', '
    SELECT grainid AS "GrainId", remindername AS "ReminderName", starttime AS "StartTime", period AS "Period",
           version AS "Version"
    FROM orleansreminderstable
    WHERE serviceid = @ServiceId AND (grainhash > @BeginHash OR grainhash <= @EndHash)');

-- Insert or replace; the version (ETag) starts at 1 and is bumped by every upsert. @Period arrives as int or bigint.
INSERT INTO orleansquery (querykey, querytext) VALUES ('UpsertReminderRowKey', '
    INSERT INTO orleansreminderstable (serviceid, grainid, remindername, starttime, period, grainhash, version)
    VALUES (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 1)
    ON CONFLICT (serviceid, grainid, remindername) DO UPDATE
        SET starttime = excluded.starttime, period = excluded.period, grainhash = excluded.grainhash,
            version = orleansreminderstable.version + 1
    RETURNING version AS "Version"');

-- Removes the row only if the caller holds its current ETag; 1 = removed, 0 = missing or stale.
INSERT INTO orleansquery (querykey, querytext) VALUES ('DeleteReminderRowKey', '
    WITH deleted AS (
        DELETE FROM orleansreminderstable
        WHERE serviceid = @ServiceId AND grainid = @GrainId AND remindername = @ReminderName AND version = @Version
        RETURNING 1)
    SELECT count(*)::integer FROM deleted');

INSERT INTO orleansquery (querykey, querytext) VALUES ('DeleteReminderRowsKey', '
    DELETE FROM orleansreminderstable WHERE serviceid = @ServiceId');
