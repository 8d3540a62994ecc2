using CommerceBrain.Benchmarks;

return args.FirstOrDefault() switch
{
    "state-write" => await StateWriteBenchmark.RunAsync(args[1..]),
    "group-commit" => await GroupCommitBenchmark.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.WriteLine("usage: benchmarks <name> [options]; names: state-write, group-commit");
    return 2;
}
