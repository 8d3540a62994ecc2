namespace CommerceBrain.Actors;

/// <summary>A read-only view of the local actor runtime for health checks and the operations dashboard.</summary>
public interface IActorRuntimeDiagnostics
{
    /// <summary>Live activations, stateless workers counted one by one.</summary>
    int ActivationCount { get; }

    /// <summary>Calls that did not complete synchronously and are still waiting for a result.</summary>
    int PendingCallCount { get; }

    /// <summary>True once shutdown has begun.</summary>
    bool IsStopping { get; }

    /// <summary>Live activations per grain type name.</summary>
    IReadOnlyDictionary<string, int> ActivationsByType();
}
