using System.Reflection;

namespace CommerceBrain.Actors.Filters;

/// <summary>One incoming grain call as seen by <see cref="IIncomingGrainCallFilter"/>.</summary>
public interface IIncomingGrainCallContext
{
    /// <summary>The grain instance.</summary>
    object Grain { get; }

    /// <summary>The grain's identity.</summary>
    GrainId GrainId { get; }

    /// <summary>The grain interface method called.</summary>
    MethodInfo InterfaceMethod { get; }

    /// <summary>The implementation of <see cref="InterfaceMethod"/> on the grain class.</summary>
    MethodInfo ImplementationMethod { get; }

    /// <summary>The arguments; a filter may replace elements before invoking.</summary>
    object?[] Arguments { get; }

    /// <summary>The result once invoked (null for methods without a result); a filter may replace it.</summary>
    object? Result { get; set; }

    /// <summary>Runs the next filter, or the grain method at the end of the chain.</summary>
    Task Invoke();
}
