using System.Diagnostics;
using System.Runtime.InteropServices;

namespace CommerceBrain.Load.Reporting;

/// <summary>The machine and commit lines of a report.</summary>
internal static class MachineInfo
{
    /// <summary>"host: CPU model, N logical cores, OS, .NET version".</summary>
    public static string Describe()
    {
        var cpu = "unknown CPU";
        try
        {
            if (File.Exists("/proc/cpuinfo"))
            {
                foreach (var line in File.ReadLines("/proc/cpuinfo"))
                {
                    if (line.StartsWith("model name", StringComparison.Ordinal))
                    {
                        cpu = line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
                        break;
                    }
                }
            }
        }
        catch (IOException)
        {
        }

        return $"{Environment.MachineName}: {cpu}, {Environment.ProcessorCount} logical cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}";
    }

    /// <summary>COMMERCEBRAIN_COMMIT, else the short commit of the current directory's git checkout, else "unknown".</summary>
    public static string Commit()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("COMMERCEBRAIN_COMMIT");
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return fromEnvironment.Trim();
        }

        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", "rev-parse --short HEAD")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (git is null)
            {
                return "unknown";
            }

            var output = git.StandardOutput.ReadToEnd().Trim();
            return git.WaitForExit(2000) && git.ExitCode == 0 && output.Length > 0 ? output : "unknown";
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            return "unknown";
        }
    }
}
