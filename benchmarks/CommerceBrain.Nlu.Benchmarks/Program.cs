using System.CommandLine;
using CommerceBrain.Nlu.Benchmarks;
using CommerceBrain.Nlu.Cli;

// `nlu …` runs the product command line; `faq` runs the FAQ matcher benchmark.
var root = new RootCommand("CommerceBrain NLU benchmarks and command line.");
root.Subcommands.Add(NluCommand.Create());
root.Subcommands.Add(FaqBenchmark.Create());
return root.Parse(args).Invoke();
