using CommerceBrain.Benchmarks;

// Dispatches by first argument; each benchmark lives in its own file.
var benchmarks = new Dictionary<string, Func<string[], Task<int>>>(StringComparer.OrdinalIgnoreCase)
{
    ["grain-calls"] = GrainCallBenchmark.RunAsync,
    ["state-writes"] = StateWriteBenchmark.RunAsync,
    ["group-commit"] = GroupCommitBenchmark.RunAsync,
};

if (args.Length == 0 || !benchmarks.TryGetValue(args[0], out var run))
{
    Console.Error.WriteLine($"usage: benchmarks <{string.Join("|", benchmarks.Keys)}> [options]");
    return 2;
}

return await run(args[1..]);
