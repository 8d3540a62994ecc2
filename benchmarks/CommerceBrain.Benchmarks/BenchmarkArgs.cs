using System.Globalization;

namespace CommerceBrain.Benchmarks;

/// <summary>Reads <c>--name value</c> pairs after the benchmark name.</summary>
internal sealed class BenchmarkArgs(string[] args)
{
    public string Get(string name, string fallback)
    {
        var at = Array.IndexOf(args, "--" + name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
    }

    public int GetInt(string name, int fallback) => int.Parse(Get(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

    public double GetDouble(string name, double fallback) => double.Parse(Get(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
}
