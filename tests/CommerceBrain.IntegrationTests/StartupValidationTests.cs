using System.Net;
using System.Net.Sockets;
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

    [Fact]
    public async Task An_unknown_storage_provider_stops_start_up_naming_the_setting()
    {
        using var data = TempDirectory.Create();

        var stderr = await RefusedStartAsync(["serve", "--urls", "http://127.0.0.1:0", "--data-dir", data.Path, "--storage", "Banana"]);

        Assert.Contains("CommerceBrain:Storage:Provider", stderr, StringComparison.Ordinal);
        Assert.Contains("Banana", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_storage_provider_in_the_environment_stops_start_up_too()
    {
        using var data = TempDirectory.Create();

        var stderr = await RefusedStartAsync(
            ["--urls", "http://127.0.0.1:0", "--data-dir", data.Path],
            new Dictionary<string, string?> { ["CommerceBrain__Storage__Provider"] = "Oracle" });

        Assert.Contains("CommerceBrain:Storage:Provider", stderr, StringComparison.Ordinal);
        Assert.Contains("Oracle", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostgreSql_without_a_connection_string_stops_start_up_naming_the_setting()
    {
        using var data = TempDirectory.Create();

        var stderr = await RefusedStartAsync(["serve", "--urls", "http://127.0.0.1:0", "--data-dir", data.Path, "--storage", "PostgreSql"]);

        Assert.Contains("CommerceBrain:Storage:ConnectionString", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_PostgreSql_server_stops_start_up_naming_the_setting()
    {
        using var data = TempDirectory.Create();
        var port = FreePort.Closed();

        var stderr = await RefusedStartAsync(
        [
            "serve", "--urls", "http://127.0.0.1:0", "--data-dir", data.Path, "--storage", "PostgreSql",
            "--connection-string", $"Host=127.0.0.1;Port={port};Username=commercebrain;Password=hunter2;Database=commercebrain;Timeout=5",
        ]);

        Assert.Contains("CommerceBrain:Storage:ConnectionString", stderr, StringComparison.Ordinal);
        Assert.Contains($"127.0.0.1:{port}", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_PostgreSql_database_stops_start_up_with_the_configuration_exit_code()
    {
        using var data = TempDirectory.Create();
        await using var database = await PostgresTestDatabase.CreateAsync();
        var missing = new Npgsql.NpgsqlConnectionStringBuilder(database.ConnectionString) { Database = database.Name + "_missing" }.ConnectionString;

        var (stderr, exitCode) = await RefusedStartWithExitCodeAsync(
            ["serve", "--urls", "http://127.0.0.1:0", "--data-dir", data.Path, "--storage", "PostgreSql", "--connection-string", missing]);

        Assert.Contains("CommerceBrain:Storage:ConnectionString", stderr, StringComparison.Ordinal);
        Assert.Contains(database.Name + "_missing", stderr, StringComparison.Ordinal);
        Assert.Equal(CommerceBrain.Silo.CommandLine.ExitCodes.ConfigurationError, exitCode);
    }

    [Fact]
    public async Task A_PostgreSql_schema_the_user_may_not_create_stops_start_up_with_the_configuration_exit_code()
    {
        using var data = TempDirectory.Create();
        await using var database = await PostgresTestDatabase.CreateAsync();
        var role = "cb_no_create_" + Guid.NewGuid().ToString("N")[..8];
        await ExecuteAsync(database.ConnectionString, $"CREATE ROLE {role} LOGIN; REVOKE CREATE ON SCHEMA public FROM PUBLIC;");
        try
        {
            var asRole = new Npgsql.NpgsqlConnectionStringBuilder(database.ConnectionString) { Username = role, Pooling = false }.ConnectionString;

            var (stderr, exitCode) = await RefusedStartWithExitCodeAsync(
                ["serve", "--urls", "http://127.0.0.1:0", "--data-dir", data.Path, "--storage", "PostgreSql", "--connection-string", asRole]);

            Assert.Contains("CommerceBrain:Storage:ConnectionString", stderr, StringComparison.Ordinal);
            Assert.Equal(CommerceBrain.Silo.CommandLine.ExitCodes.ConfigurationError, exitCode);
        }
        finally
        {
            await database.DropAsync();
            await ExecuteAsync(Environment.GetEnvironmentVariable(PostgresTestDatabase.Variable)!, $"DROP ROLE IF EXISTS {role}");
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task An_address_in_use_stops_start_up_naming_the_urls_setting()
    {
        using var data = TempDirectory.Create();
        using var occupant = new TcpListener(IPAddress.Loopback, 0);
        occupant.Start();
        var port = ((IPEndPoint)occupant.LocalEndpoint).Port;

        // The host itself logs the bind failure on stdout; the operator's line on stderr is what this test is about.
        var stderr = await RefusedStartAsync(
            ["serve", "--urls", $"http://127.0.0.1:{port}", "--data-dir", data.Path], stdoutMayHoldTheHostLog: true);

        Assert.StartsWith("commercebrain: urls:", stderr, StringComparison.Ordinal);
        Assert.Contains($"127.0.0.1:{port}", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreadable_cluster_setting_stops_start_up_naming_the_setting()
    {
        using var data = TempDirectory.Create();

        var stderr = await RefusedStartAsync(
            ["serve", "--urls", "http://127.0.0.1:0", "--data-dir", data.Path],
            new Dictionary<string, string?> { ["CommerceBrain__Cluster__ProbeTimeoutSeconds"] = "soon" });

        Assert.Contains("CommerceBrain:Cluster:ProbeTimeoutSeconds", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cluster_mode_on_sqlite_stops_start_up_with_the_configuration_exit_code()
    {
        using var data = TempDirectory.Create();

        var (stderr, exitCode) = await RefusedStartWithExitCodeAsync(
            ["serve", "--urls", "http://127.0.0.1:0", "--data-dir", data.Path, "--cluster"]);

        Assert.StartsWith("commercebrain: CommerceBrain:Cluster:Enabled is true but CommerceBrain:Storage:Provider is Sqlite", stderr, StringComparison.Ordinal);
        Assert.Equal(CommerceBrain.Silo.CommandLine.ExitCodes.ConfigurationError, exitCode);
    }

    [Fact]
    public async Task A_silo_port_in_use_stops_start_up_naming_the_setting()
    {
        using var data = TempDirectory.Create();
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        var port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port;

        var (stderr, exitCode) = await RefusedStartWithExitCodeAsync(
            ["serve", "--urls", "http://127.0.0.1:0", "--data-dir", data.Path, "--silo-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            stdoutMayHoldTheHostLog: true);

        Assert.StartsWith("commercebrain: CommerceBrain:Cluster:SiloPort:", stderr, StringComparison.Ordinal);
        Assert.Equal(CommerceBrain.Silo.CommandLine.ExitCodes.ConfigurationError, exitCode);
    }

    internal static async Task<string> RefusedStartAsync(
        IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null, bool stdoutMayHoldTheHostLog = false) =>
        (await RefusedStartWithExitCodeAsync(arguments, environment, stdoutMayHoldTheHostLog)).Line;

    internal static async Task<(string Line, int ExitCode)> RefusedStartWithExitCodeAsync(
        IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null, bool stdoutMayHoldTheHostLog = false)
    {
        await using var silo = SiloProcess.Start(arguments, environment);

        var exitCode = await silo.WaitForExitAsync();

        Assert.True(exitCode != 0, $"The silo started although the configuration is bad.{Environment.NewLine}{silo.Describe()}");
        var lines = silo.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(lines.Length == 1, $"Expected exactly one line on stderr.{Environment.NewLine}{silo.Describe()}");
        Assert.StartsWith("commercebrain: ", lines[0], StringComparison.Ordinal);
        Assert.DoesNotMatch(StackFrame(), stdoutMayHoldTheHostLog ? silo.StandardError : silo.StandardOutput + silo.StandardError);
        return (lines[0], exitCode);
    }

    [GeneratedRegex(@"(?m)^\s+at \S+\(")]
    private static partial Regex StackFrame();
}
