using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using CommerceBrain.Storage.Tests.Fixtures;
using Dapper;

namespace CommerceBrain.Storage.Tests.Durability;

public sealed class SqliteCrashDurabilityTests : IDisposable
{
    private readonly string _directory = TempDirectory.Create("crash");

    public void Dispose() => TempDirectory.Delete(_directory);

    [Fact]
    public async Task Writes_acknowledged_before_a_kill_9_are_all_there_after_restart_with_the_default_settings()
    {
        var acknowledgedEtags = new Dictionary<string, long>();
        long acknowledgedRows = -1;
        var assembly = typeof(CrashWriter).Assembly.Location;
        using var child = Process.Start(new ProcessStartInfo("dotnet", ["exec", assembly, CrashWriter.Command, _directory])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        try
        {
            // Read acknowledgements until enough writes have committed, then kill without warning.
            var lines = 0;
            while (lines < 400)
            {
                var line = await child.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(120))
                    ?? throw new InvalidOperationException("The writer exited early: " + await child.StandardError.ReadToEndAsync());
                var parts = line.Split(' ');
                if (parts[0] == "state")
                {
                    acknowledgedEtags[parts[1]] = long.Parse(parts[2], CultureInfo.InvariantCulture);
                }
                else if (parts[0] == "rows")
                {
                    acknowledgedRows = long.Parse(parts[1], CultureInfo.InvariantCulture);
                }

                lines++;
            }
        }
        finally
        {
            child.Kill(entireProcessTree: true); // SIGKILL on Linux: no flush, no dispose
            await child.WaitForExitAsync();
        }

        // Reopen the file as a fresh process would (migrations run, nothing else), and compare with the acknowledgements.
        await using var reopened = await StorageHarness.StartAsync(new Dictionary<string, string?> { ["CommerceBrain:DataDirectory"] = _directory });
        await using (DbConnection states = await reopened.Get<StorageDatabase>().OpenConnectionAsync())
        {
            var stored = (await states.QueryAsync<(string Key, long Version, byte[]? Payload)>(
                "SELECT grain_key, version, payload FROM grain_state WHERE grain_type = 'crash' AND state_name = 'state'"))
                .ToDictionary(r => r.Key);
            foreach (var (key, etag) in acknowledgedEtags)
            {
                Assert.True(stored.TryGetValue(key, out var row), $"grain {key}: acknowledged ETag {etag}, nothing stored");
                Assert.True(row.Version >= etag, $"grain {key}: acknowledged ETag {etag}, stored {row.Version}");
                Assert.NotNull(row.Payload);
            }
        }

        await using DbConnection connection = await reopened.Get<StorageDatabase>().OpenConnectionAsync();
        var present = (await connection.QueryAsync<long>("SELECT seq FROM test_events WHERE stream = 'crash' AND seq <= @max", new { max = acknowledgedRows })).ToHashSet();
        Assert.True(acknowledgedRows > 0);
        Assert.All(Enumerable.Range(0, (int)acknowledgedRows + 1), seq => Assert.Contains((long)seq, present));
    }
}
