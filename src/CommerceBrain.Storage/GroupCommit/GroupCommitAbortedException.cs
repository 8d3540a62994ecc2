namespace CommerceBrain.Storage.GroupCommit;

/// <summary>
/// A row was accepted by a <see cref="GroupCommitWriter{TRow}"/> but its batch had not committed when the writer's
/// shutdown timeout elapsed. The row may or may not be stored (a cancelled flush can still commit on the server);
/// treat it like a failed write and retry idempotently after restart.
/// </summary>
public sealed class GroupCommitAbortedException : Exception
{
    public GroupCommitAbortedException(string message)
        : base(message)
    {
    }

    public GroupCommitAbortedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
