namespace CommerceBrain.Actors;

/// <summary>
/// A grain call did not complete within <see cref="ActorsOptions.CallTimeout"/> (queue time included).
/// On non-reentrant grains a call cycle such as A→B→A ends in this exception.
/// </summary>
public sealed class GrainCallTimeoutException : TimeoutException
{
    public GrainCallTimeoutException(GrainId grainId, string methodName, TimeSpan timeout)
        : base($"Call to {methodName} on grain '{grainId}' timed out after {timeout.TotalSeconds:0.###} s. " +
               "If grains call each other in a cycle, mark the grain [Reentrant] or the method [AlwaysInterleave].")
    {
        GrainId = grainId;
        MethodName = methodName;
        Timeout = timeout;
    }

    /// <summary>The called grain.</summary>
    public GrainId GrainId { get; }

    /// <summary>The interface method, as <c>IInterface.Method</c>.</summary>
    public string MethodName { get; }

    /// <summary>The timeout that expired.</summary>
    public TimeSpan Timeout { get; }
}
