using CommerceBrain.Inference.Contracts;

namespace CommerceBrain.Inference.Batching;

/// <summary>A queued request and the task its caller awaits.</summary>
internal sealed class PendingRequest
{
    readonly TaskCompletionSource<InferenceResult> completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    readonly CancellationTokenRegistration cancellation;
    readonly Dictionary<string, InputRow> rows;

    public PendingRequest(InferenceRequest request, CancellationToken cancellationToken)
    {
        Request = request;
        rows = new Dictionary<string, InputRow>(request.Inputs.Count, StringComparer.Ordinal);
        foreach (var row in request.Inputs)
        {
            ArgumentNullException.ThrowIfNull(row, nameof(request));
            if (!rows.TryAdd(row.Name, row))
                throw new ArgumentException($"Input '{row.Name}' is given twice in one request.", nameof(request));
        }
        if (cancellationToken.CanBeCanceled)
            cancellation = cancellationToken.UnsafeRegister(
                static (state, token) => ((PendingRequest)state!).completion.TrySetCanceled(token), this);
    }

    public InferenceRequest Request { get; }

    public Task<InferenceResult> Task => completion.Task;

    /// <summary>Whether the caller already has an outcome (e.g. it cancelled while queued).</summary>
    public bool IsDone => completion.Task.IsCompleted;

    /// <summary>Set by validation: the row layout key; requests with equal keys can share a run.</summary>
    public string Signature { get; set; } = string.Empty;

    public InputRow Row(string name) => rows[name];

    public bool TryGetRow(string name, out InputRow row) => rows.TryGetValue(name, out row!);

    public void Complete(InferenceResult result)
    {
        completion.TrySetResult(result);
        cancellation.Dispose();
    }

    public void Fail(Exception error)
    {
        completion.TrySetException(error);
        cancellation.Dispose();
    }

    /// <summary>Completes the caller's task as cancelled (its await throws <see cref="OperationCanceledException"/>).</summary>
    public void Cancel(CancellationToken token)
    {
        completion.TrySetCanceled(token);
        cancellation.Dispose();
    }
}
