namespace CommerceBrain.Actors.Runtime;

/// <summary>A unit of work that runs as a turn on an activation: a grain call or a timer tick.</summary>
internal abstract class GrainRequest(RequestKind kind)
{
    /// <summary>How it may overlap with other requests; set once the target class is known.</summary>
    public RequestKind Kind { get; set; } = kind;

    /// <summary>True once the request must no longer start (timed out, or its timer was disposed).</summary>
    public abstract bool IsAbandoned { get; }

    /// <summary>Whether starting this request counts as activity for idle collection.</summary>
    public virtual bool CountsAsActivity => true;

    /// <summary>Whether a request queued on a deactivating activation is sent on to the next activation.</summary>
    public virtual bool IsForwardable => false;

    /// <summary>The caller's execution context (AsyncLocals such as Activity.Current) for a queued call, so queued and
    /// inline calls see the same ambient state.</summary>
    public ExecutionContext? CallerContext { get; set; }

    /// <summary>The activation running the request; set when it starts.</summary>
    public Activation? Owner { get; set; }

    /// <summary>Starts the work inside the activation's turn.</summary>
    public abstract Task Start(Activation activation);

    /// <summary>Called once with the completed task of the work.</summary>
    public abstract void Complete(Task task);

    /// <summary>Fails a request that could not run (activation failed, runtime stopping).</summary>
    public abstract void Fail(Exception exception);
}
