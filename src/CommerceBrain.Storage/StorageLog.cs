using Microsoft.Extensions.Logging;

namespace CommerceBrain.Storage;

internal static partial class StorageLog
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Information, Message = "Storage ready: {Location}, {Applied} migration(s) applied")]
    public static partial void StorageReady(ILogger logger, string location, int applied);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Applied migration {Module}/{MigrationName}")]
    public static partial void MigrationApplied(ILogger logger, string module, string migrationName);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Error, Message = "Group commit of {BatchSize} row(s) by writer {Writer} failed")]
    public static partial void GroupCommitFailed(ILogger logger, Exception exception, string writer, int batchSize);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Warning, Message = "Group-commit writer {Writer} shut down with {Rows} row(s) uncommitted after {Timeout}; their callers were failed")]
    public static partial void GroupCommitAbandoned(ILogger logger, string writer, int rows, TimeSpan timeout);
}
