using Microsoft.Extensions.Logging;

namespace CommerceBrain.Storage.GroupCommit;

internal sealed class GroupCommitWriterFactory(StorageDatabase database, ILoggerFactory loggerFactory) : IGroupCommitWriterFactory
{
    public GroupCommitWriter<TRow> Create<TRow>(AppendOnlyTable<TRow> table, GroupCommitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        return new GroupCommitWriter<TRow>(
            table.Name,
            database.CreateBulkAppender(table),
            options ?? database.Settings.Options.GroupCommit,
            database.Time,
            loggerFactory.CreateLogger<GroupCommitWriter<TRow>>());
    }
}
