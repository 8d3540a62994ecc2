namespace CommerceBrain.Storage.GroupCommit;

/// <summary>Batching knobs of a <see cref="GroupCommitWriter{TRow}"/> (section <c>CommerceBrain:Storage:GroupCommit</c>).</summary>
public sealed class GroupCommitOptions
{
    /// <summary>Rows per transaction at most; a full batch is flushed at once.</summary>
    public int MaxBatchSize { get; set; } = 1024;

    /// <summary>How long the first pending row waits for company before its batch is flushed.</summary>
    public TimeSpan FlushDelay { get; set; } = TimeSpan.FromMilliseconds(1);

    /// <summary>Rows accepted but not yet committed; beyond it <c>AppendAsync</c> waits (back-pressure).</summary>
    public int QueueCapacity { get; set; } = 16_384;

    /// <summary>
    /// Batches committed at the same time. 1 keeps commits in append order (and is what SQLite can use);
    /// more lets PostgreSQL overlap one batch's fsync with the next batch's transfer.
    /// </summary>
    public int MaxConcurrentFlushes { get; set; } = 1;

    /// <summary>
    /// How long <c>DisposeAsync</c> waits for accepted rows to commit. When it elapses, running flushes are cancelled
    /// and every caller whose row has not committed gets a <see cref="GroupCommitAbortedException"/> (never a success),
    /// so a hung database cannot hang shutdown.
    /// </summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> for values that cannot work.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxBatchSize, 1, nameof(MaxBatchSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(QueueCapacity, MaxBatchSize, nameof(QueueCapacity));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxConcurrentFlushes, 1, nameof(MaxConcurrentFlushes));
        ArgumentOutOfRangeException.ThrowIfLessThan(FlushDelay, TimeSpan.Zero, nameof(FlushDelay));
        ArgumentOutOfRangeException.ThrowIfLessThan(ShutdownTimeout, TimeSpan.Zero, nameof(ShutdownTimeout));
    }

    internal GroupCommitOptions Copy() => (GroupCommitOptions)MemberwiseClone();
}
