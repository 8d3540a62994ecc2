using System.Net.Sockets;
using CommerceBrain.Storage;
using Microsoft.Extensions.Options;
using Orleans.Runtime;

namespace CommerceBrain.Silo.Hosting;

/// <summary>Turns a start-up exception into the one line an operator reads on stderr, and an exit code.</summary>
public static class StartupFailure
{
    /// <summary>Describes <paramref name="exception"/>; configuration faults get no stack trace and exit code 78.</summary>
    public static (string Line, int ExitCode, bool IsConfiguration) Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var configurationFault = Find<SiloConfigurationException>(exception)?.Message
            ?? Find<StorageConfigurationException>(exception)?.Message
            ?? Find<Identity.IdentityConfigurationException>(exception)?.Message
            ?? Find<OptionsValidationException>(exception)?.Message
            ?? DescribeOrleansConfiguration(exception)
            ?? DescribeBindFailure(exception)
            ?? DescribeSiloPortInUse(exception)
            ?? DescribeDatabaseFault(exception)
            ?? DescribeBadValue(exception);
        if (configurationFault is not null)
        {
            return (OneLine(configurationFault), CommandLine.ExitCodes.ConfigurationError, true);
        }

        return (OneLine($"start-up failed: {exception.GetType().Name}: {exception.Message}"), CommandLine.ExitCodes.Failure, false);
    }

    private static string? DescribeBindFailure(Exception exception)
    {
        var io = Find<IOException>(exception);
        return io is not null && io.Message.StartsWith("Failed to bind to address", StringComparison.Ordinal)
            ? $"urls: {io.Message.TrimEnd('.')}. Choose a free address with --urls or ASPNETCORE_URLS."
            : null;
    }

    private static string? DescribeOrleansConfiguration(Exception exception) =>
        Find<OrleansConfigurationException>(exception) is { } orleans
            ? $"Orleans refused its configuration: {orleans.Message} (see {Cluster.ClusterSettings.SectionName} in docs/operations.md)."
            : null;

    // Kestrel's own bind failure is an IOException (above); the Orleans silo and gateway listeners surface the socket error.
    private static string? DescribeSiloPortInUse(Exception exception) =>
        Find<SocketException>(exception) is { SocketErrorCode: SocketError.AddressAlreadyInUse } socket
            ? $"{Cluster.ClusterSettings.SectionName}:SiloPort: the Orleans silo port (or gateway port) is already in use ({socket.Message}). " +
              "Choose free ports with --silo-port/--gateway-port or CommerceBrain__Cluster__SiloPort/GatewayPort."
            : null;

    // Orleans' ADO.NET providers talk to PostgreSQL themselves as the silo starts; what they hit there is the operator's to fix.
    private static string? DescribeDatabaseFault(Exception exception) =>
        Find<Npgsql.PostgresException>(exception) is { } postgres && postgres.SqlState is "42P01" or "42883" or "3D000" or "28P01" or "28000" or "42501"
            ? $"CommerceBrain:Storage:ConnectionString: PostgreSQL refused the silo ({postgres.SqlState}: {postgres.MessageText}). " +
              "Check the database name and credentials, and that the silo's user may create tables (the schema is created at start-up)."
            : null;

    // The configuration binder has no exception type of its own; its message names the key ("Failed to convert
    // configuration value 'soon' at 'CommerceBrain:Cluster:SiloPort' ...").
    private static string? DescribeBadValue(Exception exception)
    {
        var invalid = Find<InvalidOperationException>(exception);
        return invalid is not null && invalid.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal)
            ? invalid.Message
            : null;
    }

    private static T? Find<T>(Exception exception) where T : Exception
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is T found)
            {
                return found;
            }

            if (current is AggregateException { InnerExceptions.Count: 1 } aggregate && aggregate.InnerExceptions[0] is T inner)
            {
                return inner;
            }
        }

        return null;
    }

    private static string OneLine(string text) =>
        "commercebrain: " + string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
