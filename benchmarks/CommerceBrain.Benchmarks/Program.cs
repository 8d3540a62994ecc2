using CommerceBrain.Benchmarks;

// Dispatches by first argument; each benchmark lives in its own file.
var benchmarks = new Dictionary<string, Func<string[], Task<int>>>(StringComparer.OrdinalIgnoreCase)
{
    ["grain-calls"] = GrainCallBenchmark.RunAsync,
    // "state-write" (StateWriteBenchmark.RunAsync) is left out while that file is excluded in the .csproj: it still targets
    // the home-made runtime, and its rewrite on Orleans is being done on another branch.
    ["group-commit"] = GroupCommitBenchmark.RunAsync,
};

if (args.Length == 0 || !benchmarks.TryGetValue(args[0], out var run))
{
    Console.Error.WriteLine($"usage: benchmarks <{string.Join("|", benchmarks.Keys)}> [options]");
    return 2;
}

return await run(args[1..]);
