using System.CommandLine;
using CommerceBrain.Nlu.Benchmarks;
using CommerceBrain.Nlu.Cli;

// `nlu …` runs the product command line; `faq` and `throughput` run the FAQ and intent benchmarks.
var root = new RootCommand("CommerceBrain NLU benchmarks and command line.");
root.Subcommands.Add(NluCommand.Create());
root.Subcommands.Add(FaqBenchmark.Create());
root.Subcommands.Add(ThroughputBenchmark.Create());
return root.Parse(args).Invoke();
