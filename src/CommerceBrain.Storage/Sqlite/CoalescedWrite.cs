using Microsoft.Data.Sqlite;

namespace CommerceBrain.Storage.Sqlite;

/// <summary>
/// One caller's single-statement write waiting to join a shared transaction on the writer connection
/// (see <see cref="SqliteDatabase.WriteCoalescedAsync{T}"/>). Its task completes only after that transaction commits.
/// </summary>
internal abstract class CoalescedWrite
{
    private const int Waiting = 0;
    private const int Taken = 1;
    private const int Cancelled = 2;

    private int _state;

    /// <summary>Claims the write for a batch; false when its caller gave up first.</summary>
    public bool TryTake() => Interlocked.CompareExchange(ref _state, Taken, Waiting) == Waiting;

    /// <summary>Withdraws the write; false when a batch already claimed it (the caller must then await it).</summary>
    public bool TryCancel() => Interlocked.CompareExchange(ref _state, Cancelled, Waiting) == Waiting;

    /// <summary>Runs the statement inside the open transaction; keeps its result or exception until the commit.</summary>
    public abstract void Run(SqliteConnection writer);

    /// <summary>The transaction committed: hand over the result (or the write's own exception).</summary>
    public abstract void Complete();

    /// <summary>The transaction did not commit: nothing of this write is stored.</summary>
    public abstract void Fail(Exception exception);
}

/// <inheritdoc cref="CoalescedWrite"/>
internal sealed class CoalescedWrite<T>(Func<SqliteConnection, T> work) : CoalescedWrite
{
    private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private T _result = default!;
    private Exception? _exception;

    public Task<T> Task => _completion.Task;

    public override void Run(SqliteConnection writer)
    {
        try
        {
            _result = work(writer);
        }
        catch (Exception ex)
        {
            _exception = ex;
        }
    }

    public override void Complete()
    {
        if (_exception is null)
        {
            _completion.TrySetResult(_result);
        }
        else
        {
            _completion.TrySetException(_exception);
        }
    }

    public override void Fail(Exception exception) => _completion.TrySetException(exception);
}
