using CommerceBrain.Storage;
using Orleans.Configuration;
using Orleans.Dashboard;

namespace CommerceBrain.Silo.Cluster;

/// <summary>Hosts the Orleans silo inside the web host: clustering, endpoints, membership timing, storage, tracing, dashboard.</summary>
public static class OrleansSiloSetup
{
    /// <summary>The ADO.NET invariant of Npgsql, which Orleans loads by reflection.</summary>
    public const string NpgsqlInvariant = "Npgsql";

    /// <summary>
    /// Adds the Orleans silo to <paramref name="builder"/> (<c>UseOrleans</c>), configured from the validated settings;
    /// <paramref name="tracing"/> adds Orleans' trace propagation through grain calls.
    /// </summary>
    public static WebApplicationBuilder AddCommerceBrainOrleans(this WebApplicationBuilder builder, StorageSettings storage,
        ClusterSettings cluster, bool dashboard, bool tracing = true)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(cluster);
        builder.UseOrleans(silo =>
        {
            if (cluster.Enabled)
            {
                silo.Configure<ClusterOptions>(o =>
                {
                    o.ClusterId = cluster.ClusterId;
                    o.ServiceId = cluster.ServiceId;
                });
                silo.UseAdoNetClustering(o =>
                {
                    o.Invariant = NpgsqlInvariant;
                    o.ConnectionString = storage.ConnectionString;
                });
                silo.ConfigureEndpoints(cluster.AdvertisedIPAddress, cluster.SiloPort, cluster.GatewayPort, listenOnAnyHostAddress: true);
            }
            else
            {
                silo.UseLocalhostClustering(cluster.SiloPort, cluster.GatewayPort, primarySiloEndpoint: null, cluster.ServiceId, cluster.ClusterId);
            }

            silo.Configure<ClusterMembershipOptions>(o => ConfigureMembership(o, cluster));
            silo.AddCommerceBrainStorage(storage);
            if (tracing)
            {
                // Without an exporter the filters would still name every grain call's span for nobody (a few % of a
                // claim's CPU in benchmarks/claims.sh), so they are only added when spans are exported.
                silo.AddActivityPropagation();
            }
            if (dashboard)
            {
                silo.AddDashboard();
            }
        });
        return builder;
    }

    // Measured with benchmarks/failover.sh (docs/operations.md, "Failure detection"): with Orleans 10.4.2's defaults a
    // SIGKILLed silo is declared dead after 5-14 s; with these defaults after about 2 s. Probes run every 0.5-4 s (the
    // phi-accrual estimate of the round trip, clamped to [ProbeTimeout/2, 4 x ProbeTimeout]); a killed process refuses
    // connections, so each probe fails at once, and the last one goes through another silo, whose answer is the second
    // vote. A busy or frozen silo keeps its connections open, and Orleans drops every vote while a connection from the
    // suspect delivered a message within MaxProbeTimeout x NumMissedProbesLimit (12 s with the defaults): a GC pause or
    // CPU starvation shorter than that never evicts a silo (a 10 s SIGSTOP did not; a 20 s one did, at ~13 s, and the
    // silo stopped itself on resuming). The short probe timeout is only safe with those protections, so they are set
    // here rather than left to library defaults.
    internal static void ConfigureMembership(ClusterMembershipOptions options, ClusterSettings cluster)
    {
        options.ProbeTimeout = TimeSpan.FromSeconds(cluster.ProbeTimeoutSeconds);
        options.NumMissedProbesLimit = cluster.MissedProbesLimit;
        options.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(cluster.IAmAliveSeconds);
        options.TableRefreshTimeout = TimeSpan.FromSeconds(cluster.TableRefreshSeconds);
        options.EnableConnectionLivenessCheck = true;
        options.EnableIndirectProbes = true;
        options.ExtendProbeTimeoutDuringDegradation = true;
        // Votes must outlive the time it takes the needed voters to miss their probes (the same 12 s window).
        options.DeathVoteExpirationTimeout = TimeSpan.FromSeconds(Math.Max(30, cluster.ProbeTimeoutSeconds * cluster.MissedProbesLimit * 4));
    }
}
