using CommerceBrain.Actors;
using CommerceBrain.Actors.Persistence;
using CommerceBrain.Storage.GroupCommit;
using CommerceBrain.Storage.Tests.Contracts;
using CommerceBrain.Storage.Tests.Fixtures;

namespace CommerceBrain.Storage.Tests.Durability;

/// <summary>
/// Entry point of this assembly. With <c>crash-writer &lt;data-dir&gt;</c> it writes grain state and group-commit rows
/// forever, printing one line per acknowledged write, until the test kills it with SIGKILL. The test host never calls it.
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

        await using var harness = await StorageHarness.StartAsync(new Dictionary<string, string?> { ["CommerceBrain:DataDirectory"] = args[1] });
        var storage = harness.Get<IGrainStorage>();
        await using var events = harness.Get<IGroupCommitWriterFactory>().Create(GroupCommitContract.Table);
        var output = Console.Out;
        var etags = new string?[8];
        Console.WriteLine("ready");
        for (long i = 0; ; i++)
        {
            var grain = (int)(i % etags.Length);
            etags[grain] = await storage.WriteAsync(new GrainId("crash", $"g{grain}"), "state", BitConverter.GetBytes(i), etags[grain]);
            await output.WriteLineAsync($"state g{grain} {etags[grain]}");

            // Several appends in flight at once, so batches hold more than one row when the kill lands.
            await Task.WhenAll(Enumerable.Range(0, 4).Select(k => events.AppendAsync(new GroupCommitContract.TestEvent("crash", (i * 4) + k, null, DateTimeOffset.UnixEpoch))));
            await output.WriteLineAsync($"rows {(i * 4) + 3}");
            await output.FlushAsync();
        }
    }
}
