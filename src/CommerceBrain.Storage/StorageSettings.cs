using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace CommerceBrain.Storage;

/// <summary>Validated storage configuration: the provider, its connection string and the data directory.</summary>
public sealed record StorageSettings(
    StorageProviderKind Provider,
    string ConnectionString,
    string DataDirectory,
    StorageOptions Options)
{
    /// <summary>The environment-variable spelling of the data directory setting.</summary>
    public const string DataDirectoryEnvironmentVariable = "CommerceBrain__DataDirectory";

    /// <summary>Reads and validates the configuration; throws <see cref="StorageConfigurationException"/> with a fix-it message.</summary>
    public static StorageSettings FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new StorageOptions();
        try
        {
            configuration.GetSection(StorageOptions.SectionName).Bind(options);
        }
        catch (InvalidOperationException ex)
        {
            throw new StorageConfigurationException(
                $"The '{StorageOptions.SectionName}' section has an invalid value: {ex.Message}", ex);
        }

        var dataDirectory = configuration[StorageOptions.DataDirectorySetting];
        return Resolve(options, string.IsNullOrWhiteSpace(dataDirectory) ? "./data" : dataDirectory);
    }

    /// <summary>Validates already-bound options.</summary>
    public static StorageSettings Resolve(StorageOptions options, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(options);
        var provider = ParseProvider(options.Provider);
        var fullDataDirectory = FullPath(dataDirectory);
        if (!Enum.TryParse<SqliteSynchronousMode>(options.SqliteSynchronous, ignoreCase: true, out var synchronous)
            || !Enum.IsDefined(synchronous) || int.TryParse(options.SqliteSynchronous, out _))
        {
            throw new StorageConfigurationException(
                $"'{StorageOptions.SectionName}:SqliteSynchronous' is '{options.SqliteSynchronous}'; valid values are Full (the default, " +
                "durable across power loss) and Normal (durable across process crashes only).");
        }

        return provider switch
        {
            StorageProviderKind.PostgreSql => new StorageSettings(provider, PostgreSqlConnectionString(options.ConnectionString), fullDataDirectory, options),
            _ => new StorageSettings(provider, SqliteConnectionString(options.ConnectionString, fullDataDirectory), fullDataDirectory, options),
        };
    }

    /// <summary>The SQLite database file, or null for the PostgreSQL provider.</summary>
    public string? SqliteFile => Provider == StorageProviderKind.Sqlite
        ? new SqliteConnectionStringBuilder(ConnectionString).DataSource
        : null;

    /// <summary>A description of where data lives, without credentials (for logs and messages).</summary>
    public string Describe()
    {
        if (Provider == StorageProviderKind.Sqlite)
        {
            return $"SQLite file {SqliteFile}";
        }

        var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
        return $"PostgreSQL {builder.Host}:{builder.Port}/{builder.Database}";
    }

    private static StorageProviderKind ParseProvider(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return StorageProviderKind.Sqlite;
        }

        if (Enum.TryParse<StorageProviderKind>(value.Trim(), ignoreCase: true, out var kind) && Enum.IsDefined(kind)
            && !int.TryParse(value, out _))
        {
            return kind;
        }

        throw new StorageConfigurationException(
            $"'{StorageOptions.SectionName}:Provider' is '{value}', which is not a storage provider. " +
            $"Valid values: {string.Join(", ", Enum.GetNames<StorageProviderKind>())} (case-insensitive).");
    }

    private static string FullPath(string dataDirectory)
    {
        try
        {
            return Path.GetFullPath(dataDirectory);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new StorageConfigurationException(
                $"The data directory '{dataDirectory}' is not a valid path. Set '{StorageOptions.DataDirectorySetting}' " +
                $"(environment variable {DataDirectoryEnvironmentVariable}) to a writable directory.", ex);
        }
    }

    private static string PostgreSqlConnectionString(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new StorageConfigurationException(
                $"'{StorageOptions.SectionName}:Provider' is PostgreSql but '{StorageOptions.SectionName}:ConnectionString' is empty. " +
                "Set it (environment variable CommerceBrain__Storage__ConnectionString), e.g. " +
                "'Host=db;Port=5432;Database=commercebrain;Username=commercebrain;Password=...'.");
        }

        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            if (string.IsNullOrWhiteSpace(builder.Host))
            {
                throw new StorageConfigurationException(
                    $"'{StorageOptions.SectionName}:ConnectionString' has no Host. Add 'Host=<server>;Port=<port>'.");
            }

            return builder.ConnectionString;
        }
        catch (ArgumentException ex)
        {
            // The parser's message may quote the offending fragment, so it is left out: it could hold a password.
            throw new StorageConfigurationException(
                $"'{StorageOptions.SectionName}:ConnectionString' is not a valid PostgreSQL connection string. " +
                "Use 'Key=Value;' pairs such as 'Host=db;Port=5432;Database=commercebrain;Username=...;Password=...'.", ex);
        }
    }

    private static string SqliteConnectionString(string? connectionString, string dataDirectory)
    {
        SqliteConnectionStringBuilder builder;
        try
        {
            builder = string.IsNullOrWhiteSpace(connectionString)
                ? new SqliteConnectionStringBuilder { DataSource = Path.Combine(dataDirectory, StorageOptions.DefaultSqliteFileName) }
                : new SqliteConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException ex)
        {
            throw new StorageConfigurationException(
                $"'{StorageOptions.SectionName}:ConnectionString' is not a valid SQLite connection string ({ex.Message}). " +
                "Leave it empty to use <DataDirectory>/commercebrain.db.", ex);
        }

        if (string.IsNullOrWhiteSpace(builder.DataSource) || builder.DataSource == ":memory:" || builder.Mode == SqliteOpenMode.Memory)
        {
            throw new StorageConfigurationException(
                $"'{StorageOptions.SectionName}:ConnectionString' must name a SQLite file; in-memory databases lose data. " +
                "Leave it empty to use <DataDirectory>/commercebrain.db.");
        }

        builder.DataSource = Path.GetFullPath(builder.DataSource, dataDirectory);
        builder.Pooling = true;
        builder.Mode = SqliteOpenMode.ReadWriteCreate;
        return builder.ConnectionString;
    }
}
