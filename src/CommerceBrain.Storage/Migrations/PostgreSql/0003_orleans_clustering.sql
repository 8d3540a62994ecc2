-- Orleans' ADO.NET membership table (Microsoft.Orleans.Clustering.AdoNet 10.4.2, invariant Npgsql), used in cluster
-- mode. The provider loads every OrleansQuery row at start-up and fails unless all nine required keys exist;
-- CleanupDefunctSiloEntryKey (10.4.2) is optional but present, so clean-up deletes one Dead row at a time and only
-- if it is unchanged since it was read. Times are timestamptz: the provider sends DateTime values as DbType.DateTime,
-- which Npgsql 6+ maps to timestamptz.

-- One row per cluster (DeploymentId = ClusterId). Every membership change bumps Version, guarded by the version the
-- writer read, so changes are totally ordered and a writer that lost a race gets 0 and re-reads.
CREATE TABLE orleansmembershipversiontable (
    deploymentid varchar(150)   NOT NULL,
    timestamp    timestamptz(3) NOT NULL DEFAULT now(),
    version      integer        NOT NULL DEFAULT 0,
    CONSTRAINT pk_orleansmembershipversiontable_deploymentid PRIMARY KEY (deploymentid)
);

-- One row per silo incarnation (address, port, generation).
CREATE TABLE orleansmembershiptable (
    deploymentid varchar(150)   NOT NULL,
    address      varchar(45)    NOT NULL,
    port         integer        NOT NULL,
    generation   integer        NOT NULL,
    siloname     varchar(150)   NOT NULL,
    hostname     varchar(150)   NOT NULL,
    status       integer        NOT NULL,
    proxyport    integer        NULL,
    suspecttimes varchar(8000)  NULL,
    starttime    timestamptz(3) NOT NULL,
    iamalivetime timestamptz(3) NOT NULL,
    CONSTRAINT pk_membershiptable_deploymentid PRIMARY KEY (deploymentid, address, port, generation),
    CONSTRAINT fk_membershiptable_membershipversiontable_deploymentid
        FOREIGN KEY (deploymentid) REFERENCES orleansmembershipversiontable (deploymentid)
);

-- Insert a silo row and bump the table version, both or neither. The version row is locked first (FOR UPDATE waits
-- for a concurrent writer, then re-checks the version), so once it is held nothing can change it; a lost race or an
-- existing row returns 0 before anything is written. No ASSERT/EXCEPTION trick: it would depend on
-- plpgsql.check_asserts.
CREATE FUNCTION orleans_insert_membership(
    deployment_id text, address_arg text, port_arg integer, generation_arg integer,
    silo_name text, host_name text, status_arg integer, proxy_port integer,
    start_time timestamptz, i_am_alive_time timestamptz, version_arg integer)
RETURNS integer
LANGUAGE plpgsql AS $func$
BEGIN
    PERFORM 1 FROM orleansmembershipversiontable
    WHERE deploymentid = deployment_id AND version = version_arg
    FOR UPDATE;
    IF NOT FOUND THEN
        RETURN 0;
    END IF;

    INSERT INTO orleansmembershiptable (deploymentid, address, port, generation, siloname, hostname, status,
                                        proxyport, starttime, iamalivetime)
    VALUES (deployment_id, address_arg, port_arg, generation_arg, silo_name, host_name, status_arg,
            proxy_port, start_time, i_am_alive_time)
    ON CONFLICT (deploymentid, address, port, generation) DO NOTHING;
    IF NOT FOUND THEN
        RETURN 0;
    END IF;

    UPDATE orleansmembershipversiontable SET timestamp = now(), version = version + 1
    WHERE deploymentid = deployment_id;
    RETURN 1;
END
$func$;

-- Update a silo row and bump the table version, both or neither (same locking as the insert).
CREATE FUNCTION orleans_update_membership(
    deployment_id text, address_arg text, port_arg integer, generation_arg integer,
    status_arg integer, suspect_times text, i_am_alive_time timestamptz, version_arg integer)
RETURNS integer
LANGUAGE plpgsql AS $func$
BEGIN
    PERFORM 1 FROM orleansmembershipversiontable
    WHERE deploymentid = deployment_id AND version = version_arg
    FOR UPDATE;
    IF NOT FOUND THEN
        RETURN 0;
    END IF;

    UPDATE orleansmembershiptable
    SET status = status_arg, suspecttimes = suspect_times, iamalivetime = i_am_alive_time
    WHERE deploymentid = deployment_id AND address = address_arg AND port = port_arg AND generation = generation_arg;
    IF NOT FOUND THEN
        RETURN 0;
    END IF;

    UPDATE orleansmembershipversiontable SET timestamp = now(), version = version + 1
    WHERE deploymentid = deployment_id;
    RETURN 1;
END
$func$;

