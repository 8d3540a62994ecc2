using CommerceBrain.Storage;
using Orleans.Configuration;
using Orleans.Dashboard;

namespace CommerceBrain.Silo.Cluster;

/// <summary>Hosts the Orleans silo inside the web host: clustering, endpoints, membership timing, storage, tracing, dashboard.</summary>
public static class OrleansSiloSetup
{
    /// <summary>The ADO.NET invariant of Npgsql, which Orleans loads by reflection.</summary>
    public const string NpgsqlInvariant = "Npgsql";

    /// <summary>Adds the Orleans silo to <paramref name="builder"/> (<c>UseOrleans</c>), configured from the validated settings.</summary>
    public static WebApplicationBuilder AddCommerceBrainOrleans(this WebApplicationBuilder builder, StorageSettings storage,
        ClusterSettings cluster, bool dashboard)
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
            silo.AddActivityPropagation();
            if (dashboard)
            {
                silo.AddDashboard();
            }
        });
        return builder;
    }

    // Orleans' defaults find a dead silo in about a minute and a half; a Double-11 front-end wants seconds. A killed
    // process refuses connections at once, so probes fail fast; the limit of missed probes keeps a slow GC pause from
    // being taken for a death.
    internal static void ConfigureMembership(ClusterMembershipOptions options, ClusterSettings cluster)
    {
        options.ProbeTimeout = TimeSpan.FromSeconds(cluster.ProbeTimeoutSeconds);
        options.NumMissedProbesLimit = cluster.MissedProbesLimit;
        options.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(cluster.IAmAliveSeconds);
        options.TableRefreshTimeout = TimeSpan.FromSeconds(cluster.TableRefreshSeconds);
        // Votes must outlive the time it takes the needed voters to miss their probes.
        options.DeathVoteExpirationTimeout = TimeSpan.FromSeconds(Math.Max(30, cluster.ProbeTimeoutSeconds * cluster.MissedProbesLimit * 4));
    }
}
