using System.Text.RegularExpressions;
using CommerceBrain.IntegrationTests.Infrastructure;

namespace CommerceBrain.IntegrationTests;

/// <summary>Runs the real executable with bad settings: it must refuse to start with one clear line on stderr.</summary>
public sealed partial class StartupValidationTests
{
    [Fact]
    public async Task A_data_directory_below_a_file_stops_start_up_naming_the_setting()
    {
        using var temp = TempDirectory.Create();
        var file = Path.Combine(temp.Path, "not-a-directory");
        await File.WriteAllTextAsync(file, "x");

        var stderr = await RefusedStartAsync(["serve", "--urls", "http://127.0.0.1:0", "--data-dir", Path.Combine(file, "data")]);

        Assert.Contains("CommerceBrain:DataDirectory", stderr, StringComparison.Ordinal);
        Assert.Contains("--data-dir", stderr, StringComparison.Ordinal);
    }

    internal static async Task<string> RefusedStartAsync(IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null)
    {
        await using var silo = SiloProcess.Start(arguments, environment);

        var exitCode = await silo.WaitForExitAsync();

        Assert.True(exitCode != 0, $"The silo started although the configuration is bad.{Environment.NewLine}{silo.Describe()}");
        var lines = silo.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(lines.Length == 1, $"Expected exactly one line on stderr.{Environment.NewLine}{silo.Describe()}");
        Assert.StartsWith("commercebrain: ", lines[0], StringComparison.Ordinal);
        Assert.DoesNotMatch(StackFrame(), silo.StandardOutput + silo.StandardError);
        return lines[0];
    }

    [GeneratedRegex(@"(?m)^\s+at \S+\(")]
    private static partial Regex StackFrame();
}
