using System.Globalization;

namespace CommerceBrain.IntegrationTests.Infrastructure;

/// <summary>
/// A <c>commercebrain serve --cluster</c> child process on loopback: PostgreSQL storage and membership, its own silo
/// port (so its row in <c>orleansmembershiptable</c> can be found), advertised as 127.0.0.1, HTTP on a dynamic port.
/// </summary>
public sealed class ClusterSilo : IAsyncDisposable
{
    private ClusterSilo(SiloProcess process, int siloPort, TempDirectory data)
    {
        Process = process;
        SiloPort = siloPort;
        Data = data;
    }

    public SiloProcess Process { get; }

    /// <summary>The Orleans silo-to-silo port: the <c>port</c> column of this silo's membership row.</summary>
    public int SiloPort { get; }

    private TempDirectory Data { get; }

    /// <summary>Starts a silo of <paramref name="clusterId"/>; <paramref name="environment"/> as for <see cref="SiloProcess.Start"/>.</summary>
    public static ClusterSilo Start(string connectionString, string clusterId, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var data = TempDirectory.Create();
        var siloPort = FreePort.Closed();
        var process = SiloProcess.Start(
        [
            "serve", "--urls", "http://127.0.0.1:0", "--data-dir", data.Path,
            "--storage", "PostgreSql", "--connection-string", connectionString,
            "--cluster", "--cluster-id", clusterId,
            "--silo-port", siloPort.ToString(CultureInfo.InvariantCulture), "--advertised-address", "127.0.0.1",
        ], environment);
        return new ClusterSilo(process, siloPort, data);
    }

    public async ValueTask DisposeAsync()
    {
        await Process.DisposeAsync();
        Data.Dispose();
    }
}
