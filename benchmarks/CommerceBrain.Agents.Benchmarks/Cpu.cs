using System.Diagnostics;
using System.Globalization;

namespace CommerceBrain.Agents.Benchmarks;

/// <summary>CPU time of the silo process (<c>/proc/PID/stat</c>), of this driver, and of the whole machine (<c>/proc/stat</c>).</summary>
internal static class Cpu
{
    // USER_HZ: the unit of /proc's CPU times on Linux (100 on every mainstream architecture).
    private const double TicksPerSecond = 100;

    public sealed record Snapshot(long Timestamp, double? SiloSeconds, double DriverSeconds, double MachineBusySeconds, double MachineTotalSeconds);

    public static Snapshot Sample(int? siloPid) =>
        new(Stopwatch.GetTimestamp(), siloPid is { } pid ? ProcessSeconds(pid) : null,
            Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds, Machine().Busy, Machine().Total);

    public static string Describe(Snapshot before, Snapshot after)
    {
        var wall = Stopwatch.GetElapsedTime(before.Timestamp, after.Timestamp).TotalSeconds;
        var inv = CultureInfo.InvariantCulture;
        var silo = before.SiloSeconds is { } s0 && after.SiloSeconds is { } s1
            ? $"silo CPU {((s1 - s0) / wall * 100).ToString("F0", inv)}% of one core"
            : "silo CPU not measured (no --silo-pid)";
        var machineBusy = (after.MachineBusySeconds - before.MachineBusySeconds) / Math.Max(1e-9, after.MachineTotalSeconds - before.MachineTotalSeconds);
        return $"{silo}, driver CPU {((after.DriverSeconds - before.DriverSeconds) / wall * 100).ToString("F0", inv)}% of one core, " +
            $"machine busy {(machineBusy * 100).ToString("F0", inv)}% of {Environment.ProcessorCount} cores, over {wall.ToString("F1", inv)} s of load";
    }

    private static double ProcessSeconds(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
    }

    private static (double Busy, double Total) Machine()
    {
        var cpu = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        var idle = cpu[3] + cpu[4];
        var total = cpu.Take(8).Sum();
        return ((total - idle) / TicksPerSecond, total / TicksPerSecond);
    }
}