-- 1 if this call created the cluster's version row, 0 if it already existed.
INSERT INTO orleansquery (querykey, querytext) VALUES ('InsertMembershipVersionKey', '
    WITH inserted AS (
        INSERT INTO orleansmembershipversiontable (deploymentid) VALUES (@DeploymentId)
        ON CONFLICT (deploymentid) DO NOTHING
        RETURNING 1)
    SELECT count(*)::integer FROM inserted');

INSERT INTO orleansquery (querykey, querytext) VALUES ('InsertMembershipKey', '
    SELECT orleans_insert_membership(@DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName, @Status,
                                     @ProxyPort, @StartTime, @IAmAliveTime, @Version)');

INSERT INTO orleansquery (querykey, querytext) VALUES ('UpdateMembershipKey', '
    SELECT orleans_update_membership(@DeploymentId, @Address, @Port, @Generation, @Status, @SuspectTimes,
                                     @IAmAliveTime, @Version)');

-- Heartbeat: the silo's own row only, never the version. GREATEST keeps a late, reordered heartbeat from moving the
-- time backwards.
INSERT INTO orleansquery (querykey, querytext) VALUES ('UpdateIAmAlivetimeKey', '
    UPDATE orleansmembershiptable
    SET iamalivetime = GREATEST(iamalivetime, @IAmAliveTime)
    WHERE deploymentid = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation');

-- Reads start from the version row (LEFT JOIN), so the version comes back even when no silo row matches; a NULL
-- StartTime means "no member". Zero rows would make the provider throw: the version row must exist first.
INSERT INTO orleansquery (querykey, querytext) VALUES ('MembershipReadRowKey', '
    SELECT v.deploymentid AS "DeploymentId", m.address AS "Address", m.port AS "Port", m.generation AS "Generation",
           m.siloname AS "SiloName", m.hostname AS "HostName", m.status AS "Status", m.proxyport AS "ProxyPort",
           m.suspecttimes AS "SuspectTimes", m.starttime AS "StartTime", m.iamalivetime AS "IAmAliveTime",
           v.version AS "Version"
    FROM orleansmembershipversiontable v
    LEFT OUTER JOIN orleansmembershiptable m
        ON m.deploymentid = v.deploymentid
       AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
    WHERE v.deploymentid = @DeploymentId');

INSERT INTO orleansquery (querykey, querytext) VALUES ('MembershipReadAllKey', '
    SELECT v.deploymentid AS "DeploymentId", m.address AS "Address", m.port AS "Port", m.generation AS "Generation",
           m.siloname AS "SiloName", m.hostname AS "HostName", m.status AS "Status", m.proxyport AS "ProxyPort",
           m.suspecttimes AS "SuspectTimes", m.starttime AS "StartTime", m.iamalivetime AS "IAmAliveTime",
           v.version AS "Version"
    FROM orleansmembershipversiontable v
    LEFT OUTER JOIN orleansmembershiptable m ON m.deploymentid = v.deploymentid
    WHERE v.deploymentid = @DeploymentId');

-- Gateways for clients: silos in @Status (Active, 3) that accept client connections.
INSERT INTO orleansquery (querykey, querytext) VALUES ('GatewaysQueryKey', '
    SELECT address AS "Address", proxyport AS "ProxyPort", generation AS "Generation"
    FROM orleansmembershiptable
    WHERE deploymentid = @DeploymentId AND status = @Status AND proxyport > 0');

-- Removes a whole cluster's rows (tests and tooling); one statement, so both tables go together.
INSERT INTO orleansquery (querykey, querytext) VALUES ('DeleteMembershipTableEntriesKey', '
    WITH members AS (
        DELETE FROM orleansmembershiptable WHERE deploymentid = @DeploymentId)
    DELETE FROM orleansmembershipversiontable WHERE deploymentid = @DeploymentId');

-- Batch clean-up (used only when CleanupDefunctSiloEntryKey is absent): Dead (6) rows that have neither started nor
-- heart-beaten since the cut-off and carry no suspicion votes. Deleting Dead rows does not bump the version: a Dead
-- silo never comes back (a restart is a new generation), so no reader's decision depends on the row.
INSERT INTO orleansquery (querykey, querytext) VALUES ('CleanupDefunctSiloEntriesKey', '
    DELETE FROM orleansmembershiptable
    WHERE deploymentid = @DeploymentId
      AND iamalivetime < @IAmAliveTime AND starttime < @IAmAliveTime
      AND status = 6 AND coalesce(suspecttimes, '''') = ''''');

-- Per-row clean-up (10.4.2 prefers it): deletes one Dead row only if it still holds exactly the values the provider
-- read (times and suspicion list), so a row changed since that read is left alone.
INSERT INTO orleansquery (querykey, querytext) VALUES ('CleanupDefunctSiloEntryKey', '
    DELETE FROM orleansmembershiptable
    WHERE deploymentid = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation
      AND status = 6
      AND starttime = @StartTime AND iamalivetime = @IAmAliveTime
      AND coalesce(suspecttimes, '''') = coalesce(@SuspectTimes, '''')');
