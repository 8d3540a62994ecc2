using System.Globalization;
using System.Text.Json;
using CommerceBrain.IntegrationTests.Infrastructure;

namespace CommerceBrain.IntegrationTests;

public sealed class LoggingTests
{
    [Fact]
    public async Task Json_log_format_writes_one_json_object_per_line()
    {
        using var data = TempDirectory.Create();
        await using var silo = SiloProcess.Start(
            ["serve", "--urls", "http://127.0.0.1:0", "--data-dir", data.Path, "--log-format", "json"]);

        using (var client = await silo.WaitUntilReadyAsync())
        {
            await client.IncrementAsync("logged");
        }

        silo.Terminate();
        Assert.Equal(0, await silo.WaitForExitAsync());

        var lines = silo.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.NotEmpty(lines);
        foreach (var line in lines)
        {
            var entry = JsonDocument.Parse(line).RootElement;
            Assert.True(entry.TryGetProperty("LogLevel", out _), line);
            Assert.True(entry.TryGetProperty("Category", out _), line);
            var timestamp = entry.GetProperty("Timestamp").GetString()!;
            Assert.True(DateTimeOffset.TryParseExact(timestamp, "yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _), line);
        }

        Assert.Contains(lines, l => l.Contains("\"Category\":\"CommerceBrain.Storage.StorageInitializer\"", StringComparison.Ordinal));
    }
}
