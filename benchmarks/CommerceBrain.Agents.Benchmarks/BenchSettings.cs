using System.Globalization;

namespace CommerceBrain.Agents.Benchmarks;

/// <summary>What one run does; parsed from <c>--name value</c> pairs, every figure checked before anything is sent.</summary>
internal sealed record BenchSettings(Uri Url, int Sessions, int Agents, double Rate, int Seconds, int? SiloPid)
{
    /// <summary>The most sessions one agent may hold (the agents module's default <c>MaxCapacity</c>).</summary>
    public const int MaxCapacity = 20;

    /// <summary>Sessions per agent: the agents share the sessions evenly.</summary>
    public int Capacity => (Sessions + Agents - 1) / Agents;

    public const string Usage =
        "usage: CommerceBrain.Agents.Benchmarks --url http://127.0.0.1:PORT [--sessions 1000] [--agents sessions/10] [--rate 200] [--seconds 60] [--silo-pid PID]";

    /// <summary>The settings, or the one line that says what is wrong with <paramref name="args"/>.</summary>
    public static (BenchSettings? Settings, string? Error) Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                return (null, $"unexpected argument '{args[i]}'; {Usage}");
            }

            values[args[i][2..]] = args[++i];
        }

        var unknown = values.Keys.Except(["url", "sessions", "agents", "rate", "seconds", "silo-pid"]).FirstOrDefault();
        if (unknown is not null)
        {
            return (null, $"unknown option --{unknown}; {Usage}");
        }

        if (!values.TryGetValue("url", out var urlText) || !Uri.TryCreate(urlText, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            return (null, $"--url must be the silo's http:// address (got '{values.GetValueOrDefault("url")}')");
        }

        if (!TryPositive(values, "sessions", 1000, out var sessions, out var error)
            || !TryPositive(values, "agents", (sessions + 9) / 10, out var agents, out error)
            || !TryPositive(values, "seconds", 60, out var seconds, out error))
        {
            return (null, error);
        }

        var rateText = values.GetValueOrDefault("rate", "200");
        if (!double.TryParse(rateText, NumberStyles.Float, CultureInfo.InvariantCulture, out var rate) || !(rate > 0) || double.IsInfinity(rate))
        {
            return (null, $"--rate must be a number of messages per second > 0 (got '{rateText}')");
        }

        if (agents > sessions)
        {
            return (null, $"--agents ({agents}) must not exceed --sessions ({sessions}): every agent follows at least one session");
        }

        int? pid = null;
        if (values.TryGetValue("silo-pid", out var pidText))
        {
            if (!int.TryParse(pidText, NumberStyles.None, CultureInfo.InvariantCulture, out var p) || !File.Exists($"/proc/{p}/stat"))
            {
                return (null, $"--silo-pid must be the id of a running process (got '{pidText}')");
            }

            pid = p;
        }

        var settings = new BenchSettings(url, sessions, agents, rate, seconds, pid);
        return settings.Capacity > MaxCapacity
            ? (null, $"{sessions} sessions over {agents} agents is {settings.Capacity} per agent, above the maximum capacity {MaxCapacity}: use more agents")
            : (settings, null);
    }

    private static bool TryPositive(Dictionary<string, string> values, string name, int fallback, out int value, out string? error)
    {
        error = null;
        if (!values.TryGetValue(name, out var text))
        {
            value = fallback;
            return true;
        }

        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value) && value > 0)
        {
            return true;
        }

        error = $"--{name} must be a whole number > 0 (got '{text}')";
        return false;
    }
}
