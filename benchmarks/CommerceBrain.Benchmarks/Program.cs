Console.WriteLine("usage: benchmarks <name>");
