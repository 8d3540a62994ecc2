using System.Net;
using System.Net.Sockets;
using CommerceBrain.Storage.GroupCommit;
using CommerceBrain.Storage.Tests.Contracts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans;
using Orleans.Hosting;
using Orleans.Runtime;
using Orleans.Storage;

namespace CommerceBrain.Storage.Tests.Durability;

/// <summary>
/// Entry point of this assembly. With <c>crash-writer &lt;data-dir&gt;</c> it starts a real silo on the SQLite
/// provider (default settings) and writes grain state through the silo's "Default" IGrainStorage plus group-commit
/// rows, forever, printing one line per acknowledged write, until the test kills it with SIGKILL.
/// The test host never calls it.
/// </summary>
public static class CrashWriter
{
    public const string Command = "crash-writer";

    public static async Task<int> Main(string[] args)
    {
        if (args.Length != 2 || args[0] != Command)
        {
            return 0;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CommerceBrain:DataDirectory"] = args[1],
        }).Build();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddStorage(configuration);
        builder.Services.AddStorageMigrations(Fixtures.StorageHarness.TestMigrationModule, typeof(CrashWriter).Assembly);
        builder.UseOrleans(silo => silo
            .UseLocalhostClustering(FreePort(), FreePort())
            .AddCommerceBrainStorage(StorageSettings.FromConfiguration(configuration)));
        using var host = builder.Build();
        await host.StartAsync();

        var storage = host.Services.GetRequiredKeyedService<IGrainStorage>(StorageServiceCollectionExtensions.DefaultStorageName);
        await using var events = host.Services.GetRequiredService<IGroupCommitWriterFactory>().Create(GroupCommitContract.Table);
        var output = Console.Out;
        var states = Enumerable.Range(0, 8).Select(_ => new GrainState<TestState> { State = new TestState() }).ToArray();
        Console.WriteLine("ready");
        for (long i = 0; ; i++)
        {
            var grain = (int)(i % states.Length);
            states[grain].State = new TestState { Text = $"write {i}", Big = i };
            await storage.WriteStateAsync("state", GrainId.Create("crash", $"g{grain}"), states[grain]);
            await output.WriteLineAsync($"state g{grain} {states[grain].ETag}");

            // Several appends in flight at once, so batches hold more than one row when the kill lands.
            await Task.WhenAll(Enumerable.Range(0, 4).Select(k => events.AppendAsync(new GroupCommitContract.TestEvent("crash", (i * 4) + k, null, DateTimeOffset.UnixEpoch))));
            await output.WriteLineAsync($"rows {(i * 4) + 3}");
            await output.FlushAsync();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
